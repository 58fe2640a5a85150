//! Excel in and out for the staff app, through the Excel module (`src/bin/excel.rs`), loaded
//! on first use: the staff screens never download calamine and rust_xlsxwriter unless an
//! officer opens a sheet or downloads a workbook. The module's address is in index.html
//! (`<meta name="motcua-excel">`, written by scripts/precache.sh).

use motcua_domain::i18n::{Msg, K};
use motcua_formats::sheet::{SheetError, Table, XlsxRequest};
use wasm_bindgen::prelude::*;

/// The media type of an .xlsx workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[wasm_bindgen(inline_js = "
let loaded = null;
export function excel_module() {
  if (!loaded) {
    const meta = document.querySelector('meta[name=motcua-excel]');
    const js = new URL(meta ? meta.content : 'excel.js', document.baseURI);
    const wasm = new URL(js.pathname.replace(/\\.js$/, '_bg.wasm'), js);
    loaded = import(js.href).then(async (m) => { await m.default({ module_or_path: wasm }); return m; });
    loaded.catch(() => { loaded = null; });
  }
  return loaded;
}
")]
extern "C" {
    fn excel_module() -> js_sys::Promise;
}

/// Call the module's `name` with `args`; its error (a thrown string) comes back as text.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let m = wasm_bindgen_futures::JsFuture::from(excel_module())
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    let f: js_sys::Function = js_sys::Reflect::get(&m, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("{name}: not in the Excel module"))?;
    let r = match args {
        [a] => f.call1(&JsValue::NULL, a),
        [a, b] => f.call2(&JsValue::NULL, a, b),
        _ => f.call0(&JsValue::NULL),
    };
    r.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// A module error: a `SheetError` as JSON, or the loader's words.
fn sheet_error(e: String) -> SheetError {
    serde_json::from_str(&e).unwrap_or(SheetError::NotExcel(e))
}

pub async fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    let v = call("sheet_names", &[js_sys::Uint8Array::from(bytes).into()])
        .await
        .map_err(sheet_error)?;
    serde_json::from_str(&v.as_string().unwrap_or_default()).map_err(|e| SheetError::NotExcel(e.to_string()))
}

/// One sheet of a workbook (the first when `name` is `None`).
pub async fn read_excel(bytes: &[u8], name: Option<&str>) -> Result<Table, SheetError> {
    let args = [js_sys::Uint8Array::from(bytes).into(), JsValue::from_str(name.unwrap_or(""))];
    let v = call("read_sheet", &args).await.map_err(sheet_error)?;
    serde_json::from_str(&v.as_string().unwrap_or_default()).map_err(|e| SheetError::NotExcel(e.to_string()))
}

/// The workbook `req` asks for.
pub async fn write_xlsx(req: &XlsxRequest) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(req).map_err(|e| e.to_string())?;
    let v = call("write_xlsx", &[JsValue::from_str(&json)]).await?;
    Ok(js_sys::Uint8Array::new(&v).to_vec())
}

/// Write `req` and offer it as `name`; a failure is put in `error` for the page to show.
pub fn download_xlsx(name: String, req: XlsxRequest, error: leptos::prelude::RwSignal<Option<Msg>>) {
    use leptos::prelude::Set;
    leptos::task::spawn_local(async move {
        let r = match write_xlsx(&req).await {
            Ok(bytes) => crate::platform::download_bytes(&name, XLSX, &bytes),
            Err(e) => Err(Msg::new(K::WithDetail).part(K::ErrExcelModule).arg(e)),
        };
        error.set(r.err());
    });
}
