//! motcua-domain: the one-stop desk's rules as plain Rust: the calendar, the survey and its
//! index, dossiers and their timeliness, reports, numbers and dates, the UI's strings, the
//! settings and the PIN.
//!
//! **Architecture invariant: the domain knows no stored or exchanged form.** No module here
//! names a codec, an export, a sheet or a merge (`motcua-formats` depends on this crate, never
//! the reverse; Cargo holds it). No web APIs either: the browser shell supplies time,
//! randomness and storage, so every rule is tested natively with `cargo test`.

pub mod calendar;
pub mod dataset;
pub mod dossier;
pub mod format;
pub mod i18n;
pub mod lunar;
pub mod paths;
pub mod pin;
pub mod record;
pub mod report;
pub mod settings;
pub mod survey;

use serde::{Deserialize, Serialize};

/// The two UI languages; Vietnamese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The language's own name, as a switch offers it (the same in either UI).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }

    /// The BCP 47 code (the page's `lang`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The one a two-way switch goes to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}
