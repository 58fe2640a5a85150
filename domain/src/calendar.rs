//! Working-day calendar for Vietnamese civil servants.
//!
//! The calendar is *data*, year by year: the government fixes Tết and swaps working days each
//! year, so no formula can be trusted for good. A year nobody shipped or confirmed still gets
//! real holidays: [`YearCalendar::provisional`] computes them from the Labour Code and the
//! Vietnamese lunar calendar ([`crate::lunar`]), and every due date that falls in or runs
//! through such a year is marked "tạm tính" ([`WorkCalendar::provisional_between`]) until an
//! officer confirms the year from the official notice. No due date is ever computed by
//! skipping weekends alone.

use crate::i18n::{Msg, K};
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
    /// The document(s) the year's days come from, shown in the calendar editor so that an
    /// officer can check them against the official text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// When an officer last edited the year (ms); 0 for shipped data. File sync keeps the
    /// later edit of a year.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub changed_at: i64,
    /// Computed by rule, not yet confirmed from the official notice ("tạm tính").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

fn is_zero(x: &i64) -> bool {
    *x == 0
}

/// Office hours of a working day: a morning and an afternoon period. Procedures timed in
/// working hours count only these; day-based due dates fall at the afternoon's close.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeHours {
    pub am: (NaiveTime, NaiveTime),
    pub pm: (NaiveTime, NaiveTime),
}

impl Default for OfficeHours {
    /// 07:30–11:30 and 13:30–17:00, the common schedule of provincial departments.
    fn default() -> Self {
        OfficeHours {
            am: (hm(7, 30), hm(11, 30)),
            pm: (hm(13, 30), hm(17, 0)),
        }
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

impl OfficeHours {
    /// Both periods, in order.
    pub fn periods(&self) -> [(NaiveTime, NaiveTime); 2] {
        [self.am, self.pm]
    }
    /// The close of the office day, at which a day-based result is due.
    pub fn close(&self) -> NaiveTime {
        self.pm.1
    }
    /// A due date-time an officer typed, kept within office hours: a time after the close or
    /// before the opening becomes the close of that day (a result is never due at 23:59).
    pub fn due_within(&self, t: NaiveDateTime) -> NaiveDateTime {
        if t.time() > self.close() || t.time() < self.am.0 {
            t.date().and_time(self.close())
        } else {
            t
        }
    }

    /// Office hours from the settings screen (`HH:MM` four times); the periods must be in order
    /// and not empty.
    pub fn parse(am_from: &str, am_to: &str, pm_from: &str, pm_to: &str) -> Result<Self, Msg> {
        let p = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| Msg::new(K::ErrBadTime).arg(s));
        let h = OfficeHours {
            am: (p(am_from)?, p(am_to)?),
            pm: (p(pm_from)?, p(pm_to)?),
        };
        if h.am.0 < h.am.1 && h.am.1 <= h.pm.0 && h.pm.0 < h.pm.1 {
            Ok(h)
        } else {
            Err(Msg::new(K::ErrHoursOrder))
        }
    }
}

impl WorkCalendar {
    /// A calendar from a file is sane before anything computes with it: at most 200 years,
    /// each 2000–2100 with its days inside it and at most 366 of each kind, the office hours
    /// in order (issue 21: the date arithmetic must never meet an absurd value).
    pub fn check(&self) -> Result<(), Msg> {
        let h = &self.office;
        if !(h.am.0 < h.am.1 && h.am.1 <= h.pm.0 && h.pm.0 < h.pm.1) {
            return Err(Msg::new(K::ErrHoursOrder));
        }
        if self.years.len() > 200 {
            return Err(Msg::new(K::ErrTooManyYears));
        }
        for y in &self.years {
            let inside = |d: &NaiveDate| d.year() == y.year;
            if !(2000..=2100).contains(&y.year)
                || y.days_off.len() > 366
                || y.makeup_days.len() > 366
                || !y.days_off.iter().chain(&y.makeup_days).all(inside)
            {
                return Err(Msg::new(K::ErrBadYear).arg(y.year));
            }
        }
        Ok(())
    }
}

/// The whole calendar: known years plus the weekend rule, the office hours, and how the
/// province counts the day of receipt. It is department-wide data (travels in exports), not a
/// per-device setting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    pub years: Vec<YearCalendar>,
    #[serde(default)]
    pub office: OfficeHours,
    /// Off by default (Civil Code 2015, art. 147: a period in days starts the day after the
    /// event). Some provinces' software counts the receipt day as day 1; they switch this on.
    #[serde(default)]
    pub count_receipt_day: bool,
    /// When the office hours or the receipt-day rule were last changed (ms); 0 as shipped.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rules_changed_at: i64,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn span(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |x| *x <= to)
}

impl YearCalendar {
    /// Build a year from inclusive ranges of days off and a list of make-up days.
    pub fn new(year: i32, off: &[(NaiveDate, NaiveDate)], makeup: &[NaiveDate], source: &str) -> Self {
        YearCalendar {
            year,
            days_off: off.iter().flat_map(|(a, b)| span(*a, *b)).collect(),
            makeup_days: makeup.iter().copied().collect(),
            source: source.to_string(),
            changed_at: 0,
            provisional: false,
        }
    }
}

