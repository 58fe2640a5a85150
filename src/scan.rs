//! The kiosk's side of the scan module (`src/bin/scan.rs`): loaded on the first tap of "Quét
//! mã trên giấy hẹn", so that the kiosk's own download does not carry the camera code and the
//! QR decoder. The module's address is in index.html (`<meta name="motcua-scan">`, written by
//! scripts/precache.sh).

use motcua_domain::i18n::K;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = "
let loaded = null;
export function scan_module() {
  if (!loaded) {
    const meta = document.querySelector('meta[name=motcua-scan]');
    const js = new URL(meta ? meta.content : 'scan.js', document.baseURI);
    const wasm = new URL(js.pathname.replace(/\\.js$/, '_bg.wasm'), js);
    loaded = import(js.href).then(async (m) => { await m.default({ module_or_path: wasm }); return m; });
    loaded.catch(() => { loaded = null; });
  }
  return loaded;
}
export function scan_loaded() { return loaded; }
")]
extern "C" {
    fn scan_module() -> js_sys::Promise;
    fn scan_loaded() -> JsValue;
}

/// Why no code was read: each has its words for the citizen (`key`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanError {
    /// The camera was refused (now, or in the browser's settings).
    Denied,
    /// No camera, or one another app holds.
    NoCamera,
    /// Stopped by the kiosk (cancelled, idle): nothing to say.
    Stopped,
    /// The browser cannot (no camera API, an insecure page), or the module did not load.
    Unsupported,
}

impl ScanError {
    fn from_name(name: &str) -> ScanError {
        match name {
            "NotAllowedError" | "SecurityError" => ScanError::Denied,
            "NotFoundError" | "NotReadableError" | "OverconstrainedError" | "AbortError" => ScanError::NoCamera,
            "Stopped" => ScanError::Stopped,
            _ => ScanError::Unsupported,
        }
    }

    pub fn key(self) -> K {
        match self {
            ScanError::Denied => K::ScanDenied,
            ScanError::NoCamera => K::ScanNoCamera,
            ScanError::Stopped | ScanError::Unsupported => K::ScanUnsupported,
        }
    }
}

fn function(m: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(m, &JsValue::from_str(name)).ok()?.dyn_into().ok()
}

/// Read a dossier code with the camera facing `facing` ("user", "environment"), shown in
/// `video`.
pub async fn scan(video: &web_sys::HtmlVideoElement, facing: &str) -> Result<String, ScanError> {
    let m = wasm_bindgen_futures::JsFuture::from(scan_module())
        .await
        .map_err(|_| ScanError::Unsupported)?;
    let f = function(&m, "scan").ok_or(ScanError::Unsupported)?;
    let p: js_sys::Promise = f
        .call2(&JsValue::NULL, video, &JsValue::from_str(facing))
        .map_err(|_| ScanError::Unsupported)?
        .dyn_into()
        .map_err(|_| ScanError::Unsupported)?;
    match wasm_bindgen_futures::JsFuture::from(p).await {
        Ok(code) => code.as_string().ok_or(ScanError::Unsupported),
        Err(e) => Err(ScanError::from_name(&e.as_string().unwrap_or_default())),
    }
}

/// Stop the camera (the scanner closed, the kiosk reset); nothing when the module never loaded.
pub fn stop() {
    let loaded = scan_loaded();
    if loaded.is_null() || loaded.is_undefined() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(m) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(loaded)).await {
            if let Some(f) = function(&m, "stop") {
                f.call0(&JsValue::NULL).ok();
            }
        }
    });
}
