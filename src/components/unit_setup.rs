//! The unit's setup (first run, and the same card in Cài đặt): the names the forms of TT
//! 03/2025 head with, the electronic id that starts the dossier codes, whether other tablets
//! share the counter (then this one's desk number), the officers and the head who signs.
//! What is still missing comes from `Settings::setup_missing`; until it is empty the register
//! asks for this card instead of issuing codes.

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::K;
use motcua_domain::settings::parse_officers;

/// The setup form. `intro`: the first-run wording above it.
#[component]
pub fn UnitSetup(#[prop(optional)] intro: bool) -> impl IntoView {
    let st = use_app();
    let s0 = st.settings.get_untracked();
    let [id, parent, agency, counter, phone, head_title, head_name] = [
        &s0.agency_code,
        &s0.parent_agency,
        &s0.agency_name,
        &s0.counter_name,
        &s0.counter_phone,
        &s0.head_title,
        &s0.head_name,
    ]
    .map(|v| RwSignal::new(v.clone()));
    let sole = RwSignal::new(s0.sole_tablet);
    let desk = RwSignal::new(s0.desk.to_string());
    let officers = RwSignal::new(s0.officers.join("\n"));
    // The last save: done, or why the browser refused it.
    let saved = RwSignal::new(None::<Result<(), motcua_domain::i18n::Msg>>);
    let missing = Memo::new(move |_| st.settings.with(|s| s.setup_missing()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut s = st.settings.get_untracked();
        let text = |sig: RwSignal<String>| sig.get_untracked().trim().to_string();
        s.agency_code = motcua_domain::format::upper(&text(id));
        (s.parent_agency, s.agency_name, s.counter_name, s.counter_phone) = (text(parent), text(agency), text(counter), text(phone));
        (s.head_title, s.head_name) = (text(head_title), text(head_name));
        s.sole_tablet = sole.get_untracked();
        s.desk = text(desk).parse().unwrap_or(s.desk).min(9);
        s.officers = parse_officers(&officers.get_untracked());
        officers.set(s.officers.join("\n"));
        // The fields show what was saved (the code in capitals, the desk within 0–9).
        id.set(s.agency_code.clone());
        desk.set(s.desk.to_string());
        saved.set(Some(st.save_settings(s).map_err(|e| e.msg())));
    };
    let field = |id: &'static str, key: K, max: &'static str, sig: RwSignal<String>| {
        view! { <label>{tr(key)}<input id=id type="text" maxlength=max prop:value=move || sig.get() on:input=move |ev| { saved.set(None); sig.set(event_target_value(&ev)) } /></label> }
    };
    view! {
        <form class="card form unit-setup" id="setup-form" novalidate on:submit=save>
            <h2>{tr(K::SetupTitle)}</h2>
            {intro.then(|| view! { <p id="setup-intro">{tr(K::SetupIntro)}</p> })}
            {field("setup-agency-id", K::SetupAgencyId, "20", id)}
            {field("parent-agency", K::ParentAgency, "120", parent)}
            {field("agency-name", K::AgencyName, "120", agency)}
            {field("counter-name", K::CounterName, "160", counter)}
            {field("counter-phone", K::CounterPhone, "40", phone)}
            <fieldset class="desk-choice">
                <legend>{tr(K::SetupDesk)}</legend>
                <label class="inline"><input type="radio" name="sole" id="setup-sole" prop:checked=move || sole.get() == Some(true) on:change=move |_| sole.set(Some(true)) />{tr(K::SoleTabletYes)}</label>
                <label class="inline"><input type="radio" name="sole" id="setup-shared" prop:checked=move || sole.get() == Some(false) on:change=move |_| sole.set(Some(false)) />{tr(K::SoleTabletNo)}
                    " "<input id="desk" type="number" min="0" max="9" class="narrow" aria-label=tr(K::Desk) disabled=move || sole.get() != Some(false) prop:value=move || desk.get() on:input=move |ev| desk.set(event_target_value(&ev)) />
                </label>
            </fieldset>
            <label>{tr(K::Officers)}
                <textarea id="officers" rows="4" prop:value=move || officers.get() on:input=move |ev| officers.set(event_target_value(&ev))></textarea>
            </label>
            {field("head-title", K::HeadTitle, "80", head_title)}
            {field("head-name", K::HeadName, "80", head_name)}
            <button class="primary" id="setup-save" type="submit">{tr(K::Save)}</button>
            {move || match saved.get() {
                Some(Ok(())) if missing.with(Vec::is_empty) => Some(view! { <span class="ok" id="setup-saved">" "{tr(K::SetupSaved)}</span> }.into_any()),
                Some(Err(e)) => Some(view! { <span class="error-text" id="setup-error" role="alert">" "{super::tm(e)}</span> }.into_any()),
                _ => None,
            }}
            <Show when=move || !missing.with(Vec::is_empty)>
                <p class="warn-text" id="setup-missing">{tr(K::SetupMissing)}": "
                    {move || missing.get().into_iter().map(|m| tr(m.key())()).collect::<Vec<_>>().join(" · ")}</p>
            </Show>
        </form>
    }
}
