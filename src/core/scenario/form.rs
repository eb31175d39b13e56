//! The scenario form as typed, and its check into shares and assumptions.

use serde::{Deserialize, Serialize};

use super::cost::Assumptions;
use super::mix::{Shares, CENSUS_SHARE_65_PLUS};
use crate::core::form::{number, percent, read, FieldError, Problem};
use crate::core::money::Fen;
use crate::core::text_input::half_width;

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
    /// rounding), 1–7 days, a year 2000–2100, a price in yuan; every problem named by its field
    /// (the one convention of [`crate::core::form`]; full-width digits read as digits).
    pub fn validate(&self) -> Result<(Shares, Assumptions, Option<Assumptions>), Vec<FieldError<Field>>> {
        let mut e = Vec::new();
        let mut age = [0.0; 5];
        for (i, a) in self.age.iter().enumerate() {
            age[i] = read(percent(a), Field::Age(i), 0.0, &mut e);
        }
        let older: f64 = age[1..].iter().sum();
        if older > 1.0 + 1e-9 {
            e.push(FieldError { field: Field::Age(1), problem: Problem::SharesOver100 });
        }
        age[0] = (1.0 - older).max(0.0);
        let mut hardship = [0.0; 4];
        for (i, h) in self.hardship.iter().enumerate() {
            hardship[i] = read(percent(h), Field::Hardship(i), 0.0, &mut e);
        }
        if hardship.iter().sum::<f64>() > 1.0 + 1e-9 {
            e.push(FieldError { field: Field::Hardship(0), problem: Problem::SharesOver100 });
        }
        let mut care = [0.0; 2];
        for (i, c) in self.care.iter().enumerate() {
            care[i] = read(percent(c), Field::Care(i), 0.0, &mut e);
        }
        if care.iter().sum::<f64>() > 1.0 + 1e-9 {
            e.push(FieldError { field: Field::Care(0), problem: Problem::SharesOver100 });
        }
        let nonlocal = read(percent(&self.nonlocal), Field::Nonlocal, 0.0, &mut e);
        let days = read(whole(&self.days, 1.0, 7.0), Field::Days, 5.0, &mut e) as u32;
        let year_a = read(whole(&self.year_a, 2000.0, 2100.0), Field::YearA, 2025.0, &mut e) as i32;
        let year_b =
            if self.policy_b.is_empty() { year_a } else { read(whole(&self.year_b, 2000.0, 2100.0), Field::YearB, 2025.0, &mut e) as i32 };
        let price = if self.price.trim().is_empty() {
            None
        } else {
            let typed = Fen::parse_yuan(&half_width(&self.price)).ok().filter(|p| p.0 > 0);
            let price_range = Problem::NotInRange { min: 0.01, max: 10_000.0 };
            read(typed.map(Some).ok_or(price_range), Field::Price, None, &mut e)
        };
        let uptake = read(percent(&self.uptake), Field::Uptake, 0.0, &mut e);
        if !e.is_empty() {
            return Err(e);
        }
        let shares = Shares { age, hardship, care, nonlocal };
        let a = Assumptions { uptake, days_per_week: days, price, year: year_a };
        let b = (!self.policy_b.is_empty()).then(|| Assumptions { year: year_b, ..a.clone() });
        Ok((shares, a, b))
    }
}

/// A typed whole number from `min` to `max`.
fn whole(text: &str, min: f64, max: f64) -> Result<f64, Problem> {
    number(text, min, max).and_then(|v| if v.fract() == 0.0 { Ok(v) } else { Err(Problem::NotInRange { min, max }) })
}

/// Is a typed share above zero (worth listing among the assumptions)?
pub(crate) fn above_zero(s: &str) -> bool {
    half_width(s).parse::<f64>().is_ok_and(|x| x > 0.0)
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
        let fields = |form: ScenarioForm| form.validate().err().map(|e| e.into_iter().map(|e| (e.field, e.problem)).collect::<Vec<_>>());
        let range = |min, max| Problem::NotInRange { min, max };
        assert_eq!(fields(ScenarioForm { days: "8".into(), ..f.clone() }), Some(vec![(Field::Days, range(1.0, 7.0))]));
        assert_eq!(fields(ScenarioForm { days: "2.5".into(), ..f.clone() }), Some(vec![(Field::Days, range(1.0, 7.0))]));
        assert_eq!(fields(ScenarioForm { uptake: "abc".into(), ..f.clone() }), Some(vec![(Field::Uptake, range(0.0, 100.0))]));
        // 60 % + 50 % of the older bands is more than the whole.
        let over = ScenarioForm { age: ["0".into(), "60".into(), "50".into(), "0".into(), "0".into()], ..f.clone() };
        assert_eq!(fields(over), Some(vec![(Field::Age(1), Problem::SharesOver100)]));
        // Every bad box is named at once.
        let two = ScenarioForm { uptake: "x".into(), nonlocal: "120".into(), ..f.clone() };
        assert_eq!(fields(two).map(|v| v.into_iter().map(|(f, _)| f).collect::<Vec<_>>()), Some(vec![Field::Nonlocal, Field::Uptake]));
        let with_b = ScenarioForm { policy_b: "dandong-2024".into(), year_b: "2026".into(), ..f.clone() };
        assert_eq!(with_b.validate().ok().and_then(|(_, _, b)| b).map(|b| b.year), Some(2026));
        // Typed with a Chinese input method: full-width digits and stop.
        let (_, a, _) =
            ScenarioForm { uptake: "２２．１".into(), days: "６".into(), price: "１２．５".into(), ..f }.validate().expect("valid");
        assert_eq!((a.days_per_week, a.price), (6, Some(Fen(1250))));
        assert!((a.uptake - 0.221).abs() < 1e-12);
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
