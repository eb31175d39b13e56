//! Seeded synthetic people, for benchmarks and load tests. Not real data: the shares are plain
//! round numbers chosen to exercise every rule, not population statistics.

use super::person::{AgeInput, CareLevel, Group, Hardship, Hukou, Person};
use crate::core::date::Date;
use crate::core::rng::Rng;

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
            for &g in Group::ALL {
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
}
