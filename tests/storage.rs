//! The storage layer against the real localStorage of headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use motcua::storage::{self, StoreError};
use motcua_domain::survey::response::Response;
use motcua_formats::codec::{self, meta_for_test, Kind};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn resp(n: u8, at: i64) -> Response {
    Response {
        meta: meta_for_test(n, at),
        version: 1,
        digits: "54321".into(),
        overall: 4,
        visits: Some(1),
        field: "Điện lực".into(),
        suggestion: "góp ý".into(),
        dossier_code: String::new(),
        reason_ids: String::new(),
        officer: String::new(),
        extra: Default::default(),
    }
}

// 2025-11-10 and 2025-12-10 (UTC noon).
const NOV: i64 = 1_762_776_000_000;
const DEC: i64 = 1_765_368_000_000;
/// The current month for `load_all`: November and December 2025 have ended.
const NOW: &str = "2026-11";

#[wasm_bindgen_test]
fn records_round_trip_in_monthly_chunks() {
    LocalStorage::clear();
    let (a, b, c) = (resp(1, NOV), resp(2, NOV + 1000), resp(3, DEC));
    for r in [&a, &b, &c] {
        storage::save_record(Kind::Response, r).unwrap();
    }
    let mut keys = storage::keys();
    keys.sort();
    assert_eq!(keys, vec!["motcua.resp.2025-11".to_string(), "motcua.resp.2025-12".to_string()]);
    let (all, problems, _) = storage::load_all::<Response>(Kind::Response, NOW);
    assert!(problems.is_empty());
    assert_eq!(all, vec![a, b, c]);
}

#[wasm_bindgen_test]
fn saving_merges_with_what_another_tab_wrote() {
    LocalStorage::clear();
    let key = codec::chunk_key(Kind::Response, "2025-11");
    // Another tab wrote a record into the same month after we loaded.
    storage::write_raw(&key, &codec::encode_chunk(Kind::Response, &[resp(9, NOV)])).unwrap();
    storage::save_record(Kind::Response, &resp(1, NOV)).unwrap();
    let (all, _, _) = storage::load_all::<Response>(Kind::Response, NOW);
    assert_eq!(all.len(), 2, "the other tab's record is kept");
    // Saving the same record again does not duplicate it.
    storage::save_record(Kind::Response, &resp(1, NOV)).unwrap();
    assert_eq!(storage::load_all::<Response>(Kind::Response, NOW).0.len(), 2);
}

#[wasm_bindgen_test]
fn corrupt_data_is_reported_kept_aside_and_does_not_block() {
    LocalStorage::clear();
    storage::save_record(Kind::Response, &resp(1, DEC)).unwrap();
    storage::write_raw("motcua.resp.2025-11", "{broken json").unwrap();
    let (all, problems, _) = storage::load_all::<Response>(Kind::Response, NOW);
    assert_eq!(all.len(), 1, "readable months still load");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].key, "motcua.resp.2025-11");
    let aside = problems[0].kept_at.clone().expect("moved aside");
    assert_eq!(
        storage::read_raw(&aside).as_deref(),
        Some("{broken json"),
        "original kept byte for byte"
    );
    // The month is free again for new records.
    storage::save_record(Kind::Response, &resp(2, NOV)).unwrap();
    assert_eq!(storage::load_all::<Response>(Kind::Response, NOW).0.len(), 2);
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_left_untouched() {
    LocalStorage::clear();
    let raw = r#"{"v":99,"k":"resp","r":[]}"#;
    storage::write_raw("motcua.resp.2025-11", raw).unwrap();
    let (_, problems, _) = storage::load_all::<Response>(Kind::Response, NOW);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kept_at, None);
    assert_eq!(storage::read_raw("motcua.resp.2025-11").as_deref(), Some(raw));
    assert!(matches!(
        storage::save_record(Kind::Response, &resp(1, NOV)),
        Err(StoreError::Blocked(_))
    ));
    assert_eq!(storage::read_raw("motcua.resp.2025-11").as_deref(), Some(raw), "never overwritten");
}

#[wasm_bindgen_test]
fn full_storage_is_reported_and_the_old_value_stays() {
    LocalStorage::clear();
    storage::save_record(Kind::Response, &resp(1, NOV)).unwrap();
    let before = storage::read_raw("motcua.resp.2025-11").unwrap();
    // Fill the origin's quota with filler values.
    let block = "x".repeat(256 * 1024);
    let mut i = 0;
    while storage::write_raw(&format!("filler{i}"), &block).is_ok() {
        i += 1;
    }
    let small = "y".repeat(1024);
    let mut j = 0;
    while storage::write_raw(&format!("fill{j}"), &small).is_ok() {
        j += 1;
    }
    let res = storage::save_record(Kind::Response, &resp(2, NOV));
    assert_eq!(res, Err(StoreError::Full));
    assert_eq!(storage::read_raw("motcua.resp.2025-11").unwrap(), before, "nothing half-written");
    LocalStorage::clear();
}

