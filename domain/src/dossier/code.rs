//! Dossier codes: `<agency code>-YYMMDD-NNNN`, NNNN a running number per day (≥ 4 digits).

use chrono::{Datelike, NaiveDate};

/// `<agency>-YYMMDD-NNNN`: the prefix for a day.
pub fn code_prefix(agency: &str, day: NaiveDate) -> String {
    format!(
        "{}-{:02}{:02}{:02}-",
        agency.trim().to_ascii_uppercase(),
        day.year().rem_euclid(100),
        day.month(),
        day.day()
    )
}

/// The desk (quầy) that owns a running number: tablets receiving on the same day each take
/// their own range so that two of them never issue the same code. Desk `d` (0–9) owns
/// `d001–d999`, then `1d001–1d999`, `2d001…`: blocks of 10 000 with 1 000 numbers per desk.
/// A single tablet (desk 0) counts 0001, 0002, … as before.
pub fn desk_of(n: u64) -> u32 {
    ((n / 1000) % 10) as u32
}

/// The next number after `n` in desk `d`'s range (the first is `d001`).
fn next_in_desk(last: Option<u64>, desk: u32) -> u64 {
    let d = u64::from(desk.min(9));
    match last {
        None => d * 1000 + 1,
        Some(n) if n % 1000 < 999 => n + 1,
        Some(n) => (n / 10_000 + 1) * 10_000 + d * 1000 + 1,
    }
}

/// The next free code of the day for desk `desk`: its highest running number that day + 1,
/// at least 4 digits, growing to 5 and more (never wrapping).
pub fn next_code<'a>(agency: &str, day: NaiveDate, desk: u32, existing: impl Iterator<Item = &'a str>) -> String {
    let prefix = code_prefix(agency, day);
    let last = existing
        .filter_map(|c| c.strip_prefix(&prefix))
        .filter_map(|n| n.parse::<u64>().ok())
        .filter(|n| desk_of(*n) == desk.min(9))
        .max();
    format!("{prefix}{:04}", next_in_desk(last, desk))
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

/// The register's months (`YYYY-MM`, as its stored chunks are named) that can hold the dossier
/// with `code`, in the order to search them: a dossier is entered on or after the day its code
/// names, so that month and the later ones, oldest first. A code that is not a dossier code,
/// or names no day, is in no month: every stored dossier's code names its day of receipt
/// (`Dossier::create`), and a look-up of garbage must not read the whole register (a citizen
/// could freeze the kiosk; issue 21).
pub fn months_holding<'a>(code: &str, months: &'a [String]) -> Vec<&'a str> {
    let code = code.trim().to_ascii_uppercase();
    let Some(d) = code_date(&code).filter(|_| valid_code(&code)) else {
        return Vec::new();
    };
    let from = format!("{:04}-{:02}", d.year(), d.month());
    let mut v: Vec<&str> = months.iter().map(String::as_str).filter(|m| *m >= from.as_str()).collect();
    v.sort_unstable();
    v
}

/// The register's codes, for the duplicate check and the next number of a day, kept up to
/// date by edits (`record::ListEdit`): a walk over 142 000 dossiers' codes took a save longer
/// than all the rest of it. A dossier's code never changes once it is received (a merge, which
/// may replace records, is an edit not known: the index is made again).
#[derive(Clone, Debug, Default)]
pub struct CodeIndex {
    /// Each code (upper case): how many live dossiers hold it, and how many in all.
    codes: std::collections::BTreeMap<String, (u32, u32)>,
    /// Whether the dossier at each place is live.
    live: Vec<bool>,
}

impl CodeIndex {
    /// The index of `dossiers`, from `prev` (the index of the list before `edit`) when it can.
    pub fn apply(prev: Option<CodeIndex>, dossiers: &[super::Dossier], edit: crate::record::ListEdit) -> CodeIndex {
        use crate::record::ListEdit;
        match (prev, edit) {
            (Some(mut c), ListEdit::Pushed) if c.live.len() <= dossiers.len() => {
                for d in &dossiers[c.live.len()..] {
                    c.add(d);
                }
                c
            }
            (Some(mut c), ListEdit::At(i)) if c.live.len() == dossiers.len() && i < dossiers.len() => {
                let d = &dossiers[i];
                let live = !d.meta.deleted;
                if c.live[i] != live {
                    let e = c.codes.entry(d.code.to_ascii_uppercase()).or_default();
                    e.0 = if live { e.0 + 1 } else { e.0.saturating_sub(1) };
                    c.live[i] = live;
                }
                c
            }
            _ => {
                let mut c = CodeIndex::default();
                for d in dossiers {
                    c.add(d);
                }
                c
            }
        }
    }

    fn add(&mut self, d: &super::Dossier) {
        let live = !d.meta.deleted;
        let e = self.codes.entry(d.code.to_ascii_uppercase()).or_default();
        e.0 += u32::from(live);
        e.1 += 1;
        self.live.push(live);
    }

    /// The code a live dossier holds that is `code` (any case, spaces around ignored).
    pub fn taken(&self, code: &str) -> Option<&str> {
        self.codes
            .get_key_value(&code.trim().to_ascii_uppercase())
            .filter(|(_, n)| n.0 > 0)
            .map(|(k, _)| k.as_str())
    }

    /// Every code starting with `prefix` (upper case), deleted dossiers' too: a day's codes for
    /// [`next_code`], which never gives a number again.
    pub fn starting_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.codes
            .range::<str, _>((std::ops::Bound::Included(prefix), std::ops::Bound::Unbounded))
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.as_str())
    }
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

