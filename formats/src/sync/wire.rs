//! The export file: a public, documented JSON format (`docs/export.schema.json`), independent of
//! how records are stored on the device. Readers should ignore fields they do not know.
//!
//! ```text
//! { "format": "motcua-export", "version": 1, "exported_at": <ms UTC>,
//!   "source": { "device_id", "device_name", "unit" },
//!   "from": "yyyy-mm-dd" | null, "to": … | null, "personal_data": true,
//!   "questionnaires": [ … ], "catalogue": [ … ], "calendar": { … },
//!   "responses": [ { "id", "created_at", "updated_at", "device", "deleted"?, "questionnaire",
//!                    "answers", "overall", "visits"?, "field"?, "suggestion"?, "dossier_code"? } ],
//!   "dossiers":  [ { "id", "created_at", "updated_at", "device", "deleted"?, "code", … } ] }
//! ```
//!
//! Reading a file never panics and never trusts it: size, encoding, JSON, format name and
//! version are checked first, then every record on its own, with a Vietnamese message that
//! names the record. A rejected file changes nothing.

use super::merge::{self, Counts};
use crate::calendar::WorkCalendar;
use crate::codec::period_of;
use crate::dossier::{Dossier, Procedure};
use crate::i18n::{Msg, K};
use crate::record::{Millis, Record};
use crate::survey::questionnaire::{Questionnaire, SUGGESTION_MAX};
use crate::survey::response::Response;
use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// The format name every export carries.
pub const FORMAT: &str = "motcua-export";
/// The format version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Larger files are refused (export a year at a time instead). A record is about 500 bytes
/// in the file, so this holds ≈ 250 000: several years of the seed desk in one file.
pub const MAX_BYTES: usize = 128 * 1024 * 1024;

/// The most records reserved for ahead of reading them (a device holds about 480 000).
const RESERVE_MAX: usize = 500_000;

/// Stored short keys → public names, for the record's identity and history.
const META_KEYS: [(&str, &str); 5] = [
    ("id", "id"),
    ("c", "created_at"),
    ("u", "updated_at"),
    ("d", "device"),
    ("x", "deleted"),
];
const RESPONSE_KEYS: [(&str, &str); 7] = [
    ("q", "questionnaire"),
    ("a", "answers"),
    ("o", "overall"),
    ("v", "visits"),
    ("p", "field"),
    ("s", "suggestion"),
    ("k", "dossier_code"),
];
const DOSSIER_KEYS: [(&str, &str); 1] = [("return_method", "result_via")];

/// Who exported the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub device_id: String,
    pub device_name: String,
    /// The agency (unit) code, e.g. `SCT`.
    pub unit: String,
}

pub use motcua_domain::dataset::{Dataset, Here};

/// A read (or to be written) export file.
#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    pub exported_at: Millis,
    pub source: Source,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub personal_data: bool,
    pub data: Dataset,
}

/// What to export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Records created (Vietnam time) in this range, inclusive; all when `None`.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Drop applicant names, contacts and who signed for results.
    pub without_personal_data: bool,
}

fn in_range(at: Millis, o: &ExportOptions) -> bool {
    let d = crate::record::vn_date(at);
    o.from.is_none_or(|f| d >= f) && o.to.is_none_or(|t| d <= t)
}

impl ExportOptions {
    /// Whether the export is a backup of the device: every record, with personal data. Only a
    /// backup silences the export reminder; a day's file or an anonymised one does not (issue 21).
    pub fn is_backup(&self) -> bool {
        self.from.is_none() && self.to.is_none() && !self.without_personal_data
    }
}

/// Select what an export holds: every record in the range, tombstones included.
pub fn select(data: Here<'_>, o: &ExportOptions) -> Dataset {
    Dataset {
        responses: data.responses.iter().filter(|r| in_range(r.meta.created_at, o)).cloned().collect(),
        dossiers: data
            .dossiers
            .iter()
            .filter(|d| in_range(d.meta.created_at, o))
            .map(|d| {
                let mut d = d.clone();
                if o.without_personal_data {
                    d.clear_personal();
                }
                d
            })
            .collect(),
        versions: data.versions.clone(),
        catalogue: data.catalogue.to_vec(),
        calendar: data.calendar.clone(),
    }
}

