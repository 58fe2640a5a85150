//! Frozen stored forms (issue 23): chunks and an export as the releases of 2026 wrote them,
//! committed under `formats/tests/fixtures/` and decoded here to the records they were made from.
//! A change to the codec or the export that cannot read them fails these tests; the files are
//! never regenerated to make a test pass (`write_fixtures` is how they were made, once).

use crate::codec::{self, Kind};
use crate::dossier::record::test_support::{at, new};
use crate::dossier::{Dossier, Status};
use crate::survey::response::Response;
use crate::sync::wire::{self, Dataset, Export, Source};

const RESP_V1: &str = include_str!("../tests/fixtures/resp-v1.json");
const RESP_V2: &str = include_str!("../tests/fixtures/resp-v2-packed-and-tail.json");
const DOS_V2: &str = include_str!("../tests/fixtures/dos-v2.json");
const EXPORT: &str = include_str!("../tests/fixtures/export-v2.json");

/// The records the files hold: 60 ratings of March 2026 (55 packed, 5 in the tail) and four
/// dossiers in four statuses.
fn responses() -> Vec<Response> {
    let start = 1_772_323_200_000; // 2026-03-01 00:00 UTC
    (1..=60u8)
        .map(|n| {
            let mut r = crate::survey::response::sample(n, start + i64::from(n) * 3_600_000);
            r.meta = codec::meta_for_test(n, start + i64::from(n) * 3_600_000);
            r.digits = (0..5u8).map(|k| char::from(b'1' + (n + k) % 5)).collect();
            r.overall = n % 5 + 1;
            r
        })
        .collect()
}

fn dossiers() -> Vec<Dossier> {
    let mut out = Vec::new();
    for (i, status) in [Status::Received, Status::InProgress, Status::Resolved, Status::Returned]
        .into_iter()
        .enumerate()
    {
        let day = 2 + i as u32;
        let mut d = new(&format!("SCT-2603{day:02}-000{}", i + 1), "TM-02", at(2026, 3, day, 9)).unwrap();
        d.meta = crate::record::Meta::new([40 + i as u8; 16], 1_772_323_200_000 + i64::from(day) * 86_400_000, "fixture");
        d.meta.id = format!("fixture-dossier-{i}");
        if status != Status::Received {
            d.transition(Status::InProgress, at(2026, 3, day, 10), "", "Phòng Quản lý thương mại")
                .unwrap();
        }
        if matches!(status, Status::Resolved | Status::Returned) {
            d.transition(Status::Resolved, at(2026, 3, day + 3, 15), "", "").unwrap();
        }
        if status == Status::Returned {
            d.transition(Status::Returned, at(2026, 3, day + 4, 9), "", "").unwrap();
        }
        out.push(d);
    }
    out
}

fn export() -> Export {
    Export {
        exported_at: 1_775_000_000_000,
        source: Source {
            device_id: "a1b2c3d4".into(),
            device_name: "Quầy 1".into(),
            unit: "SCT".into(),
        },
        from: None,
        to: None,
        personal_data: true,
        data: Dataset {
            responses: responses(),
            dossiers: dossiers(),
            ..Dataset::default()
        },
    }
}

fn sorted<T: serde::Serialize>(recs: &[T]) -> Vec<String> {
    let mut v: Vec<String> = recs.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
    v.sort();
    v
}

#[test]
fn the_stored_chunks_of_earlier_releases_decode_to_their_records() {
    let all = responses();
    let (v1, old) = codec::decode_chunk::<Response>(Kind::Response, RESP_V1).unwrap();
    assert!(old, "schema 1 is read and marked for packing");
    assert_eq!(sorted(&v1), sorted(&all[..3]));
    let (v2, old) = codec::decode_chunk::<Response>(Kind::Response, RESP_V2).unwrap();
    assert!(!old);
    assert_eq!(codec::tail_len(RESP_V2), 5);
    assert_eq!(sorted(&v2), sorted(&all));
    // Values as the file holds them, not only as today's code would make them.
    let r7 = v2.iter().find(|r| r.meta.created_at == 1_772_323_200_000 + 7 * 3_600_000).unwrap();
    assert_eq!((r7.digits.as_str(), r7.overall), ("34512", 3));
    let (ds, _) = codec::decode_chunk::<Dossier>(Kind::Dossier, DOS_V2).unwrap();
    assert_eq!(sorted(&ds), sorted(&dossiers()));
    let returned = ds.iter().find(|d| d.meta.id == "fixture-dossier-3").unwrap();
    assert_eq!((returned.code.as_str(), returned.status()), ("SCT-260305-0004", Status::Returned));
}

#[test]
fn an_export_of_an_earlier_release_is_read_whole() {
    let e = wire::read(EXPORT.as_bytes()).unwrap();
    let want = export();
    assert_eq!((e.exported_at, &e.source), (want.exported_at, &want.source));
    assert_eq!(sorted(&e.data.responses), sorted(&want.data.responses));
    assert_eq!(sorted(&e.data.dossiers), sorted(&want.data.dossiers));
}

/// How the files were made (run once, with `--ignored`); never to make a test pass.
#[test]
#[ignore]
fn write_fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let all = responses();
    std::fs::write(dir.join("resp-v1.json"), codec::encode_chunk_v1(Kind::Response, &all[..3])).unwrap();
    let packed = codec::encode_chunk(Kind::Response, &all[..55]);
    let refs: Vec<&Response> = all[55..].iter().collect();
    let v2 = codec::add_to_chunk(Kind::Response, Some(&packed), &refs, codec::TAIL_MAX).unwrap();
    std::fs::write(dir.join("resp-v2-packed-and-tail.json"), v2).unwrap();
    std::fs::write(dir.join("dos-v2.json"), codec::encode_chunk(Kind::Dossier, &dossiers())).unwrap();
    std::fs::write(dir.join("export-v2.json"), wire::write(&export())).unwrap();
}
