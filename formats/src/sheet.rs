//! Sheets as officers keep them: a table of cells read from CSV (any build) or from .xlsx /
//! .xls (`calamine`, feature `excel`), the header row found among the title rows above it, and
//! the columns mapped to the register's fields from their headers (Mẫu 07's names and the
//! common variants), which the officer may change.

use chrono::{NaiveDate, NaiveDateTime};

/// One cell as the sheet holds it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    DateTime(NaiveDateTime),
}

impl Cell {
    /// The cell as text (numbers without a needless ".0", dates as `dd/mm/yyyy HH:MM`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::DateTime(t) => crate::format::date_time(*t),
        }
    }

    /// The cell as a date-time: an Excel date cell, an Excel serial number, or text
    /// (`dd/mm/yyyy[ HH:MM[:SS]]`, ISO). The flag says the cell held a date without a time.
    pub fn datetime(&self) -> Option<(NaiveDateTime, bool)> {
        use chrono::Timelike;
        let t = match self {
            Cell::Empty => return None,
            Cell::DateTime(t) => *t,
            Cell::Number(n) => excel_serial(*n)?,
            Cell::Text(s) => {
                let s = s.trim();
                let t = crate::register_sheet::parse_datetime(s)?;
                return Some((t, !s.contains(':')));
            }
        };
        use chrono::Datelike;
        ((2000..=2100).contains(&t.year())).then_some((t, t.num_seconds_from_midnight() == 0))
    }
}

/// An Excel serial date (days since 1899-12-30, the fraction is the time of day), to the
/// minute.
pub fn excel_serial(n: f64) -> Option<NaiveDateTime> {
    if !(1.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let days = n.floor();
    let minutes = ((n - days) * 1440.0).round() as i64;
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    base.checked_add_signed(chrono::TimeDelta::days(days as i64) + chrono::TimeDelta::minutes(minutes))
}

/// A sheet's rows, as read.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    /// Each row's 1-based line in the file or sheet (blank lines are not rows).
    pub lines: Vec<usize>,
}

/// The first characters of a cell standing for a row the CSV reader could not split.
pub const UNREADABLE: &str = "\u{0}";

/// Why a file could not be read as a sheet.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SheetError {
    /// Not an Excel workbook calamine can read (the reader's words).
    NotExcel(String),
    NoSheet(String),
    Empty,
    /// No row among the first ones names the required columns.
    NoHeader,
}

impl SheetError {
    /// What the sheet screens say.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::{Msg, K};
        match self {
            SheetError::NotExcel(e) => Msg::new(K::WithDetail).part(K::ErrNotExcel).arg(e),
            SheetError::NoSheet(s) => Msg::new(K::WithDetail).part(K::ErrNoSheet).arg(s),
            SheetError::Empty => Msg::new(K::ErrSheetEmpty),
            SheetError::NoHeader => Msg::new(K::ErrNoHeader),
        }
    }
}

impl Table {
    /// A CSV's text (`,` or `;`, as Excel saves it with Vietnamese regional settings).
    pub fn from_csv(text: &str) -> Table {
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or_default();
        let delim = if first.matches(';').count() > first.matches(',').count() {
            b';'
        } else {
            b','
        };
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delim)
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes());
        let (mut rows, mut lines) = (Vec::new(), Vec::new());
        let mut rec = csv::StringRecord::new();
        loop {
            let row = match rdr.read_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => rec
                    .iter()
                    .map(|c| {
                        if c.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c.to_string())
                        }
                    })
                    .collect(),
                // A row the CSV reader cannot split: one cell that says so.
                Err(e) => vec![Cell::Text(format!("{UNREADABLE}{e}"))],
            };
            // Where the next record starts, less this one's own line breaks: its first line (a
            // record's recorded start would count the blank lines skipped before it).
            let inner = rec.iter().map(|f| f.matches('\n').count()).sum::<usize>();
            lines.push((rdr.position().line() as usize).saturating_sub(1 + inner).max(1));
            rows.push(row);
        }
        Table { rows, lines }
    }

    /// The index of the register's header row (`header_row_for` the register's fields).
    pub fn header_row(&self) -> Option<usize> {
        self.header_row_for::<Field>()
    }

    /// The index of the header row: the first of the first 30 rows whose headers map the
    /// required columns of `F` (a Mẫu 07 sheet has its title and unit above).
    pub fn header_row_for<F: Columns>(&self) -> Option<usize> {
        self.rows.iter().take(30).position(|r| {
            let headers: Vec<String> = r.iter().map(Cell::text).collect();
            Mapping::<F>::guess(&headers).missing().is_empty()
        })
    }

    pub fn headers(&self, row: usize) -> Vec<String> {
        self.rows.get(row).map(|r| r.iter().map(Cell::text).collect()).unwrap_or_default()
    }
}

