//! Keeping the planner's work across reloads: settings and choices in local storage, file
//! contents in the Cache API (local storage holds only a few megabytes). Where either is blocked,
//! the planner keeps working in memory and says so. A file over
//! [`crate::core::planner::data::KEPT_ON_DEVICE_MAX`] is not copied there (the copy alone would
//! cost the browser about twice the file); an empty note in its place says why it is missing
//! after a reload.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::state::Saved;
use crate::core::planner::session::Role;
use crate::ui::storage;

const META_KEY: &str = "zhucan.planner.v1";
const CACHE: &str = "zhucan-planner-v1";

/// Which kept file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The table in a role's slot.
    Table(Role),
    /// The n-th population raster (in the saved order).
    Raster(usize),
    /// The study-area boundary.
    Boundary,
    /// The road file.
    Roads,
}

fn key(slot: Slot) -> String {
    let name = match slot {
        Slot::Table(Role::Demand) => "demand".to_string(),
        Slot::Table(Role::Candidates) => "candidates".to_string(),
        Slot::Table(Role::Existing) => "existing".to_string(),
        Slot::Table(Role::Competitors) => "competitors".to_string(),
        Slot::Raster(i) => format!("raster-{i}"),
        Slot::Boundary => "boundary".to_string(),
        Slot::Roads => "roads".to_string(),
    };
    format!("./__zhucan_planner__/{name}")
}

/// Saves the small state; `false` when storage is blocked or full.
pub fn save_meta(saved: &Saved) -> bool {
    storage::save(META_KEY, saved).is_ok()
}

/// The saved small state.
pub fn load_meta() -> Option<Saved> {
    storage::load(META_KEY)
}

async fn cache() -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE)).await.ok()?.dyn_into().ok()
}

/// Where the note that a slot's file was too big to keep is kept (an empty entry).
fn too_big_key(slot: Slot) -> String {
    format!("{}.too-big", key(slot))
}

/// Keeps a file's bytes; `false` when the browser refuses.
pub async fn store_file(slot: Slot, bytes: &[u8]) -> bool {
    let Some(cache) = cache().await else { return false };
    let array = js_sys::Uint8Array::from(bytes);
    let Ok(response) = web_sys::Response::new_with_opt_buffer_source(Some(&array)) else { return false };
    let kept = JsFuture::from(cache.put_with_str(&key(slot), &response)).await.is_ok();
    if kept {
        let _ = JsFuture::from(cache.delete_with_str(&too_big_key(slot))).await;
    }
    kept
}

/// Notes that a slot's file was too big to keep (see
/// [`crate::core::planner::data::KEPT_ON_DEVICE_MAX`]) and forgets any earlier file kept there, so
/// a reload neither brings back an older file nor blames the browser; `false` when the browser
/// refuses.
pub async fn mark_too_big(slot: Slot) -> bool {
    let Some(cache) = cache().await else { return false };
    let _ = JsFuture::from(cache.delete_with_str(&key(slot))).await;
    let Ok(response) = web_sys::Response::new() else { return false };
    JsFuture::from(cache.put_with_str(&too_big_key(slot), &response)).await.is_ok()
}

/// Whether the slot's file was too big to keep ([`mark_too_big`]).
pub async fn was_too_big(slot: Slot) -> bool {
    let Some(cache) = cache().await else { return false };
    match JsFuture::from(cache.match_with_str(&too_big_key(slot))).await {
        Ok(found) => found.dyn_into::<web_sys::Response>().is_ok(),
        Err(_) => false,
    }
}

/// A kept file's bytes.
pub async fn load_file(slot: Slot) -> Option<Vec<u8>> {
    let cache = cache().await?;
    let found = JsFuture::from(cache.match_with_str(&key(slot))).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    crate::ui::browser::response_bytes(&response).await
}

/// Keeps a file the user chose as it is (the browser copies it into the cache; the page never
/// reads it); `false` when the browser refuses.
pub async fn store_blob(slot: Slot, blob: &web_sys::Blob) -> bool {
    let Some(cache) = cache().await else { return false };
    let Ok(response) = web_sys::Response::new_with_opt_blob(Some(blob)) else { return false };
    let kept = JsFuture::from(cache.put_with_str(&key(slot), &response)).await.is_ok();
    if kept {
        let _ = JsFuture::from(cache.delete_with_str(&too_big_key(slot))).await;
    }
    kept
}

/// A kept file as a `Blob` (not read: the worker reads it by slices).
pub async fn load_blob(slot: Slot) -> Option<web_sys::Blob> {
    let cache = cache().await?;
    let found = JsFuture::from(cache.match_with_str(&key(slot))).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    JsFuture::from(response.blob().ok()?).await.ok()?.dyn_into().ok()
}

/// Forgets a kept file.
pub async fn forget_file(slot: Slot) {
    if let Some(cache) = cache().await {
        let _ = JsFuture::from(cache.delete_with_str(&key(slot))).await;
        let _ = JsFuture::from(cache.delete_with_str(&too_big_key(slot))).await;
    }
}
