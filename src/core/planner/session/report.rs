//! The planning report as a CSV table (issue 15, item 6): the conditions (date, data files,
//! coordinate system), the indicators a civil-affairs report uses (覆盖率 walk-in and with
//! delivery, meals served and not, 供需比 overall, per site and per 街道), the fairness figures,
//! and the assumptions with their sources. One row per figure: section, item, value, note.

use super::super::capacity::Role as SiteRole;
use super::super::export::{crs_name, spreadsheet_safe};
use super::super::settings::Radius;
use super::models::ModelsView;
use super::protocol::Role;
use super::report_words::words;
use super::view::PlanView;
use crate::core::Locale;

fn pct(part: f64, whole: f64) -> String {
    if whole > 0.0 && part.is_finite() {
        format!("{:.1}%", 100.0 * part / whole)
    } else {
        String::new()
    }
}

fn num(v: f64, digits: usize) -> String {
    if v.is_finite() {
        format!("{v:.digits$}")
    } else {
        String::new()
    }
}

/// The report CSV of a plan (with a UTF-8 byte-order mark, as the sites CSV, so spreadsheet
/// programs read the Chinese). `today` is the date as the page writes it.
pub fn report_csv(view: &PlanView, today: &str, locale: Locale) -> String {
    let w = words(locale);
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut row = |sec: &str, item: &str, value: String, note: &str| {
        rows.push([sec.to_string(), spreadsheet_safe(item), spreadsheet_safe(&value), spreadsheet_safe(note)]);
    };
    let c = w.sec_conditions;
    row(c, w.date, today.to_string(), "");
    if view.sources.is_empty() {
        row(c, &(w.data_file)(w.roles[0]), w.demo.to_string(), "");
    }
    for f in &view.sources {
        let role = match f.role {
            Role::Demand => w.roles[0],
            Role::Candidates => w.roles[1],
            Role::Existing => w.roles[2],
            Role::Competitors => w.roles[3],
        };
        row(c, &(w.data_file)(role), (w.data_file_value)(&f.name, f.rows, crs_name(f.crs)), "");
    }
    row(c, w.crs, crs_name(view.input_crs).to_string(), w.crs_note);
    let m: Option<&ModelsView> = view.models.as_deref();
    let capacitated = m.is_some_and(|m| m.capacitated);
    row(c, w.objective, if capacitated { w.objective_capacitated } else { w.objective_covered }.to_string(), "");
    row(c, w.sites_chosen, view.chosen.len().to_string(), "");

    if let Some(m) = m {
        let i = w.sec_indicators;
        let walk = &m.walk_in;
        row(i, w.rate_walk, pct(walk.reached, walk.people), &(w.rate_walk_note)(walk.reached, walk.people));
        if let Some(d) = &m.delivery {
            let r = &d.reach;
            row(i, w.rate_delivery, pct(r.reached, r.people), &(w.rate_delivery_note)(&d.column, d.radius_m, r.reached, r.people));
            row(i, w.rate_total, pct(walk.reached + r.reached, walk.people + r.people), "");
        }
        if let Some(c) = &m.competitors {
            row(i, w.by_others, num(c.people, 0), &(w.by_others_note)(c.sites, c.meals));
        }
        let meals = &m.meals;
        row(i, w.meals_need, num(meals.total.need, 1), "");
        row(i, w.meals_served, num(meals.total.served, 1), "");
        row(i, w.meals_unserved_covered, num(meals.unserved_covered(), 1), "");
        row(i, w.meals_uncovered, num(meals.uncovered(), 1), "");
        row(i, w.capacity_open, num(meals.capacity_open, 0), "");
        let need = meals.total.need - meals.total.by_competitors;
        row(i, w.ratio_overall, if need > 0.0 { num(meals.capacity_open / need, 2) } else { String::new() }, w.ratio_note);

        let f = w.sec_fairness;
        let a = &m.access;
        let gini = |g: Option<f64>| g.map_or_else(String::new, |g| num(g, 3));
        row(f, w.gini_before, gini(a.before.gini), w.gini_note);
        row(f, w.gini_after, gini(a.after.gini), w.gini_note);
        row(f, w.mean_before, num(a.before.mean, 3), w.ratio_note);
        row(f, w.mean_after, num(a.after.mean, 3), w.ratio_note);
        for s in &a.minutes {
            row(f, &(w.within_before)(s.minutes), pct(s.before, 1.0), "");
            row(f, &(w.within_after)(s.minutes), pct(s.after, 1.0), "");
        }
    }

    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let _ = out.write_record(w.header);
    for r in &rows {
        let _ = out.write_record(r);
    }
    if let Some(m) = m {
        // The open sites, each with its figures (the people within reach from the score table).
        let _ = out.write_record([""]);
        let mut header = vec![w.sec_sites.to_string()];
        header.extend(w.site_header.iter().map(|h| h.to_string()));
        let _ = out.write_record(&header);
        for s in &m.meals.sites {
            let role = match s.role {
                SiteRole::Existing => w.site_roles[0],
                SiteRole::Locked => w.site_roles[1],
                SiteRole::Chosen => w.site_roles[2],
            };
            let capacity = if s.capacity_from_file { num(s.capacity, 0) } else { format!("{}{}", num(s.capacity, 0), w.default_marker) };
            let people = match s.role {
                SiteRole::Existing => String::new(),
                _ => view.sites.get(s.index).map_or_else(String::new, |r| num(r.score.covered, 0)),
            };
            let _ = out.write_record([
                w.sec_sites.to_string(),
                spreadsheet_safe(&s.name),
                role.to_string(),
                capacity,
                num(s.assigned, 1),
                num(s.assigned_delivery, 1),
                pct(s.utilisation, 1.0),
                num(s.covered_unserved, 1),
                num(s.need_within, 1),
                s.ratio.map_or_else(String::new, |r| num(r, 2)),
                people,
            ]);
        }
        if !m.areas.is_empty() {
            let _ = out.write_record([""]);
            let mut header = vec![w.sec_areas.to_string()];
            header.extend(w.area_header.iter().map(|h| h.to_string()));
            let _ = out.write_record(&header);
            for a in &m.areas {
                let _ = out.write_record([
                    w.sec_areas.to_string(),
                    spreadsheet_safe(&a.name),
                    num(a.people, 0),
                    num(a.need, 1),
                    a.sites.to_string(),
                    num(a.capacity, 0),
                    a.ratio.map_or_else(String::new, |r| num(r, 2)),
                ]);
            }
        }
    }

    // The assumptions, each with its source.
    let _ = out.write_record([""]);
    let s = &view.settings;
    let x = w.sec_assumptions;
    let mut assume = |item: &str, value: String, source: &str| {
        let _ = out.write_record([x.to_string(), item.to_string(), value, source.to_string()]);
    };
    assume(w.a_radius, num(s.radius.metres(), 0), w.a_radius_source);
    assume(w.a_need, format!("{:.1}%", s.need_share * 100.0), w.a_need_source);
    assume(w.a_meals, num(s.meals_per_day, 0), w.a_meals_source);
    if let Some(m) = m {
        assume(w.a_existing, if m.existing_required { w.a_existing_yes } else { w.a_existing_no }.to_string(), "");
        assume(w.a_capacity, num(m.default_capacity, 0), w.a_capacity_source);
        if let Some(d) = &m.delivery {
            assume(w.a_delivery, num(d.radius_m, 0), w.a_delivery_source);
        }
        assume(w.a_access, (w.a_access_value)(m.access.catchment_m), w.a_access_source);
        let walk_source = match s.radius {
            Radius::Walking { .. } => "",
            Radius::Metres { .. } => w.a_walk_source,
        };
        assume(w.a_walk, (w.a_walk_value)(m.access.speed_m_per_min, m.access.detour), walk_source);
        assume(w.a_minutes, (if m.access.on_roads { w.a_minutes_roads } else { w.a_minutes_line }).to_string(), "");
    }
    let body = String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}
