//! Native integration tests: the CLI, the core/UI boundary and the toolchain pins.
//! Run with plain `cargo test`; they need no WebAssembly toolchain.

mod architecture;
mod cli;
mod policy_errors;
mod policy_template;
mod presets;
mod parser_robustness;
mod planner_properties;
#[path = "../support/planner_path.rs"]
mod planner_path;
mod properties;
mod network_reference;
mod reference;
mod scenario;
mod simulate;
mod toolchain;
