//! The calculator's state: one reducer. Every action updates the form or the loaded policies and
//! recomputes the outcome with the core (`core::policy::calc`); components only dispatch actions.

use std::cell::Cell;
use std::rc::Rc;

use yew::Reducible;

use crate::core::calendar::Calendar;
use crate::core::date::Date;
use crate::core::policy::calc::{calculate, month_plan, Outcome};
use crate::core::policy::cases::{run_cases, CaseResult};
use crate::core::policy::form::{decode_fragment, problems_to_show, AgeMode, FormInput, IncomeMode, Tri};
use crate::core::policy::income::{self, IncomeCheck};
use crate::core::policy::load::MAX_POLICY_BYTES;
use crate::core::policy::presets::{info, INDEX};
use crate::core::policy::simulate::MonthResult;
use crate::core::policy::{parse_policy, Group, MealKind, Policy, PolicyError};

/// Where a policy came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// Shipped with the app.
    Preset,
    /// A file the user loaded (its name).
    File(String),
}

/// A policy ready to use, with the results of its own test cases.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedPolicy {
    /// The policy.
    pub policy: Rc<Policy>,
    /// Where it came from.
    pub origin: Origin,
    /// Its cases' results.
    pub cases: Vec<CaseResult>,
}

impl LoadedPolicy {
    fn new(policy: Policy, origin: Origin) -> LoadedPolicy {
        let cases = run_cases(&policy, Calendar::builtin());
        LoadedPolicy { policy: Rc::new(policy), origin, cases }
    }

    /// (failed, total) cases.
    pub fn case_counts(&self) -> (usize, usize) {
        (self.cases.iter().filter(|c| !c.passed()).count(), self.cases.len())
    }
}

/// Why a loaded file was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// Not UTF-8 text.
    NotText,
    /// Over the size limit.
    TooLarge,
    /// An embedding's `policy-url` could not be fetched.
    Unreachable,
    /// The policy's problems.
    Invalid(Vec<PolicyError>),
}

/// The last file the user tried to load.
#[derive(Clone, Debug, PartialEq)]
pub enum FileStatus {
    /// Loaded and selected.
    Loaded(String),
    /// Refused; nothing else changed.
    Refused(String, FileProblem),
}

/// Gives a preset's file by its id, when it has it.
type PresetSource = fn(&str) -> Option<&'static str>;

thread_local! {
    /// Preset files available without a fetch. None in the page (they are fetched when chosen);
    /// the in-browser component tests, which have no files beside them, give the built-in copies.
    static PRESET_SOURCE: Cell<Option<PresetSource>> = const { Cell::new(None) };
}

/// Makes preset files available without a fetch (the in-browser tests).
pub fn set_preset_source(source: PresetSource) {
    PRESET_SOURCE.with(|s| s.set(Some(source)));
}

/// The whole calculator.
#[derive(Clone, Debug, PartialEq)]
pub struct CalcState {
    /// The presets fetched so far (in their order), then files the user loaded.
    pub policies: Vec<LoadedPolicy>,
    /// The form as typed.
    pub form: FormInput,
    /// The answer for the selected policy.
    pub outcome: Outcome,
    /// The meal date's month under the form's meal plan (when every answer is given).
    pub month: Option<MonthResult>,
    /// What the household income suggests, with the figures with and without recognition (when
    /// an income is given and there is a figure).
    pub income: Option<IncomeCheck>,
    /// Showing the comparison across policies.
    pub comparing: bool,
    /// The answer under every policy (computed while comparing).
    pub comparison: Vec<Outcome>,
    /// The last file loaded or refused.
    pub file: Option<FileStatus>,
    /// A preset whose file could not be fetched (its id), until another is chosen.
    pub preset_failed: Option<String>,
}

/// A change to one field of the form (each variant names the field it sets).
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AgeMode(AgeMode),
    Age(String),
    BirthDate(String),
    Hukou(String),
    Hardship(String),
    CareLevel(String),
    Disability(String),
    Group(Group, bool),
    Flag(String, Tri),
    InCareHome(Tri),
    IncomeMode(IncomeMode),
    Income(String),
    IncomeTo(String),
    Area(String),
    Date(String),
    Meal(String),
    Price(String),
    Delivery(bool),
    Place(String),
    PlanDay(usize, bool),
    PlanMeal(MealKind, bool),
}

