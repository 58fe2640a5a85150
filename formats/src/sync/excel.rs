//! CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the diacritics), Vietnamese
//! headers, dates `dd/mm/yyyy`, and every cell that Excel could run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) neutralised with a leading apostrophe
//! (OWASP "CSV injection"). The dossier sheet has the register's columns (Sổ theo dõi hồ sơ)
//! plus the end of processing, so that it reads back through the register's CSV import.

use crate::calendar::WorkCalendar;
use crate::dossier::{Dossier, Timeliness};
use crate::record::vn_datetime;
use crate::survey::questionnaire::Questionnaire;
use crate::survey::response::{Response, NOT_APPLICABLE};
use crate::Lang;
use chrono::NaiveDateTime;
use std::collections::BTreeMap;

const BOM: &str = "\u{feff}";

/// A cell Excel will show as text, never evaluate.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn sheet(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    // Every cell quoted: Excel with Vietnamese regional settings splits on ";", and an
    // unquoted `a;=1+1` would become a formula cell there (issue 21).
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failed row would only be skipped. The header too is
    // neutralised: item ids in it come from questionnaires, which files carry.
    w.write_record(header.iter().map(|c| neutralise(c))).ok();
    for r in rows {
        w.write_record(r.iter().map(|c| neutralise(c))).ok();
    }
    let body = w.into_inner().map(|v| String::from_utf8(v).unwrap_or_default()).unwrap_or_default();
    format!("{BOM}{body}")
}

fn dt(t: NaiveDateTime) -> String {
    crate::format::date_time(t)
}

