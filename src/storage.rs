//! The only module that touches localStorage (through gloo-storage); the tab's session is `session`.
//!
//! Stored form: see `motcua_formats::codec`. Each save re-reads the one chunk it changes and
//! merges into it, so a second tab's records in the same month are never overwritten. A failed
//! write leaves the old value in place (localStorage writes are all-or-nothing per key).

use gloo_storage::{LocalStorage, Storage};
use motcua_domain::i18n::{Msg, K};
use motcua_domain::record::Record;
use motcua_formats::codec::{self, CodecError, Kind};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

/// Why a write failed. Shown through [`StoreError::msg`], so a cause is never renamed on its
/// way to the screen (issue 23).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// QuotaExceededError: the browser's storage is full.
    Full,
    /// Storage disabled or another browser error (its name and message, as the browser gave them).
    Browser(String),
    /// The chunk holds data we could not read and will not overwrite (why not).
    Blocked(CodecError),
    /// A value could not be encoded: nothing was written over data.
    Encode,
    /// The undo record has expired or a newer import replaced it.
    UndoGone,
    /// The archive file does not hold the year on this device exactly.
    ArchiveNotVerified,
}

impl StoreError {
    pub fn msg(&self) -> Msg {
        match self {
            StoreError::Full => K::StorageFull.into(),
            StoreError::Browser(e) => Msg::new(K::ErrStorageBrowser).arg(e),
            StoreError::Blocked(why) => Msg::new(K::ErrStorageBlocked).part(why.msg()),
            StoreError::Encode => K::ErrStorageEncode.into(),
            StoreError::UndoGone => K::UndoGone.into(),
            StoreError::ArchiveNotVerified => K::ArchiveNotVerified.into(),
        }
    }
}

/// A stored value we could not read; it is moved aside under `kept_at`, never deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    /// What is wrong with it, rendered in the language on screen.
    pub error: Msg,
    pub kept_at: Option<String>,
}

fn local() -> web_sys::Storage {
    LocalStorage::raw()
}

fn classify(err: wasm_bindgen::JsValue) -> StoreError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StoreError::Full,
        Some(e) => StoreError::Browser(format!("{}: {}", e.name(), e.message())),
        None => StoreError::Browser(format!("{err:?}")),
    }
}

pub fn read_raw(key: &str) -> Option<String> {
    local().get_item(key).ok().flatten()
}

pub fn write_raw(key: &str, value: &str) -> Result<(), StoreError> {
    local().set_item(key, value).map_err(classify)
}

/// All our keys.
pub fn keys() -> Vec<String> {
    let s = local();
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(codec::PREFIX))
        .collect()
}

/// UTF-16 units used by our keys and values (what counts against the browser's quota).
pub fn used_units() -> usize {
    keys()
        .iter()
        .map(|k| k.encode_utf16().count() + read_raw(k).map_or(0, |v| v.encode_utf16().count()))
        .sum()
}

/// Where an unreadable value of `key` is first set aside (`motcua.quarantine.<name>`).
fn quarantine_key(key: &str) -> String {
    format!("{}quarantine.{}", codec::PREFIX, key.trim_start_matches(codec::PREFIX))
}

/// Move an unreadable value aside so that the app can go on and nothing is lost.
fn quarantine(key: &str, raw: &str, err: &CodecError) -> Problem {
    // The first copy keeps the key's own name; later ones are numbered, never overwritten.
    let base = quarantine_key(key);
    let aside = std::iter::once(base.clone())
        .chain((2..1000).map(|n| format!("{base}.{n}")))
        .find(|k| read_raw(k).is_none())
        .unwrap_or(base);
    let kept = match err {
        // A newer build's data is left where it is, untouched.
        CodecError::Newer(_) => None,
        _ => (write_raw(&aside, raw).is_ok()).then(|| {
            local().remove_item(key).ok();
            aside
        }),
    };
    Problem {
        key: key.to_string(),
        error: err.msg(),
        kept_at: kept,
    }
}

/// Every record of a kind, from all its monthly chunks, with the problems found and the keys
/// to pack again ([`pack_chunk`]): chunks of an older schema, and months before `month`
/// (`YYYY-MM`, the current one) whose tail of recent saves has not been packed yet.
pub fn load_all<T>(kind: Kind, month: &str) -> (Vec<T>, Vec<Problem>, Vec<String>)
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut stale = Vec::new();
    for (key, period) in chunk_keys(kind) {
        match load_one::<T>(kind, &key, &period, month) {
            Ok((mut recs, old)) => {
                if old {
                    stale.push(key);
                }
                out.append(&mut recs);
            }
            Err(p) => problems.extend(p),
        }
    }
    (out, problems, stale)
}

