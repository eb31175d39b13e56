//! What the planner sets: the service radius (metres or a walk), the number of sites, the extra
//! weights, the share needing meal help, the distance decay, and the sites fixed in or out.
//!
//! Defaults and their reasons:
//! - **Service radius 1000 m**: Beijing's norm, "每個養老助餐點服務半徑不超過1000米" (关于提升北京市
//!   养老助餐服务管理水平的实施意见, 2022; see `static/policies/beijing-2022.toml`'s source).
//! - **Walking**: 60 m per minute (1.0 m/s), a cautious pace for older pedestrians, slower than the
//!   1.2–1.3 m/s usually measured for healthy adults; a detour factor of 1.3 between street distance
//!   and straight-line distance, typical of urban grids. 15 minutes → 900 m walked → 692 m radius.
//!   Both are settings, shown next to the result.
//! - **Share needing meal help 22.1 %**: the Ministry of Civil Affairs survey figure (China Daily
//!   2024-11-07, in `docs/policy-sources.md` §A.0).

use serde::{Deserialize, Serialize};

/// How the service radius is given.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Radius {
    /// Straight-line metres.
    Metres {
        /// Metres.
        metres: f64,
    },
    /// Walking minutes.
    Walking {
        /// Minutes on foot.
        minutes: f64,
        /// Walking speed, metres per minute.
        speed_m_per_min: f64,
        /// Street distance ÷ straight-line distance (≥ 1).
        detour: f64,
    },
}

impl Radius {
    /// The straight-line radius in metres.
    ///
    /// ```
    /// use zhucan::core::planner::settings::Radius;
    /// let r = Radius::Walking { minutes: 15.0, speed_m_per_min: 60.0, detour: 1.3 };
    /// assert!((r.metres() - 692.3).abs() < 0.1);
    /// ```
    pub fn metres(self) -> f64 {
        match self {
            Radius::Metres { metres } => metres,
            Radius::Walking { minutes, speed_m_per_min, detour } => minutes * speed_m_per_min / detour.max(1.0),
        }
    }

    /// The distance walked along streets, metres: minutes × speed for a walk time (no detour: the
    /// streets are the detour), the radius itself otherwise.
    ///
    /// ```
    /// use zhucan::core::planner::settings::Radius;
    /// assert_eq!(Radius::Walking { minutes: 15.0, speed_m_per_min: 60.0, detour: 1.3 }.on_foot_m(), 900.0);
    /// assert_eq!(Radius::Metres { metres: 800.0 }.on_foot_m(), 800.0);
    /// ```
    pub fn on_foot_m(self) -> f64 {
        match self {
            Radius::Metres { metres } => metres,
            Radius::Walking { minutes, speed_m_per_min, .. } => minutes * speed_m_per_min,
        }
    }

    /// Street distance ÷ straight-line distance assumed where there are no roads (1 for metres).
    pub fn detour(self) -> f64 {
        match self {
            Radius::Metres { .. } => 1.0,
            Radius::Walking { detour, .. } => detour.max(1.0),
        }
    }
}

/// Distance decay for the accessibility score (not for the coverage objective).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decay {
    /// Everyone within the radius counts fully.
    #[default]
    None,
    /// Counts fall linearly from 1 at the site to 0 at the radius.
    Linear,
}

/// Everything the planner sets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Service radius.
    pub radius: Radius,
    /// Sites to choose (existing canteens are extra; locked sites count towards k).
    pub k: usize,
    /// Additional weight per person in each extra column (0: counted like everyone else).
    pub extra_weights: Vec<f64>,
    /// Share of older people who need meal help.
    pub need_share: f64,
    /// Meals per day for each person who uses the canteen.
    pub meals_per_day: f64,
    /// Distance decay for the accessibility score.
    pub decay: Decay,
    /// Target share of all (weighted) demand for "fewest sites".
    pub target_share: f64,
    /// The coverage-vs-k curve goes up to this k.
    pub curve_max_k: usize,
    /// Capacity, existing canteens' role and home delivery (issue 15; off by default).
    #[serde(default)]
    pub models: Models,
}

/// The planning models beyond plain coverage (issue 15, `docs/planner-models.md`): the objective,
/// the capacity of a site without one, whether existing canteens count, and home delivery.
///
/// Defaults and their sources: 100 meals a day ([`super::access::DEFAULT_CAPACITY`], Shanghai's
/// 2025 target per place); existing canteens count (they are open whatever the plan says);
/// no delivery until the planner names the column of people who cannot walk (its default radius,
/// [`super::layers::DELIVERY_RADIUS_M`], is reasoned in `docs/planner-models.md`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Models {
    /// Choose the sites for the meals they can serve within their capacity (能吃上饭的人数),
    /// rather than for the people within reach (覆盖人数).
    pub capacitated: bool,
    /// Meals a day of a site whose file gives no capacity.
    pub default_capacity: f64,
    /// Existing canteens are required: always open, their reach and capacity counted.
    pub existing_required: bool,
    /// Home delivery: one extra column's people, reached within a larger radius.
    pub delivery: Option<super::layers::Delivery>,
}

impl Default for Models {
    fn default() -> Self {
        Models { capacitated: false, default_capacity: super::access::DEFAULT_CAPACITY, existing_required: true, delivery: None }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            radius: Radius::Metres { metres: 1000.0 },
            k: 10,
            extra_weights: Vec::new(),
            need_share: 0.221,
            meals_per_day: 1.0,
            decay: Decay::None,
            target_share: 0.8,
            curve_max_k: 50,
            models: Models::default(),
        }
    }
}

/// Sites the planner fixes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    /// Candidates that must be chosen.
    pub locked: Vec<usize>,
    /// Candidates that must not be chosen.
    pub excluded: Vec<usize>,
}
