//! One dossier: its fields, the status timeline, the next step (hand-overs, supplement pauses,
//! the result and who signed for it), the one extension with its apology, the division that
//! caused a delay, the receipt slip, and delete (as a tombstone). Each concern is its own
//! component; all of them change the dossier through [`change`].

use super::date_field::{DateField, FieldKind};
use super::dossier_form::{channel_label, dt_value, parse_dt, show_dt, term_text, ChannelSelect};
use super::tr;
use crate::platform::now_local;
use crate::state::{use_app, AppState};
use leptos::prelude::*;
use motcua_domain::dossier::{Dossier, DossierError, Status};
use motcua_domain::i18n::{t, Msg, K};

/// Apply `f` to a copy of the stored dossier `id` and save it; the register changes only if
/// both worked. The error is a message for the screen.
fn change(st: AppState, id: &str, f: impl FnOnce(&mut Dossier) -> Result<(), Msg>) -> Result<(), Msg> {
    let mut d = st
        .dossiers
        .with_untracked(|ds| ds.iter().find(|d| d.meta.id == id).cloned())
        .ok_or_else(|| Msg::new(K::NoData))?;
    f(&mut d)?;
    st.save_dossier(d, false).map_err(|e| e.msg())
}

/// Details and actions for the dossier with `id`.
#[component]
pub fn DossierDetail(id: String, on_close: Callback<()>) -> impl IntoView {
    let st = use_app();
    let id2 = id.clone();
    let dossier = Memo::new(move |_| st.dossiers.with(|ds| ds.iter().find(|d| d.meta.id == id2).cloned()));
    let error = RwSignal::new(None::<Msg>);
    view! {
        <div class="card detail" id="dossier-detail">
            {move || dossier.get().map(|d| {
                let lang = st.lang();
                let cal = st.calendar.get();
                let now = now_local();
                let tl = d.timeliness(&cal, now, 1);
                let id = d.meta.id.clone();
                view! {
                    <div class="detail-head">
                        <h2 id="detail-code">{d.code.clone()}</h2>
                        <span class=format!("badge {}", tl.slug()) id="detail-timeliness">{tl.label(lang)}</span>
                        <a class="button" id="detail-print-slip" href=crate::platform::href(&format!("/print/receipt/{id}"))>{tr(K::PrintReceipt)}</a>
                        <FormLinks d=d.clone() />
                        <button class="link" id="detail-close" on:click=move |_| on_close.run(())>{tr(K::Close)}</button>
                    </div>
                    <Facts d=d.clone() />
                    <Timeline d=d.clone() />
                    {(d.status() == Status::Returned).then(|| view! {
                        <p><a class="button" id="detail-result-slip" href=crate::platform::href(&format!("/print/result/{id}"))>{tr(K::PrintResultSlip)}</a></p>
                        <InviteRating code=d.code.clone() />
                    })}
                    <StepForm d=d.clone() error />
                    {(d.is_open() && d.extension.is_none()).then(|| view! { <ExtensionForm id=id.clone() error /> })}
                    <ComplaintForm id=id.clone() error />
                    <RecordFields d=d.clone() error />
                    {d.may_delete().then(|| view! { <DeleteButton id=id.clone() error on_close /> })}
                }
            })}
            {move || error.get().map(|e| view! { <p class="error-text" id="detail-error" role="alert">{super::tm(e)}</p> })}
        </div>
    }
}

/// Links to the forms of TT 03/2025 that apply to the dossier now (`forms::forms_for`; Mẫu 01
/// is the receipt link beside).
#[component]
fn FormLinks(d: Dossier) -> impl IntoView {
    use motcua_domain::dossier::forms::{forms_for, Form};
    let id = d.meta.id.clone();
    let forms: Vec<Form> = forms_for(&d).into_iter().filter(|f| *f != Form::Receipt01).collect();
    (!forms.is_empty()).then(|| view! {
        <span class="form-links" id="detail-forms">{tr(K::FormsOfDossier)}": "
            {forms.into_iter().map(|f| view! {
                <a class="link" id=format!("detail-form-{}", f.number()) href=crate::platform::href(&format!("/print/form/{}/{id}", f.number()))>{format!("Mẫu {}", f.number())}</a>" "
            }).collect_view()}
        </span>
    })
}

