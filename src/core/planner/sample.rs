//! SIMULATED data, seeded so it repeats exactly: a city of older residents in clusters, candidate
//! sites near them, and a few existing canteens. For the benchmark and the clearly labelled demo;
//! never planning truth.

use super::data::{Demand, Sites};
use crate::core::geo::LonLat;
use crate::core::rng::Rng;

/// A normally distributed number (Box–Muller).
fn normal(rng: &mut Rng) -> f64 {
    let u1 = rng.unit().max(1e-12);
    let u2 = rng.unit();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// The extra count columns of a simulated city (its data names, as a Chinese file would have them).
pub const SIMULATED_EXTRAS: [&str; 2] = ["80岁以上", "失能"];

/// A simulated city: `n_points` demand points (counts 1–60, with "80岁以上" and "失能" extra
/// counts) in `clusters` residential clusters around `center`, spread over about `extent_km`.
pub fn city(center: LonLat, extent_km: f64, n_points: usize, clusters: usize, seed: u64) -> Demand {
    let mut rng = Rng::new(seed);
    let km_lat = 1.0 / 111.195;
    let km_lon = km_lat / center.lat.to_radians().cos();
    let hubs: Vec<(f64, f64, f64)> = (0..clusters.max(1))
        .map(|_| {
            let dx = (rng.unit() - 0.5) * extent_km;
            let dy = (rng.unit() - 0.5) * extent_km;
            let sigma = 0.3 + rng.unit() * extent_km / 12.0;
            (dx, dy, sigma)
        })
        .collect();
    let mut d =
        Demand { extra_names: SIMULATED_EXTRAS.map(String::from).to_vec(), extras: vec![Vec::new(), Vec::new()], ..Demand::default() };
    for i in 0..n_points {
        let (dx, dy) = if rng.below(10) < 8 {
            let (hx, hy, s) = hubs[rng.below(hubs.len() as u64) as usize];
            (hx + normal(&mut rng) * s, hy + normal(&mut rng) * s)
        } else {
            ((rng.unit() - 0.5) * extent_km, (rng.unit() - 0.5) * extent_km)
        };
        let count = (1 + rng.below(60)) as f64;
        let over80 = (count * (0.1 + 0.15 * rng.unit())).round();
        let disabled = (count * 0.08 * rng.unit()).round();
        d.points.push(LonLat::new(center.lon + dx * km_lon, center.lat + dy * km_lat));
        d.counts.push(count);
        d.extras[0].push(over80);
        d.extras[1].push(disabled);
        d.names.push(&format!("格网{i}"));
        d.area_m2.push(f64::NAN);
    }
    d
}

/// `n` candidate sites, each within about 300 m of a demand point.
pub fn candidates_near(demand: &Demand, n: usize, seed: u64, prefix: &str) -> Sites {
    let mut rng = Rng::new(seed);
    let mut s = Sites::default();
    for i in 0..n {
        let Some(p) = demand.points.get(rng.below(demand.points.len().max(1) as u64) as usize) else { break };
        let jitter = 300.0 / 111_195.0;
        s.points.push(LonLat::new(p.lon + normal(&mut rng) * jitter, p.lat + normal(&mut rng) * jitter));
        s.names.push(format!("{prefix}{}", i + 1));
        s.capacity.push((80 + rng.below(8) * 20) as f64);
        s.cost.push((30 + rng.below(70)) as f64);
    }
    s
}

/// A SIMULATED street grid for benchmarks and tests: east–west and north–south streets every
/// `spacing_m` metres over a square `extent_km` wide, with a river along the middle that the
/// north–south streets cross only on a bridge every `bridge_every` streets, and a share `gaps` of
/// street blocks missing (walled compounds, railways). Seeded; not real data.
pub fn street_grid(center: LonLat, extent_km: f64, spacing_m: f64, bridge_every: usize, gaps: f64, seed: u64) -> Vec<Vec<LonLat>> {
    use crate::core::geo::LocalProjection;
    let mut rng = Rng::new(seed);
    let proj = LocalProjection::new(center);
    let n = (extent_km * 1000.0 / spacing_m) as usize + 1;
    let half = (n as f64 - 1.0) * spacing_m / 2.0;
    let at = |i: usize, j: usize| proj.inverse(i as f64 * spacing_m - half, j as f64 * spacing_m - half);
    let river = n / 2;
    let mut ways = Vec::new();
    // A street is cut into ways at its gaps (and, north–south, at the river unless it is a bridge).
    let mut street = |points: &mut dyn Iterator<Item = (LonLat, bool)>| {
        let mut way: Vec<LonLat> = Vec::new();
        for (p, cut_before) in points {
            if cut_before {
                if way.len() >= 2 {
                    ways.push(std::mem::take(&mut way));
                }
                way.clear();
            }
            way.push(p);
        }
        if way.len() >= 2 {
            ways.push(way);
        }
    };
    for j in 0..n {
        let gaps_here: Vec<bool> = (0..n).map(|_| rng.unit() < gaps).collect();
        street(&mut (0..n).map(|i| (at(i, j), i > 0 && gaps_here[i])));
    }
    for i in 0..n {
        let bridge = bridge_every > 0 && i % bridge_every == 0;
        let gaps_here: Vec<bool> = (0..n).map(|_| rng.unit() < gaps).collect();
        street(&mut (0..n).map(|j| (at(i, j), j > 0 && (gaps_here[j] || (j == river && !bridge)))));
    }
    ways
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_city_repeats_and_is_where_it_should_be() {
        let c = LonLat::new(113.3, 23.12);
        let a = city(c, 10.0, 500, 5, 1);
        let b = city(c, 10.0, 500, 5, 1);
        assert_eq!((&a.points, &a.counts, &a.extras), (&b.points, &b.counts, &b.extras));
        assert_ne!(a.points, city(c, 10.0, 500, 5, 2).points);
        assert_eq!(a.points.len(), 500);
        assert!(a.points.iter().all(|p| (p.lon - c.lon).abs() < 0.3 && (p.lat - c.lat).abs() < 0.3));
        assert!(a.counts.iter().all(|&n| (1.0..=60.0).contains(&n)));
        assert!(a.extras[0].iter().zip(&a.counts).all(|(e, n)| e <= n));
        let s = candidates_near(&a, 20, 2, "候选点");
        assert_eq!((s.points.len(), s.names[0].as_str()), (20, "候选点1"));
    }
}