/// The chunk keys of a kind with their months, oldest first.
pub fn chunk_keys(kind: Kind) -> Vec<(String, String)> {
    let mut ks: Vec<(String, String)> = keys()
        .into_iter()
        .filter_map(|k| codec::parse_chunk_key(&k).filter(|(k2, _)| *k2 == kind).map(|(_, m)| (k, m)))
        .collect();
    ks.sort_unstable();
    ks
}

/// The records of one chunk of `period`, and whether it should be packed again (see
/// [`load_all`]); an unreadable chunk is quarantined and reported (`Err(None)` when it has
/// gone meanwhile).
pub fn load_one<T>(kind: Kind, key: &str, period: &str, month: &str) -> Result<(Vec<T>, bool), Option<Problem>>
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    let raw = read_raw(key).ok_or(None)?;
    match codec::decode_chunk::<T>(kind, &raw) {
        // An ended month with a tail, or the kiosk's long tail of this month (it never packs).
        Ok((recs, old)) => {
            let pack =
                old || (period < month && codec::needs_packing(kind, &raw)) || (period == month && codec::tail_len(&raw) > codec::TAIL_MAX);
            Ok((recs, pack))
        }
        Err(e) => Err(Some(quarantine(key, &raw, &e))),
    }
}

/// When the records of a chunk settled (`codec::settled_by`), without unpacking it.
pub fn chunk_settled<T: DeserializeOwned + Record>(kind: Kind, key: &str) -> Option<i64> {
    codec::settled_by::<T>(kind, &read_raw(key)?)
}

/// Pack one chunk in today's form (migration from an older schema, or a past month's tail).
/// It is read, packed and written in one step, so a tab closed half-way through a migration
/// leaves every chunk readable, and the next start goes on where it stopped. A chunk another
/// tab rewrote meanwhile is packed by whoever reads it next.
pub fn pack_chunk<T>(kind: Kind, key: &str) -> Result<(), StoreError>
where
    T: DeserializeOwned + Serialize + Record + Clone,
{
    let Some(raw) = read_raw(key) else { return Ok(()) };
    let packed = codec::add_to_chunk::<T>(kind, Some(&raw), &[], 0).map_err(StoreError::Blocked)?;
    write_all(&[Write {
        key: key.to_string(),
        new: Some(packed),
        old: Some(raw),
    }])
}

/// The records of one chunk (none when it is missing or unreadable; a full load reports those).
pub fn load_chunk<T: DeserializeOwned + Serialize + Record + Clone>(kind: Kind, key: &str) -> Vec<T> {
    read_raw(key)
        .and_then(|raw| codec::decode_chunk::<T>(kind, &raw).ok())
        .map(|(r, _)| r)
        .unwrap_or_default()
}

/// Save one record into its month's chunk (read, merge, write back that one key). The month
/// comes from the record itself (`codec::period_of` its creation), as for a batch.
pub fn save_record<T: Record + DeserializeOwned + Serialize + Clone>(kind: Kind, rec: &T) -> Result<(), StoreError> {
    write_all(&chunk_writes(kind, std::slice::from_ref(rec), codec::TAIL_MAX)?)
}

/// A single document, `Ok(None)` when absent.
pub fn load_doc<T: DeserializeOwned>(name: &str) -> Result<Option<T>, Problem> {
    let key = codec::doc_key(name);
    match read_raw(&key) {
        None => Ok(None),
        Some(raw) => codec::decode_doc(name, &raw).map(Some).map_err(|e| quarantine(&key, &raw, &e)),
    }
}

/// Whether document `name` was found unreadable once and set aside (`quarantine`): a PIN set
/// aside is still a PIN (the tablet stays locked), not "no PIN".
pub fn doc_quarantined(name: &str) -> bool {
    read_raw(&quarantine_key(&codec::doc_key(name))).is_some()
}

/// Write a document, unless the stored one comes from a newer build (never overwritten).
pub fn save_doc<T: Serialize>(name: &str, doc: &T) -> Result<(), StoreError> {
    let key = codec::doc_key(name);
    let old = read_raw(&key);
    if let Some(raw) = &old {
        if let Err(e @ CodecError::Newer(_)) = codec::decode_doc::<serde::de::IgnoredAny>(name, raw) {
            return Err(StoreError::Blocked(e));
        }
    }
    write_all(&[Write {
        new: Some(codec::encode_doc(name, doc)),
        key,
        old,
    }])
}

/// The officer the kiosk's ratings are about: the one on duty when the tablet was last locked
/// (kept only when the unit rates officers, `Settings::rate_officers`; empty otherwise).
pub fn kiosk_officer() -> String {
    load_doc::<String>("kiosk_officer").ok().flatten().unwrap_or_default()
}

pub fn set_kiosk_officer(name: &str) -> Result<(), StoreError> {
    save_doc("kiosk_officer", &name.to_string())
}

