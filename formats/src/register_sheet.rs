//! Bulk entry from a sheet laid out like the Sổ theo dõi hồ sơ (what the desk's e-government
//! software exports), as CSV or Excel (`sheet`), through a column mapping. Every row is
//! checked on its own and reported with its line number; the caller saves the valid rows in
//! one batch or nothing.

use crate::calendar::WorkCalendar;
use crate::dossier::procedure::Procedure;
use crate::dossier::record::{Channel, Dossier, DossierError, NewDossier, Status};
use crate::i18n::{Msg, K};
use crate::record::Meta;
use crate::sheet::{Cell, EndBasis, Field, Mapping, Table, UNREADABLE};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// One row's outcome: the dossier, or why it was refused.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line in the file (the header is line 1).
    pub line: usize,
    pub code: String,
    pub result: Result<Dossier, Msg>,
}

/// Largest register sheet read (a year of a busy desk is about 3 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The message for a sheet over [`MAX_BYTES`] (checked before reading it, by its size).
pub fn too_large(size: usize) -> Msg {
    Msg::new(K::ErrSheetTooLarge)
        .arg(size / (1024 * 1024))
        .arg(MAX_BYTES / (1024 * 1024))
}

/// The text of a picked sheet: UTF-8 (with or without BOM) or UTF-16 as Excel saves "Unicode
/// text"; anything else (e.g. Windows-1258) is named rather than misread.
pub fn decode(bytes: &[u8]) -> Result<String, Msg> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len()));
    }
    let utf16 = |le: bool| -> Result<String, Msg> {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let (a, b) = (c[0], *c.get(1).unwrap_or(&0));
                if le {
                    u16::from_le_bytes([a, b])
                } else {
                    u16::from_be_bytes([a, b])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| Msg::new(K::ErrBrokenUtf16))
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| Msg::new(K::ErrSheetEncoding)),
    }
}

/// `dd/mm/yyyy`, optionally followed by ` HH:MM`; ISO `yyyy-mm-dd[ HH:MM]` also accepted.
/// Years outside 2000–2100 are refused (a typo, not a register date).
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    use chrono::Datelike;
    parse_any(s).filter(|t| (2000..=2100).contains(&t.year()))
}

fn parse_any(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    for f in [
        "%d/%m/%Y %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    for f in ["%d/%m/%Y", "%Y-%m-%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return d.and_hms_opt(8, 0, 0);
        }
    }
    None
}

fn channel(s: &str) -> Channel {
    let s = motcua_domain::format::lower(s.trim());
    if s.starts_with('2') || s.contains("trực tuyến") || s.contains("online") {
        Channel::Online
    } else if s.starts_with('3') || s.contains("bưu") || s.contains("post") {
        Channel::Post
    } else {
        Channel::Direct
    }
}

/// What a sheet gave: its rows, how returned dossiers were judged, and the procedure names
/// that matched nothing in the catalogue (with their rows), for the officer to map.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub rows: Vec<Row>,
    /// The sheet has no end-of-processing column but has the return date.
    pub missing_end_column: bool,
    pub basis: EndBasis,
    /// Procedure names the catalogue does not know, most rows first.
    pub unmatched: Vec<Unmatched>,
}

/// A procedure name of the sheet that matched no catalogue entry: how many rows name it, the
/// working days its rows give between receipt and the appointment (the median, when the sheet
/// has due dates), and the division its rows name most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub name: String,
    pub rows: usize,
    pub days: Option<u32>,
    pub division: String,
}

impl Sheet {
    /// The unmatched names as new catalogue entries, added in one step by the officer: ids
    /// `TT-01`, `TT-02`… not yet used, the term the rows give (else 1 day, to be checked in the
    /// catalogue), the division the rows name.
    pub fn new_procedures(&self, catalogue: &[Procedure]) -> Vec<Procedure> {
        let mut n = 0;
        let mut next_id = || loop {
            n += 1;
            let id = format!("TT-{n:02}");
            if !catalogue.iter().any(|p| p.id == id) {
                return id;
            }
        };
        self.unmatched
            .iter()
            .map(|u| Procedure {
                id: next_id(),
                name: u.name.clone(),
                field: String::new(),
                division: u.division.clone(),
                days: u.days.unwrap_or(1).clamp(1, crate::calendar::MAX_DAYS),
                hours: 0,
                cutoff_15h: false,
                same_day: false,
                fee: String::new(),
                online: crate::dossier::Online::None,
                changed_at: 0,
                documents: Vec::new(),
                steps: Vec::new(),
            })
            .collect()
    }
}

