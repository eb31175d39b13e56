//! Local storage that never panics: blocked storage (private mode, strict site settings) or a full
//! quota gives an error value, and the app keeps working in memory.

use serde::{de::DeserializeOwned, Serialize};

/// Why a value could not be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no local storage to this page.
    Unavailable,
    /// The browser refused the write (usually a full quota).
    WriteRefused,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads and decodes a JSON value; `None` when absent, unreadable or storage is unavailable.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let json = load_text(key)?;
    serde_json::from_str(&json).ok()
}

/// Encodes a value as JSON and stores it.
pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    let json = serde_json::to_string(value).map_err(|_| StorageError::WriteRefused)?;
    save_text(key, &json)
}

/// Reads a text value; `None` when absent or storage is unavailable.
pub fn load_text(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores a text value.
pub fn save_text(key: &str, value: &str) -> Result<(), StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    storage.set_item(key, value).map_err(|_| StorageError::WriteRefused)
}

/// Whether this page can keep anything on the device: writes and removes a probe key.
pub fn available() -> bool {
    const PROBE: &str = "zhucan.probe";
    let Some(storage) = local_storage() else { return false };
    let ok = storage.set_item(PROBE, "1").is_ok();
    let _ = storage.remove_item(PROBE);
    ok
}
