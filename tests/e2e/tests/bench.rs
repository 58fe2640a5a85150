//! Benchmarks against Enketo's figures (run by `scripts/bench.sh`, not by the test command:
//! timings belong in BENCHMARKS.md, not in assertions). Each prints one `BENCH name value`
//! line; the script collects them.

use motcua_e2e::{Browser, Server, R, TABLET_LANDSCAPE};
use serde_json::Value;

const RUNS: usize = 7;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    v[v.len() / 2]
}

/// Milliseconds from navigation start until the kiosk's start button is in the page with its
/// handlers attached (the app marks `kiosk-ready` then).
const TIME_TO_START: &str = "const done = arguments[0];
  (function poll() { const m = performance.getEntriesByName('kiosk-ready'); if (m.length && document.querySelector('#start')) done(m[0].startTime); else setTimeout(poll, 5); })();";

#[tokio::test]
#[ignore = "benchmark: run by scripts/bench.sh"]
async fn bench_cold_and_warm_start() -> R {
    let srv = Server::start();
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for i in 0..RUNS {
        // A new profile each run: nothing cached, no service worker.
        let b = Browser::new(&format!("bench-{i}"), TABLET_LANDSCAPE).await?;
        b.c.goto(&srv.url("/kiosk")).await?;
        cold.push(b.c.execute_async(TIME_TO_START, vec![]).await?.as_f64().unwrap_or(f64::NAN));
        b.wait_js("navigator.serviceWorker.controller").await?;
        b.c.goto(&srv.url("/kiosk")).await?;
        warm.push(b.c.execute_async(TIME_TO_START, vec![]).await?.as_f64().unwrap_or(f64::NAN));
        b.close().await?;
    }
    println!("BENCH cold_start_ms {:.0}", median(cold));
    println!("BENCH warm_start_ms {:.0}", median(warm));
    Ok(())
}

/// Taps through the full SIPAS form in the page itself and times first tap → thank-you.
/// It reads `textContent` (no forced layout) and waits in microtasks first, so it measures the
/// app's work, not the test's polling.
const FILL: &str = "const done = arguments[0];
  const tick = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  const until = async (f) => { let n = 0; while (!f()) { n++; if (n < 100) await Promise.resolve(); else await tick(); } };
  (async () => {
    const t0 = performance.now();
    document.querySelector('#start').click();
    for (let i = 1; i <= 19; i++) {
      await until(() => (document.querySelector('#progress-text') || {}).textContent?.startsWith(i + ' /'));
      document.querySelector(\".choice[data-value='\" + (1 + i % 5) + \"']\").click();
    }
    await until(() => document.querySelector('#question-text')?.textContent.includes('Nhìn chung'));
    document.querySelector(\".choice[data-value='4']\").click();
    await until(() => document.querySelector('#question-text')?.textContent.includes('đi lại'));
    document.querySelector(\".choice[data-value='1']\").click();
    await until(() => document.querySelector('#question-text')?.textContent.includes('lĩnh vực'));
    document.querySelector('.choice[data-field]').click();
    await until(() => document.querySelector('#submit'));
    document.querySelector('#submit').click();
    await until(() => document.querySelector('#thanks'));
    done(performance.now() - t0);
  })();";

#[tokio::test]
#[ignore = "benchmark: run by scripts/bench.sh"]
async fn bench_fill_submit_and_stored_size() -> R {
    let srv = Server::start();
    let b = Browser::new("bench-fill", TABLET_LANDSCAPE).await?;
    b.lock_kiosk(&srv).await?;
    let mut times = Vec::new();
    let n = 20;
    for _ in 0..n {
        b.wait_css("#start").await?;
        times.push(b.c.execute_async(FILL, vec![]).await?.as_f64().unwrap_or(f64::NAN));
        // Back to the welcome screen for the next citizen (the app resets after a few seconds;
        // the bench does not wait for that).
        b.c.refresh().await?;
    }
    println!("BENCH fill_submit_ms {:.1}", median(times));
    // Characters stored per response: every response chunk, over the number of responses.
    let stored = b.stored().await?;
    let mut chars = 0usize;
    let mut count = 0usize;
    for (k, v) in stored.as_object().cloned().unwrap_or_default() {
        if k.starts_with("motcua.resp.") {
            let s = v.as_str().unwrap_or_default();
            chars += k.encode_utf16().count() + s.encode_utf16().count();
            let env: Value = serde_json::from_str(s)?;
            count += env["r"].as_array().map_or(0, |r| r.len());
        }
    }
    assert_eq!(count, n, "every response stored once");
    println!("BENCH stored_chars_per_response {:.0}", chars as f64 / count as f64);
    b.close().await
}
