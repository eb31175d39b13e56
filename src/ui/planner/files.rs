//! One data file: choose it (picker or drop), confirm the columns (and a workbook's sheet) and
//! the coordinate system, import, and see every bad row with its line and field before agreeing
//! to skip them. The demand's card also takes population rasters, several at once: each counted
//! as older people or as the extra weight, then read and reported cell by cell.

use yew::prelude::*;

use super::data_text::{data_texts, DataTexts};
use super::state::{CardProblem, FileCard, MapField, RasterStep};
use super::text::{plan_texts, PlanTexts};
use crate::core::io::crs::Crs;
use crate::core::locale::thousands;
use crate::core::planner::data::{weightable_columns, FileWarning, MappingError};
use crate::core::planner::session::population::{RasterProblem, RasterReport, WindowFrom, MAX_CELLS};
use crate::core::planner::session::{OpenProblem, Role};
use crate::core::Locale;

/// What the demand's file picker takes: tables, and population rasters.
const DEMAND_TYPES: &str = ".csv,.txt,.geojson,.json,.xlsx,.xlsm,.xlsb,.ods,.tif,.tiff,.asc,.xyz,text/csv,application/geo+json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,image/tiff";
/// What the other pickers take: tables.
const TABLE_TYPES: &str = ".csv,.txt,.geojson,.json,.xlsx,.xlsm,.xlsb,.ods,text/csv,application/geo+json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet";

/// The files of a file list (a picker's, or a drop's).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The handlers of a card that takes one file: the picker's change (then cleared, so choosing the
/// same file again is seen) and a drop on the card; the first file is passed on.
pub fn one_file_handlers(on_file: &Callback<web_sys::File>) -> (Callback<Event>, Callback<DragEvent>) {
    let on_change = {
        let on_file = on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = files_of(input.files()).into_iter().next() {
                on_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let on_file = on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = files_of(e.data_transfer().and_then(|dt| dt.files())).into_iter().next() {
                on_file.emit(file);
            }
        })
    };
    (on_change, on_drop)
}

/// The coordinate systems a file may be drawn in, as a select's options, `selected` marked.
pub fn crs_options(l: Locale, selected: Option<Crs>) -> [Html; 3] {
    let t = plan_texts(l);
    [(Crs::Wgs84, t.crs_wgs84), (Crs::Gcj02, t.crs_gcj02), (Crs::Bd09, t.crs_bd09)]
        .map(|(c, name)| html! { <option value={c.code()} selected={selected == Some(c)}>{ name }</option> })
}

/// The coordinate system chosen in a select of [`crs_options`] (`None`: not one the planner knows).
pub fn chosen_crs(e: &Event) -> Option<Crs> {
    Crs::from_code(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
}

/// Properties of [`FileCardView`].
#[derive(Properties, PartialEq)]
pub struct FileCardProps {
    /// Which file.
    pub role: Role,
    /// Its state.
    pub card: FileCard,
    /// Interface language.
    pub locale: Locale,
    /// The demo is in use (files optional).
    pub demo: bool,
    /// Files were chosen (one table, or population rasters for the demand).
    pub on_file: Callback<(Role, Vec<web_sys::File>)>,
    /// A workbook's sheet chosen.
    pub on_sheet: Callback<(Role, String)>,
    /// A chosen raster (by index) set as the extra weight (`true`) or as older people.
    pub on_raster_extra: Callback<(usize, bool)>,
    /// The extra weight's name typed.
    pub on_raster_name: Callback<String>,
    /// Import the rasters chosen.
    pub on_raster_import: Callback<()>,
    /// Import (skip bad rows?).
    pub on_import: Callback<(Role, bool)>,
    /// Remove the file.
    pub on_clear: Callback<Role>,
    /// A mapping field set to a column (or to none).
    pub on_map: Callback<(Role, MapField, Option<usize>)>,
    /// A coordinate system chosen (`None`: the choice was not one the planner knows).
    pub on_crs: Callback<(Role, Option<Crs>)>,
    /// An extra count column ticked (`true`) or unticked.
    pub on_extra: Callback<(Role, usize, bool)>,
}

fn role_names(role: Role, t: &PlanTexts, d: &DataTexts) -> (&'static str, &'static str, &'static str) {
    match role {
        Role::Demand => ("demand", t.role_demand, t.role_demand_hint),
        Role::Candidates => ("candidates", t.role_candidates, t.role_candidates_hint),
        Role::Existing => ("existing", t.role_existing, t.role_existing_hint),
        Role::Competitors => ("competitors", d.role_competitors, d.role_competitors_hint),
    }
}

/// The role's name in element ids (`plan-file-competitors`, `plan-competitors-crs` …).
fn slug(role: Role) -> &'static str {
    match role {
        Role::Demand => "demand",
        Role::Candidates => "candidates",
        Role::Existing => "existing",
        Role::Competitors => "competitors",
    }
}

