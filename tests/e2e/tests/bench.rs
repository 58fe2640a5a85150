//! Benchmarks against Enketo's figures (run by `scripts/bench.sh`, not by the test command:
//! timings belong in BENCHMARKS.md, not in assertions). Each prints one `BENCH name value`
//! line; the script collects them.

use motcua_e2e::{Browser, Server, PIN, R, TABLET_LANDSCAPE};
use serde_json::Value;
use std::time::Duration;

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

/// Taps through the shipped form (one group a screen) in the page itself and times first tap → thank-you.
/// It reads `textContent` (no forced layout) and waits in microtasks first, so it measures the
/// app's work, not the test's polling.
const FILL: &str = "const done = arguments[0];
  const tick = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  const until = async (f) => { let n = 0; while (!f()) { n++; if (n < 100) await Promise.resolve(); else await tick(); } };
  (async () => {
    const t0 = performance.now();
    document.querySelector('#start').click();
    for (let i = 1; i <= 6; i++) {
      await until(() => (document.querySelector('#progress-text') || {}).textContent?.startsWith(i + ' /'));
      document.querySelectorAll('.qline').forEach((line, j) => {
        const v = line.dataset.row === 'visits' ? 1 : 1 + (i + j) % 5;
        line.querySelector(\".choice[data-value='\" + v + \"']\").click();
      });
      document.querySelector('#next').click();
    }
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
            // Schema 2: packed records, and the tail of recent saves.
            count += env["n"].as_u64().unwrap_or(0) as usize + env["t"].as_array().map_or(0, |t| t.len());
        }
    }
    assert_eq!(count, n, "every response stored once");
    println!("BENCH stored_chars_per_response {:.0}", chars as f64 / count as f64);
    b.close().await
}

/// Milliseconds from navigation start until `css` is in the page (polled in the page).
fn time_to(css: &str) -> String {
    format!(
        "const done = arguments[0]; (function poll() {{ if (document.querySelector({css:?})) done(performance.now()); else setTimeout(poll, 2); }})();"
    )
}

/// Milliseconds from an in-page action until `css` matches (waits in microtasks, then ticks).
fn time_action(action: &str, css: &str) -> String {
    time_until(action, &format!("document.querySelector({css:?})"))
}

/// Milliseconds from an in-page action until the JS expression `ready` is true.
fn time_until(action: &str, ready: &str) -> String {
    format!(
        "const done = arguments[0];
         const tick = () => new Promise(r => {{ const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); }});
         (async () => {{ const t0 = performance.now(); {action}; let n = 0;
           while (!({ready})) {{ n++; if (n < 100) await Promise.resolve(); else await tick(); }}
           done(performance.now() - t0); }})();"
    )
}

/// A tap on `css` that leads to a page load, in one script with its time (kept in the tab's
/// session), so no WebDriver round trip falls between them.
fn tap(css: &str) -> String {
    format!(
        "sessionStorage.setItem('__t0', String(performance.timeOrigin + performance.now())); document.querySelector(\"{css}\").click();"
    )
}

/// Milliseconds from the last `tap` to the new page's performance mark `mark`.
fn since_tap(mark: &str) -> String {
    format!("return performance.timeOrigin + performance.getEntriesByName('{mark}')[0].startTime - Number(sessionStorage.getItem('__t0'))")
}

/// Milliseconds of an in-page script run by `execute_async` (NaN if it gave no number).
async fn ms(b: &Browser, script: &str) -> R<f64> {
    Ok(b.c.execute_async(script, vec![]).await?.as_f64().unwrap_or(f64::NAN))
}

