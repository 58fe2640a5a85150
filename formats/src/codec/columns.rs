//! Records turned into columns, so that what repeats from one record to the next compresses.
//!
//! A chunk's records (as JSON objects) become one column per field. Each column is written in
//! the densest of a few forms, chosen by looking at its values:
//! - `i`: integers as differences from the previous one (times in order cost a few digits);
//! - `t`: date-times (`2026-11-02T08:15:00`) as seconds, differences again;
//! - `d` + `x`: strings with many repeats as a dictionary and indices (procedures, devices);
//! - `s`: other strings; `b`: booleans as 0/1;
//! - `o`: objects, as columns of their own fields (an extension, a fee);
//! - `a` + `e`: arrays, as their lengths and one column of all their elements (the events of
//!   every dossier in a month are one set of columns);
//! - `j`: anything else as it is (mixed types, fractions).
//!
//! `m` lists the rows where a field is absent and `n` where it is `null`, so both come back as
//! they were. Two facts of [`crate::record::Meta`] are used at the top level: `u` is written as
//! its distance from `c` (most records are never changed), and an id made of a tab's prefix and
//! a counter ([`crate::record::sequential_id`]) as a dictionary of prefixes and counter steps.
//! Fields this build does not know are columns like any other: nothing is dropped.
//!
//! This module defines the forms and works on JSON objects: it is the reference. Chunks are
//! written by [`super::collect`] (records straight into columns) and read by [`super::table`]
//! (records straight from them), which the tests hold to exactly what this module writes and
//! reads.

use serde_json::{Map, Value};
use std::collections::HashMap;

type Row = Map<String, Value>;

/// The columns of `rows` (JSON objects) as one JSON value.
pub fn encode(mut rows: Vec<Row>) -> Value {
    let mut flags = Map::new();
    if rows
        .iter()
        .all(|r| r.get("c").is_some_and(Value::is_i64) && r.get("u").is_some_and(Value::is_i64))
    {
        for r in &mut rows {
            let c = r.get("c").and_then(Value::as_i64).unwrap_or(0);
            if let Some(u) = r.get_mut("u") {
                *u = Value::from(u.as_i64().unwrap_or(0).wrapping_sub(c));
            }
        }
        flags.insert("~u".into(), Value::from(1));
    }
    let ids: Option<Vec<(String, u64)>> = rows
        .iter()
        .map(|r| r.get("id").and_then(Value::as_str).and_then(split_id))
        .collect();
    if let Some(ids) = ids.filter(|v| !v.is_empty()) {
        for r in &mut rows {
            r.remove("id");
        }
        flags.insert("~id".into(), encode_ids(ids));
    }
    let mut out = encode_rows(&rows.iter().collect::<Vec<_>>());
    if let Value::Object(m) = &mut out {
        m.extend(flags);
    }
    out
}

/// The `n` rows encoded in `v`.
pub fn decode(v: Value, n: usize) -> Result<Vec<Row>, String> {
    let Value::Object(mut plain) = v else {
        return Err("columns: not an object".into());
    };
    let u_rel = plain.remove("~u").is_some();
    let ids = plain.remove("~id");
    let mut rows = decode_rows(Value::Object(plain), n)?;
    if let Some(ids) = ids {
        let ids = decode_ids(ids, n)?;
        for (r, id) in rows.iter_mut().zip(ids) {
            r.insert("id".into(), Value::String(id));
        }
    }
    if u_rel {
        for r in &mut rows {
            let c = r.get("c").and_then(Value::as_i64).ok_or("columns: c")?;
            let u = r.get("u").and_then(Value::as_i64).ok_or("columns: u")?;
            r.insert("u".into(), Value::from(u.wrapping_add(c)));
        }
    }
    Ok(rows)
}

/// A 32-hex-digit id as its first 16 digits and the number the last 16 make.
pub(crate) fn split_id(id: &str) -> Option<(String, u64)> {
    let ok = id.len() == 32 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    ok.then(|| Some((id[..16].to_string(), u64::from_str_radix(&id[16..], 16).ok()?)))
        .flatten()
}

