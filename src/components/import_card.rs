//! Import: pick or drop one or more export files; each is checked and planned (new / updated /
//! unchanged / conflicting per kind) before anything is written; the valid files are then
//! written together, all or nothing, and a receipt per file goes into the history.

use super::tr;
use crate::platform::{now_millis, read_bytes};
use crate::state::use_app;
use crate::storage::StoreError;
use leptos::prelude::*;
use motcua_domain::format::{date_time, thousands};
use motcua_domain::i18n::{t, Msg, K};
use motcua_domain::record::vn_datetime;
use motcua_formats::sync::merge::Counts;
use motcua_formats::sync::wire::{self, Plan, PlanCounts};
use motcua_formats::sync::Receipt;
use wasm_bindgen::JsCast;

/// One picked file: its plan, or why it was refused.
#[derive(Clone)]
struct Loaded {
    name: String,
    outcome: Result<Receipt, Msg>,
    /// The file's records left out, each named with its problem.
    refused: Vec<Msg>,
}

/// The import's state: the files read and their plans, and how far reading or writing got.
#[derive(Clone, Copy)]
struct Import {
    st: crate::state::AppState,
    loaded: RwSignal<Vec<Loaded>>,
    plans: StoredValue<Vec<Plan>>,
    conflicts: RwSignal<Vec<(String, Vec<String>)>>,
    busy: RwSignal<bool>,
    /// Writing the plans (after reading): the progress says so, not "reading".
    writing: RwSignal<bool>,
    progress: RwSignal<Option<(String, usize, usize)>>,
    /// How the last write ended: `ImportDone`, or `ImportStorageFull` (nothing written).
    /// The last apply: done, or why nothing was imported.
    msg: RwSignal<Option<Result<(), Msg>>>,
    /// A person chose to apply the held records too (`wire::Held`).
    release: RwSignal<bool>,
}

impl Import {
    fn new() -> Self {
        Import {
            st: use_app(),
            loaded: RwSignal::new(Vec::new()),
            plans: StoredValue::new(Vec::new()),
            conflicts: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            writing: RwSignal::new(false),
            progress: RwSignal::new(None),
            msg: RwSignal::new(None),
            release: RwSignal::new(false),
        }
    }

    /// Read and plan the picked files, in steps with progress.
    fn read_files(self, files: Vec<web_sys::File>) {
        let st = self.st;
        if files.is_empty() {
            return;
        }
        self.busy.set(true);
        self.msg.set(None);
        leptos::task::spawn_local(async move {
            let (mut out, mut ps) = (Vec::new(), Vec::new());
            for f in files {
                let name = f.name();
                // A file past the limit is refused by its size, before it is read.
                let size = f.size() as usize;
                let read = if size > wire::MAX_BYTES {
                    Err(wire::ReadError::TooLarge(size).msg())
                } else {
                    read_bytes(&f).await
                };
                let mut refused = Vec::new();
                let outcome = match read {
                    Err(e) => Err(e),
                    Ok(bytes) => read_in_steps(bytes, &name, self.progress)
                        .await
                        .map_err(|e| e.msg())
                        .map(|(e, bad)| {
                            refused = bad.iter().map(wire::ReadError::msg).collect();
                            let (source, exported_at) = (e.source.clone(), e.exported_at);
                            // Each file is planned against what the files before it would make.
                            let mut p = st.with_here(|here| wire::plan(here, &ps, e, now_millis()));
                            p.counts.refused = refused.len();
                            let r = Receipt {
                                file: name.clone(),
                                imported_at: 0,
                                source,
                                exported_at,
                                counts: p.counts,
                            };
                            ps.push(p);
                            r
                        }),
                };
                out.push(Loaded { name, outcome, refused });
            }
            self.progress.set(None);
            self.conflicts.set(st.with_here(|here| wire::code_conflicts_after(here, &ps)));
            self.plans.set_value(ps);
            self.loaded.set(out);
            self.busy.set(false);
        });
    }

