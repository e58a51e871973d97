//! The command line's face of the library's plain enums (formats, tables, input layouts): clap parses them by
//! name ([`Choice`]) and `--help` lists each value with the help text written here.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use whosaid::Choice;
use whosaid::input::InputFormat;
use whosaid::output::{Format, StreamTable};

/// A value parser for `T`: its names, each with `help`.
pub fn choice<T: Choice + Send + Sync>(help: fn(T) -> &'static str) -> impl TypedValueParser<Value = T> {
    let values = T::ALL.iter().map(move |&v| PossibleValue::new(v.name()).help(help(v)));
    PossibleValuesParser::new(values).map(|name| T::from_name(&name).expect("clap accepts only the values' names"))
}

/// `--format`.
pub fn format_help(format: Format) -> &'static str {
    match format {
        Format::Csv => "Comma-separated values, UTF-8, one header row",
        Format::Jsonl => "One JSON object per line, with the same fields as the CSV columns",
        Format::Xlsx => {
            "One Excel workbook, `whosaid.xlsx`: sheets Quotes, Mentions, Entities and Summary (needs an output \
             directory; written as documents come, in constant memory)"
        }
        Format::Html => {
            "One self-contained review page, `review.html` (needs an output directory; rows and texts are kept in \
             memory until the end)"
        }
    }
}

/// `--table`.
pub fn table_help(table: StreamTable) -> &'static str {
    match table {
        StreamTable::Mentions => "Mention rows (who is mentioned)",
        StreamTable::Quotes => "Quotation rows (who said what)",
    }
}

/// `--input-format`.
pub fn input_format_help(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Text => "Each file is one document",
        InputFormat::Jsonl => "One JSON object per line, with an id and a text field",
        InputFormat::Csv => "CSV with a header row, an id column and a text column",
    }
}

/// `--encoding`: a WHATWG encoding label (`utf-8`, `windows-1252`, `latin1`, `iso-8859-15`, `shift_jis`, ...).
pub fn encoding(name: &str) -> Result<&'static encoding_rs::Encoding, String> {
    let label = match name.to_ascii_lowercase().as_str() {
        "latin-1" | "latin_1" | "iso8859-1" | "iso_8859_1" => "latin1".to_owned(),
        other => other.to_owned(),
    };
    encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
        format!(
            "unknown encoding {name:?} (such as utf-8, windows-1252, latin1, iso-8859-15, windows-1251, shift_jis, \
             gb18030, utf-16le: the WHATWG labels)"
        )
    })
}

/// `--delimiter`: one ASCII character other than a quote or a line break; `tab` or `\t` for a tab.
pub fn delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => match text.as_bytes() {
            [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') && !b.is_ascii_alphanumeric() => Ok(*b),
            _ => Err(format!("{text:?} is not one separator character (such as ';', '|' or tab)")),
        },
    }
}
