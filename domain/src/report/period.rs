//! Report periods: a month, a quarter, six or nine months, a year, the year to date or a
//! custom range, on either basis, with the previous period and the same period last year to
//! compare with.
//!
//! **Kỳ báo cáo** (the official basis): periodic reports close on the 14th. Nghị định
//! 09/2019/NĐ-CP, Điều 12 (restated by the 2025 circulars; shared/domain.md "Report periods"):
//! month = 15th of the previous month to the 14th; quarter = 15th of the month before the
//! quarter to the 14th of its last month; 6 months = 15/12 of the previous year to 14/6;
//! 9 months = 15/12 to 14/9; year = 15/12 of the previous year to 14/12. Calendar months,
//! quarters and years stay available for internal use.

use chrono::{Datelike, Duration, NaiveDate};

/// The stable codes (`code`) are the strum names below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
pub enum PeriodKind {
    #[strum(serialize = "month")]
    Month,
    #[strum(serialize = "quarter")]
    Quarter,
    /// 6 tháng (đầu năm).
    #[strum(serialize = "half")]
    HalfYear,
    /// 9 tháng.
    #[strum(serialize = "nine")]
    NineMonths,
    #[strum(serialize = "year")]
    Year,
    #[strum(serialize = "ytd")]
    YearToDate,
    #[strum(serialize = "custom")]
    Custom,
}

impl PeriodKind {
    /// The kinds the dashboard offers, in order.
    pub const ALL: [PeriodKind; 7] = [
        PeriodKind::Month,
        PeriodKind::Quarter,
        PeriodKind::HalfYear,
        PeriodKind::NineMonths,
        PeriodKind::Year,
        PeriodKind::YearToDate,
        PeriodKind::Custom,
    ];

    /// The stable code (the picker's option values).
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<PeriodKind> {
        code.parse().ok()
    }

    pub fn key(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            PeriodKind::Month => K::KindMonth,
            PeriodKind::Quarter => K::KindQuarter,
            PeriodKind::HalfYear => K::KindHalfYear,
            PeriodKind::NineMonths => K::KindNineMonths,
            PeriodKind::Year => K::KindYear,
            PeriodKind::YearToDate => K::KindYtd,
            PeriodKind::Custom => K::KindCustom,
        }
    }

    /// How many parts a year has of this kind (12 months, 4 quarters), 0 for the others.
    pub fn parts(self) -> u32 {
        match self {
            PeriodKind::Month => 12,
            PeriodKind::Quarter => 4,
            _ => 0,
        }
    }

    /// Whether the kind is picked by year.
    pub fn by_year(self) -> bool {
        !matches!(self, PeriodKind::YearToDate | PeriodKind::Custom)
    }
}

/// Where a period's days start and end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Basis {
    /// Kỳ báo cáo: closes on the 14th (Nghị định 09/2019/NĐ-CP, Điều 12).
    #[default]
    Official,
    /// Calendar months, quarters and years.
    Calendar,
}

impl Basis {
    pub const ALL: [Basis; 2] = [Basis::Official, Basis::Calendar];
    pub fn code(self) -> &'static str {
        self.into()
    }
    pub fn from_code(code: &str) -> Option<Basis> {
        code.parse().ok()
    }
    pub fn key(self) -> crate::i18n::K {
        match self {
            Basis::Official => crate::i18n::K::BasisOfficial,
            Basis::Calendar => crate::i18n::K::BasisCalendar,
        }
    }
}

/// Days `from` to `to`, both included (Vietnam dates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub basis: Basis,
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

/// The 15th of the month before month `m` of `y` (15/12 of the year before for January).
fn fifteenth_before(y: i32, m: u32) -> NaiveDate {
    if m == 1 {
        ymd(y - 1, 12, 15)
    } else {
        ymd(y, m - 1, 15)
    }
}

/// The same day a year earlier (29/2 → 28/2).
fn year_before(d: NaiveDate) -> NaiveDate {
    d.with_year(d.year() - 1).unwrap_or_else(|| ymd(d.year() - 1, 2, 28))
}

/// What the dashboard's picker chose: a kind on a basis, the year and the part (month 1–12,
/// quarter 1–4). The picker binds these; [`PeriodChoice::period`] makes the days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodChoice {
    pub kind: PeriodKind,
    pub basis: Basis,
    pub year: i32,
    pub part: u32,
}

