//! Excel in and out as officers use it: a whole year's register kept in Excel (Mẫu 07's
//! columns, no end of processing) imports through the wizard, and the dashboard judges it as
//! the core does; the register downloads as a real .xlsx.

use motcua_domain::report::{self, Basis, Filter, Lookup, Period};
use motcua_e2e::{Browser, Server, R, TABLET_LANDSCAPE};
use motcua_formats::register_sheet::SheetReader;
use motcua_formats::sheet::{EndBasis, Mapping};

const ROWS: usize = 14_200;

#[tokio::test]
async fn a_years_excel_register_imports_through_the_wizard_and_the_dashboard_judges_it() -> R {
    let bytes = motcua_e2e::gen::year_xlsx(ROWS);
    // What the core makes of the same file.
    let table = motcua_formats::sheet::read_excel(&bytes, None).map_err(|e| format!("{e:?}"))?;
    let header = table.header_row().ok_or("no header")?;
    let map = Mapping::guess(&table.headers(header));
    let mut reader = SheetReader::new(table, header, map, EndBasis::ReturnDate, Default::default(), std::iter::empty())?;
    let catalogue = motcua_domain::dossier::default_catalogue();
    let cal = motcua_domain::calendar::WorkCalendar::default();
    let mut n = 0u64;
    while !reader.step(usize::MAX, &catalogue, &cal, || {
        n += 1;
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&n.to_le_bytes());
        motcua_domain::record::Meta::new(b, 0, "t")
    }) {}
    let sheet = reader.finish()?;
    let data = motcua_formats::sync::wire::Dataset {
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
    b.goto(&srv.url("/data")).await?;
    b.click(".csv-import summary").await?;
    assert!(
        b.text("#sheet-expects").await?.contains("Mã hồ sơ"),
        "the columns are said before a file is picked"
    );
    b.pick_files("#csv-file", &[&path]).await?;
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
        assert_eq!(b.text(&format!("#{id}")).await?, motcua_domain::format::thousands(n), "{id}");
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
