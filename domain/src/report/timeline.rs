//! Where each live record sits in time, built once per data set, so that a period's figures
//! touch only the records that can count in it: a month of a decade is found by binary search,
//! not by walking 300 000 records (and every dossier's events) for each figure. The join of
//! ratings to dossiers (`rated`) is indexed here too, by the code's key: the rated card and
//! 766's 5.4 walked every dossier and every rating of a decade for each period (122 and 27 ms
//! natively), the period change waited on them.

use super::rated::{key_bytes, names_a_dossier};
use super::Period;
use crate::dossier::Dossier;
use crate::record::Millis;
use crate::survey::response::Response;
use chrono::NaiveDateTime;
use std::hash::Hasher;

/// A dossier's place in time, in seconds of its local time (integers compare and sort several
/// times faster than `NaiveDateTime`): when it came, when it was resolved (`i64::MAX`: not
/// yet), and when it ended (resolved, withdrawn, refused or stopped, whichever came first;
/// `i64::MAX` while open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    received: i64,
    resolved: i64,
    ended: i64,
    /// When the result was handed over (`i64::MAX`: not yet).
    returned: i64,
    at: u32,
}

fn secs(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

/// The first second of a day.
fn day_secs(d: chrono::NaiveDate) -> i64 {
    secs(d.and_hms_opt(0, 0, 0).unwrap_or_default())
}

/// The live (not deleted) records of a data set in time order, as positions into the slices it
/// was built from. Build it again when the records change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// (created at, position), by time.
    responses: Vec<(Millis, u32)>,
    /// By time of receipt.
    dossiers: Vec<Span>,
    /// The live dossiers by their code's key as a number ([`key_hash`]): (hash, position),
    /// sorted. Numbers, not strings: no allocation per dossier of a decade.
    codes: Vec<(u64, u32)>,
    /// The live 1–5 ratings that name a dossier: (hash of the code's key, created at, position),
    /// sorted (of two at the same time, the later in the slice last).
    ratings: Vec<(u64, Millis, u32)>,
}

/// A code's key as a number; two codes with one key have one hash (the converse is checked
/// with [`same_key`] wherever a hash is looked up).
fn key_hash(code: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for b in key_bytes(code) {
        h.write_u8(b);
    }
    h.finish()
}

fn same_key(a: &str, b: &str) -> bool {
    key_bytes(a).eq(key_bytes(b))
}

