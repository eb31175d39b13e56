//! An estimate as the scenario section shows it: every figure written out, every label in the
//! interface's language. The interface only lays these out.

use super::estimate::Estimate;
use super::form::above_zero;
use super::policies::preset_policies;
use super::words::{words, ScenarioWords};
use crate::core::locale::thousands;
use crate::core::planner::session::PlanView;
use crate::core::policy::explain::hardship_name;
use crate::core::policy::model::Policy;
use crate::core::Locale;

/// One chosen site's row.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteLine {
    /// The site's whole name (the table shortens it).
    pub name: String,
    /// Newly covered, users, meals a day, capacity, share served, subsidy a year.
    pub cells: [String; 6],
}

/// Who gains and who loses.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonText {
    /// The change in the yearly total.
    pub cost_change: String,
    /// The table's caption.
    pub caption: String,
    /// Group, before, after, change.
    pub rows: Vec<[String; 4]>,
}

/// The kept plan against the one on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct PlansText {
    /// The table's caption.
    pub caption: String,
    /// Item, kept plan, this plan, change.
    pub rows: Vec<[String; 4]>,
}

/// A policy among the assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyText {
    /// Region, name and year.
    pub heading: String,
    /// Its sources: title, and address if any.
    pub sources: Vec<(String, Option<String>)>,
}

/// The cost curve drawn in a 600 × 240 box.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartText {
    /// The SVG's view box.
    pub view_box: String,
    /// The coverage axis: x1, y1, x2, y2.
    pub x_axis: [String; 4],
    /// The cost axis: x1, y1, x2, y2.
    pub y_axis: [String; 4],
    /// Where the coverage axis's label goes: x, y.
    pub x_label_at: [String; 2],
    /// Where the cost axis's label goes: x, y.
    pub y_label_at: [String; 2],
    /// The cost axis's label, with its top value.
    pub top: String,
    /// The polyline's points.
    pub points: String,
    /// The same as a table: new sites, coverage, ten thousands of yuan a year.
    pub rows: Vec<[String; 3]>,
}

