//! Where citizens give up: per questionnaire version, how many started the questionnaire,
//! how many sent it, how long that took, and at which screen the others left. Anonymous by
//! construction: counts per version, screen and month, never one record per citizen and never
//! an answer.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How one visit to the kiosk ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// A one-tap rating on the welcome screen (whatever follows).
    Quick { version: u32 },
    /// The questionnaire was sent, `seconds` after it was started.
    Completed { version: u32, seconds: u32, after_quick: bool },
    /// Left idle or taken back to the start at screen `reached` (1-based).
    Abandoned { version: u32, reached: u32, seconds: u32 },
}

/// Completion times are kept in buckets of this many seconds.
pub const BUCKET_SECONDS: u32 = 5;

/// One version's counts in one month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionFunnel {
    #[serde(default)]
    pub quick: u32,
    /// Completed questionnaires that began with a one-tap rating.
    #[serde(default)]
    pub continued: u32,
    #[serde(default)]
    pub completed: u32,
    /// Abandoned questionnaires by the furthest screen reached.
    #[serde(default)]
    pub abandoned_at: BTreeMap<u32, u32>,
    /// Completion times: bucket `i` holds `[5i, 5i + 5)` seconds.
    #[serde(default)]
    pub complete_secs: BTreeMap<u32, u32>,
}

/// One month of a device's funnel (stored as one small document per month).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    pub versions: BTreeMap<u32, VersionFunnel>,
}

impl Funnel {
    pub fn record(&mut self, e: Ending) {
        match e {
            Ending::Quick { version } => self.versions.entry(version).or_default().quick += 1,
            Ending::Completed {
                version,
                seconds,
                after_quick,
            } => {
                let v = self.versions.entry(version).or_default();
                v.completed += 1;
                v.continued += u32::from(after_quick);
                *v.complete_secs.entry(seconds / BUCKET_SECONDS).or_default() += 1;
            }
            Ending::Abandoned { version, reached, .. } => {
                *self.versions.entry(version).or_default().abandoned_at.entry(reached).or_default() += 1;
            }
        }
    }

    /// Months (or devices) added together.
    pub fn add(&mut self, other: &Funnel) {
        for (ver, o) in &other.versions {
            let v = self.versions.entry(*ver).or_default();
            v.quick += o.quick;
            v.continued += o.continued;
            v.completed += o.completed;
            for (k, n) in &o.abandoned_at {
                *v.abandoned_at.entry(*k).or_default() += n;
            }
            for (k, n) in &o.complete_secs {
                *v.complete_secs.entry(*k).or_default() += n;
            }
        }
    }
}

/// What staff see for one version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelStats {
    pub version: u32,
    pub quick: u32,
    pub started: u32,
    pub completed: u32,
    /// Median time to complete, seconds (the middle of its 5-second bucket).
    pub median_seconds: Option<u32>,
    /// The screen where most gave up, and how many.
    pub worst: Option<(u32, u32)>,
    /// Abandoned per screen, in screen order.
    pub abandoned_at: Vec<(u32, u32)>,
}

impl FunnelStats {
    /// Completion rate as the share rule prints it (`format::share`).
    pub fn completion_text(&self) -> String {
        crate::format::share(u64::from(self.completed), u64::from(self.started))
    }
}

fn median_bucket(h: &BTreeMap<u32, u32>) -> Option<u32> {
    let n: u32 = h.values().sum();
    if n == 0 {
        return None;
    }
    // The lower median: the ((n + 1) / 2)-th smallest time.
    let target = n.div_ceil(2);
    let mut seen = 0;
    for (b, c) in h {
        seen += c;
        if seen >= target {
            return Some(b * BUCKET_SECONDS + BUCKET_SECONDS / 2);
        }
    }
    None
}

/// Per version, newest first.
pub fn stats(f: &Funnel) -> Vec<FunnelStats> {
    f.versions
        .iter()
        .rev()
        .map(|(ver, v)| {
            let abandoned: u32 = v.abandoned_at.values().sum();
            let worst = v
                .abandoned_at
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(k, n)| (*k, *n));
            FunnelStats {
                version: *ver,
                quick: v.quick,
                started: v.completed + abandoned,
                completed: v.completed,
                median_seconds: median_bucket(&v.complete_secs),
                worst,
                abandoned_at: v.abandoned_at.iter().map(|(k, n)| (*k, *n)).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::kiosk::{KioskFlow, Step};
    use crate::survey::questionnaire::Questionnaire;

    #[test]
    fn the_funnel_counts_per_version_and_question() {
        let mut f = Funnel::default();
        for s in [30, 40, 50, 200] {
            f.record(Ending::Completed {
                version: 2,
                seconds: s,
                after_quick: s == 50,
            });
        }
        for reached in [5, 5, 5, 2] {
            f.record(Ending::Abandoned {
                version: 2,
                reached,
                seconds: 20,
            });
        }
        f.record(Ending::Quick { version: 2 });
        f.record(Ending::Completed {
            version: 1,
            seconds: 10,
            after_quick: false,
        });
        let s = stats(&f);
        assert_eq!(s[0].version, 2, "newest first");
        assert_eq!((s[0].started, s[0].completed, s[0].quick), (8, 4, 1));
        assert_eq!(s[0].completion_text(), "50%");
        assert_eq!(s[0].worst, Some((5, 3)));
        // Times 30, 40, 50, 200: the lower median 40 s falls in the 40–44 bucket.
        assert_eq!(s[0].median_seconds, Some(42));
        assert_eq!(s[1].started, 1);
        let mut twice = f.clone();
        twice.add(&f);
        assert_eq!(stats(&twice)[0].started, 16);
    }

    #[test]
    fn leaving_at_question_five_is_recorded_without_answers() {
        let mut k = KioskFlow::new(Questionnaire::sipas(), 0);
        k.start(0);
        for _ in 0..4 {
            k.choose(4, 1000);
        }
        assert_eq!(k.step, Step::Screen(4), "question 5 on screen");
        // Left idle.
        k.tick(1000 + k.idle_seconds * 1000);
        let e = k.take_ending().unwrap();
        assert_eq!(
            e,
            Ending::Abandoned {
                version: 1,
                reached: 5,
                seconds: 1
            }
        );
        assert!(k.take_ending().is_none(), "taken once");
        // Back from the first question is "back to start": abandoned at screen 1.
        k.start(0);
        k.back(10);
        assert_eq!(k.step, Step::Welcome);
        assert!(matches!(k.take_ending(), Some(Ending::Abandoned { reached: 1, .. })));
    }
}
