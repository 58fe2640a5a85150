//! One dossier and the rules for moving it through its statuses.

use super::code::{code_date, valid_code};
use super::procedure::{Online, Term};
pub use super::status::Status;
use crate::calendar::WorkCalendar;
use crate::record::{Meta, Record};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// How the dossier reached the desk. The variant's name is its stable code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
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
    /// The channel's name on screen and on paper.
    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            Channel::Direct => K::ChannelDirect,
            Channel::Online => K::ChannelOnline,
            Channel::Post => K::ChannelPost,
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::i18n::t(lang, self.key())
    }
}

impl Channel {
    /// The stable code (as stored and exported).
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        code.parse().ok()
    }

    /// Read a channel from its stable code or, for data stored before the return method was an
    /// enum, from the free text an officer typed ("tại quầy", "bưu điện", "trực tuyến").
    pub fn from_text(s: &str) -> Channel {
        let s = crate::format::lower(s.trim());
        if s == "online" || s.starts_with('2') || s.contains("trực tuyến") || s.contains("mạng") {
            Channel::Online
        } else if s == "post" || s.starts_with('3') || s.contains("bưu") {
            Channel::Post
        } else {
            Channel::Direct
        }
    }
}

/// Lệ phí: whether the fee was collected at receipt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fee {
    /// The procedure charges no fee.
    Free,
    Paid,
    Unpaid,
}

impl Fee {
    pub const ALL: [Fee; 3] = [Fee::Free, Fee::Paid, Fee::Unpaid];
    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            Fee::Free => K::FeeFree,
            Fee::Paid => K::FeePaid,
            Fee::Unpaid => K::FeeUnpaid,
        }
    }
}

fn result_via_compat<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Channel, D::Error> {
    let s = String::deserialize(de)?;
    Ok(Channel::from_text(&s))
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(deserialize_with = "crate::record::de_datetime")]
    pub at: NaiveDateTime,
    pub status: Status,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The division holding the dossier after this step.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub division: String,
    /// The officer who entered the step (the officer on duty): Mẫu 06 names who handed over.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub officer: String,
}

/// One document of the file received (thành phần hồ sơ, Mẫu 01): its name and how many copies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub copies: u32,
}

/// The digital side of a dossier as the 766 indicators and NĐ 118/2025 ask for it: whether
/// the file was digitised (số hóa), the result issued electronically (kết quả điện tử), and the
/// fee paid online (thanh toán trực tuyến).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digital {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub digitised: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub e_result: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paid_online: bool,
}

impl Digital {
    pub fn is_none(&self) -> bool {
        *self == Digital::default()
    }
}

