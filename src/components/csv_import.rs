//! Import dossiers from a register CSV: read it a few hundred rows at a time with a progress
//! bar, preview the rows in pages with each row's error, then save the valid ones in one batch
//! (all or none). The checks, paging and counts are `core::dossier::csv_import`.

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::dossier::csv_import::{self, Row, SheetReader};
use motcua_core::i18n::{t, K};
use wasm_bindgen::JsCast;

/// Rows checked between two frames.
const STEP: usize = 500;

/// The file picker, progress, paged preview and import button.
#[component]
pub fn CsvImport() -> impl IntoView {
    let st = use_app();
    let rows = RwSignal::new(Vec::<Row>::new());
    let no_end = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<usize>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let read = move |file: web_sys::File| async move {
        let text = crate::platform::read_bytes(&file).await.and_then(|b| csv_import::decode(&b))?;
        let existing: Vec<String> = st
            .dossiers
            .with_untracked(|ds| ds.iter().filter(|d| !d.meta.deleted).map(|d| d.code.clone()).collect());
        let mut r = SheetReader::new(&text, existing.iter().map(String::as_str))?;
        let (cat, cal) = (st.catalogue.get_untracked(), st.calendar.get_untracked());
        loop {
            progress.set(Some(r.progress()));
            crate::platform::yield_now().await;
            if r.step(STEP, &cat, &cal, || st.new_meta()) {
                break;
            }
        }
        r.finish()
    };
    let on_file = move |ev: leptos::ev::Event| {
        done.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // Let the same file be picked again (after fixing it in Excel) and still be read.
        input.set_value("");
        rows.set(Vec::new());
        if file.size() > csv_import::MAX_BYTES as f64 {
            error.set(Some(csv_import::too_large(file.size() as usize)));
            return;
        }
        leptos::task::spawn_local(async move {
            let sheet = read(file).await;
            progress.set(None);
            match sheet {
                Ok(sheet) => {
                    error.set(None);
                    no_end.set(sheet.missing_end_column && sheet.rows.iter().any(|r| r.result.as_ref().is_ok_and(|d| d.end_unknown)));
                    rows.set(sheet.rows);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
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
    let valid = move || rows.with(|r| csv_import::counts(r).0);
    view! {
        <details class="card csv-import">
            <summary>{tr(K::ImportCsv)}</summary>
            <input id="csv-file" type="file" accept=".csv,text/csv" on:change=on_file />
            {move || progress.get().map(|(d, all)| view! {
                <p id="csv-progress" role="status">{tr(K::Reading)}" "<progress max=all.to_string() value=d.to_string()></progress></p>
            })}
            {move || error.get().map(|e| view! { <p class="error-text" id="csv-error" role="alert">{e}</p> })}
            {move || done.get().map(|n| view! { <p class="ok" id="csv-done">{tr(K::Imported)}": "{n}" "{tr(K::Dossiers)}</p> })}
            <Show when=move || rows.with(|r| !r.is_empty())>
                {move || no_end.get().then(|| view! { <p class="warn-text" id="csv-no-end">"⚠ "{tr(K::EndUnknownWarn)}</p> })}
                <CsvPreview rows />
                <button class="primary" id="csv-import" disabled=move || valid() == 0 on:click=import>{tr(K::ImportRows)}" ("{valid}")"</button>
            </Show>
        </details>
    }
}

/// One page of the checked rows (each with its error), and the pager.
#[component]
fn CsvPreview(rows: RwSignal<Vec<Row>>) -> impl IntoView {
    let page_no = RwSignal::new(0usize);
    // A new file starts at its first page.
    Effect::new(move |_| {
        rows.track();
        page_no.set(0);
    });
    // (Not read from `page_no`: the pager's update reads it while `page_no` is being written.)
    let pages = move || rows.with(|r| csv_import::preview_page(r, 0).2);
    let shown = move || page_no.get().min(pages() - 1);
    let errors = move || rows.with(|r| csv_import::counts(r).1);
    view! {
        <p id="csv-counts">{move || rows.with(|r| r.len())}" · ⚠ "{errors}</p>
        <table class="list" id="csv-preview">
            <thead><tr><th>{tr(K::Line)}</th><th>{tr(K::Code)}</th><th>{tr(K::Applicant)}</th><th>{tr(K::DueDate)}</th></tr></thead>
            <tbody>
                {move || rows.with(|all| csv_import::preview_page(all, page_no.get()).0.iter().cloned().map(|r| match r.result {
                    Ok(d) => view! { <tr class="row-ok"><td>{r.line}</td><td>{d.code}</td><td>{d.applicant}</td><td>{d.due.format("%d/%m/%Y").to_string()}</td></tr> }.into_any(),
                    Err(e) => view! { <tr class="row-error"><td>{r.line}</td><td>{r.code}</td><td colspan="2">"⚠ "{e}</td></tr> }.into_any(),
                }).collect_view())}
            </tbody>
        </table>
        <div class="pager" id="csv-pager">
            <button id="csv-prev" disabled=move || shown() == 0 on:click=move |_| page_no.update(|n| *n = n.saturating_sub(1))>"← "{tr(K::PagePrev)}</button>
            <span id="csv-page">{move || format!("{} / {}", shown() + 1, pages())}</span>
            <button id="csv-next" disabled=move || { shown() + 1 >= pages() } on:click=move |_| page_no.update(|n| *n = (*n + 1).min(pages() - 1))>{tr(K::PageNext)}" →"</button>
        </div>
    }
}