/// The file name: unit, device and date, e.g. `motcua-SCT-Quay-1-2026-11-22.json`.
pub fn file_name(source: &Source, day: NaiveDate, ext: &str) -> String {
    let clean = |s: &str| -> String {
        let ascii: String = s
            .chars()
            .map(|c| match c {
                'a'..='z' | 'A'..='Z' | '0'..='9' => c,
                _ => crate::format::fold_letter(c).unwrap_or('-'),
            })
            .collect();
        ascii.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
    };
    format!(
        "motcua-{}-{}-{}.{ext}",
        clean(&source.unit),
        clean(&source.device_name),
        crate::format::date_key(day)
    )
}

#[cfg(test)]
fn rename(v: Value, table: &[(&str, &str)], to_public: bool) -> Value {
    use serde_json::Map;
    match v {
        Value::Object(m) => {
            let mut out = Map::with_capacity(m.len());
            for (k, val) in m {
                let nk = table
                    .iter()
                    .find(|(s, p)| if to_public { *s == k } else { *p == k })
                    .map_or(k.clone(), |(s, p)| if to_public { p.to_string() } else { s.to_string() });
                out.insert(nk, val);
            }
            Value::Object(out)
        }
        other => other,
    }
}

/// A record with public names; `deleted` is always written (the stored form omits it when
/// false) so that analytics tools see one shape.
/// `r` as JSON with public names, appended to `out`: serialized straight to text (a decade of
/// records through `serde_json::Value` took seconds), then the top-level keys renamed in one
/// pass that knows JSON strings, so that nothing inside a value is ever touched.
fn write_public<T: Serialize>(r: &T, extra: &[(&str, &str)], out: &mut String) {
    let Ok(json) = serde_json::to_string(r) else {
        out.push_str("null");
        return;
    };
    let rename = |k: &str| META_KEYS.iter().chain(extra).find(|(s, _)| *s == k).map(|(_, p)| *p);
    let b = json.as_bytes();
    let (mut depth, mut i, mut last, mut deleted) = (0usize, 0usize, 0usize, false);
    // Whether the next string at depth 1 is a key (after `{` or `,`).
    let mut key_next = false;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && key_next {
                    let key = &json[start + 1..i.min(json.len())];
                    deleted |= key == "x";
                    if let Some(p) = rename(key) {
                        out.push_str(&json[last..start]);
                        out.push('"');
                        out.push_str(p);
                        out.push('"');
                        last = i + 1;
                    }
                    key_next = false;
                }
            }
            b'{' | b'[' => {
                depth += 1;
                key_next = depth == 1;
            }
            b'}' | b']' => {
                if depth == 1 && !deleted {
                    out.push_str(&json[last..i]);
                    out.push_str(if i > 1 { ",\"deleted\":false" } else { "\"deleted\":false" });
                    last = i;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if depth == 1 => key_next = true,
            _ => {}
        }
        i += 1;
    }
    out.push_str(&json[last.min(json.len())..]);
}

#[derive(Serialize)]
struct Out<'a> {
    format: &'a str,
    version: u32,
    exported_at: Millis,
    source: &'a Source,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    personal_data: bool,
    questionnaires: Vec<&'a Questionnaire>,
    catalogue: &'a [Procedure],
    calendar: &'a WorkCalendar,
}

/// Write an export file (compact JSON; the schema documents it). The documents first, then
/// the records appended one by one with their public names.
pub fn write(e: &Export) -> String {
    let out = Out {
        format: FORMAT,
        version: VERSION,
        exported_at: e.exported_at,
        source: &e.source,
        from: e.from,
        to: e.to,
        personal_data: e.personal_data,
        questionnaires: e.data.versions.values().collect(),
        catalogue: &e.data.catalogue,
        calendar: &e.data.calendar,
    };
    let Ok(head) = serde_json::to_string(&out) else {
        return String::new();
    };
    let mut text = String::with_capacity(head.len() + 400 * (e.data.responses.len() + e.data.dossiers.len()));
    text.push_str(head.strip_suffix('}').unwrap_or(&head));
    text.push_str(",\"responses\":[");
    for (i, r) in e.data.responses.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        write_public(r, &RESPONSE_KEYS, &mut text);
    }
    text.push_str("],\"dossiers\":[");
    for (i, d) in e.data.dossiers.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        write_public(d, &DOSSIER_KEYS, &mut text);
    }
    text.push_str("]}");
    text
}

/// Why a file was refused; shown through [`ReadError::msg`], in the screen's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    TooLarge(usize),
    NotUtf8,
    /// Where the JSON stops being JSON: line, column.
    NotJson(usize, usize),
    Truncated,
    TooDeep,
    WrongFormat(String),
    Newer(u32),
    BadField(Msg),
    /// A record that cannot be read or is out of range: kind, position (1-based), id, problem.
    BadRecord {
        kind: K,
        index: usize,
        id: String,
        problem: Msg,
    },
    DuplicateId {
        kind: K,
        id: String,
    },
}

