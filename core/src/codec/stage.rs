//! In what order the start reads the stored months: first what the screen on show needs, so
//! that it is shown before a decade of history has been read.
//!
//! - The desk shows the responses of its window (this month and the eleven before,
//!   `survey::desk`).
//! - The worklist shows the open dossiers (wherever they were received) above the rest, newest
//!   first (`dossier::worklist::classify`): the months that still hold an open dossier
//!   ([`super::settled_by`]) and the last two months fill its first page.
//! - Everything else after, newest month first; the other staff screens wait for all of it.

use super::Kind;
use crate::record::{vn_date, Millis};
use chrono::Datelike;

/// What a chunk is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    Desk,
    Worklist,
    Rest,
}

/// The month before `now`'s (Vietnam), `YYYY-MM`.
fn previous_month(now: Millis) -> String {
    let d = vn_date(now);
    let m = d.year() * 12 + d.month0() as i32 - 1;
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// What the chunk of `kind` and `month` is needed for at `now`; `settled` (the chunk's
/// [`super::settled_by`]) is asked only for an older month of dossiers.
pub fn need(kind: Kind, month: &str, now: Millis, settled: impl FnOnce() -> Option<i64>) -> Need {
    match kind {
        Kind::Response if *month >= *crate::survey::desk::window_month(now) => Need::Desk,
        Kind::Response => Need::Rest,
        Kind::Dossier if *month >= *previous_month(now) => Need::Worklist,
        // Unknown (an earlier build's chunk) may hold open ones.
        Kind::Dossier if settled().is_none_or(|e| e == i64::MAX) => Need::Worklist,
        Kind::Dossier => Need::Rest,
    }
}

/// The rank of a need when the screen on show is the worklist (`worklist_first`) or not:
/// lower is read first.
pub fn rank(need: Need, worklist_first: bool) -> u8 {
    match (need, worklist_first) {
        (Need::Worklist, true) | (Need::Desk, false) => 0,
        (Need::Desk, true) | (Need::Worklist, false) => 1,
        (Need::Rest, _) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_s_months_first() {
        // 00:30 on 1 February 2026 in Vietnam (still January in UTC).
        let now = chrono::NaiveDate::from_ymd_opt(2026, 2, 1)
            .unwrap()
            .and_hms_opt(0, 30, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis()
            - 7 * 3_600_000;
        assert_eq!(previous_month(now), "2026-01");
        let never = || -> Option<i64> { panic!("not asked for recent months") };
        assert_eq!(need(Kind::Response, "2025-03", now, never), Need::Desk);
        assert_eq!(need(Kind::Response, "2025-02", now, never), Need::Rest);
        assert_eq!(need(Kind::Dossier, "2026-01", now, never), Need::Worklist);
        assert_eq!(
            need(Kind::Dossier, "2025-06", now, || Some(i64::MAX)),
            Need::Worklist,
            "one still open"
        );
        assert_eq!(need(Kind::Dossier, "2025-06", now, || None), Need::Worklist, "not known");
        assert_eq!(need(Kind::Dossier, "2025-06", now, || Some(now - 1)), Need::Rest, "all ended");
        assert!(rank(Need::Worklist, true) < rank(Need::Desk, true));
        assert!(rank(Need::Desk, false) < rank(Need::Worklist, false));
        assert!(rank(Need::Worklist, false) < rank(Need::Rest, false));
    }
}
