//! The staff app's small documents, owned by the app state (issue 23: the import history was
//! read in three places, the export reminder read its date once per page load and stayed up
//! after an export, the form read the last procedure itself). Loaded at the staff app's start
//! (the kiosk never reads them), written through here, and kept fresh from other tabs.

use crate::platform::now_millis;
use crate::state::AppState;
use crate::storage::{self, StoreError};
use leptos::prelude::*;
use motcua_domain::record::Millis;
use motcua_domain::survey::funnel::Funnel;
use motcua_formats::catalogue_sheet::CatalogueField;
use motcua_formats::codec;
use motcua_formats::sheet::{header_key, Mapping};
use motcua_formats::sync::{self, Receipt};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;

const IMPORTS: &str = "imports";
const LAST_EXPORT: &str = "lastexport";
const LAST_PROCEDURE: &str = "lastproc";
/// The officer's column mappings of register sheets and of catalogue sheets, by header set.
const SHEET_MAPS: &str = "sheetmaps";
const CATALOGUE_MAPS: &str = "catalogmaps";
/// A month's kiosk funnel is the document `funnel.YYYY-MM` (`AppState::record_funnel`).
const FUNNEL: &str = "funnel.";

#[derive(Clone, Copy)]
pub struct StaffDocs {
    /// The files imported on this device, newest first (`sync::record_receipts`).
    pub imports: RwSignal<Vec<Receipt>>,
    /// When the last backup export started (the reminder counts from it).
    pub last_export: RwSignal<Option<Millis>>,
    /// The procedure the last dossier was received for: the entry form starts on it.
    pub last_procedure: RwSignal<Option<String>>,
    /// How the kiosk's visits ended, every month's funnel on this device added together.
    pub funnel: RwSignal<Funnel>,
    /// The columns last mapped for a register sheet with these headers (`sheet::header_key`).
    pub sheet_maps: RwSignal<BTreeMap<String, Mapping>>,
    /// The columns last mapped for a catalogue sheet with these headers.
    pub catalogue_maps: RwSignal<BTreeMap<String, Mapping<CatalogueField>>>,
}

impl StaffDocs {
    pub fn new() -> StaffDocs {
        StaffDocs {
            imports: RwSignal::new(Vec::new()),
            last_export: RwSignal::new(None),
            last_procedure: RwSignal::new(None),
            funnel: RwSignal::new(Funnel::default()),
            sheet_maps: RwSignal::new(BTreeMap::new()),
            catalogue_maps: RwSignal::new(BTreeMap::new()),
        }
    }

    /// Read them (the staff app's start; unreadable counts as none).
    pub fn load(&self) {
        for name in [IMPORTS, LAST_EXPORT, LAST_PROCEDURE, SHEET_MAPS, CATALOGUE_MAPS] {
            self.reload(&codec::doc_key(name));
        }
        self.funnel.set(all_funnels());
    }

    /// `key` is one of these (another tab wrote it, or the start reads it): read it (`true`).
    pub fn reload(&self, key: &str) -> bool {
        let is = |name: &str| key == codec::doc_key(name);
        if is(IMPORTS) {
            self.imports.set(stored(IMPORTS));
        } else if is(LAST_EXPORT) {
            self.last_export.set(stored(LAST_EXPORT));
        } else if is(LAST_PROCEDURE) {
            self.last_procedure.set(stored(LAST_PROCEDURE));
        } else if is(SHEET_MAPS) {
            self.sheet_maps.set(stored(SHEET_MAPS));
        } else if is(CATALOGUE_MAPS) {
            self.catalogue_maps.set(stored(CATALOGUE_MAPS));
        } else if key.starts_with(&codec::doc_key(FUNNEL)) {
            // A kiosk tab counted a visit: the months are few, summed again.
            self.funnel.set(all_funnels());
        } else {
            return false;
        }
        true
    }

    /// The history with `receipts` added, as the write of an import that carries it.
    pub fn with_receipts(&self, receipts: Vec<Receipt>) -> (Vec<Receipt>, storage::Write) {
        let mut history = self.imports.get_untracked();
        sync::record_receipts(&mut history, receipts);
        let write = storage::Write::doc(IMPORTS, &history);
        (history, write)
    }
}

/// Document `name` as stored; absent or unreadable counts as none (the default).
fn stored<T: DeserializeOwned + Default>(name: &str) -> T {
    storage::load_doc(name).ok().flatten().unwrap_or_default()
}

/// `maps` with `map` remembered for sheets with `headers`, written to document `name`; the
/// signal changes only once the write is done.
fn remember<F>(maps: RwSignal<BTreeMap<String, Mapping<F>>>, name: &str, headers: &[String], map: Mapping<F>) -> Result<(), StoreError>
where
    F: Ord + Clone + Serialize + Send + Sync + 'static,
{
    let mut all = maps.get_untracked();
    all.insert(header_key(headers), map);
    storage::save_doc(name, &all)?;
    maps.set(all);
    Ok(())
}

/// Every month's funnel on this device, added together (unreadable months left out).
fn all_funnels() -> Funnel {
    let mut all = Funnel::default();
    for key in storage::keys().into_iter().filter(|k| k.starts_with(&codec::doc_key(FUNNEL))) {
        let name = key.trim_start_matches(codec::PREFIX);
        if let Ok(Some(f)) = storage::load_doc::<Funnel>(name) {
            all.add(&f);
        }
    }
    all
}

impl Default for StaffDocs {
    fn default() -> StaffDocs {
        StaffDocs::new()
    }
}

impl AppState {
    /// Remember the columns mapped for a register sheet with `headers`: the next sheet with
    /// the same headers opens on them.
    pub fn remember_sheet_map(&self, headers: &[String], map: Mapping) -> Result<(), StoreError> {
        remember(self.docs.sheet_maps, SHEET_MAPS, headers, map)
    }

    /// Remember the columns mapped for a catalogue sheet with `headers`.
    pub fn remember_catalogue_map(&self, headers: &[String], map: Mapping<CatalogueField>) -> Result<(), StoreError> {
        remember(self.docs.catalogue_maps, CATALOGUE_MAPS, headers, map)
    }

    /// An export's download started: a backup (`ExportOptions::is_backup`) silences the export
    /// reminder from now.
    pub fn exported(&self, o: &sync::wire::ExportOptions) -> Result<(), StoreError> {
        if !o.is_backup() {
            return Ok(());
        }
        let now = now_millis();
        self.docs.last_export.set(Some(now));
        storage::save_doc(LAST_EXPORT, &now)
    }

    /// A dossier was received for `procedure`: the next form starts on it.
    pub fn received_for(&self, procedure: &str) -> Result<(), StoreError> {
        self.docs.last_procedure.set(Some(procedure.to_string()));
        storage::save_doc(LAST_PROCEDURE, &procedure)
    }
}
