//! What the register page shows: every live dossier classified at an instant, most urgent
//! first, the counters above the list, the filters, and the printed register (form 07) and
//! receipt slip. The page only binds these to the screen.

use super::procedure::{Online, Procedure, Term};
use super::record::{Channel, Dossier, Fee, Status};
use super::timeliness::Timeliness;
use crate::calendar::WorkCalendar;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::sync::Arc;

/// One dossier as the worklist shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkRow {
    pub id: String,
    pub code: String,
    pub procedure: String,
    pub procedure_name: String,
    pub applicant: String,
    pub channel: Channel,
    pub received: NaiveDateTime,
    /// The due date as shown (extension and pauses included).
    pub due: NaiveDateTime,
    /// "Hạn tạm tính": the due date runs through a year not yet confirmed.
    pub due_provisional: bool,
    pub status: Status,
    pub timeliness: Timeliness,
    pub due_today: bool,
    pub extended: bool,
    /// The division holding it now, else the procedure's division.
    pub division: String,
    /// Code, applicant, procedure name and id in lower case, apart: what a search looks in,
    /// lowered once per classification instead of on every keystroke.
    pub search: String,
    /// The dossier's place in the list it was classified from, and its last change: an ended
    /// dossier's row is kept between classifications while both hold ([`Classified`]).
    pub pos: usize,
    pub updated: crate::record::Millis,
}

fn search_text(d: &Dossier) -> String {
    [&d.code, &d.applicant, &d.procedure_name, &d.procedure]
        .iter()
        .map(|s| crate::format::lower(s))
        .collect::<Vec<_>>()
        .join("\u{1}")
}

/// One dossier's row at `now`.
fn row(pos: usize, d: &Dossier, catalogue: &[Procedure], cal: &WorkCalendar, now: NaiveDateTime, soon: i64) -> WorkRow {
    let due = d.effective_due(cal, now);
    WorkRow {
        id: d.meta.id.clone(),
        code: d.code.clone(),
        procedure: d.procedure.clone(),
        procedure_name: d.procedure_name.clone(),
        applicant: d.applicant.clone(),
        channel: d.channel,
        received: d.received,
        due,
        due_provisional: d.due_provisional(cal, due),
        status: d.status(),
        timeliness: d.timeliness(cal, now, soon),
        due_today: d.due_today(cal, now),
        extended: d.extension.is_some(),
        division: d
            .holder()
            .map(String::from)
            .or_else(|| catalogue.iter().find(|p| p.id == d.procedure).map(|p| p.division.clone()))
            .unwrap_or_default(),
        search: search_text(d),
        pos,
        updated: d.meta.updated_at,
    }
}

/// The worklist order: most urgent first, overdue, due soon, in time, then resolved and
/// closed. Open classes go by due date (the most urgent on top), ended ones newest first (the
/// latest work on top; the app reads the history newest month first, so the first page is
/// right before old years are read); then by code.
fn order(a: &WorkRow, b: &WorkRow) -> std::cmp::Ordering {
    let open = is_open_class(a.timeliness);
    a.timeliness.cmp(&b.timeliness).then_with(|| {
        let by_due = (a.due, &a.code).cmp(&(b.due, &b.code));
        if open {
            by_due
        } else {
            by_due.reverse()
        }
    })
}

/// Classify every live dossier at `now` (`soon`: working days that count as "due soon"), in
/// the worklist [`order`].
pub fn classify(dossiers: &[Dossier], catalogue: &[Procedure], cal: &WorkCalendar, now: NaiveDateTime, soon: i64) -> Vec<Arc<WorkRow>> {
    Classified::update(None, dossiers, catalogue, cal, now, soon).rows
}

/// The worklist's rows, kept from one classification to the next: the row of a dossier that
/// has ended and not changed since is the same row, so a save classifies the open dossiers and
/// the changed one, not a decade of them again (0.4 s at 142 000 dossiers).
#[derive(Clone, Debug, Default)]
pub struct Classified {
    /// Every live dossier's row, in the worklist [`order`].
    pub rows: Vec<Arc<WorkRow>>,
    /// The row of `dossiers[i]` (`None`: a tombstone).
    at: Vec<Option<Arc<WorkRow>>>,
    /// The calendar and catalogue the rows were made with: when either changes, every row is
    /// made again.
    basis: Option<(WorkCalendar, Vec<Procedure>)>,
    /// How many rows each division holds, kept up to date by the rows made and dropped (the
    /// division filter's choices without a walk over every row).
    by_division: std::collections::BTreeMap<String, usize>,
    /// The places whose row is open (in time, due soon, overdue): made again at every update,
    /// since time moves their class.
    open: Vec<usize>,
}

/// `kept` (in [`order`]) and `fresh` (any order) as one list in order; a fresh row goes after
/// the kept ones it ties with. Each fresh row's place is found by binary search, and the kept
/// rows between are copied without being looked into.
fn merge_sorted(kept: Vec<Arc<WorkRow>>, mut fresh: Vec<Arc<WorkRow>>) -> Vec<Arc<WorkRow>> {
    fresh.sort_unstable_by(|a, b| order(a, b));
    let places: Vec<usize> = fresh
        .iter()
        .map(|f| kept.partition_point(|k| order(k, f) != std::cmp::Ordering::Greater))
        .collect();
    let mut rows = Vec::with_capacity(kept.len() + fresh.len());
    let (mut kept, mut from) = (kept.into_iter(), 0);
    for (f, at) in fresh.into_iter().zip(places) {
        rows.extend(kept.by_ref().take(at - from));
        rows.push(f);
        from = at;
    }
    rows.extend(kept);
    rows
}

