//! Real .xlsx out (`rust_xlsxwriter`, feature `excel`): the register in Mẫu 07's layout
//! (heading, title, period, bold headers, column widths, dates as dates, the header row
//! frozen) and the report's table for a kỳ (numbers as numbers). What officers open in Excel
//! with Vietnamese regional settings, where a CSV falls into one column.

use crate::dossier::forms::{Form, Letterhead};
use crate::dossier::worklist::RegisterLine;
use crate::report::DossierTable;
use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// The register's columns (Mẫu 07) and their widths in characters.
pub const REGISTER_COLUMNS: [(&str, f64); 12] = [
    ("STT", 6.0),
    ("Mã hồ sơ", 24.0),
    ("Tên thủ tục hành chính", 40.0),
    ("Tên tổ chức, cá nhân", 30.0),
    ("Địa chỉ, số điện thoại", 26.0),
    ("Cơ quan chủ trì giải quyết", 26.0),
    ("Nhận hồ sơ", 17.0),
    ("Hẹn trả kết quả", 17.0),
    ("Trả kết quả", 17.0),
    ("Phương thức nhận kết quả", 18.0),
    ("Ký nhận", 20.0),
    ("Ghi chú", 24.0),
];

fn xl(t: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    use chrono::{Datelike, Timelike};
    ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)?.and_hms(t.hour() as u16, t.minute() as u8, 0)
}

/// The heading rows every sheet opens with (the agency and the form), then the title and
/// the period; returns the next free row.
fn heading(ws: &mut Worksheet, head: &Letterhead, source: &str, title: &str, period: &str, width: u16) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    let center = Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Center);
    ws.write_string_with_format(0, 0, motcua_domain::format::upper(&head.parent), &Format::new())?;
    ws.write_string_with_format(1, 0, motcua_domain::format::upper(&head.agency), &bold)?;
    ws.write_string_with_format(2, 0, &head.counter, &bold)?;
    ws.write_string_with_format(3, 0, source, &Format::new().set_italic())?;
    ws.merge_range(4, 0, 4, width - 1, title, &center)?;
    ws.merge_range(5, 0, 5, width - 1, period, &Format::new().set_align(FormatAlign::Center))?;
    Ok(7)
}

/// The register of `lines` (a period's, from `worklist::register`) as an .xlsx workbook.
pub fn register_xlsx(
    lines: &[RegisterLine],
    head: &Letterhead,
    from: NaiveDate,
    to: NaiveDate,
    lang: crate::Lang,
) -> Result<Vec<u8>, String> {
    let run = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("So theo doi ho so")?;
        let form = Form::Register07;
        let period = format!("Từ ngày {} đến ngày {}", crate::format::date(from), crate::format::date(to));
        let top = heading(ws, head, &form.source(), form.title(), &period, REGISTER_COLUMNS.len() as u16)?;
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_border(FormatBorder::Thin)
            .set_background_color("#DDEBF7");
        let cell = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
        let date = Format::new().set_num_format("dd/mm/yyyy hh:mm").set_border(FormatBorder::Thin);
        for (c, (name, width)) in REGISTER_COLUMNS.iter().enumerate() {
            ws.write_string_with_format(top, c as u16, *name, &header)?;
            ws.set_column_width(c as u16, *width)?;
        }
        ws.set_freeze_panes(top + 1, 0)?;
        for (i, l) in lines.iter().enumerate() {
            let r = top + 1 + i as u32;
            ws.write_number_with_format(r, 0, l.stt as f64, &cell)?;
            for (c, text) in [
                (1, &l.code),
                (2, &l.procedure_name),
                (3, &l.applicant),
                (4, &l.contact),
                (5, &l.division),
            ] {
                // Text cells stay text: Excel never runs them as formulas.
                ws.write_string_with_format(r, c, text.as_str(), &cell)?;
            }
            ws.write_datetime_with_format(r, 6, xl(l.received)?, &date)?;
            ws.write_datetime_with_format(r, 7, xl(l.due)?, &date)?;
            match l.returned {
                Some(t) => ws.write_datetime_with_format(r, 8, xl(t)?, &date)?,
                None => ws.write_blank(r, 8, &cell)?,
            };
            ws.write_string_with_format(r, 9, l.result_via.label(lang), &cell)?;
            ws.write_string_with_format(r, 10, &l.signed_by, &cell)?;
            let note = if l.notes.is_empty() {
                l.timeliness.label(lang).to_string()
            } else {
                format!("{} · {}", l.timeliness.label(lang), l.notes)
            };
            ws.write_string_with_format(r, 11, note, &cell)?;
        }
        wb.save_to_buffer()
    };
    run().map_err(|e| e.to_string())
}

