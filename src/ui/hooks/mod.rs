//! Custom hooks: the UI's side effects, one hook per file.

mod use_document_settings;
mod use_fragment_sync;
mod use_page_locale;

pub use use_document_settings::use_document_settings;
pub use use_fragment_sync::use_fragment_sync;
pub use use_page_locale::use_page_locale;
