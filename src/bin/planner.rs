//! The site planner's page app: fetched and started by `static/js/boot.js` the first time the
//! planner tab opens, it mounts into the element the main app keeps for it. Nothing else.

fn main() {
    zhucan::ui::install_panic_hook();
    if let Some(root) = zhucan::ui::planner::mount_point() {
        yew::Renderer::<zhucan::ui::planner::PlannerApp>::with_root(root).render();
    }
}

/// For the end-to-end tests: makes the planner's worker panic on purpose
/// (`wasm_bindgen.zhucanTestWorkerPanic()`). Only in builds with the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = zhucanTestWorkerPanic)]
pub fn test_worker_panic() {
    zhucan::ui::planner::test_worker_panic();
}
