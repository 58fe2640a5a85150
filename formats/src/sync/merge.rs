//! Merge rules for file sync (shared/domain.md; issue "File sync").
//!
//! **Records** (responses, dossiers) match by id. Identical → nothing to do. Otherwise the
//! version with the later `updated_at` wins; equal times are decided by the greater device id,
//! then a tombstone over a live record, then the greater content (its JSON), so that every
//! tablet, whatever order it imports files in, keeps the same winner. A tombstone newer than
//! an edit therefore wins over it; an edit made after a delete brings the record back.
//!
//! **Documents**: questionnaire versions are append-only (a version number already here with
//! other content is a conflict, never an overwrite); catalogue entries merge by id and calendar
//! years by year, each with its own change time (later wins, then content); the calendar's
//! office hours and receipt-day rule likewise. Settings are per device and never imported.
//!
//! Because the winner of any pair is decided by a total order, merging is idempotent,
//! commutative and associative (proptest below), and never drops an id.

use crate::calendar::{WorkCalendar, YearCalendar};
use crate::dossier::{Dossier, Procedure};
use crate::record::Record;
use crate::survey::questionnaire::Questionnaire;
use serde::Serialize;
use std::cmp::Ordering;
// Ids are hashed by the hundred thousand when a file meets a decade: Fx is several times
// faster than the default SipHash here, and the data is the device's own (no flooding).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

/// Total order over two versions of the same record: `Greater` when `a` wins.
pub fn compare<T: Record + Serialize>(a: &T, b: &T) -> Ordering {
    let (ma, mb) = (a.meta(), b.meta());
    (ma.updated_at, &ma.device, ma.deleted)
        .cmp(&(mb.updated_at, &mb.device, mb.deleted))
        .then_with(|| content(a).cmp(&content(b)))
}

fn content<T: Serialize>(x: &T) -> String {
    serde_json::to_string(x).unwrap_or_default()
}

/// What one incoming item did, counted per kind for the preview and the receipt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Counts {
    /// Not here before.
    pub new: usize,
    /// Here, and the incoming version wins (a deletion apart: `deleted`).
    pub updated: usize,
    /// Live here, and the incoming version that wins deletes it (issue 21: a deletion is
    /// never counted as one more update).
    #[serde(default)]
    pub deleted: usize,
    /// Here and identical.
    pub unchanged: usize,
    /// Here, different, and ours wins (records: ours is the later change) or, for
    /// questionnaire versions, the same number with other content: kept as it is here.
    pub conflicting: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.new + self.updated + self.deleted + self.unchanged + self.conflicting
    }
    /// Whether anything would be written.
    pub fn changes(&self) -> usize {
        self.new + self.updated + self.deleted
    }
    pub fn add(&mut self, o: Counts) {
        self.new += o.new;
        self.updated += o.updated;
        self.deleted += o.deleted;
        self.unchanged += o.unchanged;
        self.conflicting += o.conflicting;
    }
}

/// Merge `incoming` records (by id) into what is here: `layers`, each a set of records whose
/// later layers replace the earlier ones' records of the same id (the device's records, then
/// the winners of the files planned before this one, which beat them). Returns the records to
/// write (new and winning updates, in incoming order), moved out of `incoming` (an import's
/// file holds 100 000 of them), and the counts. The layers are not changed.
pub fn merge_records<T: Record + Serialize + Clone + PartialEq>(layers: &[&[T]], incoming: Vec<T>) -> (Vec<T>, Counts) {
    merge_against(&current(layers, &incoming), incoming)
}

/// [`merge_records`] against `here`, the record here of each incoming id ([`current`]) when
/// the caller has looked it up already.
pub fn merge_against<T: Record + Serialize + Clone + PartialEq>(here: &HashMap<&str, &T>, incoming: Vec<T>) -> (Vec<T>, Counts) {
    let (keep, counts) = winners(here, &incoming);
    let out = incoming.into_iter().zip(keep).filter(|(_, k)| *k).map(|(r, _)| r).collect();
    (out, counts)
}

