//! Per-device settings kept in one stored document.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Random id given on first start; written into every record this device makes.
    pub device_id: String,
    /// A name staff recognise in merged data ("Quầy 1").
    pub device_name: String,
    /// Prefix of dossier codes (`<agency>-YYMMDD-NNNN`).
    pub agency_code: String,
    /// Results over fewer responses are hidden (anonymity).
    pub min_n: u32,
    pub lang: crate::Lang,
    /// Seconds of no touch before the kiosk discards a half-filled survey.
    #[serde(default = "default_idle")]
    pub idle_seconds: i64,
    /// Seconds of no touch on staff screens before the tablet locks itself back into the
    /// kiosk (only once a staff PIN exists, so that it can be unlocked again).
    #[serde(default = "default_staff_idle")]
    pub staff_idle_seconds: i64,
    /// Desk number 0–9: the range of dossier running numbers this tablet issues (see
    /// `dossier::code::desk_of`), so that tablets receiving on the same day never collide.
    #[serde(default)]
    pub desk: u32,
    /// Remind staff to export when the last export is older than this many days (0 = never).
    #[serde(default = "default_export_days")]
    pub export_reminder_days: u32,
    /// The satisfaction index the department aims at (the dashboard's target line), %.
    #[serde(default = "default_target")]
    pub index_target: u32,
}

fn default_target() -> u32 {
    80
}

fn default_export_days() -> u32 {
    7
}

fn default_staff_idle() -> i64 {
    600
}

/// Allowed staff idle limits, seconds.
pub const STAFF_IDLE_RANGE: std::ops::RangeInclusive<i64> = 10..=3600;

/// Whether an unlocked tablet left alone should lock itself into the kiosk now.
pub fn staff_should_lock(
    now: crate::record::Millis,
    last_touch: crate::record::Millis,
    idle_seconds: i64,
    has_pin: bool,
    locked: bool,
) -> bool {
    has_pin && !locked && now - last_touch >= idle_seconds * 1000
}

/// Whether the tablet starts locked in the kiosk. It fails closed: once a PIN exists, a
/// missing or unreadable stored lock means locked, and a lock held only in this tab's session
/// (its write to storage failed) still holds.
pub fn locked_at_start(has_pin: bool, stored: Option<Option<bool>>, session_lock: bool) -> bool {
    match stored {
        _ if session_lock && has_pin => true,
        Some(Some(v)) => v,
        // Missing (None inside) or unreadable / newer (None outside).
        _ => has_pin,
    }
}

fn default_idle() -> i64 {
    crate::survey::kiosk::IDLE_SECONDS
}

/// Allowed idle limits, seconds.
pub const IDLE_RANGE: std::ops::RangeInclusive<i64> = 5..=600;

impl Settings {
    /// First-start settings; the device id comes from the caller's randomness.
    pub fn first_start(random: [u8; 16]) -> Self {
        let id: String = crate::record::new_id(random).chars().take(8).collect();
        Settings {
            device_name: format!("Máy {}", &id[..4]),
            device_id: id,
            agency_code: "SCT".into(),
            min_n: 5,
            lang: crate::Lang::Vi,
            idle_seconds: default_idle(),
            staff_idle_seconds: default_staff_idle(),
            desk: 0,
            export_reminder_days: default_export_days(),
            index_target: default_target(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unlocked_tablet_left_alone_locks_itself_only_with_a_pin() {
        assert!(staff_should_lock(600_000, 0, 600, true, false));
        assert!(!staff_should_lock(599_999, 0, 600, true, false), "not yet");
        assert!(
            !staff_should_lock(600_000, 0, 600, false, false),
            "no PIN: it could never be unlocked"
        );
        assert!(!staff_should_lock(600_000, 0, 600, true, true), "already locked");
    }

    #[test]
    fn the_kiosk_lock_fails_closed() {
        assert!(locked_at_start(true, Some(None), false), "PIN, lock value missing: locked");
        assert!(locked_at_start(true, None, false), "PIN, lock value unreadable or newer: locked");
        assert!(!locked_at_start(false, None, false), "no PIN: it could never be unlocked");
        assert!(locked_at_start(true, Some(Some(false)), true), "the session's lock holds");
        assert!(!locked_at_start(true, Some(Some(false)), false));
        assert!(locked_at_start(true, Some(Some(true)), false));
    }

    #[test]
    fn old_settings_get_the_new_fields_defaults() {
        let old = r#"{"device_id":"abcd1234","device_name":"Quầy 1","agency_code":"SCT","min_n":5,"lang":"Vi"}"#;
        let s: Settings = serde_json::from_str(old).unwrap();
        assert_eq!((s.idle_seconds, s.staff_idle_seconds), (60, 600));
    }
}
