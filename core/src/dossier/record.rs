//! One dossier and the rules for moving it through its statuses.

use super::code::valid_code;
pub use super::status::Status;
use crate::calendar::WorkCalendar;
use crate::record::{Meta, Record};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// How the dossier reached the desk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    /// 1 – trực tiếp.
    #[default]
    Direct,
    /// 2 – trực tuyến.
    Online,
    /// 3 – bưu chính công ích.
    Post,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Direct, Channel::Online, Channel::Post];
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Channel::Direct, crate::Lang::Vi) => "Trực tiếp",
            (Channel::Online, crate::Lang::Vi) => "Trực tuyến",
            (Channel::Post, crate::Lang::Vi) => "Bưu chính công ích",
            (Channel::Direct, _) => "In person",
            (Channel::Online, _) => "Online",
            (Channel::Post, _) => "Public post",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at: NaiveDateTime,
    pub status: Status,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The division holding the dossier after this step.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub division: String,
}

/// The one allowed move of the due date, with the written apology (văn bản xin lỗi).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub at: NaiveDateTime,
    pub new_due: NaiveDateTime,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    #[serde(flatten)]
    pub meta: Meta,
    pub code: String,
    /// Procedure id in the catalogue, and its name when received (the catalogue may change).
    pub procedure: String,
    pub procedure_name: String,
    pub applicant: String,
    #[serde(default)]
    pub contact: String,
    pub channel: Channel,
    pub received: NaiveDateTime,
    pub due: NaiveDateTime,
    /// Non-empty when the computed due date was overridden, saying why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due_reason: String,
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    /// The division that held the dossier when it went late (the letters blame late hand-overs).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub late_division: String,
    /// How the result was received (at the desk, by post, online).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub return_method: String,
}

impl Record for Dossier {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DossierError {
    DueBeforeReceived,
    BadCode(String),
    DuplicateCode(String),
    UnknownProcedure(String),
    NotAllowed { from: Status, to: Status },
    BeforeLastEvent,
    ExtensionUsed,
    ExtensionTooLate,
    ExtensionNotLater,
    EmptyField(&'static str),
}

impl std::fmt::Display for DossierError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use DossierError::*;
        match self {
            DueBeforeReceived => write!(f, "Hạn trả trước ngày nhận / due before received"),
            BadCode(c) => write!(f, "Mã hồ sơ không đúng dạng <CQ>-YYMMDD-NNNN: {c}"),
            DuplicateCode(c) => write!(f, "Trùng mã hồ sơ / duplicate code: {c}"),
            UnknownProcedure(p) => write!(f, "Không có thủ tục này trong danh mục / unknown procedure: {p}"),
            NotAllowed { from, to } => write!(
                f,
                "Không thể chuyển từ «{}» sang «{}»",
                from.label(crate::Lang::Vi),
                to.label(crate::Lang::Vi)
            ),
            BeforeLastEvent => write!(f, "Thời điểm trước bước trước / earlier than the last step"),
            ExtensionUsed => write!(f, "Chỉ được gia hạn một lần / already extended once"),
            ExtensionTooLate => write!(
                f,
                "Phải xin gia hạn trước hạn ít nhất 1 ngày làm việc / at least one working day before the due date"
            ),
            ExtensionNotLater => write!(f, "Hạn mới phải sau hạn cũ / the new date must be later"),
            EmptyField(name) => write!(f, "Thiếu thông tin: {name}"),
        }
    }
}

/// What an officer types for a new dossier.
#[derive(Clone, Debug, Default)]
pub struct NewDossier {
    pub code: String,
    pub procedure: String,
    pub applicant: String,
    pub contact: String,
    pub channel: Channel,
    pub received: Option<NaiveDateTime>,
    /// An overridden due date and its reason.
    pub due_override: Option<(NaiveDateTime, String)>,
}

