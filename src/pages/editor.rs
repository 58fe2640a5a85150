//! Questionnaire editor: wording in both languages, items on/off, new items, full or short
//! form. Publishing makes a new version; responses keep the version they answered.

use crate::components::{tr, Page};
use crate::state::use_app;
use leptos::prelude::*;
use motcua_core::i18n::K;
use motcua_core::survey::questionnaire::{Form, Item, Questionnaire, Text};

fn item(q: &Questionnaire, g: usize, i: usize) -> Option<&Item> {
    q.groups.get(g).and_then(|g| g.items.get(i))
}

/// Edit a draft of the questionnaire and publish it.
#[component]
pub fn Editor() -> impl IntoView {
    let st = use_app();
    let draft = RwSignal::new(st.book.get_untracked().current().clone());
    let published = RwSignal::new(None::<u32>);
    let set_form = move |form: Form| {
        let cur = st.book.get_untracked().current().clone();
        let quick = draft.with_untracked(|q| q.quick);
        draft.set(match form {
            f if f == cur.form => Questionnaire { quick, ..cur },
            Form::Full => Questionnaire {
                quick,
                ..Questionnaire::sipas()
            },
            Form::Short => Questionnaire {
                quick,
                ..Questionnaire::short()
            },
        });
    };
    let publish = move |_| {
        if let Ok(v) = st.publish(draft.get_untracked()) {
            published.set(Some(v));
            draft.set(st.book.get_untracked().current().clone());
        }
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
            <QuickEditor draft />
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
                                <input type="checkbox" title=tr(K::Enabled) prop:checked=move || draft.with(|q| item(q, gi, ii).is_some_and(|i| i.enabled))
                                    on:change=move |ev| set(&|i| i.enabled = event_target_checked(&ev)) />
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
            <Show when=move || published.get().is_some()>
                <p class="ok" id="published">{tr(K::Published)}" "{move || published.get()}</p>
            </Show>
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
