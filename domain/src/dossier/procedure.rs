//! The procedure catalogue: what the desk receives, who handles it and how long it may take.

use serde::{Deserialize, Serialize};

/// Online service level (older texts: mức độ 3 / 4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Online {
    #[default]
    None,
    /// Một phần (partly online, mức độ 3).
    Partial,
    /// Toàn trình (fully online, mức độ 4).
    Full,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    /// Short stable code, e.g. `ATTP-01`.
    pub id: String,
    pub name: String,
    /// Lĩnh vực.
    pub field: String,
    /// Phòng chuyên môn that handles it.
    pub division: String,
    /// Statutory processing time in working days.
    pub days: u32,
    /// For procedures timed in working hours instead: the hours (0 = use `days`).
    #[serde(default)]
    pub hours: u32,
    /// Receipt after 15:00 (15:00:00 itself is in time) starts the count the next working day.
    /// Off by default: some procedures (mostly "trong ngày" ones such as chứng thực) use it,
    /// while the 2025 provincial procedures use 15:00 only for when the desk passes a file on
    /// (shared/domain.md, "Due date" [V]).
    pub cutoff_15h: bool,
    /// "Trong ngày": due at the close of the day of receipt (next working day after 15:00 when
    /// [`Procedure::cutoff_15h`] is set);
    /// `days` and `hours` are then ignored.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub same_day: bool,
    #[serde(default)]
    pub fee: String,
    #[serde(default)]
    pub online: Online,
    /// When staff last changed the entry (ms); 0 as shipped. File sync keeps the later change.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub changed_at: i64,
    /// Thành phần hồ sơ: the documents the file holds, the entry form's checklist (Mẫu 01).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// Quy trình nội bộ: the divisions the file passes through after the desk, each with its
    /// share of the term; Mẫu 06 judges each hand-over against it (`control::handovers`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<super::control::Step>,
}

fn is_zero(x: &i64) -> bool {
    *x == 0
}

/// A procedure's statutory time as recorded on a dossier when it is received (the catalogue may
/// change later; the dossier keeps the term it was received under).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Term {
    /// N working days, counted from the day after receipt.
    Days(u32),
    /// N office hours from receipt.
    Hours(u32),
    /// Trong ngày: by the close of the day of receipt.
    SameDay,
}

impl Term {
    /// The statutory time as words: "5 ngày làm việc", "8 giờ làm việc", "Giải quyết trong ngày".
    pub fn text(self, lang: crate::Lang) -> String {
        use crate::i18n::{t, K};
        match self {
            Term::Days(n) => format!("{n} {}", t(lang, K::WorkingDaysUnit)),
            Term::Hours(n) => format!("{n} {}", t(lang, K::WorkingHoursUnit)),
            Term::SameDay => t(lang, K::SameDay).to_string(),
        }
    }

    /// Judged by date-time (hour-based) rather than by day.
    pub fn by_the_hour(self) -> bool {
        matches!(self, Term::Hours(_))
    }
}

/// 15:00, the usual cut-off after which a file counts as received the next working day.
pub fn cutoff() -> chrono::NaiveTime {
    chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap_or_default()
}

impl Online {
    pub const ALL: [Online; 3] = [Online::None, Online::Partial, Online::Full];
    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            Online::None => K::OnlineNone,
            Online::Partial => K::OnlinePartial,
            Online::Full => K::OnlineFull,
        }
    }
}

impl Procedure {
    /// The statutory time, bounded (1–365 days, 1–2000 hours) so that no catalogue entry can
    /// make a due date take unbounded time.
    pub fn term(&self) -> Term {
        use crate::calendar::{MAX_DAYS, MAX_HOURS};
        if self.same_day {
            Term::SameDay
        } else if self.hours > 0 {
            Term::Hours(self.hours.min(MAX_HOURS))
        } else {
            Term::Days(self.days.clamp(1, MAX_DAYS))
        }
    }

