//! The satisfaction index (chỉ số hài lòng), as documented in `shared/domain.md`:
//!
//! - item % = answers 4 or 5 / valid answers × 100
//! - group index = mean of its items' % (items with no valid answer are left out)
//! - overall index = mean of the group indices (groups with no data are left out)
//!
//! plus the mean score (1–5) over all valid item answers and the number of responses n.
//! A zero denominator gives `None` ("no data"), never NaN.

use super::questionnaire::Questionnaire;
use super::response::Response;
use std::collections::BTreeMap;

/// The formula as shown to users beside the index.
pub const FORMULA_VI: &str = "Tỷ lệ hài lòng của câu hỏi = số ý kiến 4–5 điểm / số ý kiến hợp lệ × 100%; chỉ số nhóm = trung bình các câu hỏi trong nhóm; chỉ số chung = trung bình các nhóm.";
pub const FORMULA_EN: &str =
    "Item % = answers of 4–5 / valid answers × 100%; group index = mean of its items; overall index = mean of the groups.";

/// Counts for one question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub valid: u32,
    pub satisfied: u32,
    pub sum: u32,
}

impl Tally {
    pub fn add(&mut self, v: u8) {
        self.valid += 1;
        self.sum += v as u32;
        if v >= 4 {
            self.satisfied += 1;
        }
    }
    pub fn percent(&self) -> Option<f64> {
        (self.valid > 0).then(|| self.satisfied as f64 * 100.0 / self.valid as f64)
    }
    pub fn mean(&self) -> Option<f64> {
        (self.valid > 0).then(|| self.sum as f64 / self.valid as f64)
    }
}

/// The computed index over a set of responses.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SatisfactionIndex {
    /// Number of responses (not tombstoned).
    pub n: u32,
    pub items: BTreeMap<String, Tally>,
    /// Group id → group index in %, `None` when none of its items has data.
    pub groups: BTreeMap<String, Option<f64>>,
    pub overall: Option<f64>,
    /// Mean of all valid item answers, 1–5.
    pub mean_score: Option<f64>,
    /// The separate "overall satisfaction" question.
    pub overall_question: Tally,
}

fn mean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (s, n) = xs.fold((0.0, 0u32), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| s / n as f64)
}

/// Compute the index. `versions` must hold every questionnaire version the responses answered;
/// a response whose version is unknown still counts in n and in the overall question.
pub fn compute<'a>(responses: impl IntoIterator<Item = &'a Response>, versions: &BTreeMap<u32, Questionnaire>) -> SatisfactionIndex {
    let mut ix = SatisfactionIndex::default();
    let mut item_group: BTreeMap<String, String> = BTreeMap::new();
    let mut all = Tally::default();
    for r in responses.into_iter().filter(|r| !r.meta.deleted) {
        ix.n += 1;
        if (1..=5).contains(&r.o) {
            ix.overall_question.add(r.o);
        }
        let Some(q) = versions.get(&r.q) else { continue };
        for (g, item, v) in r.answers(q) {
            item_group.entry(item.to_string()).or_insert_with(|| g.to_string());
            let t = ix.items.entry(item.to_string()).or_default();
            if let Some(v) = v {
                t.add(v);
                all.add(v);
            }
        }
    }
    let mut by_group: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (item, t) in &ix.items {
        let g = item_group[item].clone();
        let entry = by_group.entry(g).or_default();
        if let Some(p) = t.percent() {
            entry.push(p);
        }
    }
    ix.groups = by_group.into_iter().map(|(g, ps)| (g, mean(ps.into_iter()))).collect();
    ix.overall = mean(ix.groups.values().flatten().copied());
    ix.mean_score = all.mean();
    ix
}

