//! Data on this device: how full the storage is, export (JSON and CSV for Excel), import from
//! other tablets with a preview, a register sheet's import, the import history, dossier codes
//! in conflict, and the archive of closed years. The rules are `core::sync`; this page binds
//! them.

use crate::components::archive_card::ArchiveCard;
use crate::components::csv_import::CsvImport;
use crate::components::export_card::ExportCard;
use crate::components::import_card::{CodeConflictList, ImportCard, ImportHistory};
use crate::components::storage_meter::StorageMeter;
use crate::components::Page;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::K;
use motcua_formats::sync::merge::code_conflicts;

/// The Dữ liệu page.
#[component]
pub fn DataPage() -> impl IntoView {
    let st = use_app();
    let conflicts = Memo::new(move |_| st.dossiers.with(|d| code_conflicts(d)));
    crate::platform::request_persistent_storage();
    view! {
        <Page title=K::DataTitle>
            <StorageMeter />
            <Show when=move || !conflicts.with(Vec::is_empty)>
                <div class="card"><CodeConflictList conflicts=conflicts.into() /></div>
            </Show>
            <ExportCard />
            <ImportCard />
            // A register kept in Excel before motcua (Mẫu 07's columns), brought in once.
            <CsvImport />
            <ImportHistory />
            <ArchiveCard />
        </Page>
    }
}
