//! Fast entry of a received dossier: keyboard-friendly, remembers the last procedure, code and
//! due date filled in from the agency code and the working-day calendar.

use super::tr;
use crate::platform::now_local;
use crate::state::use_app;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use motcua_core::dossier::{next_code, Channel, Dossier, NewDossier};
use motcua_core::i18n::{t, K};

/// `datetime-local` input value.
pub fn dt_value(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

pub fn parse_dt(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()
}

pub fn show_dt(t: NaiveDateTime) -> String {
    t.format("%d/%m/%Y %H:%M").to_string()
}

/// The "receive a new dossier" form.
#[component]
pub fn DossierForm() -> impl IntoView {
    let st = use_app();
    let last: Option<String> = crate::storage::load_doc("lastproc").ok().flatten();
    let proc_id =
        RwSignal::new(last.unwrap_or_else(|| st.catalogue.with_untracked(|c| c.first().map(|p| p.id.clone()).unwrap_or_default())));
    let applicant = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let channel = RwSignal::new(Channel::Direct);
    let received = RwSignal::new(dt_value(now_local()));
    let code = RwSignal::new(String::new());
    let due_override = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);

    let auto_code = Memo::new(move |_| {
        let day = parse_dt(&received.get()).unwrap_or_else(now_local).date();
        let agency = st.settings.with(|s| s.agency_code.clone());
        st.dossiers.with(|ds| next_code(&agency, day, ds.iter().map(|d| d.code.as_str())))
    });
    let due_preview = Memo::new(move |_| {
        let r = parse_dt(&received.get())?;
        let p = st.catalogue.with(|c| c.iter().find(|p| p.id == proc_id.get()).cloned())?;
        let cal = st.calendar.get();
        let due = p.due(&cal, r);
        Some((due, cal.covers(r.date()) && cal.covers(due.date())))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let code_text = if code.get_untracked().trim().is_empty() {
            auto_code.get_untracked()
        } else {
            code.get_untracked()
        };
        let ov = parse_dt(&due_override.get_untracked()).map(|d| (d, reason.get_untracked()));
        let input = NewDossier {
            code: code_text,
            procedure: proc_id.get_untracked(),
            applicant: applicant.get_untracked(),
            contact: contact.get_untracked(),
            channel: channel.get_untracked(),
            received: parse_dt(&received.get_untracked()),
            due_override: ov,
        };
        let made = st.dossiers.with_untracked(|ds| {
            let cat = st.catalogue.get_untracked();
            let cal = st.calendar.get_untracked();
            Dossier::create(
                input,
                &cat,
                &cal,
                ds.iter().filter(|d| !d.meta.deleted).map(|d| d.code.as_str()),
                st.new_meta(),
            )
        });
        match made {
            Ok(d) => {
                let c = d.code.clone();
                match st.save_dossier(d, true) {
                    Ok(()) => {
                        crate::storage::save_doc("lastproc", &proc_id.get_untracked()).ok();
                        error.set(None);
                        done.set(Some(c));
                        applicant.set(String::new());
                        contact.set(String::new());
                        code.set(String::new());
                        due_override.set(String::new());
                        reason.set(String::new());
                        received.set(dt_value(now_local()));
                    }
                    Err(_) => error.set(Some(t(st.lang(), K::StorageFull).to_string())),
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="card form dossier-form" id="dossier-form" on:submit=submit>
            <h2>{tr(K::NewDossier)}</h2>
            <div class="grid2">
                <label>{tr(K::Procedure)}
                    <select id="d-procedure" on:change=move |ev| proc_id.set(event_target_value(&ev))>
                        {move || st.catalogue.get().into_iter().map(|p| {
                            let id = p.id.clone();
                            view! { <option value=p.id.clone() selected=move || proc_id.get() == id>{if p.hours > 0 { format!("{} – {} ({} giờ)", p.id, p.name, p.hours) } else { format!("{} – {} ({} ngày)", p.id, p.name, p.days) }}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(K::Applicant)}
                    <input id="d-applicant" type="text" required maxlength="200" prop:value=move || applicant.get() on:input=move |ev| applicant.set(event_target_value(&ev)) />
                </label>
                <label>{tr(K::Contact)}
                    <input id="d-contact" type="text" maxlength="200" prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev)) />
                </label>
                <label>{tr(K::Channel)}
                    <select id="d-channel" on:change=move |ev| channel.set(match event_target_value(&ev).as_str() { "1" => Channel::Online, "2" => Channel::Post, _ => Channel::Direct })>
                        {Channel::ALL.iter().enumerate().map(|(i, c)| { let c = *c; view! { <option value=i.to_string() selected=move || channel.get() == c>{move || c.label(st.lang())}</option> } }).collect_view()}
                    </select>
                </label>
                <label>{tr(K::ReceivedAt)}
                    <input id="d-received" type="datetime-local" required prop:value=move || received.get() on:input=move |ev| received.set(event_target_value(&ev)) />
                </label>
                <label>{tr(K::Code)}
                    <input id="d-code" type="text" maxlength="40" placeholder=move || auto_code.get() prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                </label>
                <label>{tr(K::DueOverride)}
                    <input id="d-due" type="datetime-local" prop:value=move || due_override.get() on:input=move |ev| due_override.set(event_target_value(&ev)) />
                </label>
                <label>{tr(K::DueReason)}
                    <input id="d-due-reason" type="text" maxlength="200" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                </label>
            </div>
            <p class="due-preview" id="d-due-preview">{tr(K::DueDate)}": "
                <strong>{move || due_preview.get().map(|(d, _)| show_dt(d)).unwrap_or_else(|| "—".into())}</strong>
                {move || due_preview.get().filter(|(_, covered)| !covered).map(|_| view! { <span class="warn-text" id="d-cal-warn">" ⚠ "{tr(K::CalendarWarn)}</span> })}
            </p>
            <button class="primary big-button" id="d-submit" type="submit">{tr(K::Receive)}</button>
            {move || error.get().map(|e| view! { <p class="error-text" id="d-error" role="alert">{e}</p> })}
            {move || done.get().map(|c| view! { <p class="ok" id="d-done">{tr(K::Received)}": "{c}</p> })}
        </form>
    }
}
