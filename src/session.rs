//! The tab's session: what must survive a page load or a reload in this tab and never reach
//! the next person (sessionStorage: the lock, wrong PIN tries, the look-up limit, the half-typed
//! dossier, the officer on duty, where the unlock returns), and the records that wait for
//! space (sessionStorage for a reload, the Cache API for a closed tab). `storage` holds what
//! every tab shares (localStorage).

use gloo_storage::{SessionStorage, Storage};
use motcua_formats::codec::{self, Kind};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

const SESSION_LOCK: &str = "motcua.kiosk-lock";

/// The kiosk lock as this tab's session remembers it.
pub fn lock() -> bool {
    SessionStorage::get::<bool>(SESSION_LOCK).unwrap_or(false)
}

pub fn set_lock(on: bool) {
    SessionStorage::set(SESSION_LOCK, on).ok();
}

const ATTEMPTS: &str = "motcua.attempts";

/// This tab's session's count of wrong PIN tries (beside the stored one).
pub fn attempts() -> motcua_domain::pin::Attempts {
    SessionStorage::get(ATTEMPTS).unwrap_or_default()
}

pub fn set_attempts(at: &motcua_domain::pin::Attempts) {
    SessionStorage::set(ATTEMPTS, at).ok();
}

const LOOKUPS: &str = "motcua.lookups";

/// The kiosk's last look-ups (wall-clock times, `LookupLimit::to_wall`), kept in the tab's
/// session so that a reload does not reset the limit.
pub fn lookups() -> Vec<motcua_domain::record::Millis> {
    SessionStorage::get(LOOKUPS).unwrap_or_default()
}

pub fn set_lookups(at: &[motcua_domain::record::Millis]) {
    SessionStorage::set(LOOKUPS, at).ok();
}

const DRAFT: &str = "motcua.dossier-draft";

/// A new dossier's half-typed fields (`components::dossier_draft`), kept in the tab's session
/// across the page loads of an auto-lock and its unlock.
pub fn draft<T: serde::de::DeserializeOwned>() -> Option<T> {
    SessionStorage::get(DRAFT).ok()
}

/// Keep `draft`, or drop the kept one (`None`).
pub fn set_draft<T: serde::Serialize>(draft: Option<&T>) {
    match draft {
        Some(d) => {
            SessionStorage::set(DRAFT, d).ok();
        }
        None => SessionStorage::delete(DRAFT),
    }
}

const RATE_FOR: &str = "motcua.rate-for";

/// The dossier whose rating the kiosk opens on next (staff's "Mời đánh giá" at the hand-back):
/// kept in the tab's session across the page load into the kiosk, taken once.
pub fn set_rate_for(code: &str) {
    SessionStorage::set(RATE_FOR, code).ok();
}

pub fn take_rate_for() -> Option<String> {
    let code: Option<String> = SessionStorage::get(RATE_FOR).ok();
    SessionStorage::delete(RATE_FOR);
    code.filter(|c| !c.trim().is_empty())
}

const RETURN: &str = "motcua.return";

/// The staff screen open when the tablet locked, for the unlock to return to (in this tab's
/// session, like the lock itself).
pub fn set_return_route(route: &str) {
    SessionStorage::set(RETURN, route).ok();
}

/// Where the unlock goes: the screen kept by the lock when it is a staff screen of this app
/// (`paths::return_route`), else the desk; taken once.
pub fn take_return_route() -> String {
    let kept: String = SessionStorage::get(RETURN).unwrap_or_default();
    SessionStorage::delete(RETURN);
    motcua_domain::paths::return_route(&kept).to_string()
}

const DUTY: &str = "motcua.duty";

/// The officer on duty in this tab (picked after unlocking; forgotten when the tablet locks).
/// Held in the session: it survives the page load from the kiosk into the staff app and a
/// reload, never the next person's unlock.
pub fn duty() -> String {
    SessionStorage::get::<String>(DUTY).unwrap_or_default()
}

pub fn set_duty(name: &str) {
    if name.is_empty() {
        SessionStorage::delete(DUTY);
    } else {
        SessionStorage::set(DUTY, name).ok();
    }
}

/// Records that could not be saved (storage full) survive a reload in sessionStorage, which
/// has its own quota.
pub fn stash_pending<T: Serialize>(kind: Kind, recs: &[T]) {
    let key = format!("{}pending.{}", codec::PREFIX, kind.tag());
    if recs.is_empty() {
        SessionStorage::delete(&key);
    } else {
        SessionStorage::set(&key, recs).ok();
    }
}

pub fn stashed_pending<T: DeserializeOwned>(kind: Kind) -> Vec<T> {
    SessionStorage::get(format!("{}pending.{}", codec::PREFIX, kind.tag())).unwrap_or_default()
}

/// The Cache API holds records waiting for space too: it has its own quota (not
/// localStorage's) and, unlike sessionStorage, survives closing the tab. Its name does not
/// start with `motcua-`, so the service worker's clean-up of old builds leaves it alone.
const DURABLE: &str = "pending.motcua";

fn durable_url(kind: Kind) -> String {
    format!("/__pending__/{}", kind.tag())
}

async fn durable_cache(create: bool) -> Result<Option<web_sys::Cache>, wasm_bindgen::JsValue> {
    let caches = web_sys::window().ok_or(wasm_bindgen::JsValue::NULL)?.caches()?;
    // Opening creates it: only a stash does that (a start with nothing waiting leaves the
    // origin's caches as they were).
    if !create && !wasm_bindgen_futures::JsFuture::from(caches.has(DURABLE)).await?.is_truthy() {
        return Ok(None);
    }
    let cache = wasm_bindgen_futures::JsFuture::from(caches.open(DURABLE)).await?;
    Ok(Some(cache.unchecked_into()))
}

/// Keep `recs` (none: forget them) where a closed tab does not lose them. Best effort: a
/// browser without the Cache API still has sessionStorage for reloads.
pub async fn stash_durable<T: Serialize>(kind: Kind, recs: &[T]) {
    let Ok(Some(cache)) = durable_cache(!recs.is_empty()).await else {
        return;
    };
    let url = durable_url(kind);
    let done = if recs.is_empty() {
        wasm_bindgen_futures::JsFuture::from(cache.delete_with_str(&url)).await
    } else {
        let Ok(json) = serde_json::to_string(recs) else { return };
        match web_sys::Response::new_with_opt_str(Some(&json)) {
            Ok(body) => wasm_bindgen_futures::JsFuture::from(cache.put_with_str(&url, &body)).await,
            Err(e) => Err(e),
        }
    };
    done.ok();
}

/// What [`stash_durable`] kept (an unreadable copy counts as none).
pub async fn stashed_durable<T: DeserializeOwned>(kind: Kind) -> Vec<T> {
    let read = async {
        let cache = durable_cache(false).await?.ok_or(wasm_bindgen::JsValue::NULL)?;
        let hit = wasm_bindgen_futures::JsFuture::from(cache.match_with_str(&durable_url(kind))).await?;
        let resp: web_sys::Response = hit.dyn_into()?;
        wasm_bindgen_futures::JsFuture::from(resp.text()?).await
    };
    read.await
        .ok()
        .and_then(|text| text.as_string())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}
