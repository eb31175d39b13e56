//! A validated policy: what [`super::load::parse_policy`] produces and the engine reads.
//!
//! Every figure carries the index of the clause (quoted text + source) it comes from. References
//! between parts (clause → source, condition → category) are resolved and checked at load time, so
//! the engine never meets a dangling id.

use serde::Serialize;

use super::condition::Condition;
use super::person::{MealKind, Person, Place};
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::Locale;

/// Text in both languages. Files may give only Chinese; English then repeats it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The same words for both languages (names, ids).
    pub fn same(s: &str) -> Text {
        Text { zh: s.to_string(), en: s.to_string() }
    }

    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.zh,
            Locale::En => &self.en,
        }
    }
}

/// How sure the collectors are of a source (from `docs/policy-sources.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Confidence {
    /// Official government page, or two independent reposts agreeing.
    High,
    /// One reputable news repost.
    Medium,
    /// An unattributed repost or a single canteen.
    Low,
}

/// A document a figure comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Id used by clauses.
    pub id: String,
    /// Document title.
    pub title: String,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Document number (文号).
    pub number: Option<String>,
    /// Date issued or published.
    pub date: Option<Date>,
    /// Where it was read.
    pub url: Option<String>,
    /// How sure we are of it.
    pub confidence: Option<Confidence>,
    /// Anything else a reader should know (repost, date unverified …).
    pub note: Option<Text>,
}

/// A quoted clause of a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// Id used by rules.
    pub id: String,
    /// Index into [`Policy::sources`].
    pub source: usize,
    /// The words of the document.
    pub text: String,
    /// `false` when the text is a summary of the source, not its exact words.
    pub verbatim: bool,
    /// Explanation (e.g. how a figure was derived from the clause).
    pub note: Option<Text>,
}

/// Index into [`Policy::clauses`].
pub type ClauseRef = usize;

/// A value that changes on given dates: `(from, value)` pairs sorted by date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dated<T>(pub Vec<(Date, T)>);

impl<T> Dated<T> {
    /// One value for all dates.
    pub fn always(value: T) -> Dated<T> {
        Dated(vec![(Date::MIN, value)])
    }

    /// The value in force on `on`, if any.
    pub fn at(&self, on: Date) -> Option<&T> {
        self.0.iter().rev().find(|(from, _)| *from <= on).map(|(_, v)| v)
    }

    /// The first value.
    pub fn first(&self) -> Option<&T> {
        self.0.first().map(|(_, v)| v)
    }
}

/// An amount that may differ by meal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PerMeal<T> {
    /// Breakfast.
    pub breakfast: Option<T>,
    /// Lunch.
    pub lunch: Option<T>,
    /// Dinner.
    pub dinner: Option<T>,
}

impl<T> PerMeal<T> {
    /// The same value for every meal.
    pub fn all(value: T) -> PerMeal<T>
    where
        T: Clone,
    {
        PerMeal { breakfast: Some(value.clone()), lunch: Some(value.clone()), dinner: Some(value) }
    }

    /// The value for a meal.
    pub fn get(&self, kind: MealKind) -> Option<&T> {
        match kind {
            MealKind::Breakfast => self.breakfast.as_ref(),
            MealKind::Lunch => self.lunch.as_ref(),
            MealKind::Dinner => self.dinner.as_ref(),
        }
    }
}

/// How a tier states its benefit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Benefit {
    /// A subsidy per meal.
    Subsidy(PerMeal<Dated<Fen>>),
    /// The price the person pays; the subsidy is the meal price minus this.
    Pay(PerMeal<Dated<Fen>>),
    /// A percentage of the meal price ("七五折" is 25), with an optional ceiling per meal
    /// ("最高5元"): the subsidy is the percentage of the price, but never more than the ceiling.
    Percent {
        /// The percentage, per meal.
        percent: PerMeal<Dated<u32>>,
        /// The most it gives per meal (`percent_at_most` in the file), if the clause sets one.
        at_most: Option<PerMeal<Dated<Fen>>>,
    },
}

