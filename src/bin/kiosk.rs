//! The kiosk's entry point: only mounts the kiosk (see `kiosk_app`).
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(motcua::kiosk_app::KioskApp);
}
