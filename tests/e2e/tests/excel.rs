//! Excel in and out as officers use it: a whole year's register kept in Excel (Mẫu 07's
//! columns, no end of processing) imports through the wizard, and the dashboard judges it as
//! the core does; the register downloads as a real .xlsx.

use motcua_core::dossier::csv_import::SheetReader;
use motcua_core::report::{self, Basis, Filter, Lookup, Period};
use motcua_core::sheet::{EndBasis, Mapping};
use motcua_e2e::{Browser, Server, R, TABLET_LANDSCAPE};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const ROWS: usize = 14_200;

/// A year of 2025 as a desk's Excel register: two title rows, then Mẫu 07's header and rows;
/// received as Excel date-times, due as dates, returned as text or dates; procedures by code
/// or by name in other cases and without marks.
fn year_xlsx() -> Vec<u8> {
    use chrono::{Datelike, Duration, NaiveDate, Timelike};
    let cal = motcua_core::calendar::WorkCalendar::default();
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
    for i in 0..ROWS {
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

#[tokio::test]
async fn a_years_excel_register_imports_through_the_wizard_and_the_dashboard_judges_it() -> R {
    let bytes = year_xlsx();
    // What the core makes of the same file.
    let table = motcua_core::sheet::read_excel(&bytes, None).map_err(|e| format!("{e:?}"))?;
    let header = table.header_row().ok_or("no header")?;
    let map = Mapping::guess(&table.headers(header));
    let mut reader = SheetReader::new(table, header, map, EndBasis::ReturnDate, Default::default(), std::iter::empty())?;
    let catalogue = motcua_core::dossier::default_catalogue();
    let cal = motcua_core::calendar::WorkCalendar::default();
    let mut n = 0u64;
    while !reader.step(usize::MAX, &catalogue, &cal, || {
        n += 1;
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&n.to_le_bytes());
        motcua_core::record::Meta::new(b, 0, "t")
    }) {}
    let sheet = reader.finish()?;
    let data = motcua_core::sync::wire::Dataset {
        dossiers: sheet.rows.into_iter().filter_map(|r| r.result.ok()).collect(),
        catalogue: catalogue.clone(),
        calendar: cal.clone(),
        ..Default::default()
    };
    assert_eq!(data.dossiers.len(), ROWS, "every row is a dossier");
    let timeline = report::Timeline::new(&data.responses, &data.dossiers);
    let want = report::dossier_table(
        data.records(&timeline),
        &Period::year(2025).on(Basis::Calendar),
        &Filter::default(),
        &Lookup::new(&catalogue, Default::default()),
    );
    assert!(
        want.early > 4000 && want.late > 3000 && want.on_time > 2000 && want.unjudged == 0,
        "{want:?}"
    );

    let path = std::env::temp_dir().join(format!("motcua-so-2025-{}.xlsx", std::process::id()));
    std::fs::write(&path, &bytes)?;
    let srv = Server::start();
    let b = Browser::new("excel", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.click(".csv-import summary").await?;
    assert!(
        b.text("#sheet-expects").await?.contains("Mã hồ sơ"),
        "the columns are said before a file is picked"
    );
    b.wait_css("#csv-file").await?.send_keys(&path.display().to_string()).await?;
    b.wait_css_for("#sheet-mapping", std::time::Duration::from_secs(60)).await?;
    // The header row under the titles, Mẫu 07's columns mapped, judged by the return date.
    assert!(b.text("#sheet-first-rows").await?.contains("Tổ chức 0"));
    assert_eq!(b.wait_css("#map-returned").await?.prop("value").await?.as_deref(), Some("8"));
    assert_eq!(b.js("return document.querySelector('#basis-return').checked").await?, true);
    b.js("document.querySelector('#sheet-first-rows').scrollIntoView()").await?;
    b.shot("1-mapping-1280x800").await?;
    b.click("#sheet-check").await?;
    b.wait_css_for("#csv-preview", std::time::Duration::from_secs(120)).await?;
    assert!(b.text("#csv-counts").await?.contains("⚠ 0"), "{}", b.text("#csv-counts").await?);
    b.js("document.querySelector('#csv-no-end').scrollIntoView()").await?;
    b.shot("2-checked-1280x800").await?;
    b.click("#csv-import").await?;
    b.wait_css_for("#csv-done", std::time::Duration::from_secs(120)).await?;
    assert!(b.text("#csv-done").await?.contains(&ROWS.to_string()));

    // The dashboard's calendar year 2025 shows the core's figures, and says how they were judged.
    b.goto(&srv.url("/dashboard")).await?;
    b.wait_css_for("#report-table", std::time::Duration::from_secs(60)).await?;
    b.select("#period-kind", "year").await?;
    b.select("#period-basis", "calendar").await?;
    b.set_value("#period-year", "2025").await?;
    b.wait_js("document.querySelector('#period-label').innerText.startsWith('01/01/2025')")
        .await?;
    for (id, n) in [
        ("rt-early", want.early),
        ("rt-on-time", want.on_time),
        ("rt-late", want.late),
        ("rt-unjudged", 0),
        ("rt-on-return", want.judged_on_return),
    ] {
        assert_eq!(b.text(&format!("#{id}")).await?, motcua_core::format::thousands(n), "{id}");
    }
    assert_eq!(b.text("#rt-headline").await?, want.on_time_share());
    b.shot("3-dashboard-2025-1280x800").await?;

    // The register of January as a real .xlsx: its rows, dates as dates.
    b.goto(&srv.url("/print/register?from=2025-01-01&to=2025-01-31")).await?;
    b.wait_css_for("#register-table", std::time::Duration::from_secs(60)).await?;
    let shown = b.js("return document.querySelectorAll('#register-table tbody tr').length").await?;
    b.click("#export-xlsx-register").await?;
    let saved = b.download(".xlsx").await?;
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&saved)?;
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name)?;
    let numbered = range.rows().filter(|r| matches!(r.first(), Some(calamine::Data::Float(_)))).count();
    let first = b.text("#register-table tbody tr td:nth-child(2)").await?;
    assert_eq!(
        range.get_value((8, 1)),
        Some(&calamine::Data::String(first)),
        "the first row under the header"
    );
    assert_eq!(Some(numbered as u64), shown.as_u64(), "every row of the register, numbered");
    assert!(
        matches!(range.get_value((8, 6)), Some(calamine::Data::DateTime(_))),
        "{:?}",
        range.get_value((8, 6))
    );
    std::fs::remove_file(&path).ok();
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}
