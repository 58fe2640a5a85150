//! What every sheet import starts with (the register's, the catalogue's): the file picked
//! (.xlsx / .xls read in the Excel module, loaded on first use; .csv here), the sheet chosen
//! when the workbook has several, and the column of each field, guessed from the headers
//! (`sheet::Mapping`) and changed by the officer.

use super::tr;
use leptos::prelude::*;
use motcua_domain::i18n::{Msg, K};
use motcua_formats::register_sheet as csv_import;
use motcua_formats::sheet::{Columns, Mapping, Table};
use wasm_bindgen::JsCast;

/// The file picked and its sheets; `on_table` gets each sheet read.
#[derive(Clone, Copy)]
pub struct SheetFile {
    bytes: StoredValue<Vec<u8>>,
    pub sheets: RwSignal<Vec<String>>,
    pub error: RwSignal<Option<Msg>>,
    on_table: Callback<Table>,
}

impl SheetFile {
    pub fn new(on_table: Callback<Table>) -> SheetFile {
        SheetFile {
            bytes: StoredValue::new(Vec::new()),
            sheets: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            on_table,
        }
    }

    /// Read the file an `<input type=file>` change picked.
    pub fn pick(self, ev: leptos::ev::Event) {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // Let the same file be picked again (after fixing it in Excel) and still be read.
        input.set_value("");
        self.error.set(None);
        if file.size() > csv_import::MAX_BYTES as f64 {
            self.error.set(Some(csv_import::too_large(file.size() as usize)));
            return;
        }
        let excel = !motcua_domain::format::lower(&file.name()).ends_with(".csv");
        leptos::task::spawn_local(async move {
            let bytes = match crate::platform::read_bytes(&file).await {
                Ok(b) => b,
                Err(e) => return self.error.set(Some(e)),
            };
            if excel {
                self.sheets.set(crate::excel::sheet_names(&bytes).await.unwrap_or_default());
                self.bytes.set_value(bytes);
                self.open_sheet(None);
            } else {
                self.sheets.set(Vec::new());
                match csv_import::decode(&bytes) {
                    Ok(text) => self.on_table.run(Table::from_csv(&text)),
                    Err(e) => self.error.set(Some(e)),
                }
            }
        });
    }

    /// Read sheet `name` of the Excel file picked (the first when `None`).
    pub fn open_sheet(self, name: Option<String>) {
        leptos::task::spawn_local(async move {
            let bytes = self.bytes.get_value();
            match crate::excel::read_excel(&bytes, name.as_deref()).await {
                Ok(t) => self.on_table.run(t),
                Err(e) => self.error.set(Some(e.msg())),
            }
        });
    }
}

/// The file input (`id`) and, for a workbook of several sheets, the sheet's choice.
#[component]
pub fn SheetPicker(file: SheetFile, id: &'static str) -> impl IntoView {
    view! {
        // The browser's own picker says "Choose File" in the browser's language: the label is
        // the button, in the app's (issue 25).
        <label class="button file-pick">{tr(K::ChooseFile)}
            <input id=id class="visually-hidden" type="file" accept=".xlsx,.xls,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" on:change=move |ev| file.pick(ev) />
        </label>
        <Show when=move || file.sheets.with(|s| s.len() > 1)>
            <label>{tr(K::SheetPick)}
                <select class="sheet-name" id=format!("{id}-sheet") on:change=move |ev| file.open_sheet(Some(event_target_value(&ev)))>
                    {move || file.sheets.get().into_iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
                </select>
            </label>
        </Show>
    }
}

/// A column choice for each field of `F` ("* " marks the required ones), in a block `id`;
/// `changed` runs after each change. The choices' ids are `{prefix}-{field}`.
#[component]
pub fn ColumnSelects<F: Columns + Send + Sync>(
    headers: RwSignal<Vec<String>>,
    map: RwSignal<Mapping<F>>,
    id: &'static str,
    prefix: &'static str,
    #[prop(optional)] changed: Option<Callback<()>>,
) -> impl IntoView {
    let column_name = move |i: usize| {
        let letter = motcua_domain::format::column_letter(i);
        headers.with(|h| format!("{letter}: {}", h.get(i).cloned().unwrap_or_default()))
    };
    view! {
        <div class="grid2 mapping" id=id>
            {F::ALL.iter().copied().map(|f| view! {
                <label>{tr(f.key())}{F::REQUIRED.contains(&f).then_some(" *")}
                    <select id=motcua_domain::format::lower(&format!("{prefix}-{f:?}")) on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<usize>().ok();
                        map.update(|m| m.set(f, v));
                        if let Some(c) = changed {
                            c.run(());
                        }
                    }>
                        <option value="" selected=move || map.with(|m| m.get(f).is_none())>{tr(K::NotInSheet)}</option>
                        {move || (0..headers.with(Vec::len)).map(|i| view! {
                            <option value=i.to_string() selected=move || map.with(|m| m.get(f) == Some(i))>{column_name(i)}</option>
                        }).collect_view()}
                    </select>
                </label>
            }).collect_view()}
        </div>
    }
}

/// The header row and the three rows under it, with the columns lettered as in Excel.
#[component]
pub fn FirstRows(
    table: StoredValue<Table>,
    header: RwSignal<Option<usize>>,
    headers: RwSignal<Vec<String>>,
    id: &'static str,
) -> impl IntoView {
    let first_rows = move || {
        let h = header.get().unwrap_or(0);
        table.with_value(|t| {
            t.rows
                .iter()
                .skip(h + 1)
                .take(3)
                .map(|r| r.iter().map(|c| c.text()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h3>{tr(K::FirstRows)}</h3>
        <div class="table-wrap"><table class="list" id=id>
            <thead><tr>{move || headers.get().into_iter().enumerate().map(|(i, h)| view! { <th>{format!("{}: {h}", motcua_domain::format::column_letter(i))}</th> }).collect_view()}</tr></thead>
            <tbody>{move || first_rows().into_iter().map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}</tbody>
        </table></div>
    }
}
