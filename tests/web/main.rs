//! In-browser component tests: the real app rendered into a real DOM in headless Chromium.
//! Run with `./x test` (or `cargo test --target wasm32-unknown-unknown --no-default-features
//! --features ui --test web` once the toolchain is installed).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};
use yew::AppHandle;
use zhucan::ui::{App, AppProps};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// A freshly mounted app with default settings (storage cleared, html reset).
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Mounted {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            storage.clear().expect("storage clears");
        }
        // The calculator keeps its answers in the URL fragment (the share link): start without one.
        if let Some(window) = web_sys::window() {
            let location = window.location();
            let plain = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
            window.history().expect("history").replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&plain)).expect("reset");
        }
        let html = document().document_element().expect("<html>");
        html.set_attribute("lang", "zh-CN").expect("set lang");
        html.class_list().remove_1("large-text").expect("class list");
        let root = document().create_element("div").expect("div");
        document().body().expect("body").append_child(&root).expect("append");
        Mounted::mount(root).await
    }

    /// Mounts the app into `root` as the page does: the skeleton first, the app into its top.
    async fn mount(root: Element) -> Mounted {
        // No files beside the test page: the presets come from the built-in copies.
        zhucan::ui::calculator::state::set_preset_source(|id| zhucan::core::policy::presets::preset(id).map(|p| p.toml));
        let shell = zhucan::ui::shell::build(&root).expect("the page's skeleton");
        let handle = yew::Renderer::<App>::with_root_and_props(shell.top.clone(), AppProps { shell }).render();
        yew::scheduler::flush().await;
        Mounted { root, handle: Some(handle) }
    }

    fn find(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .dyn_into::<HtmlElement>()
            .expect("an HTML element")
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.find(selector).click();
        yew::scheduler::flush().await;
    }

    /// Types into a text input as a user would (sets the value, fires `input`).
    async fn type_into(&self, selector: &str, text: &str) {
        let input: web_sys::HtmlInputElement = self.find(selector).unchecked_into();
        input.set_value(text);
        let event = web_sys::InputEvent::new("input").expect("input event");
        input.dispatch_event(&event).expect("dispatch");
        yew::scheduler::flush().await;
    }

    /// Chooses an option of a select (sets the value, fires `change`).
    async fn choose(&self, selector: &str, value: &str) {
        let select: web_sys::HtmlSelectElement = self.find(selector).unchecked_into();
        select.set_value(value);
        let event = web_sys::Event::new("change").expect("change event");
        select.dispatch_event(&event).expect("dispatch");
        yew::scheduler::flush().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

fn html_lang() -> String {
    document().document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn starts_in_chinese_on_the_calculator_tab() {
    let app = Mounted::new().await;
    assert_eq!(app.text("#tab-calculator"), "补贴计算");
    assert_eq!(app.text("#tab-planner"), "选址规划");
    assert_eq!(app.find("#tab-calculator").get_attribute("aria-selected").as_deref(), Some("true"));
    assert!(!app.find("#panel-calculator").hidden());
    assert!(app.find("#panel-planner").hidden());
    assert_eq!(html_lang(), "zh-CN");
}

#[wasm_bindgen_test]
async fn clicking_a_tab_shows_its_panel() {
    let app = Mounted::new().await;
    app.click("#tab-planner").await;
    assert_eq!(app.find("#tab-planner").get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(app.find("#tab-calculator").get_attribute("aria-selected").as_deref(), Some("false"));
    assert_eq!(app.find("#tab-planner").tab_index(), 0);
    assert_eq!(app.find("#tab-calculator").tab_index(), -1);
    assert!(!app.find("#panel-planner").hidden(), "the planner panel shows");
    assert!(app.find("#panel-calculator").hidden(), "the calculator panel hides");
    // This test page has no boot.js, so the planner's loader is missing: a message, not a crash.
    assert!(app.text("#panel-planner [role=alert]").contains("没有加载成功"));
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_tabs_and_focus_follows() {
    let app = Mounted::new().await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("keyboard event");
    app.find("#tab-calculator").dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(app.find("#tab-planner").get_attribute("aria-selected").as_deref(), Some("true"));
    assert!(!app.find("#panel-planner").hidden());
    let focused = document().active_element().map(|e| e.id()).unwrap_or_default();
    assert_eq!(focused, "tab-planner");
}

fn pressed(app: &Mounted, selector: &str) -> Option<String> {
    app.find(selector).get_attribute("aria-pressed")
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_lang_and_title() {
    let app = Mounted::new().await;
    // One button per language, each named in its own language; the current one is pressed.
    assert!(app.text("#language-en").contains("English"));
    assert!(app.text("#language-zh-CN").contains("中文"));
    assert_eq!(app.find("#language-en").get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(pressed(&app, "#language-zh-CN").as_deref(), Some("true"));
    assert_eq!(pressed(&app, "#language-en").as_deref(), Some("false"));
    app.click("#language-en").await;
    assert_eq!(app.text("#tab-calculator"), "Subsidy calculator");
    assert_eq!(app.text("#tab-planner"), "Site planner");
    assert_eq!(html_lang(), "en");
    assert!(document().title().starts_with("zhucan"), "title: {}", document().title());
    assert!(app.text("#language-zh-CN").contains("中文"));
    assert_eq!(pressed(&app, "#language-en").as_deref(), Some("true"));
    assert_eq!(pressed(&app, "#language-zh-CN").as_deref(), Some("false"));
    // Choosing the language already in use changes nothing (it is a choice, not a toggle).
    app.click("#language-en").await;
    assert_eq!(html_lang(), "en");
    app.click("#language-zh-CN").await;
    assert_eq!(app.text("#tab-calculator"), "补贴计算");
    assert_eq!(html_lang(), "zh-CN");
}

#[wasm_bindgen_test]
async fn large_text_toggle_sets_the_class_and_pressed_state() {
    let app = Mounted::new().await;
    let html = document().document_element().expect("<html>");
    assert!(!html.class_list().contains("large-text"));
    assert_eq!(app.find("#toggle-large-text").get_attribute("aria-pressed").as_deref(), Some("false"));
    app.click("#toggle-large-text").await;
    assert!(html.class_list().contains("large-text"));
    assert_eq!(app.find("#toggle-large-text").get_attribute("aria-pressed").as_deref(), Some("true"));
    app.click("#toggle-large-text").await;
    assert!(!html.class_list().contains("large-text"));
}

#[wasm_bindgen_test]
async fn extra_large_and_high_contrast_toggle_their_classes() {
    let app = Mounted::new().await;
    let html = document().document_element().expect("<html>");
    // Extra large turns large text on with it; turning large text off turns both off.
    app.click("#toggle-extra-large").await;
    assert!(html.class_list().contains("extra-large") && html.class_list().contains("large-text"));
    assert_eq!(app.find("#toggle-large-text").get_attribute("aria-pressed").as_deref(), Some("true"));
    app.click("#toggle-large-text").await;
    assert!(!html.class_list().contains("extra-large") && !html.class_list().contains("large-text"));
    assert_eq!(app.find("#toggle-extra-large").get_attribute("aria-pressed").as_deref(), Some("false"));
    app.click("#toggle-contrast").await;
    assert!(html.class_list().contains("high-contrast"));
    assert_eq!(app.find("#toggle-contrast").get_attribute("aria-pressed").as_deref(), Some("true"));
    app.click("#toggle-contrast").await;
    assert!(!html.class_list().contains("high-contrast"));
}

#[wasm_bindgen_test]
async fn settings_survive_a_remount() {
    {
        let app = Mounted::new().await;
        app.click("#language-en").await;
        app.click("#toggle-large-text").await;
        // Dropping `app` at the end of this block unmounts it, as a reload would.
    }
    // Mount again without clearing storage.
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    let again = Mounted::mount(root).await;
    assert_eq!(again.text("#tab-calculator"), "Subsidy calculator");
    assert_eq!(again.find("#toggle-large-text").get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn typing_an_age_updates_the_result_status() {
    let app = Mounted::new().await;
    app.choose("#calc-policy", "tianjin").await;
    app.type_into("#calc-date", "2025-03-04").await;
    // The live region (announced once the answers settle) is beside the visible headline.
    let status = app.find(".result-announce");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert!(app.text(".result-headline").contains("填好年龄"), "empty before the age");
    app.type_into("#calc-age", "85").await;
    // Tianjin 2024: 80+ get 3 yuan of the 13-yuan standard meal.
    let text = app.text(".result-headline");
    assert!(text.contains("这一餐补贴3元") && text.contains("您支付10元"), "{text}");
    app.type_into("#calc-age", "79").await;
    // 79 is below the 80 of clause 2024-who: no subsidy, she pays the whole 13 yuan.
    let text = app.text(".result-headline");
    assert!(text.contains("这一餐补贴0元") && text.contains("您支付13元"), "{text}");
}

#[wasm_bindgen_test]
async fn an_invalid_answer_is_named_next_to_its_field() {
    let app = Mounted::new().await;
    // No city is chosen at first: choose one, as a resident does, before the result lists problems.
    app.choose("#calc-policy", "shenzhen-2025").await;
    app.type_into("#calc-age", "eighty").await;
    let input = app.find("#calc-age");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("calc-age-hint calc-age-error"));
    assert!(app.text("#calc-age-error").contains("请填写整数"));
    assert!(app.text(".error-summary").contains("年龄"));
}

#[wasm_bindgen_test]
async fn unsure_shows_a_range() {
    let app = Mounted::new().await;
    app.choose("#calc-policy", "guangzhou-2020").await;
    app.type_into("#calc-date", "2025-03-04").await;
    app.type_into("#calc-age", "70").await;
    app.choose("#calc-hardship", "unsure").await;
    // Guangzhou, 70: 7 yuan as 60–79, 11 yuan as 困难老人.
    let text = app.text(".result-headline");
    assert!(text.contains("7元 – 11元"), "{text}");
    assert!(text.contains("困难类别"), "{text}");
}

/// Settings are stored in the JSON shape earlier versions wrote through serde, now written and
/// read by hand (no JSON library in the calculator's download); old saved values still read.
#[wasm_bindgen_test]
fn settings_are_stored_in_the_shape_earlier_versions_wrote() {
    use zhucan::core::Locale;
    use zhucan::ui::settings::Settings;
    let s = Settings { locale: Locale::En, large_text: true, extra_large: false, high_contrast: true };
    assert_eq!(s.to_stored(), r#"{"locale":"en","large_text":true,"extra_large":false,"high_contrast":true}"#);
    assert_eq!(Settings::from_stored(&s.to_stored()), s);
    let old = r#"{ "locale": "zh-CN", "large_text": true, "extra_large": true, "high_contrast": false }"#;
    assert_eq!(Settings::from_stored(old), Settings { locale: Locale::ZhCn, large_text: true, extra_large: true, high_contrast: false });
    assert_eq!(Settings::from_stored("not json"), Settings::default());
}

/// The language tables keep each language's punctuation inside the message (hand-written
/// expectations: full-width "：（），、" in Chinese only, ", : ( )" in English).
#[wasm_bindgen_test]
fn the_tables_hold_each_languages_punctuation() {
    use zhucan::core::planner::data::{Problem, RowIssue, RowRef};
    use zhucan::core::Locale;
    use zhucan::ui::calculator::text::calc_texts;
    use zhucan::ui::planner::text::plan_texts;
    let (zh, en) = (calc_texts(Locale::ZhCn), calc_texts(Locale::En));
    assert_eq!((zh.range_highest)("11元"), "最多：11元");
    assert_eq!((en.range_lowest)("¥7"), "at least: ¥7");
    assert_eq!((zh.depends_on)(&["困难类别".into(), "户籍（户口）".into()]), "具体多少取决于：困难类别、户籍（户口）");
    assert_eq!(
        (en.depends_on)(&["Hardship category".into(), "Care need".into()]),
        "The exact amount depends on: Hardship category, Care need"
    );
    assert_eq!((zh.grade_name)(2), "2级");
    assert_eq!((en.grade_name)(2), "Grade 2");
    assert_eq!((zh.policy_from_file)("天津 · 助餐", "my.toml"), "天津 · 助餐（my.toml）");
    assert_eq!((en.policy_from_file)("Tianjin · Meals", "my.toml"), "Tianjin · Meals (my.toml)");
    assert_eq!((zh.sentence)("这一餐补贴3元。"), "这一餐补贴3元。");
    assert_eq!((en.sentence)("Subsidy for this meal: ¥3."), "Subsidy for this meal: ¥3. ");
    let (pz, pe) = (plan_texts(Locale::ZhCn), plan_texts(Locale::En));
    assert_eq!((pz.in_use)("demand.csv", 1500), "正在使用：demand.csv（1500 行）");
    assert_eq!((pe.in_use)("demand.csv", 1500), "In use: demand.csv (1500 rows)");
    assert_eq!((pz.mapping_title)("GBK"), "请确认每一列是什么（编码：GBK）");
    assert_eq!((pe.mapping_title)("GBK"), "Please confirm which column is which (encoding: GBK)");
    assert_eq!((pz.project_problem)("p.json", "不是项目文件"), "p.json：不是项目文件");
    assert_eq!((pe.summary_covered)("900", "1,200", "75.0%"), "The chosen sites with the existing canteens cover 900 of 1,200 (75.0%)");
    assert_eq!((pz.summary_covered)("900", "1,200", "75.0%"), "选出的地点加上现有食堂，覆盖了1,200中的900（75.0%）");
    let issue = RowIssue { row: RowRef::Line(3), field: "纬度".into(), problem: Problem::Duplicate { first: RowRef::Line(2) } };
    assert_eq!((pz.issue)(&issue), "第 3 行，“纬度”：和第 2 行重复");
    assert_eq!((pe.issue)(&issue), "line 3, “纬度”: repeats line 2");
}

/// The planner limits "sites to choose" by the candidates it knows of: none before any data, the
/// demo district's 60 candidates, else the rows of the candidates file in use (the demand file's
/// rows do not count).
#[wasm_bindgen_test]
fn the_planner_counts_the_candidates_it_chooses_from() {
    use zhucan::core::io::columns::ColumnMap;
    use zhucan::core::io::crs::Crs;
    use zhucan::ui::planner::state::{InUse, PlannerState};
    let in_use = |rows: usize| InUse {
        name: "f.csv".into(),
        rows,
        map: ColumnMap::default(),
        crs: Crs::Wgs84,
        skipped: false,
        sheet: None,
        rasters: Vec::new(),
        extra_name: String::new(),
    };
    let mut s = PlannerState::default();
    assert_eq!(s.n_candidates(), None);
    s.cards[0].in_use = Some(in_use(500));
    assert_eq!(s.n_candidates(), None, "demand rows are not candidates");
    s.cards[1].in_use = Some(in_use(25));
    assert_eq!(s.n_candidates(), Some(25));
    let demo = PlannerState { demo: true, ..PlannerState::default() };
    assert_eq!(demo.n_candidates(), Some(60));
}

/// What the planner keeps across reloads and in a project file once rasters, a workbook's sheet
/// and a boundary are in use: the rasters in the order chosen with their roles, the sheet by
/// role, the boundary with its coordinate system; the rasters are the demand, not a table.
#[wasm_bindgen_test]
fn the_planner_saves_rasters_a_sheet_and_a_boundary() {
    use std::rc::Rc;
    use yew::Reducible;
    use zhucan::core::io::crs::Crs;
    use zhucan::core::planner::session::area::BoundaryReport;
    use zhucan::core::planner::session::population::{Extent, RasterReport, WindowFrom};
    use zhucan::core::planner::session::{Opened, Reply, Role};
    use zhucan::ui::planner::state::{PlanAction, PlannerState};
    let report = RasterReport {
        layers: vec![("f_80.tif".into(), true), ("f_60.tif".into(), false)],
        extra_name: Some("80岁以上".into()),
        from: WindowFrom::WholeFile,
        extent: Extent { west: 113.0, south: 23.02, east: 113.04, north: 23.05 },
        read: 24,
        points: 9,
        people: 62.0,
        extra_people: 62.0,
        nodata: 2,
        negative: 2,
        empty: 2,
    };
    let s = Rc::new(PlannerState::default()).reduce(PlanAction::Worker(Reply::RasterRead(report)));
    let u = s.cards[0].in_use.clone().expect("the rasters are in use");
    assert_eq!((u.name.as_str(), u.rows), ("f_80.tif + f_60.tif", 9));
    assert_eq!(s.extra_names(), vec!["80岁以上".to_string()], "the extra weight can be weighted");
    let opened = Opened {
        role: Role::Candidates,
        name: "点.xlsx".into(),
        encoding: "XLSX".into(),
        headers: vec!["名称".into(), "location".into()],
        sample: Vec::new(),
        map: Default::default(),
        crs_hint: None,
        geojson: false,
        polygons: 0,
        sheets: vec!["一".into(), "二".into()],
        sheet: Some("二".into()),
        sheets_with_data: vec!["一".into(), "二".into()],
    };
    let s = s.reduce(PlanAction::Worker(Reply::Opened(opened)));
    let s = s.reduce(PlanAction::SetCrs(Role::Candidates, Crs::Gcj02));
    let imported = zhucan::core::planner::session::ImportReport {
        role: Role::Candidates,
        name: "点.xlsx".into(),
        total_rows: 3,
        bad_rows: 0,
        issues: Vec::new(),
        warnings: Vec::new(),
        accepted: true,
        rows_in_use: 3,
        extra_names: Vec::new(),
    };
    let s = s.reduce(PlanAction::Worker(Reply::Imported(imported)));
    let boundary = BoundaryReport {
        name: "街道.geojson".into(),
        crs: Crs::Gcj02,
        areas: vec!["示例街道".into()],
        area_count: 1,
        skipped: 0,
        demand: None,
        candidates: None,
    };
    let s = s.reduce(PlanAction::Worker(Reply::Boundary(boundary)));
    let saved = s.saved();
    assert_eq!(saved.files.len(), 1, "only the candidates are a table");
    assert_eq!((saved.files[0].0, saved.files[0].1.as_str(), saved.files[0].3), (Role::Candidates, "点.xlsx", Crs::Gcj02));
    assert_eq!(saved.sheets, vec![(Role::Candidates, "二".to_string())]);
    assert_eq!(saved.rasters, vec![("f_80.tif".to_string(), true), ("f_60.tif".to_string(), false)]);
    assert_eq!(saved.raster_extra_name, "80岁以上");
    assert_eq!(saved.boundary, Some(("街道.geojson".to_string(), Crs::Gcj02)));
    // A table for the demand replaces the rasters.
    let s = s.reduce(PlanAction::Clear(Role::Demand));
    assert!(s.saved().rasters.is_empty());
}

/// The planner worker's messages: a request with a `File` beside its bytes comes back whole (the
/// same `File` object, not a copy), a reply without one is the bytes alone, and bytes that are
/// not a message are refused with a reason, never a panic.
#[wasm_bindgen_test]
fn worker_messages_carry_files_beside_their_bytes() {
    use zhucan::core::planner::session::{Reply, Role};
    use zhucan::worker::{decode, encode, JsSide, WorkerInput};
    let parts = js_sys::Array::of1(&"名称,经度,纬度\n".into());
    let file: JsValue = web_sys::File::new_with_str_sequence(&parts, "站点.csv").expect("a file").into();
    let input = WorkerInput::OpenFile {
        role: Role::Candidates,
        name: "站点.csv".into(),
        file: JsSide(file.clone()),
        sheet: None,
        locale: Default::default(),
    };
    let posted = encode(&input).expect("encodes");
    assert!(js_sys::Array::is_array(&posted), "a File goes beside the bytes");
    let back: WorkerInput = decode(posted).expect("decodes");
    match back {
        WorkerInput::OpenFile { role, name, file: JsSide(f), .. } => {
            assert_eq!(role, Role::Candidates);
            assert_eq!(name, "站点.csv");
            assert!(js_sys::Object::is(&f, &file), "the same File");
        }
        other => panic!("{other:?}"),
    }
    let reply = encode(&Reply::Cleared(Role::Demand)).expect("encodes");
    assert!(reply.is_instance_of::<js_sys::Uint8Array>(), "no File: the bytes alone");
    assert!(matches!(decode::<Reply>(reply), Ok(Reply::Cleared(Role::Demand))));
    assert!(decode::<Reply>(js_sys::Uint8Array::from(&[255u8, 255, 255, 255][..]).into()).is_err());
    assert!(decode::<Reply>(JsValue::from_str("zhucan-worker-ready")).is_err());
}
