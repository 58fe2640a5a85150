//! Records serialized straight into columns.
//!
//! [`super::columns::encode`] takes every record as a JSON object (a tree of boxed values and
//! sorted maps per record) and then looks each field up again in every row: an import packs
//! 84 months of that. Here a serde `Serializer` sends each field of each record to its column
//! as it is written ([`Table`]), and the columns are then written in exactly the forms
//! `columns::encode` chooses; the tests hold the two to the same text.

use super::columns::{deltas, encode_column, encode_ids, indices, put_strings, split_id};
use serde::ser::{self, Serialize, Serializer};
use serde_json::{Error, Map, Value};

/// A value as it was serialized into a column.
enum Piece {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    /// An object: its fields are row `n` of the column's [`Col::sub`] table, `n` counting the
    /// column's objects.
    Obj,
    /// An array of this many elements, which follow the previous array's in [`Col::elems`].
    Arr(usize),
    /// Anything else (fractions, enum variants with data), as serde_json writes it.
    Other(Value),
}

impl Piece {
    /// `Other` for the values a `Piece` has a form of its own for, so that a column's form
    /// does not depend on how its values were serialized.
    fn of(v: Value) -> Piece {
        match v {
            Value::Null => Piece::Null,
            Value::Bool(b) => Piece::Bool(b),
            Value::String(s) => Piece::Str(s),
            Value::Number(n) if n.is_i64() => Piece::Int(n.as_i64().unwrap_or_default()),
            v => Piece::Other(v),
        }
    }
}

/// One field's values, with the rows they belong to.
#[derive(Default)]
struct Col {
    rows: Vec<usize>,
    pieces: Vec<Piece>,
    sub: Table,
    elems: Option<Box<Col>>,
    elem_count: usize,
}

/// Columns by field name, in the order they were first seen.
#[derive(Default)]
pub struct Table {
    names: Vec<String>,
    cols: Vec<Col>,
    n: usize,
    /// Where the next field probably is: records write their fields in the same order.
    next: usize,
}

impl Table {
    fn col(&mut self, name: &str) -> &mut Col {
        let at = if self.names.get(self.next).is_some_and(|n| n == name) {
            self.next
        } else if let Some(i) = self.names.iter().position(|n| n == name) {
            i
        } else {
            self.names.push(name.to_string());
            self.cols.push(Col::default());
            self.names.len() - 1
        };
        self.next = at + 1;
        &mut self.cols[at]
    }
}

/// The columns of `records` (each must serialize as an object), as `columns::encode` writes
/// them; `None` when one does not serialize, not as an object, or with a field twice.
pub fn encode<T: Serialize>(records: &[&T]) -> Option<Value> {
    let mut root = Col::default();
    for (row, r) in records.iter().enumerate() {
        r.serialize(CellSer { c: &mut root, row }).ok()?;
    }
    if !root.pieces.iter().all(|p| matches!(p, Piece::Obj)) {
        return None;
    }
    let mut t = root.sub;
    let mut flags = Map::new();
    if relative_u(&mut t) {
        flags.insert("~u".into(), Value::from(1));
    }
    if let Some(ids) = ids(&mut t) {
        flags.insert("~id".into(), encode_ids(ids));
    }
    let mut out = table_value(t);
    out.extend(flags);
    Some(Value::Object(out))
}

/// The column `name` if every row has an integer in it.
fn all_ints(t: &Table, name: &str) -> Option<usize> {
    let i = t.names.iter().position(|n| n == name)?;
    let c = &t.cols[i];
    (c.rows.len() == t.n && c.pieces.iter().all(|p| matches!(p, Piece::Int(_)))).then_some(i)
}

/// Each row's `u` as its distance from its `c` (most records are never changed), when every
/// row has both as integers.
fn relative_u(t: &mut Table) -> bool {
    if t.n == 0 {
        return true;
    }
    let (Some(c), Some(u)) = (all_ints(t, "c"), all_ints(t, "u")) else {
        return false;
    };
    let cs: Vec<i64> = t.cols[c]
        .pieces
        .iter()
        .map(|p| if let Piece::Int(c) = p { *c } else { 0 })
        .collect();
    for (p, c) in t.cols[u].pieces.iter_mut().zip(cs) {
        if let Piece::Int(u) = p {
            *u = u.wrapping_sub(c);
        }
    }
    true
}

/// The rows' ids as prefix and counter, taken out of the table, when every row has one
/// ([`split_id`]).
fn ids(t: &mut Table) -> Option<Vec<(String, u64)>> {
    let i = t.names.iter().position(|n| n == "id")?;
    let c = &t.cols[i];
    if t.n == 0 || c.rows.len() != t.n {
        return None;
    }
    let ids = c
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Str(s) => split_id(s),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    t.names.remove(i);
    t.cols.remove(i);
    Some(ids)
}

