//! Writing a run's tables (mentions, quotes, entities): one [`Sink`] per format, fed one document at a time in
//! input order.
//!
//! - Rows and their columns: [`rows`] (one column table per row type, in [`columns`]), [`entities`] (the
//!   entity table, tallied over the run).
//! - Streamed formats, [`TableSink`] over an [`Encoding`]: [`CsvSink`] ([`csv`]) and [`JsonlSink`]
//!   ([`jsonl`]). Workers encode each document's rows ([`Renderer`]); the sink appends the bytes in order.
//! - The workbook, [`XlsxSink`] ([`xlsx`]): its sheets are written as documents come, in constant memory; the
//!   entity table and the summary at the end.
//! - The review page, [`RunSink`] over a [`RunFile`]: [`HtmlSink`] ([`html`]), which keeps the run
//!   ([`collect`]) and writes one file at the end.
//!
//! Files are written under a temporary name and renamed into place when the run completes, so a file is there
//! whole or not at all and a failed run leaves an earlier output untouched. A sink prints nothing: what the
//! user should know comes back in the [`Report`] of [`Sink::finish`].

pub mod collect;
pub mod columns;
pub mod csv;
pub mod entities;
mod files;
pub mod html;
pub mod jsonl;
pub mod rows;
pub mod tables;
pub mod xlsx;

use std::fmt;

use crate::choice::Choice;
use crate::document::Document;
use crate::error::Result;
use crate::extraction::Extraction;
use crate::pipeline::Extractor;

pub use self::collect::{RunFile, RunSink};
pub use self::columns::{Cell, Column, ColumnKind, Row};
pub use self::csv::{Csv, CsvSink};
pub use self::files::remove_unfinished_files;
pub use self::html::HtmlSink;
pub use self::jsonl::{Jsonl, JsonlSink};
pub use self::tables::{Encoding, TableSink};
pub use self::xlsx::XlsxSink;

/// Where a run's rows go, one document (or part of a large one) at a time, in input order.
///
/// A run asks the sink for its [`Renderer`], encodes each document's rows with it (in worker threads), hands
/// the document, its extraction and the encoded rows to [`Sink::document`] in input order, and ends with
/// [`Sink::finish`]. A sink that is dropped unfinished leaves no file behind.
pub trait Sink {
    /// How this sink's rows are encoded ahead of [`Sink::document`], in any thread.
    fn renderer(&self) -> Box<dyn Renderer>;

    /// Takes the next document with its extraction and the rows its [`Sink::renderer`] encoded (`extractor` made
    /// the extraction).
    fn document(&mut self, extractor: &Extractor, doc: Document, x: Extraction, rows: RenderedRows) -> Result<()>;

    /// Pushes out what was written so far (when streaming to a pipe).
    fn flush(&mut self) -> Result<()>;

    /// Ends the run: writes what is written at the end (the entity table, a workbook, a page) and moves the
    /// files into place.
    fn finish(self: Box<Self>, extractor: &Extractor) -> Result<Report>;

    /// Encodes and takes one document: [`Sink::renderer`] then [`Sink::document`], in this thread.
    fn write(&mut self, extractor: &Extractor, doc: Document, x: Extraction) -> Result<()> {
        let rows = self.renderer().render(extractor, &doc, &x)?;
        self.document(extractor, doc, x, rows)
    }
}

/// Encodes one document's rows for a [`Sink`], apart from it, so that worker threads can do it.
pub trait Renderer: Send + Sync {
    /// The document's rows as the sink will write them.
    fn render(&self, extractor: &Extractor, doc: &Document, x: &Extraction) -> Result<RenderedRows>;
}

/// One document's rows, encoded by a [`Renderer`]; empty for the formats that make their rows at the end.
#[derive(Debug, Default)]
pub struct RenderedRows {
    pub(crate) mentions: Vec<u8>,
    pub(crate) quotes: Vec<u8>,
}

/// What a finished run's output has to tell.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Things the user should know (see [`Warning`]), in the order they happened.
    pub warnings: Vec<Warning>,
}

/// Something about the output the user should know; the run still succeeded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Rows left out of a sheet of the workbook: a sheet holds 1,048,576 rows, its header included.
    RowsNotInWorkbook {
        /// The sheet (Quotes, Mentions, Entities).
        sheet: &'static str,
        /// How many rows were left out.
        rows: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::RowsNotInWorkbook { sheet, rows } => write!(
                f,
                "{rows} rows did not fit in the workbook's {sheet} sheet (1,048,576 rows per sheet): they are in \
                 the CSV or JSON Lines tables (--format csv)"
            ),
        }
    }
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, one file per table ([`CsvSink`]).
    Csv,
    /// JSON Lines, one file per table ([`JsonlSink`]).
    Jsonl,
    /// One Excel workbook with a sheet per table and a summary ([`XlsxSink`]).
    Xlsx,
    /// One self-contained review page ([`HtmlSink`]).
    Html,
}

/// The table a streamed run writes (to standard output, without an output directory).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StreamTable {
    /// Mention rows (who is mentioned).
    #[default]
    Mentions,
    /// Quotation rows (who said what).
    Quotes,
}

impl Choice for Format {
    const ALL: &'static [Format] = &[Format::Csv, Format::Jsonl, Format::Xlsx, Format::Html];

    fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }
}

impl Choice for StreamTable {
    const ALL: &'static [StreamTable] = &[StreamTable::Mentions, StreamTable::Quotes];

    fn name(self) -> &'static str {
        match self {
            StreamTable::Mentions => "mentions",
            StreamTable::Quotes => "quotes",
        }
    }
}

impl Format {
    /// True for the formats that write one file for the whole run (workbook, page): they need a directory and
    /// cannot stream.
    pub fn whole_run(self) -> bool {
        matches!(self, Format::Xlsx | Format::Html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_from_their_names() {
        for &f in Format::ALL {
            assert_eq!(Format::from_name(f.name()).unwrap(), f);
        }
        assert_eq!(StreamTable::from_name("quotes").unwrap(), StreamTable::Quotes);
        let err = Format::from_name("xml").unwrap_err();
        assert_eq!(err.to_string(), "unknown value \"xml\" (expected one of csv, jsonl, xlsx, html)");
    }

    #[test]
    fn warnings_say_what_was_left_out() {
        assert_eq!(
            Warning::RowsNotInWorkbook { sheet: "Mentions", rows: 12 }.to_string(),
            "12 rows did not fit in the workbook's Mentions sheet (1,048,576 rows per sheet): they are in the CSV \
             or JSON Lines tables (--format csv)"
        );
    }
}
