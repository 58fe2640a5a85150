//! The survey's question screens: a screen of one question (a row of big faces, the visit
//! counts or the fields) or of several (a group's items, each a line of faces; the overall and
//! visits questions together), then the comment screen. Which questions a screen holds and
//! what a tap does is `motcua_domain::survey::kiosk`'s; this draws them.

use super::face::Face;
use super::tr;
use crate::platform::{kiosk_now, mono_millis, next_id_bytes};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::{t, K};
use motcua_domain::survey::kiosk::KioskFlow;
use motcua_domain::survey::questionnaire::{kiosk_fields, scale_key, Row, SCALE, SUGGESTION_MAX, VISITS};
use motcua_domain::survey::response::NOT_APPLICABLE;
use motcua_domain::Lang;

/// What a question asks, in the current language.
fn row_text(f: &KioskFlow, row: Row, lang: Lang) -> String {
    match row {
        // The flow only asks its own questionnaire's items; say nothing rather than fail.
        Row::Item(i) => {
            f.q.active_items()
                .nth(i)
                .map(|(_, it)| it.text.get(lang).to_string())
                .unwrap_or_default()
        }
        Row::Overall => t(lang, K::OverallQ).into(),
        Row::Visits => t(lang, K::VisitsQ).into(),
        Row::Field => t(lang, K::FieldQ).into(),
    }
}

/// The title above a screen: a group's title over its items, "Đánh giá chung" over the rest.
fn group_title(f: &KioskFlow, rows: &[Row], lang: Lang) -> String {
    match rows.first() {
        Some(Row::Item(i)) => {
            f.q.active_items()
                .nth(*i)
                .map(|(g, _)| g.title.get(lang).to_string())
                .unwrap_or_default()
        }
        _ if rows.len() > 1 => t(lang, K::OverallTitle).into(),
        _ => String::new(),
    }
}

/// One question screen.
#[component]
pub fn Question(flow: RwSignal<KioskFlow>) -> impl IntoView {
    let st = use_app();
    let rows = Memo::new(move |_| flow.with(KioskFlow::rows));
    let single = Memo::new(move |_| rows.with(|r| r.len() == 1));
    let heading = Memo::new(move |_| {
        let lang = st.lang();
        flow.with(|f| {
            let rs = rows.get();
            let title = group_title(f, &rs, lang);
            match rs[..] {
                [one] => (title, row_text(f, one, lang)),
                _ => (String::new(), title),
            }
        })
    });
    let item_alone = move || matches!(rows.get()[..], [Row::Item(_)]);
    view! {
        <div class="question" class:rows-screen=move || !single.get()>
            <Progress progress=Signal::derive(move || flow.with(|f| f.progress())) />
            <p class="group">{move || heading.get().0}</p>
            <h1 id="question-text">{move || heading.get().1}</h1>
            {move || if single.get() {
                view! { <OneQuestion flow rows /> }.into_any()
            } else {
                view! { <Lines flow rows /> }.into_any()
            }}
            <div class="kiosk-nav">
                <button class="back" id="back" on:click=move |_| flow.update(|f| f.back(mono_millis()))>"← "{tr(K::Back)}</button>
                <Show when=item_alone>
                    <button class="na" id="not-applicable" class:chosen=move || flow.with(|f| f.current_choice()) == Some(NOT_APPLICABLE)
                        on:click=move |_| flow.update(|f| f.not_applicable(mono_millis()))>{tr(K::NotApplicable)}</button>
                </Show>
                <button class="skip" id=move || if single.get() { "skip" } else { "next" } class:primary=move || !single.get()
                    on:click=move |_| flow.update(|f| f.skip(mono_millis()))>
                    {move || if single.get() { tr(K::Skip)() } else { tr(K::Next)() }}" →"
                </button>
            </div>
            <div class="kiosk-home">
                <button class="link" id="home" on:click=move |_| flow.update(|f| f.abandon(mono_millis()))>{tr(K::BackToStart)}</button>
            </div>
        </div>
    }
}

