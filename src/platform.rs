//! The few things the core asks of the browser: the time and randomness.

use chrono::NaiveDateTime;
use motcua_domain::i18n::{Msg, K};
use motcua_domain::paths::Module;
use motcua_domain::record::Millis;

/// Milliseconds since the epoch, UTC.
pub fn now_millis() -> Millis {
    js_sys::Date::now() as Millis
}

/// Milliseconds on a clock that only moves forward (the page's `performance.now()`): for idle
/// timers, which a tablet clock set back or forward must not stretch or cut (issue 21).
pub fn mono_millis() -> Millis {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(now_millis, |p| p.now() as Millis)
}

/// A named moment on the page's performance timeline, read by the benchmarks
/// (`scripts/bench.sh`); nothing reads it in the app.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.mark(name).ok();
    }
}

/// Both clocks of this moment for the kiosk's flow (`survey::kiosk::Now`): the wall clock
/// stamps the record, the page's clock times the survey, so a clock set forward or back never
/// resets a citizen's survey.
pub fn kiosk_now() -> motcua_domain::survey::kiosk::Now {
    motcua_domain::survey::kiosk::Now {
        wall: now_millis(),
        mono: mono_millis(),
    }
}

/// The wall-clock time in Vietnam, whatever zone the tablet is set to (one rule for every date
/// the app derives: `record::vn_datetime`).
pub fn now_local() -> NaiveDateTime {
    motcua_domain::record::vn_datetime(now_millis())
}

/// 16 random bytes from the browser's CSPRNG; falls back to Math.random only if crypto is
/// missing (never in a supported browser), so that an id is always produced.
pub fn random16() -> [u8; 16] {
    let mut b = [0u8; 16];
    let ok = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut b).is_ok())
        .unwrap_or(false);
    if !ok {
        for x in b.iter_mut() {
            *x = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    b
}

/// The path the app is served under (`""` at the site's root, `/motcua` under a sub-path),
/// from the `<base href>` Trunk writes for `--public-url` (see `core::paths`).
pub fn base() -> &'static str {
    thread_local! {
        static BASE: &'static str = {
            let path = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten())
                .and_then(|u| web_sys::Url::new(&u).ok())
                .map(|u| u.pathname())
                .unwrap_or_default();
            // Computed once per page and kept for its life (the router wants a 'static str).
            Box::leak(motcua_domain::paths::base_of(&path).into_boxed_str())
        };
    }
    BASE.with(|b| *b)
}

/// An app path (`/data#export`) as a link under the base.
pub fn href(path: &str) -> String {
    motcua_domain::paths::under(base(), path)
}

/// Run `f` once the first screen is painted (rAF runs before that paint, the timeout after
/// it): background work such as reading the records never delays a start.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(f, std::time::Duration::ZERO));
}

/// The app route shown now, with its query and hash (`/dossiers?q=x`, `/data#export`; under a
/// sub-path, without it).
pub fn current_route() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let path = loc.pathname().unwrap_or_default();
    format!(
        "{}{}{}",
        motcua_domain::paths::route_of(base(), &path),
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default()
    )
}

thread_local! {
    static MODULE: std::cell::Cell<Module> = const { std::cell::Cell::new(Module::Kiosk) };
}

/// Which module this page runs (`paths::Module`), said once by its root.
pub fn set_module(m: Module) {
    MODULE.with(|c| c.set(m));
}

/// `rel="external"` on a link to a screen of another module: the browser loads the page (and
/// the loader that module) instead of the router looking for a route this module lacks.
pub fn rel(path: &str) -> Option<&'static str> {
    (Module::of(path) != MODULE.with(|c| c.get())).then_some("external")
}

/// Go to `path` with a full page load, replacing this history entry: the kiosk (`/` and
/// `/kiosk`) and the staff screens' groups are modules of one build (`paths::Module`), and
/// index.html's loader picks the one a path needs (the citizen's tablet never downloads the
/// staff app).
pub fn switch_to(path: &str) {
    if let Some(w) = web_sys::window() {
        w.location().replace(&href(path)).ok();
    }
}

thread_local! {
    static IDS: std::cell::RefCell<Option<motcua_domain::record::IdSource>> = const { std::cell::RefCell::new(None) };
}