/// Read a CSV and check every row. `existing` are the codes already in the register;
/// `metas` supplies a fresh [`Meta`] per accepted row.
pub fn parse<'a>(
    text: &str,
    catalogue: &[Procedure],
    cal: &WorkCalendar,
    existing: impl Iterator<Item = &'a str>,
    mut metas: impl FnMut() -> Meta,
) -> Result<Sheet, Msg> {
    let mut r = SheetReader::from_csv(text, existing)?;
    while !r.step(usize::MAX, catalogue, cal, &mut metas) {}
    r.finish()
}

/// An unknown procedure name's rows so far: the name as written, how many, their working days
/// from receipt to the appointment, their divisions.
type Seen = (String, usize, Vec<u32>, BTreeMap<String, usize>);

/// A sheet read a few hundred rows at a time, so that a 50 000-row file shows its progress
/// and the page stays responsive ([`parse`] reads it all at once).
pub struct SheetReader {
    table: Table,
    map: Mapping,
    basis: EndBasis,
    /// Procedure names (folded) the officer mapped to a catalogue id.
    chosen: BTreeMap<String, String>,
    /// Codes taken: the register's and the rows accepted so far (upper case).
    seen: std::collections::HashSet<String>,
    rows: Vec<Row>,
    /// Per folded name: what its rows said.
    unmatched: BTreeMap<String, Seen>,
    next: usize,
}

impl SheetReader {
    /// A CSV's text with the columns guessed from its header row.
    pub fn from_csv<'a>(text: &str, existing: impl Iterator<Item = &'a str>) -> Result<SheetReader, Msg> {
        let table = Table::from_csv(text);
        let header = table.header_row().ok_or_else(|| Msg::new(K::ErrNoHeader))?;
        let map = Mapping::guess(&table.headers(header));
        let basis = map.default_basis();
        SheetReader::new(table, header, map, basis, BTreeMap::new(), existing)
    }

    /// The rows of `table` after `header`, read through `map`, returned dossiers judged by
    /// `basis`, procedure names mapped by `chosen` (folded name → catalogue id) where the
    /// catalogue does not match them itself.
    pub fn new<'a>(
        table: Table,
        header: usize,
        map: Mapping,
        basis: EndBasis,
        chosen: BTreeMap<String, String>,
        existing: impl Iterator<Item = &'a str>,
    ) -> Result<SheetReader, Msg> {
        if let Some(f) = map.missing().first() {
            return Err(Msg::new(K::ErrMissingColumn).part(f.key()));
        }
        Ok(SheetReader {
            table,
            map,
            basis,
            chosen,
            seen: existing.map(motcua_domain::format::upper).collect(),
            rows: Vec::new(),
            unmatched: BTreeMap::new(),
            next: header + 1,
        })
    }

    /// Rows of the sheet read so far, and in all (for a progress bar).
    pub fn progress(&self) -> (usize, usize) {
        (self.next.min(self.table.rows.len()), self.table.rows.len())
    }

    /// Check up to `n` more rows; `true` once the sheet is read.
    pub fn step(&mut self, n: usize, catalogue: &[Procedure], cal: &WorkCalendar, mut metas: impl FnMut() -> Meta) -> bool {
        for _ in 0..n {
            let Some(cells) = self.table.rows.get(self.next) else { return true };
            let line = self.table.lines.get(self.next).copied().unwrap_or(self.next + 1);
            self.next += 1;
            if let Some(Cell::Text(t)) = cells.first().filter(|_| cells.len() == 1) {
                if let Some(e) = t.strip_prefix(UNREADABLE) {
                    self.rows.push(Row {
                        line,
                        code: String::new(),
                        result: Err(Msg::new(K::ErrRowUnreadable).arg(e)),
                    });
                    continue;
                }
            }
            if cells.iter().all(|c| *c == Cell::Empty) {
                continue;
            }
            let cell = |f: Field| self.map.get(f).and_then(|i| cells.get(i)).unwrap_or(&Cell::Empty);
            let code = motcua_domain::format::upper(&cell(Field::Code).text());
            let proc_text = cell(Field::Procedure).text();
            let procedure = crate::dossier::procedure::match_procedure(catalogue, &proc_text, &self.chosen);
            let row = RowIn {
                cell: &cell,
                procedure: procedure.ok_or_else(|| DossierError::UnknownProcedure(proc_text.clone())),
                code: &code,
                seen: self.seen.contains(&code),
                basis: self.basis,
            };
            let result = row_dossier(row, catalogue, cal, &mut metas);
            if procedure.is_none() && !proc_text.is_empty() {
                note_unmatched(&mut self.unmatched, &proc_text, &cell, cal);
            }
            if result.is_ok() {
                self.seen.insert(code.clone());
            }
            self.rows.push(Row { line, code, result });
        }
        false
    }
}