/// The record here of each id of `wanted`, as `layers` make it (a later layer's replaces an
/// earlier's). The smaller side is indexed: a month's file imported into a decade looks up
/// the decade's ids in the file's, not the other way round.
pub fn current<'a, T: Record>(layers: &[&'a [T]], wanted: &[T]) -> HashMap<&'a str, &'a T> {
    let here = layers.iter().map(|l| l.len()).sum::<usize>();
    let mut out = HashMap::with_capacity_and_hasher(here.min(wanted.len()), Default::default());
    if here <= wanted.len() {
        for r in layers.iter().flat_map(|l| l.iter()) {
            out.insert(r.meta().id.as_str(), r);
        }
    } else {
        let wanted: HashSet<&str> = wanted.iter().map(|r| r.meta().id.as_str()).collect();
        for r in layers.iter().flat_map(|l| l.iter()) {
            if wanted.contains(r.meta().id.as_str()) {
                out.insert(r.meta().id.as_str(), r);
            }
        }
    }
    out
}

/// Which of `incoming` are written (the first of the winning versions of each id), and the
/// counts, against `here` (the record here of each id, [`current`]).
fn winners<T: Record + Serialize + Clone + PartialEq>(here: &HashMap<&str, &T>, incoming: &[T]) -> (Vec<bool>, Counts) {
    let mut winners: HashMap<&str, &T> = HashMap::with_capacity_and_hasher(incoming.len(), Default::default());
    let mut counts = Counts::default();
    for r in incoming {
        let id = r.meta().id.as_str();
        // Within the incoming set too, one id keeps one winner.
        let current = winners.get(id).or_else(|| here.get(id)).copied();
        match current {
            None => {
                counts.new += 1;
                winners.insert(id, r);
            }
            Some(cur) if cur == r => counts.unchanged += 1,
            Some(cur) if compare(r, cur) == Ordering::Greater => {
                if r.meta().deleted && !cur.meta().deleted {
                    counts.deleted += 1;
                } else {
                    counts.updated += 1;
                }
                winners.insert(id, r);
            }
            Some(_) => counts.conflicting += 1,
        }
    }
    let mut seen = HashSet::with_capacity_and_hasher(winners.len(), Default::default());
    let keep = incoming
        .iter()
        .map(|r| {
            let id = r.meta().id.as_str();
            winners.get(id).is_some_and(|w| std::ptr::eq(*w, r)) && seen.insert(id)
        })
        .collect();
    (keep, counts)
}

/// Apply written records onto a full set (for tests and the in-memory state): the result has
/// every id once, each with its winner.
pub fn apply<T: Record + Serialize + Clone>(local: &mut Vec<T>, winners: Vec<T>) {
    if winners.is_empty() {
        return;
    }
    // The smaller side is indexed (a save merges one record into a decade; reading a decade
    // merges it into the few records a tab holds). `compare` is a total order, so the result
    // does not depend on which side is walked.
    if winners.len() < local.len() {
        apply_few(local, winners)
    } else {
        apply_many(local, winners)
    }
}

/// [`apply`] with `local` indexed.
fn apply_many<T: Record + Serialize + Clone>(local: &mut Vec<T>, winners: Vec<T>) {
    let mut index: HashMap<String, usize> = local.iter().enumerate().map(|(i, r)| (r.meta().id.clone(), i)).collect();
    for w in winners {
        match index.get(&w.meta().id) {
            Some(&i) => {
                if compare(&w, &local[i]) == Ordering::Greater {
                    local[i] = w;
                }
            }
            None => {
                index.insert(w.meta().id.clone(), local.len());
                local.push(w);
            }
        }
    }
}

/// [`apply`] for few winners: the best of each id among them (first-seen order), then one walk
/// over `local`; what is new is appended in that order.
fn apply_few<T: Record + Serialize + Clone>(local: &mut Vec<T>, winners: Vec<T>) {
    let mut best: Vec<Option<T>> = Vec::with_capacity(winners.len());
    let mut at: HashMap<String, usize> = HashMap::with_capacity_and_hasher(winners.len(), Default::default());
    for w in winners {
        match at.get(&w.meta().id) {
            Some(&i) => {
                if best[i].as_ref().is_some_and(|b| compare(&w, b) == Ordering::Greater) {
                    best[i] = Some(w);
                }
            }
            None => {
                at.insert(w.meta().id.clone(), best.len());
                best.push(Some(w));
            }
        }
    }
    for r in local.iter_mut() {
        if let Some(&i) = at.get(&r.meta().id) {
            if let Some(w) = best[i].take() {
                if compare(&w, r) == Ordering::Greater {
                    *r = w;
                }
            }
        }
    }
    local.extend(best.into_iter().flatten());
}