/// A citizen's phản ánh, kiến nghị about a dossier, as an officer recorded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    #[serde(deserialize_with = "crate::record::de_datetime")]
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The one allowed move of the due date, with the written apology (văn bản xin lỗi).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    #[serde(deserialize_with = "crate::record::de_datetime")]
    pub at: NaiveDateTime,
    #[serde(deserialize_with = "crate::record::de_datetime")]
    pub new_due: NaiveDateTime,
    pub reason: String,
    /// When the officer entered it, if later than the apology's own date: an apology dated
    /// before the day it was entered was confirmed as such and is kept with both dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entered_at: Option<NaiveDateTime>,
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
    /// Số định danh cá nhân (CCCD, 12 digits) or mã số doanh nghiệp (10 digits, or 13 as
    /// `0101234567-001`): Mẫu 01. Personal data.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id_number: String,
    /// Personal data.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    pub channel: Channel,
    /// For an online file, when it was filed on the Cổng Dịch vụ công quốc gia; `received` is
    /// when the desk accepted it ("hồ sơ trực tuyến chậm được tiếp nhận" is measured between).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed_at: Option<NaiveDateTime>,
    /// Thành phần hồ sơ: the documents received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    #[serde(default, skip_serializing_if = "Digital::is_none")]
    pub digital: Digital,
    /// The officer who received the file (Mẫu 01's "Người tiếp nhận hồ sơ").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub receiver: String,
    #[serde(deserialize_with = "crate::record::de_datetime")]
    pub received: NaiveDateTime,
    #[serde(deserialize_with = "crate::record::de_datetime")]
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
    /// Where the citizen receives the result (phương thức nhận kết quả): one of the three
    /// channels; chosen at receipt, confirmed on return. Stored under its old name, which held
    /// free text before; old text is read into the nearest channel.
    #[serde(default, rename = "return_method", alias = "result_via", deserialize_with = "result_via_compat")]
    pub result_via: Channel,
    /// Số bộ hồ sơ.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub copies: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Fee>,
    /// Toàn trình / một phần, for online dossiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_level: Option<Online>,
    /// The statutory time the dossier was received under (absent in records from before it was
    /// kept: then working days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    /// Who signed for the result (ký nhận).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signed_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Phản ánh, kiến nghị the citizen made about this dossier (766 indicator 5.4 counts the
    /// dossiers that have one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<Complaint>,
    /// Imported from a sheet that gives the return date but not the end of processing: the
    /// dossier is not judged trước / đúng / quá hạn (its resolution time is unknown).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end_unknown: bool,
    /// Imported from a sheet without the end of processing and judged by the return date
    /// instead (the officer's choice in the import, the default): the report says how many.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub judged_on_return: bool,
    /// Fields written by a newer build that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Record for Dossier {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
    fn settled_at(&self) -> Option<crate::record::Millis> {
        if self.is_open() {
            return None;
        }
        // Register times are Vietnam wall-clock times. A dossier returned without a resolved
        // step (an imported sheet) ended with its last step.
        let at = self.ended_at().or(self.events.last().map(|e| e.at)).unwrap_or(self.received);
        Some(crate::record::vn_millis(at))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DossierError {
    DueBeforeReceived,
    BadCode(String),
    DuplicateCode(String),
    UnknownProcedure(String),
    NotAllowed {
        from: Status,
        to: Status,
    },
    BeforeLastEvent,
    ExtensionUsed,
    ExtensionTooLate,
    ExtensionNotLater,
    /// Resolved, returned or closed: nothing left to extend.
    ExtensionClosed,
    /// A required field left empty (its label's key).
    EmptyField(crate::i18n::K),
    /// The code's YYMMDD is not the day of receipt.
    CodeDate {
        code: String,
        received: chrono::NaiveDate,
    },
    BadCopies,
    /// Not a CCCD (12 digits), an old CMND (9), nor a mã số doanh nghiệp (10, or 13 as 10-3).
    BadIdNumber,
    BadEmail,
    /// An online file accepted before it was filed.
    FiledAfterReceived,
    /// An apology dated before the day it is entered: entered only once confirmed.
    ApologyBackdated,
}

impl DossierError {
    /// The message for staff, with what to do where there is something to do; a detail (the
    /// code, the procedure, the field) follows a colon. Rendered in the screen's language where
    /// it is shown, so it follows a switch (issue 23).
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::{Msg, K};
        use DossierError::*;
        let detail = |key: K, d: &dyn std::fmt::Display| Msg::new(K::WithDetail).part(key).arg(d);
        match self {
            DueBeforeReceived => K::ErrDueBeforeReceived.into(),
            BadCode(c) => detail(K::ErrBadCode, c),
            DuplicateCode(c) => detail(K::ErrDuplicateCode, c),
            UnknownProcedure(p) => detail(K::ErrUnknownProcedure, p),
            NotAllowed { from, to } => Msg::new(K::WithDetail)
                .part(K::ErrNotAllowed)
                .part(Msg::new(K::StatusStep).part(from.key()).part(to.key())),
            BeforeLastEvent => K::ErrBeforeLastEvent.into(),
            ExtensionUsed => K::ErrExtensionUsed.into(),
            ExtensionTooLate => K::ErrExtensionTooLate.into(),
            ExtensionNotLater => K::ErrExtensionNotLater.into(),
            ExtensionClosed => K::ErrExtensionClosed.into(),
            EmptyField(field) => Msg::new(K::WithDetail).part(K::ErrEmptyField).part(*field),
            CodeDate { code, received } => detail(K::ErrCodeDate, &format_args!("{code} · {}", crate::format::date(*received))),
            BadCopies => K::ErrBadCopies.into(),
            BadIdNumber => K::ErrBadIdNumber.into(),
            BadEmail => K::ErrBadEmail.into(),
            FiledAfterReceived => K::ErrFiledAfterReceived.into(),
            ApologyBackdated => K::ErrApologyBackdated.into(),
        }
    }
}

/// Vietnamese, the UI's default: for logs and the places that have no language at hand.
impl std::fmt::Display for DossierError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.msg().fmt(f)
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
    /// Số bộ hồ sơ (0 is read as 1).
    pub copies: u32,
    pub fee: Option<Fee>,
    /// Where the result will be received.
    pub result_via: Channel,
    /// For online dossiers; the catalogue's level when not given.
    pub online_level: Option<Online>,
    pub notes: String,
    pub id_number: String,
    pub email: String,
    /// Online files: when filed on the Cổng DVCQG.
    pub filed_at: Option<NaiveDateTime>,
    pub documents: Vec<Document>,
    pub digital: Digital,
    /// The officer on duty.
    pub receiver: String,
}

/// Số bộ hồ sơ as typed: empty is one set; anything but a whole number 1–99 is refused.
pub fn parse_copies(text: &str) -> Result<u32, DossierError> {
    match text.trim() {
        "" => Ok(1),
        t => t
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=99).contains(n))
            .ok_or(DossierError::BadCopies),
    }
}

/// A CCCD (12 digits), an old CMND (9), a mã số doanh nghiệp (10 digits, or 13 written
/// `0101234567-001`); empty is allowed (the register does not require it).
pub fn valid_id_number(s: &str) -> bool {
    let s = s.trim();
    let digits = |x: &str, n: usize| x.len() == n && x.bytes().all(|b| b.is_ascii_digit());
    s.is_empty() || [9, 10, 12, 13].iter().any(|n| digits(s, *n)) || s.split_once('-').is_some_and(|(a, b)| digits(a, 10) && digits(b, 3))
}

