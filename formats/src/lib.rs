//! motcua-formats: the domain's records as they are stored, exchanged and read from sheets:
//! the stored codec (`codec`), the export and its merge planning (`sync`), sheets (`sheet`, the
//! register's and the catalogue's), Excel (feature `excel`).
//!
//! **Architecture invariant: formats depend on the domain (`motcua-domain`), never the
//! reverse.** The domain's modules are re-exported here so that the shell names one crate
//! for both where it needs both.

pub mod catalogue_sheet;
pub mod codec;
#[cfg(test)]
mod fixtures;
pub mod register_sheet;
pub mod sheet;
pub mod sync;

pub use motcua_domain::{calendar, dataset, dossier, format, i18n, lunar, paths, pin, record, report, settings, survey, Lang};