/// Whether a result over `n` responses may be shown (anonymity threshold).
pub fn shown(n: u32, min_n: u32) -> bool {
    n >= min_n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Meta;
    use crate::survey::response::encode_answers;

    fn resp(q: u32, a: &[Option<u8>], o: u8) -> Response {
        Response {
            meta: Meta::new([1; 16], 1, "t"),
            q,
            a: encode_answers(a),
            o,
            v: None,
            p: String::new(),
            s: String::new(),
            k: String::new(),
        }
    }

    fn versions() -> BTreeMap<u32, Questionnaire> {
        let mut m = BTreeMap::new();
        m.insert(1, Questionnaire::short());
        m
    }

    #[test]
    fn empty_data_is_no_data_not_nan() {
        let ix = compute(&[], &versions());
        assert_eq!(ix.n, 0);
        assert_eq!(ix.overall, None);
        assert_eq!(ix.mean_score, None);
        assert!(ix.groups.is_empty());
    }

    #[test]
    fn hand_computed_example() {
        // Short form: groups a..e, one item each.
        let rs = vec![
            resp(1, &[Some(5), Some(4), Some(3), Some(2), Some(5)], 5),
            resp(1, &[Some(4), Some(2), Some(4), None, Some(1)], 3),
            resp(1, &[Some(1), Some(5), None, None, Some(4)], 4),
            resp(1, &[Some(3), None, None, None, None], 0),
        ];
        let ix = compute(&rs, &versions());
        assert_eq!(ix.n, 4);
        // a: 5,4,1,3 → 2 of 4 = 50 %
        assert_eq!(ix.groups["a"], Some(50.0));
        // b: 4,2,5 → 2 of 3 = 66.67 %
        assert!((ix.groups["b"].unwrap() - 200.0 / 3.0).abs() < 1e-9);
        // c: 3,4 → 1 of 2 = 50 %
        assert_eq!(ix.groups["c"], Some(50.0));
        // d: 2 → 0 %
        assert_eq!(ix.groups["d"], Some(0.0));
        // e: 5,1,4 → 2 of 3
        assert!((ix.groups["e"].unwrap() - 200.0 / 3.0).abs() < 1e-9);
        // overall: (50 + 66.667 + 50 + 0 + 66.667) / 5 = 46.667
        assert!((ix.overall.unwrap() - (50.0 + 200.0 / 3.0 + 50.0 + 0.0 + 200.0 / 3.0) / 5.0).abs() < 1e-9);
        // mean score: sum 5+4+3+2+5 + 4+2+4+1 + 1+5+4 + 3 = 43 over 13 answers
        assert!((ix.mean_score.unwrap() - 43.0 / 13.0).abs() < 1e-9);
        assert_eq!(
            ix.overall_question,
            Tally {
                valid: 3,
                satisfied: 2,
                sum: 12
            }
        );
    }

    #[test]
    fn group_mean_is_of_item_percent_not_of_answers() {
        // Full form, group a has 4 items; only items a1 (2 answers) and a2 (1 answer) answered.
        let mut m = BTreeMap::new();
        m.insert(2, Questionnaire::sipas());
        let mut a1 = vec![None; 19];
        a1[0] = Some(5);
        a1[1] = Some(1);
        let mut a2 = vec![None; 19];
        a2[0] = Some(5);
        let ix = compute(&[resp(2, &a1, 0), resp(2, &a2, 0)], &m);
        // a1: 2/2 = 100 %, a2: 0/1 = 0 % → group 50 % (not 2/3 of answers).
        assert_eq!(ix.groups["a"], Some(50.0));
        assert_eq!(ix.groups["b"], None, "no valid answers is no data");
        assert_eq!(ix.overall, Some(50.0), "groups without data are left out");
    }

    #[test]
    fn tombstones_and_unknown_versions() {
        let mut gone = resp(1, &[Some(1); 5], 1);
        gone.meta.deleted = true;
        let unknown = resp(9, &[Some(5); 5], 5);
        let ix = compute(&[gone, unknown], &versions());
        assert_eq!(ix.n, 1);
        assert_eq!(ix.overall, None);
        assert_eq!(ix.overall_question.valid, 1);
    }

    #[test]
    fn anonymity_threshold() {
        assert!(!shown(4, 5));
        assert!(shown(5, 5));
    }
}
