//! "Hoàn tác lần nhập cuối" (issue 21): what the last import replaced, kept so that a person can
//! put it back. A merge keeps the later stamp, so a file from a tablet whose clock ran ahead (or
//! an attacker's) wins every record it names; undo is the way back that does not depend on
//! stamps: the replaced versions are written back as they were, and the records the import
//! added are removed.
//!
//! Kept until the next import, or for [`KEEP_MS`]. A record changed on this device after the
//! import is left as it is (undo never takes back an officer's later work) and counted.

use crate::record::{Millis, Record};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long an import can be undone: a week, long enough to notice a wrong file, short enough
/// that the replaced versions do not hold storage for long [I].
pub const KEEP_MS: Millis = 7 * 86_400_000;
/// The largest undo kept (UTF-16 units of its JSON, a fifth of the store): a bigger import is
/// written without one, and says so.
pub const MAX_UNITS: usize = 1_000_000;
/// At most this many ids come out of the stored runs (a damaged or hostile document cannot
/// make the page loop).
const MAX_IDS: u64 = 2_000_000;

/// What to put back for one kind of record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: serde::de::DeserializeOwned"))]
pub struct Restore<T> {
    /// The versions the import replaced, as they were.
    #[serde(default)]
    pub put_back: Vec<T>,
    /// The records the import added, by month (`YYYY-MM`, the chunk they are stored in), as
    /// runs of ids ([`id_runs`]).
    #[serde(default)]
    pub remove: BTreeMap<String, Vec<String>>,
}

impl<T> Default for Restore<T> {
    fn default() -> Self {
        Restore {
            put_back: Vec::new(),
            remove: BTreeMap::new(),
        }
    }
}

/// The undo of one import.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Undo {
    /// When the import was written (this device's clock).
    pub at: Millis,
    /// The device that wrote it: a record it changed after `at` is its officer's later work.
    pub device: String,
    pub responses: Restore<crate::survey::response::Response>,
    pub dossiers: Restore<crate::dossier::Dossier>,
}

/// What an undo did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UndoCounts {
    pub put_back: usize,
    pub removed: usize,
    /// Changed on this device after the import: left as they are.
    pub kept: usize,
}

impl UndoCounts {
    pub fn add(&mut self, o: UndoCounts) {
        self.put_back += o.put_back;
        self.removed += o.removed;
        self.kept += o.kept;
    }
}

/// What undoing the import of `winners` into `here` must do: put back the version `here` held
/// of each record the import replaced, remove each record it added.
pub fn restore_of<'a, T: Record + Clone + 'a>(here: &[T], winners: impl IntoIterator<Item = &'a T>) -> Restore<T> {
    let by_id: std::collections::HashMap<&str, &T> = here.iter().map(|r| (r.meta().id.as_str(), r)).collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Restore::default();
    let mut added: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for w in winners {
        let id = w.meta().id.as_str();
        if !seen.insert(id) {
            continue;
        }
        match by_id.get(id) {
            Some(old) => out.put_back.push((*old).clone()),
            None => added.entry(crate::codec::period_of(w.meta().created_at)).or_default().push(id),
        }
    }
    out.remove = added.into_iter().map(|(m, ids)| (m, id_runs(ids))).collect();
    out
}

impl<T: Record + Clone> Restore<T> {
    /// The months (`YYYY-MM`) whose records the undo changes.
    pub fn months(&self) -> std::collections::BTreeSet<String> {
        self.put_back
            .iter()
            .map(|r| crate::codec::period_of(r.meta().created_at))
            .chain(self.remove.keys().cloned())
            .collect()
    }

    /// Undo in `all` (every record, or one month's): each replaced version put back and each
    /// added record removed, unless `device` changed it after `at`.
    pub fn apply(&self, all: &mut Vec<T>, at: Millis, device: &str) -> UndoCounts {
        let later_work = |r: &T| r.meta().device == device && r.meta().updated_at >= at;
        let mut counts = UndoCounts::default();
        let index: std::collections::HashMap<String, usize> = all.iter().enumerate().map(|(i, r)| (r.meta().id.clone(), i)).collect();
        for old in &self.put_back {
            match index.get(&old.meta().id) {
                Some(&i) if later_work(&all[i]) => counts.kept += 1,
                Some(&i) => {
                    all[i] = old.clone();
                    counts.put_back += 1;
                }
                // Not among these records (another month's, or removed since): nothing to do.
                None => {}
            }
        }
        let mut gone = std::collections::HashSet::new();
        for runs in self.remove.values() {
            for id in expand_runs(runs) {
                if let Some(&i) = index.get(&id) {
                    if later_work(&all[i]) {
                        counts.kept += 1;
                    } else {
                        gone.insert(i);
                    }
                }
            }
        }
        if !gone.is_empty() {
            counts.removed = gone.len();
            let mut i = 0;
            all.retain(|_| {
                i += 1;
                !gone.contains(&(i - 1))
            });
        }
        counts
    }
}