/// The sheets of a workbook, by name.
#[cfg(feature = "excel")]
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    use calamine::Reader;
    let wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| SheetError::NotExcel(e.to_string()))?;
    Ok(wb.sheet_names())
}

/// One sheet of an .xlsx / .xls workbook (the first when `name` is `None`).
#[cfg(feature = "excel")]
pub fn read_excel(bytes: &[u8], name: Option<&str>) -> Result<Table, SheetError> {
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| SheetError::NotExcel(e.to_string()))?;
    let name = match name {
        Some(n) => n.to_string(),
        None => wb.sheet_names().first().cloned().ok_or(SheetError::Empty)?,
    };
    let range = wb.worksheet_range(&name).map_err(|_| SheetError::NoSheet(name.clone()))?;
    let first = range.start().map_or(1, |(row, _)| row as usize + 1);
    let rows: Vec<Vec<Cell>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => Cell::Empty,
                    Data::String(s) if s.trim().is_empty() => Cell::Empty,
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                    // Not finite: no register value, and JSON (to the staff app) has no NaN.
                    Data::Float(f) if !f.is_finite() => Cell::Empty,
                    Data::Float(f) => Cell::Number(*f),
                    Data::Int(i) => Cell::Number(*i as f64),
                    Data::Bool(b) => Cell::Text(b.to_string()),
                    Data::DateTime(d) => excel_serial(d.as_f64()).map_or(Cell::Empty, Cell::DateTime),
                    Data::Error(_) => Cell::Empty,
                })
                .collect()
        })
        .collect();
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    let lines = (first..first + rows.len()).collect();
    Ok(Table { rows, lines })
}

/// What the Excel module (the staff app's on-demand module, `src/bin/excel.rs`) is asked to
/// write: the staff app sends it as JSON, the module answers with the workbook's bytes.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum XlsxRequest {
    Register {
        lines: Vec<crate::dossier::worklist::RegisterLine>,
        head: crate::dossier::forms::Letterhead,
        from: NaiveDate,
        to: NaiveDate,
        lang: crate::Lang,
    },
    Report {
        table: crate::report::DossierTable,
        head: crate::dossier::forms::Letterhead,
        title: String,
        period: String,
        lang: crate::Lang,
    },
    /// A table of text (the responses sheet, `excel::responses_table`): small whole numbers
    /// (scores, versions) written as numbers.
    Table {
        sheet: String,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[cfg(feature = "excel")]
impl XlsxRequest {
    /// The workbook.
    pub fn write(&self) -> Result<Vec<u8>, String> {
        use crate::sync::xlsx::{register_xlsx, report_xlsx};
        match self {
            XlsxRequest::Register {
                lines,
                head,
                from,
                to,
                lang,
            } => register_xlsx(lines, head, *from, *to, *lang),
            XlsxRequest::Report {
                table,
                head,
                title,
                period,
                lang,
            } => report_xlsx(table, head, title, period, *lang),
            XlsxRequest::Table { sheet, header, rows } => crate::sync::xlsx::table_xlsx(sheet, header, rows),
        }
    }
}

/// The register's fields a sheet's column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Code,
    Procedure,
    Applicant,
    Contact,
    Division,
    Received,
    Due,
    /// End of processing (ngày có kết quả / xử lý xong).
    Resolved,
    /// The day the result went back to the citizen (trả kết quả).
    Returned,
    ResultVia,
    Channel,
    IdNumber,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Code,
        Field::Procedure,
        Field::Applicant,
        Field::Contact,
        Field::Division,
        Field::Received,
        Field::Due,
        Field::Resolved,
        Field::Returned,
        Field::ResultVia,
        Field::Channel,
        Field::IdNumber,
    ];
    /// Without these a row is not a dossier.
    pub const REQUIRED: [Field; 4] = [Field::Code, Field::Procedure, Field::Applicant, Field::Received];

    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            Field::Code => K::Code,
            Field::Procedure => K::Procedure,
            Field::Applicant => K::Applicant,
            Field::Contact => K::Contact,
            Field::Division => K::LeadAgency,
            Field::Received => K::ReceivedAt,
            Field::Due => K::DueDate,
            Field::Resolved => K::ResolvedAt,
            Field::Returned => K::ReturnedAt,
            Field::ResultVia => K::ResultVia,
            Field::Channel => K::Channel,
            Field::IdNumber => K::IdNumber,
        }
    }

    /// The header words that name the field (folded: no case, marks or extra spaces), Mẫu
    /// 07's and the variants of the province's systems; `not` words exclude a header.
    fn words(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Field::Code => (&["ma ho so", "ma hs", "so ho so", "code"], &[]),
            Field::Procedure => (
                &["ten thu tuc", "thu tuc", "ten tthc", "tthc", "procedure"],
                &["ma tthc", "ma thu tuc"],
            ),
            Field::Applicant => (&["to chuc", "ca nhan", "nguoi nop", "chu ho so", "applicant"], &["dinh danh"]),
            Field::Contact => (&["dia chi", "dien thoai", "contact"], &[]),
            Field::Division => (&["co quan chu tri", "chu tri", "phong xu ly", "don vi xu ly", "division"], &[]),
            Field::Received => (&["nhan ho so", "ngay nhan", "tiep nhan", "received"], &["hen tra", "tra ket qua"]),
            Field::Due => (&["hen tra", "ngay hen", "han xu ly", "han giai quyet", "due"], &[]),
            Field::Resolved => (
                &["xu ly xong", "ket thuc xu ly", "ngay hoan thanh", "ngay co ket qua", "resolved"],
                &["hen"],
            ),
            Field::Returned => (
                &["tra ket qua", "ngay tra", "returned"],
                &["hen", "phuong thuc", "nhan ket qua", "noi nhan"],
            ),
            Field::ResultVia => (&["phuong thuc nhan", "nhan ket qua", "noi nhan", "method"], &[]),
            Field::Channel => (&["kenh", "hinh thuc nop", "channel"], &[]),
            Field::IdNumber => (&["dinh danh", "cccd", "ma so doanh nghiep", "ma so thue"], &[]),
        }
    }
}

