//! The messages between the page and the planner's session (the worker protocol): what the page
//! asks ([`Request`]) and what the session answers ([`Reply`]), with the reasons a file or a run is
//! refused. Serialized with serde across the worker boundary.

use serde::{Deserialize, Serialize};

use super::super::data::{FileWarning, MappingError, RowIssue};
use super::super::settings::{Choices, Settings};
use super::area::BoundaryReport;
use super::population::{RasterLayer, RasterProblem, RasterReport, WindowFrom};
use super::roads::{RoadsProblem, RoadsReport, RoadsView};
use super::view::PlanView;
use crate::core::io::boundary::BoundaryError;
use crate::core::io::columns::ColumnMap;
use crate::core::io::crs::Crs;
use crate::core::io::geojson_in::GeoJsonError;
use crate::core::io::table::TableError;
use crate::core::io::text::TextError;
use crate::core::io::xlsx::WorkbookError;
use crate::core::Locale;

/// Which file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Where older people live.
    Demand,
    /// Candidate sites.
    Candidates,
    /// Existing canteens.
    Existing,
    /// Other meal providers the plan does not choose (competitors, issue 15): the older people
    /// within their walk-in reach count as already served.
    Competitors,
}

impl Role {
    /// All four, in the order the page lists them.
    pub const ALL: [Role; 4] = [Role::Demand, Role::Candidates, Role::Existing, Role::Competitors];
}

/// The largest file accepted whole: a workbook (read whole, a ZIP archive cannot be streamed), a
/// population raster, a boundary, a table sent as bytes.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// The largest CSV or GeoJSON file accepted when it is read as a stream (by slices, from the
/// browser's `File`, in the worker). Reading costs a few megabytes whatever the size; what grows
/// is the imported data: the 200 MB file of `tools/big-file-bench.mjs` (5.5 million rows) raised
/// the browser's memory by about 0.7 GB while importing. A WebAssembly worker has 4 GB at most,
/// and coverage and the choice of sites need room too, so 512 MB (about 1.7 GB of import) is
/// the limit; the old 256 MB held because the whole text was copied several times.
pub const MAX_TABLE_BYTES: u64 = 512 * 1024 * 1024;

/// Messages to the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// A file to look at: its name and bytes.
    Open {
        /// Which file.
        role: Role,
        /// Its name.
        name: String,
        /// Its content.
        bytes: Vec<u8>,
        /// A workbook's sheet to read, by name (one of [`Opened::sheets`]); `None`: the first
        /// sheet with data. Ignored for CSV and GeoJSON.
        #[serde(default)]
        sheet: Option<String>,
        /// The interface's language: names a workbook's blank header cells ("列3", "Column 3").
        #[serde(default)]
        locale: Locale,
    },
    /// Import the opened file with this mapping and coordinate system.
    Import {
        /// Which file.
        role: Role,
        /// Which column is which.
        map: ColumnMap,
        /// The coordinate system of the file.
        crs: Crs,
        /// Go on without the bad rows.
        skip_bad_rows: bool,
    },
    /// Population rasters as the demand, read in the study's window (see
    /// [`super::population`]): replaces the demand in use once read.
    ImportRaster {
        /// The files, each added to the older people or to the extra weight.
        layers: Vec<RasterLayer>,
        /// The extra weight's name (when a layer is one).
        extra_name: String,
        /// How far a person may be from a site, metres (the service radius as set now): the
        /// rasters are read this far around the candidate sites.
        reach_m: f64,
    },
    /// A study-area boundary (GeoJSON polygons): demand and candidates outside it are left out.
    Boundary {
        /// Its name.
        name: String,
        /// Its content.
        bytes: Vec<u8>,
        /// The coordinate system it was drawn in.
        crs: Crs,
    },
    /// Forget the boundary.
    ClearBoundary,
    /// Load the SIMULATED demo district instead of files.
    Demo,
    /// Forget a file.
    Clear {
        /// Which file.
        role: Role,
    },
    /// A road file (GeoJSON lines) in `crs`: its walking network is built; walk times are then
    /// measured along its roads, and its streets drawn under the map.
    Roads {
        /// Its name.
        name: String,
        /// Its content.
        bytes: Vec<u8>,
        /// The coordinate system it was drawn in.
        crs: Crs,
    },
    /// Forget the road file.
    ClearRoads,
    /// The maximum snap distance, metres (see [`super::roads::DEFAULT_MAX_SNAP_M`]).
    MaxSnap {
        /// Metres.
        metres: f64,
    },
    /// Score and choose.
    Run {
        /// Settings.
        settings: Settings,
        /// Locked and excluded sites.
        choices: Choices,
    },
    /// One more slice of the search for a better plan and a tighter bound after a run (the page
    /// sends it on each [`Reply::Certificate`] that is not done). Ignored unless `run` is the run
    /// being searched: any other request ends the search.
    Refine {
        /// [`Certificate::run`].
        run: u64,
    },
    /// End the search now, with the plan and the certificate so far.
    StopSearch,
}