/// An e-mail address as far as a form can tell: `name@domain.tld`, no spaces; empty is allowed.
pub fn valid_email(s: &str) -> bool {
    let s = s.trim();
    s.is_empty()
        || s.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty()
                && !s.contains(char::is_whitespace)
                && !domain.contains('@')
                && domain.split('.').count() >= 2
                && domain.split('.').all(|p| !p.is_empty())
        })
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
        let code = input.code.trim().to_ascii_uppercase();
        if !valid_code(&code) {
            return Err(DossierError::BadCode(code));
        }
        let received = input.received.ok_or(DossierError::EmptyField(crate::i18n::K::ReceivedAt))?;
        if code_date(&code) != Some(received.date()) {
            return Err(DossierError::CodeDate {
                code,
                received: received.date(),
            });
        }
        let copies = if input.copies == 0 { 1 } else { input.copies };
        if copies > 99 {
            return Err(DossierError::BadCopies);
        }
        if existing_codes.into_iter().any(|c| c.eq_ignore_ascii_case(&code)) {
            return Err(DossierError::DuplicateCode(code));
        }
        let proc = catalogue
            .iter()
            .find(|p| p.id == input.procedure || p.name == input.procedure)
            .ok_or_else(|| DossierError::UnknownProcedure(input.procedure.clone()))?;
        if input.applicant.trim().is_empty() {
            return Err(DossierError::EmptyField(crate::i18n::K::Applicant));
        }
        if !valid_id_number(&input.id_number) {
            return Err(DossierError::BadIdNumber);
        }
        if !valid_email(&input.email) {
            return Err(DossierError::BadEmail);
        }
        let filed_at = input.filed_at.filter(|_| input.channel == Channel::Online);
        if filed_at.is_some_and(|f| f > received) {
            return Err(DossierError::FiledAfterReceived);
        }
        if input.documents.iter().any(|d| d.copies > 99) {
            return Err(DossierError::BadCopies);
        }
        let computed = proc.due(cal, received);
        let (due, due_reason) = match input.due_override {
            Some((d, reason)) if cal.office.due_within(d) != computed => {
                let d = cal.office.due_within(d);
                if reason.trim().is_empty() {
                    return Err(DossierError::EmptyField(crate::i18n::K::DueReason));
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
            id_number: input.id_number.trim().to_string(),
            email: input.email.trim().to_string(),
            channel: input.channel,
            filed_at,
            documents: input
                .documents
                .into_iter()
                .filter(|d| !d.name.trim().is_empty())
                .map(|d| Document {
                    name: d.name.trim().to_string(),
                    copies: d.copies.max(1),
                })
                .collect(),
            digital: input.digital,
            receiver: input.receiver.trim().to_string(),
            received,
            due,
            due_reason,
            events: vec![Event {
                at: received,
                status: Status::Received,
                note: String::new(),
                division: String::new(),
                officer: input.receiver.trim().to_string(),
            }],
            extension: None,
            late_division: String::new(),
            result_via: input.result_via,
            copies,
            fee: input.fee,
            online_level: (input.channel == Channel::Online)
                .then(|| input.online_level.unwrap_or(proc.online))
                .filter(|l| *l != Online::None),
            term: Some(proc.term()),
            signed_by: String::new(),
            notes: input.notes.trim().to_string(),
            complaints: Vec::new(),
            end_unknown: false,
            judged_on_return: false,
            extra: Default::default(),
        })
    }

    /// The statutory term (working days for records from before it was kept).
    pub fn term(&self) -> Term {
        self.term.unwrap_or(Term::Days(1))
    }

    /// Ended without a result to judge: refused (even when the refusal letter was then handed
    /// back), withdrawn or stopped.
    pub fn closed_without_result(&self) -> bool {
        self.closed_at().is_some()
    }

    /// When it was refused, withdrawn or stopped (closed without a result), if it was.
    pub fn closed_at(&self) -> Option<NaiveDateTime> {
        self.events
            .iter()
            .find(|e| matches!(e.status, Status::Refused | Status::Withdrawn | Status::Stopped))
            .map(|e| e.at)
    }

    /// When it left the desk's hands by any way (resolved or closed), whichever came first;
    /// `None` while it has not.
    pub fn ended_at(&self) -> Option<NaiveDateTime> {
        self.resolved_at().into_iter().chain(self.closed_at()).min()
    }

    /// Still being processed: neither resolved nor closed.
    pub fn is_open(&self) -> bool {
        self.resolved_at().is_none() && !self.closed_without_result() && !self.status().is_closed()
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

    /// The division holding the dossier at instant `at` (the last step up to then that named
    /// one).
    pub fn holder_at(&self, at: NaiveDateTime) -> Option<&str> {
        self.events
            .iter()
            .filter(|e| e.at <= at)
            .rev()
            .find(|e| !e.division.is_empty())
            .map(|e| e.division.as_str())
    }

    /// Record a citizen's phản ánh, kiến nghị about this dossier (at any status: complaints
    /// often come after the result is returned). Not before the dossier was received.
    pub fn add_complaint(&mut self, at: NaiveDateTime, note: &str) -> Result<(), DossierError> {
        if at < self.received {
            return Err(DossierError::BeforeLastEvent);
        }
        self.complaints.push(Complaint {
            at,
            note: note.trim().to_string(),
        });
        Ok(())
    }

    /// Whether a complaint was recorded by instant `at`.
    pub fn complained_by(&self, at: NaiveDateTime) -> bool {
        self.complaints.iter().any(|c| c.at <= at)
    }

    /// Move to `to` at `at`, if the rules allow it. A hand-over (Đang xử lý → Đang xử lý)
    /// must name the division that takes the dossier.
    pub fn transition(&mut self, to: Status, at: NaiveDateTime, note: &str, division: &str) -> Result<(), DossierError> {
        self.transition_by(to, at, note, division, "")
    }

    /// [`Dossier::transition`], entered by `officer` (the officer on duty; empty when none is
    /// named).
    pub fn transition_by(&mut self, to: Status, at: NaiveDateTime, note: &str, division: &str, officer: &str) -> Result<(), DossierError> {
        let from = self.status();
        if !from.next().contains(&to) {
            return Err(DossierError::NotAllowed { from, to });
        }
        if from == Status::InProgress && to == Status::InProgress && division.trim().is_empty() {
            return Err(DossierError::EmptyField(crate::i18n::K::Division));
        }
        if self.events.last().is_some_and(|e| at < e.at) {
            return Err(DossierError::BeforeLastEvent);
        }
        self.events.push(Event {
            at,
            status: to,
            note: note.trim().to_string(),
            division: division.trim().to_string(),
            officer: officer.trim().to_string(),
        });
        Ok(())
    }

    /// The fields that name or reach a person, and the free text that may (notes, the steps'
    /// notes, the apology's reason, complaints, fields of a newer build): the export "without
    /// personal data" leaves them out, and a file without them never blanks them here. One
    /// list, for both (issue 21).
    pub fn clear_personal(&mut self) {
        for f in self.personal_mut() {
            f.clear();
        }
        for e in &mut self.events {
            e.note.clear();
        }
        if let Some(x) = &mut self.extension {
            x.reason.clear();
        }
        for c in &mut self.complaints {
            c.note.clear();
        }
        self.extra.clear();
    }

    /// Fill the personal fields and free text this copy lacks from `other` (the same dossier
    /// as stored here): the steps' and complaints' notes where the same step or complaint is
    /// there. What this copy has is kept.
    pub fn personal_from(&mut self, other: &Dossier) {
        fn fill(mine: &mut String, theirs: &str) {
            if mine.is_empty() {
                theirs.clone_into(mine);
            }
        }
        let theirs = [
            &other.applicant,
            &other.contact,
            &other.signed_by,
            &other.id_number,
            &other.email,
            &other.notes,
        ];
        for (mine, theirs) in self.personal_mut().into_iter().zip(theirs) {
            fill(mine, theirs);
        }
        for (mine, theirs) in self.events.iter_mut().zip(&other.events) {
            if (mine.at, mine.status) == (theirs.at, theirs.status) {
                fill(&mut mine.note, &theirs.note);
            }
        }
        if let (Some(mine), Some(theirs)) = (&mut self.extension, &other.extension) {
            if mine.at == theirs.at {
                fill(&mut mine.reason, &theirs.reason);
            }
        }
        for (mine, theirs) in self.complaints.iter_mut().zip(&other.complaints) {
            if mine.at == theirs.at {
                fill(&mut mine.note, &theirs.note);
            }
        }
        if self.extra.is_empty() {
            self.extra.clone_from(&other.extra);
        }
    }

    fn personal_mut(&mut self) -> [&mut String; 6] {
        [
            &mut self.applicant,
            &mut self.contact,
            &mut self.signed_by,
            &mut self.id_number,
            &mut self.email,
            &mut self.notes,
        ]
    }

    /// Whether staff may delete it (a dossier entered by mistake): not once its result was
    /// returned. A returned dossier went to the citizen and stands in the register (Mẫu 07 of
    /// TT 03/2025 lists the return and who signed for it) and in the period's figures; it is
    /// corrected, not deleted (issue 25).
    pub fn may_delete(&self) -> bool {
        !self.meta.deleted && self.returned_at().is_none()
    }

    /// Delete as a tombstone: it still travels in exports (so the deletion reaches the other
    /// tablets), without the person it named.
    pub fn delete(&mut self) {
        self.meta.deleted = true;
        self.clear_personal();
    }

    /// The one allowed extension (with the written apology), at least one working day before
    /// the due date *as it stands at `at`* (pauses so far included), to a later date. The new
    /// date is the due date as the officer sees it; pauses after `at` move it further, earlier
    /// ones are already in it. Refused once the dossier is resolved or closed.
    pub fn extend(&mut self, cal: &WorkCalendar, at: NaiveDateTime, new_due: NaiveDateTime, reason: &str) -> Result<(), DossierError> {
        self.extend_entered(cal, at, new_due, reason, at, true)
    }

    /// [`Dossier::extend`] entered at `entered`: an apology dated on an earlier day is refused
    /// with [`DossierError::ApologyBackdated`] unless `backdate_confirmed`, and then kept with
    /// the day it was entered (a back-dated apology is what an audit asks about).
    pub fn extend_entered(
        &mut self,
        cal: &WorkCalendar,
        at: NaiveDateTime,
        new_due: NaiveDateTime,
        reason: &str,
        entered: NaiveDateTime,
        backdate_confirmed: bool,
    ) -> Result<(), DossierError> {
        if !self.is_open() {
            return Err(DossierError::ExtensionClosed);
        }
        if self.extension.is_some() {
            return Err(DossierError::ExtensionUsed);
        }
        if reason.trim().is_empty() {
            return Err(DossierError::EmptyField(crate::i18n::K::ApologyReason));
        }
        let shown = self.effective_due(cal, at);
        let new_due = cal.office.due_within(new_due);
        if new_due <= shown {
            return Err(DossierError::ExtensionNotLater);
        }
        if cal.working_days_between(at.date(), shown.date()) < 1 {
            return Err(DossierError::ExtensionTooLate);
        }
        let backdated = at.date() < entered.date();
        if backdated && !backdate_confirmed {
            return Err(DossierError::ApologyBackdated);
        }
        self.extension = Some(Extension {
            at,
            new_due,
            reason: reason.trim().to_string(),
            entered_at: backdated.then_some(entered),
        });
        Ok(())
    }
}

