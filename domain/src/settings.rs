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
    /// The kiosk scans the receipt's QR code with the back camera (else the front one, which
    /// faces the citizen on a tablet standing at the counter: the default [I]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub camera_back: bool,
    /// Ratings carry the officer last on duty at this tablet and the dashboard shows
    /// satisfaction per officer (issue 26). Off by default: rating named colleagues is the
    /// unit's decision [I]; the anonymity threshold applies to each officer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rate_officers: bool,
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
    /// The names the official forms print in their heading (TT 03/2025/TT-VPCP, Phụ lục I):
    /// the parent agency ("UBND TỈNH KHÁNH HÒA"), the agency ("SỞ CÔNG THƯƠNG") and the counter
    /// ("Bộ phận Tiếp nhận và Trả kết quả"). Empty: the form prints the agency code.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent_agency: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub counter_name: String,
    /// The counter's phone number, printed under its name on the forms.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub counter_phone: String,
    /// Whether this is the only tablet receiving dossiers at the counter (`None`: not yet
    /// answered). On a shared counter each tablet takes its own desk number, so the setup is
    /// not done until the question is answered (two tablets on desk 0 issue the same codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sole_tablet: Option<bool>,
    /// The desk's officers (công chức một cửa), as the forms name them: the officer on duty is
    /// picked from this list at unlock and is recorded on the dossiers received and the steps
    /// entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub officers: Vec<String>,
    /// The head of the agency who signs the letters (Mẫu 04: xin lỗi và gia hạn), e.g.
    /// "GIÁM ĐỐC" / "Nguyễn Văn A".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub head_title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub head_name: String,
    /// The province's official SIPAS index of this unit ("chỉ số hài lòng"), as published: the
    /// report cites it as the official index, beside the kiosk's own measurement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_index: Option<OfficialIndex>,
}

/// "Chỉ số hài lòng" in official letters is the province's figure from an independent survey
/// (shared/domain.md, "Naming" [I]; Khánh Hòa published 2025's on 13/01/2026, per unit, 2
/// decimals [V]). The manager enters it; the app never computes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialIndex {
    /// The value in hundredths of a percent (76,29 % → 7629): exact, as published.
    pub hundredths: u32,
    /// The year the survey measured.
    pub year: i32,
    /// The decision or notice that published it ("Quyết định số 45/QĐ-UBND ngày 13/01/2026").
    pub decision: String,
}

/// Why an entered official index is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficialIndexError {
    /// Not a percentage 0–100 with at most two decimals.
    Value,
    /// Not a year 2000–2100.
    Year,
    /// The publishing decision must be named.
    Decision,
}

impl OfficialIndexError {
    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            OfficialIndexError::Value => K::OfficialValueBad,
            OfficialIndexError::Year => K::OfficialYearBad,
            OfficialIndexError::Decision => K::OfficialDecisionMissing,
        }
    }
}

impl OfficialIndex {
    /// From the settings form: `76,29` or `76.29`, a year, the decision. An empty value clears
    /// the figure (`None`).
    pub fn parse(value: &str, year: &str, decision: &str) -> Result<Option<OfficialIndex>, OfficialIndexError> {
        let value = value.trim().trim_end_matches('%').trim();
        if value.is_empty() {
            return Ok(None);
        }
        let (whole, frac) = value.split_once([',', '.']).unwrap_or((value, ""));
        let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OfficialIndexError::Value);
        }
        let whole: u32 = whole.parse().map_err(|_| OfficialIndexError::Value)?;
        let frac: u32 = format!("{frac:0<2}").parse().map_err(|_| OfficialIndexError::Value)?;
        let hundredths = whole * 100 + frac;
        if hundredths > 10_000 {
            return Err(OfficialIndexError::Value);
        }
        let year: i32 = year.trim().parse().map_err(|_| OfficialIndexError::Year)?;
        if !(2000..=2100).contains(&year) {
            return Err(OfficialIndexError::Year);
        }
        if decision.trim().is_empty() {
            return Err(OfficialIndexError::Decision);
        }
        Ok(Some(OfficialIndex {
            hundredths,
            year,
            decision: decision.trim().to_string(),
        }))
    }

    /// The value as the province prints it: 2 decimals, comma ("76,29%").
    pub fn text(&self) -> String {
        format!("{},{:02}%", self.hundredths / 100, self.hundredths % 100)
    }
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

