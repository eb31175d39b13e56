//! The policy studio's editable policy (政策编辑器, issue 17): a [`PolicyDraft`] holds every table
//! and key of the policy file format (`docs/policy-format.md`) the way a person types them, so a
//! half-finished form is representable: values are strings exactly as typed ("", "3", "10.5",
//! "abc"), lists are `Vec`s the UI adds to, removes from and reorders, and menu choices are the
//! file's codes (`"dibao"`, `"lunch"`, `""` for "not chosen yet").
//!
//! - [`draft_from_policy`] / [`draft_from_toml`]: a loaded file or preset opened in the studio
//!   (the draft is made from the validated [`Policy`] model, so only files that load open; ids
//!   replace the model's clause and source indices);
//! - [`write_toml`] ([`super::draft_write`]): draft → readable, commented TOML in a stable order;
//! - [`validate`] and [`check`] ([`super::draft_check`]): the draft written and read by the real
//!   loader, each problem mapped back to the draft field it concerns ([`Problem::field`]), and the
//!   policy's own `[[case]]`s run;
//! - the condition menus ([`TestKind`], [`Menu`], [`choices`]): what a condition can test and the
//!   choices for each menu, with their names in the user's language.
//!
//! **Field paths.** A problem names its field with the loader's path syntax, which the UI uses to
//! put the message beside the field: `policy.name`, `source[0].url`, `clause[2].source`,
//! `version[0].caps.per_day`, `version[1].component[0].tier[2].subsidy`,
//! `version[0].delivery_fee.free_when`, `case[3].expect.pay`. Indices are the draft's own list
//! indices (the writer writes every item, even an empty one, in order). Inside a condition, a node
//! is `….when` and its children `….when.all[0]`, `….when.any[1]`, `….when.not`; a leaf's value is
//! the node path and the key: `….when.all[0].age_at_least`, `….when.hardship_in[1]`. A problem
//! with a whole table (a missing key, two keys that exclude each other) names the table's path
//! with the key when there is one (`version[0].component`, `source[1].id`).

use std::collections::BTreeSet;

use super::condition::Condition;
use super::explain::{care_name, group_name, hardship_name, hukou_name, level_name, meal_name, place_name};
use super::model::{Benefit, Dated, FundingLevel, PerMeal, Policy, Select, SpendRule, UNKNOWN_START};
use super::person::{AgeInput, Area, CareLevel, Group, Hardship, Hukou, MealKind, Place};
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::Locale;

pub use super::draft_check::{check, validate, CaseCheck, CaseMismatch, DraftCheck, Problem};
pub use super::draft_write::write_toml;

/// Text in both languages as typed: an empty `en` means "the same as the Chinese".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftText {
    /// 中文.
    pub zh: String,
    /// English; empty: the same as the Chinese.
    pub en: String,
}

impl DraftText {
    /// Text with only the Chinese (or the same words for both languages).
    pub fn new(chinese: &str) -> DraftText {
        DraftText { zh: chinese.to_string(), en: String::new() }
    }

    /// Nothing typed in either language.
    pub fn is_blank(&self) -> bool {
        self.zh.trim().is_empty() && self.en.trim().is_empty()
    }
}

/// One value of a dated value: from a day (blank for a plain value), the value as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftStep {
    /// The first day (`2025-03-04`); blank when the value has no dates (a single plain value).
    pub from: String,
    /// The value as typed (`3`, `10.5`).
    pub value: String,
}

/// A value that may change on given dates (`per_week = [ { from = …, value = … }, … ]`).
/// One step with a blank `from` is a plain value (`subsidy = 3`); with several steps, each needs
/// its date. No step (or one blank step) is "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftDated {
    /// The values in date order.
    pub steps: Vec<DraftStep>,
}

impl DraftDated {
    /// A plain value with no dates.
    pub fn plain(value: &str) -> DraftDated {
        DraftDated { steps: vec![DraftStep { from: String::new(), value: value.to_string() }] }
    }

    /// Nothing typed.
    pub fn is_blank(&self) -> bool {
        self.steps.iter().all(|s| s.from.trim().is_empty() && s.value.trim().is_empty())
    }

    /// The plain value, if this is one value without dates.
    pub fn plain_value(&self) -> Option<&str> {
        match self.steps.as_slice() {
            [one] if one.from.trim().is_empty() => Some(&one.value),
            _ => None,
        }
    }
}

/// An amount (or percentage) that may differ by meal: one value for every meal, or one per meal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftPerMeal {
    /// `true`: breakfast, lunch and dinner given separately; `false`: `all` for every meal.
    pub per_meal: bool,
    /// The value for every meal (when not `per_meal`).
    pub all: DraftDated,
    /// Breakfast (when `per_meal`; blank: not subsidised).
    pub breakfast: DraftDated,
    /// Lunch (when `per_meal`).
    pub lunch: DraftDated,
    /// Dinner (when `per_meal`).
    pub dinner: DraftDated,
}

impl DraftPerMeal {
    /// One plain value for every meal.
    pub fn plain(value: &str) -> DraftPerMeal {
        DraftPerMeal { all: DraftDated::plain(value), ..DraftPerMeal::default() }
    }

    /// Nothing typed (in the mode chosen).
    pub fn is_blank(&self) -> bool {
        if self.per_meal {
            self.breakfast.is_blank() && self.lunch.is_blank() && self.dinner.is_blank()
        } else {
            self.all.is_blank()
        }
    }
}

