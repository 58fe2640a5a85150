//! The questionnaire as data: groups of 5-point items plus the desk's usual extra questions.
//!
//! Every published questionnaire has a version number; a response records the version it
//! answered so that later edits never change the meaning of old answers.

use serde::{Deserialize, Serialize};

/// Text in the two UI languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: &str, en: &str) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Vi => &self.vi,
            crate::Lang::En if !self.en.is_empty() => &self.en,
            crate::Lang::En => &self.vi,
        }
    }
}

/// One 5-point question. Its `id` is stable across versions (answers are keyed by it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub enabled: bool,
}

/// A group of items (I–V in the national method); the group index is the mean of its items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub title: Text,
    pub items: Vec<Item>,
}

/// Full SIPAS service part, or the short form (one score per group).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Form {
    Full,
    Short,
}

/// A published questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub version: u32,
    pub form: Form,
    pub groups: Vec<Group>,
    /// The one-tap rating on the welcome screen and what follows it.
    #[serde(default)]
    pub quick: QuickRating,
    /// One screen per group or one per item (a version stored before this choice existed
    /// asked one item per screen, and still does).
    #[serde(default)]
    pub layout: Layout,
    /// The reasons offered after a one-tap rating of 1–3 (editable; stored responses name
    /// them by id, so a version keeps the labels its responses chose from).
    #[serde(default = "default_reasons")]
    pub reasons: Vec<Reason>,
}

/// How the items are put on screens. Issue 26: the full SIPAS form asked one item a screen is
/// 23 screens and 1.5–2 minutes; one screen per group (each item a row of faces) and the
/// overall and visits questions together make 8, about a minute. The editor may still choose
/// one question per screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    Group,
    #[default]
    Item,
}

/// A reason a citizen may tap after a low one-tap rating ("why?"), as the queue-and-rating
/// tablets of Vietnamese service centres ask (issue 26, after VNPT iQMS) [I].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable across versions: responses store it ([`valid_item_id`]).
    pub id: String,
    pub text: Text,
}

/// The most reasons a questionnaire offers (they are chips on one screen).
pub const REASONS_MAX: usize = 8;

/// The default reasons (issue 26 [I]): waiting, manner, guidance, coming back, seats, other.
pub fn default_reasons() -> Vec<Reason> {
    [
        ("wait", "Chờ lâu", "Long wait"),
        ("manner", "Thái độ", "Manner"),
        ("guide", "Hướng dẫn chưa rõ", "Unclear guidance"),
        ("again", "Phải đi lại nhiều lần", "Had to come back"),
        ("seats", "Thiếu chỗ ngồi", "Not enough seats"),
        ("other", "Khác", "Other"),
    ]
    .iter()
    .map(|(id, vi, en)| Reason {
        id: (*id).into(),
        text: Text::new(vi, en),
    })
    .collect()
}

/// The reasons a rating gives (always offered, never required) only when it is this low.
pub const REASONS_AT_MOST: u8 = 3;

/// The five faces on the welcome screen: one tap saves the overall rating at once; "Góp ý chi
/// tiết" then goes on to the screens chosen here (the overall question is not asked again;
/// the comment screen with its send button always ends the survey).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickRating {
    pub enabled: bool,
    pub items: bool,
    pub visits: bool,
    pub field: bool,
}

impl Default for QuickRating {
    fn default() -> Self {
        QuickRating {
            enabled: true,
            items: true,
            visits: true,
            field: true,
        }
    }
}

/// The translation key of a point of the scale (the kiosk's one way to label it).
pub fn scale_key(v: u8) -> crate::i18n::K {
    use crate::i18n::K;
    match v {
        1 => K::Scale1,
        2 => K::Scale2,
        3 => K::Scale3,
        4 => K::Scale4,
        _ => K::Scale5,
    }
}

/// The 5-point scale: value, Vietnamese and English label, and the face shown on the button.
pub const SCALE: [(u8, &str, &str, &str); 5] = [
    (1, "Rất không hài lòng", "Very dissatisfied", "😠"),
    (2, "Không hài lòng", "Dissatisfied", "🙁"),
    (3, "Bình thường", "Neutral", "😐"),
    (4, "Hài lòng", "Satisfied", "🙂"),
    (5, "Rất hài lòng", "Very satisfied", "😄"),
];