/// Dates one per line (or separated by commas) as `dd/mm/yyyy`; a wrong line is named.
pub fn parse_dates(text: &str) -> Result<BTreeSet<NaiveDate>, Msg> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| NaiveDate::parse_from_str(l, "%d/%m/%Y").map_err(|_| Msg::new(K::ErrBadDate).arg(l)))
        .collect()
}

/// Dates as `dd/mm/yyyy`, one per line.
pub fn dates_text(dates: &BTreeSet<NaiveDate>) -> String {
    dates.iter().map(|d| crate::format::date(*d)).collect::<Vec<_>>().join("\n")
}

impl YearCalendar {
    /// A year from the settings screen's two lists and its source; every date must fall in
    /// `year`.
    pub fn parse(year: i32, days_off: &str, makeup: &str, source: &str) -> Result<Self, Msg> {
        let days_off = parse_dates(days_off)?;
        let makeup_days = parse_dates(makeup)?;
        if let Some(d) = days_off.iter().chain(&makeup_days).find(|d| d.year() != year) {
            return Err(Msg::new(K::ErrDateNotInYear).arg(crate::format::date(*d)).arg(year));
        }
        Ok(YearCalendar {
            year,
            days_off,
            makeup_days,
            source: source.trim().to_string(),
            changed_at: 0,
            provisional: false,
        })
    }
}

/// Saturday or Sunday.
fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl YearCalendar {
    /// A working day of this year: Monday–Friday that is not a day off, or a make-up day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.makeup_days.contains(&date) {
            true
        } else if self.days_off.contains(&date) {
            false
        } else {
            !is_weekend(date)
        }
    }

    /// A year computed by rule, for a year without an official notice (marked provisional).
    ///
    /// Public holidays of Bộ luật Lao động 2019, Điều 112: 1/1; Tết, five days starting
    /// `tet_from` days from mùng 1 (the latest confirmed year's pattern: 2026 started on giao
    /// thừa, −1); Giỗ Tổ Hùng Vương (10/3 âm lịch); 30/4; 1/5; 2/9 and one adjacent day (the one
    /// that joins a weekend, else 1/9, as in 2026); and from 2026 24/11, Ngày Văn hóa Việt Nam
    /// (Nghị quyết 28/2026/QH16). Lunar dates at UTC+7 ([`crate::lunar`]). A holiday on a
    /// Saturday or Sunday gives a compensating day off on the next working day (Điều 111,
    /// khoản 3). No make-up Saturdays: swaps are decided each year, only the notice knows them.
    pub fn provisional(year: i32, tet_from: i64) -> YearCalendar {
        let on = |m, day| NaiveDate::from_ymd_opt(year, m, day);
        let mut holidays: BTreeSet<NaiveDate> = [on(1, 1), on(4, 30), on(5, 1), on(9, 2)].into_iter().flatten().collect();
        if year >= 2026 {
            holidays.extend(on(11, 24));
        }
        if let Some(tet) = crate::lunar::tet(year) {
            let first = tet + Duration::days(tet_from.clamp(-4, 0));
            holidays.extend((0..5).map(|i| first + Duration::days(i)));
        }
        holidays.extend(crate::lunar::gio_to(year));
        if let (Some(sep1), Some(sep3)) = (on(9, 1), on(9, 3)) {
            // 3/9 on a Friday joins the weekend; 1/9 on a weekend is no day gained; else 1/9.
            let adjacent = if sep3.weekday() == Weekday::Fri || is_weekend(sep1) {
                sep3
            } else {
                sep1
            };
            holidays.insert(adjacent);
        }
        let mut days_off = holidays.clone();
        for h in holidays.iter().filter(|h| is_weekend(**h)) {
            let mut x = *h + Duration::days(1);
            while is_weekend(x) || days_off.contains(&x) {
                x += Duration::days(1);
            }
            days_off.insert(x);
        }
        YearCalendar {
            year,
            days_off,
            makeup_days: BTreeSet::new(),
            source: PROVISIONAL_SOURCE.to_string(),
            changed_at: 0,
            provisional: true,
        }
    }
}

/// Why a year cannot be confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmError {
    /// The official notice the days come from must be named (số, ngày of the văn bản).
    NoNotice,
}

impl ConfirmError {
    pub fn key(self) -> crate::i18n::K {
        match self {
            ConfirmError::NoNotice => crate::i18n::K::ConfirmNeedsNotice,
        }
    }
}

/// What a computed year says of itself in the calendar editor.
pub const PROVISIONAL_SOURCE: &str = "Tạm tính theo Bộ luật Lao động 2019, Điều 111–112 và âm lịch Việt Nam (UTC+7); \
chờ thông báo chính thức của Bộ Nội vụ / Thủ tướng Chính phủ";

