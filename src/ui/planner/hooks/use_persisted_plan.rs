//! Keeps the planner's work across reloads (see `persist.rs` for where: local storage and the
//! Cache API). Where the browser refuses, the planner keeps working in memory and says so. A file
//! too big to keep ([`crate::core::planner::data::kept_on_device`]) is not copied there: the
//! planner says so, and again after a reload, where it asks for the file.

use std::rc::Rc;

use yew::prelude::*;

use super::use_planner_worker::{Accepted, FileData, Kept};
use super::PlannerBridge;
use crate::core::planner::data::kept_on_device;
use crate::core::planner::project::{Contents, Kind};
use crate::core::planner::session::Role;
use crate::ui::planner::persist::{self, Slot};
use crate::ui::planner::state::PlannerState;

/// What [`use_persisted_plan`] returns.
#[derive(Clone)]
pub struct PersistedPlan {
    /// `false` once the browser has refused to keep something (storage blocked or full).
    pub ok: bool,
    /// `true` while a file in use was too big to keep on the device (chosen now, or missing
    /// after a reload for that reason).
    pub too_big: bool,
    slots_too_big: UseReducerHandle<TooBig>,
}

/// The slots whose file was too big to keep on the device.
#[derive(Default, PartialEq)]
struct TooBig(Vec<Slot>);

/// A change to [`TooBig`].
enum TooBigChange {
    /// The slot's file was too big to keep.
    Add(Slot),
    /// The slot's file is kept, or gone.
    Remove(Slot),
}

impl Reducible for TooBig {
    type Action = TooBigChange;

    fn reduce(self: Rc<Self>, change: TooBigChange) -> Rc<Self> {
        let mut slots = self.0.clone();
        match change {
            TooBigChange::Add(slot) if !slots.contains(&slot) => slots.push(slot),
            TooBigChange::Add(_) => return self,
            TooBigChange::Remove(slot) => slots.retain(|&s| s != slot),
        }
        Rc::new(TooBig(slots))
    }
}

/// How keeping a file on the device went.
enum Stored {
    /// Kept.
    Kept,
    /// Too big to keep: not copied (a note kept in its place).
    TooBig,
    /// The browser refused.
    Refused,
}

impl PersistedPlan {
    /// Keeps the files of a project just opened on the device, so a reload brings the project back.
    pub fn store_files(&self, files: &[Contents]) {
        let kinds: Vec<(Kind, Role)> = files.iter().map(|f| (f.kind, f.role)).collect();
        for (slot, bytes) in slots(&kinds).into_iter().zip(files.iter().map(|f| f.bytes.clone())) {
            let too_big = self.slots_too_big.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = note(&too_big, slot, store(slot, FileData::Bytes(Rc::new(bytes))).await);
            });
        }
    }

    /// Forgets a removed file's bytes on the device.
    pub fn forget_file(&self, role: Role) {
        self.forget(Slot::Table(role));
    }

    /// Forgets the road file's bytes on the device.
    pub fn forget_roads(&self) {
        self.forget(Slot::Roads);
    }

    /// Forgets the boundary's bytes on the device.
    pub fn forget_boundary(&self) {
        self.forget(Slot::Boundary);
    }

    fn forget(&self, slot: Slot) {
        self.slots_too_big.dispatch(TooBigChange::Remove(slot));
        wasm_bindgen_futures::spawn_local(persist::forget_file(slot));
    }
}

/// Notes in `too_big` how keeping `slot`'s file went; `false` when the browser refused.
fn note(too_big: &UseReducerHandle<TooBig>, slot: Slot, stored: Stored) -> bool {
    match stored {
        Stored::Kept => too_big.dispatch(TooBigChange::Remove(slot)),
        Stored::TooBig => too_big.dispatch(TooBigChange::Add(slot)),
        Stored::Refused => return false,
    }
    true
}