impl ReadError {
    /// What the import screen says.
    pub fn msg(&self) -> Msg {
        use ReadError::*;
        const MB: usize = 1024 * 1024;
        match self {
            Empty => Msg::new(K::ErrFileEmpty),
            TooLarge(n) => Msg::new(K::ErrFileTooLarge).arg(n / MB).arg(MAX_BYTES / MB),
            NotUtf8 => Msg::new(K::ErrNotUtf8),
            NotJson(line, column) => Msg::new(K::ErrNotJson).arg(line).arg(column),
            Truncated => Msg::new(K::ErrTruncated),
            TooDeep => Msg::new(K::ErrTooDeep),
            WrongFormat(name) => Msg::new(K::ErrWrongFormat).arg(name),
            Newer(v) => Msg::new(K::ErrNewerFile).arg(v).arg(VERSION),
            BadField(e) => Msg::new(K::ErrBadField).part(e.clone()),
            BadRecord { kind, index, id, problem } if id.is_empty() => {
                Msg::new(K::ErrBadRecord).part(*kind).arg(index).part(problem.clone())
            }
            BadRecord { kind, index, id, problem } => Msg::new(K::ErrBadRecordId).part(*kind).arg(index).arg(id).part(problem.clone()),
            DuplicateId { kind, id } => Msg::new(K::ErrDuplicateId).part(*kind).arg(id),
        }
    }
}

/// In Vietnamese (logs); screens use [`ReadError::msg`].
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.msg().fmt(f)
    }
}

fn json_error(e: serde_json::Error) -> ReadError {
    let msg = e.to_string();
    if msg.contains("recursion limit") {
        ReadError::TooDeep
    } else if e.is_eof() {
        ReadError::Truncated
    } else if e.is_data() {
        ReadError::BadField(json_problem(&msg))
    } else {
        ReadError::NotJson(e.line(), e.column())
    }
}

/// serde's message as ours: the common problems by key, anything else quoted.
fn json_problem(msg: &str) -> Msg {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return Msg::new(K::ErrMissingField).arg(rest.trim_matches('`'));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        return Msg::new(K::ErrWrongType).arg(rest);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        return Msg::new(K::ErrBadValue).arg(rest);
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        return Msg::new(K::ErrBadValue).arg(rest);
    }
    Msg::new(K::ErrJson).arg(msg)
}

#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u32>,
}

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u32>,
    exported_at: Millis,
    source: Source,
    #[serde(default)]
    from: Option<NaiveDate>,
    #[serde(default)]
    to: Option<NaiveDate>,
    #[serde(default = "yes")]
    personal_data: bool,
    #[serde(default)]
    questionnaires: Vec<Questionnaire>,
    #[serde(default)]
    catalogue: Vec<Procedure>,
    #[serde(default)]
    calendar: Option<WorkCalendar>,
    #[serde(borrow, default)]
    responses: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    dossiers: Vec<&'a RawValue>,
}

/// The file's format and version are ours and readable.
fn check_head(format: Option<&str>, version: Option<u32>) -> Result<(), ReadError> {
    match format {
        Some(FORMAT) => {}
        other => return Err(ReadError::WrongFormat(other.unwrap_or("—").chars().take(40).collect())),
    }
    match version {
        Some(v) if v > VERSION => Err(ReadError::Newer(v)),
        // Older versions would be migrated here, one step per version.
        Some(1) => Ok(()),
        _ => Err(ReadError::BadField(Msg::new(K::ErrBadValue).arg("version"))),
    }
}

fn yes() -> bool {
    true
}

/// Earliest and latest instants a record may carry (2000–2100).
const MIN_MS: Millis = 946_684_800_000;
const MAX_MS: Millis = 4_102_444_800_000;

fn check_meta(m: &crate::record::Meta) -> Result<(), Msg> {
    if m.id.is_empty() || m.id.len() > 64 || !m.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(Msg::new(K::ErrBadId));
    }
    for (name, t) in [("created_at", m.created_at), ("updated_at", m.updated_at)] {
        if !(MIN_MS..MAX_MS).contains(&t) {
            return Err(Msg::new(K::ErrTimeRange).arg(name));
        }
    }
    if m.device.is_empty() || m.device.chars().count() > 64 {
        return Err(Msg::new(K::ErrBadDevice));
    }
    Ok(())
}