/// `[[source]]`: a document figures come from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftSource {
    /// Id the clauses use.
    pub id: String,
    /// Title.
    pub title: String,
    /// Issuing body (optional).
    pub issuer: String,
    /// 文号 (a source needs this or `url`).
    pub number: String,
    /// Date issued (`2024-01-01`, optional).
    pub date: String,
    /// Address.
    pub url: String,
    /// `high` | `medium` | `low` | `""` (not given): [`Menu::Confidence`].
    pub confidence: String,
    /// Note (optional).
    pub note: DraftText,
}

/// `[[clause]]`: the document's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftClause {
    /// Id the figures use.
    pub id: String,
    /// The source's id ([`Menu::Source`]).
    pub source: String,
    /// The words of the document.
    pub text: String,
    /// `false` when the text is a summary, not the exact words.
    pub verbatim: bool,
    /// How a figure was derived from it (optional).
    pub note: DraftText,
}

impl Default for DraftClause {
    fn default() -> Self {
        DraftClause { id: String::new(), source: String::new(), text: String::new(), verbatim: true, note: DraftText::default() }
    }
}

/// `[[category]]`: a policy-defined category the form asks about (优抚对象 …).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftCategory {
    /// Id used by `flag` conditions.
    pub id: String,
    /// Name.
    pub name: DraftText,
    /// Explanation shown beside the question (optional).
    pub explain: DraftText,
}

/// A condition built from menus. Leaves hold their value as typed (ages, percentages) or as
/// codes chosen from a menu ([`choices`]); `All`, `Any` and `Not` combine them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftCondition {
    /// `age_at_least`: age in full years at least this.
    AgeAtLeast(String),
    /// `age_below`: age under this.
    AgeBelow(String),
    /// `care_level_at_least`: a code of [`Menu::CareLevel`].
    CareAtLeast(String),
    /// `disability_grade_in`: grades `"1"`–`"4"`.
    DisabilityGradeIn(Vec<String>),
    /// `hardship_in`: codes of [`Menu::Hardship`].
    HardshipIn(Vec<String>),
    /// `group_any`: codes of [`Menu::Group`].
    GroupAny(Vec<String>),
    /// `flag`: a `[[category]]` id ([`Menu::Category`]).
    Flag(String),
    /// `hukou`: a code of [`Menu::Hukou`].
    Hukou(String),
    /// `in_care_home`.
    InCareHome(bool),
    /// `income_at_most_dibao_percent`.
    IncomeAtMostDibaoPercent(String),
    /// Every one holds (several keys in one table, or `all = [ … ]`).
    All(Vec<DraftCondition>),
    /// At least one holds.
    Any(Vec<DraftCondition>),
    /// Does not hold.
    Not(Box<DraftCondition>),
}

/// What a condition can test: the entries of the "add a condition" menu, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestKind {
    /// 年满…周岁.
    AgeAtLeast,
    /// 不满…周岁.
    AgeBelow,
    /// 失能等级至少….
    CareAtLeast,
    /// 残疾等级是….
    DisabilityGradeIn,
    /// 困难类别是….
    HardshipIn,
    /// 属于…群体.
    GroupAny,
    /// 属于本政策的类别….
    Flag,
    /// 户籍.
    Hukou,
    /// 是否住在养老机构.
    InCareHome,
    /// 家庭人均收入不超过低保标准的…%.
    IncomeAtMostDibaoPercent,
    /// 以下全部符合.
    All,
    /// 以下符合任一项.
    Any,
    /// 不符合以下.
    Not,
}

/// How the UI asks for a test's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TestInput {
    /// A whole number typed, within these bounds.
    Number {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// One choice from a menu.
    One(Menu),
    /// Any number of choices from a menu.
    Many(Menu),
    /// Yes or no.
    YesNo,
    /// A list of conditions (`All`, `Any`) or one (`Not`).
    Group,
}

impl TestKind {
    /// Every test, in menu order.
    pub const ALL: [TestKind; 13] = [
        TestKind::AgeAtLeast,
        TestKind::AgeBelow,
        TestKind::CareAtLeast,
        TestKind::DisabilityGradeIn,
        TestKind::HardshipIn,
        TestKind::GroupAny,
        TestKind::Flag,
        TestKind::Hukou,
        TestKind::InCareHome,
        TestKind::IncomeAtMostDibaoPercent,
        TestKind::All,
        TestKind::Any,
        TestKind::Not,
    ];

    /// The key in the file.
    pub fn key(self) -> &'static str {
        match self {
            TestKind::AgeAtLeast => "age_at_least",
            TestKind::AgeBelow => "age_below",
            TestKind::CareAtLeast => "care_level_at_least",
            TestKind::DisabilityGradeIn => "disability_grade_in",
            TestKind::HardshipIn => "hardship_in",
            TestKind::GroupAny => "group_any",
            TestKind::Flag => "flag",
            TestKind::Hukou => "hukou",
            TestKind::InCareHome => "in_care_home",
            TestKind::IncomeAtMostDibaoPercent => "income_at_most_dibao_percent",
            TestKind::All => "all",
            TestKind::Any => "any",
            TestKind::Not => "not",
        }
    }

    /// How its value is asked for (the bounds are the loader's).
    pub fn input(self) -> TestInput {
        match self {
            TestKind::AgeAtLeast => TestInput::Number { min: 0, max: 150 },
            TestKind::AgeBelow => TestInput::Number { min: 1, max: 151 },
            TestKind::CareAtLeast => TestInput::One(Menu::CareLevel),
            TestKind::DisabilityGradeIn => TestInput::Many(Menu::DisabilityGrade),
            TestKind::HardshipIn => TestInput::Many(Menu::Hardship),
            TestKind::GroupAny => TestInput::Many(Menu::Group),
            TestKind::Flag => TestInput::One(Menu::Category),
            TestKind::Hukou => TestInput::One(Menu::Hukou),
            TestKind::InCareHome => TestInput::YesNo,
            TestKind::IncomeAtMostDibaoPercent => TestInput::Number { min: 1, max: 1000 },
            TestKind::All | TestKind::Any | TestKind::Not => TestInput::Group,
        }
    }

    /// Its name in the menu (`年满（周岁）` / `aged at least (years)`).
    pub fn name(self, locale: Locale) -> &'static str {
        let w = super::draft_words::draft_words(locale);
        w.tests[TestKind::ALL.iter().position(|k| *k == self).unwrap_or(0)]
    }
}