/// How far the search after a run has got (issue 15: the certificate rising while the planner
/// already looks at the answer): the plan shown covers `covered_weight`, and no plan of the same
/// size covers more than `upper_bound`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    /// The session's count of runs: which run this is about.
    pub run: u64,
    /// Weight the plan shown covers.
    pub covered_weight: f64,
    /// No plan of the same size covers more.
    pub upper_bound: f64,
    /// The search has ended (the gap closed, the bound stalled, or its work is spent).
    pub done: bool,
    /// The planner ended it early.
    pub stopped: bool,
}

impl Certificate {
    /// Where run `run`'s search stands: its plan's weight, its bound and whether it has ended.
    pub fn of(run: u64, p: &crate::core::planner::select::Progress) -> Certificate {
        Certificate { run, covered_weight: p.covered_weight, upper_bound: p.upper_bound, done: p.done, stopped: false }
    }

    /// The plan reaches at least this percent of the best possible (rounded down to a tenth).
    pub fn guarantee_percent(&self) -> f64 {
        super::view::percent_at_least(self.covered_weight, self.upper_bound)
    }

    /// No plan of the same size covers even one more (weighted) older person.
    pub fn proven_best(&self) -> bool {
        self.upper_bound - self.covered_weight < 0.5
    }
}

impl Request {
    /// [`Request::Open`] for a file, a workbook's first sheet with data, its blank header cells
    /// named in Chinese.
    pub fn open(role: Role, name: impl Into<String>, bytes: Vec<u8>) -> Request {
        Request::Open { role, name: name.into(), bytes, sheet: None, locale: Locale::default() }
    }
}

/// A file that was opened: what the column-mapping step needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Opened {
    /// Which file.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Text encoding found.
    pub encoding: String,
    /// Column names.
    pub headers: Vec<String>,
    /// The first rows.
    pub sample: Vec<Vec<String>>,
    /// The automatic mapping.
    pub map: ColumnMap,
    /// Coordinate system suggested by the headers.
    pub crs_hint: Option<Crs>,
    /// GeoJSON (positions from geometry) rather than CSV.
    pub geojson: bool,
    /// GeoJSON features that are polygons (each becomes a point at its centroid).
    #[serde(default)]
    pub polygons: usize,
    /// A workbook's worksheets, in its order (empty for CSV and GeoJSON): the page offers them
    /// when there are two or more.
    #[serde(default)]
    pub sheets: Vec<String>,
    /// The sheet read (a workbook only).
    #[serde(default)]
    pub sheet: Option<String>,
    /// A workbook's worksheets that hold data, in its order: the page offers a choice among
    /// them when there are two or more.
    #[serde(default)]
    pub sheets_with_data: Vec<String>,
}

/// An import's outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Which file.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Rows read.
    pub total_rows: usize,
    /// Rows with problems.
    pub bad_rows: usize,
    /// The problems (the first 1,000).
    pub issues: Vec<RowIssue>,
    /// About the whole file.
    pub warnings: Vec<FileWarning>,
    /// Imported (false: waiting for the user's consent to skip bad rows, or refused).
    pub accepted: bool,
    /// Points or sites now in use.
    pub rows_in_use: usize,
    /// Names of the extra count columns (demand).
    pub extra_names: Vec<String>,
}

/// Planning steps, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Building the spatial index and coverage lists.
    Coverage,
    /// Scoring sites and choosing.
    Selecting,
    /// Preparing the map and table.
    Drawing,
    /// Capacity, home delivery and accessibility (after the choice, before drawing).
    Models,
}

