//! Import dossiers from a register sheet, .xlsx / .xls / .csv, as a wizard: pick the file
//! (and the sheet), see the first rows and the column of each field (guessed from the headers,
//! or the mapping last used for the same headers), choose how returned dossiers are judged
//! when the sheet has no end of processing, map procedure names the catalogue does not know,
//! then check every row (a few hundred at a time, with progress), preview in pages, and save
//! the valid ones in one batch (all or none). The reading, mapping and checks are
//! `core::sheet` and `core::dossier::csv_import`.

use super::sheet_file::{ColumnSelects, FirstRows, SheetFile, SheetPicker};
use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::{Msg, K};
use motcua_formats::register_sheet::{self as csv_import, Row, Sheet, SheetReader};
use motcua_formats::sheet::{EndBasis, Field, Mapping, Table};
use std::collections::BTreeMap;

/// Rows checked between two frames.
const STEP: usize = 500;

/// The file's table, the header row, and what the officer chose.
#[derive(Clone, Copy)]
struct Wizard {
    file: SheetFile,
    table: StoredValue<Table>,
    header: RwSignal<Option<usize>>,
    headers: RwSignal<Vec<String>>,
    map: RwSignal<Mapping>,
    basis: RwSignal<EndBasis>,
    chosen: RwSignal<BTreeMap<String, String>>,
    checked: RwSignal<Option<Sheet>>,
    progress: RwSignal<Option<(usize, usize)>>,
    error: RwSignal<Option<Msg>>,
}

impl Wizard {
    fn new() -> Wizard {
        let st = use_app();
        let table = StoredValue::new(Table::default());
        let header = RwSignal::new(None);
        let headers = RwSignal::new(Vec::new());
        let map = RwSignal::new(Mapping::default());
        let basis = RwSignal::new(EndBasis::EndColumn);
        let checked = RwSignal::new(None);
        let error = RwSignal::new(None);
        // Show a table read: its header row found (else the first row, for the officer to
        // map), its mapping remembered or guessed, the default basis for it.
        let open = Callback::new(move |t: Table| {
            let found = t.header_row();
            let hs = t.headers(found.unwrap_or(0));
            let m = st
                .docs
                .sheet_maps
                .with_untracked(|remembered| Mapping::remembered_or_guess(&hs, remembered));
            basis.set(m.default_basis());
            map.set(m);
            table.set_value(t);
            headers.set(hs);
            header.set(Some(found.unwrap_or(0)));
            checked.set(None);
            error.set(found.is_none().then(|| motcua_formats::sheet::SheetError::NoHeader.msg()));
        });
        Wizard {
            file: SheetFile::new(open),
            table,
            header,
            headers,
            map,
            basis,
            chosen: RwSignal::new(BTreeMap::new()),
            checked,
            progress: RwSignal::new(None),
            error,
        }
    }
}