/// Start-up of each screen with the stored set, `runs` times: kiosk (start button), desk
/// (first figure), worklist (first row), dashboard (report table). Prints `BENCH {tag}start_…`
/// (the 100 000-record run keeps its older names: `start_…_full_ms`).
async fn screens(b: &Browser, srv: &Server, runs: usize, tag: &str) -> R {
    let (mut kiosk, mut desk, mut work, mut dash, mut whole) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        b.c.goto(&srv.url("/kiosk")).await?;
        kiosk.push(ms(b, TIME_TO_START).await?);
        b.c.goto(&srv.url("/staff")).await?;
        desk.push(ms(b, &time_to("#total-count")).await?);
        b.c.goto(&srv.url("/dossiers")).await?;
        work.push(ms(b, &time_to("#worklist tbody tr.row")).await?);
        b.c.goto(&srv.url("/dashboard")).await?;
        dash.push(ms(b, &time_to("#report-table")).await?);
        // The rest of the report (paragraph, charts, breakdowns) is drawn a frame after the
        // table: until its last card.
        whole.push(ms(b, &time_to("#dash-suggestions")).await?);
    }
    // Where the last dashboard start went: the app's marks (`platform::mark`), ms from navigation.
    let marks = b
        .js("return performance.getEntriesByType('mark').map(m => m.name + ' ' + Math.round(m.startTime)).join(', ')")
        .await?;
    println!("BENCH {tag}dashboard_marks {}", marks.as_str().unwrap_or_default());
    let suffix = if tag.is_empty() { "_full" } else { "" };
    for (name, v) in [
        ("kiosk", kiosk),
        ("desk", desk),
        ("worklist", work),
        ("dashboard", dash),
        ("dashboard_whole", whole),
    ] {
        println!("BENCH {tag}start_{name}{suffix}_ms {:.0}", median(v));
    }
    Ok(())
}

/// The dashboard opened from the nav bar, a period change (one change of the year: 2024 after
/// this year; ready when the table shows 2024's figures), medians of `runs`, and a worklist
/// search keystroke.
async fn edits(b: &Browser, srv: &Server, runs: usize, tag: &str) -> R {
    let change = time_until(
        "const y = document.querySelector('#period-year'); y.value = '2024'; y.dispatchEvent(new Event('change', {bubbles: true}))",
        "document.querySelector('#period-label').textContent.startsWith('01/01/2024') && document.querySelector('#rt-received').textContent !== '0'",
    );
    // Moving between screens once the app is up (the app started on the desk): to the register,
    // in the desk's module (the router, the records in memory), and to the dashboard, another
    // module (issue 22): a page load, timed from the tap to the new page's mark of its last
    // card, and back to the desk the same way.
    let register = time_action(
        "document.querySelector('nav a[href$=\"/dossiers\"]').click()",
        "#worklist tbody tr.row",
    );
    let desk = time_action("document.querySelector('nav a[href$=\"/staff\"]').click()", "#total-count");
    b.c.goto(&srv.url("/staff")).await?;
    b.wait_css_for("#total-count", Duration::from_secs(60)).await?;
    b.wait_js("performance.getEntriesByName('history-read').length > 0").await?;
    let (mut in_module, mut opened, mut back) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        in_module.push(ms(b, &register).await?);
        ms(b, &desk).await?;
        b.js(&tap("nav a[href$='/dashboard']")).await?;
        b.wait_css_for("#dash-suggestions", Duration::from_secs(60)).await?;
        b.wait_js("performance.getEntriesByName('dashboard-drawn').length > 0").await?;
        opened.push(b.js(&since_tap("dashboard-drawn")).await?.as_f64().unwrap_or(f64::NAN));
        b.js(&tap("nav a[href$='/staff']")).await?;
        b.wait_css_for("#total-count", Duration::from_secs(60)).await?;
        b.wait_js("performance.getEntriesByName('desk-ready').length > 0").await?;
        back.push(b.js(&since_tap("desk-ready")).await?.as_f64().unwrap_or(f64::NAN));
        b.wait_js("performance.getEntriesByName('history-read').length > 0").await?;
    }
    println!("BENCH {tag}register_open_in_app_ms {:.0}", median(in_module));
    println!("BENCH {tag}dashboard_open_in_app_ms {:.0}", median(opened));
    println!("BENCH {tag}desk_from_dashboard_ms {:.0}", median(back));
    let mut period = Vec::new();
    for _ in 0..runs {
        b.c.goto(&srv.url("/dashboard")).await?;
        b.wait_css_for("#report-table", Duration::from_secs(60)).await?;
        // The dashboard opens before older years are read; 2024 needs them.
        b.wait_js("performance.getEntriesByName('history-read').length > 0").await?;
        b.select("#period-kind", "year").await?;
        b.select("#period-basis", "calendar").await?;
        b.wait_js("document.querySelector('#period-label').textContent.includes('31/12/')")
            .await?;
        period.push(ms(b, &change).await?);
    }
    println!("BENCH {tag}dashboard_period_change_ms {:.0}", median(period));
    // A filter change on the year 2024: online dossiers only (ready when the total changed).
    let filter = time_until(
        "const before = document.querySelector('#rt-received').textContent;
         const c = document.querySelector('#rf-channel'); c.value = c.value ? '' : 'Online'; c.dispatchEvent(new Event('change', {bubbles: true}))",
        "document.querySelector('#rt-received').textContent !== before",
    );
    let mut filtered = Vec::new();
    for _ in 0..runs {
        filtered.push(ms(b, &filter).await?);
    }
    println!("BENCH {tag}dashboard_filter_change_ms {:.0}", median(filtered));
    b.c.goto(&srv.url("/dossiers")).await?;
    b.wait_css_for("#worklist tbody tr.row", Duration::from_secs(60)).await?;
    // The list shows once the open dossiers are read; a search covers everything once the
    // older months are read too.
    b.wait_js("!document.querySelector('#reading-older')").await?;
    // A person taps the search box, then types.
    b.js("document.querySelector('#f-search').focus()").await?;
    let search = time_action(
        "const s = document.querySelector('#f-search'); s.value = 'SCT-240105-0003'; s.dispatchEvent(new Event('input', {bubbles: true}))",
        "#worklist tbody tr.row[data-code='SCT-240105-0003']:only-child",
    );
    println!("BENCH {tag}worklist_search_ms {:.0}", ms(b, &search).await?);
    // An officer receives a dossier: from the tap on "Tiếp nhận" until the register shows it
    // (its code confirmed and the in-time counter up by one). The unit is set up first.
    b.set_up_unit(srv, None, &[]).await?;
    b.c.goto(&srv.url("/dossiers")).await?;
    b.wait_css_for("#worklist tbody tr.row", Duration::from_secs(60)).await?;
    b.wait_js("performance.getEntriesByName('history-read').length > 0").await?;
    b.fill("#d-applicant", "Công ty TNHH Đo Thời Gian").await?;
    b.fill("#d-contact", "0905 000 000").await?;
    let save = time_until(
        "const before = document.querySelector('#n-in-time').textContent; document.querySelector('#d-submit').click()",
        "document.querySelector('#d-done-code') && document.querySelector('#n-in-time').textContent !== before",
    );
    println!("BENCH {tag}worklist_save_ms {:.0}", ms(b, &save).await?);
    Ok(())
}