/// Words a citizen reads in a minute on a kiosk's screen (Vietnamese words are syllables; an
/// unhurried reader of official wording) [I].
pub const READING_WORDS_PER_MINUTE: u32 = 180;
/// Seconds to find and tap one answer [I].
pub const SECONDS_PER_ANSWER: u32 = 2;
/// Seconds a screen costs besides its answers (it changes; "next" on a screen of rows) [I].
pub const SECONDS_PER_SCREEN: u32 = 1;

/// One question on a kiosk screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// The i-th active item.
    Item(usize),
    Overall,
    Visits,
    /// The procedure's field (one of a list, not a scale).
    Field,
}

/// Number of visits the citizen needed for this dossier.
pub const VISITS: [(u8, crate::i18n::K); 3] = [
    (0, crate::i18n::K::VisitsNone),
    (1, crate::i18n::K::VisitsOnce),
    (2, crate::i18n::K::VisitsTwiceOrMore),
];

/// Procedure fields offered before the dossier register supplies its own list.
pub const DEFAULT_FIELDS: [(&str, &str); 6] = [
    ("Thương mại", "Trade"),
    ("Công nghiệp", "Industry"),
    ("Điện lực", "Electricity"),
    ("An toàn thực phẩm", "Food safety"),
    ("Hóa chất", "Chemicals"),
    ("Khác", "Other"),
];

/// The fields the kiosk offers: the catalogue's fields (lĩnh vực), each once, in order, or
/// [`DEFAULT_FIELDS`] when it names none; "Khác" always last. The Vietnamese is the value
/// stored; a catalogue's own field has no English (shown in Vietnamese).
pub fn kiosk_fields<'a>(catalogue: impl IntoIterator<Item = &'a str>) -> Vec<Text> {
    // In the order of the alphabet as read (Đ with D), each once: sorted by the folded name
    // before the name, with the one sort of string pairs the kiosk already carries.
    let mut fs: Vec<(String, String)> = catalogue
        .into_iter()
        .map(str::trim)
        .filter(|f| !f.is_empty() && *f != "Khác")
        .map(|f| (crate::format::fold_key(f), f.to_string()))
        .collect();
    fs.sort_unstable();
    fs.dedup();
    let mut fs: Vec<Text> = fs.into_iter().map(|(_, f)| Text::new(&f, "")).collect();
    if fs.is_empty() {
        fs = DEFAULT_FIELDS
            .iter()
            .filter(|(v, _)| *v != "Khác")
            .map(|(v, e)| Text::new(v, e))
            .collect();
    }
    fs.push(Text::new("Khác", "Other"));
    fs
}

/// Longest suggestion kept, in characters.
pub const SUGGESTION_MAX: usize = 500;

fn group(id: &str, vi: &str, en: &str, items: &[(&str, &str)]) -> Group {
    Group {
        id: id.into(),
        title: Text::new(vi, en),
        items: items
            .iter()
            .enumerate()
            .map(|(i, (v, e))| Item {
                id: format!("{id}{}", i + 1),
                text: Text::new(v, e),
                enabled: true,
            })
            .collect(),
    }
}

