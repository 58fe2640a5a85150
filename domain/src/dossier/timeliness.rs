//! Is a dossier early, on time or late? (shared/domain.md, "Dossiers")
//!
//! - The **statutory due** is the due date at receipt moved on by every supplement pause (in
//!   working days, or office minutes for hour-timed procedures).
//! - The **shown due** is the statutory due, or after the one extension the officer's new date
//!   moved on by the pauses that came after the extension (earlier ones are already in it).
//! - Resolved dossiers compare the end of processing with the statutory due: earlier day →
//!   trước hạn, same day → đúng hạn, later → quá hạn. Hour-timed procedures are judged by
//!   date-time (after the due instant is late). An **extended** dossier is quá hạn in every
//!   statistic (it missed its statutory date, the apology admits it); whether the renewed date
//!   was kept is counted apart ([`Dossier::renewed_date_kept`]). More than one supplement
//!   request is quá hạn (766 rule), open or resolved.
//! - Open dossiers at an instant are trong hạn, sắp đến hạn (due within `soon` working days) or
//!   quá hạn; an extended one is quá hạn once its statutory due has passed.

use super::record::{Dossier, Status};
use crate::calendar::WorkCalendar;
use chrono::NaiveDateTime;

/// Its CSS name (`slug`) is the variant's name in kebab case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
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
    /// Resolved after the due day (or extended, or after more than one supplement request).
    Late,
    /// Resolved at a time the register does not know (imported from a sheet without the end of
    /// processing): not judged.
    Unjudged,
    /// Refused, withdrawn or stopped: not classified.
    Closed,
}

impl Timeliness {
    /// The judgement's name on screen and on paper.
    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            Timeliness::Overdue => K::TimelinessOverdue,
            Timeliness::DueSoon => K::TimelinessDueSoon,
            Timeliness::InTime => K::TimelinessInTime,
            Timeliness::Early => K::TimelinessEarly,
            Timeliness::OnTime => K::TimelinessOnTime,
            Timeliness::Late => K::TimelinessLate,
            Timeliness::Unjudged => K::TimelinessUnjudged,
            Timeliness::Closed => K::TimelinessClosed,
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::i18n::t(lang, self.key())
    }

    /// CSS-friendly name.
    pub fn slug(self) -> &'static str {
        self.into()
    }
}

impl Dossier {
    /// Supplement pauses as (start, end) intervals; `None` for one still running.
    fn pauses(&self) -> Vec<(NaiveDateTime, Option<NaiveDateTime>)> {
        let mut out = Vec::new();
        let mut since: Option<NaiveDateTime> = None;
        for e in &self.events {
            match (e.status, since) {
                (Status::SupplementRequested, None) => since = Some(e.at),
                (s, Some(start)) if s != Status::SupplementRequested => {
                    out.push((start, Some(e.at)));
                    since = None;
                }
                _ => {}
            }
        }
        if let Some(start) = since {
            out.push((start, None));
        }
        out
    }

    /// How long the clock was stopped after `after` (all pauses when `None`), up to `now` for
    /// a pause still running: working days, or office minutes for hour-timed procedures.
    fn paused(&self, cal: &WorkCalendar, after: Option<NaiveDateTime>, now: NaiveDateTime) -> i64 {
        self.pauses()
            .into_iter()
            .map(|(start, end)| self.pause_length(cal, after.map_or(start, |a| start.max(a)), end.unwrap_or(now)))
            .sum()
    }

    /// How long one pause from `start` to `end` stopped the clock: working days, or office
    /// minutes for hour-timed procedures.
    fn pause_length(&self, cal: &WorkCalendar, start: NaiveDateTime, end: NaiveDateTime) -> i64 {
        if self.term().by_the_hour() {
            cal.working_minutes_between(start, end)
        } else {
            cal.working_days_between(start.date(), end.date()).max(0)
        }
    }

    /// `base` moved on by `amount` of paused time (see [`Dossier::paused`]).
    fn shift(&self, cal: &WorkCalendar, base: NaiveDateTime, amount: i64) -> NaiveDateTime {
        if amount <= 0 {
            base
        } else if self.term().by_the_hour() {
            cal.add_working_minutes(base, amount)
        } else {
            let days = u32::try_from(amount).unwrap_or(u32::MAX).min(10 * crate::calendar::MAX_DAYS);
            cal.add_working_days(base.date(), days).and_time(base.time())
        }
    }