impl Undo {
    /// Whether it may still be used at `now` (a clock set back keeps it).
    pub fn usable(&self, now: Millis) -> bool {
        now < self.at.saturating_add(KEEP_MS)
    }

    /// How many records it would put back and remove (the button's words).
    pub fn size(&self) -> (usize, usize) {
        let removed = |m: &BTreeMap<String, Vec<String>>| m.values().map(|r| runs_len(r)).sum::<usize>();
        (
            self.responses.put_back.len() + self.dossiers.put_back.len(),
            removed(&self.responses.remove) + removed(&self.dossiers.remove),
        )
    }

    /// Undo in every record held (the shell does the same month by month in storage).
    pub fn apply(&self, responses: &mut Vec<crate::survey::response::Response>, dossiers: &mut Vec<crate::dossier::Dossier>) -> UndoCounts {
        let mut c = self.responses.apply(responses, self.at, &self.device);
        c.add(self.dossiers.apply(dossiers, self.at, &self.device));
        c
    }
}

/// Ids as runs: `{id}+{n}` for an id and the n ids that follow it by one in their last 16 hex
/// digits (a tab's ids are a random prefix and a counter, `record::IdSource`, so a tablet's
/// file is a few runs); any other id as `={id}`.
pub fn id_runs(mut ids: Vec<&str>) -> Vec<String> {
    ids.sort_unstable();
    ids.dedup();
    let counter = |id: &str| -> Option<u64> {
        let hex = id.len() == 32 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        hex.then(|| u64::from_str_radix(&id[16..], 16).ok()).flatten()
    };
    let mut out: Vec<String> = Vec::new();
    // The run open: its first id, its counter, how many follow.
    let mut run: Option<(&str, u64, u64)> = None;
    for id in ids {
        match (counter(id), &mut run) {
            (Some(c), Some((first, at, n))) if first[..16] == id[..16] && at.checked_add(*n + 1) == Some(c) => *n += 1,
            (c, _) => {
                if let Some((first, _, n)) = run.take() {
                    out.push(format!("{first}+{n}"));
                }
                match c {
                    Some(c) => run = Some((id, c, 0)),
                    None => out.push(format!("={id}")),
                }
            }
        }
    }
    if let Some((first, _, n)) = run {
        out.push(format!("{first}+{n}"));
    }
    out
}

/// One stored run read back: an id standing alone (`={id}`), or a prefix, the counter of its
/// first id and how many follow (capped so that the run stays within `MAX_IDS` and the
/// counter's range).
enum Run<'a> {
    Alone(&'a str),
    Counted { prefix: &'a str, first: u64, more: u64 },
}

/// A stored run, or `None` for one that cannot be read (it gives no id).
fn read_run(r: &str) -> Option<Run<'_>> {
    if let Some(id) = r.strip_prefix('=') {
        return Some(Run::Alone(id));
    }
    let (id, n) = r.split_once('+')?;
    let hex = id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit());
    let first = hex.then(|| u64::from_str_radix(&id[16..], 16).ok()).flatten()?;
    let more = n.parse::<u64>().ok()?.min(MAX_IDS).min(u64::MAX - first);
    Some(Run::Counted {
        prefix: &id[..16],
        first,
        more,
    })
}

/// The ids of [`id_runs`]' runs, at most `MAX_IDS` of them; a run it cannot read gives none.
pub fn expand_runs(runs: &[String]) -> impl Iterator<Item = String> + '_ {
    runs.iter()
        .filter_map(|r| read_run(r))
        .flat_map(|run| -> Box<dyn Iterator<Item = String> + '_> {
            match run {
                Run::Alone(id) => Box::new(std::iter::once(id.to_string())),
                Run::Counted { prefix, first, more } => Box::new((first..=first + more).map(move |c| format!("{prefix}{c:016x}"))),
            }
        })
        .take(MAX_IDS as usize)
}

