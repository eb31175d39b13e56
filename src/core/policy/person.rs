//! The person asking and the meal they eat: what a policy's conditions are tested against.
//!
//! [`Person`] is definite: every answer given. [`PersonAnswers`] is what the form collects, where
//! the user may say "not sure"; it expands into every [`Person`] that the answers allow, so the
//! engine can report a range and the question that decides it.
//!
//! Files write a person with the keys of [`PERSON_KEYS`] (a policy file's `[[case]]` person,
//! PERSON.json, a roster CSV's header), and every reader of them follows one income rule,
//! [`income_per_month`].

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::date::Date;
use crate::core::money::Fen;

/// Loss of ability in daily living (失能), as graded by an assessment. Ordered: `None < Mild <
/// Moderate < Severe`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum CareLevel {
    /// 能力完好 / 未失能: no care need.
    #[default]
    None,
    /// 轻度失能
    Mild,
    /// 中度失能
    Moderate,
    /// 重度失能
    Severe,
}

impl CareLevel {
    /// All levels, least to most severe.
    pub const ALL: &'static [CareLevel] = <CareLevel as strum::VariantArray>::VARIANTS;

    /// The identifier used in files (`none`, `mild`, `moderate`, `severe`).
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<CareLevel> {
        CareLevel::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Hardship category (困难类别). A person is in at most one; `Tekun` is 特困 with the support type
/// not given.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Hardship {
    /// None of the categories below.
    #[default]
    None,
    /// 特困人员 (support type not given).
    Tekun,
    /// 特困人员, 分散供养 (living at home).
    TekunDispersed,
    /// 特困人员, 集中供养 (living in a state care institution).
    TekunCentralised,
    /// 最低生活保障 (低保) 对象.
    Dibao,
    /// 低保边缘家庭成员.
    DibaoEdge,
    /// 低收入人口 (a local category, usually income below a multiple of 低保).
    LowIncome,
    /// 支出型困难家庭成员.
    ExpenditureHardship,
}

impl Hardship {
    /// Every category, in the order the form lists them.
    pub const ALL: &'static [Hardship] = <Hardship as strum::VariantArray>::VARIANTS;

    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<Hardship> {
        Hardship::ALL.iter().copied().find(|c| c.code() == code)
    }

    /// Does a person in category `self` belong to category `wanted` as a policy names it?
    /// `tekun` in a policy covers both support types; a person's plain `tekun` does not prove
    /// the narrower `tekun_dispersed`.
    pub fn is_within(self, wanted: Hardship) -> bool {
        self == wanted || (wanted == Hardship::Tekun && matches!(self, Hardship::TekunDispersed | Hardship::TekunCentralised))
    }
}

/// Special groups (特殊困难老年人) that policies single out. A person can be in several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// 独居: living alone.
    LivingAlone,
    /// 空巢: only the couple, no children at home.
    EmptyNest,
    /// 留守: children work away from home.
    LeftBehind,
    /// 孤寡: widowed or single with no children.
    Solitary,
    /// 计划生育特殊家庭: lost their only child, or the only child is severely disabled.
    FamilyPlanningSpecial,
}

impl Group {
    /// Every group, in the order the form lists them.
    pub const ALL: &'static [Group] = <Group as strum::VariantArray>::VARIANTS;

    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<Group> {
        Group::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Registered residence (户籍) relative to the policy's locality.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Hukou {
    /// 本地户籍.
    #[default]
    Local,
    /// 外地户籍 (常住 here, registered elsewhere).
    Nonlocal,
}

impl Hukou {
    /// Both values.
    pub const ALL: &'static [Hukou] = <Hukou as strum::VariantArray>::VARIANTS;

    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<Hukou> {
        Hukou::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Urban or rural residence, for the two local minimum-living standards (城市/农村低保标准).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// 城市
    Urban,
    /// 农村
    Rural,
}

impl Area {
    /// Both values.
    pub const ALL: &'static [Area] = <Area as strum::VariantArray>::VARIANTS;

    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<Area> {
        Area::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// How old the person is: a birth date (exact) or an age in full years (as of the meal's date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeInput {
    /// Date of birth; the age is computed on each meal's date.
    BirthDate(Date),
    /// Age in full years (周岁) on the meal's date.
    Years(u32),
}

impl AgeInput {
    /// Age in full years on `on`; `None` if born after `on`.
    pub fn age_on(self, on: Date) -> Option<u32> {
        match self {
            AgeInput::BirthDate(born) => born.age_on(on),
            AgeInput::Years(years) => Some(years),
        }
    }

