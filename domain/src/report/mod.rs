//! The manager's figures for a period: the standard dossier table (domain.md "Report table")
//! with its balance check, satisfaction with its change against last year, the two joined,
//! the monthly series the charts draw, the ranking of units, and the report paragraph in the
//! seed letters' style. Every number the dashboard shows comes from here.

pub mod breakdown;
pub mod indicators;
pub mod period;
pub mod rated;
pub mod text;
pub mod timeline;

pub use indicators::{indicators, Indicators, Ratio};
pub use period::{Basis, Period, PeriodChoice, PeriodKind};
pub use timeline::Timeline;

use crate::calendar::WorkCalendar;
use crate::dossier::{Channel, Dossier, Timeliness};
use crate::survey::index::{self, SatisfactionIndex, Tally};
use crate::survey::questionnaire::Questionnaire;
use crate::survey::response::Response;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// What the dashboard is narrowed to; empty / `None` = all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Device id (the tablet that made the record's last change).
    pub device: String,
    /// Unit (agency code): a dossier's code prefix; a response's device's unit.
    pub unit: String,
    pub procedure: String,
    /// Lĩnh vực: a response's field, a dossier's procedure field.
    pub field: String,
    pub channel: Option<Channel>,
    pub division: String,
}

/// Context the filter needs: the catalogue's fields and divisions, and which unit each device
/// belongs to (from this device's settings and the import receipts).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lookup {
    pub field_of_procedure: BTreeMap<String, String>,
    pub division_of_procedure: BTreeMap<String, String>,
    pub unit_of_device: BTreeMap<String, String>,
    /// Each procedure's internal process (Mẫu 06's shares).
    pub steps_of_procedure: BTreeMap<String, Vec<crate::dossier::control::Step>>,
}

impl Lookup {
    pub fn new(catalogue: &[crate::dossier::Procedure], unit_of_device: BTreeMap<String, String>) -> Self {
        Lookup {
            field_of_procedure: catalogue.iter().map(|p| (p.id.clone(), p.field.clone())).collect(),
            division_of_procedure: catalogue.iter().map(|p| (p.id.clone(), p.division.clone())).collect(),
            unit_of_device,
            steps_of_procedure: catalogue
                .iter()
                .filter(|p| !p.steps.is_empty())
                .map(|p| (p.id.clone(), p.steps.clone()))
                .collect(),
        }
    }
}

fn unit_of_code(code: &str) -> &str {
    code.split('-').next().unwrap_or_default()
}

impl Filter {
    pub fn dossier(&self, d: &Dossier, l: &Lookup) -> bool {
        // Looked up only when asked for: with no filter a decade of dossiers costs nothing here.
        let field = || l.field_of_procedure.get(&d.procedure).map(String::as_str).unwrap_or_default();
        let division = || {
            d.holder()
                .or_else(|| l.division_of_procedure.get(&d.procedure).map(String::as_str))
                .unwrap_or_default()
        };
        (self.device.is_empty() || d.meta.device == self.device)
            && (self.unit.is_empty() || unit_of_code(&d.code).eq_ignore_ascii_case(&self.unit))
            && (self.procedure.is_empty() || d.procedure == self.procedure)
            && (self.field.is_empty() || field() == self.field)
            && self.channel.is_none_or(|c| d.channel == c)
            && (self.division.is_empty() || division() == self.division || d.late_division == self.division)
    }

    pub fn response(&self, r: &Response, l: &Lookup) -> bool {
        let unit = l.unit_of_device.get(&r.meta.device).map(String::as_str).unwrap_or_default();
        (self.device.is_empty() || r.meta.device == self.device)
            && (self.unit.is_empty() || unit.eq_ignore_ascii_case(&self.unit))
            && (self.field.is_empty() || r.field == self.field)
            // Responses carry no procedure, channel or division of their own.
            && self.procedure.is_empty()
            && self.channel.is_none()
            && self.division.is_empty()
    }
}

