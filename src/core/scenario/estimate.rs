//! An estimate for the plan on screen: the form checked, its policies looked up among the parsed
//! presets, the plan costed under both, who gains and who loses, the cost curve, and a kept plan
//! costed alongside. Also the scenario section's state and what changes it.

use std::rc::Rc;

use super::compare::{changes_by_age_and_hardship, ChangeRow};
use super::cost::{cost_curve, cost_plan, group_costs, PlanCost};
use super::form::{Field, ScenarioForm};
use super::mix::share_80_plus;
use super::policies::{preset_policies, preset_policy};
use crate::core::calendar::Calendar;
use crate::core::planner::session::PlanView;
use crate::core::policy::model::Policy;

/// A plan costed under the form's policies.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// The policy.
    pub policy_a: &'static Policy,
    /// The policy compared with.
    pub policy_b: Option<&'static Policy>,
    /// The plan's cost under the first policy.
    pub cost_a: PlanCost,
    /// Under the second.
    pub cost_b: Option<PlanCost>,
    /// Who gains and who loses from the first policy to the second (empty without a second).
    pub changes: Vec<ChangeRow>,
    /// The cost curve under the first policy: (k, covered share, yuan a year).
    pub curve: Vec<(usize, f64, f64)>,
    /// The kept plan and its cost under the first policy.
    pub kept: Option<(Rc<PlanView>, PlanCost)>,
    /// The plan costed.
    pub view: Rc<PlanView>,
    /// The form as it was when the estimate ran.
    pub form: ScenarioForm,
}

/// The chosen sites in rank order: the older people each newly covers, and its capacity.
fn chosen_sites(v: &PlanView) -> Vec<(f64, Option<f64>)> {
    v.chosen_sites().map(|s| (s.assigned, s.capacity)).collect()
}

impl Estimate {
    /// Costs plan `v` (and the kept plan `pinned`, when it is another) as the form says; `None`
    /// when the form's numbers do not check or its policy is not a preset.
    pub fn run(v: &Rc<PlanView>, pinned: Option<&Rc<PlanView>>, form: &ScenarioForm) -> Option<Estimate> {
        let (shares, a, b) = form.validate().ok()?;
        let policy_a = preset_policy(&form.policy_a)?;
        let sites = chosen_sites(v);
        let groups_a = group_costs(policy_a, &shares, &a, Calendar::builtin());
        let cost_a = cost_plan(&groups_a, &sites, v.total_count, &a);
        let (policy_b, cost_b, changes) = match (&b, preset_policy(&form.policy_b)) {
            (Some(b), Some(pb)) => {
                let groups_b = group_costs(pb, &shares, b, Calendar::builtin());
                let cost_b = cost_plan(&groups_b, &sites, v.total_count, b);
                (Some(pb), Some(cost_b), changes_by_age_and_hardship(&groups_a, &groups_b))
            }
            _ => (None, None, Vec::new()),
        };
        let kept = pinned.filter(|p| !Rc::ptr_eq(p, v)).map(|p| (p.clone(), cost_plan(&groups_a, &chosen_sites(p), p.total_count, &a)));
        let curve = cost_curve(&groups_a, &v.curve, v.existing_weighted, v.total_weighted, a.uptake);
        Some(Estimate { policy_a, policy_b, cost_a, cost_b, changes, curve, kept, view: v.clone(), form: form.clone() })
    }

    /// Was this estimate made for plan `v` with `pinned` kept?
    pub fn is_for(&self, v: &Rc<PlanView>, pinned: Option<&Rc<PlanView>>) -> bool {
        Rc::ptr_eq(&self.view, v) && self.kept.as_ref().map(|k| &k.0) == pinned
    }
}

/// What the scenario section shows below its form.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Not estimated yet.
    NotRun,
    /// The form's numbers do not check.
    Invalid,
    /// The estimate.
    Done(Rc<Estimate>),
}

/// The scenario section's state: the form as typed and the last estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioState {
    /// The form.
    pub form: ScenarioForm,
    /// The last estimate.
    pub outcome: Outcome,
}

