//! The pure core: data in, data out. No clock, no randomness, no I/O, no web APIs.
//!
//! Everything here compiles for any target; the web app and the CLI are thin layers over it.

pub mod calendar;
pub mod date;
pub mod embed;
pub mod form;
pub mod geo;
pub mod io;
pub mod locale;
pub mod money;
pub mod planner;
pub mod policy;
pub mod rng;
pub mod scenario;
pub mod sort;
pub mod text_input;
pub mod toml;

pub use locale::Locale;
