//! Numbers and dates as Vietnamese readers expect them: `14.197`, `98,6%`, `03/04/2017`.
//!
//! Two rules print every percentage in the app and the report (shared/domain.md, "Numbers"),
//! both rounding halves away from zero (as Excel does) and never printing `-0`:
//! - [`share`]: shares of dossiers (early, on time, late, online…): 1 decimal at 10 % and
//!   above, 2 below, trailing zeros dropped. Computed on integers, so 1/800 = 0,125 % → 0,13 %.
//! - [`index_value`] / [`index_change`]: satisfaction index values and their changes, always 2
//!   decimals (76,29 %, giảm 0,27 %). An index is a mean of ratios, a float; it is first fixed
//!   to 9 decimals, which removes binary noise (0,075 stored as 0,07499…) before the half is
//!   rounded, so a true half always rounds away from zero.

use crate::i18n::{t, K};
use crate::Lang;
use chrono::NaiveDate;

/// A whole number with dots between thousands: `14197` → `14.197`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// `units` in hundredths (or tenths, per `decimals`) as `1.234,56`: sign only when not zero.
fn fixed_point(units: i128, decimals: u32, drop_zeros: bool) -> String {
    let scale = 10i128.pow(decimals);
    let (neg, abs) = (units < 0, units.unsigned_abs());
    let int = abs / scale as u128;
    let frac = abs % scale as u128;
    let mut frac_s = if decimals == 0 {
        String::new()
    } else {
        format!("{:0width$}", frac, width = decimals as usize)
    };
    if drop_zeros {
        frac_s = frac_s.trim_end_matches('0').to_string();
    }
    let sign = if neg && abs > 0 { "-" } else { "" };
    let int_s = thousands(u64::try_from(int).unwrap_or(u64::MAX));
    if frac_s.is_empty() {
        format!("{sign}{int_s}")
    } else {
        format!("{sign}{int_s},{frac_s}")
    }
}

/// `num / den × 100` in units of 10^-decimals percent, halves away from zero, on integers.
fn ratio_units(num: u64, den: u64, decimals: u32) -> i128 {
    let scaled = num as i128 * 100 * 10i128.pow(decimals);
    let den = den as i128;
    (2 * scaled + den) / (2 * den)
}

/// The share rule: `num / den` as a percentage of dossiers: `98,6%`, `1,28%`, `0,16%`, `50%`.
/// A zero denominator gives `—`, never NaN.
pub fn share(num: u64, den: u64) -> String {
    if den == 0 {
        return "—".to_string();
    }
    // 1 decimal from 10 % up: num / den ≥ 1/10.
    let decimals = if num as u128 * 10 >= den as u128 { 1 } else { 2 };
    format!("{}%", fixed_point(ratio_units(num, den, decimals), decimals, true))
}

/// A float fixed to 9 decimals, then rounded half away from zero to `decimals`.
fn round_float(x: f64, decimals: u32) -> i128 {
    let nano = (x * 1e9).round() as i128;
    let div = 10i128.pow(9 - decimals);
    let q = (nano.abs() + div / 2) / div;
    if nano < 0 {
        -q
    } else {
        q
    }
}

/// An index value (already a percentage): always 2 decimals, `76,29%`, `80,00%`; `—` for none.
pub fn index_value(x: Option<f64>) -> String {
    match x.filter(|v| v.is_finite()) {
        Some(v) => format!("{}%", fixed_point(round_float(v, 2), 2, false)),
        None => "—".to_string(),
    }
}

/// The change of an index between two periods, as the letters state it: `giảm 0,27%`,
/// `tăng 1,05%`, `không đổi` (a change that rounds to 0,00 is no change, never "-0").
pub fn index_change(delta: f64, lang: Lang) -> String {
    let units = if delta.is_finite() { round_float(delta, 2) } else { 0 };
    match units.signum() {
        0 => t(lang, K::Unchanged).to_string(),
        s => format!(
            "{} {}%",
            t(lang, if s > 0 { K::Increase } else { K::Decrease }),
            fixed_point(units.abs(), 2, false)
        ),
    }
}

/// A mean score on the 1–5 scale, 2 decimals: `4,27`.
pub fn score(x: Option<f64>) -> String {
    match x.filter(|v| v.is_finite()) {
        Some(v) => fixed_point(round_float(v, 2), 2, false),
        None => "—".to_string(),
    }
}

/// A date as `dd/mm/yyyy`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A date-time as `dd/mm/yyyy HH:MM`.
pub fn date_time(t: chrono::NaiveDateTime) -> String {
    t.format("%d/%m/%Y %H:%M").to_string()
}

/// A date as the official letters write it: "ngày 05 tháng 12 năm 2026" (Nghị định
/// 30/2020/NĐ-CP, Phụ lục I: days and months below 10 with a leading 0 for days 1–9 and months
/// 1–2).
pub fn long_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// A time and date as Mẫu 01 writes them: "09 giờ 30 phút, ngày 03/02/2025".
pub fn time_on_date(t: chrono::NaiveDateTime) -> String {
    t.format("%H giờ %M phút, ngày %d/%m/%Y").to_string()
}

