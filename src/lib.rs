//! zhucan (助餐): an elderly meal-assistance (老年助餐) subsidy calculator for residents and a
//! senior-canteen site planner for civil-affairs planners, running entirely in the browser.
//!
//! The crate has two halves:
//! - [`core`]: pure Rust. Policy rules, geometry, scoring, optimisation and file parsing. It has no
//!   web dependency at all (they are optional and only enabled by the `ui` feature), so it builds and
//!   tests natively and the CLI (`src/bin/zhucan/`) uses exactly the same code as the web page.
//! - `ui` (feature `ui`): the Yew app. Components render state and dispatch messages; every figure
//!   they show comes from [`core`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// `!(x >= 0.0)` is written on purpose: it is also true for NaN, which is how bad numbers are kept out.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

pub mod core;

#[cfg(feature = "ui")]
pub mod ui;

#[cfg(feature = "worker")]
pub mod worker;
