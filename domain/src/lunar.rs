//! The Vietnamese lunisolar calendar (âm lịch), for the holidays that follow it: Tết Nguyên
//! Đán (mùng 1 tháng Giêng) and Giỗ Tổ Hùng Vương (10 tháng 3).
//!
//! Source: the astronomical method of Hồ Ngọc Đức, "Âm lịch Việt Nam" (new moons after
//! J. Meeus, *Astronomical Algorithms*, ch. 49; the sun's longitude, ch. 25). A lunar month
//! starts on the civil day of the new moon, month 11 holds the winter solstice, and a year of
//! 13 months repeats the first month without a major solar term. Vietnam computes this at
//! **UTC+7** and China at UTC+8, which is why their Tết differs in some years (1985: VN 21/01,
//! CN 20/02; 2007: VN 17/02, CN 18/02; 2030; 2053 — see `shared/domain.md`). The tests check
//! the UTC+8 result against the Chinese table of the `lunardate` package (PyPI) for every year
//! 1985–2060, and the UTC+7 result against the shipped, officially announced years.

use chrono::NaiveDate;
#[cfg(feature = "lunar")]
use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of UTC.
pub const VIETNAM: f64 = 7.0;

/// Years this module computes (the astronomical series are fitted around 1900–2100; outside a
/// wider margin the answer would be a guess, so none is given).
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2199;

/// Julian day number of a civil date (chrono counts days from 0001-01-01 = day 1).
#[cfg(feature = "lunar")]
fn jd(date: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date)) + 1_721_425
}