/// The tablet's settings as the settings page holds them: numbers as typed.
#[derive(Clone, Debug, Default)]
pub struct TabletForm {
    pub device_name: String,
    pub min_n: String,
    pub idle_seconds: String,
    pub staff_idle_seconds: String,
    pub export_reminder_days: String,
    pub index_target: String,
    pub camera_back: bool,
    pub rate_officers: bool,
}

impl TabletForm {
    pub fn of(s: &Settings) -> TabletForm {
        TabletForm {
            device_name: s.device_name.clone(),
            min_n: s.min_n.to_string(),
            idle_seconds: s.idle_seconds.to_string(),
            staff_idle_seconds: s.staff_idle_seconds.to_string(),
            export_reminder_days: s.export_reminder_days.to_string(),
            index_target: s.index_target.to_string(),
            camera_back: s.camera_back,
            rate_officers: s.rate_officers,
        }
    }

    /// `s` with the form applied: a number that does not read keeps the old value, one out of
    /// range is brought to its nearest limit (idle times to their ranges, at least one response
    /// shown, a reminder within a year, a target within 100 %).
    pub fn apply(&self, mut s: Settings) -> Settings {
        fn read<T: std::str::FromStr>(text: &str, old: T) -> T {
            text.trim().parse().unwrap_or(old)
        }
        s.device_name = self.device_name.trim().to_string();
        s.camera_back = self.camera_back;
        s.rate_officers = self.rate_officers;
        s.idle_seconds = read(&self.idle_seconds, s.idle_seconds).clamp(*IDLE_RANGE.start(), *IDLE_RANGE.end());
        s.staff_idle_seconds =
            read(&self.staff_idle_seconds, s.staff_idle_seconds).clamp(*STAFF_IDLE_RANGE.start(), *STAFF_IDLE_RANGE.end());
        s.min_n = read(&self.min_n, s.min_n).max(1);
        s.export_reminder_days = read(&self.export_reminder_days, s.export_reminder_days).min(365);
        s.index_target = read(&self.index_target, s.index_target).min(100);
        s
    }
}

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
            camera_back: false,
            rate_officers: false,
            staff_idle_seconds: default_staff_idle(),
            desk: 0,
            export_reminder_days: default_export_days(),
            index_target: default_target(),
            official_index: None,
            parent_agency: String::new(),
            agency_name: String::new(),
            counter_name: String::new(),
            counter_phone: String::new(),
            sole_tablet: None,
            officers: Vec::new(),
            head_title: String::new(),
            head_name: String::new(),
        }
    }

    /// What the setup still lacks before this tablet may issue dossier codes and print forms
    /// (empty: ready). The forms of TT 03/2025 head with the parent agency, the agency and the
    /// counter; the codes begin with the agency's electronic id (`code::valid_agency_id`).
    pub fn setup_missing(&self) -> Vec<SetupIssue> {
        let mut v = Vec::new();
        if !crate::dossier::valid_agency_id(&self.agency_code) {
            v.push(SetupIssue::AgencyId);
        }
        for (text, issue) in [
            (&self.parent_agency, SetupIssue::ParentAgency),
            (&self.agency_name, SetupIssue::AgencyName),
            (&self.counter_name, SetupIssue::CounterName),
        ] {
            if text.trim().is_empty() {
                v.push(issue);
            }
        }
        if self.sole_tablet.is_none() {
            v.push(SetupIssue::Desk);
        }
        v
    }

    /// The desk this tablet issues numbers from: 0 on the counter's only tablet.
    pub fn desk_in_use(&self) -> u32 {
        if self.sole_tablet == Some(true) {
            0
        } else {
            self.desk.min(9)
        }
    }
}

/// One thing the setup lacks (`Settings::setup_missing`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupIssue {
    AgencyId,
    ParentAgency,
    AgencyName,
    CounterName,
    /// Not said whether other tablets receive at this counter.
    Desk,
}

impl SetupIssue {
    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            SetupIssue::AgencyId => K::SetupAgencyId,
            SetupIssue::ParentAgency => K::ParentAgency,
            SetupIssue::AgencyName => K::AgencyName,
            SetupIssue::CounterName => K::CounterName,
            SetupIssue::Desk => K::SetupDesk,
        }
    }
}

