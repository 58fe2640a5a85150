//! Export: the JSON file another tablet or the manager imports, and CSV sheets for Excel.

use super::date_field::{DateField, FieldKind};
use super::tr;
use crate::platform::{download, now_millis};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::{Msg, K};
use motcua_domain::record::vn_date;
use motcua_formats::sync::{excel, wire};

/// Export options and buttons.
#[component]
pub fn ExportCard() -> impl IntoView {
    let st = use_app();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let private = RwSignal::new(false);
    // The file made, or why the browser refused it.
    let msg = RwSignal::new(None::<Result<String, Msg>>);
    let options = move || wire::ExportOptions {
        from: motcua_domain::format::parse_date_key(&from.get_untracked()),
        to: motcua_domain::format::parse_date_key(&to.get_untracked()),
        without_personal_data: private.get_untracked(),
    };
    let done = move |name: String, r: Result<(), Msg>| msg.set(Some(r.map(|_| name)));
    let json = move |_| {
        let o = options();
        let (name, text) = st.export(&o);
        // A backup whose time cannot be noted says so: the reminder would stay up.
        let r = download(&name, "application/json", &text).and_then(|()| st.exported(&o).map_err(|e| e.msg()));
        done(name.clone(), r);
    };
    let csv = move |dossiers: bool| {
        let data = st.with_here(|here| wire::select(here, &options()));
        let day = vn_date(now_millis());
        let (ext, text) = if dossiers {
            (
                "so-ho-so.csv",
                excel::dossiers_csv(&data.dossiers, &data.calendar, crate::platform::now_local(), st.lang()),
            )
        } else {
            ("phieu-khao-sat.csv", excel::responses_csv(&data.responses, &data.versions))
        };
        let name = wire::file_name(&st.source(), day, ext);
        done(name.clone(), download(&name, "text/csv;charset=utf-8", &text));
    };
    // The responses as a workbook (the Excel module, loaded on first use).
    let xlsx_error = RwSignal::new(None::<Msg>);
    let responses_xlsx = move |_| {
        let data = st.with_here(|here| wire::select(here, &options()));
        let (header, rows) = excel::responses_table(&data.responses, &data.versions);
        let name = wire::file_name(&st.source(), vn_date(now_millis()), "phieu-khao-sat.xlsx");
        let req = motcua_formats::sheet::XlsxRequest::Table {
            sheet: "Phieu khao sat".into(),
            header,
            rows,
        };
        msg.set(Some(Ok(name.clone())));
        crate::excel::download_xlsx(name, req, xlsx_error);
    };
    view! {
        <div class="card" id="export">
            <h2>{tr(K::ExportTitle)}</h2>
            <p class="muted">{tr(K::ExportHint)}</p>
            <div class="filters">
                <label class="inline">{tr(K::From)}<DateField id="export-from" kind=FieldKind::Date value=from /></label>
                <label class="inline">{tr(K::To)}<DateField id="export-to" kind=FieldKind::Date value=to /></label>
            </div>
            <label class="check"><input id="export-private" type="checkbox" prop:checked=move || private.get() on:change=move |ev| private.set(event_target_checked(&ev)) />{tr(K::WithoutPersonalData)}</label>
            <div class="actions">
                <button class="primary" id="export-json" on:click=json>{tr(K::ExportJson)}</button>
                <button id="export-csv-responses" on:click=move |_| csv(false)>{tr(K::ExportCsvResponses)}</button>
                <button id="export-csv-dossiers" on:click=move |_| csv(true)>{tr(K::ExportCsvDossiers)}</button>
                <button id="export-xlsx-responses" on:click=responses_xlsx>{tr(K::ExportXlsxResponses)}</button>
            </div>
            {move || xlsx_error.get().map(|e| view! { <p class="error-text" role="alert">{super::tm(e)}</p> })}
            {move || msg.get().map(|m| match m {
                Ok(name) => view! { <p class="ok" id="export-done">{tr(K::Exported)}": "<code>{name}</code></p> }.into_any(),
                Err(e) => view! { <p class="error-text" id="export-error" role="alert">{super::tm(e)}</p> }.into_any(),
            })}
        </div>
    }
}