#[cfg(feature = "lunar")]
fn date_of_jd(jd: i64) -> Option<NaiveDate> {
    let days = i32::try_from(jd - 1_721_425).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The instant (Julian date, UT) of the k-th new moon after 1900-01-01.
#[cfg(feature = "lunar")]
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    // Term by term as in the source (each term with its own sign).
    let c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin() - 0.4068 * (mpr * dr).sin()
        + 0.0161 * (dr * 2.0 * mpr).sin()
        - 0.0004 * (dr * 3.0 * mpr).sin()
        + 0.0104 * (dr * 2.0 * f).sin()
        - 0.0051 * (dr * (m + mpr)).sin()
        - 0.0074 * (dr * (m - mpr)).sin()
        + 0.0004 * (dr * (2.0 * f + m)).sin()
        - 0.0004 * (dr * (2.0 * f - m)).sin()
        - 0.0006 * (dr * (2.0 * f + mpr)).sin()
        + 0.0010 * (dr * (2.0 * f - mpr)).sin()
        + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The civil day (Julian day number, in zone `tz`) of the k-th new moon.
#[cfg(feature = "lunar")]
fn new_moon_day(k: i64, tz: f64) -> i64 {
    (new_moon(k as f64) + 0.5 + tz / 24.0).floor() as i64
}

/// The sun's ecliptic longitude at Julian date `jdn` (UT), in radians 0..2π.
#[cfg(feature = "lunar")]
fn sun_longitude(jdn: f64) -> f64 {
    let t = (jdn - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which of the 12 major solar terms (30° sectors) the sun is in at the start of civil day
/// `day` in zone `tz`.
#[cfg(feature = "lunar")]
fn sun_sector(day: i64, tz: f64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - tz / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of the lunar month 11 (the month holding the winter solstice) of `year`.
#[cfg(feature = "lunar")]
fn month_11(year: i32, tz: f64) -> Option<i64> {
    let off = jd(NaiveDate::from_ymd_opt(year, 12, 31)?) - 2_415_021;
    let k = (off as f64 / 29.530_588_853).floor() as i64;
    let nm = new_moon_day(k, tz);
    Some(if sun_sector(nm, tz) >= 9 { new_moon_day(k - 1, tz) } else { nm })
}

/// In a 13-month year starting at month 11 `a11`: the offset of the leap month.
#[cfg(feature = "lunar")]
fn leap_month_offset(a11: i64, tz: f64) -> i64 {
    let k = ((a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i, tz), tz);
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i, tz), tz);
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

/// The civil date of lunar day `day` of the ordinary (not leap) lunar month `month` of lunar
/// year `year`, in zone `tz` (hours east of UTC). `None` outside [`YEARS`] or for a day that
/// does not exist.
#[cfg(feature = "lunar")]
pub fn to_solar(day: u32, month: u32, year: i32, tz: f64) -> Option<NaiveDate> {
    if !YEARS.contains(&year) || !(1..=30).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let (a11, b11) = if month < 11 {
        (month_11(year - 1, tz)?, month_11(year, tz)?)
    } else {
        (month_11(year, tz)?, month_11(year + 1, tz)?)
    };
    let k = (0.5 + (a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853).floor() as i64;
    let mut off = i64::from(month) - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 && off >= leap_month_offset(a11, tz) {
        off += 1;
    }
    date_of_jd(new_moon_day(k + off, tz) + i64::from(day) - 1)
}

/// Without the `lunar` feature (the kiosk module) no lunar date is computed.
#[cfg(not(feature = "lunar"))]
pub fn to_solar(_day: u32, _month: u32, _year: i32, _tz: f64) -> Option<NaiveDate> {
    None
}

/// Mùng 1 Tết (the first day of lunar year `year`) in Vietnam. Memoised: the calendar asks for
/// the latest confirmed year's Tết whenever it computes a day of a year nobody stored.
pub fn tet(year: i32) -> Option<NaiveDate> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static MEMO: OnceLock<Mutex<HashMap<i32, Option<NaiveDate>>>> = OnceLock::new();
    let memo = MEMO.get_or_init(Default::default);
    let mut m = match memo.lock() {
        Ok(m) => m,
        Err(poisoned) => poisoned.into_inner(),
    };
    *m.entry(year).or_insert_with(|| to_solar(1, 1, year, VIETNAM))
}

/// Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch) of `year` in Vietnam.
pub fn gio_to(year: i32) -> Option<NaiveDate> {
    to_solar(10, 3, year, VIETNAM)
}

#[cfg(all(test, feature = "lunar"))]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Tết and 10/3 of the Chinese calendar (UTC+8), 1985–2060, as `MM-DD MM-DD`: generated with
    /// the `lunardate` 0.3.0 package (PyPI), whose table comes from the Hong Kong Observatory's
    /// published conversions. An independent source for the astronomical method at UTC+8.
    const CHINA: &str = include_str!("lunar_china_1985_2060.txt");

    #[test]
    fn at_utc8_the_method_reproduces_the_chinese_table_for_every_year() {
        let mut n = 0;
        for line in CHINA.lines().filter(|l| !l.trim().is_empty()) {
            let mut it = line.split_whitespace();
            let y: i32 = it.next().unwrap().parse().unwrap();
            let md = |s: &str| {
                let (m, dd) = s.split_once('-').unwrap();
                d(y, m.parse().unwrap(), dd.parse().unwrap())
            };
            let (tet_cn, gio_cn) = (md(it.next().unwrap()), md(it.next().unwrap()));
            assert_eq!(to_solar(1, 1, y, 8.0), Some(tet_cn), "Chinese new year {y}");
            assert_eq!(to_solar(10, 3, y, 8.0), Some(gio_cn), "10/3 lunar {y} at UTC+8");
            n += 1;
        }
        assert_eq!(n, 2060 - 1985 + 1);
    }

    #[test]
    fn no_vietnamese_date_1990_2060_is_a_close_call() {
        // Moving the zone a quarter of an hour either way (more than the series' error) changes
        // no Tết and no Giỗ Tổ at UTC+7: the days the app uses do not hang on the approximation.
        for y in 1990..=2060 {
            for (day, month) in [(1, 1), (10, 3)] {
                let vn = to_solar(day, month, y, VIETNAM);
                assert_eq!(to_solar(day, month, y, VIETNAM - 0.25), vn, "{day}/{month} {y}");
                assert_eq!(to_solar(day, month, y, VIETNAM + 0.25), vn, "{day}/{month} {y}");
            }
        }
    }

    #[test]
    fn vietnam_differs_from_china_where_the_new_moon_falls_between_their_midnights() {
        // Documented: Tết 1985 was 21/01 in Vietnam (20/02 in China), 2007 17/02 (18/02).
        assert_eq!(tet(1985), Some(d(1985, 1, 21)));
        assert_eq!(tet(2007), Some(d(2007, 2, 17)));
        // Computed (shared/domain.md): 2030 and 2053.
        assert_eq!(tet(2030), Some(d(2030, 2, 2)));
        assert_eq!(to_solar(1, 1, 2030, 8.0), Some(d(2030, 2, 3)));
        assert_eq!(tet(2053), Some(d(2053, 2, 18)));
        assert_eq!(to_solar(1, 1, 2053, 8.0), Some(d(2053, 2, 19)));
        // Elsewhere in 1990–2060 the two agree on Tết.
        for y in (1990..=2060).filter(|y| ![2007, 2030, 2053].contains(y)) {
            assert_eq!(tet(y), to_solar(1, 1, y, 8.0), "Tết {y}");
        }
    }

    #[test]
    fn every_year_1990_2060_has_a_plausible_tet_and_gio_to() {
        for y in 1990..=2060 {
            let t = tet(y).unwrap();
            assert!(t >= d(y, 1, 21) && t <= d(y, 2, 20), "Tết {y} = {t}");
            let g = gio_to(y).unwrap();
            // 10/3 is 2 lunar months and 9 days after mùng 1 (plus a leap month in some years).
            let days = (g - t).num_days();
            assert!((9 + 58..=9 + 89).contains(&days), "Giỗ Tổ {y} = {g}, {days} days after Tết");
        }
    }

    #[test]
    fn the_officially_announced_years_match() {
        // Shipped calendars (shared/domain.md): Tết 2024 10/2, 2025 29/1, 2026 17/2; Giỗ Tổ 2024
        // 18/4, 2025 7/4, 2026 26/4 (a Sunday, compensated 27/4); 2027 per domain.md.
        assert_eq!(tet(2024), Some(d(2024, 2, 10)));
        assert_eq!(tet(2025), Some(d(2025, 1, 29)));
        assert_eq!(tet(2026), Some(d(2026, 2, 17)));
        assert_eq!(tet(2027), Some(d(2027, 2, 6)));
        assert_eq!(gio_to(2024), Some(d(2024, 4, 18)));
        assert_eq!(gio_to(2025), Some(d(2025, 4, 7)));
        assert_eq!(gio_to(2026), Some(d(2026, 4, 26)));
        assert_eq!(gio_to(2027), Some(d(2027, 4, 16)));
    }

    #[test]
    fn out_of_range_gives_none_not_a_guess() {
        assert_eq!(tet(1799), None);
        assert_eq!(tet(2200), None);
        assert_eq!(to_solar(31, 1, 2026, VIETNAM), None);
        assert_eq!(to_solar(1, 13, 2026, VIETNAM), None);
        assert!(tet(1800).is_some() && tet(2199).is_some());
    }
}
