//! Two indicators of the national set (Quyết định 766/QĐ-TTg, 2022, still in use in 2026),
//! exactly as shared/domain.md states them. The technical formulas come from a third-party copy
//! of the official description [3P]; the app shows each formula with its n, and names a figure
//! "766" only when it follows the formula.
//!
//! - **2.1 Tiến độ giải quyết**: dossiers handled on time or still in time, over all dossiers
//!   received or handled in the period, open ones included. Từ chối, dừng xử lý and rút hồ sơ
//!   end processing and are judged against the due date too; an unanswered supplement request
//!   takes the request time as the end; more than one request is late.
//! - **5.4 Mức độ hài lòng**: `100% − (tỷ lệ hồ sơ giải quyết quá hạn + tỷ lệ hồ sơ có phản
//!   ánh, kiến nghị hoặc đánh giá không hài lòng)`. The second share counts *dossiers*: a
//!   dossier's latest rating (1–2 points, tied to it by its code) or a complaint recorded on it.
//!   Both shares are over the dossiers resolved and judged in the period [I: the description
//!   names no other base].

use super::{as_of, end_of, Filter, Lookup, Period, Records};
use crate::dossier::{Dossier, Status, Timeliness};

/// A count over a base; the percentage is `None` ("—") when the base is zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
}

impl Ratio {
    pub fn percent(&self) -> Option<f64> {
        (self.den > 0).then(|| self.num as f64 * 100.0 / self.den as f64)
    }
}

/// Indicator 2.1 and 5.4 of a period, with their parts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Indicators {
    /// 2.1: on time or still in time / received or handled (judged ones).
    pub progress: Ratio,
    /// 5.4's first share: resolved late / resolved and judged.
    pub late: Ratio,
    /// 5.4's second share: with a complaint or a dissatisfied rating / resolved and judged.
    pub complained: Ratio,
}

impl Indicators {
    /// 2.1 in %.
    pub fn progress_2_1(&self) -> Option<f64> {
        self.progress.percent()
    }

    /// 5.4 in %: `None` with no dossier resolved and judged.
    pub fn satisfaction_5_4(&self) -> Option<f64> {
        let (late, complained) = (self.late.percent()?, self.complained.percent()?);
        Some(100.0 - (late + complained))
    }
}

/// How one dossier counts in 2.1 at instant `end`: `Some(true)` on time or still in time,
/// `Some(false)` late, `None` not counted (not received yet, or resolved at an unknown time).
fn progress_of(d: &Dossier, cal: &crate::calendar::WorkCalendar, end: chrono::NaiveDateTime) -> Option<bool> {
    if d.received > end {
        return None;
    }
    let ok = |t: Timeliness| !matches!(t, Timeliness::Late | Timeliness::Overdue);
    if let Some(done) = d.resolved_at().filter(|t| *t <= end) {
        let t = d.timeliness(cal, done, 1);
        return (t != Timeliness::Unjudged).then(|| ok(t));
    }
    if let Some(closed) = d.closed_at().filter(|t| *t <= end) {
        return Some(ok(d.judged_at(cal, closed)));
    }
    let now = as_of(d, end);
    if now.supplement_requests() > 1 {
        return Some(false);
    }
    if now.status() == Status::SupplementRequested {
        // Unanswered: the request time is the end.
        let asked = now.events.last().map_or(end, |e| e.at);
        return Some(ok(now.judged_at(cal, asked)));
    }
    Some(ok(now.timeliness(cal, end, 0)))
}

