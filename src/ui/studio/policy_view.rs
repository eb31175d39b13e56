//! The policy's own parts: its name and region, its categories, its sources and quoted clauses.

use yew::prelude::*;

use super::fields::{field_id, item, root, sub, Ctx, Lens};
use crate::core::policy::draft::{choices, DraftCategory, DraftClause, DraftSource, DraftText, Menu, PolicyDraft};

/// 政策名称、地区、简介、没说清楚的地方.
pub fn basics(ctx: &Ctx) -> Html {
    let t = ctx.t;
    let d = ctx.draft.clone();
    let r = root();
    let gaps: Lens<Vec<DraftText>> = sub(&r, |d: &mut PolicyDraft| &mut d.gaps);
    let gap_items = d.gaps.iter().enumerate().map(|(i, g)| {
        let path = format!("policy.gaps[{i}]");
        let name = (t.gap_n)(i + 1);
        html! {
            <div class="studio-item">
                { ctx.bilingual(&path, &name, g, item(&gaps, |v| v, i)) }
                { ctx.item_buttons(&gaps, i, d.gaps.len(), &name, &format!("{}-{i}", "studio-gap"), "studio-add-gap") }
            </div>
        }
    });
    html! {
        <section class="form-section studio-section" aria-labelledby="studio-basics-heading">
            <h3 id="studio-basics-heading">{ t.basics_heading }</h3>
            { ctx.text("policy.id", t.policy_id, Some(t.policy_id_hint), &d.id, sub(&r, |d| &mut d.id)) }
            { ctx.bilingual("policy.name", t.policy_name, &d.name, sub(&r, |d| &mut d.name)) }
            { ctx.bilingual("policy.region", t.policy_region, &d.region, sub(&r, |d| &mut d.region)) }
            { ctx.bilingual("policy.summary", t.policy_summary, &d.summary, sub(&r, |d| &mut d.summary)) }
            <h4>{ t.gaps_heading }</h4>
            <p class="field-hint">{ t.gaps_hint }</p>
            <>{ for gap_items }</>
            { ctx.add_button(&gaps, t.add_gap, "studio-add-gap", format!("{}-zh", field_id(&format!("policy.gaps[{}]", d.gaps.len()))), DraftText::default) }
        </section>
    }
}

/// 来源：政策文件.
pub fn sources(ctx: &Ctx) -> Html {
    let t = ctx.t;
    let d = ctx.draft.clone();
    let list: Lens<Vec<DraftSource>> = sub(&root(), |d: &mut PolicyDraft| &mut d.sources);
    let confidence = choices(Menu::Confidence, &d, ctx.l);
    let items = d.sources.iter().enumerate().map(|(i, s)| {
        let p = format!("source[{i}]");
        let l = item(&list, |v| v, i);
        let name = (t.source_n)(i + 1);
        html! {
            <fieldset class="studio-item" id={field_id(&p)}>
                <legend>{ name.clone() }</legend>
                { ctx.text(&format!("{p}.id"), t.item_id, Some(t.item_id_hint), &s.id, sub(&l, |s| &mut s.id)) }
                { ctx.text(&format!("{p}.title"), t.source_title, None, &s.title, sub(&l, |s| &mut s.title)) }
                { ctx.text(&format!("{p}.issuer"), t.source_issuer, None, &s.issuer, sub(&l, |s| &mut s.issuer)) }
                { ctx.text(&format!("{p}.number"), t.source_number, None, &s.number, sub(&l, |s| &mut s.number)) }
                { ctx.date(&format!("{p}.date"), t.source_date, &s.date, sub(&l, |s| &mut s.date)) }
                { ctx.text(&format!("{p}.url"), t.source_url, Some(t.source_url_hint), &s.url, sub(&l, |s| &mut s.url)) }
                { ctx.select(&format!("{p}.confidence"), t.source_confidence, &confidence, Some(t.not_stated), &s.confidence, sub(&l, |s| &mut s.confidence)) }
                { ctx.item_buttons(&list, i, d.sources.len(), &name, &format!("studio-source-{i}"), "studio-add-source") }
            </fieldset>
        }
    });
    html! {
        <section class="form-section studio-section" aria-labelledby="studio-sources-heading">
            <h3 id="studio-sources-heading">{ t.sources_heading }</h3>
            <p class="field-hint">{ t.sources_hint }</p>
            <>{ for items }</>
            { ctx.add_button(&list, t.add_source, "studio-add-source", field_id(&format!("source[{}].id", d.sources.len())), DraftSource::default) }
        </section>
    }
}

