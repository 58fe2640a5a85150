//! Fast entry of a received dossier: keyboard-friendly, remembers the last procedure, code and
//! due date filled in from the agency code and the working-day calendar, and the receipt form's
//! fields (copies, fee, where the result is received, notes).

use super::date_field::{DateField, FieldKind};
use super::tr;
use crate::platform::now_local;
use crate::state::use_app;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use motcua_core::dossier::{
    code_prefix, form_defaults, next_code, parse_copies, Channel, CodeIndex, Dossier, Fee, FormDefaults, NewDossier, Online, Term,
};
use motcua_core::i18n::{Msg, K};

/// `datetime-local` input value.
pub fn dt_value(t: NaiveDateTime) -> String {
    motcua_core::format::date_time_key(t)
}

pub fn parse_dt(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()
}

pub fn show_dt(t: NaiveDateTime) -> String {
    motcua_core::format::date_time(t)
}

/// The statutory time as words in the UI's language (`Term::text`).
pub fn term_text(term: Term) -> impl Fn() -> String + Send + Sync + 'static {
    let st = use_app();
    move || term.text(st.lang())
}

/// The receipt form's fields beyond the register's core columns.
#[derive(Clone, Copy)]
struct Extras {
    copies: RwSignal<String>,
    fee: RwSignal<Option<Fee>>,
    result_via: RwSignal<Channel>,
    online_level: RwSignal<Option<Online>>,
    notes: RwSignal<String>,
}

impl Extras {
    fn new() -> Self {
        Extras {
            copies: RwSignal::new("1".into()),
            fee: RwSignal::new(None),
            result_via: RwSignal::new(Channel::Direct),
            online_level: RwSignal::new(None),
            notes: RwSignal::new(String::new()),
        }
    }
    /// Back to what a new dossier starts with (`dossier::form_defaults`): nothing of the
    /// previous dossier carries over.
    fn reset(&self, d: FormDefaults) {
        self.copies.set(d.copies.to_string());
        self.fee.set(d.fee);
        self.result_via.set(d.result_via);
        self.online_level.set(d.online_level);
        self.notes.set(String::new());
    }
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
    let extras = Extras::new();
    let papers = super::dossier_papers::Papers::new();
    let procedure = move || {
        st.catalogue
            .with_untracked(|c| c.iter().find(|p| p.id == proc_id.get_untracked()).cloned())
    };
    papers.reset(procedure().as_ref());
    let defaults = move || {
        st.catalogue
            .with_untracked(|c| form_defaults(c.iter().find(|p| p.id == proc_id.get_untracked())))
    };
    extras.reset(defaults());
    let restored = super::dossier_draft::keep(super::dossier_draft::DraftFields {
        procedure: proc_id,
        applicant,
        contact,
        channel,
        received,
        code,
        due: due_override,
        reason,
        copies: extras.copies,
        notes: extras.notes,
        id_number: papers.id_number,
        email: papers.email,
        filed_at: papers.filed_at,
        digital: papers.digital,
        lines: papers.lines,
        other: papers.other,
    });
    let error = RwSignal::new(None::<Msg>);
    let done = RwSignal::new(None::<(String, String)>);

