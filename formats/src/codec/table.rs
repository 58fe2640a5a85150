//! A chunk's columns read straight into records.
//!
//! [`super::columns::decode`] rebuilds every row as a JSON object (a key copied and a value
//! boxed per cell, every date-time formatted into a new string) and then deserializes the
//! record from it: at a decade the dashboard waits for fifty months of that. Here the columns
//! are turned once into typed vectors ([`Table`]) and each record is deserialized from its row
//! in place: [`RowDe`] is a serde `Deserializer` that walks row `i` of every column, so a
//! record's fields are read without an object in between.
//!
//! It reads exactly what `columns::decode` reads (the same forms, `~u`, `~id`, absent and null
//! cells); the tests hold the two to the same answers.

use super::columns::{decode_ids, read_indices, undeltas, write_datetime, DATETIME_SECS};
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Error, Map, Value};

/// A row's cell that is absent, or `null`; any other slot is an index into the present values.
const ABSENT: u32 = u32::MAX;
const NULL: u32 = u32::MAX - 1;

/// One field's values, as they were stored.
enum Vals {
    Bool(Vec<bool>),
    Int(Vec<i64>),
    /// Seconds of date-times written as `2026-11-02T08:15:00`.
    Time(Vec<i64>),
    /// A dictionary and each value's index in it.
    Dict(Vec<Value>, Vec<usize>),
    Str(Vec<Value>),
    /// Objects: the table of their fields.
    Obj(Table),
    /// Arrays: where each one starts in `elems` (one more than there are arrays).
    Arr(Vec<usize>, Box<Col>),
    Json(Vec<Value>),
}

struct Col {
    /// For each row: [`ABSENT`], [`NULL`] or the index of its value.
    slots: Vec<u32>,
    vals: Vals,
}

/// The columns of `n` rows.
pub struct Table {
    cols: Vec<(String, Col)>,
    n: usize,
}

impl Table {
    /// The table of the `n` rows encoded in `v` (what `columns::encode` wrote).
    pub fn new(v: Value, n: usize) -> Result<Table, String> {
        let Value::Object(mut plain) = v else {
            return Err("columns: not an object".into());
        };
        let u_rel = plain.remove("~u").is_some();
        let ids = plain.remove("~id").map(|ids| decode_ids(ids, n)).transpose()?;
        let mut t = table(plain, n)?;
        if let Some(ids) = ids {
            let vals = Vals::Str(ids.into_iter().map(Value::String).collect());
            t.cols.push((
                "id".into(),
                Col {
                    slots: (0..n as u32).collect(),
                    vals,
                },
            ));
        }
        if u_rel {
            t.relative_u()?;
        }
        Ok(t)
    }

    /// Rows `u` written as their distance from `c` made whole again.
    fn relative_u(&mut self) -> Result<(), String> {
        if self.n == 0 {
            return Ok(());
        }
        let ints = |t: &Table, k: &str| t.cols.iter().position(|(name, c)| name == k && matches!(c.vals, Vals::Int(_)));
        let (Some(c), Some(u)) = (ints(self, "c"), ints(self, "u")) else {
            return Err("columns: c".into());
        };
        let c_of: Vec<i64> = (0..self.n).map(|r| self.cols[c].1.int(r)).collect::<Result<_, _>>()?;
        let col = &mut self.cols[u].1;
        for (r, c) in c_of.into_iter().enumerate() {
            let at = col.slots[r];
            match &mut col.vals {
                Vals::Int(v) if at < NULL => v[at as usize] = v[at as usize].wrapping_add(c),
                _ => return Err("columns: u".into()),
            }
        }
        Ok(())
    }

