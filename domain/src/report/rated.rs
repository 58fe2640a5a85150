//! Ratings joined to their dossiers (issue 26): a rating names a dossier by its code (scanned
//! from the receipt's QR code, or typed, with or without dashes, in any case); the join keeps
//! each dossier's latest rating of the period and reads satisfaction by procedure, division,
//! channel and timeliness, and how many returned dossiers were rated. A code that names no live
//! dossier (another unit's, mistyped, deleted since) still counts as a rating, as unmatched.

use super::{Filter, Lookup, Period, Records};
use crate::dossier::{Channel, Dossier, Timeliness};
use crate::record::Millis;
use crate::survey::index::Tally;
use crate::survey::response::Response;
use std::collections::{BTreeMap, HashMap};

/// A dossier code as the join reads it: its letters and digits, upper case ("sct 261201 0001"
/// and "SCT-261201-0001" are one code).
pub fn code_key(code: &str) -> String {
    key_bytes(code).map(char::from).collect()
}

/// The bytes of a code's key, without building it (the timeline's index hashes them).
pub(crate) fn key_bytes(code: &str) -> impl Iterator<Item = u8> + '_ {
    code.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_uppercase())
}

/// Whether a response is a rating the join reads: a 1–5 overall score naming a dossier code
/// (the timeline's index keeps these, [`latest_ratings`] reads these).
pub(crate) fn names_a_dossier(r: &Response) -> bool {
    (1..=5).contains(&r.overall) && !r.dossier_code.trim().is_empty()
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

/// The latest 1–5 rating of each code `known` takes among `responses` given before `end` (its
/// time and score), and how many ratings name a code it does not take. The one rule every join
/// of ratings to dossiers follows (this module's figures; 766 5.4 reads the same through
/// [`super::Timeline::latest_rating`], which keeps every rating by code in time order).
pub fn latest_ratings<'a>(
    known: impl Fn(&str) -> bool,
    responses: impl IntoIterator<Item = &'a Response>,
    end: Millis,
) -> (HashMap<String, (Millis, u8)>, u64) {
    let mut latest: HashMap<String, (Millis, u8)> = HashMap::new();
    let mut unmatched = 0;
    for r in responses
        .into_iter()
        .filter(|r| !r.meta.deleted && r.meta.created_at < end && names_a_dossier(r))
    {
        let key = code_key(&r.dossier_code);
        if !known(&key) {
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
/// filter leaves out is simply not counted). The period's ratings and returns are looked up in
/// the timeline, not walked over a decade.
pub fn rated(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> Rated {
    let end = period.instants().end;
    let tl = data.timeline;
    let (latest, unmatched) = latest_ratings(|k| tl.has_code(data.dossiers, k), data.responses_in(period), end);
    let mut out = Rated {
        unmatched,
        ..Default::default()
    };
    // Rated at any time up to the period's end: a dossier returned in the period and rated
    // the month before counts as rated.
    for d in tl.returned_in(data.dossiers, period).filter(|d| filter.dossier(d, lookup)) {
        out.returned += 1;
        out.returned_rated += u64::from(tl.latest_rating(data.responses, &d.code, end).is_some());
    }
    for (key, &(_, score)) in &latest {
        for d in tl.dossiers_with_code(data.dossiers, key).filter(|d| filter.dossier(d, lookup)) {
            out.count(d, score, lookup, data.cal);
        }
    }
    out
}

impl Rated {
    /// A rated dossier's latest score, counted by its procedure, division, channel and
    /// timeliness.
    fn count(&mut self, d: &Dossier, score: u8, lookup: &Lookup, cal: &crate::calendar::WorkCalendar) {
        self.by_procedure.entry(d.procedure_name.clone()).or_default().add(score);
        let division = lookup.division_of_procedure.get(&d.procedure).cloned().unwrap_or_default();
        self.by_division.entry(division).or_default().add(score);
        self.by_channel.entry(d.channel).or_default().add(score);
        if let Some(done) = d.resolved_at() {
            match d.timeliness(cal, done, 1) {
                Timeliness::Late => self.late.add(score),
                Timeliness::Early | Timeliness::OnTime => self.in_time.add(score),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::record::tests::{at, new};
    use crate::dossier::Status;
    use crate::survey::response::rating;

    /// `f` over the records of `rs` and `ds`, with the shipped catalogue's lookup.
    fn over<T>(rs: &[Response], ds: &[Dossier], f: impl FnOnce(Records, &Lookup) -> T) -> T {
        let lookup = Lookup::new(&crate::dossier::default_catalogue(), Default::default());
        super::super::over_records(rs, ds, |data| f(data, &lookup))
    }

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
        over(&rs, &ds, |data, lookup| {
            let r = rated(data, &Period::month(2026, 3), &Filter::default(), lookup);
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
            let r1 = rated(data, &Period::month(2026, 3), &other, lookup);
            assert_eq!((r1.unmatched, r1.returned, r1.by_procedure.len()), (2, 0, 0));
            // April: no rating given, the dossiers returned in March: nothing.
            let april = rated(data, &Period::month(2026, 4), &Filter::default(), lookup);
            assert_eq!(april, Rated::default());
        });
    }

    /// The join as it was written before the timeline indexed it: every dossier and every
    /// rating walked. The indexed one must answer the same on any data.
    fn rated_by_walking(data: Records, period: &Period, filter: &Filter, lookup: &Lookup) -> Rated {
        let end = period.instants().end;
        let codes: std::collections::HashSet<String> = data
            .dossiers
            .iter()
            .filter(|d| !d.meta.deleted)
            .map(|d| code_key(&d.code))
            .collect();
        let (latest, unmatched) = latest_ratings(|k| codes.contains(k), data.responses_in(period), end);
        let (ever, _) = latest_ratings(|k| codes.contains(k), data.responses, end);
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
            if let Some(&(_, score)) = latest.get(&key) {
                out.count(d, score, lookup, data.cal);
            }
        }
        out
    }

    #[test]
    fn the_indexed_join_answers_as_walking_every_record() {
        // A small generator (no randomness crate in the core): dossiers of four months, some
        // resolved before a month began and returned in it, deleted ones, a code held twice;
        // ratings in every form a code is typed, unknown codes, skipped overalls, same times.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % u64::from(n)) as u32
        };
        let procs = ["TM-01", "TM-02"];
        let mut ds = Vec::new();
        // Dossier 7 takes dossier 6's code (two units' records merged).
        let (mut ds_month, mut ds_day) = (1, 1);
        for i in 0..160u32 {
            let (m, d) = if i == 7 { (ds_month, ds_day) } else { (1 + next(4), 1 + next(27)) };
            let code = format!("SCT-26{m:02}{d:02}-{:04}", if i == 7 { 6 } else { i });
            (ds_month, ds_day) = (m, d);
            let mut x = new(&code, procs[next(2) as usize], at(2026, m, d, 8 + next(3))).unwrap();
            x.meta.id = format!("d{i}");
            let mut day = (m, d);
            for s in [Status::InProgress, Status::Resolved, Status::Returned] {
                if next(5) == 0 {
                    break;
                }
                let ahead = day.1 + 1 + next(20);
                day = if ahead > 28 { (day.0 + 1, ahead - 28) } else { (day.0, ahead) };
                if x.transition(s, at(2026, day.0, day.1, 10), "", "").is_err() {
                    break;
                }
            }
            if next(15) == 0 {
                x.delete();
            }
            ds.push(x);
        }
        let mut rs = Vec::new();
        for i in 0..400u32 {
            let n = next(170);
            let theirs = &ds[(n % 160) as usize].code;
            let code = match next(6) {
                0 => theirs.to_lowercase().replace('-', ""),
                1 => theirs.replace("SCT", "UBND"),
                2 => "  ".into(),
                _ => theirs.clone(),
            };
            let when = at(2026, 1 + next(5), 1 + next(27), 8 + next(2));
            let mut r = rating(&code, next(6) as u8, when, (i % 250) as u8);
            r.meta.id = format!("r{i}");
            r.meta.deleted = next(20) == 0;
            rs.push(r);
        }
        over(&rs, &ds, |data, lookup| {
            let tm01 = Filter {
                procedure: "TM-01".into(),
                ..Default::default()
            };
            let periods = (1..=5)
                .map(|m| Period::month(2026, m))
                .chain([Period::year(2026), Period::year(2025)]);
            let mut seen = 0;
            for p in periods {
                for f in [Filter::default(), tm01.clone()] {
                    let want = rated_by_walking(data, &p, &f, lookup);
                    seen += want.returned_rated + want.unmatched + u64::from(want.late.valid + want.in_time.valid);
                    assert_eq!(rated(data, &p, &f, lookup), want, "{p:?} {f:?}");
                }
            }
            assert!(seen > 100, "the data exercise the join: {seen}");
        });
    }
}
