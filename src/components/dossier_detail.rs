//! One dossier: its fields, the status timeline, the next step, the one extension, the late
//! division, the result hand-over, and delete (as a tombstone).

use super::dossier_form::{dt_value, parse_dt, show_dt};
use super::tr;
use crate::platform::now_local;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::dossier::{Dossier, Status};
use motcua_core::i18n::{t, K};

/// Details and actions for the dossier with `id`.
#[component]
pub fn DossierDetail(id: String, on_close: Callback<()>) -> impl IntoView {
    let st = use_app();
    let id2 = id.clone();
    let dossier = Memo::new(move |_| st.dossiers.with(|ds| ds.iter().find(|d| d.meta.id == id2).cloned()));
    let next = RwSignal::new(String::new());
    let at = RwSignal::new(dt_value(now_local()));
    let note = RwSignal::new(String::new());
    let division = RwSignal::new(String::new());
    let ext_due = RwSignal::new(String::new());
    let ext_reason = RwSignal::new(String::new());
    let late_div = RwSignal::new(dossier.get_untracked().map(|d| d.late_division).unwrap_or_default());
    let method = RwSignal::new(dossier.get_untracked().map(|d| d.return_method).unwrap_or_default());
    let applicant = RwSignal::new(dossier.get_untracked().map(|d| d.applicant).unwrap_or_default());
    let contact = RwSignal::new(dossier.get_untracked().map(|d| d.contact).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let confirm = RwSignal::new(false);

    // Apply a change to a copy and save it; the register changes only if the save worked.
    let apply = move |f: Box<dyn FnOnce(&mut Dossier) -> Result<(), String>>| {
        let Some(mut d) = dossier.get_untracked() else { return };
        match f(&mut d) {
            Ok(()) => match st.save_dossier(d, false) {
                Ok(()) => error.set(None),
                Err(_) => error.set(Some(t(st.lang(), K::StorageFull).into())),
            },
            Err(e) => error.set(Some(e)),
        }
    };
    let step = move |_| {
        let Some(to) = Status::ALL.iter().copied().find(|s| format!("{s:?}") == next.get_untracked()) else {
            return;
        };
        let when = parse_dt(&at.get_untracked()).unwrap_or_else(now_local);
        let (n, dv) = (note.get_untracked(), division.get_untracked());
        apply(Box::new(move |d| d.transition(to, when, &n, &dv).map_err(|e| e.to_string())));
        note.set(String::new());
    };
    let extend = move |_| {
        let cal = st.calendar.get_untracked();
        let (due, reason) = (parse_dt(&ext_due.get_untracked()), ext_reason.get_untracked());
        apply(Box::new(move |d| {
            let due = due.ok_or_else(|| "Hạn mới không hợp lệ / invalid date".to_string())?;
            d.extend(&cal, now_local(), due, &reason).map_err(|e| e.to_string())
        }));
    };
    let save_extra = move |_| {
        let (l, m) = (late_div.get_untracked(), method.get_untracked());
        let (a, c) = (applicant.get_untracked(), contact.get_untracked());
        apply(Box::new(move |d| {
            if a.trim().is_empty() {
                return Err(motcua_core::dossier::DossierError::EmptyField("Tên tổ chức, cá nhân").to_string());
            }
            d.applicant = a.trim().to_string();
            d.contact = c.trim().to_string();
            d.late_division = l.trim().to_string();
            d.return_method = m.trim().to_string();
            Ok(())
        }));
    };
    let delete = move |_| {
        if !confirm.get_untracked() {
            confirm.set(true);
            return;
        }
        apply(Box::new(|d| {
            d.meta.deleted = true;
            Ok(())
        }));
        on_close.run(());
    };
    view! {
        <div class="card detail" id="dossier-detail">
            {move || dossier.get().map(|d| {
                let lang = st.lang();
                let cal = st.calendar.get();
                let now = now_local();
                let tl = d.timeliness(&cal, now, 1);
                let eff = d.effective_due(&cal, now);
                let options = d.status().next().to_vec();
                if next.get_untracked().is_empty() || !options.iter().any(|s| format!("{s:?}") == next.get_untracked()) {
                    next.set(options.first().map(|s| format!("{s:?}")).unwrap_or_default());
                }
                if division.get_untracked().is_empty() {
                    let div = st.catalogue.with_untracked(|c| c.iter().find(|p| p.id == d.procedure).map(|p| p.division.clone())).unwrap_or_default();
                    division.set(d.holder().map(String::from).unwrap_or(div));
                }
                view! {
                    <div class="detail-head">
                        <h2 id="detail-code">{d.code.clone()}</h2>
                        <span class=format!("badge {}", tl.slug()) id="detail-timeliness">{tl.label(lang)}</span>
                        <button class="link" id="detail-close" on:click=move |_| on_close.run(())>{tr(K::Close)}</button>
                    </div>
                    <dl class="facts">
                        <dt>{tr(K::Procedure)}</dt><dd>{d.procedure_name.clone()}</dd>
                        <dt>{tr(K::Applicant)}</dt><dd>{d.applicant.clone()}</dd>
                        <dt>{tr(K::Contact)}</dt><dd>{d.contact.clone()}</dd>
                        <dt>{tr(K::Channel)}</dt><dd>{d.channel.label(lang)}</dd>
                        <dt>{tr(K::ReceivedAt)}</dt><dd>{show_dt(d.received)}</dd>
                        <dt>{tr(K::DueDate)}</dt><dd id="detail-due">{show_dt(eff)}{(!d.due_reason.is_empty()).then(|| format!(" ({})", d.due_reason))}</dd>
                        <dt>{tr(K::Status)}</dt><dd id="detail-status">{d.status().label(lang)}</dd>
                        {d.extension.clone().map(|x| view! { <dt>{tr(K::Extended)}</dt><dd>{show_dt(x.new_due)}" – "{x.reason}</dd> })}
                    </dl>
                    <h3>{tr(K::Timeline)}</h3>
                    <ol class="timeline" id="timeline">
                        {d.events.iter().map(|e| view! {
                            <li><time>{show_dt(e.at)}</time>" · "<strong>{e.status.label(lang)}</strong>
                                {(!e.division.is_empty()).then(|| format!(" · {}", e.division))}
                                {(!e.note.is_empty()).then(|| format!(" — {}", e.note))}</li>
                        }).collect_view()}
                    </ol>
                    {(!options.is_empty()).then(|| view! {
                        <div class="step-form">
                            <h3>{tr(K::NextStep)}</h3>
                            <div class="grid2">
                                <select id="step-status" on:change=move |ev| next.set(event_target_value(&ev))>
                                    {options.iter().map(|s| { let v = format!("{s:?}"); let v2 = v.clone(); view! { <option value=v selected=move || next.get() == v2>{s.label(lang)}</option> } }).collect_view()}
                                </select>
                                <input id="step-at" type="datetime-local" prop:value=move || at.get() on:input=move |ev| at.set(event_target_value(&ev)) />
                                <input id="step-division" type="text" placeholder=tr(K::Division) prop:value=move || division.get() on:input=move |ev| division.set(event_target_value(&ev)) />
                                <input id="step-note" type="text" placeholder=tr(K::Note) prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                            </div>
                            <button class="primary" id="step-apply" on:click=step>{tr(K::NextStep)}</button>
                        </div>
                    })}
                    {(d.extension.is_none() && d.resolved_at().is_none() && !d.status().is_closed()).then(|| view! {
                        <details class="extend">
                            <summary>{tr(K::Extend)}</summary>
                            <div class="grid2">
                                <label>{tr(K::NewDue)}<input id="ext-due" type="datetime-local" prop:value=move || ext_due.get() on:input=move |ev| ext_due.set(event_target_value(&ev)) /></label>
                                <label>{tr(K::ApologyReason)}<input id="ext-reason" type="text" prop:value=move || ext_reason.get() on:input=move |ev| ext_reason.set(event_target_value(&ev)) /></label>
                            </div>
                            <button id="ext-apply" on:click=extend>{tr(K::Extend)}</button>
                        </details>
                    })}
                    <div class="grid2">
                        <label>{tr(K::Applicant)}<input id="edit-applicant" type="text" maxlength="200" prop:value=move || applicant.get() on:input=move |ev| applicant.set(event_target_value(&ev)) /></label>
                        <label>{tr(K::Contact)}<input id="edit-contact" type="text" maxlength="200" prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev)) /></label>
                        <label>{tr(K::LateDivision)}<input id="late-division" type="text" prop:value=move || late_div.get() on:input=move |ev| late_div.set(event_target_value(&ev)) /></label>
                        <label>{tr(K::ReturnMethod)}<input id="return-method" type="text" prop:value=move || method.get() on:input=move |ev| method.set(event_target_value(&ev)) /></label>
                    </div>
                    <button id="extra-save" on:click=save_extra>{tr(K::Save)}</button>
                    " "
                    <button class="danger" id="detail-delete" on:click=delete>{move || if confirm.get() { tr(K::ConfirmDelete)() } else { tr(K::Delete)() }}</button>
                }
            })}
            {move || error.get().map(|e| view! { <p class="error-text" id="detail-error" role="alert">{e}</p> })}
        </div>
    }
}