/// Questionnaire versions: append-only. Returns the versions to add and the counts.
pub fn merge_versions(local: &BTreeMap<u32, Questionnaire>, incoming: &[Questionnaire]) -> (Vec<Questionnaire>, Counts) {
    let mut add: Vec<Questionnaire> = Vec::new();
    let mut c = Counts::default();
    for q in incoming {
        let here = local.get(&q.version).or_else(|| add.iter().find(|a| a.version == q.version));
        match here {
            None => {
                c.new += 1;
                add.push(q.clone());
            }
            Some(h) if h == q => c.unchanged += 1,
            Some(_) => c.conflicting += 1,
        }
    }
    (add, c)
}

/// Something merged by key with its own change time.
pub trait Stamped: Serialize + Clone + PartialEq {
    fn key(&self) -> String;
    fn changed_at(&self) -> i64;
}

impl Stamped for Procedure {
    fn key(&self) -> String {
        self.id.clone()
    }
    fn changed_at(&self) -> i64 {
        self.changed_at
    }
}

impl Stamped for YearCalendar {
    fn key(&self) -> String {
        self.year.to_string()
    }
    fn changed_at(&self) -> i64 {
        self.changed_at
    }
}

fn stamped_wins<T: Stamped>(a: &T, b: &T) -> bool {
    (a.changed_at(), content(a)) > (b.changed_at(), content(b))
}

/// Merge entries by key: later change wins, then content. Returns the merged list (local order,
/// new keys appended) and the counts.
pub fn merge_stamped<T: Stamped>(local: &[T], incoming: &[T]) -> (Vec<T>, Counts) {
    let mut out = local.to_vec();
    let mut c = Counts::default();
    for x in incoming {
        match out.iter_mut().find(|o| o.key() == x.key()) {
            None => {
                c.new += 1;
                out.push(x.clone());
            }
            Some(o) if o == x => c.unchanged += 1,
            Some(o) if stamped_wins(x, o) => {
                c.updated += 1;
                *o = x.clone();
            }
            Some(_) => c.conflicting += 1,
        }
    }
    (out, c)
}

/// Merge a calendar: years by year, the office rules by their change time.
pub fn merge_calendar(local: &WorkCalendar, incoming: &WorkCalendar) -> (WorkCalendar, Counts) {
    // A file from a tablet of an earlier build carries that build's shipped years, never
    // edited (stamped 0) like this build's: brought up to this build's first, so that an old
    // 2026 without 24/11 never wins a tie of stamps against the corrected one.
    // Both sides alike, so that the merge stays commutative.
    let (mut local, mut incoming) = (local.clone(), incoming.clone());
    local.upgrade_shipped();
    incoming.upgrade_shipped();
    let (local, incoming) = (&local, &incoming);
    let (mut years, mut c) = merge_stamped(&local.years, &incoming.years);
    years.sort_unstable_by_key(|y| y.year);
    let rules = |w: &WorkCalendar| (w.rules_changed_at, content(&(w.office, w.count_receipt_day)));
    let take_incoming = rules(incoming) > rules(local);
    let same_rules = rules(incoming) == rules(local);
    let src = if take_incoming { incoming } else { local };
    if !same_rules {
        if take_incoming {
            c.updated += 1;
        } else {
            c.conflicting += 1;
        }
    }
    (
        WorkCalendar {
            years,
            office: src.office,
            count_receipt_day: src.count_receipt_day,
            rules_changed_at: src.rules_changed_at,
        },
        c,
    )
}

/// Dossier codes used by more than one live dossier (two tablets issued the same number):
/// shown to staff as conflicts to resolve by hand. Sorted by code.
pub fn code_conflicts(dossiers: &[Dossier]) -> Vec<(String, Vec<String>)> {
    conflicts_of(dossiers.iter())
}

