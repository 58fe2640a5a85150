//! A realistic data set of the seed department (shared/seeds): per year ~14 200 dossiers and
//! ~15 000 responses, procedures and channels in realistic shares (~13 % online), ~1 % late,
//! histories of 3–5 steps, Vietnamese names (~20 characters), phones and addresses
//! (~40), ratings skewed as real surveys are, ~10 % of responses with a suggestion of ~80
//! characters. Deterministic for a seed. Used by the benchmarks and large-data tests.

use chrono::{Duration, NaiveDate};
use motcua_domain::calendar::WorkCalendar;
use motcua_domain::dossier::{default_catalogue, Channel, Dossier, NewDossier, Status};
use motcua_domain::record::{IdSource, Meta};
use motcua_domain::survey::questionnaire::Book;
use motcua_domain::survey::response::{encode_answers, Response};
use motcua_formats::sync::wire::Dataset;

const FAMILY: [&str; 10] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc"];
const GIVEN: [&str; 10] = ["An", "Bình", "Cường", "Dũng", "Hạnh", "Lan", "Long", "Mai", "Nam", "Tuấn"];
const STREETS: [&str; 6] = [
    "Trần Phú",
    "Lê Thánh Tôn",
    "Yersin",
    "Thống Nhất",
    "Hùng Vương",
    "Nguyễn Thị Minh Khai",
];
const SUGGESTIONS: [&str; 5] = [
    "Đề nghị bố trí thêm ghế ngồi chờ cho người dân khi đông người, nhất là buổi sáng.",
    "Cán bộ hướng dẫn tận tình, chu đáo; mong website tra cứu hồ sơ chạy nhanh hơn.",
    "Nên bỏ vách kính ngăn cách ở quầy để trao đổi dễ hơn, nhiều người lớn tuổi khó nghe.",
    "Thời gian chờ trả kết quả còn lâu, đề nghị nhắn tin báo khi hồ sơ đã có kết quả.",
    "Mong có thêm hướng dẫn bằng hình ảnh về thành phần hồ sơ để khỏi phải đi lại nhiều lần.",
];

fn pick<'a>(r: &mut fastrand::Rng, xs: &[&'a str]) -> &'a str {
    xs[r.usize(..xs.len())]
}

/// The ids a tablet makes: a new tab (random prefix) each working day, then a counter
/// (`record::IdSource`), as the app does.
fn tab(r: &mut fastrand::Rng) -> IdSource {
    let mut b = [0u8; 8];
    r.fill(&mut b);
    IdSource::new(b)
}

/// `years` of the seed department's volume, starting 2 January 2024.
pub fn generate(years: f64, seed: u64) -> Dataset {
    generate_from(NaiveDate::from_ymd_opt(2024, 1, 2).unwrap_or_default(), years, seed)
}

/// `years` of the seed department's volume up to `end` (a history that ends today).
pub fn generate_until(end: NaiveDate, years: f64, seed: u64) -> Dataset {
    generate_from(end - Duration::days((years * 365.0) as i64 - 1), years, seed)
}

