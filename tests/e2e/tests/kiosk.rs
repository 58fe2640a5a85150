//! The kiosk as citizens and staff use it: tapping through both forms, the lock, the PIN,
//! resets, double taps and a full storage.

use motcua_e2e::{Browser, Server, PIN, R, TABLET_LANDSCAPE, TABLET_PORTRAIT};
use std::time::Duration;

/// From the desk screen: lock the tablet into the kiosk (the PIN is created on first use).
async fn lock_kiosk(b: &Browser, srv: &Server) -> R {
    b.lock_kiosk(srv).await?;
    assert_eq!(b.path().await?, "/kiosk");
    Ok(())
}

async fn unlock(b: &Browser) -> R {
    b.unlock(PIN).await?;
    b.wait_css("#today-count").await?;
    Ok(())
}

#[tokio::test]
async fn a_citizen_completes_the_full_form_and_it_survives_reload() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-full", TABLET_LANDSCAPE).await?;
    lock_kiosk(&b, &srv).await?;
    // The time promised is the shipped form's reading time (`Questionnaire::reading_minutes`).
    assert_eq!(b.text("#welcome-time").await?, "Khoảng 2 phút. Không cần ghi tên.");
    b.shot("1-welcome-1280x800").await?;
    // The shipped questionnaire: 20 items (group I asks about seats), one group a screen.
    let scores: Vec<u8> = (0..20).map(|i| (i % 5) as u8 + 1).collect();
    b.click("#start").await?;
    assert_eq!(b.walk(&scores, Some("1280x800")).await?, 8, "8 screens, the comment included");
    b.fill("#suggestion", "Cần thêm ghế ngồi chờ").await?;
    b.click("#submit").await?;
    b.wait_css("#thanks").await?;
    // The thank-you screen resets by itself.
    tokio::time::sleep(Duration::from_secs(7)).await;
    b.wait_css("#start").await?;
    b.c.refresh().await?;
    b.wait_css("#start").await?;
    let rs = b.stored_responses().await?;
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["a"], "12345123451234512345");
    assert_eq!(rs[0]["q"], 2, "questionnaire version recorded");
    assert_eq!(rs[0]["o"], 4);
    assert_eq!(rs[0]["v"], 1);
    assert_eq!(rs[0]["p"], "Điện lực");
    assert_eq!(rs[0]["s"], "Cần thêm ghế ngồi chờ");
    let chars = serde_json::to_string(&rs[0])?.chars().count();
    assert!(chars < 200, "a response is stored in {chars} characters");
    unlock(&b).await?;
    assert_eq!(b.text("#today-count").await?, "1");
    assert!(b.text("#suggestions").await?.contains("Cần thêm ghế ngồi chờ"));
    b.shot("6-staff-after-survey").await?;
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

/// Every line of a group screen and the "next" button are on screen, and every answer is a
/// target of at least 48 px.
async fn group_screen_fits(b: &Browser) -> R {
    let r = b
        .js("const h = innerHeight, w = innerWidth;
             const els = [...document.querySelectorAll('.qline .choice, #next, #back')];
             const off = els.filter(e => { const r = e.getBoundingClientRect(); return r.bottom > h || r.right > w || r.top < 0; }).length;
             const small = els.filter(e => { const r = e.getBoundingClientRect(); return Math.min(r.width, r.height) < 48; }).length;
             return [els.length, off, small];")
        .await?;
    assert!(r[0].as_u64().unwrap_or(0) >= 6, "{r}");
    assert_eq!((r[1].as_u64(), r[2].as_u64()), (Some(0), Some(0)), "off-screen, too small: {r}");
    Ok(())
}

#[tokio::test]
async fn the_grouped_survey_fits_both_tablets_in_eight_screens() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-grouped", TABLET_PORTRAIT).await?;
    lock_kiosk(&b, &srv).await?;
    for (size, tag) in [(TABLET_PORTRAIT, "768x1024"), (TABLET_LANDSCAPE, "1280x800")] {
        b.resize(size).await?;
        b.wait_css("#start").await?;
        b.click("#start").await?;
        // Group III has the most lines (5 items): each screen is checked as it comes.
        for screen in 1..=6 {
            b.wait_js(&format!("document.querySelector('#progress-text').innerText === '{screen} / 8'"))
                .await?;
            group_screen_fits(&b).await?;
            if screen == 3 {
                b.shot(&format!("grouped-3-{tag}")).await?;
            }
            b.click("#next").await?;
        }
        b.wait_js("document.querySelector('#question-text').innerText.includes('lĩnh vực')")
            .await?;
        b.click("#home").await?;
    }
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

#[tokio::test]
async fn portrait_tablet_screens_and_the_short_form() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-short", TABLET_PORTRAIT).await?;
    // The manager picks the short form, one question a screen, and publishes it as version 3
    // (1 and 2 are the shipped ones).
    b.goto(&srv.url("/settings/questionnaire")).await?;
    b.click("#form-short").await?;
    b.click("#layout-item").await?;
    b.click("#publish").await?;
    b.wait_css("#published").await?;
    assert_eq!(b.text("#active-version").await?, "3");
    b.shot("editor-768x1024").await?;
    lock_kiosk(&b, &srv).await?;
    b.shot("1-welcome-768x1024").await?;
    b.answer(&[5, 4, 3, 2, 1], "", Some("768x1024")).await?;
    let rs = b.stored_responses().await?;
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["a"], "54321");
    assert_eq!(rs[0]["q"], 3);
    b.close().await
}

