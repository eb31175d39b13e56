//! A version: the complete rules in force from a date. Its dates and meals, who qualifies, the
//! parts of the subsidy and their tiers (amounts per meal type, percentages), caps, the minimum-
//! living standard and categories by income, delivery, and subsidies paid to the canteen.

use std::rc::Rc;

use yew::prelude::*;

use super::condition_view::condition;
use super::fields::{field_id, item, root, some, sub, Ctx, Edit, Lens};
use crate::core::policy::draft::{
    choices, BenefitKind, DraftCap, DraftComponent, DraftDated, DraftDelivery, DraftDeliveryFee, DraftDibao, DraftIncome, DraftOperator,
    DraftPerMeal, DraftText, DraftTier, DraftVersion, Menu, PolicyDraft,
};

/// A meal's amount: its key, its name, its value, where it is.
type MealRow<'a> = (&'a str, &'a str, &'a DraftDated, fn(&mut DraftPerMeal) -> &mut DraftDated);
/// A cap: its key, label, hint, value, where it is.
type CapRow<'a> = (&'a str, &'a str, &'a str, &'a DraftCap, fn(&mut crate::core::policy::draft::DraftCaps) -> &mut DraftCap);

/// Every version, with add / move / remove.
pub fn versions(ctx: &Ctx) -> Html {
    let t = ctx.t;
    let d = ctx.draft.clone();
    let list: Lens<Vec<DraftVersion>> = sub(&root(), |d: &mut PolicyDraft| &mut d.versions);
    let items = d.versions.iter().enumerate().map(|(i, v)| {
        let name = (t.version_n)(i + 1);
        html! {
            <section class="studio-item studio-version" id={field_id(&format!("version[{i}]"))} aria-label={name.clone()}>
                <h4>{ name.clone() }</h4>
                { version(ctx, i, v, item(&list, |v| v, i)) }
                { ctx.item_buttons(&list, i, d.versions.len(), &name, &format!("studio-version-{i}"), "studio-add-version") }
            </section>
        }
    });
    html! {
        <section class="form-section studio-section" aria-labelledby="studio-versions-heading">
            <h3 id="studio-versions-heading">{ t.versions_heading }</h3>
            <p class="field-hint">{ t.versions_hint }</p>
            <>{ for items }</>
            { ctx.add_button(&list, t.add_version, "studio-add-version", field_id(&format!("version[{}].id", d.versions.len())), DraftVersion::default) }
        </section>
    }
}

