//! The kiosk fails closed, the PIN changes only with the current one, look-ups are rate
//! limited.

use motcua_e2e::{Browser, Server, PIN, R, TABLET_PORTRAIT};

#[tokio::test]
async fn the_lock_fails_closed_when_its_value_is_missing_or_unreadable() -> R {
    let srv = Server::start();
    let b = Browser::new("fail-closed", TABLET_PORTRAIT).await?;
    b.lock_kiosk(&srv).await?;
    for tamper in [
        "localStorage.removeItem('motcua.kiosk'); sessionStorage.clear();",
        "localStorage.setItem('motcua.kiosk', 'garbage'); sessionStorage.clear();",
        "localStorage.setItem('motcua.kiosk', '{\"v\":99,\"k\":\"kiosk\",\"d\":false}'); sessionStorage.clear();",
    ] {
        b.js(tamper).await?;
        b.goto(&srv.url("/settings")).await?;
        b.wait_css("#start").await?;
        assert_eq!(b.path().await?, "/kiosk", "after: {tamper}");
    }
    // A lock whose write failed still holds in this tab: unlock, lock again, then the stored
    // value says unlocked (as if the write had been refused).
    b.js("localStorage.removeItem('motcua.kiosk')").await?;
    b.unlock(PIN).await?;
    b.wait_css("#today-count").await?;
    b.click("#enter-kiosk").await?;
    b.wait_css("#start").await?;
    b.js("localStorage.setItem('motcua.kiosk', JSON.stringify({v:1,k:'kiosk',d:false}))")
        .await?;
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#start").await?;
    assert_eq!(b.path().await?, "/kiosk", "the session's lock holds");
    assert!(
        b.js("return document.querySelector('#storage-problems') === null").await? == true,
        "no problem list to citizens"
    );
    b.close().await
}

#[tokio::test]
async fn a_pin_that_cannot_be_read_keeps_the_tablet_locked_and_says_so() -> R {
    let srv = Server::start();
    let b = Browser::new("pin-unreadable", TABLET_PORTRAIT).await?;
    b.lock_kiosk(&srv).await?;
    // The PIN document damaged, and the lock value gone with it: it once opened unlocked.
    b.js("localStorage.setItem('motcua.pin', 'garbage'); localStorage.removeItem('motcua.kiosk'); sessionStorage.clear();")
        .await?;
    for _ in 0..2 {
        // The second start finds the PIN set aside (quarantined), not absent: still locked.
        b.goto(&srv.url("/staff")).await?;
        b.wait_css("#start").await?;
        assert_eq!(b.path().await?, "/kiosk");
    }
    b.unlock(PIN).await?;
    b.wait_js("document.querySelector('#pin-msg').innerText.includes('Không đọc được mã PIN')")
        .await?;
    b.shot("pin-unreadable").await?;
    assert_eq!(b.path().await?, "/kiosk", "no PIN opens it");
    // The documented recovery keeps every record.
    b.js("localStorage.removeItem('motcua.pin'); localStorage.removeItem('motcua.quarantine.pin'); localStorage.removeItem('motcua.kiosk'); sessionStorage.clear();")
        .await?;
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#today-count").await?;
    b.close().await
}

/// Issue 23: a PIN stored by the builds before PBKDF2 (an iterated SHA-256, here the hash of
/// 2468 as they wrote it) still opens the tablet, and that unlock stores it again as PBKDF2.
#[tokio::test]
async fn a_pin_of_the_earlier_builds_opens_and_is_stored_again_as_pbkdf2() -> R {
    let srv = Server::start();
    let b = Browser::new("pin-upgrade", TABLET_PORTRAIT).await?;
    b.lock_kiosk(&srv).await?;
    let legacy = r#"{"v":1,"k":"pin","d":{"salt":"0123456789abcdef0123456789abcdef","hash":"f713d6d2cea898b3d9227f8d41b752ebc9691eabc058ab847ab388266f8780f7"}}"#;
    b.js(&format!("localStorage.setItem('motcua.pin', {})", serde_json::to_string(legacy)?))
        .await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.unlock("1111").await?;
    b.wait_js("document.querySelector('#pin-msg').innerText.includes('không đúng')")
        .await?;
    b.type_pin(PIN).await?;
    b.wait_css("#today-count").await?;
    let stored = b.stored().await?;
    let pin = stored["motcua.pin"].as_str().unwrap_or_default();
    assert!(pin.contains("\"pbkdf2\":20000") && !pin.contains("f713d6d2"), "{pin}");
    b.close().await
}

#[tokio::test]
async fn a_pin_change_needs_the_current_pin_and_the_new_one_twice() -> R {
    let srv = Server::start();
    let b = Browser::new("pin-change", TABLET_PORTRAIT).await?;
    b.lock_kiosk(&srv).await?;
    b.unlock(PIN).await?;
    b.wait_css("#today-count").await?;
    b.goto(&srv.url("/settings")).await?;
    b.click("#change-pin").await?;
    b.type_pin("0000").await?; // wrong current PIN
    b.type_pin("1357").await?;
    b.type_pin("1357").await?;
    b.wait_js("document.querySelector('#pin-msg').innerText.includes('không đúng')")
        .await?;
    b.type_pin(PIN).await?;
    b.type_pin("1357").await?;
    b.type_pin("1357").await?;
    b.wait_js("document.querySelector('#pin-msg-settings').innerText.includes('Đã đổi')")
        .await?;
    b.lock_kiosk(&srv).await?;
    b.unlock(PIN).await?;
    b.wait_js("document.querySelector('#pin-msg').innerText.includes('không đúng')")
        .await?;
    b.type_pin("1357").await?;
    b.wait_css("#today-count").await?;
    b.close().await
}

