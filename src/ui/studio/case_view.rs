//! The policy's own hand-computed examples (`[[case]]`): a person, a meal, what the document says
//! they get; each run live, passed or not, with the differences next to the expected figures.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{field_id, item, root, sub, Ctx, Lens};
use crate::core::policy::draft::{choices, CaseCheck, Choice, DraftCase, Menu, PolicyDraft};

fn option_text(l: &Lens<Option<String>>) -> Lens<String> {
    let l = l.clone();
    Rc::new(move |d, f| {
        l(d, &mut |o| {
            let mut s = o.clone().unwrap_or_default();
            f(&mut s);
            *o = (!s.trim().is_empty()).then_some(s);
        })
    })
}

fn option_bool(l: &Lens<Option<bool>>) -> Lens<String> {
    let l = l.clone();
    Rc::new(move |d, f| {
        l(d, &mut |o| {
            let mut s = match o {
                Some(true) => "true".to_string(),
                Some(false) => "false".to_string(),
                None => String::new(),
            };
            f(&mut s);
            *o = match s.as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            };
        })
    })
}

/// The cases, each with its result; `results` is empty while the policy does not load.
pub fn cases(ctx: &Ctx, results: &[CaseCheck], loads: bool) -> Html {
    let t = ctx.t;
    let d = ctx.draft.clone();
    let list: Lens<Vec<DraftCase>> = sub(&root(), |d: &mut PolicyDraft| &mut d.cases);
    let items = d.cases.iter().enumerate().map(|(i, c)| {
        let name = (t.case_n)(i + 1);
        let result = results.iter().find(|r| r.index == i);
        html! {
            <fieldset class="studio-item studio-case" id={field_id(&format!("case[{i}]"))}>
                <legend>{ name.clone() }</legend>
                { case_result(ctx, i, result, loads) }
                { case(ctx, i, c, item(&list, |v| v, i)) }
                { ctx.item_buttons(&list, i, d.cases.len(), &name, &format!("studio-case-{i}"), "studio-add-case") }
            </fieldset>
        }
    });
    html! {
        <section class="form-section studio-section" aria-labelledby="studio-cases-heading">
            <h3 id="studio-cases-heading">{ t.cases_heading }</h3>
            <p class="field-hint">{ t.cases_hint }</p>
            <>{ for items }</>
            { ctx.add_button(&list, t.add_case, "studio-add-case", field_id(&format!("case[{}].name", d.cases.len())), DraftCase::default) }
        </section>
    }
}

/// One case's verdict (its text also in the summary of results above the form).
pub fn case_result(ctx: &Ctx, i: usize, result: Option<&CaseCheck>, loads: bool) -> Html {
    let t = ctx.t;
    match result {
        Some(r) if r.passed() => html! { <p class="case-result passed" id={format!("studio-case-{i}-result")}>{ t.case_passed }</p> },
        Some(r) => {
            let lines = r.mismatches.iter().map(|m| html! { <li>{ (t.case_mismatch)(t.expect_key(m.key), &m.expected, &m.got) }</li> });
            html! {
                <div class="case-result failed" id={format!("studio-case-{i}-result")}>
                    <p>{ t.case_failed }</p>
                    <ul>{ for lines }</ul>
                </div>
            }
        }
        None if !loads => html! { <p class="case-result waiting" id={format!("studio-case-{i}-result")}>{ t.case_waiting }</p> },
        None => Html::default(),
    }
}

