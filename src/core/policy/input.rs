//! People and meals as the CLI and batch files give them (JSON objects, roster CSV rows): raw
//! input validated into [`Person`] and [`Meal`], with errors that name the field.
//!
//! A person's keys are those of a policy file's `[[case]]` person
//! ([`PERSON_KEYS`](super::person::PERSON_KEYS)), with the same income rule
//! ([`income_per_month`]): `income` in yuan or `income_fen` in fen, not both.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use super::input_words::input_words;
use super::person::{income_per_month, AgeInput, Area, CareLevel, Group, Hardship, Hukou, IncomeProblem, Meal, MealKind, Person, Place};
use crate::core::date::{Date, DateError};
use crate::core::form;
use crate::core::money::{Fen, MoneyError};
use crate::core::Locale;

/// What is wrong with one field of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// Not a date (`YYYY-MM-DD`), or not a real day.
    Date(DateError),
    /// An age over 150.
    ImplausibleAge(u32),
    /// Both a birth date and an age.
    AgeAndBirthDate,
    /// Neither a birth date nor an age.
    NoAge,
    /// Not one of the codes allowed.
    NotOneOf {
        /// The codes allowed.
        allowed: Vec<&'static str>,
        /// What was found (trimmed).
        found: String,
    },
    /// A disability grade over 4.
    GradeOutOfRange(u8),
    /// A disability grade that is not a number from 0 to 4 (roster CSV).
    NotAGrade(String),
    /// Empty or longer than 64 bytes: not a category id.
    NotACategoryId(String),
    /// A category (flag) the policy does not define: a misspelling would otherwise be ignored.
    UnknownCategory {
        /// What was given.
        found: String,
        /// The policy's category ids.
        allowed: Vec<String>,
    },
    /// A negative amount.
    Negative,
    /// A price outside 0 – 100000000 fen.
    PriceOutOfRange(i64),
    /// Not a whole number (roster CSV).
    NotAWholeNumber(String),
    /// Not true or false (roster CSV).
    NotABool(String),
    /// Not a whole number of fen (roster CSV).
    NotFen(String),
    /// Not an amount in yuan (`income`).
    Money(MoneyError),
    /// Both `income` (yuan) and `income_fen` (fen).
    IncomeInBothUnits,
    /// A birth date after the meal's date.
    BornAfterMeal {
        /// The birth date.
        birth: Date,
        /// The meal's date.
        meal: Date,
    },
}

impl FieldProblem {
    /// What is wrong, in `locale`, without the field.
    pub fn message(&self, locale: Locale) -> String {
        (input_words(locale).problem)(self)
    }
}

/// In English, as the command line prints it.
impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// A problem with one field of the input (the one field-error type of [`crate::core::form`]).
pub type FieldError = form::FieldError<String, FieldProblem>;

impl form::Describe<String> for FieldProblem {
    /// The message in `locale`, with the field: `` field `age`: must not be negative ``.
    fn describe(&self, field: &String, locale: Locale) -> String {
        (input_words(locale).field)(field, &self.message(locale))
    }
}

/// In English, as the command line prints it.
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for FieldError {}

fn field_error(field: &str, problem: FieldProblem) -> FieldError {
    FieldError { field: field.to_string(), problem }
}

/// A person as written in PERSON.json (every field optional except age or birth date): the keys
/// of [`PERSON_KEYS`](super::person::PERSON_KEYS), as a policy file's `[[case]]` person has
/// them.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonJson {
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// Full years.
    pub age: Option<u32>,
    /// `none|mild|moderate|severe`.
    pub care_level: Option<String>,
    /// 0–4.
    pub disability_grade: Option<u8>,
    /// `none|tekun|tekun_dispersed|tekun_centralised|dibao|dibao_edge|low_income|expenditure_hardship`.
    pub hardship: Option<String>,
    /// Group codes.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Policy category ids.
    #[serde(default)]
    pub flags: Vec<String>,
    /// `local|nonlocal`.
    pub hukou: Option<String>,
    /// Lives in a care institution.
    pub in_care_home: Option<bool>,
    /// `urban|rural`.
    pub area: Option<String>,
    /// Household income per person per month, in yuan (`1200.5` or `"1200.50"`); or give
    /// `income_fen`.
    pub income: Option<YuanText>,
    /// Household income per person per month, in fen (`120050`); or give `income`.
    pub income_fen: Option<i64>,
}