/// The officers' list from the setup form: one name a line, trimmed, blank lines and repeats
/// dropped, at most 40 names of at most 60 characters.
pub fn parse_officers(text: &str) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for line in text.lines() {
        let name: String = line.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(60).collect();
        if !name.is_empty() && !v.iter().any(|n| crate::format::lower(n) == crate::format::lower(&name)) && v.len() < 40 {
            v.push(name);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_tablet_form_keeps_what_does_not_read_and_brings_numbers_into_range() {
        let old = Settings::first_start([7; 16]);
        let mut f = TabletForm::of(&old);
        assert_eq!(f.apply(old.clone()), old, "an untouched form changes nothing");
        f.device_name = "  Quầy 2 ".into();
        f.idle_seconds = "1".into();
        f.staff_idle_seconds = "99999".into();
        f.min_n = "0".into();
        f.export_reminder_days = "abc".into();
        f.index_target = "120".into();
        f.rate_officers = true;
        let s = f.apply(old.clone());
        assert_eq!(s.device_name, "Quầy 2");
        assert_eq!(s.idle_seconds, *IDLE_RANGE.start());
        assert_eq!(s.staff_idle_seconds, *STAFF_IDLE_RANGE.end());
        assert_eq!(s.min_n, 1);
        assert_eq!(s.export_reminder_days, old.export_reminder_days);
        assert_eq!(s.index_target, 100);
        assert!(s.rate_officers);
    }

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

    #[test]
    fn a_fresh_tablet_is_not_set_up_until_names_id_and_desk_are_given() {
        let mut s = Settings::first_start([7; 16]);
        assert_eq!(
            s.setup_missing(),
            vec![
                SetupIssue::AgencyId,
                SetupIssue::ParentAgency,
                SetupIssue::AgencyName,
                SetupIssue::CounterName,
                SetupIssue::Desk
            ],
            "the old default prefix SCT is an abbreviation, not the electronic id"
        );
        s.agency_code = "000.00.15.H34".into();
        s.parent_agency = "UBND TỈNH KHÁNH HÒA".into();
        s.agency_name = "SỞ CÔNG THƯƠNG".into();
        s.counter_name = "Bộ phận TN&TKQ tại Trung tâm PVHCC tỉnh".into();
        assert_eq!(s.setup_missing(), vec![SetupIssue::Desk]);
        s.sole_tablet = Some(false);
        s.desk = 3;
        assert!(s.setup_missing().is_empty());
        assert_eq!(s.desk_in_use(), 3);
        s.sole_tablet = Some(true);
        assert_eq!(s.desk_in_use(), 0, "the only tablet numbers from desk 0");
        for i in [SetupIssue::AgencyId, SetupIssue::Desk] {
            assert!(!crate::i18n::t(crate::Lang::Vi, i.key()).is_empty());
        }
    }

    #[test]
    fn officers_are_one_name_a_line_without_repeats() {
        assert_eq!(
            parse_officers("  Nguyễn  Văn An \n\nTrần Thị Bình\nnguyễn văn an\n"),
            vec!["Nguyễn Văn An".to_string(), "Trần Thị Bình".to_string()]
        );
        assert_eq!(parse_officers(&"x\n".repeat(3)).len(), 1);
        let many: String = (0..50).map(|i| format!("CB {i}\n")).collect();
        assert_eq!(parse_officers(&many).len(), 40);
    }

    #[test]
    fn the_official_index_is_entered_as_published() {
        let ok = OfficialIndex::parse(" 76,29 ", "2025", "Quyết định 45/QĐ-UBND").unwrap().unwrap();
        assert_eq!((ok.hundredths, ok.year, ok.text()), (7629, 2025, "76,29%".to_string()));
        assert_eq!(OfficialIndex::parse("80.5%", "2025", "x").unwrap().unwrap().text(), "80,50%");
        assert_eq!(OfficialIndex::parse("100", "2025", "x").unwrap().unwrap().hundredths, 10_000);
        assert_eq!(OfficialIndex::parse("", "", ""), Ok(None), "empty: cleared");
        assert_eq!(OfficialIndex::parse("100,01", "2025", "x"), Err(OfficialIndexError::Value));
        assert_eq!(OfficialIndex::parse("76,291", "2025", "x"), Err(OfficialIndexError::Value));
        assert_eq!(OfficialIndex::parse("-1", "2025", "x"), Err(OfficialIndexError::Value));
        assert_eq!(OfficialIndex::parse("abc", "2025", "x"), Err(OfficialIndexError::Value));
        assert_eq!(OfficialIndex::parse("76", "25", "x"), Err(OfficialIndexError::Year));
        assert_eq!(OfficialIndex::parse("76", "2025", " "), Err(OfficialIndexError::Decision));
    }
}