/// An agency's electronic id (mã định danh điện tử), the first part of official dossier codes:
/// groups of 2–3 capital letters or digits joined by dots, 3 groups (TT 04/2025's national
/// systems, `MX1X2.Y1Y2Y3.Z1Z2`) or 4 (`000.00.15.H34`, the ids of QĐ 20/2020/QĐ-TTg).
/// shared/domain.md, "Dossier code" [3P]: the shape is inferred from the examples.
pub fn valid_agency_id(id: &str) -> bool {
    let groups: Vec<&str> = id.split('.').collect();
    (3..=4).contains(&groups.len())
        && groups
            .iter()
            .all(|g| (2..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_id_is_the_dotted_electronic_id() {
        for ok in ["000.00.15.H34", "G01.123.45", "000.00.00.H56"] {
            assert!(valid_agency_id(ok), "{ok}");
        }
        for bad in [
            "SCT",
            "",
            "000.00.15.h34",
            "000..15.H34",
            "0000.00.15.H34",
            "000.00.15.H34.",
            "A.B.C",
        ] {
            assert!(!valid_agency_id(bad), "{bad}");
        }
        let code = next_code(
            "000.00.15.H34",
            NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            0,
            std::iter::empty(),
        );
        assert_eq!(code, "000.00.15.H34-261205-0001");
        assert!(valid_code(&code));
        assert!(valid_code("G01.123.45-261205-010001"), "TT 04/2025: AA + the running number");
    }

    #[test]
    fn a_look_up_searches_from_the_codes_month() {
        let months: Vec<String> = ["2025-01", "2025-03", "2024-12", "2025-02"].map(String::from).to_vec();
        assert_eq!(months_holding(" sct-250207-0001 ", &months), ["2025-02", "2025-03"]);
        assert_eq!(months_holding("SCT-250401-0001", &months), Vec::<&str>::new(), "after every month");
        assert_eq!(
            months_holding("SCT-241231-0001", &months),
            ["2024-12", "2025-01", "2025-02", "2025-03"]
        );
        assert_eq!(months_holding("no date", &months), Vec::<&str>::new(), "garbage reads nothing");
        assert_eq!(months_holding("SCT-251399-0001", &months), Vec::<&str>::new(), "no such day");
        assert_eq!(months_holding("SCT-250207-01", &months), Vec::<&str>::new(), "not a code");
    }

    #[test]
    fn the_code_index_follows_edits_as_a_walk_would() {
        use crate::dossier::record::tests::{at, new};
        use crate::record::ListEdit;
        let mut ds = vec![
            new("SCT-250304-0001", "TM-02", at(2025, 3, 4, 9)).unwrap(),
            new("SCT-250304-0007", "TM-02", at(2025, 3, 4, 10)).unwrap(),
            new("SCT-250305-0001", "TM-02", at(2025, 3, 5, 9)).unwrap(),
        ];
        let walk =
            |ds: &[crate::dossier::Dossier], code: &str| ds.iter().filter(|d| !d.meta.deleted).any(|d| d.code.eq_ignore_ascii_case(code));
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        let next = |c: &CodeIndex| next_code("SCT", day, 0, c.starting_with(&code_prefix("SCT", day)));
        let mut c = CodeIndex::apply(None, &ds, ListEdit::Any);
        assert_eq!(c.taken(" sct-250304-0007 "), Some("SCT-250304-0007"));
        assert_eq!(next(&c), "SCT-250304-0008");
        ds.push(new("SCT-250304-0008", "TM-02", at(2025, 3, 4, 11)).unwrap());
        c = CodeIndex::apply(Some(c), &ds, ListEdit::Pushed);
        assert_eq!(next(&c), "SCT-250304-0009");
        ds[1].meta.deleted = true;
        c = CodeIndex::apply(Some(c), &ds, ListEdit::At(1));
        assert_eq!(c.taken("SCT-250304-0007"), None, "deleted: free for the duplicate check");
        assert_eq!(next(&c), "SCT-250304-0009", "its number is never given again");
        for code in [
            "SCT-250304-0001",
            "SCT-250304-0007",
            "SCT-250304-0008",
            "SCT-250305-0001",
            "SCT-250306-0001",
        ] {
            assert_eq!(c.taken(code).is_some(), walk(&ds, code), "{code}");
        }
        ds[1].meta.deleted = false;
        c = CodeIndex::apply(Some(c), &ds, ListEdit::At(1));
        assert!(c.taken("SCT-250304-0007").is_some());
    }

    #[test]
    fn codes_run_per_day() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        assert_eq!(next_code("sct", day, 0, std::iter::empty()), "SCT-250304-0001");
        let codes = ["SCT-250304-0001", "SCT-250304-0009", "SCT-250303-0042"];
        assert_eq!(next_code("SCT", day, 0, codes.iter().copied()), "SCT-250304-0010");
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
        assert_eq!(next_code("SCT", day, 9, codes.iter().copied()), "SCT-250304-19001");
        let codes = ["SCT-250304-0999"];
        assert_eq!(next_code("SCT", day, 0, codes.iter().copied()), "SCT-250304-10001");
        let codes = ["SCT-250304-19999"];
        assert_eq!(next_code("SCT", day, 9, codes.iter().copied()), "SCT-250304-29001");
    }

    #[test]
    fn two_desks_receiving_the_same_day_never_issue_the_same_code() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut a: Vec<String> = Vec::new();
        let mut b: Vec<String> = Vec::new();
        for _ in 0..1500 {
            let ca = next_code("SCT", day, 0, a.iter().map(String::as_str));
            a.push(ca);
            let cb = next_code("SCT", day, 1, b.iter().map(String::as_str));
            b.push(cb);
        }
        assert_eq!(b[0], "SCT-261122-1001");
        let all: std::collections::HashSet<_> = a.iter().chain(&b).collect();
        assert_eq!(all.len(), 3000, "no code issued twice");
        assert!(a.iter().chain(&b).all(|c| valid_code(c)));
    }
}