/// A condition on the meal's price for a component to pay at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpendRule {
    /// Paid only when the price is strictly above this (Beijing: "超过").
    Above(Fen),
    /// Paid only when the price is at least this ("满15元").
    AtLeast(Fen),
}

/// Which government level pays a component; the part is lost when the meal is eaten outside
/// that level's area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingLevel {
    /// 市 (city): lost outside the city.
    City,
    /// 区/县 (district): lost outside one's district.
    District,
    /// 镇/街 (town or sub-district): lost outside one's town.
    Town,
}

impl FundingLevel {
    /// Is the part paid for a meal eaten at `place`?
    pub fn pays_at(self, place: Place) -> bool {
        match self {
            FundingLevel::City => place != Place::Elsewhere,
            FundingLevel::District => matches!(place, Place::SameTown | Place::SameDistrict),
            FundingLevel::Town => place == Place::SameTown,
        }
    }

    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        match self {
            FundingLevel::City => "city",
            FundingLevel::District => "district",
            FundingLevel::Town => "town",
        }
    }
}

/// How a component picks among its matching tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Select {
    /// The matching tier that gives the most for this meal; on a tie, the first in file order
    /// (a later tier replaces the chosen one only when it gives strictly more).
    Best,
    /// The first matching tier in file order (priority order).
    First,
}

/// One band of a component: who, and how much.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tier {
    /// Stable id (shown in the CLI's `tier`).
    pub id: String,
    /// Name shown to users.
    pub name: Text,
    /// Who is in the tier.
    pub when: Condition,
    /// What they get.
    pub benefit: Benefit,
    /// The clause it comes from.
    pub clause: ClauseRef,
}

/// Part of a subsidy. Components add up ("可与基本助餐补贴兼得"); inside one, tiers are exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Component {
    /// Stable id.
    pub id: String,
    /// Name shown to users.
    pub name: Text,
    /// The level that pays it, if the policy splits by level.
    pub level: Option<FundingLevel>,
    /// The clause that says the part is lost outside the level's area ("跨区就餐不能享受区级补贴").
    pub level_clause: Option<ClauseRef>,
    /// How tiers are chosen.
    pub select: Select,
    /// Paid only when the meal price meets this.
    pub spend_rule: Option<(SpendRule, ClauseRef)>,
    /// The tiers.
    pub tiers: Vec<Tier>,
}

/// Limits on how many meals, and how much money, are subsidised.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Caps {
    /// Meals per day.
    pub per_day: Option<(Dated<u32>, ClauseRef)>,
    /// Meals per natural week (Monday–Sunday), unused ones not carried over.
    pub per_week: Option<(Dated<u32>, ClauseRef)>,
    /// Meals per calendar month.
    pub per_month: Option<(Dated<u32>, ClauseRef)>,
    /// Subsidy money per natural week (Monday–Sunday); the meal that crosses it gets what is left.
    pub money_per_week: Option<(Dated<Fen>, ClauseRef)>,
    /// Subsidy money per calendar month ("每人每月最多150元"); the meal that crosses it gets what
    /// is left.
    pub money_per_month: Option<(Dated<Fen>, ClauseRef)>,
}

/// Who receives a delivery subsidy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaidTo {
    /// Paid to the delivery provider (送餐机构).
    Provider,
    /// Paid to (or deducted for) the older person.
    Person,
}

impl PaidTo {
    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        match self {
            PaidTo::Provider => "provider",
            PaidTo::Person => "person",
        }
    }
}

/// What a version's `from` says when the source does not state the start date.
pub const UNKNOWN_START: &str = "unknown";

/// A home-delivery (送餐上门) subsidy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delivery {
    /// Stable id.
    pub id: String,
    /// Name shown to users.
    pub name: Text,
    /// Who qualifies.
    pub when: Condition,
    /// Amount per delivery.
    pub amount: Dated<Fen>,
    /// Who receives it (`None`: the source does not say).
    pub paid_to: Option<PaidTo>,
    /// The clause it comes from.
    pub clause: ClauseRef,
}

