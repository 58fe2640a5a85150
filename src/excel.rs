//! Excel in and out, for the staff app. The kiosk module is built without the `excel` feature
//! (it never imports or exports a sheet, and calamine + rust_xlsxwriter would double its
//! download): there these say the build has no Excel, and no kiosk screen calls them.

#[cfg(not(feature = "excel"))]
use motcua_core::sheet::{SheetError, Table};

/// The media type of an .xlsx workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[cfg(feature = "excel")]
pub use motcua_core::sheet::{read_excel, sheet_names};
#[cfg(feature = "excel")]
pub use motcua_core::sync::xlsx::{register_xlsx, report_xlsx};

#[cfg(not(feature = "excel"))]
const NONE: &str = "this build has no Excel";

#[cfg(not(feature = "excel"))]
pub fn read_excel(_: &[u8], _: Option<&str>) -> Result<Table, SheetError> {
    Err(SheetError::NotExcel(NONE.into()))
}

#[cfg(not(feature = "excel"))]
pub fn sheet_names(_: &[u8]) -> Result<Vec<String>, SheetError> {
    Err(SheetError::NotExcel(NONE.into()))
}

#[cfg(not(feature = "excel"))]
pub fn register_xlsx(
    _: &[motcua_core::dossier::worklist::RegisterLine],
    _: &motcua_core::dossier::forms::Letterhead,
    _: chrono::NaiveDate,
    _: chrono::NaiveDate,
    _: motcua_core::Lang,
) -> Result<Vec<u8>, String> {
    Err(NONE.into())
}

#[cfg(not(feature = "excel"))]
pub fn report_xlsx(
    _: &motcua_core::report::DossierTable,
    _: &motcua_core::dossier::forms::Letterhead,
    _: &str,
    _: &str,
    _: motcua_core::Lang,
) -> Result<Vec<u8>, String> {
    Err(NONE.into())
}
