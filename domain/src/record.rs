//! What every stored record carries so that files from many tablets can be merged later:
//! a globally unique id, who wrote it and when, and deletion as a tombstone.

use chrono::Offset;
use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch (UTC). Plain integers keep the stored form short.
pub type Millis = i64;

/// The calendar day of an instant in Vietnam (UTC+7, no daylight saving): the one rule for
/// "which day / month did this happen" across counts, charts and storage periods.
pub fn vn_date(at: Millis) -> chrono::NaiveDate {
    vn_datetime(at).date()
}

/// The instant of a Vietnam wall-clock time (the inverse of [`vn_datetime`]).
pub fn vn_millis(t: chrono::NaiveDateTime) -> Millis {
    t.and_utc().timestamp_millis() - 7 * 3_600_000
}

/// The instant a Vietnam day begins.
pub fn vn_midnight(d: chrono::NaiveDate) -> Millis {
    vn_millis(d.and_hms_opt(0, 0, 0).unwrap_or_default())
}

/// The wall-clock time of an instant in Vietnam (UTC+7), whatever zone the tablet is set to:
/// every date-time the app derives (receipt, due, steps, response day) comes from here.
pub fn vn_datetime(at: Millis) -> chrono::NaiveDateTime {
    let vn = chrono::FixedOffset::east_opt(7 * 3600).unwrap_or(chrono::Utc.fix());
    chrono::DateTime::from_timestamp_millis(at)
        .unwrap_or_default()
        .with_timezone(&vn)
        .naive_local()
}

/// A date-time written exactly as chrono writes one without fractions (`2026-11-02T08:15:00`),
/// read by hand; `None` for any other text. Every dossier has five or more, on every read of a
/// stored month and of an imported file, and chrono's general parser was the slowest part of
/// reading one.
pub fn parse_datetime(s: &str) -> Option<chrono::NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter()
            .try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    date.and_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)
}

/// Serde's reader of a record's date-times (`deserialize_with`): [`parse_datetime`], and what
/// it does not take as chrono reads it (fractions of a second), so every text chrono accepts
/// still comes back.
pub fn de_datetime<'de, D: serde::Deserializer<'de>>(de: D) -> Result<chrono::NaiveDateTime, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = chrono::NaiveDateTime;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date and time")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            parse_datetime(s).map_or_else(|| s.parse().map_err(E::custom), Ok)
        }
    }
    de.deserialize_str(V)
}

/// Identity and history of one record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// A UUID (32 hex digits without dashes). This build writes v8 ids made of a tab's random
    /// prefix and a counter ([`IdSource`]), which the stored form packs to almost nothing;
    /// earlier builds wrote random v4 ids. Either is just an opaque unique string to merges.
    pub id: String,
    /// When the record was first written.
    #[serde(rename = "c", alias = "created_at")]
    pub created_at: Millis,
    /// When it was last changed; the later change wins in a merge.
    #[serde(rename = "u", alias = "updated_at")]
    pub updated_at: Millis,
    /// The id of the device that made the last change.
    #[serde(rename = "d", alias = "device")]
    pub device: String,
    /// A deleted record stays as a tombstone so that a merge does not bring it back.
    #[serde(rename = "x", alias = "deleted", default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// A UUID v8 (RFC 9562) of the 16 bytes supplied by the caller, normally from an [`IdSource`]
/// (the shell owns the randomness; the core stays deterministic and testable).
pub fn new_id(bytes: [u8; 16]) -> String {
    uuid::Builder::from_custom_bytes(bytes).into_uuid().simple().to_string()
}

/// Where a tab's record ids come from: 8 random bytes drawn once per tab, then a counter.
/// Two tabs (or tablets) never share a prefix in practice (2⁻⁶⁴), and ids made in order differ
/// only in their last digits, so a month's ids compress to a dictionary and small steps
/// (`codec::columns`), where random ids would cost 16 bytes each.
#[derive(Clone, Debug)]
pub struct IdSource {
    prefix: [u8; 8],
    next: u64,
}

impl IdSource {
    pub fn new(random: [u8; 8]) -> Self {
        IdSource { prefix: random, next: 0 }
    }

    /// The bytes of the next id (for [`new_id`] / [`Meta::new`]).
    pub fn next_bytes(&mut self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.prefix);
        // The variant bits take the top two bits of byte 8: the counter stays below 2⁵⁶.
        b[8..].copy_from_slice(&(self.next & ((1 << 56) - 1)).to_be_bytes());
        self.next += 1;
        b
    }
}

