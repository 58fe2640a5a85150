//! The stored form: one versioned envelope per storage key, records split by kind and month.
//!
//! Saving one record rewrites only its month's chunk, never everything. Every value the app
//! writes is `{"v":SCHEMA,"k":kind,"r":[records…]}` (chunks) or `{"v":SCHEMA,"k":kind,"d":…}`
//! (single documents). Anything else found under our keys is reported, never silently dropped.
//! The layout can change later (compact codecs for a decade of data) behind these functions.

use crate::record::{Meta, Millis, Record};
use chrono::Datelike;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The schema version written by this build.
pub const SCHEMA: u32 = 1;
/// Every key of ours starts with this.
pub const PREFIX: &str = "motcua.";

/// Kinds of chunked records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Response,
    Dossier,
}

impl Kind {
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Response => "resp",
            Kind::Dossier => "dos",
        }
    }
    pub fn from_tag(s: &str) -> Option<Kind> {
        [Kind::Response, Kind::Dossier].into_iter().find(|k| k.tag() == s)
    }
}

/// The month a record belongs to, as `YYYY-MM` in Vietnam time (UTC+7).
pub fn period_of(at: Millis) -> String {
    let d = crate::record::vn_date(at);
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Storage key of a chunk: `motcua.resp.2026-11`.
pub fn chunk_key(kind: Kind, period: &str) -> String {
    format!("{PREFIX}{}.{period}", kind.tag())
}

/// Storage key of a single document: `motcua.settings`.
pub fn doc_key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

/// The kind and period of a chunk key, if it is one.
pub fn parse_chunk_key(key: &str) -> Option<(Kind, String)> {
    let rest = key.strip_prefix(PREFIX)?;
    let (tag, period) = rest.split_once('.')?;
    let kind = Kind::from_tag(tag)?;
    let ok = period.len() == 7 && period.as_bytes()[4] == b'-' && period.chars().filter(|c| c.is_ascii_digit()).count() == 6;
    ok.then(|| (kind, period.to_string()))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// Not JSON, or not the shape we write.
    Corrupt(String),
    /// Written by a newer build: do not touch it.
    Newer(u32),
    /// Another kind than the key says.
    WrongKind(String),
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodecError::Corrupt(e) => write!(f, "dữ liệu hỏng / corrupt data: {e}"),
            CodecError::Newer(v) => write!(f, "dữ liệu của phiên bản mới hơn (v{v}) / data from a newer version"),
            CodecError::WrongKind(k) => write!(f, "sai loại dữ liệu ({k}) / unexpected kind"),
        }
    }
}

#[derive(Serialize)]
struct ChunkOut<'a, T> {
    v: u32,
    k: &'a str,
    r: &'a [T],
}

#[derive(Serialize)]
struct DocOut<'a, T> {
    v: u32,
    k: &'a str,
    d: &'a T,
}

/// What every envelope starts with: its schema version and kind (the records are read after
/// the version is known, straight into their types: no generic JSON tree in between).
#[derive(Deserialize)]
struct Head {
    v: u32,
    #[serde(default)]
    k: String,
}

#[derive(Deserialize)]
struct ChunkIn<T> {
    r: Vec<T>,
}

#[derive(Deserialize)]
struct DocIn<T> {
    d: T,
}

/// The schema version of a stored value, checking its kind. Version 0 is a bare JSON array
/// (what a prototype wrote); it is migrated by [`decode_chunk`].
fn version(raw: &str, kind: &str) -> Result<u32, CodecError> {
    if raw.trim_start().starts_with('[') {
        return Ok(0);
    }
    let head: Head = serde_json::from_str(raw).map_err(|e| CodecError::Corrupt(e.to_string()))?;
    if head.v > SCHEMA {
        return Err(CodecError::Newer(head.v));
    }
    if head.v == 0 {
        return Err(CodecError::Corrupt("no envelope".into()));
    }
    if head.k != kind {
        return Err(CodecError::WrongKind(head.k));
    }
    Ok(head.v)
}

pub fn encode_chunk<T: Serialize>(kind: Kind, records: &[T]) -> String {
    serde_json::to_string(&ChunkOut {
        v: SCHEMA,
        k: kind.tag(),
        r: records,
    })
    // Our records always serialize; an empty string would only be refused by the reader.
    .unwrap_or_default()
}

/// Decode a chunk; `.1` tells whether it came from an older schema (the caller writes it back).
///
/// Migrations, one per schema step: 0 → 1 wraps a bare array of records in the envelope.
/// A later schema adds its step here, reading the old layout into today's types.
pub fn decode_chunk<T: DeserializeOwned>(kind: Kind, raw: &str) -> Result<(Vec<T>, bool), CodecError> {
    let corrupt = |e: serde_json::Error| CodecError::Corrupt(e.to_string());
    match version(raw, kind.tag())? {
        0 => Ok((serde_json::from_str(raw).map_err(corrupt)?, true)),
        _ => Ok((serde_json::from_str::<ChunkIn<T>>(raw).map_err(corrupt)?.r, false)),
    }
}

pub fn encode_doc<T: Serialize>(name: &str, doc: &T) -> String {
    serde_json::to_string(&DocOut {
        v: SCHEMA,
        k: name,
        d: doc,
    })
    .unwrap_or_default()
}

