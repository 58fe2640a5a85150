//! The stored form: one versioned envelope per storage key, records split by kind and month.
//!
//! Saving one record rewrites only its month's chunk, never everything. Every value the app
//! writes is `{"v":SCHEMA,"k":kind,"r":[records…]}` (chunks) or `{"v":SCHEMA,"k":kind,"d":…}`
//! (single documents). Anything else found under our keys is reported, never silently dropped.
//!
//! Chunks (schema 2) are compact: a decade of a busy desk (≈ 300 000 records) must fit in the
//! browser's 5 242 880 UTF-16 units. A chunk's records become columns ([`columns`]; written by
//! [`collect`] and read by [`table`] without a JSON object per record), the columns
//! JSON is compressed (deflate, `miniz_oxide`) and the bytes are packed 15 bits to a character
//! ([`pack`]): `{"v":2,"k":"resp","n":records,"b":bytes,"z":"…"}`. The envelope stays JSON so
//! that a build of schema 1 still sees "newer data" and leaves it alone. Chunks of schema 0
//! (bare arrays) and 1 (`"r":[records…]`) are read as they are and reported as migratable.
//! Documents stay plain JSON envelopes (schema 1): they are few and small.

pub mod collect;
pub mod columns;
pub mod pack;
pub mod stage;
pub mod table;

use crate::record::{Meta, Millis, Record};
use chrono::Datelike;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema version of chunks written by this build.
pub const SCHEMA: u32 = 2;
/// The schema version of documents written by this build.
pub const DOC_SCHEMA: u32 = 1;
/// Deflate level for chunks. Measured over two generated years: 3 packs a month 6 % larger
/// than 6 in 75 % of the time (responses: 55 %); 9 is a few per cent tighter than 6 for twice
/// the time. A save, the start's packing and an import (84 months) all wait for it, and a
/// decade still takes about 60 % of the quota.
const LEVEL: u8 = 3;
/// Bounds a stored chunk may not pass (a value that claims more is not ours).
const MAX_RECORDS: usize = 5_000_000;
const MAX_BYTES: usize = 256 << 20;
/// Whether chunks are written and read through [`collect`] and [`table`] (the staff app and
/// native code: twice as fast) or through the reference [`columns`] (the kiosk, built without
/// the `fast-codec` feature: it packs or reads a month at a time, and downloads 16 KB less).
/// Both write and read the same text; both are always compiled, and tested against each other.
const FAST: bool = cfg!(feature = "fast-codec");
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
    period_name(month_of(at))
}

/// The month a record belongs to as (year, month), in Vietnam time: a key that costs no
/// string, for grouping 100 000 records (ordered as their `YYYY-MM` names).
pub fn month_of(at: Millis) -> (i32, u32) {
    let d = crate::record::vn_date(at);
    (d.year(), d.month())
}

/// The `YYYY-MM` name of a [`month_of`].
pub fn period_name((year, month): (i32, u32)) -> String {
    format!("{year:04}-{month:02}")
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

impl CodecError {
    /// What a screen says of it.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::{Msg, K};
        match self {
            CodecError::Corrupt(e) => Msg::new(K::ErrCorruptData).arg(e),
            CodecError::Newer(v) => Msg::new(K::ErrNewerData).arg(v),
            CodecError::WrongKind(k) => Msg::new(K::ErrWrongKind).arg(k),
        }
    }
}

/// The note kept with quarantined data and in logs, in Vietnamese; screens use
/// [`CodecError::msg`]. Not through the string table: the kiosk module, which stores and
/// quarantines too, carries only its own screens' texts (issue 22).
impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodecError::Corrupt(e) => write!(f, "dữ liệu hỏng: {e}"),
            CodecError::Newer(v) => write!(f, "dữ liệu của phiên bản mới hơn (v{v})"),
            CodecError::WrongKind(k) => write!(f, "sai loại dữ liệu ({k})"),
        }
    }
}

