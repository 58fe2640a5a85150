//! Ratings joined to their dossiers (issue 26): a rating names a dossier by its code (scanned
//! from the receipt's QR code, or typed, with or without dashes, in any case); the join keeps
//! each dossier's latest rating of the period and reads satisfaction by procedure, division,
//! channel and timeliness, and how many returned dossiers were rated. A code that names no live
//! dossier (another unit's, mistyped, deleted since) still counts as a rating, as unmatched.

use super::{Filter, Lookup, Period, Records};
use crate::dossier::{Channel, Dossier, Timeliness};
use crate::record::Millis;
use crate::survey::index::Tally;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A dossier code as the join reads it: its letters and digits, upper case ("sct 261201 0001"
/// and "SCT-261201-0001" are one code).
pub fn code_key(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Satisfaction of the rated dossiers, each by its latest rating in the period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rated {
    pub by_procedure: BTreeMap<String, Tally>,
    pub by_division: BTreeMap<String, Tally>,
    pub by_channel: BTreeMap<Channel, Tally>,
    /// Resolved late / resolved before or on the due date (the others are not judged yet).
    pub late: Tally,
    pub in_time: Tally,
    /// Dossiers returned in the period, and of them those rated (at any time up to its end).
    pub returned: u64,
    pub returned_rated: u64,
    /// Ratings of the period naming a code no live dossier has.
    pub unmatched: u64,
}

/// The code keys of the live dossiers among `dossiers`.
pub fn live_codes<'a>(dossiers: impl IntoIterator<Item = &'a Dossier>) -> HashSet<String> {
    dossiers
        .into_iter()
        .filter(|d| !d.meta.deleted)
        .map(|d| code_key(&d.code))
        .collect()
}

/// Each code of `codes`' latest 1–5 rating given before `end` (its time and score), and how
/// many ratings name a code not in `codes`. The one rule every join of ratings to dossiers
/// follows (this module's figures, 766 5.4).
pub fn latest_ratings<'a>(
    codes: &HashSet<String>,
    responses: impl IntoIterator<Item = &'a crate::survey::response::Response>,
    end: Millis,
) -> (HashMap<String, (Millis, u8)>, u64) {
    let mut latest: HashMap<String, (Millis, u8)> = HashMap::new();
    let mut unmatched = 0;
    for r in responses
        .into_iter()
        .filter(|r| !r.meta.deleted && (1..=5).contains(&r.overall) && r.meta.created_at < end && !r.dossier_code.trim().is_empty())
    {
        let key = code_key(&r.dossier_code);
        if !codes.contains(&key) {
            unmatched += 1;
            continue;
        }
        let slot = latest.entry(key).or_insert((Millis::MIN, 0));
        if r.meta.created_at >= slot.0 {
            *slot = (r.meta.created_at, r.overall);
        }
    }
    (latest, unmatched)
}