/// Computed years, memoised: a year's holidays depend only on the year and the Tết pattern, and
/// due-date loops ask for the same day many times.
fn computed_year(year: i32, tet_from: i64) -> std::sync::Arc<YearCalendar> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    type Memo = Mutex<HashMap<(i32, i64), Arc<YearCalendar>>>;
    static MEMO: OnceLock<Memo> = OnceLock::new();
    let memo = MEMO.get_or_init(Default::default);
    let mut m = match memo.lock() {
        Ok(m) => m,
        Err(poisoned) => poisoned.into_inner(),
    };
    if m.len() > 512 {
        // Only a hostile span asks for hundreds of years; keep the memo small.
        m.clear();
    }
    m.entry((year, tet_from))
        .or_insert_with(|| Arc::new(YearCalendar::provisional(year, tet_from)))
        .clone()
}

impl WorkCalendar {
    /// An officer's edit of one year: stamped with `now` when it changes anything, so that
    /// file sync keeps the later edit.
    pub fn edit_year(&mut self, mut y: YearCalendar, now: i64) {
        let old = self.get_year(y.year).cloned();
        let same = old.as_ref().is_some_and(|o| {
            o.days_off == y.days_off && o.makeup_days == y.makeup_days && o.source == y.source && o.provisional == y.provisional
        });
        y.changed_at = if same {
            old.map_or(0, |o| o.changed_at)
        } else {
            now.max(old.map_or(0, |o| o.changed_at + 1))
        };
        self.set_year(y);
    }

    /// An edit of the office hours and the receipt-day rule, stamped when it changes them.
    pub fn edit_rules(&mut self, office: OfficeHours, count_receipt_day: bool, now: i64) {
        if office != self.office || count_receipt_day != self.count_receipt_day {
            self.office = office;
            self.count_receipt_day = count_receipt_day;
            self.rules_changed_at = now.max(self.rules_changed_at + 1);
        }
    }

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

/// Where 2026's days come from.
const SOURCE_2026: &str = "Bộ luật Lao động 2019, Điều 112; Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết, Quốc khánh); \
Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (nghỉ thứ Sáu 02/01/2026, làm bù thứ Bảy 10/01/2026); \
24/11 Ngày Văn hóa Việt Nam: Nghị quyết 80-NQ/TW ngày 07/01/2026, Nghị quyết 30/NQ-CP, \
Nghị quyết 28/2026/QH16 (theo shared/domain.md)";

/// 2027 as `YearCalendar::provisional` computes it with 2026's Tết pattern (a test holds them
/// equal), written out as data so that the kiosk module, built without the lunar calendar,
/// ships it too. shared/domain.md: "2027 (provisional, no official notice yet)".
fn shipped_2027() -> YearCalendar {
    YearCalendar {
        provisional: true,
        ..YearCalendar::new(
            2027,
            &[
                (d(2027, 1, 1), d(2027, 1, 1)),
                (d(2027, 2, 5), d(2027, 2, 11)),
                (d(2027, 4, 16), d(2027, 4, 16)),
                (d(2027, 4, 30), d(2027, 5, 1)),
                (d(2027, 5, 3), d(2027, 5, 3)),
                (d(2027, 9, 2), d(2027, 9, 3)),
                (d(2027, 11, 24), d(2027, 11, 24)),
            ],
            &[],
            PROVISIONAL_SOURCE,
        )
    }
}

/// 2026's Tết block starts the day before mùng 1 (giao thừa, 16/02; mùng 1 = 17/02).
const TET_FROM_2026: i64 = -1;

impl Default for WorkCalendar {
    /// The years shipped with the app (domain reference): 2024–2026 as announced, 2027 as the
    /// rule computes it (provisional: no official notice yet).
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
            "Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết, 30/4–1/5 và Quốc khánh 2024 của Bộ LĐ-TB&XH cho cán bộ, công chức (theo shared/domain.md)",
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
            "Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết, 30/4–1/5 và Quốc khánh 2025 của Bộ LĐ-TB&XH cho cán bộ, công chức (theo shared/domain.md)",
        );
        let y26 = YearCalendar::new(
            2026,
            &[
                (d(2026, 1, 1), d(2026, 1, 2)),
                (d(2026, 2, 16), d(2026, 2, 20)),
                (d(2026, 4, 27), d(2026, 4, 27)),
                (d(2026, 4, 30), d(2026, 5, 1)),
                (d(2026, 8, 31), d(2026, 9, 2)),
                (d(2026, 11, 24), d(2026, 11, 24)),
            ],
            &[d(2026, 1, 10), d(2026, 8, 22)],
            SOURCE_2026,
        );
        WorkCalendar {
            years: vec![y24, y25, y26, shipped_2027()],
            office: OfficeHours::default(),
            count_receipt_day: false,
            rules_changed_at: 0,
        }
    }
}