/// What can happen in the calculator.
#[derive(Clone, Debug, PartialEq)]
pub enum CalcAction {
    /// The user changed a field.
    Edit(Edit),
    /// The user chose a policy.
    SelectPolicy(String),
    /// The user loaded a file: its name and bytes.
    LoadFile(String, Vec<u8>),
    /// An embedding's `policy-url` could not be fetched.
    Unreachable(String),
    /// A preset's file arrived (its id and bytes), or could not be fetched (`None`).
    PresetFetched(String, Option<Vec<u8>>),
    /// Show or hide the comparison.
    SetComparing(bool),
}

impl CalcState {
    /// The calculator at start-up (presets are fetched when chosen: [`CalcState::wanted`]): the form from the share link in the
    /// URL fragment if there is one, else empty with the meal date `today` and the `preferred`
    /// policy (an embedding's `?policy=`) if it is a preset. Without a share link or an embedding
    /// that names a policy, no city is chosen (an empty `form.policy`): a resident of a city that
    /// is not listed must never be shown another city's figures.
    pub fn new(today: Date, fragment: &str, preferred: Option<&str>) -> CalcState {
        let first = preferred.filter(|id| info(id).is_some()).map(str::to_string).unwrap_or_default();
        let mut form = decode_fragment(fragment, &today).unwrap_or_else(|| FormInput::new(&first, today));
        if info(&form.policy).is_none() {
            form.policy = first;
        }
        let mut state = CalcState {
            policies: Vec::new(),
            form,
            outcome: Outcome::Empty,
            month: None,
            income: None,
            comparing: false,
            comparison: Vec::new(),
            file: None,
            preset_failed: None,
        };
        state.take_available();
        state.recompute();
        state
    }

