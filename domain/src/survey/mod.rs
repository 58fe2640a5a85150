//! The citizen satisfaction survey: questionnaire, responses, the kiosk flow and the index.
pub mod desk;
pub mod funnel;
pub mod index;
pub mod kiosk;
pub mod questionnaire;
pub mod response;
pub mod scan;
