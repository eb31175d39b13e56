//! The calculator form: what the user typed (strings, as close to the screen as possible), validated
//! into answers and a meal, with every problem named by field in the user's language.
//!
//! Also the share link: the form encoded into a URL fragment (`#…`), which browsers never send to a
//! server, so a family member can reopen the same calculation without anything leaving the device.
//! The typed text's full-width clean-up and the link's percent codec are the shared ones of
//! [`crate::core::text_input`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::calc::Outcome;
use super::form_words::form_words;
use super::person::{AgeInput, Area, CareLevel, Group, Hardship, Hukou, Meal, MealKind, PersonAnswers, Place};
use super::simulate::MealPlan;
use crate::core::date::Date;
use crate::core::form::{Describe, FieldError};
use crate::core::money::Fen;
use crate::core::sort::set;
use crate::core::text_input::{half_width, percent_decode, percent_encode};
use crate::core::Locale;

/// The value a "not sure" choice has in the form.
pub const UNSURE: &str = "unsure";

/// How the age is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeMode {
    /// Age in full years.
    #[default]
    Age,
    /// Date of birth.
    BirthDate,
}

/// How the household income is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeMode {
    /// One amount (left empty: not given).
    #[default]
    Amount,
    /// A range, lowest to highest.
    Range,
    /// 不清楚: not given.
    Unsure,
}

impl IncomeMode {
    /// Every mode, in the order the form offers them.
    pub const ALL: [IncomeMode; 3] = [IncomeMode::Amount, IncomeMode::Range, IncomeMode::Unsure];

    /// The code used by the form and the share link.
    pub fn code(self) -> &'static str {
        match self {
            IncomeMode::Amount => "amount",
            IncomeMode::Range => "range",
            IncomeMode::Unsure => UNSURE,
        }
    }

    /// Reads a code.
    pub fn from_code(code: &str) -> Option<IncomeMode> {
        IncomeMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// A yes / no / not sure answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// 是
    Yes,
    /// 否
    #[default]
    No,
    /// 不确定
    Unsure,
}

impl Tri {
    /// One-letter code for the share link.
    fn code(self) -> char {
        match self {
            Tri::Yes => 'y',
            Tri::No => 'n',
            Tri::Unsure => 'u',
        }
    }

    fn from_code(c: &str) -> Option<Tri> {
        match c {
            "y" => Some(Tri::Yes),
            "n" => Some(Tri::No),
            "u" => Some(Tri::Unsure),
            _ => None,
        }
    }
}

/// The form as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormInput {
    /// Selected policy id.
    pub policy: String,
    /// Age or birth date.
    pub age_mode: AgeMode,
    /// Age as typed.
    pub age: String,
    /// Birth date as typed.
    pub birth_date: String,
    /// `local`, `nonlocal` or `unsure`.
    pub hukou: String,
    /// A hardship code or `unsure`.
    pub hardship: String,
    /// A care-level code or `unsure`.
    pub care_level: String,
    /// `0`–`4` or `unsure`.
    pub disability_grade: String,
    /// Groups ticked.
    pub groups: BTreeSet<Group>,
    /// Answers about policy-defined categories.
    pub flags: BTreeMap<String, Tri>,
    /// Living in a care institution.
    pub in_care_home: Tri,
    /// How the household income per person per month is given.
    pub income_mode: IncomeMode,
    /// The income as typed, in yuan (an amount, a range typed in one box such as `850-1000`, or
    /// the low end of a range).
    pub income: String,
    /// The high end of a range, as typed.
    pub income_to: String,
    /// `urban`, `rural` or `unsure`.
    pub area: String,
    /// The meal's date as typed.
    pub date: String,
    /// `breakfast`, `lunch` or `dinner`.
    pub meal: String,
    /// Price in yuan as typed (empty: the policy's reference price).
    pub price: String,
    /// Home delivery.
    pub delivery: bool,
    /// A place code.
    pub place: String,
    /// The month plan: days of the week the person eats there (Monday first).
    pub plan_days: [bool; 7],
    /// The month plan: meals eaten on those days.
    pub plan_meals: BTreeSet<MealKind>,
}

impl FormInput {
    /// An empty form for the meal date `today`.
    pub fn new(policy: &str, today: Date) -> FormInput {
        FormInput {
            policy: policy.to_string(),
            age_mode: AgeMode::Age,
            age: String::new(),
            birth_date: String::new(),
            hukou: Hukou::Local.code().into(),
            hardship: Hardship::None.code().into(),
            care_level: CareLevel::None.code().into(),
            disability_grade: "0".into(),
            groups: BTreeSet::new(),
            flags: BTreeMap::new(),
            in_care_home: Tri::No,
            income_mode: IncomeMode::Amount,
            income: String::new(),
            income_to: String::new(),
            area: UNSURE.into(),
            date: today.to_string(),
            meal: MealKind::Lunch.code().into(),
            price: String::new(),
            delivery: false,
            place: Place::SameTown.code().into(),
            plan_days: [true, true, true, true, true, false, false],
            plan_meals: set([MealKind::Lunch]),
        }
    }

    /// Has any of the questions most people can leave as they are (the calculator folds them under
    /// "更多情况（可不填）") been given something other than its default — care need, disability,
    /// special groups, care home, the meal, its price, delivery, place or the month plan? The meal
    /// date is not counted: it starts as today, which a share link may not be.
    pub fn has_extras(&self) -> bool {
        let d = FormInput::new("", Date::MIN);
        self.care_level != d.care_level
            || self.disability_grade != d.disability_grade
            || !self.groups.is_empty()
            || self.in_care_home != d.in_care_home
            || self.meal != d.meal
            || !self.price.trim().is_empty()
            || self.delivery
            || self.place != d.place
            || self.plan_days != d.plan_days
            || self.plan_meals != d.plan_meals
    }

