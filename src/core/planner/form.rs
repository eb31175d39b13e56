//! The planner's settings as typed, validated into [`Settings`] with every problem named.

use serde::{Deserialize, Serialize};

use super::settings::{Decay, Radius, Settings};
use crate::core::form::{number, read, FieldError, Problem};

/// The settings form's fields, as typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingsForm {
    /// `metres` or `walking`.
    pub radius_mode: String,
    /// Radius in metres.
    pub radius_m: String,
    /// Walking minutes.
    pub walk_minutes: String,
    /// Walking speed, metres per minute.
    pub walk_speed: String,
    /// Detour factor.
    pub detour: String,
    /// Sites to choose.
    pub k: String,
    /// Target share for "fewest sites", percent.
    pub target_percent: String,
    /// Share needing meal help, percent.
    pub need_percent: String,
    /// Extra weight per person for each extra column.
    pub extra_weights: Vec<String>,
    /// Linear distance decay in the accessibility score.
    pub decay: bool,
}

impl Default for SettingsForm {
    fn default() -> Self {
        SettingsForm {
            radius_mode: "metres".into(),
            radius_m: "1000".into(),
            walk_minutes: "15".into(),
            walk_speed: "60".into(),
            detour: "1.3".into(),
            k: "10".into(),
            target_percent: "80".into(),
            need_percent: "22.1".into(),
            extra_weights: Vec::new(),
            decay: false,
        }
    }
}

/// A settings field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingsField {
    /// Radius in metres.
    RadiusM,
    /// Walking minutes.
    WalkMinutes,
    /// Walking speed.
    WalkSpeed,
    /// Detour factor.
    Detour,
    /// Sites to choose.
    K,
    /// Target share.
    Target,
    /// Need share.
    Need,
    /// An extra weight.
    ExtraWeight(usize),
}

/// A problem with a settings field (the one convention of [`crate::core::form`]).
pub type SettingsError = FieldError<SettingsField>;

fn num(text: &str, field: SettingsField, min: f64, max: f64, errors: &mut Vec<SettingsError>) -> f64 {
    read(number(text, min, max), field, min, errors)
}

impl SettingsForm {
    /// The straight-line radius in metres that the radius fields give, when they are valid
    /// (whatever the other fields say): what a walk time becomes, shown beside it.
    ///
    /// ```
    /// use zhucan::core::planner::form::SettingsForm;
    /// // 15 minutes × 60 m per minute ÷ detour 1.3 = 692.3 m.
    /// let walk = SettingsForm { radius_mode: "walking".into(), ..SettingsForm::default() };
    /// assert_eq!(walk.radius_m().map(|m| m.round()), Some(692.0));
    /// let bad = SettingsForm { walk_speed: "fast".into(), ..walk };
    /// assert_eq!(bad.radius_m(), None);
    /// ```
    pub fn radius_m(&self) -> Option<f64> {
        let mut e = Vec::new();
        let radius = self.radius(&mut e);
        e.is_empty().then(|| radius.metres())
    }

    fn radius(&self, e: &mut Vec<SettingsError>) -> Radius {
        if self.radius_mode == "walking" {
            Radius::Walking {
                minutes: num(&self.walk_minutes, SettingsField::WalkMinutes, 1.0, 120.0, e),
                speed_m_per_min: num(&self.walk_speed, SettingsField::WalkSpeed, 10.0, 150.0, e),
                detour: num(&self.detour, SettingsField::Detour, 1.0, 3.0, e),
            }
        } else {
            Radius::Metres { metres: num(&self.radius_m, SettingsField::RadiusM, 50.0, 50_000.0, e) }
        }
    }

    /// Validates against `n_candidates` (k may not exceed it).
    pub fn validate(&self, n_candidates: usize) -> Result<Settings, Vec<SettingsError>> {
        let mut e = Vec::new();
        let radius = self.radius(&mut e);
        let k_max = n_candidates.max(1) as f64;
        let k = num(&self.k, SettingsField::K, 1.0, k_max, &mut e);
        if k.fract() != 0.0 {
            e.push(SettingsError { field: SettingsField::K, problem: Problem::NotInRange { min: 1.0, max: k_max } });
        }
        let target = num(&self.target_percent, SettingsField::Target, 1.0, 100.0, &mut e);
        let need = num(&self.need_percent, SettingsField::Need, 0.0, 100.0, &mut e);
        let extra_weights =
            self.extra_weights.iter().enumerate().map(|(i, w)| num(w, SettingsField::ExtraWeight(i), 0.0, 100.0, &mut e)).collect();
        if !e.is_empty() {
            return Err(e);
        }
        let k = k as usize;
        Ok(Settings {
            radius,
            k,
            extra_weights,
            need_share: need / 100.0,
            meals_per_day: 1.0,
            decay: if self.decay { Decay::Linear } else { Decay::None },
            target_share: target / 100.0,
            curve_max_k: (k * 2).clamp(10, 200).min(n_candidates.max(1)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_walking_converts() {
        let s = SettingsForm::default().validate(60).expect("valid");
        assert_eq!((s.radius.metres(), s.k, s.target_share), (1000.0, 10, 0.8));
        let walk = SettingsForm { radius_mode: "walking".into(), ..SettingsForm::default() }.validate(60).expect("valid");
        assert!((walk.radius.metres() - 692.3).abs() < 0.1);
    }

    #[test]
    fn every_bad_field_is_named() {
        let form = SettingsForm {
            radius_m: "-5".into(),
            k: "2.5".into(),
            target_percent: "abc".into(),
            extra_weights: vec!["1".into(), "x".into()],
            ..SettingsForm::default()
        };
        let errors = form.validate(60).expect_err("invalid");
        let fields: Vec<&SettingsField> = errors.iter().map(|e| &e.field).collect();
        assert_eq!(fields, vec![&SettingsField::RadiusM, &SettingsField::K, &SettingsField::Target, &SettingsField::ExtraWeight(1)]);
        let too_many = SettingsForm { k: "61".into(), ..SettingsForm::default() }.validate(60).expect_err("k > candidates");
        assert_eq!(too_many[0].field, SettingsField::K);
        assert_eq!(SettingsForm { k: "１２".into(), ..SettingsForm::default() }.validate(60).map(|s| s.k), Ok(12));
    }
}