/// Dossiers for tests, here and in `motcua-formats` (its dev-dependency turns on
/// `test-support`).
#[cfg(any(test, feature = "test-support"))]
pub mod test_support {
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
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_dossier_may_be_deleted_until_its_result_is_returned() {
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        assert!(d.may_delete(), "entered by mistake");
        d.transition(Status::InProgress, at(2025, 2, 3, 10), "", "").unwrap();
        d.transition(Status::Resolved, at(2025, 2, 4, 10), "", "").unwrap();
        assert!(d.may_delete());
        let mut gone = d.clone();
        gone.delete();
        assert!(!gone.may_delete(), "already deleted");
        d.transition(Status::Returned, at(2025, 2, 4, 11), "", "").unwrap();
        assert!(!d.may_delete(), "it stands in the register");
    }

    #[test]
    fn errors_speak_one_language_at_a_time_and_say_what_to_do() {
        use crate::Lang;
        let all = [
            DossierError::DueBeforeReceived,
            DossierError::BadCode("X".into()),
            DossierError::DuplicateCode("SCT-250203-0001".into()),
            DossierError::UnknownProcedure("Z".into()),
            DossierError::NotAllowed {
                from: Status::Returned,
                to: Status::InProgress,
            },
            DossierError::BeforeLastEvent,
            DossierError::ExtensionUsed,
            DossierError::ExtensionTooLate,
            DossierError::ExtensionNotLater,
            DossierError::ExtensionClosed,
            DossierError::EmptyField(crate::i18n::K::Applicant),
            DossierError::CodeDate {
                code: "SCT-250203-0001".into(),
                received: chrono::NaiveDate::from_ymd_opt(2025, 2, 4).unwrap(),
            },
            DossierError::BadCopies,
            DossierError::BadIdNumber,
            DossierError::BadEmail,
            DossierError::FiledAfterReceived,
            DossierError::ApologyBackdated,
        ];
        for e in &all {
            let (vi, en) = (e.msg().text(Lang::Vi), e.msg().text(Lang::En));
            assert!(!vi.contains(" / ") && vi != en, "{vi} | {en}");
            assert_eq!(e.to_string(), vi);
        }
        let late = DossierError::ExtensionTooLate.msg().text(Lang::Vi);
        assert!(late.contains("quá hạn") && late.contains("Phòng làm chậm"), "{late}");
        assert_eq!(
            DossierError::EmptyField(crate::i18n::K::Applicant).msg().text(Lang::En),
            "Missing: Organisation or person"
        );
        let step = DossierError::NotAllowed {
            from: Status::Returned,
            to: Status::InProgress,
        }
        .msg();
        assert_eq!(step.text(Lang::Vi), "Không thể chuyển bước này: «Đã trả kết quả» → «Đang xử lý»");
        assert_eq!(
            step.text(Lang::En),
            "This step cannot follow the current one: «Result returned» → «In progress»"
        );
    }
    /// The codes are stored and exported: they never change (strum's names of the variants).
    #[test]
    fn stable_codes() {
        assert_eq!(Channel::ALL.map(Channel::code), ["Direct", "Online", "Post"]);
        assert_eq!(Channel::from_code("Post"), Some(Channel::Post));
        assert_eq!(Channel::from_code("post"), None);
        let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(
            statuses,
            [
                "Received",
                "InProgress",
                "SupplementRequested",
                "SupplementReceived",
                "Resolved",
                "Returned",
                "Refused",
                "Withdrawn",
                "Stopped"
            ]
        );
        use crate::dossier::Timeliness::*;
        let slugs = [Overdue, DueSoon, InTime, Early, OnTime, Late, Unjudged, Closed].map(|t| t.slug());
        assert_eq!(
            slugs,
            ["overdue", "due-soon", "in-time", "early", "on-time", "late", "unjudged", "closed"]
        );
    }