/// A procedure the catalogue does not know: its rows, the working days its due dates suggest,
/// and the divisions named, for the officer to add it.
fn note_unmatched<'c>(unmatched: &mut BTreeMap<String, Seen>, proc_text: &str, cell: &impl Fn(Field) -> &'c Cell, cal: &WorkCalendar) {
    let days = cell(Field::Received)
        .datetime()
        .zip(cell(Field::Due).datetime())
        .map(|((r, _), (d, _))| u32::try_from(cal.working_days_between(r.date(), d.date()).max(0)).unwrap_or(0));
    let division = cell(Field::Division).text();
    let e = unmatched
        .entry(crate::format::fold_key(proc_text))
        .or_insert_with(|| (proc_text.to_string(), 0, Vec::new(), BTreeMap::new()));
    e.1 += 1;
    e.2.extend(days.filter(|d| *d > 0));
    if !division.is_empty() {
        *e.3.entry(division).or_default() += 1;
    }
}

impl SheetReader {
    /// The rows read; a sheet with a header and no rows is an error of its own.
    pub fn finish(self) -> Result<Sheet, Msg> {
        if self.rows.is_empty() {
            return Err(Msg::new(K::ErrHeaderOnly));
        }
        let mut unmatched: Vec<Unmatched> = self
            .unmatched
            .into_values()
            .map(|(name, rows, mut days, divisions)| {
                days.sort_unstable();
                Unmatched {
                    name,
                    rows,
                    days: days.get(days.len() / 2).copied(),
                    division: divisions
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                        .map(|d| d.0)
                        .unwrap_or_default(),
                }
            })
            .collect();
        unmatched.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.name.cmp(&b.name)));
        Ok(Sheet {
            missing_end_column: self.map.get(Field::Resolved).is_none() && self.map.get(Field::Returned).is_some(),
            basis: self.basis,
            rows: self.rows,
            unmatched,
        })
    }
}

/// Rows the preview shows at a time (a 50 000-row sheet is not drawn at once).
pub const PREVIEW_PAGE: usize = 50;

/// One page of the preview (0-based, clamped to the last), the page shown and the number of
/// pages; and the counts of rows that will be imported and of rows with an error.
pub fn preview_page(rows: &[Row], page: usize) -> (&[Row], usize, usize) {
    let pages = rows.len().div_ceil(PREVIEW_PAGE).max(1);
    let p = page.min(pages - 1);
    let start = (p * PREVIEW_PAGE).min(rows.len());
    (&rows[start..(start + PREVIEW_PAGE).min(rows.len())], p, pages)
}

/// (rows that will be imported, rows with an error).
pub fn counts(rows: &[Row]) -> (usize, usize) {
    let ok = rows.iter().filter(|r| r.result.is_ok()).count();
    (ok, rows.len() - ok)
}