impl WorkCalendar {
    /// Bring shipped years up to date in a calendar stored by an earlier build: a year that was
    /// never edited (no source, days exactly as an earlier build shipped them) is replaced by
    /// this build's data. A year an officer edited is never touched. Returns whether anything
    /// changed.
    pub fn upgrade_shipped(&mut self) -> bool {
        let shipped = WorkCalendar::default();
        let mut earlier = shipped.years.clone();
        // 2026 as shipped before the 12729/VPCP-KGVX swap was known, and before 24/11 was a
        // holiday.
        let y26 = shipped
            .get_year(2026)
            .cloned()
            .unwrap_or_else(|| YearCalendar::new(2026, &[], &[], ""));
        let mut before_24_11 = y26.clone();
        before_24_11.days_off.remove(&d(2026, 11, 24));
        let mut before_swap = before_24_11.clone();
        before_swap.days_off.remove(&d(2026, 1, 2));
        before_swap.makeup_days.remove(&d(2026, 1, 10));
        earlier.extend([before_24_11, before_swap]);
        let mut changed = false;
        for y in self.years.iter_mut().filter(|y| y.changed_at == 0) {
            let Some(new) = shipped.years.iter().find(|s| s.year == y.year) else {
                continue;
            };
            let as_shipped = earlier
                .iter()
                .any(|e| e.year == y.year && e.days_off == y.days_off && e.makeup_days == y.makeup_days);
            if as_shipped && y != new {
                *y = new.clone();
                changed = true;
            }
        }
        // Years shipped since (2027) join a calendar that has none of its own for them.
        for new in &shipped.years {
            if self.get_year(new.year).is_none() {
                self.set_year(new.clone());
                changed = true;
            }
        }
        changed
    }
}

impl WorkCalendar {
    /// The stored year (shipped, confirmed or edited).
    fn year(&self, y: i32) -> Option<&YearCalendar> {
        self.years.iter().find(|c| c.year == y)
    }

    /// Whether `year` has a calendar confirmed from the official notice (or shipped as such).
    /// Otherwise its days off are computed by rule and every due date through it is "tạm tính".
    pub fn is_confirmed(&self, year: i32) -> bool {
        self.year(year).is_some_and(|y| !y.provisional)
    }

    /// Whether a span of dates touches a year that is not confirmed: a due date computed
    /// over it is provisional ("hạn tạm tính"). Spans of more than ten years are provisional.
    pub fn provisional_between(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let (a, b) = (from.year().min(to.year()), from.year().max(to.year()));
        b - a > 10 || (a..=b).any(|y| !self.is_confirmed(y))
    }

    /// The year as the calendar uses it: stored, or computed (provisional) when not stored.
    pub fn year_in_use(&self, year: i32) -> YearCalendar {
        match self.year(year) {
            Some(y) => y.clone(),
            None => (*computed_year(year, self.tet_from())).clone(),
        }
    }

    /// An officer confirms a year from the official notice (its days as edited, the notice
    /// named in `source`): the year is no longer provisional.
    pub fn confirm_year(&mut self, mut y: YearCalendar, now: i64) -> Result<(), ConfirmError> {
        let source = y.source.trim();
        if source.is_empty() || source == PROVISIONAL_SOURCE {
            return Err(ConfirmError::NoNotice);
        }
        y.provisional = false;
        self.edit_year(y, now);
        Ok(())
    }

    /// How the latest confirmed year placed its Tết block: days from mùng 1 to the first day
    /// off (2026: giao thừa, −1). A computed year repeats it (shared/domain.md).
    pub fn tet_from(&self) -> i64 {
        self.years
            .iter()
            .rev()
            .filter(|y| !y.provisional)
            .find_map(|y| {
                let tet = crate::lunar::tet(y.year)?;
                let off = |x: NaiveDate| y.days_off.contains(&x) || is_weekend(x);
                // Walk back from mùng 1 over days not worked, then forward to the first day off.
                let mut first = tet;
                while first > tet - Duration::days(6) && off(first - Duration::days(1)) {
                    first -= Duration::days(1);
                }
                let first = span(first, tet).find(|x| y.days_off.contains(x))?;
                Some((first - tet).num_days())
            })
            .unwrap_or(TET_FROM_2026)
    }

    /// A working day: Monday–Friday that is not a day off, or a make-up day. A year not stored
    /// is computed ([`YearCalendar::provisional`]).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.year(date.year()) {
            Some(y) => y.is_working_day(date),
            None => computed_year(date.year(), self.tet_from()).is_working_day(date),
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

    /// The legal day of receipt: the day itself when it is a working day and the file came in
    /// time (`cutoff`, usually 15:00; 15:00:00 itself is in time), otherwise the next working
    /// day. Online files sent at night or on a day off are received the next working day.
    pub fn receipt_day(&self, received: NaiveDateTime, cutoff: Option<NaiveTime>) -> NaiveDate {
        let day = received.date();
        let late = cutoff.is_some_and(|c| received.time() > c);
        if self.is_working_day(day) && !late {
            day
        } else {
            self.next_working_day_from(day + Duration::days(1))
        }
    }

    /// The due date-time of a procedure of `days` working days received at `received`.
    ///
    /// The period starts the day after the legal day of receipt (Civil Code 2015, art. 147):
    /// received Monday, 3 working days → due at the close of Thursday. With
    /// [`WorkCalendar::count_receipt_day`] the receipt day is day 1 instead. A procedure always
    /// takes at least one working day, so a file never falls due minutes after it came in.
    pub fn due_at(&self, received: NaiveDateTime, days: u32, cutoff: Option<NaiveTime>) -> NaiveDateTime {
        let first = self.receipt_day(received, cutoff);
        let n = days.clamp(1, MAX_DAYS);
        let last = if self.count_receipt_day {
            self.add_working_days(first, n - 1)
        } else {
            self.add_working_days(first, n)
        };
        last.and_time(self.office.close())
    }

