//! The planner's side effects, one hook per file: the worker, keeping the work across reloads,
//! reading files from the device, and following the page's language. The components only render
//! state and call these.

mod use_file_readers;
mod use_persisted_plan;
mod use_planner_worker;

pub use use_file_readers::use_file_readers;
pub use use_persisted_plan::use_persisted_plan;
#[cfg(feature = "test-hooks")]
pub use use_planner_worker::test_worker_panic;
pub use use_planner_worker::{use_planner_worker, PlannerBridge};