fn version(ctx: &Ctx, i: usize, v: &DraftVersion, l: Lens<DraftVersion>) -> Html {
    let t = ctx.t;
    let p = format!("version[{i}]");
    let meals = choices(Menu::Meal, &ctx.draft, ctx.l);
    let comps: Lens<Vec<DraftComponent>> = sub(&l, |v| &mut v.components);
    let components = v.components.iter().enumerate().map(|(c, comp)| {
        let name = (t.component_n)(c + 1);
        html! {
            <fieldset class="studio-item" id={field_id(&format!("{p}.component[{c}]"))}>
                <legend>{ name.clone() }</legend>
                { component(ctx, &format!("{p}.component[{c}]"), comp, item(&comps, |v| v, c)) }
                { ctx.item_buttons(&comps, c, v.components.len(), &name, &format!("studio-v{i}-component-{c}"), &format!("studio-v{i}-add-component")) }
            </fieldset>
        }
    });
    let notes: Lens<Vec<DraftText>> = sub(&l, |v| &mut v.notes);
    let note_items = v.notes.iter().enumerate().map(|(n, note)| {
        let name = (t.note_n)(n + 1);
        html! {
            <div class="studio-item">
                { ctx.bilingual(&format!("{p}.notes[{n}]"), &name, note, item(&notes, |v| v, n)) }
                { ctx.item_buttons(&notes, n, v.notes.len(), &name, &format!("studio-v{i}-note-{n}"), &format!("studio-v{i}-add-note")) }
            </div>
        }
    });
    html! {
        <>
            { ctx.text(&format!("{p}.id"), t.item_id, Some(t.item_id_hint), &v.id, sub(&l, |v| &mut v.id)) }
            { ctx.bilingual(&format!("{p}.label"), t.version_label, &v.label, sub(&l, |v| &mut v.label)) }
            { ctx.date(&format!("{p}.from"), t.version_from, &v.from, sub(&l, |v| &mut v.from)) }
            { ctx.clause(&format!("{p}.from_clause"), t.version_from_clause, &v.from_clause, sub(&l, |v| &mut v.from_clause)) }
            { ctx.date(&format!("{p}.until"), t.version_until, &v.until, sub(&l, |v| &mut v.until)) }
            { ctx.bilingual(&format!("{p}.dates_note"), t.version_dates_note, &v.dates_note, sub(&l, |v| &mut v.dates_note)) }
            { ctx.many(&format!("{p}.meals"), t.version_meals, &meals, &v.meals, sub(&l, |v| &mut v.meals)) }
            { ctx.clause(&format!("{p}.meals_clause"), t.version_meals_clause, &v.meals_clause, sub(&l, |v| &mut v.meals_clause)) }
            { ctx.check(&format!("{p}.workdays_only"), t.version_workdays, v.workdays_only, sub(&l, |v| &mut v.workdays_only)) }
            if v.workdays_only {
                { ctx.clause(&format!("{p}.workdays_clause"), t.version_workdays_clause, &v.workdays_clause, sub(&l, |v| &mut v.workdays_clause)) }
            }
            { ctx.dated(&format!("{p}.reference_price"), t.version_reference_price, Some(t.yuan_hint), &v.reference_price, sub(&l, |v| &mut v.reference_price)) }
            { ctx.clause(&format!("{p}.reference_price_clause"), t.version_reference_price_clause, &v.reference_price_clause, sub(&l, |v| &mut v.reference_price_clause)) }
            <h5>{ t.eligibility_heading }</h5>
            { condition(ctx, &format!("{p}.eligibility"), t.eligibility_label, t.everyone, &v.eligibility, sub(&l, |v| &mut v.eligibility)) }
            { ctx.clause(&format!("{p}.eligibility_clause"), t.eligibility_clause, &v.eligibility_clause, sub(&l, |v| &mut v.eligibility_clause)) }
            <h5>{ t.components_heading }</h5>
            <p class="field-hint">{ t.components_hint }</p>
            <>{ for components }</>
            { ctx.add_button(&comps, t.add_component, &format!("studio-v{i}-add-component"), field_id(&format!("{p}.component[{}].id", v.components.len())), || DraftComponent { tiers: vec![DraftTier::default()], ..DraftComponent::default() }) }
            { caps(ctx, &p, v, sub(&l, |v| &mut v.caps)) }
            { money_rules(ctx, i, &p, v, &l) }
            <h5>{ t.notes_heading }</h5>
            <>{ for note_items }</>
            { ctx.add_button(&notes, t.add_note, &format!("studio-v{i}-add-note"), format!("{}-zh", field_id(&format!("{p}.notes[{}]", v.notes.len()))), DraftText::default) }
        </>
    }
}