    /// The month plan as a [`MealPlan`] for the meal's price, delivery and place.
    pub fn meal_plan(&self, meal: &Meal) -> MealPlan {
        MealPlan {
            weekdays: self.plan_days,
            meals: self.plan_meals.iter().copied().collect(),
            price: meal.price,
            delivery: meal.delivery,
            place: meal.place,
        }
    }
}

/// A field of the form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "field", content = "id", rename_all = "snake_case")]
pub enum FormField {
    /// Age.
    Age,
    /// Birth date.
    BirthDate,
    /// Registered residence.
    Hukou,
    /// Hardship category.
    Hardship,
    /// Care level.
    CareLevel,
    /// Disability grade.
    DisabilityGrade,
    /// The meal's date.
    Date,
    /// Which meal.
    Meal,
    /// Price.
    Price,
    /// Place.
    Place,
    /// Household income per person per month (the amount, or the low end of a range).
    Income,
    /// The high end of an income range.
    IncomeTo,
    /// Urban or rural.
    Area,
}

impl FormField {
    /// Is this one of the questions folded under "更多情况（可不填）" (so a problem with it must
    /// unfold them)?
    pub fn is_extra(&self) -> bool {
        matches!(
            self,
            FormField::CareLevel | FormField::DisabilityGrade | FormField::Date | FormField::Meal | FormField::Price | FormField::Place
        )
    }

    /// The element id of the field's input (the UI uses these ids, so errors can link to them).
    pub fn input_id(&self) -> &'static str {
        match self {
            FormField::Age => "calc-age",
            FormField::BirthDate => "calc-birth-date",
            FormField::Hukou => "calc-hukou",
            FormField::Hardship => "calc-hardship",
            FormField::CareLevel => "calc-care-level",
            FormField::DisabilityGrade => "calc-disability",
            FormField::Date => "calc-date",
            FormField::Meal => "calc-meal",
            FormField::Price => "calc-price",
            FormField::Place => "calc-place",
            FormField::Income => "calc-income",
            FormField::IncomeTo => "calc-income-to",
            FormField::Area => "calc-area-urban",
        }
    }

    /// The field's label, for error summaries.
    pub fn label(&self, locale: Locale) -> &'static str {
        (form_words(locale).label)(self)
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FormProblem {
    /// Nothing entered where something is needed.
    Missing,
    /// Not a whole number.
    NotAWholeNumber,
    /// A number outside the plausible range.
    OutOfRange {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// Not a date.
    NotADate,
    /// A birth date after the meal's date.
    BornAfterMeal,
    /// Not an amount of money.
    NotAnAmount,
    /// Not one of the offered choices (only from a tampered link).
    UnknownChoice,
}

/// One problem in the form (the one field-error type of [`crate::core::form`]).
pub type FormError = FieldError<FormField, FormProblem>;

impl Describe<FormField> for FormProblem {
    /// The message in `locale`, as shown next to the field.
    fn describe(&self, field: &FormField, locale: Locale) -> String {
        let w = form_words(locale);
        match self {
            FormProblem::Missing => (w.missing)(field).into(),
            FormProblem::NotAWholeNumber => w.not_a_whole_number.into(),
            FormProblem::OutOfRange { min, max } => (w.out_of_range)(*min, *max),
            FormProblem::NotADate => w.not_a_date.into(),
            FormProblem::BornAfterMeal => w.born_after_meal.into(),
            FormProblem::NotAnAmount => w.not_an_amount.into(),
            FormProblem::UnknownChoice => w.unknown_choice.into(),
        }
    }
}

/// Reads a date the way people write it: `1945-03-04`, `1945-3-4`, `1945/3/4`, `1945.3.4`,
/// `19450304`, `1945年3月4日`, with full-width digits too.
///
/// ```
/// use zhucan::core::policy::form::parse_date_loose;
/// let d = parse_date_loose("１９４５年３月４日").unwrap();
/// assert_eq!(d.to_string(), "1945-03-04");
/// ```
pub fn parse_date_loose(text: &str) -> Option<Date> {
    let s = half_width(text);
    let s = s.trim_end_matches('日').replace(['年', '月', '/', '.'], "-");
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{}-{}-{}", &s[0..4], &s[4..6], &s[6..8]).parse().ok();
    }
    s.parse().ok()
}

/// Reads a whole number with an optional unit: `80`, `80岁`, `80周岁`, `８０`.
fn parse_whole(text: &str) -> Result<u32, FormProblem> {
    let s = half_width(text);
    let s = s.trim_end_matches("周岁").trim_end_matches('岁').trim();
    if s.is_empty() {
        return Err(FormProblem::Missing);
    }
    s.parse::<u32>().map_err(|_| FormProblem::NotAWholeNumber)
}

/// Reads a household income as typed in one box: an amount (`900`, `９００元`), or a range
/// (`850-1000`, `850～1000元`, `850到1000`), as (low, high) with the ends in order; `None` when
/// empty.
///
/// ```
/// use zhucan::core::money::Fen;
/// use zhucan::core::policy::form::parse_income;
/// assert_eq!(parse_income("９００元"), Ok(Some((Fen::yuan(900), Fen::yuan(900)))));
/// assert_eq!(parse_income("1000到850"), Ok(Some((Fen::yuan(850), Fen::yuan(1000)))));
/// ```
pub fn parse_income(text: &str) -> Result<Option<(Fen, Fen)>, FormProblem> {
    let s = half_width(text);
    // A separator after the first character (a leading "-" is a minus sign, refused below).
    let split = s.char_indices().skip(1).find(|(_, c)| matches!(c, '-' | '~' | '～' | '〜' | '到' | '至'));
    if let Some((at, sep)) = split {
        let (lo, hi) = (&s[..at], &s[at + sep.len_utf8()..]);
        return match (parse_yuan_loose(lo)?, parse_yuan_loose(hi)?) {
            (Some(a), Some(b)) => Ok(Some((a.min(b), a.max(b)))),
            _ => Err(FormProblem::NotAnAmount),
        };
    }
    Ok(parse_yuan_loose(&s)?.map(|f| (f, f)))
}