    /// "Trong ngày" procedures: due at the close of the legal day of receipt (the next working
    /// day for a file received after `cutoff`).
    pub fn same_day_due(&self, received: NaiveDateTime, cutoff: Option<NaiveTime>) -> NaiveDateTime {
        self.receipt_day(received, cutoff).and_time(self.office.close())
    }
}

/// Longest statutory time in working days the calendar computes (a year and a half).
pub const MAX_DAYS: u32 = 365;
/// Longest statutory time in working hours.
pub const MAX_HOURS: u32 = 2000;

impl WorkCalendar {
    /// The instant `hours` office hours after `start`, skipping nights, lunch and days off.
    pub fn add_working_hours(&self, start: NaiveDateTime, hours: u32) -> NaiveDateTime {
        self.add_working_minutes(start, i64::from(hours.min(MAX_HOURS)) * 60)
    }

    /// The instant `minutes` office minutes after `start`. A start outside office hours begins
    /// at the next opening; the result always lies within office hours.
    pub fn add_working_minutes(&self, start: NaiveDateTime, minutes: i64) -> NaiveDateTime {
        let mut left = Duration::minutes(minutes.max(0));
        let mut t = start;
        // Each pass consumes one day; a year and a half of days off is the most any calendar has.
        for _ in 0..(minutes.max(0) / 60 + 600) {
            let day = t.date();
            if self.is_working_day(day) {
                for (open, close) in self.office.periods() {
                    let from = t.max(day.and_time(open));
                    let to = day.and_time(close);
                    if from < to {
                        if to - from >= left && left > Duration::zero() {
                            return from + left;
                        }
                        if left == Duration::zero() {
                            return from;
                        }
                        left -= to - from;
                    }
                }
            }
            t = self.next_working_day_from(day + Duration::days(1)).and_time(self.office.am.0);
        }
        t
    }

