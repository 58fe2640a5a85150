//! The dossier register as an officer uses it: entry, worklist classes, status steps,
//! bad input, CSV import, and the citizen's look-up at the kiosk.

use motcua_e2e::{Browser, Entry, Server, AGENCY_ID, R, TABLET_LANDSCAPE, TABLET_PORTRAIT};
use serde_json::Value;

/// `YYYY-MM-DDTHH:MM` for Vietnam's date `days` days from now at `hm` (the browser runs in
/// another zone on purpose).
async fn local_dt(b: &Browser, days: i32, hm: &str) -> R<String> {
    let v = b
        .js(&format!(
            "const d = new Date(Date.now() + 7 * 3600e3 + ({days}) * 86400e3); const p = n => String(n).padStart(2, '0'); return d.getUTCFullYear() + '-' + p(d.getUTCMonth() + 1) + '-' + p(d.getUTCDate()) + 'T{hm}';"
        ))
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Fill and submit the entry form; returns the code the app gave.
async fn enter(b: &Browser, procedure: &str, applicant: &str, received: Option<&str>, due: Option<(&str, &str)>) -> R<String> {
    b.enter_dossier(&Entry {
        received,
        due,
        ..Entry::new(procedure, applicant)
    })
    .await
}

#[tokio::test]
async fn officers_enter_dossiers_and_move_them_through_statuses() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers", TABLET_LANDSCAPE).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#dossier-form").await?;
    b.shot("1-empty-1280x800").await?;

    let old = local_dt(&b, -60, "09:00").await?;
    let c_old = enter(&b, "TM-02", "Công ty CP Biển Xanh", Some(&old), None).await?;
    let c_new = enter(&b, "KT-01", "Hộ KD Trần Văn Nam", None, None).await?;
    let today_late = local_dt(&b, 0, "23:59").await?;
    let this_morning = local_dt(&b, 0, "07:30").await?;
    let c_soon = enter(
        &b,
        "NL-02",
        "Nguyễn Thị Lan",
        Some(&this_morning),
        Some((&today_late, "Hẹn theo yêu cầu của công dân")),
    )
    .await?;
    assert!(
        c_new.starts_with(&format!("{AGENCY_ID}-")) && c_new.ends_with("-0001"),
        "first code of the day: {c_new}"
    );
    assert!(c_soon.ends_with("-0002"), "running number: {c_soon}");
    // The last procedure is remembered for the next entry.
    assert_eq!(b.wait_css("#d-procedure").await?.prop("value").await?.as_deref(), Some("NL-02"));

    // The typed 23:59 is kept within office hours: due at today's close, so after 17:00
    // (Vietnam time) it is already overdue.
    let after_close = b.js("return new Date(Date.now() + 7 * 3600e3).getUTCHours() >= 17").await? == Value::Bool(true);
    assert_eq!(b.text("#n-overdue").await?, if after_close { "2" } else { "1" });
    assert_eq!(b.text("#n-due-today").await?, "1");
    assert_eq!(b.text("#n-due-soon").await?, if after_close { "0" } else { "1" });
    assert_eq!(b.text("#n-in-time").await?, "1");
    let first_row = b.js("return document.querySelector('#worklist tbody tr.row').dataset.code").await?;
    assert_eq!(first_row, Value::String(c_old.clone()), "overdue first");
    b.shot("2-worklist-1280x800").await?;

    // Bad input: due before received, and a duplicate code.
    b.fill("#d-applicant", "Sai hạn").await?;
    b.set_date("#d-due", &local_dt(&b, -3, "10:00").await?).await?;
    b.fill("#d-due-reason", "thử").await?;
    b.click("#d-submit").await?;
    assert!(b.text("#d-error").await?.contains("Hạn trả trước ngày nhận"));
    b.set_date("#d-due", "").await?;
    b.fill("#d-code", &c_new).await?;
    b.click("#d-submit").await?;
    b.wait_js("document.querySelector('#d-error').innerText.includes('Trùng mã')")
        .await?;
    b.shot("3-bad-input").await?;
    b.fill("#d-code", "").await?;
    assert_eq!(
        b.js("return document.querySelectorAll('#worklist tbody tr.row').length").await?,
        3,
        "nothing saved"
    );

    // Move the old dossier: in progress → supplement → supplemented → resolved → returned.
    b.click(&format!("#worklist tr[data-code='{c_old}']")).await?;
    b.wait_css("#dossier-detail #timeline").await?;
    // Overdue: too late to apologise and extend. Said next to the button, in Vietnamese, with
    // what to do instead.
    b.click("#dossier-detail details.extend summary").await?;
    b.set_date("#ext-due", &local_dt(&b, 10, "17:00").await?).await?;
    b.fill("#ext-reason", "Chờ ý kiến").await?;
    b.click("#ext-apply").await?;
    let refused = b.text("#ext-error").await?;
    assert!(
        refused.contains("quá hạn") && refused.contains("Phòng làm chậm") && !refused.contains(" / "),
        "{refused}"
    );
    for (status, note) in [
        ("InProgress", "Chuyển phòng"),
        ("SupplementRequested", "Thiếu bản sao"),
        ("SupplementReceived", ""),
        ("Resolved", ""),
        ("Returned", ""),
    ] {
        step(&b, status, "", "", note).await?;
    }
    assert_eq!(b.js("return document.querySelectorAll('#timeline li').length").await?, 6);
    assert_eq!(b.text("#detail-status").await?, "Đã trả kết quả");
    assert_eq!(b.text("#detail-timeliness").await?, "Quá hạn (đã xử lý)");
    b.select("#late-division", "Phòng Quản lý Thương mại").await?;
    b.select("#edit-via", "Post").await?;
    b.click("#extra-save").await?;
    b.shot("4-detail-1280x800").await?;
    b.click("#detail-close").await?;

    // Search and filters.
    b.fill("#f-search", "trần văn").await?;
    b.wait_js("document.querySelectorAll('#worklist tbody tr.row').length === 1")
        .await?;
    b.fill("#f-search", "").await?;
    b.select("#f-status", "Returned").await?;
    b.wait_js("document.querySelectorAll('#worklist tbody tr.row').length === 1")
        .await?;
    b.select("#f-status", "").await?;

    // Delete leaves a tombstone, not a hole in the sync history.
    b.click(&format!("#worklist tr[data-code='{c_soon}']")).await?;
    b.click("#detail-delete").await?;
    b.click("#detail-delete").await?;
    b.wait_js("document.querySelectorAll('#worklist tbody tr.row').length === 2")
        .await?;
    let stored = b.stored_dossiers().await?;
    assert!(
        stored.iter().any(|d| d["code"] == c_soon.as_str() && d["x"] == true),
        "tombstone kept"
    );

    // Everything survives a reload.
    b.c.refresh().await?;
    b.wait_css("#worklist").await?;
    b.wait_js("document.querySelectorAll('#worklist tbody tr.row').length === 2")
        .await?;
    b.resize(TABLET_PORTRAIT).await?;
    b.shot("5-worklist-768x1024").await?;
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