impl Questionnaire {
    /// The first shipped questionnaire (version 1): the SIPAS 2023–2026 service part, 5 groups,
    /// 19 items (Quyết định 1001/QĐ-BNV), one item a screen. Kept as it was: responses stored
    /// against version 1 are read with it.
    pub fn sipas() -> Self {
        Questionnaire {
            version: 1,
            quick: QuickRating::default(),
            layout: Layout::Item,
            reasons: default_reasons(),
            form: Form::Full,
            groups: vec![
                group(
                    "a",
                    "Tiếp cận dịch vụ",
                    "Access to the service",
                    &[
                        (
                            "Thông tin về thủ tục dễ tìm, dễ hiểu",
                            "Information on procedures is easy to find and understand",
                        ),
                        ("Biển chỉ dẫn tại cơ quan rõ ràng", "Signs and directions at the office are clear"),
                        ("Nơi làm việc sạch sẽ, ngăn nắp", "The office is clean and orderly"),
                        (
                            "Trang thiết bị (ghế, bàn, mẫu đơn, bút) đầy đủ, tốt",
                            "Seats, desks, forms and pens are sufficient and good",
                        ),
                    ],
                ),
                group(
                    "b",
                    "Thủ tục hành chính",
                    "Administrative procedure",
                    &[
                        (
                            "Thủ tục được niêm yết công khai, rõ ràng",
                            "The procedure is posted publicly and clearly",
                        ),
                        (
                            "Thành phần hồ sơ phải nộp đúng quy định",
                            "The documents required match the regulation",
                        ),
                        ("Phí, lệ phí đúng quy định", "Fees match the regulation"),
                        ("Thời hạn giải quyết đúng quy định", "The processing time matches the regulation"),
                    ],
                ),
                group(
                    "c",
                    "Công chức",
                    "Civil servant",
                    &[
                        ("Lịch sự, tôn trọng", "Polite and respectful"),
                        ("Trả lời câu hỏi kịp thời, đầy đủ", "Answers questions promptly and fully"),
                        ("Hướng dẫn rõ ràng, một lần là đủ", "Guidance is clear enough after one explanation"),
                        ("Tuân thủ đúng quy định", "Follows the rules"),
                        ("Tận tình, nhiệt tình giúp đỡ", "Dedicated and helpful"),
                    ],
                ),
                group(
                    "d",
                    "Kết quả",
                    "Result",
                    &[
                        ("Nhận kết quả đúng hẹn", "Result returned on the promised date"),
                        (
                            "Thông tin trong kết quả đầy đủ, chính xác",
                            "The result's information is complete and accurate",
                        ),
                        ("Kết quả giải quyết công bằng", "The result is fair"),
                    ],
                ),
                group(
                    "e",
                    "Phản ánh, kiến nghị",
                    "Feedback handling",
                    &[
                        ("Có kênh để phản ánh, kiến nghị", "There is a way to give feedback"),
                        ("Phản ánh được xử lý đúng quy định", "Feedback is handled per regulation"),
                        ("Kết quả xử lý được thông báo kịp thời", "The outcome is reported back in time"),
                    ],
                ),
            ],
        }
    }

    /// The questionnaire shipped now (version 2): version 1 with group I's item on enough
    /// seats to wait and desks to write at, which the 2024 national survey asked (domain.md
    /// [V]; the seed desk's own complaint: citizens stand), one screen per group (issue 26).
    pub fn seed() -> Self {
        let mut q = Self::sipas();
        q.version = 2;
        q.layout = Layout::Group;
        if let Some(g) = q.groups.first_mut() {
            g.items.push(Item {
                id: format!("{}5", g.id),
                text: Text::new("Có đủ chỗ ngồi chờ và bàn viết hồ sơ", "Enough seats to wait and desks to write at"),
                enabled: true,
            });
        }
        q
    }

    /// The short form: one score per group, same group ids so that indices stay comparable.
    pub fn short() -> Self {
        let full = Self::sipas();
        Questionnaire {
            version: 1,
            quick: QuickRating::default(),
            layout: Layout::Item,
            reasons: default_reasons(),
            form: Form::Short,
            groups: full
                .groups
                .into_iter()
                .map(|g| Group {
                    items: vec![Item {
                        id: format!("{}0", g.id),
                        text: Text::new(
                            &format!("Ông/bà hài lòng thế nào về: {}?", crate::format::lower(&g.title.vi)),
                            &format!("How satisfied are you with: {}?", crate::format::lower(&g.title.en)),
                        ),
                        enabled: true,
                    }],
                    ..g
                })
                .collect(),
        }
    }

    /// The items a citizen is asked, in order, with their group.
    pub fn active_items(&self) -> impl Iterator<Item = (&Group, &Item)> {
        self.groups
            .iter()
            .flat_map(|g| g.items.iter().filter(|i| i.enabled).map(move |i| (g, i)))
    }

