//! The print models of the forms of Thông tư 03/2025/TT-VPCP, Phụ lục I (shared/domain.md,
//! "Forms" [V]): what each form says about one dossier, in Vietnamese, whatever the UI's
//! language (an official paper). The shell lays them out on A4 under the national heading.
//! Mẫu 01 is `worklist::receipt_slip`, Mẫu 07 `worklist::register`; this module holds 02–06.
//! The forms' headings and titles are the circular's; the sentences between follow the
//! forms' structure in our words [I].

use super::control::{handovers, Holder, Step};
use super::{Dossier, Status, Timeliness};
use crate::calendar::WorkCalendar;
use crate::format::{date, date_time, long_date, time_on_date};
use chrono::{NaiveDate, NaiveDateTime};

/// The forms of Phụ lục I.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    Receipt01,
    Supplement02,
    Refusal03,
    Apology04,
    Stop05,
    Control06,
    Register07,
}

impl Form {
    pub const ALL: [Form; 7] = [
        Form::Receipt01,
        Form::Supplement02,
        Form::Refusal03,
        Form::Apology04,
        Form::Stop05,
        Form::Control06,
        Form::Register07,
    ];

    /// "01" … "07": the form's number, also its address (`/print/form/02/<id>`).
    pub fn number(self) -> &'static str {
        ["01", "02", "03", "04", "05", "06", "07"][self as usize]
    }

    pub fn from_number(n: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.number() == n)
    }

    /// The form's title as the circular prints it.
    pub fn title(self) -> &'static str {
        match self {
            Form::Receipt01 => "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            Form::Supplement02 => "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            Form::Refusal03 => "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            Form::Apology04 => "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
            Form::Stop05 => "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
            Form::Control06 => "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            Form::Register07 => "SỔ THEO DÕI HỒ SƠ",
        }
    }

    /// The source line printed under the heading.
    pub fn source(self) -> String {
        format!("Mẫu số {} (Phụ lục I, Thông tư 03/2025/TT-VPCP)", self.number())
    }
}

/// The forms that apply to `d` now, in number order: the receipt always; 02 once a supplement
/// was requested, 03 once refused, 04 once extended, 05 once stopped; 06 once the file was
/// handed on.
pub fn forms_for(d: &Dossier) -> Vec<Form> {
    let has = |s: Status| d.events.iter().any(|e| e.status == s);
    let mut v = vec![Form::Receipt01];
    v.extend(has(Status::SupplementRequested).then_some(Form::Supplement02));
    v.extend(has(Status::Refused).then_some(Form::Refusal03));
    v.extend(d.extension.is_some().then_some(Form::Apology04));
    v.extend(has(Status::Stopped).then_some(Form::Stop05));
    v.extend((d.events.len() > 1).then_some(Form::Control06));
    v
}

/// Who the letters come from (the settings' names): the heading and the signatures.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Letterhead {
    pub parent: String,
    pub agency: String,
    pub counter: String,
    pub phone: String,
    pub head_title: String,
    pub head_name: String,
}

impl Letterhead {
    pub fn of(s: &crate::settings::Settings) -> Letterhead {
        let agency = if s.agency_name.trim().is_empty() {
            s.agency_code.trim()
        } else {
            s.agency_name.trim()
        };
        Letterhead {
            parent: s.parent_agency.trim().to_string(),
            agency: agency.to_string(),
            counter: s.counter_name.trim().to_string(),
            phone: s.counter_phone.trim().to_string(),
            head_title: s.head_title.trim().to_string(),
            head_name: s.head_name.trim().to_string(),
        }
    }

    /// The agency as a sentence names it: "Sở Công Thương" from "SỞ CÔNG THƯƠNG".
    fn agency_in_text(&self) -> String {
        sentence_case(&self.agency)
    }

    /// The head of the agency signs (Mẫu 04, 05): their title, or the form's own words.
    fn signs(&self, l: &mut Letter) {
        l.signer_title = if self.head_title.is_empty() {
            "THỦ TRƯỞNG CƠ QUAN".into()
        } else {
            crate::format::upper(&self.head_title)
        };
        l.signer_name.clone_from(&self.head_name);
    }