impl DraftCondition {
    /// A new condition of a kind with its first sensible value: 60 for ages, `local` hukou, no
    /// choice yet for menus, an empty group.
    pub fn new(kind: TestKind) -> DraftCondition {
        match kind {
            TestKind::AgeAtLeast => DraftCondition::AgeAtLeast("60".into()),
            TestKind::AgeBelow => DraftCondition::AgeBelow("80".into()),
            TestKind::CareAtLeast => DraftCondition::CareAtLeast(String::new()),
            TestKind::DisabilityGradeIn => DraftCondition::DisabilityGradeIn(Vec::new()),
            TestKind::HardshipIn => DraftCondition::HardshipIn(Vec::new()),
            TestKind::GroupAny => DraftCondition::GroupAny(Vec::new()),
            TestKind::Flag => DraftCondition::Flag(String::new()),
            TestKind::Hukou => DraftCondition::Hukou(Hukou::Local.code().into()),
            TestKind::InCareHome => DraftCondition::InCareHome(false),
            TestKind::IncomeAtMostDibaoPercent => DraftCondition::IncomeAtMostDibaoPercent(String::new()),
            TestKind::All => DraftCondition::All(Vec::new()),
            TestKind::Any => DraftCondition::Any(Vec::new()),
            TestKind::Not => DraftCondition::Not(Box::new(DraftCondition::All(Vec::new()))),
        }
    }

    /// What it tests.
    pub fn kind(&self) -> TestKind {
        match self {
            DraftCondition::AgeAtLeast(_) => TestKind::AgeAtLeast,
            DraftCondition::AgeBelow(_) => TestKind::AgeBelow,
            DraftCondition::CareAtLeast(_) => TestKind::CareAtLeast,
            DraftCondition::DisabilityGradeIn(_) => TestKind::DisabilityGradeIn,
            DraftCondition::HardshipIn(_) => TestKind::HardshipIn,
            DraftCondition::GroupAny(_) => TestKind::GroupAny,
            DraftCondition::Flag(_) => TestKind::Flag,
            DraftCondition::Hukou(_) => TestKind::Hukou,
            DraftCondition::InCareHome(_) => TestKind::InCareHome,
            DraftCondition::IncomeAtMostDibaoPercent(_) => TestKind::IncomeAtMostDibaoPercent,
            DraftCondition::All(_) => TestKind::All,
            DraftCondition::Any(_) => TestKind::Any,
            DraftCondition::Not(_) => TestKind::Not,
        }
    }
}

/// `caps`: one meal or money limit, with its own clause (blank: the caps' shared clause).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftCap {
    /// The limit (meals, or yuan for money caps); blank: no limit.
    pub value: DraftDated,
    /// Its own clause (`per_day_clause` …), blank to use [`DraftCaps::clause`].
    pub clause: String,
}

/// `caps = { … }`: limits on meals and money.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftCaps {
    /// Meals per day.
    pub per_day: DraftCap,
    /// Meals per natural week.
    pub per_week: DraftCap,
    /// Meals per month.
    pub per_month: DraftCap,
    /// Yuan per natural week.
    pub money_per_week: DraftCap,
    /// Yuan per month.
    pub money_per_month: DraftCap,
    /// The clause shared by the limits that give none of their own.
    pub clause: String,
}

/// `dibao = { urban, rural, clause }`: minimum-living standards per person per month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftDibao {
    /// Urban standard (yuan).
    pub urban: DraftDated,
    /// Rural standard (yuan).
    pub rural: DraftDated,
    /// The clause that sets them.
    pub clause: String,
}

/// `[[version.income]]`: a hardship category defined by household income.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftIncome {
    /// `dibao` | `dibao_edge` | `low_income` ([`Menu::IncomeHardship`]).
    pub hardship: String,
    /// `true`: `below_dibao_percent` ("低于"); `false`: `at_most_dibao_percent` ("不超过").
    pub below: bool,
    /// The percentage of the standard (150 = 1.5 times).
    pub percent: String,
    /// The clause that defines it.
    pub clause: String,
}

/// How a tier states its benefit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BenefitKind {
    /// `subsidy`: yuan per meal.
    #[default]
    Subsidy,
    /// `pay`: the price the person pays.
    Pay,
    /// `percent`: a percentage of the meal price (with an optional ceiling).
    Percent,
}

impl BenefitKind {
    /// Every kind, in menu order.
    pub const ALL: [BenefitKind; 3] = [BenefitKind::Subsidy, BenefitKind::Pay, BenefitKind::Percent];

    /// The key in the file.
    pub fn key(self) -> &'static str {
        match self {
            BenefitKind::Subsidy => "subsidy",
            BenefitKind::Pay => "pay",
            BenefitKind::Percent => "percent",
        }
    }
}

/// `[[version.component.tier]]`: who, and how much.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftTier {
    /// Id.
    pub id: String,
    /// Name.
    pub name: DraftText,
    /// Who is in the tier; `None`: everyone who passed the version's eligibility.
    pub when: Option<DraftCondition>,
    /// Subsidy, pay or percent.
    pub benefit: BenefitKind,
    /// The amount (yuan) or percentage, per meal or for all.
    pub amount: DraftPerMeal,
    /// `percent_at_most`: the ceiling of a percentage (yuan); written only with `Percent`.
    pub at_most: DraftPerMeal,
    /// The clause.
    pub clause: String,
}