/// Ids as a dictionary of prefixes, and each counter as the step from the last one of the
/// same prefix (ids a tab makes in order cost a digit).
pub(crate) fn encode_ids(ids: Vec<(String, u64)>) -> Value {
    let mut last: HashMap<&str, u64> = HashMap::new();
    let steps: Vec<Value> = ids
        .iter()
        .map(|(p, n)| {
            let prev = last.insert(p, *n).unwrap_or(0);
            Value::from(n.wrapping_sub(prev) as i64)
        })
        .collect();
    let p: Vec<Value> = ids.into_iter().map(|(p, _)| Value::String(p)).collect();
    let refs: Vec<Option<&Value>> = p.iter().map(Some).collect();
    let mut m = Map::new();
    m.insert("p".into(), encode_column(&refs));
    m.insert("q".into(), Value::Array(steps));
    Value::Object(m)
}

pub(crate) fn decode_ids(v: Value, n: usize) -> Result<Vec<String>, String> {
    let Value::Object(mut v) = v else {
        return Err("ids: not an object".into());
    };
    let prefixes = decode_column(v.remove("p").ok_or("ids: p")?, n)?;
    let Some(Value::Array(steps)) = v.remove("q") else {
        return Err("ids: q".into());
    };
    if steps.len() != n {
        return Err("ids: count".into());
    }
    let mut last: HashMap<String, u64> = HashMap::new();
    prefixes
        .into_iter()
        .zip(steps)
        .map(|(p, s)| {
            let p = p.as_ref().and_then(Value::as_str).ok_or("ids: prefix")?.to_string();
            let step = s.as_i64().ok_or("ids: step")? as u64;
            let prev = last.get(&p).copied().unwrap_or(0);
            let n = prev.wrapping_add(step);
            last.insert(p.clone(), n);
            Ok(format!("{p}{n:016x}"))
        })
        .collect()
}

fn encode_rows(rows: &[&Row]) -> Value {
    let mut keys: Vec<&str> = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for r in rows {
        for k in r.keys() {
            if seen.insert(k, ()).is_none() {
                keys.push(k);
            }
        }
    }
    let mut cols = Map::new();
    for k in keys {
        let vals: Vec<Option<&Value>> = rows.iter().map(|r| r.get(k)).collect();
        cols.insert(k.to_string(), encode_column(&vals));
    }
    Value::Object(cols)
}

fn decode_rows(v: Value, n: usize) -> Result<Vec<Row>, String> {
    let Value::Object(cols) = v else {
        return Err("columns: not an object".into());
    };
    let mut rows = vec![Row::new(); n];
    for (k, col) in cols {
        for (r, val) in rows.iter_mut().zip(decode_column(col, n)?) {
            if let Some(val) = val {
                r.insert(k.clone(), val);
            }
        }
    }
    Ok(rows)
}

/// Row indices as differences (ascending lists).
pub(crate) fn indices(xs: impl Iterator<Item = usize>) -> Value {
    let mut prev = 0;
    Value::Array(
        xs.map(|i| {
            let d = i - prev;
            prev = i;
            Value::from(d)
        })
        .collect(),
    )
}

pub(crate) fn read_indices(v: Option<&Value>, n: usize) -> Result<Vec<bool>, String> {
    let mut marks = vec![false; n];
    let mut at = 0usize;
    for d in v.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
        at = at
            .checked_add(d.as_u64().ok_or("columns: index")? as usize)
            .ok_or("columns: index")?;
        *marks.get_mut(at).ok_or("columns: index out of range")? = true;
    }
    Ok(marks)
}

pub(crate) fn deltas(xs: impl Iterator<Item = i64>) -> Value {
    let mut prev = 0i64;
    Value::Array(
        xs.map(|x| {
            let d = x.wrapping_sub(prev);
            prev = x;
            Value::from(d)
        })
        .collect(),
    )
}

pub(crate) fn undeltas(v: &Value) -> Result<Vec<i64>, String> {
    let mut prev = 0i64;
    v.as_array()
        .ok_or("columns: numbers")?
        .iter()
        .map(|d| {
            prev = prev.wrapping_add(d.as_i64().ok_or("columns: number")?);
            Ok(prev)
        })
        .collect()
}

/// Seconds of a date-time written exactly as chrono writes `NaiveDateTime`
/// (`2026-11-02T08:15:00`, [`crate::record::parse_datetime`]); anything else (fractions, other
/// spellings) is not coded as a number, so that it comes back as it was.
fn datetime(s: &str) -> Option<i64> {
    crate::record::parse_datetime(s).map(|t| t.and_utc().timestamp())
}

