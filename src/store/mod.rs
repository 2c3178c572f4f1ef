//! Files: loading and saving scenarios as RON, with migration and atomic saves.

mod customer_rows;
mod error;
pub mod export;
pub mod import;
mod layout;
mod locate;
pub mod lock;
mod progress;
pub mod recovery;
mod ron_file;
mod row_reader;
#[cfg(test)]
mod wizard_tests;

pub use error::{ParseProblem, StoreError};
pub use locate::locate;
pub use lock::FileStamp;
pub use progress::Progress;
pub use ron_file::{
    Loaded, LocatedWarning, MAX_FILE_BYTES, backup_path, load, load_with, parse, save, save_with_more,
    to_ron, write_atomic, write_scenario,
};