fn component(ctx: &Ctx, p: &str, c: &DraftComponent, l: Lens<DraftComponent>) -> Html {
    let t = ctx.t;
    let tiers: Lens<Vec<DraftTier>> = sub(&l, |c| &mut c.tiers);
    let id = field_id(p);
    let tier_items = c.tiers.iter().enumerate().map(|(k, tier_v)| {
        let name = (t.tier_n)(k + 1);
        let tp = format!("{p}.tier[{k}]");
        html! {
            <fieldset class="studio-item" id={field_id(&tp)}>
                <legend>{ name.clone() }</legend>
                { tier(ctx, &tp, tier_v, item(&tiers, |v| v, k)) }
                { ctx.item_buttons(&tiers, k, c.tiers.len(), &name, &format!("{id}-tier-{k}"), &format!("{id}-add-tier")) }
            </fieldset>
        }
    });
    let d = &ctx.draft;
    html! {
        <>
            { ctx.text(&format!("{p}.id"), t.item_id, Some(t.item_id_hint), &c.id, sub(&l, |c| &mut c.id)) }
            { ctx.bilingual(&format!("{p}.name"), t.component_name, &c.name, sub(&l, |c| &mut c.name)) }
            { ctx.select(&format!("{p}.select"), t.component_select, &choices(Menu::Select, d, ctx.l), None, &c.select, sub(&l, |c| &mut c.select)) }
            { ctx.select(&format!("{p}.level"), t.component_level, &choices(Menu::Level, d, ctx.l), Some(t.not_stated), &c.level, sub(&l, |c| &mut c.level)) }
            if !c.level.is_empty() {
                { ctx.clause(&format!("{p}.level_clause"), t.component_level_clause, &c.level_clause, sub(&l, |c| &mut c.level_clause)) }
            }
            { ctx.select(&format!("{p}.spend"), t.component_spend, &choices(Menu::Spend, d, ctx.l), None, &c.spend, sub(&l, |c| &mut c.spend)) }
            if !c.spend.is_empty() {
                { ctx.number(&format!("{p}.spend_amount"), t.component_spend_amount, Some(t.yuan_hint), &c.spend_amount, sub(&l, |c| &mut c.spend_amount)) }
                { ctx.clause(&format!("{p}.spend_clause"), t.component_spend_clause, &c.spend_clause, sub(&l, |c| &mut c.spend_clause)) }
            }
            <>{ for tier_items }</>
            { ctx.add_button(&tiers, t.add_tier, &format!("{id}-add-tier"), field_id(&format!("{p}.tier[{}].id", c.tiers.len())), DraftTier::default) }
        </>
    }
}

fn tier(ctx: &Ctx, p: &str, tr: &DraftTier, l: Lens<DraftTier>) -> Html {
    let t = ctx.t;
    let kinds: Vec<_> = BenefitKind::ALL
        .iter()
        .zip(t.benefit_kinds)
        .map(|(k, name)| crate::core::policy::draft::Choice { code: k.key().to_string(), label: name.to_string() })
        .collect();
    let kind_lens: Lens<String> = {
        // The menu writes the kind's key; the draft holds the kind.
        let l = l.clone();
        Rc::new(move |d, f| {
            l(d, &mut |tier| {
                let mut key = tier.benefit.key().to_string();
                f(&mut key);
                if let Some(k) = BenefitKind::ALL.iter().find(|k| k.key() == key) {
                    tier.benefit = *k;
                }
            })
        })
    };
    let key = tr.benefit.key();
    let (amount_label, amount_hint) = match tr.benefit {
        BenefitKind::Subsidy => (t.tier_subsidy, t.yuan_per_meal_hint),
        BenefitKind::Pay => (t.tier_pay, t.yuan_per_meal_hint),
        BenefitKind::Percent => (t.tier_percent, t.percent_hint),
    };
    html! {
        <>
            { ctx.text(&format!("{p}.id"), t.item_id, Some(t.item_id_hint), &tr.id, sub(&l, |t| &mut t.id)) }
            { ctx.bilingual(&format!("{p}.name"), t.tier_name, &tr.name, sub(&l, |t| &mut t.name)) }
            { condition(ctx, &format!("{p}.when"), t.tier_when, t.everyone_in_version, &tr.when, sub(&l, |t| &mut t.when)) }
            { ctx.select(&format!("{p}.benefit"), t.tier_benefit, &kinds, None, key, kind_lens) }
            { per_meal(ctx, &format!("{p}.{key}"), amount_label, amount_hint, &tr.amount, sub(&l, |t| &mut t.amount)) }
            if tr.benefit == BenefitKind::Percent {
                { per_meal(ctx, &format!("{p}.percent_at_most"), t.tier_percent_at_most, t.yuan_per_meal_hint, &tr.at_most, sub(&l, |t| &mut t.at_most)) }
            }
            { ctx.clause(&format!("{p}.clause"), t.figure_clause, &tr.clause, sub(&l, |t| &mut t.clause)) }
        </>
    }
}