    /// The date on which the person reaches `age`, when a birth date is known.
    pub fn date_of_age(self, age: u32) -> Option<Date> {
        match self {
            AgeInput::BirthDate(born) => born.date_of_age(age),
            AgeInput::Years(_) => None,
        }
    }
}

/// A person with every answer given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Birth date or age.
    pub age: AgeInput,
    /// 失能 level.
    pub care_level: CareLevel,
    /// Disability certificate grade: 0 = none, 1 (most severe) – 4.
    pub disability_grade: u8,
    /// Hardship category.
    pub hardship: Hardship,
    /// Special groups.
    pub groups: BTreeSet<Group>,
    /// Policy-defined categories the person belongs to (e.g. `youfu`, `sanshu_wulao`).
    pub flags: BTreeSet<String>,
    /// Registered residence.
    pub hukou: Hukou,
    /// Lives in a care institution (养老机构).
    pub in_care_home: bool,
    /// Urban or rural, where a policy's income test needs it.
    pub area: Option<Area>,
    /// Household income per person per month, where a policy's income test needs it.
    pub income_per_month: Option<Fen>,
}

impl Person {
    /// A person of `age` full years, registered locally, with no other category: the baseline
    /// that tests and examples start from.
    pub fn aged(age: u32) -> Person {
        Person {
            age: AgeInput::Years(age),
            care_level: CareLevel::None,
            disability_grade: 0,
            hardship: Hardship::None,
            groups: BTreeSet::new(),
            flags: BTreeSet::new(),
            hukou: Hukou::Local,
            in_care_home: false,
            area: None,
            income_per_month: None,
        }
    }

    /// Is the person in category `wanted` as a policy names it? As [`Hardship::is_within`],
    /// and a plain `tekun` (support type not given) counts as 分散供养 when the person does not
    /// live in a care home, and as 集中供养 when they do.
    pub fn hardship_within(&self, wanted: Hardship) -> bool {
        self.hardship.is_within(wanted) || (self.hardship == Hardship::Tekun && wanted == self.tekun_support())
    }