/// How many ids [`expand_runs`] gives, without making them (the undo's summary).
pub fn runs_len(runs: &[String]) -> usize {
    let n = runs
        .iter()
        .filter_map(|r| read_run(r))
        .map(|run| match run {
            Run::Alone(_) => 1,
            Run::Counted { more, .. } => more + 1,
        })
        .fold(0u64, u64::saturating_add);
    n.min(MAX_IDS) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{default_catalogue, Dossier, NewDossier};
    use crate::record::{IdSource, Meta};

    #[test]
    fn a_tablets_ids_are_kept_as_a_few_runs() {
        let mut src = IdSource::new([7; 8]);
        let ids: Vec<String> = (0..500).map(|_| crate::record::new_id(src.next_bytes())).collect();
        let mut all: Vec<&str> = ids.iter().map(String::as_str).collect();
        all.push("not-a-uuid");
        all.push("0123456789abcdef0123456789abcdef");
        let runs = id_runs(all.clone());
        assert!(runs.len() <= 3, "{runs:?}");
        assert_eq!(runs_len(&runs), all.len());
        let mut back: Vec<String> = expand_runs(&runs).collect();
        back.sort();
        let mut want: Vec<String> = all.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(back, want);
        // A damaged run cannot make the page loop or panic.
        assert_eq!(
            expand_runs(&["ffffffffffffffffffffffffffffffff+99999999999999".to_string()]).count(),
            1
        );
        let huge = ["0000000000000000ffffffff00000000+18446744073709551615".to_string()];
        assert!(expand_runs(&huge).count() <= MAX_IDS as usize);
        assert_eq!(runs_len(&huge), expand_runs(&huge).count());
        assert_eq!(runs_len(&["ffffffffffffffffffffffffffffffff+99999999999999".to_string()]), 1);
        assert_eq!(expand_runs(&["x+5".to_string(), "é+".to_string(), "é".to_string()]).count(), 0);
        assert_eq!(id_runs(vec!["a+1"]), ["=a+1"], "an id that looks like a run stays itself");
        assert_eq!(expand_runs(&id_runs(vec!["a+1"])).collect::<Vec<_>>(), ["a+1"]);
    }

    fn dossier(n: u8, device: &str, updated: Millis) -> Dossier {
        let cat = default_catalogue();
        let received = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let mut meta = Meta::new([n; 16], 1_772_000_000_000, device);
        meta.updated_at = updated;
        let input = NewDossier {
            code: format!("SCT-260302-{n:04}"),
            procedure: cat[0].id.clone(),
            applicant: format!("Công ty {n}"),
            received: Some(received),
            ..Default::default()
        };
        Dossier::create(input, &cat, &Default::default(), std::iter::empty(), meta).unwrap()
    }

    #[test]
    fn undo_puts_back_what_an_import_replaced_and_keeps_later_work() {
        let here = vec![dossier(1, "me", 10), dossier(2, "me", 10)];
        // A future-stamped tombstone for 1, a new record 3, a new record 4.
        let mut tomb = dossier(1, "them", 4_000_000_000_000);
        tomb.delete();
        let winners = vec![tomb.clone(), dossier(3, "them", 20), dossier(4, "them", 20)];
        let r = restore_of(&here, &winners);
        assert_eq!(r.put_back, vec![here[0].clone()]);
        assert_eq!(r.remove.values().map(|v| expand_runs(v).count()).sum::<usize>(), 2);
        let undo = Undo {
            at: 1_000,
            device: "me".into(),
            dossiers: r,
            ..Default::default()
        };
        assert_eq!(undo.size(), (1, 2));
        let mut after = vec![tomb, here[1].clone(), dossier(3, "them", 20), dossier(4, "them", 20)];
        // An officer changed record 4 on this tablet after the import.
        after[3].meta.touch(2_000, "me");
        let mut rs = Vec::new();
        let c = undo.apply(&mut rs, &mut after);
        assert_eq!(
            c,
            UndoCounts {
                put_back: 1,
                removed: 1,
                kept: 1
            }
        );
        assert_eq!(after[0], here[0], "the deleted dossier is back exactly");
        assert_eq!(
            after.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(),
            ["SCT-260302-0001", "SCT-260302-0002", "SCT-260302-0004"]
        );
        assert!(undo.usable(1_000 + KEEP_MS - 1) && !undo.usable(1_000 + KEEP_MS) && undo.usable(0));
        // Stored and read back as it was.
        let back: Undo = serde_json::from_str(&serde_json::to_string(&undo).unwrap()).unwrap();
        assert_eq!(back, undo);
    }
}