/// 条款原文.
pub fn clauses(ctx: &Ctx) -> Html {
    let t = ctx.t;
    let d = ctx.draft.clone();
    let list: Lens<Vec<DraftClause>> = sub(&root(), |d: &mut PolicyDraft| &mut d.clauses);
    let sources = choices(Menu::Source, &d, ctx.l);
    let items = d.clauses.iter().enumerate().map(|(i, c)| {
        let p = format!("clause[{i}]");
        let l = item(&list, |v| v, i);
        let name = (t.clause_n)(i + 1);
        html! {
            <fieldset class="studio-item" id={field_id(&p)}>
                <legend>{ name.clone() }</legend>
                { ctx.text(&format!("{p}.id"), t.item_id, Some(t.item_id_hint), &c.id, sub(&l, |c| &mut c.id)) }
                { ctx.select(&format!("{p}.source"), t.clause_source, &sources, None, &c.source, sub(&l, |c| &mut c.source)) }
                { ctx.textarea(&format!("{p}.text"), t.clause_text, Some(t.clause_text_hint), &c.text, sub(&l, |c| &mut c.text)) }
                { ctx.check(&format!("{p}.verbatim"), t.clause_verbatim, c.verbatim, sub(&l, |c| &mut c.verbatim)) }
                { ctx.item_buttons(&list, i, d.clauses.len(), &name, &format!("studio-clause-{i}"), "studio-add-clause") }
            </fieldset>
        }
    });
    html! {
        <section class="form-section studio-section" aria-labelledby="studio-clauses-heading">
            <h3 id="studio-clauses-heading">{ t.clauses_heading }</h3>
            <p class="field-hint">{ t.clauses_hint }</p>
            <>{ for items }</>
            { ctx.add_button(&list, t.add_clause, "studio-add-clause", field_id(&format!("clause[{}].id", d.clauses.len())), DraftClause::default) }
        </section>
    }
}

/// 本政策自己规定的人员类别.
pub fn categories(ctx: &Ctx) -> Html {
    let t = ctx.t;
    let d = ctx.draft.clone();
    let list: Lens<Vec<DraftCategory>> = sub(&root(), |d: &mut PolicyDraft| &mut d.categories);
    let items = d.categories.iter().enumerate().map(|(i, c)| {
        let p = format!("category[{i}]");
        let l = item(&list, |v| v, i);
        let name = (t.category_n)(i + 1);
        html! {
            <fieldset class="studio-item" id={field_id(&p)}>
                <legend>{ name.clone() }</legend>
                { ctx.text(&format!("{p}.id"), t.item_id, Some(t.item_id_hint), &c.id, sub(&l, |c| &mut c.id)) }
                { ctx.bilingual(&format!("{p}.name"), t.category_name, &c.name, sub(&l, |c| &mut c.name)) }
                { ctx.bilingual(&format!("{p}.explain"), t.category_explain, &c.explain, sub(&l, |c| &mut c.explain)) }
                { ctx.item_buttons(&list, i, d.categories.len(), &name, &format!("studio-category-{i}"), "studio-add-category") }
            </fieldset>
        }
    });
    html! {
        <section class="form-section studio-section" aria-labelledby="studio-categories-heading">
            <h3 id="studio-categories-heading">{ t.categories_heading }</h3>
            <p class="field-hint">{ t.categories_hint }</p>
            <>{ for items }</>
            { ctx.add_button(&list, t.add_category, "studio-add-category", field_id(&format!("category[{}].id", d.categories.len())), DraftCategory::default) }
        </section>
    }
}