fn check_text(name: &str, s: &str, max: usize) -> Result<(), Msg> {
    if s.chars().count() > max {
        return Err(Msg::new(K::ErrTooLong).arg(name).arg(max));
    }
    Ok(())
}

fn check_response(r: &Response) -> Result<(), Msg> {
    check_meta(&r.meta)?;
    if r.digits.len() > 200 || !r.digits.bytes().all(|b| (b'0'..=b'6').contains(&b)) {
        return Err(Msg::new(K::ErrAnswers));
    }
    if r.overall > 5 {
        return Err(Msg::new(K::ErrOverallRange).arg(r.overall));
    }
    if r.visits.is_some_and(|v| v > 2) {
        return Err(Msg::new(K::ErrVisitsRange));
    }
    check_text("suggestion", &r.suggestion, SUGGESTION_MAX)?;
    check_text("field", &r.field, 200)?;
    check_text("dossier_code", &r.dossier_code, 40)?;
    check_text("officer", &r.officer, 100)?;
    check_text("reasons", &r.reason_ids, 200)?;
    if !r.reasons().all(crate::survey::questionnaire::valid_item_id) {
        return Err(Msg::new(K::ErrReasonId));
    }
    Ok(())
}

fn check_dossier(d: &Dossier) -> Result<(), Msg> {
    check_meta(&d.meta)?;
    if !crate::dossier::valid_code(&d.code) {
        return Err(Msg::new(K::ErrRecordCode).arg(d.code.chars().take(40).collect::<String>()));
    }
    let ok_year = |t: chrono::NaiveDateTime| (2000..=2100).contains(&chrono::Datelike::year(&t));
    if !ok_year(d.received) || !ok_year(d.due) || d.due < d.received {
        return Err(Msg::new(K::ErrRecordDates));
    }
    if d.events.is_empty() || d.events.len() > 200 || d.events.windows(2).any(|w| w[1].at < w[0].at) {
        return Err(Msg::new(K::ErrTimeline));
    }
    // Every instant the core computes with is bounded: a pause or an extension at the far end
    // of chrono's range once made the register page panic on every open (issue 21).
    let in_record = |t: chrono::NaiveDateTime| ok_year(t) && t >= d.received;
    if !d.events.iter().all(|e| in_record(e.at)) {
        return Err(Msg::new(K::ErrStepRange));
    }
    if let Some(x) = &d.extension {
        if !in_record(x.at) || !in_record(x.new_due) || x.entered_at.is_some_and(|t| !in_record(t)) {
            return Err(Msg::new(K::ErrExtensionRange));
        }
    }
    if d.complaints.len() > 200 || !d.complaints.iter().all(|c| in_record(c.at)) {
        return Err(Msg::new(K::ErrComplaintRange));
    }
    if d.term.is_some_and(|t| match t {
        crate::dossier::Term::Days(n) => n == 0 || n > crate::calendar::MAX_DAYS,
        crate::dossier::Term::Hours(n) => n == 0 || n > crate::calendar::MAX_HOURS,
        crate::dossier::Term::SameDay => false,
    }) {
        return Err(Msg::new(K::ErrTermRange));
    }
    if d.copies == 0 || d.copies > 99 {
        return Err(Msg::new(K::ErrCopiesRange));
    }
    for (name, s) in [
        ("applicant", &d.applicant),
        ("contact", &d.contact),
        ("procedure_name", &d.procedure_name),
        ("notes", &d.notes),
        ("signed_by", &d.signed_by),
        ("id_number", &d.id_number),
        ("email", &d.email),
        ("receiver", &d.receiver),
    ] {
        check_text(name, s, 500)?;
    }
    if d.filed_at.is_some_and(|t| !ok_year(t)) {
        return Err(Msg::new(K::ErrFiledAtRecord));
    }
    if d.documents.len() > 200 || d.documents.iter().any(|x| x.copies == 0 || x.copies > 99) {
        return Err(Msg::new(K::ErrDocumentsRecord));
    }
    for x in &d.documents {
        check_text("documents", &x.name, 500)?;
    }
    for e in &d.events {
        check_text("officer", &e.officer, 500)?;
    }
    Ok(())
}

