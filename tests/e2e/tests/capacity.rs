//! Large stores through the app's own storage code: a generated year survives a browser
//! restart unchanged, a store an earlier build wrote is converted without loss (also when a
//! closed tab cut the conversion off), and a full store ends in the "storage full" path with
//! nothing lost.

use motcua_e2e::gen::{generate, write_export};
use motcua_e2e::{Browser, Server, R, TABLET_LANDSCAPE};
use motcua_formats::codec::{self, Kind};
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

fn by_id(records: impl IntoIterator<Item = Value>) -> BTreeMap<String, Value> {
    records
        .into_iter()
        .map(|r| (r["id"].as_str().unwrap_or_default().to_string(), r))
        .collect()
}

fn values<T: serde::Serialize>(rs: &[T]) -> Vec<Value> {
    rs.iter().filter_map(|r| serde_json::to_value(r).ok()).collect()
}

/// The fast paths of the stored form (records serialized straight into columns, and read
/// straight back from them) against the reference `codec::columns`, which goes through a JSON
/// object per record: over generated months of both kinds, the same columns are written, and
/// the same records and rows read back.
#[test]
fn generated_months_are_stored_and_read_as_the_reference_codec_does() {
    use codec::{collect, columns, table::Table};
    fn check<T>(records: &[T])
    where
        T: motcua_domain::record::Record + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let mut months: BTreeMap<String, Vec<&T>> = BTreeMap::new();
        for r in records {
            months.entry(codec::period_of(r.meta().created_at)).or_default().push(r);
        }
        assert!(months.len() >= 3);
        for (month, recs) in months {
            let rows: Vec<serde_json::Map<String, Value>> = recs
                .iter()
                .map(|r| serde_json::to_value(r).unwrap().as_object().unwrap().clone())
                .collect();
            let reference = columns::encode(rows.clone());
            let fast = collect::encode(&recs).expect("records are objects");
            assert_eq!(fast, reference, "{month}: the columns written");
            let text = serde_json::to_string(&fast).unwrap();
            let old = columns::decode(serde_json::from_str(&text).unwrap(), recs.len()).unwrap();
            assert_eq!(old, rows, "{month}: the reference reads the rows back");
            let t = Table::new(serde_json::from_str(&text).unwrap(), recs.len()).unwrap();
            for (i, r) in recs.iter().enumerate() {
                assert_eq!(&&T::deserialize(t.row(i)).unwrap(), r, "{month}: record {i}");
                assert_eq!(Value::deserialize(t.row(i)).unwrap(), Value::Object(rows[i].clone()));
            }
        }
    }
    use serde::Deserialize;
    let data = generate(0.25, 5);
    check(&data.dossiers);
    check(&data.responses);
}

/// Pick files in the import card and apply them; returns the message shown.
async fn import(b: &Browser, srv: &Server, path: &std::path::Path) -> R<String> {
    b.goto(&srv.url("/data")).await?;
    b.pick_files("#import-files", &[path]).await?;
    b.wait_css("#import-apply").await?;
    // What the writing progress showed, as the page painted it between months.
    b.js("window.__writing = new Set(); new MutationObserver(() => { const p = document.querySelector('.import-progress'); if (p && p.textContent.startsWith('Đang ghi')) window.__writing.add(p.textContent); }).observe(document.body, {subtree: true, childList: true, characterData: true})")
        .await?;
    b.click("#import-apply").await?;
    let done = b.text("#import-done, #import-refused").await?;
    let shown = b.js("return window.__writing.size").await?.as_u64().unwrap_or(0);
    assert!(shown >= 2, "the months written show as they go, the page responsive: {shown}");
    Ok(done)
}