/// The fields of a kind of sheet (the register's, the catalogue's): which there are, which a
/// row needs, and the header words that name each.
pub trait Columns: Copy + Ord + std::fmt::Debug + Send + Sync + 'static {
    /// Every field, in the order the wizard lists them.
    const ALL: &'static [Self];
    /// The order in which fields take their columns when guessed (a field whose words are a
    /// part of another's comes after it).
    const GUESS_ORDER: &'static [Self];
    /// Without these a row is not one of the sheet's records.
    const REQUIRED: &'static [Self];
    /// The header words that name the field (folded: no case, marks or extra spaces); `not`
    /// words exclude a header.
    fn words(self) -> (&'static [&'static str], &'static [&'static str]);
    fn key(self) -> crate::i18n::K;
}

impl Columns for Field {
    const ALL: &'static [Field] = &Field::ALL;
    const GUESS_ORDER: &'static [Field] = &[
        Field::Code,
        Field::IdNumber,
        Field::Procedure,
        Field::Applicant,
        Field::Contact,
        Field::Division,
        Field::Due,
        Field::Resolved,
        Field::Returned,
        Field::ResultVia,
        Field::Received,
        Field::Channel,
    ];
    const REQUIRED: &'static [Field] = &Field::REQUIRED;
    fn words(self) -> (&'static [&'static str], &'static [&'static str]) {
        Field::words(self)
    }
    fn key(self) -> crate::i18n::K {
        Field::key(self)
    }
}

/// Which column holds each field (`None`: not in the sheet).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mapping<F: Ord = Field> {
    pub columns: std::collections::BTreeMap<F, usize>,
}

impl<F: Ord> Default for Mapping<F> {
    fn default() -> Self {
        Mapping {
            columns: Default::default(),
        }
    }
}

