//! Every screen scores 100 in Lighthouse's accessibility audit (npm `lighthouse`, run against
//! headless Chromium as the brief asks), in Vietnamese, at the tablet's portrait size.

use motcua_e2e::{root, Server, R};
use serde_json::Value;
use std::process::Command;

/// The app's screens, each by its own URL (a fresh profile: no PIN, so staff screens open).
const SCREENS: [&str; 7] = [
    "/kiosk",
    "/staff",
    "/dossiers",
    "/dashboard",
    "/data",
    "/settings",
    "/settings/questionnaire",
];

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