    /// The kiosk's question screens in order (the comment screen, always last, is not one of
    /// them): by [`Layout`], one item a screen, or one group a screen with the overall and
    /// visits questions together.
    pub fn screens(&self) -> Vec<Vec<Row>> {
        let mut out: Vec<Vec<Row>> = Vec::new();
        let mut i = 0;
        for g in &self.groups {
            let n = g.items.iter().filter(|it| it.enabled).count();
            let rows = (i..i + n).map(Row::Item);
            match self.layout {
                Layout::Item => out.extend(rows.map(|r| vec![r])),
                Layout::Group if n > 0 => out.push(rows.collect()),
                Layout::Group => {}
            }
            i += n;
        }
        match self.layout {
            Layout::Item => out.extend([vec![Row::Overall], vec![Row::Visits]]),
            Layout::Group => out.push(vec![Row::Overall, Row::Visits]),
        }
        out.push(vec![Row::Field]);
        out
    }

    /// How long the whole survey takes a citizen who reads every screen, in seconds: its words
    /// (items, group titles, the fixed questions, the answer labels once) at
    /// [`READING_WORDS_PER_MINUTE`], [`SECONDS_PER_ANSWER`] for each answer and
    /// [`SECONDS_PER_SCREEN`] for each screen (the comment screen included). The welcome
    /// screen's promise is this, in minutes (issue 26: a fixed "less than a minute" was false
    /// for the full form asked one item a screen).
    pub fn reading_seconds(&self, lang: crate::Lang) -> u32 {
        use crate::i18n::{t, K};
        let words = |s: &str| s.split_whitespace().count() as u32;
        let text = |x: &Text| match lang {
            crate::Lang::Vi => words(&x.vi),
            crate::Lang::En => words(&x.en),
        };
        let items: Vec<_> = self.active_items().collect();
        let groups: u32 = self
            .groups
            .iter()
            .filter(|g| g.items.iter().any(|i| i.enabled))
            .map(|g| text(&g.title))
            .sum();
        let fixed: u32 = [K::OverallQ, K::VisitsQ, K::FieldQ, K::CommentQ]
            .iter()
            .map(|k| words(t(lang, *k)))
            .sum();
        let labels: u32 = SCALE
            .iter()
            .map(|(_, vi, en, _)| if lang == crate::Lang::Vi { words(vi) } else { words(en) })
            .sum();
        let all = items.iter().map(|(_, i)| text(&i.text)).sum::<u32>() + groups + fixed + labels;
        let screens = self.screens();
        let answers = screens.iter().map(Vec::len).sum::<usize>() as u32;
        let screens = screens.len() as u32 + 1;
        all * 60 / READING_WORDS_PER_MINUTE + answers * SECONDS_PER_ANSWER + screens * SECONDS_PER_SCREEN
    }

    /// [`Questionnaire::reading_seconds`] in whole minutes, to the nearest (at least 1): the
    /// welcome screen says "about".
    pub fn reading_minutes(&self, lang: crate::Lang) -> u32 {
        ((self.reading_seconds(lang) + 30) / 60).max(1)
    }

