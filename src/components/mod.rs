//! Widgets shared by pages.
pub mod archive_card;
pub mod banner;
pub mod calendar_editor;
pub mod catalogue_editor;
pub mod catalogue_import;
pub mod csv_import;
pub mod date_field;
pub mod dossier_detail;
pub mod dossier_draft;
pub mod dossier_form;
pub mod dossier_papers;
pub mod duty;
pub mod export_card;
pub mod face;
pub mod import_card;
pub mod index_card;
pub mod kiosk_lookup;
pub mod nav;
pub mod official_index;
pub mod pinpad;
pub mod rated_card;
pub mod reasons_card;
pub mod report_breakdowns;
pub mod report_parts;
pub mod scanner;
pub mod sheet_file;
pub mod storage_meter;
pub mod survey_screen;
pub mod undo_import;
pub mod unit_setup;

use leptos::prelude::*;
use motcua_domain::i18n::{t, Msg, K};

/// Translate a key in the current language (reactive).
pub fn tr(key: K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let st = crate::state::use_app();
    move || t(st.lang(), key)
}

/// Put a message together in the current language (reactive: it follows a switch).
pub fn tm(msg: Msg) -> impl Fn() -> String + Send + Sync + 'static {
    let st = crate::state::use_app();
    move || msg.text(st.lang())
}

/// How far the reading of the stored records has got: `text`, chunks read of all, and a bar.
#[component]
pub fn ReadingProgress(id: &'static str, text: K) -> impl IntoView {
    let st = crate::state::use_app();
    let (done, all) = (move || st.loading.reading.get().0, move || st.loading.reading.get().1);
    view! {
        <div class="loading" id=id role="status">
            <p>{tr(text)}" "{done}" / "{all}</p>
            <progress max=all value=done></progress>
        </div>
    }
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