/// UTF-16 units of the stored chunks of a kind, and how many records they hold.
fn units(stored: &Value, prefix: &str) -> (usize, usize) {
    let mut total = (0, 0);
    for (k, v) in stored.as_object().cloned().unwrap_or_default() {
        if k.starts_with(prefix) {
            let s = v.as_str().unwrap_or_default();
            total.0 += k.encode_utf16().count() + s.encode_utf16().count();
            let env: Value = serde_json::from_str(s).unwrap_or_default();
            // Schema 2 says how many records it packs; schema 1 lists them.
            total.1 += env["n"].as_u64().unwrap_or(0) as usize + env["t"].as_array().map_or(0, |t| t.len());
        }
    }
    total
}

/// The stored form of a decade of the seed department (no browser: the same codec the app
/// runs): units per record of each kind, what fits in the quota, and the codec's time per
/// month chunk natively (the browser's figures come from `bench_capacity_and_speed`).
#[test]
#[ignore = "benchmark: run by scripts/bench.sh"]
fn bench_stored_form_decade() {
    use motcua_formats::codec::{self, Kind};
    let years: f64 = std::env::var("BENCH_YEARS").ok().and_then(|y| y.parse().ok()).unwrap_or(10.0);
    let data = motcua_e2e::gen::generate(years, 11);
    fn by_month<T: motcua_domain::record::Record + Clone>(rs: &[T]) -> std::collections::BTreeMap<String, Vec<T>> {
        let mut m: std::collections::BTreeMap<String, Vec<T>> = Default::default();
        for r in rs {
            m.entry(codec::period_of(r.meta().created_at)).or_default().push(r.clone());
        }
        m
    }
    let line = |name: &str, chunks: Vec<(String, usize)>, n: usize| {
        let units: usize = chunks.iter().map(|(k, len)| k.encode_utf16().count() + len).sum();
        println!("BENCH decade_units_per_{name} {:.1}", units as f64 / n.max(1) as f64);
        units
    };
    let t = std::time::Instant::now();
    let resp: Vec<(String, usize)> = by_month(&data.responses)
        .into_iter()
        .map(|(m, rs)| {
            (
                codec::chunk_key(Kind::Response, &m),
                codec::encode_chunk(Kind::Response, &rs).encode_utf16().count(),
            )
        })
        .collect();
    let dos_chunks: Vec<(String, String)> = by_month(&data.dossiers)
        .into_iter()
        .map(|(m, ds)| (codec::chunk_key(Kind::Dossier, &m), codec::encode_chunk(Kind::Dossier, &ds)))
        .collect();
    let months = resp.len() + dos_chunks.len();
    println!(
        "BENCH decade_encode_ms_per_chunk {:.1}",
        t.elapsed().as_secs_f64() * 1000.0 / months as f64
    );
    let t = std::time::Instant::now();
    for (_, raw) in &dos_chunks {
        let back: Vec<motcua_domain::dossier::Dossier> = codec::decode_chunk(Kind::Dossier, raw).unwrap().0;
        assert!(!back.is_empty());
    }
    println!(
        "BENCH decade_decode_ms_per_dossier_chunk {:.1}",
        t.elapsed().as_secs_f64() * 1000.0 / dos_chunks.len() as f64
    );
    let ru = line("response", resp, data.responses.len());
    let dos: Vec<(String, usize)> = dos_chunks.iter().map(|(k, v)| (k.clone(), v.encode_utf16().count())).collect();
    let du = line("dossier", dos, data.dossiers.len());
    let n = data.responses.len() + data.dossiers.len();
    let avg = (ru + du) as f64 / n as f64;
    println!("BENCH decade_records {n}");
    println!("BENCH decade_units_per_record {avg:.1}");
    println!("BENCH decade_units_total {}", ru + du);
    println!("BENCH decade_records_that_fit {:.0}", 5_242_880.0 / avg);
}