/// Decode and check record number `index` (0-based) of a kind; `seen` catches repeated ids.
fn record<T: serde::de::DeserializeOwned + Record>(
    raw: &str,
    kind: K,
    index: usize,
    check: fn(&T) -> Result<(), Msg>,
    seen: &mut FxHashSet<String>,
) -> Result<T, ReadError> {
    let bad = |id: String, problem: Msg| ReadError::BadRecord {
        kind,
        index: index + 1,
        id,
        problem,
    };
    // Records read their public names directly (`serde(alias)`): no JSON tree per record.
    let id_of = |raw: &str| -> String {
        serde_json::from_str::<Value>(raw)
            .ok()
            .and_then(|v| v.get("id").and_then(Value::as_str).map(|s| s.chars().take(64).collect()))
            .unwrap_or_default()
    };
    let r: T = serde_json::from_str(raw).map_err(|e| {
        let plain = e.to_string();
        // serde_json adds where in the record the problem is; the record is named already.
        let plain = plain.split(" at line ").next().unwrap_or(&plain).to_string();
        bad(id_of(raw), json_problem(&plain))
    })?;
    // The id as an error names it (cut to 64 characters), made only for an error.
    let id = |r: &T| -> String { r.meta().id.chars().take(64).collect() };
    check(&r).map_err(|p| bad(id(&r), p))?;
    if !seen.insert(r.meta().id.clone()) {
        return Err(ReadError::DuplicateId { kind, id: id(&r) });
    }
    Ok(r)
}

/// An export nests at most a handful of levels; anything deeper is refused before parsing.
const MAX_DEPTH: usize = 32;