/// A row of the sheet as read: its cells by field, its procedure (or why none), its code and
/// whether an earlier row had it.
struct RowIn<'a, C> {
    cell: &'a C,
    procedure: Result<&'a Procedure, DossierError>,
    code: &'a str,
    seen: bool,
    basis: EndBasis,
}

/// One row of the register's sheet as a dossier of procedure `p`: received, due (as the sheet
/// says, else computed), and where the sheet says so processed and returned.
fn row_dossier<'c, C: Fn(Field) -> &'c Cell>(
    row: RowIn<'_, C>,
    catalogue: &[Procedure],
    cal: &WorkCalendar,
    metas: &mut impl FnMut() -> Meta,
) -> Result<Dossier, Msg> {
    let RowIn {
        cell,
        procedure,
        code,
        seen,
        basis,
    } = row;
    let text = |f: Field| cell(f).text();
    let when = |f: Field| -> Result<Option<(NaiveDateTime, bool)>, Msg> {
        match cell(f) {
            Cell::Empty => Ok(None),
            c => c
                .datetime()
                .map(Some)
                .ok_or_else(|| Msg::new(K::ErrCellInvalid).part(f.key()).arg(c.text())),
        }
    };
    // A date without a time: received at the start of the day, due at its close.
    let at_open = |(t, date_only): (NaiveDateTime, bool)| if date_only { t.date().and_hms_opt(8, 0, 0).unwrap_or(t) } else { t };
    let received = when(Field::Received)?
        .map(at_open)
        .ok_or_else(|| Msg::new(K::ErrCellInvalid).part(Field::Received.key()).arg(text(Field::Received)))?;
    let due_override = when(Field::Due)?.map(|(d, date_only)| {
        let d = if date_only { d.date().and_time(cal.office.close()) } else { d };
        (d, "Theo sổ nhập từ tệp".to_string())
    });
    // The checks in the order a row's problems were always told.
    let p = procedure.map_err(|e| e.msg())?;
    if seen {
        return Err(DossierError::DuplicateCode(code.to_string()).msg());
    }
    let input = NewDossier {
        code: code.to_string(),
        procedure: p.id.clone(),
        applicant: text(Field::Applicant),
        contact: text(Field::Contact),
        channel: channel(&text(Field::Channel)),
        received: Some(received),
        due_override,
        result_via: Channel::from_text(&text(Field::ResultVia)),
        id_number: text(Field::IdNumber).chars().filter(|c| !c.is_whitespace()).collect(),
        ..Default::default()
    };
    let mut d = Dossier::create(input, catalogue, cal, std::iter::empty(), metas()).map_err(|e| e.msg())?;
    let end = when(Field::Resolved)?.map(at_open);
    let back = when(Field::Returned)?.map(at_open);
    processed(&mut d, received, end, back, basis, &text(Field::Division)).map_err(|e| e.msg())?;
    Ok(d)
}

