//! The citizen's screen: welcome, one question per screen with big smiley buttons, thanks.
//! All rules (order, back, idle reset, single submit) live in `motcua_core::survey::kiosk`.

use crate::components::face::Face;
use crate::components::pinpad::PinPad;
use crate::components::tr;
use crate::platform::{mono_millis, next_id_bytes, now_millis, switch_to};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::dossier::PublicStatus;
use motcua_core::i18n::K;
use motcua_core::pin::PinCheck;
use motcua_core::survey::kiosk::Now;
use motcua_core::survey::kiosk::{KioskFlow, Step};
use motcua_core::survey::questionnaire::{scale_key, DEFAULT_FIELDS, SCALE, SUGGESTION_MAX, VISITS};
use motcua_core::survey::response::NOT_APPLICABLE;
use motcua_core::Lang;

/// The kiosk: the only screen reachable while the tablet is locked.
#[component]
pub fn Kiosk() -> impl IntoView {
    let st = use_app();
    let mut f = KioskFlow::new(st.book.get_untracked().current().clone(), mono_millis());
    f.idle_seconds = st.settings.with_untracked(|s| s.idle_seconds);
    // Staff invited the citizen at the hand-back: open on that dossier's rating.
    if let Some(code) = crate::storage::take_rate_for() {
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
        Step::Item(_) | Step::Overall | Step::Visits | Step::Field => Step::Item(0),
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
    let msg = RwSignal::new(String::new());
    // The survey, tied to a dossier when its code was scanned.
    let begin = move |code: Option<String>| {
        let q = st.book.get_untracked().current().clone();
        flow.update(|f| {
            f.q = q;
            match &code {
                Some(c) => f.start_for(c, mono_millis()),
                None => f.start(mono_millis()),
            }
        });
    };
    let start = move |_| begin(None);
    // Marks the moment the start button is on screen and live (read by scripts/bench.sh).
    Effect::new(move |_| {
        if let Some(p) = window().performance() {
            p.mark("kiosk-ready").ok();
        }
    });
    let unlock = Callback::new(move |pin: String| match st.check_pin(&pin) {
        PinCheck::Ok => {
            st.set_kiosk(false);
            asking.set(false);
            switch_to("/staff");
        }
        PinCheck::Wrong => msg.set(motcua_core::i18n::t(st.lang(), K::PinWrong).into()),
        PinCheck::Unreadable => msg.set(motcua_core::i18n::t(st.lang(), K::PinUnreadable).into()),
        PinCheck::Wait(s) => msg.set(format!("{} {s}", motcua_core::i18n::t(st.lang(), K::PinWait))),
    });
    view! {
        <div class="welcome">
            <div class="langs">
                <button class="lang-choice" class:active=move || st.lang() == Lang::Vi on:click=move |_| st.set_lang(Lang::Vi)>"Tiếng Việt"</button>
                <button class="lang-choice" class:active=move || st.lang() == Lang::En on:click=move |_| st.set_lang(Lang::En)>"English"</button>
            </div>
            <h1>{tr(K::WelcomeTitle)}</h1>
            <p class="sub" id="welcome-time">{move || {
                let lang = st.lang();
                let minutes = st.book.with(|b| b.current().reading_minutes(lang));
                format!("{} {minutes} {}", motcua_core::i18n::t(lang, K::WelcomeAbout), motcua_core::i18n::t(lang, K::WelcomeSub))
            }}</p>
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
            <button class="staff-corner" id="staff-exit" on:click=move |_| { msg.set(String::new()); asking.set(true) }>{tr(K::StaffButton)}</button>
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
        let saved = flow.try_update(|f| f.quick(v, next_id_bytes(), both_clocks(), &device)).flatten();
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

/// Thanks after a one-tap rating, offering to go on to the questionnaire for a few seconds.
#[component]
fn QuickThanks(flow: RwSignal<KioskFlow>) -> impl IntoView {
    view! {
        <div class="thanks quick-thanks" id="quick-thanks">
            <h1>{tr(K::ThanksTitle)}</h1>
            <p class="sub">{tr(K::QuickMore)}</p>
            <button class="start" id="continue" on:click=move |_| flow.update(|f| f.continue_detailed(mono_millis()))>{tr(K::QuickContinue)}</button>
        </div>
    }
}

/// A citizen types a dossier code and sees its status and due date, nothing else. Closes by
/// itself after a minute so that the next person does not see it.
#[component]
fn Lookup(on_close: Callback<()>) -> impl IntoView {
    let st = use_app();
    let code = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Option<PublicStatus>>);
    let waiting = RwSignal::new(None::<i64>);
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (mono, wall) = (mono_millis(), now_millis());
        let allowed = st.lookup_limit.try_update_value(|l| {
            let allowed = l.allow(mono);
            crate::storage::set_session_lookups(&l.to_wall(mono, wall));
            allowed
        });
        if let Err(wait) = allowed.unwrap_or(Ok(())) {
            result.set(None);
            waiting.set(Some(wait));
            return;
        }
        waiting.set(None);
        let now = crate::platform::now_local();
        result.set(Some(st.find_dossier(&code.get_untracked(), now)));
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
                Some(p) => view! {
                    <dl class="lookup-result" id="lookup-result">
                        <dt>{tr(K::Code)}</dt><dd>{p.code}</dd>
                        <dt>{tr(K::Status)}</dt><dd id="lookup-status">{p.status.label(st.lang())}</dd>
                        <dt>{tr(K::DueDate)}</dt><dd id="lookup-due">{motcua_core::format::date(p.due.date())}
                            {p.provisional.then(|| view! { " "<span class="provisional" id="lookup-provisional">{tr(K::DueProvisional)}</span> })}</dd>
                    </dl>
                }.into_any(),
                None => view! { <p class="error-text" id="lookup-none">{tr(K::LookupNone)}</p> }.into_any(),
            })}
            {move || waiting.get().map(|s| view! { <p class="error-text" id="lookup-wait">{tr(K::LookupWait)}" "{s}</p> })}
            <button type="button" class="back" id="lookup-close" on:click=move |_| on_close.run(())>"← "{tr(K::Close)}</button>
        </form>
    }
}

