//! Report periods: a month, a quarter, a year, the year to date or a custom range, with the
//! previous period and the same period last year to compare with.

use chrono::{Datelike, Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    YearToDate,
    Custom,
}

/// Days `from` to `to`, both included (Vietnam dates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn last_of_month(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1) - Duration::days(1)
}

/// The same day a year earlier (29/2 → 28/2).
fn year_before(d: NaiveDate) -> NaiveDate {
    d.with_year(d.year() - 1).unwrap_or_else(|| ymd(d.year() - 1, 2, 28))
}

impl Period {
    pub fn month(y: i32, m: u32) -> Period {
        let m = m.clamp(1, 12);
        Period {
            kind: PeriodKind::Month,
            from: ymd(y, m, 1),
            to: last_of_month(y, m),
        }
    }

    pub fn quarter(y: i32, q: u32) -> Period {
        let q = q.clamp(1, 4);
        Period {
            kind: PeriodKind::Quarter,
            from: ymd(y, 3 * q - 2, 1),
            to: last_of_month(y, 3 * q),
        }
    }

    pub fn year(y: i32) -> Period {
        Period {
            kind: PeriodKind::Year,
            from: ymd(y, 1, 1),
            to: ymd(y, 12, 31),
        }
    }

    pub fn year_to_date(today: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::YearToDate,
            from: ymd(today.year(), 1, 1),
            to: today,
        }
    }

    /// A custom range; the ends are put in order.
    pub fn custom(a: NaiveDate, b: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::Custom,
            from: a.min(b),
            to: a.max(b),
        }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// The period's Vietnam days as UTC milliseconds (end exclusive): a scan over a decade of
    /// records compares integers (`instants().contains(&at)` is `contains(vn_date(at))`).
    pub fn instants(&self) -> std::ops::Range<crate::record::Millis> {
        use crate::record::vn_midnight;
        vn_midnight(self.from)..vn_midnight(self.to + chrono::Duration::days(1))
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period just before: the previous month, quarter or year; for the year to date and a
    /// custom range, as many days just before.
    pub fn previous(&self) -> Period {
        match self.kind {
            PeriodKind::Month => {
                let d = self.from - Duration::days(1);
                Period::month(d.year(), d.month())
            }
            PeriodKind::Quarter => {
                let d = self.from - Duration::days(1);
                Period::quarter(d.year(), d.month().div_ceil(3))
            }
            PeriodKind::Year => Period::year(self.from.year() - 1),
            PeriodKind::YearToDate | PeriodKind::Custom => Period {
                kind: PeriodKind::Custom,
                from: self.from - Duration::days(self.days()),
                to: self.from - Duration::days(1),
            },
        }
    }

    /// The first day the dashboard's figures for this period look at: its own, the previous
    /// period's or the same period's last year (dossiers carried over from before it are the
    /// ones still open then, found by when they settled).
    pub fn reaches_back_to(&self) -> NaiveDate {
        self.from.min(self.previous().from).min(self.same_last_year().from)
    }

    /// Whether this period's figures need nothing older than the dashboard's opening period
    /// does: they can be shown once that is read (`codec::stage`), before older years.
    pub fn within_default(&self, today: NaiveDate) -> bool {
        self.reaches_back_to() >= Period::default_for(today).reaches_back_to()
    }

    /// The dashboard's period when it opens: the year to date.
    pub fn default_for(today: NaiveDate) -> Period {
        Period::year_to_date(today)
    }

    /// The same days one year earlier (cùng kỳ năm trước).
    pub fn same_last_year(&self) -> Period {
        Period {
            kind: self.kind,
            from: year_before(self.from),
            to: year_before(self.to),
        }
    }

    /// The calendar months the period touches, each cut to the period.
    pub fn months(&self) -> Vec<Period> {
        let mut out = Vec::new();
        let mut y = self.from.year();
        let mut m = self.from.month();
        // A decade of months at most; a longer custom range is cut there.
        for _ in 0..120 {
            let p = Period::month(y, m);
            if p.from > self.to {
                break;
            }
            out.push(Period {
                kind: PeriodKind::Month,
                from: p.from.max(self.from),
                to: p.to.min(self.to),
            });
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_the_vietnam_days() {
        let p = Period::year(2025);
        // 2024-12-31 17:00 UTC is 1 January 2025 00:00 in Vietnam.
        let new_year = chrono::DateTime::parse_from_rfc3339("2024-12-31T17:00:00Z")
            .unwrap()
            .timestamp_millis();
        for at in [
            new_year - 1,
            new_year,
            new_year + 1,
            new_year + 365 * 86_400_000 - 1,
            new_year + 365 * 86_400_000,
        ] {
            assert_eq!(p.instants().contains(&at), p.contains(crate::record::vn_date(at)), "{at}");
        }
        assert_eq!(p.instants(), new_year..new_year + 365 * 86_400_000);
    }

    #[test]
    fn how_far_back_a_period_s_figures_reach() {
        let ytd = Period::default_for(ymd(2026, 11, 22));
        assert_eq!(ytd.reaches_back_to(), ymd(2025, 1, 1), "the same days last year");
        assert_eq!(Period::month(2026, 3).reaches_back_to(), ymd(2025, 3, 1));
        let long = Period::custom(ymd(2026, 1, 1), ymd(2026, 12, 31));
        assert_eq!(long.reaches_back_to(), ymd(2025, 1, 1));
        let longer = Period::custom(ymd(2025, 1, 1), ymd(2026, 12, 31));
        assert_eq!(longer.reaches_back_to(), ymd(2023, 1, 2), "730 days before (2024 has 366)");
        let today = ymd(2026, 11, 22);
        assert!(ytd.within_default(today) && Period::month(2026, 3).within_default(today));
        assert!(!Period::month(2025, 1).within_default(today), "January 2024 is compared with");
        assert!(!Period::year(2025).within_default(today), "2024 is compared with");
        assert!(!longer.within_default(today));
    }

    #[test]
    fn periods_and_what_they_are_compared_with() {
        let q3 = Period::quarter(2026, 3);
        assert_eq!((q3.from, q3.to), (ymd(2026, 7, 1), ymd(2026, 9, 30)));
        assert_eq!(q3.previous(), Period::quarter(2026, 2));
        assert_eq!(Period::quarter(2026, 1).previous(), Period::quarter(2025, 4));
        assert_eq!(Period::month(2026, 1).previous(), Period::month(2025, 12));
        assert_eq!(Period::month(2024, 2).to, ymd(2024, 2, 29));
        let ytd = Period::year_to_date(ymd(2017, 8, 31));
        assert_eq!(ytd.same_last_year().to, ymd(2016, 8, 31));
        assert_eq!(ytd.previous().to, ymd(2016, 12, 31));
        assert_eq!(ytd.previous().days(), ytd.days());
        let leap = Period::custom(ymd(2024, 3, 1), ymd(2024, 2, 29));
        assert_eq!(leap.from, ymd(2024, 2, 29), "ends put in order");
        assert_eq!(leap.same_last_year().from, ymd(2023, 2, 28));
        let months = Period::custom(ymd(2025, 11, 15), ymd(2026, 2, 3)).months();
        assert_eq!(months.len(), 4);
        assert_eq!((months[0].from, months[3].to), (ymd(2025, 11, 15), ymd(2026, 2, 3)));
    }
}