impl<F: Columns> Mapping<F> {
    /// Pre-filled from the headers: each field, in `GUESS_ORDER`, takes the first column
    /// whose header names it and that no field before it took (for the register: the end of
    /// processing before the return, so that "Ngày có kết quả" is never read as the return).
    pub fn guess(headers: &[String]) -> Mapping<F> {
        let folded: Vec<String> = headers.iter().map(|h| crate::format::fold_key(h)).collect();
        let mut columns = std::collections::BTreeMap::new();
        for f in F::GUESS_ORDER.iter().copied() {
            let (yes, no) = f.words();
            let taken: Vec<usize> = columns.values().copied().collect();
            if let Some(i) = folded
                .iter()
                .enumerate()
                .position(|(i, h)| !taken.contains(&i) && yes.iter().any(|w| h.contains(w)) && !no.iter().any(|w| h.contains(w)))
            {
                columns.insert(f, i);
            }
        }
        Mapping { columns }
    }

    pub fn get(&self, f: F) -> Option<usize> {
        self.columns.get(&f).copied()
    }

    pub fn set(&mut self, f: F, column: Option<usize>) {
        match column {
            Some(c) => self.columns.insert(f, c),
            None => self.columns.remove(&f),
        };
    }

    /// The required fields with no column.
    pub fn missing(&self) -> Vec<F> {
        F::REQUIRED.iter().copied().filter(|f| self.get(*f).is_none()).collect()
    }

    /// The mapping remembered for these headers, if any still fits them (every column it
    /// names exists), else the guess.
    pub fn remembered_or_guess(headers: &[String], remembered: &std::collections::BTreeMap<String, Mapping<F>>) -> Mapping<F> {
        remembered
            .get(&header_key(headers))
            .filter(|m| m.columns.values().all(|c| *c < headers.len()))
            .cloned()
            .unwrap_or_else(|| Mapping::guess(headers))
    }

    /// The cell of field `f` in `row` (empty when unmapped or beyond the row).
    pub fn cell<'a>(&self, row: &'a [Cell], f: F) -> &'a Cell {
        self.get(f).and_then(|i| row.get(i)).unwrap_or(&Cell::Empty)
    }
}

impl Mapping<Field> {
    /// How the dossiers are judged trước / đúng / quá hạn by default: by the end of processing
    /// when the sheet has it, else by the return date (Mẫu 07 itself has no end-of-processing
    /// column: judging nothing would report 0 / 0 / 0 for a year).
    pub fn default_basis(&self) -> EndBasis {
        if self.get(Field::Resolved).is_some() {
            EndBasis::EndColumn
        } else if self.get(Field::Returned).is_some() {
            EndBasis::ReturnDate
        } else {
            EndBasis::EndColumn
        }
    }
}

/// A key for a header set, under which the officer's mapping is remembered.
pub fn header_key(headers: &[String]) -> String {
    headers.iter().map(|h| crate::format::fold_key(h)).collect::<Vec<_>>().join("|")
}