impl Filter {
    /// What a report was narrowed to, as printed under its title ("Đơn vị: SCT · Kênh tiếp
    /// nhận: Trực tuyến"); `None` when nothing is filtered.
    pub fn describe(&self, lang: crate::Lang) -> Option<String> {
        use crate::i18n::{t, K};
        let channel = self.channel.map(|c| c.label(lang).to_string()).unwrap_or_default();
        let parts: Vec<String> = [
            (K::Unit, &self.unit),
            (K::Device, &self.device),
            (K::Procedure, &self.procedure),
            (K::Field, &self.field),
            (K::Channel, &channel),
            (K::Division, &self.division),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}: {v}", t(lang, k)))
        .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// One row of the standard dossier table: its words, its slug (the screen's element id
/// `rt-{slug}`), how it is read from a table, what its share is taken of, and whether it is a
/// total (the others are its parts).
pub struct TableRow {
    pub key: crate::i18n::K,
    pub slug: &'static str,
    pub value: fn(&DossierTable) -> u64,
    pub of: Option<fn(&DossierTable) -> u64>,
    pub total: bool,
}

fn judged(t: &DossierTable) -> u64 {
    t.early + t.on_time + t.late
}

/// The standard dossier table's rows in the report's order: the one list the dashboard, the
/// printed report and the .xlsx report show.
pub const TABLE_ROWS: [TableRow; 14] = {
    use crate::i18n::K;
    const fn row(
        key: K,
        slug: &'static str,
        value: fn(&DossierTable) -> u64,
        of: Option<fn(&DossierTable) -> u64>,
        total: bool,
    ) -> TableRow {
        TableRow {
            key,
            slug,
            value,
            of,
            total,
        }
    }
    [
        row(K::RowReceived, "received", DossierTable::received, None, true),
        row(K::RowCarried, "carried", |t| t.carried_over, None, false),
        row(K::RowNewOnline, "online", |t| t.new_online, Some(DossierTable::new_total), false),
        row(
            K::RowNewDirect,
            "direct",
            |t| t.new_direct_post,
            Some(DossierTable::new_total),
            false,
        ),
        row(K::RowResolved, "resolved", DossierTable::resolved, None, true),
        row(K::RowEarly, "early", |t| t.early, Some(judged), false),
        row(K::RowOnTime, "on-time", |t| t.on_time, Some(judged), false),
        row(K::RowLate, "late", |t| t.late, Some(judged), false),
        row(K::RowUnjudged, "unjudged", |t| t.unjudged, None, false),
        row(K::RowJudgedOnReturn, "on-return", |t| t.judged_on_return, Some(judged), false),
        row(K::RowInProgress, "progress", DossierTable::in_progress, None, true),
        row(K::RowOpenInTime, "open-in-time", |t| t.open_in_time, None, false),
        row(K::RowOpenOverdue, "open-overdue", |t| t.open_overdue, None, false),
        row(K::RowClosed, "closed", |t| t.closed, None, true),
    ]
};

/// The standard report table for a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DossierTable {
    /// Received before the period and still open at its start.
    pub carried_over: u64,
    pub new_online: u64,
    /// New in person or by post.
    pub new_direct_post: u64,
    pub early: u64,
    pub on_time: u64,
    pub late: u64,
    /// Resolved, but the end of processing is unknown (imported sheets): not judged.
    pub unjudged: u64,
    /// Of the judged ones, how many were judged by the return date (imported sheets without
    /// the end of processing): the table says so.
    pub judged_on_return: u64,
    pub open_in_time: u64,
    pub open_overdue: u64,
    /// Withdrawn, refused or stopped in the period.
    pub closed: u64,
    /// Of the late ones, how many were extended, and how many of those kept the renewed date.
    pub extended: u64,
    pub extended_kept: u64,
}

impl DossierTable {
    /// The table's rows in the report's order (label, count): what the printed and the Excel
    /// report show ([`TABLE_ROWS`]).
    pub fn lines(&self) -> Vec<(crate::i18n::K, u64)> {
        TABLE_ROWS.iter().map(|r| (r.key, (r.value)(self))).collect()
    }

