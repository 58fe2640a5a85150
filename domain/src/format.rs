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

// Dates are written field by field, not with chrono's `format`: its formatting machinery was
// ~4 KB of the kiosk's download for these three patterns (issue 22).

/// A date as `dd/mm/yyyy`.
pub fn date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// A date as `yyyy-mm-dd` (file names, form fields' values).
pub fn date_key(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The date of a `yyyy-mm-dd` value (form fields, links), `None` for anything else.
pub fn parse_date_key(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// A month as `yyyy-mm` (the month filter's value).
pub fn month_key(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// The (year, month) of a `yyyy-mm` value, `None` for anything else.
pub fn parse_month_key(s: &str) -> Option<(i32, u32)> {
    use chrono::Datelike;
    parse_date_key(&format!("{}-01", s.trim())).map(|d| (d.year(), d.month()))
}

/// The date and time of a `yyyy-mm-ddTHH:MM` value (form fields), `None` for anything else.
pub fn parse_date_time_key(s: &str) -> Option<chrono::NaiveDateTime> {
    chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()
}

/// A date and time as `yyyy-mm-ddTHH:MM` (form fields' values).
pub fn date_time_key(t: chrono::NaiveDateTime) -> String {
    format!("{}T{}", date_key(t.date()), clock(t.time()))
}

/// A time as `HH:MM` (24 h).
pub fn clock(t: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A date-time as `dd/mm/yyyy HH:MM`.
pub fn date_time(t: chrono::NaiveDateTime) -> String {
    format!("{} {}", date(t.date()), clock(t.time()))
}

/// A date as `yyyymmdd` (in file names: `bao-cao-20251215-20261214.xlsx`).
pub fn date_compact(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A day of the year as `dd/mm` (a chart's axis by day, a recent suggestion's day).
pub fn day_month(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}", d.day(), d.month())
}

/// A date-time within the year as `dd/mm HH:MM` (the desk's recent suggestions).
pub fn day_month_clock(t: chrono::NaiveDateTime) -> String {
    format!("{} {}", day_month(t.date()), clock(t.time()))
}

/// A month as `mm/yy` (a chart's axis by month).
pub fn month_year(year: i32, month: u32) -> String {
    format!("{month:02}/{:02}", year.rem_euclid(100))
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
    use chrono::Timelike;
    format!("{:02} giờ {:02} phút, ngày {}", t.hour(), t.minute(), date(t.date()))
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

/// What an officer types in a date field, `dd/mm/yyyy` (also `d/m/yyyy`, with `.` or `-`
/// between): the date, or `None` for anything else. The app's own date fields use it, not
/// the browser's date picker, whose form follows the browser's language (issue 25: mm/dd/yyyy
/// and AM/PM on a tablet set to English).
pub fn parse_date_field(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str, most: usize| {
        (!p.is_empty() && p.len() <= most && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = (y.len() == 4).then(|| num(y, 4)).flatten()?;
    NaiveDate::from_ymd_opt(year as i32, num(m, 2)?, num(d, 2)?)
}

/// A time typed as `HH:MM` (24 h; also `H:MM`, `HHhMM`): the time, or `None`.
pub fn parse_time_field(s: &str) -> Option<chrono::NaiveTime> {
    let (h, m) = s.trim().split_once([':', 'h', 'H'])?;
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    chrono::NaiveTime::from_hms_opt(num(h)?, num(m)?, 0)
}

/// A date and time typed as `dd/mm/yyyy HH:MM` ([`parse_date_field`], [`parse_time_field`]).
pub fn parse_date_time_field(s: &str) -> Option<chrono::NaiveDateTime> {
    let (d, t) = s.trim().split_once(char::is_whitespace)?;
    Some(parse_date_field(d)?.and_time(parse_time_field(t)?))
}

/// The kinds of the app's own date and time fields, each with a machine form the pages keep
/// (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `HH:MM`, as the browser's pickers gave) and a typed form
/// (`dd/mm/yyyy`, `dd/mm/yyyy HH:MM`, `HH:MM`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Date,
    DateTime,
    Time,
}

impl FieldKind {
    /// What the field shows for a machine value ("" for "" or a value that is not one).
    pub fn text(self, machine: &str) -> String {
        let m = machine.trim();
        match self {
            FieldKind::Date => parse_date_key(m).map(date).unwrap_or_default(),
            FieldKind::DateTime => parse_date_time_key(m).map(date_time).unwrap_or_default(),
            FieldKind::Time => chrono::NaiveTime::parse_from_str(m, "%H:%M").map(clock).unwrap_or_default(),
        }
    }

    /// The machine value of what was typed; `None` while it is not a whole date (or time).
    pub fn value(self, typed: &str) -> Option<String> {
        match self {
            FieldKind::Date => parse_date_field(typed).map(date_key),
            FieldKind::DateTime => parse_date_time_field(typed).map(date_time_key),
            FieldKind::Time => parse_time_field(typed).map(clock),
        }
    }

    /// The hint shown in the empty field.
    pub fn placeholder(self) -> &'static str {
        match self {
            FieldKind::Date => "dd/mm/yyyy",
            FieldKind::DateTime => "dd/mm/yyyy hh:mm",
            FieldKind::Time => "hh:mm",
        }
    }
}

/// A letter in lower case, for the scripts this app's texts are written in: ASCII, Latin-1,
/// Latin Extended-A and Vietnamese (Ơ, Ư and the letters with two marks, U+1EA0–U+1EFF); any
/// other character is left as it is. `char::to_lowercase` knows every script: its two case
/// tables were ~10 KB of the kiosk's gzip download (issue 22). Tested against it.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let even = u.is_multiple_of(2);
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        // Pairs capital, small; U+0130 (İ) becomes two characters and is left alone.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1EA0..=0x1EFF if even => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => u + 1,
        0x1A0 | 0x1AF => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// [`lower_char`] of every character.
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// A letter in upper case, for the same scripts as [`lower_char`] (the headings of the forms,
/// agency and procedure codes); any other character is left as it is, and so are the few
/// whose capital is two letters or outside them (ß, ŉ, ı, ſ, ÿ). Tested against
/// `char::to_uppercase`, whose tables every staff module would otherwise carry (issue 22).
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let odd = !u.is_multiple_of(2);
    let upper = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE => u - 32,
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 | 0x1EA1..=0x1EFF if odd => u - 1,
        0x13A..=0x148 | 0x17A..=0x17E if !odd => u - 1,
        0x1A1 | 0x1B0 => u - 1,
        _ => u,
    };
    char::from_u32(upper).unwrap_or(c)
}

/// [`upper_char`] of every character.
pub fn upper(s: &str) -> String {
    s.chars().map(upper_char).collect()
}

/// A name as a key that ignores case, Vietnamese marks (composed or combining) and spacing:
/// "Phòng  Quản lý" and "phong quan ly" are one key.
pub fn fold_key(s: &str) -> String {
    let letters: String = s
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| lower_char(fold_letter(c).unwrap_or(c)))
        .collect();
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_fields_read_what_officers_type_and_show_it_back() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(parse_date_field("04/12/2026"), d(2026, 12, 4));
        assert_eq!(parse_date_field(" 4/1/2027 "), d(2027, 1, 4));
        assert_eq!(parse_date_field("04.12.2026"), d(2026, 12, 4));
        for bad in [
            "",
            "12/2026",
            "31/02/2026",
            "04/12/26",
            "2026-12-04",
            "04/13/2026",
            "a4/12/2026",
            "04/12/20266",
            "+4/12/2026",
        ] {
            assert_eq!(parse_date_field(bad), None, "{bad}");
        }
        assert_eq!(parse_time_field("9:05").map(clock).as_deref(), Some("09:05"));
        assert_eq!(parse_time_field("17h30").map(clock).as_deref(), Some("17:30"));
        for bad in ["", "24:00", "9", "9:60", "9:5:0", "-1:00"] {
            assert_eq!(parse_time_field(bad), None, "{bad}");
        }
        assert_eq!(FieldKind::DateTime.value("04/12/2026 9:00").as_deref(), Some("2026-12-04T09:00"));
        assert_eq!(FieldKind::DateTime.value("04/12/2026"), None);
        assert_eq!(FieldKind::DateTime.text("2026-12-04T09:00"), "04/12/2026 09:00");
        assert_eq!(FieldKind::Date.value("4/12/2026").as_deref(), Some("2026-12-04"));
        assert_eq!(FieldKind::Date.text("2026-12-04"), "04/12/2026");
        assert_eq!(FieldKind::Time.text("07:30"), "07:30");
        assert_eq!(FieldKind::Date.text("nonsense"), "");
        // What is shown reads back to the same value.
        for (k, v) in [
            (FieldKind::Date, "2027-02-28"),
            (FieldKind::DateTime, "2027-02-28T23:59"),
            (FieldKind::Time, "00:00"),
        ] {
            assert_eq!(k.value(&k.text(v)).as_deref(), Some(v));
        }
    }

    #[test]
    fn dates_are_written_as_chrono_would_write_them() {
        let t = NaiveDate::from_ymd_opt(2026, 2, 3).and_then(|d| d.and_hms_opt(9, 5, 0)).unwrap();
        assert_eq!(date(t.date()), t.format("%d/%m/%Y").to_string());
        assert_eq!(date_key(t.date()), t.format("%Y-%m-%d").to_string());
        assert_eq!(date_time_key(t), t.format("%Y-%m-%dT%H:%M").to_string());
        assert_eq!(date_time(t), "03/02/2026 09:05");
        assert_eq!(time_on_date(t), "09 giờ 05 phút, ngày 03/02/2026");
        assert_eq!(date_compact(t.date()), t.format("%Y%m%d").to_string());
        assert_eq!(day_month(t.date()), t.format("%d/%m").to_string());
        assert_eq!(day_month_clock(t), t.format("%d/%m %H:%M").to_string());
        assert_eq!(month_year(2026, 2), t.format("%m/%y").to_string());
        assert_eq!(month_year(2000, 12), "12/00");
        // The machine forms read back what they write.
        assert_eq!(parse_date_key(&date_key(t.date())), Some(t.date()));
        assert_eq!(parse_date_time_key(&date_time_key(t)), Some(t));
        assert_eq!(parse_month_key(&month_key(2026, 2)), Some((2026, 2)));
        assert_eq!(parse_month_key("2026-13"), None);
        assert_eq!(parse_date_key("03/02/2026"), None);
    }

    #[test]
    fn lower_agrees_with_the_standard_library_wherever_it_changes_a_letter() {
        let mut changed = 0;
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let ours = lower_char(c);
            let std: Vec<char> = c.to_lowercase().collect();
            if ours != c {
                changed += 1;
                assert_eq!(vec![ours], std, "{c:?}");
            }
        }
        assert_eq!(changed, 167, "ASCII 26, Latin-1 30, Latin Extended-A 61, Ơ Ư 2, U+1EA0–U+1EFF 48");
        // Every Vietnamese capital, with and without marks, as the standard library has it.
        let capitals = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
        assert_eq!(lower(capitals), capitals.to_lowercase());
        assert_eq!(lower("TRỰC TIẾP Ở Bưu ĐIỆN"), "trực tiếp ở bưu điện");
    }

    #[test]
    fn upper_agrees_with_the_standard_library_wherever_it_changes_a_letter() {
        let mut changed = 0;
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let ours = upper_char(c);
            let std: Vec<char> = c.to_uppercase().collect();
            if ours != c {
                changed += 1;
                assert_eq!(vec![ours], std, "{c:?}");
                assert_eq!(lower_char(ours), c, "{c:?} goes back");
            }
        }
        assert_eq!(changed, 167, "ASCII 26, Latin-1 30, Latin Extended-A 61, Ơ Ư 2, U+1EA0–U+1EFF 48");
        let smalls = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
        assert_eq!(upper(smalls), smalls.to_uppercase());
        assert_eq!(upper("Sở Công Thương tỉnh Đắk Lắk"), "SỞ CÔNG THƯƠNG TỈNH ĐẮK LẮK");
        assert_eq!(upper("000.00.15.h34"), "000.00.15.H34");
    }

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
