//! The kiosk's side of its two modules loaded on first use: the scan module (`src/bin/scan.rs`,
//! the first tap of "Quét mã trên giấy hẹn") and the look-up module (`src/bin/lookup.rs`, the
//! first "Tra cứu"), so that the kiosk's own download carries neither the camera code and the
//! QR decoder nor the register's reader. Each module's address is in index.html (`<meta
//! name="motcua-scan">`, `motcua-lookup`, written by scripts/precache.sh).

use motcua_domain::i18n::K;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = "
const loaded = {};
export function load_module(name) {
  if (!loaded[name]) {
    const meta = document.querySelector('meta[name=motcua-' + name + ']');
    const js = new URL(meta ? meta.content : name + '.js', document.baseURI);
    const wasm = new URL(js.pathname.replace(/\\.js$/, '_bg.wasm'), js);
    loaded[name] = import(js.href).then(async (m) => { await m.default({ module_or_path: wasm }); return m; });
    loaded[name].catch(() => { delete loaded[name]; });
  }
  return loaded[name];
}
export function module_loaded(name) { return loaded[name] || null; }
")]
extern "C" {
    /// The module `name` (`scan`, `lookup`), loaded once (by its `<meta name="motcua-…">`).
    fn load_module(name: &str) -> js_sys::Promise;
    fn module_loaded(name: &str) -> JsValue;
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
    let m = wasm_bindgen_futures::JsFuture::from(load_module("scan"))
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

/// The module that reads the register did not load (or answered what is not a status): the
/// citizen is told to ask at the desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LookupUnavailable;

/// A citizen's look-up of `code` at `now` (`lookup::find_dossier`, run by the look-up module).
pub async fn lookup(
    code: &str,
    now: motcua_domain::record::Millis,
) -> Result<Option<motcua_domain::dossier::PublicStatus>, LookupUnavailable> {
    let m = wasm_bindgen_futures::JsFuture::from(load_module("lookup"))
        .await
        .map_err(|_| LookupUnavailable)?;
    let f = function(&m, "lookup").ok_or(LookupUnavailable)?;
    let found = f
        .call2(&JsValue::NULL, &JsValue::from_str(code), &JsValue::from_f64(now as f64))
        .map_err(|_| LookupUnavailable)?;
    match found.as_string() {
        None => Ok(None),
        Some(json) => serde_json::from_str(&json).map(Some).map_err(|_| LookupUnavailable),
    }
}

/// Stop the camera (the scanner closed, the kiosk reset); nothing when the module never loaded.
pub fn stop() {
    let loaded = module_loaded("scan");
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
