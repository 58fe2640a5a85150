//! The app state's file-sync side: everything as plain data, export, import of planned files
//! (all or nothing), and removing an archived year. The rules are `core::sync`.

use crate::platform::now_millis;
use crate::state::AppState;
use crate::storage::{self, StoreError};
use leptos::prelude::*;
use motcua_domain::dossier::Dossier;
use motcua_domain::record::{ListEdit, Record};
use motcua_domain::survey::response::Response;
use motcua_formats::codec::{self, Kind};
use motcua_formats::sync::undo::{self, Undo};
use motcua_formats::sync::wire::{self, Export, ExportOptions, Plan, Source};
use motcua_formats::sync::{merge, Receipt};
use serde::{de::DeserializeOwned, Serialize};

impl AppState {
    /// Run `f` on everything on this device, borrowed: planning an import, an export's
    /// selection and the archive's checks copy nothing of a decade.
    pub fn with_here<R>(&self, f: impl FnOnce(wire::Here<'_>) -> R) -> R {
        self.responses.with_untracked(|responses| {
            self.dossiers.with_untracked(|dossiers| {
                self.book.with_untracked(|book| {
                    self.catalogue.with_untracked(|catalogue| {
                        self.calendar.with_untracked(|calendar| {
                            f(wire::Here {
                                responses,
                                dossiers,
                                versions: &book.versions,
                                catalogue,
                                calendar,
                            })
                        })
                    })
                })
            })
        })
    }

    /// This device as the source of an export.
    pub fn source(&self) -> Source {
        self.settings.with_untracked(|s| Source {
            device_id: s.device_id.clone(),
            device_name: s.device_name.clone(),
            unit: s.agency_code.clone(),
        })
    }

    /// The export file (name and text) for `o`.
    pub fn export(&self, o: &ExportOptions) -> (String, String) {
        let now = now_millis();
        let e = Export {
            exported_at: now,
            source: self.source(),
            from: o.from,
            to: o.to,
            personal_data: !o.without_personal_data,
            data: self.with_here(|here| wire::select(here, o)),
        };
        (
            wire::file_name(&e.source, motcua_domain::record::vn_date(now), "json"),
            wire::write(&e),
        )
    }

    /// Write the plans of several files together, all or nothing, then show them; the
    /// receipts go into the import history. Once written, the plans are taken (their records
    /// move into this tab's state); when the write is refused they are left as they were.
    ///
    /// An import packs the months it touches (no tail: it is written once, read for years), a
    /// month or two between frames with `progress` (months done, in all), so that the page
    /// stays responsive; everything is written at the end, and a month another tab wrote
    /// meanwhile is packed again from what it holds now. The months are packed from the plans'
    /// records as they are: nothing is copied.
    pub async fn apply_import(
        &self,
        plans: &mut Vec<Plan>,
        receipts: Vec<Receipt>,
        progress: impl Fn(usize, usize),
    ) -> Result<(), StoreError> {
        let mut writes = {
            let rs = storage::by_chunk(Kind::Response, plans.iter().flat_map(|p| &p.responses));
            let ds = storage::by_chunk(Kind::Dossier, plans.iter().flat_map(|p| &p.dossiers));
            let total = rs.len() + ds.len();
            let mut writes = pack_months(Kind::Response, &rs, (0, total), &progress).await?;
            writes.extend(pack_months(Kind::Dossier, &ds, (writes.len(), total), &progress).await?);
            // A month another tab wrote while the others were packed: packed again from what
            // it holds now.
            for w in writes.iter_mut().filter(|w| !storage::unchanged_since(w)) {
                *w = match codec::parse_chunk_key(&w.key) {
                    Some((Kind::Dossier, _)) => repack(Kind::Dossier, &ds, &w.key)?,
                    _ => repack(Kind::Response, &rs, &w.key)?,
                };
            }
            writes
        };
        let mut book = self.book.get_untracked();
        for q in plans.iter().flat_map(|p| &p.versions) {
            book.versions.entry(q.version).or_insert_with(|| q.clone());
        }
        let (history, history_write) = self.docs.with_receipts(receipts);
        writes.push(storage::Write::doc("questionnaires", &book));
        // Plans are made one after another, so the last holds the merged documents.
        if let Some(p) = plans.last() {
            writes.push(storage::Write::doc("procedures", &p.catalogue));
            writes.push(storage::Write::doc("calendar", &p.calendar));
        }
        writes.push(history_write);
        let undo = self.undo_write(plans.iter().flat_map(|p| &p.responses), plans.iter().flat_map(|p| &p.dossiers));
        self.write_with_undo(writes, undo)?;
        self.docs.imports.set(history);
        let mut plans = std::mem::take(plans);
        if let Some(p) = plans.last_mut() {
            self.catalogue.set(std::mem::take(&mut p.catalogue));
            self.calendar.set(std::mem::take(&mut p.calendar));
        }
        let (mut responses, mut dossiers) = (Vec::new(), Vec::new());
        for p in plans {
            responses.extend(p.responses);
            dossiers.extend(p.dossiers);
        }
        self.responses.update(|all| merge::apply(all, responses));
        self.edit_dossiers(|all| {
            merge::apply(all, dossiers);
            ListEdit::Any
        });
        self.book.set(book);
        Ok(())
    }

    /// The undo of an import of these records (`sync::undo`): what this tab holds of each
    /// record it replaces, and the ids it adds; with the write that keeps it, `None` when too
    /// large to keep.
    pub(crate) fn undo_write<'a>(
        &self,
        responses: impl IntoIterator<Item = &'a Response>,
        dossiers: impl IntoIterator<Item = &'a Dossier>,
    ) -> Option<(Undo, storage::Write)> {
        let u = Undo {
            at: now_millis(),
            device: self.settings.with_untracked(|s| s.device_id.clone()),
            responses: self.responses.with_untracked(|h| undo::restore_of(h, responses)),
            dossiers: self.dossiers.with_untracked(|h| undo::restore_of(h, dossiers)),
        };
        let w = storage::Write::doc(UNDO, &u);
        let fits = w.new.as_ref().is_some_and(|v| v.encode_utf16().count() <= undo::MAX_UNITS);
        fits.then_some((u, w))
    }