/// Schema 1, as the builds before the compact form wrote it: kept so that tests and the
/// benchmark can make the store an earlier build left behind, and check its migration.
pub fn encode_chunk_v1<T: Serialize>(kind: Kind, records: &[T]) -> String {
    serde_json::to_string(&ChunkOut {
        v: 1,
        k: kind.tag(),
        r: records,
    })
    .unwrap_or_default()
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

/// Schema 2: the packed, compressed columns, and the tail of records saved since they were
/// packed (plain JSON, see [`add_to_chunk`]).
#[derive(Deserialize)]
struct PackedIn<'a, T> {
    n: usize,
    b: usize,
    /// The packed records' latest `settled_at` (absent in chunks of earlier builds).
    #[serde(default)]
    e: Option<i64>,
    #[serde(borrow)]
    z: std::borrow::Cow<'a, str>,
    #[serde(default = "Vec::new")]
    t: Vec<T>,
}

/// Records a save may add to a chunk's tail before the chunk is packed again: a citizen's
/// tap rewrites a few kilobytes, not a month; every `TAIL_MAX`-th save packs the month.
pub const TAIL_MAX: usize = 48;

#[derive(Deserialize)]
struct DocIn<T> {
    d: T,
}

/// The schema version of a stored value, checking its kind. Version 0 is a bare JSON array
/// (what a prototype wrote); it is migrated by [`decode_chunk`].
fn version(raw: &str, kind: &str, max: u32) -> Result<u32, CodecError> {
    if raw.trim_start().starts_with('[') {
        return Ok(0);
    }
    let head: Head = serde_json::from_str(raw).map_err(|e| CodecError::Corrupt(e.to_string()))?;
    if head.v > max {
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

/// A chunk's value (schema 2), all packed. Records are kept in the order they were created.
/// An empty string means a record would not serialize: the caller writes nothing.
pub fn encode_chunk<T: Serialize + Record>(kind: Kind, records: &[T]) -> String {
    encode_chunk_of(kind, &records.iter().collect::<Vec<_>>())
}

/// [`encode_chunk`] of borrowed records (an import packs its months from the files' plans,
/// and copies the records once they are written).
pub fn encode_chunk_of<T: Serialize + Record>(kind: Kind, records: &[&T]) -> String {
    let settled = latest_settled(records.iter().copied());
    let mut rows: Vec<&T> = records.to_vec();
    rows.sort_by(|a, b| (a.meta().created_at, &a.meta().id).cmp(&(b.meta().created_at, &b.meta().id)));
    let n = rows.len();
    let reference = || {
        let objects: Option<Vec<_>> = rows
            .iter()
            .map(|r| match serde_json::to_value(r) {
                Ok(Value::Object(m)) => Some(m),
                _ => None,
            })
            .collect();
        objects.map(columns::encode)
    };
    // What the fast path does not take (a field written twice) goes the reference's way.
    let cols = if FAST {
        collect::encode(&rows).or_else(reference)
    } else {
        reference()
    };
    let Some(Ok(json)) = cols.map(|cols| serde_json::to_vec(&cols)) else {
        return String::new();
    };
    let bytes = miniz_oxide::deflate::compress_to_vec(&json, LEVEL);
    envelope::<T>(kind, n, bytes.len(), Some(settled), &pack::pack(&bytes), &[])
}

/// The latest time any of `recs` settled (`Record::settled_at`; a tombstone when it was
/// deleted), `i64::MAX` when one is still open, 0 for none.
fn latest_settled<'a, T: Record + 'a>(recs: impl IntoIterator<Item = &'a T>) -> i64 {
    recs.into_iter()
        .map(|r| match r.meta() {
            m if m.deleted => m.updated_at,
            _ => r.settled_at().unwrap_or(i64::MAX),
        })
        .max()
        .unwrap_or(0)
}

fn envelope<T: Serialize>(kind: Kind, n: usize, b: usize, e: Option<i64>, z: &str, tail: &[T]) -> String {
    let tail = match tail {
        [] => String::new(),
        t => match serde_json::to_string(t) {
            Ok(t) => format!(",\"t\":{t}"),
            Err(_) => return String::new(),
        },
    };
    let e = e.map(|e| format!(",\"e\":{e}")).unwrap_or_default();
    format!(
        "{{\"v\":{SCHEMA},\"k\":\"{}\",\"n\":{n},\"b\":{b}{e},\"z\":\"{z}\"{tail}}}",
        kind.tag()
    )
}

/// The new value of a chunk (`raw`, absent for a new month) with `recs` merged in (the winner
/// of each id kept, `sync::merge`). While the tail holds at most `tail_max` records they are
/// added there and the packed part is copied as it is; past that the whole chunk is packed.
/// Data of an older schema is packed (migrated) on the way.
pub fn add_to_chunk<T>(kind: Kind, raw: Option<&str>, recs: &[&T], tail_max: usize) -> Result<String, CodecError>
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    let Some(raw) = raw else {
        return written(if recs.len() <= tail_max {
            envelope(kind, 0, 0, Some(0), "", recs)
        } else {
            encode_chunk_of(kind, recs)
        });
    };
    if version(raw, kind.tag(), SCHEMA)? == SCHEMA {
        let p = tail_merged(raw, recs)?;
        if p.t.len() <= tail_max {
            return written(envelope(kind, p.n, p.b, p.e, &p.z, &p.t));
        }
        let mut all: Vec<T> = unpack_rows(&p)?;
        crate::sync::merge::apply(&mut all, p.t);
        return written(encode_chunk(kind, &all));
    }
    written(encode_chunk(kind, &all_merged(kind, raw, recs)?))
}

/// A chunk of this schema with `recs` merged into its tail (the winner of each id kept,
/// `sync::merge`); the packed part is borrowed as it is.
fn tail_merged<'a, T>(raw: &'a str, recs: &[&T]) -> Result<PackedIn<'a, T>, CodecError>
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    let mut p: PackedIn<T> = serde_json::from_str(raw).map_err(|e| CodecError::Corrupt(e.to_string()))?;
    crate::sync::merge::apply(&mut p.t, recs.iter().map(|r| (*r).clone()).collect());
    Ok(p)
}