    /// Write the plans, in steps with progress; all or nothing.
    fn write_plans(self) {
        let st = self.st;
        if self.busy.get_untracked() {
            return;
        }
        let now = now_millis();
        let receipts: Vec<Receipt> = self.loaded.with_untracked(|l| {
            l.iter()
                .filter_map(|x| x.outcome.clone().ok())
                .map(|r| Receipt { imported_at: now, ..r })
                .collect()
        });
        self.busy.set(true);
        self.writing.set(true);
        self.msg.set(None);
        leptos::task::spawn_local(async move {
            // The plans are taken while they are written (put back if the write is refused).
            let mut ps = self.plans.try_update_value(std::mem::take).unwrap_or_default();
            if self.release.get_untracked() {
                for p in &mut ps {
                    p.release_held();
                }
            }
            let label = t(st.lang(), K::Writing).to_string();
            let r = st
                .apply_import(&mut ps, receipts.clone(), |done, all| {
                    self.progress.set(Some((label.clone(), done, all)))
                })
                .await;
            self.progress.set(None);
            self.writing.set(false);
            self.busy.set(false);
            match r {
                Ok(()) => {
                    self.msg.set(Some(Ok(())));
                    self.loaded.set(Vec::new());
                }
                Err(e) => {
                    self.plans.set_value(ps);
                    self.msg.set(Some(Err(match e {
                        StoreError::Full => K::ImportStorageFull.into(),
                        e => Msg::new(K::ImportFailed).part(e.msg()),
                    })));
                }
            }
        });
    }
}

/// Files in, preview, apply.
#[component]
pub fn ImportCard() -> impl IntoView {
    let imp = Import::new();
    let Import {
        loaded,
        plans,
        conflicts,
        busy,
        writing,
        progress,
        msg,
        ..
    } = imp;
    let take = move |files: Vec<web_sys::File>| imp.read_files(files);
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let files = input
            .files()
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default();
        // The same file may be picked again later and still be read.
        input.set_value("");
        take(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default();
        take(files);
    };
    let apply = move |_| imp.write_plans();
    let release = imp.release;
    let any_held = move || {
        loaded.with(|l| {
            l.iter()
                .any(|x| x.outcome.as_ref().is_ok_and(|r| r.counts.held != Default::default()))
        })
    };
    let valid = move || loaded.with(|l| l.iter().filter(|x| x.outcome.is_ok()).count());
    // Files read: their previews (and the button that applies them) come into view.
    Effect::new(move |_| {
        if !loaded.with(Vec::is_empty) {
            crate::platform::reveal("import-previews");
        }
    });
    view! {
        <div class="card" id="import">
            <h2>{tr(K::ImportTitle)}</h2>
            <label class="dropzone" id="import-drop" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <span>{tr(K::ImportHint)}</span>
                <span class="button">{tr(K::ChooseFile)}</span>
                <input id="import-files" class="visually-hidden" type="file" multiple accept=".json,application/json" on:change=on_pick />
            </label>
            <Show when=move || busy.get() && !writing.get()><p id="import-busy" role="status">{tr(K::Reading)}</p></Show>
            {move || progress.get().map(|(name, done, total)| view! {
                <p class="import-progress">{name}": "{thousands(done as u64)}" / "{thousands(total as u64)}<br/>
                    <progress id="import-progress" max=total.to_string() value=done.to_string()></progress></p>
            })}
            <div id="import-previews">
                {move || loaded.get().into_iter().map(|l| view! { <FilePreview l /> }).collect_view()}
                <Show when=move || !conflicts.with(Vec::is_empty)>
                    <CodeConflictList conflicts=conflicts.into() />
                </Show>
                <Show when=any_held>
                    <label class="check" id="import-held-choice"><input id="import-release-held" type="checkbox" prop:checked=move || release.get() on:change=move |ev| release.set(event_target_checked(&ev)) />{tr(K::ReleaseHeld)}</label>
                </Show>
                <Show when=move || !loaded.with(Vec::is_empty)>
                    <div class="actions">
                        <button class="primary" id="import-apply" disabled=move || valid() == 0 || busy.get() on:click=apply>{tr(K::ImportApply)}" ("{valid}")"</button>
                        <button id="import-cancel" disabled=move || busy.get() on:click=move |_| { loaded.set(Vec::new()); plans.set_value(Vec::new()); conflicts.set(Vec::new()) }>{tr(K::Cancel)}</button>
                    </div>
                </Show>
            </div>
            {move || msg.get().map(|m| match m {
                Ok(()) => view! { <p class="ok" id="import-done" role="status">{tr(K::ImportDone)}</p> }.into_any(),
                Err(e) => view! { <p class="error-text" id="import-refused" role="alert">{super::tm(e)}</p> }.into_any(),
            })}
            <super::undo_import::UndoImport />
        </div>
    }
}

/// Records decoded per step before the page gets to paint and take input again.
const STEP: usize = 2_000;

/// Read a file in steps, showing how far it got; the records that failed their checks come
/// back apart, named.
async fn read_in_steps(
    bytes: Vec<u8>,
    name: &str,
    progress: RwSignal<Option<(String, usize, usize)>>,
) -> Result<(wire::Export, Vec<wire::ReadError>), wire::ReadError> {
    let mut r = wire::Reader::new(bytes)?;
    loop {
        progress.set(Some((name.to_string(), r.done(), r.total())));
        crate::platform::yield_now().await;
        if r.step(STEP)? {
            return Ok(r.finish_with_refused());
        }
    }
}

