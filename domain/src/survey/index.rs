//! The satisfaction index (chỉ số hài lòng), as documented in `shared/domain.md`:
//!
//! - item % = answers 4 or 5 / valid answers × 100 ("Không áp dụng" and skips are not valid
//!   answers: counted as neither)
//! - group index = mean of its items' % (items with no valid answer are left out)
//! - overall index = mean of the group indices (groups with no data are left out)
//!
//! plus the mean score (1–5) over all valid item answers and the number of responses n.
//! A zero denominator gives `None` ("no data"), never NaN.
//!
//! **Mixed forms.** When full-form and short-form responses are pooled, a group is asked with
//! different item sets (four items, or the one short item). Each item set ("form" of the group)
//! gets its own group mean over the responses that used it, and the group index is the mean of
//! those, weighted by how many responses answered the group in each. With one form this is
//! exactly the formula above; the short item is never "one more item among five".

use super::questionnaire::Questionnaire;
use super::response::Response;
use std::collections::{BTreeMap, HashMap};

/// The formula as shown to users beside the index.
pub const FORMULA_VI: &str = "Mức độ hài lòng qua phiếu khảo sát tại quầy (theo câu hỏi; không phải chỉ số hài lòng SIPAS chính thức của tỉnh): tỷ lệ hài lòng của câu hỏi = số ý kiến 4–5 điểm / số ý kiến hợp lệ × 100% (không tính «Không áp dụng» và câu bỏ qua); chỉ số nhóm = trung bình các câu hỏi trong nhóm (phiếu đầy đủ và phiếu rút gọn tính riêng, rồi bình quân theo số phiếu); chỉ số chung = trung bình các nhóm; n = số phiếu có trả lời câu hỏi. Hài lòng chung: số đánh giá 4–5 điểm / tổng số đánh giá chung (kể cả đánh giá một chạm trên màn hình chào) × 100%; n = số đánh giá.";
pub const FORMULA_EN: &str = "Satisfaction measured by the desk survey (by item; not the province's official SIPAS index): item % = answers of 4–5 / valid answers × 100% (“not applicable” and skips left out); group index = mean of its items (full and short forms apart, then weighted by responses); overall index = mean of the groups; n = responses that answered items. Overall satisfaction: ratings of 4–5 / all overall ratings (one-tap ratings on the welcome screen included) × 100%; n = ratings.";

/// Counts for one question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub valid: u32,
    pub satisfied: u32,
    pub sum: u32,
    /// Answers of 1, 2, 3, 4 and 5 points (the distribution chart).
    pub points: [u32; 5],
}

