//! The planner's Web Worker entry point: registers the worker, nothing else.

use gloo::worker::Registrable;

fn main() {
    console_error_panic_hook::set_once();
    zhucan::worker::PlannerWorker::registrar().register();
}