/// The join over the ratings given in `period` and the dossiers passing `filter`. A rating
/// counts as unmatched only when its code names no live dossier at all (one of a dossier the
/// filter leaves out is simply not counted).
pub fn rated(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> Rated {
    let end = period.instants().end;
    let codes = live_codes(data.dossiers);
    let (latest, unmatched) = latest_ratings(&codes, data.responses_in(period), end);
    // Rated at any time up to the period's end: a dossier returned in the period and rated
    // the month before counts as rated.
    let (ever, _) = latest_ratings(&codes, data.responses, end);
    let mut out = Rated {
        unmatched,
        ..Default::default()
    };
    for d in data.dossiers.iter().filter(|d| !d.meta.deleted && filter.dossier(d, lookup)) {
        let key = code_key(&d.code);
        if d.returned_at().is_some_and(|t| period.contains(t.date())) {
            out.returned += 1;
            out.returned_rated += u64::from(ever.contains_key(&key));
        }
        let Some(&(_, score)) = latest.get(&key) else {
            continue;
        };
        out.by_procedure.entry(d.procedure_name.clone()).or_default().add(score);
        let division = lookup.division_of_procedure.get(&d.procedure).cloned().unwrap_or_default();
        out.by_division.entry(division).or_default().add(score);
        out.by_channel.entry(d.channel).or_default().add(score);
        if let Some(done) = d.resolved_at() {
            match d.timeliness(data.cal, done, 1) {
                Timeliness::Late => out.late.add(score),
                Timeliness::Early | Timeliness::OnTime => out.in_time.add(score),
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::record::tests::{at, new};
    use crate::dossier::Status;
    use crate::report::Timeline;
    use crate::survey::response::rating;

    #[test]
    fn codes_join_with_or_without_dashes_in_any_case() {
        assert_eq!(code_key(" sct-261201-0001 "), "SCT2612010001");
        assert_eq!(code_key("000.00.15.H34-261201-0001"), code_key("0000015h342612010001"));
    }

    #[test]
    fn each_dossier_counts_once_by_its_latest_rating() {
        let mut late = new("SCT-260302-0001", "TM-02", at(2026, 3, 2, 9)).unwrap();
        late.meta.id = "a".into();
        late.transition(Status::InProgress, at(2026, 3, 2, 10), "", "").unwrap();
        late.transition(Status::Resolved, at(2026, 3, 30, 10), "", "").unwrap();
        late.transition(Status::Returned, at(2026, 3, 30, 11), "", "").unwrap();
        let mut early = new("SCT-260302-0002", "TM-02", at(2026, 3, 2, 9)).unwrap();
        early.meta.id = "b".into();
        early.transition(Status::InProgress, at(2026, 3, 2, 10), "", "").unwrap();
        early.transition(Status::Resolved, at(2026, 3, 3, 10), "", "").unwrap();
        early.transition(Status::Returned, at(2026, 3, 3, 11), "", "").unwrap();
        let mut gone = new("SCT-260302-0003", "TM-02", at(2026, 3, 2, 9)).unwrap();
        gone.meta.id = "c".into();
        gone.delete();
        let rs = vec![
            // The late dossier rated twice: the later rating (2) counts, once.
            rating("sct2603020001", 5, at(2026, 3, 30, 12), 1),
            rating("SCT-260302-0001", 2, at(2026, 3, 31, 9), 2),
            rating("SCT-260302-0002", 4, at(2026, 3, 3, 12), 3),
            // A deleted dossier's code and another unit's: unmatched, still ratings.
            rating("SCT-260302-0003", 5, at(2026, 3, 5, 9), 4),
            rating("UBND-260302-0001", 1, at(2026, 3, 5, 9), 5),
            // Skipped overall: not a rating.
            rating("SCT-260302-0002", 0, at(2026, 3, 6, 9), 6),
        ];
        let ds = vec![late, early, gone];
        let tl = Timeline::new(&rs, &ds);
        let cal = crate::calendar::WorkCalendar::default();
        let versions = Default::default();
        let data = Records {
            responses: &rs,
            dossiers: &ds,
            versions: &versions,
            cal: &cal,
            timeline: &tl,
        };
        let lookup = Lookup::new(&crate::dossier::default_catalogue(), Default::default());
        let r = rated(data, &Period::month(2026, 3), &Filter::default(), &lookup);
        assert_eq!(r.unmatched, 2);
        assert_eq!((r.late.valid, r.late.satisfied), (1, 0));
        assert_eq!((r.in_time.valid, r.in_time.satisfied), (1, 1));
        assert_eq!(r.by_procedure.values().map(|t| t.valid).sum::<u32>(), 2);
        let division = lookup.division_of_procedure.get("TM-02").cloned().unwrap();
        assert_eq!(r.by_division.get(&division).map(|t| t.valid), Some(2));
        assert_eq!(r.by_channel.get(&Channel::Direct).map(|t| t.valid), Some(2));
        assert_eq!((r.returned, r.returned_rated), (2, 2));
        // Filtered to another procedure: the ratings of TM-02's dossiers are not "unmatched".
        let other = Filter {
            procedure: "TM-01".into(),
            ..Default::default()
        };
        let r1 = rated(data, &Period::month(2026, 3), &other, &lookup);
        assert_eq!((r1.unmatched, r1.returned, r1.by_procedure.len()), (2, 0, 0));
        // April: no rating given, the dossiers returned in March: nothing.
        let april = rated(data, &Period::month(2026, 4), &Filter::default(), &lookup);
        assert_eq!(april, Rated::default());
    }
}