#[tokio::test]
async fn the_lock_cannot_be_bypassed() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-lock", TABLET_LANDSCAPE).await?;
    lock_kiosk(&b, &srv).await?;
    assert_eq!(b.js("return document.querySelectorAll('a').length").await?, 0, "no links out");
    assert_eq!(b.js("return !!document.querySelector('.topbar')").await?, false);
    // Typing a URL.
    for path in ["/settings", "/data", "/staff", "/dossiers", "/settings/questionnaire", "/nowhere"] {
        eprintln!("typing {path}");
        b.goto(&srv.url(path)).await?;
        b.wait_css("#start").await?;
        assert_eq!(b.path().await?, "/kiosk", "{path} leads back to the kiosk");
        assert_eq!(
            b.js("return !!document.querySelector('#device-name, #today-count, .topbar')")
                .await?,
            false
        );
    }
    eprintln!("back and reload");
    // The back button and a reload.
    b.c.back().await?;
    b.wait_css("#start").await?;
    assert_eq!(b.path().await?, "/kiosk");
    b.c.refresh().await?;
    b.wait_css("#start").await?;
    eprintln!("wrong PINs");
    // Wrong PINs: after three, even the right one has to wait.
    b.click("#staff-exit").await?;
    for _ in 0..3 {
        b.type_pin("0000").await?;
        b.wait_js("document.querySelector('#pin-msg').innerText.length > 0").await?;
    }
    b.type_pin(PIN).await?;
    b.wait_js("/\\d/.test(document.querySelector('#pin-msg').innerText)").await?;
    b.shot("pin-delay").await?;
    assert_eq!(b.path().await?, "/kiosk");
    // The PIN is stored only as a salted hash.
    let stored = b.stored().await?;
    let pin = stored["motcua.pin"].as_str().unwrap_or_default();
    assert!(pin.contains("salt") && !pin.contains(PIN), "{pin}");
    b.close().await
}

#[tokio::test]
async fn idle_surveys_are_discarded_and_double_taps_save_once() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-idle", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/settings")).await?;
    b.fill("#idle-seconds", "5").await?;
    b.click("#save-settings").await?;
    b.wait_css("#settings-saved").await?;
    lock_kiosk(&b, &srv).await?;
    b.click("#start").await?;
    b.click(".qline .choice[data-value='5']").await?;
    b.wait_css(".choice.chosen").await?;
    tokio::time::sleep(Duration::from_secs(6)).await;
    b.wait_css("#start").await?;
    b.click("#start").await?;
    b.wait_js("document.querySelector('#progress-text').innerText.startsWith('1 /')")
        .await?;
    assert_eq!(
        b.js("return document.querySelectorAll('.choice.chosen').length").await?,
        0,
        "the last person's answer is gone"
    );
    // Back to the welcome screen, then a full walk with a double tap on submit.
    b.click("#back").await?;
    b.click("#start").await?;
    b.walk(&[3u8; 20], None).await?;
    b.fill("#suggestion", "<img src=x onerror=\"document.title='pwned'\"> cảm ơn")
        .await?;
    b.js("const s = document.querySelector('#submit'); s.click(); s.click(); s.click();")
        .await?;
    b.wait_css("#thanks").await?;
    assert_eq!(b.stored_responses().await?.len(), 1, "one response for three taps");
    unlock(&b).await?;
    let sug = b.text("#suggestions").await?;
    assert!(sug.contains("<img src=x"), "shown as text: {sug}");
    assert_ne!(b.js("return document.title").await?, "pwned");
    assert_eq!(b.js("return document.querySelectorAll('#suggestions img').length").await?, 0);
    b.close().await
}

