//! A dossier's statuses and which may follow which.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Received,
    InProgress,
    /// Yêu cầu bổ sung: the clock stops until the citizen completes the file.
    SupplementRequested,
    SupplementReceived,
    Resolved,
    Returned,
    Refused,
    Withdrawn,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Received,
        Status::InProgress,
        Status::SupplementRequested,
        Status::SupplementReceived,
        Status::Resolved,
        Status::Returned,
        Status::Refused,
        Status::Withdrawn,
        Status::Stopped,
    ];

    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Status::Received, Vi) => "Mới tiếp nhận",
            (Status::InProgress, Vi) => "Đang xử lý",
            (Status::SupplementRequested, Vi) => "Yêu cầu bổ sung",
            (Status::SupplementReceived, Vi) => "Đã bổ sung",
            (Status::Resolved, Vi) => "Đã xử lý xong",
            (Status::Returned, Vi) => "Đã trả kết quả",
            (Status::Refused, Vi) => "Từ chối",
            (Status::Withdrawn, Vi) => "Công dân rút hồ sơ",
            (Status::Stopped, Vi) => "Dừng xử lý",
            (Status::Received, En) => "Received",
            (Status::InProgress, En) => "In progress",
            (Status::SupplementRequested, En) => "Supplement requested",
            (Status::SupplementReceived, En) => "Supplement received",
            (Status::Resolved, En) => "Resolved",
            (Status::Returned, En) => "Result returned",
            (Status::Refused, En) => "Refused",
            (Status::Withdrawn, En) => "Withdrawn",
            (Status::Stopped, En) => "Stopped",
        }
    }

    /// The stable code (as stored and exported) that crosses the UI, e.g. in a select's value.
    pub fn code(self) -> &'static str {
        use Status::*;
        match self {
            Received => "Received",
            InProgress => "InProgress",
            SupplementRequested => "SupplementRequested",
            SupplementReceived => "SupplementReceived",
            Resolved => "Resolved",
            Returned => "Returned",
            Refused => "Refused",
            Withdrawn => "Withdrawn",
            Stopped => "Stopped",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Statuses that may follow this one.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Received => &[InProgress, SupplementRequested, Resolved, Refused, Withdrawn, Stopped],
            // Đang xử lý → Đang xử lý: a hand-over to another division or to the leader.
            InProgress => &[InProgress, SupplementRequested, Resolved, Refused, Withdrawn, Stopped],
            SupplementRequested => &[SupplementReceived, Refused, Withdrawn, Stopped],
            SupplementReceived => &[InProgress, SupplementRequested, Resolved, Refused, Withdrawn],
            Resolved => &[Returned],
            // The refusal letter is handed back and signed for.
            Refused => &[Returned],
            Returned | Withdrawn | Stopped => &[],
        }
    }

    /// Processing is over (no clock runs).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Status::Resolved | Status::Returned | Status::Refused | Status::Withdrawn | Status::Stopped
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_stored_names_and_read_back() {
        for s in Status::ALL {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::from_code("nope"), None);
    }
}
