//! One module per route.
pub mod dashboard;
pub mod data;
pub mod dossiers;
pub mod editor;
pub mod forms;
pub mod kiosk;
pub mod print;
pub mod settings;
pub mod staff;