#[tokio::test]
async fn a_register_csv_is_previewed_and_imported_all_or_nothing() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-csv", TABLET_LANDSCAPE).await?;
    // The register points to the import, which is on the data page (issue 22: its module),
    // open.
    b.goto(&srv.url("/dossiers")).await?;
    b.click("#to-register-import").await?;
    b.wait_css("#register-import[open] #csv-file").await?;
    assert_eq!(b.path().await?, "/data");
    b.wait_js("(() => { const r = document.querySelector('#register-import').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()")
        .await?;
    b.shot("register-import-opened").await?;
    let csv = "STT,Mã hồ sơ,Tên thủ tục hành chính,\"Tên tổ chức, cá nhân\",\"Địa chỉ, số điện thoại\",Cơ quan chủ trì giải quyết,Nhận hồ sơ,Hẹn trả kết quả,Trả kết quả,Phương thức nhận kết quả\n\
1,SCT-250203-0001,Đăng ký thực hiện khuyến mại,Công ty CP Biển Xanh,\"Nha Trang, 0905123456\",Phòng Quản lý Thương mại,03/02/2025 09:00,,06/02/2025 15:00,Trực tiếp\n\
2,SCT-250203-0002,TM-02,Hộ KD Trần Văn Nam,0912000111,,03/02/2025 16:10,,,\n\
3,SCT-250203-0001,TM-02,Trùng mã,,,03/02/2025 10:00,,,\n\
4,SCT-250203-0003,Thủ tục không có,Ai đó,,,03/02/2025 10:00,,,\n\
5,SCT-250203-0004,TM-02,Hạn sai,,,03/02/2025 10:00,01/02/2025,,\n";
    let path = std::env::temp_dir().join(format!("motcua-import-{}.csv", std::process::id()));
    std::fs::write(&path, csv)?;
    b.pick_files("#csv-file", &[&path]).await?;
    // The wizard: the columns found from the headers, then the rows checked.
    b.wait_css("#sheet-mapping").await?;
    assert_eq!(value(&b, "#map-code").await?.as_deref(), Some("1"));
    assert_eq!(
        value(&b, "#map-resolved").await?.as_deref(),
        Some(""),
        "Mẫu 07 has no end of processing"
    );
    assert_eq!(b.js("return document.querySelector('#basis-return').checked").await?, true);
    b.click("#sheet-check").await?;
    b.wait_css("#csv-preview, #csv-error").await?;
    if let Ok(e) = b.c.find(fantoccini::Locator::Css("#csv-error")).await {
        return Err(format!("import refused: {}", e.text().await?).into());
    }
    assert_eq!(b.js("return document.querySelectorAll('#csv-preview .row-error').length").await?, 3);
    assert_eq!(b.js("return document.querySelectorAll('#csv-preview .row-ok').length").await?, 2);
    let preview = b.text("#csv-preview").await?;
    assert!(
        preview.contains("Trùng mã") && preview.contains("Hạn trả trước ngày nhận"),
        "{preview}"
    );
    assert!(
        b.text("#csv-no-end").await?.contains("theo ngày trả kết quả"),
        "a sheet without the end of processing says how it is judged"
    );
    b.shot("csv-preview").await?;
    // The unknown procedure is listed; added to the catalogue in one step, its row goes in.
    assert!(b.text("#sheet-unmatched").await?.contains("Thủ tục không có (1)"));
    b.click("#unmatched-add-all").await?;
    b.wait_js("document.querySelectorAll('#csv-preview .row-ok').length === 3").await?;
    b.click("#csv-import").await?;
    b.wait_css("#csv-done").await?;
    assert_eq!(b.stored_dossiers().await?.len(), 3);
    // The done message leads to the register, which shows them.
    b.click("#csv-done a").await?;
    b.wait_js("document.querySelectorAll('#worklist tbody tr.row').length === 3")
        .await?;
    b.goto(&srv.url("/data")).await?;
    b.click(".csv-import summary").await?;
    // A malformed file: a clear message, nothing changes.
    std::fs::write(&path, "just,some\nwords,here\n")?;
    b.pick_files("#csv-file", &[&path]).await?;
    assert!(b.text("#csv-error").await?.contains("dòng tiêu đề"));
    b.click("#sheet-check").await?;
    b.wait_js("document.querySelector('#csv-error').innerText.includes('Thiếu cột')")
        .await?;
    assert_eq!(b.stored_dossiers().await?.len(), 3);
    // A column the officer mapped by hand is remembered for the next sheet with these headers,
    // also after a reload (`StaffDocs::sheet_maps`).
    let again = path.with_extension("again.csv");
    std::fs::write(&again, csv)?;
    b.pick_files("#csv-file", &[&again]).await?;
    b.wait_css("#sheet-mapping").await?;
    b.select("#map-resolved", "8").await?;
    b.click("#sheet-check").await?;
    b.wait_css("#csv-preview, #csv-error").await?;
    b.c.refresh().await?;
    b.click(".csv-import summary").await?;
    b.pick_files("#csv-file", &[&again]).await?;
    b.wait_css("#sheet-mapping").await?;
    assert_eq!(value(&b, "#map-resolved").await?.as_deref(), Some("8"), "remembered");
    std::fs::remove_file(&path).ok();
    std::fs::remove_file(&again).ok();
    b.close().await
}