impl Meta {
    pub fn new(random: [u8; 16], now: Millis, device: &str) -> Self {
        Meta {
            id: new_id(random),
            created_at: now,
            updated_at: now,
            device: device.to_string(),
            deleted: false,
        }
    }

    /// Mark a change made now by `device`.
    pub fn touch(&mut self, now: Millis, device: &str) {
        // A clock that went backwards must not make a change lose against its own past.
        self.updated_at = now.max(self.updated_at + 1);
        self.device = device.to_string();
    }

    /// Which of two versions of the same record wins a merge: the later change, and for equal
    /// times the greater device id, so that every tablet picks the same winner.
    pub fn wins_over(&self, other: &Meta) -> bool {
        (self.updated_at, &self.device, self.deleted) > (other.updated_at, &other.device, other.deleted)
    }
}

/// Anything stored with a [`Meta`].
pub trait Record {
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    /// When the record stopped moving by its own rules (UTC milliseconds): a response when it
    /// was given; a dossier when it ended. `None` while it is open. The stored form notes the
    /// latest of a month (`codec::settled_by`), so that the months still holding open dossiers
    /// are read first.
    fn settled_at(&self) -> Option<Millis> {
        Some(self.meta().created_at)
    }
}

/// How many records are live (not tombstones).
pub fn live_count<T: Record>(records: &[T]) -> usize {
    records.iter().filter(|r| !r.meta().deleted).count()
}

/// How a list of records last changed: what is derived from a decade of them (the worklist,
/// the register's codes) then updates the changed places instead of walking every record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListEdit {
    /// Not known: a load, a merge, an import, an archive. Everything is looked at again.
    Any,
    /// Records were added at the end; the others are as they were.
    Pushed,
    /// The record at this place changed; the others are as they were.
    At(usize),
}

/// The edits of a list, numbered. A view remembers the number it was made at: it may follow
/// the last edit alone only when that is the one edit since ([`Edits::since`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edits {
    pub number: u64,
    pub last: ListEdit,
}

impl Default for Edits {
    fn default() -> Self {
        Edits {
            number: 0,
            last: ListEdit::Any,
        }
    }
}

impl Edits {
    pub fn record(&mut self, edit: ListEdit) {
        self.number += 1;
        self.last = edit;
    }

    /// What a view made at edit `seen` must look at again: the last edit when it is the only
    /// one since, else everything (several edits, or none that it knows of).
    pub fn since(&self, seen: u64) -> ListEdit {
        if seen.checked_add(1) == Some(self.number) {
            self.last
        } else {
            ListEdit::Any
        }
    }
}