/// An amount for every meal, or one per meal type.
fn per_meal(ctx: &Ctx, p: &str, label: &str, hint: &str, v: &DraftPerMeal, l: Lens<DraftPerMeal>) -> Html {
    let t = ctx.t;
    let split = ctx.check(&format!("{p}.per_meal"), &(t.per_meal_type)(label), v.per_meal, sub(&l, |m| &mut m.per_meal));
    if !v.per_meal {
        return html! { <>{ ctx.dated(p, label, Some(hint), &v.all, sub(&l, |m| &mut m.all)) }{ split }</> };
    }
    let meals: [MealRow; 3] = [
        ("breakfast", t.meals[0], &v.breakfast, |m| &mut m.breakfast),
        ("lunch", t.meals[1], &v.lunch, |m| &mut m.lunch),
        ("dinner", t.meals[2], &v.dinner, |m| &mut m.dinner),
    ];
    let fields = meals.iter().map(|(key, meal, value, get)| {
        ctx.dated(&format!("{p}.{key}"), &(t.label_for_meal)(label, meal), Some(hint), value, sub(&l, *get))
    });
    html! {
        <div class="per-meal">
            <>{ for fields }</>
            { split }
        </div>
    }
}

fn caps(ctx: &Ctx, p: &str, v: &crate::core::policy::draft::DraftVersion, l: Lens<crate::core::policy::draft::DraftCaps>) -> Html {
    let t = ctx.t;
    let c = &v.caps;
    let rows: [CapRow; 5] = [
        ("per_day", t.cap_per_day, t.meals_hint, &c.per_day, |c| &mut c.per_day),
        ("per_week", t.cap_per_week, t.meals_hint, &c.per_week, |c| &mut c.per_week),
        ("per_month", t.cap_per_month, t.meals_hint, &c.per_month, |c| &mut c.per_month),
        ("money_per_week", t.cap_money_per_week, t.yuan_hint, &c.money_per_week, |c| &mut c.money_per_week),
        ("money_per_month", t.cap_money_per_month, t.yuan_hint, &c.money_per_month, |c| &mut c.money_per_month),
    ];
    let fields = rows.iter().map(|(key, label, hint, cap, get)| {
        let cl = sub(&l, *get);
        html! {
            <div class="cap">
                { ctx.dated(&format!("{p}.caps.{key}"), label, Some(hint), &cap.value, sub(&cl, |c| &mut c.value)) }
                if !cap.value.is_blank() {
                    { ctx.clause(&format!("{p}.caps.{key}_clause"), &(t.own_clause)(label), &cap.clause, sub(&cl, |c| &mut c.clause)) }
                }
            </div>
        }
    });
    html! {
        <fieldset class="field studio-caps" id={field_id(&format!("{p}.caps"))}>
            <legend>{ t.caps_heading }</legend>
            <p class="field-hint">{ t.caps_hint }</p>
            <>{ for fields }</>
            { ctx.clause(&format!("{p}.caps.clause"), t.caps_clause, &c.clause, sub(&l, |c| &mut c.clause)) }
        </fieldset>
    }
}