/// A look-up whose module does not load (a broken deployment) tells the citizen to ask at the
/// desk, not that no dossier has the code (issue 22: the look-up is a module of its own).
#[tokio::test]
async fn a_look_up_whose_module_does_not_load_says_to_ask_at_the_desk() -> R {
    let srv = Server::start();
    let js = motcua_e2e::built_file("lookup-", ".js")?;
    srv.replace(&format!("/{js}"), b"throw new Error('a broken deployment');".to_vec());
    let b = Browser::new("lookup-unavailable", TABLET_PORTRAIT).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    b.lock_kiosk(&srv).await?;
    b.click("#lookup-open").await?;
    b.fill("#lookup-code", "SCT-261206-0001").await?;
    b.click("#lookup-go").await?;
    assert!(b.text("#lookup-unavailable").await?.contains("hỏi cán bộ"));
    assert!(
        b.js("return document.querySelector('#lookup-none') === null").await? == true,
        "not told that no dossier has the code"
    );
    b.shot("kiosk-lookup-unavailable").await?;
    b.close().await
}

#[tokio::test]
async fn citizens_look_up_a_dossier_at_the_kiosk_and_see_no_personal_data() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-lookup", TABLET_PORTRAIT).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    b.goto(&srv.url("/dossiers")).await?;
    let code = enter(&b, "TM-02", "Công ty Bí Mật", None, None).await?;
    // Lock the tablet (creating the PIN on first use).
    b.lock_kiosk(&srv).await?;
    b.click("#lookup-open").await?;
    b.fill("#lookup-code", &code.to_lowercase()).await?;
    b.click("#lookup-go").await?;
    assert_eq!(b.text("#lookup-status").await?, "Mới tiếp nhận");
    assert!(b.text("#lookup-due").await?.contains('/'));
    let page = b.js("return document.body.innerText").await?.to_string();
    assert!(!page.contains("Bí Mật") && !page.contains("0905"), "no personal data on the kiosk");
    b.shot("kiosk-lookup-768x1024").await?;
    b.fill("#lookup-code", "SCT-000000-9999").await?;
    b.click("#lookup-go").await?;
    b.wait_css("#lookup-none").await?;
    b.click("#lookup-close").await?;
    b.wait_css("#start").await?;
    b.close().await
}

