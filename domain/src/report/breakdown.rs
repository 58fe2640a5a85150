//! The dashboard's breakdowns: per group and item of the questionnaire (with the distribution
//! of answers), responses per day and per hour of the week, late dossiers by division, and the
//! latest suggestions. Each hides what the anonymity threshold hides.

use super::{Filter, Lookup, Period, Records};
use crate::dossier::Timeliness;
use crate::record::{vn_date, vn_datetime};
use crate::survey::index::{shown, SatisfactionIndex};
use crate::survey::questionnaire::Questionnaire;
use crate::survey::response::Response;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use std::collections::BTreeMap;

fn in_period<'a>(data: Records<'a>, period: &Period, filter: &'a Filter, lookup: &'a Lookup) -> impl Iterator<Item = &'a Response> + 'a {
    data.responses_in(period).filter(move |r| filter.response(r, lookup))
}

/// One item of the questionnaire shown on the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemRow {
    pub group: String,
    pub item: String,
    /// Item %, `None` when its valid answers are under the threshold.
    pub percent: Option<f64>,
    pub n: u32,
    /// Answers 1 to 5 (hidden, all zero, under the threshold).
    pub distribution: [u32; 5],
}

/// The items of `current` with their % and distributions, and each group's index (hidden
/// under the threshold).
pub fn items(
    data: Records,
    current: &Questionnaire,
    period: &Period,
    filter: &Filter,
    lookup: &Lookup,
    min_n: u32,
) -> (Vec<(String, Option<f64>)>, Vec<ItemRow>) {
    let ix: SatisfactionIndex = crate::survey::index::compute(in_period(data, period, filter, lookup), data.versions);
    let groups = current
        .groups
        .iter()
        .map(|g| {
            let n: u32 = g
                .items
                .iter()
                .filter_map(|i| ix.items.get(&i.id))
                .map(|t| t.valid)
                .max()
                .unwrap_or(0);
            (g.id.clone(), ix.groups.get(&g.id).copied().flatten().filter(|_| shown(n, min_n)))
        })
        .collect();
    let rows = current
        .active_items()
        .map(|(g, i)| {
            let t = ix.items.get(&i.id).copied().unwrap_or_default();
            let ok = shown(t.valid, min_n);
            ItemRow {
                group: g.id.clone(),
                item: i.id.clone(),
                percent: t.percent().filter(|_| ok),
                n: t.valid,
                distribution: if ok { t.points } else { [0; 5] },
            }
        })
        .collect();
    (groups, rows)
}

