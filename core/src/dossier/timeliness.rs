//! Is a dossier early, on time or late?
//!
//! Resolved dossiers compare the day processing ended with the effective due day:
//! earlier → trước hạn, same day → đúng hạn, later → quá hạn. More than one supplement request
//! counts as late (766 rule). Open dossiers at an instant are trong hạn, sắp đến hạn (due within
//! `soon` working days) or quá hạn. The effective due date is the extension's new date if any,
//! moved on by the working days the clock was paused for supplements.

use super::record::{Dossier, Status};
use crate::calendar::WorkCalendar;
use chrono::NaiveDateTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Timeliness {
    /// Open and past its due date.
    Overdue,
    /// Open, due within the warning window.
    DueSoon,
    /// Open, in time.
    InTime,
    /// Resolved before the due day.
    Early,
    /// Resolved on the due day.
    OnTime,
    /// Resolved after the due day (or after more than one supplement request).
    Late,
    /// Refused, withdrawn or stopped: not classified.
    Closed,
}

impl Timeliness {
    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Timeliness::Overdue, Vi) => "Quá hạn",
            (Timeliness::DueSoon, Vi) => "Sắp đến hạn",
            (Timeliness::InTime, Vi) => "Trong hạn",
            (Timeliness::Early, Vi) => "Trước hạn",
            (Timeliness::OnTime, Vi) => "Đúng hạn",
            (Timeliness::Late, Vi) => "Quá hạn (đã xử lý)",
            (Timeliness::Closed, Vi) => "Không xét hạn",
            (Timeliness::Overdue, En) => "Overdue",
            (Timeliness::DueSoon, En) => "Due soon",
            (Timeliness::InTime, En) => "In time",
            (Timeliness::Early, En) => "Before due date",
            (Timeliness::OnTime, En) => "On the due date",
            (Timeliness::Late, En) => "Late",
            (Timeliness::Closed, En) => "Not classified",
        }
    }
    /// CSS-friendly name.
    pub fn slug(self) -> &'static str {
        match self {
            Timeliness::Overdue => "overdue",
            Timeliness::DueSoon => "due-soon",
            Timeliness::InTime => "in-time",
            Timeliness::Early => "early",
            Timeliness::OnTime => "on-time",
            Timeliness::Late => "late",
            Timeliness::Closed => "closed",
        }
    }
}

impl Dossier {
    /// Working days the clock was stopped for supplements, up to `now` for one still open.
    pub fn paused_working_days(&self, cal: &WorkCalendar, now: NaiveDateTime) -> i64 {
        let mut total = 0;
        let mut since: Option<NaiveDateTime> = None;
        for e in &self.events {
            match (e.status, since) {
                (Status::SupplementRequested, None) => since = Some(e.at),
                (s, Some(start)) if s != Status::SupplementRequested => {
                    total += cal.working_days_between(start.date(), e.at.date()).max(0);
                    since = None;
                }
                _ => {}
            }
        }
        if let Some(start) = since {
            total += cal.working_days_between(start.date(), now.date()).max(0);
        }
        total
    }

    /// The due date-time after the extension and supplement pauses.
    pub fn effective_due(&self, cal: &WorkCalendar, now: NaiveDateTime) -> NaiveDateTime {
        let base = self.extension.as_ref().map_or(self.due, |x| x.new_due);
        let paused = self.paused_working_days(cal, now);
        if paused == 0 {
            return base;
        }
        cal.add_working_days(base.date(), paused as u32).and_time(base.time())
    }

    /// Classify at instant `now` (`soon`: working days ahead that count as "due soon").
    pub fn timeliness(&self, cal: &WorkCalendar, now: NaiveDateTime, soon: i64) -> Timeliness {
        let status = self.status();
        if let Some(done) = self.resolved_at() {
            let due = self.effective_due(cal, done);
            if self.supplement_requests() > 1 || done.date() > due.date() {
                return Timeliness::Late;
            }
            return if done.date() < due.date() {
                Timeliness::Early
            } else {
                Timeliness::OnTime
            };
        }
        if matches!(status, Status::Refused | Status::Withdrawn | Status::Stopped) {
            return Timeliness::Closed;
        }
        let due = self.effective_due(cal, now);
        if now > due {
            Timeliness::Overdue
        } else if cal.working_days_between(now.date(), due.date()) <= soon {
            Timeliness::DueSoon
        } else {
            Timeliness::InTime
        }
    }

