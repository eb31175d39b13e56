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