/// The income answer: (low, high) or nothing, or the problems of its boxes.
fn read_income(form: &FormInput) -> Result<Option<(Fen, Fen)>, Vec<FormError>> {
    let one = |field: FormField, problem: FormProblem| vec![FormError { field, problem }];
    match form.income_mode {
        IncomeMode::Unsure => Ok(None),
        IncomeMode::Amount => parse_income(&form.income).map_err(|p| one(FormField::Income, p)),
        IncomeMode::Range => {
            let lo = parse_yuan_loose(&form.income);
            let hi = parse_yuan_loose(&form.income_to);
            let mut errors = Vec::new();
            match (&lo, &hi) {
                (Ok(None), Ok(Some(_))) => errors.extend(one(FormField::Income, FormProblem::Missing)),
                (Ok(Some(_)), Ok(None)) => errors.extend(one(FormField::IncomeTo, FormProblem::Missing)),
                _ => {}
            }
            if let Err(p) = &lo {
                errors.extend(one(FormField::Income, p.clone()));
            }
            if let Err(p) = &hi {
                errors.extend(one(FormField::IncomeTo, p.clone()));
            }
            match (lo, hi) {
                (Ok(Some(a)), Ok(Some(b))) => Ok(Some((a.min(b), a.max(b)))),
                (Ok(None), Ok(None)) => Ok(None),
                _ => Err(errors),
            }
        }
    }
}

/// Reads an amount in yuan: `12`, `12.5`, `12元`, `¥12`, `１２`.
pub fn parse_yuan_loose(text: &str) -> Result<Option<Fen>, FormProblem> {
    let s = half_width(text);
    let s = s.trim_start_matches(['¥', '￥']).trim_end_matches('元').trim();
    if s.is_empty() {
        return Ok(None);
    }
    match Fen::parse_yuan(s) {
        Ok(f) if f.0 >= 0 => Ok(Some(f)),
        _ => Err(FormProblem::NotAnAmount),
    }
}

fn choice<T: Copy>(value: &str, all: &[T], code: fn(T) -> &'static str) -> Option<Option<T>> {
    if value == UNSURE {
        return Some(None);
    }
    all.iter().copied().find(|x| code(*x) == value).map(Some)
}

/// Validates the form: the answers (with "not sure" kept open) and the meal, or every problem.
pub fn validate(form: &FormInput) -> Result<(PersonAnswers, Meal), Vec<FormError>> {
    let mut errors = Vec::new();
    let mut fail = |field: FormField, problem: FormProblem| errors.push(FormError { field, problem });

    let date = if form.date.trim().is_empty() {
        fail(FormField::Date, FormProblem::Missing);
        None
    } else {
        let d = parse_date_loose(&form.date);
        if d.is_none() {
            fail(FormField::Date, FormProblem::NotADate);
        }
        d
    };
    let age = match form.age_mode {
        AgeMode::Age => match parse_whole(&form.age) {
            Ok(a) if a <= 130 => Some(AgeInput::Years(a)),
            Ok(_) => {
                fail(FormField::Age, FormProblem::OutOfRange { min: 0, max: 130 });
                None
            }
            Err(p) => {
                fail(FormField::Age, p);
                None
            }
        },
        AgeMode::BirthDate => {
            if form.birth_date.trim().is_empty() {
                fail(FormField::BirthDate, FormProblem::Missing);
                None
            } else {
                match (parse_date_loose(&form.birth_date), date) {
                    (None, _) => {
                        fail(FormField::BirthDate, FormProblem::NotADate);
                        None
                    }
                    (Some(b), Some(d)) if b > d => {
                        fail(FormField::BirthDate, FormProblem::BornAfterMeal);
                        None
                    }
                    (Some(b), _) => Some(AgeInput::BirthDate(b)),
                }
            }
        }
    };
    let hukou = choice(&form.hukou, Hukou::ALL, Hukou::code);
    let hardship = choice(&form.hardship, Hardship::ALL, Hardship::code);
    let care = choice(&form.care_level, CareLevel::ALL, CareLevel::code);
    let grade =
        if form.disability_grade == UNSURE { Some(None) } else { form.disability_grade.parse::<u8>().ok().filter(|g| *g <= 4).map(Some) };
    let meal_kind = MealKind::from_code(&form.meal);
    let place = Place::from_code(&form.place);
    let price = parse_yuan_loose(&form.price);
    let area = choice(&form.area, Area::ALL, Area::code);
    let income = read_income(form);
    for (field, ok) in [
        (FormField::Hukou, hukou.is_some()),
        (FormField::Hardship, hardship.is_some()),
        (FormField::CareLevel, care.is_some()),
        (FormField::DisabilityGrade, grade.is_some()),
        (FormField::Meal, meal_kind.is_some()),
        (FormField::Place, place.is_some()),
        (FormField::Area, area.is_some()),
    ] {
        if !ok {
            fail(field, FormProblem::UnknownChoice);
        }
    }
    if let Err(p) = &price {
        fail(FormField::Price, p.clone());
    }
    if let Err(income_errors) = &income {
        errors.extend(income_errors.iter().cloned());
    }
    let (
        Some(date),
        Some(age),
        Some(hukou),
        Some(hardship),
        Some(care),
        Some(grade),
        Some(kind),
        Some(place),
        Ok(price),
        Some(area),
        Ok(income),
    ) = (date, age, hukou, hardship, care, grade, meal_kind, place, price, area, income)
    else {
        return Err(errors);
    };
    let mut flags = BTreeSet::new();
    let mut flags_unsure = BTreeSet::new();
    for (id, answer) in &form.flags {
        match answer {
            Tri::Yes => {
                flags.insert(id.clone());
            }
            Tri::Unsure => {
                flags_unsure.insert(id.clone());
            }
            Tri::No => {}
        }
    }
    let answers = PersonAnswers {
        age,
        care_level: care,
        disability_grade: grade,
        hardship,
        groups: form.groups.clone(),
        groups_unsure: BTreeSet::new(),
        flags,
        flags_unsure,
        hukou,
        in_care_home: match form.in_care_home {
            Tri::Yes => Some(true),
            Tri::No => Some(false),
            Tri::Unsure => None,
        },
        area,
        income_per_month: income.map(|(lo, _)| lo),
        income_to: income.and_then(|(lo, hi)| (lo != hi).then_some(hi)),
        income_tested: true,
    };
    Ok((answers, Meal { date, kind, price, delivery: form.delivery, place }))
}