    #[test]
    fn copies_are_a_whole_number_from_one_to_ninety_nine() {
        assert_eq!(parse_copies(""), Ok(1));
        assert_eq!(parse_copies(" 3 "), Ok(3));
        assert_eq!(parse_copies("99"), Ok(99));
        for bad in ["0", "100", "-1", "2.5", "hai", "4294967296"] {
            assert_eq!(parse_copies(bad), Err(DossierError::BadCopies), "{bad}");
        }
    }

    use crate::dossier::default_catalogue;
    pub use test_support::{at, new};

    fn create_with(f: impl FnOnce(&mut NewDossier)) -> Result<Dossier, DossierError> {
        let mut input = NewDossier {
            code: "000.00.15.H34-250203-0001".into(),
            procedure: "TM-02".into(),
            applicant: "Công ty TNHH An Phát".into(),
            received: Some(at(2025, 2, 3, 9)),
            ..Default::default()
        };
        f(&mut input);
        Dossier::create(
            input,
            &default_catalogue(),
            &WorkCalendar::default(),
            std::iter::empty(),
            Meta::new([5; 16], 0, "t"),
        )
    }

    #[test]
    fn the_receipt_records_the_applicant_the_documents_and_the_officer() {
        let d = create_with(|i| {
            i.id_number = " 079123456789 ".into();
            i.email = "an.phat@vidu.vn".into();
            i.channel = Channel::Online;
            i.filed_at = Some(at(2025, 2, 1, 21));
            i.documents = vec![
                Document {
                    name: " Đơn đề nghị ".into(),
                    copies: 0,
                },
                Document {
                    name: " ".into(),
                    copies: 1,
                },
                Document {
                    name: "Bản sao giấy phép".into(),
                    copies: 2,
                },
            ];
            i.digital.digitised = true;
            i.receiver = "Nguyễn Văn An".into();
        })
        .unwrap();
        assert_eq!(d.id_number, "079123456789");
        assert_eq!(d.filed_at, Some(at(2025, 2, 1, 21)));
        assert_eq!(
            d.documents,
            vec![
                Document {
                    name: "Đơn đề nghị".into(),
                    copies: 1
                },
                Document {
                    name: "Bản sao giấy phép".into(),
                    copies: 2
                }
            ]
        );
        assert!(d.digital.digitised && !d.digital.e_result);
        assert_eq!(
            (d.receiver.as_str(), d.events[0].officer.as_str()),
            ("Nguyễn Văn An", "Nguyễn Văn An")
        );
        // An in-person file has no filing time on the portal, whatever the form held.
        let direct = create_with(|i| i.filed_at = Some(at(2025, 2, 1, 21))).unwrap();
        assert_eq!(direct.filed_at, None);
        let refused = |f: fn(&mut NewDossier)| create_with(f).unwrap_err();
        assert_eq!(refused(|i| i.id_number = "12345".into()), DossierError::BadIdNumber);
        assert_eq!(refused(|i| i.email = "an phat@vidu".into()), DossierError::BadEmail);
        assert_eq!(
            refused(|i| {
                i.channel = Channel::Online;
                i.filed_at = Some(at(2025, 2, 3, 10));
            }),
            DossierError::FiledAfterReceived
        );
    }