    /// The support type a plain `tekun` is counted as: by where the person lives.
    pub fn tekun_support(&self) -> Hardship {
        if self.in_care_home {
            Hardship::TekunCentralised
        } else {
            Hardship::TekunDispersed
        }
    }
}

/// The keys of a person as files write one: a policy file's `[[case]]` person, PERSON.json
/// ([`super::input::PersonJson`]) and a roster CSV's header all take exactly these. `birth_date`
/// or `age`; `income` is household income per person per month in yuan (`1200.5`), `income_fen`
/// the same in fen (`120050`): one of the two, never both ([`income_per_month`]).
pub const PERSON_KEYS: [&str; 12] = [
    "birth_date",
    "age",
    "care_level",
    "disability_grade",
    "hardship",
    "groups",
    "flags",
    "hukou",
    "in_care_home",
    "area",
    "income",
    "income_fen",
];

/// Why an income, as given, cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IncomeProblem {
    /// Both `income` (yuan) and `income_fen` (fen) are given.
    Both,
    /// The amount under this key is negative.
    Negative(&'static str),
}

/// Household income per person per month from the two keys that may give it, the one rule every
/// reader of a person follows: `income` (in yuan, already read into fen) or `income_fen` (in fen),
/// never both, never negative; neither means not given.
///
/// ```
/// use zhucan::core::money::Fen;
/// use zhucan::core::policy::person::income_per_month;
/// assert_eq!(income_per_month(Fen::parse_yuan("1200.5").ok(), None), Ok(Some(Fen(120_050))));
/// assert_eq!(income_per_month(None, Some(120_050)), Ok(Some(Fen(120_050))));
/// ```
pub fn income_per_month(income: Option<Fen>, income_fen: Option<i64>) -> Result<Option<Fen>, IncomeProblem> {
    match (income, income_fen) {
        (Some(_), Some(_)) => Err(IncomeProblem::Both),
        (Some(yuan), None) if yuan.0 < 0 => Err(IncomeProblem::Negative("income")),
        (None, Some(fen)) if fen < 0 => Err(IncomeProblem::Negative("income_fen")),
        (yuan, fen) => Ok(yuan.or(fen.map(Fen))),
    }
}

/// Breakfast, lunch or dinner.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum MealKind {
    /// 早餐
    Breakfast,
    /// 午餐
    #[default]
    Lunch,
    /// 晚餐
    Dinner,
}

impl MealKind {
    /// In the order of the day.
    pub const ALL: &'static [MealKind] = <MealKind as strum::VariantArray>::VARIANTS;

    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<MealKind> {
        MealKind::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Where the meal is eaten relative to the person's registered town and district. Policies paid
/// partly by the town or district lose that part outside it (Guangzhou).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// In one's own town or sub-district (镇街).
    #[default]
    SameTown,
    /// Another town in one's own district (跨镇街).
    SameDistrict,
    /// Another district of one's city (跨区).
    SameCity,
    /// Outside one's city.
    Elsewhere,
}

impl Place {
    /// Nearest first.
    pub const ALL: &'static [Place] = <Place as strum::VariantArray>::VARIANTS;

    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<Place> {
        Place::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// One meal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meal {
    /// The day it is eaten.
    pub date: Date,
    /// Which meal.
    pub kind: MealKind,
    /// What it costs before any subsidy; `None` uses the policy's reference price, if it has one.
    pub price: Option<Fen>,
    /// Delivered to the home (送餐上门).
    pub delivery: bool,
    /// Where it is eaten.
    pub place: Place,
}

impl Meal {
    /// Lunch on `date` at the policy's reference price, eaten in one's own town.
    pub fn lunch(date: Date) -> Meal {
        Meal { date, kind: MealKind::Lunch, price: None, delivery: false, place: Place::SameTown }
    }
}

/// The form's answers, where any category may be "not sure" (`None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonAnswers {
    /// Birth date or age (required).
    pub age: AgeInput,
    /// `None`: not sure.
    pub care_level: Option<CareLevel>,
    /// `None`: not sure.
    pub disability_grade: Option<u8>,
    /// `None`: not sure.
    pub hardship: Option<Hardship>,
    /// Groups the person is sure of.
    pub groups: BTreeSet<Group>,
    /// Groups the person is not sure of.
    pub groups_unsure: BTreeSet<Group>,
    /// Policy categories the person is sure of.
    pub flags: BTreeSet<String>,
    /// Policy categories the person is not sure of.
    pub flags_unsure: BTreeSet<String>,
    /// `None`: not sure.
    pub hukou: Option<Hukou>,
    /// `None`: not sure.
    pub in_care_home: Option<bool>,
    /// Urban or rural, if known.
    pub area: Option<Area>,
    /// Income per person per month, if known: the amount, or the low end of a range.
    pub income_per_month: Option<Fen>,
    /// The high end when the income is given as a range (`income_per_month` is its low end).
    pub income_to: Option<Fen>,
    /// Do the policy's conditions test income? Only then are a range of income and an unanswered
    /// urban / rural open questions (see [`super::income::for_policy`]).
    pub income_tested: bool,
}

/// A question whose answer the user left as "not sure".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum Question {
    /// 失能 level.
    CareLevel,
    /// Disability grade.
    DisabilityGrade,
    /// Hardship category.
    Hardship,
    /// Membership of one special group.
    Group(Group),
    /// Membership of one policy category.
    Flag(String),
    /// Registered residence.
    Hukou,
    /// Living in a care institution.
    InCareHome,
    /// Household income, given as a range: its two ends. The conditions on income are limits
    /// ("at most 150 % of the standard"), so the lowest and the highest figures are among the two
    /// ends'.
    Income {
        /// The low end.
        from: Fen,
        /// The high end.
        to: Fen,
    },
    /// Urban or rural, not answered while an income is given.
    Area,
}

impl PersonAnswers {
    /// Answers that are all definite, from a person.
    pub fn from_person(p: &Person) -> PersonAnswers {
        PersonAnswers {
            age: p.age,
            care_level: Some(p.care_level),
            disability_grade: Some(p.disability_grade),
            hardship: Some(p.hardship),
            groups: p.groups.clone(),
            groups_unsure: BTreeSet::new(),
            flags: p.flags.clone(),
            flags_unsure: BTreeSet::new(),
            hukou: Some(p.hukou),
            in_care_home: Some(p.in_care_home),
            area: p.area,
            income_per_month: p.income_per_month,
            income_to: None,
            income_tested: true,
        }
    }

    /// The questions left as "not sure".
    pub fn open_questions(&self) -> Vec<Question> {
        let mut q = Vec::new();
        if self.care_level.is_none() {
            q.push(Question::CareLevel);
        }
        if self.disability_grade.is_none() {
            q.push(Question::DisabilityGrade);
        }
        if self.hardship.is_none() {
            q.push(Question::Hardship);
        }
        q.extend(self.groups_unsure.iter().filter(|g| !self.groups.contains(g)).map(|g| Question::Group(*g)));
        q.extend(self.flags_unsure.iter().filter(|f| !self.flags.contains(*f)).map(|f| Question::Flag(f.clone())));
        if self.hukou.is_none() {
            q.push(Question::Hukou);
        }
        if self.in_care_home.is_none() {
            q.push(Question::InCareHome);
        }
        if self.income_tested {
            if let (Some(from), Some(to)) = (self.income_per_month, self.income_to) {
                if from != to {
                    q.push(Question::Income { from, to });
                }
            }
            if self.area.is_none() && self.income_per_month.is_some() {
                q.push(Question::Area);
            }
        }
        q
    }