/// The file picker and the wizard's steps.
#[component]
pub fn CsvImport() -> impl IntoView {
    let st = use_app();
    let w = Wizard::new();
    let done = RwSignal::new(None::<usize>);
    // Opened by a link (the register's "import a sheet"): open, and in view. The browser's own
    // jump to the fragment came before the page was drawn.
    let asked = crate::platform::current_route().ends_with("#register-import");
    if asked {
        crate::platform::reveal("register-import");
    }
    // A new file: what was checked or done for the last one goes.
    let picked = move |_| {
        done.set(None);
        w.checked.set(None);
        w.header.set(None);
        w.error.set(None);
    };
    let check = move || {
        w.checked.set(None);
        let Some(header) = w.header.get_untracked() else { return };
        let existing: Vec<String> = st
            .dossiers
            .with_untracked(|ds| ds.iter().filter(|d| !d.meta.deleted).map(|d| d.code.clone()).collect());
        let map = w.map.get_untracked();
        // Not remembered when storage is full: the next such sheet's columns are guessed again.
        st.remember_sheet_map(&w.headers.get_untracked(), map.clone()).ok();
        let table = w.table.get_value();
        let reader = SheetReader::new(
            table,
            header,
            map,
            w.basis.get_untracked(),
            w.chosen.get_untracked(),
            existing.iter().map(String::as_str),
        );
        let mut r = match reader {
            Ok(r) => r,
            Err(e) => return w.error.set(Some(e)),
        };
        leptos::task::spawn_local(async move {
            let (cat, cal) = (st.catalogue.get_untracked(), st.calendar.get_untracked());
            loop {
                w.progress.set(Some(r.progress()));
                crate::platform::yield_now().await;
                if r.step(STEP, &cat, &cal, || st.new_meta()) {
                    break;
                }
            }
            w.progress.set(None);
            match r.finish() {
                Ok(s) => {
                    w.error.set(None);
                    w.checked.set(Some(s));
                }
                Err(e) => w.error.set(Some(e)),
            }
        });
    };
    let import = move |_| {
        let ds: Vec<_> = w
            .checked
            .get_untracked()
            .map(|s| s.rows.into_iter().filter_map(|r| r.result.ok()).collect())
            .unwrap_or_default();
        match st.import_dossiers(ds) {
            Ok(n) => {
                done.set(Some(n));
                w.checked.set(None);
                w.header.set(None);
            }
            Err(e) => w.error.set(Some(e.msg())),
        }
    };
    let rows = Signal::derive(move || w.checked.with(|c| c.as_ref().map(|s| s.rows.clone()).unwrap_or_default()));
    let valid = move || rows.with(|r| csv_import::counts(r).0);
    view! {
        <details class="card csv-import" id="register-import" open=asked>
            <summary>{tr(K::ImportCsv)}</summary>
            <p class="muted" id="sheet-expects">{tr(K::ImportExpects)}</p>
            <div on:change=picked><SheetPicker file=w.file id="csv-file" /></div>
            {move || w.error.get().or_else(|| w.file.error.get()).map(|e| view! { <p class="error-text" id="csv-error" role="alert">{e.text(st.lang())}</p> })}
            {move || done.get().map(|n| view! {
                <p class="ok" id="csv-done">{tr(K::Imported)}": "{n}" "{tr(K::Dossiers)}" · "
                    <a href=crate::platform::href("/dossiers") rel=crate::platform::rel("/dossiers")>{tr(K::NavDossiers)}</a></p>
                <super::undo_import::UndoImport />
            })}
            <Show when=move || w.header.with(Option::is_some)>
                <MappingStep w />
                <button id="sheet-check" on:click=move |_| check()>{tr(K::CheckRows)}</button>
            </Show>
            {move || w.progress.get().map(|(d, all)| view! {
                <p id="csv-progress" role="status">{tr(K::Reading)}" "<progress max=all.to_string() value=d.to_string()></progress></p>
            })}
            <Show when=move || rows.with(|r| !r.is_empty())>
                <Unmatched w recheck=Callback::new(move |_| check()) />
                <CsvPreview rows />
                <button class="primary" id="csv-import" disabled=move || valid() == 0 on:click=import>{tr(K::ImportRows)}" ("{valid}")"</button>
            </Show>
        </details>
    }
}

/// The sheet's first rows, the column of each field, and the basis when it matters.
#[component]
fn MappingStep(w: Wizard) -> impl IntoView {
    let reset_basis = Callback::new(move |_| w.basis.set(w.map.with_untracked(Mapping::default_basis)));
    view! {
        <FirstRows table=w.table header=w.header headers=w.headers id="sheet-first-rows" />
        <h3>{tr(K::ColumnMapping)}</h3>
        <ColumnSelects headers=w.headers map=w.map id="sheet-mapping" prefix="map" changed=reset_basis />
        <Show when=move || w.map.with(|m| m.get(Field::Resolved).is_none() && m.get(Field::Returned).is_some())>
            <fieldset class="basis" id="sheet-basis">
                <legend>{tr(K::BasisTitle)}</legend>
                <label class="inline"><input type="radio" name="basis" id="basis-return" prop:checked=move || w.basis.get() == EndBasis::ReturnDate on:change=move |_| w.basis.set(EndBasis::ReturnDate) />{tr(K::BasisReturn)}</label>
                <label class="inline"><input type="radio" name="basis" id="basis-none" prop:checked=move || w.basis.get() == EndBasis::NotJudged on:change=move |_| w.basis.set(EndBasis::NotJudged) />{tr(K::BasisNone)}</label>
            </fieldset>
        </Show>
    }
}

