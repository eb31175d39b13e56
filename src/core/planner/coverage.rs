//! Which demand points each site covers: sparse lists built through a spatial index, so the work
//! grows with the pairs within the radius, not with demand × candidates.
//!
//! The index sorts points into latitude rows and, within a row, by longitude. A query visits the
//! rows its circle touches and, in each, only the longitude window the circle can reach there
//! ([`lon_half_width`]), found by binary search; each point found is then checked exactly with the
//! haversine distance. Memory is O(points), however large the area.

use crate::core::geo::{angular_radius, distance_m, lon_half_width, LonLat};

/// The spatial index over a set of points.
#[derive(Clone, Debug)]
pub struct PointIndex {
    lat0: f64,
    row_height: f64,
    /// `rows[r]..rows[r + 1]` are the points of row `r`, sorted by longitude.
    rows: Vec<u32>,
    lon: Vec<f64>,
    lat: Vec<f64>,
    id: Vec<u32>,
}

impl PointIndex {
    /// Indexes `points` for queries of radius about `radius_m` (any radius works; this one is fast).
    /// Invalid points (NaN, out of range) are left out.
    pub fn new(points: &[LonLat], radius_m: f64) -> PointIndex {
        // The valid points' ids, walked again where needed rather than kept: on 5.5 million
        // points a list of them would be 22 MB more at the index's peak.
        let valid = || (0..points.len() as u32).filter(|&i| points[i as usize].is_valid());
        let (lat_min, lat_max) = valid().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), i| {
            let lat = points[i as usize].lat;
            (lo.min(lat), hi.max(lat))
        });
        let lat0 = if lat_min.is_finite() { lat_min } else { 0.0 };
        let span = if lat_max.is_finite() { lat_max - lat0 } else { 0.0 };
        // Rows a quarter of the radius high, but never more than 4 million rows.
        let mut row_height = (angular_radius(radius_m.max(1.0)).to_degrees() / 4.0).max(1e-7);
        if span / row_height > 4.0e6 {
            row_height = span / 4.0e6;
        }
        let nrows = (span / row_height) as usize + 1;
        let row_of = |lat: f64| (((lat - lat0) / row_height) as usize).min(nrows - 1);
        // Counting sort by row, then sort each row by longitude.
        let mut counts = vec![0u32; nrows + 1];
        for i in valid() {
            counts[row_of(points[i as usize].lat) + 1] += 1;
        }
        for r in 0..nrows {
            counts[r + 1] += counts[r];
        }
        let rows = counts.clone();
        let mut next = counts;
        let mut order = vec![0u32; rows[nrows] as usize];
        for i in valid() {
            let r = row_of(points[i as usize].lat);
            order[next[r] as usize] = i;
            next[r] += 1;
        }
        for r in 0..nrows {
            let slice = &mut order[rows[r] as usize..rows[r + 1] as usize];
            slice.sort_unstable_by(|a, b| points[*a as usize].lon.total_cmp(&points[*b as usize].lon));
        }
        PointIndex {
            lat0,
            row_height,
            lon: order.iter().map(|&i| points[i as usize].lon).collect(),
            lat: order.iter().map(|&i| points[i as usize].lat).collect(),
            id: order,
            rows,
        }
    }

    /// Calls `found(point id, distance_m)` for every indexed point within `radius_m` of `center`
    /// (distance ≤ radius).
    pub fn within(&self, center: LonLat, radius_m: f64, mut found: impl FnMut(u32, f64)) {
        if self.id.is_empty() || !center.is_valid() || !(radius_m >= 0.0) {
            return;
        }
        let theta = angular_radius(radius_m);
        let theta_deg = theta.to_degrees();
        let nrows = self.rows.len() - 1;
        let lat_lo = center.lat - theta_deg;
        let lat_hi = center.lat + theta_deg;
        if lat_hi < self.lat0 {
            return;
        }
        let r0 = (((lat_lo - self.lat0) / self.row_height).floor().max(0.0)) as usize;
        let r1 = ((((lat_hi - self.lat0) / self.row_height).floor()) as usize).min(nrows - 1);
        let phi_c = center.lat.to_radians();
        for r in r0..=r1 {
            let (start, end) = (self.rows[r] as usize, self.rows[r + 1] as usize);
            if start == end {
                continue;
            }
            let band_lo = (self.lat0 + r as f64 * self.row_height).to_radians();
            let band_hi = (self.lat0 + (r + 1) as f64 * self.row_height).to_radians();
            let (from, to) = match lon_half_width(phi_c, theta, band_lo, band_hi) {
                // A hair wider than the exact window, for rounding; the distance check decides.
                Some(w) => {
                    let w = w.to_degrees() + 1e-9;
                    let lons = &self.lon[start..end];
                    (start + lons.partition_point(|&x| x < center.lon - w), start + lons.partition_point(|&x| x <= center.lon + w))
                }
                None => (start, end),
            };
            for k in from..to {
                let d = distance_m(center, LonLat::new(self.lon[k], self.lat[k]));
                if d <= radius_m {
                    found(self.id[k], d);
                }
            }
        }
    }
}

