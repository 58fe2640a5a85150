//! motcua's browser shell: storage, charts and UI over the pure `motcua_domain` and `motcua_formats`.
pub mod app;
pub mod charts;
pub mod components;
pub mod excel;
pub mod kiosk_app;
pub mod lookup;
pub mod pages;
pub mod platform;
pub mod scan;
pub mod session;
pub mod state;
pub mod state_calendar;
pub mod state_docs;
pub mod state_load;
pub mod state_pin;
pub mod state_sync;
pub mod storage;
