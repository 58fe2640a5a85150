//! In what order the start reads the stored months: first what the screen on show needs, so
//! that it is shown before a decade of history has been read.
//!
//! - The desk shows the responses of its window (this month and the eleven before,
//!   `survey::desk`).
//! - The worklist shows the open dossiers (wherever they were received) above the rest, newest
//!   first (`dossier::worklist::classify`): the months that still hold an open dossier
//!   ([`super::settled_by`]) and the last two months fill its first page.
//! - The dashboard opens on the year to date, compared with the period before and the same
//!   days last year (`report::Period::reaches_back_to`). Its table counts dossiers alone
//!   (`report::dossier_table`), so it is shown once the dossier months since then are read,
//!   with the older ones that hold a dossier settled since (carried over) or still open; the
//!   cards after it (satisfaction, ratings, charts) once the same months' ratings are read
//!   ([`Screen::Ratings`]), a stage later: the table first, as on paper.
//! - Everything else after, newest month first; the other staff screens wait for all of it.

use super::Kind;
use crate::record::{vn_date, Millis};
use chrono::{Datelike, NaiveDate};

/// A screen that is shown before the whole history is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Desk,
    Worklist,
    /// The dashboard's table (dossiers).
    Dashboard,
    /// The dashboard's cards after its table: the ratings of its months.
    Ratings,
}

impl Screen {
    /// Every stage, in the order a start with no screen of its own serves them.
    pub const ALL: [Screen; 4] = [Screen::Desk, Screen::Worklist, Screen::Dashboard, Screen::Ratings];

    /// The screen an app path shows (`/dossiers` → the worklist); `None` for the others.
    pub fn of_route(route: &str) -> Option<Screen> {
        match crate::paths::first_segment(route) {
            "staff" => Some(Screen::Desk),
            "dossiers" => Some(Screen::Worklist),
            "dashboard" => Some(Screen::Dashboard),
            _ => None,
        }
    }
}

/// The months a screen needs, as of an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needs {
    desk_from: String,
    worklist_from: String,
    dashboard_from: String,
    /// The dashboard's first day as UTC milliseconds (Vietnam midnight).
    dashboard_since: Millis,
}

