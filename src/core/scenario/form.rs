//! The scenario form as typed, and its check into shares and assumptions.

use serde::{Deserialize, Serialize};

use super::cost::Assumptions;
use super::mix::{Shares, CENSUS_SHARE_65_PLUS};
use crate::core::money::Fen;

/// The scenario form as typed: percentages and counts as text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioForm {
    /// Policy id.
    pub policy_a: String,
    /// Policy id to compare with ("" for none).
    pub policy_b: String,
    /// Year for the first policy.
    pub year_a: String,
    /// Year for the second.
    pub year_b: String,
    /// Uptake, percent.
    pub uptake: String,
    /// Lunches a week.
    pub days: String,
    /// Price, yuan ("" for the reference price).
    pub price: String,
    /// Age band shares, percent (60–64 is what remains).
    pub age: [String; 5],
    /// Hardship shares, percent.
    pub hardship: [String; 4],
    /// Care shares, percent.
    pub care: [String; 2],
    /// Non-local share, percent.
    pub nonlocal: String,
}

/// One box of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The policy.
    PolicyA,
    /// The policy compared with.
    PolicyB,
    /// The first policy's year.
    YearA,
    /// The second policy's year.
    YearB,
    /// Uptake, percent.
    Uptake,
    /// Lunches a week.
    Days,
    /// Price, yuan.
    Price,
    /// An age band's share (index into [`super::AGE_BANDS`]).
    Age(usize),
    /// A hardship category's share.
    Hardship(usize),
    /// A care level's share.
    Care(usize),
    /// The non-local share.
    Nonlocal,
}

impl ScenarioForm {
    /// Defaults: census age split, 80+ share from the data if known, MCA uptake.
    pub fn new(policy: &str, share_80_plus: Option<f64>) -> ScenarioForm {
        let s65 = CENSUS_SHARE_65_PLUS * 100.0;
        let s80 = share_80_plus.unwrap_or(0.0).clamp(0.0, CENSUS_SHARE_65_PLUS) * 100.0;
        let f = |v: f64| format!("{v:.1}");
        ScenarioForm {
            policy_a: policy.into(),
            policy_b: String::new(),
            year_a: "2025".into(),
            year_b: "2025".into(),
            uptake: "22.1".into(),
            days: "5".into(),
            price: String::new(),
            age: [f(100.0 - s65), f(s65 - s80), "0".into(), f(s80), "0".into()],
            hardship: ["0".into(), "0".into(), "0".into(), "0".into()],
            care: ["0".into(), "0".into()],
            nonlocal: "0".into(),
        }
    }

    /// Puts what was typed into one box (an index past the boxes changes nothing).
    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::PolicyA => Some(&mut self.policy_a),
            Field::PolicyB => Some(&mut self.policy_b),
            Field::YearA => Some(&mut self.year_a),
            Field::YearB => Some(&mut self.year_b),
            Field::Uptake => Some(&mut self.uptake),
            Field::Days => Some(&mut self.days),
            Field::Price => Some(&mut self.price),
            Field::Age(i) => self.age.get_mut(i),
            Field::Hardship(i) => self.hardship.get_mut(i),
            Field::Care(i) => self.care.get_mut(i),
            Field::Nonlocal => Some(&mut self.nonlocal),
        };
        if let Some(s) = slot {
            *s = value;
        }
    }

    /// Checks the numbers: shares in 0–100 with age bands adding up to 100 (60–64 takes up any
    /// rounding), 1–7 days, a year 2000–2100, a price in yuan.
    pub fn validate(&self) -> Option<(Shares, Assumptions, Option<Assumptions>)> {
        let mut age = [0.0; 5];
        for (i, a) in self.age.iter().enumerate() {
            age[i] = percent(a)?;
        }
        let older: f64 = age[1..].iter().sum();
        if older > 1.0 + 1e-9 {
            return None;
        }
        age[0] = 1.0 - older;
        let mut hardship = [0.0; 4];
        for (i, h) in self.hardship.iter().enumerate() {
            hardship[i] = percent(h)?;
        }
        let mut care = [0.0; 2];
        for (i, c) in self.care.iter().enumerate() {
            care[i] = percent(c)?;
        }
        if hardship.iter().sum::<f64>() > 1.0 + 1e-9 || care.iter().sum::<f64>() > 1.0 + 1e-9 {
            return None;
        }
        let shares = Shares { age, hardship, care, nonlocal: percent(&self.nonlocal)? };
        let days: u32 = self.days.trim().parse().ok().filter(|d| (1..=7).contains(d))?;
        let year = |s: &str| s.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
        let price = if self.price.trim().is_empty() { None } else { Some(Fen::parse_yuan(&self.price).ok().filter(|p| p.0 > 0)?) };
        let a = Assumptions { uptake: percent(&self.uptake)?, days_per_week: days, price, year: year(&self.year_a)? };
        let b = if self.policy_b.is_empty() { None } else { Some(Assumptions { year: year(&self.year_b)?, ..a.clone() }) };
        Some((shares, a, b))
    }
}

/// A typed percentage 0–100 as a share 0–1.
fn percent(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite() && (0.0..=100.0).contains(v)).map(|v| v / 100.0)
}

/// Is a typed share above zero (worth listing among the assumptions)?
pub(crate) fn above_zero(s: &str) -> bool {
    s.trim().parse::<f64>().is_ok_and(|x| x > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_validate_and_bad_numbers_do_not() {
        let f = ScenarioForm::new("tianjin", Some(0.18));
        let (s, a, b) = f.validate().expect("defaults are valid");
        assert!((s.age.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!((s.age[3] - 0.18).abs() < 1e-9);
        assert_eq!((a.days_per_week, a.year, b), (5, 2025, None));
        assert!(ScenarioForm { days: "8".into(), ..f.clone() }.validate().is_none());
        assert!(ScenarioForm { uptake: "abc".into(), ..f.clone() }.validate().is_none());
        assert!(ScenarioForm { age: ["0".into(), "60".into(), "50".into(), "0".into(), "0".into()], ..f.clone() }.validate().is_none());
        let with_b = ScenarioForm { policy_b: "dandong-2024".into(), year_b: "2026".into(), ..f };
        assert_eq!(with_b.validate().and_then(|(_, _, b)| b).map(|b| b.year), Some(2026));
    }

    #[test]
    fn the_defaults_split_the_census_by_hand() {
        // 65+ are 190,635,280 / 264,018,766 = 72.205 % of the 60+, so 60–64 is 27.795 % → "27.8";
        // with 18 % aged 80+ from the data, 65–69 keeps 72.205 − 18 = 54.205 → "54.2".
        let f = ScenarioForm::new("tianjin", Some(0.18));
        assert_eq!(f.age, ["27.8", "54.2", "0", "18.0", "0"]);
        // No data: the 80+ share is 0 and 65–69 holds all 72.2 %.
        assert_eq!(ScenarioForm::new("tianjin", None).age, ["27.8", "72.2", "0", "0.0", "0"]);
    }

    #[test]
    fn set_fills_one_box() {
        let mut f = ScenarioForm::new("tianjin", None);
        f.set(Field::Hardship(1), "5".into());
        f.set(Field::PolicyB, "dandong-2024".into());
        f.set(Field::Age(9), "50".into());
        assert_eq!(f.hardship, ["0", "5", "0", "0"]);
        assert_eq!(f.policy_b, "dandong-2024");
        assert_eq!(f.age, ScenarioForm::new("tianjin", None).age, "an index past the boxes changes nothing");
        let (s, _, _) = f.validate().expect("valid");
        assert!((s.hardship[1] - 0.05).abs() < 1e-12);
    }
}
