//! The kiosk's own entry (`src/bin/kiosk.rs`): the citizen's tablet downloads this small
//! module, never the staff app. index.html's loader runs it at `/` and `/kiosk`; unlocking
//! leaves for the staff app with a full page load (`platform::switch_to`).

use crate::components::tr;
use crate::pages::kiosk::Kiosk;
use crate::platform::{base, href, switch_to};
use leptos::prelude::*;
use motcua_domain::i18n::K;
use motcua_domain::paths::route_of;

/// The kiosk alone: the same state as the staff app, no router, no staff screens.
#[component]
pub fn KioskApp() -> impl IntoView {
    let st = crate::app::start();
    st.listen_to_other_tabs::<false>();
    crate::platform::after_first_paint(move || st.settle_kiosk());
    // `/` is the kiosk only while the tablet is locked (`settings::locked_at_start`); an
    // unlocked tablet opens on the desk screen. `/kiosk` shows the kiosk either way.
    let path = window().location().pathname().unwrap_or_default();
    if !st.kiosk.get_untracked() && route_of(base(), &path) == "/" {
        switch_to("/staff");
        return None;
    }
    Some(view! {
        // The preview locks itself like the staff screens when left alone.
        <crate::app::StaffAutoLock />
        <Show when=move || !st.kiosk.get()>
            <PreviewBar />
        </Show>
        <main>
            <Kiosk />
        </main>
    })
}

/// Above the kiosk while the tablet is unlocked (staff trying the survey): the way back to the
/// desk screen, a page load into the staff app.
#[component]
fn PreviewBar() -> impl IntoView {
    view! {
        <header class="topbar">
            <span class="brand">{tr(K::AppName)}</span>
            <nav>
                <a href=href("/staff")>{tr(K::NavStaff)}</a>
            </nav>
        </header>
    }
}
