//! Staff edit the procedure catalogue: name, field, division, working days, 15:00 rule, fee,
//! online level; per procedure, its documents checklist and internal process. Saved as one
//! document.

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::dossier::procedure::{stamp_changes, validate_catalogue};
use motcua_core::dossier::{Online, Procedure};
use motcua_core::i18n::{t, K};

/// The catalogue as an editable table.
#[component]
pub fn CatalogueEditor() -> impl IntoView {
    let st = use_app();
    let draft = RwSignal::new(st.catalogue.get_untracked());
    let msg = RwSignal::new(None::<String>);
    let save = move |_| {
        let mut c = draft.get_untracked();
        if let Err(e) = validate_catalogue(&c) {
            msg.set(Some(e));
            return;
        }
        stamp_changes(&st.catalogue.get_untracked(), &mut c, crate::platform::now_millis());
        msg.set(Some(match st.save_catalogue(c) {
            Ok(()) => t(st.lang(), K::Saved).into(),
            Err(_) => t(st.lang(), K::StorageFull).into(),
        }));
    };
    let add = move |_| {
        draft.update(|c| {
            let n = c.len() + 1;
            c.push(Procedure {
                id: format!("TT-{n:02}"),
                name: String::new(),
                field: String::new(),
                division: String::new(),
                days: 5,
                hours: 0,
                cutoff_15h: false,
                same_day: false,
                fee: String::new(),
                online: Online::None,
                changed_at: 0,
                documents: Vec::new(),
                steps: Vec::new(),
            });
        })
    };
    let text = move |get: fn(&Procedure) -> String, set: fn(&mut Procedure, String), i: usize| {
        view! { <input type="text" prop:value=move || draft.with(|c| c.get(i).map(get).unwrap_or_default())
        on:change=move |ev| draft.update(|c| if let Some(p) = c.get_mut(i) { set(p, event_target_value(&ev)) }) /> }
    };
    view! {
        <details class="card" id="catalogue">
            <summary>{tr(K::Catalogue)}</summary>
            <div class="table-wrap">
            <table class="list catalogue">
                <thead><tr><th>"Mã"</th><th>{tr(K::Procedure)}</th><th>"Lĩnh vực"</th><th>{tr(K::Division)}</th><th>{tr(K::Days)}</th><th>{tr(K::Hours)}</th><th>{tr(K::Cutoff)}</th><th>{tr(K::SameDay)}</th><th>{tr(K::Fee)}</th><th>{tr(K::OnlineLevel)}</th></tr></thead>
                <tbody>
                    {move || (0..draft.with(|c| c.len())).map(|i| view! {
                        <tr>
                            <td>{text(|p| p.id.clone(), |p, v| p.id = v.trim().to_uppercase(), i)}</td>
                            <td>{text(|p| p.name.clone(), |p, v| p.name = v, i)}</td>
                            <td>{text(|p| p.field.clone(), |p, v| p.field = v, i)}</td>
                            <td>{text(|p| p.division.clone(), |p, v| p.division = v, i)}</td>
                            <td><input type="number" min="1" max="365" prop:value=move || draft.with(|c| c.get(i).map(|p| p.days.to_string()).unwrap_or_default())
                                on:change=move |ev| draft.update(|c| if let Some(p) = c.get_mut(i) { p.days = event_target_value(&ev).parse().unwrap_or(p.days) }) /></td>
                            <td><input type="number" min="0" max="2000" prop:value=move || draft.with(|c| c.get(i).map(|p| p.hours.to_string()).unwrap_or_default())
                                on:change=move |ev| draft.update(|c| if let Some(p) = c.get_mut(i) { p.hours = event_target_value(&ev).parse().unwrap_or(p.hours) }) /></td>
                            <td><input type="checkbox" prop:checked=move || draft.with(|c| c.get(i).is_some_and(|p| p.cutoff_15h))
                                on:change=move |ev| draft.update(|c| if let Some(p) = c.get_mut(i) { p.cutoff_15h = event_target_checked(&ev) }) /></td>
                            <td><input type="checkbox" class="same-day" prop:checked=move || draft.with(|c| c.get(i).is_some_and(|p| p.same_day))
                                on:change=move |ev| draft.update(|c| if let Some(p) = c.get_mut(i) { p.same_day = event_target_checked(&ev) }) /></td>
                            <td>{text(|p| p.fee.clone(), |p, v| p.fee = v, i)}</td>
                            <td><select on:change=move |ev| draft.update(|c| if let (Some(p), Some(o)) = (c.get_mut(i), event_target_value(&ev).parse::<usize>().ok().and_then(|k| Online::ALL.get(k))) { p.online = *o })>
                                {Online::ALL.into_iter().enumerate().map(|(k, o)| view! {
                                    <option value=k.to_string() selected=move || draft.with(|c| c.get(i).is_some_and(|p| p.online == o))>{tr(o.key())}</option>
                                }).collect_view()}
                            </select></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <ProcedurePapers draft />
            <button on:click=add>{tr(K::AddProcedure)}</button>" "
            <button class="primary" id="catalogue-save" on:click=save>{tr(K::Save)}</button>
            {move || msg.get().map(|m| view! { <p id="catalogue-msg">{m}</p> })}
        </details>
    }
}

/// One procedure's documents checklist (Mẫu 01) and internal process (Mẫu 06's shares), as
/// text: one document a line; one step a line (`control::parse_steps`).
#[component]
fn ProcedurePapers(draft: RwSignal<Vec<Procedure>>) -> impl IntoView {
    use motcua_core::dossier::control::{parse_steps, steps_text};
    let st = use_app();
    let at = RwSignal::new(0usize);
    let steps_error = RwSignal::new(None::<usize>);
    let get = move |f: fn(&Procedure) -> String| draft.with(|c| c.get(at.get()).map(f).unwrap_or_default());
    view! {
        <div class="procedure-papers" id="procedure-papers">
            <label>{tr(K::Procedure)}
                <select id="papers-procedure" on:change=move |ev| { steps_error.set(None); at.set(event_target_value(&ev).parse().unwrap_or(0)) }>
                    {move || draft.get().into_iter().enumerate().map(|(i, p)| view! {
                        <option value=i.to_string() selected=move || at.get() == i>{format!("{} – {}", p.id, p.name)}</option>
                    }).collect_view()}
                </select>
            </label>
            <div class="grid2">
                <label>{tr(K::ProcedureDocuments)}
                    <textarea id="papers-documents" rows="4" prop:value=move || get(|p| p.documents.join("\n"))
                        on:change=move |ev| {
                            let docs: Vec<String> = event_target_value(&ev).lines().map(str::trim).filter(|l| !l.is_empty()).take(60).map(String::from).collect();
                            draft.update(|c| if let Some(p) = c.get_mut(at.get_untracked()) { p.documents = docs });
                        }></textarea>
                </label>
                <label>{tr(K::ProcedureSteps)}
                    <textarea id="papers-steps" rows="4" prop:value=move || get(|p| steps_text(&p.steps))
                        on:change=move |ev| match parse_steps(&event_target_value(&ev)) {
                            Ok(steps) => { steps_error.set(None); draft.update(|c| if let Some(p) = c.get_mut(at.get_untracked()) { p.steps = steps }) }
                            Err(line) => steps_error.set(Some(line)),
                        }></textarea>
                </label>
            </div>
            {move || steps_error.get().map(|line| view! { <p class="error-text" id="papers-steps-error" role="alert">{motcua_core::i18n::t(st.lang(), K::ErrSteps)}" "{line}</p> })}
        </div>
    }
}