/// `years` from `start`. Dossiers of the last five days are still being processed.
pub fn generate_from(start: NaiveDate, years: f64, seed: u64) -> Dataset {
    let mut r = fastrand::Rng::with_seed(seed);
    let cal = WorkCalendar::default();
    let cat = default_catalogue();
    let days = (years * 365.0) as i64;
    let open_from = start + Duration::days(days - 5);
    let (mut dossiers, mut responses) = (Vec::new(), Vec::new());
    for day in (0..days).map(|i| start + Duration::days(i)).filter(|d| cal.is_working_day(*d)) {
        let (mut desk, mut kiosk) = (tab(&mut r), tab(&mut r));
        // ~57 dossiers and ~60 responses a working day (≈ 14 200 and 15 000 a year).
        for k in 0..r.u32(50..64) {
            let received = day.and_hms_opt(7 + r.u32(0..9), r.u32(30..60), 0).unwrap_or_default();
            let proc = &cat[r.usize(..cat.len())];
            let name = format!("{} {} {}", pick(&mut r, &FAMILY), pick(&mut r, &MIDDLE), pick(&mut r, &GIVEN));
            let contact = format!(
                "Số {} {}, Nha Trang; 09{:08}",
                r.u32(1..300),
                pick(&mut r, &STREETS),
                r.u32(0..100_000_000)
            );
            let input = NewDossier {
                code: format!("SCT-{}-{:04}", day.format("%y%m%d"), k + 1),
                procedure: proc.id.clone(),
                applicant: name,
                contact,
                channel: match r.u32(0..100) {
                    0..=12 => Channel::Online,
                    13..=15 => Channel::Post,
                    _ => Channel::Direct,
                },
                received: Some(received),
                ..Default::default()
            };
            let at = received.and_utc().timestamp_millis() - 7 * 3_600_000;
            let Ok(mut d) = Dossier::create(input, &cat, &cal, std::iter::empty(), Meta::new(desk.next_bytes(), at, "gen-1")) else {
                continue;
            };
            let division = proc.division.clone();
            d.transition(Status::InProgress, received + Duration::hours(1), "", &division).ok();
            if r.u32(0..4) == 0 {
                d.transition(Status::InProgress, received + Duration::hours(30), "trình ký", "Lãnh đạo Sở")
                    .ok();
            }
            if day >= open_from {
                dossiers.push(d);
                continue;
            }
            let late = r.u32(0..100) == 0;
            let done = if late {
                d.due + Duration::days(2)
            } else {
                d.received + Duration::days(i64::from(r.u32(1..4)))
            };
            // After its last step (a signing round takes 30 hours): a step dated before the
            // previous one is refused, and the dossier would stay open for ever.
            let last = d.events.last().map_or(received, |e| e.at);
            d.transition(Status::Resolved, done.max(last + Duration::hours(1)), "", "").ok();
            d.transition(Status::Returned, done + Duration::days(1), "", "").ok();
            dossiers.push(d);
        }
        for _ in 0..r.u32(52..68) {
            let at = day
                .and_hms_opt(7 + r.u32(0..9), r.u32(0..60), 0)
                .unwrap_or_default()
                .and_utc()
                .timestamp_millis()
                - 7 * 3_600_000;
            let score = |r: &mut fastrand::Rng| match r.u32(0..100) {
                0 => 1,
                1..=3 => 2,
                4..=9 => 3,
                10..=29 => 4,
                _ => 5,
            };
            let answers: Vec<Option<u8>> = (0..19)
                .map(|_| if r.u32(0..20) == 0 { None } else { Some(score(&mut r)) })
                .collect();
            responses.push(Response {
                meta: Meta::new(kiosk.next_bytes(), at, "gen-1"),
                version: 1,
                digits: encode_answers(&answers),
                overall: score(&mut r),
                visits: Some(r.u8(0..3)),
                field: cat[r.usize(..cat.len())].field.clone(),
                suggestion: if r.u32(0..10) == 0 {
                    pick(&mut r, &SUGGESTIONS).to_string()
                } else {
                    String::new()
                },
                dossier_code: String::new(),
                reason_ids: String::new(),
                officer: String::new(),
                extra: Default::default(),
            });
        }
    }
    Dataset {
        responses,
        dossiers,
        versions: Book::default().versions,
        catalogue: cat,
        calendar: cal,
    }
}

