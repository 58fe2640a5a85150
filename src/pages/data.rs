//! Data on this device: what is stored, how much room it takes, and anything kept aside.

use crate::components::{tr, Page};
use crate::state::use_app;
use crate::storage;
use leptos::prelude::*;
use motcua_core::format::thousands;
use motcua_core::i18n::K;

/// Storage overview. Export and import arrive with the file-sync issue.
#[component]
pub fn DataPage() -> impl IntoView {
    let st = use_app();
    let used = move || {
        st.responses.track();
        thousands(storage::used_units() as u64)
    };
    view! {
        <Page title=K::DataTitle>
            <div class="card">
                <p>{tr(K::TotalCount)}": "<strong id="data-responses">{move || st.responses.with(|r| r.len())}</strong></p>
                <p>{tr(K::StorageUse)}": "<strong id="storage-used">{used}</strong>" / 5.242.880"</p>
                <p>{tr(K::PendingCount)}": "<strong>{move || st.pending.with(|p| p.len())}</strong></p>
                <ul class="keys">{move || { st.responses.track(); storage::keys().into_iter().map(|k| view! { <li><code>{k}</code></li> }).collect_view() }}</ul>
            </div>
        </Page>
    }
}