#[tokio::test]
async fn full_storage_still_thanks_the_citizen_and_keeps_the_response() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-full-storage", TABLET_LANDSCAPE).await?;
    lock_kiosk(&b, &srv).await?;
    // Fill the origin's quota with filler keys that are not ours.
    b.js(
        "const big='x'.repeat(262144); let i=0; try { while(true) localStorage.setItem('filler'+(i++), big); } catch(e) {}
          const small='y'.repeat(512); let j=0; try { while(true) localStorage.setItem('fill'+(j++), small); } catch(e) {}",
    )
    .await?;
    b.answer(&[4; 20], "Bộ nhớ đầy", None).await?;
    assert_eq!(b.stored_responses().await?.len(), 0, "nothing could be written");
    assert!(b
        .js("return sessionStorage.getItem('motcua.pending.resp')")
        .await?
        .as_str()
        .unwrap_or_default()
        .contains("Bộ nhớ đầy"));
    // A reload does not lose it either.
    b.c.refresh().await?;
    b.wait_css("#start").await?;
    // Nor does closing the tab (sessionStorage goes with it): a new tab finds it waiting.
    let first = b.c.window().await?;
    let second = b.c.new_window(true).await?;
    b.c.close_window().await?;
    assert_ne!(first, second.handle);
    b.c.switch_to_window(second.handle).await?;
    // A tab opened later has a session of its own (WebDriver's new window copies the old
    // one, so it is emptied here, on a file of the same origin before the app runs).
    b.goto(&srv.url("/manifest.webmanifest")).await?;
    b.js("sessionStorage.clear()").await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#start").await?;
    unlock(&b).await?;
    let warn = b.text("#storage-full").await?;
    assert!(warn.contains("Bộ nhớ trình duyệt đã đầy") && warn.contains('1'), "{warn}");
    assert_eq!(b.text("#today-count").await?, "1", "the response counts already");
    b.shot("storage-full-warning").await?;
    // Staff free space (export, clean up) and retry: the response is written.
    b.js("Object.keys(localStorage).filter(k => k.startsWith('fill')).forEach(k => localStorage.removeItem(k))")
        .await?;
    b.click("#storage-full button").await?;
    b.wait_js("!document.querySelector('#storage-full')").await?;
    let rs = b.stored_responses().await?;
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["s"], "Bộ nhớ đầy");
    b.close().await
}

#[tokio::test]
async fn an_unlocked_tablet_left_alone_locks_itself() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-autolock", TABLET_LANDSCAPE).await?;
    b.set_up_unit(&srv, None, &["Nguyễn Thị Lan"]).await?;
    b.goto(&srv.url("/staff")).await?;
    b.click(".duty-names button").await?;
    lock_kiosk(&b, &srv).await?;
    unlock(&b).await?;
    // Each unlock asks who is on duty.
    b.click(".duty-names button").await?;
    b.click(".topbar a[href='/settings']").await?;
    b.fill("#staff-idle-seconds", "10").await?;
    b.click("#save-settings").await?;
    b.wait_css("#settings-saved").await?;
    // An officer starts a dossier and is called away before saving it.
    b.click(".topbar a[href='/dossiers']").await?;
    // A procedure with a checklist (thành phần hồ sơ).
    b.select("#d-procedure", "TM-02").await?;
    b.fill("#d-applicant", "Trần Văn Bình").await?;
    b.fill("#d-contact", "0912 345 678").await?;
    // The first document of the checklist was not handed in.
    b.click("#d-doc-0").await?;
    assert_eq!(b.js("return document.querySelector('#d-doc-0').checked").await?, false);
    // Staff walk away: after the idle time the kiosk is back, and it stays after a reload.
    tokio::time::sleep(std::time::Duration::from_secs(12)).await;
    b.wait_css("#start").await?;
    assert_eq!(b.path().await?, "/kiosk");
    b.c.refresh().await?;
    b.wait_css("#start").await?;
    assert_eq!(b.js("return !!document.querySelector('.topbar')").await?, false);
    // The unlock returns to the screen that was open (the register), not to the desk, with
    // the half-typed dossier as it was.
    b.unlock(PIN).await?;
    b.wait_css("#draft-restored").await?;
    assert_eq!(b.path().await?, "/dossiers");
    assert_eq!(b.js("return document.querySelector('#d-applicant').value").await?, "Trần Văn Bình");
    assert_eq!(b.js("return document.querySelector('#d-contact').value").await?, "0912 345 678");
    assert_eq!(
        b.js("return document.querySelector('#d-doc-0').checked").await?,
        false,
        "the checklist's ticks come back with the draft"
    );
    b.shot("draft-restored").await?;
    // Saved, the draft is gone: the next page load starts an empty form.
    b.click(".duty-names button").await?;
    b.click("#d-submit").await?;
    b.wait_css("#d-done-code").await?;
    b.c.refresh().await?;
    b.wait_css("#d-applicant").await?;
    assert_eq!(b.js("return document.querySelector('#d-applicant').value").await?, "");
    assert_eq!(b.js("return !!document.querySelector('#draft-restored')").await?, false);
    // The preview (staff trying the survey while unlocked) locks itself the same way.
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#start").await?;
    assert_eq!(b.js("return !!document.querySelector('.topbar')").await?, true, "the preview bar");
    tokio::time::sleep(std::time::Duration::from_secs(12)).await;
    b.wait_js("!document.querySelector('.topbar')").await?;
    b.c.refresh().await?;
    b.wait_css("#start").await?;
    assert_eq!(
        b.js("return !!document.querySelector('.topbar')").await?,
        false,
        "locked, also after a reload"
    );
    b.close().await
}

