//! OpenStreetMap `.osm.pbf` extracts (what Geofabrik, BBBike, osmium and QGIS produce): the
//! walkable ways of [`super::roads`], resolved to their nodes' positions, as the same [`Roads`]
//! the GeoJSON reader gives; and, for the basemap, the lines of roads (with their class), water,
//! railways and parks ([`Basemap`]).
//!
//! - **Format.** A sequence of blocks, each a 4-byte length, a header and a blob (raw or zlib);
//!   the first block is the `OSMHeader`, the rest `OSMData` primitive blocks of nodes (plain or
//!   dense), ways and relations. Nodes and ways are read; of the relations, only the basemap's
//!   multipolygons of water (`natural=water`, any `water=*`, `waterway=riverbank`) and parks
//!   (`leisure=park`): their outer member ways are joined end to end into rings (a ring the
//!   extract cuts stays an open line); inner members (islands) are not read, so a lake is filled
//!   over its islands. Positions are WGS84 as all OpenStreetMap data is: the chosen coordinate
//!   system does not apply.
//! - **Two passes over the bytes**, to hold only what is needed: the first reads the ways and
//!   keeps the node ids of the wanted ones (roads, and for the basemap water, railways and parks);
//!   the second reads the nodes and keeps the positions of those ids only (most nodes of a city
//!   extract are buildings'). A way whose node is missing from the file (an extract cut at its
//!   border) is broken at that node. When the file has water or park multipolygons, the blocks
//!   with ways are read once more, for their outer member ways (which carry no tags of their own).
//! - **Limits.** The file as the other data files ([`super::roads::MAX_ROAD_BYTES`]); a block at most
//!   32 MB unpacked as the format says ([`MAX_BLOCK_BYTES`]); at most [`MAX_WAY_NODES`] way
//!   vertices kept. A bad file is an error naming the block, never a panic.
//! - **Decoder written here** (the protobuf wire format is five rules; zlib through `flate2`, which
//!   the app already links for GeoTIFF and workbooks) rather than a crate: `osmpbf` and
//!   `osmpbfreader` bring the `protobuf` runtime and generated code, memory mapping and thread
//!   pools a Web Worker cannot use. Measured on the planner's worker (`zhucan-worker`, wasm32,
//!   release, gzipped), see the figures in docs/distance-models.md.

use std::io::Read;

use super::roads::{road_class, simplify, walkable, Basemap, RoadClass, Roads};
use super::words::words;
use crate::core::geo::LonLat;
use crate::core::Locale;

/// The largest block, unpacked (the format's own limit).
pub const MAX_BLOCK_BYTES: usize = 32 * 1024 * 1024;

/// The most way vertices read (roads and basemap lines together): a large city has a few million.
pub const MAX_WAY_NODES: usize = 20_000_000;

/// The largest block header (the format's own limit).
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Basemap lines are simplified to within this many metres of the ways.
const SIMPLIFY_M: f64 = 1.0;

/// Why an `.osm.pbf` file could not be read (serialisable: the planner's worker sends it to the
/// page, which words it).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum PbfError {
    /// The bytes do not start as an OpenStreetMap PBF file does.
    NotPbf,
    /// The file ends inside a block (a download cut short).
    Truncated {
        /// The block (1-based).
        block: usize,
    },
    /// A block that cannot be decoded.
    Corrupt {
        /// The block (1-based).
        block: usize,
    },
    /// A block larger than the format allows (32 MB unpacked).
    BlockTooLarge {
        /// The block (1-based).
        block: usize,
    },
    /// A block packed with a compression other than zlib (LZMA, zstd, LZ4, bzip2).
    Compression {
        /// The block (1-based).
        block: usize,
        /// The compression's name.
        method: String,
    },
    /// A feature the file requires that this reader does not have (history files).
    Unsupported {
        /// The feature's name, as the file gives it.
        feature: String,
    },
    /// More way vertices than the planner can hold.
    TooManyNodes {
        /// The limit.
        limit: u64,
    },
}

impl PbfError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            PbfError::NotPbf => w.pbf_not_pbf.to_string(),
            PbfError::Truncated { block } => (w.pbf_truncated)(*block),
            PbfError::Corrupt { block } => (w.pbf_corrupt)(*block),
            PbfError::BlockTooLarge { block } => (w.pbf_block_too_large)(*block),
            PbfError::Compression { block, method } => (w.pbf_compression)(*block, method),
            PbfError::Unsupported { feature } => (w.pbf_unsupported)(feature),
            PbfError::TooManyNodes { limit } => (w.pbf_too_many_nodes)(*limit),
        }
    }
}

/// The English message.
impl std::fmt::Display for PbfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for PbfError {}

/// Whether `bytes` start as an OpenStreetMap PBF file: a 4-byte length, then a block header
/// whose type is `OSMHeader`.
pub fn looks_like_pbf(bytes: &[u8]) -> bool {
    bytes.len() >= 15 && bytes[4..6] == [0x0a, 0x09] && &bytes[6..15] == b"OSMHeader"
}

/// Reads the walkable ways of an `.osm.pbf` file.
pub fn read(bytes: &[u8]) -> Result<Roads, PbfError> {
    read_ways(bytes, false).map(|(roads, _)| roads)
}

/// Reads the walkable ways of an `.osm.pbf` file and its basemap lines.
pub fn read_with_basemap(bytes: &[u8]) -> Result<(Roads, Basemap), PbfError> {
    read_ways(bytes, true)
}

// ---------------------------------------------------------------------------------------------
// The protobuf wire format.

/// A field's value.
enum Value<'a> {
    Int(u64),
    Bytes(&'a [u8]),
    /// A fixed-width number, not used by the OSM messages read here.
    Fixed,
}