fn month_of(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

impl Needs {
    pub fn at(now: Millis) -> Needs {
        let today = vn_date(now);
        let previous = today
            .with_day(1)
            .and_then(|first| first.checked_sub_months(chrono::Months::new(1)))
            .unwrap_or(today);
        let since = crate::report::Period::default_for(today).reaches_back_to();
        Needs {
            desk_from: crate::survey::desk::window_month(now),
            worklist_from: month_of(previous),
            dashboard_from: month_of(since),
            dashboard_since: crate::record::vn_midnight(since),
        }
    }

    /// Whether `screen` needs the chunk of `kind` and `month`; `settled` (the chunk's
    /// [`super::settled_by`]; `None`: not known, may hold open ones) is asked only for an older
    /// month of dossiers.
    pub fn needs(&self, screen: Screen, kind: Kind, month: &str, settled: &mut impl FnMut() -> Option<i64>) -> bool {
        match (screen, kind) {
            (Screen::Desk, Kind::Response) => *month >= *self.desk_from,
            (Screen::Desk, Kind::Dossier) => false,
            (Screen::Worklist, Kind::Response) => false,
            (Screen::Worklist, Kind::Dossier) => *month >= *self.worklist_from || settled().is_none_or(|e| e == i64::MAX),
            (Screen::Dashboard, Kind::Response) => false,
            (Screen::Dashboard, Kind::Dossier) => *month >= *self.dashboard_from || settled().is_none_or(|e| e >= self.dashboard_since),
            (Screen::Ratings, Kind::Response) => *month >= *self.dashboard_from,
            (Screen::Ratings, Kind::Dossier) => false,
        }
    }

    /// Whether the register can check `code` for a duplicate before the whole history is read:
    /// a dossier is entered on or after the day it was received (the day its code names), so
    /// a code of a month the register reads first can only be held by a dossier already read.
    /// A code of an older month must wait.
    pub fn code_checkable(&self, code: &str) -> bool {
        crate::dossier::code::code_date(code).is_none_or(|d| *month_of(d) >= *self.worklist_from)
    }

    /// The screens in the order they are served: the one on show first (the dashboard with
    /// its cards' ratings right after its table).
    pub fn order(first: Option<Screen>) -> Vec<Screen> {
        let mut v = Screen::ALL.to_vec();
        let firsts: &[Screen] = match first {
            Some(Screen::Dashboard | Screen::Ratings) => &[Screen::Dashboard, Screen::Ratings],
            Some(Screen::Desk) => &[Screen::Desk],
            Some(Screen::Worklist) => &[Screen::Worklist],
            None => &[],
        };
        v.retain(|s| !firsts.contains(s));
        v.splice(0..0, firsts.iter().copied());
        v
    }

    /// The rank of a chunk: the position (in `order`) of the first screen that needs it, or
    /// `order.len()` for the rest. Lower is read first.
    pub fn rank(&self, order: &[Screen], kind: Kind, month: &str, mut settled: impl FnMut() -> Option<i64>) -> usize {
        // Asked at most once, and only when a screen looks at an older dossier month.
        let mut memo: Option<Option<i64>> = None;
        let mut get = || *memo.get_or_insert_with(&mut settled);
        order
            .iter()
            .position(|s| self.needs(*s, kind, month, &mut get))
            .unwrap_or(order.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vn(y: i32, m: u32, d: u32) -> Millis {
        crate::record::vn_midnight(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn each_screen_s_months() {
        // 00:30 on 1 February 2026 in Vietnam (still January in UTC).
        let n = Needs::at(vn(2026, 2, 1) + 1_800_000);
        let never = &mut || -> Option<i64> { panic!("not asked for recent months") };
        assert!(n.needs(Screen::Desk, Kind::Response, "2025-03", never));
        assert!(!n.needs(Screen::Desk, Kind::Response, "2025-02", never));
        assert!(!n.needs(Screen::Desk, Kind::Dossier, "2026-02", never));
        assert!(n.needs(Screen::Worklist, Kind::Dossier, "2026-01", never));
        assert!(
            n.needs(Screen::Worklist, Kind::Dossier, "2019-06", &mut || Some(i64::MAX)),
            "one still open"
        );
        assert!(n.needs(Screen::Worklist, Kind::Dossier, "2019-06", &mut || None), "not known");
        assert!(
            !n.needs(Screen::Worklist, Kind::Dossier, "2019-06", &mut || Some(vn(2026, 1, 30))),
            "all ended"
        );
        // The kỳ year to date on 1/2/2026 starts 15/12/2025 and reaches back to 15/12/2024
        // (the same days last year).
        assert!(n.needs(Screen::Ratings, Kind::Response, "2024-12", never));
        assert!(!n.needs(Screen::Ratings, Kind::Response, "2024-11", never));
        assert!(
            !n.needs(Screen::Dashboard, Kind::Response, "2026-01", never),
            "the table counts dossiers"
        );
        assert!(n.needs(Screen::Dashboard, Kind::Dossier, "2024-12", never));
        assert!(
            !n.needs(Screen::Ratings, Kind::Dossier, "2026-01", never),
            "read by the table's stage"
        );
        assert!(
            n.needs(Screen::Dashboard, Kind::Dossier, "2024-11", &mut || Some(vn(2024, 12, 16))),
            "carried over"
        );
        assert!(!n.needs(Screen::Dashboard, Kind::Dossier, "2024-11", &mut || Some(vn(2024, 12, 14))));
    }

    #[test]
    fn old_codes_wait_for_the_whole_register() {
        let n = Needs::at(vn(2026, 2, 1) + 1_800_000);
        assert!(n.code_checkable("SCT-260201-0001"));
        assert!(n.code_checkable("SCT-260105-0001"), "last month is read first");
        assert!(!n.code_checkable("SCT-251231-0001"));
        assert!(n.code_checkable("not a code"), "the form says what is wrong with it");
    }

    #[test]
    fn the_screen_on_show_first_and_the_settled_time_asked_once() {
        assert_eq!(Screen::of_route("/dossiers"), Some(Screen::Worklist));
        assert_eq!(Screen::of_route("/dashboard?x=1"), Some(Screen::Dashboard));
        assert_eq!(Screen::of_route("/kiosk"), None);
        let n = Needs::at(vn(2026, 2, 1) + 1_800_000);
        let order = Needs::order(Some(Screen::Dashboard));
        assert_eq!(order, [Screen::Dashboard, Screen::Ratings, Screen::Desk, Screen::Worklist]);
        assert_eq!(
            Needs::order(Some(Screen::Worklist)),
            [Screen::Worklist, Screen::Desk, Screen::Dashboard, Screen::Ratings]
        );
        assert_eq!(Needs::order(None), Screen::ALL);
        assert_eq!(n.rank(&order, Kind::Dossier, "2026-01", || None), 0, "the table's months first");
        assert_eq!(n.rank(&order, Kind::Response, "2026-01", || None), 1, "then their ratings");
        assert_eq!(n.rank(&order, Kind::Response, "2024-01", || None), 4, "the rest");
        let mut asked = 0;
        let open = n.rank(&order, Kind::Dossier, "2019-06", || {
            asked += 1;
            Some(i64::MAX)
        });
        assert_eq!((open, asked), (0, 1), "open: the dashboard carries it over");
        assert_eq!(n.rank(&Needs::order(None), Kind::Dossier, "2026-01", || None), 1, "the worklist's");
    }
}