/// The seconds of the date-times written as such: the years 0000 to 9999.
pub(crate) const DATETIME_SECS: std::ops::RangeInclusive<i64> = -62_167_219_200..=253_402_300_799;

/// `2026-11-02T08:15:00`, written into `buf` (no allocation: a chunk read writes one for every
/// date-time of every record); `None` outside [`DATETIME_SECS`].
pub(crate) fn write_datetime(secs: i64, buf: &mut [u8; 19]) -> Option<&str> {
    use chrono::{Datelike, Timelike};
    if !DATETIME_SECS.contains(&secs) {
        return None;
    }
    let t = chrono::DateTime::from_timestamp(secs, 0)?.naive_utc();
    let mut put = |at: usize, width: usize, mut v: u32| {
        for i in (0..width).rev() {
            buf[at + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, 4, t.year().max(0) as u32);
    put(5, 2, t.month());
    put(8, 2, t.day());
    put(11, 2, t.hour());
    put(14, 2, t.minute());
    put(17, 2, t.second());
    for (at, c) in [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')] {
        buf[at] = c;
    }
    std::str::from_utf8(buf).ok()
}

fn datetime_text(secs: i64) -> Option<String> {
    write_datetime(secs, &mut [0; 19]).map(str::to_owned)
}

/// A column of strings: as date-times (`t`), as a dictionary (`d` + `x`) when at most half of
/// them are distinct, else as they are (`s`).
pub(crate) fn put_strings(m: &mut Map<String, Value>, strs: &[&str]) {
    if let Some(ts) = strs.iter().map(|s| datetime(s)).collect::<Option<Vec<i64>>>() {
        m.insert("t".into(), deltas(ts.into_iter()));
        return;
    }
    let mut dict: Vec<&str> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let idx: Vec<usize> = strs
        .iter()
        .map(|s| {
            *at.entry(s).or_insert_with(|| {
                dict.push(s);
                dict.len() - 1
            })
        })
        .collect();
    if dict.len() * 2 <= strs.len() {
        m.insert("d".into(), Value::from(dict));
        m.insert("x".into(), Value::from(idx));
    } else {
        m.insert("s".into(), Value::from(strs));
    }
}

pub(crate) fn encode_column(vals: &[Option<&Value>]) -> Value {
    let mut m = Map::new();
    if vals.iter().any(Option::is_none) {
        m.insert(
            "m".into(),
            indices(vals.iter().enumerate().filter(|(_, v)| v.is_none()).map(|(i, _)| i)),
        );
    }
    if vals.iter().any(|v| v.is_some_and(Value::is_null)) {
        m.insert(
            "n".into(),
            indices(
                vals.iter()
                    .enumerate()
                    .filter(|(_, v)| v.is_some_and(Value::is_null))
                    .map(|(i, _)| i),
            ),
        );
    }
    let present: Vec<&Value> = vals.iter().flatten().copied().filter(|v| !v.is_null()).collect();
    if present.is_empty() {
        return Value::Object(m);
    }
    let strs: Option<Vec<&str>> = present.iter().map(|v| v.as_str()).collect();
    if present.iter().all(|v| v.is_boolean()) {
        let bits = present.iter().map(|v| Value::from(u8::from(v.as_bool() == Some(true))));
        m.insert("b".into(), Value::Array(bits.collect()));
    } else if present.iter().all(|v| v.is_i64()) {
        m.insert("i".into(), deltas(present.iter().filter_map(|v| v.as_i64())));
    } else if let Some(strs) = strs {
        put_strings(&mut m, &strs);
    } else if present.iter().all(|v| v.is_object()) {
        let rows: Vec<&Row> = present.iter().filter_map(|v| v.as_object()).collect();
        m.insert("o".into(), encode_rows(&rows));
    } else if present.iter().all(|v| v.is_array()) {
        let lens = present.iter().map(|v| Value::from(v.as_array().map_or(0, Vec::len)));
        m.insert("a".into(), Value::Array(lens.collect()));
        let elems: Vec<Option<&Value>> = present.iter().filter_map(|v| v.as_array()).flatten().map(Some).collect();
        m.insert("e".into(), encode_column(&elems));
    } else {
        m.insert("j".into(), Value::Array(present.into_iter().cloned().collect()));
    }
    Value::Object(m)
}

/// The `n` values of a column: `None` where the field is absent.
fn decode_column(col: Value, n: usize) -> Result<Vec<Option<Value>>, String> {
    let Value::Object(mut col) = col else {
        return Err("columns: not a column".into());
    };
    let missing = read_indices(col.get("m"), n)?;
    let nulls = read_indices(col.get("n"), n)?;
    let count = (0..n).filter(|&i| !missing[i] && !nulls[i]).count();
    let array = |v: Option<Value>| match v {
        Some(Value::Array(a)) => Ok(a),
        _ => Err("columns: not a list".to_string()),
    };
    let present: Vec<Value> = if count == 0 {
        Vec::new()
    } else if let Some(b) = col.remove("b") {
        array(Some(b))?.iter().map(|v| Value::Bool(v.as_u64() == Some(1))).collect()
    } else if let Some(i) = col.get("i") {
        undeltas(i)?.into_iter().map(Value::from).collect()
    } else if let Some(t) = col.get("t") {
        undeltas(t)?
            .into_iter()
            .map(|s| datetime_text(s).map(Value::String).ok_or("columns: time"))
            .collect::<Result<_, _>>()?
    } else if let Some(d) = col.remove("d") {
        let d = array(Some(d))?;
        array(col.remove("x"))?
            .iter()
            .map(|i| i.as_u64().and_then(|i| d.get(i as usize)).cloned().ok_or("columns: dictionary"))
            .collect::<Result<_, _>>()?
    } else if let Some(s) = col.remove("s") {
        array(Some(s))?
    } else if let Some(o) = col.remove("o") {
        decode_rows(o, count)?.into_iter().map(Value::Object).collect()
    } else if let Some(a) = col.remove("a") {
        let lens: Vec<usize> = array(Some(a))?
            .iter()
            .map(|l| l.as_u64().map(|l| l as usize).ok_or("columns: length"))
            .collect::<Result<_, _>>()?;
        let total = lens.iter().try_fold(0usize, |s, l| s.checked_add(*l)).ok_or("columns: length")?;
        let e = col.remove("e").ok_or("columns: elements")?;
        let mut elems = decode_column(e, total)?.into_iter();
        lens.iter()
            .map(|&l| Value::Array(elems.by_ref().take(l).map(|v| v.unwrap_or(Value::Null)).collect()))
            .collect()
    } else if let Some(j) = col.remove("j") {
        array(Some(j))?
    } else {
        return Err("columns: unknown column".into());
    };
    if present.len() != count {
        return Err("columns: count".into());
    }
    let mut present = present.into_iter();
    Ok((0..n)
        .map(|i| {
            if missing[i] {
                None
            } else if nulls[i] {
                Some(Value::Null)
            } else {
                present.next()
            }
        })
        .collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    const DATETIME: &str = "%Y-%m-%dT%H:%M:%S";

    #[test]
    fn datetimes_read_by_hand_as_chrono_writes_them() {
        for s in [
            "2026-11-02T08:15:00",
            "1970-01-01T00:00:00",
            "2100-12-31T23:59:59",
            "0001-01-01T00:00:00",
        ] {
            let secs = datetime(s).unwrap();
            assert_eq!(
                secs,
                chrono::NaiveDateTime::parse_from_str(s, DATETIME).unwrap().and_utc().timestamp()
            );
            assert_eq!(datetime_text(secs).unwrap(), s);
        }
        assert_eq!(datetime_text(*DATETIME_SECS.start()).unwrap(), "0000-01-01T00:00:00");
        assert_eq!(datetime_text(*DATETIME_SECS.end()).unwrap(), "9999-12-31T23:59:59");
        assert_eq!(datetime_text(DATETIME_SECS.start() - 1), None);
        assert_eq!(datetime_text(DATETIME_SECS.end() + 1), None);
        for s in [
            "2026-11-02T08:15:00.5",
            "2026-13-02T08:15:00",
            "2026-02-30T08:15:00",
            "2026-11-02 08:15:00",
            "2026-11-02T24:00:00",
            "+026-11-02T08:15:00",
        ] {
            assert_eq!(datetime(s), None, "{s}");
        }
    }

    fn rows(v: Value) -> Vec<Row> {
        v.as_array().unwrap().iter().map(|r| r.as_object().unwrap().clone()).collect()
    }

    fn round_trip(v: Value) -> Value {
        let rs = rows(v);
        let n = rs.len();
        let enc = encode(rs);
        let text = serde_json::to_string(&enc).unwrap();
        let back = decode(serde_json::from_str(&text).unwrap(), n).unwrap();
        Value::Array(back.into_iter().map(Value::Object).collect())
    }

    #[test]
    fn every_form_comes_back() {
        let v = json!([
            {"id": "0123456789abcdef0000000000000001", "c": 1000, "u": 1000, "d": "dev",
             "at": "2026-11-02T08:15:00", "ok": true, "o": {"a": 1}, "e": [{"at": "2026-11-02T09:00:00", "s": "X"}],
             "mixed": 1, "f": 1.5, "nul": null, "str": "a"},
            {"id": "0123456789abcdef0000000000000002", "c": 5000, "u": 9000, "d": "dev",
             "at": "2026-11-03T10:00:00", "ok": false, "e": [], "mixed": "x", "f": 2.0, "nul": 3, "str": "b",
             "new_field": {"deep": [1, [2, 3], null]}},
            {"id": "ffffffffffffffff0000000000000000", "c": 4000, "u": 4000, "d": "dev",
             "at": "2026-11-03T10:00:00.5", "o": null, "e": [{"at": "2026-11-04T09:00:00"}, {"s": "Y", "x": null}],
             "str": "c"}
        ]);
        assert_eq!(round_trip(v.clone()), v);
    }

    #[test]
    fn repeats_and_sequences_cost_little() {
        let v: Vec<Value> = (0..200)
            .map(|i| {
                json!({"id": format!("0123456789abcdef{:016x}", 100 + i), "c": 1_700_000_000_000i64 + i * 60_000,
                       "u": 1_700_000_000_000i64 + i * 60_000, "d": "device-one", "p": "Cấp giấy phép kinh doanh"})
            })
            .collect();
        let plain = serde_json::to_string(&v).unwrap().len();
        let cols = serde_json::to_string(&encode(rows(Value::Array(v)))).unwrap().len();
        assert!(cols * 6 < plain, "{cols} vs {plain}");
    }

    #[test]
    fn ids_that_are_not_ours_stay_text() {
        let v = json!([{"id": "A-1", "c": 1, "u": 1}, {"id": "b", "c": 2, "u": 3}]);
        assert_eq!(round_trip(v.clone()), v);
    }

    /// Columns of one row that no reader may take (and must not panic on).
    pub(crate) fn malformed() -> Vec<Value> {
        vec![
            json!(1),
            json!({"a": {"i": [1, 2]}}),
            json!({"a": {"m": [5]}}),
            json!({"a": {"d": ["x"], "x": [3]}}),
            json!({"a": {"a": [5], "e": {"i": [1]}}}),
            json!({"a": {"a": [18446744073709551615u64, 1], "e": {}}}),
            json!({"a": {"zz": 1}}),
            json!({"~id": {"p": {"s": ["x"]}, "q": []}}),
        ]
    }

    #[test]
    fn malformed_columns_are_errors_not_panics() {
        for bad in malformed() {
            assert!(decode(bad.clone(), 1).is_err(), "{bad}");
        }
    }

    pub(crate) fn arb_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            "[a-z0-9:T-]{0,20}".prop_map(Value::from),
            (0i64..4_000_000_000).prop_map(|s| Value::from(
                chrono::DateTime::from_timestamp(s, 0)
                    .unwrap()
                    .naive_utc()
                    .format(DATETIME)
                    .to_string()
            )),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::btree_map("[a-e]", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_rows_round_trip(rs in proptest::collection::vec(
            proptest::collection::btree_map("[a-f]|id|c|u", arb_value(), 0..6), 0..8)) {
            let v = Value::Array(rs.into_iter().map(|m| Value::Object(m.into_iter().collect())).collect());
            prop_assert_eq!(round_trip(v.clone()), v);
        }
    }
}
