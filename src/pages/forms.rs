//! `/print/form/NN/:id`: forms 02–06 of Thông tư 03/2025/TT-VPCP (Phụ lục I) for one dossier,
//! A4, in Vietnamese, from core's print models (`dossier::forms`): the letters 02–05 and the
//! control sheet 06. This page lays them out under the national heading.

use super::print::{vi, FormHeading, PrintBar};
use crate::components::tr;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use motcua_domain::dossier::forms::{control_sheet, letter_of, ControlSheet, Form, Letter, Letterhead, CONTROL_COLUMNS, PLACE, TO};
use motcua_domain::i18n::K;

#[derive(Clone, PartialEq)]
enum Paper {
    Letter(Letter),
    Control(ControlSheet),
}

#[component]
pub fn FormPrint() -> impl IntoView {
    let st = use_app();
    let params = use_params_map();
    let paper = Memo::new(move |_| {
        let (form, id) = params.with(|p| (p.get("form").unwrap_or_default(), p.get("id").unwrap_or_default()));
        let form = Form::from_number(&form)?;
        let cal = st.calendar.get();
        let head = st.settings.with(Letterhead::of);
        let d = st
            .dossiers
            .with(|ds| ds.iter().find(|d| d.meta.id == id && !d.meta.deleted).cloned())?;
        match form {
            Form::Control06 => {
                let steps = st
                    .catalogue
                    .with(|c| c.iter().find(|p| p.id == d.procedure).map(|p| p.steps.clone()))
                    .unwrap_or_default();
                Some((form, Paper::Control(control_sheet(&d, &steps, &cal, &head))))
            }
            _ => letter_of(form, &d, &cal, &head).map(|l| (form, Paper::Letter(l))),
        }
    });
    view! {
        <PrintBar />
        {move || paper.with(|p| match p {
            None => view! { <p class="card" id="form-missing">{tr(K::NoData)}</p> }.into_any(),
            Some((form, Paper::Letter(l))) => view! { <LetterDoc form=*form l=l.clone() /> }.into_any(),
            Some((form, Paper::Control(c))) => view! { <ControlDoc form=*form c=c.clone() /> }.into_any(),
        })}
    }
}

/// The facts about the dossier every form repeats.
fn facts(f: &[(&'static str, String)]) -> impl IntoView {
    let f = f.to_vec();
    view! {
        <dl class="facts">
            {f.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}

/// Forms 02–05.
#[component]
fn LetterDoc(form: Form, l: Letter) -> impl IntoView {
    view! {
        <article class="print-doc letter-doc" id="form-doc" data-form=form.number()>
            <FormHeading number=Some(l.code.clone()) />
            <p class="form-no">{form.source()}</p>
            <p class="dated" id="form-dated">{PLACE}", "{l.dated_text.clone()}</p>
            <h1 id="form-title">{form.title()}</h1>
            <p class="to">{TO}": "<strong>{l.to.clone()}</strong></p>
            {facts(&l.facts)}
            {l.paragraphs.first().cloned().map(|p| view! { <p>{p}</p> })}
            {(!l.items.is_empty()).then(|| view! {
                <ol class="items" id="form-items">{l.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ol>
            })}
            {l.paragraphs.iter().skip(1).map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            <div class="signatures single">
                <div><strong>{l.signer_title.clone()}</strong><br/><small>{vi(K::SignHint)}</small>
                    <p class="signer" id="form-signer">{l.signer_name.clone()}</p></div>
            </div>
        </article>
    }
}

/// Form 06: every hand-over, who entered it, and how the giver's step went.
#[component]
fn ControlDoc(form: Form, c: ControlSheet) -> impl IntoView {
    view! {
        <article class="print-doc control-doc" id="form-doc" data-form=form.number()>
            <FormHeading number=Some(c.code.clone()) />
            <p class="form-no">{form.source()}</p>
            <h1 id="form-title">{form.title()}</h1>
            {facts(&c.facts)}
            <table class="register" id="control-table">
                <thead><tr>{CONTROL_COLUMNS.map(|c| view! { <th>{c}</th> })}</tr></thead>
                <tbody>
                    {c.rows.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.giver}</td><td>{r.taker}</td><td>{r.at}</td><td>{r.due}</td>
                            <td class="judged">{r.judged}</td><td class="officer">{r.officer}</td><td>{r.note}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}
