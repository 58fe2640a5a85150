//! motcua-core: the domain of the one-stop desk as plain Rust.
//!
//! No web APIs live here: the browser shell supplies time, randomness and storage, so every
//! rule can be tested natively with `cargo test`.

pub mod calendar;
pub mod codec;
pub mod dossier;
#[cfg(test)]
mod fixtures;
pub mod format;
pub mod i18n;
pub mod lunar;
pub mod paths;
pub mod pin;
pub mod record;
pub mod report;
pub mod settings;
pub mod sheet;
pub mod survey;
pub mod sync;

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