/// Apply one step in the open dossier's detail and wait until the timeline shows it.
async fn step(b: &Browser, status: &str, at: &str, division: &str, note: &str) -> R {
    let before = b.js("return document.querySelectorAll('#timeline li').length").await?;
    b.select("#step-status", status).await?;
    if !at.is_empty() {
        b.set_date("#step-at", at).await?;
    }
    if !division.is_empty() {
        b.fill("#step-division", division).await?;
    }
    b.fill("#step-note", note).await?;
    b.click("#step-apply").await?;
    b.wait_js(&format!(
        "document.querySelectorAll('#timeline li').length > {before} || document.querySelector('#detail-error') !== null"
    ))
    .await?;
    if let Ok(e) = b.c.find(fantoccini::Locator::Css("#detail-error")).await {
        return Err(format!("step {status} refused: {}", e.text().await?).into());
    }
    Ok(())
}

#[tokio::test]
async fn a_paused_and_extended_dossier_resolved_late_is_late_everywhere_and_prints() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-late", TABLET_LANDSCAPE).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#dossier-form").await?;
    // TM-02 (5 working days) received Mon 03/03/2025 09:00: due at the close of Mon 10/03.
    // The procedure first: choosing it sets the fee's default.
    b.select("#d-procedure", "TM-02").await?;
    b.fill("#d-copies", "2").await?;
    b.select("#d-fee", "1").await?;
    b.select("#d-result-via", "Post").await?;
    let code = enter(&b, "TM-02", "Công ty TNHH Hải Đăng", Some("2025-03-03T09:00"), None).await?;
    assert_eq!(code, format!("{AGENCY_ID}-250303-0001"), "the code's date is the day of receipt");
    b.click(&format!("#worklist tr[data-code='{code}']")).await?;
    b.wait_css("#dossier-detail #timeline").await?;
    assert_eq!(b.text("#detail-due").await?, "10/03/2025 17:00");

    step(&b, "InProgress", "2025-03-03T10:00", "Phòng Quản lý Thương mại", "").await?;
    // Paused Tue 04/03 → Thu 06/03: two working days, so the due date becomes Wed 12/03.
    step(&b, "SupplementRequested", "2025-03-04T09:00", "", "Thiếu bản sao giấy phép").await?;
    step(&b, "SupplementReceived", "2025-03-06T09:00", "", "").await?;
    assert_eq!(b.text("#detail-due").await?, "12/03/2025 17:00");
    // The apology, dated Fri 07/03 (a working day before the due date as it stands), moves
    // the date once, to Fri 21/03.
    b.click("#dossier-detail details.extend summary").await?;
    b.set_date("#ext-at", "2025-03-07T09:00").await?;
    b.set_date("#ext-due", "2025-03-21T17:00").await?;
    b.fill("#ext-reason", "Chờ ý kiến thẩm định của Sở Y tế").await?;
    b.click("#ext-apply").await?;
    // Dated in 2025, entered today: said so, and entered once the date is confirmed.
    assert!(b.text("#ext-error").await?.contains("Xác nhận ngày văn bản"));
    b.click("#ext-confirm-date").await?;
    b.click("#ext-apply").await?;
    b.wait_css("#detail-extension").await?;
    assert!(b.text("#detail-extension").await?.contains("nhập ngày"), "both days kept");
    assert!(b.text("#detail-extension").await?.contains("Chờ ý kiến thẩm định"));
    assert_eq!(b.text("#detail-due").await?, "21/03/2025 17:00");
    assert!(
        b.js("return document.querySelector('#ext-apply') === null").await? == true,
        "one extension only: the form is gone"
    );
    assert_eq!(b.text("#detail-statutory").await?, "12/03/2025 17:00");
    // Open and past its statutory date: overdue in the counters, the list and the detail.
    assert_eq!(b.text("#detail-timeliness").await?, "Quá hạn");
    assert_eq!(b.text("#n-overdue").await?, "1");
    let badge = b.text(&format!("#worklist tr[data-code='{code}'] .badge")).await?;
    assert_eq!(badge, "Quá hạn");
    b.shot("1-extended-open-1280x800").await?;

    // Resolved Thu 20/03, before the renewed date: still late, the renewed date kept.
    step(&b, "Resolved", "2025-03-20T10:00", "", "").await?;
    assert_eq!(b.text("#detail-timeliness").await?, "Quá hạn (đã xử lý)");
    assert_eq!(b.text("#detail-kept").await?, "Đã trả đúng hạn mới (sau gia hạn)");
    assert_eq!(b.text("#n-overdue").await?, "0");
    // The division offered as the one that caused the delay is the one holding it on 12/03.
    assert!(b.text("#late-offered").await?.contains("Phòng Quản lý Thương mại"));
    // Returned by post, signed for.
    b.select("#step-status", "Returned").await?;
    b.set_date("#step-at", "2025-03-21T09:00").await?;
    b.select("#step-via", "Post").await?;
    b.fill("#step-signed", "Nguyễn Văn Bình").await?;
    b.click("#step-apply").await?;
    b.wait_js("document.querySelector('#detail-status').innerText === 'Đã trả kết quả'")
        .await?;
    b.shot("2-resolved-late-1280x800").await?;

    // The receipt slip: what was promised on the day of receipt.
    b.click("#detail-print-slip").await?;
    b.wait_css("#receipt-doc").await?;
    assert_eq!(b.text("#receipt-code").await?, code);
    assert_eq!(b.text("#receipt-due").await?, "10/03/2025 17:00");
    let slip = b.text("#receipt-doc").await?;
    assert!(
        slip.contains("Đã nộp phí") && slip.contains("Bưu chính") && slip.contains("5 ngày làm việc"),
        "{slip}"
    );
    // Mẫu 01: the national heading, the form's number, its place in the register and the QR.
    for want in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mẫu số 01",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2025, Số thứ tự: 1",
    ] {
        assert!(slip.contains(want), "{want} in {slip}");
    }
    assert_eq!(b.js("return document.querySelectorAll('#receipt-qr svg').length").await?, 1);
    b.emulate_print(true).await?;
    b.shot("3-receipt-form-01-print").await?;
    b.emulate_print(false).await?;
    b.resize(TABLET_PORTRAIT).await?;
    b.shot("3-receipt-slip-768x1024").await?;

    // The register for March 2025 (form 07 columns), landscape.
    b.resize(TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/print/register?from=2025-03-01&to=2025-03-31")).await?;
    b.wait_css("#register-table").await?;
    let reg = b.text("#register-table").await?;
    for want in [
        code.as_str(),
        "Công ty TNHH Hải Đăng",
        "Nguyễn Văn Bình",
        "21/03/2025 09:00",
        "Quá hạn (đã xử lý)",
    ] {
        assert!(reg.contains(want), "{want} in {reg}");
    }
    assert_eq!(
        b.js("return document.querySelectorAll('#register-table thead th').length").await?,
        12
    );
    b.shot("4-register-1280x800").await?;
    b.emulate_print(true).await?;
    assert!(
        b.js("return getComputedStyle(document.querySelector('.print-bar')).display")
            .await?
            == "none"
    );
    b.shot("5-register-print-1280x800").await?;
    b.emulate_print(false).await?;

    // The forms that apply are linked from the dossier: 02 (the supplement), 04 (the
    // apology), 06 (the hand-overs); not 03 or 05.
    b.goto(&srv.url("/dossiers")).await?;
    b.click(&format!("#worklist tr[data-code='{code}']")).await?;
    b.wait_css("#detail-forms").await?;
    let links = b.text("#detail-forms").await?;
    assert!(
        links.contains("Mẫu 02") && links.contains("Mẫu 04") && links.contains("Mẫu 06"),
        "{links}"
    );
    assert!(!links.contains("Mẫu 03") && !links.contains("Mẫu 05"), "{links}");
    b.click("#detail-form-04").await?;
    b.wait_css("#form-doc[data-form='04']").await?;
    let apology = b.text("#form-doc").await?;
    for want in [
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Mẫu số 04",
        "ngày 07 tháng 3 năm 2025",
        "hẹn trả kết quả vào 17 giờ 00 phút, ngày 12/03/2025",
        "Lý do: Chờ ý kiến thẩm định của Sở Y tế",
        "17 giờ 00 phút, ngày 21/03/2025",
        "GIÁM ĐỐC",
        "Lê Văn Cường",
        "UBND TỈNH KHÁNH HÒA",
    ] {
        assert!(apology.contains(want), "{want} in {apology}");
    }
    b.emulate_print(true).await?;
    b.shot("6-form-04-print").await?;
    b.emulate_print(false).await?;
    open_detail(&b, &srv, &code).await?;
    b.click("#detail-form-02").await?;
    b.wait_css("#form-doc[data-form='02']").await?;
    assert_eq!(b.text("#form-items").await?, "Thiếu bản sao giấy phép");
    b.emulate_print(true).await?;
    b.shot("7-form-02-print").await?;
    b.emulate_print(false).await?;
    open_detail(&b, &srv, &code).await?;
    b.click("#detail-form-06").await?;
    b.wait_css("#control-table").await?;
    let rows = b
        .js("return [...document.querySelectorAll('#control-table tbody tr')].map(r => r.querySelector('.judged').innerText)")
        .await?;
    // The desk passed it on the day of receipt; the division held it past its 3 days (with
    // the 2 days' pause: to 10/03) until 20/03.
    assert_eq!((rows[0].as_str(), rows[1].as_str()), (Some("Đúng hạn"), Some("Quá hạn")), "{rows}");
    b.emulate_print(true).await?;
    b.shot("8-form-06-print").await?;
    b.emulate_print(false).await?;
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

#[tokio::test]
async fn a_50_000_row_sheet_is_read_with_progress_and_previewed_in_pages() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-csv-large", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/data")).await?;
    let mut csv = String::from("Mã hồ sơ,Tên thủ tục hành chính,Tên tổ chức cá nhân,Nhận hồ sơ\n");
    for i in 0..50_000 {
        // A register of 2024: 50 000 codes over the year's days; one code twice at the end.
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap() + chrono::Duration::days(i64::from(i / 200));
        let code = if i == 49_999 {
            "SCT-240102-0001".to_string()
        } else {
            format!("SCT-{}-{:04}", day.format("%y%m%d"), i % 200 + 1)
        };
        csv.push_str(&format!("{code},TM-02,Người nộp {i},{} 09:00\n", day.format("%d/%m/%Y")));
    }
    let path = std::env::temp_dir().join(format!("motcua-import-large-{}.csv", std::process::id()));
    std::fs::write(&path, csv)?;
    b.click(".csv-import summary").await?;
    // The page stays responsive and shows how far the reading got. (Watched, not waited for:
    // the reading can end between two polls.)
    b.watch("#csv-progress progress").await?;
    b.pick_files("#csv-file", &[&path]).await?;
    b.wait_css_for("#sheet-check", std::time::Duration::from_secs(60)).await?;
    b.click("#sheet-check").await?;
    b.wait_css_for("#csv-preview", std::time::Duration::from_secs(60)).await?;
    assert!(b.seen("#csv-progress progress").await?, "progress shown while reading");
    assert_eq!(b.js("return document.querySelectorAll('#csv-preview tbody tr').length").await?, 50);
    assert_eq!(b.text("#csv-page").await?, "1 / 1000");
    b.click("#csv-next").await?;
    b.wait_js("document.querySelector('#csv-page').innerText === '2 / 1000'").await?;
    assert!(b.text("#csv-preview").await?.contains("Người nộp 50"));
    assert!(b.text("#csv-counts").await?.contains("⚠ 1"), "the repeated code is the one error");
    b.shot("csv-large-preview").await?;
    b.click("#csv-import").await?;
    b.wait_css_for("#csv-done", std::time::Duration::from_secs(60)).await?;
    assert!(b.text("#csv-done").await?.contains("49999"), "{}", b.text("#csv-done").await?);
    std::fs::remove_file(&path).ok();
    b.close().await
}