    /// Row `row`, to deserialize a record from.
    pub fn row(&self, row: usize) -> RowDe<'_> {
        RowDe { t: self, row }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

impl Col {
    fn int(&self, row: usize) -> Result<i64, String> {
        match (&self.vals, self.slots[row]) {
            (Vals::Int(v), at) if at < NULL => Ok(v[at as usize]),
            _ => Err("columns: c".into()),
        }
    }
}

fn table(cols: Map<String, Value>, n: usize) -> Result<Table, String> {
    let cols = cols
        .into_iter()
        .map(|(k, c)| Ok((k, column(c, n)?)))
        .collect::<Result<_, String>>()?;
    Ok(Table { cols, n })
}

fn list(v: Option<Value>) -> Result<Vec<Value>, String> {
    match v {
        Some(Value::Array(a)) => Ok(a),
        _ => Err("columns: not a list".into()),
    }
}

fn counts(v: Vec<Value>) -> Result<Vec<usize>, String> {
    v.iter()
        .map(|l| l.as_u64().map(|l| l as usize).ok_or_else(|| "columns: length".into()))
        .collect()
}

/// The column of `n` rows encoded in `col` (the forms of `columns::encode_column`).
fn column(col: Value, n: usize) -> Result<Col, String> {
    let Value::Object(mut col) = col else {
        return Err("columns: not a column".into());
    };
    let missing = read_indices(col.get("m"), n)?;
    let nulls = read_indices(col.get("n"), n)?;
    let mut count = 0u32;
    let slots: Vec<u32> = (0..n)
        .map(|i| {
            if missing[i] {
                ABSENT
            } else if nulls[i] {
                NULL
            } else {
                count += 1;
                count - 1
            }
        })
        .collect();
    let count = count as usize;
    let take = |k: &str, col: &mut Map<String, Value>| list(col.remove(k));
    let (vals, len) = if count == 0 {
        (Vals::Json(Vec::new()), 0)
    } else if col.contains_key("b") {
        let b: Vec<bool> = take("b", &mut col)?.iter().map(|v| v.as_u64() == Some(1)).collect();
        let len = b.len();
        (Vals::Bool(b), len)
    } else if let Some(i) = col.get("i") {
        let i = undeltas(i)?;
        let len = i.len();
        (Vals::Int(i), len)
    } else if let Some(t) = col.get("t") {
        let t = undeltas(t)?;
        if t.iter().any(|s| !DATETIME_SECS.contains(s)) {
            return Err("columns: time".into());
        }
        let len = t.len();
        (Vals::Time(t), len)
    } else if col.contains_key("d") {
        let d = take("d", &mut col)?;
        let x = counts(take("x", &mut col)?).map_err(|_| "columns: dictionary")?;
        if x.iter().any(|&i| i >= d.len()) {
            return Err("columns: dictionary".into());
        }
        let len = x.len();
        (Vals::Dict(d, x), len)
    } else if col.contains_key("s") {
        let s = take("s", &mut col)?;
        let len = s.len();
        (Vals::Str(s), len)
    } else if let Some(o) = col.remove("o") {
        let Value::Object(o) = o else {
            return Err("columns: not an object".into());
        };
        (Vals::Obj(table(o, count)?), count)
    } else if col.contains_key("a") {
        let lens = counts(take("a", &mut col)?)?;
        let mut starts = Vec::with_capacity(lens.len() + 1);
        let mut total = 0usize;
        starts.push(0);
        for l in &lens {
            total = total.checked_add(*l).ok_or("columns: length")?;
            starts.push(total);
        }
        let e = col.remove("e").ok_or("columns: elements")?;
        (Vals::Arr(starts, Box::new(column(e, total)?)), lens.len())
    } else if col.contains_key("j") {
        let j = take("j", &mut col)?;
        let len = j.len();
        (Vals::Json(j), len)
    } else {
        return Err("columns: unknown column".into());
    };
    if len != count {
        return Err("columns: count".into());
    }
    Ok(Col { slots, vals })
}

/// Row `row` of a table, as a map of its present fields.
pub struct RowDe<'a> {
    t: &'a Table,
    row: usize,
}

impl<'a> Deserializer<'a> for RowDe<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(Fields {
            t: self.t,
            row: self.row,
            at: 0,
        })
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct Fields<'a> {
    t: &'a Table,
    row: usize,
    at: usize,
}

impl<'a> MapAccess<'a> for Fields<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let t: &'a Table = self.t;
        while let Some((k, c)) = t.cols.get(self.at) {
            if c.slots[self.row] != ABSENT {
                return seed.deserialize(BorrowedStrDeserializer::new(k)).map(Some);
            }
            self.at += 1;
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let t: &'a Table = self.t;
        let (_, col) = &t.cols[self.at];
        self.at += 1;
        seed.deserialize(Cell {
            col,
            slot: col.slots[self.row],
        })
    }
}

/// One cell: a column and the slot of its row.
struct Cell<'a> {
    col: &'a Col,
    slot: u32,
}

impl<'a> Cell<'a> {
    /// The text of a string cell.
    fn text(&self) -> Option<&'a str> {
        let i = self.slot as usize;
        match &self.col.vals {
            Vals::Str(s) if self.slot < NULL => s[i].as_str(),
            Vals::Dict(d, x) if self.slot < NULL => d[x[i]].as_str(),
            _ => None,
        }
    }

    /// The cell as a JSON value: for what only serde_json knows how to read (enum variants
    /// with data).
    fn value(&self) -> Result<Value, Error> {
        Value::deserialize(Cell {
            col: self.col,
            slot: self.slot,
        })
    }
}