#[tokio::test]
async fn a_generated_year_round_trips_through_storage_unchanged() -> R {
    let data = generate(1.0, 21);
    let want_r = by_id(values(&data.responses));
    let want_d = by_id(values(&data.dossiers));
    let data_responses = data.responses.clone();
    let n = want_r.len() + want_d.len();
    assert!(n > 28_000, "a year of the seed desk: {n}");
    let path = write_export(data, "capacity-year")?;
    let srv = Server::start();
    let b = Browser::new("capacity-year", TABLET_LANDSCAPE).await?;
    let msg = import(&b, &srv, &path).await?;
    assert!(!msg.contains("đầy"), "{msg}");
    let b = b.reopen(TABLET_LANDSCAPE, Duration::from_secs(10)).await?;
    // The data page counts every live record (the desk shows the last 12 months only).
    b.goto(&srv.url("/data")).await?;
    b.wait_css("#data-responses").await?;
    assert_eq!(b.text("#data-responses").await?, want_r.len().to_string());
    assert_eq!(b.text("#data-dossiers").await?, want_d.len().to_string());
    let got_r = by_id(b.stored_responses().await?);
    let got_d = by_id(b.stored_dossiers().await?);
    assert_eq!(got_r.len(), want_r.len());
    assert_eq!(got_d.len(), want_d.len());
    assert!(got_r == want_r, "responses come back field for field");
    assert!(got_d == want_d, "dossiers come back field for field");
    // The desk counts its window, the last 12 months: the generated year (2024) is older; a
    // citizen's response today is in it.
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis() as i64;
    let (recent, today) = {
        let s = motcua_domain::survey::desk::summary(&data_responses, now, 0);
        (s.recent, s.today)
    };
    b.goto(&srv.url("/kiosk")).await?;
    b.answer(&[4; 20], "", None).await?;
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#total-count").await?;
    assert_eq!(b.text("#total-count").await?, (recent + 1).to_string());
    assert_eq!(b.text("#today-count").await?, (today + 1).to_string());
    // The year takes a small part of the quota: ≤ 17 units a record leaves room for a decade.
    let stored = b.stored().await?;
    let units: usize = stored
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| codec::parse_chunk_key(k).is_some())
                .map(|(k, v)| k.encode_utf16().count() + v.as_str().unwrap_or_default().encode_utf16().count())
                .sum()
        })
        .unwrap_or_default();
    assert!(units <= 17 * n, "{units} units for {n} records");
    std::fs::remove_file(&path).ok();
    b.close().await
}