#[tokio::test]
async fn look_ups_are_rate_limited_and_say_only_not_found() -> R {
    let srv = Server::start();
    let b = Browser::new("lookup-limit", TABLET_PORTRAIT).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.click("#lookup-open").await?;
    for i in 1..=5 {
        b.fill("#lookup-code", &format!("SCT-261122-{i:04}")).await?;
        b.click("#lookup-go").await?;
        b.wait_css("#lookup-none").await?;
        assert_eq!(b.text("#lookup-none").await?, "Không tìm thấy hồ sơ với mã này");
    }
    b.fill("#lookup-code", "SCT-261122-0006").await?;
    b.click("#lookup-go").await?;
    let wait = b.text("#lookup-wait").await?;
    assert!(wait.contains("đợi"), "{wait}");
    assert!(b.js("return document.querySelector('#lookup-none') === null").await? == true);
    b.shot("lookup-wait-768x1024").await?;
    // A reload does not reset the limit.
    b.goto(&srv.url("/kiosk")).await?;
    b.click("#lookup-open").await?;
    b.fill("#lookup-code", "SCT-261122-0007").await?;
    b.click("#lookup-go").await?;
    assert!(b.text("#lookup-wait").await?.contains("đợi"), "the limit survives a reload");
    b.close().await
}

#[tokio::test]
async fn another_tabs_write_is_merged_never_replacing_what_this_tab_holds() -> R {
    let srv = Server::start();
    let b = Browser::new("tabs-merge", TABLET_PORTRAIT).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#quick").await?;
    // Storage full: this tab's rating is held in memory (and the session), not written.
    b.js("let j = 0; for (const size of [4096, 256, 16, 1]) { const v = 'y'.repeat(size); try { while (true) localStorage.setItem('fill' + (j++), v); } catch (e) {} }")
        .await?;
    b.click("[data-quick='5']").await?;
    b.wait_css("#quick-thanks").await?;
    assert_eq!(b.stored_responses().await?.len(), 0, "nothing could be written");
    let first = b.c.window().await?;
    // Another tab frees space and saves its own rating into the same month's chunk.
    let second = b.c.new_window(true).await?;
    b.c.switch_to_window(second.handle).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.js("Object.keys(localStorage).filter(k => k.startsWith('fill')).forEach(k => localStorage.removeItem(k))")
        .await?;
    b.click("[data-quick='3']").await?;
    b.wait_css("#quick-thanks").await?;
    // (This tab also finds the first one's waiting rating in the durable copy and writes it:
    // nothing waits longer than it must.)
    let stored = b.stored_responses().await?;
    assert!(stored.iter().any(|r| r["o"] == 3), "{stored:?}");
    // The first tab's way to the desk (a page load into the staff app) shows both: the other
    // tab's record and its own, kept in the session meanwhile.
    b.c.switch_to_window(first).await?;
    b.click(".topbar a[href='/staff']").await?;
    b.wait_js("document.querySelector('#total-count')?.innerText === '2'").await?;
    b.close().await
}

#[tokio::test]
async fn the_content_security_policy_runs_only_the_apps_own_code() -> R {
    let srv = Server::start();
    let b = Browser::new("csp", TABLET_PORTRAIT).await?;
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#today-count").await?;
    let csp = b
        .js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
        .await?;
    let csp = csp.as_str().unwrap_or_default().to_string();
    let script_src = csp.split(';').find(|d| d.trim().starts_with("script-src")).unwrap_or_default();
    assert!(
        script_src.contains("'self' 'wasm-unsafe-eval' 'sha256-") && !script_src.contains("unsafe-inline"),
        "{csp}"
    );
    // An injected inline script does not run.
    let ran = b
        .js("const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.appendChild(s); return window.__injected === 1")
        .await?;
    assert_eq!(ran, false);
    // The app itself works under it: the kiosk's progress bar is drawn (CSSOM, not attributes).
    b.goto(&srv.url("/kiosk")).await?;
    b.click("#start").await?;
    b.wait_js("getComputedStyle(document.querySelector('.progress .bar')).width !== '0px'")
        .await?;
    let errors: Vec<String> = b
        .console_errors()
        .await?
        .into_iter()
        .filter(|e| !e.contains("__injected"))
        .collect();
    assert!(
        errors
            .iter()
            .all(|e| !e.contains("Content Security Policy") || e.contains("inline script")),
        "{errors:?}"
    );
    // The charts draw under it too.
    b.goto(&srv.url("/dashboard")).await?;
    b.wait_css("#report-table").await?;
    let errors = b.console_errors().await?;
    assert!(errors.iter().all(|e| !e.contains("Content Security Policy")), "{errors:?}");
    b.close().await
}
