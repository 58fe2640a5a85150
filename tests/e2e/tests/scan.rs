//! A rating tied to its dossier (issue 26): the kiosk reads the receipt's QR code with the
//! tablet's camera (Chromium's fake camera showing a receipt's code), the survey carries the
//! code, and the dashboard joins the rating to the dossier; a refused camera leaves the survey
//! usable.

use motcua_e2e::{Browser, Server, PIN, R, TABLET_LANDSCAPE, TABLET_PORTRAIT};
use std::time::{Duration, Instant};

/// Every item "very satisfied" (`Browser::walk`), see that the last screen carries `code`,
/// and send.
async fn rate_tied_to(b: &Browser, code: &str) -> R {
    b.walk(&[5; 20], None).await?;
    assert_eq!(b.wait_css("#dossier-code").await?.prop("value").await?.as_deref(), Some(code));
    b.click("#submit").await?;
    b.wait_css("#thanks").await?;
    Ok(())
}

#[tokio::test]
async fn the_receipts_qr_code_ties_the_rating_to_its_dossier() -> R {
    let srv = Server::start();
    let video = std::env::temp_dir().join(format!("motcua-camera-{}.y4m", std::process::id()));
    // The camera's file is opened when the camera starts: written once the code is known.
    std::fs::write(&video, motcua_e2e::gen::qr_y4m("NOTHING YET"))?;
    let b = Browser::with_camera("scan", TABLET_PORTRAIT, Some(&video)).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    let code = b.receive(&srv, "TM-02", "Công ty Quét Mã").await?;
    std::fs::write(&video, motcua_e2e::gen::qr_y4m(&code))?;
    b.lock_kiosk(&srv).await?;

    // The citizen holds the receipt up to the camera: the survey starts, tied to the dossier.
    b.click("#scan-open").await?;
    let shown = Instant::now();
    b.wait_css("#scan-video").await?;
    b.wait_css_for("#progress-text", Duration::from_secs(20)).await?;
    let took = shown.elapsed();
    println!("scan: QR in view to the first question in {} ms", took.as_millis());
    b.shot("1-first-question-after-scan").await?;
    rate_tied_to(&b, &code).await?;
    let rs = b.stored_responses().await?;
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["k"], code.as_str(), "the saved response carries the code");
    assert!(
        b.js("return document.querySelector('video') === null").await? == true,
        "the camera's picture is gone"
    );

    // The dashboard joins the rating to the dossier's procedure.
    b.wait_css_for("#start", Duration::from_secs(15)).await?;
    b.unlock(PIN).await?;
    b.wait_css("#today-count").await?;
    b.goto(&srv.url("/dashboard")).await?;
    b.wait_css_for("#rated-table", Duration::from_secs(20)).await?;
    let rows = b.text("#rated-table").await?;
    b.js("document.querySelector('#rated-card').scrollIntoView()").await?;
    b.shot("2-dashboard-rated").await?;
    assert!(rows.contains("Đăng ký thực hiện khuyến mại") && rows.contains("n = 1"), "{rows}");
    assert_eq!(b.text("#rated-unmatched").await?, "0");
    std::fs::remove_file(&video).ok();
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

#[tokio::test]
async fn a_refused_camera_leaves_the_survey_usable() -> R {
    let srv = Server::start();
    let b = Browser::with_camera("scan-refused", TABLET_PORTRAIT, None).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.click("#scan-open").await?;
    b.wait_css_for("#scan-error", Duration::from_secs(10)).await?;
    let said = b.text("#scan-error").await?;
    assert!(
        said.contains("không được phép") && said.contains("vẫn"),
        "it says the camera is refused and the survey works without it: {said}"
    );
    assert!(
        b.js("return document.querySelector('#scan-video').offsetHeight === 0").await? == true,
        "no black box"
    );
    b.shot("refused").await?;
    b.click("#scan-without").await?;
    b.wait_css("#progress-text").await?;
    b.close().await
}