fn table_value(t: Table) -> Map<String, Value> {
    let n = t.n;
    t.names.into_iter().zip(t.cols).map(|(k, c)| (k, col_value(c, n))).collect()
}

/// A column of `n` rows in the form `columns::encode_column` writes.
fn col_value(c: Col, n: usize) -> Value {
    let mut m = Map::new();
    if c.rows.len() < n {
        let mut present = c.rows.iter().peekable();
        let missing = (0..n).filter(|r| {
            let here = present.peek() == Some(&r);
            if here {
                present.next();
            }
            !here
        });
        m.insert("m".into(), indices(missing));
    }
    if c.pieces.iter().any(|p| matches!(p, Piece::Null)) {
        let nulls = c.rows.iter().zip(&c.pieces).filter(|(_, p)| matches!(p, Piece::Null));
        m.insert("n".into(), indices(nulls.map(|(r, _)| *r)));
    }
    let present: Vec<&Piece> = c.pieces.iter().filter(|p| !matches!(p, Piece::Null)).collect();
    let all = |f: fn(&Piece) -> bool| present.iter().all(|p| f(p));
    if present.is_empty() {
    } else if all(|p| matches!(p, Piece::Bool(_))) {
        let bits = present.iter().map(|p| Value::from(u8::from(matches!(p, Piece::Bool(true)))));
        m.insert("b".into(), Value::Array(bits.collect()));
    } else if all(|p| matches!(p, Piece::Int(_))) {
        let ints = present.iter().map(|p| if let Piece::Int(i) = p { *i } else { 0 });
        m.insert("i".into(), deltas(ints));
    } else if all(|p| matches!(p, Piece::Str(_))) {
        let strs: Vec<&str> = present
            .iter()
            .map(|p| if let Piece::Str(s) = p { s.as_str() } else { "" })
            .collect();
        put_strings(&mut m, &strs);
    } else if all(|p| matches!(p, Piece::Obj)) {
        m.insert("o".into(), Value::Object(table_value(c.sub)));
    } else if all(|p| matches!(p, Piece::Arr(_))) {
        let lens = present.iter().map(|p| Value::from(if let Piece::Arr(l) = p { *l } else { 0 }));
        m.insert("a".into(), Value::Array(lens.collect()));
        let elems = c
            .elems
            .map(|e| col_value(*e, c.elem_count))
            .unwrap_or_else(|| Value::Object(Map::new()));
        m.insert("e".into(), elems);
    } else {
        // Mixed kinds (or objects and arrays that serde_json wrote): the values as JSON, in
        // whatever form `columns` gives them.
        drop(present);
        let rows = c.rows.clone();
        let vals = values(c);
        let mut cells: Vec<Option<&Value>> = vec![None; n];
        for (r, v) in rows.into_iter().zip(&vals) {
            cells[r] = Some(v);
        }
        return encode_column(&cells);
    }
    Value::Object(m)
}

/// The present values of a column as JSON (for the rare columns of mixed kinds): objects and
/// arrays put back together from the tables they went to.
fn values(c: Col) -> Vec<Value> {
    let sub = c.sub;
    let mut objs = rows_of(sub).into_iter();
    let mut elems = c.elems.map(|e| values(*e)).unwrap_or_default().into_iter();
    c.pieces
        .into_iter()
        .map(|p| match p {
            Piece::Null => Value::Null,
            Piece::Bool(b) => Value::Bool(b),
            Piece::Int(i) => Value::from(i),
            Piece::Str(s) => Value::String(s),
            Piece::Obj => Value::Object(objs.next().unwrap_or_default()),
            Piece::Arr(l) => Value::Array(elems.by_ref().take(l).collect()),
            Piece::Other(v) => v,
        })
        .collect()
}

/// The rows of a table as JSON objects.
fn rows_of(t: Table) -> Vec<Map<String, Value>> {
    let mut rows = vec![Map::new(); t.n];
    for (k, c) in t.names.into_iter().zip(t.cols) {
        let at = c.rows.clone();
        for (r, v) in at.into_iter().zip(values(c)) {
            if let Some(row) = rows.get_mut(r) {
                row.insert(k.clone(), v);
            }
        }
    }
    rows
}

/// Serializes one value into column `c` at `row`.
struct CellSer<'a> {
    c: &'a mut Col,
    row: usize,
}

