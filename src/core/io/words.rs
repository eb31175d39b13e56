//! What the file readers say when a file cannot be read, in each language: one table per language
//! ([`ZH_CN`], [`EN`]) and one accessor ([`words`]).

use crate::core::Locale;

/// The file readers' messages in one language.
pub struct IoWords {
    /// An empty file.
    pub text_empty: &'static str,
    /// Bytes that are not text in UTF-8, UTF-16 or GBK.
    pub text_not_text: &'static str,
    /// A table without a header row.
    pub table_no_header: &'static str,
    /// The file could not be read to the end (what the system said).
    pub table_read: fn(&str) -> String,
    /// Not valid GeoJSON (what the parser said).
    pub geojson_invalid: fn(&str) -> String,
    /// GeoJSON without features.
    pub geojson_no_features: &'static str,
    /// A road file over the size limit (its size and the limit, MB).
    pub roads_too_large: fn(u64, u64) -> String,
    /// Bytes that do not start as an OpenStreetMap PBF file.
    pub pbf_not_pbf: &'static str,
    /// A PBF file that ends inside a block (the block, 1-based).
    pub pbf_truncated: fn(usize) -> String,
    /// A PBF block that cannot be decoded (the block).
    pub pbf_corrupt: fn(usize) -> String,
    /// A PBF block over the format's size (the block).
    pub pbf_block_too_large: fn(usize) -> String,
    /// A PBF block packed in a way this reader does not unpack (the block, the method).
    pub pbf_compression: fn(usize, &str) -> String,
    /// A PBF file requiring a feature this reader lacks (the feature's name).
    pub pbf_unsupported: fn(&str) -> String,
    /// More way vertices than can be held (the limit).
    pub pbf_too_many_nodes: fn(u64) -> String,
}

/// Simplified Chinese. The system's and the GeoJSON parser's explanations are in English only, so
/// they are left out here.
pub const ZH_CN: IoWords = IoWords {
    text_empty: "文件是空的",
    text_not_text: "文件不是 UTF-8 或 GBK 编码的文字（是不是 .xlsx 表格？请在 Excel 里另存为 CSV 文件）",
    table_no_header: "文件没有标题行",
    table_read: |_detail| "读取文件时出错：文件可能在读取时被移动或修改了，请重新选择这个文件".to_string(),
    geojson_invalid: |_detail| "不是有效的 GeoJSON 文件".to_string(),
    geojson_no_features: "GeoJSON 文件里没有任何要素",
    roads_too_large: |mb, limit| format!("道路文件太大（{mb} MB，上限 {limit} MB）：请用更小范围的城市或区县数据"),
    pbf_not_pbf: "不是 OpenStreetMap 的 .osm.pbf 文件",
    pbf_truncated: |block| format!(".osm.pbf 文件不完整：在第 {block} 块中途结束（下载是否中断了？请重新下载）"),
    pbf_corrupt: |block| format!(".osm.pbf 文件的第 {block} 块已损坏，无法读取"),
    pbf_block_too_large: |block| format!(".osm.pbf 文件的第 {block} 块超过格式允许的大小（32 MB），文件可能已损坏"),
    pbf_compression: |block, method| {
        format!(".osm.pbf 文件的第 {block} 块用 {method} 压缩，无法读取：请用 osmium 等工具重新导出为 zlib 压缩")
    },
    pbf_unsupported: |feature| format!(".osm.pbf 文件需要本程序不支持的功能（{feature}），请使用普通的地图数据提取文件，而不是历史文件"),
    pbf_too_many_nodes: |limit| format!("道路太多（超过 {limit} 个节点）：请用更小范围的城市或区县数据"),
};

/// English.
pub const EN: IoWords = IoWords {
    text_empty: "the file is empty",
    text_not_text: "the file is not text in UTF-8 or GBK (is it a spreadsheet saved as .xlsx? save it as CSV)",
    table_no_header: "the file has no header row",
    table_read: |detail| {
        format!("the file could not be read to the end ({detail}): was it moved or changed while being read? Choose it again")
    },
    geojson_invalid: |detail| format!("not valid GeoJSON: {detail}"),
    geojson_no_features: "the GeoJSON has no features",
    roads_too_large: |mb, limit| {
        format!("the road file is too large ({mb} MB, limit {limit} MB): use an extract of a smaller area (a city or district)")
    },
    pbf_not_pbf: "not an OpenStreetMap .osm.pbf file",
    pbf_truncated: |block| {
        format!("the .osm.pbf file is incomplete: it ends inside block {block} (was the download cut short? Download it again)")
    },
    pbf_corrupt: |block| format!("block {block} of the .osm.pbf file is damaged and cannot be read"),
    pbf_block_too_large: |block| {
        format!("block {block} of the .osm.pbf file is larger than the format allows (32 MB): the file may be damaged")
    },
    pbf_compression: |block, method| {
        format!("block {block} of the .osm.pbf file is compressed with {method}, which cannot be read: export it again with zlib compression (osmium can)")
    },
    pbf_unsupported: |feature| {
        format!("the .osm.pbf file needs a feature this program does not have ({feature}): use a plain extract, not a history file")
    },
    pbf_too_many_nodes: |limit| format!("too many roads (more than {limit} nodes): use an extract of a smaller area (a city or district)"),
};

/// The file readers' messages in `locale`.
pub fn words(locale: Locale) -> &'static IoWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::io::geojson_in::GeoJsonError;
    use crate::core::io::table::TableError;
    use crate::core::io::text::TextError;

    #[test]
    fn file_errors_in_each_language() {
        assert_eq!(TextError::Empty.message(Locale::ZhCn), "文件是空的");
        assert_eq!(TextError::Empty.to_string(), "the file is empty");
        let bad = TableError::Read { message: "permission denied".into() };
        assert_eq!(bad.message(Locale::ZhCn), "读取文件时出错：文件可能在读取时被移动或修改了，请重新选择这个文件");
        assert_eq!(
            bad.to_string(),
            "the file could not be read to the end (permission denied): was it moved or changed while being read? Choose it again"
        );
        assert_eq!(TableError::Text(TextError::Empty).message(Locale::ZhCn), "文件是空的");
        assert_eq!(TableError::NoHeader.message(Locale::ZhCn), "文件没有标题行");
        assert_eq!(GeoJsonError::Invalid("expected value".into()).message(Locale::ZhCn), "不是有效的 GeoJSON 文件");
        assert_eq!(GeoJsonError::Invalid("expected value".into()).message(Locale::En), "not valid GeoJSON: expected value");
        assert_eq!(GeoJsonError::NoFeatures.message(Locale::ZhCn), "GeoJSON 文件里没有任何要素");
    }
}