fn is_open_class(t: Timeliness) -> bool {
    matches!(t, Timeliness::Overdue | Timeliness::DueSoon | Timeliness::InTime)
}

impl PartialEq for Classified {
    /// The same rows (not merely equal ones): cheap, and a new classification is news.
    fn eq(&self, other: &Self) -> bool {
        self.rows.len() == other.rows.len() && self.rows.iter().zip(&other.rows).all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

impl Classified {
    /// The rows of `dossiers` at `now`, keeping from `prev` (the last classification of the
    /// same list, grown or changed since) the rows of ended dossiers that did not change.
    pub fn update(
        prev: Option<&Classified>,
        dossiers: &[Dossier],
        catalogue: &[Procedure],
        cal: &WorkCalendar,
        now: NaiveDateTime,
        soon: i64,
    ) -> Classified {
        let prev = prev.filter(|p| p.basis.as_ref().is_some_and(|(c, k)| c == cal && k.as_slice() == catalogue));
        let mut fresh: Vec<Arc<WorkRow>> = Vec::new();
        let mut open = Vec::new();
        let at: Vec<Option<Arc<WorkRow>>> = dossiers
            .iter()
            .enumerate()
            .map(|(i, d)| {
                if d.meta.deleted {
                    return None;
                }
                // Unchanged since it was classified as ended: it still is (no walk over its
                // steps, the costly part at 142 000 dossiers).
                let kept = prev
                    .and_then(|p| p.at.get(i))
                    .and_then(Option::as_ref)
                    .filter(|r| r.updated == d.meta.updated_at && !is_open_class(r.timeliness) && r.id == d.meta.id);
                Some(match kept {
                    Some(r) => Arc::clone(r),
                    None => {
                        let r = Arc::new(row(i, d, catalogue, cal, now, soon));
                        if is_open_class(r.timeliness) {
                            open.push(i);
                        }
                        fresh.push(Arc::clone(&r));
                        r
                    }
                })
            })
            .collect();
        // The kept rows are still in order among themselves; the fresh ones are sorted and
        // merged in.
        let mut by_division = prev.map(|p| p.by_division.clone()).unwrap_or_default();
        let mut kept: Vec<Arc<WorkRow>> = Vec::new();
        for r in prev.map(|p| p.rows.as_slice()).unwrap_or_default() {
            if at.get(r.pos).and_then(Option::as_ref).is_some_and(|a| Arc::ptr_eq(a, r)) {
                kept.push(Arc::clone(r));
            } else if let Some(n) = by_division.get_mut(&r.division) {
                *n -= 1;
            }
        }
        for r in &fresh {
            *by_division.entry(r.division.clone()).or_default() += 1;
        }
        by_division.retain(|d, n| *n > 0 && !d.is_empty());
        Classified {
            rows: merge_sorted(kept, fresh),
            at,
            basis: Some((cal.clone(), catalogue.to_vec())),
            by_division,
            open,
        }
    }

    /// [`Classified::update`] after a known edit of the list (`record::ListEdit`): only the
    /// changed places and the open dossiers get new rows; the others are moved over without a
    /// look at their dossier. A save at 142 000 dossiers walked them all. Anything else (no
    /// previous rows, another calendar or catalogue, an edit not known) is a full update.
    pub fn apply(
        prev: Option<Classified>,
        dossiers: &[Dossier],
        edit: crate::record::ListEdit,
        catalogue: &[Procedure],
        cal: &WorkCalendar,
        now: NaiveDateTime,
        soon: i64,
    ) -> Classified {
        use crate::record::ListEdit;
        let same_basis = |p: &Classified| p.basis.as_ref().is_some_and(|(c, k)| c == cal && k.as_slice() == catalogue);
        let changed: Vec<usize> = match (&prev, edit) {
            (Some(p), ListEdit::Pushed) if same_basis(p) && p.at.len() <= dossiers.len() => (p.at.len()..dossiers.len()).collect(),
            (Some(p), ListEdit::At(i)) if same_basis(p) && p.at.len() == dossiers.len() && i < dossiers.len() => vec![i],
            _ => return Classified::update(prev.as_ref(), dossiers, catalogue, cal, now, soon),
        };
        let Some(mut c) = prev else {
            return Classified::update(None, dossiers, catalogue, cal, now, soon);
        };
        c.at.resize(dossiers.len(), None);
        let mut redo = std::mem::take(&mut c.open);
        redo.extend(changed);
        redo.sort_unstable();
        redo.dedup();
        // The old rows of those places leave, found by binary search in the ordered list: the
        // list is copied, not looked into (a look at each of 142 000 rows costs a cache miss).
        let mut gone: Vec<usize> = Vec::new();
        for &i in &redo {
            if let Some(r) = c.at[i].take() {
                if let Some(n) = c.by_division.get_mut(&r.division) {
                    *n -= 1;
                }
                let from = c.rows.partition_point(|x| order(x, &r) == std::cmp::Ordering::Less);
                gone.extend(c.rows[from..].iter().position(|x| Arc::ptr_eq(x, &r)).map(|k| from + k));
            }
        }
        gone.sort_unstable();
        let mut next_gone = gone.into_iter().peekable();
        // Moved, not cloned: a clone would touch each row's count.
        let kept: Vec<Arc<WorkRow>> = std::mem::take(&mut c.rows)
            .into_iter()
            .enumerate()
            .filter(|(k, _)| next_gone.next_if_eq(k).is_none())
            .map(|(_, r)| r)
            .collect();
        let mut fresh = Vec::new();
        for &i in &redo {
            let d = &dossiers[i];
            if d.meta.deleted {
                continue;
            }
            let r = Arc::new(row(i, d, catalogue, cal, now, soon));
            if is_open_class(r.timeliness) {
                c.open.push(i);
            }
            *c.by_division.entry(r.division.clone()).or_default() += 1;
            c.at[i] = Some(Arc::clone(&r));
            fresh.push(r);
        }
        c.by_division.retain(|d, n| *n > 0 && !d.is_empty());
        c.rows = merge_sorted(kept, fresh);
        c
    }

    /// The divisions the rows hold, sorted, for the division filter.
    pub fn divisions(&self) -> Vec<String> {
        self.by_division.keys().cloned().collect()
    }
}

/// The counters above the worklist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    pub overdue: usize,
    pub due_today: usize,
    pub due_soon: usize,
    pub in_time: usize,
}

pub fn counters(rows: &[Arc<WorkRow>]) -> Counters {
    let mut c = Counters::default();
    for r in rows {
        match r.timeliness {
            Timeliness::Overdue => c.overdue += 1,
            Timeliness::DueSoon => c.due_soon += 1,
            Timeliness::InTime => c.in_time += 1,
            _ => {}
        }
        c.due_today += usize::from(r.due_today);
    }
    c
}

/// The worklist's search box and filters; `None` / empty means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    pub status: Option<Status>,
    pub channel: Option<Channel>,
    pub division: String,
    /// Month received, (year, month).
    pub month: Option<(i32, u32)>,
}

