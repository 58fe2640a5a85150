//! The app's state: signals over the core types, loaded once at start and saved through
//! `storage`. Pages call these methods; they hold no rules of their own.

use crate::platform::{now_millis, random16};
use crate::storage::{self, Problem, StoreError};
use leptos::prelude::*;
use motcua_domain::calendar::WorkCalendar;
use motcua_domain::dossier::redate::Moved;
use motcua_domain::dossier::{default_catalogue, Dossier, Procedure};
use motcua_domain::pin::{Attempts, PinHash};
use motcua_domain::record::{Edits, ListEdit};
use motcua_domain::settings::Settings;
use motcua_domain::survey::questionnaire::Book;
use motcua_domain::survey::response::Response;
use motcua_domain::Lang;
use motcua_formats::codec::{self, Kind};
use motcua_formats::sync::{self, merge};

#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: RwSignal<Settings>,
    pub book: RwSignal<Book>,
    pub responses: RwSignal<Vec<Response>>,
    /// Records that could not be written yet (storage full); retried on every save.
    pub pending: RwSignal<Vec<Response>>,
    /// Kiosk lock: only the citizen survey is reachable.
    pub kiosk: RwSignal<bool>,
    /// The officer on duty (one of `Settings::officers`), recorded on what they enter; empty
    /// until picked after an unlock.
    pub on_duty: RwSignal<String>,
    pub pin: RwSignal<Option<PinHash>>,
    /// The stored PIN could not be read: locked, and no PIN opens it.
    pub pin_unreadable: StoredValue<bool>,
    /// The wrong tries as this page counted them (`state_pin`).
    pub(crate) attempts_here: StoredValue<Attempts>,
    pub problems: RwSignal<Vec<Problem>>,
    /// The last write failed because storage is full.
    pub full: RwSignal<bool>,
    /// Written only through [`AppState::edit_dossiers`], which numbers the edits: the views of
    /// a decade of dossiers (the worklist, the codes) follow a save without walking them all.
    pub dossiers: ReadSignal<Vec<Dossier>>,
    /// The one writer of `dossiers`, used by `edit_dossiers` alone (issue 23: the type says
    /// what the comment above only asked).
    dossiers_writer: WriteSignal<Vec<Dossier>>,
    /// The last import's undo, while it can be used (`sync::undo`).
    pub undo: RwSignal<Option<motcua_formats::sync::undo::Undo>>,
    pub dossier_edits: StoredValue<Edits>,
    pub catalogue: RwSignal<Vec<Procedure>>,
    pub calendar: RwSignal<WorkCalendar>,
    /// Open dossiers whose due date a calendar correction at start moved, for staff to see.
    pub moved_dates: RwSignal<Option<Vec<Moved>>>,
    /// UTF-16 units our keys use: measured when staff first need it (never on the kiosk's
    /// start, which must not read the store twice), then kept up to date by staff writes.
    pub used: RwSignal<usize>,
    used_known: StoredValue<bool>,
    /// The kiosk's look-up rate limit (lives as long as the page).
    pub lookup_limit: StoredValue<motcua_domain::dossier::timeliness::LookupLimit>,
    /// How far the records are read and packed (`state_load::Loading`).
    pub loading: crate::state_load::Loading,
    /// A copy of waiting responses is in the Cache API (`crate::session::stash_durable`): only then
    /// does a save that empties `pending` touch the Cache API, not on every citizen's tap.
    pub(crate) durable_held: StoredValue<bool>,
    /// The staff app's small documents (`state_docs`): import history, last export, last
    /// procedure.
    pub docs: crate::state_docs::StaffDocs,
}

fn doc_or<T: serde::de::DeserializeOwned>(name: &str, problems: &mut Vec<Problem>, default: impl FnOnce() -> T) -> (T, bool) {
    match storage::load_doc::<T>(name) {
        Ok(Some(d)) => (d, false),
        Ok(None) => (default(), true),
        Err(p) => {
            problems.push(p);
            (default(), true)
        }
    }
}

