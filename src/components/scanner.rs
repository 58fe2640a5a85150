//! The kiosk's scanner (issue 26): the camera's picture while the scan module looks for the
//! receipt's QR code (`crate::scan`), what to do, and two ways on: rate without the code, or
//! back. A camera refused or missing says so, and the survey works without it. It closes by
//! itself after a minute, as the look-up does, and stops the camera whenever it closes.

use super::tr;
use crate::scan::ScanError;
use crate::state::use_app;
use leptos::prelude::*;
use motcua_domain::i18n::K;

#[component]
pub fn Scanner(on_code: Callback<String>, on_without: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let st = use_app();
    let video = NodeRef::<leptos::html::Video>::new();
    let error = RwSignal::new(None::<ScanError>);
    Effect::new(move |_| {
        let Some(v) = video.get() else { return };
        let facing = if st.settings.with_untracked(|s| s.camera_back) {
            "environment"
        } else {
            "user"
        };
        leptos::task::spawn_local(async move {
            match crate::scan::scan(&v, facing).await {
                Ok(code) => on_code.run(code),
                Err(ScanError::Stopped) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let close = set_timeout_with_handle(move || on_cancel.run(()), std::time::Duration::from_secs(60)).ok();
    on_cleanup(move || {
        crate::scan::stop();
        if let Some(h) = close {
            h.clear();
        }
    });
    view! {
        <div class="scanner" id="scanner" role="dialog" aria-label=tr(K::ScanOpen)>
            <p class="sub">{tr(K::ScanHint)}</p>
            <video id="scan-video" node_ref=video autoplay muted playsinline class:hidden=move || error.with(Option::is_some)></video>
            {move || error.get().map(|e| view! { <p class="scan-error" id="scan-error" role="alert">{tr(e.key())}</p> })}
            <div class="scan-actions">
                <button class="start" id="scan-without" on:click=move |_| on_without.run(())>{tr(K::ScanWithout)}</button>
                <button class="lookup-open" id="scan-cancel" on:click=move |_| on_cancel.run(())>{tr(K::Cancel)}</button>
            </div>
        </div>
    }
}