/// The wasm modules this page has fetched (their file names without the hash).
async fn modules(b: &Browser) -> R<Vec<String>> {
    let v = b
        .js("return performance.getEntriesByType('resource').map(e => e.name.split('/').pop()).filter(n => n.endsWith('_bg.wasm')).map(n => n.split('-')[0])")
        .await?;
    Ok(serde_json::from_value(v)?)
}

#[tokio::test]
async fn a_citizens_tablet_downloads_the_kiosk_alone() -> R {
    let srv = Server::start();
    let b = Browser::new("kiosk-module", TABLET_LANDSCAPE).await?;
    // Staff screens run the staff app.
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#today-count").await?;
    assert_eq!(modules(&b).await?, ["desk"]);
    // Staff trying the kiosk while unlocked see the way back to the desk above it.
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css(".topbar a[href='/staff']").await?;
    b.wait_css("#start").await?;
    assert_eq!(modules(&b).await?, ["kiosk"]);
    b.shot("unlocked-preview").await?;
    // Locking loads the kiosk, without the staff app, and so does a locked tablet's start page.
    lock_kiosk(&b, &srv).await?;
    assert_eq!(modules(&b).await?, ["kiosk"]);
    b.goto(&srv.url("/")).await?;
    b.wait_css("#start").await?;
    assert_eq!(modules(&b).await?, ["kiosk"]);
    // A staff path typed while locked comes back to the kiosk.
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#start").await?;
    assert_eq!(b.path().await?, "/kiosk");
    // A citizen's rating and a look-up work in the kiosk alone; unlocking loads the staff app,
    // which counts the rating.
    b.click("#quick [data-quick='5']").await?;
    b.wait_css("#quick-thanks").await?;
    assert_eq!(modules(&b).await?, ["kiosk"]);
    unlock(&b).await?;
    assert_eq!(modules(&b).await?, ["desk"]);
    assert_eq!(b.path().await?, "/staff");
    assert_eq!(b.text("#today-count").await?, "1");
    assert!(b.console_errors().await?.is_empty());
    b.close().await
}

