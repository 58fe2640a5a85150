//! motcua-core: the domain of the one-stop desk as plain Rust.
//!
//! No web APIs live here: the browser shell supplies time, randomness and storage, so every
//! rule can be tested natively with `cargo test`.

pub mod calendar;
pub mod codec;
pub mod dossier;
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