/// Call `f(key)` whenever another tab changes one of our keys.
pub fn on_other_tab_change(f: impl Fn(String) + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if let Some(k) = ev.key().filter(|k| k.starts_with(codec::PREFIX)) {
            f(k);
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// One key to write (`new: Some`) or remove (`None`), with the value it holds now (read once:
/// the reserve check and the rollback both use it).
pub struct Write {
    pub key: String,
    pub new: Option<String>,
    pub old: Option<String>,
}

impl Write {
    /// A write of `key`, reading the value it replaces.
    pub fn of(key: String, new: Option<String>) -> Write {
        let old = read_raw(&key);
        Write { key, new, old }
    }

    /// A document's new value.
    pub fn doc<T: Serialize>(name: &str, doc: &T) -> Write {
        Write::of(codec::doc_key(name), Some(codec::encode_doc(name, doc)))
    }
}

/// Write or remove many keys at once, or none: if any write fails, the keys already written
/// get their old values back (an import is never half-applied). An empty new value is an
/// encoding that failed: then nothing is written over data.
pub fn write_all(writes: &[Write]) -> Result<(), StoreError> {
    if writes.iter().any(|w| w.new.as_deref() == Some("")) {
        return Err(StoreError::Encode);
    }
    for (i, w) in writes.iter().enumerate() {
        let res = match &w.new {
            Some(v) => write_raw(&w.key, v),
            None => local().remove_item(&w.key).map_err(classify),
        };
        if let Err(e) = res {
            for done in writes[..i].iter().rev() {
                match &done.old {
                    Some(v) => {
                        write_raw(&done.key, v).ok();
                    }
                    None => {
                        local().remove_item(&done.key).ok();
                    }
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

/// The new values of the chunks `recs` fall into: each chunk re-read just before, merged (the
/// winner of each id kept, see `sync::merge`) and encoded; up to `tail_max` records wait in a
/// chunk's tail (`codec::add_to_chunk`: a single save) while a batch packs. Nothing is
/// written here.
pub fn chunk_writes<T: Record + DeserializeOwned + Serialize + Clone>(
    kind: Kind,
    recs: &[T],
    tail_max: usize,
) -> Result<Vec<Write>, StoreError> {
    by_chunk(kind, recs)
        .into_iter()
        .map(|(key, new)| chunk_write(kind, key, &new, tail_max))
        .collect()
}

/// `recs` by the chunk they fall into (its key), in key order.
pub fn by_chunk<'a, T: Record + 'a>(kind: Kind, recs: impl IntoIterator<Item = &'a T>) -> Vec<(String, Vec<&'a T>)> {
    let mut by_month: std::collections::BTreeMap<(i32, u32), Vec<&T>> = std::collections::BTreeMap::new();
    for r in recs {
        by_month.entry(codec::month_of(r.meta().created_at)).or_default().push(r);
    }
    by_month
        .into_iter()
        .map(|(m, recs)| (codec::chunk_key(kind, &codec::period_name(m)), recs))
        .collect()
}

/// The new value of one chunk with `new` merged in (see [`chunk_writes`]).
pub fn chunk_write<T: Record + DeserializeOwned + Serialize + Clone>(
    kind: Kind,
    key: String,
    new: &[&T],
    tail_max: usize,
) -> Result<Write, StoreError> {
    let old = read_raw(&key);
    // The kiosk appends to the month's plain tail and carries no packer (issue 22).
    #[cfg(feature = "staff")]
    let value = codec::add_to_chunk(kind, old.as_deref(), new, tail_max);
    #[cfg(not(feature = "staff"))]
    let value = {
        let _ = tail_max; // every save goes on the tail, however long
        codec::append_to_tail(kind, old.as_deref(), new)
    };
    let value = value.map_err(StoreError::Blocked)?;
    Ok(Write {
        new: Some(value),
        key,
        old,
    })
}

/// Whether the chunk a write was made from is still as it was read (another tab may have
/// written it meanwhile, while an import packed its months between frames).
pub fn unchanged_since(w: &Write) -> bool {
    read_raw(&w.key) == w.old
}

/// Units a set of writes adds to the store (new minus old lengths), for the kiosk's reserve.
pub fn growth(writes: &[Write]) -> usize {
    let units = |v: &Option<String>, k: &str| v.as_ref().map_or(0, |v| v.encode_utf16().count() + k.encode_utf16().count());
    writes
        .iter()
        .map(|w| units(&w.new, &w.key).saturating_sub(units(&w.old, &w.key)))
        .sum()
}

/// The chunk keys of `kind` for the given months (`YYYY-MM`).
pub fn month_keys(kind: Kind, months: &[String]) -> Vec<String> {
    months.iter().map(|m| codec::chunk_key(kind, m)).collect()
}