impl Tally {
    pub fn add(&mut self, v: u8) {
        if let Some(p) = self.points.get_mut(usize::from(v).wrapping_sub(1)) {
            *p += 1;
        }
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
    /// Number of responses (not tombstoned), one-tap ratings included.
    pub n: u32,
    /// Responses that answered at least one item: the n of the item and group index.
    pub n_items: u32,
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

/// Tallies of one group as asked with one item set.
struct GroupForm {
    group: String,
    item_ids: Vec<String>,
    items: Vec<Tally>,
    /// Responses that gave at least one valid answer in the group.
    responders: u32,
}

/// Where each answer digit of a (version, answer length) goes: per group form, the digit's
/// position and the item's overall tally. Worked out once per call and version, so that a
/// decade of responses is counted without allocating per response.
type Layout = Vec<(usize, Vec<(usize, usize)>)>;

struct Tallies {
    forms: Vec<GroupForm>,
    form_at: HashMap<(String, Vec<String>), usize>,
    items: Vec<(String, Tally)>,
    item_at: HashMap<String, usize>,
}

impl Tallies {
    fn layout(&mut self, q: &Questionnaire, len: usize) -> Layout {
        // Groups in id order, items in the order asked (as `Response::answers` pairs them).
        let mut per_group: BTreeMap<&str, Vec<(usize, &str)>> = BTreeMap::new();
        for (pos, (g, i)) in q.active_items().enumerate().take(len) {
            per_group.entry(&g.id).or_default().push((pos, &i.id));
        }
        per_group
            .into_iter()
            .map(|(g, cells)| {
                let key = (g.to_string(), cells.iter().map(|(_, i)| i.to_string()).collect::<Vec<_>>());
                let forms = &mut self.forms;
                let f = *self.form_at.entry(key.clone()).or_insert_with(|| {
                    forms.push(GroupForm {
                        group: key.0,
                        items: vec![Tally::default(); key.1.len()],
                        item_ids: key.1,
                        responders: 0,
                    });
                    forms.len() - 1
                });
                let cells = cells
                    .into_iter()
                    .map(|(pos, item)| {
                        let items = &mut self.items;
                        let at = *self.item_at.entry(item.to_string()).or_insert_with(|| {
                            items.push((item.to_string(), Tally::default()));
                            items.len() - 1
                        });
                        (pos, at)
                    })
                    .collect();
                (f, cells)
            })
            .collect()
    }
}

/// Compute the index. `versions` must hold every questionnaire version the responses answered;
/// a response whose version is unknown still counts in n and in the overall question.
pub fn compute<'a>(responses: impl IntoIterator<Item = &'a Response>, versions: &BTreeMap<u32, Questionnaire>) -> SatisfactionIndex {
    let mut ix = SatisfactionIndex::default();
    let mut all = Tally::default();
    let mut t = Tallies {
        forms: Vec::new(),
        form_at: HashMap::new(),
        items: Vec::new(),
        item_at: HashMap::new(),
    };
    let mut layouts: HashMap<(u32, usize), Layout> = HashMap::new();
    let mut digits: Vec<u8> = Vec::with_capacity(32);
    for r in responses.into_iter().filter(|r| !r.meta.deleted) {
        ix.n += 1;
        if (1..=5).contains(&r.overall) {
            ix.overall_question.add(r.overall);
        }
        let Some(q) = versions.get(&r.version) else { continue };
        digits.clear();
        digits.extend(
            r.digits
                .chars()
                .map(|c| c.to_digit(10).map_or(0, |d| d as u8))
                .map(|d| if (1..=5).contains(&d) { d } else { 0 }),
        );
        let layout = layouts
            .entry((r.version, digits.len()))
            .or_insert_with(|| t.layout(q, digits.len()));
        let mut any_item = false;
        for (f, cells) in layout.iter() {
            let form = &mut t.forms[*f];
            let mut answered = false;
            for (k, &(pos, item)) in cells.iter().enumerate() {
                let v = digits[pos];
                if v != 0 {
                    form.items[k].add(v);
                    t.items[item].1.add(v);
                    all.add(v);
                    answered = true;
                }
            }
            form.responders += u32::from(answered);
            any_item |= answered;
        }
        ix.n_items += u32::from(any_item);
    }
    ix.items = t.items.into_iter().collect();
    // Group index: per form, the mean of its items' % (in item id order, as ever); across
    // forms (in (group, items) order), weighted by responders.
    let mut forms: Vec<&GroupForm> = t.forms.iter().collect();
    forms.sort_by(|a, b| (&a.group, &a.item_ids).cmp(&(&b.group, &b.item_ids)));
    let mut by_group: BTreeMap<String, (f64, u32, bool)> = BTreeMap::new();
    for form in forms {
        let entry = by_group.entry(form.group.clone()).or_insert((0.0, 0, false));
        let mut items: Vec<(&String, &Tally)> = form.item_ids.iter().zip(&form.items).collect();
        items.sort_by(|a, b| a.0.cmp(b.0));
        if let Some(m) = mean(items.into_iter().filter_map(|(_, t)| t.percent())) {
            entry.0 += m * form.responders as f64;
            entry.1 += form.responders;
        }
        entry.2 = true;
    }
    ix.groups = by_group
        .into_iter()
        .map(|(g, (sum, w, _))| (g, (w > 0).then(|| sum / w as f64)))
        .collect();
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

    /// The formula as first written (allocating per response): the reference the counting
    /// above must match on any input.
    fn reference<'a>(responses: impl IntoIterator<Item = &'a Response>, versions: &BTreeMap<u32, Questionnaire>) -> SatisfactionIndex {
        #[derive(Default)]
        struct Form {
            items: BTreeMap<String, Tally>,
            responders: u32,
        }
        let mut ix = SatisfactionIndex::default();
        let mut all = Tally::default();
        let mut forms: BTreeMap<(String, Vec<String>), Form> = BTreeMap::new();
        for r in responses.into_iter().filter(|r| !r.meta.deleted) {
            ix.n += 1;
            if (1..=5).contains(&r.overall) {
                ix.overall_question.add(r.overall);
            }
            let Some(q) = versions.get(&r.version) else { continue };
            let mut any_item = false;
            let mut per_group: BTreeMap<&str, Vec<(&str, Option<u8>)>> = BTreeMap::new();
            for (g, item, v) in r.answers(q) {
                per_group.entry(g).or_default().push((item, v));
            }
            for (g, answers) in per_group {
                let key = (g.to_string(), answers.iter().map(|(i, _)| i.to_string()).collect());
                let form = forms.entry(key).or_default();
                let mut answered = false;
                for (item, v) in answers {
                    let t = form.items.entry(item.to_string()).or_default();
                    let global = ix.items.entry(item.to_string()).or_default();
                    if let Some(v) = v {
                        t.add(v);
                        global.add(v);
                        all.add(v);
                        answered = true;
                    }
                }
                form.responders += u32::from(answered);
                any_item |= answered;
            }
            ix.n_items += u32::from(any_item);
        }
        let mut by_group: BTreeMap<String, (f64, u32)> = BTreeMap::new();
        for ((g, _), form) in &forms {
            let entry = by_group.entry(g.clone()).or_insert((0.0, 0));
            if let Some(m) = mean(form.items.values().filter_map(Tally::percent)) {
                entry.0 += m * form.responders as f64;
                entry.1 += form.responders;
            }
        }
        ix.groups = by_group
            .into_iter()
            .map(|(g, (sum, w))| (g, (w > 0).then(|| sum / w as f64)))
            .collect();
        ix.overall = mean(ix.groups.values().flatten().copied());
        ix.mean_score = all.mean();
        ix
    }

