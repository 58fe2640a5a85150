//! Archive a closed year: export it, read the saved file back, and only when it holds every
//! record of the year exactly, remove the year from this device to free space.

use super::tr;
use crate::platform::{download, now_millis, read_bytes};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::thousands;
use motcua_domain::i18n::{Msg, K};
use motcua_formats::sync::{archivable_years, wire};
use wasm_bindgen::JsCast;

/// Year picker, export, read back, remove.
#[component]
pub fn ArchiveCard() -> impl IntoView {
    let st = use_app();
    let years = Memo::new(move |_| {
        st.responses.track();
        st.dossiers.track();
        st.with_here(|here| archivable_years(here, now_millis()))
    });
    let year = RwSignal::new(None::<i32>);
    let verified = StoredValue::new(None::<wire::Export>);
    let ok = RwSignal::new(false);
    let msg = RwSignal::new(None::<Msg>);
    let chosen = move || year.get().or_else(|| years.with(|y| y.first().copied()));
    let export = move |_| {
        let Some(y) = chosen() else { return };
        let o = wire::ExportOptions {
            from: chrono::NaiveDate::from_ymd_opt(y, 1, 1),
            to: chrono::NaiveDate::from_ymd_opt(y, 12, 31),
            without_personal_data: false,
        };
        let (name, text) = st.export(&o);
        let name = name.replace(".json", &format!(".luu-tru-{y}.json"));
        msg.set(Some(
            download(&name, "application/json", &text).map_or_else(|e| e, |_| Msg::new(K::WithDetail).part(K::ArchiveSaved).arg(name)),
        ));
    };
    let check = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let Some(y) = chosen() else { return };
        leptos::task::spawn_local(async move {
            let read = match read_bytes(&file).await {
                Ok(b) => wire::read(&b).map_err(|e| e.msg()),
                Err(e) => Err(e),
            };
            let good = read.as_ref().is_ok_and(|e| st.with_here(|here| wire::archive_verified(here, y, e)));
            ok.set(good);
            msg.set(Some(match &read {
                // A file that cannot be read says why, not only that it does not match.
                Err(e) => Msg::new(K::WithDetail).part(K::ArchiveNotVerified).part(e.clone()),
                Ok(_) => (if good { K::ArchiveVerified } else { K::ArchiveNotVerified }).into(),
            }));
            verified.set_value(read.ok().filter(|_| good));
        });
    };
    let remove = move |_| {
        let (Some(y), Some(file)) = (chosen(), verified.get_value()) else {
            return;
        };
        let r = st.remove_archived_year(y, &file);
        ok.set(false);
        verified.set_value(None);
        msg.set(Some(match r {
            Ok((freed, kept)) => {
                let removed = Msg::new(K::ArchiveRemoved).arg(y).arg(thousands(freed as u64));
                if kept.is_empty() {
                    removed
                } else {
                    Msg::new(K::Sentences)
                        .part(removed)
                        .part(Msg::new(K::ArchiveKept).arg(kept.join(", ")))
                }
            }
            Err(e) => e.msg(),
        }));
    };
    view! {
        <div class="card" id="archive">
            <h2>{tr(K::ArchiveTitle)}</h2>
            <p class="muted">{tr(K::ArchiveHint)}</p>
            <Show when=move || !years.with(Vec::is_empty) fallback=|| view! { <p class="muted" id="archive-none">{tr(K::ArchiveNothing)}</p> }>
                <div class="actions">
                    <select id="archive-year" aria-label=tr(K::Year) on:change=move |ev| { year.set(event_target_value(&ev).parse().ok()); ok.set(false) }>
                        {move || years.get().into_iter().map(|y| view! { <option value=y.to_string() selected=move || chosen() == Some(y)>{y}</option> }).collect_view()}
                    </select>
                    <button id="archive-export" on:click=export>{tr(K::ArchiveExport)}</button>
                    <label class="button">{tr(K::ArchiveCheck)}<input id="archive-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=check /></label>
                    <button class="danger" id="archive-remove" disabled=move || !ok.get() on:click=remove>{tr(K::ArchiveRemove)}</button>
                </div>
            </Show>
            {move || msg.get().map(|m| view! { <p id="archive-msg" role="status">{super::tm(m)}</p> })}
        </div>
    }
}