    /// Write an import with its undo; when that does not fit, without it. Either way the
    /// last import's undo goes: it would undo an import older than this one.
    pub(crate) fn write_with_undo(&self, mut writes: Vec<storage::Write>, undo: Option<(Undo, storage::Write)>) -> Result<(), StoreError> {
        if let Some((u, w)) = undo {
            writes.push(w);
            if self.write_staff(&writes).is_ok() {
                self.undo.set(Some(u));
                return Ok(());
            }
            writes.pop();
        }
        writes.push(storage::Write::of(codec::doc_key(UNDO), None));
        self.write_staff(&writes)?;
        self.undo.set(None);
        Ok(())
    }

    /// Read the last import's undo (the Data page shows it while it can be used); an expired
    /// one is removed, freeing what it held.
    pub fn load_undo(&self) {
        let u: Option<Undo> = storage::load_doc(UNDO).ok().flatten();
        match u {
            Some(u) if !u.usable(now_millis()) => {
                self.note(storage::write_all(&[storage::Write::of(codec::doc_key(UNDO), None)]))
                    .ok();
                self.undo.set(None);
            }
            u => self.undo.set(u),
        }
    }

    /// Undo the last import (`sync::undo`): each month it touched read, put back and written
    /// again, all or none; then the records held here.
    pub fn undo_last_import(&self) -> Result<undo::UndoCounts, StoreError> {
        let Some(u) = storage::load_doc::<Undo>(UNDO).ok().flatten().filter(|u| u.usable(now_millis())) else {
            return Err(StoreError::UndoGone);
        };
        let mut writes = Vec::new();
        for month in u.responses.months() {
            writes.push(restore_chunk(Kind::Response, &month, |all| {
                u.responses.apply(all, u.at, &u.device)
            })?);
        }
        for month in u.dossiers.months() {
            writes.push(restore_chunk(Kind::Dossier, &month, |all| u.dossiers.apply(all, u.at, &u.device))?);
        }
        writes.push(storage::Write::of(codec::doc_key(UNDO), None));
        self.note(storage::write_all(&writes))?;
        let mut counts = undo::UndoCounts::default();
        self.responses.update(|rs| counts.add(u.responses.apply(rs, u.at, &u.device)));
        self.edit_dossiers(|ds| {
            counts.add(u.dossiers.apply(ds, u.at, &u.device));
            ListEdit::Any
        });
        self.undo.set(None);
        self.measure_used(true);
        Ok(counts)
    }

