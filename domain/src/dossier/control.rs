//! Per-step control of a dossier (Mẫu 06 of Thông tư 03/2025/TT-VPCP, Phụ lục I: phiếu kiểm
//! soát quá trình giải quyết hồ sơ): each hand-over, giver and taker, when, by whom, and
//! whether the giver's step was trước / đúng / quá hạn against its share of the term.
//!
//! The desk's own step: a file received by 15:00 is passed on the same working day, a later
//! one by the next (shared/domain.md, "Due date": 2025 provincial internal procedures use
//! 15:00 for when the desk passes a file on [V]). The divisions' shares come from the
//! procedure's internal process (`Procedure::steps`); a step not in it is listed, not judged.

use super::{Dossier, Status, Term, Timeliness};
use crate::calendar::WorkCalendar;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One step of a procedure's internal process: the division that holds the file, and for how
/// long (working days, office hours, or the same day).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub division: String,
    pub term: Term,
}

/// The name the desk goes by on the control sheet and in "late by division".
pub const DESK: &str = "Bộ phận Một cửa";

/// Who holds the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    /// The one-stop desk (Bộ phận Tiếp nhận và Trả kết quả).
    Desk,
    Division(String),
    /// The citizen, once the result is returned.
    Applicant,
}

impl Holder {
    /// As printed: the desk by the counter's name when given, a division by its name.
    pub fn name<'a>(&'a self, counter: &'a str, applicant: &'a str) -> &'a str {
        match self {
            Holder::Desk if counter.trim().is_empty() => DESK,
            Holder::Desk => counter,
            Holder::Division(d) => d,
            Holder::Applicant => applicant,
        }
    }
}

/// One row of Mẫu 06.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handover {
    pub from: Holder,
    pub to: Holder,
    pub at: NaiveDateTime,
    /// Who entered the hand-over (the officer on duty then).
    pub officer: String,
    pub note: String,
    /// The giver's deadline for its step, with the pauses inside the step; `None` when the
    /// step has no share in the procedure's process.
    pub due: Option<NaiveDateTime>,
    /// Early, on time or late: `None` when not judged (no share, or the return to the citizen,
    /// which the dossier's own timeliness judges).
    pub judged: Option<Timeliness>,
}

/// The hand-overs of `d`, in time order, judged against `steps` (the procedure's process).
pub fn handovers(d: &Dossier, steps: &[Step], cal: &WorkCalendar) -> Vec<Handover> {
    let mut out = Vec::new();
    let (mut holder, mut since) = (Holder::Desk, d.received);
    for e in d.events.iter().skip(1) {
        let to = match e.status {
            Status::Resolved if holder != Holder::Desk => Holder::Desk,
            Status::Returned => Holder::Applicant,
            _ if !e.division.trim().is_empty() && holder != Holder::Division(e.division.trim().to_string()) => {
                Holder::Division(e.division.trim().to_string())
            }
            _ => continue,
        };
        let due = (to != Holder::Applicant)
            .then(|| step_term(&holder, steps))
            .flatten()
            .map(|(term, cutoff)| {
                let due = super::procedure::term_due(term, cutoff, cal, since);
                d.shift_by_pauses(cal, due, since, e.at)
            });
        out.push(Handover {
            from: holder,
            to: to.clone(),
            at: e.at,
            officer: e.officer.clone(),
            note: e.note.clone(),
            due,
            judged: due.map(|due| judge(e.at, due)),
        });
        if to == Holder::Applicant {
            break;
        }
        (holder, since) = (to, e.at);
    }
    out
}

/// The share of the term the holder has: the desk's by rule, a division's from the process.
fn step_term(holder: &Holder, steps: &[Step]) -> Option<(Term, bool)> {
    match holder {
        Holder::Desk => Some((Term::SameDay, true)),
        Holder::Division(name) => steps
            .iter()
            .find(|s| crate::format::fold_key(&s.division) == crate::format::fold_key(name))
            .map(|s| (s.term, false)),
        Holder::Applicant => None,
    }
}