#[tokio::test]
async fn an_officer_receives_a_dossier_with_the_keyboard_alone() -> R {
    use fantoccini::key::Key;
    let srv = Server::start();
    let b = Browser::new("dossiers-keyboard", TABLET_LANDSCAPE).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#d-applicant").await?;
    // Tab from the top of the page: every stop shows a visible focus ring, and the form's
    // fields come in reading order.
    let mut stops = Vec::new();
    for _ in 0..40 {
        b.c.active_element().await?.send_keys(&Key::Tab.to_string()).await?;
        let here = b
            .js("const e = document.activeElement; const s = getComputedStyle(e);
                 return [e.id || e.tagName, s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2]")
            .await?;
        let (id, ring) = (here[0].as_str().unwrap_or_default().to_string(), here[1] == true);
        assert!(ring, "no visible focus on {id}");
        if id == "d-applicant" {
            break;
        }
        stops.push(id);
    }
    assert!(
        stops.iter().any(|s| s == "d-procedure"),
        "the procedure comes before the applicant: {stops:?}"
    );
    // Type the applicant, then Enter submits the form.
    let field = b.c.active_element().await?;
    field.send_keys("Nhập bằng bàn phím").await?;
    field.send_keys(&Key::Enter.to_string()).await?;
    b.wait_css("#d-done").await?;
    b.wait_js("document.querySelector('#worklist').innerText.includes('Nhập bằng bàn phím')")
        .await?;
    b.close().await
}

/// Open the dossier `code` from the register (after a printed form).
async fn open_detail(b: &Browser, srv: &Server, code: &str) -> R {
    b.goto(&srv.url("/dossiers")).await?;
    b.click(&format!("#worklist tr[data-code='{code}']")).await?;
    b.wait_css("#detail-forms").await?;
    Ok(())
}

/// An input's or select's current value.
async fn value(b: &Browser, css: &str) -> R<Option<String>> {
    Ok(b.wait_css(css).await?.prop("value").await?)
}

#[tokio::test]
async fn three_dossiers_in_a_row_keep_their_own_channel_fee_and_result_channel() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-defaults", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/dossiers")).await?;
    // A fresh tablet: the setup comes before the first receipt, in place of the form.
    b.wait_css("#setup-intro").await?;
    assert!(b.text("#setup-missing").await?.contains("Mã định danh"));
    assert_eq!(b.js("return document.querySelector('#dossier-form') === null").await?, true);
    b.shot("0-first-run-setup-1280x800").await?;
    b.fill_setup(None, &["Nguyễn Văn An", "Trần Thị Bình"]).await?;
    // Who is on duty is asked once, then recorded on what is received.
    b.wait_css("#duty-picker").await?;
    b.shot("0b-on-duty-1280x800").await?;
    b.click("#duty-0").await?;
    b.wait_css("#dossier-form").await?;
    // A postal dossier of a paying procedure, fee paid, result by post.
    b.select("#d-procedure", "TM-01").await?;
    b.select("#d-channel", "Post").await?;
    b.select("#d-fee", "1").await?;
    b.select("#d-result-via", "Post").await?;
    b.fill("#d-applicant", "Hộ KD Bưu Điện").await?;
    b.fill("#d-id-number", "0101234567-001").await?;
    b.fill("#d-email", "buudien@vidu.vn").await?;
    b.click("#d-digitised").await?;
    b.click("#d-submit").await?;
    b.wait_css("#d-done").await?;
    let post = b.text("#d-done-code").await?;
    assert!(post.starts_with(&format!("{AGENCY_ID}-")), "{post}");
    // Nothing of it carries over.
    assert_eq!(value(&b, "#d-id-number").await?.as_deref(), Some(""));
    assert_eq!(b.js("return document.querySelector('#d-digitised').checked").await?, false);
    // The next one starts afresh: in person, result at the desk, the fee for the officer to set.
    assert_eq!(value(&b, "#d-channel").await?.as_deref(), Some("Direct"));
    assert_eq!(value(&b, "#d-result-via").await?.as_deref(), Some("Direct"));
    assert_eq!(value(&b, "#d-fee").await?.as_deref(), Some(""), "a paying procedure: not preset");
    // A free procedure presets "Không thu phí"; its documents come ticked, one copy each.
    b.select("#d-procedure", "TM-02").await?;
    assert_eq!(value(&b, "#d-fee").await?.as_deref(), Some("0"));
    assert_eq!(
        b.js("return document.querySelectorAll('#d-documents input[type=checkbox]:checked').length")
            .await?,
        3
    );
    b.click("#d-doc-2").await?;
    b.fill("#d-doc-copies-0", "2").await?;
    let direct = enter(&b, "TM-02", "Nguyễn Văn Trực", None, None).await?;
    b.select("#d-channel", "Online").await?;
    b.set_date("#d-filed-at", &local_dt(&b, -1, "21:15").await?).await?;
    let online = enter(&b, "TM-02", "Công ty Trực Tuyến", None, None).await?;
    assert_eq!(value(&b, "#d-channel").await?.as_deref(), Some("Direct"));
    let stored = b.stored_dossiers().await?;
    let of = |code: &str| stored.iter().find(|d| d["code"] == code).cloned().unwrap_or_default();
    assert_eq!(
        (
            of(&post)["channel"].clone(),
            of(&post)["return_method"].clone(),
            of(&post)["fee"].clone()
        ),
        ("Post".into(), "Post".into(), "Paid".into())
    );
    assert_eq!(
        (
            of(&direct)["channel"].clone(),
            of(&direct)["return_method"].clone(),
            of(&direct)["fee"].clone()
        ),
        ("Direct".into(), "Direct".into(), "Free".into())
    );
    assert_eq!(
        (of(&online)["channel"].clone(), of(&online)["return_method"].clone()),
        ("Online".into(), "Direct".into())
    );
    assert!(
        of(&online)["filed_at"].as_str().is_some_and(|t| t.ends_with("21:15:00")),
        "{}",
        of(&online)
    );
    assert_eq!(of(&post)["id_number"], "0101234567-001");
    assert_eq!(of(&post)["digital"]["digitised"], true);
    // The documents: two of TM-02's three, the first in two copies.
    let docs = of(&direct)["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!((docs.len(), docs[0]["copies"].clone()), (2, Value::from(2)), "{docs:?}");
    for code in [&post, &direct, &online] {
        assert_eq!(of(code)["receiver"], "Nguyễn Văn An", "the officer on duty");
    }
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

/// The QR code on the receipt on screen, drawn on a canvas and read back with `rqrr`.
async fn read_receipt_qr(b: &Browser) -> R<String> {
    const N: usize = 400;
    let px =
        b.c.execute_async(
            &format!(
                "const done = arguments[arguments.length - 1];
                 const svg = document.querySelector('#receipt-qr svg');
                 const xml = new XMLSerializer().serializeToString(svg);
                 const img = new Image();
                 img.onload = () => {{
                   const c = document.createElement('canvas'); c.width = {N}; c.height = {N};
                   const x = c.getContext('2d'); x.fillStyle = '#fff'; x.fillRect(0, 0, {N}, {N});
                   x.drawImage(img, 0, 0, {N}, {N});
                   const d = x.getImageData(0, 0, {N}, {N}).data; const out = [];
                   for (let i = 0; i < {N} * {N}; i++) out.push(d[i * 4]);
                   done(out);
                 }};
                 img.onerror = () => done(null);
                 img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(xml)));"
            ),
            vec![],
        )
        .await?;
    let px: Vec<u8> = serde_json::from_value(px)?;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(N, N, |x, y| px[y * N + x]);
    let grid = img.detect_grids().into_iter().next().ok_or("no QR code found")?;
    Ok(grid.decode().map_err(|e| format!("{e:?}"))?.1)
}