impl PeriodChoice {
    /// The dashboard's opening choice: the year to date of the current kỳ báo cáo year.
    pub fn opening(today: NaiveDate) -> PeriodChoice {
        PeriodChoice {
            kind: PeriodKind::YearToDate,
            basis: Basis::Official,
            year: report_year(today),
            part: report_month(today).1,
        }
    }

    /// The years the picker offers: a decade's records and more either side, never a year the
    /// calendar and the report's arithmetic were not written for.
    pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

    /// The year typed in the picker, kept within [`PeriodChoice::YEARS`]; text that is no
    /// year leaves the choice as it was.
    pub fn set_year(&mut self, typed: &str) {
        if let Ok(y) = typed.trim().parse::<i32>() {
            self.year = y.clamp(*Self::YEARS.start(), *Self::YEARS.end());
        }
    }

    /// The period chosen (a custom range takes `from`–`to`; the year to date ends `today`).
    pub fn period(&self, today: NaiveDate, from: NaiveDate, to: NaiveDate) -> Period {
        let (y, part) = (self.year, self.part);
        let p = match self.kind {
            PeriodKind::Month => Period::month(y, part),
            PeriodKind::Quarter => Period::quarter(y, part),
            PeriodKind::HalfYear => Period::half_year(y),
            PeriodKind::NineMonths => Period::nine_months(y),
            PeriodKind::Year => Period::year(y),
            PeriodKind::YearToDate => Period::year_to_date(today),
            PeriodKind::Custom => return Period::custom(from, to),
        };
        p.on(self.basis)
    }
}

/// The kỳ báo cáo year `d` belongs to: from 15/12 the next year's reports count it.
pub fn report_year(d: NaiveDate) -> i32 {
    if (d.month(), d.day()) >= (12, 15) {
        d.year() + 1
    } else {
        d.year()
    }
}

/// The kỳ báo cáo month `d` belongs to, as (year, month): from the 15th, the next month's.
pub fn report_month(d: NaiveDate) -> (i32, u32) {
    if d.day() >= 15 {
        if d.month() == 12 {
            (d.year() + 1, 1)
        } else {
            (d.year(), d.month() + 1)
        }
    } else {
        (d.year(), d.month())
    }
}

/// Quarters as the province writes them.
pub fn roman(q: u32) -> &'static str {
    ["I", "II", "III", "IV"].get(q.clamp(1, 4) as usize - 1).copied().unwrap_or("I")
}

impl Period {
    /// Calendar month `m` of `y`.
    pub fn month(y: i32, m: u32) -> Period {
        let m = m.clamp(1, 12);
        Period {
            kind: PeriodKind::Month,
            basis: Basis::Calendar,
            from: ymd(y, m, 1),
            to: last_of_month(y, m),
        }
    }

    /// Calendar quarter `q` of `y`.
    pub fn quarter(y: i32, q: u32) -> Period {
        let q = q.clamp(1, 4);
        Period {
            kind: PeriodKind::Quarter,
            basis: Basis::Calendar,
            from: ymd(y, 3 * q - 2, 1),
            to: last_of_month(y, 3 * q),
        }
    }

    /// The first six calendar months of `y`.
    pub fn half_year(y: i32) -> Period {
        Period {
            kind: PeriodKind::HalfYear,
            basis: Basis::Calendar,
            from: ymd(y, 1, 1),
            to: ymd(y, 6, 30),
        }
    }

    /// The first nine calendar months of `y`.
    pub fn nine_months(y: i32) -> Period {
        Period {
            kind: PeriodKind::NineMonths,
            basis: Basis::Calendar,
            from: ymd(y, 1, 1),
            to: ymd(y, 9, 30),
        }
    }

    /// Calendar year `y`.
    pub fn year(y: i32) -> Period {
        Period {
            kind: PeriodKind::Year,
            basis: Basis::Calendar,
            from: ymd(y, 1, 1),
            to: ymd(y, 12, 31),
        }
    }