/// An estimate written out.
#[derive(Clone, Debug, PartialEq)]
pub struct EstimateText {
    /// Subsidy a year.
    pub year_total: String,
    /// A month.
    pub month_total: String,
    /// A day.
    pub day_total: String,
    /// Funding levels that pay anything: label and amount a year.
    pub levels: Vec<(&'static str, String)>,
    /// Operator subsidy a year.
    pub operator: String,
    /// Per covered older person a year.
    pub per_person: String,
    /// Older people not covered.
    pub uncovered: String,
    /// The chosen sites.
    pub sites: Vec<SiteLine>,
    /// Against the second policy, if any.
    pub comparison: Option<ComparisonText>,
    /// Against the kept plan, if any.
    pub plans: Option<PlansText>,
    /// The policies and their sources.
    pub policies: Vec<PolicyText>,
    /// Every other input: label and value.
    pub assumptions: Vec<(&'static str, String)>,
    /// The cost curve, if there is one.
    pub chart: Option<ChartText>,
}

impl EstimateText {
    /// Writes out `e` in language `l`.
    pub fn new(e: &Estimate, l: Locale) -> EstimateText {
        let w = words(l);
        let c = &e.cost_a;
        let yuan = |x: f64| (w.yuan)(&thousands(x));
        let sites = e
            .view
            .chosen_sites()
            .zip(&c.sites)
            .map(|(s, sc)| SiteLine {
                name: s.name.clone(),
                cells: [
                    thousands(sc.covered),
                    format!("{:.1}", sc.users),
                    format!("{:.1}", sc.meals_per_day),
                    sc.capacity.map_or_else(|| w.no_figure.to_string(), thousands),
                    (w.percent)(&format!("{:.0}", sc.served_share * 100.0)),
                    thousands(sc.subsidy_year),
                ],
            })
            .collect();
        let levels = c.by_level_year.iter().zip(w.levels).filter(|(v, _)| **v > 0.0).map(|(v, label)| (label, yuan(*v))).collect();
        EstimateText {
            year_total: yuan(c.subsidy_year),
            month_total: yuan(c.subsidy_year / 12.0),
            day_total: yuan(c.subsidy_year / 365.0),
            levels,
            operator: yuan(c.operator_year),
            per_person: (w.yuan)(&format!("{:.2}", c.per_covered_person_year)),
            uncovered: thousands(c.uncovered),
            sites,
            comparison: comparison(e, w, l),
            plans: plans(e, w, l),
            policies: policies(e, l),
            assumptions: assumptions(e, w),
            chart: chart(e, w),
        }
    }
}

fn comparison(e: &Estimate, w: &ScenarioWords, l: Locale) -> Option<ComparisonText> {
    let (b, pb) = (e.cost_b.as_ref()?, e.policy_b?);
    let rows = e
        .changes
        .iter()
        .map(|r| {
            let sign = if r.after >= r.before { "+" } else { "" };
            [
                (w.group)(w.age_bands.get(r.age_band).copied().unwrap_or_default(), hardship_name(r.hardship, l)),
                thousands(r.before),
                thousands(r.after),
                format!("{sign}{}", thousands(r.after - r.before)),
            ]
        })
        .collect();
    let name = |p: &Policy, year: &str| (w.policy_year)(p.name.get(l), year);
    Some(ComparisonText {
        cost_change: (w.cost_change)(&thousands(b.subsidy_year - e.cost_a.subsidy_year)),
        caption: (w.compare_caption)(&name(e.policy_a, &e.form.year_a), &name(pb, &e.form.year_b)),
        rows,
    })
}

fn plans(e: &Estimate, w: &ScenarioWords, l: Locale) -> Option<PlansText> {
    let (kept_view, kept) = e.kept.as_ref()?;
    let now = &e.cost_a;
    let sites = |v: &PlanView| v.chosen.len() as f64;
    let items: [(&str, f64, f64, bool); 7] = [
        (w.cmp_sites, sites(kept_view), sites(&e.view), false),
        (w.cmp_radius, kept_view.radius_m, e.view.radius_m, false),
        (w.cmp_covered, kept.covered, now.covered, false),
        (w.cmp_meals, kept.served_meals(), now.served_meals(), false),
        (w.year_total, kept.subsidy_year, now.subsidy_year, true),
        (w.operator, kept.operator_year, now.operator_year, true),
        (w.uncovered, kept.uncovered, now.uncovered, false),
    ];
    let cell = |x: f64, money: bool| if money { (w.yuan)(&thousands(x)) } else { thousands(x) };
    let rows = items
        .iter()
        .map(|&(label, before, after, money)| {
            let d = after - before;
            let sign = if d > 0.0 { "+" } else { "" };
            [label.to_string(), cell(before, money), cell(after, money), format!("{sign}{}", cell(d, money))]
        })
        .collect();
    Some(PlansText { caption: (w.plans_caption)(e.policy_a.name.get(l)), rows })
}

fn policies(e: &Estimate, l: Locale) -> Vec<PolicyText> {
    let w = words(l);
    let one = |p: &Policy, year: &str| PolicyText {
        heading: (w.policy_region_year)(p.region.get(l), p.name.get(l), year),
        sources: p.sources.iter().map(|s| (s.title.clone(), s.url.clone())).collect(),
    };
    std::iter::once(one(e.policy_a, &e.form.year_a)).chain(e.policy_b.map(|p| one(p, &e.form.year_b))).collect()
}

fn assumptions(e: &Estimate, w: &ScenarioWords) -> Vec<(&'static str, String)> {
    let f = &e.form;
    let price = if f.price.trim().is_empty() { w.price_default.to_string() } else { f.price.clone() };
    let mut out = vec![(w.uptake, (w.percent)(&f.uptake)), (w.days, f.days.clone()), (w.price, price)];
    let shares = w.age_bands.iter().zip(&f.age).chain(w.hardships.iter().zip(&f.hardship)).chain(w.cares.iter().zip(&f.care));
    out.extend(
        shares.chain(std::iter::once((&w.nonlocal, &f.nonlocal))).filter(|(_, v)| above_zero(v)).map(|(label, v)| (*label, (w.percent)(v))),
    );
    out
}

fn chart(e: &Estimate, w: &ScenarioWords) -> Option<ChartText> {
    if e.curve.is_empty() {
        return None;
    }
    let max_cost = e.curve.iter().map(|p| p.2).fold(1.0, f64::max);
    let (wd, h, pad): (f64, f64, f64) = (600.0, 240.0, 40.0);
    let points: Vec<String> = e
        .curve
        .iter()
        .map(|(_, share, cost)| format!("{:.1},{:.1}", pad + share * (wd - 2.0 * pad), h - pad - cost / max_cost * (h - 2.0 * pad)))
        .collect();
    let rows = e
        .curve
        .iter()
        .map(|(k, share, cost)| [k.to_string(), (w.percent)(&format!("{:.1}", share * 100.0)), format!("{:.1}", cost / 10_000.0)])
        .collect();
    Some(ChartText {
        view_box: format!("0 0 {wd} {h}"),
        x_axis: [pad.to_string(), (h - pad).to_string(), (wd - pad).to_string(), (h - pad).to_string()],
        y_axis: [pad.to_string(), pad.to_string(), pad.to_string(), (h - pad).to_string()],
        x_label_at: [(wd - pad).to_string(), (h - 10.0).to_string()],
        y_label_at: [(pad + 4.0).to_string(), (pad - 10.0).to_string()],
        top: (w.chart_top)(&format!("{:.0}", max_cost / 10_000.0)),
        points: points.join(" "),
        rows,
    })
}

/// The presets the form offers: id and "region · name".
pub fn policy_choices(l: Locale) -> Vec<(&'static str, String)> {
    let w = words(l);
    preset_policies().iter().map(|(id, p)| (*id, (w.policy_label)(p.region.get(l), p.name.get(l)))).collect()
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::core::scenario::form::ScenarioForm;
    use crate::core::scenario::test_view::{everyone_85, site, view};

    fn estimate(sites: Vec<crate::core::planner::session::SiteRow>, form: &ScenarioForm) -> Estimate {
        Estimate::run(&Rc::new(view(sites, 2000.0)), None, form).expect("valid")
    }

    #[test]
    fn totals_and_sites_written_out_by_hand() {
        // Everyone 85 under Tianjin (783 yuan a year a user), 20 % come Monday–Friday.
        // Site 甲: 600 newly covered → 120 users, 120 × 5 / 7 = 85.71… meals a day, capacity 100
        // is enough, 120 × 783 = 93,960 yuan. Site 乙: 700 → 140 users, 100 meals a day exactly,
        // capacity 50 → 50 / 100 = 50 % served, 140 × 0.5 × 783 = 54,810 yuan.
        // Year 93,960 + 54,810 = 148,770; month 148,770 / 12 = 12,397.5 → 12,398;
        // day 148,770 / 365 = 407.59… → 408; per covered person 148,770 / 1,300 = 114.44…;
        // not covered 2,000 − 1,300 = 700. Tianjin is not split by level: all "not split".
        let e = estimate(vec![site("甲", 600.0, 600.0, Some(100.0)), site("乙", 700.0, 700.0, Some(50.0))], &everyone_85("tianjin"));
        let t = EstimateText::new(&e, Locale::ZhCn);
        assert_eq!((t.year_total.as_str(), t.month_total.as_str(), t.day_total.as_str()), ("148,770元", "12,398元", "408元"));
        assert_eq!(t.levels, vec![("未分级", "148,770元".to_string())]);
        assert_eq!((t.operator.as_str(), t.per_person.as_str(), t.uncovered.as_str()), ("0元", "114.44元", "700"));
        assert_eq!(t.sites[0].name, "甲");
        assert_eq!(t.sites[0].cells, ["600", "120.0", "85.7", "100", "100%", "93,960"].map(String::from));
        assert_eq!(t.sites[1].cells, ["700", "140.0", "100.0", "50", "50%", "54,810"].map(String::from));
        assert!(t.comparison.is_none() && t.plans.is_none());
        let en = EstimateText::new(&e, Locale::En);
        assert_eq!((en.year_total.as_str(), en.levels[0].0), ("148,770 yuan", "Not split"));
    }

    #[test]
    fn the_comparison_in_each_language() {
        // Tianjin 783 → Guangzhou 2,349 a year a user: +1,566. Two sites, 600 and 700 newly
        // covered, 260 users: the total changes by 260 × 1,566 = 407,160 yuan.
        let form = ScenarioForm { policy_b: "guangzhou-2020".into(), ..everyone_85("tianjin") };
        let e = estimate(vec![site("甲", 600.0, 600.0, None), site("乙", 700.0, 700.0, None)], &form);
        let chinese = EstimateText::new(&e, Locale::ZhCn).comparison.expect("a comparison");
        assert_eq!(chinese.cost_change, "每年总补贴的变化：407,160元");
        assert_eq!(chinese.rows, vec![["80–99岁，以上都不是", "783", "2,349", "+1,566"].map(String::from)]);
        assert_eq!(
            chinese.caption,
            "每位来吃的老年人每年能拿到的补贴（元）：天津市老年人助餐补贴（2025） → 广州市长者饭堂助餐配餐补贴（正果镇指南）（2025）"
        );
        let en = EstimateText::new(&e, Locale::En).comparison.expect("a comparison");
        assert_eq!(en.cost_change, "Change in total subsidy per year: 407,160 yuan");
        assert_eq!(en.rows[0][0], "80–99, none of these");
        assert_eq!(
            en.caption,
            "Subsidy per user per year (yuan): Tianjin meal subsidy for older people (2025) → Guangzhou senior-canteen meal subsidy (Zhengguo town guide) (2025)"
        );
    }

    #[test]
    fn the_kept_plan_side_by_side_by_hand() {
        // Kept: 1 site newly covering 1,000 (200 users, 142.86 meals a day, 156,600 yuan);
        // now: 2 sites, 600 + 700 (260 users, 185.71 meals a day, 203,580 yuan). Radius 500 m both.
        let now = Rc::new(view(vec![site("甲", 600.0, 600.0, None), site("乙", 700.0, 700.0, None)], 2000.0));
        let kept = Rc::new(view(vec![site("丙", 1000.0, 1000.0, None)], 2000.0));
        let e = Estimate::run(&now, Some(&kept), &everyone_85("tianjin")).expect("valid");
        let p = EstimateText::new(&e, Locale::ZhCn).plans.expect("two plans");
        assert_eq!(p.caption, "保留的方案与当前方案（天津市老年人助餐补贴）");
        let rows: Vec<[&str; 4]> = p.rows.iter().map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str()]).collect();
        assert_eq!(
            rows,
            vec![
                ["选出的网点数", "1", "2", "+1"],
                ["服务半径（米）", "500", "500", "0"],
                ["新覆盖的老年人", "1,000", "1,300", "+300"],
                ["每天供餐份数（按容量封顶后）", "143", "186", "+43"],
                ["每年补贴", "156,600元", "203,580元", "+46,980元"],
                ["食堂运营补贴（每年）", "0元", "0元", "0元"],
                ["没有覆盖到的老年人", "1,000", "700", "-300"],
            ]
        );
    }

