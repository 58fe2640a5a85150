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
}

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
/// Seconds to find and tap an answer on one screen [I].
pub const SECONDS_PER_SCREEN: u32 = 2;

/// Number of visits the citizen needed for this dossier.
pub const VISITS: [(u8, &str, &str); 3] = [
    (0, "Chưa lần nào (nộp trực tuyến)", "None (online)"),
    (1, "1 lần", "Once"),
    (2, "2 lần trở lên", "Twice or more"),
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
    /// The SIPAS 2023–2026 service part: 5 groups, 19 items (Quyết định 1001/QĐ-BNV).
    pub fn sipas() -> Self {
        Questionnaire {
            version: 1,
            quick: QuickRating::default(),
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

    /// The short form: one score per group, same group ids so that indices stay comparable.
    pub fn short() -> Self {
        let full = Self::sipas();
        Questionnaire {
            version: 1,
            quick: QuickRating::default(),
            form: Form::Short,
            groups: full
                .groups
                .into_iter()
                .map(|g| Group {
                    items: vec![Item {
                        id: format!("{}0", g.id),
                        text: Text::new(
                            &format!("Ông/bà hài lòng thế nào về: {}?", g.title.vi.to_lowercase()),
                            &format!("How satisfied are you with: {}?", g.title.en.to_lowercase()),
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

    /// How long the whole survey takes a citizen who reads every screen, in seconds: its words
    /// (items, group titles, the fixed questions, the answer labels once) at
    /// [`READING_WORDS_PER_MINUTE`], and [`SECONDS_PER_SCREEN`] to find and tap an answer on
    /// each screen. The welcome screen's promise is this, rounded up to minutes (issue 26: a
    /// fixed "less than a minute" was false for the full form).
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
        let screens = items.len() as u32 + 4;
        all * 60 / READING_WORDS_PER_MINUTE + screens * SECONDS_PER_SCREEN
    }

    /// [`Questionnaire::reading_seconds`] in whole minutes, rounded up (at least 1).
    pub fn reading_minutes(&self, lang: crate::Lang) -> u32 {
        self.reading_seconds(lang).div_ceil(60).max(1)
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
    fn default() -> Self {
        let q = Questionnaire::sipas();
        Book {
            active: q.version,
            versions: [(q.version, q)].into_iter().collect(),
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

    #[test]
    fn publishing_keeps_old_versions() {
        let mut b = Book::default();
        assert_eq!(b.current().version, 1);
        let v = b.publish(Questionnaire::short());
        assert_eq!(v, 2);
        assert_eq!(b.current().form, Form::Short);
        assert_eq!(b.versions[&1].form, Form::Full);
        let json = serde_json::to_string(&b).unwrap();
        let back: Book = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
        assert!(back.is_valid());
        let empty: Book = serde_json::from_str(r#"{"active":1,"versions":{}}"#).unwrap();
        assert!(!empty.is_valid(), "would leave the kiosk nothing to ask");
        assert!(Questionnaire::sipas().ids_valid() && Questionnaire::short().ids_valid());
        // The promise is the reading time: the full form is not "under a minute".
        let (full, short) = (Questionnaire::sipas(), Questionnaire::short());
        assert!(
            full.reading_minutes(crate::Lang::Vi) >= 2,
            "{}",
            full.reading_seconds(crate::Lang::Vi)
        );
        assert!(short.reading_seconds(crate::Lang::Vi) < full.reading_seconds(crate::Lang::Vi));
        assert!(short.reading_minutes(crate::Lang::Vi) >= 1);
        for bad in ["", "=1+1", "a;b", "x y", "a\"b", "12345678901234567"] {
            assert!(!valid_item_id(bad), "{bad}");
        }
    }
}