/// Indicator 2.1 and 5.4 over the live dossiers passing the filter (and, for 5.4, the ratings
/// given up to the period's end).
pub fn indicators(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> Indicators {
    let end = end_of(period.to);
    let cal = data.cal;
    let mut out = Indicators::default();
    let mut judged: Vec<&Dossier> = Vec::new();
    for d in data.timeline.dossiers(data.dossiers, period).filter(|d| filter.dossier(d, lookup)) {
        if let Some(ok) = progress_of(d, cal, end) {
            out.progress.den += 1;
            out.progress.num += u64::from(ok);
        }
        if let Some(done) = d.resolved_at().filter(|t| *t <= end) {
            match d.timeliness(cal, done, 1) {
                Timeliness::Early | Timeliness::OnTime => judged.push(d),
                Timeliness::Late => {
                    out.late.num += 1;
                    judged.push(d);
                }
                _ => {}
            }
        }
    }
    out.late.den = judged.len() as u64;
    out.complained.den = out.late.den;
    // Each judged dossier's latest rating by the period's end, looked up by code.
    let end_ms = period.instants().end;
    let low = |d: &Dossier| {
        let rating = data.timeline.latest_rating(data.responses, &d.code, end_ms);
        rating.is_some_and(|(_, o)| (1..=2).contains(&o))
    };
    out.complained.num = judged.iter().filter(|d| d.complained_by(end) || low(d)).count() as u64;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::record::tests::{at, new};
    use crate::survey::response::Response;

    fn id(d: &mut Dossier, i: usize) {
        d.meta.id = format!("d{i}");
    }

    fn step(d: &mut Dossier, s: Status, when: chrono::NaiveDateTime) {
        d.transition(s, when, "", "").unwrap();
    }

    fn rating(code: &str, o: u8, when: chrono::NaiveDateTime, i: usize) -> Response {
        crate::survey::response::rating(code, o, when, i as u8)
    }

    fn run(ds: &[Dossier], rs: &[Response], period: &Period) -> Indicators {
        crate::report::over_records(rs, ds, |data| indicators(data, period, &Filter::default(), &Lookup::default()))
    }

    /// March 2026 (calendar): TM-02, 5 working days. Received Mon 2/3 09:00 → due Mon 9/3.
    fn march() -> Vec<Dossier> {
        let received = at(2026, 3, 2, 9);
        let mk = |n: usize| {
            let mut d = new(&format!("SCT-260302-000{n}"), "TM-02", received).unwrap();
            id(&mut d, n);
            d
        };
        // 1: resolved early (5/3). 2: resolved late (12/3). 3: refused on 4/3 (before due: on
        // time). 4: stopped on 20/3 (after due: late). 5: open, overdue at the end of March.
        // 6: supplement requested on 4/3 and never answered: judged at the request, on time.
        // 7: two supplement requests: late.
        let mut ds: Vec<Dossier> = (1..=7).map(mk).collect();
        step(&mut ds[0], Status::Resolved, at(2026, 3, 5, 10));
        step(&mut ds[1], Status::Resolved, at(2026, 3, 12, 10));
        step(&mut ds[2], Status::Refused, at(2026, 3, 4, 10));
        step(&mut ds[3], Status::Stopped, at(2026, 3, 20, 10));
        step(&mut ds[5], Status::SupplementRequested, at(2026, 3, 4, 10));
        step(&mut ds[6], Status::SupplementRequested, at(2026, 3, 3, 10));
        step(&mut ds[6], Status::SupplementReceived, at(2026, 3, 4, 10));
        step(&mut ds[6], Status::SupplementRequested, at(2026, 3, 5, 10));
        ds
    }

    #[test]
    fn progress_2_1_counts_open_refused_stopped_and_paused_dossiers() {
        let ds = march();
        let i = run(&ds, &[], &Period::month(2026, 3));
        // On time: 1 (early), 3 (refused in time), 6 (request in time). Late: 2, 4, 5, 7.
        assert_eq!(i.progress, Ratio { num: 3, den: 7 });
        assert_eq!(crate::format::share(i.progress.num, i.progress.den), "42,9%");
        // In the middle of the month: 5 still in time, 2 and 4 not ended yet and in time.
        let early = run(&ds, &[], &Period::custom(at(2026, 3, 1, 0).date(), at(2026, 3, 6, 0).date()));
        // 1 early, 2 open in time, 3 refused in time, 4 open in time, 5 open in time, 6 request
        // in time, 7 two requests (late).
        assert_eq!(early.progress, Ratio { num: 6, den: 7 });
    }

    #[test]
    fn satisfaction_5_4_counts_dossiers_with_a_complaint_or_a_low_rating() {
        let mut ds = march();
        // Resolved and judged: 1 (early) and 2 (late). Rate 1 at 2 points, then 5 (the latest
        // counts: not dissatisfied); complaint on 2.
        let rs = vec![
            rating("SCT-260302-0001", 2, at(2026, 3, 6, 9), 1),
            rating("sct-260302-0001", 5, at(2026, 3, 6, 10), 2),
            // A low rating of an open dossier: not among the resolved ones.
            rating("SCT-260302-0005", 1, at(2026, 3, 6, 9), 3),
        ];
        let i = run(&ds, &rs, &Period::month(2026, 3));
        assert_eq!(i.late, Ratio { num: 1, den: 2 });
        assert_eq!(i.complained, Ratio { num: 0, den: 2 });
        assert_eq!(i.satisfaction_5_4(), Some(50.0));
        ds[1].add_complaint(at(2026, 3, 13, 9), "Trả chậm").unwrap();
        let i = run(&ds, &rs, &Period::month(2026, 3));
        assert_eq!(i.complained, Ratio { num: 1, den: 2 });
        assert_eq!(i.satisfaction_5_4(), Some(0.0));
        // A complaint after the period does not count in it.
        ds[1].complaints[0].at = at(2026, 4, 2, 9);
        assert_eq!(run(&ds, &rs, &Period::month(2026, 3)).complained.num, 0);
        // Then dossier 1's latest rating is 2 points: dissatisfied.
        let mut rs2 = rs.clone();
        rs2.push(rating("SCT-260302-0001", 1, at(2026, 3, 7, 9), 4));
        assert_eq!(run(&ds, &rs2, &Period::month(2026, 3)).complained.num, 1);
        assert!(ds[1].add_complaint(at(2026, 3, 1, 9), "").is_err(), "before receipt");
    }

    #[test]
    fn zero_denominators_give_no_figure() {
        let i = run(&[], &[], &Period::month(2026, 3));
        assert_eq!((i.progress_2_1(), i.satisfaction_5_4()), (None, None));
        assert_eq!(crate::format::index_value(i.satisfaction_5_4()), "—");
        // Open dossiers only: 2.1 has a base, 5.4 none.
        let ds = march();
        let april_first = Period::custom(at(2026, 3, 2, 0).date(), at(2026, 3, 2, 0).date());
        let i = run(&ds, &[], &april_first);
        assert_eq!(i.progress, Ratio { num: 7, den: 7 });
        assert_eq!(i.satisfaction_5_4(), None);
    }
}
