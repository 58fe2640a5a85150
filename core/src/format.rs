//! Numbers and dates as Vietnamese readers expect them: `14.197`, `98,6%`, `03/04/2017`.

use chrono::NaiveDate;

/// A whole number with dots between thousands: `14197` → `14.197`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// A ratio as a percentage rounded to at most `decimals` places, trailing zeros dropped, comma
/// as the decimal mark: 13998/14197 → `98,6%`. A zero denominator gives `—`, never NaN.
pub fn percent(num: u64, den: u64, decimals: usize) -> String {
    match ratio_percent(num, den) {
        Some(p) => format!("{}%", decimal(p, decimals)),
        None => "—".to_string(),
    }
}

/// `num / den × 100`, or `None` for a zero denominator.
pub fn ratio_percent(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 * 100.0 / den as f64)
}

/// A decimal number with a comma, rounded to `decimals` places, trailing zeros dropped.
pub fn decimal(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let (sign, digits) = int.strip_prefix('-').map_or(("", int.as_str()), |d| ("-", d));
    let grouped = digits.parse::<u64>().map(thousands).unwrap_or_else(|_| digits.to_string());
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A date as `dd/mm/yyyy`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_letter_numbers() {
        assert_eq!(thousands(14197), "14.197");
        assert_eq!(thousands(10563), "10.563");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1.000.000");
        assert_eq!(percent(13998, 14197, 1), "98,6%");
        assert_eq!(percent(182, 14197, 2), "1,28%");
        assert_eq!(percent(17, 14197, 2), "0,12%");
        assert_eq!(percent(1410, 10563, 1), "13,3%");
        // The letter printed 0,17 %: the app computes rather than copies.
        assert_eq!(percent(17, 10563, 2), "0,16%");
    }

    #[test]
    fn zero_denominator_is_a_dash() {
        assert_eq!(percent(0, 0, 2), "—");
        assert_eq!(ratio_percent(3, 0), None);
    }

    #[test]
    fn decimals_drop_trailing_zeros() {
        assert_eq!(decimal(76.29, 2), "76,29");
        assert_eq!(decimal(100.0, 2), "100");
        assert_eq!(decimal(1234.5, 2), "1.234,5");
        assert_eq!(decimal(-0.27, 2), "-0,27");
        assert_eq!(date(NaiveDate::from_ymd_opt(2017, 4, 3).unwrap()), "03/04/2017");
    }
}