    /// Remove a closed year from this device, once its archive file was read back and holds
    /// every record of it exactly. Each month's chunk is decoded again just before it goes and
    /// checked against the file (`wire::month_in_archive`): one that cannot be read, or holds a
    /// record the file does not, is kept and named. Returns the units freed and the months kept.
    pub fn remove_archived_year(&self, year: i32, file: &Export) -> Result<(usize, Vec<String>), StoreError> {
        let months = self.with_here(|here| wire::archive_verified(here, year, file).then(|| wire::months_of_year(here, year)));
        let Some(months) = months else {
            return Err(StoreError::ArchiveNotVerified);
        };
        let (responses, dossiers) = wire::archived_set(file);
        let (mut removes, mut gone_months, mut kept) = (Vec::new(), Vec::new(), Vec::new());
        for month in &months {
            let r = month_archived::<Response>(Kind::Response, month, &responses);
            let d = month_archived::<Dossier>(Kind::Dossier, month, &dossiers);
            match (r, d) {
                (Some(r), Some(d)) => {
                    removes.extend(r.into_iter().chain(d));
                    gone_months.push(month.clone());
                }
                _ => kept.push(month.clone()),
            }
        }
        let before = storage::used_units();
        let removes: Vec<storage::Write> = removes.into_iter().map(|k| storage::Write::of(k, None)).collect();
        self.note(storage::write_all(&removes))?;
        let gone = |at: motcua_domain::record::Millis| gone_months.contains(&codec::period_of(at));
        self.responses.update(|rs| rs.retain(|r| !gone(r.meta.created_at)));
        self.edit_dossiers(|ds| {
            ds.retain(|d| !gone(d.meta.created_at));
            ListEdit::Any
        });
        let after = storage::used_units();
        self.used.set(after);
        Ok((before.saturating_sub(after), kept))
    }
}

/// The chunk key of `kind` for `month` to remove, when what it stores now decodes and is all
/// in the archive (`Some(None)`: nothing stored); `None` keeps the month.
fn month_archived<T: Record + DeserializeOwned + Serialize + Clone>(
    kind: Kind,
    month: &str,
    archived: &std::collections::HashSet<String>,
) -> Option<Option<String>> {
    let key = codec::chunk_key(kind, month);
    let Some(raw) = storage::read_raw(&key) else {
        return Some(None);
    };
    let (stored, _) = codec::decode_chunk::<T>(kind, &raw).ok()?;
    wire::month_in_archive(&stored, archived).then_some(Some(key))
}

/// The undo's document.
const UNDO: &str = "undo";

/// The month `month`'s chunk of `kind` with `f` applied to all its records, written whole.
fn restore_chunk<T: Record + DeserializeOwned + Serialize + Clone>(
    kind: Kind,
    month: &str,
    f: impl FnOnce(&mut Vec<T>) -> undo::UndoCounts,
) -> Result<storage::Write, StoreError> {
    let key = codec::chunk_key(kind, month);
    let Some(raw) = storage::read_raw(&key) else {
        return Ok(storage::Write::of(key, None));
    };
    let (mut all, _) = codec::decode_chunk::<T>(kind, &raw).map_err(StoreError::Blocked)?;
    f(&mut all);
    let new = (!all.is_empty()).then(|| codec::encode_chunk(kind, &all));
    Ok(storage::Write::of(key, new))
}

/// Pack each month of `months` (see `storage::chunk_write`), reporting `progress` as months
/// done of all (`at`: done before, in all), and every second one letting the page paint and
/// take input.
async fn pack_months<T: Record + DeserializeOwned + Serialize + Clone>(
    kind: Kind,
    months: &[(String, Vec<&T>)],
    (mut done, total): (usize, usize),
    progress: &impl Fn(usize, usize),
) -> Result<Vec<storage::Write>, StoreError> {
    let mut writes = Vec::with_capacity(months.len());
    for (key, new) in months {
        writes.push(storage::chunk_write(kind, key.clone(), new, 0)?);
        done += 1;
        progress(done, total);
        if done.is_multiple_of(2) {
            crate::platform::yield_now().await;
        }
    }
    Ok(writes)
}

/// The chunk `key` packed again with the import's records of its month.
fn repack<T: Record + DeserializeOwned + Serialize + Clone>(
    kind: Kind,
    months: &[(String, Vec<&T>)],
    key: &str,
) -> Result<storage::Write, StoreError> {
    let mine = months.iter().find(|(k, _)| k == key).map_or(&[][..], |(_, r)| r.as_slice());
    storage::chunk_write(kind, key.to_string(), mine, 0)
}