impl Filter {
    /// Whether the filter searches the rows' text (a query is typed).
    pub fn searches(&self) -> bool {
        !self.query.trim().is_empty()
    }

    pub fn matches(&self, r: &WorkRow) -> bool {
        self.matches_query(r, &crate::format::lower(self.query.trim()))
    }

    /// `matches` with the query already lowered (once per search, not once per row).
    fn matches_query(&self, r: &WorkRow, q: &str) -> bool {
        (q.is_empty() || (!q.contains('\u{1}') && r.search.contains(q)))
            && self.status.is_none_or(|s| s == r.status)
            && self.channel.is_none_or(|c| c == r.channel)
            && (self.division.is_empty() || self.division == r.division)
            && self.month.is_none_or(|(y, m)| r.received.year() == y && r.received.month() == m)
    }
}

/// The rows that pass `filter`, in worklist order.
pub fn filtered<'a>(rows: &'a [Arc<WorkRow>], filter: &'a Filter) -> impl Iterator<Item = &'a Arc<WorkRow>> + 'a {
    let q = crate::format::lower(filter.query.trim());
    rows.iter().filter(move |r| filter.matches_query(r, &q))
}

/// Rows shown on one page of the worklist.
pub const PAGE_SIZE: usize = 50;

/// One page of the filtered rows (0-based `page`, clamped to the last), with the page shown and
/// the number of pages and of matching rows: only these rows are drawn.
pub fn page(rows: &[Arc<WorkRow>], filter: &Filter, page: usize) -> (Vec<Arc<WorkRow>>, usize, usize, usize) {
    let matching: Vec<&Arc<WorkRow>> = filtered(rows, filter).collect();
    paginate(&matching, page)
}

fn paginate(matching: &[&Arc<WorkRow>], page: usize) -> (Vec<Arc<WorkRow>>, usize, usize, usize) {
    let pages = matching.len().div_ceil(PAGE_SIZE).max(1);
    let p = page.min(pages - 1);
    let shown = matching.iter().skip(p * PAGE_SIZE).take(PAGE_SIZE).map(|r| Arc::clone(r)).collect();
    (shown, p, pages, matching.len())
}

/// What a search looks in: every row's search text in one buffer, in row order. A keystroke
/// scans one block of memory instead of visiting 142 000 rows, a cache miss each (20–40 ms).
#[derive(Debug, Default)]
pub struct SearchText {
    text: String,
    /// Where each row's text ends (a `\0` follows it).
    ends: Vec<usize>,
}

impl SearchText {
    pub fn new(rows: &[Arc<WorkRow>]) -> SearchText {
        let mut text = String::with_capacity(rows.len() * 64);
        let mut ends = Vec::with_capacity(rows.len());
        for r in rows {
            text.push_str(&r.search);
            ends.push(text.len());
            text.push('\0');
        }
        SearchText { text, ends }
    }