/// [`code_conflicts`] of the dossiers `layers` make (a later layer's replace an earlier's of
/// the same id: the device's, then each planned file's winners), without making that set: an
/// import's preview of 50 000 dossiers, or of a month into a decade.
pub fn code_conflicts_after(layers: &[&[Dossier]]) -> Vec<(String, Vec<String>)> {
    let Some((first, later)) = layers.split_first() else {
        return Vec::new();
    };
    // Walked from the last layer back: an id's first sight is its record in the set.
    let mut seen: HashSet<&str> = HashSet::default();
    let mut kept: Vec<&Dossier> = Vec::new();
    for d in later.iter().rev().flat_map(|l| l.iter()) {
        if seen.insert(d.meta.id.as_str()) {
            kept.push(d);
        }
    }
    conflicts_of(first.iter().filter(|d| !seen.contains(d.meta.id.as_str())).chain(kept))
}

fn conflicts_of<'a>(dossiers: impl Iterator<Item = &'a Dossier>) -> Vec<(String, Vec<String>)> {
    // A decade holds 140 000 codes and a handful of conflicts: the first id of each code is
    // kept by reference, and only a code met twice gets a list. (Sorting the pairs instead
    // is 4 times slower in the browser, whose string compares are byte by byte.)
    let live: Vec<&Dossier> = dossiers.filter(|d| !d.meta.deleted).collect();
    let mut first: HashMap<&str, &str> = HashMap::with_capacity_and_hasher(live.len(), Default::default());
    let mut more: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for d in live {
        let (code, id) = (d.code.as_str(), d.meta.id.as_str());
        match first.entry(code) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id);
            }
            std::collections::hash_map::Entry::Occupied(e) => more.entry(code).or_insert_with(|| vec![*e.get()]).push(id),
        }
    }
    more.into_iter()
        .map(|(c, ids)| {
            let mut ids: Vec<String> = ids.into_iter().map(str::to_string).collect();
            ids.sort_unstable();
            (c.to_string(), ids)
        })
        .collect()
}

