//! `zhucan subsidy`: one person's subsidy for one meal, as JSON; or a roster CSV, one row each.

use std::process::ExitCode;

use serde_json::{json, Value};
use zhucan::core::calendar::Calendar;
use zhucan::core::date::Date;
use zhucan::core::policy::explain::{hint_text, note_text, step_text, version_notes};
use zhucan::core::policy::income::{self, Figures};
use zhucan::core::policy::input::{person_from_row, FieldError, FieldProblem, MealJson, PersonJson};
use zhucan::core::policy::words::money_cap_lines;
use zhucan::core::policy::{assess, assess_figures, simulate_month, Assessment, Meal, MealKind, MealPlan, Person, PersonAnswers, Policy};
use zhucan::core::Locale;

use crate::common::{load_policy, read_text, today};
use crate::words::words;

// Help texts: `words` (`help_subsidy_*`).
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long)]
    policy: String,
    #[arg(long, required_unless_present = "people", conflicts_with = "people")]
    person: Option<String>,
    #[arg(long)]
    people: Option<String>,
    #[arg(long)]
    meal: Option<String>,
    #[arg(long)]
    on: Option<String>,
    #[arg(long)]
    month: bool,
    #[arg(long, default_value = "mon,tue,wed,thu,fri")]
    weekdays: String,
    #[arg(long, default_value = "lunch")]
    meals: String,
    #[arg(long, requires = "people")]
    summary: bool,
}

fn parse_plan(args: &Args, meal: &Meal, locale: Locale) -> Result<MealPlan, String> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let w = words(locale);
    let mut weekdays = [false; 7];
    for d in args.weekdays.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        let i = DAYS.iter().position(|x| *x == d).ok_or_else(|| (w.bad_weekday)(d, &DAYS))?;
        weekdays[i] = true;
    }
    let mut meals = Vec::new();
    for m in args.meals.split(',').map(str::trim).filter(|m| !m.is_empty()) {
        meals.push(MealKind::from_code(m).ok_or_else(|| (w.bad_meal)(m))?);
    }
    meals.sort();
    meals.dedup();
    Ok(MealPlan { weekdays, meals, price: meal.price, delivery: meal.delivery, place: meal.place })
}

/// One field's problem in words.
fn field_text(e: &FieldError, locale: Locale) -> String {
    (words(locale).field_problem)(&e.field, &e.problem.message(locale))
}

fn field_errors(file: &str, errors: &[FieldError], locale: Locale) -> String {
    errors.iter().map(|e| (words(locale).in_file)(file, &field_text(e, locale))).collect::<Vec<_>>().join("\n")
}

fn read_meal(args: &Args, locale: Locale) -> Result<Meal, String> {
    let w = words(locale);
    let on = match &args.on {
        Some(d) => Some(d.parse::<Date>().map_err(|e| (w.bad_on)(&e.message(locale)))?),
        None => None,
    };
    let raw: MealJson = match &args.meal {
        Some(path) => serde_json::from_str(&read_text(path, locale)?).map_err(|e| (w.in_file)(path, &e.to_string()))?,
        None => MealJson::default(),
    };
    let file = args.meal.as_deref().unwrap_or(w.no_meal_file);
    let mut meal = raw.validate(today()).map_err(|e| field_errors(file, &e, locale))?;
    if let Some(on) = on {
        meal.date = on;
    }
    Ok(meal)
}