    /// The places of the rows whose text holds `q` (lowered), in order.
    fn holding(&self, q: &str) -> Vec<usize> {
        let mut found = Vec::new();
        if q.contains(['\0', '\u{1}']) {
            return found;
        }
        let mut from = 0;
        while let Some(i) = self.text.get(from..).and_then(|t| t.find(q)) {
            // A match never spans two rows (`q` holds no `\0`): its row ends at or after it.
            let k = self.ends.partition_point(|&e| e < from + i + q.len());
            found.push(k);
            from = self.ends[k] + 1;
        }
        found
    }
}

/// [`page`] with the search run over `text` (made from these `rows`).
pub fn page_searched(
    rows: &[Arc<WorkRow>],
    text: &SearchText,
    filter: &Filter,
    page_no: usize,
) -> (Vec<Arc<WorkRow>>, usize, usize, usize) {
    if !filter.searches() || text.ends.len() != rows.len() {
        return page(rows, filter, page_no);
    }
    let q = crate::format::lower(filter.query.trim());
    let matching: Vec<&Arc<WorkRow>> = text
        .holding(&q)
        .into_iter()
        .map(|k| &rows[k])
        .filter(|r| filter.matches_query(r, ""))
        .collect();
    paginate(&matching, page_no)
}

/// One line of the printed register (Sổ theo dõi hồ sơ, form 07 of TT 03/2025/TT-VPCP).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RegisterLine {
    pub stt: usize,
    pub code: String,
    pub procedure_name: String,
    pub applicant: String,
    pub contact: String,
    /// Cơ quan chủ trì giải quyết.
    pub division: String,
    pub received: NaiveDateTime,
    pub due: NaiveDateTime,
    /// "Hạn tạm tính": the due date runs through a year not yet confirmed.
    pub due_provisional: bool,
    pub returned: Option<NaiveDateTime>,
    pub result_via: Channel,
    pub signed_by: String,
    pub timeliness: Timeliness,
    pub notes: String,
}

/// The register for the dossiers received from `from` to `to` (inclusive), in order of
/// receipt, numbered from 1.
pub fn register(
    dossiers: &[Dossier],
    catalogue: &[Procedure],
    cal: &WorkCalendar,
    from: NaiveDate,
    to: NaiveDate,
    now: NaiveDateTime,
) -> Vec<RegisterLine> {
    let mut ds: Vec<&Dossier> = dossiers
        .iter()
        .filter(|d| !d.meta.deleted && (from..=to).contains(&d.received.date()))
        .collect();
    ds.sort_unstable_by(|a, b| (a.received, &a.code).cmp(&(b.received, &b.code)));
    ds.into_iter()
        .enumerate()
        .map(|(i, d)| (i, d, d.effective_due(cal, now)))
        .map(|(i, d, due)| RegisterLine {
            stt: i + 1,
            code: d.code.clone(),
            procedure_name: d.procedure_name.clone(),
            applicant: d.applicant.clone(),
            contact: d.contact.clone(),
            division: catalogue
                .iter()
                .find(|p| p.id == d.procedure)
                .map(|p| p.division.clone())
                .or_else(|| d.holder().map(String::from))
                .unwrap_or_default(),
            received: d.received,
            due,
            due_provisional: d.due_provisional(cal, due),
            returned: d.returned_at(),
            result_via: d.result_via,
            signed_by: d.signed_by.clone(),
            timeliness: d.timeliness(cal, now, 1),
            notes: d.notes.clone(),
        })
        .collect()
}

/// What the receipt slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01 of Thông tư
/// 03/2025/TT-VPCP, Phụ lục I) prints for one dossier: besides the dossier's fields, its place
/// in the register ("Vào Sổ theo dõi hồ sơ, Quyển số …, Số thứ tự …") and the code as a QR code
/// that the kiosk can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptSlip {
    pub code: String,
    /// Quyển số: the register's book is the year of receipt.
    pub book: i32,
    /// Số thứ tự: the dossier's place among that year's dossiers, in order of receipt.
    pub stt: usize,
    /// The code as an SVG QR code (empty if it cannot be encoded).
    pub qr_svg: String,
    pub applicant: String,
    pub id_number: String,
    pub contact: String,
    pub email: String,
    pub procedure_name: String,
    /// Thành phần hồ sơ, numbered on the form.
    pub documents: Vec<super::Document>,
    /// The receiving officer, under the signature.
    pub receiver: String,
    /// Online files: when filed on the Cổng DVCQG.
    pub filed_at: Option<NaiveDateTime>,
    pub copies: u32,
    pub fee: Option<Fee>,
    pub term: Term,
    pub channel: Channel,
    pub online_level: Option<Online>,
    pub received: NaiveDateTime,
    pub due: NaiveDateTime,
    /// "Hạn tạm tính": the promised date runs through a year not yet confirmed.
    pub due_provisional: bool,
    pub result_via: Channel,
    pub notes: String,
}

/// The dossier's place in the register: (book = year of receipt, number in it), counting the
/// live dossiers of that year in order of receipt, then code.
pub fn register_place(all: &[Dossier], d: &Dossier) -> (i32, usize) {
    use chrono::Datelike;
    let year = d.received.year();
    let before = all
        .iter()
        .filter(|x| !x.meta.deleted && x.received.year() == year && x.meta.id != d.meta.id)
        .filter(|x| (x.received, &x.code) < (d.received, &d.code))
        .count();
    (year, before + 1)
}

