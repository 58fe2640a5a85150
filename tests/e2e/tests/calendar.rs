//! Dates as the law counts them at the end of 2026: a dossier that runs into 2027 (a year with no
//! official notice yet) is due on a computed, provisional date marked "tạm tính" on the form,
//! the receipt and the citizen's look-up; confirming 2027 from the notice removes the mark; a
//! day off added to the calendar moves the open dossier's due date and lists it.

use motcua_e2e::{Browser, Server, AGENCY_ID, PIN, R, TABLET_LANDSCAPE};
use serde_json::Value;

/// Set the statutory days of one catalogue entry through the catalogue editor: found by its
/// code, opened in its form, saved.
async fn set_days(b: &Browser, id: &str, days: u32) -> R {
    b.click("#catalogue summary").await?;
    b.set_value("#catalogue-search", id).await?;
    b.click(&format!(".catalogue-item[data-id='{id}']")).await?;
    b.set_value("#proc-days", &days.to_string()).await?;
    b.click("#proc-save").await?;
    b.wait_css("#catalogue-msg").await?;
    Ok(())
}

/// Open the calendar editor on `year`.
async fn calendar_year(b: &Browser, srv: &Server, year: i32) -> R {
    b.goto(&srv.url("/settings")).await?;
    b.click("#calendar summary").await?;
    b.js("document.querySelector('#calendar').scrollIntoView()").await?;
    b.set_value("#cal-year", &year.to_string()).await?;
    b.wait_js(&format!("document.querySelector('#cal-off').value.includes('/{year}')"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_due_date_in_an_unconfirmed_2027_is_tam_tinh_until_confirmed_and_moves_with_the_calendar() -> R {
    let srv = Server::start();
    let b = Browser::new("calendar", TABLET_LANDSCAPE).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    b.wait_css("#catalogue").await?;
    set_days(&b, "CN-01", 20).await?;

    // Friday 04/12/2026 09:00, 20 working days: December holds 19 of them, 1/1/2027 is a
    // holiday, so the 20th is Monday 04/01/2027 (weekends alone gave the holiday 01/01/2027).
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#dossier-form").await?;
    b.select("#d-procedure", "CN-01").await?;
    b.fill("#d-applicant", "Công ty TNHH Xăng dầu Biển Đông").await?;
    b.set_date("#d-received", "2026-12-04T09:00").await?;
    b.wait_js("document.querySelector('#d-due-preview').innerText.includes('04/01/2027')")
        .await?;
    assert_eq!(b.text("#d-cal-warn").await?, "(tạm tính)");
    b.shot("1-form-tam-tinh-1280x800").await?;
    b.click("#d-submit").await?;
    b.wait_css("#d-done").await?;
    let code = b.text("#d-done-code").await?;
    assert_eq!(code, format!("{AGENCY_ID}-261204-0001"));
    let row_due = b.text(&format!("#worklist tr[data-code='{code}']")).await?;
    assert!(row_due.contains("04/01/2027") && row_due.contains("(tạm tính)"), "{row_due}");

    // The receipt promises the date and says it is provisional.
    b.click("#d-print-slip").await?;
    b.wait_css("#receipt-doc").await?;
    assert!(b.text("#receipt-due").await?.contains("04/01/2027"));
    assert_eq!(b.text("#receipt-provisional").await?, "(tạm tính)");
    b.shot("2-receipt-tam-tinh").await?;

    // The citizen's look-up at the kiosk says it too.
    b.lock_kiosk(&srv).await?;
    b.click("#lookup-open").await?;
    b.fill("#lookup-code", &code).await?;
    b.click("#lookup-go").await?;
    assert!(b.text("#lookup-due").await?.contains("04/01/2027"));
    assert_eq!(b.text("#lookup-provisional").await?, "(tạm tính)");
    // The answer and the way back fit the screen without a scroll (issue 25).
    let fits = b
        .js("return ['#lookup-result', '#lookup-close'].every(s => document.querySelector(s).getBoundingClientRect().bottom <= innerHeight)")
        .await?;
    assert_eq!(fits, Value::Bool(true), "the look-up's answer is below the fold");
    b.shot("3-kiosk-lookup-tam-tinh").await?;
    b.click("#lookup-close").await?;
    b.unlock(PIN).await?;
    b.wait_css("#today-count").await?;

    // 2027 is shown as computed and provisional; confirming needs the notice named.
    calendar_year(&b, &srv, 2027).await?;
    assert!(b.text("#cal-provisional").await?.contains("Tạm tính"));
    let off = b.js("return document.querySelector('#cal-off').value").await?;
    for day in ["01/01/2027", "05/02/2027", "11/02/2027", "16/04/2027", "03/05/2027", "24/11/2027"] {
        assert!(off.as_str().unwrap_or_default().contains(day), "{day} in {off}");
    }
    b.shot("4-calendar-2027-provisional").await?;
    b.click("#cal-confirm").await?;
    assert!(b.text("#cal-msg").await?.contains("thông báo chính thức"));
    b.fill("#cal-source", "Thông báo số 1234/TB-BNV ngày 20/11/2026 (thử nghiệm)")
        .await?;
    b.click("#cal-confirm").await?;
    b.wait_css("#cal-moved-none").await?;
    assert_eq!(
        b.js("return document.querySelector('#cal-provisional') === null").await?,
        Value::Bool(true),
        "confirmed"
    );
    b.goto(&srv.url("/dossiers")).await?;
    let row_due = b.text(&format!("#worklist tr[data-code='{code}']")).await?;
    assert!(row_due.contains("04/01/2027") && !row_due.contains("tạm tính"), "{row_due}");

    // A day off added to 2026 (31/12) moves the open dossier a working day on, and says so.
    calendar_year(&b, &srv, 2026).await?;
    b.js("const t = document.querySelector('#cal-off'); t.value += '\\n31/12/2026'; t.dispatchEvent(new Event('input', {bubbles: true}));")
        .await?;
    b.click("#cal-save").await?;
    b.wait_css("#cal-moved").await?;
    let moved = b.text("#cal-moved").await?;
    assert!(
        moved.contains(&code) && moved.contains("04/01/2027") && moved.contains("05/01/2027"),
        "{moved}"
    );
    b.shot("5-calendar-moved-1280x800").await?;
    b.click("#cal-moved a").await?;
    b.wait_css("#receipt-doc").await?;
    assert!(b.text("#receipt-due").await?.contains("05/01/2027"));
    // Saved with the calendar: it holds after a reload.
    b.c.refresh().await?;
    b.wait_css("#receipt-due").await?;
    assert!(b.text("#receipt-due").await?.contains("05/01/2027"));
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

#[tokio::test]
async fn a_calendar_stored_before_24_11_was_a_holiday_is_corrected_and_moves_the_open_dossier() -> R {
    use motcua_domain::calendar::WorkCalendar;
    use motcua_domain::dossier::{default_catalogue, Dossier, NewDossier};
    use motcua_domain::record::Meta;
    use motcua_formats::sync::wire::Dataset;
    // As the last build counted it: 24/11/2026 worked, so TM-02 (5 days) received Thursday
    // 19/11 was due Thursday 26/11. It is still open.
    let mut old = WorkCalendar::default();
    for y in old.years.iter_mut().filter(|y| y.year == 2026) {
        y.days_off.remove(&chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    }
    let input = NewDossier {
        code: "SCT-261119-0001".into(),
        procedure: "TM-02".into(),
        applicant: "Công ty TNHH Văn Hóa".into(),
        received: chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap().and_hms_opt(9, 0, 0),
        ..Default::default()
    };
    let meta = Meta::new([3; 16], 1_795_053_600_000, "gen-1");
    let d = Dossier::create(input, &default_catalogue(), &old, std::iter::empty(), meta).map_err(|e| e.to_string())?;
    assert_eq!(d.due.format("%d/%m").to_string(), "26/11");
    let stored_calendar = motcua_formats::codec::encode_doc("calendar", &old);
    let data = Dataset {
        responses: Vec::new(),
        dossiers: vec![d],
        versions: motcua_domain::survey::questionnaire::Book::default().versions,
        catalogue: default_catalogue(),
        calendar: old,
    };
    let path = motcua_e2e::gen::write_export(data, "before-24-11")?;

    let srv = Server::start();
    let b = Browser::new("calendar-upgrade", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/data")).await?;
    b.pick_files("#import-files", &[&path]).await?;
    b.click("#import-apply").await?;
    b.wait_css("#import-done").await?;
    // The file's old 2026 does not undo 24/11 here.
    b.goto(&srv.url("/dossiers")).await?;
    let row = b.text("#worklist tr[data-code='SCT-261119-0001']").await?;
    assert!(row.contains("26/11/2026"), "imported as it was: {row}");
    // The store as the last build left it: its calendar without 24/11.
    b.js(&format!(
        "localStorage.setItem({}, {})",
        serde_json::to_string(&motcua_formats::codec::doc_key("calendar"))?,
        serde_json::to_string(&stored_calendar)?
    ))
    .await?;
    b.c.refresh().await?;
    b.wait_css("#cal-moved").await?;
    let moved = b.text("#cal-moved").await?;
    assert!(
        moved.contains("SCT-261119-0001") && moved.contains("26/11/2026") && moved.contains("27/11/2026"),
        "{moved}"
    );
    b.shot("register-moved-banner-1280x800").await?;
    let row = b.text("#worklist tr[data-code='SCT-261119-0001']").await?;
    assert!(row.contains("27/11/2026"), "{row}");
    // Done once: the next start lists nothing and the date holds.
    b.c.refresh().await?;
    b.wait_css("#worklist tr[data-code='SCT-261119-0001']").await?;
    assert_eq!(
        b.js("return document.querySelector('#cal-moved') === null").await?,
        Value::Bool(true)
    );
    assert!(b.text("#worklist tr[data-code='SCT-261119-0001']").await?.contains("27/11/2026"));
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}
