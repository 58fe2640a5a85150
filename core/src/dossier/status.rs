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

    /// Statuses that may follow this one.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Received => &[InProgress, SupplementRequested, Resolved, Refused, Withdrawn],
            InProgress => &[SupplementRequested, Resolved, Refused, Withdrawn, Stopped],
            SupplementRequested => &[SupplementReceived, Withdrawn, Stopped],
            SupplementReceived => &[InProgress, SupplementRequested, Resolved, Refused, Withdrawn],
            Resolved => &[Returned],
            Returned | Refused | Withdrawn | Stopped => &[],
        }
    }

    /// Processing is over (no clock runs).
    pub fn is_closed(self) -> bool {
        self.next().is_empty() || self == Status::Resolved
    }
}