/// An amount in yuan as a file writes it, read later with [`Fen::parse_yuan`]: a JSON number
/// (`1200`, `1200.5`) or a string (`"1200.50"`); a roster CSV cell as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YuanText(pub String);

impl<'de> Deserialize<'de> for YuanText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<YuanText, D::Error> {
        struct Amount;
        impl Visitor<'_> for Amount {
            type Value = YuanText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount in yuan (a number or a string)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<YuanText, E> {
                Ok(YuanText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<YuanText, E> {
                Ok(YuanText(v.to_string()))
            }
            // The shortest text that reads back as the same number: 1200.5 is "1200.5".
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<YuanText, E> {
                Ok(YuanText(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<YuanText, E> {
                Ok(YuanText(v.to_string()))
            }
        }
        deserializer.deserialize_any(Amount)
    }
}

fn one_of<T: Copy>(field: &str, value: &str, all: &[T], code: fn(T) -> &'static str) -> Result<T, FieldError> {
    let v = value.trim();
    all.iter().copied().find(|x| code(*x) == v).ok_or_else(|| {
        let allowed = all.iter().map(|x| code(*x)).collect();
        field_error(field, FieldProblem::NotOneOf { allowed, found: v.to_string() })
    })
}

impl PersonJson {
    /// Validates into a person; every problem is reported.
    pub fn validate(&self) -> Result<Person, Vec<FieldError>> {
        let mut errors = Vec::new();
        let age = match (&self.birth_date, self.age) {
            (Some(b), None) => match b.parse::<Date>() {
                Ok(d) => Some(AgeInput::BirthDate(d)),
                Err(e) => {
                    errors.push(field_error("birth_date", FieldProblem::Date(e)));
                    None
                }
            },
            (None, Some(a)) if a <= 150 => Some(AgeInput::Years(a)),
            (None, Some(a)) => {
                errors.push(field_error("age", FieldProblem::ImplausibleAge(a)));
                None
            }
            (Some(_), Some(_)) => {
                errors.push(field_error("age", FieldProblem::AgeAndBirthDate));
                None
            }
            (None, None) => {
                errors.push(field_error("birth_date", FieldProblem::NoAge));
                None
            }
        };
        let mut p = Person::aged(0);
        let mut take = |r: Result<(), FieldError>| {
            if let Err(e) = r {
                errors.push(e);
            }
        };
        if let Some(c) = &self.care_level {
            take(one_of("care_level", c, CareLevel::ALL, CareLevel::code).map(|v| p.care_level = v));
        }
        if let Some(g) = self.disability_grade {
            if g <= 4 {
                p.disability_grade = g;
            } else {
                take(Err(field_error("disability_grade", FieldProblem::GradeOutOfRange(g))));
            }
        }
        if let Some(h) = &self.hardship {
            take(one_of("hardship", h, Hardship::ALL, Hardship::code).map(|v| p.hardship = v));
        }
        let mut groups = BTreeSet::new();
        for g in &self.groups {
            take(one_of("groups", g, Group::ALL, Group::code).map(|v| {
                groups.insert(v);
            }));
        }
        p.groups = groups;
        for f in &self.flags {
            let f = f.trim();
            if f.is_empty() || f.len() > 64 {
                take(Err(field_error("flags", FieldProblem::NotACategoryId(f.to_string()))));
            } else {
                p.flags.insert(f.to_string());
            }
        }
        if let Some(h) = &self.hukou {
            take(one_of("hukou", h, Hukou::ALL, Hukou::code).map(|v| p.hukou = v));
        }
        p.in_care_home = self.in_care_home.unwrap_or(false);
        if let Some(a) = &self.area {
            take(one_of("area", a, Area::ALL, Area::code).map(|v| p.area = Some(v)));
        }
        // `income` in yuan or `income_fen` in fen (not both), as in a policy file's cases.
        let yuan = self.income.as_ref().and_then(|y| match Fen::parse_yuan(&y.0) {
            Ok(fen) => Some(fen),
            Err(e) => {
                take(Err(field_error("income", FieldProblem::Money(e))));
                None
            }
        });
        match income_per_month(yuan, self.income_fen) {
            Ok(income) => p.income_per_month = income,
            Err(IncomeProblem::Negative(key)) => take(Err(field_error(key, FieldProblem::Negative))),
            Err(IncomeProblem::Both) => take(Err(field_error("income", FieldProblem::IncomeInBothUnits))),
        }
        match (age, errors.is_empty()) {
            (Some(age), true) => {
                p.age = age;
                Ok(p)
            }
            _ => Err(errors),
        }
    }
}

/// A meal as written in MEAL.json.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MealJson {
    /// `YYYY-MM-DD` (default: the caller's today).
    pub date: Option<String>,
    /// `breakfast|lunch|dinner` (default lunch).
    pub meal: Option<String>,
    /// Price in fen (default: the policy's reference price).
    pub price_fen: Option<i64>,
    /// Home delivery (default false).
    pub delivery: Option<bool>,
    /// `same_town|same_district|same_city|elsewhere` (default same_town).
    pub place: Option<String>,
}

impl MealJson {
    /// Validates into a meal, using `today` when no date is given.
    pub fn validate(&self, today: Date) -> Result<Meal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = match &self.date {
            Some(d) => d.parse::<Date>().map_err(|e| errors.push(field_error("date", FieldProblem::Date(e)))).ok(),
            None => Some(today),
        };
        let kind = match &self.meal {
            Some(m) => one_of("meal", m, MealKind::ALL, MealKind::code).map_err(|e| errors.push(e)).ok(),
            None => Some(MealKind::Lunch),
        };
        let price = match self.price_fen {
            Some(p) if (0..=100_000_000).contains(&p) => Some(Fen(p)),
            Some(p) => {
                errors.push(field_error("price_fen", FieldProblem::PriceOutOfRange(p)));
                None
            }
            None => None,
        };
        let place = match &self.place {
            Some(p) => one_of("place", p, Place::ALL, Place::code).map_err(|e| errors.push(e)).ok(),
            None => Some(Place::SameTown),
        };
        match (date, kind, place) {
            (Some(date), Some(kind), Some(place)) if errors.is_empty() => {
                Ok(Meal { date, kind, price, delivery: self.delivery.unwrap_or(false), place })
            }
            _ => Err(errors),
        }
    }
}

/// Reads a roster CSV row (header names as in PERSON.json; `groups` and `flags` separated by `;`
/// or `|`; `in_care_home` as true/false/1/0/是/否) into a [`PersonJson`].
pub fn person_from_row(headers: &[String], row: &[String]) -> Result<PersonJson, Vec<FieldError>> {
    let mut p = PersonJson::default();
    let mut errors = Vec::new();
    for (h, v) in headers.iter().zip(row) {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        let list = || v.split([';', '|']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        match h.trim() {
            "birth_date" => p.birth_date = Some(v.to_string()),
            "age" => match v.parse() {
                Ok(a) => p.age = Some(a),
                Err(_) => errors.push(field_error("age", FieldProblem::NotAWholeNumber(v.to_string()))),
            },
            "care_level" => p.care_level = Some(v.to_string()),
            "disability_grade" => match v.parse() {
                Ok(g) => p.disability_grade = Some(g),
                Err(_) => errors.push(field_error("disability_grade", FieldProblem::NotAGrade(v.to_string()))),
            },
            "hardship" => p.hardship = Some(v.to_string()),
            "groups" => p.groups = list(),
            "flags" => p.flags = list(),
            "hukou" => p.hukou = Some(v.to_string()),
            "in_care_home" => match v.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "是" => p.in_care_home = Some(true),
                "false" | "0" | "no" | "否" => p.in_care_home = Some(false),
                _ => errors.push(field_error("in_care_home", FieldProblem::NotABool(v.to_string()))),
            },
            "area" => p.area = Some(v.to_string()),
            "income" => p.income = Some(YuanText(v.to_string())),
            "income_fen" => match v.parse() {
                Ok(i) => p.income_fen = Some(i),
                Err(_) => errors.push(field_error("income_fen", FieldProblem::NotFen(v.to_string()))),
            },
            _ => {} // other columns (id, name …) are carried through by the caller
        }
    }
    if errors.is_empty() {
        Ok(p)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_json_reports_every_bad_field() {
        let raw: PersonJson = serde_json::from_str(
            r#"{"birth_date": "1944-13-01", "care_level": "medium", "hardship": "poor", "groups": ["alone"], "hukou": "here"}"#,
        )
        .expect("well-formed JSON");
        let errors = raw.validate().expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["birth_date", "care_level", "hardship", "groups", "hukou"]);
        assert!(errors[1].problem.to_string().contains("none, mild, moderate, severe"));
    }

    #[test]
    fn person_json_accepts_the_documented_shape() {
        let raw: PersonJson = serde_json::from_str(
            r#"{"birth_date": "1944-05-01", "care_level": "moderate", "disability_grade": 2, "hardship": "dibao",
                "groups": ["living_alone", "empty_nest"], "flags": ["youfu"], "hukou": "nonlocal", "in_care_home": false}"#,
        )
        .expect("well-formed JSON");
        let p = raw.validate().expect("valid");
        assert_eq!(p.care_level, CareLevel::Moderate);
        assert_eq!(p.hardship, Hardship::Dibao);
        assert_eq!(p.groups.len(), 2);
        assert_eq!(p.hukou, Hukou::Nonlocal);
        assert!(p.flags.contains("youfu"));
    }

