//! Working-day calendar for Vietnamese civil servants.
//!
//! The calendar is *data*, year by year: the government fixes Tết and swaps working days each
//! year, so no formula can be trusted. A year not in the data falls back to "weekends only" and
//! callers are told so ([`WorkCalendar::covers`]) so that the UI can warn.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Days off and make-up working Saturdays of one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCalendar {
    pub year: i32,
    /// Weekdays that are not worked: public holidays and compensating days off.
    pub days_off: BTreeSet<NaiveDate>,
    /// Saturdays (or Sundays) that are worked to make up for a swapped day.
    pub makeup_days: BTreeSet<NaiveDate>,
}

/// The whole calendar: known years plus the weekend rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    pub years: Vec<YearCalendar>,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid built-in date")
}

fn span(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |x| *x <= to)
}

impl YearCalendar {
    /// Build a year from inclusive ranges of days off and a list of make-up days.
    pub fn new(year: i32, off: &[(NaiveDate, NaiveDate)], makeup: &[NaiveDate]) -> Self {
        YearCalendar {
            year,
            days_off: off.iter().flat_map(|(a, b)| span(*a, *b)).collect(),
            makeup_days: makeup.iter().copied().collect(),
        }
    }
}

/// Dates one per line (or separated by commas) as `dd/mm/yyyy`; a wrong line is named.
pub fn parse_dates(text: &str) -> Result<BTreeSet<NaiveDate>, String> {
    text.split(|c| c == '\n' || c == ',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| NaiveDate::parse_from_str(l, "%d/%m/%Y").map_err(|_| format!("Ngày không hợp lệ / bad date: «{l}»")))
        .collect()
}

/// Dates as `dd/mm/yyyy`, one per line.
pub fn dates_text(dates: &BTreeSet<NaiveDate>) -> String {
    dates
        .iter()
        .map(|d| d.format("%d/%m/%Y").to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

impl YearCalendar {
    /// A year from the settings screen's two lists; every date must fall in `year`.
    pub fn parse(year: i32, days_off: &str, makeup: &str) -> Result<Self, String> {
        let days_off = parse_dates(days_off)?;
        let makeup_days = parse_dates(makeup)?;
        if let Some(d) = days_off.iter().chain(&makeup_days).find(|d| d.year() != year) {
            return Err(format!("{} không thuộc năm {year} / not in {year}", d.format("%d/%m/%Y")));
        }
        Ok(YearCalendar {
            year,
            days_off,
            makeup_days,
        })
    }
}

impl WorkCalendar {
    /// Replace or add one year.
    pub fn set_year(&mut self, y: YearCalendar) {
        self.years.retain(|c| c.year != y.year);
        self.years.push(y);
        self.years.sort_unstable_by_key(|c| c.year);
    }

    pub fn get_year(&self, y: i32) -> Option<&YearCalendar> {
        self.year(y)
    }
}

impl Default for WorkCalendar {
    /// The years shipped with the app (domain reference, 2024–2026).
    fn default() -> Self {
        let y24 = YearCalendar::new(
            2024,
            &[
                (d(2024, 1, 1), d(2024, 1, 1)),
                (d(2024, 2, 8), d(2024, 2, 14)),
                (d(2024, 4, 18), d(2024, 4, 18)),
                (d(2024, 4, 29), d(2024, 5, 1)),
                (d(2024, 9, 2), d(2024, 9, 3)),
            ],
            &[d(2024, 5, 4)],
        );
        let y25 = YearCalendar::new(
            2025,
            &[
                (d(2025, 1, 1), d(2025, 1, 1)),
                (d(2025, 1, 27), d(2025, 1, 31)),
                (d(2025, 4, 7), d(2025, 4, 7)),
                (d(2025, 4, 30), d(2025, 5, 2)),
                (d(2025, 9, 1), d(2025, 9, 2)),
            ],
            &[d(2025, 4, 26)],
        );
        let y26 = YearCalendar::new(
            2026,
            &[
                (d(2026, 1, 1), d(2026, 1, 1)),
                (d(2026, 2, 16), d(2026, 2, 20)),
                (d(2026, 4, 27), d(2026, 4, 27)),
                (d(2026, 4, 30), d(2026, 5, 1)),
                (d(2026, 8, 31), d(2026, 9, 2)),
            ],
            &[d(2026, 8, 22)],
        );
        WorkCalendar {
            years: vec![y24, y25, y26],
        }
    }
}

impl WorkCalendar {
    fn year(&self, y: i32) -> Option<&YearCalendar> {
        self.years.iter().find(|c| c.year == y)
    }

    /// Whether the calendar has data for the year of `date` (else only weekends are known).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.year(date.year()).is_some()
    }

    /// A working day: Monday–Friday that is not a day off, or a make-up day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        match self.year(date.year()) {
            Some(y) if y.makeup_days.contains(&date) => true,
            Some(y) if y.days_off.contains(&date) => false,
            _ => !weekend,
        }
    }

    /// The first working day on or after `date`.
    pub fn next_working_day_from(&self, date: NaiveDate) -> NaiveDate {
        let mut x = date;
        // A year has at most ~120 non-working days in a row in no real calendar; bound the loop.
        for _ in 0..400 {
            if self.is_working_day(x) {
                return x;
            }
            x += Duration::days(1);
        }
        x
    }

    /// The date `n` working days after `start`, where `start` itself is day 0 and is not counted.
    /// `n = 0` gives `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut x = start;
        let mut left = n;
        while left > 0 {
            x += Duration::days(1);
            if self.is_working_day(x) {
                left -= 1;
            }
        }
        x
    }

    /// Working days in the half-open interval (from, to]: how many working days were used from
    /// the day after `from` up to and including `to`. Negative when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        span(from + Duration::days(1), to).filter(|x| self.is_working_day(*x)).count() as i64
    }

    /// The due date-time of a procedure of `days` working days received at `received`.
    ///
    /// Counting starts on the day of receipt when it is a working day and before the cut-off
    /// (`cutoff`, usually 15:00, when the procedure uses the rule); otherwise on the next working
    /// day. The result is due at the end of the office day (17:00) of the last working day.
    pub fn due_at(&self, received: NaiveDateTime, days: u32, cutoff: Option<NaiveTime>) -> NaiveDateTime {
        let day = received.date();
        let late = cutoff.is_some_and(|c| received.time() >= c);
        // Day 1 of the count: receipt day if it counts, else the next working day.
        let first = if self.is_working_day(day) && !late {
            day
        } else {
            self.next_working_day_from(day + Duration::days(1))
        };
        let last = self.add_working_days(first, days.saturating_sub(1));
        last.and_time(end_of_day())
    }
}