/// `[[version.component]]`: a part of the subsidy; parts add up, tiers inside are exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftComponent {
    /// Id.
    pub id: String,
    /// Name.
    pub name: DraftText,
    /// `city` | `district` | `town` | `""` ([`Menu::Level`]).
    pub level: String,
    /// The clause saying the part is lost outside that area (optional).
    pub level_clause: String,
    /// `best` | `first` ([`Menu::Select`]).
    pub select: String,
    /// `""` (none) | `above` (`spend_above`) | `at_least` (`spend_at_least`) ([`Menu::Spend`]).
    pub spend: String,
    /// The price the spend rule compares with (yuan).
    pub spend_amount: String,
    /// The spend rule's clause.
    pub spend_clause: String,
    /// The tiers.
    pub tiers: Vec<DraftTier>,
}

impl Default for DraftComponent {
    fn default() -> Self {
        DraftComponent {
            id: String::new(),
            name: DraftText::default(),
            level: String::new(),
            level_clause: String::new(),
            select: "best".into(),
            spend: String::new(),
            spend_amount: String::new(),
            spend_clause: String::new(),
            tiers: Vec::new(),
        }
    }
}

/// `[[version.delivery]]`: a home-delivery subsidy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftDelivery {
    /// Id.
    pub id: String,
    /// Name.
    pub name: DraftText,
    /// Who qualifies; `None`: everyone eligible.
    pub when: Option<DraftCondition>,
    /// Yuan per delivery.
    pub amount: DraftDated,
    /// `provider` | `person` | `""` (the source does not say) ([`Menu::PaidTo`]).
    pub paid_to: String,
    /// The clause.
    pub clause: String,
}

/// `delivery_fee = { … }`: what the person pays per delivery, and who has it free.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftDeliveryFee {
    /// Yuan per delivery.
    pub amount: DraftDated,
    /// The clause that sets the fee.
    pub clause: String,
    /// Who has delivery free (optional).
    pub free_when: Option<DraftCondition>,
    /// The clause that says so (with `free_when`).
    pub free_clause: String,
}

/// `[[version.operator]]`: a subsidy paid to the canteen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftOperator {
    /// Id.
    pub id: String,
    /// Name.
    pub name: DraftText,
    /// Yuan.
    pub amount: DraftDated,
    /// `meal` | `person_day` ([`Menu::OperatorPer`]).
    pub per: String,
    /// Only for diners who get a meal subsidy.
    pub subsidised_diners_only: bool,
    /// The clause.
    pub clause: String,
}

impl Default for DraftOperator {
    fn default() -> Self {
        DraftOperator {
            id: String::new(),
            name: DraftText::default(),
            amount: DraftDated::default(),
            per: "meal".into(),
            subsidised_diners_only: true,
            clause: String::new(),
        }
    }
}

/// `[[version]]`: the complete rules in force from `from` to `until`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftVersion {
    /// Id.
    pub id: String,
    /// Name.
    pub label: DraftText,
    /// First day (`2024-07-01`), or `unknown` when the source does not state it.
    pub from: String,
    /// The clause for the dates (optional).
    pub from_clause: String,
    /// Last day (optional).
    pub until: String,
    /// What is known about the dates (optional).
    pub dates_note: DraftText,
    /// Meals covered: codes of [`Menu::Meal`] (all three by default).
    pub meals: Vec<String>,
    /// The clause for `meals` (needed when they are not all three).
    pub meals_clause: String,
    /// Working days only.
    pub workdays_only: bool,
    /// Its clause.
    pub workdays_clause: String,
    /// The standard meal price (yuan, optional).
    pub reference_price: DraftDated,
    /// Its clause.
    pub reference_price_clause: String,
    /// A condition everyone must meet first (optional).
    pub eligibility: Option<DraftCondition>,
    /// Its clause.
    pub eligibility_clause: String,
    /// Meal and money limits.
    pub caps: DraftCaps,
    /// Minimum-living standards (optional).
    pub dibao: Option<DraftDibao>,
    /// Categories defined by income.
    pub income: Vec<DraftIncome>,
    /// Notes shown with the result.
    pub notes: Vec<DraftText>,
    /// The parts of the subsidy.
    pub components: Vec<DraftComponent>,
    /// Home-delivery subsidies.
    pub delivery: Vec<DraftDelivery>,
    /// The delivery fee the person pays (optional).
    pub delivery_fee: Option<DraftDeliveryFee>,
    /// Subsidies to canteens.
    pub operators: Vec<DraftOperator>,
}

impl Default for DraftVersion {
    fn default() -> Self {
        DraftVersion {
            id: String::new(),
            label: DraftText::default(),
            from: String::new(),
            from_clause: String::new(),
            until: String::new(),
            dates_note: DraftText::default(),
            meals: MealKind::ALL.iter().map(|m| m.code().to_string()).collect(),
            meals_clause: String::new(),
            workdays_only: false,
            workdays_clause: String::new(),
            reference_price: DraftDated::default(),
            reference_price_clause: String::new(),
            eligibility: None,
            eligibility_clause: String::new(),
            caps: DraftCaps::default(),
            dibao: None,
            income: Vec::new(),
            notes: Vec::new(),
            components: Vec::new(),
            delivery: Vec::new(),
            delivery_fee: None,
            operators: Vec::new(),
        }
    }
}