/// Responses per Vietnam day over the period (every day, zeros included; at most a year).
pub fn per_day(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> Vec<(NaiveDate, u32)> {
    let days = period.days().clamp(1, 366);
    let mut out: Vec<(NaiveDate, u32)> = (0..days).map(|i| (period.from + Duration::days(i), 0)).collect();
    for r in in_period(data, period, filter, lookup) {
        let i = (vn_date(r.meta.created_at) - period.from).num_days();
        if let Some(x) = usize::try_from(i).ok().and_then(|i| out.get_mut(i)) {
            x.1 += 1;
        }
    }
    out
}

/// Responses by weekday (Monday first) and hour, Vietnam time; all zero when the total is
/// under the threshold.
pub fn hour_weekday(data: Records, period: &Period, filter: &Filter, lookup: &Lookup, min_n: u32) -> [[u32; 24]; 7] {
    let mut h = [[0u32; 24]; 7];
    let mut n = 0;
    for r in in_period(data, period, filter, lookup) {
        let t = vn_datetime(r.meta.created_at);
        h[t.weekday().num_days_from_monday() as usize][t.hour() as usize] += 1;
        n += 1;
    }
    if shown(n, min_n) {
        h
    } else {
        [[0; 24]; 7]
    }
}

/// Late steps by division, most first, over the dossiers resolved in the period: every
/// hand-over that came after its step's share ran out (Mẫu 06, `dossier::control`) counts for
/// the division that held the file (the seed letter blames the divisions' late hand-overs); a
/// dossier resolved late without a late step counts once for the division named as having
/// caused the delay, else the one holding it at its statutory due, else the procedure's.
pub fn late_by_division(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> Vec<(String, u64)> {
    let cal = data.cal;
    let mut m: BTreeMap<String, u64> = BTreeMap::new();
    for d in data
        .timeline
        .resolved_in(data.dossiers, period)
        .filter(|d| filter.dossier(d, lookup))
    {
        let Some(done) = d.resolved_at() else { continue };
        let steps = lookup.steps_of_procedure.get(&d.procedure).map_or(&[][..], Vec::as_slice);
        let late_steps = crate::dossier::control::late_steps(d, steps, cal);
        if late_steps.is_empty() && d.timeliness(cal, done, 1) == Timeliness::Late {
            let div = if d.late_division.is_empty() {
                d.late_holder(cal, done)
                    .map(String::from)
                    .or_else(|| lookup.division_of_procedure.get(&d.procedure).cloned())
                    .unwrap_or_default()
            } else {
                d.late_division.clone()
            };
            *m.entry(div).or_default() += 1;
        }
        for div in late_steps {
            *m.entry(div).or_default() += 1;
        }
    }
    let mut v: Vec<(String, u64)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// The latest suggestions in the period that contain `query` (any case), newest first: when
/// (Vietnam time), the field served, the text as typed.
pub fn suggestions(
    data: Records,
    period: &Period,
    filter: &Filter,
    lookup: &Lookup,
    query: &str,
    limit: usize,
) -> Vec<(NaiveDateTime, String, String)> {
    let q = crate::format::lower(query.trim());
    let mut v: Vec<&Response> = in_period(data, period, filter, lookup)
        .filter(|r| !r.suggestion.trim().is_empty() && (q.is_empty() || crate::format::lower(&r.suggestion).contains(&q)))
        .collect();
    v.sort_unstable_by_key(|r| std::cmp::Reverse(r.meta.created_at));
    v.into_iter()
        .take(limit)
        .map(|r| (vn_datetime(r.meta.created_at), r.field.clone(), r.suggestion.clone()))
        .collect()
}

/// Why citizens rated low (issue 26): the reasons tapped after one-tap ratings of 1–3 in the
/// period, and how many such ratings there were (a reason is offered, never required).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reasons {
    /// Ratings of 1–3 in the period.
    pub low: u64,
    /// Of them, those that gave at least one reason.
    pub explained: u64,
    /// Each reason id, its label (from the newest version that offers it; the id when none
    /// does) and how often it was given, most first.
    pub counts: Vec<(String, crate::survey::questionnaire::Text, u64)>,
}

/// The reasons given in the period.
pub fn reasons(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> Reasons {
    use crate::survey::questionnaire::{Text, REASONS_AT_MOST};
    let mut out = Reasons::default();
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for r in in_period(data, period, filter, lookup).filter(|r| (1..=REASONS_AT_MOST).contains(&r.overall)) {
        out.low += 1;
        let mut any = false;
        for id in r.reasons() {
            *counts.entry(id).or_default() += 1;
            any = true;
        }
        out.explained += u64::from(any);
    }
    let label = |id: &str| {
        data.versions
            .values()
            .rev()
            .flat_map(|q| q.reasons.iter())
            .find(|x| x.id == id)
            .map_or_else(|| Text::new(id, id), |x| x.text.clone())
    };
    out.counts = counts.into_iter().map(|(id, n)| (id.to_string(), label(id), n)).collect();
    out.counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    out
}

/// Overall satisfaction per officer (issue 26: shown only when the unit chose to rate
/// officers): each officer's ratings in the period as a tally, the figures of an officer with
/// fewer than `min_n` ratings hidden (only n shown), officers by name.
pub fn by_officer(
    data: Records,
    period: &Period,
    filter: &Filter,
    lookup: &Lookup,
    min_n: u32,
) -> Vec<(String, u32, Option<crate::survey::index::Tally>)> {
    let mut m: BTreeMap<&str, crate::survey::index::Tally> = BTreeMap::new();
    for r in in_period(data, period, filter, lookup).filter(|r| (1..=5).contains(&r.overall) && !r.officer.trim().is_empty()) {
        m.entry(r.officer.trim()).or_default().add(r.overall);
    }
    m.into_iter()
        .map(|(name, t)| (name.to_string(), t.valid, shown(t.valid, min_n).then_some(t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Meta;
    use crate::report::tests::Set;
    use crate::survey::questionnaire::Book;

    fn r(n: u32, at: i64, a: &str, s: &str) -> Response {
        let mut b = [1u8; 16];
        b[..4].copy_from_slice(&n.to_le_bytes());
        Response {
            digits: a.into(),
            overall: 4,
            field: "Điện lực".into(),
            suggestion: s.into(),
            ..Response::blank(Meta::new(b, at, "d"), 2)
        }
    }

    fn versions() -> BTreeMap<u32, Questionnaire> {
        // Version 1 the first seed, version 2 the short form.
        let mut b = Book::of(Questionnaire::sipas());
        b.publish(Questionnaire::short());
        b.versions
    }

    // Monday 2/3/2026 09:30 in Vietnam.
    const MON: i64 = 1_772_418_600_000;

    #[test]
    fn low_ratings_count_their_reasons_and_officers_hide_under_the_threshold() {
        let mut rs: Vec<Response> = (0..8).map(|i| r(i, MON, "", "")).collect();
        let give = |x: &mut Response, o: u8, reasons: &str, officer: &str| {
            x.overall = o;
            x.reason_ids = reasons.into();
            x.officer = officer.into();
        };
        give(&mut rs[0], 1, "wait,seats", "Lan");
        give(&mut rs[1], 2, "seats", "Lan");
        give(&mut rs[2], 3, "", "Lan");
        give(&mut rs[3], 5, "wait", "Lan"); // a good rating's stray reason is not counted
        give(&mut rs[4], 4, "", "Lan");
        give(&mut rs[5], 2, "gone", "Minh"); // an id no version offers: shown by its id
        give(&mut rs[6], 5, "", " Minh ");
        give(&mut rs[7], 0, "", "Minh"); // no overall rating: not counted for the officer
        let set = Set::new(rs, Vec::new());
        let data = set.data();
        let p = Period::month(2026, 3);
        let x = reasons(data, &p, &Filter::default(), &Lookup::default());
        assert_eq!((x.low, x.explained), (4, 3));
        let got: Vec<_> = x.counts.iter().map(|(id, t, n)| (id.as_str(), t.vi.as_str(), *n)).collect();
        assert_eq!(got, [("seats", "Thiếu chỗ ngồi", 2), ("gone", "gone", 1), ("wait", "Chờ lâu", 1)]);
        let o = by_officer(data, &p, &Filter::default(), &Lookup::default(), 3);
        assert_eq!(o.len(), 2);
        assert_eq!((o[0].0.as_str(), o[0].1), ("Lan", 5));
        assert_eq!(o[0].2.map(|t| t.satisfied), Some(2));
        assert_eq!((o[1].0.as_str(), o[1].1, o[1].2), ("Minh", 2, None), "2 ratings < 3: hidden");
        let april = Period::month(2026, 4);
        assert_eq!(reasons(data, &april, &Filter::default(), &Lookup::default()), Reasons::default());
    }

    #[test]
    fn items_groups_and_distributions_hide_under_the_threshold() {
        let rs: Vec<Response> = (0..6).map(|i| r(i, MON, if i < 3 { "55000" } else { "21000" }, "")).collect();
        let v = versions();
        let p = Period::month(2026, 3);
        let set = Set::new(rs, Vec::new());
        let (groups, rows) = items(set.data(), &v[&2], &p, &Filter::default(), &Lookup::default(), 5);
        assert_eq!(rows[0].percent, Some(50.0));
        assert_eq!(rows[0].distribution, [0, 3, 0, 0, 3]);
        assert_eq!(rows[1].distribution, [3, 0, 0, 0, 3]);
        assert_eq!(rows[2].percent, None, "nobody answered c");
        assert_eq!(groups[0], ("a".to_string(), Some(50.0)));
        let (g, rows) = items(set.data(), &v[&2], &p, &Filter::default(), &Lookup::default(), 10);
        assert_eq!(
            (g[0].1, rows[0].percent, rows[0].distribution),
            (None, None, [0; 5]),
            "6 < 10: hidden"
        );
    }

    #[test]
    fn per_day_and_hour_of_the_week_are_in_vietnam_time() {
        let h = 3_600_000;
        let rs = vec![r(1, MON, "", ""), r(2, MON + h, "", ""), r(3, MON + 15 * h, "", "")];
        let p = Period::custom(
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        );
        let set = Set::new(rs, Vec::new());
        let days = per_day(set.data(), &p, &Filter::default(), &Lookup::default());
        assert_eq!(
            days.iter().map(|d| d.1).collect::<Vec<_>>(),
            vec![2, 1, 0],
            "the third is 00:30 on Tuesday"
        );
        let heat = hour_weekday(set.data(), &p, &Filter::default(), &Lookup::default(), 1);
        assert_eq!((heat[0][9], heat[0][10], heat[1][0]), (1, 1, 1));
        assert_eq!(
            hour_weekday(set.data(), &p, &Filter::default(), &Lookup::default(), 5)[0][9],
            0,
            "under the threshold"
        );
    }

    #[test]
    fn suggestions_filter_and_come_newest_first() {
        let rs = vec![
            r(1, MON, "", "Cần thêm ghế chờ"),
            r(2, MON + 1000, "", "Nhân viên nhiệt tình"),
            r(3, MON + 2000, "", "  "),
        ];
        let p = Period::month(2026, 3);
        let set = Set::new(rs, Vec::new());
        let all = suggestions(set.data(), &p, &Filter::default(), &Lookup::default(), "", 10);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].2, "Nhân viên nhiệt tình");
        let ghe = suggestions(set.data(), &p, &Filter::default(), &Lookup::default(), "GHẾ", 10);
        assert_eq!(ghe.len(), 1);
    }

    #[test]
    fn late_dossiers_are_counted_by_the_division_that_held_them() {
        use crate::dossier::record::tests::{at, new};
        use crate::dossier::Status;
        let mut a = new("SCT-260302-0001", "TM-02", at(2026, 3, 2, 9)).unwrap();
        a.transition(Status::InProgress, at(2026, 3, 2, 10), "", "Phòng QLTM").unwrap();
        a.transition(Status::Resolved, at(2026, 3, 20, 9), "", "").unwrap();
        let mut b = new("SCT-260302-0002", "TM-02", at(2026, 3, 2, 9)).unwrap();
        b.meta.id = "b".into();
        b.late_division = "Phòng KT".into();
        b.transition(Status::Resolved, at(2026, 3, 20, 9), "", "").unwrap();
        let mut c = b.clone();
        c.meta.id = "c".into();
        let mut early = new("SCT-260302-0003", "TM-02", at(2026, 3, 2, 9)).unwrap();
        early.meta.id = "e".into();
        early.transition(Status::Resolved, at(2026, 3, 3, 9), "", "").unwrap();
        c.code = "SCT-260302-0004".into();
        let v = late_by_division(
            Set::new(Vec::new(), vec![a, b, c, early]).data(),
            &Period::month(2026, 3),
            &Filter::default(),
            &Lookup::default(),
        );
        assert_eq!(v, vec![("Phòng KT".to_string(), 2), ("Phòng QLTM".to_string(), 1)]);
    }

    #[test]
    fn late_hand_overs_count_for_their_division_even_in_a_dossier_done_in_time() {
        use crate::dossier::record::tests::{at, new};
        use crate::dossier::Status;
        let lookup = Lookup::new(&crate::dossier::default_catalogue(), Default::default());
        let tm = "Phòng Quản lý Thương mại";
        // TM-02, received Mon 2/3/2026, due Mon 9/3: the division holds it 4 days (share 3), the
        // director resolves it the same day: on time overall, one late step.
        let mut a = new("SCT-260302-0001", "TM-02", at(2026, 3, 2, 9)).unwrap();
        a.transition(Status::InProgress, at(2026, 3, 2, 10), "", tm).unwrap();
        a.transition(Status::InProgress, at(2026, 3, 6, 9), "", "Lãnh đạo Sở").unwrap();
        a.transition(Status::Resolved, at(2026, 3, 6, 15), "", "").unwrap();
        // Late overall, the desk passed it on a day late: the desk's step, not a guess.
        let mut b = new("SCT-260302-0002", "TM-02", at(2026, 3, 2, 9)).unwrap();
        b.meta.id = "b".into();
        b.transition(Status::InProgress, at(2026, 3, 3, 9), "", tm).unwrap();
        b.transition(Status::Resolved, at(2026, 3, 5, 9), "", "").unwrap();
        let v = late_by_division(
            Set::new(Vec::new(), vec![a, b]).data(),
            &Period::month(2026, 3),
            &Filter::default(),
            &lookup,
        );
        assert_eq!(v, vec![(crate::dossier::control::DESK.to_string(), 1), (tm.to_string(), 1)]);
    }
}