/// The problems worth pointing out now, before any policy is involved: every problem, except that
/// an age or birth date not typed yet is not one while the rest is untouched (the calculator's
/// first screen shows no errors).
pub fn problems_to_show(form: &FormInput) -> Vec<FormError> {
    let Err(errors) = validate(form) else { return Vec::new() };
    let untouched = match form.age_mode {
        AgeMode::Age => form.age.trim().is_empty(),
        AgeMode::BirthDate => form.birth_date.trim().is_empty(),
    };
    let only_missing_age =
        errors.iter().all(|e| matches!(e.field, FormField::Age | FormField::BirthDate) && e.problem == FormProblem::Missing);
    if untouched && only_missing_age {
        Vec::new()
    } else {
        errors
    }
}

/// Which fields are being typed, so that their problems wait until the field is left.
///
/// A date is wrong at almost every keystroke on the way to being right ("1944-0" on the way to
/// "1944-05-01"), so a date field's problem is not shown while it is being typed into; it appears
/// when the field is left (or its value committed, the `change` event) or the form is submitted.
/// Once on screen, a problem follows the typing, so the person sees it go as soon as the value is
/// right; the next keystroke that makes the value wrong again is quiet until the field is left.
///
/// ```
/// use zhucan::core::policy::form::{FormError, FormField, FormProblem, Typing};
/// let half = vec![FormError { field: FormField::BirthDate, problem: FormProblem::NotADate }];
/// let mut typing = Typing::default();
/// typing.typed(FormField::BirthDate, &[]);
/// assert_eq!(typing.shown(half.clone()), vec![]);
/// typing.left(&FormField::BirthDate);
/// assert_eq!(typing.shown(half.clone()), half);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Typing {
    quiet: BTreeSet<FormField>,
}

impl Typing {
    /// Is `field` one whose problems wait until it is left? The two dates, and the income box (a
    /// range typed in it, "850-1000", is wrong at "850-"): the other text fields (age, price) are
    /// right at every keystroke on the way to a right value.
    pub fn waits(field: &FormField) -> bool {
        matches!(field, FormField::BirthDate | FormField::Date | FormField::Income)
    }

    /// A keystroke in `field`; `on_screen` are the problems shown before it. A field whose problem
    /// is already on screen keeps it there (updated as it is corrected); otherwise it is typed
    /// quietly.
    pub fn typed(&mut self, field: FormField, on_screen: &[FormError]) {
        if !Self::waits(&field) {
            return;
        }
        if on_screen.iter().any(|e| e.field == field) {
            self.quiet.remove(&field);
        } else {
            self.quiet.insert(field);
        }
    }

    /// The field was left or its value committed: its problems are shown.
    pub fn left(&mut self, field: &FormField) {
        self.quiet.remove(field);
    }

    /// The form was submitted: every problem is shown.
    pub fn submitted(&mut self) {
        self.quiet.clear();
    }

    /// Is `field` being typed quietly (its problems held back)?
    pub fn is_quiet(&self, field: &FormField) -> bool {
        self.quiet.contains(field)
    }

    /// The problems to show now: all but those of fields being typed quietly.
    pub fn shown(&self, errors: Vec<FormError>) -> Vec<FormError> {
        errors.into_iter().filter(|e| !self.quiet.contains(&e.field)).collect()
    }

    /// The calculator's outcome as it is shown now: problems held back while their field is typed,
    /// and nothing (no figure, no problem) when those were the only ones.
    pub fn shown_outcome(&self, outcome: &Outcome) -> Outcome {
        match outcome {
            Outcome::Invalid(errors) => match self.shown(errors.clone()) {
                shown if shown.is_empty() => Outcome::Empty,
                shown => Outcome::Invalid(shown),
            },
            other => other.clone(),
        }
    }
}

// ---- Share link -------------------------------------------------------------------------------

/// The longest fragment decoded; anything longer is ignored (a link is a few hundred bytes).
pub const MAX_FRAGMENT: usize = 4096;