/// A hand-over at `at` against a step due at `due`: by the day (earlier day: trước hạn; the
/// due day: đúng hạn; later: quá hạn), as the dossier itself is judged.
fn judge(at: NaiveDateTime, due: NaiveDateTime) -> Timeliness {
    if at > due {
        Timeliness::Late
    } else if at.date() < due.date() {
        Timeliness::Early
    } else {
        Timeliness::OnTime
    }
}

/// The late steps of `d`: the givers whose hand-over came after their share ran out (the desk
/// as [`DESK`]).
pub fn late_steps(d: &Dossier, steps: &[Step], cal: &WorkCalendar) -> Vec<String> {
    handovers(d, steps, cal)
        .into_iter()
        .filter(|h| h.judged == Some(Timeliness::Late))
        .map(|h| h.from.name("", "").to_string())
        .collect()
}

/// The process as the catalogue editor shows it: one step a line, "Phòng X: 3" (working
/// days), "Phòng X: 4 giờ" (office hours) or "Phòng X: trong ngày".
pub fn steps_text(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| match s.term {
            Term::Days(n) => format!("{}: {n}", s.division),
            Term::Hours(n) => format!("{}: {n} giờ", s.division),
            Term::SameDay => format!("{}: trong ngày", s.division),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Read [`steps_text`]'s form back; the error is the 1-based line that is not a step.
pub fn parse_steps(text: &str) -> Result<Vec<Step>, usize> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (division, term) = line.rsplit_once(':').ok_or(i + 1)?;
        let (division, term) = (division.trim(), crate::format::lower(term.trim()));
        let number = |s: &str| s.trim().parse::<u32>().ok().filter(|n| (1..=crate::calendar::MAX_DAYS).contains(n));
        let term = if term == "trong ngày" || term == "trong ngay" {
            Some(Term::SameDay)
        } else if let Some(h) = term.strip_suffix("giờ").or(term.strip_suffix("gio")).or(term.strip_suffix('h')) {
            number(h).map(Term::Hours)
        } else {
            number(term.strip_suffix("ngày").unwrap_or(&term)).map(Term::Days)
        };
        match term {
            Some(term) if !division.is_empty() && division.chars().count() <= 120 && out.len() < 30 => out.push(Step {
                division: division.to_string(),
                term,
            }),
            _ => return Err(i + 1),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::default_catalogue;
    use crate::dossier::record::tests::{at, new};

    fn tm02_steps() -> Vec<Step> {
        default_catalogue().into_iter().find(|p| p.id == "TM-02").unwrap().steps
    }

    #[test]
    fn each_hand_over_is_judged_against_its_steps_share_and_names_who_did_it() {
        let cal = WorkCalendar::default();
        // TM-02: the desk (same day), the trade division 3 days, the director 1 day.
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        let tm = "Phòng Quản lý Thương mại";
        d.transition_by(Status::InProgress, at(2025, 2, 3, 10), "", tm, "Nguyễn Văn An")
            .unwrap();
        // Three working days from Mon 3/2 run to the close of Thu 6/2: Fri is late.
        d.transition_by(Status::InProgress, at(2025, 2, 7, 9), "", "lãnh đạo sở", "Trần Thị Bình")
            .unwrap();
        d.transition_by(Status::Resolved, at(2025, 2, 10, 9), "", "", "Trần Thị Bình")
            .unwrap();
        d.transition_by(Status::Returned, at(2025, 2, 10, 14), "", "", "Nguyễn Văn An")
            .unwrap();
        let h = handovers(&d, &tm02_steps(), &cal);
        let rows: Vec<(&str, &str, Option<Timeliness>, &str)> = h
            .iter()
            .map(|h| (h.from.name("", ""), h.to.name("", "dân"), h.judged, h.officer.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (DESK, tm, Some(Timeliness::OnTime), "Nguyễn Văn An"),
                (tm, "lãnh đạo sở", Some(Timeliness::Late), "Trần Thị Bình"),
                ("lãnh đạo sở", DESK, Some(Timeliness::OnTime), "Trần Thị Bình"),
                (DESK, "dân", None, "Nguyễn Văn An"),
            ]
        );
        assert_eq!(h[1].due, Some(at(2025, 2, 6, 17)));
        assert_eq!(late_steps(&d, &tm02_steps(), &cal), vec![tm.to_string()]);
        assert_eq!(
            h[0].from.name("Bộ phận TN&TKQ của Sở Công Thương", ""),
            "Bộ phận TN&TKQ của Sở Công Thương"
        );
    }

    #[test]
    fn the_desk_passes_a_file_on_the_same_day_or_the_next_after_15h() {
        let cal = WorkCalendar::default();
        let late_afternoon = |handed: chrono::NaiveDateTime| {
            let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 16)).unwrap();
            d.transition(Status::InProgress, handed, "", "Phòng Quản lý Thương mại").unwrap();
            handovers(&d, &[], &cal)[0].judged
        };
        assert_eq!(late_afternoon(at(2025, 2, 3, 16)), Some(Timeliness::Early));
        assert_eq!(late_afternoon(at(2025, 2, 4, 9)), Some(Timeliness::OnTime));
        assert_eq!(late_afternoon(at(2025, 2, 5, 9)), Some(Timeliness::Late));
        // A division not in the process is listed, not judged.
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.transition(Status::InProgress, at(2025, 2, 3, 10), "", "Phòng khác").unwrap();
        d.transition(Status::Resolved, at(2025, 2, 20, 9), "", "").unwrap();
        let h = handovers(&d, &tm02_steps(), &cal);
        assert_eq!((h.len(), h[1].judged, h[1].due), (2, None, None));
    }

    #[test]
    fn a_supplement_pause_inside_a_step_moves_its_deadline() {
        let cal = WorkCalendar::default();
        let tm = "Phòng Quản lý Thương mại";
        let mut d = new("SCT-250203-0001", "TM-02", at(2025, 2, 3, 9)).unwrap();
        d.transition(Status::InProgress, at(2025, 2, 3, 10), "", tm).unwrap();
        d.transition(Status::SupplementRequested, at(2025, 2, 4, 9), "Thiếu thể lệ", "")
            .unwrap();
        d.transition(Status::SupplementReceived, at(2025, 2, 6, 9), "", "").unwrap();
        d.transition(Status::InProgress, at(2025, 2, 7, 9), "", "Lãnh đạo Sở").unwrap();
        let h = handovers(&d, &tm02_steps(), &cal);
        // Paused 4/2 → 6/2 (two working days): due the close of Mon 10/2 instead of Thu 6/2.
        assert_eq!(h[1].due, Some(at(2025, 2, 10, 17)));
        assert_eq!(h[1].judged, Some(Timeliness::Early));
    }

    #[test]
    fn the_process_reads_back_what_the_editor_shows() {
        let steps = tm02_steps();
        assert_eq!(parse_steps(&steps_text(&steps)), Ok(steps));
        let parsed = parse_steps("Phòng A: 4 giờ\n\n Văn thư : trong ngày \nLãnh đạo: 2 ngày").unwrap();
        assert_eq!(
            parsed.iter().map(|s| s.term).collect::<Vec<_>>(),
            vec![Term::Hours(4), Term::SameDay, Term::Days(2)]
        );
        assert_eq!(parsed[1].division, "Văn thư");
        assert_eq!(parse_steps("Phòng A: 3\nPhòng B"), Err(2));
        assert_eq!(parse_steps("Phòng A: 0"), Err(1));
        assert_eq!(parse_steps(": 3"), Err(1));
        assert_eq!(parse_steps("Phòng A: 9999"), Err(1), "bounded like the catalogue");
    }
}