    /// A step's deadline `base` moved on by the supplement pauses inside the step (`from` to
    /// `to`): the holder's clock stops while the citizen completes the file (Mẫu 06).
    pub fn shift_by_pauses(&self, cal: &WorkCalendar, base: NaiveDateTime, from: NaiveDateTime, to: NaiveDateTime) -> NaiveDateTime {
        let amount: i64 = self
            .pauses()
            .into_iter()
            .map(|(start, end)| (start.max(from), end.unwrap_or(to).min(to)))
            .filter(|(start, end)| start < end)
            .map(|(start, end)| self.pause_length(cal, start, end))
            .sum();
        self.shift(cal, base, amount)
    }

    /// Working days the clock was stopped for supplements, up to `now` for one still open
    /// (office minutes for hour-timed procedures).
    pub fn paused_working_days(&self, cal: &WorkCalendar, now: NaiveDateTime) -> i64 {
        self.paused(cal, None, now)
    }

    /// The statutory due date-time: the due date at receipt moved on by every pause.
    pub fn statutory_due(&self, cal: &WorkCalendar, now: NaiveDateTime) -> NaiveDateTime {
        self.shift(cal, self.due, self.paused(cal, None, now))
    }

    /// The due date-time shown to officers and citizens: after the extension, its new date
    /// moved on by the pauses that came after it; otherwise the statutory due.
    pub fn effective_due(&self, cal: &WorkCalendar, now: NaiveDateTime) -> NaiveDateTime {
        match &self.extension {
            Some(x) => self.shift(cal, x.new_due, self.paused(cal, Some(x.at), now)),
            None => self.statutory_due(cal, now),
        }
    }

    /// Whether a due date of this dossier is "tạm tính": computed (not typed by an officer) over
    /// days of a year whose calendar is not confirmed ([`WorkCalendar::provisional_between`]).
    pub fn due_provisional(&self, cal: &WorkCalendar, due: NaiveDateTime) -> bool {
        self.due_reason.is_empty() && cal.provisional_between(self.received.date(), due.date())
    }

    /// Compare an end of processing with a due instant: by day, or by date-time for
    /// hour-timed procedures.
    fn judge(&self, done: NaiveDateTime, due: NaiveDateTime) -> Timeliness {
        let late = if self.term().by_the_hour() {
            done > due
        } else {
            done.date() > due.date()
        };
        if late {
            Timeliness::Late
        } else if done.date() == due.date() {
            Timeliness::OnTime
        } else {
            Timeliness::Early
        }
    }

    /// Judge the dossier as if its processing ended at `end` (766 indicator 2.1 judges refused,
    /// stopped and withdrawn dossiers, and an unanswered supplement request, this way): late
    /// with more than one supplement request or an extension, else `end` against the statutory
    /// due date at that time.
    pub fn judged_at(&self, cal: &WorkCalendar, end: NaiveDateTime) -> Timeliness {
        if self.supplement_requests() > 1 || self.extension.is_some() {
            return Timeliness::Late;
        }
        self.judge(end, self.statutory_due(cal, end))
    }

