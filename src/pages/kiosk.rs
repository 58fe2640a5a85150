//! The citizen's screen: welcome (one-tap faces, start, scan, look-up), the question screens
//! (`components::survey_screen`), thanks. All rules (order, back, idle reset, single submit)
//! live in `motcua_domain::survey::kiosk`.

use crate::components::face::Face;
use crate::components::kiosk_lookup::Lookup;
use crate::components::pinpad::PinPad;
use crate::components::survey_screen::{Comment, Question};
use crate::components::tr;
use crate::platform::{kiosk_now, mono_millis, next_id_bytes, switch_to};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::{Msg, K};
use motcua_domain::pin::PinCheck;
use motcua_domain::survey::kiosk::{KioskFlow, Step};
use motcua_domain::survey::questionnaire::{scale_key, SCALE};
use motcua_domain::Lang;

/// The kiosk: the only screen reachable while the tablet is locked.
#[component]
pub fn Kiosk() -> impl IntoView {
    let st = use_app();
    let mut f = KioskFlow::new(st.book.get_untracked().current().clone(), mono_millis());
    f.idle_seconds = st.settings.with_untracked(|s| s.idle_seconds);
    // The ratings are about the officer last on duty, when the unit chose to rate officers.
    if st.settings.with_untracked(|s| s.rate_officers) {
        f.officer = crate::storage::kiosk_officer();
    }
    // Staff invited the citizen at the hand-back: open on that dossier's rating.
    if let Some(code) = crate::session::take_rate_for() {
        f.start_for(&code, mono_millis());
    }
    let flow = RwSignal::new(f);
    // One timer drives the idle reset and the thank-you auto-reset.
    let timer = set_interval_with_handle(
        move || flow.maybe_update(|f| f.tick(mono_millis())),
        std::time::Duration::from_millis(500),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = timer {
            t.clear();
        }
    });
    // Any touch counts as activity, so a slow reader is not reset mid-answer.
    let touch = move || flow.update_untracked(|f| f.touch(mono_millis()));
    // Only a change of *screen* rebuilds the DOM; moving from one question to the next just
    // updates texts and highlights (this keeps a tap well under a frame).
    let screen = Memo::new(move |_| match flow.with(|f| f.step) {
        Step::Screen(_) => Step::Screen(0),
        s => s,
    });
    // Nothing dropped on the kiosk (a file, a link) may take the browser away from it, and a
    // long press opens no menu.
    let guards: Vec<_> = ["dragover", "drop", "contextmenu"]
        .into_iter()
        .map(|ev| window_event_listener_untyped(ev, |e| e.prevent_default()))
        .collect();
    on_cleanup(move || guards.into_iter().for_each(|g| g.remove()));
    // How each visit ended goes, anonymously, into this month's funnel.
    Effect::new(move |_| {
        flow.track();
        if let Some(e) = flow.try_update_untracked(|f| f.take_ending()).flatten() {
            st.record_funnel(e);
        }
    });
    view! {
        <div class="kiosk" on:pointerdown=move |_| touch() on:keydown=move |_| touch()>
            {move || match screen.get() {
                Step::Welcome => view! { <Welcome flow /> }.into_any(),
                Step::Thanks => view! { <Thanks /> }.into_any(),
                Step::QuickThanks => view! { <QuickThanks flow /> }.into_any(),
                Step::Comment => view! { <Comment flow /> }.into_any(),
                _ => view! { <Question flow /> }.into_any(),
            }}
        </div>
    }
}

