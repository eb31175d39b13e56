//! Canteen site planning: demand and candidate sites, the spatial index and coverage lists,
//! per-site scores, and the choice of sites with a certified bound.
//!
//! Distances are great-circle (haversine, R = 6,371,008.8 m, [`crate::core::geo`]); a demand point
//! is covered by a site when its distance is at most the service radius, the convention of the
//! independent reference checker in `tests/data/reference`.
//!
//! One line per file:
//! - `access.rs`: accessibility and fairness: the Gaussian 2SFCA score, Gini and Lorenz curve;
//! - `capacity.rs`: capacitated coverage: meals served within the sites' capacities, who eats where;
//! - `layers.rs`: walk-in and home-delivery demand, existing canteens and competitors;
//! - `settings.rs`: what the planner sets (radius, k, weights, need share, decay, locked and
//!   excluded sites) and the defaults with their reasons;
//! - `score.rs`: each candidate's score with its breakdown, and the demand weights;
//! - `plan.rs`: the pipeline: prepare the coverage lists (straight line or on foot), run, the result;
//! - `coverage.rs`: the spatial index and which points each site covers;
//! - `network.rs`: walking along streets: the road graph, snapping, bounded shortest paths;
//! - `select.rs`: choosing the sites, the fewest for a target, the curve, the certified bound;
//! - `data.rs`: demand and sites from imported tables, with every bad row reported;
//! - `problem.rs`: the reference checker's problem format;
//! - `project.rs`: the project file (files, mappings, settings, choices);
//! - `form.rs`: the settings as typed, validated;
//! - `session/`: the working session the web worker runs (protocol, view model, density, demo);
//! - `export.rs`: the CSV and GeoJSON exports;
//! - `mapdraw.rs`: the map laid out in pixels; `labels.rs`: where its names go;
//! - `sample.rs`: seeded SIMULATED cities and street grids;
//! - `words.rs`: everything the planner's core writes for people, in each language.
//!
//! `geometry` is [`crate::core::geo`], re-exported under its old name for the modules that still
//! import `planner::geometry`.

pub mod access;
pub mod capacity;
pub mod coverage;
pub mod data;
pub mod export;
pub mod form;
pub mod labels;
pub mod layers;
pub mod mapdraw;
pub mod network;
pub mod plan;
pub mod problem;
pub mod project;
pub mod sample;
pub mod score;
pub mod select;
pub mod session;
pub mod settings;
pub mod words;

/// Points and distances, now [`crate::core::geo`]; the old path `planner::geometry` still works.
pub use crate::core::geo as geometry;
pub use crate::core::geo::{distance_m, LonLat};
pub use coverage::{Coverage, PointIndex};
pub use select::{coverage_curve, fewest_sites, select, SelectOptions, Selection, SelectionInput};
