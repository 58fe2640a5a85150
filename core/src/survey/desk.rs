//! What the desk screen shows: responses today and in all, and the latest suggestions, each
//! day and time in Vietnam whatever the tablet's zone.

use super::response::Response;
use crate::record::{vn_date, vn_datetime, Millis};
use chrono::NaiveDateTime;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeskSummary {
    pub today: usize,
    pub total: usize,
    /// Newest first: when (Vietnam time) and the suggestion as typed.
    pub latest: Vec<(NaiveDateTime, String)>,
}

/// The desk's numbers at instant `now`, with at most `latest` suggestions.
pub fn summary(responses: &[Response], now: Millis, latest: usize) -> DeskSummary {
    let today = vn_date(now);
    let live = || responses.iter().filter(|r| !r.meta.deleted);
    let mut with_text: Vec<&Response> = live().filter(|r| !r.s.trim().is_empty()).collect();
    with_text.sort_unstable_by_key(|r| std::cmp::Reverse(r.meta.created_at));
    DeskSummary {
        today: live().filter(|r| vn_date(r.meta.created_at) == today).count(),
        total: live().count(),
        latest: with_text
            .into_iter()
            .take(latest)
            .map(|r| (vn_datetime(r.meta.created_at), r.s.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Meta;

    fn r(n: u8, at: Millis, s: &str, deleted: bool) -> Response {
        let mut meta = Meta::new([n; 16], at, "d");
        meta.deleted = deleted;
        Response {
            meta,
            q: 1,
            a: String::new(),
            o: 4,
            v: None,
            p: String::new(),
            s: s.into(),
            k: String::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn today_is_the_day_in_vietnam_and_tombstones_do_not_count() {
        let h = 3_600_000;
        // 2026-11-22 17:30 UTC is already the 23rd in Vietnam.
        let now = 1_763_832_600_000;
        let rs = vec![
            r(1, now, "mới nhất", false),
            r(2, now - 2 * h, "", false),
            r(3, now - h, "<b>x</b>", false),
            r(4, now - 20 * h, "hôm qua", false),
            r(5, now, "đã xóa", true),
        ];
        let s = summary(&rs, now, 2);
        // Only the response at 00:30 on the 23rd is "today"; an hour earlier was the 22nd in
        // Vietnam, though the same UTC day.
        assert_eq!((s.today, s.total), (1, 4));
        assert_eq!(s.latest.len(), 2);
        assert_eq!(s.latest[0].1, "mới nhất");
        assert_eq!(s.latest[1].1, "<b>x</b>");
        assert_eq!(s.latest[0].0.format("%d/%m %H:%M").to_string(), "23/11 00:30");
    }
}