/// Every record of a chunk of an older schema, with `recs` merged in.
fn all_merged<T>(kind: Kind, raw: &str, recs: &[&T]) -> Result<Vec<T>, CodecError>
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    let mut all: Vec<T> = decode_chunk(kind, raw)?.0;
    crate::sync::merge::apply(&mut all, recs.iter().map(|r| (*r).clone()).collect());
    Ok(all)
}

/// An encoding that failed is an empty value: never written over data.
fn written(value: String) -> Result<String, CodecError> {
    if value.is_empty() {
        Err(CodecError::Corrupt("encode".into()))
    } else {
        Ok(value)
    }
}

/// The new value of a chunk with `recs` merged into its plain tail, however long the tail
/// grows: the packed part is copied as it is, and a chunk of an older schema is read and
/// written back whole as a tail. What the kiosk writes (issue 22): it carries no packer
/// (columns, deflate); the staff app packs a tail longer than [`TAIL_MAX`] at its next start
/// ([`tail_len`]) and every month that has ended ([`needs_packing`]).
pub fn append_to_tail<T>(kind: Kind, raw: Option<&str>, recs: &[&T]) -> Result<String, CodecError>
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    written(match raw {
        None => envelope(kind, 0, 0, Some(0), "", recs),
        Some(raw) if version(raw, kind.tag(), SCHEMA)? == SCHEMA => {
            let p = tail_merged(raw, recs)?;
            envelope(kind, p.n, p.b, p.e, &p.z, &p.t)
        }
        Some(raw) => envelope(kind, 0, 0, Some(0), "", &all_merged(kind, raw, recs)?),
    })
}

#[derive(Deserialize)]
struct TailIn {
    #[serde(default)]
    t: Vec<serde::de::IgnoredAny>,
}

/// How many records wait in a chunk's plain tail (0 for a chunk that cannot be read so).
pub fn tail_len(raw: &str) -> usize {
    serde_json::from_str::<TailIn>(raw).map_or(0, |x| x.t.len())
}

/// Whether a chunk would be written differently today: an older schema, records waiting in
/// the tail (a month that has ended is packed whole: tails would add up over the years), or
/// dossiers packed by a build that did not note when they settled ([`settled_by`]).
pub fn needs_packing(kind: Kind, raw: &str) -> bool {
    let v1 = raw.trim_start().starts_with('[') || raw.starts_with("{\"v\":1,");
    let v2 = raw.starts_with("{\"v\":2,");
    let head = raw.find(",\"z\":\"").map_or("", |i| &raw[..i]);
    v1 || (v2 && raw.ends_with("]}")) || (v2 && kind == Kind::Dossier && !head.contains("\"e\":"))
}

