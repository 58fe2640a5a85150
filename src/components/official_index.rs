//! The province's official SIPAS index of this unit, as published: the manager enters it so
//! that the report cites it as "chỉ số hài lòng", beside the kiosk's own measurement (which
//! never carries that name). Parsed and checked by `settings::OfficialIndex::parse`.

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::{Msg, K};
use motcua_domain::settings::OfficialIndex;

#[component]
pub fn OfficialIndexForm() -> impl IntoView {
    let st = use_app();
    let o = st.settings.with_untracked(|s| s.official_index.clone());
    let value = RwSignal::new(
        o.as_ref()
            .map(OfficialIndex::text)
            .unwrap_or_default()
            .trim_end_matches('%')
            .to_string(),
    );
    let year = RwSignal::new(o.as_ref().map(|o| o.year.to_string()).unwrap_or_default());
    let decision = RwSignal::new(o.map(|o| o.decision).unwrap_or_default());
    let msg = RwSignal::new(None::<(bool, Msg)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match OfficialIndex::parse(&value.get_untracked(), &year.get_untracked(), &decision.get_untracked()) {
            Ok(official) => {
                let mut s = st.settings.get_untracked();
                s.official_index = official;
                msg.set(Some(match st.save_settings(s) {
                    Ok(()) => (true, K::Saved.into()),
                    Err(e) => (false, e.msg()),
                }));
            }
            Err(e) => msg.set(Some((false, e.key().into()))),
        }
    };
    let input = |id: &'static str, label: K, sig: RwSignal<String>, mode: &'static str| {
        view! {
            <label>{tr(label)}<input id=id type="text" inputmode=mode maxlength="120" prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /></label>
        }
    };
    view! {
        <details class="card" id="official-index">
            <summary>{tr(K::OfficialIndex)}</summary>
            <form class="form" on:submit=save>
            <p class="muted">{tr(K::OfficialIndexHint)}</p>
            {input("official-value", K::OfficialValue, value, "decimal")}
            {input("official-year", K::OfficialYear, year, "numeric")}
            {input("official-decision", K::OfficialDecision, decision, "text")}
            <button class="primary" id="official-save" type="submit">{tr(K::Save)}</button>
            {move || msg.get().map(|(ok, k)| view! {
                <p id="official-msg" class=if ok { "ok" } else { "error-text" } role="status">{super::tm(k)}</p>
            })}
            </form>
        </details>
    }
}
