//! The demand density on a grid, for drawing under the sites on the map.

use serde::{Deserialize, Serialize};

use super::super::data::Demand;
use crate::core::geo::LocalProjection;

/// The demand density on a grid, for drawing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DensityGrid {
    /// Map x of the grid's west edge, metres.
    pub x0: f64,
    /// Map y of the grid's south edge, metres.
    pub y0: f64,
    /// Cell size, metres.
    pub cell_m: f64,
    /// Columns.
    pub nx: usize,
    /// Rows.
    pub ny: usize,
    /// Older people per cell, row-major from the south-west corner.
    pub counts: Vec<f64>,
}

/// The density grid: at most `max_cells` cells along the longer side.
pub fn density_grid(demand: &Demand, proj: &LocalProjection, max_cells: usize) -> DensityGrid {
    let xy: Vec<(f64, f64)> = demand.points.iter().map(|p| proj.forward(*p)).collect();
    if xy.is_empty() {
        return DensityGrid::default();
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y) in &xy {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let span = (x1 - x0).max(y1 - y0).max(1.0);
    let cell_m = span / max_cells.max(1) as f64;
    let nx = (((x1 - x0) / cell_m) as usize + 1).min(max_cells + 1);
    let ny = (((y1 - y0) / cell_m) as usize + 1).min(max_cells + 1);
    let mut counts = vec![0.0; nx * ny];
    for (&(x, y), &c) in xy.iter().zip(&demand.counts) {
        let i = (((x - x0) / cell_m) as usize).min(nx - 1);
        let j = (((y - y0) / cell_m) as usize).min(ny - 1);
        counts[j * nx + i] += c;
    }
    DensityGrid { x0, y0, cell_m, nx, ny, counts }
}