    fn desk(&self) -> &str {
        if self.counter.is_empty() {
            super::control::DESK
        } else {
            &self.counter
        }
    }
}

/// "SỞ CÔNG THƯƠNG" → "Sở Công Thương": an all-capitals name as it reads inside a sentence.
fn sentence_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_string() + &crate::format::lower(c.as_str()))
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Forms 02–05: a letter to the applicant about one dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub form: Form,
    pub code: String,
    /// The letter's date (the step's day).
    pub dated: NaiveDate,
    /// "ngày 05 tháng 12 năm 2026", after the place.
    pub dated_text: String,
    /// Kính gửi.
    pub to: String,
    /// Labelled facts about the dossier (label, value).
    pub facts: Vec<(&'static str, String)>,
    pub paragraphs: Vec<String>,
    /// A numbered list (what to supplement), one item a line of the officer's note.
    pub items: Vec<String>,
    /// The signature block: title (upper case) and name.
    pub signer_title: String,
    pub signer_name: String,
}

fn facts(d: &Dossier) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("Mã hồ sơ", d.code.clone()),
        ("Tên thủ tục hành chính", d.procedure_name.clone()),
        ("Tổ chức, cá nhân", d.applicant.clone()),
    ];
    if !d.id_number.is_empty() {
        v.push(("Số định danh cá nhân / Mã số doanh nghiệp", d.id_number.clone()));
    }
    if !d.contact.is_empty() {
        v.push(("Địa chỉ, số điện thoại", d.contact.clone()));
    }
    v.push(("Thời điểm tiếp nhận", time_on_date(d.received)));
    v
}

fn last_event(d: &Dossier, s: Status) -> Option<&super::Event> {
    d.events.iter().rev().find(|e| e.status == s)
}

