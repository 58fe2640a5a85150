//! The kiosk's look-up: a citizen types a dossier code and sees its status and due date.

use super::tr;
use crate::platform::{mono_millis, now_millis};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::dossier::PublicStatus;
use motcua_domain::i18n::K;

/// What a look-up showed.
#[derive(Clone)]
enum Answer {
    Found(PublicStatus),
    /// No dossier has the code.
    NoSuch,
    /// The module that reads the register did not load (`scan::LookupUnavailable`).
    Unavailable,
}

/// A citizen types a dossier code and sees its status and due date, nothing else. Closes by
/// itself after a minute so that the next person does not see it.
#[component]
pub fn Lookup(on_close: Callback<()>) -> impl IntoView {
    let st = use_app();
    let code = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Answer>);
    let waiting = RwSignal::new(None::<i64>);
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (mono, wall) = (mono_millis(), now_millis());
        let allowed = st.lookup_limit.try_update_value(|l| {
            let allowed = l.allow(mono);
            crate::session::set_lookups(&l.to_wall(mono, wall));
            allowed
        });
        if let Err(wait) = allowed.unwrap_or(Ok(())) {
            result.set(None);
            waiting.set(Some(wait));
            return;
        }
        waiting.set(None);
        let (typed, now) = (code.get_untracked(), now_millis());
        leptos::task::spawn_local(async move {
            let answer = match crate::scan::lookup(&typed, now).await {
                Ok(Some(p)) => Answer::Found(p),
                Ok(None) => Answer::NoSuch,
                Err(crate::scan::LookupUnavailable) => Answer::Unavailable,
            };
            // The form may have closed meanwhile (its minute ran out).
            result.try_set(Some(answer));
        });
    };
    let close = leptos::prelude::set_timeout_with_handle(move || on_close.run(()), std::time::Duration::from_secs(60)).ok();
    on_cleanup(move || {
        if let Some(h) = close {
            h.clear();
        }
    });
    view! {
        <form class="lookup" id="lookup" on:submit=search>
            <h2>{tr(K::LookupTitle)}</h2>
            <label>{tr(K::LookupHint)}
                <input id="lookup-code" type="text" autocomplete="off" maxlength="40" prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
            </label>
            <button class="start" id="lookup-go" type="submit">{tr(K::LookupTitle)}</button>
            {move || result.get().map(|r| match r {
                Answer::Found(p) => view! {
                    <dl class="lookup-result" id="lookup-result">
                        <dt>{tr(K::Code)}</dt><dd>{p.code}</dd>
                        <dt>{tr(K::Status)}</dt><dd id="lookup-status">{p.status.label(st.lang())}</dd>
                        <dt>{tr(K::DueDate)}</dt><dd id="lookup-due">{motcua_domain::format::date(p.due.date())}
                            {p.provisional.then(|| view! { " "<span class="provisional" id="lookup-provisional">{tr(K::DueProvisional)}</span> })}</dd>
                    </dl>
                }.into_any(),
                Answer::NoSuch => view! { <p class="error-text" id="lookup-none">{tr(K::LookupNone)}</p> }.into_any(),
                Answer::Unavailable => view! { <p class="error-text" id="lookup-unavailable">{tr(K::LookupUnavailable)}</p> }.into_any(),
            })}
            {move || waiting.get().map(|s| view! { <p class="error-text" id="lookup-wait">{tr(K::LookupWait)}" "{s}</p> })}
            <button type="button" class="back" id="lookup-close" on:click=move |_| on_close.run(())>"← "{tr(K::Close)}</button>
        </form>
    }
}