/// Import the export file at `path` on the open data page; returns the milliseconds from the
/// file's pick (its change event) until the preview's apply button, then from the tap on it
/// until the done message. Timed in the page: a WebDriver poll would add its own interval.
async fn time_import(b: &Browser, path: &std::path::Path) -> R<(f64, f64)> {
    let input = b.wait_css_for("#import-files", Duration::from_secs(60)).await?;
    b.js("window.__picked = null; document.querySelector('#import-files').addEventListener('change', () => { window.__picked = performance.now(); }, {capture: true})")
        .await?;
    input.send_keys(&path.display().to_string()).await?;
    let previewed = "const done = arguments[0]; (function poll() { if (window.__picked !== null && document.querySelector('#import-apply')) done(performance.now() - window.__picked); else setTimeout(poll, 2); })();";
    let read_ms = ms(b, previewed).await?;
    let write_ms = ms(b, &time_action("document.querySelector('#import-apply').click()", "#import-done")).await?;
    Ok((read_ms, write_ms))
}

/// A quarter of the seed department's year (what today's stored form holds with room to
/// spare): import and export, units per record, start-up of each screen, a dashboard period
/// change and a worklist search over that set.
#[tokio::test]
#[ignore = "benchmark: run by scripts/bench.sh"]
async fn bench_capacity_and_speed() -> R {
    let years: f64 = std::env::var("BENCH_YEARS").ok().and_then(|y| y.parse().ok()).unwrap_or(3.5);
    let data = motcua_e2e::gen::generate(years, 7);
    let n_records = data.responses.len() + data.dossiers.len();
    let path = motcua_e2e::gen::write_export(data, "bench")?;
    let srv = Server::start();
    let b = Browser::new("bench-capacity", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/data")).await?;
    b.c.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
        Some(Duration::from_secs(300)),
        None,
        None,
    ))
    .await?;
    let (read_ms, write_ms) = time_import(&b, &path).await?;
    println!("BENCH import_read_ms {read_ms:.0}");
    println!("BENCH import_records {n_records}");
    println!("BENCH import_ms {:.0}", read_ms + write_ms);
    let stored = b.stored().await?;
    let (ru, rn) = units(&stored, "motcua.resp.");
    let (du, dn) = units(&stored, "motcua.dos.");
    println!("BENCH units_per_response {:.0}", ru as f64 / rn.max(1) as f64);
    println!("BENCH units_per_dossier {:.0}", du as f64 / dn.max(1) as f64);
    let avg = (ru + du) as f64 / (rn + dn).max(1) as f64;
    println!("BENCH units_per_record {avg:.0}");
    println!("BENCH records_that_fit {:.0}", 5_242_880.0 / avg);
    screens(&b, &srv, 5, "").await?;
    edits(&b, &srv, 5, "").await?;
    // Export of the whole set.
    b.goto(&srv.url("/data")).await?;
    b.wait_css_for("#export-json", Duration::from_secs(60)).await?;
    let export = time_action("document.querySelector('#export-json').click()", "#export-done");
    println!(
        "BENCH export_ms {:.0}",
        b.c.execute_async(&export, vec![]).await?.as_f64().unwrap_or(f64::NAN)
    );
    std::fs::remove_file(&path).ok();
    b.close().await
}