/// The responses sheet: one row per live response, one column per question of every version
/// present (blank = skipped, `KAD` = không áp dụng).
pub fn responses_table(responses: &[Response], versions: &BTreeMap<u32, Questionnaire>) -> (Vec<String>, Vec<Vec<String>>) {
    // Columns: items in order of first appearance over the versions used.
    let used: std::collections::BTreeSet<u32> = responses.iter().map(|r| r.version).collect();
    let mut items: Vec<(String, String)> = Vec::new();
    for v in &used {
        if let Some(q) = versions.get(v) {
            for (_, i) in q.active_items() {
                if !items.iter().any(|(id, _)| *id == i.id) {
                    items.push((i.id.clone(), i.text.get(Lang::Vi).to_string()));
                }
            }
        }
    }
    let mut header: Vec<String> = [
        "Mã phiếu",
        "Thời điểm",
        "Thiết bị",
        "Phiên bản bảng hỏi",
        "Hài lòng chung (1–5)",
        "Số lần đi lại",
        "Lĩnh vực",
        "Mã hồ sơ",
        "Góp ý",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(items.iter().map(|(id, text)| format!("{id}. {text}")));
    let rows = responses.iter().filter(|r| !r.meta.deleted).map(|r| {
        let mut row = vec![
            r.meta.id.clone(),
            dt(vn_datetime(r.meta.created_at)),
            r.meta.device.clone(),
            r.version.to_string(),
            if r.overall == 0 { String::new() } else { r.overall.to_string() },
            r.visits
                .map(|v| if v >= 2 { "2+".to_string() } else { v.to_string() })
                .unwrap_or_default(),
            r.field.clone(),
            r.dossier_code.clone(),
            r.suggestion.clone(),
        ];
        let answers: BTreeMap<&str, u8> = versions
            .get(&r.version)
            .map(|q| {
                q.active_items()
                    .zip(r.digits.bytes())
                    .map(|((_, i), b)| (i.id.as_str(), b.saturating_sub(b'0')))
                    .collect()
            })
            .unwrap_or_default();
        row.extend(items.iter().map(|(id, _)| match answers.get(id.as_str()) {
            Some(v @ 1..=5) => v.to_string(),
            Some(&v) if v == NOT_APPLICABLE => "KAD".to_string(),
            _ => String::new(),
        }));
        row
    });
    (header, rows.collect())
}

/// The responses sheet as CSV ([`responses_table`]).
pub fn responses_csv(responses: &[Response], versions: &BTreeMap<u32, Questionnaire>) -> String {
    let (header, rows) = responses_table(responses, versions);
    sheet(&header, rows.into_iter())
}

/// The dossier sheet (Sổ theo dõi hồ sơ, form 07 columns) for live dossiers, in order of
/// receipt; timeliness judged at `now`.
pub fn dossiers_csv(dossiers: &[Dossier], cal: &WorkCalendar, now: NaiveDateTime, lang: Lang) -> String {
    let header: Vec<String> = [
        "STT",
        "Mã hồ sơ",
        "Tên thủ tục hành chính",
        "Tên tổ chức, cá nhân",
        "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết",
        "Kênh",
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Ngày xử lý xong",
        "Trả kết quả",
        "Phương thức nhận kết quả",
        "Ký nhận",
        "Trạng thái",
        "Tình trạng hạn",
        "Ghi chú",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut live: Vec<&Dossier> = dossiers.iter().filter(|d| !d.meta.deleted).collect();
    live.sort_unstable_by(|a, b| (a.received, &a.code).cmp(&(b.received, &b.code)));
    let rows = live.into_iter().enumerate().map(|(i, d)| {
        let tl = d.timeliness(cal, now, 1);
        vec![
            (i + 1).to_string(),
            d.code.clone(),
            d.procedure_name.clone(),
            d.applicant.clone(),
            d.contact.clone(),
            d.holder().unwrap_or_default().to_string(),
            d.channel.label(Lang::Vi).to_string(),
            dt(d.received),
            dt(d.effective_due(cal, now)),
            d.resolved_at().filter(|_| !d.end_unknown).map(dt).unwrap_or_default(),
            d.returned_at().map(dt).unwrap_or_default(),
            d.result_via.label(Lang::Vi).to_string(),
            d.signed_by.clone(),
            d.status().label(lang).to_string(),
            if tl == Timeliness::Closed {
                String::new()
            } else {
                tl.label(lang).to_string()
            },
            d.notes.clone(),
        ]
    });
    sheet(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::record::test_support::{at, new};
    use crate::record::Meta;
    use crate::register_sheet as csv_import;

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=1+1", "+84905", "-2", "@SUM(A1)", "\tx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(neutralise("Nguyễn Văn A"), "Nguyễn Văn A");
    }

    #[test]
    fn the_dossier_sheet_has_bom_headers_dates_and_reads_back() {
        let cal = WorkCalendar::default();
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.applicant = "=HYPERLINK(\"http://x\")".into();
        d.contact = "Số 5 Trần Phú, Nha Trang".into();
        d.transition(crate::dossier::Status::Resolved, at(2025, 2, 5, 10), "", "").unwrap();
        let csv = dossiers_csv(&[d], &cal, at(2025, 3, 1, 9), Lang::Vi);
        assert!(
            csv.starts_with("\u{feff}\"STT\",\"Mã hồ sơ\",\"Tên thủ tục hành chính\",\"Tên tổ chức, cá nhân\""),
            "{csv}"
        );
        assert!(csv.contains("03/02/2025 09:00"));
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        assert!(csv.contains("Trước hạn"));
        // Our own sheet goes back in through the register import, end of processing included.
        let rows = csv_import::parse(&csv, &crate::dossier::default_catalogue(), &cal, std::iter::empty(), || {
            Meta::new([9; 16], 0, "t")
        })
        .unwrap();
        assert!(!rows.missing_end_column);
        let back = rows.rows[0].result.as_ref().unwrap();
        assert_eq!(back.resolved_at(), Some(at(2025, 2, 5, 10)));
    }

    #[test]
    fn the_responses_sheet_has_one_column_per_question() {
        let mut versions = BTreeMap::new();
        versions.insert(1, Questionnaire::short());
        let r = Response {
            meta: Meta::new([1; 16], 1_772_420_400_000, "dev-a"),
            version: 1,
            digits: "54062".into(),
            overall: 4,
            visits: Some(2),
            field: "Điện lực".into(),
            suggestion: "@cmd".into(),
            dossier_code: String::new(),
            reason_ids: String::new(),
            officer: String::new(),
            extra: Default::default(),
        };
        let csv = responses_csv(&[r], &versions);
        let mut lines = csv.lines();
        let head = lines.next().unwrap();
        assert!(head.starts_with("\u{feff}\"Mã phiếu\",\"Thời điểm\","), "{head}");
        let cols = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
            .headers()
            .unwrap()
            .len();
        assert_eq!(cols, 9 + 5);
        let row = lines.next().unwrap();
        assert!(row.contains("02/03/2026 10:00"), "{row}");
        assert!(row.ends_with(",\"5\",\"4\",\"\",\"KAD\",\"2\""), "{row}");
        assert!(row.contains(",\"2+\","));
        // A cell that a ";"-splitting Excel would cut into a formula stays one quoted cell.
        assert_eq!(
            sheet(&["x".into()], std::iter::once(vec!["a;=1+1".to_string()])),
            "\u{feff}\"x\"\r\n\"a;=1+1\"\r\n"
        );
        assert!(row.contains("'@cmd"));
    }
}