    /// Add an item to a group with a fresh stable id.
    pub fn add_item(&mut self, group_id: &str, text: Text) -> Option<String> {
        let all: Vec<String> = self.groups.iter().flat_map(|g| g.items.iter().map(|i| i.id.clone())).collect();
        let g = self.groups.iter_mut().find(|g| g.id == group_id)?;
        let id = (1..).map(|n| format!("{group_id}x{n}")).find(|id| !all.contains(id))?;
        g.items.push(Item {
            id: id.clone(),
            text,
            enabled: true,
        });
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sipas_has_five_groups_and_nineteen_items() {
        let q = Questionnaire::sipas();
        assert_eq!(q.groups.len(), 5);
        assert_eq!(q.active_items().count(), 19);
        let ids: std::collections::BTreeSet<_> = q.active_items().map(|(_, i)| i.id.clone()).collect();
        assert_eq!(ids.len(), 19, "item ids are unique");
    }

    #[test]
    fn short_form_asks_one_item_per_group() {
        let q = Questionnaire::short();
        assert_eq!(q.form, Form::Short);
        assert_eq!(q.active_items().count(), 5);
    }

    #[test]
    fn disabled_items_are_not_asked_and_added_items_get_new_ids() {
        let mut q = Questionnaire::sipas();
        q.groups[0].items[1].enabled = false;
        assert_eq!(q.active_items().count(), 18);
        let id = q.add_item("c", Text::new("Mới", "New")).unwrap();
        assert_eq!(id, "cx1");
        assert_eq!(q.add_item("c", Text::new("Mới 2", "")).unwrap(), "cx2");
        assert!(q.add_item("zz", Text::new("?", "")).is_none());
        assert_eq!(q.active_items().count(), 20);
    }

    #[test]
    fn the_kiosk_offers_the_catalogues_fields_once_and_other_last() {
        let got = kiosk_fields([" Điện lực", "Thương mại", "Điện lực", "", "Khác"]);
        let vi: Vec<_> = got.iter().map(|t| t.vi.as_str()).collect();
        assert_eq!(vi, ["Điện lực", "Thương mại", "Khác"], "Đ sorts with D");
        let none = kiosk_fields([]);
        assert_eq!(none.len(), DEFAULT_FIELDS.len());
        assert_eq!(none.last().map(|x| x.get(crate::Lang::En)), Some("Other"));
        assert_eq!(got[0].get(crate::Lang::En), "Điện lực", "a catalogue's field has no English");
    }

    #[test]
    fn english_falls_back_to_vietnamese() {
        let t = Text::new("Xin chào", "");
        assert_eq!(t.get(crate::Lang::En), "Xin chào");
    }
}

/// Every published version, and which one the kiosk asks now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Book {
    pub active: u32,
    pub versions: std::collections::BTreeMap<u32, Questionnaire>,
}

impl Default for Book {
    /// Both shipped versions, the newer asked: a file from a tablet still on version 1 is
    /// read with version 1's items.
    fn default() -> Self {
        let (first, seed) = (Questionnaire::sipas(), Questionnaire::seed());
        Book {
            active: seed.version,
            versions: [(first.version, first), (seed.version, seed)].into_iter().collect(),
        }
    }
}

