//! The catalogue from a sheet (a province's published list of procedures, a desk's own
//! workbook): pick the file and the sheet, check the column of each field, see what would be
//! new, changed, unchanged or left out (`catalogue_sheet::plan`), then write all of it in one
//! save or nothing.

use super::sheet_file::{ColumnSelects, FirstRows, SheetFile, SheetPicker};
use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::{t, Msg, K};
use motcua_formats::catalogue_sheet::{plan, CatalogueField, CataloguePlan};
use motcua_formats::sheet::{Columns, Mapping, SheetError, Table};

#[component]
pub fn CatalogueImport() -> impl IntoView {
    let st = use_app();
    let table = StoredValue::new(Table::default());
    let header = RwSignal::new(None::<usize>);
    let headers = RwSignal::new(Vec::<String>::new());
    let map = RwSignal::new(Mapping::<CatalogueField>::default());
    let done = RwSignal::new(None::<Msg>);
    let error = RwSignal::new(None::<Msg>);
    let file = SheetFile::new(Callback::new(move |tb: Table| {
        let found = tb.header_row_for::<CatalogueField>();
        let hs = tb.headers(found.unwrap_or(0));
        map.set(
            st.docs
                .catalogue_maps
                .with_untracked(|remembered| Mapping::remembered_or_guess(&hs, remembered)),
        );
        table.set_value(tb);
        headers.set(hs);
        header.set(Some(found.unwrap_or(0)));
        error.set(found.is_none().then(|| SheetError::NoHeader.msg()));
    }));
    // Recomputed as the officer changes a column: a list of a few hundred rows is planned at
    // once.
    let planned = Memo::new(move |_| {
        let h = header.get()?;
        let m = map.get();
        if !m.missing().is_empty() {
            return None;
        }
        Some(st.catalogue.with(|cat| table.with_value(|tb| plan(tb, h, &m, cat))))
    });
    let import = move |_| {
        let Some(p) = planned.get_untracked() else { return };
        match p.apply(&st.catalogue.get_untracked(), crate::platform::now_millis()) {
            Err(e) => error.set(Some(e)),
            Ok(all) => match st.save_catalogue(all) {
                Err(e) => error.set(Some(e.msg())),
                Ok(()) => {
                    // Not remembered when storage is full: the next such sheet's columns are
                    // guessed again.
                    st.remember_catalogue_map(&headers.get_untracked(), map.get_untracked()).ok();
                    done.set(Some(Msg::new(K::CatalogueUpdated).arg(p.new.len()).arg(p.changed.len())));
                    header.set(None);
                }
            },
        }
    };
    view! {
        <details class="card-inner" id="catalogue-import">
            <summary>{tr(K::CatalogueImport)}</summary>
            <p class="muted">{tr(K::CatalogueImportExpects)}</p>
            <div on:change=move |_| { done.set(None); error.set(None) }><SheetPicker file id="cat-file" /></div>
            {move || error.get().or_else(|| file.error.get()).map(|e| view! { <p class="error-text" id="cat-error" role="alert">{e.text(st.lang())}</p> })}
            {move || done.get().map(|m| view! { <p class="ok" id="cat-done" role="status">{m.text(st.lang())}</p> })}
            <Show when=move || header.with(Option::is_some)>
                <FirstRows table header headers id="cat-first-rows" />
                <h3>{tr(K::ColumnMapping)}</h3>
                <ColumnSelects headers map id="cat-mapping" prefix="cat" />
                {move || match planned.get() {
                    None => view! { <p class="warn-text" id="cat-missing">"⚠ "{tr(K::MapRequired)}</p> }.into_any(),
                    Some(p) => view! {
                        <PlanView p=p.clone() />
                        <button class="primary" id="cat-import" disabled=p.is_empty() on:click=import>{tr(K::ImportCatalogue)}</button>
                    }.into_any(),
                }}
            </Show>
        </details>
    }
}

/// What the import would do: counts, then the rows left out with why, the changed entries
/// with what changes (what the officer most needs to see), and the new ones.
#[component]
fn PlanView(p: CataloguePlan) -> impl IntoView {
    let st = use_app();
    let lang = st.lang();
    let names = |fields: &[CatalogueField]| fields.iter().map(|f| t(lang, f.key())).collect::<Vec<_>>().join(", ");
    view! {
        <p id="cat-plan-counts">
            {format!("{}: {} · {}: {} · {}: {} · {}: {}", t(lang, K::PlanNew), p.new.len(), t(lang, K::PlanChanged), p.changed.len(), t(lang, K::PlanSame), p.same, t(lang, K::PlanRefused), p.refused.len())}
        </p>
        {p.is_empty().then(|| view! { <p class="muted">{tr(K::NothingToImport)}</p> })}
        <ul class="plan-list" id="cat-plan">
            {p.refused.iter().map(|(line, e)| view! { <li class="plan-refused">"⚠ "{format!("{} {line}: {}", t(lang, K::Line), e.msg().text(lang))}</li> }).collect_view()}
            {p.changed.iter().map(|c| view! { <li class="plan-changed">"~ "<b>{c.before.id.clone()}</b>" "{c.after.name.clone()}<span class="muted">{format!(" · {}", names(&c.fields))}</span>
                {c.term_change(lang).map(|ch| view! { <span class="term-change">{format!(" ({ch})")}</span> })}</li> }).collect_view()}
            {p.new.iter().map(|e| view! { <li class="plan-new">"+ "<b>{e.id.clone()}</b>" "{e.name.clone()}<span class="muted">{format!(" · {}", e.term().text(lang))}</span></li> }).collect_view()}
        </ul>
    }
}