    /// The due date-time of a dossier received at `received`: see [`Term`] and
    /// [`crate::calendar::WorkCalendar::due_at`].
    pub fn due(&self, cal: &crate::calendar::WorkCalendar, received: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
        term_due(self.term(), self.cutoff_15h, cal, received)
    }
}

impl Procedure {
    /// An entry with its code, name and working days, and nothing else set (no field, fee,
    /// division, documents or internal process; no 15:00 rule; not online).
    pub fn named(id: &str, name: &str, days: u32) -> Procedure {
        Procedure {
            id: id.into(),
            name: name.into(),
            field: String::new(),
            division: String::new(),
            days,
            hours: 0,
            cutoff_15h: false,
            same_day: false,
            fee: String::new(),
            online: Online::None,
            changed_at: 0,
            documents: Vec::new(),
            steps: Vec::new(),
        }
    }

    /// Whether the catalogue says the procedure charges no fee ("Không thu phí").
    pub fn is_free(&self) -> bool {
        let fee = crate::format::lower(&self.fee);
        fee.contains("không thu") || fee.contains("miễn") || fee.trim() == "0"
    }
}

/// The catalogue entry a sheet's procedure cell names: its id (any case), else a name the
/// officer mapped (`chosen`: folded name → id), else its name ignoring case, Vietnamese marks
/// and spacing.
pub fn match_procedure<'a>(
    catalogue: &'a [Procedure],
    text: &str,
    chosen: &std::collections::BTreeMap<String, String>,
) -> Option<&'a Procedure> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let key = crate::format::fold_key(text);
    catalogue
        .iter()
        .find(|p| p.id.eq_ignore_ascii_case(text))
        .or_else(|| chosen.get(&key).and_then(|id| catalogue.iter().find(|p| &p.id == id)))
        .or_else(|| catalogue.iter().find(|p| crate::format::fold_key(&p.name) == key))
}

/// What the entry form starts every new dossier with. Nothing carries over from the previous
/// dossier: a postal dossier's channel, fee and result channel once went into the in-person
/// ones entered after it, their slips, the register and the channel figures (issue 19). The
/// fee follows the procedure: a free one starts "Không thu phí", any other is left for the
/// officer to choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormDefaults {
    pub channel: super::Channel,
    pub fee: Option<super::Fee>,
    pub result_via: super::Channel,
    pub copies: u32,
    pub online_level: Option<Online>,
}

pub fn form_defaults(procedure: Option<&Procedure>) -> FormDefaults {
    FormDefaults {
        channel: super::Channel::Direct,
        fee: procedure.filter(|p| p.is_free()).map(|_| super::Fee::Free),
        result_via: super::Channel::Direct,
        copies: 1,
        online_level: None,
    }
}

/// The due date-time of a term for a file received at `received`.
pub fn term_due(
    term: Term,
    cutoff_15h: bool,
    cal: &crate::calendar::WorkCalendar,
    received: chrono::NaiveDateTime,
) -> chrono::NaiveDateTime {
    match term {
        Term::SameDay => cal.same_day_due(received, cutoff_15h.then(cutoff)),
        Term::Hours(h) => cal.add_working_hours(received, h),
        Term::Days(n) => cal.due_at(received, n, cutoff_15h.then(cutoff)),
    }
}