pub fn run(args: Args, locale: Locale) -> Result<ExitCode, String> {
    let w = words(locale);
    let policy = load_policy(&args.policy, locale)?;
    let meal = read_meal(&args, locale)?;
    if let Some(roster) = &args.people {
        if args.summary {
            let plan = parse_plan(&args, &meal, locale)?;
            return run_summary(&policy, roster, &meal, &plan, locale);
        }
        return run_roster(&policy, roster, &meal, locale);
    }
    let path = args.person.as_deref().unwrap_or_default();
    let raw: PersonJson = serde_json::from_str(&read_text(path, locale)?).map_err(|e| (w.in_file)(path, &e.to_string()))?;
    let person = raw.validate().map_err(|e| field_errors(path, &e, locale))?;
    check_against(&person, &meal, &policy).map_err(|e| field_errors(path, &[e], locale))?;
    let a = assess(&policy, &person, &meal, Calendar::builtin());
    let mut out = report(&policy, &a, locale);
    if let Some(income) = income_json(&policy, &person, &meal, locale) {
        out["income"] = income;
    }
    if args.month {
        let plan = parse_plan(&args, &meal, locale)?;
        let m = simulate_month(&policy, &person, &plan, meal.date.year(), meal.date.month(), Calendar::builtin());
        out["month"] = json!({
            "year": m.year,
            "month": m.month,
            "subsidised_meals": m.subsidised_meals,
            "total_subsidy_fen": m.total_subsidy.0,
            "total_pay_fen": m.total_pay.0,
            "entitlement_fen": m.entitlement.0,
            "unused_fen": m.unused.0,
            "money_caps": money_cap_lines(&m.money_caps, locale)
                .into_iter()
                .map(|(text, clause)| json!({"text": text, "clause": clause_json(&policy, Some(clause))}))
                .collect::<Vec<_>>(),
        });
    }
    println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}

/// What can only be checked with the meal and the policy: a birth date after the meal, and a
/// category (flag) the policy does not define — a misspelt flag must not be silently ignored (a
/// policy's own `[[case]]` refuses it too).
fn check_against(person: &Person, meal: &Meal, policy: &Policy) -> Result<(), FieldError> {
    if let zhucan::core::policy::AgeInput::BirthDate(b) = person.age {
        if b > meal.date {
            return Err(FieldError { field: "birth_date".into(), problem: FieldProblem::BornAfterMeal { birth: b, meal: meal.date } });
        }
    }
    match person.flags.iter().find(|f| !policy.categories.iter().any(|c| &c.id == *f)) {
        Some(found) => Err(FieldError {
            field: "flags".into(),
            problem: FieldProblem::UnknownCategory {
                found: found.clone(),
                allowed: policy.categories.iter().map(|c| c.id.clone()).collect(),
            },
        }),
        None => Ok(()),
    }
}

fn clause_json(policy: &Policy, clause: Option<usize>) -> Value {
    let Some(c) = clause.and_then(|i| policy.clause(i)) else { return Value::Null };
    let source = &policy.sources[c.source];
    json!({
        "id": c.id,
        "text": c.text,
        "verbatim": c.verbatim,
        "source": {
            "title": source.title,
            "number": source.number,
            "date": source.date.map(|d| d.to_string()),
            "url": source.url,
        },
    })
}

/// What the person's household income suggests (never a recognition), with the figures with and
/// without recognition: `null` fields when nothing is suggested; absent when no income is given.
fn income_json(policy: &Policy, person: &Person, meal: &Meal, locale: Locale) -> Option<Value> {
    let answers = income::for_policy(policy, PersonAnswers::from_person(person));
    let c = income::check(policy, &answers, meal, Calendar::builtin())?;
    let text = income::income_text(&c, locale);
    // A person from a file has every answer, so each figure is one amount.
    let figures = |f: &Figures| json!({ "subsidy_fen": f.subsidy.0 .0, "pay_fen": f.pay.map(|(p, _)| p.0) });
    let suggestions: Vec<Value> = c
        .areas
        .iter()
        .flat_map(|a| {
            a.suggestions.iter().map(move |s| {
                json!({
                    "hardship": s.limit.hardship.code(),
                    "likelihood": s.likelihood,
                    "area": a.area.code(),
                    "standard_fen": s.limit.standard.0,
                    "percent": s.limit.percent,
                    "below": s.limit.below,
                    "limit_fen": s.limit.limit.0,
                    "clause": clause_json(policy, Some(s.limit.clause)),
                })
            })
        })
        .collect();
    Some(json!({
        "income_fen": c.income.0 .0,
        "area": c.area.map(|a| a.code()),
        "standards": c.areas.iter().map(|a| json!({ "area": a.area.code(), "standard_fen": a.standard.map(|s| s.0) })).collect::<Vec<_>>(),
        "defined": c.defined.iter().map(|h| h.code()).collect::<Vec<_>>(),
        "suggestions": suggestions,
        "without": c.recognition.as_ref().map(|r| figures(&r.without)),
        "with": c.recognition.as_ref().map(|r| r.with.iter().map(|(h, f)| {
            let mut v = figures(f);
            v["hardship"] = json!(h.code());
            v
        }).collect::<Vec<_>>()),
        "text": text.lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>(),
        "figures_text": text.figures.iter().map(|(label, value)| json!([label, value])).collect::<Vec<_>>(),
        "note": text.note,
    }))
}

