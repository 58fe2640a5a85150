//! The app state's calendar side: saving the working-day calendar with the open dossiers it
//! re-dates (all or nothing), and bringing documents an earlier build stored up to this build,
//! then re-dating against the calendar that replaced. The rules are `core::calendar` and
//! `core::dossier::redate`.

use crate::platform::now_millis;
use crate::state::AppState;
use crate::storage::{self, StoreError};
use leptos::prelude::*;
use motcua_domain::calendar::WorkCalendar;
use motcua_domain::dossier::redate::{self, Moved};
use motcua_domain::record::ListEdit;
use motcua_formats::codec::{self, Kind};

/// The stored calendar a start-up correction replaced, until the register is re-dated.
const CALENDAR_BEFORE: &str = "calendar-before";

impl AppState {
    /// Save a calendar and, with it, the open dossiers whose due date it moves
    /// (`redate::moved_by`): all written together or nothing. Returns the moves for staff.
    pub fn save_calendar(&self, c: WorkCalendar) -> Result<Vec<Moved>, StoreError> {
        let old = self.calendar.get_untracked();
        let moved = self.dossiers.with_untracked(|ds| redate::moved_by(ds, &old, &c));
        if moved.is_empty() {
            self.note(storage::save_doc("calendar", &c))?;
        } else {
            self.write_redated(&moved, vec![storage::Write::doc("calendar", &c)])?;
        }
        self.calendar.set(c);
        Ok(moved)
    }

    /// Write the dossiers `moved` re-dates, with `with` in the same all-or-nothing write.
    fn write_redated(&self, moved: &[Moved], with: Vec<storage::Write>) -> Result<(), StoreError> {
        let device = self.settings.with_untracked(|s| s.device_id.clone());
        let mut ds = self.dossiers.with_untracked(|ds| redate::redated(ds, moved));
        for d in &mut ds {
            d.meta.touch(now_millis(), &device);
        }
        let mut writes = storage::chunk_writes(Kind::Dossier, &ds, codec::TAIL_MAX)?;
        writes.extend(with);
        self.write_staff(&writes)?;
        self.edit_dossiers(|all| {
            for d in ds {
                codec::upsert(all, d);
            }
            ListEdit::Any
        });
        Ok(())
    }

    /// Bring the shipped documents an earlier build stored up to this build: never-edited
    /// catalogue entries get this build's 15:00 rule, never-edited calendar years the corrected
    /// days (24/11 from 2026, 2027). The calendar replaced is kept until the register is
    /// re-dated against it (`redate_after_upgrade`). The staff app's work at start: the kiosk
    /// module reads the documents as they are and carries none of this.
    pub fn upgrade_documents(&self) {
        let mut catalogue = self.catalogue.get_untracked();
        if motcua_domain::dossier::upgrade_shipped_catalogue(&mut catalogue) {
            storage::save_doc("procedures", &catalogue).ok();
            self.catalogue.set(catalogue);
        }
        let mut calendar = self.calendar.get_untracked();
        let before = calendar.clone();
        if calendar.upgrade_shipped() {
            if !matches!(storage::load_doc::<WorkCalendar>(CALENDAR_BEFORE), Ok(Some(_))) {
                storage::save_doc(CALENDAR_BEFORE, &before).ok();
            }
            storage::save_doc("calendar", &calendar).ok();
            self.calendar.set(calendar);
        }
    }

    /// After the register is read: a calendar this build corrected at start (`CALENDAR_BEFORE`
    /// holds the one it replaced) moves the open dossiers that run through the corrected days,
    /// and staff see which (`moved_dates`). The note is removed in the same write, so a reload
    /// midway does the work again, never twice.
    pub(crate) fn redate_after_upgrade(&self) {
        let Ok(Some(old)) = storage::load_doc::<WorkCalendar>(CALENDAR_BEFORE) else {
            return;
        };
        let new = self.calendar.get_untracked();
        let moved = self.dossiers.with_untracked(|ds| redate::moved_by(ds, &old, &new));
        let done = storage::Write::of(codec::doc_key(CALENDAR_BEFORE), None);
        let r = if moved.is_empty() {
            self.note(storage::write_all(&[done]))
        } else {
            self.write_redated(&moved, vec![done])
        };
        if r.is_ok() && !moved.is_empty() {
            self.moved_dates.set(Some(moved));
        }
    }
}