/// `text` as a QR code in SVG (medium error correction, black on white, quiet zone included),
/// sized for print; empty when the text cannot be encoded.
pub fn qr_svg(text: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .min_dimensions(120, 120)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
        Err(_) => String::new(),
    }
}

/// The slip handed over with the result (issue 26): the law sets no form for the hand-back
/// (TT 03/2025's forms are 01-07, none of them a result slip), so this is the unit's own slip
/// under the agency's heading: what the register records of the return and how the dossier was
/// judged, and the code as a QR code that the kiosk reads, inviting the citizen to rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultSlip {
    pub code: String,
    pub qr_svg: String,
    pub applicant: String,
    pub procedure_name: String,
    pub received: NaiveDateTime,
    pub due: NaiveDateTime,
    pub returned: NaiveDateTime,
    /// Trước hạn / đúng hạn / quá hạn, judged at the result (`Dossier::timeliness`).
    pub timeliness: Timeliness,
    pub result_via: Channel,
    /// Who signed for the result (Ký nhận kết quả).
    pub signed_by: String,
}

/// The result slip of a returned dossier; `None` before the result is returned.
pub fn result_slip(d: &Dossier, cal: &WorkCalendar) -> Option<ResultSlip> {
    let returned = d.returned_at()?;
    Some(ResultSlip {
        code: d.code.clone(),
        qr_svg: qr_svg(&d.code),
        applicant: d.applicant.clone(),
        procedure_name: d.procedure_name.clone(),
        received: d.received,
        due: d.due,
        returned,
        timeliness: d.timeliness(cal, returned, 1),
        result_via: d.result_via,
        signed_by: d.signed_by.clone(),
    })
}