/// The dashboard's figures natively over a decade (`BENCH_YEARS`): what a period change
/// computes, without the browser (the browser's figure is `dashboard_period_change_ms`).
#[test]
#[ignore = "benchmark: run by scripts/bench.sh"]
fn bench_report_native() {
    use motcua_domain::report::{self, Filter, Lookup, Period};
    let years: f64 = std::env::var("BENCH_YEARS").ok().and_then(|y| y.parse().ok()).unwrap_or(10.0);
    let data = motcua_e2e::gen::generate(years, 11);
    let lookup = Lookup::new(&data.catalogue, Default::default());
    let f = Filter::default();
    let p = Period::year(2024);
    let time = |name: &str, run: &dyn Fn()| {
        let t = std::time::Instant::now();
        run();
        println!("BENCH native_{name}_ms {:.1}", t.elapsed().as_secs_f64() * 1000.0);
    };
    let timeline = std::cell::RefCell::new(report::Timeline::default());
    time("timeline", &|| {
        *timeline.borrow_mut() = report::Timeline::new(&data.responses, &data.dossiers);
    });
    let timeline = timeline.into_inner();
    let rec = data.records(&timeline);
    time("dossier_table", &|| {
        report::dossier_table(rec, &p, &f, &lookup);
    });
    time("satisfaction", &|| {
        report::satisfaction(rec, &p, &f, &lookup);
    });
    time("monthly", &|| {
        report::monthly(rec, &p, &f, &lookup, 10);
    });
    use motcua_domain::report::breakdown;
    let q = data
        .versions
        .values()
        .next_back()
        .cloned()
        .unwrap_or_else(motcua_domain::survey::questionnaire::Questionnaire::sipas);
    time("items", &|| {
        breakdown::items(rec, &q, &p, &f, &lookup, 10);
    });
    time("per_day", &|| {
        breakdown::per_day(rec, &p, &f, &lookup);
    });
    time("hour_weekday", &|| {
        breakdown::hour_weekday(rec, &p, &f, &lookup, 10);
    });
    time("late_by_division", &|| {
        breakdown::late_by_division(rec, &p, &f, &lookup);
    });
    time("suggestions", &|| {
        breakdown::suggestions(rec, &p, &f, &lookup, "", 20);
    });
    time("by_timeliness", &|| {
        report::satisfaction_by_timeliness(rec, &p);
    });
    time("unit_ranking", &|| {
        report::unit_ranking(rec, &p, &lookup, 10);
    });
    time("rated", &|| {
        report::rated::rated(rec, &p, &f, &lookup);
    });
    time("indicators", &|| {
        report::indicators(rec, &p, &f, &lookup);
    });
    time("reasons", &|| {
        breakdown::reasons(rec, &p, &f, &lookup);
    });
    time("by_officer", &|| {
        breakdown::by_officer(rec, &p, &f, &lookup, 10);
    });
    time("device_choices", &|| {
        report::device_choices(rec, &Default::default());
    });
}

