//! A new dossier's half-typed fields, kept in the tab's sessionStorage while they are typed:
//! the staff auto-lock is a page load into the kiosk, and unlocking comes back to the register
//! with the form as it was (issue 25). The draft goes once the dossier is saved (the form
//! empties) and with the tab; it never reaches localStorage or an export.

use leptos::prelude::*;
use motcua_core::dossier::Channel;
use serde::{Deserialize, Serialize};

/// What is kept of the form: the fields an officer types (the checklist's ticks are not).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    procedure: String,
    applicant: String,
    contact: String,
    channel: Channel,
    received: String,
    code: String,
    due: String,
    reason: String,
    copies: String,
    notes: String,
    id_number: String,
    email: String,
}

impl Draft {
    /// Whether anything was typed that the form does not start with.
    fn typed(&self) -> bool {
        [
            &self.applicant,
            &self.contact,
            &self.code,
            &self.due,
            &self.reason,
            &self.notes,
            &self.id_number,
            &self.email,
        ]
        .iter()
        .any(|s| !s.trim().is_empty())
    }
}

/// The form's signals that the draft follows.
#[derive(Clone, Copy)]
pub struct DraftFields {
    pub procedure: RwSignal<String>,
    pub applicant: RwSignal<String>,
    pub contact: RwSignal<String>,
    pub channel: RwSignal<Channel>,
    pub received: RwSignal<String>,
    pub code: RwSignal<String>,
    pub due: RwSignal<String>,
    pub reason: RwSignal<String>,
    pub copies: RwSignal<String>,
    pub notes: RwSignal<String>,
    pub id_number: RwSignal<String>,
    pub email: RwSignal<String>,
}

impl DraftFields {
    fn read(&self) -> Draft {
        Draft {
            procedure: self.procedure.get(),
            applicant: self.applicant.get(),
            contact: self.contact.get(),
            channel: self.channel.get(),
            received: self.received.get(),
            code: self.code.get(),
            due: self.due.get(),
            reason: self.reason.get(),
            copies: self.copies.get(),
            notes: self.notes.get(),
            id_number: self.id_number.get(),
            email: self.email.get(),
        }
    }

    fn restore(&self, d: Draft) {
        self.procedure.set(d.procedure);
        self.applicant.set(d.applicant);
        self.contact.set(d.contact);
        self.channel.set(d.channel);
        self.received.set(d.received);
        self.code.set(d.code);
        self.due.set(d.due);
        self.reason.set(d.reason);
        self.copies.set(d.copies);
        self.notes.set(d.notes);
        self.id_number.set(d.id_number);
        self.email.set(d.email);
    }
}

/// Put a kept draft back into the fields (`true` if there was one), then keep every change.
pub fn keep(fields: DraftFields) -> bool {
    let restored = match crate::storage::session_draft::<Draft>() {
        Some(d) if d.typed() => {
            fields.restore(d);
            true
        }
        _ => false,
    };
    Effect::new(move |_| {
        let d = fields.read();
        crate::storage::set_session_draft(d.typed().then_some(&d));
    });
    restored
}