/// A card's problem in words.
fn problem_text(p: &CardProblem, t: &PlanTexts, d: &DataTexts, l: Locale) -> String {
    match p {
        CardProblem::Open { name, problem } => {
            let why = match problem {
                OpenProblem::TooLarge { mb, limit_mb } => (t.file_too_large)(*mb, *limit_mb),
                OpenProblem::Empty => t.open_empty.to_string(),
                OpenProblem::NotText => t.open_not_text.to_string(),
                OpenProblem::NoHeader => t.open_no_header.to_string(),
                OpenProblem::Unreadable { detail } => (t.open_unreadable)(detail),
                OpenProblem::NotGeoJson { detail } => (t.open_not_geojson)(detail),
                OpenProblem::NoFeatures => t.open_no_features.to_string(),
                OpenProblem::Workbook(e) => e.message(l),
            };
            (t.open_failed)(name, &why)
        }
        CardProblem::Mapping(MappingError::NoPosition) => t.map_no_position.to_string(),
        CardProblem::Mapping(MappingError::NoCount) => t.map_no_count.to_string(),
        CardProblem::Mapping(MappingError::Table(detail)) => (t.map_table)(detail),
        CardProblem::NoCrs => t.crs_needed.to_string(),
        CardProblem::Raster { from: WindowFrom::WholeFile, problem: RasterProblem::TooManyCells { cells }, .. } => {
            (d.raster_needs_window)(*cells, MAX_CELLS)
        }
        CardProblem::Raster { name, problem, .. } => (d.raster_failed)(name, &problem.message(l)),
        CardProblem::Mixed => d.mixed_files.to_string(),
        CardProblem::RastersTooLarge { mb, limit_mb } => (d.rasters_too_large)(*mb, *limit_mb),
    }
}

fn column_select(id: String, label: &str, headers: &[String], value: Option<usize>, none: &str, on: Callback<Option<usize>>) -> Html {
    let onchange = on.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse::<usize>().ok());
    let options = headers.iter().enumerate().map(|(i, h)| {
        html! { <option value={i.to_string()} selected={value == Some(i)}>{ h.clone() }</option> }
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <select {id} {onchange}>
                <option value="" selected={value.is_none()}>{ none }</option>
                <>{ for options }</>
            </select>
        </div>
    }
}