/// The deepest nesting of `[` / `{` outside strings (a linear scan, no recursion).
fn nesting(text: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Reads a file in steps, so that a large one shows progress and the page stays responsive:
/// [`Reader::new`] checks the whole file's shape, each [`Reader::step`] decodes and checks some
/// records, [`Reader::finish`] hands out the export.
pub struct Reader {
    text: String,
    /// Records read so far of each kind, kept or refused.
    next_r: usize,
    next_d: usize,
    /// Records that failed their checks: named for the preview, left out of the import (one
    /// bad record no longer refuses a whole tablet's file; issue 21).
    refused: Vec<ReadError>,
    exported_at: Millis,
    source: Source,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    personal_data: bool,
    versions: BTreeMap<u32, Questionnaire>,
    catalogue: Vec<Procedure>,
    calendar: WorkCalendar,
    /// Where each record's JSON lies in `text`: responses, then dossiers.
    response_at: Vec<std::ops::Range<usize>>,
    dossier_at: Vec<std::ops::Range<usize>>,
    responses: Vec<Response>,
    dossiers: Vec<Dossier>,
    /// The ids read so far, to refuse one twice (Fx: 100 000 of them are hashed).
    seen_r: FxHashSet<String>,
    seen_d: FxHashSet<String>,
}

impl Reader {
    /// Check size, encoding, nesting, JSON, format and version, and the documents.
    pub fn new(bytes: Vec<u8>) -> Result<Reader, ReadError> {
        if bytes.len() > MAX_BYTES {
            return Err(ReadError::TooLarge(bytes.len()));
        }
        // A file cut in the middle of a character is truncated, not in another encoding.
        let mut text = String::from_utf8(bytes).map_err(|e| {
            if e.utf8_error().error_len().is_none() {
                ReadError::Truncated
            } else {
                ReadError::NotUtf8
            }
        })?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        if nesting(&text) > MAX_DEPTH {
            return Err(ReadError::TooDeep);
        }
        // One pass over the text (50 MB for 100 000 records) when it reads; when it does not,
        // its head says why first: another format or a newer version, else the JSON error.
        let body: Body = match serde_json::from_str(&text) {
            Ok(b) => b,
            Err(e) => {
                let head: Head = serde_json::from_str(&text).map_err(json_error)?;
                check_head(head.format.as_deref(), head.version)?;
                return Err(json_error(e));
            }
        };
        check_head(body.format.as_deref(), body.version)?;
        let base = text.as_ptr() as usize;
        let at = |raws: &[&RawValue]| -> Vec<std::ops::Range<usize>> {
            raws.iter()
                .map(|r| {
                    let start = r.get().as_ptr() as usize - base;
                    start..start + r.get().len()
                })
                .collect()
        };
        let (response_at, dossier_at) = (at(&body.responses), at(&body.dossiers));
        let mut versions = BTreeMap::new();
        for q in body.questionnaires {
            if q.groups.is_empty() {
                return Err(ReadError::BadField(Msg::new(K::ErrNoGroups).arg(q.version)));
            }
            if !q.ids_valid() {
                return Err(ReadError::BadField(Msg::new(K::ErrItemIds).arg(q.version)));
            }
            if versions.insert(q.version, q).is_some() {
                return Err(ReadError::BadField(Msg::new(K::ErrDuplicateVersion)));
            }
        }
        let mut ids = HashSet::new();
        if body.catalogue.iter().any(|p| !ids.insert(p.id.clone()) || p.id.is_empty()) {
            return Err(ReadError::BadField(Msg::new(K::ErrDuplicateProcedure)));
        }
        crate::dossier::procedure::validate_catalogue(&body.catalogue).map_err(ReadError::BadField)?;
        if let Some(cal) = &body.calendar {
            cal.check().map_err(ReadError::BadField)?;
        }
        let (exported_at, source, from, to, personal_data, catalogue, calendar) = (
            body.exported_at,
            body.source,
            body.from,
            body.to,
            body.personal_data,
            body.catalogue,
            body.calendar.unwrap_or_default(),
        );
        Ok(Reader {
            next_r: 0,
            next_d: 0,
            refused: Vec::new(),
            // Reserved for at most a device's worth of records: a file of 60 million `{}`s
            // must not reserve gigabytes before its first record is read (issue 21).
            responses: Vec::with_capacity(response_at.len().min(RESERVE_MAX)),
            dossiers: Vec::with_capacity(dossier_at.len().min(RESERVE_MAX)),
            seen_r: FxHashSet::with_capacity_and_hasher(response_at.len().min(RESERVE_MAX), Default::default()),
            seen_d: FxHashSet::with_capacity_and_hasher(dossier_at.len().min(RESERVE_MAX), Default::default()),
            text,
            exported_at,
            source,
            from,
            to,
            personal_data,
            versions,
            catalogue,
            calendar,
            response_at,
            dossier_at,
        })
    }

    /// Records in the file.
    pub fn total(&self) -> usize {
        self.response_at.len() + self.dossier_at.len()
    }

    /// Records read so far.
    pub fn done(&self) -> usize {
        self.next_r + self.next_d
    }

    /// Read up to `n` more records; `Ok(true)` once every record is read. A record that fails
    /// its checks is set aside ([`Reader::finish_with_refused`]); two records with one id
    /// still refuse the file (it is not one tablet's export).
    pub fn step(&mut self, n: usize) -> Result<bool, ReadError> {
        fn keep<T>(got: Result<T, ReadError>, into: &mut Vec<T>, refused: &mut Vec<ReadError>) -> Result<(), ReadError> {
            match got {
                Ok(r) => into.push(r),
                Err(e @ ReadError::BadRecord { .. }) => refused.push(e),
                Err(e) => return Err(e),
            }
            Ok(())
        }
        for _ in 0..n {
            let (i, j) = (self.next_r, self.next_d);
            if let Some(r) = self.response_at.get(i) {
                let raw = self.text.get(r.clone()).unwrap_or_default();
                self.next_r += 1;
                keep(
                    record(raw, K::KindResponse, i, check_response, &mut self.seen_r),
                    &mut self.responses,
                    &mut self.refused,
                )?;
            } else if let Some(r) = self.dossier_at.get(j) {
                let raw = self.text.get(r.clone()).unwrap_or_default();
                self.next_d += 1;
                keep(
                    record(raw, K::KindDossier, j, check_dossier, &mut self.seen_d),
                    &mut self.dossiers,
                    &mut self.refused,
                )?;
            } else {
                return Ok(true);
            }
        }
        Ok(self.done() == self.total())
    }

    /// The export of the records that passed, and those that did not (each named).
    pub fn finish_with_refused(mut self) -> (Export, Vec<ReadError>) {
        let refused = std::mem::take(&mut self.refused);
        (self.finish(), refused)
    }

    /// The export, once every record is read.
    pub fn finish(self) -> Export {
        Export {
            exported_at: self.exported_at,
            source: self.source,
            from: self.from,
            to: self.to,
            personal_data: self.personal_data,
            data: Dataset {
                responses: self.responses,
                dossiers: self.dossiers,
                versions: self.versions,
                catalogue: self.catalogue,
                calendar: self.calendar,
            },
        }
    }
}

/// Read and check an export file (raw bytes as picked by the user) in one go, strictly: a
/// record that fails its checks refuses the file (archives are verified this way; the import
/// preview reads with [`Reader::finish_with_refused`]).
pub fn read(bytes: &[u8]) -> Result<Export, ReadError> {
    let mut r = Reader::new(bytes.to_vec())?;
    while !r.step(usize::MAX)? {}
    match r.finish_with_refused() {
        (_, mut refused) if !refused.is_empty() => Err(refused.swap_remove(0)),
        (e, _) => Ok(e),
    }
}

/// What importing one file would do, per kind, before anything is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub responses: Vec<Response>,
    pub dossiers: Vec<Dossier>,
    /// Records held back until a person chooses to apply them ([`Plan::release_held`]).
    pub held: Held,
    pub versions: Vec<Questionnaire>,
    pub catalogue: Vec<Procedure>,
    pub calendar: WorkCalendar,
    pub counts: PlanCounts,
}

