//! File formats: CSV, GeoJSON and coordinate systems. Bytes in, `Result` out, with errors that name
//! the file, line and field. (Filled in by the planner and calculator work.)