/// Fields of one protobuf message.
struct Message<'a> {
    buf: &'a [u8],
    pos: usize,
}

fn varint(buf: &[u8], pos: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *buf.get(*pos)?;
        *pos += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

impl<'a> Message<'a> {
    fn new(buf: &'a [u8]) -> Message<'a> {
        Message { buf, pos: 0 }
    }

    /// The next field: `Ok(None)` at the end, `Err(())` for bytes that are no message.
    fn field(&mut self) -> Result<Option<(u64, Value<'a>)>, ()> {
        if self.pos >= self.buf.len() {
            return Ok(None);
        }
        let key = varint(self.buf, &mut self.pos).ok_or(())?;
        let value = match key & 7 {
            0 => Value::Int(varint(self.buf, &mut self.pos).ok_or(())?),
            1 | 5 => {
                let width = if key & 7 == 1 { 8 } else { 4 };
                if self.buf.len() - self.pos < width {
                    return Err(());
                }
                self.pos += width;
                Value::Fixed
            }
            2 => {
                let len = varint(self.buf, &mut self.pos).ok_or(())?;
                if len > (self.buf.len() - self.pos) as u64 {
                    return Err(());
                }
                let start = self.pos;
                self.pos += len as usize;
                Value::Bytes(&self.buf[start..self.pos])
            }
            _ => return Err(()),
        };
        Ok(Some((key >> 3, value)))
    }
}

fn zigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// The numbers of a repeated integer field, packed or not, appended to `out`.
fn push_ints(value: &Value<'_>, out: &mut Vec<u64>) -> Result<(), ()> {
    match value {
        Value::Int(n) => out.push(*n),
        Value::Bytes(b) => {
            let mut pos = 0;
            while pos < b.len() {
                out.push(varint(b, &mut pos).ok_or(())?);
            }
        }
        Value::Fixed => return Err(()),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Blocks.

/// One block of the file: its type and its blob's bytes.
struct Block<'a> {
    kind: &'a [u8],
    blob: &'a [u8],
}

/// The file's blocks, in order (1-based numbers in errors).
fn blocks(bytes: &[u8]) -> Result<Vec<Block<'_>>, PbfError> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    while pos < bytes.len() {
        let block = out.len() + 1;
        let Some(len) = bytes.get(pos..pos + 4) else { return Err(PbfError::Truncated { block }) };
        let header_len = u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize;
        if header_len > MAX_HEADER_BYTES {
            return Err(PbfError::Corrupt { block });
        }
        pos += 4;
        let Some(header) = bytes.get(pos..pos + header_len) else { return Err(PbfError::Truncated { block }) };
        pos += header_len;
        let (mut kind, mut size) = (None, None);
        let mut m = Message::new(header);
        while let Some((field, value)) = m.field().map_err(|()| PbfError::Corrupt { block })? {
            match (field, value) {
                (1, Value::Bytes(b)) => kind = Some(b),
                (3, Value::Int(n)) => size = Some(n),
                _ => {}
            }
        }
        let (Some(kind), Some(size)) = (kind, size) else { return Err(PbfError::Corrupt { block }) };
        if size > MAX_BLOCK_BYTES as u64 {
            return Err(PbfError::BlockTooLarge { block });
        }
        let Some(blob) = bytes.get(pos..pos + size as usize) else { return Err(PbfError::Truncated { block }) };
        pos += size as usize;
        out.push(Block { kind, blob });
    }
    Ok(out)
}

/// A blob's data, unpacked into `out`.
fn unpack(blob: &[u8], block: usize, out: &mut Vec<u8>) -> Result<(), PbfError> {
    out.clear();
    let corrupt = || PbfError::Corrupt { block };
    let mut m = Message::new(blob);
    while let Some((field, value)) = m.field().map_err(|()| corrupt())? {
        let Value::Bytes(data) = value else { continue };
        match field {
            1 => {
                out.extend_from_slice(data);
                return Ok(());
            }
            3 => {
                let read = flate2::read::ZlibDecoder::new(data).take(MAX_BLOCK_BYTES as u64 + 1).read_to_end(out);
                read.map_err(|_| corrupt())?;
                if out.len() > MAX_BLOCK_BYTES {
                    return Err(PbfError::BlockTooLarge { block });
                }
                return Ok(());
            }
            4 => return Err(PbfError::Compression { block, method: "LZMA".into() }),
            5 => return Err(PbfError::Compression { block, method: "bzip2".into() }),
            6 => return Err(PbfError::Compression { block, method: "LZ4".into() }),
            7 => return Err(PbfError::Compression { block, method: "zstd".into() }),
            _ => {}
        }
    }
    Err(corrupt())
}

/// The header block's required features must all be known.
fn check_header(data: &[u8], block: usize) -> Result<(), PbfError> {
    let mut m = Message::new(data);
    while let Some((field, value)) = m.field().map_err(|()| PbfError::Corrupt { block })? {
        if let (4, Value::Bytes(feature)) = (field, value) {
            if !matches!(feature, b"OsmSchema-V0.6" | b"DenseNodes") {
                return Err(PbfError::Unsupported { feature: String::from_utf8_lossy(feature).chars().take(80).collect() });
            }
        }
    }
    Ok(())
}

/// A primitive block's string table and groups.
struct Primitive<'a> {
    strings: Vec<&'a [u8]>,
    groups: Vec<&'a [u8]>,
    granularity: i64,
    lat_offset: i64,
    lon_offset: i64,
}

