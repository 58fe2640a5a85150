//! The few things the core asks of the browser: the time and randomness.

use chrono::NaiveDateTime;
use motcua_core::record::Millis;

/// Milliseconds since the epoch, UTC.
pub fn now_millis() -> Millis {
    js_sys::Date::now() as Millis
}

/// The wall-clock time in Vietnam, whatever zone the tablet is set to (one rule for every date
/// the app derives: `record::vn_datetime`).
pub fn now_local() -> NaiveDateTime {
    motcua_core::record::vn_datetime(now_millis())
}

/// 16 random bytes from the browser's CSPRNG; falls back to Math.random only if crypto is
/// missing (never in a supported browser), so that an id is always produced.
pub fn random16() -> [u8; 16] {
    let mut b = [0u8; 16];
    let ok = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut b).is_ok())
        .unwrap_or(false);
    if !ok {
        for x in b.iter_mut() {
            *x = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    b
}