/// Encodes the form as a URL fragment (without the `#`). Only non-default answers are written.
///
/// ```
/// use zhucan::core::policy::form::{decode_fragment, encode_fragment, FormInput};
/// let mut form = FormInput::new("tianjin", "2025-03-04".parse().unwrap());
/// form.age = "82".into();
/// let link = encode_fragment(&form);
/// assert_eq!(decode_fragment(&link, &form.date.parse().unwrap()), Some(form));
/// ```
pub fn encode_fragment(form: &FormInput) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("v", "1".into()), ("p", form.policy.clone())];
    match form.age_mode {
        AgeMode::Age => pairs.push(("a", form.age.clone())),
        AgeMode::BirthDate => pairs.push(("b", form.birth_date.clone())),
    }
    let defaults = FormInput::new("", Date::MIN);
    let mut push_if = |key: &'static str, value: &str, default: &str| {
        if value != default {
            pairs.push((key, value.to_string()));
        }
    };
    push_if("hk", &form.hukou, &defaults.hukou);
    push_if("hs", &form.hardship, &defaults.hardship);
    push_if("cl", &form.care_level, &defaults.care_level);
    push_if("dg", &form.disability_grade, &defaults.disability_grade);
    push_if("ml", &form.meal, &defaults.meal);
    push_if("pr", &form.price, "");
    push_if("pl", &form.place, &defaults.place);
    pairs.push(("d", form.date.clone()));
    if !form.groups.is_empty() {
        let g: Vec<&str> = form.groups.iter().map(|g| g.code()).collect();
        pairs.push(("g", g.join(",")));
    }
    let flags: Vec<String> = form.flags.iter().filter(|(_, t)| **t != Tri::No).map(|(id, t)| format!("{id}:{}", t.code())).collect();
    if !flags.is_empty() {
        pairs.push(("f", flags.join(",")));
    }
    if form.in_care_home != Tri::No {
        pairs.push(("ch", form.in_care_home.code().to_string()));
    }
    push_income(&mut pairs, form, &defaults);
    if form.delivery {
        pairs.push(("dl", "1".into()));
    }
    if form.plan_days != defaults.plan_days {
        pairs.push(("wd", form.plan_days.iter().map(|d| if *d { '1' } else { '0' }).collect()));
    }
    if form.plan_meals != defaults.plan_meals {
        pairs.push(("pm", form.plan_meals.iter().map(|m| m.code()).collect::<Vec<_>>().join(",")));
    }
    pairs.iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect::<Vec<_>>().join("&")
}

/// The income answers of the share link (`im`, `in`, `it`, `ar`), those not at their defaults.
fn push_income(pairs: &mut Vec<(&str, String)>, form: &FormInput, defaults: &FormInput) {
    if form.income_mode != defaults.income_mode {
        pairs.push(("im", form.income_mode.code().into()));
    }
    for (key, value, default) in
        [("in", &form.income, &defaults.income), ("it", &form.income_to, &defaults.income_to), ("ar", &form.area, &defaults.area)]
    {
        if value != default {
            pairs.push((key, value.clone()));
        }
    }
}