    pub fn new_total(&self) -> u64 {
        self.new_online + self.new_direct_post
    }
    pub fn received(&self) -> u64 {
        self.carried_over + self.new_total()
    }
    pub fn resolved(&self) -> u64 {
        self.early + self.on_time + self.late + self.unjudged
    }
    pub fn in_progress(&self) -> u64 {
        self.open_in_time + self.open_overdue
    }
    /// received = resolved + in progress + withdrawn / refused / stopped.
    pub fn balanced(&self) -> bool {
        self.received() == self.resolved() + self.in_progress() + self.closed
    }
    /// The headline: (trước hạn + đúng hạn) / resolved and judged.
    pub fn on_time_share(&self) -> String {
        crate::format::share(self.early + self.on_time, self.early + self.on_time + self.late)
    }
}

/// The first instant after `day`.
pub(crate) fn end_of(day: NaiveDate) -> NaiveDateTime {
    (day + chrono::Duration::days(1)).and_hms_opt(0, 0, 0).unwrap_or_default() - chrono::Duration::seconds(1)
}

/// A dossier as it stood at `at`: later steps and a later extension are not known yet.
pub fn as_of(d: &Dossier, at: NaiveDateTime) -> Dossier {
    let mut x = d.clone();
    x.events.retain(|e| e.at <= at);
    if x.events.is_empty() {
        x.events = d.events.iter().take(1).cloned().collect();
    }
    x.extension = x.extension.filter(|e| e.at <= at);
    x
}

/// Where a dossier ended by an instant: resolved (and its class), closed, or still open.
enum State {
    NotYet,
    Resolved(Timeliness),
    Closed,
    Open(Timeliness),
}

fn state_at(d: &Dossier, cal: &WorkCalendar, at: NaiveDateTime) -> State {
    if d.received > at {
        return State::NotYet;
    }
    if let Some(done) = d.resolved_at().filter(|t| *t <= at) {
        return State::Resolved(d.timeliness(cal, done, 1));
    }
    if d.closed_at().is_some_and(|t| t <= at) {
        return State::Closed;
    }
    State::Open(as_of(d, at).timeliness(cal, at, 0))
}

/// The report table over live dossiers passing the filter.
pub fn dossier_table(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> DossierTable {
    table_over(data.timeline.dossiers(data.dossiers, period), data.cal, period, filter, lookup)
}

/// The table over `dossiers`, which must be [`Timeline::dossiers`] of the same period.
fn table_over<'a>(
    dossiers: impl Iterator<Item = &'a Dossier>,
    cal: &WorkCalendar,
    period: &Period,
    filter: &Filter,
    lookup: &Lookup,
) -> DossierTable {
    let mut t = DossierTable::default();
    let end = end_of(period.to);
    // The timeline gave only the dossiers that can count; the filter next, and the calendar
    // only for what is counted.
    for d in dossiers.filter(|d| filter.dossier(d, lookup)) {
        let received = d.received.date();
        if received < period.from {
            // Carried over: still open when the period began.
            t.carried_over += 1;
        } else if d.channel == Channel::Online {
            t.new_online += 1;
        } else {
            t.new_direct_post += 1;
        }
        let state = state_at(d, cal, end);
        if d.judged_on_return && matches!(state, State::Resolved(Timeliness::Early | Timeliness::OnTime | Timeliness::Late)) {
            t.judged_on_return += 1;
        }
        match state {
            State::Resolved(Timeliness::Early) => t.early += 1,
            State::Resolved(Timeliness::OnTime) => t.on_time += 1,
            State::Resolved(Timeliness::Unjudged) => t.unjudged += 1,
            State::Resolved(_) => {
                t.late += 1;
                if d.extension.is_some() {
                    t.extended += 1;
                    t.extended_kept += u64::from(d.renewed_date_kept(cal) == Some(true));
                }
            }
            State::Closed => t.closed += 1,
            State::Open(Timeliness::Overdue) => t.open_overdue += 1,
            State::Open(_) | State::NotYet => t.open_in_time += 1,
        }
    }
    t
}

/// Satisfaction over the responses created in a period (Vietnam days).
pub fn satisfaction(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> SatisfactionIndex {
    let inside = data.responses_in(period).filter(|r| filter.response(r, lookup));
    index::compute(inside, data.versions)
}

/// An index value only when `n` reaches the anonymity threshold.
pub fn shown_index(ix: &SatisfactionIndex, min_n: u32) -> Option<f64> {
    ix.overall.filter(|_| index::shown(ix.n_items, min_n))
}

/// Overall satisfaction of responses that name a dossier, split by that dossier's timeliness:
/// (resolved late, resolved in time) per procedure name.
pub fn satisfaction_by_timeliness(data: Records, period: &Period) -> BTreeMap<String, (Tally, Tally)> {
    let (dossiers, cal) = (data.dossiers, data.cal);
    let rated: Vec<&Response> = data
        .responses_in(period)
        .filter(|r| (1..=5).contains(&r.overall) && !r.dossier_code.trim().is_empty())
        .collect();
    let mut out: BTreeMap<String, (Tally, Tally)> = BTreeMap::new();
    if rated.is_empty() {
        return out;
    }
    // Only the codes the period's responses carry are looked for (not a decade of dossiers).
    let key = rated::code_key;
    let wanted: std::collections::HashSet<String> = rated.iter().map(|r| key(&r.dossier_code)).collect();
    let by_code: BTreeMap<String, &Dossier> = dossiers
        .iter()
        .filter(|d| !d.meta.deleted)
        .filter_map(|d| {
            let code = key(&d.code);
            wanted.contains(&code).then_some((code, d))
        })
        .collect();
    for r in rated {
        let Some(d) = by_code.get(&key(&r.dossier_code)) else {
            continue;
        };
        let Some(done) = d.resolved_at() else { continue };
        let e = out.entry(d.procedure_name.clone()).or_default();
        match d.timeliness(cal, done, 1) {
            Timeliness::Late => e.0.add(r.overall),
            Timeliness::Early | Timeliness::OnTime => e.1.add(r.overall),
            _ => {}
        }
    }
    out
}

/// One month of the series the charts draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthRow {
    pub year: i32,
    pub month: u32,
    pub index: Option<f64>,
    pub n: u32,
    pub received: [u64; 3],
    pub early: u64,
    pub on_time: u64,
    pub late: u64,
}

impl MonthRow {
    /// The on-time rate of the month's resolved dossiers, in %.
    pub fn on_time_rate(&self) -> Option<f64> {
        let judged = self.early + self.on_time + self.late;
        (judged > 0).then(|| (self.early + self.on_time) as f64 * 100.0 / judged as f64)
    }
}

/// The records a report is computed over, with their [`Timeline`] (built from the same two
/// slices, once per data set).
#[derive(Clone, Copy)]
pub struct Records<'a> {
    pub responses: &'a [Response],
    pub dossiers: &'a [Dossier],
    pub versions: &'a BTreeMap<u32, Questionnaire>,
    pub cal: &'a WorkCalendar,
    pub timeline: &'a Timeline,
}

