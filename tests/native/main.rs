//! Native integration tests: the CLI, the core/UI boundary and the toolchain pins.
//! Run with plain `cargo test`; they need no WebAssembly toolchain.

mod access;
mod architecture;
mod cli;
mod language_tables;
mod network_pbf;
mod network_reference;
mod optimum;
mod parser_robustness;
mod planner_models;
#[path = "../support/planner_path.rs"]
mod planner_path;
mod planner_properties;
mod poi;
mod policy_errors;
mod policy_new_keys;
mod policy_studio;
mod policy_template;
mod presets;
mod properties;
mod reference;
mod scenario;
mod simulate;
mod toolchain;
mod workbook;
