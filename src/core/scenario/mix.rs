//! The population mix: the shares of the older population in each category, and the groups of
//! people whom every policy treats alike.

use serde::{Deserialize, Serialize};

use super::age_column::{age_span, AgeSpan};
use crate::core::planner::session::PlanView;
use crate::core::policy::{CareLevel, Hardship, Hukou, Person};

/// Share of 65+ among the 60+ (census 2020).
pub const CENSUS_SHARE_65_PLUS: f64 = 190_635_280.0 / 264_018_766.0;

/// Age bands, cut at every edge the presets use: (from, to, the representative age).
pub const AGE_BANDS: [(u32, u32, u32); 5] = [(60, 64, 62), (65, 69, 67), (70, 79, 75), (80, 99, 85), (100, 150, 100)];

/// The band of [`AGE_BANDS`] that a count of the "80 and over" fills in the form.
pub const BAND_80_PLUS: usize = 3;

/// Shares of the older population (60+) in each category. Unset shares are 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shares {
    /// Share in each age band of [`AGE_BANDS`] (sums to 1).
    pub age: [f64; 5],
    /// Shares of 特困 (dispersed), 低保, 低保边缘, 低收入; the rest have no hardship category.
    pub hardship: [f64; 4],
    /// Shares assessed moderately and severely disabled; the rest none or mild.
    pub care: [f64; 2],
    /// Share registered elsewhere (外地户籍).
    pub nonlocal: f64,
}

impl Default for Shares {
    /// The census age split (60–64 vs 65+); 65+ counted as 65–69 until the planner sets the
    /// older bands; no hardship, care or non-local shares.
    fn default() -> Self {
        Shares { age: [1.0 - CENSUS_SHARE_65_PLUS, CENSUS_SHARE_65_PLUS, 0.0, 0.0, 0.0], hardship: [0.0; 4], care: [0.0; 2], nonlocal: 0.0 }
    }
}

const HARDSHIPS: [Hardship; 4] = [Hardship::TekunDispersed, Hardship::Dibao, Hardship::DibaoEdge, Hardship::LowIncome];
const CARES: [CareLevel; 2] = [CareLevel::Moderate, CareLevel::Severe];

/// One group of people the policies treat alike.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// Index into [`AGE_BANDS`].
    pub age_band: usize,
    /// Hardship category.
    pub hardship: Hardship,
    /// Care level.
    pub care: CareLevel,
    /// Registered residence.
    pub hukou: Hukou,
    /// Share of the older population.
    pub share: f64,
}

impl Group {
    /// The representative person.
    pub fn person(&self) -> Person {
        let mut p = Person::aged(AGE_BANDS[self.age_band].2);
        p.hardship = self.hardship;
        p.care_level = self.care;
        p.hukou = self.hukou;
        p
    }
}

/// Every group with a share above zero (independent dimensions).
pub fn groups(s: &Shares) -> Vec<Group> {
    let none_hardship = (1.0 - s.hardship.iter().sum::<f64>()).max(0.0);
    let hardship: Vec<(Hardship, f64)> =
        std::iter::once((Hardship::None, none_hardship)).chain(HARDSHIPS.iter().copied().zip(s.hardship)).collect();
    let none_care = (1.0 - s.care.iter().sum::<f64>()).max(0.0);
    let care: Vec<(CareLevel, f64)> = std::iter::once((CareLevel::None, none_care)).chain(CARES.iter().copied().zip(s.care)).collect();
    let hukou = [(Hukou::Local, (1.0 - s.nonlocal).max(0.0)), (Hukou::Nonlocal, s.nonlocal)];
    let mut out = Vec::new();
    for (age_band, &a) in s.age.iter().enumerate() {
        for &(h, hs) in &hardship {
            for &(c, cs) in &care {
                for &(k, ks) in &hukou {
                    let share = a * hs * cs * ks;
                    if share > 0.0 {
                        out.push(Group { age_band, hardship: h, care: c, hukou: k, share });
                    }
                }
            }
        }
    }
    out
}

/// The share of the older people the plan's chosen sites reach who are 80 or over, from the demand
/// data's count column for exactly "80 and over" (its header read by [`age_span`]); `None` when
/// the data has no such column or the sites reach nobody.
pub fn share_80_plus(v: &PlanView) -> Option<f64> {
    let eighty = AgeSpan { from: AGE_BANDS[BAND_80_PLUS].0, to: None };
    let k = v.extra_names.iter().position(|n| age_span(n) == Some(eighty))?;
    let (mut extra, mut covered) = (0.0, 0.0);
    for s in v.chosen_sites() {
        extra += s.score.extras.get(k).copied().unwrap_or(0.0);
        covered += s.score.covered;
    }
    (covered > 0.0).then(|| extra / covered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::test_view::{site, view};

    #[test]
    fn groups_partition_the_population() {
        let s = Shares { age: [0.3, 0.2, 0.3, 0.18, 0.02], hardship: [0.01, 0.05, 0.02, 0.0], care: [0.04, 0.03], nonlocal: 0.1 };
        let g = groups(&s);
        let total: f64 = g.iter().map(|x| x.share).sum();
        assert!((total - 1.0).abs() < 1e-12, "{total}");
        // 5 ages × 4 hardship (low income 0) × 3 care × 2 hukou.
        assert_eq!(g.len(), 5 * 4 * 3 * 2);
        assert!((CENSUS_SHARE_65_PLUS - 0.72205).abs() < 1e-5);
    }

    #[test]
    fn the_80_plus_share_comes_from_the_column_for_80_and_over_only() {
        // Two chosen sites reach 400 and 600 older people; the "80岁以上" column counts 50 and 130
        // of them: (50 + 130) / (400 + 600) = 180 / 1,000 = 0.18. The "1980年后" and "80–89岁"
        // columns come first and have "80" in their names, but neither is "80 and over".
        let mut v = view(vec![site("甲", 400.0, 400.0, None), site("乙", 600.0, 600.0, None)], 1000.0);
        v.extra_names = vec!["1980年后".into(), "80-89岁".into(), "80岁以上".into()];
        v.sites[0].score.extras = vec![7.0, 40.0, 50.0];
        v.sites[1].score.extras = vec![9.0, 110.0, 130.0];
        let share = share_80_plus(&v).expect("an 80+ column");
        assert!((share - 0.18).abs() < 1e-12, "{share}");
        // Without an "80 and over" column there is no share, whatever else mentions 80.
        v.extra_names = vec!["1980年后".into(), "80-89岁".into(), "失能".into()];
        assert_eq!(share_80_plus(&v), None);
        // English headers follow the same rule: "Aged 80+" counts 20 + 30 of 1,000 = 0.05.
        v.extra_names = vec!["disabled".into(), "Aged 80+".into(), "x".into()];
        v.sites[0].score.extras = vec![0.0, 20.0, 0.0];
        v.sites[1].score.extras = vec![0.0, 30.0, 0.0];
        assert!((share_80_plus(&v).unwrap_or(0.0) - 0.05).abs() < 1e-12);
    }
}