/// A file's records that would win but are not written unless a person says so: stamped more
/// than a day after the file was exported or after this device's clock (a clock that runs
/// ahead, or a forged file: its records would win every later merge), and deletions of records
/// that are live here (a tombstone from an unknown tablet once deleted a dossier silently).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Held {
    pub responses: Vec<Response>,
    pub dossiers: Vec<Dossier>,
}

/// How many records a plan holds back, and why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldCounts {
    /// Stamped in the future.
    pub suspicious: usize,
    /// Deleting a record that is live here ("Xóa: n").
    pub deletions: usize,
}

/// A day, the slack allowed between clocks.
const DAY_MS: Millis = 86_400_000;

/// Move the winners that must wait for a person out of `winners` into `held`: those stamped
/// after `limit`, and tombstones over a record live in `here`.
fn hold<T: Record>(
    winners: Vec<T>,
    here: &rustc_hash::FxHashMap<&str, &T>,
    limit: Millis,
    held: &mut Vec<T>,
    counts: &mut HeldCounts,
) -> Vec<T> {
    let mut out = Vec::with_capacity(winners.len());
    for r in winners {
        let m = r.meta();
        let deletes = m.deleted && here.get(m.id.as_str()).is_some_and(|h| !h.meta().deleted);
        if m.updated_at > limit {
            counts.suspicious += 1;
            held.push(r);
        } else if deletes {
            counts.deletions += 1;
            held.push(r);
        } else {
            out.push(r);
        }
    }
    out
}

impl Plan {
    /// Write the held records too (a person chose to).
    pub fn release_held(&mut self) {
        let held = std::mem::take(&mut self.held);
        self.responses.extend(held.responses);
        self.dossiers.extend(held.dossiers);
    }
}

/// The preview's and the receipt's numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanCounts {
    pub responses: Counts,
    pub dossiers: Counts,
    pub questionnaires: Counts,
    pub catalogue: Counts,
    pub calendar: Counts,
    /// Of the responses' and dossiers' changes, the ones held back.
    #[serde(default)]
    pub held: HeldCounts,
    /// Records of the file that failed their checks and were left out (named in the preview).
    #[serde(default)]
    pub refused: usize,
}

impl PlanCounts {
    /// Responses and dossiers together (the receipt's one line).
    pub fn records(&self) -> Counts {
        let mut c = self.responses;
        c.add(self.dossiers);
        c
    }

    pub fn changes(&self) -> usize {
        [self.responses, self.dossiers, self.questionnaires, self.catalogue, self.calendar]
            .iter()
            .map(Counts::changes)
            .sum()
    }
}

