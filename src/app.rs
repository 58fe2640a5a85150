//! The staff modules' roots: state, router and the kiosk lock (the `Shell`), and each
//! module's screens (`DeskApp`, `DashboardApp`, `AdminApp`; `paths::Module` says which path is
//! whose). A module's bin mounts its root alone, so it carries the code of its screens only.

use crate::components::banner::StorageBanner;
use crate::components::nav::NavBar;
use crate::components::ReadingProgress;
use crate::pages::{
    dashboard::Dashboard,
    data::DataPage,
    dossiers::Dossiers,
    editor::Editor,
    print::{ReceiptPrint, RegisterPrint, ResultPrint},
    settings::SettingsPage,
    staff::Staff,
};
use crate::platform::mono_millis;
use crate::state::{use_app, AppState};
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::path;
use leptos_router::NavigateOptions;
use motcua_domain::paths::Module;
use motcua_domain::settings::staff_should_lock;
use motcua_formats::codec::stage::Screen;

/// The desk module (`src/bin/desk.rs`): the desk screen, the register and its printed papers.
#[component]
pub fn DeskApp() -> impl IntoView {
    view! {
        <Shell module=Module::Desk>
            <Routes fallback=|| elsewhere(Module::Desk)>
                <Route path=path!("/") view=Home />
                <Route path=path!("/kiosk") view=ToKiosk />
                <Route path=path!("/staff") view=|| early(Staff, Screen::Desk) />
                <Route path=path!("/dossiers") view=|| early(Dossiers, Screen::Worklist) />
                <Route path=path!("/print/register") view=|| staff(RegisterPrint) />
                <Route path=path!("/print/receipt/:id") view=|| staff(ReceiptPrint) />
                <Route path=path!("/print/result/:id") view=|| staff(ResultPrint) />
                <Route path=path!("/print/form/:form/:id") view=|| staff(crate::pages::forms::FormPrint) />
            </Routes>
        </Shell>
    }
}

/// The dashboard module (`src/bin/dashboard.rs`): the charts and the official report.
#[component]
pub fn DashboardApp() -> impl IntoView {
    view! {
        <Shell module=Module::Dashboard>
            <Routes fallback=|| elsewhere(Module::Dashboard)>
                <Route path=path!("/") view=Home />
                <Route path=path!("/kiosk") view=ToKiosk />
                <Route path=path!("/dashboard") view=|| early(Dashboard, Screen::Dashboard) />
            </Routes>
        </Shell>
    }
}

/// The admin module (`src/bin/admin.rs`): import, export and archive; settings and editors.
#[component]
pub fn AdminApp() -> impl IntoView {
    view! {
        <Shell module=Module::Admin>
            <Routes fallback=|| elsewhere(Module::Admin)>
                <Route path=path!("/") view=Home />
                <Route path=path!("/kiosk") view=ToKiosk />
                <Route path=path!("/data") view=|| staff(DataPage) />
                <Route path=path!("/settings") view=|| staff(SettingsPage) />
                <Route path=path!("/settings/questionnaire") view=|| staff(Editor) />
            </Routes>
        </Shell>
    }
}

/// What every staff module shows around its screens: loads state once, then routes. While
/// locked only `/kiosk` is ever shown.
#[component]
fn Shell(module: Module, children: Children) -> impl IntoView {
    crate::platform::set_module(module);
    let st = start();
    st.docs.load();
    st.upgrade_documents();
    st.listen_to_other_tabs::<true>();
    crate::platform::after_first_paint(move || st.load_history());
    view! {
        <Router base=crate::platform::base()>
            <KioskLock />
            <StaffAutoLock />
            <Show when=move || !st.kiosk.get()>
                <NavBar />
                <crate::components::duty::DutyPicker />
            </Show>
            <main>
                <StorageBanner />
                {children()}
            </main>
        </Router>
    }
}