fn primitive(data: &[u8]) -> Result<Primitive<'_>, ()> {
    let mut p = Primitive { strings: Vec::new(), groups: Vec::new(), granularity: 100, lat_offset: 0, lon_offset: 0 };
    let mut m = Message::new(data);
    while let Some((field, value)) = m.field()? {
        match (field, value) {
            (1, Value::Bytes(table)) => {
                let mut t = Message::new(table);
                while let Some((f, v)) = t.field()? {
                    if let (1, Value::Bytes(s)) = (f, v) {
                        p.strings.push(s);
                    }
                }
            }
            (2, Value::Bytes(group)) => p.groups.push(group),
            (17, Value::Int(n)) => p.granularity = n as i32 as i64,
            (19, Value::Int(n)) => p.lat_offset = n as i64,
            (20, Value::Int(n)) => p.lon_offset = n as i64,
            _ => {}
        }
    }
    Ok(p)
}

// ---------------------------------------------------------------------------------------------
// Ways and nodes.

/// What a way is kept as.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A road: walkable or not, and its basemap class (if drawn).
    Road(bool, Option<RoadClass>),
    Water,
    Rail,
    Park,
}

/// The tags that decide what a way is.
const KEYS: [&str; 11] = ["highway", "foot", "access", "sidewalk", "natural", "waterway", "railway", "leisure", "area", "water", "type"];

fn kind(tags: &[(String, String)], basemap: bool) -> Option<Kind> {
    let get = |key: &str| tags.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    if let Some(highway) = get("highway") {
        let walk = walkable(tags);
        let class = if basemap { road_class(highway) } else { None };
        return (walk || class.is_some()).then_some(Kind::Road(walk, class));
    }
    if !basemap {
        return None;
    }
    if get("natural") == Some("water")
        || get("water").is_some()
        || matches!(get("waterway"), Some("river" | "stream" | "canal" | "drain" | "ditch" | "riverbank"))
    {
        return Some(Kind::Water);
    }
    if matches!(get("railway"), Some("rail" | "light_rail" | "narrow_gauge" | "tram" | "monorail")) {
        return Some(Kind::Rail);
    }
    (get("leisure") == Some("park")).then_some(Kind::Park)
}

/// What a relation is drawn as: a multipolygon of water or a park, `None` otherwise.
fn area_kind(tags: &[(String, String)]) -> Option<Kind> {
    let get = |key: &str| tags.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    if get("type") != Some("multipolygon") {
        return None;
    }
    if get("natural") == Some("water") || get("water").is_some() || get("waterway") == Some("riverbank") {
        return Some(Kind::Water);
    }
    (get("leisure") == Some("park")).then_some(Kind::Park)
}

/// A multipolygon relation of water or a park: what it is, and its outer member ways' ids.
struct Area {
    kind: Kind,
    outer: Vec<i64>,
}

/// The tags of `KEYS` among a way's or relation's keys and values (indices in the string table).
fn wanted_tags(p: &Primitive<'_>, keys: &[u64], vals: &[u64]) -> Result<Vec<(String, String)>, ()> {
    if keys.len() != vals.len() {
        return Err(());
    }
    let text = |i: u64| p.strings.get(i as usize).map(|s| String::from_utf8_lossy(s));
    let mut tags = Vec::new();
    for (&k, &v) in keys.iter().zip(vals) {
        let key = text(k).ok_or(())?;
        if KEYS.contains(&key.as_ref()) {
            tags.push((key.into_owned(), text(v).ok_or(())?.into_owned()));
        }
    }
    Ok(tags)
}

/// Node id sequences joined end to end (reversed where needed) into as few lines as they make:
/// closed rings where the pieces close, open lines where they do not.
///
/// Greedy: each line grows at its end from the pieces left; a multipolygon's outer ring is made
/// of whole ways meeting at shared nodes, so this finds it.
fn join_rings(mut parts: Vec<Vec<i64>>) -> Vec<Vec<i64>> {
    parts.retain(|p| !p.is_empty());
    parts.reverse();
    let mut out = Vec::new();
    while let Some(mut ring) = parts.pop() {
        while ring.len() < 2 || ring.first() != ring.last() {
            let Some(&end) = ring.last() else { break };
            let Some(i) = parts.iter().rposition(|p| p.first() == Some(&end) || p.last() == Some(&end)) else { break };
            let mut next = parts.remove(i);
            if next.first() != Some(&end) {
                next.reverse();
            }
            ring.extend_from_slice(&next[1..]);
        }
        out.push(ring);
    }
    out
}

/// The ways kept in the first pass: what each is and its node ids.
#[derive(Default)]
struct Ways {
    kinds: Vec<Kind>,
    /// `refs[starts[w]..starts[w + 1]]` are way `w`'s node ids.
    starts: Vec<usize>,
    refs: Vec<i64>,
    /// Roads left out as not walkable (and not drawn).
    not_walkable: usize,
    /// Multipolygon relations of water and parks (for the basemap only).
    areas: Vec<Area>,
}

/// What a primitive group holds.
#[derive(Clone, Copy, Default)]
struct Holds {
    nodes: bool,
    ways: bool,
}

