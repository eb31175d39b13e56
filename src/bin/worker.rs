//! The planner's Web Worker entry point: listens to the page (`zhucan::worker::serve`), nothing else.

fn main() {
    zhucan::worker::install_panic_hook();
    zhucan::worker::serve();
}
