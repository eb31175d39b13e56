//! The estimate as a CSV report for a budget request: every input with the policies' sources, each
//! site's figures and the totals. Written with a byte-order mark so that Excel reads it as UTF-8,
//! and every cell made safe from formula injection.

use super::estimate::Estimate;
use super::words::words;
use crate::core::planner::export::spreadsheet_safe;
use crate::core::policy::model::Policy;
use crate::core::Locale;

/// The report of `e` in language `l`.
pub fn report_csv(e: &Estimate, l: Locale) -> String {
    let w = words(l);
    // Rows have different lengths (labels and values, then the sites' table).
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let mut row = |cells: Vec<String>| {
        let _ = out.write_record(cells.iter().map(|c| spreadsheet_safe(c)));
    };
    let policy_line = |p: &Policy, year: &str| {
        let sources: Vec<String> = p.sources.iter().map(|s| (w.source)(&s.title, s.url.as_deref().unwrap_or_default())).collect();
        vec![(w.policy_label)(p.region.get(l), p.name.get(l)), year.to_string(), (w.sources)(&sources)]
    };
    let f = &e.form;
    row(vec![w.policy_a.into(), String::new(), String::new()]);
    row(policy_line(e.policy_a, &f.year_a));
    if let Some(pb) = e.policy_b {
        row(vec![w.policy_b.into(), String::new(), String::new()]);
        row(policy_line(pb, &f.year_b));
    }
    row(vec![w.uptake.into(), f.uptake.clone()]);
    row(vec![w.days.into(), f.days.clone()]);
    row(vec![w.price.into(), f.price.clone()]);
    let shares = w.age_bands.iter().zip(&f.age).chain(w.hardships.iter().zip(&f.hardship)).chain(w.cares.iter().zip(&f.care));
    for (label, value) in shares {
        row(vec![label.to_string(), value.clone()]);
    }
    row(vec![w.nonlocal.into(), f.nonlocal.clone()]);
    row(vec![w.independence.into()]);
    row(vec![w.flag_note.into()]);
    row(vec![String::new()]);
    let header = [w.col_name, w.col_new, w.col_users, w.col_meals, w.col_capacity, w.col_served, w.col_subsidy, w.operator];
    row(header.iter().map(|h| h.to_string()).collect());
    let c = &e.cost_a;
    for (s, sc) in e.view.chosen_sites().zip(&c.sites) {
        row(vec![
            s.name.clone(),
            format!("{:.0}", sc.covered),
            format!("{:.1}", sc.users),
            format!("{:.1}", sc.meals_per_day),
            sc.capacity.map(|x| format!("{x:.0}")).unwrap_or_default(),
            (w.percent)(&format!("{:.0}", sc.served_share * 100.0)),
            format!("{:.0}", sc.subsidy_year),
            format!("{:.0}", sc.operator_year),
        ]);
    }
    row(vec![w.year_total.into(), format!("{:.0}", c.subsidy_year)]);
    for (level, amount) in w.levels.iter().zip(c.by_level_year) {
        row(vec![level.to_string(), format!("{amount:.0}")]);
    }
    row(vec![w.operator.into(), format!("{:.0}", c.operator_year)]);
    row(vec![w.per_person.into(), format!("{:.2}", c.per_covered_person_year)]);
    row(vec![w.uncovered.into(), format!("{:.0}", c.uncovered)]);
    if let Some(b) = &e.cost_b {
        row(vec![w.cost_change_label.into(), format!("{:.0}", b.subsidy_year - c.subsidy_year)]);
    }
    let body = String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::core::scenario::form::ScenarioForm;
    use crate::core::scenario::test_view::{everyone_85, site, view};

    #[test]
    fn the_report_line_by_line_by_hand() {
        // Everyone 85, Tianjin (783 a year a user) against Guangzhou (2,349), 20 % come on 5 days.
        // Site "=甲" (a formula-like name, written '=甲): 600 newly covered → 120 users,
        // 120 × 5 / 7 = 85.7 meals a day, capacity 60 → 60 / 85.714 = 70 % served,
        // 120 × 0.7 × 783 = 65,772 yuan. Site 乙: 700 → 140 users, 100.0 meals, no capacity,
        // 140 × 783 = 109,620. Total 175,392, all "not split"; 2,000 − 1,300 = 700 not covered;
        // per person 175,392 / 1,300 = 134.92. Under Guangzhou the same users get 3 × as much
        // (9 vs 3 yuan a lunch): 526,176, a change of 350,784.
        let form = ScenarioForm { policy_b: "guangzhou-2020".into(), ..everyone_85("tianjin") };
        let v = Rc::new(view(vec![site("=甲", 600.0, 600.0, Some(60.0)), site("乙", 700.0, 700.0, None)], 2000.0));
        let e = Estimate::run(&v, None, &form).expect("valid");
        let csv = report_csv(&e, Locale::ZhCn);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "补贴政策,,");
        assert!(lines[1].starts_with("天津市 · 天津市老年人助餐补贴,2025,"), "{}", lines[1]);
        assert_eq!(lines[2], "对比的政策（可选）,,");
        assert!(lines[3].starts_with("广东省广州市（按增城区正果镇公布的标准） · 广州市长者饭堂助餐配餐补贴（正果镇指南）,2025,"));
        let rest = &lines[4..];
        let expected = [
            "实际来吃的老年人比例（%）,20",
            "每人每周吃几天午餐,5",
            "每餐价格（元，可不填）,",
            "60–64岁,0",
            "65–69岁,0",
            "70–79岁,0",
            "80–99岁,100",
            "100岁以上,0",
            "特困（分散供养）,0",
            "低保,0",
            "低保边缘,0",
            "低收入,0",
            "中度失能,0",
            "重度失能,0",
            "外地户籍,0",
            "估算假设各类比例互相独立（例如低保对象中80岁以上的比例与总体相同）。",
        ];
        assert_eq!(&rest[..expected.len()], &expected);
        assert!(rest[expected.len()].starts_with("注意：依靠政策自己名单的人群"));
        let tail = &rest[expected.len() + 1..];
        assert_eq!(
            tail,
            &[
                "\"\"",
                "名称,新增覆盖老年人,来吃的人数,每日餐数,日供餐能力（餐）,容量能满足,每年补贴（元）,食堂运营补贴（每年）",
                "'=甲,600,120.0,85.7,60,70%,65772,0",
                "乙,700,140.0,100.0,,100%,109620,0",
                "每年补贴,175392",
                "市级财政,0",
                "区级财政,0",
                "镇街,0",
                "未分级,175392",
                "食堂运营补贴（每年）,0",
                "每位覆盖老年人每年（补贴加运营补贴）,134.92",
                "没有覆盖到的老年人,700",
                "每年总补贴的变化：,350784",
            ]
        );
        // In English the labels are English, the figures the same.
        let en = report_csv(&e, Locale::En);
        assert!(en.contains("\nShare of covered older people who eat there (%),20\n"), "{en}");
        assert!(en.contains("\nSubsidy per year,175392\n"));
    }
}
