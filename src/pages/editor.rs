//! Questionnaire editor: wording in both languages, items on/off, new items, full or short
//! form. Publishing makes a new version; responses keep the version they answered.

use crate::components::{tr, Page};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::K;
use motcua_domain::survey::questionnaire::{Form, Item, Layout, Questionnaire, Reason, Text, REASONS_MAX};

fn item(q: &Questionnaire, g: usize, i: usize) -> Option<&Item> {
    q.groups.get(g).and_then(|g| g.items.get(i))
}

/// Edit a draft of the questionnaire and publish it.
#[component]
pub fn Editor() -> impl IntoView {
    let st = use_app();
    let draft = RwSignal::new(st.book.get_untracked().current().clone());
    // The version published, or why it was not.
    let published = RwSignal::new(None::<Result<u32, motcua_domain::i18n::Msg>>);
    let set_form = move |form: Form| {
        let cur = st.book.get_untracked().current().clone();
        // What the editor chose besides the items stays with the draft.
        let (quick, layout, reasons) = draft.with_untracked(|q| (q.quick, q.layout, q.reasons.clone()));
        let base = match form {
            f if f == cur.form => cur,
            Form::Full => Questionnaire::seed(),
            Form::Short => Questionnaire::short(),
        };
        draft.set(Questionnaire {
            quick,
            layout,
            reasons,
            ..base
        });
    };
    let publish = move |_| {
        let r = st.publish(draft.get_untracked()).map_err(|e| e.msg());
        if r.is_ok() {
            draft.set(st.book.get_untracked().current().clone());
        }
        published.set(Some(r));
    };
    let groups = move || {
        draft.with(|q| {
            q.groups
                .iter()
                .map(|g| (g.id.clone(), g.title.vi.clone(), g.items.len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Page title=K::Questionnaire>
            <p>{tr(K::Version)}": "<strong id="active-version">{move || st.book.with(|b| b.active)}</strong></p>
            <div class="card form-choice">
                <label><input type="radio" name="form" id="form-full" prop:checked=move || draft.with(|q| q.form == Form::Full) on:change=move |_| set_form(Form::Full) />{tr(K::FormFull)}</label>
                <label><input type="radio" name="form" id="form-short" prop:checked=move || draft.with(|q| q.form == Form::Short) on:change=move |_| set_form(Form::Short) />{tr(K::FormShort)}</label>
            </div>
            <div class="card form-choice" role="radiogroup" aria-label=tr(K::LayoutLabel)>
                <span>{tr(K::LayoutLabel)}": "</span>
                <label><input type="radio" name="layout" id="layout-group" prop:checked=move || draft.with(|q| q.layout == Layout::Group) on:change=move |_| draft.update(|q| q.layout = Layout::Group) />{tr(K::LayoutGroup)}</label>
                <label><input type="radio" name="layout" id="layout-item" prop:checked=move || draft.with(|q| q.layout == Layout::Item) on:change=move |_| draft.update(|q| q.layout = Layout::Item) />{tr(K::LayoutItem)}</label>
            </div>
            <QuickEditor draft />
            <ReasonsEditor draft />
            {move || groups().into_iter().enumerate().map(|(gi, (gid, title, n))| view! {
                <fieldset class="card group-edit">
                    <legend>{title}</legend>
                    {(0..n).map(|ii| {
                        // Rows of a previous shape may be read once more while the list is
                        // rebuilt (full ↔ short form): look items up, never index blindly.
                        let get = move |f: fn(&Item) -> String| draft.with(|q| item(q, gi, ii).map(f).unwrap_or_default());
                        let (label_vi, label_en) = (tr(K::ItemTextVi), tr(K::ItemTextEn));
                        let set = move |f: &dyn Fn(&mut Item)| draft.update(|q| if let Some(i) = q.groups.get_mut(gi).and_then(|g| g.items.get_mut(ii)) { f(i) });
                        view! {
                            <div class="item-edit">
                                <label class="toggle" title=tr(K::Enabled)><input type="checkbox" aria-label=tr(K::Enabled) prop:checked=move || draft.with(|q| item(q, gi, ii).is_some_and(|i| i.enabled))
                                    on:change=move |ev| set(&|i| i.enabled = event_target_checked(&ev)) /></label>
                                <input type="text" class="vi" aria-label=move || format!("{} {}", label_vi(), ii + 1) prop:value=move || get(|i| i.text.vi.clone())
                                    on:change=move |ev| set(&|i| i.text.vi = event_target_value(&ev)) />
                                <input type="text" class="en" aria-label=move || format!("{} {}", label_en(), ii + 1) prop:value=move || get(|i| i.text.en.clone())
                                    on:change=move |ev| set(&|i| i.text.en = event_target_value(&ev)) />
                            </div>
                        }
                    }).collect_view()}
                    <button class="add-item" on:click={let gid = gid.clone(); move |_| { draft.update(|q| { q.add_item(&gid, Text::new("Câu hỏi mới", "New item")); }); }}>{tr(K::AddItem)}</button>
                </fieldset>
            }).collect_view()}
            <button class="primary" id="publish" on:click=publish>{tr(K::Publish)}</button>
            {move || published.get().map(|r| match r {
                Ok(v) => view! { <p class="ok" id="published">{tr(K::Published)}" "{v}</p> }.into_any(),
                Err(e) => view! { <p class="error-text" id="publish-error" role="alert">{crate::components::tm(e)}</p> }.into_any(),
            })}
        </Page>
    }
}

/// The one-tap rating: on or off, and which screens "Góp ý chi tiết" goes on with.
#[component]
fn QuickEditor(draft: RwSignal<Questionnaire>) -> impl IntoView {
    let check = |id: &'static str, key: K, get: fn(&Questionnaire) -> bool, set: fn(&mut Questionnaire, bool)| {
        view! {
            <label class="check"><input type="checkbox" id=id prop:checked=move || draft.with(get)
                on:change=move |ev| draft.update(|q| set(q, event_target_checked(&ev))) />{tr(key)}</label>
        }
    };
    view! {
        <fieldset class="card quick-edit">
            <legend>{tr(K::QuickRatingOn)}</legend>
            {check("quick-on", K::QuickRatingOn, |q| q.quick.enabled, |q, v| q.quick.enabled = v)}
            <p class="muted">{tr(K::QuickFollows)}</p>
            {check("quick-items", K::QuickItems, |q| q.quick.items, |q, v| q.quick.items = v)}
            {check("quick-visits", K::QuickVisits, |q| q.quick.visits, |q, v| q.quick.visits = v)}
            {check("quick-field", K::QuickField, |q| q.quick.field, |q, v| q.quick.field = v)}
        </fieldset>
    }
}

/// The reasons offered after a low one-tap rating: wording in both languages, removed, added
/// (a new reason gets a fresh id: stored responses name the old ones).
#[component]
fn ReasonsEditor(draft: RwSignal<Questionnaire>) -> impl IntoView {
    let count = move || draft.with(|q| q.reasons.len());
    let get = move |i: usize, en: bool| {
        draft.with(|q| {
            q.reasons
                .get(i)
                .map(|r| if en { r.text.en.clone() } else { r.text.vi.clone() })
                .unwrap_or_default()
        })
    };
    let set = move |i: usize, en: bool, v: String| {
        draft.update(|q| {
            if let Some(r) = q.reasons.get_mut(i) {
                if en {
                    r.text.en = v;
                } else {
                    r.text.vi = v;
                }
            }
        })
    };
    let add = move |_: leptos::ev::MouseEvent| {
        draft.update(|q| {
            let id = (1..)
                .map(|n| format!("r{n}"))
                .find(|id| !q.reasons.iter().any(|r| &r.id == id))
                .unwrap_or_default();
            q.reasons.push(Reason {
                id,
                text: Text::new("Lý do mới", "New reason"),
            });
        })
    };
    view! {
        <fieldset class="card reasons-edit" id="reasons-edit">
            <legend>{tr(K::ReasonsEdit)}</legend>
            {move || (0..count()).map(|i| view! {
                <div class="item-edit">
                    <input type="text" class="vi" aria-label=move || format!("{} {}", tr(K::ItemTextVi)(), i + 1) prop:value=move || get(i, false) on:change=move |ev| set(i, false, event_target_value(&ev)) />
                    <input type="text" class="en" aria-label=move || format!("{} {}", tr(K::ItemTextEn)(), i + 1) prop:value=move || get(i, true) on:change=move |ev| set(i, true, event_target_value(&ev)) />
                    <button type="button" on:click=move |_| draft.update(|q| { if i < q.reasons.len() { q.reasons.remove(i); } })>{tr(K::Remove)}</button>
                </div>
            }).collect_view()}
            <button type="button" id="reason-add" disabled={move || count() >= REASONS_MAX} on:click=add>{tr(K::ReasonAdd)}</button>
        </fieldset>
    }
}