    #[test]
    fn assumptions_list_what_was_typed_and_the_sources() {
        // Shares above zero only: 80–99 at 100 % and 低保 at 5 %; an empty price is the reference.
        let mut form = everyone_85("tianjin");
        form.hardship[1] = "5".into();
        let e = estimate(vec![site("甲", 600.0, 600.0, None)], &form);
        let t = EstimateText::new(&e, Locale::ZhCn);
        let items: Vec<(&str, &str)> = t.assumptions.iter().map(|(l, v)| (*l, v.as_str())).collect();
        assert_eq!(
            items,
            vec![
                ("实际来吃的老年人比例（%）", "20%"),
                ("每人每周吃几天午餐", "5"),
                ("每餐价格（元，可不填）", "按各政策的标准餐价"),
                ("80–99岁", "100%"),
                ("低保", "5%")
            ]
        );
        assert_eq!(t.policies.len(), 1);
        assert_eq!(t.policies[0].heading, "天津市 · 天津市老年人助餐补贴（2025）");
        assert_eq!(t.policies[0].sources.len(), e.policy_a.sources.len());
        assert_eq!(EstimateText::new(&e, Locale::En).policies[0].heading, "Tianjin · Tianjin meal subsidy for older people (2025)");
    }

    #[test]
    fn the_chart_by_hand() {
        // Curve: 600 and 1,300 of 2,000 covered → 30 % and 65 %, 93,960 and 203,580 yuan.
        // x = 40 + share × 520: 196.0 and 378.0; y = 200 − cost / 203,580 × 160: 126.2 and 40.0.
        let e = estimate(vec![site("甲", 600.0, 600.0, None), site("乙", 700.0, 700.0, None)], &everyone_85("tianjin"));
        let c = EstimateText::new(&e, Locale::ZhCn).chart.expect("a chart");
        assert_eq!(c.points, "196.0,126.2 378.0,40.0");
        assert_eq!(c.top, "每年补贴（万元） 20");
        assert_eq!(c.rows, vec![["1", "30.0%", "9.4"].map(String::from), ["2", "65.0%", "20.4"].map(String::from)]);
        assert_eq!((c.view_box.as_str(), c.x_axis[2].as_str(), c.y_label_at[1].as_str()), ("0 0 600 240", "560", "30"));
    }

    #[test]
    fn the_choices_are_the_presets() {
        let c = policy_choices(Locale::ZhCn);
        assert_eq!(c.len(), crate::core::policy::presets::PRESETS.len());
        assert!(c.iter().any(|(id, label)| *id == "tianjin" && label == "天津市 · 天津市老年人助餐补贴"));
    }
}
