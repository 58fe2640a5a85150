//! Foundation: the release build loads cleanly, keeps data over reloads, starts offline from
//! its service worker, and tells staff when storage is full without losing the record.

use motcua_e2e::{Browser, Server, R, TABLET_LANDSCAPE, TABLET_PORTRAIT};

#[tokio::test]
async fn loads_in_vietnamese_without_console_errors() -> R {
    let srv = Server::start();
    let b = Browser::new("shell", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/")).await?;
    b.wait_css(".topbar nav").await?;
    assert_eq!(b.path().await?, "/staff", "a new device opens on the desk screen");
    let nav = b.text(".topbar nav").await?;
    for area in ["Quầy", "Hồ sơ", "Thống kê", "Dữ liệu", "Cài đặt"] {
        assert!(nav.contains(area), "nav has {area}: {nav}");
    }
    assert_eq!(b.js("return document.documentElement.lang").await?, "vi");
    b.shot("staff-1280x800").await?;
    for (path, css) in [
        ("/dossiers", ".page h1"),
        ("/dashboard", "#report-table"),
        ("/data", "#storage-used"),
        ("/settings", "#device-name"),
    ] {
        b.click(&format!(".topbar a[href='{path}']")).await?;
        b.wait_css(css).await?;
        b.shot(&format!("{}-1280x800", path.trim_start_matches('/'))).await?;
    }
    b.resize(TABLET_PORTRAIT).await?;
    b.click(".topbar a[href='/staff']").await?;
    b.wait_css("#today-count").await?;
    b.shot("staff-768x1024").await?;
    // The English switch, and back.
    b.click("#lang-switch").await?;
    b.wait_js("document.querySelector('.topbar nav').innerText.includes('Dossiers')")
        .await?;
    b.shot("staff-english-768x1024").await?;
    b.click("#lang-switch").await?;
    b.wait_js("document.querySelector('.topbar nav').innerText.includes('Hồ sơ')")
        .await?;
    let errors = b.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await
}

#[tokio::test]
async fn data_survives_a_reload_and_the_device_has_an_id() -> R {
    let srv = Server::start();
    let b = Browser::new("reload", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/settings")).await?;
    let id = b.wait_css("input[readonly]").await?.prop("value").await?.unwrap_or_default();
    assert_eq!(id.len(), 8, "device id given on first start: {id}");
    b.fill("#device-name", "Quầy 2 – tầng 1").await?;
    b.click("#save-settings").await?;
    b.wait_css("#settings-saved").await?;
    b.fill("#setup-agency-id", "000.00.15.h34").await?;
    b.click("#setup-save").await?;
    b.wait_css("#setup-missing").await?;
    b.c.refresh().await?;
    let name = b.wait_css("#device-name").await?.prop("value").await?;
    assert_eq!(name.as_deref(), Some("Quầy 2 – tầng 1"));
    assert_eq!(
        b.wait_css("#setup-agency-id").await?.prop("value").await?.as_deref(),
        Some("000.00.15.H34"),
        "kept, in capitals; the rest of the setup is still asked for"
    );
    assert!(!b.text("#setup-missing").await?.contains("Mã định danh"));
    assert_eq!(
        b.wait_css("input[readonly]").await?.prop("value").await?.unwrap_or_default(),
        id,
        "id is stable"
    );
    let stored = b.stored().await?;
    let settings = stored["motcua.settings"].as_str().unwrap_or_default();
    assert!(
        settings.starts_with("{\"v\":1,\"k\":\"settings\""),
        "versioned envelope: {settings}"
    );
    b.close().await
}

#[tokio::test]
async fn starts_offline_after_one_visit() -> R {
    let srv = Server::start();
    let b = Browser::new("offline", TABLET_LANDSCAPE).await?;
    // `/` on an unlocked tablet: the kiosk module hands over to the staff app's desk screen.
    b.goto(&srv.url("/")).await?;
    b.wait_js("location.pathname === '/staff' && document.querySelector('.topbar nav')")
        .await?;
    // Wait until the service worker controls the page (it precached the build on install).
    b.wait_controlled().await?;
    let caches: Vec<String> = serde_json::from_value(b.c.execute_async("caches.keys().then(arguments[0])", vec![]).await?)?;
    assert_eq!(caches.len(), 1, "one cache, named by the build: {caches:?}");
    assert!(caches[0].starts_with("motcua-") && !caches[0].contains("__BUILD__"));
    srv.stop();
    b.c.refresh().await?;
    b.wait_css(".topbar nav").await?;
    // A deep link typed while offline is served too.
    b.goto(&srv.url("/dashboard")).await?;
    b.wait_css("#report-table").await?;
    // The rest of the report is drawn a frame after its table.
    b.wait_css("#dash-suggestions").await?;
    b.shot("dashboard-offline").await?;
    // Each staff module's screens (issue 22: the settings and data pages are one of their own).
    b.goto(&srv.url("/settings")).await?;
    b.wait_css("#save-settings").await?;
    b.goto(&srv.url("/data")).await?;
    b.wait_css("#import").await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#worklist").await?;
    // And the kiosk module, as a locked tablet starts it every morning.
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#start").await?;
    assert!(b
        .console_errors()
        .await?
        .iter()
        .all(|e| !e.contains("wasm") && !e.contains("panicked")));
    b.close().await
}

#[tokio::test]
async fn corrupt_data_is_reported_and_the_app_still_starts() -> R {
    let srv = Server::start();
    let b = Browser::new("corrupt", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/staff")).await?;
    b.js("localStorage.setItem('motcua.resp.2025-03', 'not json at all')").await?;
    b.c.refresh().await?;
    let alert = b.text("#storage-problems").await?;
    assert!(alert.contains("motcua.resp.2025-03") && alert.contains("Dữ liệu hỏng"), "{alert}");
    // What is wrong follows a language switch (issue 23: it was a string made at start).
    b.click("#lang-switch").await?;
    b.wait_js("document.querySelector('#storage-problems').innerText.includes('Damaged data')")
        .await?;
    b.click("#lang-switch").await?;
    let stored = b.stored().await?;
    assert_eq!(
        stored["motcua.quarantine.resp.2025-03"], "not json at all",
        "kept aside, not dropped"
    );
    b.wait_css("#today-count").await?;
    b.shot("corrupt-data").await?;
    b.close().await
}

#[tokio::test]
async fn a_change_in_another_tab_shows_up_without_reload() -> R {
    let srv = Server::start();
    let b = Browser::new("two-tabs", TABLET_LANDSCAPE).await?;
    b.set_up_unit(&srv, None, &[]).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.wait_css("#worklist").await?;
    let first = b.c.window().await?;
    let second = b.c.new_window(true).await?;
    b.c.switch_to_window(second.handle).await?;
    b.goto(&srv.url("/dossiers")).await?;
    b.fill("#d-applicant", "Nhập ở thẻ thứ hai").await?;
    b.click("#d-submit").await?;
    b.wait_css("#d-done").await?;
    b.c.switch_to_window(first).await?;
    b.wait_js("document.querySelector('#worklist').innerText.includes('Nhập ở thẻ thứ hai')")
        .await?;
    // Both tabs wrote into the same month: a save in the first tab keeps the second's record.
    b.fill("#d-applicant", "Nhập ở thẻ thứ nhất").await?;
    b.click("#d-submit").await?;
    b.wait_css("#d-done").await?;
    let stored = serde_json::Value::Array(b.stored_dossiers().await?).to_string();
    assert!(stored.contains("Nhập ở thẻ thứ hai") && stored.contains("Nhập ở thẻ thứ nhất"));
    b.close().await
}

#[tokio::test]
async fn a_new_build_replaces_the_old_cache() -> R {
    let srv = Server::start();
    let b = Browser::new("new-build", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/")).await?;
    b.wait_controlled().await?;
    let old: Vec<String> = serde_json::from_value(b.c.execute_async("caches.keys().then(arguments[0])", vec![]).await?)?;
    // Deploy a "new build": the service worker's build id changes, as scripts/precache.sh does.
    let sw = srv.dist_file("sw.js")?;
    let old_id = old[0].trim_start_matches("motcua-").to_string();
    srv.replace("/sw.js", sw.replace(&old_id, "newbuild0001").into_bytes());
    b.js("navigator.serviceWorker.getRegistration().then(r => r.update())").await?;
    let start = std::time::Instant::now();
    loop {
        let keys: Vec<String> = serde_json::from_value(b.c.execute_async("caches.keys().then(arguments[0])", vec![]).await?)?;
        if keys == ["motcua-newbuild0001"] {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "old cache not replaced: {keys:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // And the app still starts offline from the new cache.
    srv.stop();
    b.c.refresh().await?;
    b.wait_css(".topbar nav").await?;
    b.close().await
}

#[tokio::test]
async fn a_stale_http_cache_never_becomes_the_offline_copy() -> R {
    let srv = Server::start();
    // A careless host: everything, index.html included, cached for a year.
    srv.long_cache();
    let b = Browser::new("stale-cache", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/")).await?;
    b.wait_controlled().await?;
    // A new deployment: a changed index.html and a new service worker.
    let index = srv.dist_file("index.html")?.replace("<title>", "<!-- build 2 --><title>");
    srv.replace("/", index.clone().into_bytes());
    srv.replace("/index.html", index.into_bytes());
    let old: Vec<String> = serde_json::from_value(b.c.execute_async("caches.keys().then(arguments[0])", vec![]).await?)?;
    let old_id = old[0].trim_start_matches("motcua-").to_string();
    srv.replace("/sw.js", srv.dist_file("sw.js")?.replace(&old_id, "newbuild0002").into_bytes());
    b.js("navigator.serviceWorker.getRegistration().then(r => r.update())").await?;
    let start = std::time::Instant::now();
    while serde_json::from_value::<Vec<String>>(b.c.execute_async("caches.keys().then(arguments[0])", vec![]).await?)?
        != ["motcua-newbuild0002"]
    {
        assert!(start.elapsed().as_secs() < 10, "the new build did not install");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The offline copy of the page is the new one, not the browser's cached old one.
    let fresh = b
        .c
        .execute_async(
            "caches.open('motcua-newbuild0002').then(c => c.match('./')).then(r => r.text()).then(t => arguments[0](t.includes('build 2')))",
            vec![],
        )
        .await?;
    assert_eq!(fresh, serde_json::Value::Bool(true));
    b.close().await
}

#[tokio::test]
async fn the_app_works_under_a_sub_path_offline_included() -> R {
    // The build made with `trunk build --public-url /motcua/` (scripts/test.sh), served under
    // /motcua/ only: a request that escapes the sub-path gets 404.
    let srv = Server::start_under("dist-sub", "/motcua/");
    let b = Browser::new("sub-path", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/motcua/")).await?;
    b.wait_css("#total-count").await?;
    assert_eq!(b.path().await?, "/motcua/staff");
    b.click(".topbar a[href='/motcua/dossiers']").await?;
    b.wait_css("#worklist").await?;
    assert_eq!(b.path().await?, "/motcua/dossiers");
    b.wait_controlled().await?;
    let scope =
        b.c.execute_async(
            "navigator.serviceWorker.getRegistration().then(r => arguments[0](r ? r.scope : 'none'))",
            vec![],
        )
        .await?;
    assert!(scope.as_str().unwrap_or_default().ends_with("/motcua/"), "{scope}");
    // The kiosk lock keeps every route on the sub-path's kiosk (no redirect out of it).
    b.lock_kiosk_at(&srv.url("/motcua/staff")).await?;
    assert_eq!(b.path().await?, "/motcua/kiosk");
    b.goto(&srv.url("/motcua/dashboard")).await?;
    b.wait_css("#start").await?;
    assert_eq!(b.path().await?, "/motcua/kiosk");
    // Offline: the sub-path's cache serves the app and its deep links.
    srv.stop();
    b.c.refresh().await?;
    b.wait_css("#start").await?;
    b.goto(&srv.url("/motcua/kiosk")).await?;
    b.wait_css("#start").await?;
    assert!(b.console_errors().await?.iter().all(|e| !e.contains("404")));
    b.shot("sub-path-offline").await?;
    b.close().await
}

/// A page whose module glue never arrives (a stalled request, seen as a blank first page in
/// e2e runs) loads itself again once the wasm is in, and starts (Trunk.toml's loader).
#[tokio::test]
async fn a_stalled_module_import_recovers_by_itself() -> R {
    let srv = Server::start();
    // The desk module's glue (no file of the build ends in `_bg.js`).
    let glue = motcua_e2e::built_file("desk-", ".js")?;
    srv.stall_once(&format!("/{glue}"));
    let b = Browser::new("shell-stall", TABLET_LANDSCAPE).await?;
    let t = std::time::Instant::now();
    b.c.goto(&srv.url("/staff")).await?;
    b.wait_css_for("#today-count", std::time::Duration::from_secs(40)).await?;
    let waited = t.elapsed().as_secs();
    assert!(waited >= 10, "started after the loader's 10 s wait and a reload: {waited} s");
    // Started: the once-a-session mark is cleared for a later stall.
    assert_eq!(
        b.js("return sessionStorage.getItem('motcua.loader-retried')").await?,
        serde_json::Value::Null
    );
    b.close().await
}
