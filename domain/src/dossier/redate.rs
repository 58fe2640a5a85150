//! When a calendar year changes (a holiday added, a provisional year confirmed or edited), the
//! open dossiers that run through it are due on another day: their due dates move with the
//! calendar, and staff see which moved (the slip already handed out shows the old date).
//! shared/domain.md, "Working-day calendar": "When a calendar year changes, the due dates of
//! open dossiers that run through it change with it, and staff see which ones moved".

use super::procedure::term_due;
use super::Dossier;
use crate::calendar::WorkCalendar;
use chrono::NaiveDateTime;

/// One dossier whose due date the calendar change moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub id: String,
    pub code: String,
    pub old: NaiveDateTime,
    pub new: NaiveDateTime,
}

/// The open dossiers whose due date at receipt moves when the calendar goes from `old` to
/// `new`, with the new date, in order of the new date. A due date typed by an officer (with
/// its reason) is the officer's and does not move. The 15:00 rule the dossier was received
/// under is the one that reproduces its stored date under the old calendar (the dossier keeps
/// its term, not the catalogue's later settings).
pub fn moved_by(dossiers: &[Dossier], old: &WorkCalendar, new: &WorkCalendar) -> Vec<Moved> {
    let mut moved: Vec<Moved> = dossiers
        .iter()
        .filter(|d| !d.meta.deleted && d.is_open() && d.due_reason.is_empty())
        .filter_map(|d| {
            let term = d.term();
            let cutoff = [false, true].into_iter().find(|c| term_due(term, *c, old, d.received) == d.due)?;
            let due = term_due(term, cutoff, new, d.received);
            (due != d.due).then(|| Moved {
                id: d.meta.id.clone(),
                code: d.code.clone(),
                old: d.due,
                new: due,
            })
        })
        .collect();
    moved.sort_unstable_by(|a, b| (a.new, &a.code).cmp(&(b.new, &b.code)));
    moved
}

/// The dossiers of `moved`, re-dated (to be saved; their meta is stamped by the caller).
pub fn redated(dossiers: &[Dossier], moved: &[Moved]) -> Vec<Dossier> {
    let new: std::collections::HashMap<&str, NaiveDateTime> = moved.iter().map(|m| (m.id.as_str(), m.new)).collect();
    dossiers
        .iter()
        .filter_map(|d| {
            let due = *new.get(d.meta.id.as_str())?;
            Some(Dossier { due, ..d.clone() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::{at, new};
    use super::*;
    use crate::calendar::YearCalendar;
    use chrono::NaiveDate;

    #[test]
    fn adding_a_day_off_moves_the_open_dossiers_that_run_through_it() {
        let old = WorkCalendar::default();
        // TM-02 (5 days) received Monday 7/12/2026: due Monday 14/12.
        let a = new("SCT-261207-0001", "TM-02", at(2026, 12, 7, 9)).unwrap();
        assert_eq!(a.due, at(2026, 12, 14, 17));
        // Received 15/12: its span does not hold 11/12.
        let b = new("SCT-261215-0001", "TM-02", at(2026, 12, 15, 9)).unwrap();
        // Returned: history, not moved.
        let mut c = new("SCT-261207-0002", "TM-02", at(2026, 12, 7, 10)).unwrap();
        c.events.push(super::super::Event {
            at: at(2026, 12, 8, 9),
            status: super::super::Status::Returned,
            note: String::new(),
            division: String::new(),
            officer: String::new(),
        });
        // Typed by an officer with a reason: stays.
        let mut typed = new("SCT-261207-0003", "TM-02", at(2026, 12, 7, 11)).unwrap();
        typed.due = at(2026, 12, 18, 17);
        typed.due_reason = "Theo văn bản của tỉnh".into();
        let mut cal = old.clone();
        let mut y = cal.get_year(2026).unwrap().clone();
        y.days_off.insert(NaiveDate::from_ymd_opt(2026, 12, 11).unwrap());
        cal.edit_year(y, 1);
        let mut all = [a.clone(), b, c, typed];
        for (i, d) in all.iter_mut().enumerate() {
            d.meta.id = format!("id-{i}");
        }
        let a = all[0].clone();
        let moved = moved_by(&all, &old, &cal);
        assert_eq!(
            moved,
            vec![Moved {
                id: a.meta.id.clone(),
                code: a.code.clone(),
                old: at(2026, 12, 14, 17),
                new: at(2026, 12, 15, 17),
            }]
        );
        let saved = redated(&all, &moved);
        assert_eq!(saved.len(), 1);
        assert_eq!(saved[0].due, at(2026, 12, 15, 17));
        assert!(moved_by(&all, &cal, &cal).is_empty(), "no change, nothing moves");
    }

    #[test]
    fn confirming_a_provisional_year_with_other_days_moves_what_runs_into_it() {
        let old = WorkCalendar::default();
        // 20 days from Friday 4/12/2026 runs into 2027: due Monday 4/1/2027 (1/1 off).
        let d = new("SCT-261204-0001", "TM-02", at(2026, 12, 4, 9)).unwrap();
        let twenty = Dossier {
            term: Some(super::super::Term::Days(20)),
            due: old.due_at(at(2026, 12, 4, 9), 20, None),
            ..d
        };
        assert_eq!(twenty.due, at(2027, 1, 4, 17));
        // The notice gives 31/12/2026 off too (as an edit of 2026) and confirms 2027.
        let mut cal = old.clone();
        let mut y26 = cal.get_year(2026).unwrap().clone();
        y26.days_off.insert(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        cal.edit_year(y26, 1);
        let y27 = YearCalendar {
            provisional: false,
            ..cal.get_year(2027).unwrap().clone()
        };
        cal.edit_year(y27, 1);
        let moved = moved_by(std::slice::from_ref(&twenty), &old, &cal);
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].new, at(2027, 1, 5, 17));
    }
}