fn case(ctx: &Ctx, i: usize, c: &DraftCase, l: Lens<DraftCase>) -> Html {
    let t = ctx.t;
    let d = &ctx.draft;
    let p = format!("case[{i}]");
    let pl = sub(&l, |c| &mut c.person);
    let ml = sub(&l, |c| &mut c.meal);
    let el = sub(&l, |c| &mut c.expect);
    let pp = format!("{p}.person");
    let mp = format!("{p}.meal");
    let ep = format!("{p}.expect");
    let yes_no = [Choice { code: "true".into(), label: t.yes.into() }, Choice { code: "false".into(), label: t.no.into() }];
    let grades = choices(Menu::DisabilityGrade, d, ctx.l);
    let has_categories = !d.categories.is_empty();
    html! {
        <>
            { ctx.text(&format!("{p}.name"), t.case_name, Some(t.case_name_hint), &c.name, sub(&l, |c| &mut c.name)) }
            <fieldset class="field">
                <legend>{ t.case_person }</legend>
                { ctx.number(&format!("{pp}.age"), t.person_age, None, &c.person.age, sub(&pl, |p| &mut p.age)) }
                { ctx.select(&format!("{pp}.hukou"), t.person_hukou, &choices(Menu::Hukou, d, ctx.l), Some(t.not_given), &c.person.hukou, sub(&pl, |p| &mut p.hukou)) }
                { ctx.select(&format!("{pp}.hardship"), t.person_hardship, &choices(Menu::Hardship, d, ctx.l), Some(t.none_of_them), &c.person.hardship, sub(&pl, |p| &mut p.hardship)) }
                <details class="more-person">
                    <summary>{ t.person_more }</summary>
                    { ctx.date(&format!("{pp}.birth_date"), t.person_birth_date, &c.person.birth_date, sub(&pl, |p| &mut p.birth_date)) }
                    { ctx.select(&format!("{pp}.care_level"), t.person_care, &choices(Menu::CareLevel, d, ctx.l), Some(t.not_given), &c.person.care_level, sub(&pl, |p| &mut p.care_level)) }
                    { ctx.select(&format!("{pp}.disability_grade"), t.person_disability, &grades, Some(t.none_of_them), &c.person.disability_grade, sub(&pl, |p| &mut p.disability_grade)) }
                    { ctx.many(&format!("{pp}.groups"), t.person_groups, &choices(Menu::Group, d, ctx.l), &c.person.groups, sub(&pl, |p| &mut p.groups)) }
                    if has_categories {
                        { ctx.many(&format!("{pp}.flags"), t.person_flags, &choices(Menu::Category, d, ctx.l), &c.person.flags, sub(&pl, |p| &mut p.flags)) }
                    }
                    { ctx.check(&format!("{pp}.in_care_home"), t.person_in_care_home, c.person.in_care_home, sub(&pl, |p| &mut p.in_care_home)) }
                    { ctx.select(&format!("{pp}.area"), t.person_area, &choices(Menu::Area, d, ctx.l), Some(t.not_given), &c.person.area, sub(&pl, |p| &mut p.area)) }
                    { ctx.number(&format!("{pp}.income"), t.person_income, Some(t.yuan_month_hint), &c.person.income, sub(&pl, |p| &mut p.income)) }
                </details>
            </fieldset>
            <fieldset class="field">
                <legend>{ t.case_meal }</legend>
                { ctx.date(&format!("{mp}.date"), t.meal_date, &c.meal.date, sub(&ml, |m| &mut m.date)) }
                { ctx.select(&format!("{mp}.meal"), t.meal_kind, &choices(Menu::Meal, d, ctx.l), None, &c.meal.meal, sub(&ml, |m| &mut m.meal)) }
                { ctx.number(&format!("{mp}.price"), t.meal_price, Some(t.yuan_hint), &c.meal.price, sub(&ml, |m| &mut m.price)) }
                { ctx.select(&format!("{mp}.place"), t.meal_place, &choices(Menu::Place, d, ctx.l), Some(t.not_given), &c.meal.place, sub(&ml, |m| &mut m.place)) }
                { ctx.check(&format!("{mp}.delivery"), t.meal_delivery, c.meal.delivery, sub(&ml, |m| &mut m.delivery)) }
            </fieldset>
            <fieldset class="field">
                <legend>{ t.case_expect }</legend>
                <p class="field-hint">{ t.case_expect_hint }</p>
                { ctx.select(&format!("{ep}.eligible"), t.expect_eligible, &yes_no, Some(t.not_checked), match c.expect.eligible { Some(true) => "true", Some(false) => "false", None => "" }, option_bool(&sub(&el, |e| &mut e.eligible))) }
                { ctx.number(&format!("{ep}.subsidy"), t.expect_subsidy, Some(t.yuan_hint), &c.expect.subsidy, sub(&el, |e| &mut e.subsidy)) }
                { ctx.number(&format!("{ep}.pay"), t.expect_pay, Some(t.yuan_hint), &c.expect.pay, sub(&el, |e| &mut e.pay)) }
                if c.meal.delivery {
                    { ctx.number(&format!("{ep}.delivery"), t.expect_delivery, Some(t.yuan_hint), &c.expect.delivery, sub(&el, |e| &mut e.delivery)) }
                    { ctx.number(&format!("{ep}.delivery_fee"), t.expect_delivery_fee, Some(t.yuan_hint), &c.expect.delivery_fee, sub(&el, |e| &mut e.delivery_fee)) }
                }
                { ctx.text(&format!("{ep}.tier"), t.expect_tier, Some(t.expect_tier_hint), c.expect.tier.as_deref().unwrap_or(""), option_text(&sub(&el, |e| &mut e.tier))) }
                { ctx.text(&format!("{ep}.version"), t.expect_version, None, c.expect.version.as_deref().unwrap_or(""), option_text(&sub(&el, |e| &mut e.version))) }
            </fieldset>
            { ctx.textarea(&format!("{p}.why"), t.case_why, Some(t.case_why_hint), &c.why, sub(&l, |c| &mut c.why)) }
        </>
    }
}
