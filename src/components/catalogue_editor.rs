//! Staff keep the procedure catalogue on the tablet: a search and a list that shows each whole
//! name (a department has 100+ procedures), one procedure per form, and the catalogue from a
//! sheet (`catalogue_import`). Each form saves its entry into the whole catalogue, checked as a
//! whole (`procedure::validate_catalogue`) and stamped for file sync (`stamp_changes`).

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::dossier::procedure::{search, stamp_changes, validate_catalogue};
use motcua_domain::dossier::{Online, Procedure};
use motcua_domain::i18n::{Msg, K};

/// Which entry the form shows.
#[derive(Clone, Copy, PartialEq)]
enum Editing {
    Entry(usize),
    New,
}

/// The catalogue: search, list, the form of the entry picked, the import from a sheet.
#[component]
pub fn CatalogueEditor() -> impl IntoView {
    let st = use_app();
    let query = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<Editing>);
    let msg = RwSignal::new(None::<Msg>);
    let found = move || st.catalogue.with(|c| search(c, &query.get()));
    view! {
        <details class="card" id="catalogue">
            <summary>{tr(K::Catalogue)}</summary>
            {move || msg.get().map(|m| view! { <p id="catalogue-msg" role="status">{m.text(st.lang())}</p> })}
            {move || match editing.get() {
                Some(e) => view! { <ProcedureForm editing=e done=Callback::new(move |m: Option<Msg>| { msg.set(m); editing.set(None) }) /> }.into_any(),
                None => view! {
                    <div class="catalogue-tools">
                        <input type="search" id="catalogue-search" placeholder=tr(K::CatalogueSearch) prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev)) />
                        <button id="catalogue-add" on:click=move |_| { msg.set(None); editing.set(Some(Editing::New)) }>{tr(K::AddProcedure)}</button>
                    </div>
                    <p class="muted" id="catalogue-count">{move || format!("{} / {}", found().len(), st.catalogue.with(Vec::len))}</p>
                    <ul class="catalogue-list" id="catalogue-list">
                        {move || st.catalogue.with(|c| found().into_iter().filter_map(|i| c.get(i).map(|p| (i, p.clone()))).collect::<Vec<_>>()).into_iter().map(|(i, p)| view! {
                            <li><button class="catalogue-item" data-id=p.id.clone() on:click=move |_| { msg.set(None); editing.set(Some(Editing::Entry(i))) }>
                                <span class="code">{p.id.clone()}</span>
                                <span class="name">{p.name.clone()}</span>
                                <span class="muted">{format!("{} · {}", p.term().text(st.lang()), p.field)}</span>
                            </button></li>
                        }).collect_view()}
                    </ul>
                    <super::catalogue_import::CatalogueImport />
                }.into_any(),
            }}
        </details>
    }
}

/// One procedure's form; `done` gets the message to show (none when closed unsaved).
#[component]
fn ProcedureForm(editing: Editing, done: Callback<Option<Msg>>) -> impl IntoView {
    let st = use_app();
    let entry = match editing {
        Editing::Entry(i) => st.catalogue.with_untracked(|c| c.get(i).cloned()),
        Editing::New => None,
    };
    let p = RwSignal::new(entry.unwrap_or_else(blank));
    let error = RwSignal::new(None::<Msg>);
    let steps_error = RwSignal::new(None::<Msg>);
    let save = move |_| {
        // The steps as typed are not read: saving would drop them silently.
        if steps_error.with_untracked(Option::is_some) {
            return;
        }
        let mut all = st.catalogue.get_untracked();
        let this = p.get_untracked();
        match editing {
            Editing::Entry(i) if i < all.len() => all[i] = this,
            _ => all.push(this),
        }
        if let Err(e) = validate_catalogue(&all) {
            return error.set(Some(e));
        }
        stamp_changes(&st.catalogue.get_untracked(), &mut all, crate::platform::now_millis());
        match st.save_catalogue(all) {
            Ok(()) => done.run(Some(K::Saved.into())),
            Err(e) => error.set(Some(e.msg())),
        }
    };
    let text = move |id: &'static str, label: K, get: fn(&Procedure) -> String, set: fn(&mut Procedure, String)| {
        view! { <label>{tr(label)}<input type="text" id=id prop:value=move || p.with(get) on:change=move |ev| p.update(|x| set(x, event_target_value(&ev))) /></label> }
    };
    view! {
        <div class="procedure-form" id="procedure-form">
            <div class="grid2">
                {text("proc-id", K::ProcedureCode, |x| x.id.clone(), |x, v| x.id = motcua_domain::format::upper(v.trim()))}
                {text("proc-field", K::ProcedureField, |x| x.field.clone(), |x, v| x.field = v)}
            </div>
            <label>{tr(K::Procedure)}<textarea id="proc-name" rows="2" prop:value=move || p.with(|x| x.name.clone()) on:change=move |ev| p.update(|x| x.name = event_target_value(&ev).split_whitespace().collect::<Vec<_>>().join(" "))></textarea></label>
            <div class="grid2">
                {text("proc-division", K::Division, |x| x.division.clone(), |x, v| x.division = v)}
                {text("proc-fee", K::Fee, |x| x.fee.clone(), |x, v| x.fee = v)}
            </div>
            <TermFields p />
            <ProcedurePapers p steps_error />
            {move || error.get().or_else(|| steps_error.get()).map(|e| view! { <p class="error-text" id="proc-error" role="alert">{e.text(st.lang())}</p> })}
            <div class="actions">
                <button class="primary" id="proc-save" on:click=save>{tr(K::Save)}</button>
                <button id="proc-close" on:click=move |_| done.run(None)>{tr(K::Close)}</button>
            </div>
        </div>
    }
}