/// The report's dossier table for a kỳ (`DossierTable::lines`): each row's label and count,
/// numbers as numbers.
pub fn report_xlsx(table: &DossierTable, head: &Letterhead, title: &str, period: &str, lang: crate::Lang) -> Result<Vec<u8>, String> {
    let rows: Vec<(&str, u64)> = table.lines().into_iter().map(|(k, n)| (crate::i18n::t(lang, k), n)).collect();
    let run = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("Bao cao")?;
        let top = heading(ws, head, "", title, period, 2)?;
        let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
        let cell = Format::new().set_border(FormatBorder::Thin);
        ws.set_column_width(0, 60.0)?;
        ws.set_column_width(1, 14.0)?;
        ws.write_string_with_format(top, 0, crate::i18n::t(lang, crate::i18n::K::Indicator), &bold)?;
        ws.write_string_with_format(top, 1, crate::i18n::t(lang, crate::i18n::K::Count), &bold)?;
        for (i, (label, n)) in rows.iter().enumerate() {
            ws.write_string_with_format(top + 1 + i as u32, 0, *label, &cell)?;
            ws.write_number_with_format(top + 1 + i as u32, 1, *n as f64, &cell)?;
        }
        let r = top + 2 + rows.len() as u32;
        ws.write_string(
            r,
            0,
            format!(
                "{}: {}",
                crate::i18n::t(lang, crate::i18n::K::OnTimeHeadline),
                table.on_time_share()
            ),
        )?;
        wb.save_to_buffer()
    };
    run().map_err(|e| e.to_string())
}

/// A cell of a text table that is a small whole number (a score 1–5, a version): written as a
/// number. Ids and codes keep their leading zeros as text.
fn small_number(s: &str) -> Option<f64> {
    let whole = !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) && !(s.len() > 1 && s.starts_with('0'));
    whole.then(|| s.parse().ok()).flatten()
}

