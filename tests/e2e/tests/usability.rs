//! Issue 25: the app on both tablet sizes in a browser whose own language is English (as many
//! tablets ship): every tap target at least 44 px, no Vietnamese text with an English half,
//! dates typed and shown as dd/mm/yyyy, and what an action makes appear lands in view.

use motcua_e2e::{gen, Browser, Server, R, TABLET_LANDSCAPE, TABLET_PORTRAIT};
use serde_json::Value;

/// On the page as it is: the visible controls under 44 px on their short side (a checkbox or
/// radio measured by its label, the target a finger hits) and the visible texts with " / "
/// followed by English words.
const CHECK: &str = r#"
const out = {small: [], english: []};
const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
for (const el of document.querySelectorAll('button, a[href], select, input[type=checkbox], input[type=radio], input[type=text], input[type=search], input[type=number], label.button')) {
  if (!shown(el) || el.closest('.visually-hidden')) continue;
  const target = (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') || el) : el;
  const r = target.getBoundingClientRect();
  if (Math.min(r.width, r.height) < 43.5) out.small.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(r.width)}x${Math.round(r.height)} «${(el.innerText || el.value || '').trim().slice(0, 30)}»`);
}
const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  const node = walk.currentNode, t = node.textContent;
  if (/ \/ [a-z]+ [a-z]+/.test(t) && node.parentElement && shown(node.parentElement)) out.english.push(t.trim().slice(0, 90));
}
return out;
"#;

/// Whether the element is wholly inside the viewport, below the staff screens' sticky bar.
async fn in_view(b: &Browser, css: &str) -> R<bool> {
    b.wait_css(css).await?;
    let v = b
        .js(&format!(
            "const r = document.querySelector({}).getBoundingClientRect(); \
             const bar = document.querySelector('header, nav'); \
             const top = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0; \
             return r.top >= top - 1 && r.top < innerHeight && r.left >= 0 && r.right <= innerWidth + 1;",
            serde_json::to_string(css)?
        ))
        .await?;
    Ok(v == Value::Bool(true))
}

async fn check(b: &Browser, screen: &str, misses: &mut Vec<String>) -> R {
    let found = b.js(CHECK).await?;
    for (what, list) in [("under 44 px", &found["small"]), ("half English", &found["english"])] {
        for item in list.as_array().cloned().unwrap_or_default() {
            misses.push(format!("{} {screen}: {what}: {}", b.name, item.as_str().unwrap_or_default()));
        }
    }
    Ok(())
}

#[tokio::test]
async fn every_screen_at_both_sizes_in_an_english_browser() -> R {
    let srv = Server::start();
    let mut misses = Vec::new();
    for (tag, size) in [("768", TABLET_PORTRAIT), ("1280", TABLET_LANDSCAPE)] {
        let b = Browser::with_lang(&format!("usability-{tag}"), size, "en-US").await?;
        assert_eq!(b.js("return navigator.language").await?, Value::from("en-US"));
        b.set_up_unit(&srv, None, &["Nguyễn Thị Lan"]).await?;
        // The officer on duty, as the first staff screen asks.
        b.goto(&srv.url("/staff")).await?;
        b.click(".duty-names button").await?;
        for screen in motcua_e2e::SCREENS {
            b.goto(&srv.url(screen)).await?;
            b.wait_css("main, .kiosk").await?;
            // The app speaks Vietnamese whatever the browser's language.
            assert_eq!(b.js("return document.documentElement.lang").await?, Value::from("vi"), "{screen}");
            check(&b, screen, &mut misses).await?;
            if screen == "/staff" {
                assert!(in_view(&b, "#enter-kiosk").await?, "{tag}: «Bật chế độ khảo sát» needs a scroll");
            }
            // The staff bar: one row, and the app's name whole (not «Mộ…»).
            let bar = b
                .js("const h = document.querySelector('.topbar'), n = h && h.querySelector('.brand'); \
                     return h ? [Math.round(h.getBoundingClientRect().height), n.scrollWidth - n.clientWidth, n.innerText] : null")
                .await?;
            if let Some(bar) = bar.as_array() {
                let (height, cut) = (bar[0].as_i64().unwrap_or(0), bar[1].as_i64().unwrap_or(0));
                assert!(
                    height <= 64 && cut <= 0,
                    "{tag} {screen}: the bar is {height} px, its name cut by {cut} px: {bar:?}"
                );
            }
            b.shot(&screen.trim_start_matches('/').replace('/', "-")).await?;
        }

        // A dossier's dates typed as dd/mm/yyyy and shown back so, in 24 h.
        b.goto(&srv.url("/dossiers")).await?;
        b.wait_css("#d-received").await?;
        let shown = b.js("return document.querySelector('#d-received').value").await?;
        let shown = shown.as_str().unwrap_or_default().to_string();
        assert!(
            shown.len() == 16 && &shown[2..3] == "/" && &shown[5..6] == "/" && &shown[13..14] == ":",
            "the entry form's received time as dd/mm/yyyy HH:MM: {shown}"
        );
        b.fill("#d-due", "31/02/2026 17:00").await?;
        assert_eq!(
            b.js("return document.querySelector('#d-due').getAttribute('aria-invalid')").await?,
            Value::from("true")
        );
        b.fill("#d-due", "").await?;

        // A refused dossier's message follows a language switch (issue 25: it was made once,
        // in the language of the moment).
        b.click("#d-submit").await?;
        let vi = b.text("#d-error").await?;
        b.click("#lang-switch").await?;
        b.wait_js("document.documentElement.lang === 'en'").await?;
        let en = b.text("#d-error").await?;
        assert!(vi.starts_with("Thiếu thông tin") && en.starts_with("Missing:"), "{vi} | {en}");
        b.click("#lang-switch").await?;
        b.wait_js("document.documentElement.lang === 'vi'").await?;

        // A dossier received: its receipt button shows where the officer looks; opened from
        // the list, its header (code, status, Đóng) lands below the sticky bar.
        b.fill("#d-applicant", "Trần Văn Bình").await?;
        b.click("#d-submit").await?;
        let code = b.text("#d-done-code").await?;
        assert!(in_view(&b, "#d-print-slip").await?, "{tag}: the receipt button is out of view");
        b.click(&format!("#worklist tr[data-code='{code}']")).await?;
        assert!(
            in_view(&b, "#detail-code").await?,
            "{tag}: the opened dossier's header is out of view"
        );
        assert!(in_view(&b, "#detail-close").await?, "{tag}: «Đóng» is out of view");
        b.shot("dossier-opened").await?;

        // A picked file's preview comes into view with the button that applies it.
        let path = gen::write_export(gen::generate(0.05, 25), &format!("usability-{tag}"))?;
        b.goto(&srv.url("/data")).await?;
        b.pick_files("#import-files", &[&path]).await?;
        b.wait_css("#import-apply").await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(in_view(&b, "#import-previews").await?, "{tag}: the import preview is out of view");
        check(&b, "/data with a preview", &mut misses).await?;
        b.shot("data-preview").await?;

        // An error shown follows a language switch, in one language at a time (issue 23).
        b.click("#import-cancel").await?;
        let bad = std::env::temp_dir().join(format!("motcua-usability-{tag}-{}.json", std::process::id()));
        std::fs::write(&bad, "xin chao")?;
        b.pick_files("#import-files", &[&bad]).await?;
        b.wait_css(".import-error").await?;
        let vi = b.text(".import-error").await?;
        b.click("#lang-switch").await?;
        b.wait_js("document.documentElement.lang === 'en'").await?;
        let en = b.text(".import-error").await?;
        assert!(
            vi.contains("không phải JSON hợp lệ (dòng 1, cột 1)") && !vi.contains("not valid"),
            "{vi}"
        );
        assert!(en.contains("not valid JSON (line 1, column 1)") && !en.contains("hợp lệ"), "{en}");
        b.click("#lang-switch").await?;
        b.wait_js("document.documentElement.lang === 'vi'").await?;
        std::fs::remove_file(&bad).ok();
        b.close().await?;
    }
    assert!(misses.is_empty(), "{misses:#?}");
    Ok(())
}
