//! The planner's Web Worker entry point: registers the worker, nothing else.

use gloo::worker::Registrable;

fn main() {
    zhucan::worker::install_panic_hook();
    zhucan::worker::PlannerWorker::registrar().encoding::<zhucan::worker::SideCodec>().register();
}