/// `FILL`, timed only from the tap on "Gửi" to the thank-you screen (the response is written
/// to storage in that tap's handler).
fn submit_only() -> String {
    FILL.replace("const t0 = performance.now();\n", "").replace(
        "document.querySelector('#submit').click();",
        "const t0 = performance.now(); document.querySelector('#submit').click();",
    )
}

/// Unlock (the PIN's OK → the desk's figures) and lock (the lock button → the kiosk's start
/// button), each across the page load between the two modules, medians of 7: from the tap
/// (its time kept in sessionStorage over the load) to the mark the new page makes
/// (`desk-ready`, `kiosk-ready`).
#[tokio::test]
#[ignore = "benchmark: run by scripts/bench.sh"]
async fn bench_unlock_and_lock() -> R {
    let srv = Server::start();
    let b = Browser::new("bench-lock", TABLET_LANDSCAPE).await?;
    b.lock_kiosk(&srv).await?;
    let (mut unlock, mut lock) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        b.click("#staff-exit").await?;
        for d in PIN.chars() {
            b.click(&format!(".pinpad [data-digit='{d}']")).await?;
        }
        b.js(&tap("#pin-ok")).await?;
        b.wait_css("#today-count").await?;
        b.wait_js("performance.getEntriesByName('desk-ready').length > 0").await?;
        unlock.push(b.js(&since_tap("desk-ready")).await?.as_f64().unwrap_or(f64::NAN));
        b.js(&tap("#enter-kiosk")).await?;
        b.wait_css("#start").await?;
        b.wait_js("performance.getEntriesByName('kiosk-ready').length > 0").await?;
        lock.push(b.js(&since_tap("kiosk-ready")).await?.as_f64().unwrap_or(f64::NAN));
    }
    println!("BENCH unlock_ms {:.0}", median(unlock));
    println!("BENCH lock_ms {:.0}", median(lock));
    b.close().await
}

