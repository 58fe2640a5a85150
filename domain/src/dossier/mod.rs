//! The dossier register (Sổ theo dõi hồ sơ): records, status rules, due dates, timeliness,
//! codes (the register's sheet import is `motcua_formats::register_sheet`).
pub mod code;
pub mod control;
pub mod forms;
pub mod procedure;
pub mod record;
pub mod redate;
pub mod status;
pub mod timeliness;
pub mod worklist;

pub use code::{code_date, code_prefix, next_code, valid_agency_id, valid_code, CodeIndex};
pub use procedure::{default_catalogue, form_defaults, upgrade_shipped_catalogue, FormDefaults, Online, Procedure, Term};
pub use record::{
    parse_copies, valid_email, valid_id_number, Channel, Complaint, Digital, Document, Dossier, DossierError, Event, Extension, Fee,
    NewDossier, Status,
};
pub use timeliness::{lookup, PublicStatus, Timeliness};