/// For each site, the demand points within the radius: compressed sparse rows, kept in blocks.
///
/// The lists are packed site after site into blocks of at most [`BLOCK`] entries (a site's list
/// never straddles two), not into one vector grown by doubling: at city scale (ten million pairs)
/// a doubling vector holds up to twice the lists while it grows and copies them once more when
/// shrunk, and WebAssembly never gives that memory back — the planner's worker kept the peak
/// for the rest of the session. Blocks waste at most the tail of each (one site's list).
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// The radius, metres.
    pub radius_m: f64,
    /// Number of demand points the lists refer to.
    pub n_demand: usize,
    /// Where each site's list starts among all the entries (and the end of the last).
    offsets: Vec<u32>,
    /// The block holding each site's list.
    block_of: Vec<u32>,
    blocks: Vec<Block>,
}

/// Entries in a full block of [`Coverage`]'s lists: 4 MB of ids and 4 MB of distances.
pub const BLOCK: usize = 1 << 20;

/// Some sites' lists, one after the other.
#[derive(Clone, Debug, PartialEq)]
struct Block {
    /// The place of its first entry among all the entries.
    first: u32,
    demand: Vec<u32>,
    dist_m: Vec<f32>,
}

impl Coverage {
    fn empty(radius_m: f64, n_demand: usize, n_sites: usize) -> Coverage {
        let mut offsets = Vec::with_capacity(n_sites + 1);
        offsets.push(0u32);
        Coverage { radius_m, n_demand, offsets, block_of: Vec::with_capacity(n_sites), blocks: Vec::new() }
    }

    /// Adds the next site's list (sorted by demand id). A new block starts when the list does not
    /// fit in the last one's room: as large as the entries so far (so small plans stay small),
    /// between 1,024 entries and [`BLOCK`], and at least the list.
    fn push(&mut self, list: &[(u32, f32)]) {
        let total = self.offsets.last().copied().unwrap_or(0);
        let room = self.blocks.last().map_or(0, |b| b.demand.capacity() - b.demand.len());
        if self.blocks.is_empty() || room < list.len() {
            let cap = (total as usize).clamp(1024, BLOCK).max(list.len());
            self.blocks.push(Block { first: total, demand: Vec::with_capacity(cap), dist_m: Vec::with_capacity(cap) });
        }
        let b = self.blocks.len() - 1;
        let block = &mut self.blocks[b];
        block.demand.extend(list.iter().map(|(i, _)| *i));
        block.dist_m.extend(list.iter().map(|(_, d)| *d));
        self.block_of.push(b as u32);
        self.offsets.push(total.saturating_add(u32::try_from(list.len()).unwrap_or(u32::MAX)));
    }

    /// The last block's spare room given back.
    fn finish(mut self) -> Coverage {
        if let Some(b) = self.blocks.last_mut() {
            b.demand.shrink_to_fit();
            b.dist_m.shrink_to_fit();
        }
        self
    }

    /// Builds the lists for `sites` over `index` (each list sorted by demand id).
    pub fn build(index: &PointIndex, n_demand: usize, sites: &[LonLat], radius_m: f64) -> Coverage {
        Coverage::from_fn(radius_m, n_demand, sites.len(), |s, list| index.within(sites[s], radius_m, |i, d| list.push((i, d as f32))))
    }

    /// From lists made elsewhere (the road network's walking distances): for each site, its demand
    /// points with their distances, sorted by demand id.
    pub fn from_lists(radius_m: f64, n_demand: usize, lists: Vec<Vec<(u32, f32)>>) -> Coverage {
        let mut c = Coverage::empty(radius_m, n_demand, lists.len());
        for list in lists {
            c.push(&list);
        }
        c.finish()
    }

    /// Site by site from `fill`, which pushes site `s`'s demand points with their distances (in any
    /// order; sorted here by demand id) into the buffer it is given. Packs as it goes, so the lists
    /// never exist twice (the road network's walking distances at city scale: tens of millions).
    pub fn from_fn(radius_m: f64, n_demand: usize, n_sites: usize, mut fill: impl FnMut(usize, &mut Vec<(u32, f32)>)) -> Coverage {
        let mut c = Coverage::empty(radius_m, n_demand, n_sites);
        let mut scratch: Vec<(u32, f32)> = Vec::new();
        for s in 0..n_sites {
            scratch.clear();
            fill(s, &mut scratch);
            scratch.sort_unstable_by_key(|(i, _)| *i);
            c.push(&scratch);
        }
        c.finish()
    }

    /// Site `s`'s entries within its block.
    fn span(&self, s: usize) -> (&Block, std::ops::Range<usize>) {
        let b = &self.blocks[self.block_of[s] as usize];
        (b, (self.offsets[s] - b.first) as usize..(self.offsets[s + 1] - b.first) as usize)
    }