impl Dossier {
    /// Validate and create a dossier; the due date comes from the procedure and the calendar.
    pub fn create<'a>(
        input: NewDossier,
        catalogue: &[super::Procedure],
        cal: &WorkCalendar,
        existing_codes: impl Iterator<Item = &'a str>,
        meta: Meta,
    ) -> Result<Dossier, DossierError> {
        let code = input.code.trim().to_uppercase();
        if !valid_code(&code) {
            return Err(DossierError::BadCode(code));
        }
        if existing_codes.into_iter().any(|c| c.eq_ignore_ascii_case(&code)) {
            return Err(DossierError::DuplicateCode(code));
        }
        let proc = catalogue
            .iter()
            .find(|p| p.id == input.procedure || p.name == input.procedure)
            .ok_or_else(|| DossierError::UnknownProcedure(input.procedure.clone()))?;
        if input.applicant.trim().is_empty() {
            return Err(DossierError::EmptyField("Tên tổ chức, cá nhân"));
        }
        let received = input.received.ok_or(DossierError::EmptyField("Ngày nhận"))?;
        let computed = proc.due(cal, received);
        let (due, due_reason) = match input.due_override {
            Some((d, reason)) if d != computed => {
                if reason.trim().is_empty() {
                    return Err(DossierError::EmptyField("Lý do đổi hạn trả"));
                }
                (d, reason.trim().to_string())
            }
            _ => (computed, String::new()),
        };
        if due < received {
            return Err(DossierError::DueBeforeReceived);
        }
        Ok(Dossier {
            meta,
            code,
            procedure: proc.id.clone(),
            procedure_name: proc.name.clone(),
            applicant: input.applicant.trim().to_string(),
            contact: input.contact.trim().to_string(),
            channel: input.channel,
            received,
            due,
            due_reason,
            events: vec![Event {
                at: received,
                status: Status::Received,
                note: String::new(),
                division: String::new(),
            }],
            extension: None,
            late_division: String::new(),
            return_method: String::new(),
        })
    }

    pub fn status(&self) -> Status {
        self.events.last().map_or(Status::Received, |e| e.status)
    }

    fn first(&self, s: Status) -> Option<NaiveDateTime> {
        self.events.iter().find(|e| e.status == s).map(|e| e.at)
    }

    /// End of processing (đã xử lý xong).
    pub fn resolved_at(&self) -> Option<NaiveDateTime> {
        self.first(Status::Resolved)
    }

    pub fn returned_at(&self) -> Option<NaiveDateTime> {
        self.first(Status::Returned)
    }

    pub fn supplement_requests(&self) -> usize {
        self.events.iter().filter(|e| e.status == Status::SupplementRequested).count()
    }

    /// The division holding the dossier now (the last step that named one).
    pub fn holder(&self) -> Option<&str> {
        self.events
            .iter()
            .rev()
            .find(|e| !e.division.is_empty())
            .map(|e| e.division.as_str())
    }

    /// Move to `to` at `at`, if the rules allow it.
    pub fn transition(&mut self, to: Status, at: NaiveDateTime, note: &str, division: &str) -> Result<(), DossierError> {
        let from = self.status();
        if !from.next().contains(&to) {
            return Err(DossierError::NotAllowed { from, to });
        }
        if self.events.last().is_some_and(|e| at < e.at) {
            return Err(DossierError::BeforeLastEvent);
        }
        self.events.push(Event {
            at,
            status: to,
            note: note.trim().to_string(),
            division: division.trim().to_string(),
        });
        Ok(())
    }

    /// The one allowed extension: at least one working day before the current due date, to a
    /// later date, with the apology's reason.
    pub fn extend(&mut self, cal: &WorkCalendar, at: NaiveDateTime, new_due: NaiveDateTime, reason: &str) -> Result<(), DossierError> {
        if self.extension.is_some() {
            return Err(DossierError::ExtensionUsed);
        }
        if reason.trim().is_empty() {
            return Err(DossierError::EmptyField("Lý do xin lỗi, gia hạn"));
        }
        if new_due <= self.due {
            return Err(DossierError::ExtensionNotLater);
        }
        if cal.working_days_between(at.date(), self.due.date()) < 1 {
            return Err(DossierError::ExtensionTooLate);
        }
        self.extension = Some(Extension {
            at,
            new_due,
            reason: reason.trim().to_string(),
        });
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::dossier::default_catalogue;
    use chrono::NaiveDate;

    pub fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    pub fn new(code: &str, proc: &str, received: NaiveDateTime) -> Result<Dossier, DossierError> {
        let input = NewDossier {
            code: code.into(),
            procedure: proc.into(),
            applicant: "Công ty TNHH An Phát".into(),
            received: Some(received),
            ..Default::default()
        };
        Dossier::create(
            input,
            &default_catalogue(),
            &WorkCalendar::default(),
            std::iter::empty(),
            Meta::new([5; 16], 0, "t"),
        )
    }

    #[test]
    fn create_computes_due_from_procedure_and_calendar() {
        // TM-02: 5 working days, 15:00 rule. Friday 24/1/2025 10:00 → Fri, then Tết → 3,4,5,6/2.
        let d = new("SCT-250124-0001", "TM-02", at(2025, 1, 24, 10)).unwrap();
        assert_eq!(d.due, at(2025, 2, 6, 17));
        assert_eq!(d.status(), Status::Received);
        // Same day at 16:00: count starts on the next working day (3/2) → 7/2.
        let d = new("SCT-250124-0002", "TM-02", at(2025, 1, 24, 16)).unwrap();
        assert_eq!(d.due, at(2025, 2, 7, 17));
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        assert_eq!(
            new("SCT-250124-0001", "XX-99", at(2025, 1, 24, 10)).unwrap_err(),
            DossierError::UnknownProcedure("XX-99".into())
        );
        assert!(matches!(new("bad", "TM-02", at(2025, 1, 24, 10)), Err(DossierError::BadCode(_))));
        let input = NewDossier {
            code: "SCT-250124-0001".into(),
            procedure: "TM-02".into(),
            applicant: "A".into(),
            received: Some(at(2025, 1, 24, 10)),
            due_override: Some((at(2025, 1, 20, 10), "lý do".into())),
            ..Default::default()
        };
        let cat = default_catalogue();
        let cal = WorkCalendar::default();
        assert_eq!(
            Dossier::create(input.clone(), &cat, &cal, std::iter::empty(), Meta::new([1; 16], 0, "t")).unwrap_err(),
            DossierError::DueBeforeReceived
        );
        let dup = ["SCT-250124-0001"];
        assert!(matches!(
            Dossier::create(input.clone(), &cat, &cal, dup.iter().copied(), Meta::new([1; 16], 0, "t")),
            Err(DossierError::DuplicateCode(_))
        ));
        let no_reason = NewDossier {
            due_override: Some((at(2025, 3, 1, 10), " ".into())),
            ..input
        };
        assert!(matches!(
            Dossier::create(no_reason, &cat, &cal, std::iter::empty(), Meta::new([1; 16], 0, "t")),
            Err(DossierError::EmptyField(_))
        ));
    }

    #[test]
    fn status_rules() {
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        assert!(d.transition(Status::Returned, at(2025, 2, 3, 10), "", "").is_err());
        d.transition(Status::InProgress, at(2025, 2, 3, 10), "", "Phòng QLTM").unwrap();
        assert_eq!(d.holder(), Some("Phòng QLTM"));
        assert_eq!(
            d.transition(Status::Resolved, at(2025, 2, 3, 9), "", ""),
            Err(DossierError::BeforeLastEvent)
        );
        d.transition(Status::Resolved, at(2025, 2, 5, 9), "", "").unwrap();
        d.transition(Status::Returned, at(2025, 2, 6, 9), "", "").unwrap();
        assert!(
            d.transition(Status::InProgress, at(2025, 2, 7, 9), "", "").is_err(),
            "returned is final"
        );
        assert_eq!(d.resolved_at(), Some(at(2025, 2, 5, 9)));
        assert_eq!(d.returned_at(), Some(at(2025, 2, 6, 9)));
    }

    #[test]
    fn one_extension_at_least_a_working_day_ahead() {
        let cal = WorkCalendar::default();
        // Due Wed 7/2/2025 17:00 (received Mon 3/2 at 9:00 for 5 days → Fri 7/2).
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        assert_eq!(d.due, at(2025, 2, 7, 17));
        assert_eq!(
            d.extend(&cal, at(2025, 2, 7, 8), at(2025, 2, 14, 17), "Chờ ý kiến liên ngành"),
            Err(DossierError::ExtensionTooLate)
        );
        assert_eq!(
            d.extend(&cal, at(2025, 2, 6, 8), at(2025, 2, 5, 17), "x"),
            Err(DossierError::ExtensionNotLater)
        );
        d.extend(&cal, at(2025, 2, 6, 8), at(2025, 2, 14, 17), "Chờ ý kiến liên ngành")
            .unwrap();
        assert_eq!(
            d.extend(&cal, at(2025, 2, 6, 9), at(2025, 2, 20, 17), "lần 2"),
            Err(DossierError::ExtensionUsed)
        );
    }
}
