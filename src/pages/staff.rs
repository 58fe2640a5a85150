//! The desk screen: is the kiosk working today, what did citizens write, and the lock button.

use crate::components::index_card::IndexCard;
use crate::components::pinpad::PinPad;
use crate::components::{tr, Page};
use crate::state::use_app;
use chrono::{DateTime, Local};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use motcua_core::i18n::{t, K};
use motcua_core::pin::valid_pin;
use motcua_core::record::vn_date;

/// Desk overview for staff (behind the PIN when the tablet is in kiosk mode).
#[component]
pub fn Staff() -> impl IntoView {
    let st = use_app();
    let today = move || {
        let d = vn_date(crate::platform::now_millis());
        st.responses
            .with(|rs| rs.iter().filter(|r| !r.meta.deleted && vn_date(r.meta.created_at) == d).count())
    };
    let total = move || st.responses.with(|rs| rs.iter().filter(|r| !r.meta.deleted).count());
    let latest = move || {
        let mut v: Vec<_> = st.responses.with(|rs| {
            rs.iter()
                .filter(|r| !r.meta.deleted && !r.s.is_empty())
                .map(|r| (r.meta.created_at, r.s.clone()))
                .collect()
        });
        v.sort_unstable_by_key(|x| std::cmp::Reverse(x.0));
        v.truncate(10);
        v
    };
    view! {
        <Page title=K::NavStaff>
            <div class="cards">
                <div class="card"><h2>{tr(K::TodayCount)}</h2><p class="big" id="today-count">{today}</p></div>
                <div class="card"><h2>{tr(K::TotalCount)}</h2><p class="big" id="total-count">{total}</p></div>
                <IndexCard />
            </div>
            <div class="card">
                <h2>{tr(K::LatestSuggestions)}</h2>
                <ul class="suggestions" id="suggestions">
                    {move || {
                        let l = latest();
                        if l.is_empty() {
                            view! { <li class="muted">{tr(K::NoSuggestions)}</li> }.into_any()
                        } else {
                            // Text nodes: a suggestion is shown as typed, never parsed as HTML.
                            l.into_iter().map(|(at, s)| view! {
                                <li><time>{DateTime::from_timestamp_millis(at).unwrap_or_default().with_timezone(&Local).format("%d/%m %H:%M").to_string()}</time>" "{s}</li>
                            }).collect_view().into_any()
                        }
                    }}
                </ul>
            </div>
            <EnterKiosk />
        </Page>
    }
}

/// Locks the tablet into the survey; creates the staff PIN first if there is none.
#[component]
pub fn EnterKiosk() -> impl IntoView {
    let st = use_app();
    let navigate = use_navigate();
    let creating = RwSignal::new(false);
    let first = RwSignal::new(None::<String>);
    let msg = RwSignal::new(String::new());
    let lock = move || {
        st.set_kiosk(true);
        navigate("/kiosk", Default::default());
    };
    let lock2 = lock.clone();
    let on_pin = Callback::new(move |pin: String| {
        let lang = st.lang();
        match first.get_untracked() {
            None if !valid_pin(&pin) => msg.set(t(lang, K::PinInvalid).into()),
            None => {
                first.set(Some(pin));
                msg.set(t(lang, K::PinRepeat).into());
            }
            Some(p) if p == pin => {
                if st.set_pin(&pin).is_ok() {
                    creating.set(false);
                    lock2();
                }
            }
            Some(_) => {
                first.set(None);
                msg.set(t(lang, K::PinMismatch).into());
            }
        }
    });
    view! {
        <button class="primary big-button" id="enter-kiosk" on:click=move |_| {
            if st.pin.get_untracked().is_some() { lock() } else { first.set(None); msg.set(String::new()); creating.set(true) }
        }>{tr(K::EnterKiosk)}</button>
        <Show when=move || creating.get()>
            <PinPad title=K::PinCreate message=msg on_submit=on_pin on_cancel=Callback::new(move |_| creating.set(false)) />
        </Show>
    }
}