    /// Due on the day of `now` and still open.
    pub fn due_today(&self, cal: &WorkCalendar, now: NaiveDateTime) -> bool {
        self.resolved_at().is_none() && !self.status().is_closed() && self.effective_due(cal, now).date() == now.date()
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::{at, new};
    use super::*;

    fn cal() -> WorkCalendar {
        WorkCalendar::default()
    }

    // TM-02 (5 working days) received Mon 3/2/2025 09:00 → due Fri 7/2 17:00.
    fn d() -> Dossier {
        new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap()
    }

    #[test]
    fn resolved_before_on_and_after_the_due_day() {
        let mut a = d();
        a.transition(Status::Resolved, at(2025, 2, 6, 16), "", "").unwrap();
        assert_eq!(a.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Early);
        let mut b = d();
        b.transition(Status::Resolved, at(2025, 2, 7, 16), "", "").unwrap();
        assert_eq!(b.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::OnTime);
        let mut c = d();
        c.transition(Status::Resolved, at(2025, 2, 10, 8), "", "").unwrap();
        assert_eq!(c.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Late);
    }

    #[test]
    fn open_dossiers_at_an_instant() {
        let x = d();
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 3, 10), 1), Timeliness::InTime);
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 6, 10), 1), Timeliness::DueSoon);
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 7, 10), 1), Timeliness::DueSoon);
        assert!(x.due_today(&cal(), at(2025, 2, 7, 10)));
        assert_eq!(
            x.timeliness(&cal(), at(2025, 2, 7, 17), 1),
            Timeliness::DueSoon,
            "due at 17:00 sharp is not late yet"
        );
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 7, 18), 1), Timeliness::Overdue);
        let mut r = d();
        r.transition(Status::Withdrawn, at(2025, 2, 4, 9), "", "").unwrap();
        assert_eq!(r.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Closed);
    }

    #[test]
    fn supplement_time_does_not_count() {
        let mut x = d();
        // Paused from Tue 4/2 to Tue 11/2: 5 working days.
        x.transition(Status::SupplementRequested, at(2025, 2, 4, 9), "Thiếu bản sao", "")
            .unwrap();
        x.transition(Status::SupplementReceived, at(2025, 2, 11, 9), "", "").unwrap();
        assert_eq!(x.paused_working_days(&cal(), at(2025, 3, 1, 9)), 5);
        assert_eq!(x.effective_due(&cal(), at(2025, 3, 1, 9)), at(2025, 2, 14, 17));
        x.transition(Status::Resolved, at(2025, 2, 13, 9), "", "").unwrap();
        assert_eq!(
            x.timeliness(&cal(), at(2025, 3, 1, 9), 1),
            Timeliness::Early,
            "late without the pause, early with it"
        );
        // While still waiting for the citizen, the clock is stopped.
        let mut y = d();
        y.transition(Status::SupplementRequested, at(2025, 2, 4, 9), "", "").unwrap();
        assert_eq!(y.timeliness(&cal(), at(2025, 2, 20, 9), 1), Timeliness::InTime);
    }

    #[test]
    fn two_supplement_requests_count_as_late() {
        let mut x = d();
        x.transition(Status::SupplementRequested, at(2025, 2, 3, 10), "", "").unwrap();
        x.transition(Status::SupplementReceived, at(2025, 2, 3, 11), "", "").unwrap();
        x.transition(Status::SupplementRequested, at(2025, 2, 3, 12), "", "").unwrap();
        x.transition(Status::SupplementReceived, at(2025, 2, 3, 13), "", "").unwrap();
        x.transition(Status::Resolved, at(2025, 2, 4, 9), "", "").unwrap();
        assert_eq!(x.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Late);
    }

    #[test]
    fn extension_moves_the_due_date_once() {
        let mut x = d();
        x.extend(&cal(), at(2025, 2, 5, 9), at(2025, 2, 12, 17), "Chờ thẩm định thực tế")
            .unwrap();
        x.transition(Status::Resolved, at(2025, 2, 11, 9), "", "").unwrap();
        assert_eq!(x.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Early);
    }
}

/// What a citizen may see of a dossier at the kiosk: its status and due date, nothing else
/// (no names, no phone numbers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicStatus {
    pub code: String,
    pub status: Status,
    pub due: NaiveDateTime,
}

/// Find a dossier by its code (case and surrounding spaces ignored; deleted ones are not found).
pub fn lookup<'a>(
    dossiers: impl IntoIterator<Item = &'a Dossier>,
    code: &str,
    cal: &WorkCalendar,
    now: NaiveDateTime,
) -> Option<PublicStatus> {
    let code = code.trim();
    if code.is_empty() {
        return None;
    }
    dossiers
        .into_iter()
        .find(|d| !d.meta.deleted && d.code.eq_ignore_ascii_case(code))
        .map(|d| PublicStatus {
            code: d.code.clone(),
            status: d.status(),
            due: d.effective_due(cal, now),
        })
}

#[cfg(test)]
mod lookup_tests {
    use super::super::record::tests::{at, new};
    use super::*;

    #[test]
    fn citizens_see_status_and_due_only() {
        let mut a = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        let cal = WorkCalendar::default();
        let p = lookup([&a], " sct-250203-0001 ", &cal, at(2025, 2, 4, 9)).unwrap();
        assert_eq!(
            p,
            PublicStatus {
                code: "SCT-250203-0001".into(),
                status: Status::Received,
                due: at(2025, 2, 7, 17)
            }
        );
        assert!(lookup([&a], "SCT-250203-0002", &cal, at(2025, 2, 4, 9)).is_none());
        assert!(lookup([&a], "", &cal, at(2025, 2, 4, 9)).is_none());
        a.meta.deleted = true;
        assert!(lookup([&a], "SCT-250203-0001", &cal, at(2025, 2, 4, 9)).is_none());
    }
}