/// The JSON the CLI prints for one assessment.
fn report(policy: &Policy, a: &Assessment, locale: Locale) -> Value {
    let trace: Vec<Value> = a
        .steps
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(&s.kind).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut v {
                map.retain(|k, _| k == "step");
                map.insert("text".into(), Value::String(step_text(s, policy, locale)));
                map.insert("clause".into(), clause_json(policy, s.clause));
            }
            v
        })
        .collect();
    json!({
        "policy": policy.id,
        "version": a.version,
        "date": a.date.to_string(),
        "meal": a.meal.code(),
        "eligible": a.eligible,
        "price_fen": a.price.map(|f| f.0),
        "subsidy_fen": a.subsidy.0,
        "pay_fen": a.pay.map(|f| f.0),
        "delivery_subsidy_fen": a.delivery_subsidy.0,
        "delivery_paid_to": a.delivery_paid_to,
        "delivery_fee_fen": a.delivery_fee.0,
        "delivery_fee_payer": a.delivery_fee_payer,
        "operator_subsidy_per_meal_fen": a.operator_per_meal.0,
        "operator_subsidy_per_day_fen": a.operator_per_day.0,
        "tier": a.tier,
        "limits": {
            "meals": a.limits.meals.iter().map(|m| m.code()).collect::<Vec<_>>(),
            "workdays_only": a.limits.workdays_only,
            "per_day": a.limits.per_day,
            "per_week": a.limits.per_week,
            "per_month": a.limits.per_month,
            "max_day_fen": a.limits.max_day.0,
            "max_week_fen": a.limits.max_week.0,
            "max_month_fen": a.limits.max_month.0,
        },
        "trace": trace,
        "why_not": a.hints.iter().map(|h| json!({"text": hint_text(h, policy, locale), "clause": clause_json(policy, h.clause)})).collect::<Vec<_>>(),
        "notes": a.notes.iter().map(|n| note_text(n, locale)).collect::<Vec<_>>(),
        "version_notes": version_notes(a, policy).iter().map(|n| n.get(locale)).collect::<Vec<_>>(),
    })
}

/// Reads a roster CSV row by row: `each(line, id, person)`, where `id` is the row's `id` or `name`
/// column (else its line number) and `person` is the checked person or the row's problems joined
/// (also reported on standard error). Unreadable rows are reported and skipped. Returns how many
/// rows were bad.
fn for_each_person(
    path: &str,
    policy: &Policy,
    meal: &Meal,
    locale: Locale,
    mut each: impl FnMut(usize, String, Result<Person, String>),
) -> Result<usize, String> {
    let w = words(locale);
    let text = read_text(path, locale)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().map_err(|e| (w.in_file)(path, &e.to_string()))?.iter().map(str::to_string).collect();
    let id_col = headers.iter().position(|h| h == "id" || h == "name");
    let mut bad = 0usize;
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let row: Vec<String> = match record {
            Ok(r) => r.iter().map(str::to_string).collect(),
            Err(e) => {
                bad += 1;
                eprintln!("{}", (w.at_line)(path, line, &e.to_string()));
                continue;
            }
        };
        let id = id_col.and_then(|c| row.get(c).cloned()).unwrap_or_else(|| line.to_string());
        let person = person_from_row(&headers, &row)
            .and_then(|raw| raw.validate())
            .and_then(|p| check_against(&p, meal, policy).map(|()| p).map_err(|e| vec![e]))
            .map_err(|errors| {
                bad += 1;
                let message = (w.join_problems)(&errors.iter().map(|e| field_text(e, locale)).collect::<Vec<_>>());
                eprintln!("{}", (w.at_line)(path, line, &message));
                message
            });
        each(line, id, person);
    }
    Ok(bad)
}

