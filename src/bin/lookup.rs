//! The look-up module: a citizen's look-up in the register (`motcua::lookup`), built as a
//! module of its own (index.html) and loaded by the kiosk on the first "Tra cứu" (`src/scan.rs`
//! asks it): the kiosk's own download carries neither the register's reader nor the
//! calendar's arithmetic (issue 22). Precached like the others, so it works offline.

use wasm_bindgen::prelude::*;

/// A citizen's look-up at `now_ms` (epoch milliseconds): the dossier's public status as JSON
/// (`PublicStatus`), or `None` when no dossier has `code`.
#[wasm_bindgen]
pub fn lookup(code: String, now_ms: f64) -> Option<String> {
    let now = motcua_domain::record::vn_datetime(now_ms as i64);
    motcua::lookup::find_dossier(&code, now).and_then(|p| serde_json::to_string(&p).ok())
}

fn main() {}