fn blank() -> Procedure {
    Procedure::named("", "", 5)
}

/// The statutory time (days, hours or the same day), the 15:00 rule and the online level.
#[component]
fn TermFields(p: RwSignal<Procedure>) -> impl IntoView {
    let number = move |id: &'static str, label: K, max: u32, get: fn(&Procedure) -> u32, set: fn(&mut Procedure, u32)| {
        view! { <label>{tr(label)}<input type="number" id=id min="0" max=max.to_string() inputmode="numeric" prop:value=move || p.with(get).to_string()
        on:change=move |ev| p.update(|x| if let Ok(n) = event_target_value(&ev).trim().parse() { set(x, n) }) /></label> }
    };
    view! {
        <div class="grid2">
            {number("proc-days", K::Days, motcua_domain::calendar::MAX_DAYS, |x| x.days, |x, n| x.days = n)}
            {number("proc-hours", K::Hours, motcua_domain::calendar::MAX_HOURS, |x| x.hours, |x, n| x.hours = n)}
        </div>
        <label class="inline"><input type="checkbox" id="proc-same-day" prop:checked=move || p.with(|x| x.same_day) on:change=move |ev| p.update(|x| x.same_day = event_target_checked(&ev)) />{tr(K::SameDay)}</label>
        <label class="inline"><input type="checkbox" id="proc-cutoff" prop:checked=move || p.with(|x| x.cutoff_15h) on:change=move |ev| p.update(|x| x.cutoff_15h = event_target_checked(&ev)) />{tr(K::Cutoff)}</label>
        <label>{tr(K::OnlineLevel)}
            <select id="proc-online" on:change=move |ev| p.update(|x| if let Some(o) = event_target_value(&ev).parse::<usize>().ok().and_then(|k| Online::ALL.get(k)) { x.online = *o })>
                {Online::ALL.into_iter().enumerate().map(|(k, o)| view! {
                    <option value=k.to_string() selected=move || p.with(|x| x.online == o)>{tr(o.key())}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The procedure's documents checklist (Mẫu 01) and internal process (Mẫu 06's shares), as
/// text: one document a line; one step a line (`control::parse_steps`).
#[component]
fn ProcedurePapers(p: RwSignal<Procedure>, steps_error: RwSignal<Option<Msg>>) -> impl IntoView {
    use motcua_domain::dossier::control::{parse_steps, steps_text};
    view! {
        <label>{tr(K::ProcedureDocuments)}
            <textarea id="papers-documents" rows="5" prop:value=move || p.with(|x| x.documents.join("\n"))
                on:change=move |ev| {
                    let docs: Vec<String> = event_target_value(&ev).lines().map(str::trim).filter(|l| !l.is_empty()).take(60).map(String::from).collect();
                    p.update(|x| x.documents = docs);
                }></textarea>
        </label>
        <label>{tr(K::ProcedureSteps)}
            <textarea id="papers-steps" rows="4" prop:value=move || p.with(|x| steps_text(&x.steps))
                on:change=move |ev| match parse_steps(&event_target_value(&ev)) {
                    Ok(steps) => { steps_error.set(None); p.update(|x| x.steps = steps) }
                    Err(line) => steps_error.set(Some(Msg::new(K::ErrSteps).arg(line))),
                }></textarea>
        </label>
    }
}
