//! The desk screen: is the kiosk working today, what did citizens write, and the lock button.

use crate::components::index_card::IndexCard;
use crate::components::pinpad::PinPad;
use crate::components::{tr, Page};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use motcua_domain::i18n::{t, Msg, K};
use motcua_domain::pin::valid_pin;
use motcua_domain::survey::desk::summary;

/// Desk overview for staff (behind the PIN when the tablet is in kiosk mode).
#[component]
pub fn Staff() -> impl IntoView {
    let st = use_app();
    let desk = Memo::new(move |_| st.responses.with(|rs| summary(rs, crate::platform::now_millis(), 10)));
    let today = move || desk.with(|d| d.today);
    let total = move || desk.with(|d| d.recent);
    let latest = move || desk.with(|d| d.latest.clone());
    // Marks the moment the desk's figures are on screen (read by the unlock benchmark).
    Effect::new(move |_| crate::platform::mark("desk-ready"));
    view! {
        <Page title=K::NavStaff>
            // First: locking the tablet for the next citizen is what the desk is opened for
            // most, and it must not need a scroll past the figures (issue 25).
            <EnterKiosk />
            <div class="cards">
                <div class="card"><h2>{tr(K::TodayCount)}</h2><p class="big" id="today-count">{today}</p></div>
                <div class="card"><h2>{tr(K::RecentCount)}</h2><p class="big" id="total-count">{total}</p></div>
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
                                <li><time>{motcua_domain::format::day_month_clock(at)}</time>" "{s}</li>
                            }).collect_view().into_any()
                        }
                    }}
                </ul>
            </div>
            <FunnelCard />
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
    let msg = RwSignal::new(None::<Msg>);
    let lock = move || {
        st.set_kiosk(true);
        navigate("/kiosk", Default::default());
    };
    let lock2 = lock.clone();
    let on_pin = Callback::new(move |pin: String| {
        match first.get_untracked() {
            None if !valid_pin(&pin) => msg.set(Some(K::PinInvalid.into())),
            None => {
                first.set(Some(pin));
                msg.set(Some(K::PinRepeat.into()));
            }
            Some(p) if p == pin => match st.set_pin(&pin) {
                Ok(()) => {
                    creating.set(false);
                    lock2();
                }
                // Not saved: the tablet is not locked with a PIN nobody could type again.
                Err(e) => {
                    first.set(None);
                    msg.set(Some(e.msg()));
                }
            },
            Some(_) => {
                first.set(None);
                msg.set(Some(K::PinMismatch.into()));
            }
        }
    });
    view! {
        <button class="primary big-button" id="enter-kiosk" on:click=move |_| {
            if st.pin.get_untracked().is_some() { lock() } else { first.set(None); msg.set(None); creating.set(true) }
        }>{tr(K::EnterKiosk)}</button>
        <Show when=move || creating.get()>
            <PinPad title=K::PinCreate message=msg on_submit=on_pin on_cancel=Callback::new(move |_| creating.set(false)) />
        </Show>
    }
}

/// Where citizens give up, per questionnaire version: started, completed, the rate, the
/// median time, the screen most leave at, and a small chart of leavers per screen.
#[component]
fn FunnelCard() -> impl IntoView {
    let st = use_app();
    let stats = Memo::new(move |_| st.docs.funnel.with(motcua_domain::survey::funnel::stats));
    view! {
        <div class="card funnel" id="funnel">
            <h2>{tr(K::FunnelTitle)}</h2>
            {move || stats.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(K::NoData)}</p> })}
            {move || stats.get().into_iter().map(|s| {
                let chart = crate::charts::screens_chart(&s.abandoned_at, t(st.lang(), K::FunnelTitle), t(st.lang(), K::ScreenNo), t(st.lang(), K::Leavers));
                view! {
                    <div class="funnel-version" data-version=s.version.to_string()>
                        <p><strong>{tr(K::Version)}" "{s.version}</strong>" · "{tr(K::QuickRatings)}": "<span class="quick-n">{s.quick}</span>
                            " · "{tr(K::Started)}": "<span class="started">{s.started}</span>" · "{tr(K::Completed)}": "<span class="completed">{s.completed}</span>
                            " · "{tr(K::CompletionRate)}": "<span class="rate">{s.completion_text()}</span>
                            " · "{tr(K::MedianTime)}": "{s.median_seconds.map_or("—".into(), |x| x.to_string())}
                            " · "{tr(K::WorstScreen)}": "<span class="worst">{s.worst.map_or("—".into(), |(k, n)| format!("{k} ({n})"))}</span></p>
                        <div class="chart" inner_html=chart></div>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