/// The fee a person pays per home delivery ("上门送餐费为2元，由服务对象个人自付"), and who
/// has it free ("免费享受送餐上门服务").
///
/// What the person pays for one delivery: nothing when `free` holds for them (and they pass the
/// version's eligibility); otherwise the fee less any delivery subsidy paid to the provider for
/// them ("对送餐机构补贴，超出部分由服务对象自付"), never below zero.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeliveryFee {
    /// The fee per delivery.
    pub amount: Dated<Fen>,
    /// The clause that sets the fee and says the person pays it.
    pub clause: ClauseRef,
    /// Who has delivery free, and the clause that says so.
    pub free: Option<FreeDelivery>,
}

/// Groups for whom delivery is free.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FreeDelivery {
    /// Who has it free.
    pub when: Condition,
    /// The clause that says so.
    pub clause: ClauseRef,
}

/// What an operator subsidy is counted per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OperatorPer {
    /// Per subsidised meal (人次).
    Meal,
    /// Per person per day (人/天).
    PersonDay,
}

/// A subsidy paid to the canteen, not the person (for planners' cost estimates).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OperatorSubsidy {
    /// Stable id.
    pub id: String,
    /// Name shown to users.
    pub name: Text,
    /// Amount.
    pub amount: Dated<Fen>,
    /// Counted per meal or per person-day.
    pub per: OperatorPer,
    /// Only for diners who get a meal subsidy (true), or for all diners.
    pub subsidised_diners_only: bool,
    /// The clause it comes from.
    pub clause: ClauseRef,
}

/// A rule with its clause: a condition on who may receive anything at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    /// The condition.
    pub when: Condition,
    /// Where it comes from.
    pub clause: ClauseRef,
}

/// One dated version of a policy: the complete rules in force from `from` to `until`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Version {
    /// Stable id (the CLI's `version`).
    pub id: String,
    /// Name shown to users.
    pub label: Text,
    /// First day in force; `None` when the source does not state it (`from = "unknown"` in the
    /// file, allowed for the first version only): it is then in force on every day before the
    /// next version starts (and up to `until`, if given).
    pub from: Option<Date>,
    /// Where the start date comes from.
    pub from_clause: Option<ClauseRef>,
    /// Last day in force (inclusive), if it has a sunset.
    pub until: Option<Date>,
    /// What is known or unknown about the dates (e.g. "有效期两年；具体日期未找到").
    pub dates_note: Option<Text>,
    /// Meals that can be subsidised, with their clause.
    pub meals: (Vec<MealKind>, Option<ClauseRef>),
    /// Only on working days (official calendar), with its clause.
    pub workdays_only: Option<ClauseRef>,
    /// The standard meal price the policy is stated against.
    pub reference_price: Option<(Dated<Fen>, ClauseRef)>,
    /// Who may receive anything.
    pub eligibility: Option<Eligibility>,
    /// The parts of the subsidy.
    pub components: Vec<Component>,
    /// Meal limits.
    pub caps: Caps,
    /// Home-delivery subsidies (the best matching one applies).
    pub delivery: Vec<Delivery>,
    /// The fee the person pays per delivery, if the policy states one.
    pub delivery_fee: Option<DeliveryFee>,
    /// Subsidies to the canteen.
    pub operator: Vec<OperatorSubsidy>,
    /// Local minimum-living standards (城市, 农村) per person per month, with their clause.
    pub dibao: Option<DibaoLines>,
    /// Hardship categories this version defines by household income (`[[version.income]]`).
    pub income: Vec<IncomeDefinition>,
    /// Things the sources leave open, shown to users.
    pub notes: Vec<Text>,
}

/// A place's minimum-living standards (城市, 农村), each dated, and the clause that sets them.
pub type DibaoLines = (Option<Dated<Fen>>, Option<Dated<Fen>>, ClauseRef);