/// Issue 22: each group of staff screens is a module of its own (`paths::Module`): a screen
/// downloads its module alone; the nav bar moves within a module without a page load and to
/// another module's screen with one, and the back button follows across them.
#[tokio::test]
async fn each_staff_screen_downloads_its_own_module() -> R {
    let srv = Server::start();
    let b = Browser::new("staff-modules", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#today-count").await?;
    assert_eq!(modules(&b).await?, ["desk"]);
    // Within the module: the router, no page load (the page keeps what a script left on it).
    b.js("window.samePage = 1; return 0").await?;
    b.click(".topbar a[href='/dossiers']").await?;
    b.wait_css("#worklist").await?;
    assert_eq!(
        b.js("return window.samePage === 1").await?,
        true,
        "the register is the desk's module"
    );
    // To another module's screen: a page load of that module alone.
    b.click(".topbar a[href='/dashboard']").await?;
    b.wait_css("#report-table").await?;
    assert_eq!(b.path().await?, "/dashboard");
    assert_eq!(modules(&b).await?, ["dashboard"]);
    b.click(".topbar a[href='/data']").await?;
    b.wait_css("#import").await?;
    assert_eq!(modules(&b).await?, ["admin"]);
    b.js("window.samePage = 2; return 0").await?;
    b.click(".topbar a[href='/settings']").await?;
    b.wait_css("#save-settings").await?;
    assert_eq!(
        b.js("return window.samePage === 2").await?,
        true,
        "settings are the data page's module"
    );
    // Back: within the module, then across two.
    b.c.back().await?;
    b.wait_css("#import").await?;
    b.c.back().await?;
    b.wait_css("#report-table").await?;
    assert_eq!(modules(&b).await?, ["dashboard"]);
    b.c.back().await?;
    b.wait_css("#worklist").await?;
    assert_eq!(b.path().await?, "/dossiers");
    assert_eq!(modules(&b).await?, ["desk"]);
    // A link to another module that the router would take (no `rel`): the module that shows
    // it is loaded all the same.
    b.js("history.pushState(null, '', '/settings'); dispatchEvent(new PopStateEvent('popstate')); return 0")
        .await?;
    b.wait_css("#save-settings").await?;
    assert_eq!(modules(&b).await?, ["admin"]);
    assert!(b.console_errors().await?.is_empty(), "{:?}", b.console_errors().await?);
    b.close().await
}

/// The kiosk module keeps the texts of `i18n::KIOSK` alone (issue 22): every key its source
/// files name must be in that list, or the citizen would see a blank button.
#[test]
fn the_kiosks_string_table_holds_every_key_its_screens_use() {
    let names: std::collections::BTreeSet<String> = motcua_domain::i18n::KIOSK.iter().map(|k| format!("{k:?}")).collect();
    let files = [
        "src/pages/kiosk.rs",
        "src/kiosk_app.rs",
        "src/scan.rs",
        "src/components/survey_screen.rs",
        "src/components/kiosk_lookup.rs",
        "src/components/pinpad.rs",
        "src/components/scanner.rs",
        "src/components/face.rs",
        "domain/src/survey/questionnaire.rs",
        "domain/src/survey/kiosk.rs",
        "domain/src/dossier/status.rs",
    ];
    let mut missing = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(motcua_e2e::root().join(f)).expect(f);
        for (i, _) in text.match_indices("K::") {
            let key: String = text[i + 3..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if !key.is_empty() && !names.contains(&key) {
                missing.push(format!("{f}: K::{key}"));
            }
        }
    }
    assert!(missing.is_empty(), "add to i18n::KIOSK: {missing:?}");
    assert!(names.len() >= 40, "the list is read: {names:?}");
}

/// Issue 22: the kiosk carries no packer. Its ratings go on this month's plain tail past the
/// 48 at which the staff app would pack; the staff app packs the long tail at its start, and
/// every rating is still there.
#[tokio::test]
async fn the_kiosk_appends_and_the_staff_app_packs_its_long_tail() -> R {
    use motcua_formats::codec;
    let srv = Server::start();
    let b = Browser::new("kiosk-tail", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#start").await?;
    // 60 ratings of this month, as a kiosk that never packs leaves them.
    let key = b.seed_ratings(60, 0, 7).await?;
    // One more, tapped: the kiosk adds it to the tail and packs nothing.
    b.c.refresh().await?;
    b.wait_css("#start").await?;
    b.click("#start").await?;
    b.walk(&[5; 20], None).await?;
    b.click("#submit").await?;
    b.wait_css("#thanks").await?;
    let tail = move |v: serde_json::Value| codec::tail_len(v.as_str().unwrap_or_default());
    let stored = b
        .js(&format!("return localStorage.getItem({})", serde_json::to_string(&key)?))
        .await?;
    assert_eq!(tail(stored), 61, "the kiosk appended to the tail");
    // The staff app packs it at its start.
    b.goto(&srv.url("/staff")).await?;
    b.wait_js(&format!(
        "!(localStorage.getItem({}) || '').includes('\"t\":')",
        serde_json::to_string(&key)?
    ))
    .await?;
    let stored = b
        .js(&format!("return localStorage.getItem({})", serde_json::to_string(&key)?))
        .await?;
    assert_eq!(tail(stored), 0, "packed");
    assert_eq!(b.stored_responses().await?.len(), 61, "every rating kept");
    b.close().await
}

/// Issue 22: the kiosk module decodes no dossier (the look-up module reads the register). A
/// `Dossier` reader carries its fields' names; the built kiosk has none of them, the look-up
/// module has (so the check can tell).
#[test]
fn the_kiosk_module_carries_no_register_reader() -> R {
    let wasm = |prefix: &str| -> R<Vec<u8>> {
        let file = motcua_e2e::built_file(prefix, "_bg.wasm")?;
        Ok(std::fs::read(motcua_e2e::root().join("dist").join(file))?)
    };
    let holds = |bytes: &[u8], text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    assert!(holds(&wasm("lookup-")?, "procedure_name"), "the look-up module reads dossiers");
    assert!(!holds(&wasm("kiosk-")?, "procedure_name"), "the kiosk module must not");
    Ok(())
}
