//! Seeded synthetic people, for benchmarks and load tests. Not real data: the shares are plain
//! round numbers chosen to exercise every rule, not population statistics.

use super::person::{AgeInput, CareLevel, Group, Hardship, Hukou, Person};
use crate::core::date::Date;

/// A small, fast, seeded generator (xorshift64*), so runs repeat exactly.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed odd constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `n` synthetic people aged 55–104 with birth dates, a mix of care levels, hardship categories,
/// groups and hukou.
pub fn synthetic_roster(n: usize, seed: u64) -> Vec<Person> {
    let mut rng = Rng::new(seed);
    let base = Date::new(1921, 1, 1).unwrap_or(Date::MIN);
    (0..n)
        .map(|_| {
            let born = base.add_days(rng.below(50 * 365) as i64).unwrap_or(base);
            let mut p = Person::aged(0);
            p.age = AgeInput::BirthDate(born);
            p.care_level = CareLevel::ALL[[0, 0, 0, 0, 0, 1, 1, 2, 2, 3][rng.below(10) as usize]];
            p.hardship = Hardship::ALL[[0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7][rng.below(14) as usize]];
            p.disability_grade = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4][rng.below(10) as usize];
            for g in Group::ALL {
                if rng.below(8) == 0 {
                    p.groups.insert(g);
                }
            }
            p.hukou = if rng.below(5) == 0 { Hukou::Nonlocal } else { Hukou::Local };
            p.in_care_home = rng.below(25) == 0;
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosters_repeat_for_a_seed_and_differ_between_seeds() {
        let a = synthetic_roster(100, 7);
        assert_eq!(a, synthetic_roster(100, 7));
        assert_ne!(a, synthetic_roster(100, 8));
        assert!(a.iter().any(|p| p.hukou == Hukou::Nonlocal));
        assert!(a.iter().any(|p| p.hardship != Hardship::None));
    }

    #[test]
    fn unit_is_in_range() {
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
    }
}
