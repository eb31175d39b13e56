//! Canteen site planning: demand and candidate sites, the spatial index and coverage lists,
//! per-site scores, and the choice of sites with a certified bound.
//!
//! Distances are great-circle (haversine, R = 6,371,008.8 m); a demand point is covered by a site
//! when its distance is at most the service radius, the convention of the independent reference
//! checker in `tests/data/reference`.

pub mod coverage;
pub mod data;
pub mod export;
pub mod form;
pub mod geometry;
pub mod labels;
pub mod mapdraw;
pub mod network;
pub mod plan;
pub mod problem;
pub mod project;
pub mod sample;
pub mod select;
pub mod session;
pub mod words;

pub use coverage::{Coverage, PointIndex};
pub use geometry::{distance_m, LonLat};
pub use select::{coverage_curve, fewest_sites, select, SelectOptions, Selection, SelectionInput};