    /// The presets to fetch now: the chosen one, or all of them while comparing, if not loaded.
    pub fn wanted(&self) -> Vec<&'static str> {
        INDEX
            .iter()
            .map(|p| p.id)
            .filter(|id| (self.comparing || *id == self.form.policy) && !self.policies.iter().any(|p| p.policy.id == *id))
            .filter(|id| self.preset_failed.as_deref() != Some(id))
            .collect()
    }

    /// A preset is chosen and its file is on its way.
    pub fn loading(&self) -> bool {
        self.selected().is_none() && self.wanted().contains(&self.form.policy.as_str())
    }

    /// The city selector's choices (id, label): the presets in their order (a loaded file that
    /// replaced one shows its own name), then the other files loaded.
    pub fn choices(&self, locale: crate::core::Locale, file_label: impl Fn(&str, &str) -> String) -> Vec<(String, String)> {
        let label = |p: &LoadedPolicy| {
            let base = format!("{} · {}", p.policy.region.get(locale), p.policy.name.get(locale));
            match &p.origin {
                Origin::File(name) => file_label(&base, name),
                Origin::Preset => base,
            }
        };
        let loaded = |id: &str| self.policies.iter().find(|p| p.policy.id == id);
        let mut out: Vec<(String, String)> =
            INDEX.iter().map(|i| (i.id.to_string(), loaded(i.id).map_or_else(|| i.label(locale), label))).collect();
        out.extend(self.policies.iter().filter(|p| info(&p.policy.id).is_none()).map(|p| (p.policy.id.clone(), label(p))));
        out
    }

    /// Loads the wanted presets that are available without a fetch (tests).
    fn take_available(&mut self) {
        let Some(source) = PRESET_SOURCE.with(Cell::get) else { return };
        for id in self.wanted() {
            if let Some(text) = source(id) {
                self.add_preset(id, text.as_bytes().to_vec());
            }
        }
    }

    /// A preset's file arrived: checked and added in its place among the presets. A file the user
    /// loaded with the same id is kept instead.
    fn add_preset(&mut self, id: &str, bytes: Vec<u8>) {
        if self.policies.iter().any(|p| p.policy.id == id) {
            return;
        }
        let parsed = String::from_utf8(bytes).ok().and_then(|t| parse_policy(t.strip_prefix('\u{feff}').unwrap_or(&t)).ok());
        match parsed.filter(|p| p.id == id) {
            Some(policy) => {
                let rank = |pid: &str| INDEX.iter().position(|i| i.id == pid).unwrap_or(usize::MAX);
                let at = self.policies.iter().position(|p| rank(&p.policy.id) > rank(id)).unwrap_or(self.policies.len());
                self.policies.insert(at, LoadedPolicy::new(policy, Origin::Preset));
            }
            None => self.preset_failed = Some(id.to_string()),
        }
    }

    /// The selected policy.
    pub fn selected(&self) -> Option<&LoadedPolicy> {
        self.policies.iter().find(|p| p.policy.id == self.form.policy)
    }

    fn recompute(&mut self) {
        self.outcome = match self.selected() {
            Some(p) => calculate(&p.policy, p.case_counts(), &self.form, Calendar::builtin()),
            // No city chosen: no figure, but problems with the answers are still pointed out.
            None => match problems_to_show(&self.form) {
                errors if errors.is_empty() => Outcome::Empty,
                errors => Outcome::Invalid(errors),
            },
        };
        self.month = match (&self.outcome, self.selected()) {
            (Outcome::Single(_), Some(p)) => month_plan(&p.policy, &self.form, Calendar::builtin()),
            _ => None,
        };
        self.income = self.income_check();
        self.comparison = if self.comparing {
            self.policies.iter().map(|p| calculate(&p.policy, p.case_counts(), &self.form, Calendar::builtin())).collect()
        } else {
            Vec::new()
        };
    }

    /// The income estimate for the selected policy, beside a figure (not beside form problems).
    fn income_check(&self) -> Option<IncomeCheck> {
        match (&self.outcome, self.selected()) {
            (Outcome::Single(_) | Outcome::Range(_), Some(p)) => income::for_form(&p.policy, &self.form, Calendar::builtin()),
            _ => None,
        }
    }

    /// Does the selected policy use the household income (so the form asks for it)?
    pub fn asks_income(&self) -> bool {
        self.selected().is_some_and(|p| income::asks_income(&p.policy))
    }

    fn edit(&mut self, edit: Edit) {
        let f = &mut self.form;
        match edit {
            Edit::AgeMode(m) => f.age_mode = m,
            Edit::Age(s) => f.age = s,
            Edit::BirthDate(s) => f.birth_date = s,
            Edit::Hukou(s) => f.hukou = s,
            Edit::Hardship(s) => f.hardship = s,
            Edit::CareLevel(s) => f.care_level = s,
            Edit::Disability(s) => f.disability_grade = s,
            Edit::Group(g, on) => {
                if on {
                    f.groups.insert(g);
                } else {
                    f.groups.remove(&g);
                }
            }
            Edit::Flag(id, t) => {
                f.flags.insert(id, t);
            }
            Edit::InCareHome(t) => f.in_care_home = t,
            Edit::IncomeMode(m) => f.income_mode = m,
            Edit::Income(s) => f.income = s,
            Edit::IncomeTo(s) => f.income_to = s,
            Edit::Area(s) => f.area = s,
            Edit::Date(s) => f.date = s,
            Edit::Meal(s) => f.meal = s,
            Edit::Price(s) => f.price = s,
            Edit::Delivery(b) => f.delivery = b,
            Edit::Place(s) => f.place = s,
            Edit::PlanDay(i, on) => {
                if let Some(d) = f.plan_days.get_mut(i) {
                    *d = on;
                }
            }
            Edit::PlanMeal(m, on) => {
                if on {
                    f.plan_meals.insert(m);
                } else {
                    f.plan_meals.remove(&m);
                }
            }
        }
    }

    fn load_file(&mut self, name: String, bytes: Vec<u8>) {
        if bytes.len() > MAX_POLICY_BYTES {
            self.file = Some(FileStatus::Refused(name, FileProblem::TooLarge));
            return;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            self.file = Some(FileStatus::Refused(name, FileProblem::NotText));
            return;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        match parse_policy(text) {
            Ok(policy) => {
                let id = policy.id.clone();
                // A file with the id of an existing policy replaces it.
                self.policies.retain(|p| p.policy.id != id);
                self.policies.push(LoadedPolicy::new(policy, Origin::File(name.clone())));
                self.form.policy = id;
                self.file = Some(FileStatus::Loaded(name));
            }
            Err(errors) => self.file = Some(FileStatus::Refused(name, FileProblem::Invalid(errors))),
        }
    }
}

impl Reducible for CalcState {
    type Action = CalcAction;

    fn reduce(self: Rc<Self>, action: CalcAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CalcAction::Edit(edit) => next.edit(edit),
            CalcAction::SelectPolicy(id) => {
                if next.policies.iter().any(|p| p.policy.id == id) || info(&id).is_some() {
                    next.form.policy = id;
                    next.preset_failed = None;
                    next.take_available();
                }
            }
            CalcAction::PresetFetched(id, bytes) => match bytes {
                Some(bytes) => next.add_preset(&id, bytes),
                None => next.preset_failed = Some(id),
            },
            CalcAction::LoadFile(name, bytes) => next.load_file(name, bytes),
            CalcAction::Unreachable(name) => next.file = Some(FileStatus::Refused(name, FileProblem::Unreachable)),
            CalcAction::SetComparing(on) => {
                next.comparing = on;
                next.take_available();
            }
        }
        next.recompute();
        Rc::new(next)
    }
}
