//! Reusable components. They render props and emit callbacks; they compute nothing of the domain.

mod settings_bar;
mod tab_list;

pub use settings_bar::SettingsBar;
pub use tab_list::{Tab, TabList};
