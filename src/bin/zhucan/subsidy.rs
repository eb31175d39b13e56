//! `zhucan subsidy`: one person's subsidy for one meal, as JSON; or a roster CSV, one row each.

use std::process::ExitCode;

use serde_json::{json, Value};
use zhucan::core::calendar::Calendar;
use zhucan::core::date::Date;
use zhucan::core::policy::explain::{hint_text, note_text, step_text};
use zhucan::core::policy::input::{person_from_row, FieldError, MealJson, PersonJson};
use zhucan::core::policy::{assess, assess_figures, simulate_month, Assessment, Meal, MealKind, MealPlan, Person, Policy};
use zhucan::core::Locale;

use crate::common::{load_policy, read_text, today};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A policy file, or a preset id (shenzhen-2025, guangzhou-2020, beijing-2022, tianjin, dandong-2024).
    #[arg(long)]
    policy: String,
    /// PERSON.json: {"birth_date": "1944-05-01", "care_level": "none", "hardship": "dibao", …}.
    #[arg(long, required_unless_present = "people", conflicts_with = "people")]
    person: Option<String>,
    /// A roster CSV with one person per row (same column names as PERSON.json); writes CSV.
    #[arg(long)]
    people: Option<String>,
    /// MEAL.json: {"date": "2025-03-04", "meal": "lunch", "price_fen": 1200, "delivery": false, "place": "same_town"}.
    #[arg(long)]
    meal: Option<String>,
    /// The meal's date, YYYY-MM-DD (overrides MEAL.json's date; default today).
    #[arg(long)]
    on: Option<String>,
    /// Also simulate the meal date's month under a meal plan (see --weekdays, --meals).
    #[arg(long)]
    month: bool,
    /// Days eaten, for --month: comma-separated mon,tue,wed,thu,fri,sat,sun.
    #[arg(long, default_value = "mon,tue,wed,thu,fri")]
    weekdays: String,
    /// Meals eaten on those days, for --month: comma-separated breakfast,lunch,dinner.
    #[arg(long, default_value = "lunch")]
    meals: String,
}

fn parse_plan(args: &Args, meal: &Meal) -> Result<MealPlan, String> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut weekdays = [false; 7];
    for d in args.weekdays.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        let i = DAYS.iter().position(|x| *x == d).ok_or_else(|| format!("--weekdays: {d:?} is not one of {}", DAYS.join(",")))?;
        weekdays[i] = true;
    }
    let mut meals = Vec::new();
    for m in args.meals.split(',').map(str::trim).filter(|m| !m.is_empty()) {
        meals.push(MealKind::from_code(m).ok_or_else(|| format!("--meals: {m:?} is not breakfast, lunch or dinner"))?);
    }
    meals.sort();
    meals.dedup();
    Ok(MealPlan { weekdays, meals, price: meal.price, delivery: meal.delivery, place: meal.place })
}

fn field_errors(file: &str, errors: &[FieldError]) -> String {
    errors.iter().map(|e| format!("{file}: {e}")).collect::<Vec<_>>().join("\n")
}

fn read_meal(args: &Args) -> Result<Meal, String> {
    let on = match &args.on {
        Some(d) => Some(d.parse::<Date>().map_err(|e| format!("--on: {e}"))?),
        None => None,
    };
    let raw: MealJson = match &args.meal {
        Some(path) => serde_json::from_str(&read_text(path)?).map_err(|e| format!("{path}: {e}"))?,
        None => MealJson::default(),
    };
    let file = args.meal.as_deref().unwrap_or("meal");
    let mut meal = raw.validate(today()).map_err(|e| field_errors(file, &e))?;
    if let Some(on) = on {
        meal.date = on;
    }
    Ok(meal)
}

pub fn run(args: Args, locale: Locale) -> Result<ExitCode, String> {
    let policy = load_policy(&args.policy, locale)?;
    let meal = read_meal(&args)?;
    if let Some(roster) = &args.people {
        return run_roster(&policy, roster, &meal, locale);
    }
    let path = args.person.as_deref().unwrap_or_default();
    let raw: PersonJson = serde_json::from_str(&read_text(path)?).map_err(|e| format!("{path}: {e}"))?;
    let person = raw.validate().map_err(|e| field_errors(path, &e))?;
    check_birth(&person, &meal).map_err(|e| format!("{path}: {e}"))?;
    let a = assess(&policy, &person, &meal, Calendar::builtin());
    let mut out = report(&policy, &a, locale);
    if args.month {
        let plan = parse_plan(&args, &meal)?;
        let m = simulate_month(&policy, &person, &plan, meal.date.year(), meal.date.month(), Calendar::builtin());
        out["month"] = json!({
            "year": m.year,
            "month": m.month,
            "subsidised_meals": m.subsidised_meals,
            "total_subsidy_fen": m.total_subsidy.0,
            "total_pay_fen": m.total_pay.0,
            "entitlement_fen": m.entitlement.0,
            "unused_fen": m.unused.0,
        });
    }
    println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}

fn check_birth(person: &Person, meal: &Meal) -> Result<(), FieldError> {
    match person.age {
        zhucan::core::policy::AgeInput::BirthDate(b) if b > meal.date => Err(FieldError {
            field: "birth_date".into(),
            problem: format!("{b} is after the meal's date {}", meal.date),
        }),
        _ => Ok(()),
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
    })
}

fn run_roster(policy: &Policy, path: &str, meal: &Meal, _locale: Locale) -> Result<ExitCode, String> {
    let text = read_text(path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().map_err(|e| format!("{path}: {e}"))?.iter().map(str::to_string).collect();
    let id_col = headers.iter().position(|h| h == "id" || h == "name");
    let mut out = csv::Writer::from_writer(std::io::stdout());
    let header = ["line", "id", "eligible", "subsidy_fen", "pay_fen", "delivery_subsidy_fen", "tier", "version", "error"];
    out.write_record(header).map_err(|e| e.to_string())?;
    let mut bad = 0usize;
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let row: Vec<String> = match record {
            Ok(r) => r.iter().map(str::to_string).collect(),
            Err(e) => {
                bad += 1;
                eprintln!("{path}: line {line}: {e}");
                continue;
            }
        };
        let id = id_col.and_then(|c| row.get(c).cloned()).unwrap_or_else(|| line.to_string());
        let person = person_from_row(&headers, &row).and_then(|raw| raw.validate()).and_then(|p| {
            check_birth(&p, meal).map(|()| p).map_err(|e| vec![e])
        });
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
            Err(errors) => {
                bad += 1;
                let message = errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ");
                eprintln!("{path}: line {line}: {message}");
                vec![line.to_string(), id, String::new(), String::new(), String::new(), String::new(), String::new(), String::new(), message]
            }
        };
        out.write_record(&fields).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