#[wasm_bindgen_test]
fn older_schemas_and_ended_tails_are_packed_one_chunk_at_a_time() {
    LocalStorage::clear();
    // What earlier builds wrote: a bare array (schema 0) and an envelope (schema 1).
    let nov: Vec<Response> = (0..40).map(|i| resp(i, NOV + i64::from(i) * 60_000)).collect();
    storage::write_raw("motcua.resp.2025-11", &serde_json::to_string(&nov).unwrap()).unwrap();
    storage::write_raw("motcua.resp.2025-12", &codec::encode_chunk_v1(Kind::Response, &[resp(50, DEC)])).unwrap();
    // A month of this build with records still in the tail, and the current month's tail.
    storage::save_record(Kind::Response, &resp(60, 1_759_000_000_000)).unwrap();
    storage::save_record(Kind::Response, &resp(61, 1_795_000_000_000)).unwrap();
    let before_units = storage::used_units();
    let (all, problems, mut stale) = storage::load_all::<Response>(Kind::Response, "2026-11");
    assert!(problems.is_empty());
    assert_eq!(all.len(), 43);
    stale.sort();
    assert_eq!(
        stale,
        vec!["motcua.resp.2025-09", "motcua.resp.2025-11", "motcua.resp.2025-12"],
        "not the current month"
    );
    // A tab closed after the first chunk: the next start finds only the rest.
    storage::pack_chunk::<Response>(Kind::Response, &stale[1]).unwrap();
    let (again, _, left) = storage::load_all::<Response>(Kind::Response, "2026-11");
    assert_eq!(again, all, "nothing lost or changed half-way");
    assert_eq!(left.len(), 2);
    for k in &left {
        storage::pack_chunk::<Response>(Kind::Response, k).unwrap();
    }
    let (after, _, none) = storage::load_all::<Response>(Kind::Response, "2026-11");
    assert_eq!(after, all);
    assert!(none.is_empty());
    assert!(storage::read_raw("motcua.resp.2025-11").unwrap().starts_with("{\"v\":2,"));
    assert!(
        storage::used_units() < before_units / 3,
        "{} → {}",
        before_units,
        storage::used_units()
    );
}

#[wasm_bindgen_test]
fn documents_round_trip_and_foreign_values_are_reported() {
    LocalStorage::clear();
    storage::save_doc("kiosk", &true).unwrap();
    assert_eq!(storage::load_doc::<bool>("kiosk").unwrap(), Some(true));
    storage::write_raw("motcua.settings", "hello").unwrap();
    let p = storage::load_doc::<motcua_domain::settings::Settings>("settings").unwrap_err();
    assert_eq!(p.key, "motcua.settings");
}

#[wasm_bindgen_test]
fn chart_is_an_svg_with_one_bar_per_day() {
    let first = motcua_domain::record::vn_date(DEC) - chrono::Duration::days(29);
    let days: Vec<_> = (0..30).map(|i| (first + chrono::Duration::days(i), u32::from(i == 29))).collect();
    let svg = motcua::charts::bar_chart(&days, "Số phiếu");
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("Số phiếu"));
}

#[wasm_bindgen_test]
fn the_funnel_chart_has_a_bar_per_screen_and_axis_titles() {
    let svg = motcua::charts::screens_chart(&[(2, 1), (5, 3)], "Người dân dừng ở câu nào", "Màn hình", "Số người dừng");
    assert!(svg.starts_with("<svg"));
    assert!(
        svg.contains("Màn hình") && svg.contains("Số người dừng"),
        "axis titles with diacritics"
    );
    // Two bars (filled rects in the bar colour).
    assert_eq!(svg.matches("#C0392B").count() + svg.matches("#c0392b").count(), 2, "{svg}");
    let empty = motcua::charts::screens_chart(&[], "x", "a", "b");
    assert_eq!(empty, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
}

#[wasm_bindgen_test]
fn quarantine_never_overwrites_an_earlier_copy() {
    LocalStorage::clear();
    storage::write_raw("motcua.procedures", "first broken value").unwrap();
    assert!(storage::load_doc::<Vec<u8>>("procedures").is_err());
    storage::write_raw("motcua.procedures", "second broken value").unwrap();
    let p = storage::load_doc::<Vec<u8>>("procedures").unwrap_err();
    assert_eq!(p.kept_at.as_deref(), Some("motcua.quarantine.procedures.2"));
    assert_eq!(
        storage::read_raw("motcua.quarantine.procedures").as_deref(),
        Some("first broken value")
    );
    assert_eq!(
        storage::read_raw("motcua.quarantine.procedures.2").as_deref(),
        Some("second broken value")
    );
}

#[wasm_bindgen_test]
fn a_newer_builds_document_is_never_overwritten() {
    LocalStorage::clear();
    let newer = r#"{"v":99,"k":"settings","d":{"device_id":"newer"}}"#;
    storage::write_raw("motcua.settings", newer).unwrap();
    let s = motcua_domain::settings::Settings::first_start([1; 16]);
    assert!(matches!(storage::save_doc("settings", &s), Err(StoreError::Blocked(_))));
    assert_eq!(storage::read_raw("motcua.settings").as_deref(), Some(newer));
    assert!(
        storage::load_doc::<motcua_domain::settings::Settings>("settings").is_err(),
        "reported"
    );
    assert_eq!(storage::read_raw("motcua.settings").as_deref(), Some(newer), "left where it is");
}
