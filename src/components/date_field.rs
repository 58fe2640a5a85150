//! The app's own date and time fields, typed and shown as `dd/mm/yyyy` and `HH:MM` (24 h)
//! whatever the browser's language: the browser's pickers show mm/dd/yyyy and AM/PM on a tablet
//! set to English (issue 25). Reading and showing are core's (`format::FieldKind`); the signal
//! handed in keeps the machine form the pages use (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `HH:MM`),
//! "" while the text is not a whole date, as the pickers gave.

use leptos::prelude::*;
pub use motcua_domain::format::FieldKind;
use motcua_domain::i18n::{t, K};

/// A text field for a date, a date and time, or a time, bound to `value` (machine form).
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    kind: FieldKind,
    value: RwSignal<String>,
    #[prop(optional)] required: bool,
    /// The field's name for screen readers, where no `<label>` wraps it.
    #[prop(optional)]
    label: Option<K>,
) -> impl IntoView {
    let st = crate::state::use_app();
    let typed = RwSignal::new(kind.text(&value.get_untracked()));
    // A value set from outside (the form reset after a save, a default filled in) is shown.
    Effect::new(move |_| {
        let v = value.get();
        if kind.value(&typed.get_untracked()).unwrap_or_default() != v {
            typed.set(kind.text(&v));
        }
    });
    let invalid = move || {
        let s = typed.get();
        !s.trim().is_empty() && kind.value(&s).is_none()
    };
    view! {
        <input id=id type="text" class="date-field" autocomplete="off" spellcheck="false"
            placeholder=kind.placeholder() required=required
            aria-label=move || label.map(|k| t(st.lang(), k))
            aria-invalid=move || invalid().to_string() class:invalid=invalid
            prop:value=move || typed.get()
            on:input=move |ev| {
                let s = event_target_value(&ev);
                value.set(kind.value(&s).unwrap_or_default());
                typed.set(s);
            } />
    }
}