/// The bytes of this tab's next record id (see `record::IdSource`: a random prefix drawn at
/// the tab's first record, then a counter).
pub fn next_id_bytes() -> [u8; 16] {
    IDS.with(|ids| {
        let mut ids = ids.borrow_mut();
        let src = ids.get_or_insert_with(|| {
            let r = random16();
            motcua_domain::record::IdSource::new([r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]])
        });
        src.next_bytes()
    })
}

/// Offer `text` as a file download named `name` (the browser saves it where the user says).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), Msg> {
    download_parts(name, mime, js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)))
}

/// Offer `bytes` (an .xlsx workbook) as a file download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), Msg> {
    download_parts(name, mime, js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)))
}

/// A refused download says so, with the browser's reason.
fn download_parts(name: &str, mime: &str, parts: js_sys::Array) -> Result<(), Msg> {
    offer(name, mime, parts).map_err(|e| Msg::new(K::ErrDownload).arg(e))
}

fn offer(name: &str, mime: &str, parts: js_sys::Array) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "no anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Let the download start before the URL is released.
    leptos::prelude::set_timeout(
        move || {
            web_sys::Url::revoke_object_url(&url).ok();
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The bytes of a picked or dropped file.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, Msg> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Msg::new(K::ErrFileUnreadable))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Ask the browser to keep this site's storage under storage pressure (best effort; the
/// answer is not needed).
pub fn request_persistent_storage() {
    if let Some(w) = web_sys::window() {
        if let Ok(p) = w.navigator().storage().persist() {
            drop(wasm_bindgen_futures::JsFuture::from(p));
        }
    }
}

/// Scroll the element `id` into view, as little as needed, once the page has drawn it: what
/// an action makes appear (an import's preview under the file picker) shows where the officer
/// looks (issue 25). Nothing if it is not there.
pub fn reveal(id: &'static str) {
    leptos::prelude::set_timeout(
        move || {
            if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
                let o = web_sys::ScrollIntoViewOptions::new();
                o.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&o);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Let the browser paint and handle input before going on (between steps of long work).
/// A message to itself is a new task, as a zero timeout is, without the 4 ms that the
/// browser adds to timeouts set from timeouts (an import yields forty times).
pub async fn yield_now() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let timeout = |resolve: &js_sys::Function| {
            if let Some(w) = web_sys::window() {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, 0).ok();
            } else {
                resolve.call0(&JsValue::NULL).ok();
            }
        };
        let Ok(ch) = web_sys::MessageChannel::new() else {
            return timeout(&resolve);
        };
        let (port1, port2) = (ch.port1(), ch.port2());
        // The handler holds the channel until the message comes, so that nothing collects
        // its ports before.
        let on_message = Closure::once_into_js(move || {
            drop(ch);
            resolve.call0(&JsValue::NULL).ok();
        });
        port1.set_onmessage(Some(on_message.unchecked_ref()));
        if port2.post_message(&JsValue::NULL).is_err() {
            port1.set_onmessage(None);
            timeout(&on_message.unchecked_into());
        }
    });
    wasm_bindgen_futures::JsFuture::from(p).await.ok();
}

/// Offer an SVG drawing as a PNG named `name` (drawn on a canvas at twice its size, for print).
pub fn download_png(name: &str, svg: &str) -> Result<(), String> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let img = web_sys::HtmlImageElement::new().map_err(err)?;
    let src = format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg));
    let (name, img2) = (name.to_string(), img.clone());
    let onload = Closure::once(move || {
        let draw = || -> Result<(), wasm_bindgen::JsValue> {
            let (w, h) = (img2.natural_width().max(1), img2.natural_height().max(1));
            let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
            canvas.set_width(w * 2);
            canvas.set_height(h * 2);
            let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d")?.dyn_into()?;
            ctx.scale(2.0, 2.0)?;
            ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)?;
            let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
            a.set_href(&canvas.to_data_url_with_type("image/png")?);
            a.set_download(&name);
            a.click();
            Ok(())
        };
        draw().ok();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    // The image loads once; the closure lives until then.
    onload.forget();
    img.set_src(&src);
    Ok(())
}