    /// Office minutes between two instants (0 when `to` is not after `from`): how long a pause
    /// on an hour-timed procedure stopped its clock.
    pub fn working_minutes_between(&self, from: NaiveDateTime, to: NaiveDateTime) -> i64 {
        if to <= from {
            return 0;
        }
        let mut total = 0;
        let mut day = from.date();
        // Bounded by the span itself; a pause longer than a few years is not a real pause.
        for _ in 0..2000 {
            if day > to.date() {
                break;
            }
            if self.is_working_day(day) {
                for (open, close) in self.office.periods() {
                    let a = from.max(day.and_time(open));
                    let b = to.min(day.and_time(close));
                    if a < b {
                        total += (b - a).num_minutes();
                    }
                }
            }
            day += Duration::days(1);
        }
        total
    }
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
        // Monday 3/2/2025 10:00, 3 working days: Tue, Wed, Thu → Thu 6/2 17:00 (art. 147).
        assert_eq!(c.due_at(t(2025, 2, 3, 10, 0), 3, cut), t(2025, 2, 6, 17, 0));
        // Same day 15:30 with the rule: received Tuesday, counted Wed, Thu, Fri → Fri 7/2.
        assert_eq!(c.due_at(t(2025, 2, 3, 15, 30), 3, cut), t(2025, 2, 7, 17, 0));
        // Without the rule the hour does not matter.
        assert_eq!(c.due_at(t(2025, 2, 3, 15, 30), 3, None), t(2025, 2, 6, 17, 0));
        // Received on a Saturday (not worked): received Monday, 1 day → Tuesday.
        assert_eq!(c.due_at(t(2025, 2, 8, 9, 0), 1, cut), t(2025, 2, 11, 17, 0));
        // Received Thursday 24/4/2025, 5 days: Fri, Sat 26 (make-up), Mon 28, Tue 29, then
        // 30/4–2/5 off → Mon 5/5.
        assert_eq!(c.due_at(t(2025, 4, 24, 9, 0), 5, cut), t(2025, 5, 5, 17, 0));
    }

    #[test]
    fn counting_starts_the_day_after_receipt() {
        let c = WorkCalendar::default();
        // The worked example: Mon 03/02/2025 10:00, 3 working days → end of Thu 06/02.
        assert_eq!(c.due_at(t(2025, 2, 3, 10, 0), 3, None), t(2025, 2, 6, 17, 0));
        assert_eq!(c.due_at(t(2025, 2, 3, 10, 0), 1, None), t(2025, 2, 4, 17, 0));
    }

    #[test]
    fn fifteen_hundred_itself_is_in_time() {
        let c = WorkCalendar::default();
        let cut = NaiveTime::from_hms_opt(15, 0, 0);
        let at = |h, m, s| d(2025, 2, 3).and_hms_opt(h, m, s).unwrap();
        assert_eq!(c.receipt_day(at(15, 0, 0), cut), d(2025, 2, 3));
        assert_eq!(c.receipt_day(at(15, 0, 1), cut), d(2025, 2, 4));
        assert_eq!(c.due_at(at(15, 0, 0), 1, cut), t(2025, 2, 4, 17, 0));
        assert_eq!(c.due_at(at(15, 0, 1), 1, cut), t(2025, 2, 5, 17, 0));
    }

    #[test]
    fn a_procedure_without_the_rule_never_falls_due_minutes_after_receipt() {
        let c = WorkCalendar::default();
        // Received 16:59 on Monday, 1 day, no 15:00 rule: due Tuesday's close, not 17:00 today.
        assert_eq!(c.due_at(t(2025, 2, 3, 16, 59), 1, None), t(2025, 2, 4, 17, 0));
        // A catalogue entry of 0 days is treated as 1.
        assert_eq!(c.due_at(t(2025, 2, 3, 9, 0), 0, None), t(2025, 2, 4, 17, 0));
    }

    #[test]
    fn counting_the_receipt_day_is_one_setting_off_by_default() {
        let mut c = WorkCalendar::default();
        assert!(!c.count_receipt_day);
        c.count_receipt_day = true;
        // Mon 3/2/2025 10:00, 3 days counted Mon, Tue, Wed.
        assert_eq!(c.due_at(t(2025, 2, 3, 10, 0), 3, None), t(2025, 2, 5, 17, 0));
        // After 15:00 with the rule, day 1 is the next working day.
        assert_eq!(
            c.due_at(t(2025, 2, 3, 15, 30), 3, NaiveTime::from_hms_opt(15, 0, 0)),
            t(2025, 2, 6, 17, 0)
        );
    }

    #[test]
    fn new_year_2026_follows_12729_vpcp_kgvx() {
        let c = WorkCalendar::default();
        assert!(!c.is_working_day(d(2026, 1, 2)), "Friday 2/1/2026 is off");
        assert!(c.is_working_day(d(2026, 1, 10)), "Saturday 10/1/2026 is worked");
        // The worked example: Wed 31/12/2025 16:00, 2 working days. Without the 15:00
        // rule the count runs Mon 5/1, Tue 6/1 → due Tue 06/01/2026.
        assert_eq!(c.due_at(t(2025, 12, 31, 16, 0), 2, None), t(2026, 1, 6, 17, 0));
        // With the rule, 16:00 is received on Mon 5/1, so the count runs Tue 6/1, Wed 7/1.
        let cut = NaiveTime::from_hms_opt(15, 0, 0);
        assert_eq!(c.due_at(t(2025, 12, 31, 16, 0), 2, cut), t(2026, 1, 7, 17, 0));
        assert!(c.get_year(2026).unwrap().source.contains("12729/VPCP-KGVX"));
        assert!(c.years.iter().all(|y| !y.source.is_empty()), "every shipped year names its source");
    }

    #[test]
    fn a_stored_calendar_from_an_earlier_build_gets_the_corrected_2026() {
        // As the first builds stored it: no sources, 2/1 and 24/11 worked, no 10/1 make-up, no
        // 2027.
        let mut stored = WorkCalendar::default();
        stored.years.retain(|y| y.year != 2027);
        for y in &mut stored.years {
            y.source.clear();
        }
        let y26 = stored.years.iter_mut().find(|y| y.year == 2026).unwrap();
        y26.days_off.remove(&d(2026, 1, 2));
        y26.days_off.remove(&d(2026, 11, 24));
        y26.makeup_days.remove(&d(2026, 1, 10));
        assert!(stored.upgrade_shipped());
        assert_eq!(stored, WorkCalendar::default());
        assert!(!stored.upgrade_shipped(), "a second start changes nothing");
        // As the last build stored it: the 12729 swap, no 24/11.
        let mut last = WorkCalendar::default();
        last.years
            .iter_mut()
            .find(|y| y.year == 2026)
            .unwrap()
            .days_off
            .remove(&d(2026, 11, 24));
        assert!(last.is_working_day(d(2026, 11, 24)));
        assert!(last.upgrade_shipped());
        assert!(!last.is_working_day(d(2026, 11, 24)));
        // A year an officer edited stays as edited, even when its days are the shipped ones.
        let mut edited = WorkCalendar::default();
        edited.set_year(YearCalendar::parse(2026, "01/01/2026", "", "").unwrap());
        let mut kept = WorkCalendar::default().get_year(2025).unwrap().clone();
        kept.changed_at = 5;
        kept.source = "Công văn của tỉnh".into();
        edited.set_year(kept);
        let before = edited.clone();
        edited.upgrade_shipped();
        assert_eq!(edited, before);
    }

    #[test]
    fn ngay_van_hoa_viet_nam_is_off_from_2026() {
        let c = WorkCalendar::default();
        assert!(!c.is_working_day(d(2026, 11, 24)), "Tuesday 24/11/2026");
        assert!(c.get_year(2026).unwrap().source.contains("28/2026/QH16"));
        // The example: received Thursday 19/11/2026, 5 working days: 20, 23, 25, 26, 27.
        assert_eq!(c.due_at(t(2026, 11, 19, 9, 0), 5, None), t(2026, 11, 27, 17, 0));
        // Not before 2026.
        assert!(YearCalendar::provisional(2025, -1).is_working_day(d(2025, 11, 24)));
    }

    #[test]
    fn twenty_days_from_04_12_2026_run_into_a_provisional_2027() {
        let c = WorkCalendar::default();
        // Friday 4/12/2026: December's working days 7–11, 14–18, 21–25, 28–31 are 19; 1/1/2027
        // is a holiday, so the 20th is Monday 4/1/2027 (not 1/1, as weekends alone gave).
        let due = c.due_at(t(2026, 12, 4, 9, 0), 20, None);
        assert_eq!(due, t(2027, 1, 4, 17, 0));
        assert!(c.provisional_between(d(2026, 12, 4), due.date()));
        assert!(!c.provisional_between(d(2026, 1, 4), d(2026, 12, 31)));
        assert!(c.get_year(2027).unwrap().provisional);
        // Confirming 2027 (an officer's edit from the notice) removes the mark; the notice must
        // be named.
        let mut confirmed = c.clone();
        let y27 = confirmed.year_in_use(2027);
        assert_eq!(confirmed.confirm_year(y27.clone(), 1), Err(ConfirmError::NoNotice));
        assert!(confirmed.get_year(2027).unwrap().provisional);
        let y27 = YearCalendar {
            source: "Thông báo của Bộ Nội vụ".into(),
            ..y27
        };
        confirmed.confirm_year(y27, 1).unwrap();
        assert!(!confirmed.get_year(2027).unwrap().provisional);
        // A year nobody stored is shown as computed.
        assert!(c.year_in_use(2031).provisional && c.get_year(2031).is_none());
        assert!(!confirmed.provisional_between(d(2026, 12, 4), due.date()));
        // A span beyond any sane year is provisional, not a loop over centuries.
        assert!(c.provisional_between(d(2026, 1, 1), NaiveDate::MAX));
    }

    #[test]
    fn the_shipped_2027_is_domain_md_s_provisional_year() {
        let y = WorkCalendar::default().get_year(2027).unwrap().clone();
        let mut expected: BTreeSet<NaiveDate> = [d(2027, 1, 1), d(2027, 4, 16), d(2027, 4, 30), d(2027, 5, 1), d(2027, 5, 3)].into();
        expected.extend(span(d(2027, 2, 5), d(2027, 2, 11)));
        expected.extend([d(2027, 9, 2), d(2027, 9, 3), d(2027, 11, 24)]);
        assert_eq!(y.days_off, expected);
        assert!(y.makeup_days.is_empty() && y.provisional);
        assert_eq!(
            y,
            YearCalendar::provisional(2027, TET_FROM_2026),
            "the data is what the rule computes"
        );
    }

    #[test]
    fn computed_years_2027_2035_hold_every_statutory_holiday() {
        let c = WorkCalendar::default();
        for year in 2027..=2035 {
            let y = YearCalendar::provisional(year, c.tet_from());
            let tet = crate::lunar::tet(year).unwrap();
            let gio_to = crate::lunar::gio_to(year).unwrap();
            let mut statutory = vec![d(year, 1, 1), gio_to, d(year, 4, 30), d(year, 5, 1), d(year, 9, 2), d(year, 11, 24)];
            statutory.extend(span(tet - Duration::days(1), tet + Duration::days(3)));
            for h in &statutory {
                assert!(y.days_off.contains(h), "{year}: {h} is a holiday");
                assert!(!c.is_working_day(*h), "{year}: {h} not worked");
            }
            assert!(
                y.days_off.contains(&d(year, 9, 1)) ^ y.days_off.contains(&d(year, 9, 3)),
                "{year}: 2/9 + one day"
            );
            // Every holiday on a weekend has its own compensating weekday after it.
            let weekend = |x: &NaiveDate| is_weekend(*x);
            let on_weekend = y.days_off.iter().filter(|x| weekend(x) && !y.makeup_days.contains(x)).count();
            let weekdays_off = y.days_off.iter().filter(|x| !weekend(x)).count();
            let holidays = statutory.len() + 1;
            assert_eq!(weekdays_off, holidays, "{year}: {on_weekend} weekend holidays compensated");
            // Never a holiday on a worked Saturday.
            assert!(y.makeup_days.iter().all(|m| !y.days_off.contains(m)));
            assert!(!c.is_confirmed(year) && c.provisional_between(d(year, 6, 1), d(year, 6, 2)));
        }
        // A year nobody stored is computed the same way (2030: Tết on Saturday 2/2, VN date).
        assert!(!c.is_working_day(d(2030, 2, 1)), "giao thừa 2030");
        assert!(
            !c.is_working_day(d(2030, 2, 6)) && !c.is_working_day(d(2030, 2, 7)),
            "two compensating days"
        );
        assert!(c.is_working_day(d(2030, 2, 8)));
    }

    #[test]
    fn the_tet_pattern_follows_the_latest_confirmed_year() {
        let mut c = WorkCalendar::default();
        assert_eq!(c.tet_from(), -1, "2026: giao thừa to mùng 4");
        c.years.retain(|y| y.year < 2026);
        assert_eq!(c.tet_from(), -2, "2025: 28 Tết to mùng 3");
        c.years.retain(|y| y.year < 2025);
        assert_eq!(c.tet_from(), -2, "2024: 8/2–12/2, weekend days compensated");
        c.years.clear();
        assert_eq!(c.tet_from(), -1);
    }

    #[test]
    fn same_day_procedures_are_a_day_rule() {
        let c = WorkCalendar::default();
        let cut = NaiveTime::from_hms_opt(15, 0, 0);
        assert_eq!(c.same_day_due(t(2025, 2, 3, 9, 0), cut), t(2025, 2, 3, 17, 0));
        assert_eq!(c.same_day_due(t(2025, 2, 3, 15, 0), cut), t(2025, 2, 3, 17, 0));
        assert_eq!(c.same_day_due(t(2025, 2, 3, 15, 1), cut), t(2025, 2, 4, 17, 0));
        // Friday after 15:00 before Tết 2025: the next working day is Monday 3/2.
        assert_eq!(c.same_day_due(t(2025, 1, 24, 16, 0), cut), t(2025, 2, 3, 17, 0));
    }

    #[test]
    fn edits_are_stamped_only_when_they_change_something() {
        let mut c = WorkCalendar::default();
        let y = c.get_year(2026).unwrap().clone();
        c.edit_year(y.clone(), 100);
        assert_eq!(c.get_year(2026).unwrap().changed_at, 0, "saved unchanged");
        let edited = YearCalendar::parse(2026, "01/01/2026\n02/01/2026", "10/01/2026", "x").unwrap();
        c.edit_year(edited, 200);
        assert_eq!(c.get_year(2026).unwrap().changed_at, 200);
        c.edit_rules(c.office, true, 300);
        assert_eq!(c.rules_changed_at, 300);
        c.edit_rules(c.office, true, 400);
        assert_eq!(c.rules_changed_at, 300);
    }

    #[test]
    fn office_hours_are_a_setting() {
        let c = WorkCalendar {
            office: OfficeHours::parse("08:00", "12:00", "13:00", "16:30").unwrap(),
            ..WorkCalendar::default()
        };
        // Day-based due dates fall at the new close.
        assert_eq!(c.due_at(t(2025, 2, 3, 10, 0), 1, None), t(2025, 2, 4, 16, 30));
        // Monday 10:00 + 4 h: 2 h before lunch, 2 h after → 15:00.
        assert_eq!(c.add_working_hours(t(2025, 2, 3, 10, 0), 4), t(2025, 2, 3, 15, 0));
        assert!(OfficeHours::parse("12:00", "08:00", "13:00", "16:30").is_err());
        assert!(OfficeHours::parse("08:00", "25:00", "13:00", "16:30").is_err());
    }

    #[test]
    fn a_typed_due_time_is_kept_within_office_hours() {
        let o = OfficeHours::default();
        assert_eq!(o.due_within(t(2025, 2, 3, 23, 59)), t(2025, 2, 3, 17, 0));
        assert_eq!(o.due_within(t(2025, 2, 3, 0, 0)), t(2025, 2, 3, 17, 0));
        assert_eq!(o.due_within(t(2025, 2, 3, 10, 0)), t(2025, 2, 3, 10, 0));
    }

    #[test]
    fn working_minutes_between_counts_office_time_only() {
        let c = WorkCalendar::default();
        // Mon 10:00 → Mon 16:00: 1.5 h + 2.5 h.
        assert_eq!(c.working_minutes_between(t(2025, 2, 3, 10, 0), t(2025, 2, 3, 16, 0)), 240);
        // Mon 16:00 → Tue 08:30: 1 h + 1 h.
        assert_eq!(c.working_minutes_between(t(2025, 2, 3, 16, 0), t(2025, 2, 4, 8, 30)), 120);
        assert_eq!(c.working_minutes_between(t(2025, 2, 4, 8, 30), t(2025, 2, 3, 16, 0)), 0);
    }

    #[test]
    fn years_are_edited_as_text() {
        let mut c = WorkCalendar::default();
        let y = YearCalendar::parse(2027, "01/01/2027\n05/02/2027, 08/02/2027", "30/01/2027", "").unwrap();
        c.set_year(y);
        assert!(c.is_confirmed(2027));
        assert!(!c.is_working_day(d(2027, 2, 5)));
        assert!(c.is_working_day(d(2027, 1, 30)), "make-up Saturday");
        assert!(YearCalendar::parse(2027, "31/02/2027", "", "")
            .unwrap_err()
            .to_string()
            .contains("31/02/2027"));
        assert!(YearCalendar::parse(2027, "01/01/2026", "", "").is_err());
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
    fn an_unknown_year_is_computed_not_weekends_only() {
        let c = WorkCalendar::default();
        assert!(!c.is_confirmed(2030));
        assert!(c.is_confirmed(2025));
        assert!(!c.is_working_day(d(2030, 1, 1)), "1/1 is a holiday every year");
        assert!(!c.is_working_day(d(2030, 1, 5)), "Saturday");
        // Far outside the lunar method's years: the solar holidays still hold, nothing panics.
        let far = YearCalendar::provisional(9999, -1);
        assert!(far.days_off.contains(&d(9999, 1, 1)) && far.days_off.contains(&d(9999, 9, 2)));
        assert!(!c.is_working_day(d(262_000, 1, 1)));
    }
}
