//! A SIMULATED district for benchmarks.

use super::mix::Shares;

/// A SIMULATED district for benchmarks: `people` older people spread over `sites` sites (seeded
/// sizes, capacities 300–700 meals a day) and a plausible mix of categories.
pub fn sample_district(people: f64, sites: usize, seed: u64) -> (Shares, Vec<(f64, Option<f64>)>) {
    let shares = Shares { age: [0.278, 0.25, 0.28, 0.18, 0.012], hardship: [0.005, 0.03, 0.02, 0.02], care: [0.04, 0.03], nonlocal: 0.1 };
    let mut rng = crate::core::rng::Rng::new(seed);
    let raw: Vec<f64> = (0..sites).map(|_| 1.0 + rng.unit()).collect();
    let scale = people / raw.iter().sum::<f64>().max(1e-12);
    let sites = raw.iter().map(|r| (r * scale, Some(300.0 + 400.0 * rng.unit()))).collect();
    (shares, sites)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sites_share_out_everyone() {
        let (s, sites) = sample_district(1000.0, 4, 9);
        assert_eq!(sites.len(), 4);
        assert!((sites.iter().map(|x| x.0).sum::<f64>() - 1000.0).abs() < 1e-9);
        assert!(sites.iter().all(|x| x.1.is_some_and(|c| (300.0..=700.0).contains(&c))));
        assert!((s.age.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