/// One data file.
#[function_component]
pub fn FileCardView(props: &FileCardProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let d = data_texts(l);
    let role = props.role;
    let (slug, title, hint) = role_names(role, t, d);
    let card = &props.card;
    let input_id = format!("plan-file-{slug}");
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = files_of(input.files());
            if !files.is_empty() {
                on_file.emit((role, files));
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let files = files_of(e.data_transfer().and_then(|dt| dt.files()));
            if !files.is_empty() {
                on_file.emit((role, files));
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let status = card.report.as_ref().map(|r| report_view(r, role, props, t));
    html! {
        <section class="file-card" aria-labelledby={format!("plan-{slug}-title")} ondragover={on_dragover} ondrop={on_drop}>
            <h4 id={format!("plan-{slug}-title")}>{ title }</h4>
            <p class="field-hint">{ hint }</p>
            <div class="actions">
                <label for={input_id.clone()} class="button secondary file-button">{ t.choose_file }</label>
                <input type="file" id={input_id} class="visually-hidden" multiple={role == Role::Demand}
                    accept={if role == Role::Demand { DEMAND_TYPES } else { TABLE_TYPES }} onchange={on_change} />
                if card.opened.is_some() || card.in_use.is_some() || card.rasters.is_some() {
                    <button type="button" class="button secondary" onclick={props.on_clear.reform(move |_: MouseEvent| role)}>{ t.clear_file }</button>
                }
            </div>
            if card.busy {
                <p role="status">{ t.opening }</p>
                if let Some(percent) = card.progress {
                    // A big file: how far the import has got (the status above is what is announced).
                    <progress class="import-progress" max="100" value={percent.to_string()}
                        aria-label={(t.import_progress)(percent)}>{ format!("{percent}%") }</progress>
                }
            }
            if let Some(p) = &card.problem {
                <div class="file-status error" role="alert">
                    <p>{ problem_text(p, t, d, l) }</p>
                    if let (CardProblem::Open { .. } | CardProblem::Raster { .. } | CardProblem::Mixed | CardProblem::RastersTooLarge { .. }, Some(u)) = (p, &card.in_use) {
                        <p>{ if u.rasters.is_empty() { (t.still_in_use)(&u.name) } else { d.raster_still_in_use.to_string() } }</p>
                    }
                </div>
            }
            if let Some(u) = &card.in_use {
                <p class="in-use">{ if u.rasters.is_empty() { (t.in_use)(&u.name, u.rows) } else { (d.raster_in_use)(u.rasters.len(), u.rows) } }</p>
                if let Some(sheet) = &u.sheet {
                    <p class="in-use long-text">{ (d.sheet_in_use)(sheet) }</p>
                }
            }
            if let (Some(r), Some(u)) = (&card.raster_report, &card.in_use) {
                if !u.rasters.is_empty() {
                    { raster_report_view(r, d) }
                }
            }
            if let Some(step) = &card.rasters {
                { raster_step_view(step, props, t, d) }
            }
            if card.opened.is_some() && !card.report.as_ref().is_some_and(|r| r.accepted) {
                { mapping_view(props, t, d) }
            }
            { status.unwrap_or_default() }
        </section>
    }
}

/// Population rasters chosen: what each counts, the extra weight's name, which cells are read.
fn raster_step_view(step: &RasterStep, props: &FileCardProps, t: &PlanTexts, d: &DataTexts) -> Html {
    let rows = step.files.iter().enumerate().map(|(i, (name, extra))| {
        let id = format!("plan-demand-raster-{i}");
        let onchange =
            props.on_raster_extra.reform(move |e: Event| (i, e.target_unchecked_into::<web_sys::HtmlSelectElement>().value() == "extra"));
        html! {
            <div class="field">
                <label for={id.clone()} class="long-text">{ name.clone() }</label>
                <select {id} {onchange}>
                    <option value="people" selected={!*extra}>{ d.raster_counts_people }</option>
                    <option value="extra" selected={*extra}>{ d.raster_counts_extra }</option>
                </select>
            </div>
        }
    });
    let any_extra = step.files.iter().any(|(_, extra)| *extra);
    let name = step.extra_name.clone().unwrap_or_else(|| d.raster_extra_default.to_string());
    let on_name = props.on_raster_name.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    html! {
        <div class="mapping raster-step">
            <p class="mapping-title">{ (d.raster_title)(step.files.len()) }</p>
            <p class="field-hint">{ d.raster_counts_hint }</p>
            <div class="mapping-grid"><>{ for rows }</></div>
            if any_extra {
                <div class="field">
                    <label for="plan-demand-extra-name">{ d.raster_extra_name_label }</label>
                    <input type="text" id="plan-demand-extra-name" value={name} oninput={on_name} />
                </div>
            }
            <p class="field-hint">{ (d.raster_window_help)(MAX_CELLS) }</p>
            <button type="button" id="plan-demand-import" class="button primary" onclick={props.on_raster_import.reform(|_: MouseEvent| ())}>{ t.import_button }</button>
        </div>
    }
}

/// What the rasters in use are: the files, the area read, the cells and people, the cells skipped.
fn raster_report_view(r: &RasterReport, d: &DataTexts) -> Html {
    let e = &r.extent;
    let extent = (d.extent)(e.west, e.east, e.south, e.north);
    let window = match r.from {
        WindowFrom::Candidates { reach_m } => (d.window_candidates)(&thousands(reach_m), &extent),
        WindowFrom::Boundary => (d.window_boundary)(&extent),
        WindowFrom::WholeFile => (d.window_whole)(&extent),
    };
    let extra_files = r.extra_files();
    let extra_name = r.extra_name.clone().unwrap_or_default();
    html! {
        <div class="file-status ok raster-report" role="status">
            <p class="long-text">{ (d.raster_files)(&r.people_files()) }</p>
            if !extra_files.is_empty() {
                <p class="long-text">{ (d.raster_extra_files)(&extra_name, &extra_files) }</p>
            }
            <p>{ window }</p>
            <p id="plan-raster-cells">{ (d.raster_cells)(r.read, r.points, &thousands(r.people)) }</p>
            <p>{ (d.raster_skipped)(r.nodata, r.negative, r.empty) }</p>
            if !extra_files.is_empty() {
                <p>{ (d.raster_extra_people)(&extra_name, &thousands(r.extra_people)) }</p>
            }
        </div>
    }
}

fn mapping_view(props: &FileCardProps, t: &PlanTexts, d: &DataTexts) -> Html {
    let role = props.role;
    let Some(o) = &props.card.opened else { return Html::default() };
    let m = &props.card.map;
    let set = |field: MapField| props.on_map.reform(move |col: Option<usize>| (role, field, col));
    let id = |f: &str| format!("plan-{}-{f}", slug(role));
    let position_none = if o.geojson { t.from_geometry } else { t.col_none };
    let crs_id = id("crs");
    let on_crs = props.on_crs.reform(move |e: Event| (role, chosen_crs(&e)));
    let crs_options = crs_options(props.locale, props.card.crs);
    let crs_missing = props.card.problem == Some(CardProblem::NoCrs);
    let hint_name = |c: Crs| match c {
        Crs::Wgs84 => t.crs_wgs84,
        Crs::Gcj02 => t.crs_gcj02,
        Crs::Bd09 => t.crs_bd09,
    };
    // Only columns that hold counts: not the position, count or name, and numbers in the sample.
    let mut offered = weightable_columns(o.headers.len(), &o.sample, m);
    let chosen: Vec<usize> = m.extras.iter().copied().filter(|c| !offered.contains(c)).collect();
    offered.extend(chosen);
    offered.sort_unstable();
    let extras = if role == Role::Demand && !offered.is_empty() {
        let boxes = offered.into_iter().filter_map(|i| o.headers.get(i).map(|h| (i, h))).map(|(i, h)| {
            let checked = m.extras.contains(&i);
            let box_id = format!("{}-{i}", id("extra"));
            let onchange =
                props.on_extra.reform(move |e: Event| (role, i, e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()));
            html! {
                <label class="choice" for={box_id.clone()}>
                    <input type="checkbox" id={box_id} {checked} {onchange} />
                    <span>{ h.clone() }</span>
                </label>
            }
        });
        html! {
            <fieldset class="field choices">
                <legend>{ t.col_extras }</legend>
                <div class="choice-row">{ for boxes }</div>
            </fieldset>
        }
    } else {
        Html::default()
    };
    let sheets = if o.sheets_with_data.len() >= 2 {
        let sheet_id = id("sheet");
        let on_sheet = props.on_sheet.reform(move |e: Event| (role, e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        let options = o.sheets_with_data.iter().map(|name| {
            html! { <option value={name.clone()} selected={o.sheet.as_ref() == Some(name)}>{ name.clone() }</option> }
        });
        html! {
            <div class="field">
                <label for={sheet_id.clone()}>{ d.sheet_label }</label>
                <p class="field-hint" id={format!("{sheet_id}-help")}>{ (d.sheet_hint)(o.sheets_with_data.len()) }</p>
                <select id={sheet_id.clone()} onchange={on_sheet} aria-describedby={format!("{sheet_id}-help")}><>{ for options }</></select>
            </div>
        }
    } else {
        Html::default()
    };
    html! {
        <div class="mapping">
            <p class="mapping-title">{ (t.mapping_title)(&o.encoding) }</p>
            { sheets }
            <div class="mapping-grid">
                { column_select(id("lon"), t.col_lon, &o.headers, m.lon, position_none, set(MapField::Lon)) }
                { column_select(id("lat"), t.col_lat, &o.headers, m.lat, position_none, set(MapField::Lat)) }
                { column_select(id("lonlat"), t.col_lonlat, &o.headers, m.lonlat, position_none, set(MapField::LonLat)) }
                if role == Role::Demand {
                    { column_select(id("count"), t.col_count, &o.headers, m.count, t.col_none, set(MapField::Count)) }
                }
                { column_select(id("name"), t.col_name, &o.headers, m.name, t.col_none, set(MapField::Name)) }
                if role == Role::Candidates {
                    { column_select(id("capacity"), t.col_capacity, &o.headers, m.capacity, t.col_none, set(MapField::Capacity)) }
                    { column_select(id("cost"), t.col_cost, &o.headers, m.cost, t.col_none, set(MapField::Cost)) }
                }
            </div>
            { extras }
            if o.polygons > 0 {
                <p class="notice">{ (t.polygons_note)(o.polygons) }</p>
            }
            <div class={classes!("field", crs_missing.then_some("has-error"))}>
                <label for={crs_id.clone()}>{ t.crs_label }</label>
                if let Some(h) = o.crs_hint {
                    <p class="field-hint">{ (t.crs_hint)(hint_name(h)) }</p>
                }
                <p class="field-hint" id={format!("{crs_id}-help")}>{ t.crs_help }</p>
                if crs_missing {
                    <p class="field-error" id={format!("{crs_id}-error")}>{ t.crs_needed }</p>
                }
                <select id={crs_id.clone()} onchange={on_crs} aria-describedby={format!("{crs_id}-help")} aria-invalid={if crs_missing { "true" } else { "false" }}>
                    if props.card.crs.is_none() {
                        <option value="" selected=true disabled=true>{ t.crs_choose }</option>
                    }
                    <>{ for crs_options }</>
                </select>
            </div>
            <button type="button" id={id("import")} class="button primary" onclick={props.on_import.reform(move |_: MouseEvent| (role, false))}>{ t.import_button }</button>
        </div>
    }
}

fn report_view(r: &crate::core::planner::session::ImportReport, role: Role, props: &FileCardProps, t: &PlanTexts) -> Html {
    let warnings = r.warnings.iter().map(|w| {
        let text = match w {
            FileWarning::CrsMismatch { .. } => t.warn_crs.to_string(),
            FileWarning::OutsideChina { .. } => t.warn_outside.to_string(),
            FileWarning::MostlySwapped => t.warn_swapped.to_string(),
            // Worded by the core (the CLI says the same).
            FileWarning::MostlyLatitudeFirst | FileWarning::ExactDuplicates { .. } => w.core_message(props.locale).unwrap_or_default(),
        };
        html! { <li>{ text }</li> }
    });
    let issues = r.issues.iter().take(20).map(|i| html! { <li>{ (t.issue)(i) }</li> });
    let more = r.bad_rows > 20;
    html! {
        <div class={classes!("file-status", if r.accepted { "ok" } else { "error" })} role={if r.accepted { "status" } else { "alert" }}>
            if r.accepted {
                <p>{ (t.imported)(&r.name, r.rows_in_use) }</p>
            }
            if r.bad_rows > 0 {
                <p>{ if r.accepted { (t.bad_rows)(r.bad_rows, r.total_rows) } else { (t.bad_rows_choice)(r.bad_rows, r.total_rows) } }</p>
                <ul class="issues">{ for issues }</ul>
                if more {
                    <p>{ t.more_issues }</p>
                }
            }
            if !r.accepted && r.bad_rows > 0 && r.bad_rows < r.total_rows {
                <button type="button" id={format!("plan-skip-{}", slug(role))}
                    class="button primary" onclick={props.on_import.reform(move |_: MouseEvent| (role, true))}>{ t.skip_and_import }</button>
                <p>{ t.keep_previous }</p>
            }
            if !r.warnings.is_empty() {
                <ul class="warnings">{ for warnings }</ul>
            }
        </div>
    }
}