/// A decade of the seed department (≈ 300 000 records) written through the app's codec into
/// one origin's localStorage, then every screen's start, a dashboard period change, a worklist
/// search and a citizen's submit over it. `BENCH_YEARS` sets the span (default 10).
#[tokio::test]
#[ignore = "benchmark: run by scripts/bench.sh"]
async fn bench_decade_in_the_browser() -> R {
    use motcua_formats::codec::{self, Kind};
    use std::collections::BTreeMap;
    let years: f64 = std::env::var("BENCH_YEARS").ok().and_then(|y| y.parse().ok()).unwrap_or(10.0);
    // Ten years up to today, as a tablet that has served the desk since would hold them.
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs() as i64;
    let today = chrono::DateTime::from_timestamp(secs + 7 * 3600, 0)
        .unwrap_or_default()
        .date_naive();
    let data = motcua_e2e::gen::generate_until(today, years, 11);
    let n = data.responses.len() + data.dossiers.len();
    let mut chunks: BTreeMap<String, String> = BTreeMap::new();
    let mut months: BTreeMap<(Kind, String), Vec<usize>> = BTreeMap::new();
    for (i, r) in data.responses.iter().enumerate() {
        months
            .entry((Kind::Response, codec::period_of(r.meta.created_at)))
            .or_default()
            .push(i);
    }
    for (i, d) in data.dossiers.iter().enumerate() {
        months
            .entry((Kind::Dossier, codec::period_of(d.meta.created_at)))
            .or_default()
            .push(i);
    }
    for ((kind, m), idx) in &months {
        let value = match kind {
            Kind::Response => codec::encode_chunk(*kind, &idx.iter().map(|&i| data.responses[i].clone()).collect::<Vec<_>>()),
            Kind::Dossier => codec::encode_chunk(*kind, &idx.iter().map(|&i| data.dossiers[i].clone()).collect::<Vec<_>>()),
        };
        chunks.insert(codec::chunk_key(*kind, m), value);
    }
    let units: usize = chunks
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    println!("BENCH decade_browser_records {n}");
    println!("BENCH decade_browser_units {units}");
    let srv = Server::start();
    let b = Browser::new("bench-decade", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#start").await?;
    for (k, v) in &chunks {
        b.c.execute(
            "localStorage.setItem(arguments[0], arguments[1])",
            vec![k.clone().into(), v.clone().into()],
        )
        .await?;
    }
    // Let Chromium write the store to disk, then start the browser again on it.
    let b = b.reopen(TABLET_LANDSCAPE, Duration::from_secs(10)).await?;
    b.goto(&srv.url("/kiosk")).await?;
    b.wait_css("#start").await?;
    let stored = b.js("let n = 0; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); if (k.startsWith('motcua.resp.') || k.startsWith('motcua.dos.')) n++; } return n;").await?;
    assert_eq!(stored.as_u64(), Some(chunks.len() as u64), "every chunk stored");
    screens(&b, &srv, 3, "decade_").await?;
    edits(&b, &srv, 3, "decade_").await?;
    // `BENCH_SCREENS_ONLY=1`: the screens' starts and moves alone (a quicker run while working
    // on them).
    if std::env::var_os("BENCH_SCREENS_ONLY").is_some() {
        return Ok(());
    }
    let mut submit = Vec::new();
    for _ in 0..7 {
        b.c.goto(&srv.url("/kiosk")).await?;
        b.wait_css("#start").await?;
        submit.push(b.c.execute_async(&submit_only(), vec![]).await?.as_f64().unwrap_or(f64::NAN));
    }
    println!("BENCH decade_submit_to_persisted_ms {:.1}", median(submit));
    // A manager's routine: another tablet's month imported into the decade (three tablets).
    b.c.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
        Some(Duration::from_secs(300)),
        None,
        None,
    ))
    .await?;
    let (mut read, mut all) = (Vec::new(), Vec::new());
    for seed in 12..15 {
        let mut month = motcua_e2e::gen::generate_until(today, 1.0 / 12.0, seed);
        // Each tablet numbers its own dossiers (the generator numbers every set alike).
        for d in &mut month.dossiers {
            if let Some((day, n)) = d.code.rsplit_once('-') {
                d.code = format!("{day}-{seed}{n}");
            }
        }
        let path = motcua_e2e::gen::write_export(month, &format!("bench-decade-month-{seed}"))?;
        b.goto(&srv.url("/data")).await?;
        let (r, w) = time_import(&b, &path).await?;
        read.push(r);
        all.push(r + w);
        std::fs::remove_file(&path).ok();
    }
    println!("BENCH decade_import_month_read_ms {:.0}", median(read));
    println!("BENCH decade_import_month_ms {:.0}", median(all));
    b.close().await
}

/// A year's Excel register (14 200 rows, Mẫu 07's columns) through the import wizard, on a
/// fresh tablet each run: file picked → columns shown (the Excel module loaded and the sheet
/// read), rows checked → preview, import → done.
#[tokio::test]
#[ignore]
async fn bench_excel_register_import() -> R {
    let path = std::env::temp_dir().join(format!("motcua-bench-so-{}.xlsx", std::process::id()));
    std::fs::write(&path, motcua_e2e::gen::year_xlsx(14_200))?;
    let srv = Server::start();
    let (mut open, mut check, mut import) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..3 {
        let b = Browser::new(&format!("bench-excel-{run}"), TABLET_LANDSCAPE).await?;
        b.goto(&srv.url("/data")).await?;
        b.click(".csv-import summary").await?;
        let t0 = std::time::Instant::now();
        b.pick_files("#csv-file", &[&path]).await?;
        b.wait_css_for("#sheet-check", Duration::from_secs(120)).await?;
        open.push(t0.elapsed().as_secs_f64() * 1000.0);
        check.push(
            ms(
                &b,
                &time_until(
                    "document.querySelector('#sheet-check').click()",
                    "document.querySelector('#csv-preview')",
                ),
            )
            .await?,
        );
        import.push(
            ms(
                &b,
                &time_until(
                    "document.querySelector('#csv-import').click()",
                    "document.querySelector('#csv-done')",
                ),
            )
            .await?,
        );
        b.close().await?;
    }
    println!("BENCH excel_open_ms {:.0}", median(open));
    println!("BENCH excel_check_ms {:.0}", median(check));
    println!("BENCH excel_import_ms {:.0}", median(import));
    std::fs::remove_file(&path).ok();
    Ok(())
}