/// The entries a catalogue search finds, in catalogue order: those holding every word of the
/// query (ignoring case, marks and spacing) in their code, name, field or division.
pub fn search(c: &[Procedure], query: &str) -> Vec<usize> {
    let query = crate::format::fold_key(query);
    let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
    c.iter()
        .enumerate()
        .filter(|(_, p)| {
            let hay = crate::format::fold_key(&format!("{} {} {} {}", p.id, p.name, p.field, p.division));
            words.iter().all(|w| hay.contains(w))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Check an edited catalogue: ids unique and set, names set, terms within bounds (1–365 days,
/// 0–2000 hours).
pub fn validate_catalogue(c: &[Procedure]) -> Result<(), crate::i18n::Msg> {
    use crate::i18n::{Msg, K};
    let mut ids: Vec<&str> = c.iter().map(|p| p.id.trim()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != c.len() || c.iter().any(|p| p.id.trim().is_empty() || p.name.trim().is_empty()) {
        return Err(Msg::new(K::ErrCatalogueIds));
    }
    if let Some(p) = c
        .iter()
        .find(|p| !(1..=crate::calendar::MAX_DAYS).contains(&p.days) || p.hours > crate::calendar::MAX_HOURS)
    {
        return Err(Msg::new(K::ErrProcedureTerm)
            .arg(&p.id)
            .arg(crate::calendar::MAX_DAYS)
            .arg(crate::calendar::MAX_HOURS));
    }
    // The internal process is computed with (Mẫu 06): bounded like the terms.
    let step_ok = |s: &super::control::Step| {
        !s.division.trim().is_empty()
            && match s.term {
                Term::Days(n) => (1..=crate::calendar::MAX_DAYS).contains(&n),
                Term::Hours(n) => (1..=crate::calendar::MAX_HOURS).contains(&n),
                Term::SameDay => true,
            }
    };
    if let Some(p) = c
        .iter()
        .find(|p| p.steps.len() > 30 || !p.steps.iter().all(step_ok) || p.documents.len() > 60)
    {
        return Err(Msg::new(K::ErrProcedureSteps).arg(&p.id));
    }
    Ok(())
}

/// Stamp the entries that differ from the saved catalogue (or are new) with `now`, so that
/// file sync keeps the later edit of each entry.
pub fn stamp_changes(saved: &[Procedure], edited: &mut [Procedure], now: i64) {
    for p in edited.iter_mut() {
        let same = saved.iter().find(|s| s.id == p.id).is_some_and(|s| {
            Procedure {
                changed_at: p.changed_at,
                ..s.clone()
            } == *p
        });
        if !same {
            p.changed_at = now.max(p.changed_at + 1);
        }
    }
}

fn p(id: &str, name: &str, field: &str, division: &str, days: u32, fee: &str, online: Online) -> Procedure {
    Procedure {
        field: field.into(),
        division: division.into(),
        fee: fee.into(),
        online,
        ..Procedure::named(id, name, days)
    }
}

/// Bring never-edited entries of a catalogue stored by an earlier build to this build's
/// defaults for the 15:00 rule (earlier builds set it on for every procedure). An entry staff
/// changed keeps what they chose. Returns whether anything changed.
pub fn upgrade_shipped_catalogue(stored: &mut [Procedure]) -> bool {
    let shipped = default_catalogue();
    let mut changed = false;
    for p in stored.iter_mut().filter(|p| p.changed_at == 0) {
        if let Some(s) = shipped.iter().find(|s| s.id == p.id) {
            if p.cutoff_15h != s.cutoff_15h || p.documents != s.documents || p.steps != s.steps {
                p.cutoff_15h = s.cutoff_15h;
                p.documents.clone_from(&s.documents);
                p.steps.clone_from(&s.steps);
                changed = true;
            }
        }
    }
    changed
}

const TM: &str = "Phòng Quản lý Thương mại";
const KT: &str = "Phòng Kỹ thuật an toàn – Môi trường";
const NL: &str = "Phòng Quản lý Năng lượng";
const CN: &str = "Phòng Quản lý Công nghiệp";
const BTC: &str = "Theo Thông tư của Bộ Tài chính";
const FREE: &str = "Không thu phí";

/// The shipped catalogue as data: code, name, field (lĩnh vực), division, statutory days, fee,
/// online level. An example a department replaces with its own list (Cài đặt, or the
/// province's sheet).
const SEED: [(&str, &str, &str, &str, u32, &str, Online); 11] = [
    (
        "TM-01",
        "Cấp Giấy phép bán buôn sản phẩm rượu",
        "Lưu thông hàng hóa",
        TM,
        10,
        BTC,
        Online::Partial,
    ),
    (
        "TM-02",
        "Đăng ký thực hiện khuyến mại",
        "Xúc tiến thương mại",
        TM,
        5,
        FREE,
        Online::Full,
    ),
    (
        "TM-03",
        "Cấp Giấy phép kinh doanh bán buôn sản phẩm thuốc lá",
        "Lưu thông hàng hóa",
        TM,
        15,
        BTC,
        Online::Partial,
    ),
    (
        "KT-01",
        "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "An toàn thực phẩm",
        KT,
        20,
        BTC,
        Online::Partial,
    ),
    (
        "KT-02",
        "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai",
        "Kinh doanh khí",
        KT,
        15,
        BTC,
        Online::Partial,
    ),
    (
        "KT-03",
        "Cấp Giấy phép sử dụng vật liệu nổ công nghiệp",
        "Vật liệu nổ công nghiệp",
        KT,
        10,
        BTC,
        Online::None,
    ),
    (
        "NL-01",
        "Cấp Giấy phép hoạt động điện lực (phân phối, bán lẻ điện)",
        "Điện lực",
        NL,
        15,
        BTC,
        Online::Partial,
    ),
    ("NL-02", "Cấp Thẻ kiểm tra viên điện lực", "Điện lực", NL, 5, FREE, Online::Full),
    (
        "CN-01",
        "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu",
        "Kinh doanh xăng dầu",
        CN,
        15,
        BTC,
        Online::Partial,
    ),
    (
        "CN-02",
        "Cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn hóa chất",
        "Hóa chất",
        CN,
        10,
        FREE,
        Online::Partial,
    ),
    // A same-day procedure (below: the 15:00 rule is its usual companion).
    (
        "TM-04",
        "Xác nhận bản cam kết đăng ký bán hàng đa cấp (trong ngày)",
        "Bán hàng đa cấp",
        TM,
        1,
        FREE,
        Online::Partial,
    ),
];

/// A small realistic catalogue for a provincial Department of Industry and Trade; staff edit it.
pub fn default_catalogue() -> Vec<Procedure> {
    let mut catalogue: Vec<Procedure> = SEED
        .iter()
        .map(|&(id, name, field, division, days, fee, online)| p(id, name, field, division, days, fee, online))
        .collect();
    if let Some(tm04) = catalogue.iter_mut().find(|p| p.id == "TM-04") {
        tm04.same_day = true;
        tm04.cutoff_15h = true;
    }
    // An example of the internal process and the documents, for the 5-day registration: a
    // department enters its own from the province's decision on internal procedures [I].
    if let Some(tm02) = catalogue.iter_mut().find(|p| p.id == "TM-02") {
        use super::control::Step;
        tm02.documents = vec![
            "Văn bản đăng ký thực hiện khuyến mại (Mẫu số 02, Phụ lục NĐ 81/2018/NĐ-CP)".into(),
            "Thể lệ chương trình khuyến mại".into(),
            "Mẫu vé số dự thưởng (nếu có)".into(),
        ];
        tm02.steps = vec![
            Step {
                division: TM.into(),
                term: Term::Days(3),
            },
            Step {
                division: "Lãnh đạo Sở".into(),
                term: Term::Days(1),
            },
        ];
    }
    catalogue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_finds_entries_by_every_word_without_marks() {
        let c = default_catalogue();
        let all = search(&c, "");
        assert_eq!(all.len(), c.len());
        let found = search(&c, "ruou  BAN buôn");
        assert!(!found.is_empty());
        assert!(found.iter().all(|&i| crate::format::fold_key(&c[i].name).contains("ruou")));
        assert_eq!(search(&c, "tm-01"), vec![c.iter().position(|p| p.id == "TM-01").unwrap()]);
        assert!(search(&c, "không có thủ tục này").is_empty());
    }

    #[test]
    fn a_sheets_procedure_matches_by_code_then_by_name_whatever_its_marks() {
        let c = default_catalogue();
        let none = std::collections::BTreeMap::new();
        assert_eq!(match_procedure(&c, "tm-02", &none).map(|p| p.id.as_str()), Some("TM-02"));
        assert_eq!(
            match_procedure(&c, "  ĐĂNG KÝ THỰC HIỆN  khuyến mại ", &none).map(|p| p.id.as_str()),
            Some("TM-02")
        );
        assert_eq!(
            match_procedure(&c, "Dang ky thuc hien khuyen mai", &none).map(|p| p.id.as_str()),
            Some("TM-02")
        );
        assert!(match_procedure(&c, "Đăng ký khuyến mại", &none).is_none());
        let chosen = [("dang ky khuyen mai".to_string(), "TM-02".to_string())].into_iter().collect();
        assert_eq!(
            match_procedure(&c, "Đăng ký khuyến mại", &chosen).map(|p| p.id.as_str()),
            Some("TM-02")
        );
        assert!(match_procedure(&c, " ", &none).is_none());
    }

    #[test]
    fn catalogue_ids_are_unique_and_times_positive() {
        let c = default_catalogue();
        let ids: std::collections::BTreeSet<_> = c.iter().map(|p| &p.id).collect();
        assert_eq!(ids.len(), c.len());
        assert!(c.iter().all(|p| p.days > 0 && !p.division.is_empty()));
    }

    #[test]
    fn due_in_days_hours_or_the_same_day() {
        let cal = crate::calendar::WorkCalendar::default();
        let at = |d, h, m| chrono::NaiveDate::from_ymd_opt(2025, 2, d).unwrap().and_hms_opt(h, m, 0).unwrap();
        let c = default_catalogue();
        let days = c.iter().find(|p| p.id == "TM-02").unwrap();
        // 5 working days from Monday 3/2 09:00: Tue..Mon → Mon 10/2 at the close.
        assert_eq!(days.due(&cal, at(3, 9, 0)), at(10, 17, 0));
        let same_day = c.iter().find(|p| p.id == "TM-04").unwrap();
        assert_eq!(same_day.term(), Term::SameDay, "trong ngày is a day rule, not 8 hours");
        assert_eq!(same_day.due(&cal, at(3, 9, 0)), at(3, 17, 0));
        assert_eq!(same_day.due(&cal, at(3, 16, 0)), at(4, 17, 0), "after 15:00: the next working day");
        let hours = Procedure {
            hours: 8,
            same_day: false,
            ..same_day.clone()
        };
        assert_eq!(
            hours.due(&cal, at(3, 16, 0)),
            at(4, 16, 30),
            "8 h from Monday 16:00: 1 h, then 4 h + 3 h from 13:30 on Tuesday"
        );
    }

    #[test]
    fn hour_based_due_times_stay_within_office_hours() {
        let cal = crate::calendar::WorkCalendar::default();
        let office = cal.office;
        let c = default_catalogue();
        let base = Procedure {
            hours: 1,
            same_day: false,
            ..c[0].clone()
        };
        for h in [1, 3, 4, 7, 8, 16, 40] {
            let p = Procedure { hours: h, ..base.clone() };
            for start_h in 0..24 {
                let r = chrono::NaiveDate::from_ymd_opt(2025, 2, 3)
                    .unwrap()
                    .and_hms_opt(start_h, 15, 0)
                    .unwrap();
                let due = p.due(&cal, r).time();
                let inside = office.periods().iter().any(|(a, b)| due > *a && due <= *b);
                assert!(inside, "{h} h from {r}: {due}");
            }
        }
    }

    #[test]
    fn edits_are_checked_and_stamped() {
        let saved = default_catalogue();
        let mut edited = saved.clone();
        edited[2].days = 12;
        stamp_changes(&saved, &mut edited, 500);
        assert_eq!(edited[2].changed_at, 500);
        assert_eq!(edited[0].changed_at, 0, "untouched entries keep their time");
        assert!(validate_catalogue(&edited).is_ok());
        edited[1].days = 0;
        assert!(validate_catalogue(&edited).unwrap_err().to_string().contains("TM-02"));
        edited[1].days = 400;
        assert!(validate_catalogue(&edited).is_err());
        edited[1].days = 5;
        edited[1].hours = 5000;
        assert!(validate_catalogue(&edited).is_err());
        edited[1].hours = 0;
        edited[1].id = edited[0].id.clone();
        assert!(validate_catalogue(&edited).is_err());
    }

    #[test]
    fn the_15h_rule_is_off_by_default_and_chosen_per_procedure() {
        let cal = crate::calendar::WorkCalendar::default();
        let at = |d, h, m| chrono::NaiveDate::from_ymd_opt(2025, 2, d).unwrap().and_hms_opt(h, m, 0).unwrap();
        let c = default_catalogue();
        assert!(c.iter().filter(|p| !p.same_day).all(|p| !p.cutoff_15h));
        let five = c.iter().find(|p| p.id == "TM-02").unwrap();
        // Monday 3/2 16:00, 5 days: without the rule the count starts Tuesday → Mon 10/2.
        assert_eq!(five.due(&cal, at(3, 16, 0)), at(10, 17, 0));
        let with_rule = Procedure {
            cutoff_15h: true,
            ..five.clone()
        };
        assert_eq!(with_rule.due(&cal, at(3, 16, 0)), at(11, 17, 0));
        // A same-day procedure without the rule is due at today's close whatever the hour.
        let same_day = Procedure {
            cutoff_15h: false,
            ..c.iter().find(|p| p.same_day).unwrap().clone()
        };
        assert_eq!(same_day.due(&cal, at(3, 16, 0)), at(3, 17, 0));
    }

    #[test]
    fn a_stored_catalogue_keeps_edited_entries_and_updates_the_rest() {
        let mut stored = default_catalogue();
        for p in &mut stored {
            p.cutoff_15h = true;
        }
        stored[1].changed_at = 9;
        assert!(upgrade_shipped_catalogue(&mut stored));
        assert!(!stored[0].cutoff_15h, "never edited: the new default");
        assert!(stored[1].cutoff_15h, "edited by staff: kept");
        assert!(!upgrade_shipped_catalogue(&mut stored));
    }

    #[test]
    fn a_new_dossier_never_inherits_channel_fee_or_result_channel() {
        let c = default_catalogue();
        let free = c.iter().find(|p| p.id == "TM-02").unwrap();
        let paid = c.iter().find(|p| p.id == "TM-01").unwrap();
        let d = form_defaults(Some(free));
        assert_eq!(
            d,
            FormDefaults {
                channel: super::super::Channel::Direct,
                fee: Some(super::super::Fee::Free),
                result_via: super::super::Channel::Direct,
                copies: 1,
                online_level: None,
            }
        );
        assert_eq!(form_defaults(Some(paid)).fee, None, "a paying procedure: the officer chooses");
        assert_eq!(form_defaults(None).fee, None);
        assert!(free.is_free() && !paid.is_free());
    }

    #[test]
    fn a_term_reads_in_either_language() {
        assert_eq!(Term::Days(5).text(crate::Lang::Vi), "5 ngày làm việc");
        assert_eq!(Term::SameDay.text(crate::Lang::Vi), "Giải quyết trong ngày");
        assert_ne!(Term::Hours(8).text(crate::Lang::En), Term::Hours(8).text(crate::Lang::Vi));
    }

    #[test]
    fn terms_are_bounded() {
        let c = default_catalogue();
        let huge = Procedure {
            days: u32::MAX,
            ..c[0].clone()
        };
        assert_eq!(huge.term(), Term::Days(crate::calendar::MAX_DAYS));
        let zero = Procedure { days: 0, ..c[0].clone() };
        assert_eq!(zero.term(), Term::Days(1));
        let hours = Procedure {
            hours: 1_000_000,
            ..c[0].clone()
        };
        assert_eq!(hours.term(), Term::Hours(crate::calendar::MAX_HOURS));
    }
}