    #[test]
    fn unknown_json_fields_are_refused() {
        let err = serde_json::from_str::<PersonJson>(r#"{"age": 80, "hukuo": "local"}"#).expect_err("typo");
        assert!(err.to_string().contains("hukuo"));
    }

    #[test]
    fn meal_defaults_and_errors() {
        let today: Date = "2025-03-04".parse().expect("date");
        let m = MealJson::default().validate(today).expect("defaults");
        assert_eq!((m.date, m.kind, m.price, m.delivery, m.place), (today, MealKind::Lunch, None, false, Place::SameTown));
        let bad = MealJson { meal: Some("supper".into()), price_fen: Some(-5), ..MealJson::default() };
        let errors = bad.validate(today).expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["meal", "price_fen"]);
    }

    #[test]
    fn roster_rows_split_lists_and_name_bad_fields() {
        let headers: Vec<String> = ["id", "age", "groups", "in_care_home"].iter().map(|s| s.to_string()).collect();
        let row: Vec<String> = ["7", "81", "living_alone; empty_nest", "否"].iter().map(|s| s.to_string()).collect();
        let p = person_from_row(&headers, &row).expect("valid row");
        assert_eq!(p.groups, vec!["living_alone", "empty_nest"]);
        assert_eq!(p.in_care_home, Some(false));
        let bad: Vec<String> = ["8", "eighty", "", "maybe"].iter().map(|s| s.to_string()).collect();
        let errors = person_from_row(&headers, &bad).expect_err("invalid");
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), vec!["age", "in_care_home"]);
    }

    /// A policy file's case with this person (Guangzhou's preset has the category `youfu`).
    fn case_person(person: &str) -> Result<Person, Vec<crate::core::policy::PolicyError>> {
        let text = format!(
            "{}\n[[case]]\nname = \"x\"\nperson = {person}\nmeal = {{ date = 2025-03-04 }}\nexpect = {{ subsidy = 0 }}\n",
            include_str!("../../../static/policies/guangzhou-2020.toml")
        );
        let policy = crate::core::policy::parse_policy(&text)?;
        Ok(policy.cases.last().expect("the case added").person.clone())
    }

    fn json_person(json: &str) -> Result<Person, Vec<FieldError>> {
        serde_json::from_str::<PersonJson>(json).expect("well-formed JSON").validate()
    }

    #[test]
    fn income_in_yuan_or_in_fen_is_the_same_person_in_a_policy_file_and_in_json() {
        // 1200.5 yuan = 120050 fen, whichever way and wherever it is written.
        let toml_common = r#"birth_date = 1944-05-01, care_level = "moderate", disability_grade = 2, hardship = "dibao",
            groups = ["living_alone", "empty_nest"], flags = ["youfu"], hukou = "nonlocal", in_care_home = false, area = "rural""#;
        let json_common = r#""birth_date": "1944-05-01", "care_level": "moderate", "disability_grade": 2, "hardship": "dibao",
            "groups": ["living_alone", "empty_nest"], "flags": ["youfu"], "hukou": "nonlocal", "in_care_home": false, "area": "rural""#;
        let expected = Person {
            age: AgeInput::BirthDate("1944-05-01".parse().expect("date")),
            care_level: CareLevel::Moderate,
            disability_grade: 2,
            hardship: Hardship::Dibao,
            groups: [Group::LivingAlone, Group::EmptyNest].into_iter().collect(),
            flags: ["youfu".to_string()].into_iter().collect(),
            hukou: Hukou::Nonlocal,
            in_care_home: false,
            area: Some(Area::Rural),
            income_per_month: Some(Fen(120_050)),
        };
        for income in ["income = 1200.5", "income = \"1200.50\"", "income_fen = 120050"] {
            let p = case_person(&format!("{{ {toml_common}, {income} }}")).unwrap_or_else(|e| panic!("{income}: {e:?}"));
            assert_eq!(p, expected, "policy file, {income}");
        }
        for income in [r#""income": 1200.5"#, r#""income": "1200.50""#, r#""income_fen": 120050"#] {
            let p = json_person(&format!("{{ {json_common}, {income} }}")).unwrap_or_else(|e| panic!("{income}: {e:?}"));
            assert_eq!(p, expected, "PERSON.json, {income}");
        }
        // A roster row, both spellings: 918 yuan = 91800 fen.
        let headers: Vec<String> = ["age", "income", "income_fen"].iter().map(|s| s.to_string()).collect();
        for row in [["70", "918", ""], ["70", "", "91800"]] {
            let row: Vec<String> = row.iter().map(|s| s.to_string()).collect();
            let p = person_from_row(&headers, &row).expect("valid row").validate().expect("valid person");
            assert_eq!(p.income_per_month, Some(Fen(91_800)), "{row:?}");
        }
    }

    #[test]
    fn income_is_given_once_and_never_negative() {
        let fields = |json: &str| -> Vec<(String, FieldProblem)> {
            json_person(json).expect_err("invalid").into_iter().map(|e| (e.field, e.problem)).collect()
        };
        assert_eq!(fields(r#"{"age": 70, "income": 918, "income_fen": 91800}"#), vec![("income".into(), FieldProblem::IncomeInBothUnits)]);
        assert_eq!(fields(r#"{"age": 70, "income": -5}"#), vec![("income".into(), FieldProblem::Negative)]);
        assert_eq!(fields(r#"{"age": 70, "income_fen": -5}"#), vec![("income_fen".into(), FieldProblem::Negative)]);
        assert_eq!(
            fields(r#"{"age": 70, "income": "12.345"}"#),
            vec![("income".into(), FieldProblem::Money(MoneyError::TooPrecise("12.345".into())))]
        );
        assert_eq!(
            fields(r#"{"age": 70, "income": "lots"}"#),
            vec![("income".into(), FieldProblem::Money(MoneyError::NotANumber("lots".into())))]
        );
        // In a policy file: both is one problem at the person; a negative amount is a bad value.
        use crate::core::policy::error::{ErrorKind, Expected};
        let errors = case_person("{ age = 70, income = 918, income_fen = 91800 }").expect_err("both");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].path.ends_with("].person"), "{}", errors[0].path);
        assert_eq!(errors[0].kind, ErrorKind::ExactlyOne { keys: vec!["income", "income_fen"] });
        let errors = case_person("{ age = 70, income_fen = -5 }").expect_err("negative");
        assert_eq!(
            errors.iter().map(|e| &e.kind).collect::<Vec<_>>(),
            vec![&ErrorKind::BadValue { expected: Expected::Integer { min: 0, max: 100_000_000 }, found: "-5".into() }]
        );
    }

    #[test]
    fn json_takes_every_key_a_policy_file_s_person_takes() {
        use crate::core::policy::person::PERSON_KEYS;
        for key in PERSON_KEYS {
            let value = match key {
                "birth_date" => r#""1944-05-01""#,
                "age" => "80",
                "care_level" => r#""mild""#,
                "disability_grade" => "2",
                "hardship" => r#""dibao""#,
                "groups" => r#"["living_alone"]"#,
                "flags" => r#"["youfu"]"#,
                "hukou" => r#""local""#,
                "in_care_home" => "true",
                "area" => r#""urban""#,
                "income" => "918",
                "income_fen" => "91800",
                other => panic!("no sample value for {other}"),
            };
            let age = if matches!(key, "age" | "birth_date") { String::new() } else { r#""age": 80, "#.to_string() };
            let json = format!("{{ {age}\"{key}\": {value} }}");
            json_person(&json).unwrap_or_else(|e| panic!("{json}: {e:?}"));
        }
    }
}