/// One file's preview: its source and what it would do per kind, or its error.
#[component]
fn FilePreview(l: Loaded) -> impl IntoView {
    match l.outcome {
        Err(e) => view! {
            <div class="file-preview error" data-file=l.name.clone()>
                <p><strong>{l.name.clone()}</strong></p>
                <p class="error-text import-error" role="alert">{tr(K::NotImported)}": "{super::tm(e)}</p>
            </div>
        }
        .into_any(),
        Ok(r) => view! {
            <div class="file-preview" data-file=l.name.clone()>
                <p><strong>{l.name.clone()}</strong>" · "{r.source.device_name.clone()}" ("{r.source.unit.clone()}", "{r.source.device_id.clone()}") · "{date_time(vn_datetime(r.exported_at))}</p>
                <CountsTable counts=r.counts />
                {(!l.refused.is_empty()).then(|| view! {
                    <div class="warn-text refused" role="alert">
                        <p>{tr(K::RecordsLeftOut)}": "{l.refused.len()}</p>
                        <ul>{l.refused.iter().take(10).cloned().map(|m| view! { <li>{super::tm(m)}</li> }).collect_view()}</ul>
                    </div>
                })}
                {(r.counts.held != Default::default()).then(|| view! {
                    <p class="warn-text held" role="alert">
                        {(r.counts.held.suspicious > 0).then(|| view! { <span class="held-suspicious">{tr(K::HeldSuspicious)}": "{r.counts.held.suspicious}</span>" " })}
                        {(r.counts.held.deletions > 0).then(|| view! { <span class="held-deletions">{tr(K::HeldDeletions)}": "{r.counts.held.deletions}</span> })}
                    </p>
                })}
            </div>
        }
        .into_any(),
    }
}

/// New / updated / unchanged / conflicting per kind.
#[component]
pub fn CountsTable(counts: PlanCounts) -> impl IntoView {
    let rows: [(K, &str, Counts); 5] = [
        (K::KindResponses, "responses", counts.responses),
        (K::KindDossiers, "dossiers", counts.dossiers),
        (K::KindQuestionnaires, "questionnaires", counts.questionnaires),
        (K::KindCatalogue, "catalogue", counts.catalogue),
        (K::KindCalendar, "calendar", counts.calendar),
    ];
    view! {
        <table class="list counts">
            <thead><tr><th></th><th>{tr(K::CountNew)}</th><th>{tr(K::CountUpdated)}</th><th>{tr(K::CountDeleted)}</th><th>{tr(K::CountUnchanged)}</th><th>{tr(K::CountConflicting)}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(k, code, c)| view! {
                    <tr data-kind=code><th>{tr(k)}</th><td class="num new">{thousands(c.new as u64)}</td><td class="num updated">{thousands(c.updated as u64)}</td><td class="num deleted">{thousands(c.deleted as u64)}</td>
                        <td class="num unchanged">{thousands(c.unchanged as u64)}</td><td class="num conflicting">{thousands(c.conflicting as u64)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Dossier codes used by two different dossiers: for a person to resolve.
#[component]
pub fn CodeConflictList(conflicts: Signal<Vec<(String, Vec<String>)>>) -> impl IntoView {
    view! {
        <div class="warn-text code-conflicts" id="code-conflicts" role="alert">
            <p>{tr(K::CodeConflicts)}</p>
            <ul>{move || conflicts.get().into_iter().map(|(c, ids)| view! { <li><code>{c}</code>" – "{ids.len()}" "{tr(K::Dossiers)}</li> }).collect_view()}</ul>
        </div>
    }
}

/// The device's import history, newest first.
#[component]
pub fn ImportHistory() -> impl IntoView {
    let history = use_app().docs.imports;
    view! {
        <div class="card" id="import-history">
            <h2>{tr(K::ImportHistory)}</h2>
            <Show when=move || !history.with(Vec::is_empty) fallback=|| view! { <p class="muted">{tr(K::NoData)}</p> }>
                <ul class="receipts">
                    {move || history.get().into_iter().map(|r| view! {
                        <li><strong>{r.file.clone()}</strong>" · "{date_time(vn_datetime(r.imported_at))}" · "{r.source.device_name.clone()}" ("{r.source.unit.clone()}")"
                            " · "{tr(K::CountNew)}" "{r.counts.records().new}" · "{tr(K::CountUpdated)}" "{r.counts.records().updated}" · "{tr(K::CountDeleted)}" "{r.counts.records().deleted}</li>
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
