//! The dossier register as an officer uses it: entry, worklist classes, status steps,
//! bad input, CSV import, and the citizen's look-up at the kiosk.

use motcua_e2e::{Browser, Server, R, TABLET_LANDSCAPE, TABLET_PORTRAIT};
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
    b.select("#d-procedure", procedure).await?;
    b.fill("#d-applicant", applicant).await?;
    b.fill("#d-contact", "0905 123 456").await?;
    if let Some(r) = received {
        b.set_value("#d-received", r).await?;
    }
    if let Some((d, why)) = due {
        b.set_value("#d-due", d).await?;
        b.fill("#d-due-reason", why).await?;
    }
    b.click("#d-submit").await?;
    b.wait_css("#d-done, #d-error").await?;
    if let Ok(e) = b.c.find(fantoccini::Locator::Css("#d-error")).await {
        return Err(format!("entry refused: {}", e.text().await?).into());
    }
    b.text("#d-done-code").await
}

#[tokio::test]
async fn officers_enter_dossiers_and_move_them_through_statuses() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers", TABLET_LANDSCAPE).await?;
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
        c_new.starts_with("SCT-") && c_new.ends_with("-0001"),
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
    b.set_value("#d-due", &local_dt(&b, -3, "10:00").await?).await?;
    b.fill("#d-due-reason", "thử").await?;
    b.click("#d-submit").await?;
    assert!(b.text("#d-error").await?.contains("Hạn trả trước ngày nhận"));
    b.set_value("#d-due", "").await?;
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
    b.set_value("#ext-due", &local_dt(&b, 10, "17:00").await?).await?;
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
    b.goto(&srv.url("/dossiers")).await?;
    let csv = "STT,Mã hồ sơ,Tên thủ tục hành chính,\"Tên tổ chức, cá nhân\",\"Địa chỉ, số điện thoại\",Cơ quan chủ trì giải quyết,Nhận hồ sơ,Hẹn trả kết quả,Trả kết quả,Phương thức nhận kết quả\n\
1,SCT-250203-0001,Đăng ký thực hiện khuyến mại,Công ty CP Biển Xanh,\"Nha Trang, 0905123456\",Phòng Quản lý Thương mại,03/02/2025 09:00,,06/02/2025 15:00,Trực tiếp\n\
2,SCT-250203-0002,TM-02,Hộ KD Trần Văn Nam,0912000111,,03/02/2025 16:10,,,\n\
3,SCT-250203-0001,TM-02,Trùng mã,,,03/02/2025 10:00,,,\n\
4,SCT-250203-0003,Thủ tục không có,Ai đó,,,03/02/2025 10:00,,,\n\
5,SCT-250203-0004,TM-02,Hạn sai,,,03/02/2025 10:00,01/02/2025,,\n";
    let path = std::env::temp_dir().join(format!("motcua-import-{}.csv", std::process::id()));
    std::fs::write(&path, csv)?;
    b.click(".csv-import summary").await?;
    b.wait_css("#csv-file").await?.send_keys(&path.display().to_string()).await?;
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
        b.text("#csv-no-end").await?.contains("ngày xử lý xong"),
        "a sheet without the end of processing says so"
    );
    b.shot("csv-preview").await?;
    b.click("#csv-import").await?;
    b.wait_css("#csv-done").await?;
    b.wait_js("document.querySelectorAll('#worklist tbody tr.row').length === 2")
        .await?;
    // A malformed file: a clear message, nothing changes.
    std::fs::write(&path, "just,some\nwords,here\n")?;
    b.wait_css("#csv-file").await?.send_keys(&path.display().to_string()).await?;
    assert!(b.text("#csv-error").await?.contains("Thiếu cột"));
    assert_eq!(b.js("return document.querySelectorAll('#worklist tbody tr.row').length").await?, 2);
    std::fs::remove_file(&path).ok();
    b.close().await
}

#[tokio::test]
async fn citizens_look_up_a_dossier_at_the_kiosk_and_see_no_personal_data() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-lookup", TABLET_PORTRAIT).await?;
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
        b.set_value("#step-at", at).await?;
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
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#dossier-form").await?;
    // TM-02 (5 working days) received Mon 03/03/2025 09:00: due at the close of Mon 10/03.
    // The procedure first: choosing it sets the fee's default.
    b.select("#d-procedure", "TM-02").await?;
    b.fill("#d-copies", "2").await?;
    b.select("#d-fee", "1").await?;
    b.select("#d-result-via", "Post").await?;
    let code = enter(&b, "TM-02", "Công ty TNHH Hải Đăng", Some("2025-03-03T09:00"), None).await?;
    assert_eq!(code, "SCT-250303-0001", "the code's date is the day of receipt");
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
    b.set_value("#ext-at", "2025-03-07T09:00").await?;
    b.set_value("#ext-due", "2025-03-21T17:00").await?;
    b.fill("#ext-reason", "Chờ ý kiến thẩm định của Sở Y tế").await?;
    b.click("#ext-apply").await?;
    b.wait_css("#detail-extension").await?;
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
    b.set_value("#step-at", "2025-03-21T09:00").await?;
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
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

#[tokio::test]
async fn a_50_000_row_sheet_is_read_with_progress_and_previewed_in_pages() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-csv-large", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/dossiers")).await?;
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
    b.wait_css("#csv-file").await?.send_keys(&path.display().to_string()).await?;
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

/// An input's or select's current value.
async fn value(b: &Browser, css: &str) -> R<Option<String>> {
    Ok(b.wait_css(css).await?.prop("value").await?)
}

#[tokio::test]
async fn three_dossiers_in_a_row_keep_their_own_channel_fee_and_result_channel() -> R {
    let srv = Server::start();
    let b = Browser::new("dossiers-defaults", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#dossier-form").await?;
    // A postal dossier of a paying procedure, fee paid, result by post.
    b.select("#d-procedure", "TM-01").await?;
    b.select("#d-channel", "Post").await?;
    b.select("#d-fee", "1").await?;
    b.select("#d-result-via", "Post").await?;
    b.fill("#d-applicant", "Hộ KD Bưu Điện").await?;
    b.click("#d-submit").await?;
    b.wait_css("#d-done").await?;
    let post = b.text("#d-done-code").await?;
    // The next one starts afresh: in person, result at the desk, the fee for the officer to set.
    assert_eq!(value(&b, "#d-channel").await?.as_deref(), Some("Direct"));
    assert_eq!(value(&b, "#d-result-via").await?.as_deref(), Some("Direct"));
    assert_eq!(value(&b, "#d-fee").await?.as_deref(), Some(""), "a paying procedure: not preset");
    // A free procedure presets "Không thu phí".
    b.select("#d-procedure", "TM-02").await?;
    assert_eq!(value(&b, "#d-fee").await?.as_deref(), Some("0"));
    let direct = enter(&b, "TM-02", "Nguyễn Văn Trực", None, None).await?;
    b.select("#d-channel", "Online").await?;
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
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}
