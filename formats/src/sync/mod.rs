//! File sync between tablets: the public export format, its validation, the merge rules, the
//! import plan (preview before anything is written), and CSV for Excel.
pub mod excel;
pub mod merge;
pub mod undo;
pub mod wire;
#[cfg(feature = "excel")]
pub mod xlsx;

use crate::record::Millis;
use serde::{Deserialize, Serialize};

/// UTF-16 units one origin's localStorage holds in Chromium (and about as much elsewhere).
pub const QUOTA_UNITS: usize = 5_242_880;
/// Kept free for the kiosk: staff writes (dossiers, imports) stop before this last part, so a
/// citizen's response can still be saved when staff have not exported and archived yet.
pub const KIOSK_RESERVE_UNITS: usize = 262_144;

/// Staff are warned from 80 % of the quota on.
pub fn storage_warning(used: usize) -> bool {
    used.saturating_mul(5) >= QUOTA_UNITS.saturating_mul(4)
}

/// Whether a staff write of about `adding` units must be refused to keep the kiosk's reserve.
pub fn into_reserve(used: usize, adding: usize) -> bool {
    used.saturating_add(adding) > QUOTA_UNITS - KIOSK_RESERVE_UNITS
}

/// Whether to remind staff to export: records exist and the last export (if any) is older than
/// `days` days (0 = never remind).
pub fn export_due(last_export: Option<Millis>, first_record: Option<Millis>, now: Millis, days: u32) -> bool {
    let span = i64::from(days) * 86_400_000;
    days > 0 && first_record.is_some() && now - last_export.or(first_record).unwrap_or(now) >= span
}

/// Closed years (before the current one, Vietnam time) that still hold records on the device
/// and no open dossier: what may be archived (archiving removes a year's records from the
/// device, and an open dossier is still being worked on; issue 21).
pub fn archivable_years(data: wire::Here<'_>, now: Millis) -> Vec<i32> {
    use chrono::Datelike;
    let this_year = crate::record::vn_date(now).year();
    let year_of = |t: Millis| crate::record::vn_date(t).year();
    let open: std::collections::BTreeSet<i32> = data
        .dossiers
        .iter()
        .filter(|d| !d.meta.deleted && d.is_open())
        .map(|d| year_of(d.meta.created_at))
        .collect();
    let mut ys: Vec<i32> = data
        .responses
        .iter()
        .map(|r| r.meta.created_at)
        .chain(data.dossiers.iter().map(|d| d.meta.created_at))
        .map(year_of)
        .filter(|y| *y < this_year && !open.contains(y))
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

/// What an import did, kept in the device's import history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub file: String,
    pub imported_at: Millis,
    pub source: wire::Source,
    pub exported_at: Millis,
    pub counts: wire::PlanCounts,
}

/// The history keeps the latest receipts, newest first, at most this many.
pub const HISTORY_MAX: usize = 200;

/// Add receipts to the history (newest first, bounded).
pub fn record_receipts(history: &mut Vec<Receipt>, new: Vec<Receipt>) {
    for r in new {
        history.insert(0, r);
    }
    history.truncate(HISTORY_MAX);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warning_at_eighty_percent_and_a_reserve_for_the_kiosk() {
        assert!(!storage_warning(QUOTA_UNITS * 4 / 5 - 1));
        assert!(storage_warning(QUOTA_UNITS * 4 / 5));
        assert!(!into_reserve(1000, 1000));
        assert!(into_reserve(QUOTA_UNITS - KIOSK_RESERVE_UNITS, 1));
    }

    #[test]
    fn export_reminders() {
        let day = 86_400_000;
        assert!(!export_due(None, None, 10 * day, 7), "nothing to export");
        assert!(export_due(None, Some(0), 7 * day, 7));
        assert!(!export_due(Some(5 * day), Some(0), 7 * day, 7));
        assert!(!export_due(None, Some(0), 70 * day, 0), "0 = never");
    }

    #[test]
    fn only_closed_years_with_records_are_archivable() {
        use crate::record::Meta;
        let at = |y: i32| {
            chrono::NaiveDate::from_ymd_opt(y, 6, 1)
                .unwrap()
                .and_hms_opt(3, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp_millis()
        };
        let r = |y, n| crate::survey::response::Response::blank(Meta::new([n; 16], at(y), "d"), 1);
        let data = wire::Dataset {
            responses: vec![r(2024, 1), r(2025, 2), r(2026, 3)],
            ..Default::default()
        };
        assert_eq!(archivable_years(data.here(), at(2026)), vec![2024, 2025]);
        // A year with a dossier still open is not offered.
        let mut data = data;
        let mut open =
            crate::dossier::record::test_support::new("SCT-240601-0001", "TM-02", crate::dossier::record::test_support::at(2024, 6, 1, 9))
                .unwrap();
        open.meta = Meta::new([9; 16], at(2024), "d");
        data.dossiers.push(open.clone());
        assert_eq!(archivable_years(data.here(), at(2026)), vec![2025]);
        data.dossiers[0]
            .transition(
                crate::dossier::Status::Resolved,
                crate::dossier::record::test_support::at(2024, 6, 3, 9),
                "",
                "",
            )
            .unwrap();
        assert_eq!(archivable_years(data.here(), at(2026)), vec![2024, 2025]);
    }

    #[test]
    fn the_history_is_newest_first_and_bounded() {
        let rc = |n: i64| Receipt {
            file: format!("f{n}"),
            imported_at: n,
            source: wire::Source::default(),
            exported_at: 0,
            counts: wire::PlanCounts::default(),
        };
        let mut h = Vec::new();
        record_receipts(&mut h, (0..250).map(rc).collect());
        assert_eq!(h.len(), HISTORY_MAX);
        assert_eq!(h[0].file, "f249");
    }
}