/// A hardship category that a policy defines by household income per person per month, as a
/// share of the local minimum-living standard ("低保边缘家庭：人均收入不超过低保标准1.5倍"). Only
/// what the clause says: the calculator never assumes a multiple a file does not give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IncomeDefinition {
    /// The category (`dibao`, `dibao_edge` or `low_income`).
    pub hardship: super::person::Hardship,
    /// The limit as a percentage of the standard for the household's area (150 = 1.5 times).
    pub percent: u32,
    /// `true`: income strictly below the limit ("低于"); `false`: at most the limit ("不超过").
    pub below: bool,
    /// The clause that defines it.
    pub clause: ClauseRef,
}

impl Version {
    /// Is this version in force on `on`, taken alone? A version whose start is unknown is in
    /// force on every day up to its `until`; [`Policy::version_on`] lets a later version take
    /// over from its start.
    pub fn in_force(&self, on: Date) -> bool {
        self.from.is_none_or(|f| f <= on) && self.until.is_none_or(|u| on <= u)
    }
}

/// A policy-defined category the form asks about (e.g. 优抚对象, 三属五老).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Category {
    /// Id used in conditions (`flag = "..."`) and in `Person::flags`.
    pub id: String,
    /// Name shown to users.
    pub name: Text,
    /// A plain-words explanation shown beside the question.
    pub explain: Option<Text>,
}

/// What a test case expects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Expect {
    /// Expected `eligible`.
    pub eligible: Option<bool>,
    /// Expected subsidy for the meal.
    pub subsidy: Option<Fen>,
    /// Expected amount the person pays.
    pub pay: Option<Fen>,
    /// Expected delivery subsidy.
    pub delivery: Option<Fen>,
    /// Expected delivery fee the person pays (included in `pay`).
    pub delivery_fee: Option<Fen>,
    /// Expected tier id(s), joined with `+` in component order; `""` for none.
    pub tier: Option<String>,
    /// Expected version id.
    pub version: Option<String>,
}

/// A hand-computed example that the policy must reproduce before its amounts are shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Case {
    /// What the case is about.
    pub name: String,
    /// The person.
    #[serde(skip)]
    pub person: Person,
    /// The meal.
    #[serde(skip)]
    pub meal: super::person::Meal,
    /// The expected result.
    pub expect: Expect,
    /// The hand calculation, from the quoted clause.
    pub why: Option<String>,
    /// Line of the case in the file.
    pub line: usize,
}

/// A complete, validated policy file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// Stable id (file name stem for presets).
    pub id: String,
    /// Name shown to users.
    pub name: Text,
    /// The area it covers.
    pub region: Text,
    /// One-paragraph summary in plain words.
    pub summary: Option<Text>,
    /// Policy-defined categories.
    pub categories: Vec<Category>,
    /// Documents.
    pub sources: Vec<Source>,
    /// Quoted clauses.
    pub clauses: Vec<Clause>,
    /// Dated versions, earliest first, not overlapping.
    pub versions: Vec<Version>,
    /// Things the sources leave open for the whole policy.
    pub gaps: Vec<Text>,
    /// Hand-computed test cases.
    pub cases: Vec<Case>,
}

impl Policy {
    /// The version in force on `on`. Dated versions never overlap (the loader refuses it); a
    /// first version whose start is unknown is in force until the next one starts, so the latest
    /// version in force wins.
    pub fn version_on(&self, on: Date) -> Option<&Version> {
        self.versions.iter().rev().find(|v| v.in_force(on))
    }

    /// A version by id.
    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// The start of the version after `version` (by id), if there is one: the day a version
    /// whose own start is unknown gives way.
    pub fn next_start(&self, id: &str) -> Option<Date> {
        let i = self.versions.iter().position(|v| v.id == id)?;
        self.versions.get(i + 1).and_then(|v| v.from)
    }

    /// A clause by reference.
    pub fn clause(&self, r: ClauseRef) -> Option<&Clause> {
        self.clauses.get(r)
    }

    /// The source of a clause.
    pub fn source_of(&self, r: ClauseRef) -> Option<&Source> {
        self.clauses.get(r).and_then(|c| self.sources.get(c.source))
    }

    /// A category by id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}