impl DraftVersion {
    /// Adds or removes a meal, keeping breakfast, lunch, dinner order.
    pub fn toggle_meal(&mut self, meal: MealKind) {
        let code = meal.code();
        if self.meals.iter().any(|m| m == code) {
            self.meals.retain(|m| m != code);
        } else {
            self.meals.push(code.to_string());
            let rank = |c: &String| MealKind::from_code(c).map_or(usize::MAX, |m| MealKind::ALL.iter().position(|x| *x == m).unwrap_or(0));
            self.meals.sort_by_key(rank);
        }
    }
}

/// A test case's person (`person = { … }`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftPerson {
    /// Age in full years (give this or `birth_date`).
    pub age: String,
    /// Birth date.
    pub birth_date: String,
    /// [`Menu::CareLevel`] code; `""`: none.
    pub care_level: String,
    /// `"1"`–`"4"`; `""`: none.
    pub disability_grade: String,
    /// [`Menu::Hardship`] code; `""`: none.
    pub hardship: String,
    /// [`Menu::Group`] codes.
    pub groups: Vec<String>,
    /// `[[category]]` ids.
    pub flags: Vec<String>,
    /// [`Menu::Hukou`] code; `""`: local.
    pub hukou: String,
    /// Lives in a care home.
    pub in_care_home: bool,
    /// [`Menu::Area`] code; `""`: not given.
    pub area: String,
    /// Household income per person per month (yuan); `""`: not given.
    pub income: String,
}

/// A test case's meal (`meal = { … }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftMeal {
    /// The date.
    pub date: String,
    /// [`Menu::Meal`] code.
    pub meal: String,
    /// Price (yuan); `""`: the reference price.
    pub price: String,
    /// Delivered home.
    pub delivery: bool,
    /// [`Menu::Place`] code; `""`: same town.
    pub place: String,
}

impl Default for DraftMeal {
    fn default() -> Self {
        DraftMeal { date: String::new(), meal: MealKind::Lunch.code().into(), price: String::new(), delivery: false, place: String::new() }
    }
}

/// What a test case expects (`expect = { … }`); blank or `None`: not checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftExpect {
    /// Eligible at all.
    pub eligible: Option<bool>,
    /// Subsidy (yuan).
    pub subsidy: String,
    /// What the person pays (yuan).
    pub pay: String,
    /// Delivery subsidy (yuan).
    pub delivery: String,
    /// Delivery fee the person pays (yuan).
    pub delivery_fee: String,
    /// Tier ids joined with `+`; `Some("")`: no tier.
    pub tier: Option<String>,
    /// Version id.
    pub version: Option<String>,
}

/// `[[case]]`: a hand-computed example.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftCase {
    /// What the case is about.
    pub name: String,
    /// The person.
    pub person: DraftPerson,
    /// The meal.
    pub meal: DraftMeal,
    /// The expected result.
    pub expect: DraftExpect,
    /// The hand calculation.
    pub why: String,
}

/// A whole policy file being edited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyDraft {
    /// `policy.id`: letters, digits, `-` `_` `.`.
    pub id: String,
    /// `policy.name`.
    pub name: DraftText,
    /// `policy.region`.
    pub region: DraftText,
    /// `policy.summary` (optional).
    pub summary: DraftText,
    /// `policy.gaps`: what the sources leave open.
    pub gaps: Vec<DraftText>,
    /// `[[category]]`.
    pub categories: Vec<DraftCategory>,
    /// `[[source]]`.
    pub sources: Vec<DraftSource>,
    /// `[[clause]]`.
    pub clauses: Vec<DraftClause>,
    /// `[[version]]`.
    pub versions: Vec<DraftVersion>,
    /// `[[case]]`.
    pub cases: Vec<DraftCase>,
}

impl PolicyDraft {
    /// A blank policy with one empty source, clause, version (with one part and one tier) and
    /// case: the fields a new city fills in. Written as it is, the loader lists what is missing.
    pub fn blank() -> PolicyDraft {
        let tier = DraftTier::default();
        let component = DraftComponent { tiers: vec![tier], ..DraftComponent::default() };
        let version = DraftVersion { components: vec![component], ..DraftVersion::default() };
        PolicyDraft {
            sources: vec![DraftSource::default()],
            clauses: vec![DraftClause::default()],
            versions: vec![version],
            cases: vec![DraftCase::default()],
            ..PolicyDraft::default()
        }
    }
}

/// A menu of choices in the studio.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Care levels (`none` … `severe`).
    CareLevel,
    /// Disability grades 1–4.
    DisabilityGrade,
    /// Hardship categories (without `none`).
    Hardship,
    /// The hardship categories a policy may define by income.
    IncomeHardship,
    /// Special groups.
    Group,
    /// The draft's own `[[category]]`s.
    Category,
    /// Local or not.
    Hukou,
    /// Urban or rural.
    Area,
    /// Breakfast, lunch, dinner.
    Meal,
    /// Where the meal is eaten.
    Place,
    /// A source's confidence.
    Confidence,
    /// Who pays a component.
    Level,
    /// How a component picks its tier.
    Select,
    /// A component's spend rule.
    Spend,
    /// Who receives a delivery subsidy.
    PaidTo,
    /// What an operator subsidy is counted per.
    OperatorPer,
    /// The draft's own `[[source]]`s (for a clause).
    Source,
    /// The draft's own `[[clause]]`s (for a figure).
    Clause,
}

/// One entry of a menu: the code written in the file and the name shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The code in the file.
    pub code: String,
    /// The name shown, in the user's language.
    pub label: String,
}

fn choice(code: &str, label: &str) -> Choice {
    Choice { code: code.to_string(), label: label.to_string() }
}

