//! The scan module: the camera and the QR decoder (the browser's `BarcodeDetector` where it
//! reads QR codes — Android's Chrome, where it is native and fast — with `rqrr` through
//! `survey::scan::read_qr` as the fallback and on every few frames besides),
//! built as a module of its own (index.html) and loaded by the kiosk only when a citizen taps
//! "Quét mã trên giấy hẹn" (`src/scan.rs`): the kiosk's own download does not grow. Precached
//! like the others, so it works offline. Nothing from the camera is kept: each frame is read
//! into a buffer, decoded, and dropped; the camera stops as soon as a code is read.

use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static STREAM: RefCell<Option<web_sys::MediaStream>> = const { RefCell::new(None) };
    /// Bumped by `stop`: a scan started before it gives up.
    static RUN: Cell<u32> = const { Cell::new(0) };
}

/// Frames are scaled down to this width before decoding (a receipt's code held up to a tablet
/// fills much of the frame; smaller frames decode faster).
const WIDTH: u32 = 640;
/// Time between two frames read.
const EVERY_MS: i32 = 120;
/// With a `BarcodeDetector`, the Rust decoder still reads one frame in this many (a detector
/// that never finds anything must not stop the scan).
const RUST_EVERY: u32 = 4;

/// The browser's QR detector, when it has one that reads QR codes.
async fn detector() -> Option<JsValue> {
    let window = web_sys::window()?;
    let class = js_sys::Reflect::get(&window, &"BarcodeDetector".into()).ok()?;
    let class: js_sys::Function = class.dyn_into().ok()?;
    let formats = js_sys::Reflect::get(&class, &"getSupportedFormats".into()).ok()?;
    let formats: js_sys::Function = formats.dyn_into().ok()?;
    let promise: js_sys::Promise = formats.call0(&class).ok()?.dyn_into().ok()?;
    let list = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    if !js_sys::Array::from(&list).includes(&"qr_code".into(), 0) {
        return None;
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"formats".into(), &js_sys::Array::of1(&"qr_code".into())).ok()?;
    js_sys::Reflect::construct(&class, &js_sys::Array::of1(&options)).ok()
}

/// The dossier code the detector sees in `video`, if any; `Err` when the detector fails (it is
/// then dropped for the Rust decoder).
async fn detect(detector: &JsValue, video: &web_sys::HtmlVideoElement) -> Result<Option<String>, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(detector, &"detect".into())?.dyn_into()?;
    let promise: js_sys::Promise = f.call1(detector, video)?.dyn_into()?;
    let found = wasm_bindgen_futures::JsFuture::from(promise).await?;
    Ok(js_sys::Array::from(&found).iter().find_map(|b| {
        js_sys::Reflect::get(&b, &"rawValue".into())
            .ok()?
            .as_string()
            .as_deref()
            .and_then(motcua_domain::survey::scan::scanned_code)
    }))
}

fn named(e: JsValue) -> JsValue {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_else(|| "NotSupportedError".into());
    JsValue::from_str(&name)
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |done, _| {
        if let Some(w) = web_sys::window() {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&done, ms).ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(p).await.ok();
}

/// Open the camera (`facing`: "user" for the front, "environment" for the back) into `video`
/// and read frames until a dossier code shows: resolves to the code; rejects with the error's
/// name ("NotAllowedError" when the camera is refused, "NotFoundError" when there is none,
/// "Stopped" after `stop`).
#[wasm_bindgen]
pub async fn scan(video: web_sys::HtmlVideoElement, facing: String) -> Result<String, JsValue> {
    stop();
    let run = RUN.with(Cell::get);
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("NotSupportedError"))?;
    let devices = window.navigator().media_devices().map_err(named)?;
    let wanted = js_sys::Object::new();
    let video_wanted = js_sys::Object::new();
    js_sys::Reflect::set(&video_wanted, &"facingMode".into(), &facing.into()).ok();
    js_sys::Reflect::set(&wanted, &"video".into(), &video_wanted).ok();
    js_sys::Reflect::set(&wanted, &"audio".into(), &false.into()).ok();
    let constraints: web_sys::MediaStreamConstraints = wanted.unchecked_into();
    let stream: web_sys::MediaStream =
        wasm_bindgen_futures::JsFuture::from(devices.get_user_media_with_constraints(&constraints).map_err(named)?)
            .await
            .map_err(named)?
            .unchecked_into();
    if RUN.with(Cell::get) != run {
        stop_tracks(&stream);
        return Err("Stopped".into());
    }
    video.set_src_object(Some(&stream));
    STREAM.with(|s| *s.borrow_mut() = Some(stream));
    video.play().ok();
    let canvas: web_sys::HtmlCanvasElement = window
        .document()
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| JsValue::from_str("NotSupportedError"))?;
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| JsValue::from_str("NotSupportedError"))?;
    let mut fast = detector().await;
    for frame in 0u32.. {
        sleep(EVERY_MS).await;
        if RUN.with(Cell::get) != run {
            return Err("Stopped".into());
        }
        let (vw, vh) = (video.video_width(), video.video_height());
        if video.ready_state() < 2 || vw == 0 || vh == 0 {
            continue;
        }
        if let Some(d) = &fast {
            let seen = detect(d, &video).await;
            if let Ok(Some(code)) = &seen {
                if RUN.with(Cell::get) == run {
                    stop();
                    return Ok(code.clone());
                }
            }
            // The browser's detector could not read a frame (not a failure to show: the
            // rqrr reader below reads every frame from now on).
            if seen.is_err() {
                fast = None;
            }
            if fast.is_some() && frame % RUST_EVERY != 0 {
                continue;
            }
        }
        let w = vw.min(WIDTH);
        let h = (u64::from(vh) * u64::from(w) / u64::from(vw)).max(1) as u32;
        canvas.set_width(w);
        canvas.set_height(h);
        if ctx
            .draw_image_with_html_video_element_and_dw_and_dh(&video, 0.0, 0.0, f64::from(w), f64::from(h))
            .is_err()
        {
            continue;
        }
        let Ok(frame) = ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)) else {
            continue;
        };
        let rgba = frame.data();
        let luma: Vec<u8> = rgba
            .chunks_exact(4)
            .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
            .collect();
        if let Some(code) = motcua_domain::survey::scan::read_qr(w as usize, h as usize, &luma)
            .as_deref()
            .and_then(motcua_domain::survey::scan::scanned_code)
        {
            stop();
            return Ok(code);
        }
    }
    Err("Stopped".into())
}

/// Stop the camera and any scan running.
#[wasm_bindgen]
pub fn stop() {
    RUN.with(|r| r.set(r.get().wrapping_add(1)));
    if let Some(s) = STREAM.with(|s| s.borrow_mut().take()) {
        stop_tracks(&s);
    }
}

fn stop_tracks(s: &web_sys::MediaStream) {
    for t in s.get_tracks().iter() {
        if let Ok(t) = t.dyn_into::<web_sys::MediaStreamTrack>() {
            t.stop();
        }
    }
}

fn main() {}
