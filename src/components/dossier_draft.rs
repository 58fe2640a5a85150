//! A new dossier's half-typed fields, kept in the tab's sessionStorage while they are typed:
//! the staff auto-lock is a page load into the kiosk, and unlocking comes back to the register
//! with the form as it was, the checklist's ticks included (issue 25). The draft goes once the
//! dossier is saved (the form empties) and with the tab; it never reaches localStorage or an
//! export.

use super::dossier_papers::Line;
use leptos::prelude::*;
use motcua_domain::dossier::{Channel, Digital};
use serde::{Deserialize, Serialize};

/// The kept fields, named once: the stored draft, the form's signals it follows, and the two
/// ways between them.
macro_rules! draft {
    ($($field:ident: $ty:ty),* $(,)?) => {
        /// What is kept of the form, as typed.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Draft {
            $($field: $ty),*
        }

        /// The form's signals that the draft follows.
        #[derive(Clone, Copy)]
        pub struct DraftFields {
            $(pub $field: RwSignal<$ty>),*
        }

        impl DraftFields {
            fn read(&self) -> Draft {
                Draft { $($field: self.$field.get()),* }
            }

            fn restore(&self, d: Draft) {
                $(self.$field.set(d.$field);)*
            }
        }
    };
}

draft! {
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
    filed_at: String,
    digital: Digital,
    // The procedure's checklist with its ticks and copies.
    lines: Vec<Line>,
    other: String,
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
            &self.filed_at,
            &self.other,
        ]
        .iter()
        .any(|s| !s.trim().is_empty())
    }
}

/// Put a kept draft back into the fields (`true` if there was one), then keep every change.
pub fn keep(fields: DraftFields) -> bool {
    let restored = match crate::session::draft::<Draft>() {
        Some(d) if d.typed() => {
            fields.restore(d);
            true
        }
        _ => false,
    };
    Effect::new(move |_| {
        let d = fields.read();
        crate::session::set_draft(d.typed().then_some(&d));
    });
    restored
}