/// How many records there are and the earliest `created_at` among them (tombstones too),
/// from the figure before `edit` when it can: a record's creation time never changes, so an
/// edit in place leaves it and records pushed are the only ones to look at.
pub fn first_created<T: Record>(prev: Option<(usize, Option<Millis>)>, records: &[T], edit: ListEdit) -> (usize, Option<Millis>) {
    let earliest = |rs: &[T]| rs.iter().map(|r| r.meta().created_at).min();
    match (prev, edit) {
        (Some((n, first)), ListEdit::Pushed) if n <= records.len() => {
            (records.len(), first.into_iter().chain(earliest(&records[n..])).min())
        }
        (Some((n, first)), ListEdit::At(_)) if n == records.len() => (n, first),
        _ => (records.len(), earliest(records)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_read_by_hand_as_chrono_reads_them() {
        #[derive(Deserialize)]
        struct At(#[serde(deserialize_with = "de_datetime")] chrono::NaiveDateTime);
        let read = |s: &str| serde_json::from_value::<At>(serde_json::json!(s)).map(|a| a.0);
        for s in ["2026-11-02T08:15:00", "2024-02-29T23:59:59", "2026-11-02T08:15:00.250"] {
            assert_eq!(read(s).unwrap(), s.parse::<chrono::NaiveDateTime>().unwrap(), "{s}");
        }
        assert_eq!(parse_datetime("2026-11-02T08:15:00.250"), None);
        for bad in [
            "2026-02-30T08:15:00",
            "2026-11-02T08:15",
            "2026-11-02 08:15:00",
            "2026-11-02T25:00:00",
            "hôm nay",
            "",
        ] {
            assert!(read(bad).is_err(), "{bad}");
            assert_eq!(parse_datetime(bad), None);
        }
    }

    #[test]
    fn the_first_record_follows_edits() {
        let rec = |c: Millis| crate::survey::response::sample(1, c);
        let mut rs = vec![rec(50), rec(20)];
        let f = first_created(None, &rs, ListEdit::Any);
        assert_eq!(f, (2, Some(20)));
        rs.push(rec(10));
        let f = first_created(Some(f), &rs, ListEdit::Pushed);
        assert_eq!(f, (3, Some(10)));
        rs[0].meta.deleted = true;
        assert_eq!(first_created(Some(f), &rs, ListEdit::At(0)), (3, Some(10)));
        rs.truncate(1);
        assert_eq!(first_created(Some(f), &rs, ListEdit::Any), (1, Some(50)));
        assert_eq!(
            first_created(Some(f), &rs, ListEdit::Pushed),
            (1, Some(50)),
            "fewer: looked at again"
        );
    }

    #[test]
    fn a_view_follows_one_edit_and_redoes_after_more() {
        let mut e = Edits::default();
        assert_eq!(e.since(0), ListEdit::Any, "nothing recorded: not known");
        e.record(ListEdit::At(3));
        assert_eq!(e.since(0), ListEdit::At(3));
        e.record(ListEdit::Pushed);
        assert_eq!(e.since(1), ListEdit::Pushed);
        assert_eq!(e.since(0), ListEdit::Any, "two edits since: everything");
        assert_eq!(e.since(2), ListEdit::Any, "none since: not a known edit");
    }

    #[test]
    fn dates_are_vietnam_time_whatever_the_tablet_zone() {
        // 2025-02-03 17:30 UTC is 00:30 on Tuesday 4/2 in Vietnam.
        let at = chrono::NaiveDate::from_ymd_opt(2025, 2, 3)
            .unwrap()
            .and_hms_opt(17, 30, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        assert_eq!(vn_datetime(at).to_string(), "2025-02-04 00:30:00");
        assert_eq!(vn_date(at), chrono::NaiveDate::from_ymd_opt(2025, 2, 4).unwrap());
        assert_eq!(vn_millis(vn_datetime(at)), at);
        assert_eq!(vn_midnight(vn_date(at)), at - 1_800_000);
    }

    #[test]
    fn tombstones_are_not_counted() {
        struct R(Meta);
        impl Record for R {
            fn meta(&self) -> &Meta {
                &self.0
            }
            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.0
            }
        }
        let mut gone = Meta::new([2; 16], 0, "d");
        gone.deleted = true;
        assert_eq!(live_count(&[R(Meta::new([1; 16], 0, "d")), R(gone)]), 1);
        assert_eq!(live_count::<R>(&[]), 0);
    }

    #[test]
    fn ids_are_uuids_that_count_up() {
        let id = new_id([7; 16]);
        assert_eq!(id.len(), 32);
        assert_eq!(&id[12..13], "8", "version nibble");
        assert_ne!(new_id([7; 16]), new_id([8; 16]));
        let mut src = IdSource::new([0xab; 8]);
        let (a, b) = (new_id(src.next_bytes()), new_id(src.next_bytes()));
        assert_eq!(a, "abababababab8bab8000000000000000");
        assert_eq!(b, "abababababab8bab8000000000000001");
        assert!(uuid::Uuid::parse_str(&b).is_ok_and(|u| u.get_version_num() == 8));
        let mut other = IdSource::new([0xac; 8]);
        assert_ne!(new_id(other.next_bytes()), a);
    }

    #[test]
    fn later_change_wins_and_ties_are_decided_the_same_everywhere() {
        let mut a = Meta::new([1; 16], 1000, "tab-a");
        let b = a.clone();
        a.touch(2000, "tab-a");
        assert!(a.wins_over(&b));
        assert!(!b.wins_over(&a));
        let mut c = b.clone();
        c.touch(2000, "tab-b");
        assert!(c.wins_over(&a) && !a.wins_over(&c));
    }

    #[test]
    fn touch_never_goes_back_in_time() {
        let mut a = Meta::new([1; 16], 5000, "t");
        a.touch(100, "t");
        assert_eq!(a.updated_at, 5001);
    }

    #[test]
    fn tombstone_flag_is_omitted_when_false() {
        let m = Meta::new([1; 16], 1, "t");
        let s = serde_json::to_string(&m).unwrap();
        assert!(!s.contains("\"x\""));
        let mut m2 = m.clone();
        m2.deleted = true;
        let back: Meta = serde_json::from_str(&serde_json::to_string(&m2).unwrap()).unwrap();
        assert!(back.deleted);
    }
}