fn read_group_ways(p: &Primitive<'_>, group: &[u8], basemap: bool, ways: &mut Ways) -> Result<Holds, ()> {
    let mut holds = Holds::default();
    let mut g = Message::new(group);
    let (mut keys, mut vals, mut refs) = (Vec::new(), Vec::new(), Vec::new());
    let (mut roles, mut types) = (Vec::new(), Vec::new());
    while let Some((field, value)) = g.field()? {
        match (field, value) {
            (1 | 2, _) => holds.nodes = true,
            // A relation: a multipolygon of water or a park is drawn on the basemap.
            (4, Value::Bytes(relation)) if basemap => {
                keys.clear();
                vals.clear();
                refs.clear();
                roles.clear();
                types.clear();
                let mut r = Message::new(relation);
                while let Some((f, v)) = r.field()? {
                    match f {
                        2 => push_ints(&v, &mut keys)?,
                        3 => push_ints(&v, &mut vals)?,
                        8 => push_ints(&v, &mut roles)?,
                        9 => push_ints(&v, &mut refs)?,
                        10 => push_ints(&v, &mut types)?,
                        _ => {}
                    }
                }
                if roles.len() != refs.len() || types.len() != refs.len() {
                    return Err(());
                }
                let Some(kind) = area_kind(&wanted_tags(p, &keys, &vals)?) else { continue };
                let mut id = 0i64;
                let mut outer = Vec::new();
                for ((&delta, &role), &member_type) in refs.iter().zip(&roles).zip(&types) {
                    id = id.wrapping_add(zigzag(delta));
                    let role = p.strings.get(role as usize).ok_or(())?;
                    // A way (type 1) as the outer ring; an empty role is an old-style outer.
                    if member_type == 1 && matches!(*role, b"outer" | b"") {
                        outer.push(id);
                    }
                }
                if !outer.is_empty() {
                    ways.areas.push(Area { kind, outer });
                }
            }
            (3, Value::Bytes(way)) => {
                holds.ways = true;
                keys.clear();
                vals.clear();
                refs.clear();
                let mut w = Message::new(way);
                while let Some((f, v)) = w.field()? {
                    match f {
                        2 => push_ints(&v, &mut keys)?,
                        3 => push_ints(&v, &mut vals)?,
                        8 => push_ints(&v, &mut refs)?,
                        _ => {}
                    }
                }
                let tags = wanted_tags(p, &keys, &vals)?;
                match kind(&tags, basemap) {
                    Some(kind) => {
                        let mut id = 0i64;
                        ways.starts.push(ways.refs.len());
                        for &delta in &refs {
                            id = id.wrapping_add(zigzag(delta));
                            ways.refs.push(id);
                        }
                        ways.kinds.push(kind);
                        if let Kind::Road(false, _) = kind {
                            ways.not_walkable += 1;
                        }
                    }
                    None if tags.iter().any(|(k, _)| k == "highway") => ways.not_walkable += 1,
                    None => {}
                }
            }
            _ => {}
        }
    }
    Ok(holds)
}

/// The node ids of the ways among `wanted` (sorted ids) in a group, into `found` (by position in
/// `wanted`).
fn read_group_members(group: &[u8], wanted: &[i64], found: &mut [Option<Vec<i64>>]) -> Result<(), ()> {
    let mut g = Message::new(group);
    while let Some((field, value)) = g.field()? {
        let (3, Value::Bytes(way)) = (field, value) else { continue };
        let (mut id, mut refs) = (None, Vec::new());
        let mut w = Message::new(way);
        while let Some((f, v)) = w.field()? {
            match (f, v) {
                // A way's id is a plain int64 (not zigzag).
                (1, Value::Int(n)) => id = Some(n as i64),
                (8, v) => push_ints(&v, &mut refs)?,
                _ => {}
            }
        }
        let Some(at) = id.and_then(|id| wanted.binary_search(&id).ok()) else { continue };
        let mut node = 0i64;
        found[at] = Some(
            refs.iter()
                .map(|&delta| {
                    node = node.wrapping_add(zigzag(delta));
                    node
                })
                .collect(),
        );
    }
    Ok(())
}