    /// Number of sites.
    pub fn n_sites(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The demand points site `s` covers.
    pub fn of(&self, s: usize) -> &[u32] {
        let (b, range) = self.span(s);
        &b.demand[range]
    }

    /// Their distances from the site, metres (same order as [`Coverage::of`]).
    pub fn distances(&self, s: usize) -> &[f32] {
        let (b, range) = self.span(s);
        &b.dist_m[range]
    }

    /// Total number of (site, point) pairs.
    pub fn pairs(&self) -> usize {
        self.blocks.iter().map(|b| b.demand.len()).sum()
    }

    /// Which demand points at least one site covers.
    pub fn covered_mask(&self) -> Vec<bool> {
        let mut mask = vec![false; self.n_demand];
        for &i in self.blocks.iter().flat_map(|b| &b.demand) {
            mask[i as usize] = true;
        }
        mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rng::Rng;

    /// Lists packed into several blocks read back exactly as given, whatever their sizes (empty
    /// first, small, longer than a block), and no block is more than one list short of full.
    #[test]
    fn lists_in_blocks_read_back_as_given() {
        let sizes = [0usize, 0, 3, 1500, BLOCK + 7, 10, 0, 600_000, 600_000, 5];
        let lists: Vec<Vec<(u32, f32)>> = sizes
            .iter()
            .enumerate()
            .map(|(s, &n)| (0..n as u32).map(|k| (k * 3 + s as u32, (k % 1000) as f32 + s as f32 / 16.0)).collect())
            .collect();
        let c = Coverage::from_lists(500.0, 4 * BLOCK, lists.clone());
        assert_eq!(c.n_sites(), sizes.len());
        assert_eq!(c.pairs(), sizes.iter().sum::<usize>());
        for (s, list) in lists.iter().enumerate() {
            let ids: Vec<u32> = list.iter().map(|p| p.0).collect();
            let dists: Vec<f32> = list.iter().map(|p| p.1).collect();
            assert_eq!(c.of(s), &ids[..], "site {s}");
            assert_eq!(c.distances(s), &dists[..], "site {s}");
        }
        // By hand: 0, 0 and 3 in a first block of 1,024; 1,500 does not fit its room (1,021): a
        // second block of 1,500; BLOCK + 7 a third of its own; 10 a fourth (BLOCK entries, as
        // there are more than that so far), which 0 and 600,000 join; the second 600,000 does
        // not fit (BLOCK − 600,010 = 448,566 left): a fifth, with the last 5.
        assert_eq!(c.blocks.len(), 5);
        let mask = c.covered_mask();
        assert!(mask[3 * 2 + 2] && !mask[1]);
    }

    /// Brute force: every pair.
    fn brute(points: &[LonLat], site: LonLat, r: f64) -> Vec<u32> {
        (0..points.len() as u32).filter(|&i| points[i as usize].is_valid() && distance_m(site, points[i as usize]) <= r).collect()
    }

    #[test]
    fn index_finds_exactly_the_brute_force_pairs() {
        let mut rng = Rng::new(42);
        for (lat, spread, radius) in [(23.1, 0.2, 1000.0), (45.0, 2.0, 40_000.0), (-33.9, 0.05, 300.0), (0.0, 1.0, 20_000.0)] {
            let points: Vec<LonLat> =
                (0..3000).map(|_| LonLat::new(113.0 + (rng.unit() - 0.5) * spread * 2.0, lat + (rng.unit() - 0.5) * spread)).collect();
            let index = PointIndex::new(&points, radius);
            for s in 0..60 {
                let site = if s % 3 == 0 {
                    points[s * 7]
                } else {
                    LonLat::new(113.0 + (rng.unit() - 0.5) * spread, lat + (rng.unit() - 0.5) * spread * 0.5)
                };
                let mut got = Vec::new();
                index.within(site, radius, |i, _| got.push(i));
                got.sort_unstable();
                assert_eq!(got, brute(&points, site, radius), "lat {lat} radius {radius} site {s}");
            }
        }
    }

    #[test]
    fn invalid_points_are_ignored_and_empty_inputs_are_fine() {
        let points = vec![LonLat::new(f64::NAN, 23.0), LonLat::new(113.0, 95.0), LonLat::new(113.0, 23.0)];
        let index = PointIndex::new(&points, 1000.0);
        let mut got = Vec::new();
        index.within(LonLat::new(113.0, 23.0), 1000.0, |i, d| got.push((i, d)));
        assert_eq!(got, vec![(2, 0.0)]);
        let empty = PointIndex::new(&[], 1000.0);
        empty.within(LonLat::new(113.0, 23.0), 1000.0, |_, _| panic!("nothing to find"));
        let cov = Coverage::build(&empty, 0, &[LonLat::new(1.0, 1.0)], 500.0);
        assert_eq!((cov.n_sites(), cov.pairs()), (1, 0));
    }
}