/// Load the state (the documents, not the records) and provide it: what both entries (this
/// app and the kiosk's, `kiosk_app`) do first.
pub fn start() -> AppState {
    let st = AppState::load();
    provide_context(st);
    // Keep <html lang> in step with the UI language (screen readers, hyphenation).
    Effect::new(move |_| {
        let lang = st.lang().code();
        if let Some(el) = document().document_element() {
            el.set_attribute("lang", lang).ok();
        }
    });
    st
}

/// `/kiosk` is the kiosk module's (`kiosk_app`): a link or the lock that leads there loads it.
#[component]
fn ToKiosk() -> impl IntoView {
    Effect::new(move |_| crate::platform::switch_to("/kiosk"));
}

/// `/`: the kiosk when locked, else the desk screen.
#[component]
fn Home() -> impl IntoView {
    let st = use_app();
    let to = if st.kiosk.get_untracked() { "/kiosk" } else { "/staff" };
    view! { <Redirect path=to /> }
}

/// A path this module does not show: another module's (a link, the back button, a
/// `navigate`) loads the page, whose loader runs that module; one no module knows goes to `/`
/// (a `<Redirect>` cannot be used in the fallback: it panics there).
fn elsewhere(this: Module) -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| {
        let route = crate::platform::current_route();
        if Module::of(&route) != this {
            crate::platform::switch_to(&route);
            return;
        }
        navigate(
            "/",
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    });
}

/// Render a staff page only when the kiosk lock is off, so that nothing of it shows even for
/// the instant before the lock redirects, and once the records are read (a page never shows
/// counts of a half-read store).
fn staff<V: IntoView + 'static>(page: fn() -> V) -> impl IntoView {
    let st = use_app();
    staff_when(page, move || st.loading.all_read())
}

/// A staff page shown as soon as its months are read (`codec::stage`): the desk, the register
/// and the dashboard, which say so while older months are still read.
fn early<V: IntoView + 'static>(page: fn() -> V, screen: Screen) -> impl IntoView {
    let st = use_app();
    staff_when(page, move || st.loading.is_ready(screen))
}

fn staff_when<V: IntoView + 'static>(page: fn() -> V, ready: impl Fn() -> bool + Send + Sync + 'static) -> impl IntoView {
    let st = use_app();
    // A memo: the page is built once when it becomes ready, not again when `loaded` follows
    // its early stage (which would reset what is typed on it).
    let ready = Memo::new(move |_| ready());
    move || {
        (!st.kiosk.get()).then(|| {
            if ready.get() {
                page().into_any()
            } else {
                view! { <ReadingProgress id="loading" text=motcua_domain::i18n::K::LoadingRecords /> }.into_any()
            }
        })
    }
}

/// Locks an unlocked tablet back into the kiosk when staff leave it untouched (a setting);
/// the rule is `settings::staff_should_lock`, timed on the monotonic clock. The staff app and
/// the kiosk's preview (staff trying the survey) both have it.
#[component]
pub fn StaffAutoLock() -> impl IntoView {
    let st = use_app();
    let last = StoredValue::new(mono_millis());
    let touched = move || last.set_value(mono_millis());
    for ev in ["pointerdown", "keydown"] {
        let handle = window_event_listener_untyped(ev, move |_| touched());
        // Lives as long as the page.
        std::mem::forget(handle);
    }
    // Unlocking counts as a touch, so the desk screen does not lock at once.
    Effect::new(move |_| {
        if !st.kiosk.get() {
            touched();
        }
    });
    let timer = set_interval_with_handle(
        move || {
            let idle = st.settings.with_untracked(|s| s.staff_idle_seconds);
            let has_pin = st.pin.with_untracked(|p| p.is_some());
            if staff_should_lock(mono_millis(), last.get_value(), idle, has_pin, st.kiosk.get_untracked()) {
                st.set_kiosk(true);
            }
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = timer {
            t.clear();
        }
    });
}

/// Sends every navigation (link, typed URL, back button, reload) to `/kiosk` while locked.
#[component]
fn KioskLock() -> impl IntoView {
    let st = use_app();
    let loc = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if st.kiosk.get()
            && loc
                .pathname
                .with(|p| motcua_domain::paths::route_of(crate::platform::base(), p) != "/kiosk")
        {
            navigate(
                "/kiosk",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
}