/// Whether an item's or a group's id is safe everywhere it goes: the responses CSV's header,
/// an element id, a JSON key (letters, digits, `.`, `_`, `-`; 1–16 of them). A file's
/// questionnaire with any other id is refused (issue 21: a header `=1+1` is a formula in Excel).
pub fn valid_item_id(id: &str) -> bool {
    (1..=16).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

impl Questionnaire {
    /// Every group and item id is [`valid_item_id`].
    pub fn ids_valid(&self) -> bool {
        self.groups
            .iter()
            .all(|g| valid_item_id(&g.id) && g.items.iter().all(|i| valid_item_id(&i.id)))
    }
}

impl Book {
    /// A book of one version, asked.
    pub fn of(q: Questionnaire) -> Book {
        Book {
            active: q.version,
            versions: [(q.version, q)].into_iter().collect(),
        }
    }

    /// A book read from storage is usable only with at least one version that asks something.
    pub fn is_valid(&self) -> bool {
        !self.versions.is_empty()
    }

    pub fn current(&self) -> &Questionnaire {
        self.versions
            .get(&self.active)
            .or_else(|| self.versions.values().last())
            .expect("a book always has a version")
    }

    /// A book that is still the first shipped one, untouched (version 1 alone, as shipped),
    /// gains the current seed ([`Questionnaire::seed`]) as its active version. A book anybody
    /// edited is theirs and is left as it is. Returns whether it changed (to be saved).
    pub fn upgrade_seed(&mut self) -> bool {
        // Checked before the first seed is made: every start of an upgraded tablet asks this.
        if self.versions.len() != 1 {
            return false;
        }
        let first = Questionnaire::sipas();
        if self.versions.get(&first.version) != Some(&first) {
            return false;
        }
        let seed = Questionnaire::seed();
        self.active = seed.version;
        self.versions.insert(seed.version, seed);
        true
    }

    /// Publish `q` as a new version (old versions stay, so old answers keep their meaning).
    pub fn publish(&mut self, mut q: Questionnaire) -> u32 {
        let v = self.versions.keys().last().copied().unwrap_or(0) + 1;
        q.version = v;
        self.versions.insert(v, q);
        self.active = v;
        v
    }
}

#[cfg(test)]
mod book_tests {
    use super::*;

    /// Version 1 as a build before issue 26 stored it (no layout, no reasons).
    fn stored_v1() -> Questionnaire {
        let mut v = serde_json::to_value(Questionnaire::sipas()).unwrap();
        let m = v.as_object_mut().unwrap();
        m.remove("layout");
        m.remove("reasons");
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn a_tablet_still_on_the_first_seed_gains_the_seats_item_and_an_edited_one_does_not() {
        let v1 = stored_v1();
        assert_eq!(v1.layout, Layout::Item, "a stored version keeps its one item a screen");
        let mut b = Book::of(v1.clone());
        assert!(b.upgrade_seed());
        assert_eq!(b, Book::default());
        assert!(!b.upgrade_seed(), "once");
        let seed = b.current();
        assert_eq!(seed.active_items().count(), 20);
        assert_eq!(seed.groups[0].items[4].id, "a5");
        // The first 19 items keep their ids and order: version 1's answers stay comparable.
        let ids = |q: &Questionnaire| q.active_items().map(|(_, i)| i.id.clone()).collect::<Vec<_>>();
        assert!(ids(seed).iter().filter(|i| *i != "a5").eq(ids(&v1).iter()));
        let mut edited = v1;
        edited.groups[2].items[0].enabled = false;
        let mut mine = Book::of(edited);
        assert!(!mine.upgrade_seed(), "an edited questionnaire is the unit's own");
        assert_eq!(mine.active, 1);
    }

    #[test]
    fn the_seed_is_eight_screens_and_its_promise_is_shorter_than_one_item_a_screen() {
        let (seed, v1) = (Questionnaire::seed(), Questionnaire::sipas());
        let screens = seed.screens();
        assert_eq!(screens.len() + 1, 8, "5 groups, overall + visits, field, comment");
        assert_eq!(screens[0].len(), 5);
        assert_eq!(screens[5], vec![Row::Overall, Row::Visits]);
        assert_eq!(v1.screens().len() + 1, 23, "one item a screen");
        let (a, b) = (seed.reading_seconds(crate::Lang::Vi), v1.reading_seconds(crate::Lang::Vi));
        assert!(a < b, "{a} < {b}");
        // 20 items read at 180 words a minute and tapped: about two minutes, said so.
        assert!((90..150).contains(&a), "{a}");
        assert_eq!(seed.reading_minutes(crate::Lang::Vi), (a + 30) / 60);
        let mut none = seed.clone();
        none.groups
            .iter_mut()
            .flat_map(|g| g.items.iter_mut())
            .for_each(|i| i.enabled = false);
        assert_eq!(none.screens().len(), 2, "no empty group screens");
        assert_eq!(none.reading_minutes(crate::Lang::Vi), 1, "at least a minute");
    }

    #[test]
    fn publishing_keeps_old_versions() {
        let mut b = Book::default();
        assert_eq!(b.current().version, 2, "the seed with the seats item");
        assert_eq!(b.versions[&1], Questionnaire::sipas(), "version 1 kept for its responses");
        let v = b.publish(Questionnaire::short());
        assert_eq!(v, 3);
        assert_eq!(b.current().form, Form::Short);
        assert_eq!(b.versions[&1].form, Form::Full);
        let json = serde_json::to_string(&b).unwrap();
        let back: Book = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
        assert!(back.is_valid());
        let empty: Book = serde_json::from_str(r#"{"active":1,"versions":{}}"#).unwrap();
        assert!(!empty.is_valid(), "would leave the kiosk nothing to ask");
        assert!(Questionnaire::sipas().ids_valid() && Questionnaire::short().ids_valid());
        assert!(Questionnaire::seed().ids_valid());
        assert!(default_reasons().iter().all(|r| valid_item_id(&r.id)));
        for bad in ["", "=1+1", "a;b", "x y", "a\"b", "12345678901234567"] {
            assert!(!valid_item_id(bad), "{bad}");
        }
    }
}