    proptest::proptest! {
        #[test]
        fn counting_matches_the_reference(rs in proptest::collection::vec(
            (1u32..4, "[0-7x]{0,24}", 0u8..7, proptest::bool::weighted(0.05)), 0..60)) {
            let mut short = Questionnaire::short();
            short.version = 2;
            let versions: BTreeMap<u32, Questionnaire> = [(1, Questionnaire::sipas()), (2, short)].into_iter().collect();
            let rs: Vec<Response> = rs
                .into_iter()
                .map(|(q, a, o, deleted)| {
                    let mut r = resp(q, &[], o);
                    r.digits = a;
                    r.meta.deleted = deleted;
                    r
                })
                .collect();
            proptest::prop_assert_eq!(compute(&rs, &versions), reference(&rs, &versions));
        }
    }

    fn resp(q: u32, a: &[Option<u8>], o: u8) -> Response {
        Response {
            digits: encode_answers(a),
            overall: o,
            ..Response::blank(Meta::new([1; 16], 1, "t"), q)
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
                sum: 12,
                points: [0, 0, 1, 1, 1]
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
    fn not_applicable_counts_as_neither() {
        use crate::survey::response::NOT_APPLICABLE;
        let na = Some(NOT_APPLICABLE);
        let rs = vec![resp(1, &[Some(5), na, na, na, na], 5), resp(1, &[Some(2), Some(4), na, na, na], 0)];
        let ix = compute(&rs, &versions());
        // a: 5, 2 → 50 %; b: only the 4 → 100 %; c, d, e: nobody answered.
        assert_eq!(
            ix.items["b0"],
            Tally {
                valid: 1,
                satisfied: 1,
                sum: 4,
                points: [0, 0, 0, 1, 0]
            }
        );
        assert_eq!(ix.groups["c"], None);
        assert_eq!(ix.overall, Some(75.0));
        assert!((ix.mean_score.unwrap() - 11.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn mixed_full_and_short_responses_weight_each_group_by_its_responses() {
        let mut m = BTreeMap::new();
        m.insert(1, Questionnaire::short());
        let mut full = Questionnaire::sipas();
        full.version = 2;
        m.insert(2, full);
        // Three short responses rate group a with 5 (100 %).
        let short: Vec<Response> = (0..3).map(|_| resp(1, &[Some(5), None, None, None, None], 0)).collect();
        // One full response rates a1 with 5 and a2..a4 with 1: its group a mean is 25 %.
        let mut a = vec![None; 19];
        a[0] = Some(5);
        a[1] = Some(1);
        a[2] = Some(1);
        a[3] = Some(1);
        let mut rs = short;
        rs.push(resp(2, &a, 0));
        let ix = compute(&rs, &m);
        // Weighted by responses: (3 × 100 + 1 × 25) / 4 = 81,25 %. Pooling the short item as a
        // fifth item would give (100 + 100 + 0 + 0 + 0) / 5 = 40 %.
        assert_eq!(ix.groups["a"], Some(81.25));
        assert_eq!(ix.items["a0"].valid, 3);
        assert_eq!(ix.items["a1"].valid, 1);
    }

    #[test]
    fn the_fairness_item_asks_one_thing() {
        let q = Questionnaire::sipas();
        let d = q.groups.iter().find(|g| g.id == "d").unwrap();
        let fair = &d.items[2].text;
        assert!(!fair.vi.contains(',') && !fair.en.contains(" and "), "{fair:?}");
    }

    #[test]
    fn quick_ratings_count_in_the_overall_measure_not_in_the_item_index() {
        // Two one-tap ratings (no items) and one full response.
        let rs = vec![resp(1, &[], 5), resp(1, &[], 2), resp(1, &[Some(4), Some(2), None, None, None], 4)];
        let ix = compute(&rs, &versions());
        assert_eq!(ix.n, 3);
        assert_eq!(ix.n_items, 1, "only the response that answered items");
        assert_eq!(ix.groups["a"], Some(100.0));
        assert_eq!(ix.groups["b"], Some(0.0));
        // Overall satisfaction: 5 and 4 of 5, 2, 4 → 2 of 3.
        assert_eq!(
            ix.overall_question,
            Tally {
                valid: 3,
                satisfied: 2,
                sum: 11,
                points: [0, 1, 0, 1, 1]
            }
        );
    }

    #[test]
    fn anonymity_threshold() {
        assert!(!shown(4, 5));
        assert!(shown(5, 5));
    }
}
