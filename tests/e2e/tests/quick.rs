//! The one-tap rating on the welcome screen, going on to the questionnaire as the same
//! response, and where citizens give up (the funnel on the desk screen).

use motcua_e2e::{Browser, Server, PIN, R, TABLET_LANDSCAPE, TABLET_PORTRAIT};
use std::time::{Duration, Instant};

/// Wait until the welcome screen is back by itself (no click).
async fn welcome_returns(b: &Browser, within: Duration) -> R {
    let start = Instant::now();
    while start.elapsed() < within {
        if b.js("return !!document.querySelector('#start') && !document.querySelector('#quick-thanks')")
            .await?
            == true
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err("the welcome screen did not come back".into())
}

#[tokio::test]
async fn one_tap_saves_once_and_going_on_amends_the_same_response() -> R {
    let srv = Server::start();
    let b = Browser::new("quick", TABLET_PORTRAIT).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#quick").await?;
    b.shot("1-welcome-768x1024").await?;
    // A double tap on "Hài lòng": one response, the rating only.
    b.js("const f = document.querySelector(\"[data-quick='4']\"); f.click(); f.click();")
        .await?;
    b.wait_css("#quick-thanks").await?;
    b.shot("2-quick-thanks-768x1024").await?;
    let rs = b.stored_responses().await?;
    assert_eq!(rs.len(), 1, "one tap, one response: {rs:?}");
    assert_eq!((rs[0]["o"].as_i64(), rs[0]["a"].as_str()), (Some(4), Some("")));
    welcome_returns(&b, Duration::from_secs(14)).await?;
    assert_eq!(b.stored_responses().await?.len(), 1);

    // Tap, go on, answer three items, send: still one response, with both parts.
    b.resize(TABLET_LANDSCAPE).await?;
    b.shot("3-welcome-1280x800").await?;
    b.click("[data-quick='2']").await?;
    // A low rating asks why: each reason tapped saves the same response again.
    b.wait_css("#reasons").await?;
    b.click("[data-reason='seats']").await?;
    b.click("[data-reason='wait']").await?;
    b.wait_css("[data-reason='wait'].chosen").await?;
    b.shot("3b-reasons-1280x800").await?;
    let rs = b.stored_responses().await?;
    let low = rs.iter().find(|r| r["o"] == 2).expect("the low rating");
    assert_eq!((rs.len(), low["r"].as_str()), (2, Some("wait,seats")), "{rs:?}");
    b.click("#continue").await?;
    for (row, v) in [("a1", 5), ("a2", 4), ("a3", 3)] {
        b.click(&format!(".qline[data-row='{row}'] .choice[data-value='{v}']")).await?;
    }
    while b.js("return !document.querySelector('#submit')").await? == true {
        b.click("#next, #skip").await?;
    }
    b.click("#submit").await?;
    b.wait_css("#thanks").await?;
    let rs = b.stored_responses().await?;
    assert_eq!(rs.len(), 2, "the second visit amended its own response: {rs:?}");
    let amended = rs.iter().find(|r| r["o"] == 2).expect("the rating kept");
    assert!(amended["a"].as_str().unwrap_or_default().starts_with("543"), "{amended}");
    assert_eq!(amended["r"], "wait,seats", "the reasons kept when the survey went on");
    assert!(amended["u"].as_i64() > amended["c"].as_i64(), "a later change of the same record");

    // Start the questionnaire and leave at question 5 with "back to start".
    welcome_returns(&b, Duration::from_secs(10)).await?;
    b.click("#start").await?;
    for _ in 0..4 {
        b.click("#next").await?;
    }
    b.wait_js("document.querySelector('#progress-text').innerText.startsWith('5 /')")
        .await?;
    b.click("#home").await?;
    b.wait_css("#quick").await?;
    assert_eq!(b.stored_responses().await?.len(), 2, "nothing saved for an abandoned survey");

    // Staff see where citizens give up.
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#funnel .funnel-version").await?;
    assert_eq!(b.text("#funnel .started").await?, "2");
    assert_eq!(b.text("#funnel .completed").await?, "1");
    assert_eq!(b.text("#funnel .rate").await?, "50%");
    assert_eq!(b.text("#funnel .worst").await?, "5 (1)");
    assert_eq!(b.text("#funnel .quick-n").await?, "2");
    // Both measures with their n: the one-tap ratings count in overall satisfaction only.
    let overall = b.text("#overall-measure").await?;
    assert!(overall.contains("n = 2"), "{overall}");
    b.js("document.querySelector('#funnel').scrollIntoView()").await?;
    b.shot("4-funnel-1280x800").await?;
    b.resize(TABLET_PORTRAIT).await?;
    b.shot("5-funnel-768x1024").await?;
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

/// A unit that chose to rate officers: the rating carries whoever was on duty when the tablet
/// was locked, and the dashboard shows satisfaction per officer (hidden under the threshold)
/// beside the reasons of the low ratings.
#[tokio::test]
async fn ratings_name_the_officer_on_duty_only_when_the_unit_chooses() -> R {
    let srv = Server::start();
    let b = Browser::new("quick-officer", TABLET_LANDSCAPE).await?;
    b.set_up_unit(&srv, None, &["Nguyễn Văn An", "Trần Thị Bình"]).await?;
    b.wait_css("#duty-picker").await?;
    b.click("#duty-1").await?;
    // Off by default: a rating names nobody.
    b.lock_kiosk(&srv).await?;
    b.click("[data-quick='5']").await?;
    b.wait_css("#quick-thanks").await?;
    assert!(
        b.js("return !document.querySelector('#reasons')").await? == true,
        "no reasons after a 5"
    );
    assert_eq!(b.stored_responses().await?[0].get("w"), None);
    // The manager turns it on (and the threshold down to 2 for this test).
    b.unlock(PIN).await?;
    b.wait_css("#duty-picker").await?;
    b.click("#duty-1").await?;
    b.goto(&srv.url("/settings")).await?;
    b.click("#rate-officers").await?;
    b.fill("#min-n", "2").await?;
    b.click("#save-settings").await?;
    b.wait_css("#settings-saved").await?;
    b.lock_kiosk(&srv).await?;
    for v in ["2", "4"] {
        b.wait_css_for("#start:not([disabled])", Duration::from_secs(15)).await?;
        welcome_returns(&b, Duration::from_secs(15)).await?;
        b.click(&format!("[data-quick='{v}']")).await?;
        b.wait_css("#quick-thanks").await?;
        if v == "2" {
            b.click("[data-reason='manner']").await?;
            b.wait_css("[data-reason='manner'].chosen").await?;
        }
    }
    let rs = b.stored_responses().await?;
    let named: Vec<_> = rs.iter().filter(|r| r["w"] == "Trần Thị Bình").collect();
    assert_eq!(named.len(), 2, "{rs:?}");
    welcome_returns(&b, Duration::from_secs(15)).await?;
    b.unlock(PIN).await?;
    b.wait_css("#duty-picker").await?;
    b.click("#duty-0").await?;
    b.goto(&srv.url("/dashboard")).await?;
    b.wait_css_for("#officer-table", Duration::from_secs(20)).await?;
    let officers = b.text("#officer-table").await?;
    assert!(
        officers.contains("Trần Thị Bình") && officers.contains("50%") && officers.contains("n = 2"),
        "{officers}"
    );
    let reasons = b.text("#reasons-card").await?;
    assert!(reasons.contains("Thái độ") && reasons.contains("1"), "{reasons}");
    b.js("document.querySelector('#reasons-card').scrollIntoView()").await?;
    b.shot("officer-and-reasons-1280x800").await?;
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}
