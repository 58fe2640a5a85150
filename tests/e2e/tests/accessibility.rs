//! Every screen scores 100 in Lighthouse's accessibility audit (npm `lighthouse`, run against
//! headless Chromium as the brief asks), in Vietnamese, at the tablet's portrait size.

use motcua_e2e::{root, Browser, Server, R, SCREENS, TABLET_PORTRAIT};
use serde_json::Value;
use std::process::Command;

/// Lighthouse's accessibility score of `url` and the audits that failed, with the elements.
fn audit(url: &str, out: &std::path::Path) -> R<(f64, Vec<String>)> {
    let status = Command::new(root().join("node_modules/.bin/lighthouse"))
        .arg(url)
        .args(["--only-categories=accessibility", "--output=json", "--quiet", "--locale=vi"])
        .arg(format!("--output-path={}", out.display()))
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --lang=vi --window-size=768,1024")
        .arg("--screenEmulation.disabled")
        .env(
            "CHROME_PATH",
            std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
        )
        .status()?;
    if !status.success() {
        return Err(format!("lighthouse failed on {url}: {status}").into());
    }
    let report: Value = serde_json::from_str(&std::fs::read_to_string(out)?)?;
    let score = report["categories"]["accessibility"]["score"].as_f64().unwrap_or(0.0);
    let failed = report["audits"]
        .as_object()
        .map(|audits| {
            audits
                .iter()
                .filter(|(_, a)| a["scoreDisplayMode"] == "binary" && a["score"].as_f64().is_some_and(|s| s < 1.0))
                .map(|(id, a)| {
                    let nodes: Vec<&str> = a["details"]["items"]
                        .as_array()
                        .map(|items| items.iter().filter_map(|i| i["node"]["snippet"].as_str()).take(3).collect())
                        .unwrap_or_default();
                    format!("{id}: {}", nodes.join(" | "))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok((score, failed))
}

#[test]
fn every_screen_scores_100_in_lighthouse_accessibility() -> R {
    let srv = Server::start();
    let dir = std::env::temp_dir().join(format!("motcua-lighthouse-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut misses = Vec::new();
    for screen in SCREENS {
        let out = dir.join(format!("{}.json", screen.trim_start_matches('/').replace('/', "_")));
        let (score, failed) = audit(&srv.url(screen), &out)?;
        println!("{screen}: {score}");
        if score < 1.0 {
            misses.push(format!("{screen} scores {score}: {}", failed.join("; ")));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(misses.is_empty(), "{misses:#?}");
    Ok(())
}

/// axe-core (the engine inside Lighthouse's audit, from its npm tree) on the current page,
/// with the WCAG 2 A and AA rules: the violations, each with the elements it names.
async fn axe(b: &Browser) -> R<Vec<String>> {
    let source = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js"))?;
    // WebDriver's scripts are not the page's: the CSP does not apply to them.
    b.c.execute(&source, vec![]).await?;
    let found =
        b.c.execute_async(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
               .then(r => arguments[0](r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.html.slice(0, 80)).join(' | '))))",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

/// The kiosk's screens that only a tap reaches (Lighthouse audits a URL's first screen):
/// each question, the last questions, the thank-you screen and the staff PIN pad.
#[tokio::test]
async fn the_kiosks_inner_screens_pass_the_same_rules() -> R {
    let srv = Server::start();
    let b = Browser::new("a11y-kiosk", TABLET_PORTRAIT).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#start").await?;
    let mut misses = Vec::new();
    let mut check = |screen: &str, v: Vec<String>| {
        if !v.is_empty() {
            misses.push(format!("{screen}: {v:?}"));
        }
    };
    b.click("#start").await?;
    b.wait_css(".qline .choice").await?;
    check("group", axe(&b).await?);
    for i in 1..=5 {
        b.wait_js(&format!("document.querySelector('#progress-text').innerText.startsWith('{i} /')"))
            .await?;
        b.click(".qline .choice[data-value='4']").await?;
        b.click("#next").await?;
    }
    b.wait_css(".qline[data-row='overall']").await?;
    b.click(".qline[data-row='overall'] .choice[data-value='4']").await?;
    b.click(".qline[data-row='visits'] .choice[data-value='1']").await?;
    check("overall and visits", axe(&b).await?);
    b.click("#next").await?;
    b.wait_js("document.querySelector('#question-text').innerText.includes('lĩnh vực')")
        .await?;
    check("field", axe(&b).await?);
    b.click(".choice[data-field]").await?;
    b.wait_css("#submit").await?;
    check("suggestion", axe(&b).await?);
    b.click("#submit").await?;
    b.wait_css("#thanks").await?;
    check("thanks", axe(&b).await?);
    b.goto(&srv.url("/kiosk")).await?;
    b.click("[data-quick='2']").await?;
    b.wait_css("#reasons").await?;
    check("reasons after a low rating", axe(&b).await?);
    b.goto(&srv.url("/kiosk")).await?;
    b.click("#staff-exit").await?;
    b.wait_css(".pinpad").await?;
    check("pin pad", axe(&b).await?);
    assert!(misses.is_empty(), "{misses:#?}");
    b.close().await
}