#[derive(Deserialize)]
struct SettledIn<T> {
    #[serde(default)]
    e: Option<i64>,
    #[serde(default = "Vec::new")]
    t: Vec<T>,
}

/// The latest time a record of the chunk settled (`Record::settled_at`), `i64::MAX` when one
/// may still be open, read from the envelope and the tail without unpacking: the start reads
/// first the months that still hold open dossiers. `None` when the chunk does not say (an
/// older schema or build): it may hold open ones.
pub fn settled_by<T: DeserializeOwned + Record>(kind: Kind, raw: &str) -> Option<i64> {
    if version(raw, kind.tag(), SCHEMA).ok()? != SCHEMA {
        return None;
    }
    let s: SettledIn<T> = serde_json::from_str(raw).ok()?;
    Some(s.e?.max(latest_settled(&s.t)))
}

/// Decode a chunk; `.1` tells whether it came from an older schema (the caller writes it back
/// in today's form, see `storage::migrate_step`).
///
/// Migrations, one per schema step: 0 (a bare array) and 1 (`"r":[…]`) hold the records as
/// JSON and are read straight into today's types. A later schema adds its step here.
pub fn decode_chunk<T>(kind: Kind, raw: &str) -> Result<(Vec<T>, bool), CodecError>
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    let corrupt = |e: serde_json::Error| CodecError::Corrupt(e.to_string());
    match version(raw, kind.tag(), SCHEMA)? {
        0 => Ok((serde_json::from_str(raw).map_err(corrupt)?, true)),
        1 => Ok((serde_json::from_str::<ChunkIn<T>>(raw).map_err(corrupt)?.r, true)),
        _ => {
            let p: PackedIn<T> = serde_json::from_str(raw).map_err(corrupt)?;
            let mut all = unpack_rows(&p)?;
            crate::sync::merge::apply(&mut all, p.t);
            Ok((all, false))
        }
    }
}

