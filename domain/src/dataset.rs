//! What a department has, as plain data: every response and dossier, the questionnaire's
//! versions, the catalogue and the calendar. What reports read, and what the formats store,
//! export, import and merge (issue 23: the on-device aggregate lives in the domain).

use crate::calendar::WorkCalendar;
use crate::dossier::{Dossier, Procedure};
use crate::survey::questionnaire::Questionnaire;
use crate::survey::response::Response;
use std::collections::BTreeMap;

/// Everything a department has, as plain data: what is exported, imported and merged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub responses: Vec<Response>,
    pub dossiers: Vec<Dossier>,
    pub versions: BTreeMap<u32, Questionnaire>,
    pub catalogue: Vec<Procedure>,
    pub calendar: WorkCalendar,
}

/// What is here, borrowed: the app's state holds its records and documents apart, and a
/// decade is not copied to plan a month's file.
#[derive(Clone, Copy)]
pub struct Here<'a> {
    pub responses: &'a [Response],
    pub dossiers: &'a [Dossier],
    pub versions: &'a BTreeMap<u32, Questionnaire>,
    pub catalogue: &'a [Procedure],
    pub calendar: &'a WorkCalendar,
}

impl Dataset {
    /// This set as what is here, for the export's planning (`motcua_formats::sync::wire::plan`).
    pub fn here(&self) -> Here<'_> {
        Here {
            responses: &self.responses,
            dossiers: &self.dossiers,
            versions: &self.versions,
            catalogue: &self.catalogue,
            calendar: &self.calendar,
        }
    }
}