    /// Classify at instant `now` (`soon`: working days ahead that count as "due soon").
    pub fn timeliness(&self, cal: &WorkCalendar, now: NaiveDateTime, soon: i64) -> Timeliness {
        if let Some(done) = self.resolved_at() {
            if self.end_unknown {
                return Timeliness::Unjudged;
            }
            if self.supplement_requests() > 1 || self.extension.is_some() {
                return Timeliness::Late;
            }
            return self.judge(done, self.statutory_due(cal, done));
        }
        if !self.is_open() {
            return Timeliness::Closed;
        }
        if self.supplement_requests() > 1 || (self.extension.is_some() && now > self.statutory_due(cal, now)) {
            return Timeliness::Overdue;
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

    /// For an extended dossier that is resolved: whether it was resolved by the renewed date
    /// (the separate count beside "quá hạn"). `None` when not extended or not yet resolved.
    pub fn renewed_date_kept(&self, cal: &WorkCalendar) -> Option<bool> {
        self.extension.as_ref()?;
        let done = self.resolved_at().filter(|_| !self.end_unknown)?;
        Some(self.judge(done, self.effective_due(cal, done)) != Timeliness::Late)
    }

    /// The division that held the dossier when its statutory due passed: the one to name as
    /// having caused the delay (offered to the officer, who may correct it). `None` while the
    /// dossier is not late.
    pub fn late_holder(&self, cal: &WorkCalendar, now: NaiveDateTime) -> Option<&str> {
        let at = self.resolved_at().unwrap_or(now);
        let due = self.statutory_due(cal, at);
        (at > due).then(|| self.holder_at(due)).flatten()
    }

    /// Due on the day of `now` and still open.
    pub fn due_today(&self, cal: &WorkCalendar, now: NaiveDateTime) -> bool {
        self.is_open() && self.effective_due(cal, now).date() == now.date()
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::{at, new};
    use super::*;

    fn cal() -> WorkCalendar {
        WorkCalendar::default()
    }

    // TM-02 (5 working days) received Mon 3/2/2025 09:00 → counted Tue 4/2 … → due Mon 10/2 17:00.
    fn d() -> Dossier {
        new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap()
    }

    #[test]
    fn resolved_before_on_and_after_the_due_day() {
        let mut a = d();
        a.transition(Status::Resolved, at(2025, 2, 7, 16), "", "").unwrap();
        assert_eq!(a.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Early);
        let mut b = d();
        b.transition(Status::Resolved, at(2025, 2, 10, 16), "", "").unwrap();
        assert_eq!(b.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::OnTime);
        let mut c = d();
        c.transition(Status::Resolved, at(2025, 2, 11, 8), "", "").unwrap();
        assert_eq!(c.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Late);
    }

    #[test]
    fn open_dossiers_at_an_instant() {
        let x = d();
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 3, 10), 1), Timeliness::InTime);
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 7, 10), 1), Timeliness::DueSoon);
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 10, 10), 1), Timeliness::DueSoon);
        assert!(x.due_today(&cal(), at(2025, 2, 10, 10)));
        assert_eq!(
            x.timeliness(&cal(), at(2025, 2, 10, 17), 1),
            Timeliness::DueSoon,
            "due at 17:00 sharp is not late yet"
        );
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 10, 18), 1), Timeliness::Overdue);
        let mut r = d();
        r.transition(Status::Withdrawn, at(2025, 2, 4, 9), "", "").unwrap();
        assert_eq!(r.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Closed);
        let mut refused = d();
        refused.transition(Status::Refused, at(2025, 2, 4, 9), "", "").unwrap();
        refused.transition(Status::Returned, at(2025, 2, 5, 9), "", "").unwrap();
        assert_eq!(
            refused.timeliness(&cal(), at(2025, 3, 1, 9), 1),
            Timeliness::Closed,
            "a refusal handed back is still not judged"
        );
    }

    #[test]
    fn supplement_time_does_not_count() {
        let mut x = d();
        // Paused from Tue 4/2 to Tue 11/2: 5 working days.
        x.transition(Status::SupplementRequested, at(2025, 2, 4, 9), "Thiếu bản sao", "")
            .unwrap();
        x.transition(Status::SupplementReceived, at(2025, 2, 11, 9), "", "").unwrap();
        assert_eq!(x.paused_working_days(&cal(), at(2025, 3, 1, 9)), 5);
        assert_eq!(x.effective_due(&cal(), at(2025, 3, 1, 9)), at(2025, 2, 17, 17));
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
    fn open_dossiers_with_more_than_one_supplement_request_are_overdue() {
        let mut x = d();
        x.transition(Status::SupplementRequested, at(2025, 2, 3, 10), "", "").unwrap();
        x.transition(Status::SupplementReceived, at(2025, 2, 3, 11), "", "").unwrap();
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 4, 9), 1), Timeliness::InTime);
        x.transition(Status::SupplementRequested, at(2025, 2, 3, 12), "", "").unwrap();
        x.transition(Status::SupplementReceived, at(2025, 2, 3, 13), "", "").unwrap();
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 4, 9), 1), Timeliness::Overdue);
    }

    #[test]
    fn an_extended_dossier_is_late_and_keeping_the_renewed_date_is_counted_apart() {
        let mut x = d();
        x.extend(&cal(), at(2025, 2, 5, 9), at(2025, 2, 14, 17), "Chờ thẩm định thực tế")
            .unwrap();
        // Before its statutory date passes it is still in time; after, overdue.
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 6, 9), 1), Timeliness::InTime);
        assert_eq!(x.timeliness(&cal(), at(2025, 2, 11, 9), 1), Timeliness::Overdue);
        let mut kept = x.clone();
        kept.transition(Status::Resolved, at(2025, 2, 13, 9), "", "").unwrap();
        assert_eq!(kept.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Late);
        assert_eq!(kept.renewed_date_kept(&cal()), Some(true));
        let mut missed = x.clone();
        missed.transition(Status::Resolved, at(2025, 2, 17, 9), "", "").unwrap();
        assert_eq!(missed.renewed_date_kept(&cal()), Some(false));
        assert_eq!(x.renewed_date_kept(&cal()), None, "open: not decided");
        assert_eq!(d().renewed_date_kept(&cal()), None, "not extended");
    }

    #[test]
    fn hour_based_procedures_are_judged_by_date_time() {
        let mut cat = crate::dossier::default_catalogue();
        cat[0].hours = 4;
        let p = &cat[0];
        let input = crate::dossier::NewDossier {
            code: "SCT-250203-0001".into(),
            procedure: p.id.clone(),
            applicant: "A".into(),
            received: Some(at(2025, 2, 3, 9)),
            ..Default::default()
        };
        let x = Dossier::create(input, &cat, &cal(), std::iter::empty(), crate::record::Meta::new([1; 16], 0, "t")).unwrap();
        // 4 office hours from Monday 09:00: 2.5 h before lunch, 1.5 h after → 15:00.
        assert_eq!(x.due, at(2025, 2, 3, 15));
        let mut late = x.clone();
        late.transition(Status::Resolved, at(2025, 2, 3, 16), "", "").unwrap();
        assert_eq!(
            late.timeliness(&cal(), at(2025, 3, 1, 9), 1),
            Timeliness::Late,
            "same day, after the hour"
        );
        let mut on = x.clone();
        on.transition(Status::Resolved, at(2025, 2, 3, 14), "", "").unwrap();
        assert_eq!(on.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::OnTime);
        // A pause of one office hour (Mon 10:00 → 11:00) moves the due time one hour.
        let mut paused = x.clone();
        paused.transition(Status::SupplementRequested, at(2025, 2, 3, 10), "", "").unwrap();
        paused.transition(Status::SupplementReceived, at(2025, 2, 3, 11), "", "").unwrap();
        assert_eq!(paused.effective_due(&cal(), at(2025, 2, 3, 12)), at(2025, 2, 3, 16));
    }

    #[test]
    fn the_division_holding_it_when_it_went_late_is_offered() {
        let mut x = d();
        x.transition(Status::InProgress, at(2025, 2, 3, 10), "", "Phòng QLTM").unwrap();
        x.transition(Status::InProgress, at(2025, 2, 11, 9), "trình ký", "Lãnh đạo Sở")
            .unwrap();
        assert_eq!(x.late_holder(&cal(), at(2025, 2, 7, 9)), None, "not late yet");
        // Due Mon 10/2 17:00: Phòng QLTM held it then, not the leader who got it on 11/2.
        assert_eq!(x.late_holder(&cal(), at(2025, 2, 12, 9)), Some("Phòng QLTM"));
    }

    #[test]
    fn a_sheet_without_the_end_of_processing_is_not_judged() {
        let mut x = d();
        x.transition(Status::Resolved, at(2025, 2, 20, 9), "", "").unwrap();
        x.end_unknown = true;
        assert_eq!(x.timeliness(&cal(), at(2025, 3, 1, 9), 1), Timeliness::Unjudged);
    }
}