/// The id of the stored dossier `code`.
async fn id_of(b: &Browser, code: &str) -> R<String> {
    let stored = b.stored_dossiers().await?;
    let d = stored.iter().find(|d| d["code"] == code).ok_or("not stored")?;
    Ok(d["id"].as_str().unwrap_or_default().to_string())
}

#[tokio::test]
async fn two_officers_steps_and_every_form_print_where_they_apply() -> R {
    let srv = Server::start();
    let b = Browser::new("forms", TABLET_PORTRAIT).await?;
    b.set_up_unit(&srv, Some("2"), &["Nguyễn Văn An", "Trần Thị Bình"]).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.click("#duty-0").await?;
    b.wait_css("#dossier-form").await?;
    b.select("#d-procedure", "TM-02").await?;
    b.fill("#d-id-number", "079123456789").await?;
    let code = enter(&b, "TM-02", "Công ty TNHH Ánh Dương", None, None).await?;
    assert!(code.ends_with("-2001"), "desk 2 numbers from 2001: {code}");
    let refused = enter(&b, "TM-01", "Hộ KD Sai Thẩm Quyền", None, None).await?;

    // An hands the file to the division; Bình, on duty after him, to the director, who stops it.
    b.click(&format!("#worklist tr[data-code='{code}']")).await?;
    b.wait_css("#dossier-detail #timeline").await?;
    step(&b, "InProgress", "", "Phòng Quản lý Thương mại", "").await?;
    b.select("#on-duty", "Trần Thị Bình").await?;
    step(&b, "InProgress", "", "Lãnh đạo Sở", "").await?;
    step(&b, "Stopped", "", "", "Tổ chức đề nghị dừng để bổ sung giấy phép").await?;
    let timeline = b.text("#timeline").await?;
    assert!(
        timeline.contains("Nguyễn Văn An") && timeline.contains("Trần Thị Bình"),
        "{timeline}"
    );
    assert!(b.text("#detail-forms").await?.contains("Mẫu 05"));

    let id = id_of(&b, &code).await?;
    b.goto(&srv.url(&format!("/print/form/06/{id}"))).await?;
    b.wait_css("#control-table").await?;
    let officers = b
        .js("return [...document.querySelectorAll('#control-table tbody td.officer')].map(td => td.innerText)")
        .await?;
    assert_eq!(
        officers,
        serde_json::json!(["Nguyễn Văn An", "Trần Thị Bình"]),
        "who handed over each step"
    );
    let sheet = b.text("#form-doc").await?;
    assert!(sheet.contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), "{sheet}");
    // Handed on at once: before or on the step's deadline (which, on a day off, is the next
    // working day's).
    let judged = b
        .js("return [...document.querySelectorAll('#control-table tbody td.judged')].map(td => td.innerText)")
        .await?;
    for j in judged.as_array().cloned().unwrap_or_default() {
        assert!(j == "Trước hạn" || j == "Đúng hạn", "{judged}");
    }
    b.emulate_print(true).await?;
    b.shot("1-form-06-print").await?;
    b.goto(&srv.url(&format!("/print/form/05/{id}"))).await?;
    b.wait_css("#form-doc[data-form='05']").await?;
    let stop = b.text("#form-doc").await?;
    for want in [
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Tổ chức đề nghị dừng để bổ sung giấy phép",
        "Lê Văn Cường",
        "079123456789",
    ] {
        assert!(stop.contains(want), "{want} in {stop}");
    }
    b.shot("2-form-05-print").await?;
    b.emulate_print(false).await?;

    // Mẫu 01: the officer who received it, the id number, and a QR code that reads the code.
    b.goto(&srv.url(&format!("/print/receipt/{id}"))).await?;
    b.wait_css("#receipt-qr svg").await?;
    assert_eq!(b.text("#receipt-receiver").await?, "Nguyễn Văn An");
    assert_eq!(b.text("#receipt-id-number").await?, "079123456789");
    assert_eq!(
        b.text("#receipt-documents li").await?,
        "Văn bản đăng ký thực hiện khuyến mại (Mẫu số 02, Phụ lục NĐ 81/2018/NĐ-CP) – 1 bản"
    );
    assert_eq!(read_receipt_qr(&b).await?, code);
    b.emulate_print(true).await?;
    b.shot("3-form-01-print").await?;
    b.emulate_print(false).await?;

    // Mẫu 03 from a refusal, signed by the officer who refused.
    b.goto(&srv.url("/dossiers")).await?;
    b.click(&format!("#worklist tr[data-code='{refused}']")).await?;
    b.wait_css("#dossier-detail #timeline").await?;
    step(&b, "Refused", "", "", "Không thuộc thẩm quyền của Sở").await?;
    let rid = id_of(&b, &refused).await?;
    b.goto(&srv.url(&format!("/print/form/03/{rid}"))).await?;
    b.wait_css("#form-doc[data-form='03']").await?;
    assert!(b.text("#form-doc").await?.contains("Không thuộc thẩm quyền của Sở"));
    assert_eq!(b.text("#form-signer").await?, "Trần Thị Bình");
    b.emulate_print(true).await?;
    b.shot("4-form-03-print").await?;
    b.emulate_print(false).await?;
    // A form that does not apply says so instead of printing an empty letter.
    b.goto(&srv.url(&format!("/print/form/04/{rid}"))).await?;
    b.wait_css("#form-missing").await?;
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}