pub fn receipt_slip(d: &Dossier, all: &[Dossier], cal: &WorkCalendar) -> ReceiptSlip {
    let (book, stt) = register_place(all, d);
    ReceiptSlip {
        code: d.code.clone(),
        book,
        stt,
        qr_svg: qr_svg(&d.code),
        applicant: d.applicant.clone(),
        id_number: d.id_number.clone(),
        contact: d.contact.clone(),
        email: d.email.clone(),
        procedure_name: d.procedure_name.clone(),
        documents: d.documents.clone(),
        receiver: d.receiver.clone(),
        filed_at: d.filed_at,
        copies: d.copies,
        fee: d.fee,
        term: d.term(),
        channel: d.channel,
        online_level: d.online_level,
        received: d.received,
        // The date promised at receipt: the due date computed then (or as overridden).
        due: d.due,
        due_provisional: d.due_provisional(cal, d.due),
        result_via: d.result_via,
        notes: d.notes.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::{at, new};
    use super::*;
    use crate::dossier::default_catalogue;

    fn sample() -> Vec<Dossier> {
        let mut late = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        late.meta.id = "late".into();
        let mut soon = new("SCT-250206-0001", "TM-02", at(2025, 2, 6, 9)).unwrap();
        soon.meta.id = "soon".into();
        let mut fresh = new("SCT-250212-0001", "KT-01", at(2025, 2, 12, 9)).unwrap();
        fresh.meta.id = "fresh".into();
        fresh.channel = Channel::Online;
        let mut done = new("SCT-250204-0001", "TM-02", at(2025, 2, 4, 9)).unwrap();
        done.meta.id = "done".into();
        done.transition(Status::Resolved, at(2025, 2, 5, 9), "", "").unwrap();
        let mut gone = new("SCT-250204-0002", "TM-02", at(2025, 2, 4, 9)).unwrap();
        gone.meta.deleted = true;
        vec![fresh, done, gone, soon, late]
    }

    #[test]
    fn most_urgent_first_and_counted() {
        let cal = WorkCalendar::default();
        // Wed 12/2: "late" was due Mon 10/2; "soon" (received Thu 6/2) is due Thu 13/2.
        let rows = classify(&sample(), &default_catalogue(), &cal, at(2025, 2, 12, 10), 1);
        let ids: Vec<_> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["late", "soon", "fresh", "done"], "tombstones are left out");
        assert_eq!(
            counters(&rows),
            Counters {
                overdue: 1,
                due_today: 0,
                due_soon: 1,
                in_time: 1
            }
        );
        assert_eq!(rows[2].division, "Phòng Kỹ thuật an toàn – Môi trường", "from the catalogue");
    }

    #[test]
    fn ended_ones_come_newest_first() {
        let cal = WorkCalendar::default();
        let mut ds = Vec::new();
        for (n, day) in [(1, 3), (2, 10), (3, 5)] {
            let mut d = new(&format!("SCT-2502{day:02}-000{n}"), "TM-02", at(2025, 2, day, 9)).unwrap();
            d.meta.id = n.to_string();
            d.transition(Status::Resolved, at(2025, 2, day, 10), "", "").unwrap();
            ds.push(d);
        }
        let rows = classify(&ds, &default_catalogue(), &cal, at(2025, 3, 2, 10), 1);
        assert!(rows.iter().all(|r| r.timeliness == Timeliness::Early));
        let ids: Vec<_> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["2", "3", "1"]);
    }

    /// The sample and `n` dossiers resolved on 7/2 (ids `ended-0`, …).
    fn with_ended(n: u32) -> Vec<Dossier> {
        let mut ds = sample();
        for n in 0..n {
            let mut d = new(&format!("SCT-25020{}-01{n:02}", 3 + n % 3), "TM-02", at(2025, 2, 3 + n % 3, 9)).unwrap();
            d.meta.id = format!("ended-{n}");
            d.transition(Status::Resolved, at(2025, 2, 7, 9 + n), "", "").unwrap();
            ds.push(d);
        }
        ds
    }

    #[test]
    fn a_save_keeps_the_rows_of_ended_dossiers_and_gives_what_a_full_classification_gives() {
        let cal = WorkCalendar::default();
        let cat = default_catalogue();
        let now = at(2025, 2, 12, 10);
        let mut ds = with_ended(5);
        let first = Classified::update(None, &ds, &cat, &cal, now, 1);
        let same = |c: &Classified, ds: &[Dossier]| {
            let full = classify(ds, &cat, &cal, now, 1);
            c.rows.iter().map(|r| (**r).clone()).eq(full.iter().map(|r| (**r).clone()))
        };
        assert!(same(&first, &ds));
        // A new dossier, an ended one changed, an open one resolved.
        let mut fresh = new("SCT-250212-0001", "TM-02", at(2025, 2, 12, 9)).unwrap();
        fresh.meta.id = "new".into();
        ds.push(fresh);
        let changed = ds.iter().position(|d| d.meta.id == "ended-2").unwrap();
        ds[changed].applicant = "Công ty B".into();
        ds[changed].meta.touch(99, "d");
        let resolved = ds.iter().position(|d| d.meta.id == "soon").unwrap();
        ds[resolved].transition(Status::Resolved, at(2025, 2, 12, 9), "", "").unwrap();
        ds[resolved].meta.touch(100, "d");
        let second = Classified::update(Some(&first), &ds, &cat, &cal, now, 1);
        assert!(same(&second, &ds));
        let row = |c: &Classified, id: &str| Arc::clone(c.rows.iter().find(|r| r.id == id).unwrap());
        assert!(Arc::ptr_eq(&row(&first, "ended-1"), &row(&second, "ended-1")), "kept");
        assert!(
            !Arc::ptr_eq(&row(&first, "ended-2"), &row(&second, "ended-2")),
            "changed: made again"
        );
        assert!(!Arc::ptr_eq(&row(&first, "late"), &row(&second, "late")), "open: made again");
        assert_eq!(row(&second, "ended-2").applicant, "Công ty B");
        // The division choices follow the rows made and dropped.
        let recount = |c: &Classified| {
            let mut d: Vec<String> = c.rows.iter().map(|r| r.division.clone()).filter(|d| !d.is_empty()).collect();
            d.sort();
            d.dedup();
            d
        };
        assert_eq!(second.divisions(), recount(&second));
        let moved = ds.iter().position(|d| d.meta.id == "ended-3").unwrap();
        ds[moved].late_division = "x".into();
        let mut last = ds[moved].clone();
        last.events.last_mut().unwrap().division = "Phòng mới".into();
        ds[moved] = last;
        ds[moved].meta.touch(101, "d");
        let fourth = Classified::update(Some(&second), &ds, &cat, &cal, now, 1);
        assert_eq!(fourth.divisions(), recount(&fourth));
        assert!(fourth.divisions().contains(&"Phòng mới".to_string()));
        // Another calendar: every row is made again.
        let mut edited = cal.clone();
        edited.years.pop();
        assert_ne!(edited, cal);
        let third = Classified::update(Some(&second), &ds, &cat, &edited, now, 1);
        assert!(!Arc::ptr_eq(&row(&second, "ended-1"), &row(&third, "ended-1")));
    }

    #[test]
    fn an_edit_applied_gives_what_a_full_classification_gives() {
        use crate::record::ListEdit;
        let cal = WorkCalendar::default();
        let cat = default_catalogue();
        let now = at(2025, 2, 12, 10);
        let mut ds = with_ended(6);
        let same = |c: &Classified, ds: &[Dossier]| {
            let full = Classified::update(None, ds, &cat, &cal, now, 1);
            let rows = |c: &Classified| c.rows.iter().map(|r| (**r).clone()).collect::<Vec<_>>();
            assert_eq!(rows(c), rows(&full));
            assert_eq!(c.divisions(), full.divisions());
            let mut open = c.open.clone();
            open.sort_unstable();
            assert_eq!(open, full.open);
        };
        let row = |c: &Classified, id: &str| c.rows.iter().find(|r| r.id == id).map(Arc::clone);
        let mut c = Classified::apply(None, &ds, ListEdit::Any, &cat, &cal, now, 1);
        same(&c, &ds);
        let ended = row(&c, "ended-1").unwrap();
        // A dossier received.
        let mut fresh = new("SCT-250212-0001", "TM-02", at(2025, 2, 12, 9)).unwrap();
        fresh.meta.id = "new".into();
        ds.push(fresh);
        c = Classified::apply(Some(c), &ds, ListEdit::Pushed, &cat, &cal, now, 1);
        same(&c, &ds);
        assert!(Arc::ptr_eq(&ended, &row(&c, "ended-1").unwrap()), "an ended row is kept");
        // An open one resolved, an ended one moved to another division, one deleted.
        let i = ds.iter().position(|d| d.meta.id == "soon").unwrap();
        ds[i].transition(Status::Resolved, at(2025, 2, 12, 9), "", "").unwrap();
        ds[i].meta.touch(100, "d");
        c = Classified::apply(Some(c), &ds, ListEdit::At(i), &cat, &cal, now, 1);
        same(&c, &ds);
        let i = ds.iter().position(|d| d.meta.id == "ended-3").unwrap();
        ds[i].events.last_mut().unwrap().division = "Phòng mới".into();
        ds[i].meta.touch(101, "d");
        c = Classified::apply(Some(c), &ds, ListEdit::At(i), &cat, &cal, now, 1);
        same(&c, &ds);
        assert!(c.divisions().contains(&"Phòng mới".to_string()));
        let i = ds.iter().position(|d| d.meta.id == "ended-4").unwrap();
        ds[i].meta.deleted = true;
        c = Classified::apply(Some(c), &ds, ListEdit::At(i), &cat, &cal, now, 1);
        same(&c, &ds);
        assert!(row(&c, "ended-4").is_none());
        // Later, the open rows move on with time.
        let later = at(2025, 3, 30, 10);
        let c2 = Classified::apply(Some(c.clone()), &ds, ListEdit::Pushed, &cat, &cal, later, 1);
        let full = Classified::update(None, &ds, &cat, &cal, later, 1);
        assert!(c2.rows.iter().map(|r| (**r).clone()).eq(full.rows.iter().map(|r| (**r).clone())));
        // Another calendar, or an edit out of range: everything is made again.
        let mut edited = cal.clone();
        edited.years.pop();
        let c3 = Classified::apply(Some(c.clone()), &ds, ListEdit::At(0), &cat, &edited, now, 1);
        assert!(!Arc::ptr_eq(&ended, &row(&c3, "ended-1").unwrap()));
        let c4 = Classified::apply(Some(c), &ds, ListEdit::At(ds.len()), &cat, &cal, now, 1);
        same(&c4, &ds);
    }

    #[test]
    fn a_search_over_the_one_buffer_finds_what_a_walk_finds() {
        let cal = WorkCalendar::default();
        let mut ds = sample();
        for n in 0..120u32 {
            let mut d = new(&format!("SCT-2502{:02}-{n:04}", 3 + n % 9), "TM-02", at(2025, 2, 3 + n % 9, 9)).unwrap();
            d.meta.id = format!("id-{n}");
            d.applicant = ["Nguyễn Văn An", "Công ty Bình Minh", "Trần Thị Cúc"][n as usize % 3].into();
            ds.push(d);
        }
        let rows = classify(&ds, &default_catalogue(), &cal, at(2025, 2, 12, 10), 1);
        let text = SearchText::new(&rows);
        for q in [
            "",
            "nguyễn",
            " CÔNG ty ",
            "sct-250205",
            "0007",
            "tm-02",
            "an\u{1}",
            "zzz",
            "c",
            "id-11",
        ] {
            for channel in [None, Some(Channel::Online)] {
                let f = Filter {
                    query: q.into(),
                    channel,
                    ..Default::default()
                };
                for p in 0..3 {
                    let ids =
                        |x: (Vec<Arc<WorkRow>>, usize, usize, usize)| (x.0.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), x.1, x.2, x.3);
                    assert_eq!(
                        ids(page_searched(&rows, &text, &f, p)),
                        ids(page(&rows, &f, p)),
                        "{q:?} {channel:?} {p}"
                    );
                }
            }
        }
    }

    #[test]
    fn filters_combine() {
        let cal = WorkCalendar::default();
        let rows = classify(&sample(), &default_catalogue(), &cal, at(2025, 2, 12, 10), 1);
        let count = |f: &Filter| filtered(&rows, f).count();
        assert_eq!(count(&Filter::default()), 4);
        let q = Filter {
            query: "an phát".into(),
            ..Default::default()
        };
        assert_eq!(count(&q), 4, "applicant, any case");
        let online = Filter {
            channel: Some(Channel::Online),
            ..Default::default()
        };
        assert_eq!(count(&online), 1);
        let resolved = Filter {
            status: Some(Status::Resolved),
            ..Default::default()
        };
        assert_eq!(count(&resolved), 1);
        let feb = Filter {
            month: Some((2025, 2)),
            query: "0206".into(),
            ..Default::default()
        };
        assert_eq!(count(&feb), 1);
        let c = Classified::update(None, &sample(), &default_catalogue(), &cal, at(2025, 2, 12, 10), 1);
        assert_eq!(c.divisions().len(), 2);
    }

    #[test]
    fn the_worklist_is_drawn_a_page_at_a_time() {
        let cal = WorkCalendar::default();
        let base = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        let many: Vec<Dossier> = (0..120)
            .map(|i| {
                let mut d = base.clone();
                d.meta.id = format!("id{i}");
                d.code = format!("SCT-250203-{:04}", i + 1);
                d
            })
            .collect();
        let rows = classify(&many, &default_catalogue(), &cal, at(2025, 2, 4, 9), 1);
        let (first, p, pages, total) = page(&rows, &Filter::default(), 0);
        assert_eq!((first.len(), p, pages, total), (PAGE_SIZE, 0, 3, 120));
        let (last, p, ..) = page(&rows, &Filter::default(), 99);
        assert_eq!((last.len(), p), (20, 2), "a page past the end shows the last");
        assert_eq!(first[0].code, "SCT-250203-0001", "in worklist order");
        let none = Filter {
            query: "không có".into(),
            ..Default::default()
        };
        assert_eq!(page(&rows, &none, 0).1..page(&rows, &none, 0).2, 0..1, "one empty page");
    }

    #[test]
    fn the_register_lists_a_period_in_order_of_receipt() {
        let cal = WorkCalendar::default();
        let d = |day| NaiveDate::from_ymd_opt(2025, 2, day).unwrap();
        let lines = register(&sample(), &default_catalogue(), &cal, d(3), d(6), at(2025, 2, 12, 10));
        let codes: Vec<_> = lines.iter().map(|l| (l.stt, l.code.as_str())).collect();
        assert_eq!(codes, [(1, "SCT-250203-0001"), (2, "SCT-250204-0001"), (3, "SCT-250206-0001")]);
        assert_eq!(lines[0].timeliness, Timeliness::Overdue);
    }

    #[test]
    fn the_result_slip_is_for_a_returned_dossier_and_says_how_it_was_judged() {
        let cal = WorkCalendar::default();
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        assert!(result_slip(&d, &cal).is_none(), "nothing to hand back yet");
        d.transition(Status::InProgress, at(2025, 2, 3, 10), "", "").unwrap();
        d.transition(Status::Resolved, at(2025, 2, 11, 9), "", "").unwrap();
        d.transition(Status::Returned, at(2025, 2, 12, 8), "", "").unwrap();
        d.signed_by = "Trần Thị B".into();
        let s = result_slip(&d, &cal).unwrap();
        assert_eq!((s.returned, s.due), (at(2025, 2, 12, 8), at(2025, 2, 10, 17)));
        assert_eq!(s.timeliness, Timeliness::Late, "resolved after the due date");
        assert_eq!(s.signed_by, "Trần Thị B");
        assert!(s.qr_svg.contains("<svg"), "the code for the kiosk to read");
        assert_eq!(s.qr_svg, qr_svg("SCT-250203-0001"));
    }

    #[test]
    fn the_receipt_slip_promises_the_due_date_of_receipt() {
        let d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        let s = receipt_slip(&d, std::slice::from_ref(&d), &WorkCalendar::default());
        assert_eq!(s.due, at(2025, 2, 10, 17));
        assert_eq!(s.term, Term::Days(5));
        assert_eq!(s.copies, 1);
        let mut online = d.clone();
        online.id_number = "079123456789".into();
        online.email = "a@b.vn".into();
        online.filed_at = Some(at(2025, 2, 1, 21));
        online.documents = vec![crate::dossier::Document {
            name: "Đơn".into(),
            copies: 2,
        }];
        online.receiver = "Nguyễn Văn An".into();
        let s = receipt_slip(&online, std::slice::from_ref(&online), &WorkCalendar::default());
        assert_eq!(
            (s.id_number.as_str(), s.email.as_str(), s.receiver.as_str(), s.filed_at),
            ("079123456789", "a@b.vn", "Nguyễn Văn An", Some(at(2025, 2, 1, 21)))
        );
        assert_eq!(s.documents, online.documents);
    }

    #[test]
    fn the_receipt_carries_its_register_place_and_a_qr_code_that_reads_back() {
        let mut a = new("SCT-260105-0001", "TM-02", at(2026, 1, 5, 9)).unwrap();
        a.meta.id = "a".into();
        let mut b = new("SCT-260105-0002", "TM-02", at(2026, 1, 5, 10)).unwrap();
        b.meta.id = "b".into();
        let mut old = new("SCT-251230-0001", "TM-02", at(2025, 12, 30, 9)).unwrap();
        old.meta.id = "c".into();
        let all = vec![old, b.clone(), a.clone()];
        let s = receipt_slip(&b, &all, &WorkCalendar::default());
        assert_eq!((s.book, s.stt), (2026, 2), "the second of 2026; 2025's book is another");
        assert_eq!(register_place(&all, &a), (2026, 1));
        assert!(s.qr_svg.starts_with("<?xml") || s.qr_svg.contains("<svg"));
        // The QR code reads back to the code (rqrr over the code's modules, 4 px each).
        let code = qrcode::QrCode::with_error_correction_level(b.code.as_bytes(), qrcode::EcLevel::M).unwrap();
        let (w, colors) = (code.width(), code.to_colors());
        let (scale, quiet) = (4usize, 4usize);
        let size = (w + 2 * quiet) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            let (mx, my) = ((x / scale).wrapping_sub(quiet), (y / scale).wrapping_sub(quiet));
            let dark = mx < w && my < w && colors[my * w + mx] == qrcode::Color::Dark;
            if dark {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, "SCT-260105-0002");
    }
}