/// Positions of the needed node ids (sorted), filled from a group's nodes.
fn read_group_nodes(p: &Primitive<'_>, group: &[u8], needed: &[i64], positions: &mut [LonLat]) -> Result<(), ()> {
    // Divided (not multiplied by 1e-9, which is inexact): the nearest double to the decimal degrees, as
    // parsing the same position written with 9 decimals gives.
    let coord = |offset: i64, raw: i64| offset.wrapping_add(p.granularity.wrapping_mul(raw)) as f64 / 1e9;
    let mut keep = |id: i64, lat: i64, lon: i64| {
        if let Ok(i) = needed.binary_search(&id) {
            positions[i] = LonLat::new(coord(p.lon_offset, lon), coord(p.lat_offset, lat));
        }
    };
    let mut g = Message::new(group);
    while let Some((field, value)) = g.field()? {
        match (field, value) {
            (1, Value::Bytes(node)) => {
                let (mut id, mut lat, mut lon) = (0, 0, 0);
                let mut n = Message::new(node);
                while let Some((f, v)) = n.field()? {
                    match (f, v) {
                        (1, Value::Int(x)) => id = zigzag(x),
                        (8, Value::Int(x)) => lat = zigzag(x),
                        (9, Value::Int(x)) => lon = zigzag(x),
                        _ => {}
                    }
                }
                keep(id, lat, lon);
            }
            (2, Value::Bytes(dense)) => {
                let (mut ids, mut lats, mut lons) = (Vec::new(), Vec::new(), Vec::new());
                let mut d = Message::new(dense);
                while let Some((f, v)) = d.field()? {
                    match f {
                        1 => push_ints(&v, &mut ids)?,
                        8 => push_ints(&v, &mut lats)?,
                        9 => push_ints(&v, &mut lons)?,
                        _ => {}
                    }
                }
                if ids.len() != lats.len() || ids.len() != lons.len() {
                    return Err(());
                }
                let (mut id, mut lat, mut lon) = (0i64, 0i64, 0i64);
                for i in 0..ids.len() {
                    id = id.wrapping_add(zigzag(ids[i]));
                    lat = lat.wrapping_add(zigzag(lats[i]));
                    lon = lon.wrapping_add(zigzag(lons[i]));
                    keep(id, lat, lon);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn read_ways(bytes: &[u8], basemap: bool) -> Result<(Roads, Basemap), PbfError> {
    if !looks_like_pbf(bytes) {
        return Err(PbfError::NotPbf);
    }
    let blocks = blocks(bytes)?;
    let mut data = Vec::new();
    let mut ways = Ways::default();
    // Blocks with nodes, for the second pass; blocks with ways, for multipolygons' members.
    let (mut node_blocks, mut way_blocks) = (Vec::new(), Vec::new());
    for (i, b) in blocks.iter().enumerate() {
        let block = i + 1;
        match b.kind {
            b"OSMHeader" => {
                unpack(b.blob, block, &mut data)?;
                check_header(&data, block)?;
            }
            b"OSMData" => {
                unpack(b.blob, block, &mut data)?;
                let p = primitive(&data).map_err(|()| PbfError::Corrupt { block })?;
                let mut holds = Holds::default();
                for group in &p.groups {
                    let h = read_group_ways(&p, group, basemap, &mut ways).map_err(|()| PbfError::Corrupt { block })?;
                    holds.nodes |= h.nodes;
                    holds.ways |= h.ways;
                    if ways.refs.len() > MAX_WAY_NODES {
                        return Err(PbfError::TooManyNodes { limit: MAX_WAY_NODES as u64 });
                    }
                }
                if holds.nodes {
                    node_blocks.push(i);
                }
                if holds.ways {
                    way_blocks.push(i);
                }
            }
            // Unknown block types are skipped, as the format asks.
            _ => {}
        }
    }
    ways.starts.push(ways.refs.len());
    // The multipolygons' outer ways (relations come after the ways in a file: read them again).
    let mut members: Vec<i64> = ways.areas.iter().flat_map(|a| a.outer.iter().copied()).collect();
    members.sort_unstable();
    members.dedup();
    let mut found: Vec<Option<Vec<i64>>> = vec![None; members.len()];
    if !members.is_empty() {
        for &i in &way_blocks {
            let block = i + 1;
            unpack(blocks[i].blob, block, &mut data)?;
            let p = primitive(&data).map_err(|()| PbfError::Corrupt { block })?;
            for group in &p.groups {
                read_group_members(group, &members, &mut found).map_err(|()| PbfError::Corrupt { block })?;
            }
        }
        if ways.refs.len() + found.iter().flatten().map(Vec::len).sum::<usize>() > MAX_WAY_NODES {
            return Err(PbfError::TooManyNodes { limit: MAX_WAY_NODES as u64 });
        }
    }
    let mut needed = ways.refs.clone();
    needed.extend(found.iter().flatten().flatten());
    needed.sort_unstable();
    needed.dedup();
    let mut positions = vec![LonLat::new(f64::NAN, f64::NAN); needed.len()];
    if !needed.is_empty() {
        for &i in &node_blocks {
            let block = i + 1;
            unpack(blocks[i].blob, block, &mut data)?;
            let p = primitive(&data).map_err(|()| PbfError::Corrupt { block })?;
            for group in &p.groups {
                read_group_nodes(&p, group, &needed, &mut positions).map_err(|()| PbfError::Corrupt { block })?;
            }
        }
    }
    drop(data);
    let position = |id: &i64| needed.binary_search(id).map_or(LonLat::new(f64::NAN, f64::NAN), |i| positions[i]);
    let mut roads = Roads { not_walkable: ways.not_walkable, ..Roads::default() };
    let mut map = Basemap::default();
    for (w, &kind) in ways.kinds.iter().enumerate() {
        let line: Vec<LonLat> = ways.refs[ways.starts[w]..ways.starts[w + 1]].iter().map(position).collect();
        let usable = line.iter().filter(|p| p.is_valid()).count() >= 2;
        match kind {
            Kind::Road(walk, class) => {
                if !usable {
                    // A walkable road whose nodes are (nearly all) outside the extract.
                    roads.not_lines += usize::from(walk);
                    continue;
                }
                if let Some(class) = class {
                    map.roads.extend(simplify(&line, SIMPLIFY_M).into_iter().map(|l| (class, l)));
                }
                if walk {
                    roads.ways.push(line);
                }
            }
            Kind::Water => map.water.extend(simplify(&line, SIMPLIFY_M)),
            Kind::Rail => map.rail.extend(simplify(&line, SIMPLIFY_M)),
            Kind::Park => map.parks.extend(simplify(&line, SIMPLIFY_M)),
        }
    }
    for area in &ways.areas {
        let parts = area.outer.iter().filter_map(|id| members.binary_search(id).ok().and_then(|i| found[i].clone())).collect();
        for ring in join_rings(parts) {
            let line: Vec<LonLat> = ring.iter().map(position).collect();
            match area.kind {
                Kind::Park => map.parks.extend(simplify(&line, SIMPLIFY_M)),
                _ => map.water.extend(simplify(&line, SIMPLIFY_M)),
            }
        }
    }
    Ok((roads, map))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::core::io::crs::Crs;
    use crate::core::io::roads::{read_any, read_any_with_basemap, RoadsError};

    // A small protobuf writer, to make files by hand.
    fn varint(mut n: u64, out: &mut Vec<u8>) {
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    fn int(field: u64, n: u64, out: &mut Vec<u8>) {
        varint(field << 3, out);
        varint(n, out);
    }
    fn bytes(field: u64, data: &[u8], out: &mut Vec<u8>) {
        varint((field << 3) | 2, out);
        varint(data.len() as u64, out);
        out.extend_from_slice(data);
    }
    fn packed(field: u64, values: &[u64], out: &mut Vec<u8>) {
        let mut data = Vec::new();
        for &v in values {
            varint(v, &mut data);
        }
        bytes(field, &data, out);
    }
    fn zz(n: i64) -> u64 {
        ((n << 1) ^ (n >> 63)) as u64
    }
    fn deltas(values: &[i64]) -> Vec<u64> {
        values.iter().scan(0i64, |last, &v| Some(zz(v - std::mem::replace(last, v)))).collect()
    }
    /// A block: length, header, blob (`zlib`: 3 = zlib, 1 = raw, other numbers as given with the data as is).
    fn block(kind: &str, data: &[u8], packing: u64) -> Vec<u8> {
        let mut blob = Vec::new();
        if packing == 3 {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            z.write_all(data).expect("in memory");
            int(2, data.len() as u64, &mut blob);
            bytes(3, &z.finish().expect("in memory"), &mut blob);
        } else {
            bytes(packing, data, &mut blob);
        }
        let mut header = Vec::new();
        bytes(1, kind.as_bytes(), &mut header);
        int(3, blob.len() as u64, &mut header);
        let mut out = (header.len() as u32).to_be_bytes().to_vec();
        out.extend(header);
        out.extend(blob);
        out
    }
    fn header(features: &[&str]) -> Vec<u8> {
        let mut h = Vec::new();
        for f in features {
            bytes(4, f.as_bytes(), &mut h);
        }
        block("OSMHeader", &h, 1)
    }

    const STRINGS: [&str; 13] =
        ["", "highway", "residential", "motorway", "footway", "foot", "no", "building", "yes", "path", "service", "waterway", "river"];

    /// Nodes 1–5 dense, node 6 plain; node 7 and 8 missing. Ways: a residential street 1-2-3, a
    /// motorway 4-5, a footway 1-4 with foot=no, a building 1-2-5, a path 3-6-7, a service road 7-8,
    /// a river 4-6.
    fn sample(packing: u64) -> Vec<u8> {
        let e7 = |deg: f64| (deg * 1e7).round() as i64;
        let mut st = Vec::new();
        for s in STRINGS {
            bytes(1, s.as_bytes(), &mut st);
        }
        let mut nodes = Vec::new();
        let dense = [(1, 113.3, 23.1), (2, 113.301, 23.1), (3, 113.302, 23.1), (4, 113.3, 23.2), (5, 113.31, 23.2)];
        let mut d = Vec::new();
        packed(1, &deltas(&dense.map(|n| n.0)), &mut d);
        packed(8, &deltas(&dense.map(|n| e7(n.2))), &mut d);
        packed(9, &deltas(&dense.map(|n| e7(n.1))), &mut d);
        bytes(2, &d, &mut nodes);
        let mut plain = Vec::new();
        int(1, zz(6), &mut plain);
        int(8, zz(e7(23.3)), &mut plain);
        int(9, zz(e7(113.3)), &mut plain);
        bytes(1, &plain, &mut nodes);
        let mut ways = Vec::new();
        type Way<'a> = (i64, &'a [(u64, u64)], &'a [i64]);
        let way_list: [Way<'_>; 7] = [
            (10, &[(1, 2)], &[1, 2, 3]),
            (11, &[(1, 3)], &[4, 5]),
            (12, &[(1, 4), (5, 6)], &[1, 4]),
            (13, &[(7, 8)], &[1, 2, 5]),
            (14, &[(1, 9)], &[3, 6, 7]),
            (15, &[(1, 10)], &[7, 8]),
            (16, &[(11, 12)], &[4, 6]),
        ];
        for (id, tags, refs) in way_list {
            let mut w = Vec::new();
            int(1, id as u64, &mut w);
            packed(2, &tags.iter().map(|t| t.0).collect::<Vec<_>>(), &mut w);
            packed(3, &tags.iter().map(|t| t.1).collect::<Vec<_>>(), &mut w);
            packed(8, &deltas(refs), &mut w);
            bytes(3, &w, &mut ways);
        }
        let mut data = Vec::new();
        bytes(1, &st, &mut data);
        bytes(2, &nodes, &mut data);
        bytes(2, &ways, &mut data);
        let mut file = header(&["OsmSchema-V0.6", "DenseNodes"]);
        file.extend(block("OSMData", &data, packing));
        file
    }

    fn p(lon: f64, lat: f64) -> LonLat {
        LonLat::new(lon, lat)
    }

    #[test]
    fn walkable_ways_with_their_positions() {
        for packing in [1, 3] {
            let file = sample(packing);
            assert!(looks_like_pbf(&file));
            let roads = read(&file).expect("a valid file");
            // The street; the path, broken at its missing node 7. Not walkable: the motorway and
            // the footway with foot=no; the service road has no node in the file; the building
            // and the river are no roads.
            assert_eq!(roads.ways.len(), 2);
            assert_eq!(roads.ways[0], vec![p(113.3, 23.1), p(113.301, 23.1), p(113.302, 23.1)]);
            assert_eq!(roads.ways[1][..2], [p(113.302, 23.1), p(113.3, 23.3)]);
            assert!(!roads.ways[1][2].is_valid());
            assert_eq!((roads.not_walkable, roads.not_lines), (2, 1));
            // The one entry point gives the same (the coordinate system does not apply).
            let any = read_any(&file, Crs::Gcj02).expect("a valid file");
            assert_eq!((&any.ways[0], any.ways.len(), any.not_walkable, any.not_lines), (&roads.ways[0], 2, 2, 1));
        }
    }

    #[test]
    fn basemap_lines_by_kind() {
        let (roads, map) = read_any_with_basemap(&sample(3), Crs::Wgs84).expect("a valid file");
        assert_eq!(roads.ways.len(), 2);
        // The street's middle vertex is on the line between its ends: simplified away.
        assert_eq!(
            map.roads,
            vec![
                (RoadClass::Minor, vec![p(113.3, 23.1), p(113.302, 23.1)]),
                (RoadClass::Major, vec![p(113.3, 23.2), p(113.31, 23.2)]),
                (RoadClass::Path, vec![p(113.3, 23.1), p(113.3, 23.2)]),
                (RoadClass::Path, vec![p(113.302, 23.1), p(113.3, 23.3)]),
            ]
        );
        assert_eq!(map.water, vec![vec![p(113.3, 23.2), p(113.3, 23.3)]]);
        assert!(map.rail.is_empty() && map.parks.is_empty());
    }

    /// Water and park multipolygons: nodes, ways and relations each in a block of their own (as
    /// osmium writes them: the relations after the ways they name).
    fn multipolygons() -> Vec<u8> {
        let e7 = |deg: f64| (deg * 1e7).round() as i64;
        let strings = [
            "",
            "type",
            "multipolygon",
            "natural",
            "water",
            "leisure",
            "park",
            "outer",
            "inner",
            "railway",
            "rail",
            "reservoir",
            "building",
            "yes",
        ];
        let table = || {
            let mut st = Vec::new();
            for s in strings {
                bytes(1, s.as_bytes(), &mut st);
            }
            st
        };
        let nodes = [
            (1, 113.40, 23.00),
            (2, 113.41, 23.00),
            (3, 113.41, 23.01),
            (4, 113.40, 23.01),
            (5, 113.402, 23.002),
            (6, 113.404, 23.002),
            (7, 113.403, 23.004),
            (8, 113.42, 23.00),
            (9, 113.43, 23.00),
            (10, 113.42, 23.01),
            (11, 113.45, 23.00),
            (12, 113.46, 23.00),
        ];
        let mut d = Vec::new();
        packed(1, &deltas(&nodes.map(|n| n.0)), &mut d);
        packed(8, &deltas(&nodes.map(|n| e7(n.2))), &mut d);
        packed(9, &deltas(&nodes.map(|n| e7(n.1))), &mut d);
        let mut group = Vec::new();
        bytes(2, &d, &mut group);
        let mut node_block = Vec::new();
        bytes(1, &table(), &mut node_block);
        bytes(2, &group, &mut node_block);
        // Ways: the lake's two halves (1-2-3 and 1-4-3, the second the wrong way round), its
        // island, the park's ring, a piece of a reservoir, a railway; only the railway is tagged.
        type Way<'a> = (u64, &'a [(u64, u64)], &'a [i64]);
        let way_list: [Way<'_>; 6] = [
            (20, &[], &[1, 2, 3]),
            (21, &[], &[1, 4, 3]),
            (22, &[], &[5, 6, 7, 5]),
            (23, &[], &[8, 9, 10, 8]),
            (24, &[], &[11, 12]),
            (25, &[(9, 10)], &[5, 6]),
        ];
        let mut group = Vec::new();
        for (id, tags, refs) in way_list {
            let mut w = Vec::new();
            int(1, id, &mut w);
            packed(2, &tags.iter().map(|t| t.0).collect::<Vec<_>>(), &mut w);
            packed(3, &tags.iter().map(|t| t.1).collect::<Vec<_>>(), &mut w);
            packed(8, &deltas(refs), &mut w);
            bytes(3, &w, &mut group);
        }
        let mut way_block = Vec::new();
        bytes(1, &table(), &mut way_block);
        bytes(2, &group, &mut way_block);
        // Relations: the lake (natural=water; outer 20 and 21, inner 22), the park (outer 23 and
        // 99, which is not in the file), a reservoir (water=reservoir; outer 24 only: cut by the
        // extract), a building (not drawn).
        type Relation<'a> = (u64, &'a [(u64, u64)], &'a [(i64, u64)]);
        let relations: [Relation<'_>; 4] = [
            (30, &[(1, 2), (3, 4)], &[(20, 7), (21, 7), (22, 8)]),
            (31, &[(1, 2), (5, 6)], &[(23, 7), (99, 7)]),
            (32, &[(1, 2), (4, 11)], &[(24, 7)]),
            (33, &[(1, 2), (12, 13)], &[(20, 7), (21, 7)]),
        ];
        let mut group = Vec::new();
        for (id, tags, members) in relations {
            let mut r = Vec::new();
            int(1, id, &mut r);
            packed(2, &tags.iter().map(|t| t.0).collect::<Vec<_>>(), &mut r);
            packed(3, &tags.iter().map(|t| t.1).collect::<Vec<_>>(), &mut r);
            packed(8, &members.iter().map(|m| m.1).collect::<Vec<_>>(), &mut r);
            packed(9, &deltas(&members.iter().map(|m| m.0).collect::<Vec<_>>()), &mut r);
            packed(10, &members.iter().map(|_| 1).collect::<Vec<_>>(), &mut r);
            bytes(4, &r, &mut group);
        }
        let mut relation_block = Vec::new();
        bytes(1, &table(), &mut relation_block);
        bytes(2, &group, &mut relation_block);
        let mut file = header(&["OsmSchema-V0.6", "DenseNodes"]);
        for b in [node_block, way_block, relation_block] {
            file.extend(block("OSMData", &b, 3));
        }
        file
    }

    #[test]
    fn water_and_park_multipolygons_are_joined_into_rings() {
        let (roads, map) = read_with_basemap(&multipolygons()).expect("a valid file");
        assert_eq!((roads.ways.len(), roads.not_walkable, roads.not_lines), (0, 0, 0));
        // The lake: 1-2-3 then 3-4-1 (the second way turned round), closed; its island not read.
        // Then the reservoir's one way, open. Every vertex is a corner far more than 1 m off.
        let lake = vec![p(113.40, 23.00), p(113.41, 23.00), p(113.41, 23.01), p(113.40, 23.01), p(113.40, 23.00)];
        assert_eq!(map.water, vec![lake, vec![p(113.45, 23.00), p(113.46, 23.00)]]);
        // The park's ring (its missing second way left out); the building relation is not drawn.
        assert_eq!(map.parks, vec![vec![p(113.42, 23.00), p(113.43, 23.00), p(113.42, 23.01), p(113.42, 23.00)]]);
        assert_eq!(map.rail, vec![vec![p(113.402, 23.002), p(113.404, 23.002)]]);
        assert!(map.roads.is_empty());
        // Without the basemap the relations are not read at all.
        assert_eq!(read(&multipolygons()), Ok(Roads::default()));
    }

    #[test]
    fn rings_join_whichever_way_the_pieces_run() {
        // Three pieces of one ring, the middle one reversed, given out of order; and a lone piece.
        assert_eq!(join_rings(vec![vec![1, 2], vec![3, 1], vec![3, 2], vec![7, 8]]), vec![vec![1, 2, 3, 1], vec![7, 8]]);
        // A closed way is a ring by itself; an empty member is dropped.
        assert_eq!(join_rings(vec![vec![4, 5, 6, 4], Vec::new()]), vec![vec![4, 5, 6, 4]]);
    }

    #[test]
    fn bad_files_name_the_block() {
        let file = sample(3);
        let first = header(&["OsmSchema-V0.6", "DenseNodes"]).len();
        // Cut inside the second block.
        assert_eq!(read(&file[..file.len() - 3]), Err(PbfError::Truncated { block: 2 }));
        assert_eq!(read(&file[..first + 2]), Err(PbfError::Truncated { block: 2 }));
        // A history file.
        let history = header(&["OsmSchema-V0.6", "HistoricalInformation"]);
        assert_eq!(read(&history), Err(PbfError::Unsupported { feature: "HistoricalInformation".into() }));
        // zstd and LZMA are not unpacked; broken zlib is damage.
        let mut zstd = header(&["OsmSchema-V0.6"]);
        zstd.extend(block("OSMData", b"whatever", 7));
        assert_eq!(read(&zstd), Err(PbfError::Compression { block: 2, method: "zstd".into() }));
        let mut lzma = header(&["OsmSchema-V0.6"]);
        lzma.extend(block("OSMData", b"whatever", 4));
        assert_eq!(read(&lzma), Err(PbfError::Compression { block: 2, method: "LZMA".into() }));
        let mut broken = header(&["OsmSchema-V0.6"]);
        let mut blob = Vec::new();
        int(2, 100, &mut blob);
        bytes(3, b"not zlib at all", &mut blob);
        let mut h = Vec::new();
        bytes(1, b"OSMData", &mut h);
        int(3, blob.len() as u64, &mut h);
        broken.extend((h.len() as u32).to_be_bytes());
        broken.extend(&h);
        broken.extend(&blob);
        assert_eq!(read(&broken), Err(PbfError::Corrupt { block: 2 }));
        // A block header announcing more than 32 MB.
        let mut huge = header(&["OsmSchema-V0.6"]);
        let mut h = Vec::new();
        bytes(1, b"OSMData", &mut h);
        int(3, 33 * 1024 * 1024, &mut h);
        huge.extend((h.len() as u32).to_be_bytes());
        huge.extend(&h);
        assert_eq!(read(&huge), Err(PbfError::BlockTooLarge { block: 2 }));
        // Not a PBF file at all: read as GeoJSON by the entry point.
        assert_eq!(read(b"{\"type\":"), Err(PbfError::NotPbf));
        assert!(matches!(read_any(b"{\"type\":", Crs::Wgs84), Err(RoadsError::GeoJson(_))));
    }

    #[test]
    fn messages_in_each_language() {
        let cut = PbfError::Truncated { block: 2 };
        assert_eq!(cut.message(Locale::ZhCn), ".osm.pbf 文件不完整：在第 2 块中途结束（下载是否中断了？请重新下载）");
        assert_eq!(
            cut.to_string(),
            "the .osm.pbf file is incomplete: it ends inside block 2 (was the download cut short? Download it again)"
        );
        let zstd = RoadsError::Pbf(PbfError::Compression { block: 5, method: "zstd".into() });
        assert_eq!(zstd.message(Locale::ZhCn), ".osm.pbf 文件的第 5 块用 zstd 压缩，无法读取：请用 osmium 等工具重新导出为 zlib 压缩");
        let big = RoadsError::TooLarge { mb: 300, limit_mb: 256 };
        assert_eq!(big.message(Locale::ZhCn), "道路文件太大（300 MB，上限 256 MB）：请用更小范围的城市或区县数据");
        assert_eq!(
            big.message(Locale::En),
            "the road file is too large (300 MB, limit 256 MB): use an extract of a smaller area (a city or district)"
        );
    }

    #[test]
    fn any_damage_is_an_error_or_roads_never_a_panic() {
        for file in [sample(1), multipolygons()] {
            for n in 0..file.len() {
                let _ = read_with_basemap(&file[..n]);
            }
            for i in 0..file.len() {
                for bits in [0x01u8, 0x80, 0xff] {
                    let mut bad = file.clone();
                    bad[i] ^= bits;
                    let _ = read_with_basemap(&bad);
                }
            }
        }
    }
}