/// What the planner does in the scenario section.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioAction {
    /// Types into a box of the form.
    Edit(Field, String),
    /// Presses "estimate" for this plan (and the kept plan).
    Run(Rc<PlanView>, Option<Rc<PlanView>>),
    /// A new plan, or a newly kept one, is on screen: an estimate for another plan is made again
    /// with the same inputs, so the figures shown always belong to the plan on screen.
    PlanChanged(Rc<PlanView>, Option<Rc<PlanView>>),
}

impl ScenarioState {
    /// The form's defaults for plan `v`: the first preset, and the 80+ share from its data.
    pub fn new(v: &PlanView) -> ScenarioState {
        let policy = preset_policies().first().map_or("", |(id, _)| id);
        ScenarioState { form: ScenarioForm::new(policy, share_80_plus(v)), outcome: Outcome::NotRun }
    }

    /// The state after `action`; `None` when nothing changes.
    pub fn apply(&self, action: ScenarioAction) -> Option<ScenarioState> {
        let estimate = |v: &Rc<PlanView>, pinned: Option<&Rc<PlanView>>, form: &ScenarioForm| {
            Estimate::run(v, pinned, form).map_or(Outcome::Invalid, |e| Outcome::Done(Rc::new(e)))
        };
        match action {
            ScenarioAction::Edit(field, value) => {
                let mut form = self.form.clone();
                form.set(field, value);
                (form != self.form).then(|| ScenarioState { form, outcome: self.outcome.clone() })
            }
            ScenarioAction::Run(v, pinned) => {
                Some(ScenarioState { form: self.form.clone(), outcome: estimate(&v, pinned.as_ref(), &self.form) })
            }
            ScenarioAction::PlanChanged(v, pinned) => match &self.outcome {
                Outcome::Done(e) if !e.is_for(&v, pinned.as_ref()) => {
                    Some(ScenarioState { form: self.form.clone(), outcome: estimate(&v, pinned.as_ref(), &self.form) })
                }
                _ => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::Hardship;
    use crate::core::scenario::test_view::{everyone_85, site, view};

    #[test]
    fn two_sites_under_tianjin_then_guangzhou_by_hand() {
        // Everyone 85, local, no hardship; 20 % come, Monday–Friday lunch in 2025 (261 weekdays):
        // Tianjin pays 3 yuan a lunch (783 a year), Guangzhou 9 (2,349 a year).
        // Sites newly cover 600 and 700: 120 + 140 = 260 users.
        // Tianjin: 260 × 783 = 203,580 yuan; Guangzhou: 260 × 2,349 = 610,740 yuan.
        let v = Rc::new(view(vec![site("甲", 600.0, 650.0, None), site("乙", 700.0, 720.0, None)], 2000.0));
        let form = ScenarioForm { policy_b: "guangzhou-2020".into(), ..everyone_85("tianjin") };
        let e = Estimate::run(&v, None, &form).expect("valid");
        assert!((e.cost_a.subsidy_year - 203_580.0).abs() < 1e-6, "{}", e.cost_a.subsidy_year);
        assert!((e.cost_b.as_ref().map_or(0.0, |c| c.subsidy_year) - 610_740.0).abs() < 1e-6);
        assert_eq!(e.policy_b.map(|p| p.id.as_str()), Some("guangzhou-2020"));
        // One group: 80–99, no hardship, 783 → 2,349.
        assert_eq!(e.changes.len(), 1);
        assert_eq!((e.changes[0].age_band, e.changes[0].hardship), (3, Hardship::None));
        assert!((e.changes[0].before - 783.0).abs() < 1e-9 && (e.changes[0].after - 2349.0).abs() < 1e-9);
        // The curve (the view's curve is 600 then 1,300 of 2,000, none covered before):
        // k = 1: 600 × 0.2 × 783 = 93,960; k = 2: 1,300 × 0.2 × 783 = 203,580.
        assert_eq!(e.curve.len(), 2);
        assert!((e.curve[0].2 - 93_960.0).abs() < 1e-6 && (e.curve[1].2 - 203_580.0).abs() < 1e-6, "{:?}", e.curve);
        assert!(e.is_for(&v, None));
        // A form that does not check, or a policy that is not a preset, gives no estimate.
        assert!(Estimate::run(&v, None, &ScenarioForm { days: "0".into(), ..form.clone() }).is_none());
        assert!(Estimate::run(&v, None, &ScenarioForm { policy_a: "atlantis".into(), ..form }).is_none());
    }

    #[test]
    fn the_kept_plan_is_costed_under_the_first_policy() {
        // Kept: one site newly covering 1,000 → 200 users × 783 = 156,600 yuan (no capacity).
        let now = Rc::new(view(vec![site("甲", 600.0, 600.0, None)], 2000.0));
        let kept = Rc::new(view(vec![site("乙", 1000.0, 1000.0, None)], 2000.0));
        let e = Estimate::run(&now, Some(&kept), &everyone_85("tianjin")).expect("valid");
        let (k, cost) = e.kept.as_ref().expect("a kept plan");
        assert!(Rc::ptr_eq(k, &kept));
        assert!((cost.subsidy_year - 156_600.0).abs() < 1e-6, "{}", cost.subsidy_year);
        // Keeping the plan on screen keeps nothing to compare with.
        assert!(Estimate::run(&now, Some(&now), &everyone_85("tianjin")).expect("valid").kept.is_none());
    }

    #[test]
    fn the_state_runs_edits_and_follows_the_plan() {
        let v = Rc::new(view(vec![site("甲", 600.0, 600.0, None)], 2000.0));
        let s = ScenarioState { form: everyone_85("tianjin"), outcome: Outcome::NotRun };
        // No estimate yet: a new plan changes nothing.
        assert_eq!(s.apply(ScenarioAction::PlanChanged(v.clone(), None)), None);
        // Typing the same text again changes nothing; a new figure does, and keeps the outcome.
        assert_eq!(s.apply(ScenarioAction::Edit(Field::Uptake, "20".into())), None);
        let typed = s.apply(ScenarioAction::Edit(Field::Uptake, "abc".into())).expect("changed");
        assert_eq!((typed.form.uptake.as_str(), &typed.outcome), ("abc", &Outcome::NotRun));
        assert_eq!(typed.apply(ScenarioAction::Run(v.clone(), None)).map(|s| s.outcome), Some(Outcome::Invalid));
        // 600 newly covered × 20 % × 783 = 93,960 yuan.
        let run = s.apply(ScenarioAction::Run(v.clone(), None)).expect("ran");
        let Outcome::Done(e) = &run.outcome else { panic!("{:?}", run.outcome) };
        assert!((e.cost_a.subsidy_year - 93_960.0).abs() < 1e-6);
        // The same plan again: nothing to do. A new plan (1,000 newly covered): 200 × 783 = 156,600.
        assert_eq!(run.apply(ScenarioAction::PlanChanged(v.clone(), None)), None);
        let w = Rc::new(view(vec![site("乙", 1000.0, 1000.0, None)], 2000.0));
        let again = run.apply(ScenarioAction::PlanChanged(w.clone(), None)).expect("estimated again");
        let Outcome::Done(e) = &again.outcome else { panic!("{:?}", again.outcome) };
        assert!(Rc::ptr_eq(&e.view, &w));
        assert!((e.cost_a.subsidy_year - 156_600.0).abs() < 1e-6);
    }

    #[test]
    fn the_defaults_take_the_first_preset_and_the_80_plus_share() {
        // One site covering 500 of whom 90 are 80+: 18 % → "18.0".
        let mut v = view(vec![site("甲", 500.0, 500.0, None)], 1000.0);
        v.extra_names = vec!["80岁以上".into()];
        v.sites[0].score.extras = vec![90.0];
        let s = ScenarioState::new(&v);
        assert_eq!(s.form.policy_a, crate::core::policy::presets::PRESETS[0].id);
        assert_eq!(s.form.age[3], "18.0");
        assert_eq!(s.outcome, Outcome::NotRun);
    }
}