/// Minimum-living standard and income categories, delivery, the delivery fee, operator subsidies.
fn money_rules(ctx: &Ctx, i: usize, p: &str, v: &DraftVersion, l: &Lens<DraftVersion>) -> Html {
    let t = ctx.t;
    let d = &ctx.draft;
    let toggle_dibao = {
        let l = l.clone();
        let dispatch = ctx.dispatch.clone();
        let on = v.dibao.is_none();
        Callback::from(move |_: MouseEvent| {
            let l = l.clone();
            dispatch.emit(Edit(Box::new(move |d| l(d, &mut |v| v.dibao = if on { Some(DraftDibao::default()) } else { None }))));
        })
    };
    let dibao = v.dibao.as_ref().map(|db| {
        let dl = some(l, |v| &mut v.dibao);
        html! {
            <>
                { ctx.dated(&format!("{p}.dibao.urban"), t.dibao_urban, Some(t.yuan_month_hint), &db.urban, sub(&dl, |d| &mut d.urban)) }
                { ctx.dated(&format!("{p}.dibao.rural"), t.dibao_rural, Some(t.yuan_month_hint), &db.rural, sub(&dl, |d| &mut d.rural)) }
                { ctx.clause(&format!("{p}.dibao.clause"), t.figure_clause, &db.clause, sub(&dl, |d| &mut d.clause)) }
            </>
        }
    });
    let incomes: Lens<Vec<DraftIncome>> = sub(l, |v| &mut v.income);
    let income_items = v.income.iter().enumerate().map(|(n, inc)| {
        let ip = format!("{p}.income[{n}]");
        let il = item(&incomes, |v| v, n);
        let name = (t.income_n)(n + 1);
        html! {
            <fieldset class="studio-item" id={field_id(&ip)}>
                <legend>{ name.clone() }</legend>
                { ctx.select(&format!("{ip}.hardship"), t.income_hardship, &choices(Menu::IncomeHardship, d, ctx.l), None, &inc.hardship, sub(&il, |i| &mut i.hardship)) }
                { ctx.number(&format!("{ip}.percent"), t.income_percent, Some(t.percent_hint), &inc.percent, sub(&il, |i| &mut i.percent)) }
                { ctx.check(&format!("{ip}.below"), t.income_below, inc.below, sub(&il, |i| &mut i.below)) }
                { ctx.clause(&format!("{ip}.clause"), t.figure_clause, &inc.clause, sub(&il, |i| &mut i.clause)) }
                { ctx.item_buttons(&incomes, n, v.income.len(), &name, &format!("studio-v{i}-income-{n}"), &format!("studio-v{i}-add-income")) }
            </fieldset>
        }
    });
    let deliveries: Lens<Vec<DraftDelivery>> = sub(l, |v| &mut v.delivery);
    let delivery_items = v.delivery.iter().enumerate().map(|(n, dv)| {
        let dp = format!("{p}.delivery[{n}]");
        let dl = item(&deliveries, |v| v, n);
        let name = (t.delivery_n)(n + 1);
        html! {
            <fieldset class="studio-item" id={field_id(&dp)}>
                <legend>{ name.clone() }</legend>
                { ctx.text(&format!("{dp}.id"), t.item_id, Some(t.item_id_hint), &dv.id, sub(&dl, |d| &mut d.id)) }
                { ctx.bilingual(&format!("{dp}.name"), t.component_name, &dv.name, sub(&dl, |d| &mut d.name)) }
                { condition(ctx, &format!("{dp}.when"), t.tier_when, t.everyone_in_version, &dv.when, sub(&dl, |d| &mut d.when)) }
                { ctx.dated(&format!("{dp}.amount"), t.delivery_amount, Some(t.yuan_hint), &dv.amount, sub(&dl, |d| &mut d.amount)) }
                { ctx.select(&format!("{dp}.paid_to"), t.delivery_paid_to, &choices(Menu::PaidTo, d, ctx.l), Some(t.not_stated), &dv.paid_to, sub(&dl, |d| &mut d.paid_to)) }
                { ctx.clause(&format!("{dp}.clause"), t.figure_clause, &dv.clause, sub(&dl, |d| &mut d.clause)) }
                { ctx.item_buttons(&deliveries, n, v.delivery.len(), &name, &format!("studio-v{i}-delivery-{n}"), &format!("studio-v{i}-add-delivery")) }
            </fieldset>
        }
    });
    let toggle_fee = {
        let l = l.clone();
        let dispatch = ctx.dispatch.clone();
        let on = v.delivery_fee.is_none();
        Callback::from(move |_: MouseEvent| {
            let l = l.clone();
            dispatch
                .emit(Edit(Box::new(move |d| l(d, &mut |v| v.delivery_fee = if on { Some(DraftDeliveryFee::default()) } else { None }))));
        })
    };
    let fee = v.delivery_fee.as_ref().map(|f| {
        let fl = some(l, |v| &mut v.delivery_fee);
        html! {
            <>
                { ctx.dated(&format!("{p}.delivery_fee.amount"), t.fee_amount, Some(t.yuan_hint), &f.amount, sub(&fl, |f| &mut f.amount)) }
                { ctx.clause(&format!("{p}.delivery_fee.clause"), t.figure_clause, &f.clause, sub(&fl, |f| &mut f.clause)) }
                { condition(ctx, &format!("{p}.delivery_fee.free_when"), t.fee_free_when, t.nobody_free, &f.free_when, sub(&fl, |f| &mut f.free_when)) }
                if f.free_when.is_some() {
                    { ctx.clause(&format!("{p}.delivery_fee.free_clause"), t.fee_free_clause, &f.free_clause, sub(&fl, |f| &mut f.free_clause)) }
                }
            </>
        }
    });
    let operators: Lens<Vec<DraftOperator>> = sub(l, |v| &mut v.operators);
    let operator_items = v.operators.iter().enumerate().map(|(n, op)| {
        let opath = format!("{p}.operator[{n}]");
        let ol = item(&operators, |v| v, n);
        let name = (t.operator_n)(n + 1);
        html! {
            <fieldset class="studio-item" id={field_id(&opath)}>
                <legend>{ name.clone() }</legend>
                { ctx.text(&format!("{opath}.id"), t.item_id, Some(t.item_id_hint), &op.id, sub(&ol, |o| &mut o.id)) }
                { ctx.bilingual(&format!("{opath}.name"), t.component_name, &op.name, sub(&ol, |o| &mut o.name)) }
                { ctx.dated(&format!("{opath}.amount"), t.operator_amount, Some(t.yuan_hint), &op.amount, sub(&ol, |o| &mut o.amount)) }
                { ctx.select(&format!("{opath}.per"), t.operator_per, &choices(Menu::OperatorPer, d, ctx.l), None, &op.per, sub(&ol, |o| &mut o.per)) }
                { ctx.check(&format!("{opath}.subsidised_diners_only"), t.operator_subsidised_only, op.subsidised_diners_only, sub(&ol, |o| &mut o.subsidised_diners_only)) }
                { ctx.clause(&format!("{opath}.clause"), t.figure_clause, &op.clause, sub(&ol, |o| &mut o.clause)) }
                { ctx.item_buttons(&operators, n, v.operators.len(), &name, &format!("studio-v{i}-operator-{n}"), &format!("studio-v{i}-add-operator")) }
            </fieldset>
        }
    });
    html! {
        <>
            <h5>{ t.dibao_heading }</h5>
            <p class="field-hint">{ t.dibao_hint }</p>
            <>{ for dibao }</>
            <button type="button" class="button secondary" id={format!("studio-v{i}-dibao")} onclick={toggle_dibao}>
                { if v.dibao.is_some() { t.remove_dibao } else { t.add_dibao } }
            </button>
            <>{ for income_items }</>
            { ctx.add_button(&incomes, t.add_income, &format!("studio-v{i}-add-income"), field_id(&format!("{p}.income[{}].hardship", v.income.len())), DraftIncome::default) }
            <h5>{ t.delivery_heading }</h5>
            <>{ for delivery_items }</>
            { ctx.add_button(&deliveries, t.add_delivery, &format!("studio-v{i}-add-delivery"), field_id(&format!("{p}.delivery[{}].id", v.delivery.len())), DraftDelivery::default) }
            <>{ for fee }</>
            <button type="button" class="button secondary" id={format!("studio-v{i}-fee")} onclick={toggle_fee}>
                { if v.delivery_fee.is_some() { t.remove_fee } else { t.add_fee } }
            </button>
            <h5>{ t.operators_heading }</h5>
            <>{ for operator_items }</>
            { ctx.add_button(&operators, t.add_operator, &format!("studio-v{i}-add-operator"), field_id(&format!("{p}.operator[{}].id", v.operators.len())), DraftOperator::default) }
        </>
    }
}
