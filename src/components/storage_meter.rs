//! How full this browser's storage is, with the way out (export, archive) when it gets full.

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::{share, thousands};
use motcua_domain::i18n::K;
use motcua_domain::record::live_count;
use motcua_formats::sync::{storage_warning, QUOTA_UNITS};

/// The storage meter of the Dữ liệu page.
#[component]
pub fn StorageMeter() -> impl IntoView {
    let st = use_app();
    st.measure_used(true);
    let used = move || st.used.get();
    let pct = move || (used() as f64 * 100.0 / QUOTA_UNITS as f64).min(100.0);
    view! {
        <div class="card meter-card" id="storage-meter">
            <h2>{tr(K::StorageUse)}</h2>
            <div class="meter" role="meter" aria-label=tr(K::StorageUse) aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || format!("{:.0}", pct())>
                <div class="meter-fill" class:warn=move || storage_warning(used()) style:width=move || format!("{:.1}%", pct())></div>
            </div>
            <p><strong id="storage-used">{move || thousands(used() as u64)}</strong>" / "{thousands(QUOTA_UNITS as u64)}" ("<span id="storage-share">{move || share(used() as u64, QUOTA_UNITS as u64)}</span>")"</p>
            <Show when=move || storage_warning(used())>
                <p class="warn-text" id="storage-warning">{tr(K::StorageAlmostFull)}" "<a href="#export">{tr(K::ExportTitle)}</a>" · "<a href="#archive">{tr(K::ArchiveTitle)}</a></p>
            </Show>
            <p>{tr(K::TotalCount)}": "<strong id="data-responses">{move || st.responses.with(|r| live_count(r))}</strong>
               " · "{tr(K::DossierTitle)}": "<strong id="data-dossiers">{move || st.dossiers.with(|d| live_count(d))}</strong>
               " · "{tr(K::PendingCount)}": "<strong>{move || st.pending.with(|p| p.len())}</strong></p>
        </div>
    }
}