/// The dossier's fields as the register and receipt form know them.
#[component]
fn Facts(d: Dossier) -> impl IntoView {
    let st = use_app();
    let lang = st.lang();
    let cal = st.calendar.get_untracked();
    let now = now_local();
    let shown = d.effective_due(&cal, now);
    let statutory = d.statutory_due(&cal, d.resolved_at().unwrap_or(now));
    let kept = d.renewed_date_kept(&cal);
    let fee = d.fee.map(|f| f.key());
    let level = d.online_level.map(|l| l.key());
    view! {
        <dl class="facts">
            <dt>{tr(K::Procedure)}</dt><dd>{d.procedure_name.clone()}" ("{term_text(d.term())}")"</dd>
            <dt>{tr(K::Applicant)}</dt><dd>{d.applicant.clone()}</dd>
            {(!d.id_number.is_empty()).then(|| view! { <dt>{tr(K::IdNumber)}</dt><dd id="detail-id-number">{d.id_number.clone()}</dd> })}
            <dt>{tr(K::Contact)}</dt><dd>{d.contact.clone()}{(!d.email.is_empty()).then(|| format!(" · {}", d.email))}</dd>
            <dt>{tr(K::Channel)}</dt><dd>{d.channel.label(lang)}{level.map(|k| view! { " · "{tr(k)} })}
                {d.filed_at.map(|f| view! { " · "{tr(K::FiledOnline)}" "{show_dt(f)} })}</dd>
            {(!d.documents.is_empty()).then(|| view! {
                <dt>{tr(K::DocumentsReceived)}</dt>
                <dd><ol class="documents" id="detail-documents">{d.documents.iter().map(|x| view! { <li>{x.name.clone()}" ("{x.copies}" "{tr(K::DocumentCopies)}")"</li> }).collect_view()}</ol></dd>
            })}
            {(!d.digital.is_none()).then(|| view! {
                <dt></dt><dd id="detail-digital">{[(d.digital.digitised, K::Digitised), (d.digital.e_result, K::EResult), (d.digital.paid_online, K::PaidOnline)]
                    .into_iter().filter(|(on, _)| *on).map(|(_, k)| t(lang, k)).collect::<Vec<_>>().join(" · ")}</dd>
            })}
            {(!d.receiver.is_empty()).then(|| view! { <dt>{tr(K::Receiver)}</dt><dd id="detail-receiver">{d.receiver.clone()}</dd> })}
            <dt>{tr(K::Copies)}</dt><dd>{d.copies}{fee.map(|k| view! { " · "{tr(k)} })}</dd>
            <dt>{tr(K::ReceivedAt)}</dt><dd>{show_dt(d.received)}</dd>
            <dt>{tr(K::DueDate)}</dt><dd id="detail-due">{show_dt(shown)}{(!d.due_reason.is_empty()).then(|| format!(" ({})", d.due_reason))}
                {d.due_provisional(&cal, shown).then(|| view! { " "<span class="provisional" id="detail-provisional">{tr(K::DueProvisional)}</span> })}</dd>
            {(statutory != shown).then(|| view! { <dt>{tr(K::StatutoryDue)}</dt><dd id="detail-statutory">{show_dt(statutory)}</dd> })}
            <dt>{tr(K::Status)}</dt><dd id="detail-status">{d.status().label(lang)}</dd>
            {d.extension.clone().map(|x| view! {
                <dt>{tr(K::Extended)}</dt><dd id="detail-extension">{show_dt(x.new_due)}" – "{x.reason}" ("{tr(K::ApologyDate)}" "{show_dt(x.at)}
                    {x.entered_at.map(|e| view! { ", "{tr(K::ApologyEntered)}" "{show_dt(e)} })}")"</dd>
            })}
            {kept.map(|k| view! { <dt></dt><dd id="detail-kept">{tr(if k { K::RenewedKept } else { K::RenewedMissed })}</dd> })}
            <dt>{tr(K::ResultVia)}</dt><dd>{channel_label(d.result_via)}{(!d.signed_by.is_empty()).then(|| format!(" · {}", d.signed_by))}</dd>
            {(!d.notes.is_empty()).then(|| view! { <dt>{tr(K::Notes)}</dt><dd>{d.notes.clone()}</dd> })}
        </dl>
    }
}

