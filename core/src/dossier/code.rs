//! Dossier codes: `<agency code>-YYMMDD-NNNN`, NNNN a running number per day (≥ 4 digits).

use chrono::NaiveDate;

/// `<agency>-YYMMDD-NNNN`: the prefix for a day.
pub fn code_prefix(agency: &str, day: NaiveDate) -> String {
    format!("{}-{}-", agency.trim().to_uppercase(), day.format("%y%m%d"))
}

/// The next free code of the day: highest running number of that day + 1, at least 4 digits.
pub fn next_code<'a>(agency: &str, day: NaiveDate, existing: impl Iterator<Item = &'a str>) -> String {
    let prefix = code_prefix(agency, day);
    let max = existing
        .filter_map(|c| c.strip_prefix(&prefix))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:04}", max + 1)
}

/// The day in a code's `YYMMDD` part (years 2000–2099).
pub fn code_date(code: &str) -> Option<NaiveDate> {
    let part = code.split('-').nth(1)?;
    if part.len() != 6 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| part.get(r).and_then(|x| x.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(2000 + n(0..2)? as i32, n(2..4)?, n(4..6)?)
}

/// Whether a code has the form `<agency>-YYMMDD-NNNN` (agency letters/digits, ≥ 4 digits).
pub fn valid_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 3
        && !parts[0].is_empty()
        && parts[0].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        && parts[1].len() == 6
        && digits(parts[1])
        && parts[2].len() >= 4
        && digits(parts[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_run_per_day() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        assert_eq!(next_code("sct", day, std::iter::empty()), "SCT-250304-0001");
        let codes = ["SCT-250304-0001", "SCT-250304-0009", "SCT-250303-0042", "SCT-250304-10000"];
        assert_eq!(next_code("SCT", day, codes.iter().copied()), "SCT-250304-10001");
        assert!(valid_code("SCT-250304-0001"));
        assert!(!valid_code("SCT-2503-0001"));
        assert!(!valid_code("SCT-250304-01"));
        assert!(!valid_code("-250304-0001"));
        assert_eq!(code_date("SCT-250304-0001"), Some(day));
        assert_eq!(code_date("SCT-251304-0001"), None, "month 13");
    }

    #[test]
    fn running_numbers_past_9999_grow_to_five_digits() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        let codes = ["SCT-250304-9999"];
        assert_eq!(next_code("SCT", day, codes.iter().copied()), "SCT-250304-10000");
    }
}