impl CellSer<'_> {
    fn put(self, p: Piece) -> Result<(), Error> {
        // A field written twice in one object: serde_json keeps the last; the caller falls
        // back to it (`codec::encode_chunk_of`).
        if self.c.rows.last() == Some(&self.row) {
            return Err(ser::Error::custom("a field twice"));
        }
        self.c.rows.push(self.row);
        self.c.pieces.push(p);
        Ok(())
    }

    fn json<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        let v = serde_json::to_value(v)?;
        self.put(Piece::of(v))
    }
}

/// An object being written: its fields go to row `row` of `t`.
struct ObjSer<'a> {
    c: &'a mut Col,
    row: usize,
    sub_row: usize,
    key: Option<String>,
}

impl<'a> ObjSer<'a> {
    fn new(c: &'a mut Col, row: usize) -> ObjSer<'a> {
        let sub_row = c.sub.n;
        c.sub.n += 1;
        ObjSer {
            c,
            row,
            sub_row,
            key: None,
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> Result<(), Error> {
        v.serialize(CellSer {
            c: self.c.sub.col(key),
            row: self.sub_row,
        })
    }

    fn end(self) -> Result<(), Error> {
        CellSer { c: self.c, row: self.row }.put(Piece::Obj)
    }
}

/// An array being written: its elements go to the column's element column.
struct SeqSer<'a> {
    c: &'a mut Col,
    row: usize,
    len: usize,
}

impl SeqSer<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let row = self.c.elem_count;
        self.c.elem_count += 1;
        self.len += 1;
        v.serialize(CellSer {
            c: self.c.elems.get_or_insert_with(Default::default),
            row,
        })
    }

    fn end(self) -> Result<(), Error> {
        let len = self.len;
        CellSer { c: self.c, row: self.row }.put(Piece::Arr(len))
    }
}

/// An enum variant with data: written as serde_json writes it (`{"Variant": …}`).
struct VariantSer<'a> {
    cell: CellSer<'a>,
    variant: &'static str,
    fields: Map<String, Value>,
    items: Vec<Value>,
}

impl VariantSer<'_> {
    fn end(self, with_names: bool) -> Result<(), Error> {
        let inner = if with_names {
            Value::Object(self.fields)
        } else {
            Value::Array(self.items)
        };
        let mut m = Map::new();
        m.insert(self.variant.to_string(), inner);
        self.cell.put(Piece::Other(Value::Object(m)))
    }
}

/// A map key as text, as serde_json writes keys.
fn key_text<T: Serialize + ?Sized>(key: &T) -> Result<String, Error> {
    match serde_json::to_value(key)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(ser::Error::custom("key must be a string")),
    }
}