fn run_roster(policy: &Policy, path: &str, meal: &Meal, locale: Locale) -> Result<ExitCode, String> {
    let mut out = csv::Writer::from_writer(std::io::stdout());
    let header = ["line", "id", "eligible", "subsidy_fen", "pay_fen", "delivery_subsidy_fen", "tier", "version", "error"];
    out.write_record(header).map_err(|e| e.to_string())?;
    let mut written = Ok(());
    let bad = for_each_person(path, policy, meal, locale, |line, id, person| {
        let fields = match person {
            Ok(p) => {
                let a = assess_figures(policy, &p, meal, Calendar::builtin());
                vec![
                    line.to_string(),
                    id,
                    a.eligible.to_string(),
                    a.subsidy.0.to_string(),
                    a.pay.map(|f| f.0.to_string()).unwrap_or_default(),
                    a.delivery_subsidy.0.to_string(),
                    a.tier.unwrap_or_default(),
                    a.version.unwrap_or_default(),
                    String::new(),
                ]
            }
            Err(message) => vec![
                line.to_string(),
                id,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                message,
            ],
        };
        if written.is_ok() {
            written = out.write_record(&fields);
        }
    })?;
    written.map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Reads a roster into people (bad rows reported on standard error and counted).
fn read_roster(path: &str, policy: &Policy, meal: &Meal, locale: Locale) -> Result<(Vec<Person>, usize), String> {
    let mut people = Vec::new();
    let bad = for_each_person(path, policy, meal, locale, |_, _, person| people.extend(person.ok()))?;
    Ok((people, bad))
}

/// The month's subsidy for a whole roster, by category: the same month simulator as everywhere.
fn run_summary(policy: &Policy, path: &str, meal: &Meal, plan: &MealPlan, locale: Locale) -> Result<ExitCode, String> {
    use std::collections::BTreeMap;
    let (people, bad) = read_roster(path, policy, meal, locale)?;
    let (year, month) = (meal.date.year(), meal.date.month());
    let mut total = 0i64;
    let mut eligible = 0usize;
    let mut by_hardship: BTreeMap<&str, (usize, i64)> = BTreeMap::new();
    let mut by_age: BTreeMap<&str, (usize, i64)> = BTreeMap::new();
    let mut by_care: BTreeMap<&str, (usize, i64)> = BTreeMap::new();
    for p in &people {
        let m = simulate_month(policy, p, plan, year, month, Calendar::builtin());
        let fen = m.total_subsidy.0;
        total += fen;
        if fen > 0 {
            eligible += 1;
        }
        let age = p.age.age_on(meal.date).unwrap_or(0);
        let band = match age {
            0..=59 => "under_60",
            60..=64 => "60_64",
            65..=69 => "65_69",
            70..=79 => "70_79",
            80..=99 => "80_99",
            _ => "100_plus",
        };
        for (map, key) in [(&mut by_hardship, p.hardship.code()), (&mut by_age, band), (&mut by_care, p.care_level.code())] {
            let e = map.entry(key).or_insert((0, 0));
            e.0 += 1;
            e.1 += fen;
        }
    }
    let table = |m: &BTreeMap<&str, (usize, i64)>| -> Value {
        m.iter().map(|(k, (n, f))| ((*k).to_string(), json!({"people": n, "subsidy_fen": f}))).collect::<serde_json::Map<_, _>>().into()
    };
    let out = json!({
        "policy": policy.id,
        "year": year,
        "month": month,
        "people": people.len(),
        "bad_rows": bad,
        "people_with_subsidy": eligible,
        "total_subsidy_fen": total,
        "by_hardship": table(&by_hardship),
        "by_age": table(&by_age),
        "by_care_level": table(&by_care),
    });
    println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