/// The entries of `menu`, named in `locale`. `Category`, `Source` and `Clause` list the draft's own
/// items (by name, title or id), skipping those without an id yet.
pub fn choices(menu: Menu, draft: &PolicyDraft, locale: Locale) -> Vec<Choice> {
    let w = super::draft_words::draft_words(locale);
    match menu {
        Menu::CareLevel => CareLevel::ALL.iter().map(|c| choice(c.code(), care_name(*c, locale))).collect(),
        Menu::DisabilityGrade => (1..=4).map(|g| choice(&g.to_string(), &(w.grade)(g))).collect(),
        Menu::Hardship => Hardship::ALL[1..].iter().map(|h| choice(h.code(), hardship_name(*h, locale))).collect(),
        Menu::IncomeHardship => [Hardship::Dibao, Hardship::DibaoEdge, Hardship::LowIncome]
            .iter()
            .map(|h| choice(h.code(), hardship_name(*h, locale)))
            .collect(),
        Menu::Group => Group::ALL.iter().map(|g| choice(g.code(), group_name(*g, locale))).collect(),
        Menu::Category => draft
            .categories
            .iter()
            .filter(|c| !c.id.trim().is_empty())
            .map(|c| choice(&c.id, text_in(&c.name, locale).unwrap_or(&c.id)))
            .collect(),
        Menu::Hukou => Hukou::ALL.iter().map(|h| choice(h.code(), hukou_name(*h, locale))).collect(),
        Menu::Area => Area::ALL.iter().zip(w.areas).map(|(a, name)| choice(a.code(), name)).collect(),
        Menu::Meal => MealKind::ALL.iter().map(|m| choice(m.code(), meal_name(*m, locale))).collect(),
        Menu::Place => Place::ALL.iter().map(|p| choice(p.code(), place_name(*p, locale))).collect(),
        Menu::Confidence => ["high", "medium", "low"].iter().zip(w.confidence).map(|(c, name)| choice(c, name)).collect(),
        Menu::Level => [FundingLevel::City, FundingLevel::District, FundingLevel::Town]
            .iter()
            .map(|l| choice(l.code(), level_name(*l, locale)))
            .collect(),
        Menu::Select => ["best", "first"].iter().zip(w.select).map(|(c, name)| choice(c, name)).collect(),
        Menu::Spend => ["", "above", "at_least"].iter().zip(w.spend).map(|(c, name)| choice(c, name)).collect(),
        Menu::PaidTo => ["provider", "person"].iter().zip(w.paid_to).map(|(c, name)| choice(c, name)).collect(),
        Menu::OperatorPer => ["meal", "person_day"].iter().zip(w.operator_per).map(|(c, name)| choice(c, name)).collect(),
        Menu::Source => draft
            .sources
            .iter()
            .filter(|s| !s.id.trim().is_empty())
            .map(|s| choice(&s.id, if s.title.is_empty() { &s.id } else { &s.title }))
            .collect(),
        Menu::Clause => draft.clauses.iter().filter(|c| !c.id.trim().is_empty()).map(|c| choice(&c.id, &c.id)).collect(),
    }
}

/// The text in `locale` (the Chinese when the English is blank), if any.
fn text_in(t: &DraftText, locale: Locale) -> Option<&str> {
    let english = t.en.trim();
    let chinese = t.zh.trim();
    let (first, second) = match locale {
        Locale::ZhCn => (chinese, english),
        Locale::En => (english, chinese),
    };
    [first, second].into_iter().find(|s| !s.is_empty())
}

// ---- A loaded policy → a draft ------------------------------------------------------------

/// Opens a policy file's text in the studio: the loader's problems if it does not load.
pub fn draft_from_toml(text: &str) -> Result<PolicyDraft, Vec<super::error::PolicyError>> {
    super::load::parse_policy(text).map(|p| draft_from_policy(&p))
}

/// A loaded policy (a preset or a user's file) as a draft. Writing the draft and loading it gives
/// the same policy (only the cases' line numbers differ).
pub fn draft_from_policy(p: &Policy) -> PolicyDraft {
    let clause = |r: usize| p.clauses.get(r).map(|c| c.id.clone()).unwrap_or_default();
    PolicyDraft {
        id: p.id.clone(),
        name: text(&p.name),
        region: text(&p.region),
        summary: p.summary.as_ref().map(text).unwrap_or_default(),
        gaps: p.gaps.iter().map(text).collect(),
        categories: p
            .categories
            .iter()
            .map(|c| DraftCategory { id: c.id.clone(), name: text(&c.name), explain: c.explain.as_ref().map(text).unwrap_or_default() })
            .collect(),
        sources: p
            .sources
            .iter()
            .map(|s| DraftSource {
                id: s.id.clone(),
                title: s.title.clone(),
                issuer: s.issuer.clone().unwrap_or_default(),
                number: s.number.clone().unwrap_or_default(),
                date: s.date.map(|d| d.to_string()).unwrap_or_default(),
                url: s.url.clone().unwrap_or_default(),
                confidence: s
                    .confidence
                    .map(|c| match c {
                        super::model::Confidence::High => "high",
                        super::model::Confidence::Medium => "medium",
                        super::model::Confidence::Low => "low",
                    })
                    .unwrap_or_default()
                    .to_string(),
                note: s.note.as_ref().map(text).unwrap_or_default(),
            })
            .collect(),
        clauses: p
            .clauses
            .iter()
            .map(|c| DraftClause {
                id: c.id.clone(),
                source: p.sources.get(c.source).map(|s| s.id.clone()).unwrap_or_default(),
                text: c.text.clone(),
                verbatim: c.verbatim,
                note: c.note.as_ref().map(text).unwrap_or_default(),
            })
            .collect(),
        versions: p.versions.iter().map(|v| version(v, &clause)).collect(),
        cases: p.cases.iter().map(case).collect(),
    }
}

