//! What the desk screen shows: responses today and over the last twelve months, their index,
//! and the latest suggestions, each day and time in Vietnam whatever the tablet's zone.
//!
//! The desk looks at a window of whole months (this month and the eleven before it), not at
//! every response ever stored: at a decade an all-time figure says little at the counter (the
//! dashboard has any period), and whole months are whole stored chunks, so the desk can be shown
//! as soon as the window's months are read, before the rest of the history.

use super::index::{self, SatisfactionIndex};
use super::questionnaire::Questionnaire;
use super::response::Response;
use crate::record::{vn_date, vn_datetime, Millis};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// Months in the desk's window, this one included.
pub const WINDOW_MONTHS: u32 = 12;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeskSummary {
    pub today: usize,
    /// Over the window (this month and the eleven before).
    pub recent: usize,
    /// Newest first: when (Vietnam time) and the suggestion as typed.
    pub latest: Vec<(NaiveDateTime, String)>,
}

/// The first day of the window at instant `now` (Vietnam).
pub fn window_from(now: Millis) -> NaiveDate {
    let d = vn_date(now);
    d.with_day(1)
        .and_then(|first| first.checked_sub_months(chrono::Months::new(WINDOW_MONTHS - 1)))
        .unwrap_or(d)
}

/// The window's first month as the stored chunks name it (`YYYY-MM`).
pub fn window_month(now: Millis) -> String {
    let d = window_from(now);
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The live responses in the window.
fn in_window(responses: &[Response], now: Millis) -> impl Iterator<Item = &Response> {
    let from = crate::record::vn_midnight(window_from(now));
    responses.iter().filter(move |r| !r.meta.deleted && r.meta.created_at >= from)
}

/// The desk's numbers at instant `now`, with at most `latest` suggestions.
pub fn summary(responses: &[Response], now: Millis, latest: usize) -> DeskSummary {
    let today = vn_date(now);
    let mut with_text: Vec<&Response> = in_window(responses, now).filter(|r| !r.suggestion.trim().is_empty()).collect();
    with_text.sort_unstable_by_key(|r| std::cmp::Reverse(r.meta.created_at));
    DeskSummary {
        today: in_window(responses, now).filter(|r| vn_date(r.meta.created_at) == today).count(),
        recent: in_window(responses, now).count(),
        latest: with_text
            .into_iter()
            .take(latest)
            .map(|r| (vn_datetime(r.meta.created_at), r.suggestion.clone()))
            .collect(),
    }
}

/// The satisfaction index over the window.
pub fn window_index(responses: &[Response], versions: &BTreeMap<u32, Questionnaire>, now: Millis) -> SatisfactionIndex {
    index::compute(in_window(responses, now), versions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: u8, at: Millis, s: &str, deleted: bool) -> Response {
        let mut r = super::super::response::sample(n, at);
        r.suggestion = s.into();
        r.meta.deleted = deleted;
        r
    }

    #[test]
    fn today_is_the_day_in_vietnam_and_tombstones_do_not_count() {
        let h = 3_600_000;
        // 2025-11-22 17:30 UTC is already the 23rd in Vietnam.
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
        assert_eq!((s.today, s.recent), (1, 4));
        assert_eq!(s.latest.len(), 2);
        assert_eq!(s.latest[0].1, "mới nhất");
        assert_eq!(s.latest[1].1, "<b>x</b>");
        assert_eq!(s.latest[0].0.format("%d/%m %H:%M").to_string(), "23/11 00:30");
    }

    #[test]
    fn the_window_is_this_month_and_the_eleven_before() {
        let day = |y, m, d| crate::record::vn_midnight(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let now = day(2026, 11, 23) + 1_800_000;
        assert_eq!(window_month(now), "2025-12");
        assert_eq!(
            window_month(day(2026, 2, 1)),
            "2025-03",
            "17:00 UTC on 31/01 is February in Vietnam"
        );
        assert_eq!(window_month(day(2026, 2, 1) - 1), "2025-02");
        let rs = vec![
            r(1, day(2025, 12, 1), "đầu cửa sổ", false),
            r(2, day(2025, 12, 1) - 1, "trước cửa sổ", false),
            r(3, now, "", false),
        ];
        let s = summary(&rs, now, 10);
        assert_eq!((s.today, s.recent), (1, 2));
        assert_eq!(s.latest.iter().map(|l| l.1.as_str()).collect::<Vec<_>>(), vec!["đầu cửa sổ"]);
        let mut rs = rs;
        rs[0].version = 2;
        rs[0].digits = "44444".into();
        rs[1].version = 2;
        rs[1].digits = "11111".into();
        let mut book = crate::survey::questionnaire::Book::of(Questionnaire::sipas());
        book.publish(Questionnaire::short());
        let ix = window_index(&rs, &book.versions, now);
        assert_eq!(
            (ix.n, ix.n_items, ix.overall),
            (2, 1, Some(100.0)),
            "the response before the window does not count"
        );
    }
}
