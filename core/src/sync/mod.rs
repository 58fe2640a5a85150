//! File sync between tablets: the public export format, its validation, the merge rules, the
//! import plan (preview before anything is written), and CSV for Excel.
pub mod excel;
pub mod merge;
pub mod wire;
