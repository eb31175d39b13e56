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
    /// Cell size (width), metres.
    pub cell_m: f64,
    /// Cell height, metres, when it differs from the width (a raster's cells in degrees are
    /// taller than wide away from the equator); 0: square cells.
    #[serde(default)]
    pub cell_h_m: f64,
    /// Columns.
    pub nx: usize,
    /// Rows.
    pub ny: usize,
    /// Older people per cell, row-major from the south-west corner.
    pub counts: Vec<f64>,
}

impl DensityGrid {
    /// A cell's height, metres.
    pub fn cell_height(&self) -> f64 {
        if self.cell_h_m > 0.0 {
            self.cell_h_m
        } else {
            self.cell_m
        }
    }
}

/// The smallest step between distinct values (infinite with fewer than two).
fn step(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.windows(2).map(|w| w[1] - w[0]).filter(|d| *d > 1e-3).fold(f64::INFINITY, f64::min)
}

/// The density grid: at most `max_cells` cells along the longer side. Demand that comes on cells
/// of its own (a population raster's cells, a GeoJSON grid's polygons: most points have an area)
/// is drawn on those cells — their spacing east and north, or a whole multiple of it when there
/// are more than `max_cells` — so a 1 km raster shows as its 1 km cells, not as dots, and a fine
/// one adds up whole cells without stripes.
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
    let base = span / max_cells.max(1) as f64;
    let mut areas: Vec<f64> = demand.area_m2.iter().copied().filter(|a| a.is_finite() && *a > 0.0).collect();
    let (cell_m, cell_h_m) = if !areas.is_empty() && areas.len() * 2 >= xy.len() {
        areas.sort_by(f64::total_cmp);
        let side = areas[areas.len() / 2].sqrt();
        // The points' own spacing, unless they are not on a lattice (then the typical side).
        let own = |s: f64| if s.is_finite() && s >= 0.5 * side { s } else { side };
        let (sx, sy) = (own(step(xy.iter().map(|p| p.0).collect())), own(step(xy.iter().map(|p| p.1).collect())));
        // Each point in the middle of its cell.
        x0 -= sx / 2.0;
        y0 -= sy / 2.0;
        (sx * (base / sx).ceil().max(1.0), sy * (base / sy).ceil().max(1.0))
    } else {
        (base, base)
    };
    let nx = (((x1 - x0) / cell_m) as usize + 1).min(max_cells + 1);
    let ny = (((y1 - y0) / cell_h_m) as usize + 1).min(max_cells + 1);
    let mut counts = vec![0.0; nx * ny];
    for (&(x, y), &c) in xy.iter().zip(&demand.counts) {
        let i = (((x - x0) / cell_m) as usize).min(nx - 1);
        let j = (((y - y0) / cell_h_m) as usize).min(ny - 1);
        counts[j * nx + i] += c;
    }
    DensityGrid { x0, y0, cell_m, cell_h_m, nx, ny, counts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::{LonLat, EARTH_RADIUS_M};

    /// Points `m` metres apart on the equator, around the projection's origin.
    fn at(x_m: f64, y_m: f64) -> LonLat {
        LonLat::new((x_m / EARTH_RADIUS_M).to_degrees(), (y_m / EARTH_RADIUS_M).to_degrees())
    }

    #[test]
    fn raster_cells_are_drawn_as_their_own_cells() {
        // Six cells of 1.1 km², 3 across and 2 up, their centres 1,000 m apart east-west and
        // 1,100 m north-south.
        let points: Vec<LonLat> = (0..2).flat_map(|j| (0..3).map(move |i| at(1000.0 * i as f64, 1100.0 * j as f64))).collect();
        let demand = Demand { counts: vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0], area_m2: vec![1.1e6; 6], points, ..Demand::default() };
        let g = density_grid(&demand, &LocalProjection::new(LonLat::new(0.0, 0.0)), 120);
        // Not 2,000 m / 120 = 17 m squares: the cells themselves, 1,000 m × 1,100 m, the first
        // starting half a cell west and south of the first centre; one point in each.
        assert!((g.cell_m - 1000.0).abs() < 1e-6 && (g.cell_height() - 1100.0).abs() < 1e-6, "{} {}", g.cell_m, g.cell_h_m);
        assert!((g.x0 + 500.0).abs() < 1e-6 && (g.y0 + 550.0).abs() < 1e-6, "{} {}", g.x0, g.y0);
        assert_eq!((g.nx, g.ny), (3, 2));
        assert_eq!(g.counts, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        // Points without areas (a CSV of addresses): 120 square cells along the longer side.
        let points = demand.points.clone();
        let plain = Demand { counts: vec![1.0; 6], area_m2: vec![f64::NAN; 6], points, ..Demand::default() };
        let g = density_grid(&plain, &LocalProjection::new(LonLat::new(0.0, 0.0)), 120);
        assert!((g.cell_m - 2000.0 / 120.0).abs() < 1e-6 && g.cell_height() == g.cell_m && g.x0.abs() < 1e-6);
    }

    #[test]
    fn a_fine_raster_adds_up_whole_cells() {
        // 300 cells of 100 m in a row, one person each: 29,900 m from the first centre to the
        // last, / 120 = 249 m, so 3 cells (300 m) make one drawn cell: 100 of them, 3 people each.
        let points: Vec<LonLat> = (0..300).map(|i| at(100.0 * i as f64, 0.0)).collect();
        let demand = Demand { counts: vec![1.0; 300], area_m2: vec![1e4; 300], points, ..Demand::default() };
        let g = density_grid(&demand, &LocalProjection::new(LonLat::new(0.0, 0.0)), 120);
        assert!((g.cell_m - 300.0).abs() < 1e-6, "{}", g.cell_m);
        assert_eq!(g.nx, 100);
        assert!(g.counts.iter().all(|c| *c == 3.0), "{:?}", g.counts);
    }
}