/// The records of one kind merged from many sets, for tests: fold of [`merge_records`].
pub fn merge_all<T: Record + Serialize + Clone + PartialEq>(sets: &[Vec<T>]) -> Vec<T> {
    let mut acc: Vec<T> = Vec::new();
    for s in sets {
        let (w, _) = merge_records(&[&acc], s.clone());
        apply(&mut acc, w);
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Meta;
    use crate::survey::response::Response;
    use proptest::prelude::*;

    fn resp(id: u8, updated: i64, device: &str, o: u8, deleted: bool) -> Response {
        let mut meta = Meta::new([id; 16], 0, device);
        meta.updated_at = updated;
        meta.deleted = deleted;
        Response {
            digits: "54321".into(),
            overall: o,
            ..Response::blank(meta, 1)
        }
    }

    fn sorted(mut v: Vec<Response>) -> Vec<Response> {
        v.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        v
    }

    #[test]
    fn later_change_wins_identical_is_unchanged_older_is_a_conflict() {
        let local = vec![resp(1, 10, "a", 3, false), resp(2, 10, "a", 3, false)];
        let incoming = vec![
            resp(1, 20, "b", 5, false),
            resp(2, 10, "a", 3, false),
            resp(3, 5, "b", 1, false),
            resp(2, 5, "b", 1, false),
        ];
        let (w, c) = merge_records(&[&local], incoming);
        assert_eq!(
            c,
            Counts {
                new: 1,
                updated: 1,
                deleted: 0,
                unchanged: 1,
                conflicting: 1
            }
        );
        assert_eq!(w.len(), 2);
        let mut all = local.clone();
        apply(&mut all, w);
        assert_eq!(
            all.iter().find(|r| r.meta.id == resp(1, 0, "", 0, false).meta.id).unwrap().overall,
            5
        );
    }

    #[test]
    fn a_newer_tombstone_wins_and_an_older_one_does_not() {
        let live = resp(1, 10, "a", 3, false);
        let (w, c) = merge_records(&[std::slice::from_ref(&live)], vec![resp(1, 11, "b", 3, true)]);
        assert!(w[0].meta.deleted);
        assert_eq!((c.deleted, c.updated), (1, 0), "a deletion is counted apart from updates");
        let (w, c) = merge_records(&[&[live]], vec![resp(1, 9, "b", 3, true)]);
        assert!(w.is_empty() && c.conflicting == 1, "an edit after the delete stays");
        // Equal times and devices: the tombstone is the winner.
        let (w, _) = merge_records(&[&[resp(1, 10, "a", 3, false)]], vec![resp(1, 10, "a", 3, true)]);
        assert!(w[0].meta.deleted);
    }

    #[test]
    fn questionnaire_versions_are_append_only() {
        let mut local = BTreeMap::new();
        local.insert(1, Questionnaire::sipas());
        let mut other = Questionnaire::short();
        other.version = 1;
        let mut v2 = Questionnaire::short();
        v2.version = 2;
        let (add, c) = merge_versions(&local, &[Questionnaire::sipas(), other, v2.clone()]);
        assert_eq!(add, vec![v2]);
        assert_eq!((c.new, c.unchanged, c.conflicting), (1, 1, 1));
    }

    #[test]
    fn catalogue_entries_and_calendar_years_merge_by_their_change_time() {
        let cat = crate::dossier::default_catalogue();
        let mut edited = cat.clone();
        edited[0].days = 7;
        edited[0].changed_at = 100;
        let mut added = cat[1].clone();
        added.id = "XX-01".into();
        edited.push(added);
        let (m, c) = merge_stamped(&cat, &edited);
        assert_eq!(m[0].days, 7);
        assert_eq!((c.new, c.updated), (1, 1));
        // The other way round the edit still wins: it is the later change.
        let (m2, c2) = merge_stamped(&edited, &cat);
        assert_eq!(m2[0].days, 7);
        assert_eq!(c2.conflicting, 1);

        let base = WorkCalendar::default();
        let mut newer = base.clone();
        newer.set_year(YearCalendar {
            changed_at: 5,
            ..YearCalendar::parse(2027, "01/01/2027", "", "").unwrap()
        });
        newer.count_receipt_day = true;
        newer.rules_changed_at = 9;
        let (m, _) = merge_calendar(&base, &newer);
        let (m2, _) = merge_calendar(&newer, &base);
        assert_eq!(m, m2);
        assert!(m.count_receipt_day && m.is_confirmed(2027));
    }

    #[test]
    fn conflicts_after_a_plan_are_those_of_the_merged_set() {
        use crate::dossier::record::test_support::{at, new};
        let mk = |code: &str, id: &str, updated: i64, deleted: bool| {
            let mut d = new(code, "TM-02", at(2025, 2, 3, 9)).unwrap();
            d.meta.id = id.into();
            d.meta.updated_at = updated;
            d.meta.deleted = deleted;
            d
        };
        let local = vec![
            mk("SCT-250203-0001", "a", 1, false),
            mk("SCT-250203-0002", "b", 1, false),
            mk("SCT-250203-0003", "c", 1, false),
        ];
        let incoming = vec![
            mk("SCT-250203-0001", "x", 2, false),
            mk("SCT-250203-0002", "b", 5, true),
            mk("SCT-250203-0003", "y", 2, false),
            mk("SCT-250203-0003", "z", 2, false),
        ];
        let (winners, _) = merge_records(&[&local], incoming);
        let mut merged = local.clone();
        apply(&mut merged, winners.clone());
        assert_eq!(code_conflicts_after(&[&local, &winners]), code_conflicts(&merged));
        assert_eq!(
            code_conflicts_after(&[&merged, &winners]),
            code_conflicts(&merged),
            "a plan applied already"
        );
        assert_eq!(code_conflicts_after(&[&local]), code_conflicts(&local));
        assert_eq!(code_conflicts(&merged).len(), 2);
    }

    #[test]
    fn the_same_code_on_two_ids_is_a_conflict() {
        use crate::dossier::record::test_support::{at, new};
        let a = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        let mut b = a.clone();
        b.meta.id = "other".into();
        let mut gone = a.clone();
        gone.meta.id = "gone".into();
        gone.meta.deleted = true;
        let conflicts = code_conflicts(&[a.clone(), b, gone]);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].1.len(), 2);
    }

    /// Random versions of a few ids from three devices.
    fn arb_set() -> impl Strategy<Value = Vec<Response>> {
        prop::collection::vec(
            (
                0u8..6,
                0i64..5,
                prop::sample::select(vec!["dev-a", "dev-b", "dev-c"]),
                1u8..=5,
                any::<bool>(),
            ),
            0..12,
        )
        .prop_map(|v| {
            let mut out: Vec<Response> = Vec::new();
            for (id, t, d, o, x) in v {
                // One version per id per file (files never hold an id twice).
                if out.iter().all(|r| r.meta.id != resp(id, 0, "", 0, false).meta.id) {
                    out.push(resp(id, t, d, o, x));
                }
            }
            out
        })
    }

    proptest! {
        /// Layers (the device's records, then an earlier file's winners) merge a file as the
        /// set they make would, whichever side `current` indexes (the sizes vary).
        #[test]
        fn merging_over_layers_is_merging_into_the_set_they_make(a in arb_set(), b in arb_set(), c in arb_set()) {
            let (wb, _) = merge_records(&[&a], b);
            let mut folded = a.clone();
            apply(&mut folded, wb.clone());
            let (w_layers, n_layers) = merge_records(&[&a, &wb], c.clone());
            let (w_folded, n_folded) = merge_records(&[&folded], c.clone());
            prop_assert_eq!(w_layers, w_folded);
            prop_assert_eq!(n_layers, n_folded);
            let (mut big, mut small) = (current(&[&a, &wb], &c), current(&[&folded], &c));
            big.retain(|id, _| c.iter().any(|r| r.meta.id == *id));
            small.retain(|id, _| c.iter().any(|r| r.meta.id == *id));
            prop_assert_eq!(big, small);
        }

        #[test]
        fn merge_is_idempotent_commutative_associative_and_never_drops(a in arb_set(), b in arb_set(), c in arb_set()) {
            let ab = sorted(merge_all(&[a.clone(), b.clone()]));
            let ba = sorted(merge_all(&[b.clone(), a.clone()]));
            prop_assert_eq!(&ab, &ba);
            let abab = sorted(merge_all(&[a.clone(), b.clone(), a.clone(), b.clone()]));
            prop_assert_eq!(&ab, &abab);
            let ab_c = sorted(merge_all(&[ab.clone(), c.clone()]));
            let bc = sorted(merge_all(&[b.clone(), c.clone()]));
            let a_bc = sorted(merge_all(&[a.clone(), bc]));
            prop_assert_eq!(&ab_c, &a_bc);
            // Every id from every set is there, once.
            let mut ids: Vec<_> = a.iter().chain(&b).chain(&c).map(|r| r.meta.id.clone()).collect();
            ids.sort();
            ids.dedup();
            let got: Vec<_> = ab_c.iter().map(|r| r.meta.id.clone()).collect();
            prop_assert_eq!(got, ids);
            // Re-importing a merged set changes nothing.
            let (w, counts) = merge_records(&[&ab_c], ab_c.clone());
            prop_assert!(w.is_empty());
            prop_assert_eq!(counts.unchanged, ab_c.len());
        }

        #[test]
        fn apply_gives_the_same_whichever_side_is_indexed(a in arb_set(), b in arb_set(), c in arb_set()) {
            // Winners with an id twice (b and c overlap) and ids old and new.
            let winners: Vec<Response> = b.iter().chain(&c).cloned().collect();
            let mut by_local = a.clone();
            apply_many(&mut by_local, winners.clone());
            let mut by_winners = a.clone();
            apply_few(&mut by_winners, winners);
            prop_assert_eq!(by_local, by_winners);
        }
    }

    #[test]
    fn an_earlier_build_s_shipped_2026_never_undoes_24_11() {
        let here = WorkCalendar::default();
        let mut old = WorkCalendar::default();
        for y in old.years.iter_mut().filter(|y| y.year == 2026) {
            y.days_off.remove(&chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        }
        old.years.retain(|y| y.year != 2027);
        let (merged, counts) = merge_calendar(&here, &old);
        assert_eq!(merged, here);
        assert_eq!(counts.updated, 0);
        // Nor the other way round: a tablet of this build takes the file in either order.
        assert_eq!(merge_calendar(&old, &here).0, here);
    }
}
