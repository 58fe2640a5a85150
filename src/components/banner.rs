use super::tr;
use crate::platform::{href, now_millis};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::K;
use motcua_domain::record::{first_created, ListEdit};
use motcua_formats::sync::{export_due, storage_warning};

/// Warnings staff must see: storage full with records waiting, and data kept aside as corrupt.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let st = use_app();
    let pending = move || st.pending.with(|p| p.len());
    view! {
        // Staff screens only: never shown to citizens, never echoing stored text to them.
        <Show when=move || !st.kiosk.get() && (pending() > 0 || st.full.get())>
            <div class="banner warn" role="alert" id="storage-full">
                <p>{tr(K::StorageFull)}</p>
                <p><strong>{pending}</strong>" "{tr(K::PendingCount)}</p>
                <button on:click=move |_| st.flush_pending()>{tr(K::Retry)}</button>
            </div>
        </Show>
        <StaffReminders />
        <Show when=move || !st.kiosk.get() && st.loading.packing.with(|(done, all)| done < all)>
            <div class="banner info" role="status" id="packing">
                <p>{tr(K::Packing)}" "{move || { let (d, a) = st.loading.packing.get(); format!("{d} / {a}") }}</p>
                <progress max=move || st.loading.packing.get().1 value=move || st.loading.packing.get().0></progress>
            </div>
        </Show>
        <Show when=move || !st.kiosk.get() && st.problems.with(|p| !p.is_empty())>
            <div class="banner error" role="alert" id="storage-problems">
                <p>{tr(K::StorageProblem)}</p>
                <ul>
                    {move || st.problems.get().into_iter().map(|p| view! {
                        <li><code>{p.key}</code>" – "{super::tm(p.error)}{p.kept_at.map(|k| format!(" → {k}"))}</li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// On staff screens only (never to citizens): storage past 80 % and an export overdue, each
/// with the way to the Dữ liệu page.
#[component]
fn StaffReminders() -> impl IntoView {
    let st = use_app();
    let last_export = st.docs.last_export;
    // Each kind apart, and the register's by its edits: a dossier saved does not walk a decade.
    let first_response = Memo::new(move |_| st.responses.with(|r| first_created(None, r, ListEdit::Any).1));
    let first_dossier = crate::state::followed(st.dossiers, st.dossier_edits, first_created);
    let first_record = move || first_response.get().into_iter().chain(first_dossier.get().1).min();
    let days = move || st.settings.with(|s| s.export_reminder_days);
    // Staff screens learn how full the store is (the kiosk's start never pays for it).
    Effect::new(move |_| {
        if !st.kiosk.get() {
            st.measure_used(false);
        }
    });
    view! {
        <Show when=move || !st.kiosk.get() && storage_warning(st.used.get())>
            <div class="banner warn" role="alert" id="storage-warning-banner">
                <p>{tr(K::StorageAlmostFull)}" "<a href=href("/data#export") rel=crate::platform::rel("/data#export")>{tr(K::ExportTitle)}</a>" · "<a href=href("/data#archive") rel=crate::platform::rel("/data#archive")>{tr(K::ArchiveTitle)}</a></p>
            </div>
        </Show>
        <Show when=move || !st.kiosk.get() && export_due(last_export.get(), first_record(), now_millis(), days())>
            <div class="banner info" id="export-reminder">
                <p>{tr(K::ExportReminder)}" "<a href=href("/data#export") rel=crate::platform::rel("/data#export")>{tr(K::ExportTitle)}</a></p>
            </div>
        </Show>
    }
}