/// Plan the import of `file` into what is `here` as the `earlier` plans (of the files picked
/// before it, in order) would leave it, at `now` (this device's clock). A file without personal
/// data never blanks the names and contacts already here. The file's records to write move
/// into the plan; future-stamped records and deletions are held ([`Held`]).
pub fn plan(here: Here<'_>, earlier: &[Plan], file: Export, now: Millis) -> Plan {
    let Export {
        personal_data,
        data,
        exported_at,
        ..
    } = file;
    let limit = exported_at.min(now).saturating_add(DAY_MS);
    let (mut held, mut held_counts) = (Held::default(), HeldCounts::default());
    let response_layers = layers(here.responses, earlier, |p| &p.responses);
    let responses_here = merge::current(&response_layers, &data.responses);
    let (responses, rc) = merge::merge_against(&responses_here, data.responses);
    let responses = hold(responses, &responses_here, limit, &mut held.responses, &mut held_counts);
    let mut incoming_dossiers = data.dossiers;
    // Looked up once: it fills the names a file without them lacks, then merges.
    let current = merge::current(&layers(here.dossiers, earlier, |p| &p.dossiers), &incoming_dossiers);
    if !personal_data {
        for d in &mut incoming_dossiers {
            if let Some(h) = current.get(d.meta.id.as_str()) {
                d.personal_from(h);
            }
        }
    }
    let (dossiers, dc) = merge::merge_against(&current, incoming_dossiers);
    let dossiers = hold(dossiers, &current, limit, &mut held.dossiers, &mut held_counts);
    let incoming_versions: Vec<Questionnaire> = data.versions.into_values().collect();
    let mut versions_here = here.versions.clone();
    for q in earlier.iter().flat_map(|p| &p.versions) {
        versions_here.entry(q.version).or_insert_with(|| q.clone());
    }
    let (versions, qc) = merge::merge_versions(&versions_here, &incoming_versions);
    // Each plan holds the documents merged so far: the last one's are what is here.
    let (catalogue_here, calendar_here) = earlier
        .last()
        .map_or((here.catalogue, here.calendar), |p| (&p.catalogue[..], &p.calendar));
    let (catalogue, cc) = merge::merge_stamped(catalogue_here, &data.catalogue);
    let (calendar, kc) = merge::merge_calendar(calendar_here, &data.calendar);
    Plan {
        responses,
        dossiers,
        held,
        versions,
        catalogue,
        calendar,
        counts: PlanCounts {
            responses: rc,
            dossiers: dc,
            questionnaires: qc,
            catalogue: cc,
            calendar: kc,
            held: held_counts,
            refused: 0,
        },
    }
}

/// Dossier codes used twice once `plans` are applied onto `here` ([`merge::code_conflicts_after`]).
pub fn code_conflicts_after(here: Here<'_>, plans: &[Plan]) -> Vec<(String, Vec<String>)> {
    merge::code_conflicts_after(&layers(here.dossiers, plans, |p| &p.dossiers))
}

/// What is here once `plans` are applied, as layers of one kind (the device's records, then
/// each plan's, see [`merge::merge_records`]): nothing is copied.
fn layers<'a, T>(here: &'a [T], plans: &'a [Plan], of: impl Fn(&'a Plan) -> &'a Vec<T>) -> Vec<&'a [T]> {
    std::iter::once(here).chain(plans.iter().map(|p| &of(p)[..])).collect()
}

/// The storage months (`YYYY-MM`) of a year that hold records: what archiving a year removes.
pub fn months_of_year(data: Here<'_>, year: i32) -> Vec<String> {
    let mut m: Vec<String> = data
        .responses
        .iter()
        .map(|r| r.meta.created_at)
        .chain(data.dossiers.iter().map(|d| d.meta.created_at))
        .map(period_of)
        .filter(|p| p.starts_with(&format!("{year:04}-")))
        .collect();
    m.sort_unstable();
    m.dedup();
    m
}

/// Whether an archive file read back holds every record of `year` exactly as on the device:
/// only then may the year be removed from the device.
pub fn archive_verified(data: Here<'_>, year: i32, file: &Export) -> bool {
    let o = ExportOptions {
        from: NaiveDate::from_ymd_opt(year, 1, 1),
        to: NaiveDate::from_ymd_opt(year, 12, 31),
        without_personal_data: false,
    };
    let want = select(data, &o);
    let as_set = |d: &Dataset| -> (Vec<String>, Vec<String>) {
        let mut r: Vec<String> = d.responses.iter().map(|x| serde_json::to_string(x).unwrap_or_default()).collect();
        let mut s: Vec<String> = d.dossiers.iter().map(|x| serde_json::to_string(x).unwrap_or_default()).collect();
        r.sort_unstable();
        s.sort_unstable();
        (r, s)
    };
    file.personal_data && !(want.responses.is_empty() && want.dossiers.is_empty()) && as_set(&want) == as_set(&file.data)
}

/// The archive file's records, each as its JSON: what a stored month is checked against just
/// before it is removed ([`month_in_archive`]).
pub fn archived_set(file: &Export) -> (HashSet<String>, HashSet<String>) {
    (
        file.data.responses.iter().map(record_json).collect(),
        file.data.dossiers.iter().map(record_json).collect(),
    )
}

fn record_json<T: Serialize>(r: &T) -> String {
    serde_json::to_string(r).unwrap_or_default()
}

/// Whether every record of one stored month, decoded just before its removal, is in the
/// archive exactly: the month goes only then (another tab may have written to it since the
/// file was checked; a month that cannot be decoded is kept, and named).
pub fn month_in_archive<T: Serialize>(stored: &[T], archived: &HashSet<String>) -> bool {
    stored.iter().all(|r| archived.contains(&record_json(r)))
}

#[cfg(test)]
mod tests;