impl crate::dataset::Dataset {
    /// This data set as a report's input; `timeline` is `Timeline::new` of its records.
    pub fn records<'a>(&'a self, timeline: &'a Timeline) -> Records<'a> {
        Records {
            responses: &self.responses,
            dossiers: &self.dossiers,
            versions: &self.versions,
            cal: &self.calendar,
            timeline,
        }
    }
}

impl<'a> Records<'a> {
    /// The live responses created in a period (Vietnam days), oldest first.
    pub fn responses_in(&self, period: &Period) -> impl Iterator<Item = &'a Response> + 'a {
        self.timeline.responses(self.responses, period.instants())
    }
}

/// The months of a period with their index (hidden under `min_n`), dossiers received per
/// channel and resolved per class.
pub fn monthly(data: Records, period: &Period, filter: &Filter, lookup: &Lookup, min_n: u32) -> Vec<MonthRow> {
    let (versions, cal) = (data.versions, data.cal);
    period
        .months()
        .into_iter()
        .map(|m| {
            // Each month by binary search in the timeline, not a scan of the whole period.
            let ix = index::compute(data.responses_in(&m).filter(|r| filter.response(r, lookup)), versions);
            let dossiers: Vec<&Dossier> = data.timeline.dossiers(data.dossiers, &m).collect();
            let t = table_over(dossiers.iter().copied(), cal, &m, filter, lookup);
            let mut received = [0u64; 3];
            for d in dossiers
                .iter()
                .filter(|d| m.contains(d.received.date()) && filter.dossier(d, lookup))
            {
                received[Channel::ALL.iter().position(|c| *c == d.channel).unwrap_or(0)] += 1;
            }
            let (year, month) = m.named_month();
            MonthRow {
                year,
                month,
                index: shown_index(&ix, min_n),
                n: ix.n_items,
                received,
                early: t.early,
                on_time: t.on_time,
                late: t.late,
            }
        })
        .collect()
}