/// A table of text as a workbook: bold header, frozen, small whole numbers as numbers.
pub fn table_xlsx(sheet: &str, header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let run = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name(sheet)?;
        let bold = Format::new().set_bold().set_text_wrap();
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h.as_str(), &bold)?;
            ws.set_column_width(c as u16, if c < 9 { 16.0 } else { 10.0 })?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match small_number(cell) {
                    Some(n) => ws.write_number(r, c, n)?,
                    None => ws.write_string(r, c, cell.as_str())?,
                };
            }
        }
        wb.save_to_buffer()
    };
    run().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::record::test_support::{at, new};
    use crate::dossier::{default_catalogue, worklist, Status};

    fn head() -> Letterhead {
        Letterhead {
            parent: "UBND tỉnh Khánh Hòa".into(),
            agency: "Sở Công Thương".into(),
            counter: "Bộ phận TN&TKQ".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_register_workbook_reads_back_with_its_heading_headers_dates_and_numbers() {
        use calamine::{Data, Reader};
        let mut a = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        a.applicant = "=HYPERLINK(\"x\")".into();
        a.transition(Status::Resolved, at(2025, 2, 5, 9), "", "").unwrap();
        a.transition(Status::Returned, at(2025, 2, 6, 10), "", "").unwrap();
        let mut b = new("SCT-250204-0001", "TM-02", at(2025, 2, 4, 14)).unwrap();
        b.meta.id = "b".into();
        let (from, to) = (at(2025, 2, 1, 0).date(), at(2025, 2, 28, 0).date());
        let lines = worklist::register(&[a, b], &default_catalogue(), &Default::default(), from, to, at(2025, 3, 1, 9));
        let bytes = register_xlsx(&lines, &head(), from, to, crate::Lang::Vi).unwrap();
        let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(wb.sheet_names(), vec!["So theo doi ho so".to_string()]);
        let range = wb.worksheet_range("So theo doi ho so").unwrap();
        let get = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(get(0, 0), Data::String("UBND TỈNH KHÁNH HÒA".into()));
        assert_eq!(get(4, 0), Data::String("SỔ THEO DÕI HỒ SƠ".into()));
        assert_eq!(get(5, 0), Data::String("Từ ngày 01/02/2025 đến ngày 28/02/2025".into()));
        assert_eq!(get(7, 1), Data::String("Mã hồ sơ".into()));
        assert_eq!(get(8, 0), Data::Float(1.0), "numbers as numbers");
        assert_eq!(get(8, 1), Data::String("SCT-250203-0001".into()));
        assert_eq!(get(8, 3), Data::String("=HYPERLINK(\"x\")".into()), "a text cell, not a formula");
        let Data::DateTime(received) = get(8, 6) else {
            panic!("{:?}", get(8, 6))
        };
        assert_eq!(
            crate::sheet::excel_serial(received.as_f64()),
            Some(at(2025, 2, 3, 9)),
            "dates as dates"
        );
        assert!(matches!(get(8, 8), Data::DateTime(_)));
        assert_eq!(get(9, 8), Data::Empty, "not returned yet");
        assert_eq!(get(9, 0), Data::Float(2.0));
        // And it goes back in through the import: the header row is found under the heading.
        let table = crate::sheet::read_excel(&register_xlsx(&lines, &head(), from, to, crate::Lang::Vi).unwrap(), None).unwrap();
        assert_eq!(table.header_row(), Some(7));
    }

    #[test]
    fn the_responses_workbook_has_scores_as_numbers_and_ids_as_text() {
        use calamine::{Data, Reader};
        let header = vec![
            "Mã phiếu".to_string(),
            "Hài lòng chung (1–5)".into(),
            "Số lần đi lại".into(),
            "Góp ý".into(),
        ];
        let rows = vec![vec!["000123".to_string(), "4".into(), "2+".into(), "=cmd".into()]];
        let bytes = table_xlsx("Phieu khao sat", &header, &rows).unwrap();
        let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("Phieu khao sat").unwrap();
        assert_eq!(range.get_value((0, 1)), Some(&Data::String("Hài lòng chung (1–5)".into())));
        assert_eq!(
            range.get_value((1, 0)),
            Some(&Data::String("000123".into())),
            "an id keeps its zeros"
        );
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(4.0)), "a score is a number");
        assert_eq!(range.get_value((1, 2)), Some(&Data::String("2+".into())));
        assert_eq!(range.get_value((1, 3)), Some(&Data::String("=cmd".into())), "text, never a formula");
    }

    #[test]
    fn the_report_workbook_has_numbers_as_numbers() {
        use calamine::{Data, Reader};
        let t = DossierTable {
            early: 3,
            on_time: 1,
            late: 1,
            ..Default::default()
        };
        let bytes = report_xlsx(&t, &head(), "BÁO CÁO", "Kỳ báo cáo tháng 11/2026", crate::Lang::Vi).unwrap();
        let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("Bao cao").unwrap();
        // Row 8 is the first line (received), 12 the resolved, 13 the early ones.
        assert_eq!(range.get_value((12, 1)), Some(&Data::Float(5.0)), "numbers as numbers");
        assert_eq!(range.get_value((13, 0)), Some(&Data::String("Trước hạn".into())));
        assert_eq!(range.get_value((13, 1)), Some(&Data::Float(3.0)));
        let last = 8 + t.lines().len() as u32 + 1;
        let headline = range.get_value((last, 0)).cloned();
        assert!(matches!(&headline, Some(Data::String(s)) if s.ends_with("80%")), "{headline:?}");
    }
}
