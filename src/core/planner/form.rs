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
    /// Choose for the meals served within capacity (issue 15).
    #[serde(default)]
    pub capacitated: bool,
    /// Meals a day of a site whose file gives none.
    #[serde(default = "default_capacity_text")]
    pub default_capacity: String,
    /// Existing canteens are required (always open, counted).
    #[serde(default = "yes")]
    pub existing_required: bool,
    /// Home delivery on.
    #[serde(default)]
    pub delivery: bool,
    /// The delivery radius, metres.
    #[serde(default = "delivery_radius_text")]
    pub delivery_radius_m: String,
    /// The extra column whose people get meals brought home.
    #[serde(default)]
    pub delivery_column: usize,
}

fn default_capacity_text() -> String {
    "100".into()
}

fn delivery_radius_text() -> String {
    "3000".into()
}

fn yes() -> bool {
    true
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
            capacitated: false,
            default_capacity: default_capacity_text(),
            existing_required: true,
            delivery: false,
            delivery_radius_m: delivery_radius_text(),
            delivery_column: 0,
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
    /// Meals a day of a site without a capacity.
    DefaultCapacity,
    /// The delivery radius.
    DeliveryRadius,
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
        let default_capacity = num(&self.default_capacity, SettingsField::DefaultCapacity, 1.0, 1_000_000.0, &mut e);
        // Delivery reaches at least as far as people walk (checked against a valid radius only).
        let delivery = if self.delivery {
            let walk = radius.metres();
            let min = if walk.is_finite() && walk > 0.0 { walk } else { 50.0 };
            let radius_m = num(&self.delivery_radius_m, SettingsField::DeliveryRadius, min.ceil(), 50_000.0, &mut e);
            Some(super::layers::Delivery { column: self.delivery_column, radius_m })
        } else {
            None
        };
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
            models: super::settings::Models {
                capacitated: self.capacitated,
                default_capacity,
                existing_required: self.existing_required,
                delivery,
            },
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

    #[test]
    fn the_models_are_read_and_delivery_reaches_at_least_the_walk() {
        // Defaults: coverage, 100 meals a day, existing canteens required, no delivery.
        let m = SettingsForm::default().validate(60).expect("valid").models;
        assert_eq!((m.capacitated, m.default_capacity, m.existing_required, m.delivery), (false, 100.0, true, None));
        let on = SettingsForm {
            capacitated: true,
            default_capacity: "80".into(),
            delivery: true,
            delivery_radius_m: "2500".into(),
            delivery_column: 1,
            ..SettingsForm::default()
        };
        let m = on.validate(60).expect("valid").models;
        assert_eq!((m.capacitated, m.default_capacity), (true, 80.0));
        assert_eq!(m.delivery, Some(super::super::layers::Delivery { column: 1, radius_m: 2500.0 }));
        // 800 m of delivery is less than the 1,000 m walk: refused, the range starting at the walk.
        let short = SettingsForm { delivery_radius_m: "800".into(), ..on.clone() }.validate(60).expect_err("short");
        assert_eq!(short[0].field, SettingsField::DeliveryRadius);
        assert_eq!(short[0].problem, Problem::NotInRange { min: 1000.0, max: 50_000.0 });
        let none = SettingsForm { default_capacity: "0".into(), ..on }.validate(60).expect_err("no capacity");
        assert_eq!(none[0].field, SettingsField::DefaultCapacity);
        // A form saved before these fields existed reads with their defaults.
        let old = r#"{"radius_mode":"metres","radius_m":"1000","walk_minutes":"15","walk_speed":"60","detour":"1.3","k":"10","target_percent":"80","need_percent":"22.1","extra_weights":[],"decay":false}"#;
        let form: SettingsForm = serde_json::from_str(old).expect("old form");
        assert_eq!((form.existing_required, form.default_capacity.as_str(), form.delivery_radius_m.as_str()), (true, "100", "3000"));
    }
}