/// What a citizen may see of a dossier at the kiosk: its status and due date, nothing else
/// (no names, no phone numbers). Crosses from the module that reads the register to the
/// kiosk's screen as JSON (`src/scan.rs`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublicStatus {
    pub code: String,
    pub status: Status,
    /// As milliseconds on the wire: reading an ISO date-time would bring chrono's parser into
    /// the kiosk's module (issue 22: ~6 KB), which reads nothing else of the kind.
    #[serde(with = "chrono::naive::serde::ts_milliseconds")]
    pub due: NaiveDateTime,
    /// The due date runs through a year not yet confirmed ("hạn tạm tính").
    pub provisional: bool,
}

/// Look-ups a kiosk allows in a minute before it makes the citizen wait: stepping through
/// sequential codes to harvest statuses is slow.
pub const LOOKUPS_PER_MINUTE: usize = 5;

/// The kiosk's look-up rate limit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LookupLimit {
    recent: Vec<crate::record::Millis>,
}

impl LookupLimit {
    /// Whether a look-up may run at `now`; otherwise the seconds to wait.
    pub fn allow(&mut self, now: crate::record::Millis) -> Result<(), i64> {
        self.recent.retain(|t| now.saturating_sub(*t) < 60_000 && *t <= now);
        if self.recent.len() >= LOOKUPS_PER_MINUTE {
            let oldest = self.recent.iter().min().copied().unwrap_or(now);
            return Err(oldest.saturating_add(60_000).saturating_sub(now).saturating_add(999) / 1000);
        }
        self.recent.push(now);
        Ok(())
    }

    /// The last minute's look-ups (timed on the page's monotonic clock, `mono_now` now) as
    /// wall-clock times (`wall_now` now), kept in the tab's session: a reload does not reset
    /// the limit.
    pub fn to_wall(&self, mono_now: crate::record::Millis, wall_now: crate::record::Millis) -> Vec<crate::record::Millis> {
        self.recent
            .iter()
            .map(|t| wall_now.saturating_sub(mono_now.saturating_sub(*t)))
            .collect()
    }

