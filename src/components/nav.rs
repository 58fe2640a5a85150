use super::tr;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use motcua_domain::i18n::K;

/// The staff navigation bar: the areas of the app and the language switch. Hidden in kiosk mode.
#[component]
pub fn NavBar() -> impl IntoView {
    let st = use_app();
    let switch = move |_| st.set_lang(st.lang().other());
    view! {
        <header class="topbar">
            // A 768-px tablet shows the short name: the whole bar fits one row without cutting a word.
            <span class="brand"><span class="brand-full">{tr(K::AppName)}</span><span class="brand-short">{tr(K::AppShort)}</span></span>
            <nav>
                <Item path="/staff" label=K::NavStaff />
                <Item path="/dossiers" label=K::NavDossiers />
                <Item path="/dashboard" label=K::NavDashboard />
                <Item path="/data" label=K::NavData />
                <Item path="/settings" label=K::NavSettings />
            </nav>
            <super::duty::DutySelect />
            <button class="lang" id="lang-switch" on:click=switch>{tr(K::LangSwitch)}</button>
        </header>
    }
}

/// A link of the bar: the router's `<A>` (it marks the screen shown); to a screen of another
/// module (`paths::Module`), a page load.
#[component]
fn Item(path: &'static str, label: K) -> impl IntoView {
    view! { <A href=crate::platform::href(path) attr:rel=crate::platform::rel(path)>{tr(label)}</A> }
}