/// `data` as an export file of the generating device (`gen-1`, "Quầy 1", unit SCT), written to
/// a temporary file named with `tag`; returns its path.
pub fn write_export(data: Dataset, tag: &str) -> std::io::Result<std::path::PathBuf> {
    use motcua_formats::sync::wire;
    // Made after its last record, as a tablet's export is (later stamps are held back).
    let last = data
        .responses
        .iter()
        .map(|r| r.meta.updated_at)
        .chain(data.dossiers.iter().map(|d| d.meta.updated_at))
        .max()
        .unwrap_or(0);
    let file = wire::Export {
        exported_at: last.max(1_772_000_000_000),
        source: wire::Source {
            device_id: "gen-1".into(),
            device_name: "Quầy 1".into(),
            unit: "SCT".into(),
        },
        from: None,
        to: None,
        personal_data: true,
        data,
    };
    let path = std::env::temp_dir().join(format!("motcua-{tag}-{}.json", std::process::id()));
    std::fs::write(&path, wire::write(&file))?;
    Ok(path)
}

/// A year of 2025 as a desk's Excel register: two title rows, then Mẫu 07's header and rows;
/// received as Excel date-times, due as dates, returned as text or dates; procedures by code
/// or by name in other cases and without marks.
pub fn year_xlsx(rows: usize) -> Vec<u8> {
    use chrono::{Datelike, Duration, NaiveDate, Timelike};
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let cal = motcua_domain::calendar::WorkCalendar::default();
    let days: Vec<NaiveDate> = (0..365)
        .map(|i| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(i))
        .filter(|d| cal.is_working_day(*d))
        .collect();
    let xl = |t: chrono::NaiveDateTime| {
        ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)
            .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, 0))
            .unwrap()
    };
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Sổ 2025").unwrap();
    let (dt, date) = (
        Format::new().set_num_format("dd/mm/yyyy hh:mm"),
        Format::new().set_num_format("dd/mm/yyyy"),
    );
    ws.write(0, 0, "SỔ THEO DÕI HỒ SƠ NĂM 2025").unwrap();
    ws.write(1, 0, "Sở Công Thương tỉnh Khánh Hòa").unwrap();
    let header = [
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
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(3, c as u16, *h).unwrap();
    }
    let names = ["TM-02", "đăng ký thực hiện  khuyến mại", "CAP GIAY PHEP BAN BUON SAN PHAM RUOU"];
    let mut per_day = std::collections::HashMap::new();
    for i in 0..rows {
        let r = 4 + i as u32;
        let day = days[i % days.len()];
        let n = per_day.entry(day).or_insert(0u32);
        *n += 1;
        let received = day.and_hms_opt(8 + (i % 8) as u32, 15, 0).unwrap();
        let due = cal.add_working_days(day, 7);
        ws.write(r, 0, (i + 1) as f64).unwrap();
        ws.write(r, 1, format!("SCT-{}-{:04}", day.format("%y%m%d"), n)).unwrap();
        ws.write(r, 2, names[i % 3]).unwrap();
        ws.write(r, 3, format!("Tổ chức {i}")).unwrap();
        ws.write(r, 5, "Phòng Quản lý Thương mại").unwrap();
        ws.write_datetime_with_format(r, 6, xl(received), &dt).unwrap();
        ws.write_datetime_with_format(r, 7, xl(due.and_hms_opt(0, 0, 0).unwrap()), &date)
            .unwrap();
        let returned = match i % 10 {
            0..=3 => Some(cal.add_working_days(day, 2).and_hms_opt(10, 0, 0).unwrap()),
            4 | 5 => Some(due.and_hms_opt(15, 0, 0).unwrap()),
            6..=8 => Some(cal.add_working_days(due, 3).and_hms_opt(9, 0, 0).unwrap()),
            _ => None,
        };
        match returned {
            Some(t) if i % 2 == 0 => ws.write(r, 8, t.format("%d/%m/%Y %H:%M").to_string()).map(|_| ()).unwrap(),
            Some(t) => ws.write_datetime_with_format(r, 8, xl(t), &dt).map(|_| ()).unwrap(),
            None => {}
        }
        ws.write(r, 9, if i % 4 == 0 { "Bưu chính công ích" } else { "Trực tiếp" }).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// A province's list of procedures as a workbook (`rows` entries under two title rows): the
/// shipped TM-01 and CN-01 by their codes with new terms, TM-02 by its name alone (an official
/// code the catalogue does not use), the rest new, each term written one of the ways lists
/// write it, documents as a numbered list in one cell; and one row whose term is unreadable.
pub fn catalogue_xlsx(rows: usize) -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Danh mục TTHC").unwrap();
    ws.write(0, 0, "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ CÔNG THƯƠNG")
        .unwrap();
    ws.write(1, 0, "(Kèm theo Quyết định số …/QĐ-UBND)").unwrap();
    let header = [
        "STT",
        "Mã TTHC",
        "Tên thủ tục hành chính",
        "Lĩnh vực",
        "Thời hạn giải quyết",
        "Phí, lệ phí",
        "Thành phần hồ sơ",
        "Mức độ DVC",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(3, c as u16, *h).unwrap();
    }
    let terms = [
        "15 ngày làm việc",
        "Trong ngày",
        "08 giờ làm việc",
        "Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ",
    ];
    for i in 0..rows {
        let r = 4 + i as u32;
        let (code, name) = match i {
            0 => ("TM-01".to_string(), "Cấp Giấy phép bán buôn sản phẩm rượu".to_string()),
            1 => (
                "CN-01".to_string(),
                "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu".to_string(),
            ),
            2 => ("2.000633".to_string(), "Đăng ký thực hiện khuyến mại".to_string()),
            _ => (
                format!("1.{:06}", 1000 + i),
                format!("Thủ tục số {i} về cấp, cấp lại, điều chỉnh giấy phép kinh doanh trong lĩnh vực công thương"),
            ),
        };
        ws.write(r, 0, (i + 1) as f64).unwrap();
        ws.write(r, 1, code).unwrap();
        ws.write(r, 2, name).unwrap();
        ws.write(r, 3, if i % 2 == 0 { "Lưu thông hàng hóa" } else { "Hóa chất" }).unwrap();
        if i == 1 {
            ws.write(r, 4, 30.0).unwrap();
        } else {
            ws.write(r, 4, terms[i % terms.len()]).unwrap();
        }
        ws.write(
            r,
            5,
            if i % 3 == 0 {
                "Không thu phí"
            } else {
                "500.000 đồng/hồ sơ"
            },
        )
        .unwrap();
        ws.write(r, 6, "1. Đơn đề nghị (bản chính)\n2. Bản sao giấy chứng nhận đăng ký doanh nghiệp")
            .unwrap();
        ws.write(r, 7, if i % 2 == 0 { "Toàn trình" } else { "Một phần" }).unwrap();
    }
    let bad = 4 + rows as u32;
    ws.write(bad, 1, "1.999999").unwrap();
    ws.write(bad, 2, "Thủ tục có thời hạn không đọc được").unwrap();
    ws.write(bad, 4, "Theo quy định của pháp luật").unwrap();
    wb.save_to_buffer().unwrap()
}

/// A fake camera's video (Y4M, 640 × 480, a few frames, which Chromium loops) showing `text`
/// as a QR code, 8 px a module, held a little off centre on a light background: a receipt
/// held up to the kiosk.
pub fn qr_y4m(text: &str) -> Vec<u8> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).unwrap();
    let (w, colors) = (code.width(), code.to_colors());
    let (fw, fh, scale) = (640usize, 480usize, 8usize);
    let (left, top) = ((fw - w * scale) / 2 + 20, (fh - w * scale) / 2);
    let mut y_plane = vec![225u8; fw * fh];
    for y in 0..w * scale {
        for x in 0..w * scale {
            if colors[(y / scale) * w + x / scale] == qrcode::Color::Dark {
                y_plane[(top + y) * fw + left + x] = 25;
            }
        }
    }
    let chroma = vec![128u8; (fw / 2) * (fh / 2)];
    let mut out = format!("YUV4MPEG2 W{fw} H{fh} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..5 {
        out.extend_from_slice(b"FRAME\n");
        out.extend_from_slice(&y_plane);
        out.extend_from_slice(&chroma);
        out.extend_from_slice(&chroma);
    }
    out
}
