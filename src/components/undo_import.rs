//! "Hoàn tác lần nhập cuối": the last import (a tablet's file, or a register sheet) put back as
//! it was before, for a week or until the next import (`sync::undo`). Two taps: the first says
//! what it will do, the second does it.

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::format::date_time;
use motcua_domain::i18n::{t, Msg, K};
use motcua_domain::record::vn_datetime;

#[component]
pub fn UndoImport() -> impl IntoView {
    let st = use_app();
    st.load_undo();
    let asking = RwSignal::new(false);
    let msg = RwSignal::new(None::<Result<Msg, Msg>>);
    let undo = move |_| {
        asking.set(false);
        msg.set(Some(
            st.undo_last_import()
                .map(|c| Msg::new(K::UndoDone).arg(c.put_back).arg(c.removed).arg(c.kept))
                .map_err(|e| e.msg()),
        ));
    };
    let summary = move || {
        st.undo.with(|u| {
            u.as_ref().map(|u| {
                let lang = st.lang();
                let (back, removed) = u.size();
                let until = u.at.saturating_add(motcua_formats::sync::undo::KEEP_MS);
                format!(
                    "{} {} · {} {} · {} {} · {} {}",
                    t(lang, K::UndoOf),
                    date_time(vn_datetime(u.at)),
                    t(lang, K::UndoPutBack),
                    back,
                    t(lang, K::UndoRemoved),
                    removed,
                    t(lang, K::UndoUntil),
                    date_time(vn_datetime(until))
                )
            })
        })
    };
    view! {
        {move || summary().map(|s| view! {
            <div class="undo" id="undo">
                <p class="muted" id="undo-summary">{s}</p>
                <Show when=move || asking.get() fallback=move || view! {
                    <button id="undo-import" on:click=move |_| { msg.set(None); asking.set(true) }>{tr(K::UndoImport)}</button>
                }>
                    <p class="warn-text">{tr(K::UndoAsk)}</p>
                    <div class="actions">
                        <button class="danger" id="undo-confirm" on:click=undo>{tr(K::UndoImport)}</button>
                        <button id="undo-cancel" on:click=move |_| asking.set(false)>{tr(K::Cancel)}</button>
                    </div>
                </Show>
            </div>
        })}
        {move || msg.get().map(|m| match m {
            Ok(m) => view! { <p class="ok" id="undo-done" role="status">{super::tm(m)}</p> }.into_any(),
            Err(m) => view! { <p class="error-text" id="undo-error" role="alert">{super::tm(m)}</p> }.into_any(),
        })}
    }
}
