//! The app state's PIN side: setting, changing and checking the staff PIN through the
//! wrong-try delay (`core::pin`), the count kept in storage, the tab's session and the page's
//! memory, and the fail-closed answer when the stored PIN cannot be read.

use crate::platform::{now_millis, random16};
use crate::state::AppState;
use crate::storage::{self, StoreError};
use leptos::prelude::*;
use motcua_domain::i18n::Msg;
use motcua_domain::pin::{Attempts, PinCheck, PinHash};

impl AppState {
    pub fn set_pin(&self, pin: &str) -> Result<(), StoreError> {
        let h = PinHash::new(pin, random16());
        self.note(storage::save_doc("pin", &Some(h.clone())))?;
        self.pin.set(Some(h));
        Ok(())
    }

    /// Change the PIN (`core::pin::change_pin`): the current one through the wrong-try delay,
    /// then the new one twice.
    pub fn change_pin(&self, current: &str, new: &str, repeat: &str) -> Result<(), Msg> {
        if self.pin_unreadable.get_value() {
            return Err(motcua_domain::pin::PinChangeError::Current(PinCheck::Unreadable).msg());
        }
        let mut at = self.attempts();
        let h = self.pin.get_untracked();
        let res = motcua_domain::pin::change_pin(h.as_ref(), &mut at, current, new, repeat, random16(), now_millis());
        self.keep_attempts(at);
        let h = res.map_err(|e| e.msg())?;
        self.note(storage::save_doc("pin", &Some(h.clone()))).map_err(|e| e.msg())?;
        self.pin.set(Some(h));
        Ok(())
    }

    /// Check a PIN against the stored hash with the persisted wrong-try delay.
    pub fn check_pin(&self, pin: &str) -> PinCheck {
        if self.pin_unreadable.get_value() {
            return PinCheck::Unreadable;
        }
        let Some(h) = self.pin.get_untracked() else {
            return PinCheck::Wrong;
        };
        let mut at = self.attempts();
        let res = at.check(&h, pin, now_millis());
        self.keep_attempts(at);
        if res == PinCheck::Ok && h.needs_upgrade() {
            // An earlier build's hash is stored again as today's (`pin::PinHash::needs_upgrade`).
            // Not written (storage full): the old hash stays and still opens; tried next time.
            self.set_pin(pin).ok();
        }
        res
    }

    /// The wrong tries so far: the stricter of the stored count, this tab's session's and this
    /// page's memory, so that a full or failing storage never lets PINs be tried at typing speed.
    fn attempts(&self) -> Attempts {
        let stored: Attempts = storage::load_doc("attempts").ok().flatten().unwrap_or_default();
        stored.stricter(crate::session::attempts()).stricter(self.attempts_here.get_value())
    }

    fn keep_attempts(&self, at: Attempts) {
        self.attempts_here.set_value(at.clone());
        crate::session::set_attempts(&at);
        storage::save_doc("attempts", &at).ok();
    }
}
