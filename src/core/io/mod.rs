//! File formats: text decoding (UTF-8, GBK), CSV tables, spreadsheet workbooks, GeoJSON, road
//! lines (GeoJSON and OpenStreetMap `.osm.pbf`), rasters, study-area boundaries, column mapping,
//! positions in one cell, coordinate systems. Bytes in, `Result` out, with errors that name the file, line and field.

pub mod boundary;
pub mod columns;
pub mod crs;
pub mod geojson_in;
pub mod location;
pub mod osm;
pub mod raster;
pub mod roads;
pub mod stream;
pub mod table;
pub mod text;
pub mod words;
pub mod xlsx;