/// One question: a 5-point item, overall satisfaction, visits or field.
#[component]
fn Question(flow: RwSignal<KioskFlow>) -> impl IntoView {
    let st = use_app();
    let progress = move || flow.with(|f| f.progress());
    let lang = move || st.lang();
    let heading = Memo::new(move |_| {
        flow.with(|f| match f.step {
            // The flow only steps within its own questionnaire's items; say nothing rather
            // than fail if that ever breaks.
            Step::Item(i) => {
                f.q.active_items()
                    .nth(i)
                    .map(|(g, item)| (g.title.get(lang()).to_string(), item.text.get(lang()).to_string()))
                    .unwrap_or_default()
            }
            Step::Overall => (String::new(), motcua_core::i18n::t(lang(), K::OverallQ).to_string()),
            Step::Visits => (String::new(), motcua_core::i18n::t(lang(), K::VisitsQ).to_string()),
            _ => (String::new(), motcua_core::i18n::t(lang(), K::FieldQ).to_string()),
        })
    });
    let chosen = move || flow.with(|f| f.current_choice());
    // The fields (lĩnh vực) of the procedure catalogue; the short default list if it has none.
    let fields = move || {
        let mut fs: Vec<(String, String)> = st.catalogue.with(|c| {
            c.iter()
                .map(|p| (p.field.clone(), String::new()))
                .filter(|(f, _)| !f.trim().is_empty())
                .collect()
        });
        fs.sort_unstable();
        fs.dedup();
        if fs.is_empty() {
            fs = DEFAULT_FIELDS.iter().map(|(v, e)| (v.to_string(), e.to_string())).collect();
        }
        fs.push(("Khác".into(), "Other".into()));
        fs.dedup();
        fs
    };
    // Which set of buttons to show; the buttons themselves stay while the items change.
    let kind = Memo::new(move |_| match flow.with(|f| f.step) {
        Step::Item(_) | Step::Overall => Step::Overall,
        s => s,
    });
    let choices = move || match kind.get() {
        Step::Item(_) | Step::Overall => SCALE
            .iter()
            .map(|&(v, ..)| {
                let label = tr(scale_key(v));
                view! {
                    <button class="choice scale" data-value=v.to_string() class:chosen=move || chosen() == Some(v)
                        on:click=move |_| flow.update(|f| f.choose(v, mono_millis()))>
                        <Face score=v />
                        <span>{label}</span>
                    </button>
                }
            })
            .collect_view()
            .into_any(),
        Step::Visits => VISITS
            .iter()
            .map(|&(v, vi, en)| {
                let label = if lang() == Lang::Vi { vi } else { en };
                view! {
                    <button class="choice wide" data-value=v.to_string() class:chosen=move || chosen() == Some(v)
                        on:click=move |_| flow.update(|f| f.choose(v, mono_millis()))>{label}</button>
                }
            })
            .collect_view()
            .into_any(),
        _ => fields()
            .into_iter()
            .map(|(vi, en)| {
                let label = if lang() == Lang::Vi || en.is_empty() { vi.clone() } else { en };
                let (v1, v2) = (vi.clone(), vi.clone());
                view! {
                    <button class="choice wide" data-field=vi class:chosen=move || flow.with(|f| f.field == v1)
                        on:click=move |_| flow.update(|f| f.choose_field(&v2, mono_millis()))>{label}</button>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <div class="question">
            <Progress progress=Signal::derive(progress) />
            <p class="group">{move || heading.get().0}</p>
            <h1 id="question-text">{move || heading.get().1}</h1>
            <div class="choices">{choices}</div>
            <div class="kiosk-nav">
                <button class="back" id="back" on:click=move |_| flow.update(|f| f.back(mono_millis()))>"← "{tr(K::Back)}</button>
                <Show when=move || matches!(flow.with(|f| f.step), Step::Item(_))>
                    <button class="na" id="not-applicable" class:chosen=move || chosen() == Some(NOT_APPLICABLE)
                        on:click=move |_| flow.update(|f| f.not_applicable(mono_millis()))>{tr(K::NotApplicable)}</button>
                </Show>
                <button class="skip" id="skip" on:click=move |_| flow.update(|f| f.skip(mono_millis()))>{tr(K::Skip)}" →"</button>
            </div>
            <div class="kiosk-home">
                <button class="link" id="home" on:click=move |_| flow.update(|f| f.abandon(mono_millis()))>{tr(K::BackToStart)}</button>
            </div>
        </div>
    }
}

/// Progress through the survey as a bar and "n / total".
#[component]
fn Progress(progress: Signal<(usize, usize)>) -> impl IntoView {
    let pct = move || {
        let (c, t) = progress.get();
        format!("{}%", c * 100 / t.max(1))
    };
    view! {
        <div class="progress" aria-label="progress">
            <div class="bar" style:width=pct></div>
            <span id="progress-text">{move || { let (c, t) = progress.get(); format!("{c} / {t}") }}</span>
        </div>
    }
}

/// The last screen: optional suggestion and dossier code, then submit (saved once).
#[component]
fn Comment(flow: RwSignal<KioskFlow>) -> impl IntoView {
    let st = use_app();
    let text = RwSignal::new(flow.with_untracked(|f| f.suggestion.clone()));
    let code = RwSignal::new(flow.with_untracked(|f| f.code.clone()));
    let submit = move |_| {
        let device = st.settings.with_untracked(|s| s.device_id.clone());
        let mut saved = None;
        flow.update(|f| {
            f.set_comment(&text.get_untracked(), &code.get_untracked(), mono_millis());
            saved = f.submit(next_id_bytes(), both_clocks(), &device);
        });
        if let Some(r) = saved {
            st.add_response(r);
        }
    };
    view! {
        <div class="question comment">
            <Progress progress=Signal::derive(move || flow.with(|f| f.progress())) />
            <h1 id="comment-q">{tr(K::CommentQ)}</h1>
            <textarea id="suggestion" aria-labelledby="comment-q" rows="4" autocomplete="off" maxlength=SUGGESTION_MAX.to_string() prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <label>{tr(K::DossierCodeOpt)}
                <input id="dossier-code" type="text" autocomplete="off" maxlength="40" prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
            </label>
            <button class="start submit" id="submit" on:click=submit>{tr(K::Submit)}</button>
            <div class="kiosk-nav">
                <button class="back" id="back" on:click=move |_| flow.update(|f| {
                    f.set_comment(&text.get_untracked(), &code.get_untracked(), mono_millis());
                    f.back(mono_millis());
                })>"← "{tr(K::Back)}</button>
            </div>
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

/// The record's stamp from the wall clock, the flow's timing from the page's monotonic clock
/// (`survey::kiosk::Now`): a clock set forward or back never resets a citizen's survey.
fn both_clocks() -> Now {
    Now {
        wall: now_millis(),
        mono: mono_millis(),
    }
}