    // The register's codes (duplicate check, next number), kept up to date by the edits.
    let codes = crate::state::followed(st.dossiers, st.dossier_edits, CodeIndex::apply);
    let auto_code = Memo::new(move |_| {
        let day = parse_dt(&received.get()).unwrap_or_else(now_local).date();
        let (agency, desk) = st.settings.with(|s| (s.agency_code.clone(), s.desk_in_use()));
        codes.with(|c| next_code(&agency, day, desk, c.starting_with(&code_prefix(&agency, day))))
    });
    let due_preview = Memo::new(move |_| {
        let r = parse_dt(&received.get())?;
        let p = st.catalogue.with(|c| c.iter().find(|p| p.id == proc_id.get()).cloned())?;
        let cal = st.calendar.get();
        let due = p.due(&cal, r);
        Some((due, cal.provisional_between(r.date(), due.date())))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let code_text = if code.get_untracked().trim().is_empty() {
            auto_code.get_untracked()
        } else {
            code.get_untracked()
        };
        // An old month's code is checked against the whole register, not only what is read.
        let needs = motcua_core::codec::stage::Needs::at(crate::platform::now_millis());
        if !st.loaded.get_untracked() && !needs.code_checkable(&code_text) {
            error.set(Some(K::CodeWaitsForRegister.into()));
            return;
        }
        let ov = parse_dt(&due_override.get_untracked()).map(|d| (d, reason.get_untracked()));
        let copies = match parse_copies(&extras.copies.get_untracked()) {
            Ok(n) => n,
            Err(e) => return error.set(Some(e.msg())),
        };
        let mut input = NewDossier {
            code: code_text,
            procedure: proc_id.get_untracked(),
            applicant: applicant.get_untracked(),
            contact: contact.get_untracked(),
            channel: channel.get_untracked(),
            received: parse_dt(&received.get_untracked()),
            due_override: ov,
            copies,
            fee: extras.fee.get_untracked(),
            result_via: extras.result_via.get_untracked(),
            online_level: extras.online_level.get_untracked(),
            notes: extras.notes.get_untracked(),
            receiver: st.on_duty.get_untracked(),
            ..Default::default()
        };
        if let Err(e) = papers.fill(&mut input) {
            return error.set(Some(e.msg()));
        }
        let taken = codes.with_untracked(|c| c.taken(&input.code).map(str::to_string));
        let made = Dossier::create(
            input,
            &st.catalogue.get_untracked(),
            &st.calendar.get_untracked(),
            taken.as_deref().into_iter(),
            st.new_meta(),
        );
        match made {
            Ok(d) => {
                let (c, id) = (d.code.clone(), d.meta.id.clone());
                match st.save_dossier(d, true) {
                    Ok(()) => {
                        crate::storage::save_doc("lastproc", &proc_id.get_untracked()).ok();
                        error.set(None);
                        done.set(Some((c, id)));
                        for s in [applicant, contact, code, due_override, reason] {
                            s.set(String::new());
                        }
                        let d = defaults();
                        channel.set(d.channel);
                        extras.reset(d);
                        papers.reset(procedure().as_ref());
                        received.set(dt_value(now_local()));
                    }
                    Err(e) => error.set(Some(e.msg())),
                }
            }
            Err(e) => error.set(Some(e.msg())),
        }
    };
    let text_input = |id: &'static str, key: K, max: &'static str, sig: RwSignal<String>| {
        view! { <label>{tr(key)}<input id=id type="text" maxlength=max prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /></label> }
    };
    view! {
        // `novalidate`: a missing field is told by core's check in the app's language, not by
        // the browser's bubble in its own (issue 25).
        <form class="card form dossier-form" id="dossier-form" novalidate on:submit=submit>
            <h2>{tr(K::NewDossier)}</h2>
            {restored.then(|| view! { <p class="ok" id="draft-restored" role="status">{tr(K::DraftRestored)}</p> })}
            <div class="grid2">
                <label>{tr(K::Procedure)}
                    <select id="d-procedure" on:change=move |ev| {
                        // Another procedure: its fee default (the same one chosen again keeps the officer's choice).
                        let id = event_target_value(&ev);
                        if id != proc_id.get_untracked() { proc_id.set(id); extras.fee.set(defaults().fee); papers.checklist(procedure().as_ref()) }
                    }>
                        {move || st.catalogue.get().into_iter().map(|p| {
                            let id = p.id.clone();
                            let term = term_text(p.term());
                            view! { <option value=p.id.clone() selected=move || proc_id.get() == id>{format!("{} – {} ({})", p.id, p.name, term())}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(K::Applicant)}
                    <input id="d-applicant" type="text" required maxlength="200" prop:value=move || applicant.get() on:input=move |ev| applicant.set(event_target_value(&ev)) />
                </label>
                {text_input("d-contact", K::Contact, "200", contact)}
                <label>{tr(K::Channel)}
                    <ChannelSelect id="d-channel" value=channel />
                </label>
                <label>{tr(K::ReceivedAt)}
                    <DateField id="d-received" kind=FieldKind::DateTime value=received required=true />
                </label>
                <label>{tr(K::Code)}
                    <input id="d-code" type="text" maxlength="40" placeholder=move || auto_code.get() prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                </label>
                <label>{tr(K::DueOverride)}
                    <DateField id="d-due" kind=FieldKind::DateTime value=due_override />
                </label>
                {text_input("d-due-reason", K::DueReason, "200", reason)}
            </div>
            <super::dossier_papers::PaperFields papers channel />
            <ExtraFields extras channel />
            <p class="due-preview" id="d-due-preview">{tr(K::DueDate)}": "
                <strong>{move || due_preview.get().map(|(d, _)| show_dt(d)).unwrap_or_else(|| "—".into())}</strong>
                {move || due_preview.get().filter(|(_, provisional)| *provisional).map(|_| view! {
                    " "<span class="provisional" id="d-cal-warn">{tr(K::DueProvisional)}</span>
                    <small class="warn-text">" "{tr(K::CalendarWarn)}</small>
                })}
            </p>
            <button class="primary big-button" id="d-submit" type="submit">{tr(K::Receive)}</button>
            {move || error.get().map(|e| view! { <p class="error-text" id="d-error" role="alert">{super::tm(e)}</p> })}
            // The link names the dossier it prints: an opened dossier has a link of its own.
            {move || done.get().map(|(c, id)| view! {
                <p class="ok" id="d-done">{tr(K::Received)}": "<strong id="d-done-code">{c.clone()}</strong>" · "
                    <a class="button" id="d-print-slip" href=crate::platform::href(&format!("/print/receipt/{id}"))>{tr(K::PrintReceipt)}" "{c}</a></p>
            })}
        </form>
    }
}

/// A select over the three channels (stable codes as values).
#[component]
pub fn ChannelSelect(id: &'static str, value: RwSignal<Channel>) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| if let Some(c) = Channel::from_code(&event_target_value(&ev)) { value.set(c) }>
            {Channel::ALL.into_iter().map(|c| view! { <option value=c.code() selected=move || value.get() == c>{channel_label(c)}</option> }).collect_view()}
        </select>
    }
}

/// A channel's name in the current language.
pub fn channel_label(c: Channel) -> impl Fn() -> &'static str + Send + Sync + 'static {
    let st = use_app();
    move || c.label(st.lang())
}

/// Copies, fee, where the result is received, the online level and notes.
#[component]
fn ExtraFields(extras: Extras, channel: RwSignal<Channel>) -> impl IntoView {
    let fee_code = |f: Option<Fee>| f.map_or(String::new(), |f| format!("{}", Fee::ALL.iter().position(|x| *x == f).unwrap_or(0)));
    view! {
        <div class="grid2 extras">
            <label>{tr(K::Copies)}
                <input id="d-copies" type="number" min="1" max="99" prop:value=move || extras.copies.get() on:input=move |ev| extras.copies.set(event_target_value(&ev)) />
            </label>
            <label>{tr(K::Fee)}
                <select id="d-fee" on:change=move |ev| extras.fee.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| Fee::ALL.get(i).copied()))>
                    <option value="" selected=move || extras.fee.get().is_none()>"—"</option>
                    {Fee::ALL.into_iter().map(|f| view! { <option value=fee_code(Some(f)) selected=move || extras.fee.get() == Some(f)>{tr(f.key())}</option> }).collect_view()}
                </select>
            </label>
            <label>{tr(K::ResultVia)}
                <ChannelSelect id="d-result-via" value=extras.result_via />
            </label>
            <Show when=move || channel.get() == Channel::Online>
                <label>{tr(K::OnlineLevel)}
                    <select id="d-online-level" on:change=move |ev| extras.online_level.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| Online::ALL.get(i).copied()))>
                        <option value="" selected=move || extras.online_level.get().is_none()>"—"</option>
                        {[1usize, 2].into_iter().map(|i| view! { <option value=i.to_string() selected=move || extras.online_level.get() == Some(Online::ALL[i])>{tr(Online::ALL[i].key())}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <label class="wide">{tr(K::Notes)}
                <input id="d-notes" type="text" maxlength="500" prop:value=move || extras.notes.get() on:input=move |ev| extras.notes.set(event_target_value(&ev)) />
            </label>
        </div>
    }
}