/// Procedure names the catalogue does not know, each with a choice of catalogue entry, or
/// all added to the catalogue in one step (`Sheet::new_procedures`); then the rows are checked
/// again (`recheck`).
#[component]
fn Unmatched(w: Wizard, recheck: Callback<()>) -> impl IntoView {
    let st = use_app();
    let add_all = move |_| {
        let Some(new) = w
            .checked
            .with_untracked(|c| c.as_ref().map(|s| st.catalogue.with_untracked(|cat| s.new_procedures(cat))))
        else {
            return;
        };
        let mut cat = st.catalogue.get_untracked();
        cat.extend(new);
        match st.save_catalogue(cat) {
            Ok(()) => recheck.run(()),
            Err(e) => w.error.set(Some(e.msg())),
        }
    };
    let list = move || w.checked.with(|c| c.as_ref().map(|s| s.unmatched.clone()).unwrap_or_default());
    let note = move || {
        w.checked.with(|c| {
            c.as_ref().filter(|s| s.missing_end_column).map(|s| match s.basis {
                EndBasis::ReturnDate => K::JudgedOnReturnNote,
                _ => K::EndUnknownWarn,
            })
        })
    };
    view! {
        {move || note().map(|k| view! { <p class="warn-text" id="csv-no-end">"⚠ "{tr(k)}</p> })}
        <Show when=move || !list().is_empty()>
            <div class="unmatched" id="sheet-unmatched">
                <p><strong>{tr(K::UnmatchedTitle)}</strong></p>
                {move || list().into_iter().enumerate().map(|(i, u)| {
                    let key = motcua_domain::format::fold_key(&u.name);
                    view! {
                        <label>{format!("{} ({})", u.name, u.rows)}
                            <select id=format!("unmatched-{i}") on:change=move |ev| {
                                let id = event_target_value(&ev);
                                w.chosen.update(|c| { if id.is_empty() { c.remove(&key); } else { c.insert(key.clone(), id); } });
                            }>
                                <option value="">"—"</option>
                                {st.catalogue.get_untracked().into_iter().map(|p| view! { <option value=p.id.clone()>{format!("{} – {}", p.id, p.name)}</option> }).collect_view()}
                            </select>
                        </label>
                    }
                }).collect_view()}
                <button id="unmatched-add-all" on:click=add_all>{tr(K::AddAsNewProcedures)}</button>
                <small class="muted">" "{tr(K::AddAsNewHint)}</small>
            </div>
        </Show>
    }
}

/// One page of the checked rows (each with its error), and the pager.
#[component]
fn CsvPreview(rows: Signal<Vec<Row>>) -> impl IntoView {
    let page_no = RwSignal::new(0usize);
    // A new file starts at its first page.
    Effect::new(move |_| {
        rows.track();
        page_no.set(0);
        crate::platform::reveal("csv-counts");
    });
    // (Not read from `page_no`: the pager's update reads it while `page_no` is being written.)
    let pages = move || rows.with(|r| csv_import::preview_page(r, 0).2);
    let shown = move || page_no.get().min(pages() - 1);
    let errors = move || rows.with(|r| csv_import::counts(r).1);
    view! {
        <p id="csv-counts">{move || rows.with(|r| r.len())}" "{tr(K::RowsRead)}" · ⚠ "{errors}" "{tr(K::RowsWithErrors)}</p>
        <table class="list" id="csv-preview">
            <thead><tr><th>{tr(K::Line)}</th><th>{tr(K::Code)}</th><th>{tr(K::Applicant)}</th><th>{tr(K::DueDate)}</th></tr></thead>
            <tbody>
                {move || rows.with(|all| csv_import::preview_page(all, page_no.get()).0.iter().cloned().map(|r| match r.result {
                    Ok(d) => view! { <tr class="row-ok"><td>{r.line}</td><td>{d.code}</td><td>{d.applicant}</td><td>{motcua_domain::format::date(d.due.date())}</td></tr> }.into_any(),
                    Err(e) => view! { <tr class="row-error"><td>{r.line}</td><td>{r.code}</td><td colspan="2">"⚠ "{super::tm(e)}</td></tr> }.into_any(),
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