/// What a returned dossier's timeliness is judged by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EndBasis {
    /// The sheet's end-of-processing column.
    EndColumn,
    /// The return date, when the sheet has no end of processing (the record keeps it).
    ReturnDate,
    /// Not judged ("chưa rõ ngày xử lý xong").
    NotJudged,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_columns_are_guessed_from_mau_07_and_the_common_variants() {
        let m07 = hs(&[
            "STT",
            "Mã hồ sơ",
            "Tên thủ tục hành chính",
            "Tên tổ chức, cá nhân",
            "Địa chỉ, số điện thoại",
            "Cơ quan chủ trì giải quyết",
            "Nhận hồ sơ",
            "Hẹn trả kết quả",
            "Trả kết quả",
            "Phương thức nhận kết quả",
            "Ký nhận",
        ]);
        let m = Mapping::guess(&m07);
        assert_eq!(
            [
                Field::Code,
                Field::Procedure,
                Field::Applicant,
                Field::Contact,
                Field::Division,
                Field::Received,
                Field::Due,
                Field::Returned,
                Field::ResultVia
            ]
            .map(|f| m.get(f)),
            [1, 2, 3, 4, 5, 6, 7, 8, 9].map(Some)
        );
        assert_eq!(m.get(Field::Resolved), None);
        assert_eq!(m.default_basis(), EndBasis::ReturnDate, "Mẫu 07 has no end of processing");
        let other = hs(&[
            "Mã HS",
            "Mã TTHC",
            "Tên TTHC",
            "Chủ hồ sơ",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Ngày có kết quả",
            "Ngày trả kết quả",
        ]);
        let m = Mapping::guess(&other);
        assert_eq!(
            [
                Field::Code,
                Field::Procedure,
                Field::Applicant,
                Field::Received,
                Field::Due,
                Field::Resolved,
                Field::Returned
            ]
            .map(|f| m.get(f)),
            [0, 2, 3, 4, 5, 6, 7].map(Some)
        );
        assert!(m.missing().is_empty());
        assert_eq!(m.default_basis(), EndBasis::EndColumn);
        // Without marks and in capitals, as some systems export.
        let plain = Mapping::<Field>::guess(&hs(&["MA HO SO", "TEN THU TUC", "TO CHUC CA NHAN", "NGAY NHAN"]));
        assert!(plain.missing().is_empty(), "{plain:?}");
        assert_eq!(Mapping::<Field>::guess(&hs(&["a", "b"])).missing(), Field::REQUIRED.to_vec());
        assert_eq!(header_key(&hs(&["Mã HS", " Tên  TTHC"])), "ma hs|ten tthc");
        // The officer's own mapping comes back for the same headers.
        let mut mine = Mapping::guess(&other);
        mine.set(Field::Applicant, Some(1));
        let remembered = [(header_key(&other), mine.clone())].into_iter().collect();
        assert_eq!(Mapping::remembered_or_guess(&other, &remembered), mine);
        assert_eq!(Mapping::remembered_or_guess(&m07, &remembered), Mapping::guess(&m07));
    }

    #[test]
    fn the_header_row_is_found_under_the_title_rows() {
        let t = Table::from_csv(
            "SỔ THEO DÕI HỒ SƠ,,,\nSở Công Thương,,,\n\nMã hồ sơ,Tên TTHC,Tên tổ chức cá nhân,Ngày tiếp nhận\nX,Y,Z,01/02/2025\n",
        );
        // The blank line is not a row; lines still count it.
        assert_eq!(t.header_row(), Some(2));
        assert_eq!(t.headers(2)[1], "Tên TTHC");
        assert_eq!(t.lines, vec![1, 2, 4, 5]);
        assert_eq!(
            Table::from_csv("a;b\n1;2\n").rows[1],
            vec![Cell::Text("1".into()), Cell::Text("2".into())]
        );
    }

    #[cfg(feature = "excel")]
    #[test]
    fn a_request_crosses_to_the_excel_module_as_json_and_comes_back_a_workbook() {
        let req = XlsxRequest::Report {
            table: crate::report::DossierTable {
                early: 2,
                ..Default::default()
            },
            head: Default::default(),
            title: "BÁO CÁO".into(),
            period: "Kỳ".into(),
            lang: crate::Lang::Vi,
        };
        let back: XlsxRequest = serde_json::from_str(&serde_json::to_string(&req).unwrap()).unwrap();
        assert_eq!(back, req);
        let bytes = back.write().unwrap();
        let t = read_excel(&bytes, None).unwrap();
        assert!(t
            .rows
            .iter()
            .any(|r| r.first() == Some(&Cell::Text("Trước hạn".into())) && r.get(1) == Some(&Cell::Number(2.0))));
        // A table crosses back the same way.
        let again: Table = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(again, t);
    }

    #[test]
    fn dates_come_as_excel_dates_serials_or_text() {
        let d = |y, m, dd, h, mi| NaiveDate::from_ymd_opt(y, m, dd).unwrap().and_hms_opt(h, mi, 0).unwrap();
        assert_eq!(excel_serial(45691.0), Some(d(2025, 2, 3, 0, 0)));
        assert_eq!(excel_serial(45691.375), Some(d(2025, 2, 3, 9, 0)));
        assert_eq!(Cell::Number(45691.375).datetime(), Some((d(2025, 2, 3, 9, 0), false)));
        assert_eq!(
            Cell::DateTime(d(2025, 2, 3, 0, 0)).datetime(),
            Some((d(2025, 2, 3, 0, 0), true)),
            "a date alone"
        );
        assert_eq!(
            Cell::Text("03/02/2025 09:30".into()).datetime(),
            Some((d(2025, 2, 3, 9, 30), false))
        );
        assert_eq!(Cell::Text("03/02/2025".into()).datetime().map(|x| x.1), Some(true));
        assert_eq!(Cell::Number(12.0).datetime(), None, "1900 is no register date");
        assert_eq!(Cell::Number(-1.0).datetime(), None);
        assert_eq!(Cell::Number(f64::NAN).datetime(), None);
        assert_eq!(Cell::Number(120.0).text(), "120");
    }
}