    /// The person with every "not sure" answer set to its first possible value (the least:
    /// no care need, no disability, no hardship, not in the group, local hukou, not in a care home,
    /// the high end of an income range).
    pub fn baseline(&self) -> Person {
        Person {
            age: self.age,
            care_level: self.care_level.unwrap_or_default(),
            disability_grade: self.disability_grade.unwrap_or(0),
            hardship: self.hardship.unwrap_or_default(),
            groups: self.groups.clone(),
            flags: self.flags.clone(),
            hukou: self.hukou.unwrap_or_default(),
            in_care_home: self.in_care_home.unwrap_or(false),
            area: self.area,
            income_per_month: self.income_to.or(self.income_per_month),
        }
    }

    /// The people the baseline becomes when `question` takes each of its possible answers.
    pub fn variants(&self, question: &Question) -> Vec<Person> {
        answer_each(&self.baseline(), question)
    }

    /// Every person the answers allow (the product over all open questions), or `None` when
    /// there would be more than `limit`.
    pub fn completions(&self, limit: usize) -> Option<Vec<Person>> {
        let mut people = vec![self.baseline()];
        for question in self.open_questions() {
            let mut next = Vec::new();
            for person in &people {
                next.extend(answer_each(person, &question));
                if next.len() > limit {
                    return None;
                }
            }
            people = next;
        }
        Some(people)
    }
}

/// `person` with `question` set to each of its possible answers in turn.
pub(crate) fn answer_each(person: &Person, question: &Question) -> Vec<Person> {
    let with = |f: &dyn Fn(&mut Person)| {
        let mut p = person.clone();
        f(&mut p);
        p
    };
    match question {
        Question::CareLevel => CareLevel::ALL.iter().map(|c| with(&|p| p.care_level = *c)).collect(),
        Question::DisabilityGrade => (0..=4u8).map(|g| with(&|p| p.disability_grade = g)).collect(),
        Question::Hardship => Hardship::ALL.iter().map(|h| with(&|p| p.hardship = *h)).collect(),
        Question::Group(g) => vec![
            with(&|p| {
                p.groups.remove(g);
            }),
            with(&|p| {
                p.groups.insert(*g);
            }),
        ],
        Question::Flag(f) => vec![
            with(&|p| {
                p.flags.remove(f);
            }),
            with(&|p| {
                p.flags.insert(f.clone());
            }),
        ],
        Question::Hukou => Hukou::ALL.iter().map(|h| with(&|p| p.hukou = *h)).collect(),
        Question::InCareHome => vec![with(&|p| p.in_care_home = false), with(&|p| p.in_care_home = true)],
        Question::Income { from, to } => vec![with(&|p| p.income_per_month = Some(*from)), with(&|p| p.income_per_month = Some(*to))],
        Question::Area => Area::ALL.iter().map(|a| with(&|p| p.area = Some(*a))).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for &c in CareLevel::ALL {
            assert_eq!(CareLevel::from_code(c.code()), Some(c));
        }
        for &h in Hardship::ALL {
            assert_eq!(Hardship::from_code(h.code()), Some(h));
        }
        for &g in Group::ALL {
            assert_eq!(Group::from_code(g.code()), Some(g));
        }
        for &p in Place::ALL {
            assert_eq!(Place::from_code(p.code()), Some(p));
        }
        for &m in MealKind::ALL {
            assert_eq!(MealKind::from_code(m.code()), Some(m));
        }
        assert_eq!(Hardship::from_code("Dibao"), None);
    }

    #[test]
    fn tekun_in_a_policy_covers_both_support_types() {
        assert!(Hardship::TekunDispersed.is_within(Hardship::Tekun));
        assert!(Hardship::TekunCentralised.is_within(Hardship::Tekun));
        assert!(Hardship::Tekun.is_within(Hardship::Tekun));
        assert!(!Hardship::Tekun.is_within(Hardship::TekunDispersed));
        assert!(!Hardship::Dibao.is_within(Hardship::Tekun));
    }

    #[test]
    fn completions_cover_every_combination_of_open_answers() {
        let mut answers = PersonAnswers::from_person(&Person::aged(75));
        answers.hardship = None;
        answers.care_level = None;
        answers.groups_unsure.insert(Group::LivingAlone);
        assert_eq!(answers.open_questions().len(), 3);
        let people = answers.completions(1000).expect("under the limit");
        assert_eq!(people.len(), Hardship::ALL.len() * CareLevel::ALL.len() * 2);
        let distinct: std::collections::BTreeSet<String> = people.iter().map(|p| format!("{p:?}")).collect();
        assert_eq!(distinct.len(), people.len(), "no person twice");
        assert!(answers.completions(10).is_none(), "limit respected");
    }
}
