//! The Excel module: calamine and rust_xlsxwriter, built as a module of its own (index.html)
//! and loaded by the staff app only when an officer opens a sheet or downloads a workbook
//! (`src/excel.rs`): the two crates weigh about as much as the rest of the staff app, which
//! every staff screen would otherwise download and compile. Precached like the others, so it
//! works offline. Everything crosses as JSON of core types; errors as JSON of
//! `sheet::SheetError`, translated where they are shown.

use motcua_formats::sheet::{self, SheetError, XlsxRequest};
use wasm_bindgen::prelude::*;

fn err(e: SheetError) -> JsValue {
    JsValue::from_str(&serde_json::to_string(&e).unwrap_or_default())
}

/// The workbook's sheet names, as a JSON array.
#[wasm_bindgen]
pub fn sheet_names(bytes: &[u8]) -> Result<String, JsValue> {
    let names = sheet::sheet_names(bytes).map_err(err)?;
    serde_json::to_string(&names).map_err(|e| err(SheetError::NotExcel(e.to_string())))
}

/// One sheet (the first when `name` is empty) as a JSON `sheet::Table`.
#[wasm_bindgen]
pub fn read_sheet(bytes: &[u8], name: &str) -> Result<String, JsValue> {
    let table = sheet::read_excel(bytes, (!name.is_empty()).then_some(name)).map_err(err)?;
    serde_json::to_string(&table).map_err(|e| err(SheetError::NotExcel(e.to_string())))
}

/// The .xlsx workbook a JSON `sheet::XlsxRequest` asks for.
#[wasm_bindgen]
pub fn write_xlsx(request: &str) -> Result<Vec<u8>, JsValue> {
    let req: XlsxRequest = serde_json::from_str(request).map_err(|e| JsValue::from_str(&e.to_string()))?;
    req.write().map_err(|e| JsValue::from_str(&e))
}

fn main() {}
