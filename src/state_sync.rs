//! The app state's file-sync side: everything as plain data, export, import of planned files
//! (all or nothing), and removing an archived year. The rules are `core::sync`.

use crate::platform::now_millis;
use crate::state::AppState;
use crate::storage::{self, StoreError};
use leptos::prelude::*;
use motcua_core::codec::{self, Kind};
use motcua_core::dossier::Dossier;
use motcua_core::survey::response::Response;
use motcua_core::sync::wire::{self, Dataset, Export, ExportOptions, Plan, Source};
use motcua_core::sync::{self, merge, Receipt};

impl AppState {
    /// Everything on this device as plain data (export, import plans, archive checks).
    pub fn dataset(&self) -> Dataset {
        Dataset {
            responses: self.responses.get_untracked(),
            dossiers: self.dossiers.get_untracked(),
            versions: self.book.with_untracked(|b| b.versions.clone()),
            catalogue: self.catalogue.get_untracked(),
            calendar: self.calendar.get_untracked(),
        }
    }

    /// This device as the source of an export.
    pub fn source(&self) -> Source {
        self.settings.with_untracked(|s| Source {
            device_id: s.device_id.clone(),
            device_name: s.device_name.clone(),
            unit: s.agency_code.clone(),
        })
    }

    /// The export file (name and text) for `o`; remembers when this device last exported.
    pub fn export(&self, o: &ExportOptions) -> (String, String) {
        let now = now_millis();
        let e = Export {
            exported_at: now,
            source: self.source(),
            from: o.from,
            to: o.to,
            personal_data: !o.without_personal_data,
            data: wire::select(&self.dataset(), o),
        };
        storage::save_doc("lastexport", &now).ok();
        (
            wire::file_name(&e.source, motcua_core::record::vn_date(now), "json"),
            wire::write(&e),
        )
    }

    /// Write the plans of several files together, all or nothing, then show them; the
    /// receipts go into the import history.
    ///
    /// An import packs the months it touches (no tail: it is written once, read for years), a
    /// month or two between frames with `progress` (months done, in all), so that the page
    /// stays responsive; everything is written at the end, and a month another tab wrote
    /// meanwhile is packed again from what it holds now.
    pub async fn apply_import(&self, plans: &[Plan], receipts: Vec<Receipt>, progress: impl Fn(usize, usize)) -> Result<(), StoreError> {
        let responses: Vec<Response> = plans.iter().flat_map(|p| p.responses.iter().cloned()).collect();
        let dossiers: Vec<Dossier> = plans.iter().flat_map(|p| p.dossiers.iter().cloned()).collect();
        let (rs, ds) = (
            storage::by_chunk(Kind::Response, &responses),
            storage::by_chunk(Kind::Dossier, &dossiers),
        );
        let total = rs.len() + ds.len();
        let mut writes = Vec::with_capacity(total + 4);
        let mut again: Vec<Box<dyn Fn() -> Result<storage::Write, StoreError>>> = Vec::with_capacity(total);
        for (key, new) in rs {
            writes.push(storage::chunk_write(Kind::Response, key.clone(), new.clone(), 0)?);
            again.push(Box::new(move || storage::chunk_write(Kind::Response, key.clone(), new.clone(), 0)));
            step(writes.len(), total, &progress).await;
        }
        for (key, new) in ds {
            writes.push(storage::chunk_write(Kind::Dossier, key.clone(), new.clone(), 0)?);
            again.push(Box::new(move || storage::chunk_write(Kind::Dossier, key.clone(), new.clone(), 0)));
            step(writes.len(), total, &progress).await;
        }
        for (w, again) in writes.iter_mut().zip(&again) {
            if !storage::unchanged_since(w) {
                *w = again()?;
            }
        }
        let mut book = self.book.get_untracked();
        for q in plans.iter().flat_map(|p| &p.versions) {
            book.versions.entry(q.version).or_insert_with(|| q.clone());
        }
        // Plans are made one after another, so the last holds the merged documents.
        let last = plans.last();
        let mut history: Vec<Receipt> = storage::load_doc("imports").ok().flatten().unwrap_or_default();
        sync::record_receipts(&mut history, receipts);
        writes.push(storage::Write::doc("questionnaires", &book));
        if let Some(p) = last {
            writes.push(storage::Write::doc("procedures", &p.catalogue));
            writes.push(storage::Write::doc("calendar", &p.calendar));
        }
        writes.push(storage::Write::doc("imports", &history));
        self.write_staff(writes)?;
        self.responses.update(|rs| merge::apply(rs, responses));
        self.edit_dossiers(motcua_core::record::ListEdit::Any, |ds| merge::apply(ds, dossiers));
        self.book.set(book);
        if let Some(p) = last {
            self.catalogue.set(p.catalogue.clone());
            self.calendar.set(p.calendar.clone());
        }
        Ok(())
    }

    /// Remove a closed year from this device, once its archive file was read back and holds
    /// every record of it exactly. Returns the units freed.
    pub fn remove_archived_year(&self, year: i32, file: &Export) -> Result<usize, StoreError> {
        let data = self.dataset();
        if !wire::archive_verified(&data, year, file) {
            return Err(StoreError::Other("archive".into()));
        }
        let months = wire::months_of_year(&data, year);
        let keys: Vec<String> = storage::month_keys(Kind::Response, &months)
            .into_iter()
            .chain(storage::month_keys(Kind::Dossier, &months))
            .collect();
        let before = storage::used_units();
        self.note(storage::write_all(keys.into_iter().map(|k| storage::Write::of(k, None)).collect()))?;
        let gone = |at: motcua_core::record::Millis| months.contains(&codec::period_of(at));
        self.responses.update(|rs| rs.retain(|r| !gone(r.meta.created_at)));
        self.edit_dossiers(motcua_core::record::ListEdit::Any, |ds| ds.retain(|d| !gone(d.meta.created_at)));
        let after = storage::used_units();
        self.used.set(after);
        Ok(before.saturating_sub(after))
    }
}

/// Report a step of `total` and, every second one, let the page paint and take input.
async fn step(done: usize, total: usize, progress: &impl Fn(usize, usize)) {
    progress(done, total);
    if done.is_multiple_of(2) {
        crate::platform::yield_now().await;
    }
}
