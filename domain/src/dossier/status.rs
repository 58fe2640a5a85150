//! A dossier's statuses and which may follow which.

use serde::{Deserialize, Serialize};

/// The variant's name is its stable code (stored, exported, a select's value).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
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

    /// The status's name on screen and on paper.
    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            Status::Received => K::StatusReceived,
            Status::InProgress => K::StatusInProgress,
            Status::SupplementRequested => K::StatusSupplementRequested,
            Status::SupplementReceived => K::StatusSupplementReceived,
            Status::Resolved => K::StatusResolved,
            Status::Returned => K::StatusReturned,
            Status::Refused => K::StatusRefused,
            Status::Withdrawn => K::StatusWithdrawn,
            Status::Stopped => K::StatusStopped,
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::i18n::t(lang, self.key())
    }

    /// The stable code (as stored and exported) that crosses the UI, e.g. in a select's value.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Status> {
        code.parse().ok()
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