fn unpack_rows<T: DeserializeOwned>(p: &PackedIn<T>) -> Result<Vec<T>, CodecError> {
    let bad = |e: &str| CodecError::Corrupt(e.to_string());
    if p.n > MAX_RECORDS || p.b > MAX_BYTES {
        return Err(bad("too large"));
    }
    if p.n == 0 {
        return Ok(Vec::new());
    }
    let bytes = pack::unpack(&p.z, p.b).ok_or_else(|| bad("packed text"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_BYTES).map_err(|_| bad("deflate"))?;
    // From text, as every other document is read: one JSON reader in the kiosk, not two.
    let json = String::from_utf8(json).map_err(|_| bad("not UTF-8"))?;
    let cols: Value = serde_json::from_str(&json).map_err(|e| CodecError::Corrupt(e.to_string()))?;
    let corrupt = |e: serde_json::Error| CodecError::Corrupt(e.to_string());
    if FAST {
        let t = table::Table::new(cols, p.n).map_err(|e| bad(&e))?;
        (0..t.len()).map(|r| T::deserialize(t.row(r)).map_err(corrupt)).collect()
    } else {
        // Through JSON text, not `from_value`: the kiosk reads records from text anyway (a
        // month's tail), and a second reader of every record type was ~9 KB of its gzip.
        let rows = columns::decode(cols, p.n).map_err(|e| bad(&e))?;
        let text = serde_json::to_string(&rows).map_err(corrupt)?;
        serde_json::from_str(&text).map_err(corrupt)
    }
}

pub fn encode_doc<T: Serialize>(name: &str, doc: &T) -> String {
    serde_json::to_string(&DocOut {
        v: DOC_SCHEMA,
        k: name,
        d: doc,
    })
    .unwrap_or_default()
}

pub fn decode_doc<T: DeserializeOwned>(name: &str, raw: &str) -> Result<T, CodecError> {
    match version(raw, name, DOC_SCHEMA)? {
        0 => Err(CodecError::Corrupt("no envelope".into())),
        _ => serde_json::from_str::<DocIn<T>>(raw)
            .map(|d| d.d)
            .map_err(|e| CodecError::Corrupt(e.to_string())),
    }
}

/// Put `rec` into `records`: a new id is appended; for a known id the winning version stays
/// (the one rule of `sync::merge::compare`). Returns where it went, for the views that follow
/// the list's edits: `Pushed`, or `At` the place of its id (replaced, or left as it was).
pub fn upsert<T: Record + Serialize>(records: &mut Vec<T>, rec: T) -> crate::record::ListEdit {
    match records.iter().position(|r| r.meta().id == rec.meta().id) {
        Some(i) => {
            if crate::sync::merge::compare(&rec, &records[i]) == std::cmp::Ordering::Greater {
                records[i] = rec;
            }
            crate::record::ListEdit::At(i)
        }
        None => {
            records.push(rec);
            crate::record::ListEdit::Pushed
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
        let mut r = crate::survey::response::sample(n, at);
        r.meta = meta_for_test(n, at);
        r.digits = "54321".into();
        r
    }

    #[test]
    fn keys_and_periods() {
        // 2026-10-31 18:00 UTC is already 1 November in Vietnam.
        let t = chrono::DateTime::parse_from_rfc3339("2026-10-31T18:00:00Z")
            .unwrap()
            .timestamp_millis();
        assert_eq!(period_of(t), "2026-11");
        assert_eq!(month_of(t), (2026, 11));
        assert_eq!(period_name((2027, 1)), "2027-01");
        // Months as numbers sort as their names do (the chunks are grouped by number).
        assert!((2026, 12) < (2027, 1) && period_name((2026, 12)) < period_name((2027, 1)));
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
        assert!(raw.starts_with("{\"v\":2,\"k\":\"resp\",\"n\":2,"));
        let (back, migrated): (Vec<Response>, bool) = decode_chunk(Kind::Response, &raw).unwrap();
        assert_eq!(back, rs);
        assert!(!migrated);
    }

    #[test]
    fn chunks_keep_creation_order() {
        let rs = vec![resp(2, 20), resp(1, 10), resp(3, 30)];
        let (back, _): (Vec<Response>, bool) = decode_chunk(Kind::Response, &encode_chunk(Kind::Response, &rs)).unwrap();
        assert_eq!(back.iter().map(|r| r.meta.created_at).collect::<Vec<_>>(), vec![10, 20, 30]);
    }

    #[test]
    fn schema_one_is_read_and_marked_for_migration() {
        let rs = vec![resp(1, 1), resp(2, 2)];
        let raw = encode_chunk_v1(Kind::Response, &rs);
        assert!(raw.starts_with("{\"v\":1,\"k\":\"resp\",\"r\":["));
        let (back, migrated): (Vec<Response>, bool) = decode_chunk(Kind::Response, &raw).unwrap();
        assert_eq!((back, migrated), (rs, true));
    }

    #[test]
    fn damaged_packed_chunks_are_reported() {
        let raw = encode_chunk(Kind::Response, &[resp(1, 1), resp(2, 2)]);
        let cut = format!("{}\"}}", &raw[..raw.len() - 8]);
        assert!(matches!(
            decode_chunk::<Response>(Kind::Response, &cut),
            Err(CodecError::Corrupt(_))
        ));
        let lie = raw.replace("\"n\":2", "\"n\":3");
        assert!(matches!(
            decode_chunk::<Response>(Kind::Response, &lie),
            Err(CodecError::Corrupt(_))
        ));
        let huge = raw.replace("\"n\":2", "\"n\":99999999999");
        assert!(matches!(
            decode_chunk::<Response>(Kind::Response, &huge),
            Err(CodecError::Corrupt(_))
        ));
        let bad_tail = raw.replace("\"}", "\",\"t\":[{\"id\":1}]}");
        assert!(matches!(
            decode_chunk::<Response>(Kind::Response, &bad_tail),
            Err(CodecError::Corrupt(_))
        ));
        let ascii = r#"{"v":2,"k":"resp","n":1,"b":3,"z":"abc"}"#;
        assert!(matches!(
            decode_chunk::<Response>(Kind::Response, ascii),
            Err(CodecError::Corrupt(_))
        ));
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
        let e = decode_chunk::<Response>(Kind::Response, r#"{"v":2,"k":"dos","n":0,"b":0,"z":""}"#).unwrap_err();
        assert_eq!(e, CodecError::WrongKind("dos".into()));
        let e = decode_chunk::<Response>(Kind::Response, r#""hello""#).unwrap_err();
        assert!(matches!(e, CodecError::Corrupt(_)));
        let e = decode_chunk::<Response>(Kind::Response, r#"{"v":1,"k":"resp","r":[{"id":3}]}"#).unwrap_err();
        assert!(matches!(e, CodecError::Corrupt(_)));
    }

    #[test]
    fn saves_go_to_the_tail_until_it_is_full() {
        let packed = encode_chunk(Kind::Response, &[resp(1, 1), resp(2, 2)]);
        assert!(!needs_packing(Kind::Response, &packed));
        let z = |raw: &str| raw.split("\"z\":\"").nth(1).unwrap().split('"').next().unwrap().to_string();
        let mut raw = packed.clone();
        for n in 3..=5 {
            raw = add_to_chunk(Kind::Response, Some(&raw), &[&resp(n, i64::from(n))], 3).unwrap();
            assert_eq!(z(&raw), z(&packed), "the packed part is copied, not rewritten");
        }
        assert!(needs_packing(Kind::Response, &raw), "a tail waits to be packed");
        // A newer version of a packed record in the tail wins over the packed one.
        let mut newer = resp(1, 1);
        newer.meta.touch(99, "other");
        newer.overall = 1;
        let (all, migrated): (Vec<Response>, bool) = decode_chunk(
            Kind::Response,
            &add_to_chunk::<Response>(Kind::Response, Some(&raw), &[], 3).unwrap(),
        )
        .unwrap();
        assert_eq!((all.len(), migrated), (5, false));
        // The fourth record in the tail packs everything.
        let full = add_to_chunk(Kind::Response, Some(&raw), &[&newer.clone()], 3).unwrap();
        assert!(!needs_packing(Kind::Response, &full) && z(&full) != z(&packed));
        let (all, _): (Vec<Response>, bool) = decode_chunk(Kind::Response, &full).unwrap();
        assert_eq!(all.len(), 5);
        assert_eq!(all.iter().find(|r| r.meta.id == newer.meta.id).unwrap().overall, 1);
        // A new month starts as a tail; an old schema is packed on the way.
        let fresh = add_to_chunk(Kind::Response, None, &[&resp(7, 7)], 3).unwrap();
        assert_eq!(decode_chunk::<Response>(Kind::Response, &fresh).unwrap().0.len(), 1);
        let old = encode_chunk_v1(Kind::Response, &[resp(8, 8)]);
        assert!(needs_packing(Kind::Response, &old));
        let moved = add_to_chunk(Kind::Response, Some(&old), &[&resp(9, 9)], 3).unwrap();
        assert!(!needs_packing(Kind::Response, &moved));
        assert_eq!(decode_chunk::<Response>(Kind::Response, &moved).unwrap().0.len(), 2);
    }

    #[test]
    fn the_kiosk_appends_to_the_tail_and_never_packs() {
        let packed = encode_chunk(Kind::Response, &[resp(1, 1), resp(2, 2)]);
        let z = |raw: &str| raw.split("\"z\":\"").nth(1).unwrap().split('"').next().unwrap().to_string();
        let mut raw = packed.clone();
        for n in 3..=(TAIL_MAX as u8 + 10) {
            raw = append_to_tail(Kind::Response, Some(&raw), &[&resp(n, i64::from(n))]).unwrap();
        }
        assert_eq!(z(&raw), z(&packed), "the packed part is copied, never rewritten");
        assert_eq!(tail_len(&raw), TAIL_MAX + 8, "past TAIL_MAX the tail goes on");
        assert_eq!(tail_len(&packed), 0);
        let (all, _): (Vec<Response>, bool) = decode_chunk(Kind::Response, &raw).unwrap();
        assert_eq!(all.len(), TAIL_MAX + 10);
        // The staff app's pack gives the same records.
        let again = add_to_chunk::<Response>(Kind::Response, Some(&raw), &[], TAIL_MAX).unwrap();
        assert_eq!(tail_len(&again), 0);
        assert_eq!(decode_chunk::<Response>(Kind::Response, &again).unwrap().0, all);
        // A newer version of a record wins in the tail too; a new month starts as a tail.
        let mut newer = resp(1, 1);
        newer.meta.touch(99, "other");
        newer.overall = 1;
        let raw = append_to_tail(Kind::Response, Some(&raw), &[&newer]).unwrap();
        let (all, _): (Vec<Response>, bool) = decode_chunk(Kind::Response, &raw).unwrap();
        assert_eq!(all.iter().find(|r| r.meta.id == newer.meta.id).unwrap().overall, 1);
        let fresh = append_to_tail(Kind::Response, None, &[&resp(7, 7)]).unwrap();
        assert_eq!(
            (tail_len(&fresh), decode_chunk::<Response>(Kind::Response, &fresh).unwrap().0.len()),
            (1, 1)
        );
        // An older schema is written back as a tail holding every record, to be packed later.
        let old = encode_chunk_v1(Kind::Response, &[resp(8, 8)]);
        let moved = append_to_tail(Kind::Response, Some(&old), &[&resp(9, 9)]).unwrap();
        assert_eq!(tail_len(&moved), 2);
        assert!(needs_packing(Kind::Response, &moved));
        // What cannot be read is not written over.
        assert!(append_to_tail(Kind::Response, Some("{not json"), &[&resp(10, 10)]).is_err());
    }

    #[test]
    fn a_chunk_says_when_its_dossiers_settled_without_unpacking() {
        use crate::dossier::record::test_support::{at, new};
        use crate::dossier::{Dossier, Status};
        let mut a = new("SCT-260302-0001", "TM-02", at(2026, 3, 2, 9)).unwrap();
        a.transition(Status::Resolved, at(2026, 3, 5, 9), "", "").unwrap();
        let mut b = new("SCT-260302-0002", "TM-02", at(2026, 3, 2, 9)).unwrap();
        b.meta.id = "b".into();
        b.transition(Status::Withdrawn, at(2026, 3, 9, 8), "", "").unwrap();
        let vn = crate::record::vn_millis;
        let ended = encode_chunk(Kind::Dossier, &[a.clone(), b.clone()]);
        assert_eq!(settled_by::<Dossier>(Kind::Dossier, &ended), Some(vn(at(2026, 3, 9, 8))));
        assert!(!needs_packing(Kind::Dossier, &ended));
        // An open dossier, packed or in the tail, holds the month open.
        let mut open = new("SCT-260303-0001", "TM-02", at(2026, 3, 3, 9)).unwrap();
        open.meta.id = "open".into();
        assert_eq!(
            settled_by::<Dossier>(Kind::Dossier, &encode_chunk(Kind::Dossier, &[a.clone(), open.clone()])),
            Some(i64::MAX)
        );
        let tail = add_to_chunk(Kind::Dossier, Some(&ended), &[&open], TAIL_MAX).unwrap();
        assert_eq!(settled_by::<Dossier>(Kind::Dossier, &tail), Some(i64::MAX));
        let fresh = add_to_chunk(Kind::Dossier, None, &[&a.clone()], TAIL_MAX).unwrap();
        assert_eq!(settled_by::<Dossier>(Kind::Dossier, &fresh), Some(vn(at(2026, 3, 5, 9))));
        // Chunks of earlier builds do not say: they may hold open ones, and are packed again.
        let before = ended.replace(&format!(",\"e\":{}", vn(at(2026, 3, 9, 8))), "");
        assert!(before.len() < ended.len());
        assert_eq!(settled_by::<Dossier>(Kind::Dossier, &before), None);
        assert!(needs_packing(Kind::Dossier, &before));
        assert_eq!(decode_chunk::<Dossier>(Kind::Dossier, &before).unwrap().0.len(), 2);
        assert_eq!(settled_by::<Dossier>(Kind::Dossier, &encode_chunk_v1(Kind::Dossier, &[a])), None);
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
        newer.overall = 1;
        let b = vec![newer.clone(), resp(3, 3)];
        let m = merge(a.clone(), b.clone());
        assert_eq!(m.len(), 3);
        assert_eq!(m.iter().find(|r| r.meta.id == newer.meta.id).unwrap().overall, 1);
        // Order of merging does not change the result set.
        let mut m2 = merge(b, a);
        let mut m1 = m;
        m1.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
        m2.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
        assert_eq!(m1, m2);
    }
}