impl Timeline {
    pub fn new(responses: &[Response], dossiers: &[Dossier]) -> Self {
        let mut rs: Vec<(Millis, u32)> = responses
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.meta.deleted)
            .map(|(i, r)| (r.meta.created_at, i as u32))
            .collect();
        // Stored month by month in creation order: a stable sort finds the runs and merges them.
        rs.sort();
        let mut ds: Vec<Span> = dossiers
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.meta.deleted)
            .map(|(i, d)| Span {
                received: secs(d.received),
                resolved: d.resolved_at().map_or(i64::MAX, secs),
                ended: d.ended_at().map_or(i64::MAX, secs),
                returned: d.returned_at().map_or(i64::MAX, secs),
                at: i as u32,
            })
            .collect();
        ds.sort_by_key(|s| (s.received, s.at));
        // The live dossiers again, in the slice's order rather than the spans': walking them
        // in place is ≈ 25 ms faster at a decade than jumping by the spans' positions.
        let mut codes: Vec<(u64, u32)> = dossiers
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.meta.deleted)
            .map(|(i, d)| (key_hash(&d.code), i as u32))
            .collect();
        codes.sort_unstable();
        let mut ratings: Vec<(u64, Millis, u32)> = rs
            .iter()
            .filter_map(|&(t, i)| responses.get(i as usize).map(|r| (t, i, r)))
            .filter(|(_, _, r)| names_a_dossier(r))
            .map(|(t, i, r)| (key_hash(&r.dossier_code), t, i))
            .collect();
        ratings.sort_unstable();
        Timeline {
            responses: rs,
            dossiers: ds,
            codes,
            ratings,
        }
    }

    /// The live dossiers with the code of `key` (a code, or its `rated::code_key`). `all` is
    /// the slice the timeline was built from.
    pub fn dossiers_with_code<'a>(&'a self, all: &'a [Dossier], key: &'a str) -> impl Iterator<Item = &'a Dossier> + 'a {
        let h = key_hash(key);
        let lo = self.codes.partition_point(|c| c.0 < h);
        self.codes[lo..]
            .iter()
            .take_while(move |c| c.0 == h)
            .filter_map(move |c| all.get(c.1 as usize))
            .filter(move |d| same_key(&d.code, key))
    }

    /// Whether a live dossier has the code of `key`.
    pub fn has_code(&self, all: &[Dossier], key: &str) -> bool {
        self.dossiers_with_code(all, key).next().is_some()
    }

    /// The latest live 1–5 rating of the code of `key` given before `end` (UTC milliseconds):
    /// its time and score. `all` is the slice of responses the timeline was built from.
    pub fn latest_rating(&self, all: &[Response], key: &str, end: Millis) -> Option<(Millis, u8)> {
        let h = key_hash(key);
        let lo = self.ratings.partition_point(|r| r.0 < h);
        let hi = self.ratings.partition_point(|r| r.0 < h || (r.0 == h && r.1 < end));
        self.ratings[lo..hi.max(lo)]
            .iter()
            .rev()
            .filter_map(|&(_, t, i)| all.get(i as usize).map(|r| (t, r)))
            .find(|(_, r)| same_key(&r.dossier_code, key))
            .map(|(t, r)| (t, r.overall))
    }

    /// The live responses created in `span` (UTC milliseconds, end exclusive), oldest first.
    /// `all` is the slice the timeline was built from.
    pub fn responses<'a>(&'a self, all: &'a [Response], span: std::ops::Range<Millis>) -> impl Iterator<Item = &'a Response> + 'a {
        let lo = self.responses.partition_point(|(t, _)| *t < span.start);
        let hi = self.responses.partition_point(|(t, _)| *t < span.end);
        // `get`: a timeline read against other slices than its own yields less, never panics.
        self.responses[lo..hi.max(lo)].iter().filter_map(move |(_, i)| all.get(*i as usize))
    }

    /// The live dossiers that can count in `period`: received by its last day, and received in
    /// it or not yet ended when it began (carried over).
    pub fn dossiers<'a>(&'a self, all: &'a [Dossier], period: &Period) -> impl Iterator<Item = &'a Dossier> + 'a {
        // Ended at `from` − 1 s or before: it did not carry over (as `report::state_at` sees it).
        let start = day_secs(period.from) - 1;
        let lo = self.dossiers.partition_point(|s| s.received < day_secs(period.from));
        let hi = self.dossiers.partition_point(|s| s.received < day_secs(period.to) + 86_400).max(lo);
        let carried = self.dossiers[..lo].iter().filter(move |s| s.ended > start);
        carried.chain(&self.dossiers[lo..hi]).filter_map(move |s| all.get(s.at as usize))
    }

    /// The live dossiers resolved on a day of `period`, whenever they came.
    pub fn resolved_in<'a>(&'a self, all: &'a [Dossier], period: &Period) -> impl Iterator<Item = &'a Dossier> + 'a {
        self.on_days_of(all, period, |s| s.resolved)
    }

    /// The live dossiers whose result was handed over on a day of `period`, whenever they came.
    pub fn returned_in<'a>(&'a self, all: &'a [Dossier], period: &Period) -> impl Iterator<Item = &'a Dossier> + 'a {
        self.on_days_of(all, period, |s| s.returned)
    }

    fn on_days_of<'a>(&'a self, all: &'a [Dossier], period: &Period, when: fn(&Span) -> i64) -> impl Iterator<Item = &'a Dossier> + 'a {
        let (from, to) = (day_secs(period.from), day_secs(period.to) + 86_400);
        self.dossiers
            .iter()
            .filter(move |s| (from..to).contains(&when(s)))
            .filter_map(move |s| all.get(s.at as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: u8, at: Millis, deleted: bool) -> Response {
        let mut r = crate::survey::response::sample(n, at);
        r.meta.deleted = deleted;
        r
    }

    #[test]
    fn responses_of_a_span_in_time_order_without_tombstones() {
        let rs = vec![r(1, 30, false), r(2, 10, false), r(3, 20, true), r(4, 40, false), r(5, 20, false)];
        let t = Timeline::new(&rs, &[]);
        let got: Vec<Millis> = t.responses(&rs, 10..40).map(|r| r.meta.created_at).collect();
        assert_eq!(got, vec![10, 20, 30]);
        assert_eq!(t.responses(&rs, 41..50).count(), 0);
        let (from, to) = (40, 10);
        assert_eq!(t.responses(&rs, from..to).count(), 0, "an empty span");
    }

    #[test]
    fn dossiers_of_a_period_are_the_period_s_and_those_carried_over() {
        use crate::dossier::record::tests::{at, new};
        use crate::dossier::Status;
        let make = |n: u8, received: (u32, u32), resolved: Option<(u32, u32)>| {
            let (m, d) = received;
            let mut x = new(&format!("SCT-26{m:02}{d:02}-{n:04}"), "TM-02", at(2026, m, d, 9)).unwrap();
            x.meta.id = n.to_string();
            if let Some((m, d)) = resolved {
                x.transition(Status::Resolved, at(2026, m, d, 10), "", "").unwrap();
            }
            x
        };
        let ds = vec![
            make(1, (3, 2), None),          // in March
            make(2, (1, 5), Some((1, 20))), // ended in January
            make(3, (2, 5), Some((3, 10))), // carried over, resolved in March
            make(4, (2, 6), None),          // carried over, still open
            make(5, (4, 1), Some((4, 2))),  // after
        ];
        let t = Timeline::new(&[], &ds);
        let march = Period::month(2026, 3);
        let n = |d: &Dossier| d.code[11..].parse::<u8>().unwrap();
        let mut got: Vec<u8> = t.dossiers(&ds, &march).map(n).collect();
        got.sort_unstable();
        assert_eq!(got, vec![1, 3, 4]);
        let got: Vec<u8> = t.resolved_in(&ds, &march).map(n).collect();
        assert_eq!(got, vec![3]);
    }
}