fn text(t: &super::model::Text) -> DraftText {
    DraftText { zh: t.zh.clone(), en: if t.en == t.zh { String::new() } else { t.en.clone() } }
}

fn dated<T>(d: &Dated<T>, show: impl Fn(&T) -> String) -> DraftDated {
    match d.0.as_slice() {
        [(from, v)] if *from == Date::MIN => DraftDated::plain(&show(v)),
        steps => DraftDated { steps: steps.iter().map(|(from, v)| DraftStep { from: from.to_string(), value: show(v) }).collect() },
    }
}

fn money(d: &Dated<Fen>) -> DraftDated {
    dated(d, |f| f.to_string())
}

fn per_meal<T: PartialEq>(m: &PerMeal<Dated<T>>, show: impl Fn(&T) -> String + Copy) -> DraftPerMeal {
    let one = |x: &Option<Dated<T>>| x.as_ref().map(|d| dated(d, show)).unwrap_or_default();
    match (&m.breakfast, &m.lunch, &m.dinner) {
        (Some(b), Some(l), Some(d)) if b == l && l == d => DraftPerMeal { all: dated(b, show), ..DraftPerMeal::default() },
        _ => DraftPerMeal {
            per_meal: true,
            all: DraftDated::default(),
            breakfast: one(&m.breakfast),
            lunch: one(&m.lunch),
            dinner: one(&m.dinner),
        },
    }
}

/// A loaded condition as a draft condition.
pub fn draft_condition(c: &Condition) -> DraftCondition {
    let codes = |v: Vec<&str>| v.into_iter().map(String::from).collect();
    match c {
        Condition::AgeAtLeast(n) => DraftCondition::AgeAtLeast(n.to_string()),
        Condition::AgeBelow(n) => DraftCondition::AgeBelow(n.to_string()),
        Condition::CareAtLeast(l) => DraftCondition::CareAtLeast(l.code().into()),
        Condition::DisabilityGradeIn(g) => DraftCondition::DisabilityGradeIn(g.iter().map(|g| g.to_string()).collect()),
        Condition::HardshipIn(h) => DraftCondition::HardshipIn(codes(h.iter().map(|h| h.code()).collect())),
        Condition::GroupAny(g) => DraftCondition::GroupAny(codes(g.iter().map(|g| g.code()).collect())),
        Condition::Flag(f) => DraftCondition::Flag(f.clone()),
        Condition::Hukou(h) => DraftCondition::Hukou(h.code().into()),
        Condition::InCareHome(b) => DraftCondition::InCareHome(*b),
        Condition::IncomeAtMostDibaoPercent(p) => DraftCondition::IncomeAtMostDibaoPercent(p.to_string()),
        Condition::All(items) => DraftCondition::All(items.iter().map(draft_condition).collect()),
        Condition::Any(items) => DraftCondition::Any(items.iter().map(draft_condition).collect()),
        Condition::Not(inner) => DraftCondition::Not(Box::new(draft_condition(inner))),
    }
}

/// A tier's or delivery's `when`: "everyone" (an empty `all`) is no condition.
fn when(c: &Condition) -> Option<DraftCondition> {
    match c {
        Condition::All(items) if items.is_empty() => None,
        c => Some(draft_condition(c)),
    }
}