impl AppState {
    /// Load the documents (settings, questionnaire, lock, PIN, catalogue, calendar): what the
    /// first screen needs. The records come after it is drawn ([`AppState::load_history`]).
    /// Never fails: problems are collected for display.
    pub fn load() -> Self {
        let mut problems = Vec::new();
        // Written only when there is none: a newer build's settings are never overwritten.
        let (settings, missing) = match storage::load_doc::<Settings>("settings") {
            Ok(Some(s)) => (s, false),
            Ok(None) => (Settings::first_start(random16()), true),
            Err(p) => {
                problems.push(p);
                (Settings::first_start(random16()), false)
            }
        };
        if missing {
            storage::save_doc("settings", &settings).ok();
        }
        let (mut book, _) = doc_or("questionnaires", &mut problems, Book::default);
        // A tablet still asking the first shipped questionnaire, untouched, asks the current
        // one (group I's seats item, one group a screen); an edited one is the unit's own. The
        // staff app writes it back; the kiosk module only asks it (writing a questionnaire
        // would carry its serializer, ~10 KB, into the citizen's download).
        if book.upgrade_seed() && cfg!(feature = "staff") {
            storage::save_doc("questionnaires", &book).ok();
        }
        if !book.is_valid() {
            // Readable but empty: report it and ask the shipped questionnaire meanwhile.
            problems.push(Problem {
                key: codec::doc_key("questionnaires"),
                error: motcua_domain::i18n::K::ErrNoQuestionnaire.into(),
                kept_at: None,
            });
            book = Book::default();
        }
        // A PIN that cannot be read (now, or set aside at an earlier start) is not "no PIN":
        // the tablet stays locked (it fails closed) and says so on the PIN pad.
        let (pin, pin_unreadable) = match storage::load_doc::<Option<PinHash>>("pin") {
            Ok(Some(p)) => (p, storage::doc_quarantined("pin")),
            Ok(None) => (None, storage::doc_quarantined("pin")),
            Err(p) => {
                problems.push(p);
                (None, true)
            }
        };
        let pin_unreadable = pin_unreadable && pin.is_none();
        let stored_lock = match storage::load_doc::<bool>("kiosk") {
            Ok(v) => Some(v),
            Err(p) => {
                problems.push(p);
                None
            }
        };
        let kiosk = motcua_domain::settings::locked_at_start(pin.is_some() || pin_unreadable, stored_lock, crate::session::lock())
            || pin_unreadable;
        // Responses that could not be written before a reload still count and are retried.
        let pending = crate::session::stashed_pending::<Response>(Kind::Response);
        let (dossiers, dossiers_writer) = signal(Vec::new());
        let (catalogue, _) = doc_or("procedures", &mut problems, default_catalogue);
        // Only the staff app reads the calendar: the kiosk's look-up reads it in its own module
        // (`lookup::find_dossier`), so the kiosk neither parses it at start nor carries its reader.
        let calendar = if cfg!(feature = "staff") {
            doc_or("calendar", &mut problems, WorkCalendar::default).0
        } else {
            WorkCalendar::default()
        };
        AppState {
            settings: RwSignal::new(settings),
            book: RwSignal::new(book),
            responses: RwSignal::new(pending.clone()),
            pending: RwSignal::new(pending),
            kiosk: RwSignal::new(kiosk),
            on_duty: RwSignal::new(if kiosk { String::new() } else { crate::session::duty() }),
            pin: RwSignal::new(pin),
            pin_unreadable: StoredValue::new(pin_unreadable),
            attempts_here: StoredValue::new(Attempts::default()),
            problems: RwSignal::new(problems),
            full: RwSignal::new(false),
            dossiers,
            dossiers_writer,
            // Read by the Data page (`load_undo`), not at start: the kiosk never needs it.
            undo: RwSignal::new(None),
            dossier_edits: StoredValue::new(Edits::default()),
            catalogue: RwSignal::new(catalogue),
            calendar: RwSignal::new(calendar),
            moved_dates: RwSignal::new(None),
            used: RwSignal::new(0),
            used_known: StoredValue::new(false),
            lookup_limit: StoredValue::new(motcua_domain::dossier::timeliness::LookupLimit::from_wall(
                &crate::session::lookups(),
                crate::platform::mono_millis(),
                crate::platform::now_millis(),
            )),
            loading: crate::state_load::Loading::new(),
            durable_held: StoredValue::new(false),
            docs: crate::state_docs::StaffDocs::new(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.with(|s| s.lang)
    }

    /// Take in what another tab writes: the documents, and with `RECORDS` the records and the
    /// calendar too (the kiosk holds none of them, and a constant leaves their code out of its
    /// module).
    pub fn listen_to_other_tabs<const RECORDS: bool>(self) {
        storage::on_other_tab_change(move |key| match codec::parse_chunk_key(&key) {
            Some(_) if !RECORDS => {}
            // Only the changed chunk is read, and merged by id (the later change wins): what this
            // tab holds and has not written yet is never replaced.
            Some((Kind::Response, _)) => {
                let theirs = storage::load_chunk::<Response>(Kind::Response, &key);
                self.responses.update(|rs| merge::apply(rs, theirs));
            }
            Some((Kind::Dossier, _)) => {
                let theirs = storage::load_chunk::<Dossier>(Kind::Dossier, &key);
                self.edit_dossiers(|ds| {
                    merge::apply(ds, theirs);
                    ListEdit::Any
                });
            }
            None if RECORDS && self.docs.reload(&key) => {}
            None => {
                let _ = reload(&key, "kiosk", self.kiosk)
                    || reload(&key, "questionnaires", self.book)
                    || reload(&key, "settings", self.settings)
                    || reload(&key, "pin", self.pin)
                    || reload(&key, "procedures", self.catalogue)
                    || (RECORDS && reload(&key, "calendar", self.calendar));
            }
        });
    }

    pub(crate) fn note(&self, r: Result<(), StoreError>) -> Result<(), StoreError> {
        self.full.set(matches!(r, Err(StoreError::Full)));
        r
    }

    /// Save a citizen's response. It is in the app's data at once; if storage refuses it, it
    /// waits in `pending` (and sessionStorage) and staff see a warning. Never lost.
    pub fn add_response(&self, r: Response) {
        self.responses.update(|rs| {
            codec::upsert(rs, r.clone());
        });
        self.pending.update(|p| p.push(r));
        self.flush_pending();
    }

    /// Try to write every pending response; keeps those that still fail.
    pub fn flush_pending(&self) {
        let mut left = Vec::new();
        let mut last = Ok(());
        for r in self.pending.get_untracked() {
            let res = storage::save_record(Kind::Response, &r);
            if res.is_err() {
                left.push(r);
                last = res;
            }
        }
        crate::session::stash_pending(Kind::Response, &left);
        if !left.is_empty() || self.durable_held.get_value() {
            self.durable_held.set_value(!left.is_empty());
            let durable = left.clone();
            leptos::task::spawn_local(async move { crate::session::stash_durable(Kind::Response, &durable).await });
        }
        self.pending.set(left);
        self.note(last).ok();
    }

    /// Save a new or changed dossier. Unlike a citizen's response, an officer is at the
    /// screen: a refused write is reported and the register is left as it was.
    pub fn save_dossier(&self, mut d: Dossier, is_new: bool) -> Result<(), StoreError> {
        if !is_new {
            let device = self.settings.with_untracked(|s| s.device_id.clone());
            d.meta.touch(now_millis(), &device);
        }
        let writes = storage::chunk_writes(Kind::Dossier, std::slice::from_ref(&d), codec::TAIL_MAX)?;
        self.write_staff(&writes)?;
        self.edit_dossiers(|ds| {
            if is_new {
                // A new id (`platform::next_id_bytes`): no walk over the register to look for it.
                ds.push(d);
                ListEdit::Pushed
            } else {
                codec::upsert(ds, d)
            }
        });
        Ok(())
    }

    /// Change the dossiers with `f`, which says how it changed them (`record::ListEdit`): the
    /// one way they are written. The edit is numbered before the views hear of the change.
    pub(crate) fn edit_dossiers(&self, f: impl FnOnce(&mut Vec<Dossier>) -> ListEdit) {
        let edits = self.dossier_edits;
        self.dossiers_writer.update(|ds| {
            let edit = f(ds);
            edits.update_value(|e| e.record(edit));
        });
    }

    /// Measure the units our keys use, once (or again with `again`).
    pub fn measure_used(&self, again: bool) {
        if again || !self.used_known.get_value() {
            self.used.set(storage::used_units());
            self.used_known.set_value(true);
        }
    }

    /// A staff write: refused as "full" when it would eat into the kiosk's reserve, so that
    /// citizens' responses can still be saved; all or nothing.
    pub(crate) fn write_staff(&self, writes: &[storage::Write]) -> Result<(), StoreError> {
        let growth = storage::growth(writes);
        self.measure_used(false);
        if sync::into_reserve(self.used.get_untracked(), growth) {
            // Measure again before refusing: the estimate may be stale.
            self.measure_used(true);
            if sync::into_reserve(self.used.get_untracked(), growth) {
                return self.note(Err(StoreError::Full));
            }
        }
        self.note(storage::write_all(writes))?;
        self.used.update(|u| *u += growth);
        Ok(())
    }

    /// Save imported dossiers all together, or none of them.
    pub fn import_dossiers(&self, ds: Vec<Dossier>) -> Result<usize, StoreError> {
        let undo = self.undo_write([], &ds);
        self.write_with_undo(storage::chunk_writes(Kind::Dossier, &ds, 0)?, undo)?;
        let n = ds.len();
        self.edit_dossiers(|all| {
            for d in ds {
                codec::upsert(all, d);
            }
            ListEdit::Any
        });
        Ok(n)
    }

    pub fn save_catalogue(&self, c: Vec<Procedure>) -> Result<(), StoreError> {
        self.note(storage::save_doc("procedures", &c))?;
        self.catalogue.set(c);
        Ok(())
    }

    /// Count how a kiosk visit ended in this month's funnel (a small document per month).
    pub fn record_funnel(&self, e: motcua_domain::survey::funnel::Ending) {
        // The staff app's funnel card sums these (`state_docs::StaffDocs::funnel`).
        let name = format!("funnel.{}", codec::period_of(now_millis()));
        let mut f: motcua_domain::survey::funnel::Funnel = storage::load_doc(&name).ok().flatten().unwrap_or_default();
        f.record(e);
        storage::save_doc(&name, &f).ok();
    }

    /// A fresh record identity written by this device.
    pub fn new_meta(&self) -> motcua_domain::record::Meta {
        motcua_domain::record::Meta::new(
            crate::platform::next_id_bytes(),
            now_millis(),
            &self.settings.with_untracked(|s| s.device_id.clone()),
        )
    }

    pub fn save_settings(&self, s: Settings) -> Result<(), StoreError> {
        self.settings.set(s.clone());
        self.note(storage::save_doc("settings", &s))
    }

    /// Who is on duty from now on in this tab.
    pub fn set_on_duty(&self, name: &str) {
        crate::session::set_duty(name);
        self.on_duty.set(name.to_string());
    }

    pub fn set_lang(&self, lang: Lang) {
        let mut s = self.settings.get_untracked();
        s.lang = lang;
        self.save_settings(s).ok();
    }

    /// Lock or unlock. The lock is kept in this tab's session too, so that it holds even when
    /// the storage write fails (staff then see why in the banner).
    pub fn set_kiosk(&self, on: bool) {
        if on {
            // The kiosk's ratings are about whoever was on duty (when the unit rates officers).
            let officer = if self.settings.with_untracked(|s| s.rate_officers) {
                self.on_duty.get_untracked()
            } else {
                String::new()
            };
            self.note(storage::set_kiosk_officer(&officer)).ok();
            self.set_on_duty("");
            // The unlock returns to the screen open now (a staff screen; the desk otherwise).
            crate::session::set_return_route(&crate::platform::current_route());
        }
        self.kiosk.set(on);
        crate::session::set_lock(on);
        self.note(storage::save_doc("kiosk", &on)).ok();
    }

    pub fn publish(&self, q: motcua_domain::survey::questionnaire::Questionnaire) -> Result<u32, StoreError> {
        let mut b = self.book.get_untracked();
        let v = b.publish(q);
        self.note(storage::save_doc("questionnaires", &b))?;
        self.book.set(b);
        Ok(v)
    }
}

/// If `key` is the document `name`, read it again into `sig` (another tab changed it).
fn reload<T: serde::de::DeserializeOwned + Send + Sync + 'static>(key: &str, name: &str, sig: RwSignal<T>) -> bool {
    if key != codec::doc_key(name) {
        return false;
    }
    if let Ok(Some(v)) = storage::load_doc::<T>(name) {
        sig.set(v);
    }
    true
}

/// A view of the dossiers that follows their edits (`Edits::since`): `apply` gets the view
/// made before and the one edit since, or `Any` when it must look at everything.
pub fn followed<V: Send + Sync + 'static>(
    dossiers: ReadSignal<Vec<Dossier>>,
    edits: StoredValue<Edits>,
    apply: impl Fn(Option<V>, &[Dossier], ListEdit) -> V + Send + Sync + 'static,
) -> Memo<V> {
    let seen = StoredValue::new(0u64);
    Memo::new_owning(move |prev: Option<V>| {
        let e = edits.get_value();
        let edit = if prev.is_some() { e.since(seen.get_value()) } else { ListEdit::Any };
        seen.set_value(e.number);
        (dossiers.with(|ds| apply(prev, ds, edit)), true)
    })
}

/// The state provided at the root.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