/// A sheet's column letter for a 0-based index: A … Z, AA, AB …
pub fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A Vietnamese letter without its marks (`ệ` → `e`, `Đ` → `D`); `None` for anything that is
/// not a marked Vietnamese letter.
pub fn fold_letter(c: char) -> Option<char> {
    const GROUPS: [(&str, char); 12] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆ", 'E'),
        ("ìíỉĩị", 'i'),
        ("ÌÍỈĨỊ", 'I'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'),
        ("ùúủũụưừứửữự", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰ", 'U'),
        ("ỳýỷỹỵ", 'y'),
        ("ỲÝỶỸỴ", 'Y'),
    ];
    match c {
        'đ' => Some('d'),
        'Đ' => Some('D'),
        _ => GROUPS.iter().find(|(s, _)| s.contains(c)).map(|(_, b)| *b),
    }
}

/// A name as a key that ignores case, Vietnamese marks (composed or combining) and spacing:
/// "Phòng  Quản lý" and "phong quan ly" are one key.
pub fn fold_key(s: &str) -> String {
    let letters: String = s
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| fold_letter(c).unwrap_or(c))
        .flat_map(char::to_lowercase)
        .collect();
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_in_excel() {
        assert_eq!([0, 25, 26, 27, 701, 702].map(column_letter), ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn official_dates_read_as_the_letters_write_them() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(long_date(d(2026, 12, 5)), "ngày 05 tháng 12 năm 2026");
        assert_eq!(long_date(d(2026, 2, 14)), "ngày 14 tháng 02 năm 2026");
        assert_eq!(long_date(d(2026, 3, 1)), "ngày 01 tháng 3 năm 2026");
        assert_eq!(
            time_on_date(d(2025, 2, 3).and_hms_opt(9, 5, 0).unwrap()),
            "09 giờ 05 phút, ngày 03/02/2025"
        );
    }

    #[test]
    fn names_fold_to_one_key_whatever_the_marks_case_and_spacing() {
        assert_eq!(fold_key("  Phòng Quản lý   Thương mại "), "phong quan ly thuong mai");
        assert_eq!(fold_key("PHÒNG QUẢN LÝ THƯƠNG MẠI"), fold_key("phong quan ly thuong mai"));
        // Decomposed (NFD) text, as some sheets hold it: o + combining grave.
        assert_eq!(fold_key("Pho\u{300}ng"), "phong");
        assert_eq!(fold_key("Đăng ký"), "dang ky");
    }

    #[test]
    fn seed_letter_numbers() {
        assert_eq!(thousands(14197), "14.197");
        assert_eq!(thousands(10563), "10.563");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1.000.000");
        assert_eq!(share(13998, 14197), "98,6%");
        assert_eq!(share(182, 14197), "1,28%");
        assert_eq!(share(17, 14197), "0,12%");
        assert_eq!(share(1410, 10563), "13,3%");
        // The letter printed 0,17 %: the app computes rather than copies.
        assert_eq!(share(17, 10563), "0,16%");
        assert_eq!(index_value(Some(76.29)), "76,29%");
        assert_eq!(index_change(76.29 - 76.56, Lang::Vi), "giảm 0,27%");
    }

    #[test]
    fn shares_one_decimal_from_ten_percent_two_below() {
        assert_eq!(share(1, 2), "50%", "trailing zeros dropped");
        assert_eq!(share(1, 10), "10%");
        assert_eq!(share(99, 1000), "9,9%");
        assert_eq!(share(98_598, 100_000), "98,6%");
        assert_eq!(share(12_819, 1_000_000), "1,28%");
        assert_eq!(share(1_609, 1_000_000), "0,16%");
        assert_eq!(share(0, 7), "0%");
        assert_eq!(share(7, 7), "100%");
        assert_eq!(share(12_345, 1000), "1.234,5%", "thousands grouped");
    }

    #[test]
    fn halves_round_away_from_zero_on_integers() {
        // 1/800 = 0,125 % exactly → 0,13 % (a float would give 0,12 or 0,13 by luck).
        assert_eq!(share(1, 800), "0,13%");
        // 3/8000 = 0,0375 % → 0,04 %.
        assert_eq!(share(3, 8000), "0,04%");
        // 10,25 % → 10,3 %; 10,35 % → 10,4 %.
        assert_eq!(share(1025, 10000), "10,3%");
        assert_eq!(share(1035, 10000), "10,4%");
        // Floats that are a half in decimal but not in binary.
        assert_eq!(index_value(Some(0.075 * 100.0 / 100.0)), "0,08%");
        assert_eq!(index_value(Some(1.005)), "1,01%");
        assert_eq!(index_value(Some(2.675)), "2,68%");
        assert_eq!(index_change(-0.005, Lang::Vi), "giảm 0,01%");
    }

    #[test]
    fn index_values_keep_two_decimals_and_never_print_minus_zero() {
        assert_eq!(index_value(Some(80.0)), "80,00%");
        assert_eq!(index_value(Some(100.0)), "100,00%");
        assert_eq!(index_value(None), "—");
        assert_eq!(index_value(Some(f64::NAN)), "—");
        assert_eq!(index_change(-0.001, Lang::Vi), "không đổi");
        assert_eq!(index_change(0.0, Lang::En), "unchanged");
        assert_eq!(index_change(1.049_999, Lang::En), "up 1,05%");
        assert_eq!(score(Some(4.0)), "4,00");
        assert_eq!(score(Some(-0.001)), "0,00", "no -0");
    }

    #[test]
    fn zero_denominator_is_a_dash() {
        assert_eq!(share(0, 0), "—");
        assert_eq!(share(3, 0), "—");
    }

    #[test]
    fn dates() {
        assert_eq!(date(NaiveDate::from_ymd_opt(2017, 4, 3).unwrap()), "03/04/2017");
    }
}