/// Decodes a fragment made by [`encode_fragment`] (with or without the leading `#`). Anything
/// unreadable is left at its default; a fragment that is not a zhucan link gives `None`.
pub fn decode_fragment(fragment: &str, today: &Date) -> Option<FormInput> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return None;
    }
    let mut form = FormInput::new("", *today);
    let mut version_ok = false;
    // One field's text is kept to 64 characters; lists (groups, flags, meals) are limited per
    // item, so a link with many of them keeps them all.
    let limited = |s: &str| -> String { s.chars().take(64).collect() };
    for pair in fragment.split('&') {
        let Some((key, raw)) = pair.split_once('=') else { continue };
        let Some(whole) = percent_decode(raw) else { continue };
        let value = if matches!(key, "g" | "f" | "pm") { whole } else { limited(&whole) };
        match key {
            "v" => version_ok = value == "1",
            "p" => form.policy = value,
            "a" => {
                form.age_mode = AgeMode::Age;
                form.age = value;
            }
            "b" => {
                form.age_mode = AgeMode::BirthDate;
                form.birth_date = value;
            }
            "hk" => form.hukou = value,
            "hs" => form.hardship = value,
            "cl" => form.care_level = value,
            "dg" => form.disability_grade = value,
            "ml" => form.meal = value,
            "pr" => form.price = value,
            "pl" => form.place = value,
            "d" => form.date = value,
            "g" => form.groups = set(value.split(',').filter_map(Group::from_code)),
            "f" => {
                for item in value.split(',') {
                    if let Some((id, t)) = item.split_once(':') {
                        if let Some(t) = Tri::from_code(t) {
                            if !id.is_empty() && form.flags.len() < 32 {
                                form.flags.insert(limited(id), t);
                            }
                        }
                    }
                }
            }
            "ch" => form.in_care_home = Tri::from_code(&value).unwrap_or_default(),
            "im" => form.income_mode = IncomeMode::from_code(&value).unwrap_or_default(),
            "in" => form.income = value,
            "it" => form.income_to = value,
            "ar" => form.area = value,
            "dl" => form.delivery = value == "1",
            "wd" if value.len() == 7 && value.bytes().all(|b| b == b'0' || b == b'1') => {
                for (i, b) in value.bytes().enumerate() {
                    form.plan_days[i] = b == b'1';
                }
            }
            "pm" => form.plan_meals = set(value.split(',').filter_map(MealKind::from_code)),
            _ => {}
        }
    }
    version_ok.then_some(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2025-03-04".parse().expect("date")
    }

    #[test]
    fn loose_dates() {
        for text in
            ["1945-03-04", "1945-3-4", "1945/3/4", "1945.3.4", "19450304", "1945年3月4日", "１９４５－０３－０４", " 1945年03月04日 "]
        {
            assert_eq!(parse_date_loose(text).map(|d| d.to_string()).as_deref(), Some("1945-03-04"), "{text:?}");
        }
        for bad in ["", "1945", "45-3-4", "1945-02-30", "yesterday", "1945年3月"] {
            assert_eq!(parse_date_loose(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn loose_amounts_and_ages() {
        assert_eq!(parse_yuan_loose("12元"), Ok(Some(Fen(1200))));
        assert_eq!(parse_yuan_loose("￥10.5"), Ok(Some(Fen(1050))));
        assert_eq!(parse_yuan_loose("１２．５"), Ok(Some(Fen(1250))));
        assert_eq!(parse_yuan_loose(" "), Ok(None));
        assert_eq!(parse_yuan_loose("-3"), Err(FormProblem::NotAnAmount));
        assert_eq!(parse_yuan_loose("twelve"), Err(FormProblem::NotAnAmount));
        assert_eq!(parse_whole("80周岁"), Ok(80));
        assert_eq!(parse_whole("８０岁"), Ok(80));
        assert_eq!(parse_whole(""), Err(FormProblem::Missing));
        assert_eq!(parse_whole("eighty"), Err(FormProblem::NotAWholeNumber));
    }

    #[test]
    fn every_problem_is_reported_by_field() {
        let mut form = FormInput::new("x", today());
        form.age = "200".into();
        form.price = "abc".into();
        form.date = "soon".into();
        form.hardship = "rich".into();
        let errors = validate(&form).expect_err("invalid");
        let fields: Vec<&FormField> = errors.iter().map(|e| &e.field).collect();
        assert_eq!(fields, vec![&FormField::Date, &FormField::Age, &FormField::Hardship, &FormField::Price]);
        assert_eq!(errors[1].problem, FormProblem::OutOfRange { min: 0, max: 130 });
        assert!(errors[0].message(Locale::ZhCn).contains("年-月-日"));
        assert!(errors[0].message(Locale::En).contains("year-month-day"));
    }

    #[test]
    fn birth_after_the_meal_is_refused() {
        let mut form = FormInput::new("x", today());
        form.age_mode = AgeMode::BirthDate;
        form.birth_date = "2030-01-01".into();
        let errors = validate(&form).expect_err("invalid");
        assert_eq!(errors, vec![FormError { field: FormField::BirthDate, problem: FormProblem::BornAfterMeal }]);
    }

    #[test]
    fn unsure_answers_stay_open() {
        let mut form = FormInput::new("x", today());
        form.age = "75".into();
        form.hardship = UNSURE.into();
        form.hukou = UNSURE.into();
        form.flags.insert("youfu".into(), Tri::Unsure);
        form.flags.insert("sanshu_wulao".into(), Tri::Yes);
        let (answers, meal) = validate(&form).expect("valid");
        assert_eq!(answers.hardship, None);
        assert_eq!(answers.hukou, None);
        assert!(answers.flags_unsure.contains("youfu"));
        assert!(answers.flags.contains("sanshu_wulao"));
        assert_eq!(meal.kind, MealKind::Lunch);
        assert_eq!(meal.price, None);
    }

    #[test]
    fn an_untouched_form_has_no_problems_to_show_yet() {
        let mut form = FormInput::new("", today());
        assert_eq!(problems_to_show(&form), vec![]);
        form.age = "eighty".into();
        assert_eq!(problems_to_show(&form), vec![FormError { field: FormField::Age, problem: FormProblem::NotAWholeNumber }]);
        form.age = String::new();
        form.date = "soon".into();
        let fields: Vec<FormField> = problems_to_show(&form).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![FormField::Date, FormField::Age], "with another problem, the missing age counts too");
    }

    #[test]
    fn a_date_being_typed_shows_its_problem_only_once_left() {
        // "1944-0" on the way to "1944-05-01": not a date yet, and nothing said while typing.
        let mut form = FormInput::new("", today());
        form.age_mode = AgeMode::BirthDate;
        let mut typing = Typing::default();
        let mut on_screen = Vec::new();
        for (i, _) in "1944-05-01".char_indices().skip(1) {
            form.birth_date = "1944-05-01"[..i].to_string();
            typing.typed(FormField::BirthDate, &on_screen);
            on_screen = typing.shown(problems_to_show(&form));
            assert_eq!(on_screen, vec![], "{:?} is quiet while typed", form.birth_date);
        }
        form.birth_date = "1944-05-01".into();
        typing.typed(FormField::BirthDate, &on_screen);
        assert_eq!(typing.shown(problems_to_show(&form)), vec![]);
        typing.left(&FormField::BirthDate);
        assert_eq!(typing.shown(problems_to_show(&form)), vec![], "a right date has nothing to show");

        // Left half-typed: the problem appears, and follows the corrections until the date is right.
        let not_a_date = vec![FormError { field: FormField::BirthDate, problem: FormProblem::NotADate }];
        form.birth_date = "1944-0".into();
        typing.typed(FormField::BirthDate, &[]);
        assert_eq!(typing.shown(problems_to_show(&form)), vec![]);
        typing.left(&FormField::BirthDate);
        let on_screen = typing.shown(problems_to_show(&form));
        assert_eq!(on_screen, not_a_date, "shown on leaving the field");
        form.birth_date = "1944-05".into();
        typing.typed(FormField::BirthDate, &on_screen);
        let on_screen = typing.shown(problems_to_show(&form));
        assert_eq!(on_screen, not_a_date, "still wrong, still shown while it is corrected");
        form.birth_date = "1944-05-01".into();
        typing.typed(FormField::BirthDate, &on_screen);
        let on_screen = typing.shown(problems_to_show(&form));
        assert_eq!(on_screen, vec![], "gone as soon as the date is right");
        // Wrong again after being right: quiet again until left.
        form.birth_date = "1944-05-011".into();
        typing.typed(FormField::BirthDate, &on_screen);
        assert_eq!(typing.shown(problems_to_show(&form)), vec![]);
    }

    #[test]
    fn only_the_dates_wait_and_submitting_shows_everything() {
        let mut form = FormInput::new("", today());
        form.age = "eighty".into();
        form.date = "2025-0".into();
        let mut typing = Typing::default();
        typing.typed(FormField::Age, &[]);
        typing.typed(FormField::Date, &[]);
        assert!(!typing.is_quiet(&FormField::Age) && typing.is_quiet(&FormField::Date));
        // The age is not a date: "eighty" is shown at once; the half-typed meal date waits.
        let on_screen = typing.shown(problems_to_show(&form));
        assert_eq!(on_screen, vec![FormError { field: FormField::Age, problem: FormProblem::NotAWholeNumber }]);
        // Leaving another field does not reveal the date being typed.
        typing.left(&FormField::Age);
        assert!(typing.is_quiet(&FormField::Date));
        // Submitting (Enter) shows every problem; typing on in the date then keeps its problem in view.
        typing.submitted();
        let on_screen = typing.shown(problems_to_show(&form));
        let fields: Vec<&FormField> = on_screen.iter().map(|e| &e.field).collect();
        assert_eq!(fields, vec![&FormField::Date, &FormField::Age]);
        form.date = "2025-03".into();
        typing.typed(FormField::Date, &on_screen);
        assert!(!typing.is_quiet(&FormField::Date));
        assert_eq!(typing.shown(problems_to_show(&form)).len(), 2);
    }

    #[test]
    fn the_result_shows_nothing_while_the_only_problem_is_being_typed() {
        let date = FormError { field: FormField::Date, problem: FormProblem::NotADate };
        let age = FormError { field: FormField::Age, problem: FormProblem::NotAWholeNumber };
        let mut typing = Typing::default();
        typing.typed(FormField::Date, &[]);
        assert_eq!(typing.shown_outcome(&Outcome::Invalid(vec![date.clone()])), Outcome::Empty);
        assert_eq!(typing.shown_outcome(&Outcome::Invalid(vec![date.clone(), age.clone()])), Outcome::Invalid(vec![age]));
        assert_eq!(typing.shown_outcome(&Outcome::TooManyUnknowns), Outcome::TooManyUnknowns);
        typing.left(&FormField::Date);
        assert_eq!(typing.shown_outcome(&Outcome::Invalid(vec![date.clone()])), Outcome::Invalid(vec![date]));
    }

    #[test]
    fn extras_are_noticed_so_a_share_link_shows_them() {
        let mut form = FormInput::new("tianjin", today());
        form.age = "85".into();
        form.hardship = "dibao".into();
        form.hukou = "nonlocal".into();
        assert!(!form.has_extras(), "age, hukou and hardship are the main questions");
        form.date = "2025-01-02".into();
        assert!(!form.has_extras(), "the meal date alone does not count");
        for change in [
            |f: &mut FormInput| f.care_level = "moderate".into(),
            |f: &mut FormInput| f.disability_grade = UNSURE.into(),
            |f: &mut FormInput| {
                f.groups.insert(Group::LivingAlone);
            },
            |f: &mut FormInput| f.in_care_home = Tri::Unsure,
            |f: &mut FormInput| f.meal = "dinner".into(),
            |f: &mut FormInput| f.price = "12".into(),
            |f: &mut FormInput| f.delivery = true,
            |f: &mut FormInput| f.place = "same_city".into(),
            |f: &mut FormInput| f.plan_days[5] = true,
            |f: &mut FormInput| {
                f.plan_meals.insert(MealKind::Dinner);
            },
        ] {
            let mut f = form.clone();
            change(&mut f);
            assert!(f.has_extras(), "{f:?}");
        }
        assert!(FormField::Price.is_extra() && FormField::Date.is_extra());
        assert!(!FormField::Age.is_extra() && !FormField::Hardship.is_extra() && !FormField::Hukou.is_extra());
    }

    #[test]
    fn fragments_round_trip() {
        let mut form = FormInput::new("shenzhen-2025", today());
        form.age_mode = AgeMode::BirthDate;
        form.birth_date = "1945年3月4日".into();
        form.hardship = "dibao".into();
        form.groups.insert(Group::LivingAlone);
        form.groups.insert(Group::EmptyNest);
        form.flags.insert("sanshu_wulao".into(), Tri::Unsure);
        form.in_care_home = Tri::Unsure;
        form.price = "12.5".into();
        form.delivery = true;
        form.place = "same_city".into();
        form.plan_days = [true, false, true, false, true, true, false];
        form.plan_meals = BTreeSet::from([MealKind::Lunch, MealKind::Dinner]);
        let link = encode_fragment(&form);
        assert!(link.is_ascii(), "{link}");
        assert!(!link.contains(' ') && !link.contains('#'));
        assert_eq!(decode_fragment(&format!("#{link}"), &today()), Some(form));
    }

    #[test]
    fn hostile_fragments_are_harmless() {
        assert_eq!(decode_fragment("", &today()), None, "not a zhucan link");
        assert_eq!(decode_fragment("#top", &today()), None);
        let long = format!("v=1&a={}", "9".repeat(MAX_FRAGMENT));
        assert_eq!(decode_fragment(&long, &today()), None);
        let odd = decode_fragment("v=1&a=%E4%B8%&p=%3Cscript%3E&g=living_alone,nope&f=x:q,y:y&ch=zz", &today())
            .expect("a zhucan link with bad parts");
        assert_eq!(odd.age, "", "bad percent-encoding is ignored");
        assert_eq!(odd.policy, "<script>", "kept as plain text; the UI only compares it with known ids");
        assert_eq!(odd.groups.len(), 1);
        assert_eq!(odd.flags.len(), 1);
        assert_eq!(odd.in_care_home, Tri::No);
        let huge_value = decode_fragment(&format!("v=1&p={}", "x".repeat(1000)), &today()).expect("link");
        assert_eq!(huge_value.policy.len(), 64, "values are cut to 64 characters");
    }

    /// Found by fuzzing: the 64-character cut applied to a whole list, so a link with all five
    /// groups (67 characters) or several long flags came back without the last ones.
    #[test]
    fn long_lists_survive_a_link() {
        let mut form = FormInput::new("custom", today());
        form.groups = Group::ALL.iter().copied().collect();
        for id in ["veteran_or_martyr_family_member", "model_worker_provincial_level", "retired_village_cadre"] {
            form.flags.insert(id.into(), Tri::Yes);
        }
        let back = decode_fragment(&encode_fragment(&form), &today()).expect("link");
        assert_eq!(back.groups.len(), 5);
        assert_eq!(back.flags.len(), 3);
        assert_eq!(back, form);
        let long_id = format!("v=1&f={}:y", "z".repeat(100));
        let cut = decode_fragment(&long_id, &today()).expect("link");
        assert_eq!(cut.flags.keys().map(|k| k.len()).collect::<Vec<_>>(), vec![64], "each flag id is cut to 64");
    }

    #[test]
    fn income_as_an_amount_a_range_or_not_sure() {
        assert_eq!(parse_income("900"), Ok(Some((Fen::yuan(900), Fen::yuan(900)))));
        assert_eq!(parse_income("９００．５元"), Ok(Some((Fen(90_050), Fen(90_050)))));
        for range in ["850-1000", "850－1000", "850～1000元", "850~1000", "850到1000", "850元至1000元", "1000-850", " ８５０ — １０００ "]
        {
            assert_eq!(parse_income(range), Ok(Some((Fen::yuan(850), Fen::yuan(1000)))), "{range:?}");
        }
        assert_eq!(parse_income(""), Ok(None));
        for bad in ["-900", "850-", "about 900", "850-abc", "9OO"] {
            assert_eq!(parse_income(bad), Err(FormProblem::NotAnAmount), "{bad:?}");
        }

        let mut form = FormInput::new("x", today());
        form.age = "70".into();
        form.income = "900".into();
        form.area = "urban".into();
        let (a, _) = validate(&form).expect("valid");
        assert_eq!((a.income_per_month, a.income_to, a.area), (Some(Fen::yuan(900)), None, Some(Area::Urban)));
        form.income = "850到1000".into();
        let (a, _) = validate(&form).expect("valid");
        assert_eq!((a.income_per_month, a.income_to), (Some(Fen::yuan(850)), Some(Fen::yuan(1000))));

        form.income_mode = IncomeMode::Range;
        form.income = "1000".into();
        form.income_to = "８５０".into();
        let (a, _) = validate(&form).expect("valid");
        assert_eq!((a.income_per_month, a.income_to), (Some(Fen::yuan(850)), Some(Fen::yuan(1000))), "ends put in order");
        form.income_to = String::new();
        assert_eq!(
            validate(&form).expect_err("half a range"),
            vec![FormError { field: FormField::IncomeTo, problem: FormProblem::Missing }]
        );
        form.income = String::new();
        assert_eq!(validate(&form).map(|(a, _)| a.income_per_month), Ok(None), "an empty range is no answer");
        form.income_to = "lots".into();
        let errors = validate(&form).expect_err("bad");
        assert_eq!(errors, vec![FormError { field: FormField::IncomeTo, problem: FormProblem::NotAnAmount }]);

        form.income_mode = IncomeMode::Unsure;
        assert_eq!(validate(&form).map(|(a, _)| a.income_per_month), Ok(None), "not sure: whatever was typed is not used");
        form.area = "suburb".into();
        assert_eq!(validate(&form).expect_err("bad area"), vec![FormError { field: FormField::Area, problem: FormProblem::UnknownChoice }]);
        form.area = UNSURE.into();
        assert_eq!(validate(&form).map(|(a, _)| a.area), Ok(None));
    }

    #[test]
    fn an_income_range_typed_in_one_box_waits_like_a_date() {
        let mut form = FormInput::new("", today());
        form.age = "70".into();
        form.income = "850-".into();
        let mut typing = Typing::default();
        typing.typed(FormField::Income, &[]);
        assert_eq!(typing.shown(problems_to_show(&form)), vec![]);
        typing.left(&FormField::Income);
        assert_eq!(typing.shown(problems_to_show(&form)), vec![FormError { field: FormField::Income, problem: FormProblem::NotAnAmount }]);
        assert!(!FormField::Income.is_extra() && !FormField::Area.is_extra());
    }

    #[test]
    fn income_answers_survive_a_link() {
        let mut form = FormInput::new("income-test", today());
        form.age = "70".into();
        form.income_mode = IncomeMode::Range;
        form.income = "850".into();
        form.income_to = "1000元".into();
        form.area = "rural".into();
        let link = encode_fragment(&form);
        assert!(link.contains("im=range") && link.contains("ar=rural"), "{link}");
        assert_eq!(decode_fragment(&link, &today()), Some(form.clone()));
        let plain = FormInput::new("income-test", today());
        let link = encode_fragment(&plain);
        assert!(!link.contains("im=") && !link.contains("in=") && !link.contains("ar="), "defaults are not written: {link}");
        let odd = decode_fragment("v=1&im=lots&ar=%3Cb%3E", &today()).expect("link");
        assert_eq!(odd.income_mode, IncomeMode::Amount);
        assert_eq!(odd.area, "<b>", "kept as text; validate refuses it as an unknown choice");
    }
}