    #[test]
    fn id_numbers_and_emails_take_the_shapes_in_use() {
        for ok in ["", "079123456789", "123456789", "0101234567", "0101234567-001", "0101234567001"] {
            assert!(valid_id_number(ok), "{ok}");
        }
        for bad in ["12345", "07912345678A", "0101234567-01", "-"] {
            assert!(!valid_id_number(bad), "{bad}");
        }
        for ok in ["", "a@b.vn", "ten.ho@so.khanhhoa.gov.vn"] {
            assert!(valid_email(ok), "{ok}");
        }
        for bad in ["a@b", "@b.vn", "a@@b.vn", "a b@c.vn", "a@b..vn"] {
            assert!(!valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn personal_fields_are_one_list_for_clearing_and_restoring() {
        let mut d = create_with(|i| {
            i.contact = "0905".into();
            i.id_number = "079123456789".into();
            i.email = "a@b.vn".into();
        })
        .unwrap();
        d.signed_by = "Bà Lan".into();
        let kept = d.clone();
        d.clear_personal();
        assert!([&d.applicant, &d.contact, &d.signed_by, &d.id_number, &d.email]
            .iter()
            .all(|s| s.is_empty()));
        d.personal_from(&kept);
        assert_eq!(d, kept);
    }

    #[test]
    fn an_apology_dated_before_the_day_it_is_entered_needs_confirming_and_keeps_both_days() {
        let cal = WorkCalendar::default();
        let mut d = create_with(|i| i.procedure = "TM-03".into()).unwrap();
        let (dated, entered, new_due) = (at(2025, 2, 5, 9), at(2025, 2, 7, 10), at(2025, 3, 14, 17));
        assert_eq!(
            d.clone().extend_entered(&cal, dated, new_due, "Chờ thẩm định", entered, false),
            Err(DossierError::ApologyBackdated)
        );
        d.extend_entered(&cal, dated, new_due, "Chờ thẩm định", entered, true).unwrap();
        let x = d.extension.clone().unwrap();
        assert_eq!((x.at, x.entered_at), (dated, Some(entered)));
        // Dated the day it is entered: nothing to confirm, nothing extra kept.
        let mut same = create_with(|i| i.procedure = "TM-03".into()).unwrap();
        same.extend_entered(&cal, entered, new_due, "x", at(2025, 2, 7, 16), false).unwrap();
        assert_eq!(same.extension.unwrap().entered_at, None);
    }

    #[test]
    fn create_computes_due_from_procedure_and_calendar() {
        // TM-02: 5 working days. Friday 24/1/2025 10:00: counted from the next day,
        // Tết 27–31/1 skipped → 3, 4, 5, 6, 7/2.
        let d = new("SCT-250124-0001", "TM-02", at(2025, 1, 24, 10)).unwrap();
        assert_eq!(d.due, at(2025, 2, 7, 17));
        assert_eq!(d.status(), Status::Received);
        assert_eq!(d.term(), Term::Days(5));
        // Same day at 16:00: the 15:00 rule is off by default, so the hour does not matter.
        let d = new("SCT-250124-0002", "TM-02", at(2025, 1, 24, 16)).unwrap();
        assert_eq!(d.due, at(2025, 2, 7, 17));
    }

    #[test]
    fn an_overridden_due_date_is_never_due_at_midnight() {
        let input = NewDossier {
            code: "SCT-250203-0001".into(),
            procedure: "TM-02".into(),
            applicant: "A".into(),
            received: Some(at(2025, 2, 3, 9)),
            due_override: Some((at(2025, 2, 12, 23), "Theo yêu cầu".into())),
            ..Default::default()
        };
        let d = Dossier::create(
            input,
            &default_catalogue(),
            &WorkCalendar::default(),
            std::iter::empty(),
            Meta::new([1; 16], 0, "t"),
        )
        .unwrap();
        assert_eq!(d.due, at(2025, 2, 12, 17));
    }

    #[test]
    fn the_codes_date_must_be_the_day_of_receipt() {
        assert!(matches!(
            new("SCT-250125-0001", "TM-02", at(2025, 1, 24, 10)),
            Err(DossierError::CodeDate { .. })
        ));
    }

    #[test]
    fn register_fields_of_form_07() {
        let input = NewDossier {
            code: "SCT-250203-0001".into(),
            procedure: "TM-02".into(),
            applicant: "Bà Nguyễn Thị Hoa".into(),
            channel: Channel::Online,
            received: Some(at(2025, 2, 3, 9)),
            copies: 2,
            fee: Some(Fee::Paid),
            result_via: Channel::Post,
            notes: " bản gốc giữ lại ".into(),
            ..Default::default()
        };
        let cat = default_catalogue();
        let cal = WorkCalendar::default();
        let d = Dossier::create(input.clone(), &cat, &cal, std::iter::empty(), Meta::new([1; 16], 0, "t")).unwrap();
        assert_eq!((d.copies, d.fee, d.result_via), (2, Some(Fee::Paid), Channel::Post));
        assert_eq!(d.online_level, Some(Online::Full), "TM-02 is toàn trình in the catalogue");
        assert_eq!(d.notes, "bản gốc giữ lại");
        let direct = NewDossier {
            channel: Channel::Direct,
            ..input.clone()
        };
        let d2 = Dossier::create(direct, &cat, &cal, std::iter::empty(), Meta::new([1; 16], 0, "t")).unwrap();
        assert_eq!(d2.online_level, None, "no online level for a dossier handed in at the desk");
        let too_many = NewDossier { copies: 100, ..input };
        assert_eq!(
            Dossier::create(too_many, &cat, &cal, std::iter::empty(), Meta::new([1; 16], 0, "t")).unwrap_err(),
            DossierError::BadCopies
        );
    }

    #[test]
    fn the_return_method_stored_as_free_text_reads_as_a_channel() {
        let d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        let mut json: serde_json::Value = serde_json::to_value(&d).unwrap();
        for (text, want) in [
            ("Trực tiếp", Channel::Direct),
            ("Qua bưu điện", Channel::Post),
            ("trực tuyến", Channel::Online),
            ("Online", Channel::Online),
        ] {
            json["return_method"] = serde_json::Value::String(text.into());
            let back: Dossier = serde_json::from_value(json.clone()).unwrap();
            assert_eq!(back.result_via, want, "{text}");
        }
        let back: Dossier = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn dossier_fields_from_a_newer_build_survive() {
        let d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        let mut v = serde_json::to_value(&d).unwrap();
        v["priority"] = serde_json::json!("cao");
        let read: Dossier = serde_json::from_value(v).unwrap();
        assert_eq!(read.extra["priority"], "cao");
        let written = serde_json::to_value(&read).unwrap();
        assert_eq!(written["priority"], "cao");
        assert!(read.extra.get("code").is_none(), "known fields are not duplicated");
    }

    #[test]
    fn successive_hand_overs_are_recorded_with_the_division() {
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.transition(Status::InProgress, at(2025, 2, 3, 10), "", "Phòng QLTM").unwrap();
        assert_eq!(
            d.transition(Status::InProgress, at(2025, 2, 4, 10), "", " "),
            Err(DossierError::EmptyField(crate::i18n::K::Division))
        );
        d.transition(Status::InProgress, at(2025, 2, 4, 10), "trình ký", "Lãnh đạo Sở")
            .unwrap();
        assert_eq!(d.holder(), Some("Lãnh đạo Sở"));
        assert_eq!(d.holder_at(at(2025, 2, 3, 12)), Some("Phòng QLTM"));
    }

    #[test]
    fn new_transitions_refusal_returned_supplement_refused_received_stopped() {
        let mut a = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        a.transition(Status::Refused, at(2025, 2, 3, 10), "", "").unwrap();
        a.transition(Status::Returned, at(2025, 2, 4, 10), "ký nhận văn bản từ chối", "")
            .unwrap();
        assert!(a.closed_without_result() && !a.is_open());
        let mut b = new("SCT-250203-0002", "TM-02", at(2025, 2, 3, 9)).unwrap();
        b.transition(Status::SupplementRequested, at(2025, 2, 3, 10), "", "").unwrap();
        b.transition(Status::Refused, at(2025, 2, 4, 10), "", "").unwrap();
        let mut c = new("SCT-250203-0003", "TM-02", at(2025, 2, 3, 9)).unwrap();
        c.transition(Status::Stopped, at(2025, 2, 3, 10), "", "").unwrap();
        assert!(Status::Refused.is_closed() && Status::Stopped.is_closed());
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
        // Received Mon 3/2/2025 at 9:00 for 5 days → due Mon 10/2 17:00.
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        assert_eq!(d.due, at(2025, 2, 10, 17));
        assert_eq!(
            d.extend(&cal, at(2025, 2, 10, 8), at(2025, 2, 14, 17), "Chờ ý kiến liên ngành"),
            Err(DossierError::ExtensionTooLate)
        );
        assert_eq!(
            d.extend(&cal, at(2025, 2, 7, 8), at(2025, 2, 10, 17), "x"),
            Err(DossierError::ExtensionNotLater)
        );
        d.extend(&cal, at(2025, 2, 7, 8), at(2025, 2, 14, 17), "Chờ ý kiến liên ngành")
            .unwrap();
        assert_eq!(
            d.extend(&cal, at(2025, 2, 7, 9), at(2025, 2, 20, 17), "lần 2"),
            Err(DossierError::ExtensionUsed)
        );
    }

    #[test]
    fn extension_after_a_pause_is_checked_against_the_shown_due_date() {
        let cal = WorkCalendar::default();
        // Due Mon 10/2. Paused Tue 4/2 → Tue 11/2 (5 working days): shown due Mon 17/2.
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.transition(Status::SupplementRequested, at(2025, 2, 4, 9), "", "").unwrap();
        d.transition(Status::SupplementReceived, at(2025, 2, 11, 9), "", "").unwrap();
        assert_eq!(d.effective_due(&cal, at(2025, 2, 12, 9)), at(2025, 2, 17, 17));
        // Thu 13/2 is past the original date but two working days before the shown one: allowed.
        let mut ok = d.clone();
        ok.extend(&cal, at(2025, 2, 13, 9), at(2025, 2, 21, 17), "Chờ thẩm định").unwrap();
        // The new date is taken as shown: the earlier pause is not added again.
        assert_eq!(ok.effective_due(&cal, at(2025, 2, 14, 9)), at(2025, 2, 21, 17));
        // A new date before the shown due date is not later.
        assert_eq!(
            d.extend(&cal, at(2025, 2, 13, 9), at(2025, 2, 14, 17), "x"),
            Err(DossierError::ExtensionNotLater)
        );
        // On the shown due day itself it is too late.
        assert_eq!(
            d.extend(&cal, at(2025, 2, 17, 8), at(2025, 2, 21, 17), "x"),
            Err(DossierError::ExtensionTooLate)
        );
    }

    #[test]
    fn a_pause_after_the_extension_moves_the_new_date() {
        let cal = WorkCalendar::default();
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.extend(&cal, at(2025, 2, 5, 9), at(2025, 2, 14, 17), "Chờ thẩm định").unwrap();
        // Paused Thu 6/2 → Mon 10/2: 2 working days (Fri 7, Mon 10) → new date Tue 18/2.
        d.transition(Status::SupplementRequested, at(2025, 2, 6, 9), "", "").unwrap();
        d.transition(Status::SupplementReceived, at(2025, 2, 10, 9), "", "").unwrap();
        assert_eq!(d.effective_due(&cal, at(2025, 2, 11, 9)), at(2025, 2, 18, 17));
    }

    #[test]
    fn no_extension_on_a_resolved_or_closed_dossier() {
        let cal = WorkCalendar::default();
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.transition(Status::Resolved, at(2025, 2, 4, 9), "", "").unwrap();
        assert_eq!(
            d.extend(&cal, at(2025, 2, 4, 10), at(2025, 2, 20, 17), "x"),
            Err(DossierError::ExtensionClosed)
        );
        let mut r = new("SCT-250203-0002", "TM-02", at(2025, 2, 3, 9)).unwrap();
        r.transition(Status::Refused, at(2025, 2, 4, 9), "", "").unwrap();
        assert_eq!(
            r.extend(&cal, at(2025, 2, 4, 10), at(2025, 2, 20, 17), "x"),
            Err(DossierError::ExtensionClosed)
        );
    }
}
