//! One citizen's answers.
//!
//! Item answers are stored as one digit per active item of the questionnaire version answered
//! (`0` = skipped): 19 answers cost 19 characters instead of ~300 as a JSON map.

use super::questionnaire::Questionnaire;
use crate::record::{Meta, Record};
use serde::{Deserialize, Serialize};

/// The fields have their stored one-letter names (`q`, `a`, `o` …) through serde: a decade of
/// ratings stored compactly, and names in the code that say what they hold (issue 23).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    #[serde(flatten)]
    pub meta: Meta,
    /// Questionnaire version answered.
    #[serde(rename = "q", alias = "questionnaire")]
    pub version: u32,
    /// One digit 0–5 per active item of that version, in order.
    #[serde(rename = "a", alias = "answers")]
    pub digits: String,
    /// Overall satisfaction 1–5, 0 when skipped.
    #[serde(rename = "o", alias = "overall", default)]
    pub overall: u8,
    /// Visits needed: 0, 1 or 2 (= 2 or more); absent when skipped.
    #[serde(rename = "v", alias = "visits", default, skip_serializing_if = "Option::is_none")]
    pub visits: Option<u8>,
    /// Procedure or field served.
    #[serde(rename = "p", alias = "field", default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// Free-text suggestion (góp ý), plain text, at most [`super::questionnaire::SUGGESTION_MAX`] chars.
    #[serde(rename = "s", alias = "suggestion", default, skip_serializing_if = "String::is_empty")]
    pub suggestion: String,
    /// Optional dossier code.
    #[serde(rename = "k", alias = "dossier_code", default, skip_serializing_if = "String::is_empty")]
    pub dossier_code: String,
    /// Reasons tapped after a low one-tap rating: ids of the version's reasons, comma-separated.
    #[serde(rename = "r", alias = "reasons", default, skip_serializing_if = "String::is_empty")]
    pub reason_ids: String,
    /// The officer the rating is about (the last on duty at the tablet), when the unit rates
    /// officers (a setting, off by default); empty otherwise.
    #[serde(rename = "w", alias = "officer", default, skip_serializing_if = "String::is_empty")]
    pub officer: String,
    /// Fields written by a newer build that this one does not know: kept and written back
    /// as they were (additive changes need no schema bump; see ARCHITECTURE.md).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Record for Response {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// The stored digit of an explicit "Không áp dụng" answer: kept apart from a skip (`0`) so that
/// staff can see how often an item does not apply, and counted as neither satisfied nor valid.
/// Older builds read it as "not a 1–5 answer", i.e. like a skip.
pub const NOT_APPLICABLE: u8 = 6;

/// Digits for answers: `None` → `0`, not applicable → `6`.
pub fn encode_answers(answers: &[Option<u8>]) -> String {
    answers
        .iter()
        .map(|a| char::from(b'0' + a.filter(|v| (1..=NOT_APPLICABLE).contains(v)).unwrap_or(0)))
        .collect()
}

impl Response {
    /// A response that gives nothing yet: who made it and the questionnaire version it answers.
    /// Tests start from it and set what they look at.
    #[cfg(any(test, feature = "test-support"))]
    pub fn blank(meta: Meta, version: u32) -> Response {
        Response {
            meta,
            version,
            digits: String::new(),
            overall: 0,
            visits: None,
            field: String::new(),
            suggestion: String::new(),
            dossier_code: String::new(),
            reason_ids: String::new(),
            officer: String::new(),
            extra: Default::default(),
        }
    }

    /// The reason ids given (see [`Response::reason_ids`]).
    pub fn reasons(&self) -> impl Iterator<Item = &str> {
        self.reason_ids.split(',').filter(|x| !x.is_empty())
    }

    /// The answers paired with the item ids of the questionnaire version they answered.
    /// Extra or malformed digits are ignored rather than trusted.
    pub fn answers<'a>(&'a self, q: &'a Questionnaire) -> impl Iterator<Item = (&'a str, &'a str, Option<u8>)> + 'a {
        q.active_items().zip(self.digits.chars()).map(|((g, i), c)| {
            let v = c.to_digit(10).map(|d| d as u8).filter(|d| (1..=5).contains(d));
            (g.id.as_str(), i.id.as_str(), v)
        })
    }
}

/// A response for tests: the answers of version 1 skipped, overall 4, made by device "d".
#[cfg(any(test, feature = "test-support"))]
pub fn sample(n: u8, at: crate::record::Millis) -> Response {
    Response {
        overall: 4,
        ..Response::blank(Meta::new([n; 16], at, "d"), 1)
    }
}

/// A rating for tests: overall `o` for the dossier `code`, given at `when` (Vietnam time),
/// made by device "t", with the id `r{i}`.
#[cfg(test)]
pub(crate) fn rating(code: &str, o: u8, when: chrono::NaiveDateTime, i: u8) -> Response {
    let mut r = sample(i, crate::record::vn_millis(when));
    r.meta.device = "t".into();
    r.meta.id = format!("r{i}");
    r.overall = o;
    r.dossier_code = code.into();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_digits() {
        let q = Questionnaire::short();
        let na = encode_answers(&[Some(NOT_APPLICABLE), None]);
        assert_eq!(na, "60", "not applicable is kept apart from a skip");
        let r = Response {
            digits: encode_answers(&[Some(5), None, Some(3), Some(9), Some(1)]),
            overall: 4,
            visits: Some(1),
            ..Response::blank(Meta::new([1; 16], 1, "t"), 1)
        };
        assert_eq!(r.digits, "50301");
        let got: Vec<_> = r.answers(&q).map(|(_, id, v)| (id.to_string(), v)).collect();
        assert_eq!(got[0], ("a0".to_string(), Some(5)));
        assert_eq!(got[1].1, None);
        assert_eq!(got[3].1, None, "out-of-range answer is not counted");
    }

    #[test]
    fn fields_from_a_newer_build_survive_a_read_and_write() {
        let newer = r#"{"id":"abc","c":1,"u":2,"d":"dev","q":1,"a":"5","o":4,"nw":{"new":true},"zz":7}"#;
        let r: Response = serde_json::from_str(newer).unwrap();
        assert_eq!(r.meta.id, "abc");
        assert_eq!(r.extra.keys().collect::<Vec<_>>(), vec!["nw", "zz"], "only the unknown fields");
        let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back["zz"], 7);
        assert_eq!(back["nw"]["new"], true);
        assert_eq!(back["c"], 1);
    }

    #[test]
    fn stored_form_is_short() {
        let r = Response {
            digits: "5454545454545454545".into(),
            overall: 5,
            visits: Some(1),
            ..Response::blank(Meta::new([1; 16], 1_763_000_000_000, "a1b2c3"), 1)
        };
        let s = serde_json::to_string(&r).unwrap();
        assert!(s.len() < 150, "{} chars: {s}", s.len());
    }
}
