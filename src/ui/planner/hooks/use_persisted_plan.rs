//! Keeps the planner's work across reloads (see `persist.rs` for where: local storage and the
//! Cache API). Where the browser refuses, the planner keeps working in memory and says so.

use yew::prelude::*;

use super::PlannerBridge;
use crate::core::planner::project::Contents;
use crate::core::planner::session::Role;
use crate::ui::planner::persist;
use crate::ui::planner::state::PlannerState;

/// What [`use_persisted_plan`] returns.
#[derive(Clone)]
pub struct PersistedPlan {
    /// `false` once the browser has refused to keep something (storage blocked or full).
    pub ok: bool,
}

impl PersistedPlan {
    /// Keeps the files of a project just opened on the device, so a reload brings the project back.
    pub fn store_files(&self, files: &[Contents]) {
        for (role, _, bytes) in files {
            let (role, bytes) = (*role, bytes.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let _ = persist::store_file(role, &bytes).await;
            });
        }
    }

    /// Forgets a removed file's bytes on the device.
    pub fn forget_file(&self, role: Role) {
        wasm_bindgen_futures::spawn_local(persist::forget_file(role));
    }
}

/// Keeps the planner's work on the device: on the first render it brings back the saved work
/// through `worker` (settings, choices, the files with their mapping, and a run if there was a
/// result); whenever the settings, choices or files in use change it saves them; and when the
/// worker accepts a new file, it keeps the file's bytes (in `worker`, for a fresh worker, and on
/// the device). Returns whether the browser keeps the work, with what else it keeps.
#[hook]
pub fn use_persisted_plan(state: &UseReducerHandle<PlannerState>, worker: &PlannerBridge) -> PersistedPlan {
    let ok = use_state(|| true);

    // Restore the saved work.
    {
        let (worker, ok) = (worker.clone(), ok.clone());
        use_effect_with((), move |_| {
            if let Some(saved) = persist::load_meta().filter(|s| s.demo || !s.files.is_empty()) {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut files = Vec::new();
                    for (role, name, ..) in &saved.files {
                        match persist::load_file(*role).await {
                            Some(bytes) => files.push((*role, name.clone(), bytes)),
                            None => ok.set(false),
                        }
                    }
                    worker.restore(saved, files);
                });
            }
        });
    }
    // Save the small state whenever it changes.
    {
        let ok = ok.clone();
        use_effect_with(state.saved(), move |saved| {
            if !persist::save_meta(saved) {
                ok.set(false);
            }
        });
    }
    // A newly accepted file: keep its bytes for replay, and save them.
    {
        let (worker, ok) = (worker.clone(), ok.clone());
        let in_use: Vec<Option<String>> = state.cards.iter().map(|c| c.in_use.as_ref().map(|u| u.name.clone())).collect();
        use_effect_with(in_use, move |in_use| {
            for (role, bytes) in worker.accept_pending(in_use) {
                let ok = ok.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if !persist::store_file(role, &bytes).await {
                        ok.set(false);
                    }
                });
            }
        });
    }
    PersistedPlan { ok: *ok }
}