/// Messages from the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// A file was opened.
    Opened(Opened),
    /// A file could not be opened (not text, too large, not CSV/GeoJSON/a workbook).
    OpenFailed {
        /// Which file.
        role: Role,
        /// Its name.
        name: String,
        /// Why (put in words by the interface, in its language).
        problem: OpenProblem,
    },
    /// An import finished (accepted or waiting for consent).
    Imported(ImportReport),
    /// The mapping lacks a required column.
    MappingIncomplete {
        /// Which file.
        role: Role,
        /// What is missing.
        missing: MappingError,
    },
    /// The demo was loaded.
    DemoLoaded {
        /// Demand points.
        points: usize,
        /// Candidates.
        candidates: usize,
        /// Existing canteens.
        existing: usize,
    },
    /// A file was forgotten.
    Cleared(Role),
    /// Progress of a run.
    Progress(Step),
    /// Progress of an import: the share of the file read so far (big files, every 100,000 rows).
    ImportProgress {
        /// Which file.
        role: Role,
        /// 0–99.
        percent: u8,
    },
    /// A run finished.
    Planned(Box<PlanView>),
    /// A run could not start.
    CannotRun(RunProblem),
    /// Population rasters were read (imported, or read again because the window moved): they
    /// are the demand now.
    RasterRead(RasterReport),
    /// Population rasters could not be read; the demand in use stays as it was.
    RasterFailed {
        /// The file at fault (several joined with " + " when they do not fit together).
        name: String,
        /// Where the window came from (a whole file too large asks for the candidates first).
        from: WindowFrom,
        /// Why.
        problem: RasterProblem,
    },
    /// A boundary is in use: what it leaves out (sent again whenever the data it clips changes).
    Boundary(BoundaryReport),
    /// A boundary file could not be read; the boundary in use (if any) stays.
    BoundaryFailed {
        /// Its name.
        name: String,
        /// Why.
        problem: BoundaryError,
    },
    /// The boundary was forgotten.
    BoundaryCleared,
    /// A road file is being read and its network built.
    RoadsBuilding {
        /// Its name.
        name: String,
    },
    /// A road file is in use: what was read.
    RoadsRead(RoadsReport),
    /// A road file could not be used; the roads in use (if any) stay.
    RoadsFailed {
        /// Its name.
        name: String,
        /// Why.
        problem: RoadsProblem,
    },
    /// The road file was forgotten.
    RoadsCleared,
    /// After [`Reply::Planned`], when roads are in use: the streets and the walking figures.
    Roads(Box<RoadsView>),
    /// After [`Reply::Planned`] (when the plan covers people, not meals, and has no delivery or
    /// other providers), and after each [`Request::Refine`]: the certificate so far. When the
    /// search finds a better plan, a new [`Reply::Planned`] comes first.
    Certificate(Certificate),
}

/// Why a file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenProblem {
    /// Over the size limit.
    TooLarge {
        /// Its size, MB.
        mb: u64,
        /// The limit, MB.
        limit_mb: u64,
    },
    /// The file is empty.
    Empty,
    /// Not text in a known encoding, nor a workbook (an image, a PDF …).
    NotText,
    /// A CSV file without a header row.
    NoHeader,
    /// The file could not be read to the end (moved or changed while being read).
    Unreadable {
        /// What the system said (English).
        detail: String,
    },
    /// Starts like JSON but is not GeoJSON.
    NotGeoJson {
        /// What the reader said (English, from the JSON library).
        detail: String,
    },
    /// GeoJSON without features.
    NoFeatures,
    /// A spreadsheet workbook (or a ZIP or OLE file taken for one) that cannot be read: not a
    /// workbook, damaged, with a password, empty, no such sheet (put in words by
    /// [`WorkbookError::message`]).
    Workbook(WorkbookError),
}

impl From<TextError> for OpenProblem {
    fn from(e: TextError) -> Self {
        match e {
            TextError::Empty => OpenProblem::Empty,
            TextError::NotText => OpenProblem::NotText,
        }
    }
}

impl From<TableError> for OpenProblem {
    fn from(e: TableError) -> Self {
        match e {
            TableError::NoHeader => OpenProblem::NoHeader,
            TableError::Text(e) => e.into(),
            TableError::Read { message } => OpenProblem::Unreadable { detail: message },
        }
    }
}

impl From<WorkbookError> for OpenProblem {
    fn from(e: WorkbookError) -> Self {
        OpenProblem::Workbook(e)
    }
}

impl From<GeoJsonError> for OpenProblem {
    fn from(e: GeoJsonError) -> Self {
        match e {
            GeoJsonError::Invalid(detail) => OpenProblem::NotGeoJson { detail },
            GeoJsonError::NoFeatures => OpenProblem::NoFeatures,
        }
    }
}

/// Why a run could not start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunProblem {
    /// Demand or candidates are missing.
    NoData,
    /// The radius is not a positive distance.
    BadRadius,
    /// Import asked for a file that was not opened.
    NotOpened,
    /// The boundary leaves no demand, or no candidate site, inside.
    NothingInside,
}