impl<'a> Deserializer<'a> for Cell<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.slot >= NULL {
            return visitor.visit_unit();
        }
        let i = self.slot as usize;
        match &self.col.vals {
            Vals::Bool(b) => visitor.visit_bool(b[i]),
            Vals::Int(v) => visitor.visit_i64(v[i]),
            Vals::Time(t) => visitor.visit_str(write_datetime(t[i], &mut [0; 19]).unwrap_or_default()),
            Vals::Dict(d, x) => (&d[x[i]]).deserialize_any(visitor),
            Vals::Str(s) | Vals::Json(s) => (&s[i]).deserialize_any(visitor),
            Vals::Obj(t) => visitor.visit_map(Fields { t, row: i, at: 0 }),
            Vals::Arr(starts, elems) => visitor.visit_seq(Elems {
                col: elems,
                at: starts[i],
                end: starts[i + 1],
            }),
        }
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.slot >= NULL {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.text() {
            Some(s) => visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(s)),
            None => self.value()?.deserialize_enum(name, variants, visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The elements of one array cell.
struct Elems<'a> {
    col: &'a Col,
    at: usize,
    end: usize,
}

impl<'a> SeqAccess<'a> for Elems<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.at >= self.end {
            return Ok(None);
        }
        let slot = *self.col.slots.get(self.at).ok_or_else(|| de::Error::custom("columns: elements"))?;
        self.at += 1;
        // An element is never absent from its array; `columns::decode` reads a gap as null.
        let slot = if slot == ABSENT { NULL } else { slot };
        seed.deserialize(Cell { col: self.col, slot }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.end - self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns;
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// What `columns::decode` answers, and what the table answers, for the same stored text.
    fn both(rows: Vec<Map<String, Value>>) -> (Value, Value) {
        let n = rows.len();
        let text = serde_json::to_string(&columns::encode(rows)).unwrap();
        let old = columns::decode(serde_json::from_str(&text).unwrap(), n).unwrap();
        let t = Table::new(serde_json::from_str(&text).unwrap(), n).unwrap();
        let new: Vec<Value> = (0..t.len()).map(|r| Value::deserialize(t.row(r)).unwrap()).collect();
        (Value::Array(old.into_iter().map(Value::Object).collect()), Value::Array(new))
    }

    fn rows(v: Value) -> Vec<Map<String, Value>> {
        v.as_array().unwrap().iter().map(|r| r.as_object().unwrap().clone()).collect()
    }

    #[test]
    fn every_form_reads_as_the_rows_it_came_from() {
        let v = json!([
            {"id": "0123456789abcdef0000000000000001", "c": 1000, "u": 1000, "d": "dev",
             "at": "2026-11-02T08:15:00", "ok": true, "o": {"a": 1}, "e": [{"at": "2026-11-02T09:00:00", "s": "X"}],
             "mixed": 1, "f": 1.5, "nul": null, "str": "a", "early": "0001-01-01T00:00:00"},
            {"id": "0123456789abcdef0000000000000002", "c": 5000, "u": 9000, "d": "dev",
             "at": "2026-11-03T10:00:00", "ok": false, "e": [], "mixed": "x", "f": 2.0, "nul": 3, "str": "b",
             "new_field": {"deep": [1, [2, 3], null]}, "early": "9999-12-31T23:59:59"},
            {"id": "ffffffffffffffff0000000000000000", "c": 4000, "u": 4000, "d": "dev",
             "at": "2026-11-03T10:00:00.5", "o": null, "e": [{"at": "2026-11-04T09:00:00"}, {"s": "Y", "x": null}],
             "str": "c"}
        ]);
        let (old, new) = both(rows(v.clone()));
        assert_eq!(new, v);
        assert_eq!(old, new);
    }

    #[test]
    fn enums_with_and_without_data_are_read() {
        #[derive(Deserialize, serde::Serialize, Debug, PartialEq)]
        enum E {
            Unit,
            With(u8),
            Named { a: String },
        }
        #[derive(Deserialize, serde::Serialize, Debug, PartialEq)]
        struct R {
            e: E,
            o: Option<E>,
        }
        let rs = vec![
            R { e: E::Unit, o: None },
            R {
                e: E::With(3),
                o: Some(E::Unit),
            },
            R {
                e: E::Named { a: "x".into() },
                o: Some(E::With(1)),
            },
        ];
        let rows: Vec<Map<String, Value>> = rs
            .iter()
            .map(|r| serde_json::to_value(r).unwrap().as_object().unwrap().clone())
            .collect();
        let t = Table::new(columns::encode(rows), 3).unwrap();
        let back: Vec<R> = (0..3).map(|r| R::deserialize(t.row(r)).unwrap()).collect();
        assert_eq!(back, rs);
    }

    #[test]
    fn malformed_columns_are_errors_not_panics() {
        let more = [json!({"a": {"t": [999_999_999_999_999i64]}}), json!({"~u": 1, "c": {"i": [1]}})];
        for bad in columns::tests::malformed().into_iter().chain(more) {
            assert!(Table::new(bad.clone(), 1).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_rows_read_as_columns_decode_reads_them(rs in proptest::collection::vec(
            proptest::collection::btree_map("[a-f]|id|c|u", columns::tests::arb_value(), 0..6), 0..8)) {
            let v = Value::Array(rs.into_iter().map(|m| Value::Object(m.into_iter().collect())).collect());
            let (old, new) = both(rows(v.clone()));
            prop_assert_eq!(&new, &v);
            prop_assert_eq!(old, new);
        }
    }
}