    /// From 1 January to `today`.
    pub fn year_to_date(today: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::YearToDate,
            basis: Basis::Calendar,
            from: ymd(today.year(), 1, 1),
            to: today,
        }
    }

    /// A custom range; the ends are put in order.
    pub fn custom(a: NaiveDate, b: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::Custom,
            basis: Basis::Calendar,
            from: a.min(b),
            to: a.max(b),
        }
    }

    /// The same period as a kỳ báo cáo (see the module's source) or as calendar days. A
    /// custom range is left as it is.
    pub fn on(self, basis: Basis) -> Period {
        if basis == self.basis || self.kind == PeriodKind::Custom {
            return self;
        }
        let cal = self.on_calendar();
        if basis == Basis::Calendar {
            return cal;
        }
        let (y, m) = (cal.to.year(), cal.to.month());
        let (from, to) = match self.kind {
            PeriodKind::Month | PeriodKind::Quarter => (fifteenth_before(y, cal.from.month()), ymd(y, m, 14)),
            PeriodKind::HalfYear | PeriodKind::NineMonths | PeriodKind::Year => (ymd(y - 1, 12, 15), ymd(y, m, 14)),
            // The kỳ year to date: from 15/12 before the kỳ year `to` belongs to.
            PeriodKind::YearToDate => (ymd(report_year(self.to) - 1, 12, 15), self.to),
            PeriodKind::Custom => (self.from, self.to),
        };
        Period {
            kind: self.kind,
            basis,
            from,
            to,
        }
    }

    /// The calendar period of the same name (kỳ tháng 11 → November).
    fn on_calendar(self) -> Period {
        if self.basis == Basis::Calendar {
            return self;
        }
        // A kỳ ends on the 14th of its named month (or is the year to date).
        let (y, m) = (self.to.year(), self.to.month());
        match self.kind {
            PeriodKind::Month => Period::month(y, m),
            PeriodKind::Quarter => Period::quarter(y, m.div_ceil(3)),
            PeriodKind::HalfYear => Period::half_year(y),
            PeriodKind::NineMonths => Period::nine_months(y),
            PeriodKind::Year => Period::year(y),
            PeriodKind::YearToDate => Period::year_to_date(self.to),
            PeriodKind::Custom => self,
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

    /// The period just before: the previous month, quarter or year (on the same basis); for
    /// six or nine months, the year to date and a custom range, as many days just before.
    pub fn previous(&self) -> Period {
        let cal = self.on_calendar();
        let just_before = Period {
            kind: PeriodKind::Custom,
            basis: self.basis,
            from: self.from - Duration::days(self.days()),
            to: self.from - Duration::days(1),
        };
        let p = match self.kind {
            PeriodKind::Month => {
                let d = cal.from - Duration::days(1);
                Period::month(d.year(), d.month())
            }
            PeriodKind::Quarter => {
                let d = cal.from - Duration::days(1);
                Period::quarter(d.year(), d.month().div_ceil(3))
            }
            PeriodKind::Year => Period::year(cal.from.year() - 1),
            _ => return just_before,
        };
        p.on(self.basis)
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

    /// The dashboard's period when it opens: the kỳ báo cáo year to date.
    pub fn default_for(today: NaiveDate) -> Period {
        Period::year_to_date(today).on(Basis::Official)
    }

    /// The period's days in a file name: `20251215-20261214`.
    pub fn file_tag(&self) -> String {
        format!(
            "{}-{}",
            crate::format::date_compact(self.from),
            crate::format::date_compact(self.to)
        )
    }

    /// The same days one year earlier (cùng kỳ năm trước).
    pub fn same_last_year(&self) -> Period {
        Period {
            kind: self.kind,
            basis: self.basis,
            from: year_before(self.from),
            to: year_before(self.to),
        }
    }

    /// The months the period touches, each cut to the period: calendar months, or kỳ months
    /// (15th to 14th) on the official basis.
    pub fn months(&self) -> Vec<Period> {
        let mut out = Vec::new();
        let (mut y, mut m) = match self.basis {
            Basis::Calendar => (self.from.year(), self.from.month()),
            Basis::Official => report_month(self.from),
        };
        // A decade of months at most; a longer custom range is cut there.
        for _ in 0..120 {
            let p = Period::month(y, m).on(self.basis);
            if p.from > self.to {
                break;
            }
            out.push(Period {
                kind: PeriodKind::Month,
                basis: self.basis,
                from: p.from.max(self.from),
                to: p.to.min(self.to),
            });
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }

    /// The kỳ báo cáo's name as a report writes it ("kỳ báo cáo quý IV/2026"); `None` for a
    /// calendar period or a custom range.
    pub fn official_name(&self) -> Option<String> {
        if self.basis != Basis::Official {
            return None;
        }
        let (y, m) = self.named_month();
        Some(match self.kind {
            PeriodKind::Month => format!("kỳ báo cáo tháng {m:02}/{y}"),
            PeriodKind::Quarter => format!("kỳ báo cáo quý {}/{y}", roman(m.div_ceil(3))),
            PeriodKind::HalfYear => format!("kỳ báo cáo 6 tháng năm {y}"),
            PeriodKind::NineMonths => format!("kỳ báo cáo 9 tháng năm {y}"),
            PeriodKind::Year => format!("kỳ báo cáo năm {y}"),
            PeriodKind::YearToDate => format!("từ đầu kỳ báo cáo năm {}", report_year(self.to)),
            PeriodKind::Custom => return None,
        })
    }

    /// The month a period of the series is named by (a kỳ month by the month it closes in).
    pub fn named_month(&self) -> (i32, u32) {
        (self.to.year(), self.to.month())
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
    fn a_period_names_its_files_by_its_days() {
        assert_eq!(Period::default_for(ymd(2026, 12, 6)).file_tag(), "20251215-20261206");
    }

    #[test]
    fn how_far_back_a_period_s_figures_reach() {
        let ytd = Period::default_for(ymd(2026, 11, 22));
        assert_eq!((ytd.from, ytd.basis), (ymd(2025, 12, 15), Basis::Official), "the kỳ year to date");
        assert_eq!(ytd.reaches_back_to(), ymd(2024, 12, 15), "the same days last year");
        assert_eq!(Period::month(2026, 3).reaches_back_to(), ymd(2025, 3, 1));
        let long = Period::custom(ymd(2026, 1, 1), ymd(2026, 12, 31));
        assert_eq!(long.reaches_back_to(), ymd(2025, 1, 1));
        let longer = Period::custom(ymd(2025, 1, 1), ymd(2026, 12, 31));
        assert_eq!(longer.reaches_back_to(), ymd(2023, 1, 2), "730 days before (2024 has 366)");
        let today = ymd(2026, 11, 22);
        assert!(ytd.within_default(today) && Period::month(2026, 3).within_default(today));
        assert!(!Period::month(2024, 12).within_default(today), "December 2023 is compared with");
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

    #[test]
    fn ky_bao_cao_closes_on_the_14th_across_year_ends() {
        let on = |p: Period| {
            let o = p.on(Basis::Official);
            (o.from, o.to)
        };
        // Month: 15th of the previous month to the 14th (January from 15/12).
        assert_eq!(on(Period::month(2026, 11)), (ymd(2026, 10, 15), ymd(2026, 11, 14)));
        assert_eq!(on(Period::month(2027, 1)), (ymd(2026, 12, 15), ymd(2027, 1, 14)));
        assert_eq!(on(Period::month(2026, 3)), (ymd(2026, 2, 15), ymd(2026, 3, 14)));
        // Quarter: Q1 from 15/12 of the previous year, Q4 15/9–14/12.
        assert_eq!(on(Period::quarter(2026, 1)), (ymd(2025, 12, 15), ymd(2026, 3, 14)));
        assert_eq!(on(Period::quarter(2026, 4)), (ymd(2026, 9, 15), ymd(2026, 12, 14)));
        // 6 and 9 months, and the year: from 15/12 of the previous year.
        assert_eq!(on(Period::half_year(2026)), (ymd(2025, 12, 15), ymd(2026, 6, 14)));
        assert_eq!(on(Period::nine_months(2026)), (ymd(2025, 12, 15), ymd(2026, 9, 14)));
        assert_eq!(on(Period::year(2026)), (ymd(2025, 12, 15), ymd(2026, 12, 14)));
        // The year to date: from 15/12 before the kỳ year today belongs to.
        assert_eq!(on(Period::year_to_date(ymd(2026, 12, 5))), (ymd(2025, 12, 15), ymd(2026, 12, 5)));
        assert_eq!(on(Period::year_to_date(ymd(2026, 12, 20))), (ymd(2026, 12, 15), ymd(2026, 12, 20)));
        assert_eq!(report_year(ymd(2026, 12, 14)), 2026);
        assert_eq!(report_year(ymd(2026, 12, 15)), 2027);
        assert_eq!(report_month(ymd(2026, 12, 15)), (2027, 1));
        assert_eq!(report_month(ymd(2026, 11, 14)), (2026, 11));
        // Back to the calendar, and a custom range stays as it is.
        assert_eq!(Period::year(2026).on(Basis::Official).on(Basis::Calendar), Period::year(2026));
        let c = Period::custom(ymd(2026, 1, 3), ymd(2026, 2, 5));
        assert_eq!(c.on(Basis::Official), c);
    }

    #[test]
    fn ky_bao_cao_is_compared_with_the_previous_ky_and_the_same_ky_a_year_earlier() {
        let nov = Period::month(2026, 11).on(Basis::Official);
        let prev = nov.previous();
        assert_eq!(
            (prev.from, prev.to, prev.basis),
            (ymd(2026, 9, 15), ymd(2026, 10, 14), Basis::Official)
        );
        let jan = Period::month(2027, 1).on(Basis::Official);
        assert_eq!((jan.previous().from, jan.previous().to), (ymd(2026, 11, 15), ymd(2026, 12, 14)));
        let q1 = Period::quarter(2027, 1).on(Basis::Official);
        assert_eq!((q1.previous().from, q1.previous().to), (ymd(2026, 9, 15), ymd(2026, 12, 14)));
        let y = Period::year(2026).on(Basis::Official);
        assert_eq!((y.previous().from, y.previous().to), (ymd(2024, 12, 15), ymd(2025, 12, 14)));
        assert_eq!(
            (y.same_last_year().from, y.same_last_year().to),
            (ymd(2024, 12, 15), ymd(2025, 12, 14))
        );
        let half = Period::half_year(2026).on(Basis::Official);
        assert_eq!(half.previous().to, ymd(2025, 12, 14));
        assert_eq!(half.previous().days(), half.days());
        // The year's series: twelve kỳ months, named by the month each closes in.
        let months = y.months();
        assert_eq!(months.len(), 12);
        assert_eq!(
            (months[0].from, months[0].to, months[0].named_month()),
            (ymd(2025, 12, 15), ymd(2026, 1, 14), (2026, 1))
        );
        assert_eq!((months[11].from, months[11].to), (ymd(2026, 11, 15), ymd(2026, 12, 14)));
    }

    #[test]
    fn the_picker_s_choice_makes_the_period() {
        let today = ymd(2026, 12, 5);
        let (a, b) = (ymd(2026, 1, 1), ymd(2026, 1, 31));
        let open = PeriodChoice::opening(today);
        assert_eq!(open.period(today, a, b), Period::default_for(today));
        assert_eq!((open.year, open.part), (2026, 12));
        let mut typed = open;
        typed.set_year(" 2025 ");
        assert_eq!(typed.year, 2025);
        typed.set_year("20x5");
        assert_eq!(typed.year, 2025, "not a year: unchanged");
        typed.set_year("99999");
        assert_eq!(typed.year, 2100);
        typed.set_year("-3");
        assert_eq!(typed.year, 2000);
        let q4 = PeriodChoice {
            kind: PeriodKind::Quarter,
            basis: Basis::Official,
            year: 2026,
            part: 4,
        };
        assert_eq!(q4.period(today, a, b).from, ymd(2026, 9, 15));
        let cal = PeriodChoice {
            basis: Basis::Calendar,
            ..q4
        };
        assert_eq!(cal.period(today, a, b), Period::quarter(2026, 4));
        let custom = PeriodChoice {
            kind: PeriodKind::Custom,
            ..q4
        };
        assert_eq!(custom.period(today, b, a), Period::custom(a, b));
        assert_eq!(roman(4), "IV");
        assert_eq!(q4.period(today, a, b).official_name().as_deref(), Some("kỳ báo cáo quý IV/2026"));
        assert_eq!(
            Period::year(2026).on(Basis::Official).official_name().as_deref(),
            Some("kỳ báo cáo năm 2026")
        );
        assert_eq!(Period::year(2026).official_name(), None);
        assert!(PeriodKind::ALL.iter().all(|k| PeriodKind::from_code(k.code()) == Some(*k)));
        // The codes are option values and links: they never change (strum's names).
        let codes: Vec<&str> = PeriodKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes, ["month", "quarter", "half", "nine", "year", "ytd", "custom"]);
        assert_eq!(Basis::ALL.map(Basis::code), ["official", "calendar"]);
        assert_eq!(Basis::from_code("official"), Some(Basis::Official));
    }
}