/// The welcome screen: one big start button, the language choice and a discreet staff button.
#[component]
fn Welcome(flow: RwSignal<KioskFlow>) -> impl IntoView {
    let st = use_app();
    let asking = RwSignal::new(false);
    let looking = RwSignal::new(false);
    let scanning = RwSignal::new(false);
    let msg = RwSignal::new(None::<Msg>);
    // The survey, tied to a dossier when its code was scanned.
    let begin = move |code: Option<String>| {
        let q = st.book.get_untracked().current().clone();
        flow.update(|f| {
            f.ask(q, mono_millis());
            match &code {
                Some(c) => f.start_for(c, mono_millis()),
                None => f.start(mono_millis()),
            }
        });
    };
    let start = move |_| begin(None);
    // Marks the moment the start button is on screen and live (read by scripts/bench.sh).
    Effect::new(move |_| crate::platform::mark("kiosk-ready"));
    let unlock = Callback::new(move |pin: String| match st.check_pin(&pin) {
        PinCheck::Ok => {
            st.set_kiosk(false);
            asking.set(false);
            switch_to(&crate::session::take_return_route());
        }
        refused => msg.set(refused.msg()),
    });
    view! {
        <div class="welcome">
            <div class="langs">
                {Lang::ALL.map(|l| view! { <button class="lang-choice" class:active=move || st.lang() == l on:click=move |_| st.set_lang(l)>{l.name()}</button> })}
            </div>
            // The look-up takes the welcome's place: at 1280×800 its answer (the due date) and
            // "Đóng" were below the fold under the welcome's title (issue 25).
            <Show when=move || !looking.get()>
                <h1>{tr(K::WelcomeTitle)}</h1>
                <p class="sub" id="welcome-time">{move || {
                    let lang = st.lang();
                    let minutes = st.book.with(|b| b.current().reading_minutes(lang));
                    format!("{} {minutes} {}", motcua_domain::i18n::t(lang, K::WelcomeAbout), motcua_domain::i18n::t(lang, K::WelcomeSub))
                }}</p>
            </Show>
            <Show when=move || !looking.get() fallback=move || view! { <Lookup on_close=Callback::new(move |_| looking.set(false)) /> }>
                <Show when=move || !scanning.get() fallback=move || view! {
                    <crate::components::scanner::Scanner
                        on_code=Callback::new(move |code: String| begin(Some(code)))
                        on_without=Callback::new(move |_| begin(None))
                        on_cancel=Callback::new(move |_| scanning.set(false)) />
                }>
                    <Show when=move || st.book.with(|b| b.current().quick.enabled)>
                        <QuickFaces flow />
                    </Show>
                    <button class="start" id="start" on:click=start>{tr(K::Start)}</button>
                    <div class="welcome-more">
                        <button class="lookup-open" id="scan-open" on:click=move |_| scanning.set(true)>{tr(K::ScanOpen)}</button>
                        <button class="lookup-open" id="lookup-open" on:click=move |_| looking.set(true)>{tr(K::LookupTitle)}</button>
                    </div>
                </Show>
            </Show>
            <button class="staff-corner" id="staff-exit" on:click=move |_| { msg.set(None); asking.set(true) }>{tr(K::StaffButton)}</button>
            <Show when=move || asking.get()>
                <PinPad title=K::PinEnter message=msg on_submit=unlock on_cancel=Callback::new(move |_| asking.set(false)) />
            </Show>
        </div>
    }
}

/// The five faces of the one-tap rating: a tap saves the overall rating at once.
#[component]
fn QuickFaces(flow: RwSignal<KioskFlow>) -> impl IntoView {
    let st = use_app();
    let tap = move |v: u8| {
        let device = st.settings.with_untracked(|s| s.device_id.clone());
        let saved = flow.try_update(|f| f.quick(v, next_id_bytes(), kiosk_now(), &device)).flatten();
        if let Some(r) = saved {
            st.add_response(r);
        }
    };
    view! {
        <p class="quick-title">{tr(K::QuickTitle)}</p>
        <div class="choices quick" id="quick">
            {SCALE.iter().map(|&(v, ..)| view! {
                <button class="choice scale" data-quick=v.to_string() on:click=move |_| tap(v)>
                    <Face score=v />
                    <span>{tr(scale_key(v))}</span>
                </button>
            }).collect_view()}
        </div>
    }
}

/// Thanks after a one-tap rating, offering to go on to the questionnaire for a few seconds;
/// after a low rating, the reasons first (a tap saves the rating again with it).
#[component]
fn QuickThanks(flow: RwSignal<KioskFlow>) -> impl IntoView {
    let st = use_app();
    let reasons = move || flow.with(|f| if f.offers_reasons() { f.q.reasons.clone() } else { Vec::new() });
    let toggle = move |id: &str| {
        let device = st.settings.with_untracked(|s| s.device_id.clone());
        if let Some(r) = flow.try_update(|f| f.toggle_reason(id, kiosk_now(), &device)).flatten() {
            st.add_response(r);
        }
    };
    view! {
        <div class="thanks quick-thanks" id="quick-thanks">
            <h1>{tr(K::ThanksTitle)}</h1>
            <Show when=move || !reasons().is_empty()>
                <p class="sub" id="reasons-q">{tr(K::ReasonsQ)}</p>
                <div class="reasons" id="reasons" role="group" aria-labelledby="reasons-q">
                    {move || reasons().into_iter().map(|r| {
                        let (id, id2) = (r.id.clone(), r.id.clone());
                        view! {
                            <button class="reason" data-reason=r.id.clone() aria-pressed=move || flow.with(|f| f.reasons.contains(&id)).to_string()
                                class:chosen=move || flow.with(|f| f.reasons.contains(&id2)) on:click=move |_| toggle(&r.id)>
                                {move || r.text.get(st.lang()).to_string()}
                            </button>
                        }
                    }).collect_view()}
                </div>
            </Show>
            <p class="sub">{tr(K::QuickMore)}</p>
            <button class="start" id="continue" on:click=move |_| flow.update(|f| f.continue_detailed(mono_millis()))>{tr(K::QuickContinue)}</button>
        </div>
    }
}

/// Thanks; the flow's timer returns to the welcome screen after a few seconds.
#[component]
fn Thanks() -> impl IntoView {
    view! {
        <div class="thanks" id="thanks">
            <Face score=5 />
            <h1>{tr(K::ThanksTitle)}</h1>
            <p class="sub">{tr(K::ThanksSub)}</p>
        </div>
    }
}
