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
        }
    }
}