#[tokio::test]
async fn a_store_written_by_the_previous_build_is_converted_without_loss_even_after_a_cut_off_conversion() -> R {
    let data = generate(0.3, 5);
    let want_r = by_id(values(&data.responses));
    let want_d = by_id(values(&data.dossiers));
    let srv = Server::start();
    let b = Browser::new("capacity-migrate", TABLET_LANDSCAPE).await?;
    b.goto(&srv.url("/staff")).await?;
    b.wait_css("#total-count").await?;
    // What the previous build stored: schema 1 chunks, one per kind and month.
    let mut months: BTreeMap<String, (Vec<_>, Vec<_>)> = BTreeMap::new();
    for r in &data.responses {
        months.entry(codec::period_of(r.meta.created_at)).or_default().0.push(r.clone());
    }
    for d in &data.dossiers {
        months.entry(codec::period_of(d.meta.created_at)).or_default().1.push(d.clone());
    }
    // A tab closed while they were being converted left the oldest month's responses in
    // today's form already (each chunk is converted in one write): the next start finishes.
    let mut old_units = 0;
    let mut old_keys = Vec::new();
    for (i, (m, (rs, ds))) in months.iter().enumerate() {
        let responses = if i == 0 {
            codec::encode_chunk(Kind::Response, rs)
        } else {
            codec::encode_chunk_v1(Kind::Response, rs)
        };
        for (key, value) in [
            (codec::chunk_key(Kind::Response, m), responses),
            (codec::chunk_key(Kind::Dossier, m), codec::encode_chunk_v1(Kind::Dossier, ds)),
        ] {
            if !value.starts_with("{\"v\":2,") {
                old_units += value.encode_utf16().count();
                old_keys.push(key.clone());
            }
            b.c.execute("localStorage.setItem(arguments[0], arguments[1])", vec![key.into(), value.into()])
                .await?;
        }
    }
    assert_eq!(old_keys.len(), months.len() * 2 - 1);
    // The next start reads the old chunks at once and converts them in the background,
    // showing how far it got.
    // (Watched from before the page's first script: the conversion can end between two polls.)
    b.watch_next_pages("#packing progress").await?;
    b.goto(&srv.url("/data")).await?;
    b.wait_js("window.__seen['#packing progress'] && !document.querySelector('#packing')")
        .await?;
    assert_eq!(b.text("#data-responses").await?, want_r.len().to_string());
    let stored = b.stored().await?;
    let chunks: Vec<(&String, &str)> = stored
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| codec::parse_chunk_key(k).is_some())
                .map(|(k, v)| (k, v.as_str().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(chunks.len(), months.len() * 2);
    assert!(chunks.iter().all(|(_, v)| v.starts_with("{\"v\":2,")), "every chunk converted");
    // Dossier months say when their dossiers settled: the next start reads first those that
    // still hold open ones (`codec::stage`).
    assert!(
        chunks
            .iter()
            .filter(|(k, _)| k.starts_with("motcua.dos."))
            .all(|(_, v)| codec::settled_by::<motcua_domain::dossier::Dossier>(Kind::Dossier, v).is_some()),
        "every dossier month notes when it settled"
    );
    let new_units: usize = chunks
        .iter()
        .filter(|(k, _)| old_keys.contains(k))
        .map(|(_, v)| v.encode_utf16().count())
        .sum();
    assert!(new_units * 10 < old_units, "{old_units} → {new_units} units");
    assert!(by_id(b.stored_responses().await?) == want_r, "responses unchanged");
    assert!(by_id(b.stored_dossiers().await?) == want_d, "dossiers unchanged");
    b.close().await
}

#[tokio::test]
async fn a_full_store_says_so_and_loses_nothing() -> R {
    let srv = Server::start();
    let b = Browser::new("capacity-full", TABLET_LANDSCAPE).await?;
    let first = write_export(generate(0.1, 3), "capacity-full-a")?;
    import(&b, &srv, &first).await?;
    // Something else of the origin's (or years of records) takes the rest of the quota.
    b.js(
        "const big = 'x'.repeat(256 * 1024); let i = 0; try { for (;;) localStorage.setItem('filler' + i++, big); } catch (e) {}
          for (const n of [2048, 64, 8]) { const s = 'y'.repeat(n); let j = 0; try { for (;;) localStorage.setItem('fill' + n + '.' + j++, s); } catch (e) {} }",
    )
    .await?;
    let before = b.stored().await?;
    // An import that does not fit is refused whole, with the reason.
    let second = write_export(generate(0.1, 4), "capacity-full-b")?;
    let msg = import(&b, &srv, &second).await?;
    b.shot("capacity-full-import").await?;
    assert!(msg.contains("Bộ nhớ trình duyệt đã đầy: chưa nhập gì"), "{msg}");
    // Said as a refusal (an alert in the error colour), not as a success.
    assert!(b.wait_css("#import-refused[role=alert].error-text").await.is_ok());
    assert!(b.js("return !document.querySelector('#import-done')").await? == true);
    // Its plan is kept: once space is freed, the same button imports the file.
    assert!(b.wait_css("#import-apply:not([disabled])").await.is_ok());
    assert!(b.stored().await? == before, "nothing half-written");
    // A citizen's response is still thanked and kept; staff see it waiting.
    b.goto(&srv.url("/kiosk")).await?;
    b.answer(&[4; 20], "", None).await?;
    b.goto(&srv.url("/data")).await?;
    b.wait_css("#data-responses").await?;
    b.shot("capacity-full-staff").await?;
    b.wait_css("#storage-full").await?;
    b.shot("capacity-full").await?;
    let count = |s: String| s.replace('.', "").parse::<usize>().unwrap_or_default();
    let total = count(b.text("#data-responses").await?);
    // Space is freed (an archive, here the filler): the waiting response is written.
    b.js("for (const k of Object.keys(localStorage)) if (k.startsWith('fill')) localStorage.removeItem(k);")
        .await?;
    b.click("#storage-full button").await?;
    b.wait_js("!document.querySelector('#storage-full')").await?;
    assert_eq!(b.stored_responses().await?.len(), total, "the waiting response is stored");
    for p in [first, second] {
        std::fs::remove_file(p).ok();
    }
    b.close().await
}
