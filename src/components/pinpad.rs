use super::tr;
use leptos::prelude::*;
use motcua_domain::i18n::{Msg, K};

/// A big on-screen keypad for the staff PIN. Calls `on_submit` with the digits typed.
#[component]
pub fn PinPad(title: K, #[prop(into)] message: Signal<Option<Msg>>, on_submit: Callback<String>, on_cancel: Callback<()>) -> impl IntoView {
    let digits = RwSignal::new(String::new());
    let press = move |d: char| {
        digits.update(|s| {
            if s.len() < 8 {
                s.push(d)
            }
        })
    };
    let submit = move || {
        let pin = digits.get_untracked();
        digits.set(String::new());
        on_submit.run(pin);
    };
    view! {
        <div class="overlay">
            <div class="pinpad" role="dialog" aria-label=tr(title)>
                <h2>{tr(title)}</h2>
                <div class="pin-dots" id="pin-dots">{move || "●".repeat(digits.with(|s| s.len()))}</div>
                <p class="pin-msg" id="pin-msg">{move || message.get().map(super::tm)}</p>
                <div class="keys">
                    {"123456789".chars().map(|d| view! {
                        <button class="key" data-digit=d.to_string() on:click=move |_| press(d)>{d.to_string()}</button>
                    }).collect_view()}
                    <button class="key" id="pin-clear" on:click=move |_| digits.set(String::new())>"⌫"</button>
                    <button class="key" data-digit="0" on:click=move |_| press('0')>"0"</button>
                    <button class="key ok" id="pin-ok" on:click=move |_| submit()>{tr(K::Ok)}</button>
                </div>
                <button class="link" id="pin-cancel" on:click=move |_| on_cancel.run(())>{tr(K::Cancel)}</button>
            </div>
        </div>
    }
}