/// The steps a sheet's row records after receipt: processed (`end`), returned (`back`), or
/// with a division named, in progress there.
fn processed(
    d: &mut Dossier,
    received: NaiveDateTime,
    end: Option<NaiveDateTime>,
    back: Option<NaiveDateTime>,
    basis: EndBasis,
    division: &str,
) -> Result<(), DossierError> {
    match (end, back, basis) {
        (Some(end), back, _) => {
            d.transition(Status::Resolved, end, "", division)?;
            if let Some(at) = back {
                d.transition(Status::Returned, at, "", "")?;
            }
        }
        (None, Some(at), EndBasis::ReturnDate) => {
            // The sheet has no end of processing: judged by the return, and it says so.
            d.transition(Status::Resolved, at, "Xét hạn theo ngày trả kết quả", division)?;
            d.transition(Status::Returned, at, "", "")?;
            d.judged_on_return = true;
        }
        (None, Some(at), _) => {
            // Returned, but when processing ended is unknown: keep it, do not judge it.
            d.transition(Status::Resolved, at, "Ngày xử lý xong không có trong tệp", division)?;
            d.transition(Status::Returned, at, "", "")?;
            d.end_unknown = true;
        }
        (None, None, _) if !division.is_empty() => d.transition(Status::InProgress, received, "", division)?,
        (None, None, _) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::default_catalogue;

    const SHEET: &str = "\u{feff}STT,Mã hồ sơ,Tên thủ tục hành chính,\"Tên tổ chức, cá nhân\",\"Địa chỉ, số điện thoại\",Cơ quan chủ trì giải quyết,Nhận hồ sơ,Hẹn trả kết quả,Trả kết quả,Phương thức nhận kết quả
1,SCT-250203-0001,Đăng ký thực hiện khuyến mại,Công ty CP Biển Xanh,\"Nha Trang, 0905123456\",Phòng Quản lý Thương mại,03/02/2025 09:00,,06/02/2025 15:00,Trực tiếp
2,SCT-250203-0002,TM-02,Hộ KD Trần Văn Nam,0912000111,,03/02/2025 16:10,,,
3,SCT-250203-0001,TM-02,Trùng mã,,,03/02/2025 10:00,,,
4,SCT-250203-0003,Thủ tục không có,Ai đó,,,03/02/2025 10:00,,,
5,SCT-250203-0004,TM-02,Hạn sai,,,03/02/2025 10:00,01/02/2025,,
6,SCT-250203-0005,TM-02,Ngày sai,,,32/02/2025,,,
";

    fn run(text: &str, existing: &[&str]) -> Result<Vec<Row>, Msg> {
        sheet(text, existing).map(|s| s.rows)
    }

    fn sheet(text: &str, existing: &[&str]) -> Result<Sheet, Msg> {
        let mut n = 0u8;
        parse(
            text,
            &default_catalogue(),
            &WorkCalendar::default(),
            existing.iter().copied(),
            || {
                n += 1;
                Meta::new([n; 16], 0, "t")
            },
        )
    }

    #[test]
    fn a_register_sheet_is_read_row_by_row() {
        let rows = run(SHEET, &[]).unwrap();
        assert_eq!(rows.len(), 6);
        let ok: Vec<_> = rows.iter().filter_map(|r| r.result.as_ref().ok()).collect();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].status(), Status::Returned);
        assert_eq!(ok[0].contact, "Nha Trang, 0905123456");
        assert_eq!(ok[0].result_via, Channel::Direct);
        // Received after 15:00 without a due date, a procedure without the 15:00 rule: counted
        // from the next day, Tue 4/2.
        assert_eq!(
            ok[1].due,
            NaiveDate::from_ymd_opt(2025, 2, 10).unwrap().and_hms_opt(17, 0, 0).unwrap()
        );
        let errs: Vec<_> = rows
            .iter()
            .filter_map(|r| r.result.as_ref().err().map(|e| (r.line, e.text(crate::Lang::Vi))))
            .collect();
        assert_eq!(errs.len(), 4);
        assert_eq!(errs[0].0, 4);
        assert!(errs[0].1.contains("Trùng mã"), "{errs:?}");
        assert!(errs[1].1.contains("thủ tục"));
        assert!(errs[2].1.contains("Hạn trả trước"));
        assert!(errs[3].1.starts_with("Nhận hồ sơ lúc không hợp lệ"), "{errs:?}");
        // The same rows in the English UI: no Vietnamese words of the app's own (issue 25).
        let bad_date = rows.iter().filter_map(|r| r.result.as_ref().err()).next_back().unwrap();
        assert!(
            bad_date.text(crate::Lang::En).starts_with("Received at is not valid: «"),
            "{bad_date:?}"
        );
    }

    #[test]
    fn the_return_date_is_not_the_end_of_processing() {
        let cal = WorkCalendar::default();
        // No end-of-processing column (Mẫu 07 has none): by default the returned dossier is
        // judged by its return date, and keeps that it was.
        let s = sheet(SHEET, &[]).unwrap();
        assert!(s.missing_end_column);
        assert_eq!(s.basis, EndBasis::ReturnDate);
        let returned = s.rows[0].result.as_ref().unwrap();
        assert!(returned.judged_on_return && !returned.end_unknown);
        // Received Mon 03/02 09:00 (5 days: due 10/02), returned 06/02: early.
        assert_eq!(returned.timeliness(&cal, returned.received, 1), crate::dossier::Timeliness::Early);
        // The officer may choose not to judge them: then "chưa rõ", never silently.
        let table = Table::from_csv(SHEET);
        let map = Mapping::guess(&table.headers(0));
        let mut r = SheetReader::new(table, 0, map, EndBasis::NotJudged, BTreeMap::new(), std::iter::empty()).unwrap();
        let mut n = 0u8;
        while !r.step(100, &default_catalogue(), &cal, || {
            n += 1;
            Meta::new([n; 16], 0, "t")
        }) {}
        let s = r.finish().unwrap();
        let returned = s.rows[0].result.as_ref().unwrap();
        assert!(returned.end_unknown && !returned.judged_on_return);
        assert_eq!(
            returned.timeliness(&cal, returned.received, 1),
            crate::dossier::Timeliness::Unjudged
        );
        // With the column, processing ended on 04/02 and the result went back on 12/02 (after
        // the due date): early, judged by the end of processing, not by the return.
        let with_end =
            "Mã hồ sơ,Tên thủ tục hành chính,Tên tổ chức cá nhân,Nhận hồ sơ,Ngày xử lý xong,Trả kết quả,Phương thức nhận kết quả\n\
                        SCT-250203-0001,TM-02,A,03/02/2025 09:00,04/02/2025 10:00,12/02/2025 09:00,Bưu điện\n";
        let s = sheet(with_end, &[]).unwrap();
        assert!(!s.missing_end_column);
        let d = s.rows[0].result.as_ref().unwrap();
        assert_eq!(
            d.resolved_at(),
            Some(NaiveDate::from_ymd_opt(2025, 2, 4).unwrap().and_hms_opt(10, 0, 0).unwrap())
        );
        assert_eq!(d.status(), Status::Returned);
        assert_eq!(d.result_via, Channel::Post);
        assert_eq!(d.timeliness(&cal, d.received, 1), crate::dossier::Timeliness::Early);
    }

    #[test]
    fn odd_sheets_get_their_own_message() {
        let header = "Mã hồ sơ,Tên thủ tục hành chính,Tên tổ chức cá nhân,Nhận hồ sơ\n";
        assert!(run(header, &[]).unwrap_err().to_string().contains("chỉ có dòng tiêu đề"));
        let far = format!("{header}SCT-250203-0001,TM-02,A,03/02/1925 09:00\n");
        assert!(run(&far, &[]).unwrap()[0]
            .result
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("Nhận hồ sơ lúc"));
        // UTF-16 as Excel's "Unicode text", with its BOM.
        let mut le = vec![0xFF, 0xFE];
        le.extend(header.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap(), header);
        let mut be = vec![0xFE, 0xFF];
        be.extend(header.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).unwrap(), header);
        // "Mã hồ sơ" in Windows-1258-like single bytes is not UTF-8.
        assert!(decode(&[0x4D, 0xE3, 0x20, 0x68, 0xF4, 0x73])
            .unwrap_err()
            .to_string()
            .contains("Windows-1258"));
        assert!(decode(&vec![b'a'; MAX_BYTES + 1]).unwrap_err().to_string().contains("quá lớn"));
    }

    #[test]
    fn a_large_sheet_is_read_in_steps_with_progress() {
        let mut text = String::from("Mã hồ sơ,Tên thủ tục hành chính,Tên tổ chức cá nhân,Nhận hồ sơ\n");
        for i in 0..3_000 {
            text.push_str(&format!("SCT-250203-{:04},TM-02,Người {i},03/02/2025 09:00\n", i % 2_999));
        }
        let (cat, cal) = (default_catalogue(), WorkCalendar::default());
        let mut r = SheetReader::from_csv(&text, ["SCT-250203-0005"].into_iter()).unwrap();
        let mut n = 0u8;
        let mut seen = Vec::new();
        while !r.step(500, &cat, &cal, || {
            n = n.wrapping_add(1);
            crate::record::Meta::new([n; 16], 0, "t")
        }) {
            seen.push(r.progress());
        }
        assert!(seen.len() >= 5 && seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
        assert!(seen.iter().all(|(done, all)| done <= all));
        let sheet = r.finish().unwrap();
        assert_eq!(sheet.rows.len(), 3_000);
        assert_eq!(counts(&sheet.rows), (2_998, 2));
        let (first, p, pages) = preview_page(&sheet.rows, 0);
        assert_eq!((first.len(), first[0].line, p, pages), (PREVIEW_PAGE, 2, 0, 60));
        let (last, p, _) = preview_page(&sheet.rows, 999);
        assert_eq!((last.len(), last[49].line, p), (50, 3_001, 59), "past the end shows the last page");
        assert_eq!(preview_page(&[], 3).2, 1);
        let dup: Vec<usize> = sheet.rows.iter().filter(|r| r.result.is_err()).map(|r| r.line).collect();
        // Row 7 repeats a code of the register, the last row repeats the first row's code.
        assert_eq!(dup, vec![7, 3_001]);
    }

    #[test]
    fn unknown_procedures_are_listed_and_can_be_mapped_by_the_officer() {
        let text = "Mã HS,Tên TTHC,Chủ hồ sơ,Ngày tiếp nhận\n\
                    SCT-250203-0001,Đăng ký khuyến mại,A,03/02/2025\n\
                    SCT-250203-0002,đăng ký  khuyến mại,B,03/02/2025\n\
                    SCT-250203-0003,ĐĂNG KÝ THỰC HIỆN KHUYẾN MẠI,C,03/02/2025\n";
        let s = sheet(text, &[]).unwrap();
        assert_eq!(
            s.unmatched,
            vec![Unmatched {
                name: "Đăng ký khuyến mại".into(),
                rows: 2,
                days: None,
                division: String::new()
            }]
        );
        // Added in one step as a new catalogue entry, the rows then match it.
        let added = s.new_procedures(&default_catalogue());
        assert_eq!((added[0].id.as_str(), added[0].name.as_str()), ("TT-01", "Đăng ký khuyến mại"));
        let mut cat = default_catalogue();
        cat.extend(added);
        let again = parse(text, &cat, &WorkCalendar::default(), std::iter::empty(), || {
            Meta::new([7; 16], 0, "t")
        })
        .unwrap();
        assert_eq!(counts(&again.rows), (3, 0), "every row now finds its procedure");
        // With due dates, the new entry takes the rows' term and division.
        let with_due = "Mã HS,Tên TTHC,Chủ hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Phòng xử lý\n\
                        SCT-250203-0001,Cấp phép mới,A,03/02/2025,10/02/2025,Phòng QLCN\n\
                        SCT-250203-0002,Cấp phép mới,B,03/02/2025,10/02/2025,Phòng QLCN\n\
                        SCT-250203-0003,Cấp phép mới,C,03/02/2025,05/02/2025,Phòng khác\n";
        let due_sheet = sheet(with_due, &[]).unwrap();
        let u = &due_sheet.unmatched[0];
        assert_eq!((u.days, u.division.as_str()), (Some(5), "Phòng QLCN"));
        assert_eq!(due_sheet.new_procedures(&default_catalogue())[0].days, 5);
        assert_eq!(counts(&s.rows), (1, 2), "the catalogue's own name matches without marks");
        let table = Table::from_csv(text);
        let map = Mapping::guess(&table.headers(0));
        let chosen = [("dang ky khuyen mai".to_string(), "TM-02".to_string())].into_iter().collect();
        let mut r = SheetReader::new(table, 0, map, EndBasis::ReturnDate, chosen, std::iter::empty()).unwrap();
        let mut n = 0u8;
        while !r.step(10, &default_catalogue(), &WorkCalendar::default(), || {
            n += 1;
            Meta::new([n; 16], 0, "t")
        }) {}
        let s = r.finish().unwrap();
        assert_eq!((counts(&s.rows), s.unmatched.len()), ((3, 0), 0));
    }

    #[test]
    fn excel_cells_give_dates_with_or_without_a_time() {
        use crate::sheet::Cell::*;
        let d = |dd, h, m| NaiveDate::from_ymd_opt(2025, 2, dd).unwrap().and_hms_opt(h, m, 0).unwrap();
        let table = Table {
            rows: vec![
                [
                    "Mã hồ sơ",
                    "Tên thủ tục",
                    "Tổ chức, cá nhân",
                    "Ngày nhận",
                    "Hẹn trả",
                    "Ngày có kết quả",
                ]
                .map(|h| Text(h.into()))
                .to_vec(),
                vec![
                    Text("SCT-250203-0001".into()),
                    Text("TM-02".into()),
                    Text("A".into()),
                    DateTime(d(3, 9, 30)),
                    DateTime(d(10, 0, 0)),
                    Number(45693.5),
                ],
            ],
            lines: vec![1, 2],
        };
        let map = Mapping::guess(&table.headers(0));
        let mut r = SheetReader::new(table, 0, map, EndBasis::EndColumn, BTreeMap::new(), std::iter::empty()).unwrap();
        while !r.step(10, &default_catalogue(), &WorkCalendar::default(), || Meta::new([1; 16], 0, "t")) {}
        let s = r.finish().unwrap();
        let x = s.rows[0].result.as_ref().unwrap();
        assert_eq!(x.received, d(3, 9, 30));
        assert_eq!(x.due, d(10, 17, 0), "a date alone: due at the close of that day");
        assert_eq!(x.resolved_at(), Some(d(5, 12, 0)), "serial 45693.5 = 05/02/2025 12:00");
    }

    #[test]
    fn codes_already_in_the_register_are_duplicates() {
        let rows = run(SHEET, &["sct-250203-0002"]).unwrap();
        assert!(rows[1].result.as_ref().unwrap_err().to_string().contains("Trùng mã"));
    }

    #[test]
    fn semicolons_and_missing_columns() {
        let semi = "Mã hồ sơ;Tên thủ tục hành chính;Tên tổ chức, cá nhân;Nhận hồ sơ\nSCT-250203-0001;TM-02;A;03/02/2025\n";
        let rows = run(semi, &[]).unwrap();
        assert!(rows[0].result.is_ok(), "{:?}", rows[0].result);
        assert_eq!(run("a,b\n1,2\n", &[]).unwrap_err().key, K::ErrNoHeader);
    }

    /// A year's sheet without the end of processing, through the report: judged by the return
    /// date by default, and the table says how many were so judged (never silently "chưa rõ").
    #[test]
    fn the_report_table_says_how_many_were_judged_by_the_return_date() {
        use crate::report::{dossier_table, timeline::Timeline, Filter, Lookup, Period};
        let text = "Mã hồ sơ,Tên thủ tục hành chính,Tên tổ chức cá nhân,Nhận hồ sơ,Hẹn trả kết quả,Trả kết quả\n\
                    SCT-260302-0001,TM-02,A,02/03/2026 09:00,09/03/2026 17:00,04/03/2026 10:00\n\
                    SCT-260302-0002,TM-02,B,02/03/2026 09:00,09/03/2026 17:00,09/03/2026 16:00\n\
                    SCT-260302-0003,TM-02,C,02/03/2026 09:00,09/03/2026 17:00,12/03/2026 08:00\n\
                    SCT-260302-0004,TM-02,D,02/03/2026 09:00,09/03/2026 17:00,\n";
        let mut n = 0u8;
        let sheet = parse(
            text,
            &crate::dossier::default_catalogue(),
            &WorkCalendar::default(),
            std::iter::empty(),
            || {
                n += 1;
                Meta::new([n; 16], 0, "t")
            },
        )
        .unwrap();
        let data = crate::dataset::Dataset {
            dossiers: sheet.rows.into_iter().map(|r| r.result.unwrap()).collect(),
            ..Default::default()
        };
        let timeline = Timeline::new(&data.responses, &data.dossiers);
        let t = dossier_table(
            data.records(&timeline),
            &Period::month(2026, 3),
            &Filter::default(),
            &Lookup::default(),
        );
        assert_eq!((t.early, t.on_time, t.late, t.unjudged), (1, 1, 1, 0), "never silently 'chưa rõ'");
        assert_eq!(t.judged_on_return, 3);
        assert_eq!(t.open_overdue + t.open_in_time, 1);
        assert!(t.balanced());
    }
}
