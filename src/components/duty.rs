//! The officer on duty: picked from the setup's list once the tablet is unlocked (no second
//! PIN: the unlock was the check), shown in the nav bar, and recorded on the dossiers received
//! and the steps entered. Locking forgets it (`AppState::set_kiosk`).

use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::K;

/// Asks who is on duty when the unit has officers and none is picked in this session.
#[component]
pub fn DutyPicker() -> impl IntoView {
    let st = use_app();
    let officers = Memo::new(move |_| st.settings.with(|s| s.officers.clone()));
    let asking = move || !st.kiosk.get() && st.on_duty.with(String::is_empty) && !officers.with(Vec::is_empty);
    view! {
        <Show when=asking>
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="duty-title" id="duty-picker">
                <div class="card">
                    <h2 id="duty-title">{tr(K::OnDuty)}</h2>
                    <p>{tr(K::OnDutyPick)}</p>
                    <div class="duty-names">
                        {move || officers.get().into_iter().enumerate().map(|(i, name)| {
                            let n = name.clone();
                            view! { <button class="big-button" id=format!("duty-{i}") on:click=move |_| st.set_on_duty(&n)>{name}</button> }
                        }).collect_view()}
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// The officer on duty in the nav bar, changeable in place.
#[component]
pub fn DutySelect() -> impl IntoView {
    let st = use_app();
    let officers = Memo::new(move |_| st.settings.with(|s| s.officers.clone()));
    view! {
        <Show when=move || !officers.with(Vec::is_empty)>
            <label class="duty"><span class="duty-label">{tr(K::OnDuty)}": "</span>
                <select id="on-duty" on:change=move |ev| st.set_on_duty(&event_target_value(&ev))>
                    <option value="" selected=move || st.on_duty.with(String::is_empty)>{tr(K::NoOfficer)}</option>
                    {move || officers.get().into_iter().map(|name| {
                        let (n, value) = (name.clone(), name.clone());
                        view! { <option value=value selected=move || st.on_duty.get() == n>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        </Show>
    }
}
