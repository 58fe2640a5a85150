use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::i18n::K;

/// Warnings staff must see: storage full with records waiting, and data kept aside as corrupt.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let st = use_app();
    let pending = move || st.pending.with(|p| p.len());
    view! {
        <Show when=move || { pending() > 0 || st.full.get() }>
            <div class="banner warn" role="alert" id="storage-full">
                <p>{tr(K::StorageFull)}</p>
                <p><strong>{pending}</strong>" "{tr(K::PendingCount)}</p>
                <button on:click=move |_| st.flush_pending()>{tr(K::Retry)}</button>
            </div>
        </Show>
        <Show when=move || st.problems.with(|p| !p.is_empty())>
            <div class="banner error" role="alert" id="storage-problems">
                <p>{tr(K::StorageProblem)}</p>
                <ul>
                    {move || st.problems.get().into_iter().map(|p| view! {
                        <li><code>{p.key}</code>" – "{p.error}{p.kept_at.map(|k| format!(" → {k}"))}</li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
