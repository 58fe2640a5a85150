//! The dashboard module's entry point (`paths::Module::Dashboard`): only mounts its root.
fn main() {
    console_error_panic_hook::set_once();
    motcua::platform::mark("app-start");
    leptos::mount::mount_to_body(motcua::app::DashboardApp);
}
