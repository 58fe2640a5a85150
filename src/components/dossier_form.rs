//! Fast entry of a received dossier: keyboard-friendly, remembers the last procedure, code and
//! due date filled in from the agency code and the working-day calendar, and the receipt form's
//! fields (copies, fee, where the result is received, notes).

use super::date_field::{DateField, FieldKind};
use super::dossier_papers::Papers;
use super::tr;
use crate::platform::now_local;
use crate::state::use_app;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use motcua_domain::dossier::{
    code_prefix, form_defaults, next_code, parse_copies, Channel, CodeIndex, Dossier, DossierError, Fee, FormDefaults, NewDossier, Online,
    Term,
};
use motcua_domain::i18n::{Msg, K};

/// `datetime-local` input value.
pub fn dt_value(t: NaiveDateTime) -> String {
    motcua_domain::format::date_time_key(t)
}

pub fn parse_dt(s: &str) -> Option<NaiveDateTime> {
    motcua_domain::format::parse_date_time_key(s)
}

pub fn show_dt(t: NaiveDateTime) -> String {
    motcua_domain::format::date_time(t)
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

/// The entry form's own fields (the papers and the extras have theirs), as typed.
#[derive(Clone, Copy)]
struct Fields {
    procedure: RwSignal<String>,
    applicant: RwSignal<String>,
    contact: RwSignal<String>,
    channel: RwSignal<Channel>,
    received: RwSignal<String>,
    code: RwSignal<String>,
    due_override: RwSignal<String>,
    reason: RwSignal<String>,
}

impl Fields {
    /// An empty form on `procedure` (the last one used), received now.
    fn new(procedure: String) -> Fields {
        Fields {
            procedure: RwSignal::new(procedure),
            applicant: RwSignal::new(String::new()),
            contact: RwSignal::new(String::new()),
            channel: RwSignal::new(Channel::Direct),
            received: RwSignal::new(dt_value(now_local())),
            code: RwSignal::new(String::new()),
            due_override: RwSignal::new(String::new()),
            reason: RwSignal::new(String::new()),
        }
    }

    /// What the officer typed as core's input: the code typed, else `auto_code`; the checks
    /// that read text (copies) are core's (`parse_copies`).
    fn input(&self, auto_code: String, extras: Extras, papers: Papers, receiver: String) -> Result<NewDossier, DossierError> {
        let code = self.code.get_untracked();
        let mut input = NewDossier {
            code: if code.trim().is_empty() { auto_code } else { code },
            procedure: self.procedure.get_untracked(),
            applicant: self.applicant.get_untracked(),
            contact: self.contact.get_untracked(),
            channel: self.channel.get_untracked(),
            received: parse_dt(&self.received.get_untracked()),
            due_override: parse_dt(&self.due_override.get_untracked()).map(|d| (d, self.reason.get_untracked())),
            copies: parse_copies(&extras.copies.get_untracked())?,
            fee: extras.fee.get_untracked(),
            result_via: extras.result_via.get_untracked(),
            online_level: extras.online_level.get_untracked(),
            notes: extras.notes.get_untracked(),
            receiver,
            ..Default::default()
        };
        papers.fill(&mut input)?;
        Ok(input)
    }

    /// Empty again for the next citizen (nothing of this dossier carries over).
    fn clear(&self, d: FormDefaults) {
        for s in [self.applicant, self.contact, self.code, self.due_override, self.reason] {
            s.set(String::new());
        }
        self.channel.set(d.channel);
        self.received.set(dt_value(now_local()));
    }

    /// The draft follows these fields and the papers' (issue 25).
    fn draft(&self, extras: Extras, papers: Papers) -> super::dossier_draft::DraftFields {
        super::dossier_draft::DraftFields {
            procedure: self.procedure,
            applicant: self.applicant,
            contact: self.contact,
            channel: self.channel,
            received: self.received,
            code: self.code,
            due: self.due_override,
            reason: self.reason,
            copies: extras.copies,
            notes: extras.notes,
            id_number: papers.id_number,
            email: papers.email,
            filed_at: papers.filed_at,
            digital: papers.digital,
            lines: papers.lines,
            other: papers.other,
        }
    }
}

/// The "receive a new dossier" form.
#[component]
pub fn DossierForm() -> impl IntoView {
    let st = use_app();
    let last = st.docs.last_procedure.get_untracked();
    let f = Fields::new(last.unwrap_or_else(|| st.catalogue.with_untracked(|c| c.first().map(|p| p.id.clone()).unwrap_or_default())));
    let (extras, papers) = (Extras::new(), Papers::new());
    let procedure = move || {
        st.catalogue
            .with_untracked(|c| c.iter().find(|p| p.id == f.procedure.get_untracked()).cloned())
    };
    let defaults = move || {
        st.catalogue
            .with_untracked(|c| form_defaults(c.iter().find(|p| p.id == f.procedure.get_untracked())))
    };
    papers.reset(procedure().as_ref());
    extras.reset(defaults());
    let restored = super::dossier_draft::keep(f.draft(extras, papers));
    let error = RwSignal::new(None::<Msg>);
    let done = RwSignal::new(None::<(String, String)>);

    // The register's codes (duplicate check, next number), kept up to date by the edits.
    let codes = crate::state::followed(st.dossiers, st.dossier_edits, CodeIndex::apply);
    let auto_code = Memo::new(move |_| {
        let day = parse_dt(&f.received.get()).unwrap_or_else(now_local).date();
        let (agency, desk) = st.settings.with(|s| (s.agency_code.clone(), s.desk_in_use()));
        codes.with(|c| next_code(&agency, day, desk, c.starting_with(&code_prefix(&agency, day))))
    });
    let receive = move || -> Result<(String, String), Msg> {
        let input = f
            .input(auto_code.get_untracked(), extras, papers, st.on_duty.get_untracked())
            .map_err(|e| e.msg())?;
        // An old month's code is checked against the whole register, not only what is read.
        let needs = motcua_formats::codec::stage::Needs::at(crate::platform::now_millis());
        if !st.loading.all_read_now() && !needs.code_checkable(&input.code) {
            return Err(K::CodeWaitsForRegister.into());
        }
        let taken = codes.with_untracked(|c| c.taken(&input.code).map(str::to_string));
        let (cat, cal) = (st.catalogue.get_untracked(), st.calendar.get_untracked());
        let d = Dossier::create(input, &cat, &cal, taken.as_deref().into_iter(), st.new_meta()).map_err(|e| e.msg())?;
        let made = (d.code.clone(), d.meta.id.clone());
        st.save_dossier(d, true).map_err(|e| e.msg())?;
        Ok(made)
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        match receive() {
            Ok(made) => {
                // Not noted (storage full): the next form starts on the first procedure.
                st.received_for(&f.procedure.get_untracked()).ok();
                error.set(None);
                done.set(Some(made));
                let d = defaults();
                f.clear(d);
                extras.reset(d);
                papers.reset(procedure().as_ref());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    // Another procedure: its fee default and checklist (the same one chosen again keeps the
    // officer's choice).
    let on_procedure = Callback::new(move |id: String| {
        if id != f.procedure.get_untracked() {
            f.procedure.set(id);
            extras.fee.set(defaults().fee);
            papers.checklist(procedure().as_ref());
        }
    });
    view! {
        // `novalidate`: a missing field is told by core's check in the app's language, not by
        // the browser's bubble in its own (issue 25).
        <form class="card form dossier-form" id="dossier-form" novalidate on:submit=submit>
            <h2>{tr(K::NewDossier)}</h2>
            {restored.then(|| view! { <p class="ok" id="draft-restored" role="status">{tr(K::DraftRestored)}</p> })}
            <MainFields f auto_code on_procedure />
            <super::dossier_papers::PaperFields papers channel=f.channel />
            <ExtraFields extras channel=f.channel />
            <DuePreview procedure=f.procedure received=f.received />
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

/// The register's columns: procedure, applicant, contact, channel, received, code, due.
#[component]
fn MainFields(f: Fields, auto_code: Memo<String>, on_procedure: Callback<String>) -> impl IntoView {
    let st = use_app();
    let text_input = |id: &'static str, key: K, max: &'static str, sig: RwSignal<String>| {
        view! { <label>{tr(key)}<input id=id type="text" maxlength=max prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /></label> }
    };
    view! {
        <div class="grid2">
            <label>{tr(K::Procedure)}
                <select id="d-procedure" on:change=move |ev| on_procedure.run(event_target_value(&ev))>
                    {move || st.catalogue.get().into_iter().map(|p| {
                        let id = p.id.clone();
                        let term = term_text(p.term());
                        view! { <option value=p.id.clone() selected=move || f.procedure.get() == id>{format!("{} – {} ({})", p.id, p.name, term())}</option> }
                    }).collect_view()}
                </select>
            </label>
            {text_input("d-applicant", K::Applicant, "200", f.applicant)}
            {text_input("d-contact", K::Contact, "200", f.contact)}
            <label>{tr(K::Channel)}
                <ChannelSelect id="d-channel" value=f.channel />
            </label>
            <label>{tr(K::ReceivedAt)}
                <DateField id="d-received" kind=FieldKind::DateTime value=f.received required=true />
            </label>
            <label>{tr(K::Code)}
                <input id="d-code" type="text" maxlength="40" placeholder=move || auto_code.get() prop:value=move || f.code.get() on:input=move |ev| f.code.set(event_target_value(&ev)) />
            </label>
            <label>{tr(K::DueOverride)}
                <DateField id="d-due" kind=FieldKind::DateTime value=f.due_override />
            </label>
            {text_input("d-due-reason", K::DueReason, "200", f.reason)}
        </div>
    }
}

/// The due date the procedure and the receipt give, and whether the calendar it falls in is
/// provisional.
#[component]
fn DuePreview(procedure: RwSignal<String>, received: RwSignal<String>) -> impl IntoView {
    let st = use_app();
    let due_preview = Memo::new(move |_| {
        let r = parse_dt(&received.get())?;
        let p = st.catalogue.with(|c| c.iter().find(|p| p.id == procedure.get()).cloned())?;
        let cal = st.calendar.get();
        let due = p.due(&cal, r);
        Some((due, cal.provisional_between(r.date(), due.date())))
    });
    view! {
        <p class="due-preview" id="d-due-preview">{tr(K::DueDate)}": "
            <strong>{move || due_preview.get().map(|(d, _)| show_dt(d)).unwrap_or_else(|| "—".into())}</strong>
            {move || due_preview.get().filter(|(_, provisional)| *provisional).map(|_| view! {
                " "<span class="provisional" id="d-cal-warn">{tr(K::DueProvisional)}</span>
                <small class="warn-text">" "{tr(K::CalendarWarn)}</small>
            })}
        </p>
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