pub fn decode_doc<T: DeserializeOwned>(name: &str, raw: &str) -> Result<T, CodecError> {
    match version(raw, name)? {
        0 => Err(CodecError::Corrupt("no envelope".into())),
        _ => serde_json::from_str::<DocIn<T>>(raw)
            .map(|d| d.d)
            .map_err(|e| CodecError::Corrupt(e.to_string())),
    }
}

/// Put `rec` into `records`: a new id is appended; for a known id the winning version stays
/// (the one rule of `sync::merge::compare`). Returns whether anything changed.
pub fn upsert<T: Record + Serialize>(records: &mut Vec<T>, rec: T) -> bool {
    match records.iter_mut().find(|r| r.meta().id == rec.meta().id) {
        Some(old) if crate::sync::merge::compare(&rec, old) == std::cmp::Ordering::Greater => {
            *old = rec;
            true
        }
        Some(_) => false,
        None => {
            records.push(rec);
            true
        }
    }
}

/// Merge two sets of the same records: no duplicate ids, no record lost, the winner kept.
pub fn merge<T: Record + Serialize>(mut ours: Vec<T>, theirs: Vec<T>) -> Vec<T> {
    for r in theirs {
        upsert(&mut ours, r);
    }
    ours
}

/// Helper for records in tests and tools.
pub fn meta_for_test(n: u8, at: Millis) -> Meta {
    Meta::new([n; 16], at, "test")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::response::Response;

    fn resp(n: u8, at: Millis) -> Response {
        Response {
            meta: meta_for_test(n, at),
            q: 1,
            a: "54321".into(),
            o: 4,
            v: None,
            p: String::new(),
            s: String::new(),
            k: String::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn keys_and_periods() {
        // 2026-10-31 18:00 UTC is already 1 November in Vietnam.
        let t = chrono::DateTime::parse_from_rfc3339("2026-10-31T18:00:00Z")
            .unwrap()
            .timestamp_millis();
        assert_eq!(period_of(t), "2026-11");
        assert_eq!(chunk_key(Kind::Response, "2026-11"), "motcua.resp.2026-11");
        assert_eq!(parse_chunk_key("motcua.dos.2025-01"), Some((Kind::Dossier, "2025-01".into())));
        assert_eq!(parse_chunk_key("motcua.settings"), None);
        assert_eq!(parse_chunk_key("motcua.dos.20x5-01"), None);
        assert_eq!(parse_chunk_key("other.dos.2025-01"), None);
    }

    #[test]
    fn chunk_round_trip() {
        let rs = vec![resp(1, 1), resp(2, 2)];
        let raw = encode_chunk(Kind::Response, &rs);
        assert!(raw.starts_with("{\"v\":1,\"k\":\"resp\""));
        let (back, migrated): (Vec<Response>, bool) = decode_chunk(Kind::Response, &raw).unwrap();
        assert_eq!(back, rs);
        assert!(!migrated);
    }

    #[test]
    fn version_zero_is_migrated() {
        let raw = serde_json::to_string(&vec![resp(1, 1)]).unwrap();
        let (back, migrated): (Vec<Response>, bool) = decode_chunk(Kind::Response, &raw).unwrap();
        assert_eq!(back.len(), 1);
        assert!(migrated);
    }

    #[test]
    fn bad_values_are_reported_not_dropped() {
        let e = decode_chunk::<Response>(Kind::Response, "{not json").unwrap_err();
        assert!(matches!(e, CodecError::Corrupt(_)));
        let e = decode_chunk::<Response>(Kind::Response, r#"{"v":7,"k":"resp","r":[]}"#).unwrap_err();
        assert_eq!(e, CodecError::Newer(7));
        let e = decode_chunk::<Response>(Kind::Response, r#"{"v":1,"k":"dos","r":[]}"#).unwrap_err();
        assert_eq!(e, CodecError::WrongKind("dos".into()));
        let e = decode_chunk::<Response>(Kind::Response, r#""hello""#).unwrap_err();
        assert!(matches!(e, CodecError::Corrupt(_)));
        let e = decode_chunk::<Response>(Kind::Response, r#"{"v":1,"k":"resp","r":[{"id":3}]}"#).unwrap_err();
        assert!(matches!(e, CodecError::Corrupt(_)));
    }

    #[test]
    fn docs_round_trip() {
        let raw = encode_doc("settings", &vec![1, 2]);
        assert_eq!(decode_doc::<Vec<i32>>("settings", &raw).unwrap(), vec![1, 2]);
        assert!(decode_doc::<Vec<i32>>("pin", &raw).is_err());
    }

    #[test]
    fn merge_never_duplicates_or_loses() {
        let a = vec![resp(1, 1), resp(2, 2)];
        let mut newer = resp(2, 2);
        newer.meta.touch(50, "other");
        newer.o = 1;
        let b = vec![newer.clone(), resp(3, 3)];
        let m = merge(a.clone(), b.clone());
        assert_eq!(m.len(), 3);
        assert_eq!(m.iter().find(|r| r.meta.id == newer.meta.id).unwrap().o, 1);
        // Order of merging does not change the result set.
        let mut m2 = merge(b, a);
        let mut m1 = m;
        m1.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
        m2.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
        assert_eq!(m1, m2);
    }
}