/// Where each file is kept on the device: a table in its role's slot, the rasters numbered in
/// their order, the boundary. `files`: each file's kind and role.
fn slots(files: &[(Kind, Role)]) -> Vec<Slot> {
    let mut rasters = 0;
    files
        .iter()
        .map(|&(kind, role)| match kind {
            Kind::Table => Slot::Table(role),
            Kind::Raster => {
                rasters += 1;
                Slot::Raster(rasters - 1)
            }
            Kind::Boundary => Slot::Boundary,
            Kind::Roads => Slot::Roads,
        })
        .collect()
}

/// Keeps a file on the device: bytes as they are, a `File` copied by the browser (not read); a
/// file too big to keep is not copied, and a note says so.
async fn store(slot: Slot, data: FileData) -> Stored {
    let size = match &data {
        FileData::Bytes(bytes) => bytes.len() as u64,
        // A `Blob`'s size is a whole number of bytes, well inside f64's exact range.
        FileData::Blob(blob) => blob.size() as u64,
    };
    if !kept_on_device(size) {
        return if persist::mark_too_big(slot).await { Stored::TooBig } else { Stored::Refused };
    }
    let kept = match data {
        FileData::Bytes(bytes) => persist::store_file(slot, &bytes).await,
        FileData::Blob(blob) => persist::store_blob(slot, &blob).await,
    };
    if kept {
        Stored::Kept
    } else {
        Stored::Refused
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
    let slots_too_big = use_reducer(TooBig::default);

    // Restore the saved work.
    {
        let (worker, ok, too_big) = (worker.clone(), ok.clone(), slots_too_big.clone());
        use_effect_with((), move |_| {
            if let Some(saved) = persist::load_meta()
                .filter(|s| s.demo || !s.files.is_empty() || !s.rasters.is_empty() || s.boundary.is_some() || s.roads.is_some())
            {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut files = Vec::new();
                    let mut wanted: Vec<(Slot, Kind, Role, String)> =
                        saved.files.iter().map(|(role, name, ..)| (Slot::Table(*role), Kind::Table, *role, name.clone())).collect();
                    wanted.extend(
                        saved.rasters.iter().enumerate().map(|(i, (name, _))| (Slot::Raster(i), Kind::Raster, Role::Demand, name.clone())),
                    );
                    wanted.extend(saved.boundary.iter().map(|(name, _)| (Slot::Boundary, Kind::Boundary, Role::Demand, name.clone())));
                    wanted.extend(saved.roads.iter().map(|(name, _)| (Slot::Roads, Kind::Roads, Role::Demand, name.clone())));
                    for (slot, kind, role, name) in wanted {
                        // A table or a raster as a `Blob` the worker reads by slices or ranges;
                        // the others as bytes.
                        let data = match kind {
                            Kind::Table | Kind::Raster => persist::load_blob(slot).await.map(FileData::Blob),
                            Kind::Boundary | Kind::Roads => persist::load_file(slot).await.map(|b| FileData::Bytes(Rc::new(b))),
                        };
                        match data {
                            Some(data) => files.push(Kept { kind, role, name, data }),
                            None if persist::was_too_big(slot).await => too_big.dispatch(TooBigChange::Add(slot)),
                            None => ok.set(false),
                        }
                    }
                    worker.restore_kept(saved, files);
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
        let (worker, ok, too_big) = (worker.clone(), ok.clone(), slots_too_big.clone());
        use_effect_with(Accepted::of(state), move |accepted| {
            let files = worker.accept_pending(accepted);
            let kinds: Vec<(Kind, Role)> = files.iter().map(|f| (f.kind, f.role)).collect();
            for (slot, file) in slots(&kinds).into_iter().zip(files) {
                let (ok, too_big) = (ok.clone(), too_big.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if !note(&too_big, slot, store(slot, file.data).await) {
                        ok.set(false);
                    }
                });
            }
        });
    }
    PersistedPlan { ok: *ok, too_big: !slots_too_big.0.is_empty(), slots_too_big }
}
