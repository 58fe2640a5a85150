//! A citizen's look-up in the register (`dossier::lookup`), run by the look-up module
//! (`src/bin/lookup.rs`), which the kiosk loads on first use: the kiosk's own download carries
//! neither the register's reader nor the calendar's arithmetic (issue 22: 22 KB gzip of it).
//! The kiosk asks through `scan::lookup`.

use crate::storage;
use motcua_domain::calendar::WorkCalendar;
use motcua_domain::dossier::{Dossier, PublicStatus};
use motcua_formats::codec::{self, Kind};

/// The public status of the dossier `code` at `now` (Vietnam time): only the register's
/// months that can hold the code are read (`code::months_holding`), never the whole register.
pub fn find_dossier(code: &str, now: chrono::NaiveDateTime) -> Option<PublicStatus> {
    let months: Vec<String> = storage::chunk_keys(Kind::Dossier).into_iter().map(|(_, m)| m).collect();
    // An unreadable calendar is reported by the staff app; the look-up uses the shipped one.
    let cal: WorkCalendar = storage::load_doc("calendar").ok().flatten().unwrap_or_default();
    motcua_domain::dossier::code::months_holding(code, &months)
        .into_iter()
        .find_map(|m| {
            let ds = storage::load_chunk::<Dossier>(Kind::Dossier, &codec::chunk_key(Kind::Dossier, m));
            motcua_domain::dossier::lookup(ds.iter(), code, &cal, now)
        })
}