/// Office hours on a working day (morning and afternoon), over which procedures whose time is
/// set in working hours are counted.
pub fn office_hours() -> [(NaiveTime, NaiveTime); 2] {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("valid time");
    [(t(7, 30), t(11, 30)), (t(13, 30), t(17, 0))]
}

impl WorkCalendar {
    /// The instant `hours` office hours after `start`, skipping nights, lunch and days off.
    pub fn add_working_hours(&self, start: NaiveDateTime, hours: u32) -> NaiveDateTime {
        let mut left = Duration::hours(hours as i64);
        let mut t = start;
        let office = office_hours();
        // Each pass consumes one working day; bound the loop for absurd inputs.
        for _ in 0..(hours as usize + 400) {
            let day = t.date();
            if self.is_working_day(day) {
                for (open, close) in office {
                    let from = t.max(day.and_time(open));
                    let to = day.and_time(close);
                    if from < to {
                        if to - from >= left {
                            return from + left;
                        }
                        left -= to - from;
                    }
                }
            }
            t = self.next_working_day_from(day + Duration::days(1)).and_time(office[0].0);
        }
        t
    }
}

/// The end of an office day, at which a result is due.
pub fn end_of_day() -> NaiveTime {
    NaiveTime::from_hms_opt(17, 0, 0).expect("valid time")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn weekends_and_holidays_are_off() {
        let c = WorkCalendar::default();
        assert!(!c.is_working_day(d(2025, 1, 1)), "New Year");
        assert!(c.is_working_day(d(2025, 1, 2)));
        assert!(!c.is_working_day(d(2025, 1, 4)), "Saturday");
        for day in 27..=31 {
            assert!(!c.is_working_day(d(2025, 1, day)), "Tết 2025 {day}/1");
        }
        assert!(c.is_working_day(d(2025, 2, 3)), "back after Tết");
        assert!(!c.is_working_day(d(2025, 4, 7)), "Giỗ Tổ 2025");
        for day in 16..=20 {
            assert!(!c.is_working_day(d(2026, 2, day)), "Tết 2026 {day}/2");
        }
        for day in 8..=14 {
            assert!(!c.is_working_day(d(2024, 2, day)), "Tết 2024 {day}/2");
        }
    }

    #[test]
    fn gio_to_2026_falls_on_sunday_and_is_compensated_monday() {
        let c = WorkCalendar::default();
        // 10/3 lunar 2026 is Sunday 26/4: off anyway, the Monday after is the compensating day.
        assert_eq!(d(2026, 4, 26).weekday(), Weekday::Sun);
        assert!(!c.is_working_day(d(2026, 4, 27)));
        assert!(c.is_working_day(d(2026, 4, 28)));
        assert!(c.is_working_day(d(2026, 4, 29)));
        assert!(!c.is_working_day(d(2026, 4, 30)));
        assert!(!c.is_working_day(d(2026, 5, 1)));
    }

    #[test]
    fn makeup_saturdays_are_worked() {
        let c = WorkCalendar::default();
        assert!(c.is_working_day(d(2024, 5, 4)));
        assert!(c.is_working_day(d(2025, 4, 26)));
        assert!(c.is_working_day(d(2026, 8, 22)));
        assert!(!c.is_working_day(d(2026, 8, 29)), "an ordinary Saturday");
        // 2/9 2026 with its swap: 31/8 to 2/9 off.
        for day in [d(2026, 8, 31), d(2026, 9, 1), d(2026, 9, 2)] {
            assert!(!c.is_working_day(day));
        }
        assert!(c.is_working_day(d(2026, 9, 3)));
    }

    #[test]
    fn add_working_days_skips_tet() {
        let c = WorkCalendar::default();
        // Friday 24/1/2025 + 1 working day: weekend, then Tết 27–31/1, so Monday 3/2.
        assert_eq!(c.add_working_days(d(2025, 1, 24), 1), d(2025, 2, 3));
        assert_eq!(c.add_working_days(d(2025, 1, 24), 0), d(2025, 1, 24));
        // 30/4–2/5 2025 off, Saturday 26/4 is worked.
        assert_eq!(c.add_working_days(d(2025, 4, 25), 1), d(2025, 4, 26));
        assert_eq!(c.add_working_days(d(2025, 4, 29), 1), d(2025, 5, 5));
    }

    #[test]
    fn working_days_between_counts_half_open() {
        let c = WorkCalendar::default();
        assert_eq!(c.working_days_between(d(2025, 1, 24), d(2025, 2, 3)), 1);
        assert_eq!(c.working_days_between(d(2025, 2, 3), d(2025, 2, 3)), 0);
        assert_eq!(c.working_days_between(d(2025, 2, 3), d(2025, 2, 10)), 5);
        assert_eq!(c.working_days_between(d(2025, 2, 10), d(2025, 2, 3)), -5);
    }

    #[test]
    fn due_date_with_and_without_the_15h_rule() {
        let c = WorkCalendar::default();
        let cut = NaiveTime::from_hms_opt(15, 0, 0);
        // Monday 3/2/2025 10:00, 3 working days: Mon, Tue, Wed → Wed 5/2 17:00.
        assert_eq!(c.due_at(t(2025, 2, 3, 10, 0), 3, cut), t(2025, 2, 5, 17, 0));
        // Same day 15:30 with the rule: count starts Tuesday → Thursday 6/2.
        assert_eq!(c.due_at(t(2025, 2, 3, 15, 30), 3, cut), t(2025, 2, 6, 17, 0));
        // Without the rule the hour does not matter.
        assert_eq!(c.due_at(t(2025, 2, 3, 15, 30), 3, None), t(2025, 2, 5, 17, 0));
        // Received on a Saturday (not worked): count starts Monday.
        assert_eq!(c.due_at(t(2025, 2, 8, 9, 0), 1, cut), t(2025, 2, 10, 17, 0));
        // Received Thursday 24/4/2025, 5 days: Thu, Fri, Sat 26 (make-up), Mon 28, Tue 29.
        assert_eq!(c.due_at(t(2025, 4, 24, 9, 0), 5, cut), t(2025, 4, 29, 17, 0));
    }

    #[test]
    fn years_are_edited_as_text() {
        let mut c = WorkCalendar::default();
        let y = YearCalendar::parse(2027, "01/01/2027\n05/02/2027, 08/02/2027", "30/01/2027").unwrap();
        c.set_year(y);
        assert!(c.covers(d(2027, 3, 1)));
        assert!(!c.is_working_day(d(2027, 2, 5)));
        assert!(c.is_working_day(d(2027, 1, 30)), "make-up Saturday");
        assert!(YearCalendar::parse(2027, "31/02/2027", "").unwrap_err().contains("31/02/2027"));
        assert!(YearCalendar::parse(2027, "01/01/2026", "").is_err());
        let text = dates_text(&c.get_year(2024).unwrap().makeup_days);
        assert_eq!(text, "04/05/2024");
        assert_eq!(c.years.iter().map(|y| y.year).collect::<Vec<_>>(), vec![2024, 2025, 2026, 2027]);
    }

    #[test]
    fn working_hours_skip_lunch_nights_and_holidays() {
        let c = WorkCalendar::default();
        // Monday 3/2/2025 10:00 + 4 h: 1.5 h before lunch, 2.5 h after → 16:00.
        assert_eq!(c.add_working_hours(t(2025, 2, 3, 10, 0), 4), t(2025, 2, 3, 16, 0));
        // 16:00 + 4 h: 1 h today, then Tuesday from 07:30 → 10:30.
        assert_eq!(c.add_working_hours(t(2025, 2, 3, 16, 0), 4), t(2025, 2, 4, 10, 30));
        // Friday 24/1/2025 16:30 + 1 h: Tết follows the weekend → Monday 3/2 08:00.
        assert_eq!(c.add_working_hours(t(2025, 1, 24, 16, 30), 1), t(2025, 2, 3, 8, 0));
        // Received at lunch or on a Sunday: the count starts at the next opening.
        assert_eq!(c.add_working_hours(t(2025, 2, 3, 12, 0), 1), t(2025, 2, 3, 14, 30));
        assert_eq!(c.add_working_hours(t(2025, 2, 9, 9, 0), 2), t(2025, 2, 10, 9, 30));
        assert_eq!(c.add_working_hours(t(2025, 2, 3, 10, 0), 0), t(2025, 2, 3, 10, 0));
    }

    #[test]
    fn unknown_year_falls_back_to_weekends_only() {
        let c = WorkCalendar::default();
        assert!(!c.covers(d(2030, 1, 1)));
        assert!(c.covers(d(2025, 6, 1)));
        assert!(c.is_working_day(d(2030, 1, 1)), "no data: a Tuesday is worked");
        assert!(!c.is_working_day(d(2030, 1, 5)), "Saturday");
    }
}