/// The devices the dashboard's filter offers (issue 25: raw ids, and the manager's own empty
/// browser, were listed): those that made a record here, each by the name staff gave it (its
/// settings, an imported file's source) with its short id when two share a name, the id alone
/// when no name is known; ordered by label as Vietnamese reads.
pub fn device_choices(data: Records, names: &BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut ids: Vec<&str> = data
        .responses
        .iter()
        .map(|r| r.meta.device.as_str())
        .chain(data.dossiers.iter().map(|d| d.meta.device.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let name = |id: &str| names.get(id).map(|n| n.trim()).filter(|n| !n.is_empty());
    let shared = |n: &str| ids.iter().filter(|x| name(x) == Some(n)).count() > 1;
    let mut out: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let label = match name(id) {
                Some(n) if shared(n) => format!("{n} ({id})"),
                Some(n) => n.to_string(),
                None => id.to_string(),
            };
            (id.to_string(), label)
        })
        .collect();
    out.sort_by_cached_key(|(id, label)| (crate::format::fold_key(label), id.clone()));
    out
}

/// Units ranked by their satisfaction index over a period (highest first), like the
/// province's ranking of departments; units under the threshold are left out.
pub fn unit_ranking(data: Records, period: &Period, lookup: &Lookup, min_n: u32) -> Vec<(usize, String, f64, u32)> {
    let units: std::collections::BTreeSet<&String> = lookup.unit_of_device.values().collect();
    let mut rows: Vec<(String, f64, u32)> = units
        .into_iter()
        .filter_map(|u| {
            let f = Filter {
                unit: u.clone(),
                ..Default::default()
            };
            let ix = satisfaction(data, period, &f, lookup);
            shown_index(&ix, min_n).map(|v| (u.clone(), v, ix.n_items))
        })
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.into_iter().enumerate().map(|(i, (u, v, n))| (i + 1, u, v, n)).collect()
}

/// `f` over the records of `rs` and `ds` with the default calendar and no questionnaire
/// versions: the data the report's tests build their figures from.
#[cfg(test)]
pub(crate) fn over_records<T>(rs: &[Response], ds: &[Dossier], f: impl FnOnce(Records) -> T) -> T {
    let tl = Timeline::new(rs, ds);
    let cal = WorkCalendar::default();
    let versions = Default::default();
    f(Records {
        responses: rs,
        dossiers: ds,
        versions: &versions,
        cal: &cal,
        timeline: &tl,
    })
}

#[cfg(test)]
mod tests;
