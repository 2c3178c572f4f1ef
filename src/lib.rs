//! scm-crm-studio: customer value, the SCM/CRM integration plan and contract disputes,
//! kept in one scenario file.

pub mod cli;
#[doc(hidden)]
pub mod fuzz_entry;
pub mod i18n;
pub mod model;
pub mod report;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