/// A screen of one question: its answers as big buttons. The buttons stay while the questions
/// of the same kind follow one another (only texts and highlights change: a tap stays well
/// under a frame).
#[component]
fn OneQuestion(flow: RwSignal<KioskFlow>, rows: Memo<Vec<Row>>) -> impl IntoView {
    let st = use_app();
    let kind = Memo::new(move |_| match rows.get().first() {
        Some(Row::Item(_)) | Some(Row::Overall) => Row::Overall,
        Some(r) => *r,
        None => Row::Field,
    });
    let chosen = move || flow.with(|f| f.current_choice());
    move || {
        match kind.get() {
            Row::Visits => VISITS
                .iter()
                .map(|&(v, key)| {
                    view! {
                        <button class="choice wide" data-value=v.to_string() class:chosen=move || chosen() == Some(v)
                            on:click=move |_| flow.update(|f| f.choose(v, mono_millis()))>{tr(key)}</button>
                    }
                })
                .collect_view()
                .into_any(),
            Row::Field => {
                let fields = st.catalogue.with(|c| kiosk_fields(c.iter().map(|p| p.field.as_str())));
                fields
                    .into_iter()
                    .map(|text| {
                        let vi = text.vi.clone();
                        let label = move || text.get(st.lang()).to_string();
                        let (v1, v2) = (vi.clone(), vi.clone());
                        view! {
                            <button class="choice wide" data-field=vi class:chosen=move || flow.with(|f| f.field == v1)
                                on:click=move |_| flow.update(|f| f.choose_field(&v2, mono_millis()))>{label}</button>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
            _ => SCALE
                .iter()
                .map(|&(v, ..)| {
                    view! {
                        <button class="choice scale" data-value=v.to_string() class:chosen=move || chosen() == Some(v)
                            on:click=move |_| flow.update(|f| f.choose(v, mono_millis()))>
                            <Face score=v />
                            <span>{tr(scale_key(v))}</span>
                        </button>
                    }
                })
                .collect_view()
                .into_any(),
        }
        .into_view()
    }
}

/// A screen of several questions: the faces' meaning once, then a line per question with its
/// own answers; a tap marks, "Tiếp" moves on.
#[component]
fn Lines(flow: RwSignal<KioskFlow>, rows: Memo<Vec<Row>>) -> impl IntoView {
    let st = use_app();
    let faces = move || rows.with(|r| r.iter().any(|x| matches!(x, Row::Item(_) | Row::Overall)));
    view! {
        <Show when=faces>
            <div class="scale-legend" aria-hidden="true">
                <span>{tr(K::ScaleLegend)}</span>
                {SCALE.iter().map(|&(v, ..)| view! { <span class="legend-face"><Face score=v />{tr(scale_key(v))}</span> }).collect_view()}
            </div>
        </Show>
        {move || rows.get().into_iter().map(|row| {
            let id = flow.with_untracked(|f| match row {
                Row::Item(i) => f.q.active_items().nth(i).map(|(_, it)| it.id.clone()).unwrap_or_default(),
                Row::Overall => "overall".into(),
                Row::Visits => "visits".into(),
                Row::Field => "field".into(),
            });
            let text = move || flow.with(|f| row_text(f, row, st.lang()));
            view! {
                <div class="qline" class:wide-line=row == Row::Visits data-row=id>
                    <p class="qline-text">{text}</p>
                    <div class="qline-choices" role="group" aria-label=text>
                        <LineAnswers flow row />
                    </div>
                </div>
            }
        }).collect_view()}
    }
}

/// The answers of one line: five faces (and "not applicable" on an item), or the visit counts.
#[component]
fn LineAnswers(flow: RwSignal<KioskFlow>, row: Row) -> impl IntoView {
    let chosen = move || flow.with(|f| f.choice(row));
    let tap = move |v: u8| flow.update(|f| f.answer(row, v, mono_millis()));
    if row == Row::Visits {
        return VISITS
            .iter()
            .map(|&(v, key)| {
                view! { <button class="choice line-wide" data-value=v.to_string() class:chosen=move || chosen() == Some(v) on:click=move |_| tap(v)>{tr(key)}</button> }
            })
            .collect_view()
            .into_any();
    }
    view! {
        {SCALE.iter().map(|&(v, ..)| view! {
            <button class="choice line-face" data-value=v.to_string() aria-label=tr(scale_key(v)) class:chosen=move || chosen() == Some(v) on:click=move |_| tap(v)>
                <Face score=v />
            </button>
        }).collect_view()}
        {matches!(row, Row::Item(_)).then(|| view! {
            <button class="choice line-na" data-value=NOT_APPLICABLE.to_string() class:chosen=move || chosen() == Some(NOT_APPLICABLE)
                on:click=move |_| tap(NOT_APPLICABLE)>{tr(K::NotApplicable)}</button>
        })}
    }
    .into_any()
}

/// Progress through the survey as a bar and "n / total".
#[component]
pub fn Progress(progress: Signal<(usize, usize)>) -> impl IntoView {
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
pub fn Comment(flow: RwSignal<KioskFlow>) -> impl IntoView {
    let st = use_app();
    let text = RwSignal::new(flow.with_untracked(|f| f.suggestion.clone()));
    let code = RwSignal::new(flow.with_untracked(|f| f.code.clone()));
    let submit = move |_| {
        let device = st.settings.with_untracked(|s| s.device_id.clone());
        let mut saved = None;
        flow.update(|f| {
            f.set_comment(&text.get_untracked(), &code.get_untracked(), mono_millis());
            saved = f.submit(next_id_bytes(), kiosk_now(), &device);
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