    /// The limit a reload finds: each kept look-up placed on the new page's clock by its age; a
    /// wall clock set back makes it "just now" (the limit holds, it never lapses early).
    pub fn from_wall(kept: &[crate::record::Millis], mono_now: crate::record::Millis, wall_now: crate::record::Millis) -> LookupLimit {
        LookupLimit {
            recent: kept
                .iter()
                .map(|w| wall_now.saturating_sub(*w).max(0))
                .filter(|age| *age < 60_000)
                .map(|age| mono_now.saturating_sub(age))
                .take(LOOKUPS_PER_MINUTE)
                .collect(),
        }
    }
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
        .map(|d| {
            let due = d.effective_due(cal, now);
            PublicStatus {
                code: d.code.clone(),
                status: d.status(),
                due,
                provisional: d.due_provisional(cal, due),
            }
        })
}

#[cfg(test)]
mod lookup_tests {
    use super::super::record::tests::{at, new};
    use super::*;

    #[test]
    fn look_ups_are_rate_limited() {
        let mut l = LookupLimit::default();
        for i in 0..5 {
            assert!(l.allow(i * 1000).is_ok());
        }
        assert_eq!(l.allow(10_000), Err(50), "the sixth within a minute waits");
        assert!(l.allow(60_000).is_ok(), "a minute after the first");
    }

    #[test]
    fn the_limit_survives_a_reload_and_a_clock_set_back() {
        let mut l = LookupLimit::default();
        for i in 0..5 {
            l.allow(100_000 + i).unwrap();
        }
        // Kept at wall time 1_700_000_000_000; the new page's clock starts near 0, 10 s later.
        let kept = l.to_wall(100_010, 1_700_000_000_000);
        let mut again = LookupLimit::from_wall(&kept, 300, 1_700_000_010_000);
        assert!(again.allow(300).is_err(), "a reload does not reset the limit");
        assert!(again.allow(300 + 50_000).is_ok(), "it lapses a minute after the look-ups");
        // The wall clock set back an hour: the look-ups count as just made.
        let mut back = LookupLimit::from_wall(&kept, 0, 1_700_000_000_000 - 3_600_000);
        assert!(back.allow(59_000).is_err());
        // Garbage kept in the session neither panics nor lets more through.
        let mut junk = LookupLimit::from_wall(&[i64::MIN, i64::MAX, 0], i64::MIN, i64::MAX);
        assert!(junk.allow(0).is_ok() || junk.allow(0).is_err());
    }

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
                due: at(2025, 2, 10, 17),
                provisional: false,
            }
        );
        // What the look-up module hands the kiosk reads back the same.
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<PublicStatus>(&json).unwrap(), p);
        assert!(!json.contains("Biển") && !json.contains("applicant"), "nothing personal: {json}");
        assert!(lookup([&a], "SCT-250203-0002", &cal, at(2025, 2, 4, 9)).is_none());
        assert!(lookup([&a], "", &cal, at(2025, 2, 4, 9)).is_none());
        a.meta.deleted = true;
        assert!(lookup([&a], "SCT-250203-0001", &cal, at(2025, 2, 4, 9)).is_none());
    }

    #[test]
    fn a_due_date_into_a_provisional_year_is_marked_until_it_is_confirmed() {
        let d = new("SCT-261204-0001", "TM-02", at(2026, 12, 4, 9)).unwrap();
        let twenty = Dossier {
            term: Some(crate::dossier::Term::Days(20)),
            due: at(2027, 1, 4, 17),
            ..d
        };
        let mut cal = WorkCalendar::default();
        let p = lookup([&twenty], "SCT-261204-0001", &cal, at(2026, 12, 5, 9)).unwrap();
        assert!(p.provisional);
        assert!(crate::dossier::worklist::receipt_slip(&twenty, &[], &cal).due_provisional);
        let five = new("SCT-261207-0001", "TM-02", at(2026, 12, 7, 9)).unwrap();
        assert!(!lookup([&five], "SCT-261207-0001", &cal, at(2026, 12, 8, 9)).unwrap().provisional);
        // Typed by an officer: the officer's date, not a computed one.
        let typed = Dossier {
            due_reason: "Theo thông báo".into(),
            ..twenty.clone()
        };
        assert!(!typed.due_provisional(&cal, typed.due));
        let mut y = cal.get_year(2027).unwrap().clone();
        y.provisional = false;
        cal.edit_year(y, 1);
        assert!(!lookup([&twenty], "SCT-261204-0001", &cal, at(2026, 12, 5, 9)).unwrap().provisional);
    }
}