/// The note's lines (or `;`-separated parts) as list items.
fn items(note: &str) -> Vec<String> {
    note.split(['\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn letter(form: Form, d: &Dossier, at: NaiveDateTime) -> Letter {
    Letter {
        form,
        code: d.code.clone(),
        dated: at.date(),
        dated_text: long_date(at.date()),
        to: d.applicant.clone(),
        facts: facts(d),
        paragraphs: Vec::new(),
        items: Vec::new(),
        signer_title: String::new(),
        signer_name: String::new(),
    }
}

/// Mẫu 02 from the latest supplement request: what the file lacks (the request's note), signed
/// by the officer who asked.
pub fn supplement_request(d: &Dossier, head: &Letterhead) -> Option<Letter> {
    let e = last_event(d, Status::SupplementRequested)?;
    let mut l = letter(Form::Supplement02, d, e.at);
    l.paragraphs = vec![format!(
        "{} đã tiếp nhận hồ sơ nêu trên. Qua xem xét, hồ sơ cần được bổ sung, hoàn thiện các nội dung sau:",
        head.desk()
    )];
    l.items = items(&e.note);
    let contact = if head.phone.is_empty() {
        String::new()
    } else {
        format!(", số điện thoại {}", head.phone)
    };
    l.paragraphs.push(format!(
        "Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, đề nghị liên hệ {}{contact} để được hướng dẫn.",
        head.desk()
    ));
    l.signer_title = "NGƯỜI HƯỚNG DẪN".into();
    l.signer_name = e.officer.clone();
    Some(l)
}

/// Mẫu 03 from the refusal: the reason, signed by the officer who refused.
pub fn refusal(d: &Dossier, head: &Letterhead) -> Option<Letter> {
    let e = last_event(d, Status::Refused)?;
    let mut l = letter(Form::Refusal03, d, e.at);
    l.paragraphs = vec![
        format!(
            "Qua xem xét, {} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
            head.desk()
        ),
        reason_or_blank(&e.note),
        "Xin thông báo để tổ chức, cá nhân biết và thực hiện.".into(),
    ];
    l.signer_title = "NGƯỜI TIẾP NHẬN HỒ SƠ".into();
    l.signer_name = e.officer.clone();
    Some(l)
}

/// Mẫu 04 from the extension: the original appointment, the reason, the new date; signed by
/// the head of the agency (NĐ 118/2025: the handling agency apologises in writing).
pub fn apology(d: &Dossier, cal: &WorkCalendar, head: &Letterhead) -> Option<Letter> {
    let x = d.extension.as_ref()?;
    let mut l = letter(Form::Apology04, d, x.at);
    // The appointment as it stood when the apology was written (pauses so far included).
    let promised = d.statutory_due(cal, x.at);
    l.facts.push(("Thời hạn trả kết quả đã hẹn", date_time(promised)));
    l.paragraphs = vec![
        format!(
            "Ngày {}, {} tiếp nhận hồ sơ của tổ chức, cá nhân nêu trên, hẹn trả kết quả vào {}. Đến nay, hồ sơ chưa giải quyết xong đúng hạn.",
            date(d.received.date()),
            head.agency_in_text(),
            time_on_date(promised),
        ),
        format!("Lý do: {}", x.reason),
        format!(
            "Sự chậm trễ này đã gây phiền hà cho tổ chức, cá nhân. {} xin lỗi và đề nghị gia hạn thời gian giải quyết; kết quả sẽ được trả vào {}.",
            head.agency_in_text(),
            time_on_date(x.new_due),
        ),
    ];
    head.signs(&mut l);
    Some(l)
}

/// Mẫu 05 from the stop: the reason, signed by the head of the agency.
pub fn stop_notice(d: &Dossier, head: &Letterhead) -> Option<Letter> {
    let e = last_event(d, Status::Stopped)?;
    let mut l = letter(Form::Stop05, d, e.at);
    l.paragraphs = vec![
        format!(
            "{} thông báo dừng giải quyết hồ sơ nêu trên kể từ {}, với lý do:",
            head.agency_in_text(),
            time_on_date(e.at)
        ),
        reason_or_blank(&e.note),
        "Xin thông báo để tổ chức, cá nhân biết và thực hiện.".into(),
    ];
    head.signs(&mut l);
    Some(l)
}

fn reason_or_blank(note: &str) -> String {
    if note.trim().is_empty() {
        "…………………………………………………………".into()
    } else {
        note.trim().to_string()
    }
}

/// The letter of `form` for `d`, if that form applies (02–05).
pub fn letter_of(form: Form, d: &Dossier, cal: &WorkCalendar, head: &Letterhead) -> Option<Letter> {
    match form {
        Form::Supplement02 => supplement_request(d, head),
        Form::Refusal03 => refusal(d, head),
        Form::Apology04 => apology(d, cal, head),
        Form::Stop05 => stop_notice(d, head),
        _ => None,
    }
}

/// Mẫu 06's columns, in the order of [`ControlRow`]'s fields.
pub const CONTROL_COLUMNS: [&str; 7] = [
    "Tên cơ quan, đơn vị giao",
    "Tên cơ quan, đơn vị nhận",
    "Thời gian giao, nhận",
    "Hạn của bước",
    "Kết quả (trước / đúng / quá hạn)",
    "Người giao",
    "Ghi chú",
];

/// The addressee's line and the place before the date (left to fill in by hand).
pub const TO: &str = "Kính gửi";
pub const PLACE: &str = "……";

/// One row of Mẫu 06 as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ControlRow {
    /// "Giao: … / Nhận: …".
    pub giver: String,
    pub taker: String,
    pub at: String,
    pub officer: String,
    /// "Trước hạn", "Đúng hạn", "Quá hạn" or empty (not judged).
    pub judged: String,
    /// The giver's deadline, when its step has a share.
    pub due: String,
    pub note: String,
}

/// Mẫu 06 of one dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ControlSheet {
    pub code: String,
    pub facts: Vec<(&'static str, String)>,
    pub rows: Vec<ControlRow>,
}

pub fn control_sheet(d: &Dossier, steps: &[Step], cal: &WorkCalendar, head: &Letterhead) -> ControlSheet {
    let mut facts = facts(d);
    facts.push(("Thời hạn trả kết quả", date_time(d.due)));
    let rows = handovers(d, steps, cal)
        .into_iter()
        .map(|h| ControlRow {
            giver: h.from.name(&head.counter, &d.applicant).to_string(),
            taker: match &h.to {
                Holder::Applicant => format!("Tổ chức, cá nhân: {}", d.applicant),
                other => other.name(&head.counter, &d.applicant).to_string(),
            },
            at: time_on_date(h.at),
            officer: h.officer,
            judged: match h.judged {
                Some(Timeliness::Early) => "Trước hạn",
                Some(Timeliness::OnTime) => "Đúng hạn",
                Some(Timeliness::Late) => "Quá hạn",
                _ => "",
            }
            .to_string(),
            due: h.due.map(date_time).unwrap_or_default(),
            note: h.note,
        })
        .collect();
    ControlSheet {
        code: d.code.clone(),
        facts,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::record::tests::{at, new};

    fn head() -> Letterhead {
        Letterhead {
            parent: "UBND TỈNH KHÁNH HÒA".into(),
            agency: "SỞ CÔNG THƯƠNG".into(),
            counter: "Bộ phận TN&TKQ của Sở Công Thương".into(),
            phone: "0258 3822 123".into(),
            head_title: "Giám đốc".into(),
            head_name: "Lê Văn Cường".into(),
        }
    }

    #[test]
    fn each_form_applies_once_its_step_happened() {
        let mut d = new("SCT-250203-0001", "TM-03", at(2025, 2, 3, 9)).unwrap();
        assert_eq!(forms_for(&d), vec![Form::Receipt01]);
        d.transition(Status::InProgress, at(2025, 2, 3, 10), "", "Phòng QLTM").unwrap();
        d.transition(Status::SupplementRequested, at(2025, 2, 4, 9), "Thể lệ\nMẫu vé", "")
            .unwrap();
        assert_eq!(forms_for(&d), vec![Form::Receipt01, Form::Supplement02, Form::Control06]);
        d.transition(Status::SupplementReceived, at(2025, 2, 5, 9), "", "").unwrap();
        d.extend(&WorkCalendar::default(), at(2025, 2, 6, 9), at(2025, 3, 10, 17), "Chờ ý kiến Bộ")
            .unwrap();
        d.transition(Status::InProgress, at(2025, 2, 7, 8), "", "").unwrap();
        d.transition(Status::Stopped, at(2025, 2, 7, 9), "Tổ chức đề nghị dừng", "")
            .unwrap();
        assert_eq!(
            forms_for(&d),
            vec![Form::Receipt01, Form::Supplement02, Form::Apology04, Form::Stop05, Form::Control06]
        );
        assert_eq!(Form::from_number("04"), Some(Form::Apology04));
        assert_eq!(Form::Apology04.source(), "Mẫu số 04 (Phụ lục I, Thông tư 03/2025/TT-VPCP)");
    }

    #[test]
    fn the_supplement_request_lists_what_is_missing_and_who_asked() {
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.id_number = "0101234567".into();
        d.transition_by(
            Status::SupplementRequested,
            at(2025, 2, 4, 14),
            "Thể lệ chương trình; Mẫu vé số dự thưởng",
            "",
            "Nguyễn Văn An",
        )
        .unwrap();
        let l = supplement_request(&d, &head()).unwrap();
        assert_eq!(l.items, vec!["Thể lệ chương trình", "Mẫu vé số dự thưởng"]);
        assert_eq!(l.dated_text, "ngày 04 tháng 02 năm 2025");
        assert_eq!(
            (l.signer_title.as_str(), l.signer_name.as_str()),
            ("NGƯỜI HƯỚNG DẪN", "Nguyễn Văn An")
        );
        assert!(l
            .facts
            .contains(&("Số định danh cá nhân / Mã số doanh nghiệp", "0101234567".into())));
        assert!(l.facts.contains(&("Thời điểm tiếp nhận", "09 giờ 00 phút, ngày 03/02/2025".into())));
        assert!(l.paragraphs[1].contains("0258 3822 123"));
        assert_eq!(refusal(&d, &head()), None, "not refused");
    }

    #[test]
    fn the_apology_gives_the_old_appointment_the_reason_and_the_new_date_signed_by_the_head() {
        let cal = WorkCalendar::default();
        // TM-03: 15 working days from Mon 3/2/2025: due Mon 24/2.
        let mut d = new("SCT-250203-0001", "TM-03", at(2025, 2, 3, 9)).unwrap();
        d.extend(&cal, at(2025, 2, 20, 9), at(2025, 3, 7, 17), "Chờ ý kiến của Bộ Công Thương")
            .unwrap();
        let l = apology(&d, &cal, &head()).unwrap();
        let text = l.paragraphs.join(" ");
        assert!(text.contains("hẹn trả kết quả vào 17 giờ 00 phút, ngày 24/02/2025"), "{text}");
        assert!(text.contains("Lý do: Chờ ý kiến của Bộ Công Thương"), "{text}");
        assert!(text.contains("kết quả sẽ được trả vào 17 giờ 00 phút, ngày 07/03/2025"), "{text}");
        assert!(text.contains("Sở Công Thương xin lỗi"), "the agency in sentence case: {text}");
        assert_eq!((l.signer_title.as_str(), l.signer_name.as_str()), ("GIÁM ĐỐC", "Lê Văn Cường"));
        assert_eq!(l.dated, chrono::NaiveDate::from_ymd_opt(2025, 2, 20).unwrap());
    }

    #[test]
    fn refusal_and_stop_carry_their_reason() {
        let mut r = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        r.transition_by(Status::Refused, at(2025, 2, 3, 10), "Không thuộc thẩm quyền", "", "Trần Thị Bình")
            .unwrap();
        let l = letter_of(Form::Refusal03, &r, &WorkCalendar::default(), &head()).unwrap();
        assert_eq!(l.paragraphs[1], "Không thuộc thẩm quyền");
        assert_eq!(l.signer_name, "Trần Thị Bình");
        let mut s = new("SCT-250203-0002", "TM-02", at(2025, 2, 3, 9)).unwrap();
        s.transition(Status::InProgress, at(2025, 2, 3, 10), "", "Phòng QLTM").unwrap();
        s.transition(Status::Stopped, at(2025, 2, 5, 10), "", "").unwrap();
        let l = letter_of(Form::Stop05, &s, &WorkCalendar::default(), &Letterhead::default()).unwrap();
        assert!(l.paragraphs[1].starts_with("……"), "no reason typed: a line to fill in");
        assert_eq!(l.signer_title, "THỦ TRƯỞNG CƠ QUAN");
        assert_eq!(letter_of(Form::Receipt01, &s, &WorkCalendar::default(), &head()), None);
    }

    #[test]
    fn the_control_sheet_prints_each_hand_over_with_its_officer_and_judgement() {
        let cal = WorkCalendar::default();
        let steps = crate::dossier::default_catalogue()
            .into_iter()
            .find(|p| p.id == "TM-02")
            .unwrap()
            .steps;
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.transition_by(
            Status::InProgress,
            at(2025, 2, 3, 10),
            "",
            "Phòng Quản lý Thương mại",
            "Nguyễn Văn An",
        )
        .unwrap();
        d.transition_by(Status::InProgress, at(2025, 2, 7, 9), "", "Lãnh đạo Sở", "Trần Thị Bình")
            .unwrap();
        d.transition_by(Status::Resolved, at(2025, 2, 7, 15), "", "", "Trần Thị Bình")
            .unwrap();
        d.transition_by(Status::Returned, at(2025, 2, 10, 9), "", "", "Nguyễn Văn An")
            .unwrap();
        let c = control_sheet(&d, &steps, &cal, &head());
        let judged: Vec<&str> = c.rows.iter().map(|r| r.judged.as_str()).collect();
        // The director's one day runs to the close of Mon 10/2: done Friday, early.
        assert_eq!(judged, ["Đúng hạn", "Quá hạn", "Trước hạn", ""]);
        assert_eq!(c.rows[0].giver, "Bộ phận TN&TKQ của Sở Công Thương");
        assert_eq!(c.rows[1].officer, "Trần Thị Bình");
        assert_eq!(c.rows[3].taker, "Tổ chức, cá nhân: Công ty TNHH An Phát");
        assert_eq!(c.rows[1].due, "06/02/2025 17:00");
        assert_eq!(c.rows[0].at, "10 giờ 00 phút, ngày 03/02/2025");
    }
}