/// Every step with its time, division and note.
#[component]
fn Timeline(d: Dossier) -> impl IntoView {
    let lang = use_app().lang();
    view! {
        <h3>{tr(K::Timeline)}</h3>
        <ol class="timeline" id="timeline">
            {d.events.iter().map(|e| view! {
                <li><time>{show_dt(e.at)}</time>" · "<strong>{e.status.label(lang)}</strong>
                    {(!e.division.is_empty()).then(|| format!(" · {}", e.division))}
                    {(!e.note.is_empty()).then(|| format!(" — {}", e.note))}
                    {(!e.officer.is_empty()).then(|| view! { " · "<span class="officer">{e.officer.clone()}</span> })}</li>
            }).collect_view()}
        </ol>
        {(!d.complaints.is_empty()).then(|| view! {
            <h3>{tr(K::Complaints)}</h3>
            <ul class="timeline" id="complaints">
                {d.complaints.iter().map(|c| view! { <li><time>{show_dt(c.at)}</time>{(!c.note.is_empty()).then(|| format!(" — {}", c.note))}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// A citizen's phản ánh, kiến nghị about the dossier, at any status (766 indicator 5.4 counts
/// the dossiers that have one).
#[component]
fn ComplaintForm(id: String, error: RwSignal<Option<Msg>>) -> impl IntoView {
    let st = use_app();
    let at = RwSignal::new(dt_value(now_local()));
    let note = RwSignal::new(String::new());
    let saved = RwSignal::new(false);
    let add = move |_| {
        let when = parse_dt(&at.get_untracked()).unwrap_or_else(now_local);
        let n = note.get_untracked();
        let r = change(st, &id, move |d| d.add_complaint(when, &n).map_err(|e| e.msg()));
        saved.set(r.is_ok());
        if r.is_ok() {
            note.set(String::new());
        }
        error.set(r.err());
    };
    view! {
        <details class="complaint">
            <summary>{tr(K::AddComplaint)}</summary>
            <div class="grid2">
                <label>{tr(K::ComplaintAt)}<DateField id="complaint-at" kind=FieldKind::DateTime value=at /></label>
                <label>{tr(K::ComplaintNote)}<input id="complaint-note" type="text" maxlength="300" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) /></label>
            </div>
            <button id="complaint-add" on:click=add>{tr(K::AddComplaint)}</button>
            <Show when=move || saved.get()><span class="ok" id="complaint-saved">" "{tr(K::ComplaintSaved)}</span></Show>
        </details>
    }
}

/// The next step: status, time, division, note; on return, how the result went and who
/// signed for it.
#[component]
fn StepForm(d: Dossier, error: RwSignal<Option<Msg>>) -> impl IntoView {
    let st = use_app();
    let options = d.status().next().to_vec();
    let first = options.first().copied();
    let next = RwSignal::new(first);
    let at = RwSignal::new(dt_value(now_local()));
    let note = RwSignal::new(String::new());
    let proc_division = st
        .catalogue
        .with_untracked(|c| c.iter().find(|p| p.id == d.procedure).map(|p| p.division.clone()));
    let division = RwSignal::new(d.holder().map(String::from).or(proc_division).unwrap_or_default());
    let via = RwSignal::new(d.result_via);
    let signed = RwSignal::new(String::new());
    let id = d.meta.id.clone();
    let apply = move |_| {
        let Some(to) = next.get_untracked() else { return };
        let when = parse_dt(&at.get_untracked()).unwrap_or_else(now_local);
        let (n, dv, v, s) = (
            note.get_untracked(),
            division.get_untracked(),
            via.get_untracked(),
            signed.get_untracked(),
        );
        let officer = st.on_duty.get_untracked();
        let r = change(st, &id, move |d| {
            d.transition_by(to, when, &n, &dv, &officer).map_err(|e| e.msg())?;
            if to == Status::Returned {
                d.result_via = v;
                d.signed_by = s.trim().to_string();
            }
            Ok(())
        });
        error.set(r.err());
    };
    let text = |id: &'static str, key: K, sig: RwSignal<String>| {
        view! { <input id=id type="text" maxlength="200" placeholder=tr(key) aria-label=tr(key) prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /> }
    };
    (!options.is_empty()).then(|| view! {
        <div class="step-form">
            <h3>{tr(K::NextStep)}</h3>
            <div class="grid2">
                <select id="step-status" aria-label=tr(K::Status) on:change=move |ev| next.set(Status::from_code(&event_target_value(&ev)))>
                    {options.iter().map(|s| { let s = *s; view! { <option value=s.code() selected=move || next.get() == Some(s)>{move || s.label(st.lang())}</option> } }).collect_view()}
                </select>
                <DateField id="step-at" kind=FieldKind::DateTime value=at label=K::ReceivedAt />
                {text("step-division", K::Division, division)}
                {text("step-note", K::Note, note)}
                <Show when=move || next.get() == Some(Status::Returned)>
                    <label>{tr(K::ResultVia)}<ChannelSelect id="step-via" value=via /></label>
                    {text("step-signed", K::SignedBy, signed)}
                </Show>
            </div>
            <button class="primary" id="step-apply" on:click=apply>{tr(K::NextStep)}</button>
        </div>
    })
}

/// The one extension, with the date and reason of the written apology.
#[component]
fn ExtensionForm(id: String, error: RwSignal<Option<Msg>>) -> impl IntoView {
    let st = use_app();
    let at = RwSignal::new(dt_value(now_local()));
    let due = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    // Said next to the button: why it was refused and what to do instead.
    let refused = RwSignal::new(None::<Msg>);
    // An apology dated before today is entered only once confirmed (then kept with both days).
    let backdated = RwSignal::new(false);
    let confirmed = RwSignal::new(false);
    let extend = move |_| {
        let cal = st.calendar.get_untracked();
        let (new_due, why) = (parse_dt(&due.get_untracked()), reason.get_untracked());
        let when = parse_dt(&at.get_untracked()).unwrap_or_else(now_local);
        let ok_backdated = confirmed.get_untracked();
        let r = change(st, &id, move |d| {
            let new_due = new_due.ok_or_else(|| Msg::new(K::ErrNewDueInvalid))?;
            d.extend_entered(&cal, when, new_due, &why, now_local(), ok_backdated).map_err(|e| {
                backdated.set(e == DossierError::ApologyBackdated);
                e.msg()
            })
        });
        refused.set(r.err());
        error.set(None);
    };
    view! {
        <details class="extend">
            <summary>{tr(K::Extend)}</summary>
            <div class="grid2">
                <label>{tr(K::ApologyDate)}<DateField id="ext-at" kind=FieldKind::DateTime value=at /></label>
                <label>{tr(K::NewDue)}<DateField id="ext-due" kind=FieldKind::DateTime value=due /></label>
                <label>{tr(K::ApologyReason)}<input id="ext-reason" type="text" maxlength="300" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) /></label>
            </div>
            <Show when=move || backdated.get()>
                <label class="inline"><input type="checkbox" id="ext-confirm-date" prop:checked=move || confirmed.get() on:change=move |ev| confirmed.set(event_target_checked(&ev)) />{tr(K::ConfirmApologyDate)}</label>
            </Show>
            <button id="ext-apply" on:click=extend>{tr(K::Extend)}</button>
            {move || refused.get().map(|e| view! { <p class="error-text" id="ext-error" role="alert">{super::tm(e)}</p> })}
        </details>
    }
}

/// Corrections: applicant, contact, notes, the result's channel, and the division that caused
/// the delay (offered from the timeline, chosen from the divisions known).
#[component]
fn RecordFields(d: Dossier, error: RwSignal<Option<Msg>>) -> impl IntoView {
    let st = use_app();
    let cal = st.calendar.get_untracked();
    let offered = d.late_holder(&cal, now_local()).map(String::from);
    let late_div = RwSignal::new(if d.late_division.is_empty() {
        offered.clone().unwrap_or_default()
    } else {
        d.late_division.clone()
    });
    let mut divisions: Vec<String> = st.catalogue.with_untracked(|c| c.iter().map(|p| p.division.clone()).collect());
    divisions.extend(d.events.iter().map(|e| e.division.clone()));
    divisions.retain(|x| !x.is_empty());
    divisions.sort_unstable();
    divisions.dedup();
    let applicant = RwSignal::new(d.applicant.clone());
    let contact = RwSignal::new(d.contact.clone());
    let notes = RwSignal::new(d.notes.clone());
    let via = RwSignal::new(d.result_via);
    let id = d.meta.id.clone();
    let save = move |_| {
        let (a, c, n, l, v) = (
            applicant.get_untracked(),
            contact.get_untracked(),
            notes.get_untracked(),
            late_div.get_untracked(),
            via.get_untracked(),
        );
        let r = change(st, &id, move |d| {
            if a.trim().is_empty() {
                return Err(DossierError::EmptyField(K::Applicant).msg());
            }
            (d.applicant, d.contact, d.notes, d.late_division, d.result_via) =
                (a.trim().into(), c.trim().into(), n.trim().into(), l.trim().into(), v);
            Ok(())
        });
        error.set(r.err());
    };
    let text = |id: &'static str, key: K, sig: RwSignal<String>| {
        view! { <label>{tr(key)}<input id=id type="text" maxlength="200" prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /></label> }
    };
    view! {
        <div class="grid2">
            {text("edit-applicant", K::Applicant, applicant)}
            {text("edit-contact", K::Contact, contact)}
            {text("edit-notes", K::Notes, notes)}
            <label>{tr(K::ResultVia)}<ChannelSelect id="edit-via" value=via /></label>
            <label>{tr(K::LateDivision)}
                <select id="late-division" on:change=move |ev| late_div.set(event_target_value(&ev))>
                    <option value="" selected=move || late_div.get().is_empty()>"—"</option>
                    {divisions.into_iter().map(|x| { let (y, v) = (x.clone(), x.clone()); view! { <option value=v selected=move || late_div.get() == y>{x}</option> } }).collect_view()}
                </select>
                {offered.map(|o| view! { <small class="muted" id="late-offered">{tr(K::LateHolderHint)}": "{o}</small> })}
            </label>
        </div>
        <button id="extra-save" on:click=save>{tr(K::Save)}</button>
    }
}

/// Delete as a tombstone without its personal fields (`Dossier::delete`), after a second tap.
#[component]
fn DeleteButton(id: String, error: RwSignal<Option<Msg>>, on_close: Callback<()>) -> impl IntoView {
    let st = use_app();
    let confirm = RwSignal::new(false);
    let delete = move |_| {
        if !confirm.get_untracked() {
            confirm.set(true);
            return;
        }
        match change(st, &id, |d| {
            d.delete();
            Ok(())
        }) {
            Ok(()) => on_close.run(()),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        " "
        <button class="danger" id="detail-delete" on:click=delete>{move || if confirm.get() { tr(K::ConfirmDelete)() } else { tr(K::Delete)() }}</button>
    }
}

/// At the hand-back (issue 26): the tablet locks into the kiosk and opens on this dossier's
/// rating, the citizen in front of it. Offered once a PIN exists (the kiosk can be unlocked
/// again).
#[component]
fn InviteRating(code: String) -> impl IntoView {
    let st = use_app();
    let invite = move |_| {
        crate::session::set_rate_for(&code);
        st.set_kiosk(true);
        crate::platform::switch_to("/kiosk");
    };
    view! {
        <Show when=move || st.pin.with(Option::is_some)>
            <p class="invite-rating"><button class="primary" id="invite-rating" on:click=invite.clone()>{tr(K::InviteRating)}</button>
            " "<small class="muted">{tr(K::InviteRatingHint)}</small></p>
        </Show>
    }
}
