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
                <A href=crate::platform::href("/staff")>{tr(K::NavStaff)}</A>
                <A href=crate::platform::href("/dossiers")>{tr(K::NavDossiers)}</A>
                <A href=crate::platform::href("/dashboard")>{tr(K::NavDashboard)}</A>
                <A href=crate::platform::href("/data")>{tr(K::NavData)}</A>
                <A href=crate::platform::href("/settings")>{tr(K::NavSettings)}</A>
            </nav>
            <super::duty::DutySelect />
            <button class="lang" id="lang-switch" on:click=switch>{tr(K::LangSwitch)}</button>
        </header>
    }
}
