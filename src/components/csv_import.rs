//! Import dossiers from a register CSV: preview every row with its error, then save the
//! valid ones in one batch (all or none).

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::dossier::csv_import::{self, Row};
use motcua_core::i18n::{t, K};
use wasm_bindgen::JsCast;

/// The file picker, preview table and import button.
#[component]
pub fn CsvImport() -> impl IntoView {
    let st = use_app();
    let rows = RwSignal::new(Vec::<Row>::new());
    let no_end = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<usize>);
    let on_file = move |ev: leptos::ev::Event| {
        done.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // Let the same file be picked again (after fixing it in Excel) and still be read.
        input.set_value("");
        if file.size() > csv_import::MAX_BYTES as f64 {
            rows.set(Vec::new());
            error.set(Some(csv_import::too_large(file.size() as usize)));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = match crate::platform::read_bytes(&file).await.and_then(|b| csv_import::decode(&b)) {
                Ok(t) => t,
                Err(e) => {
                    rows.set(Vec::new());
                    error.set(Some(e));
                    return;
                }
            };
            let parsed = st.dossiers.with_untracked(|ds| {
                csv_import::parse(
                    &text,
                    &st.catalogue.get_untracked(),
                    &st.calendar.get_untracked(),
                    ds.iter().filter(|d| !d.meta.deleted).map(|d| d.code.as_str()),
                    || st.new_meta(),
                )
            });
            match parsed {
                Ok(sheet) => {
                    error.set(None);
                    no_end.set(sheet.missing_end_column && sheet.rows.iter().any(|r| r.result.as_ref().is_ok_and(|d| d.end_unknown)));
                    rows.set(sheet.rows);
                }
                Err(e) => {
                    rows.set(Vec::new());
                    error.set(Some(e));
                }
            }
        });
    };
    let valid = move || rows.with(|r| r.iter().filter(|x| x.result.is_ok()).count());
    let import = move |_| {
        let ds: Vec<_> = rows.get_untracked().into_iter().filter_map(|r| r.result.ok()).collect();
        match st.import_dossiers(ds) {
            Ok(n) => {
                done.set(Some(n));
                rows.set(Vec::new());
            }
            Err(_) => error.set(Some(t(st.lang(), K::StorageFull).into())),
        }
    };
    view! {
        <details class="card csv-import">
            <summary>{tr(K::ImportCsv)}</summary>
            <input id="csv-file" type="file" accept=".csv,text/csv" on:change=on_file />
            {move || error.get().map(|e| view! { <p class="error-text" id="csv-error" role="alert">{e}</p> })}
            {move || done.get().map(|n| view! { <p class="ok" id="csv-done">{tr(K::Imported)}": "{n}" "{tr(K::Dossiers)}</p> })}
            <Show when=move || rows.with(|r| !r.is_empty())>
                {move || no_end.get().then(|| view! { <p class="warn-text" id="csv-no-end">"⚠ "{tr(K::EndUnknownWarn)}</p> })}
                <table class="list" id="csv-preview">
                    <thead><tr><th>{tr(K::Line)}</th><th>{tr(K::Code)}</th><th>{tr(K::Applicant)}</th><th>{tr(K::DueDate)}</th></tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| match r.result {
                            Ok(d) => view! { <tr class="row-ok"><td>{r.line}</td><td>{d.code}</td><td>{d.applicant}</td><td>{d.due.format("%d/%m/%Y").to_string()}</td></tr> }.into_any(),
                            Err(e) => view! { <tr class="row-error"><td>{r.line}</td><td>{r.code}</td><td colspan="2">"⚠ "{e}</td></tr> }.into_any(),
                        }).collect_view()}
                    </tbody>
                </table>
                <button class="primary" id="csv-import" disabled=move || valid() == 0 on:click=import>{tr(K::ImportRows)}" ("{valid}")"</button>
            </Show>
        </details>
    }
}
