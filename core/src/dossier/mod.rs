//! The dossier register (Sổ theo dõi hồ sơ): records, status rules, due dates, timeliness,
//! codes and CSV import.
pub mod code;
pub mod csv_import;
pub mod procedure;
pub mod record;
pub mod status;
pub mod timeliness;

pub use code::{code_prefix, next_code, valid_code};
pub use procedure::{default_catalogue, Online, Procedure};
pub use record::{Channel, Dossier, DossierError, Event, Extension, NewDossier, Status};
pub use timeliness::{lookup, PublicStatus, Timeliness};