/// Where the browser has a `BarcodeDetector` that reads QR codes (Android's Chrome; not
/// Chromium on Linux, so one is put in the page here), the scan asks it first: the camera shows
/// no code the Rust decoder could read, the detector reports one.
#[tokio::test]
async fn the_browsers_barcode_detector_is_the_fast_path() -> R {
    let srv = Server::start();
    let video = std::env::temp_dir().join(format!("motcua-camera-bd-{}.y4m", std::process::id()));
    std::fs::write(&video, motcua_e2e::gen::qr_y4m("NOT A DOSSIER CODE"))?;
    let b = Browser::with_camera("scan-detector", TABLET_LANDSCAPE, Some(&video)).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#scan-open").await?;
    b.js("window.detected = 0;
          window.BarcodeDetector = class {
            static getSupportedFormats() { return Promise.resolve(['qr_code']); }
            constructor(o) { this.formats = o.formats; }
            detect(source) { window.detected++; return Promise.resolve(window.detected > 2 ? [{ rawValue: 'sct-261206-0042', format: 'qr_code' }] : []); }
          };")
        .await?;
    b.click("#scan-open").await?;
    b.wait_css_for("#progress-text", Duration::from_secs(20)).await?;
    assert!(b.js("return window.detected").await?.as_u64() >= Some(3), "the detector was asked");
    b.walk(&[4; 20], None).await?;
    let code = b.wait_css("#dossier-code").await?.prop("value").await?;
    assert_eq!(
        code.as_deref(),
        Some("SCT-261206-0042"),
        "the detector's code, as the receipt prints it"
    );
    std::fs::remove_file(&video).ok();
    b.close().await
}

#[tokio::test]
async fn at_the_hand_back_the_kiosk_opens_on_the_dossiers_rating() -> R {
    let srv = Server::start();
    let b = Browser::new("scan-invite", TABLET_PORTRAIT).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    // A PIN exists (the kiosk can be unlocked again), then the desk receives and returns.
    b.lock_kiosk(&srv).await?;
    b.unlock(PIN).await?;
    b.wait_css("#today-count").await?;
    let code = b.receive(&srv, "TM-02", "Công ty Trả Kết Quả").await?;
    b.click(&format!("#worklist tr[data-code='{code}']")).await?;
    for status in ["InProgress", "Resolved", "Returned"] {
        let before = b.js("return document.querySelectorAll('#timeline li').length").await?;
        b.select("#step-status", status).await?;
        b.click("#step-apply").await?;
        b.wait_js(&format!(
            "document.querySelectorAll('#timeline li').length > {before} || document.querySelector('#detail-error') !== null"
        ))
        .await?;
    }
    b.shot("invite-returned").await?;
    assert!(
        b.js("return !document.querySelector('#detail-delete')").await? == true,
        "a returned dossier stands in the register: no delete"
    );
    // The result slip carries the code as a QR code and invites a rating.
    b.click("#detail-result-slip").await?;
    assert_eq!(b.wait_css("#result-code").await?.text().await?, code);
    assert!(b.js("return !!document.querySelector('#result-qr svg')").await? == true);
    assert!(b.text("#result-rate").await?.contains("quét mã"));
    b.shot("result-slip").await?;
    b.emulate_print(true).await?;
    b.shot("result-slip-print").await?;
    b.emulate_print(false).await?;
    b.c.back().await?;
    b.click(&format!("#worklist tr[data-code='{code}']")).await?;
    b.click("#invite-rating").await?;
    b.wait_css("#progress-text").await?;
    assert_eq!(b.path().await?, "/kiosk", "locked into the kiosk");
    rate_tied_to(&b, &code).await?;
    assert_eq!(b.stored_responses().await?[0]["k"], code.as_str());
    // The next citizen starts on the welcome screen, tied to nothing.
    b.wait_css_for("#start", Duration::from_secs(15)).await?;
    b.click("#start").await?;
    while b.js("return !document.querySelector('#dossier-code')").await? == true {
        b.click("#next, #skip").await?;
    }
    assert_eq!(b.wait_css("#dossier-code").await?.prop("value").await?.as_deref(), Some(""));
    b.close().await
}
