//! Widgets shared by pages.
pub mod archive_card;
pub mod banner;
pub mod calendar_editor;
pub mod catalogue_editor;
pub mod csv_import;
pub mod dossier_detail;
pub mod dossier_form;
pub mod export_card;
pub mod face;
pub mod import_card;
pub mod index_card;
pub mod nav;
pub mod pinpad;
pub mod report_breakdowns;
pub mod report_parts;
pub mod storage_meter;

use leptos::prelude::*;
use motcua_core::i18n::{t, K};

/// Translate a key in the current language (reactive).
pub fn tr(key: K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let st = crate::state::use_app();
    move || t(st.lang(), key)
}

/// A page heading with the page's content below.
#[component]
pub fn Page(title: K, children: Children) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr(title)}</h1>
            {children()}
        </section>
    }
}