impl<'a> Serializer for CellSer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = SeqSer<'a>;
    type SerializeTuple = SeqSer<'a>;
    type SerializeTupleStruct = SeqSer<'a>;
    type SerializeTupleVariant = VariantSer<'a>;
    type SerializeMap = ObjSer<'a>;
    type SerializeStruct = ObjSer<'a>;
    type SerializeStructVariant = VariantSer<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.put(Piece::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.put(Piece::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.put(Piece::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.put(Piece::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.put(Piece::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.put(Piece::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.put(Piece::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.put(Piece::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        match i64::try_from(v) {
            Ok(i) => self.put(Piece::Int(i)),
            Err(_) => self.put(Piece::Other(Value::from(v))),
        }
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.json(&v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.put(Piece::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.put(Piece::Str(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.put(Piece::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.put(Piece::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.put(Piece::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.put(Piece::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, variant: &'static str, v: &T) -> Result<(), Error> {
        let mut m = Map::new();
        m.insert(variant.to_string(), serde_json::to_value(v)?);
        self.put(Piece::Other(Value::Object(m)))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<SeqSer<'a>, Error> {
        Ok(SeqSer {
            c: self.c,
            row: self.row,
            len: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqSer<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqSer<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<VariantSer<'a>, Error> {
        Ok(VariantSer {
            cell: self,
            variant,
            fields: Map::new(),
            items: Vec::new(),
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<ObjSer<'a>, Error> {
        Ok(ObjSer::new(self.c, self.row))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<ObjSer<'a>, Error> {
        Ok(ObjSer::new(self.c, self.row))
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<VariantSer<'a>, Error> {
        Ok(VariantSer {
            cell: self,
            variant,
            fields: Map::new(),
            items: Vec::new(),
        })
    }
}

/// Serde's three traits of element lists, each the same for an array's elements.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for SeqSer<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.element(v)
            }
            fn end(self) -> Result<(), Error> {
                SeqSer::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeMap for ObjSer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key_text(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or_else(|| ser::Error::custom("value without a key"))?;
        self.field(&key, v)
    }
    fn end(self) -> Result<(), Error> {
        ObjSer::end(self)
    }
}

impl ser::SerializeStruct for ObjSer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.field(key, v)
    }
    fn end(self) -> Result<(), Error> {
        ObjSer::end(self)
    }
}

impl ser::SerializeTupleVariant for VariantSer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.items.push(serde_json::to_value(v)?);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        VariantSer::end(self, false)
    }
}

impl ser::SerializeStructVariant for VariantSer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.fields.insert(key.to_string(), serde_json::to_value(v)?);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        VariantSer::end(self, true)
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns;
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// The text `columns::encode` writes for `rows`, and the text written here.
    fn both(rows: &[Value]) -> (String, Option<String>) {
        let maps: Vec<Map<String, Value>> = rows.iter().map(|r| r.as_object().unwrap().clone()).collect();
        let old = serde_json::to_string(&columns::encode(maps)).unwrap();
        let refs: Vec<&Value> = rows.iter().collect();
        (old, encode(&refs).map(|v| serde_json::to_string(&v).unwrap()))
    }

    #[test]
    fn every_form_is_written_as_columns_writes_it() {
        let v = json!([
            {"id": "0123456789abcdef0000000000000001", "c": 1000, "u": 1000, "d": "dev",
             "at": "2026-11-02T08:15:00", "ok": true, "o": {"a": 1}, "e": [{"at": "2026-11-02T09:00:00", "s": "X"}],
             "mixed": 1, "f": 1.5, "nul": null, "str": "a", "big": 18446744073709551615u64},
            {"id": "0123456789abcdef0000000000000002", "c": 5000, "u": 9000, "d": "dev",
             "at": "2026-11-03T10:00:00", "ok": false, "e": [], "mixed": "x", "f": 2.0, "nul": 3, "str": "b",
             "new_field": {"deep": [1, [2, 3], null]}, "mix_obj": {"a": 1}, "big": 1},
            {"id": "ffffffffffffffff0000000000000000", "c": 4000, "u": 4000, "d": "dev",
             "at": "2026-11-03T10:00:00.5", "o": null, "e": [{"at": "2026-11-04T09:00:00"}, {"s": "Y", "x": null}],
             "str": "c", "mix_obj": [1, {"b": null}], "arr_of_mixed": [1, "a", null, {"z": [true]}]}
        ]);
        let (old, new) = both(v.as_array().unwrap());
        assert_eq!(Some(old), new);
    }

    #[test]
    fn records_with_enums_and_options_are_written_as_their_json() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            With(u8),
            Pair(u8, String),
            Named { a: String },
        }
        #[derive(serde::Serialize)]
        struct R {
            e: E,
            o: Option<E>,
            #[serde(skip_serializing_if = "Option::is_none")]
            gone: Option<u8>,
            t: (u8, bool),
            f: f64,
        }
        let rs = [
            R {
                e: E::Unit,
                o: None,
                gone: None,
                t: (1, true),
                f: 0.5,
            },
            R {
                e: E::With(3),
                o: Some(E::Unit),
                gone: Some(1),
                t: (2, false),
                f: f64::NAN,
            },
            R {
                e: E::Named { a: "x".into() },
                o: Some(E::Pair(1, "y".into())),
                gone: None,
                t: (3, true),
                f: 2.0,
            },
        ];
        let rows: Vec<Value> = rs.iter().map(|r| serde_json::to_value(r).unwrap()).collect();
        let (old, _) = both(&rows);
        let refs: Vec<&R> = rs.iter().collect();
        assert_eq!(serde_json::to_string(&encode(&refs).unwrap()).unwrap(), old);
    }

    #[test]
    fn what_is_not_an_object_is_refused() {
        assert!(encode(&[&json!({"a": 1}), &json!(3)]).is_none());
        assert!(encode(&[&[1, 2]]).is_none());
        // A map that names a field twice (serde_json keeps the last).
        let twice: Vec<(&str, u8)> = vec![("a", 1), ("a", 2)];
        struct Twice(Vec<(&'static str, u8)>);
        impl Serialize for Twice {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(None)?;
                for (k, v) in &self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        assert!(encode(&[&Twice(twice)]).is_none());
    }

    proptest! {
        #[test]
        fn any_rows_are_written_as_columns_writes_them(rs in proptest::collection::vec(
            proptest::collection::btree_map("[a-f]|id|c|u", columns::tests::arb_value(), 0..6), 0..8)) {
            let rows: Vec<Value> = rs.into_iter().map(|m| Value::Object(m.into_iter().collect())).collect();
            let (old, new) = both(&rows);
            prop_assert_eq!(Some(old), new);
        }
    }
}