fn version(v: &super::model::Version, clause: &dyn Fn(usize) -> String) -> DraftVersion {
    let opt_clause = |r: Option<usize>| r.map(clause).unwrap_or_default();
    let caps = &v.caps;
    let given: Vec<usize> =
        [&caps.per_day.as_ref().map(|c| c.1), &caps.per_week.as_ref().map(|c| c.1), &caps.per_month.as_ref().map(|c| c.1)]
            .into_iter()
            .chain([&caps.money_per_week.as_ref().map(|c| c.1), &caps.money_per_month.as_ref().map(|c| c.1)])
            .filter_map(|c| *c)
            .collect();
    let shared: BTreeSet<usize> = given.iter().copied().collect();
    let shared = (shared.len() == 1).then(|| given[0]);
    let cap_count = |c: &Option<(Dated<u32>, usize)>| match c {
        Some((d, r)) => DraftCap { value: dated(d, |n| n.to_string()), clause: if shared.is_some() { String::new() } else { clause(*r) } },
        None => DraftCap::default(),
    };
    let cap_money = |c: &Option<(Dated<Fen>, usize)>| match c {
        Some((d, r)) => DraftCap { value: money(d), clause: if shared.is_some() { String::new() } else { clause(*r) } },
        None => DraftCap::default(),
    };
    DraftVersion {
        id: v.id.clone(),
        label: text(&v.label),
        from: v.from.map_or_else(|| UNKNOWN_START.to_string(), |d| d.to_string()),
        from_clause: opt_clause(v.from_clause),
        until: v.until.map(|d| d.to_string()).unwrap_or_default(),
        dates_note: v.dates_note.as_ref().map(text).unwrap_or_default(),
        meals: v.meals.0.iter().map(|m| m.code().to_string()).collect(),
        meals_clause: opt_clause(v.meals.1),
        workdays_only: v.workdays_only.is_some(),
        workdays_clause: opt_clause(v.workdays_only),
        reference_price: v.reference_price.as_ref().map(|(d, _)| money(d)).unwrap_or_default(),
        reference_price_clause: opt_clause(v.reference_price.as_ref().map(|(_, r)| *r)),
        eligibility: v.eligibility.as_ref().map(|e| draft_condition(&e.when)),
        eligibility_clause: opt_clause(v.eligibility.as_ref().map(|e| e.clause)),
        caps: DraftCaps {
            per_day: cap_count(&caps.per_day),
            per_week: cap_count(&caps.per_week),
            per_month: cap_count(&caps.per_month),
            money_per_week: cap_money(&caps.money_per_week),
            money_per_month: cap_money(&caps.money_per_month),
            clause: opt_clause(shared),
        },
        dibao: v.dibao.as_ref().map(|(urban, rural, r)| DraftDibao {
            urban: urban.as_ref().map(money).unwrap_or_default(),
            rural: rural.as_ref().map(money).unwrap_or_default(),
            clause: clause(*r),
        }),
        income: v
            .income
            .iter()
            .map(|i| DraftIncome {
                hardship: i.hardship.code().into(),
                below: i.below,
                percent: i.percent.to_string(),
                clause: clause(i.clause),
            })
            .collect(),
        notes: v.notes.iter().map(text).collect(),
        components: v
            .components
            .iter()
            .map(|c| {
                let (spend, spend_amount, spend_clause) = match &c.spend_rule {
                    Some((SpendRule::Above(f), r)) => ("above", f.to_string(), clause(*r)),
                    Some((SpendRule::AtLeast(f), r)) => ("at_least", f.to_string(), clause(*r)),
                    None => ("", String::new(), String::new()),
                };
                DraftComponent {
                    id: c.id.clone(),
                    name: text(&c.name),
                    level: c.level.map(|l| l.code()).unwrap_or_default().to_string(),
                    level_clause: opt_clause(c.level_clause),
                    select: match c.select {
                        Select::Best => "best",
                        Select::First => "first",
                    }
                    .to_string(),
                    spend: spend.to_string(),
                    spend_amount,
                    spend_clause,
                    tiers: c
                        .tiers
                        .iter()
                        .map(|t| {
                            let show_money = |f: &Fen| f.to_string();
                            let (benefit, amount, at_most) = match &t.benefit {
                                Benefit::Subsidy(m) => (BenefitKind::Subsidy, per_meal(m, show_money), DraftPerMeal::default()),
                                Benefit::Pay(m) => (BenefitKind::Pay, per_meal(m, show_money), DraftPerMeal::default()),
                                Benefit::Percent { percent, at_most } => (
                                    BenefitKind::Percent,
                                    per_meal(percent, |n: &u32| n.to_string()),
                                    at_most.as_ref().map(|m| per_meal(m, show_money)).unwrap_or_default(),
                                ),
                            };
                            DraftTier {
                                id: t.id.clone(),
                                name: text(&t.name),
                                when: when(&t.when),
                                benefit,
                                amount,
                                at_most,
                                clause: clause(t.clause),
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
        delivery: v
            .delivery
            .iter()
            .map(|d| DraftDelivery {
                id: d.id.clone(),
                name: text(&d.name),
                when: when(&d.when),
                amount: money(&d.amount),
                paid_to: d.paid_to.map(|p| p.code()).unwrap_or_default().to_string(),
                clause: clause(d.clause),
            })
            .collect(),
        delivery_fee: v.delivery_fee.as_ref().map(|f| DraftDeliveryFee {
            amount: money(&f.amount),
            clause: clause(f.clause),
            free_when: f.free.as_ref().map(|x| draft_condition(&x.when)),
            free_clause: f.free.as_ref().map(|x| clause(x.clause)).unwrap_or_default(),
        }),
        operators: v
            .operator
            .iter()
            .map(|o| DraftOperator {
                id: o.id.clone(),
                name: text(&o.name),
                amount: money(&o.amount),
                per: match o.per {
                    super::model::OperatorPer::Meal => "meal",
                    super::model::OperatorPer::PersonDay => "person_day",
                }
                .to_string(),
                subsidised_diners_only: o.subsidised_diners_only,
                clause: clause(o.clause),
            })
            .collect(),
    }
}

fn case(c: &super::model::Case) -> DraftCase {
    let p = &c.person;
    let (age, birth_date) = match p.age {
        AgeInput::Years(n) => (n.to_string(), String::new()),
        AgeInput::BirthDate(d) => (String::new(), d.to_string()),
    };
    let person = DraftPerson {
        age,
        birth_date,
        care_level: if p.care_level == CareLevel::None { String::new() } else { p.care_level.code().into() },
        disability_grade: if p.disability_grade == 0 { String::new() } else { p.disability_grade.to_string() },
        hardship: if p.hardship == Hardship::None { String::new() } else { p.hardship.code().into() },
        groups: p.groups.iter().map(|g| g.code().to_string()).collect(),
        flags: p.flags.iter().cloned().collect(),
        hukou: if p.hukou == Hukou::Local { String::new() } else { p.hukou.code().into() },
        in_care_home: p.in_care_home,
        area: p.area.map(|a| a.code()).unwrap_or_default().to_string(),
        income: p.income_per_month.map(|f| f.to_string()).unwrap_or_default(),
    };
    let m = &c.meal;
    let meal = DraftMeal {
        date: m.date.to_string(),
        meal: m.kind.code().into(),
        price: m.price.map(|f| f.to_string()).unwrap_or_default(),
        delivery: m.delivery,
        place: if m.place == Place::SameTown { String::new() } else { m.place.code().into() },
    };
    let e = &c.expect;
    let yuan = |f: Option<Fen>| f.map(|f| f.to_string()).unwrap_or_default();
    let expect = DraftExpect {
        eligible: e.eligible,
        subsidy: yuan(e.subsidy),
        pay: yuan(e.pay),
        delivery: yuan(e.delivery),
        delivery_fee: yuan(e.delivery_fee),
        tier: e.tier.clone(),
        version: e.version.clone(),
    };
    DraftCase { name: c.name.clone(), person, meal, expect, why: c.why.clone().unwrap_or_default() }
}
