//! Writing the tables: `mentions`, `entities` and `quotes`, as CSV (through the `csv` crate) or JSON Lines.
//!
//! With an output directory, each table goes to its own file, written to a temporary name and renamed into
//! place when the run completes, so a file is there whole or not at all and a failed run leaves an existing
//! output untouched. Without one, mention rows stream to standard output.

pub mod collect;
pub mod html;
pub mod rows;
pub mod xlsx;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::choice::Choice;
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::extraction::Extraction;
use crate::extractor::Extractor;
use crate::span::CharOffsets;
use rows::{ENTITY_COLUMNS, EntityTable, MENTION_COLUMNS, QUOTE_COLUMNS, SpreadsheetSafe};

/// How CSV tables are written for spreadsheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    /// Neutralise cells a spreadsheet would read as formulas (see [`rows::SpreadsheetSafe`]). Default: on.
    pub neutralise: bool,
    /// Start each file with a UTF-8 byte order mark, so that Excel reads non-ASCII names right.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions { neutralise: true, bom: false }
    }
}

/// The table written to standard output when there is no output directory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StreamTable {
    /// Mention rows (who is mentioned).
    #[default]
    Mentions,
    /// Quotation rows (who said what).
    Quotes,
}

/// Table file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, UTF-8, one header row.
    Csv,
    /// One JSON object per line, with the same fields as the CSV columns.
    Jsonl,
    /// One Excel workbook, `whosaid.xlsx`: sheets Quotes, Mentions, Entities and Summary (needs an output
    /// directory; rows are kept in memory until the end).
    Xlsx,
    /// One self-contained review page, `review.html` (needs an output directory; rows and texts are kept in
    /// memory until the end).
    Html,
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
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl | Format::Xlsx | Format::Html => "jsonl",
        }
    }
}

/// How rows become bytes: CSV records (through the `csv` crate) or JSON Lines, cells neutralised or not.
#[derive(Clone, Copy, Debug)]
struct Encoding {
    csv: bool,
    neutralise: bool,
}

impl Encoding {
    fn new(format: Format, options: CsvOptions) -> Encoding {
        let csv = format == Format::Csv;
        Encoding { csv, neutralise: csv && options.neutralise }
    }

    /// Appends rows to `buf`, one after the other; [`RowEncoder::finish`] completes them.
    fn encoder(self, buf: &mut Vec<u8>) -> RowEncoder<'_> {
        let out = if self.csv {
            Rows::Csv(Box::new(csv::WriterBuilder::new().has_headers(false).buffer_capacity(4096).from_writer(buf)))
        } else {
            Rows::Jsonl(buf)
        };
        RowEncoder { out, neutralise: self.neutralise }
    }
}

/// Rows being encoded into a byte buffer (see [`Encoding::encoder`]). Writing to memory cannot fail; what can
/// is serialization itself.
struct RowEncoder<'b> {
    out: Rows<'b>,
    neutralise: bool,
}

enum Rows<'b> {
    Csv(Box<csv::Writer<&'b mut Vec<u8>>>),
    Jsonl(&'b mut Vec<u8>),
}

impl RowEncoder<'_> {
    fn row(&mut self, mut row: impl Serialize + SpreadsheetSafe) -> Result<()> {
        if self.neutralise {
            row.neutralise();
        }
        match &mut self.out {
            Rows::Csv(w) => w.serialize(&row).map_err(csv_error),
            Rows::Jsonl(buf) => {
                serde_json::to_writer(&mut **buf, &row).map_err(|e| Error::new(ErrorKind::Output(e.to_string())))?;
                buf.push(b'\n');
                Ok(())
            }
        }
    }

    /// A header record (CSV only: JSON Lines name their fields in every row).
    fn header(&mut self, columns: &[&str]) -> Result<()> {
        match &mut self.out {
            Rows::Csv(w) => w.write_record(columns).map_err(csv_error),
            Rows::Jsonl(_) => Ok(()),
        }
    }

    fn finish(self) -> Result<()> {
        match self.out {
            Rows::Csv(mut w) => w.flush().map_err(|e| Error::output(e.to_string())),
            Rows::Jsonl(_) => Ok(()),
        }
    }
}

/// One table being written: encoded rows over a buffered writer. Errors name the table's file.
struct TableWriter {
    out: BufWriter<Box<dyn Write + Send>>,
    name: PathBuf,
    encoding: Encoding,
}

impl TableWriter {
    fn new(
        format: Format,
        out: Box<dyn Write + Send>,
        columns: &[&str],
        name: PathBuf,
        options: CsvOptions,
    ) -> Result<TableWriter> {
        let encoding = Encoding::new(format, options);
        let mut w = TableWriter { out: BufWriter::with_capacity(1 << 16, out), name, encoding };
        let mut header = Vec::new();
        if encoding.csv && options.bom {
            header.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let mut encoder = encoding.encoder(&mut header);
        encoder.header(columns).and_then(|()| encoder.finish()).map_err(|e| e.in_file(&w.name))?;
        w.write(&header)?;
        Ok(w)
    }

    /// Writes encoded rows.
    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(|e| Error::output_io(&self.name, e))
    }

    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| Error::output_io(&self.name, e))
    }
}

/// One document's mention and quotation rows, encoded: made by [`RowRenderer::render`] (in any thread),
/// written in document order by [`TableSink::write_rendered`].
#[derive(Debug, Default)]
pub struct RenderedRows {
    mentions: Vec<u8>,
    quotes: Vec<u8>,
}

/// Encodes documents' rows for a [`TableSink`], apart from it, so that worker threads can do it.
#[derive(Clone, Copy, Debug)]
pub struct RowRenderer {
    encoding: Encoding,
    mentions: bool,
    quotes: bool,
}

impl RowRenderer {
    /// The rows of one document, encoded as its sink will write them.
    pub fn render(&self, extractor: &Extractor, doc: &Document, x: &Extraction) -> Result<RenderedRows> {
        let offsets = CharOffsets::with_base(&doc.text, doc.char_offset);
        let mut rendered = RenderedRows::default();
        if self.mentions {
            let mut encoder = self.encoding.encoder(&mut rendered.mentions);
            rows::mention_rows(extractor, &doc.id, &doc.text, x, &offsets, |row| encoder.row(row))?;
            encoder.finish()?;
        }
        if self.quotes {
            let mut encoder = self.encoding.encoder(&mut rendered.quotes);
            rows::quote_rows(extractor, &doc.id, &doc.text, x, &offsets, |row| encoder.row(row))?;
            encoder.finish()?;
        }
        Ok(rendered)
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::output(io.to_string()),
        other => Error::new(ErrorKind::Output(format!("{other:?}"))),
    }
}

/// A file written under a temporary name and renamed into place by [`PendingFile::commit`].
struct PendingFile {
    temp: PathBuf,
    target: PathBuf,
}

impl PendingFile {
    fn create(dir: &Path, name: &str) -> Result<(PendingFile, File)> {
        let target = dir.join(name);
        let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&temp).map_err(|e| Error::output_io(&temp, e))?;
        Ok((PendingFile { temp, target }, file))
    }

    fn commit(&self) -> Result<()> {
        std::fs::rename(&self.temp, &self.target).map_err(|e| Error::output_io(&self.target, e))
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        // after a commit the temporary name no longer exists; after a failure it is removed
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// Writes the tables of a run, document by document.
pub struct TableSink {
    /// Whole-run formats (workbook, review page): the rows are collected and written at the end.
    collect: Option<(Format, PathBuf, collect::Collected, EntityTable)>,
    mentions: Option<TableWriter>,
    quotes: Option<TableWriter>,
    entities: Option<(TableWriter, EntityTable)>,
    pending: Vec<PendingFile>,
}

impl TableSink {
    /// Tables written into `dir` (created if needed): `mentions`, `entities` and `quotes`, committed by
    /// [`TableSink::finish`].
    pub fn to_dir(dir: &Path, format: Format, options: CsvOptions) -> Result<TableSink> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::new(ErrorKind::Output("exists and is not a directory".into())).in_file(dir));
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::output_io(dir, e))?;
        if matches!(format, Format::Xlsx | Format::Html) {
            let collected = (format, dir.to_owned(), collect::Collected::default(), EntityTable::default());
            return Ok(TableSink {
                collect: Some(collected),
                mentions: None,
                quotes: None,
                entities: None,
                pending: Vec::new(),
            });
        }
        let ext = format.extension();
        let mut pending = Vec::new();
        let mut open = |name: &str, columns: &[&str]| -> Result<TableWriter> {
            let (p, file) = PendingFile::create(dir, &format!("{name}.{ext}"))?;
            let target = p.target.clone();
            pending.push(p);
            TableWriter::new(format, Box::new(file), columns, target, options)
        };
        let mentions = open("mentions", MENTION_COLUMNS)?;
        let entities = open("entities", ENTITY_COLUMNS)?;
        let quotes = open("quotes", QUOTE_COLUMNS)?;
        Ok(TableSink {
            collect: None,
            mentions: Some(mentions),
            quotes: Some(quotes),
            entities: Some((entities, EntityTable::default())),
            pending,
        })
    }

    /// One table's rows to `out` (standard output), nothing else: mention rows, or with `table` quotes, quote
    /// rows.
    pub fn stream_to(
        out: Box<dyn Write + Send>,
        table: StreamTable,
        format: Format,
        options: CsvOptions,
    ) -> Result<TableSink> {
        if matches!(format, Format::Xlsx | Format::Html) {
            return Err(Error::usage("--format xlsx and html need --out-dir"));
        }
        let columns = match table {
            StreamTable::Mentions => MENTION_COLUMNS,
            StreamTable::Quotes => QUOTE_COLUMNS,
        };
        let writer = Some(TableWriter::new(format, out, columns, PathBuf::from("<stdout>"), options)?);
        let (mentions, quotes) = match table {
            StreamTable::Mentions => (writer, None),
            StreamTable::Quotes => (None, writer),
        };
        Ok(TableSink { collect: None, mentions, quotes, entities: None, pending: Vec::new() })
    }

    /// The renderer for this sink's rows, for worker threads; `None` for the whole-run formats (workbook,
    /// review page), which collect rows instead: use [`TableSink::write`] for those.
    pub fn renderer(&self) -> Option<RowRenderer> {
        let encoding = self.mentions.as_ref().or(self.quotes.as_ref())?.encoding;
        Some(RowRenderer { encoding, mentions: self.mentions.is_some(), quotes: self.quotes.is_some() })
    }

    /// Writes one document's rows.
    pub fn write(&mut self, extractor: &Extractor, doc: &Document, x: &Extraction) -> Result<()> {
        if self.collect.is_some() {
            return self.collect(extractor, doc, x);
        }
        let rendered = self.renderer().map(|r| r.render(extractor, doc, x)).transpose()?.unwrap_or_default();
        self.write_rendered(doc, x, &rendered)
    }

    /// Writes one document's rows rendered by this sink's [`TableSink::renderer`].
    pub fn write_rendered(&mut self, doc: &Document, x: &Extraction, rendered: &RenderedRows) -> Result<()> {
        if let Some(mentions) = &mut self.mentions {
            mentions.write(&rendered.mentions)?;
        }
        if let Some(quotes) = &mut self.quotes {
            quotes.write(&rendered.quotes)?;
        }
        if let Some((_, table)) = &mut self.entities {
            table.add(&doc.id, &doc.text, x);
        }
        Ok(())
    }

    /// Keeps one document's rows for a whole-run format.
    fn collect(&mut self, extractor: &Extractor, doc: &Document, x: &Extraction) -> Result<()> {
        let Some((_, _, collected, table)) = &mut self.collect else { return Ok(()) };
        let offsets = CharOffsets::with_base(&doc.text, doc.char_offset);
        let mut mentions = Vec::with_capacity(x.mentions.len());
        rows::mention_rows(extractor, &doc.id, &doc.text, x, &offsets, |row| {
            mentions.push(row.into_owned());
            Ok::<(), Error>(())
        })?;
        let mut quotes = Vec::with_capacity(x.quotes.len());
        rows::quote_rows(extractor, &doc.id, &doc.text, x, &offsets, |row| {
            quotes.push(row.into_owned());
            Ok::<(), Error>(())
        })?;
        table.add(&doc.id, &doc.text, x);
        // parts of a large file join their document
        match collected.docs.last_mut() {
            Some(last) if doc.char_offset > 0 && last.id == doc.id => {
                last.text.push_str(&doc.text);
                last.mentions.extend(mentions);
                last.quotes.extend(quotes);
            }
            _ => collected.docs.push(collect::CollectedDoc {
                id: doc.id.clone(),
                text: doc.text.clone(),
                mentions,
                quotes,
            }),
        }
        Ok(())
    }

    /// Flushes what was written so far (for streaming to a pipe).
    pub fn flush(&mut self) -> Result<()> {
        for writer in [&mut self.mentions, &mut self.quotes].into_iter().flatten() {
            writer.flush()?;
        }
        Ok(())
    }

    /// Writes the entity table, flushes everything and moves finished files into place.
    pub fn finish(mut self, extractor: &Extractor) -> Result<()> {
        if let Some((format, dir, mut collected, table)) = self.collect.take() {
            table.rows(extractor, |row| {
                collected.entities.push(row.into_owned());
                Ok::<(), Error>(())
            })?;
            let name = if format == Format::Xlsx { "whosaid.xlsx" } else { "review.html" };
            let (pending, file) = PendingFile::create(&dir, name)?;
            match format {
                Format::Xlsx => {
                    drop(file);
                    let dropped = xlsx::write_workbook(&pending.temp, &collected)
                        .map_err(|e| Error::new(ErrorKind::Output(e.to_string())).in_file(&pending.target))?;
                    if dropped > 0 {
                        eprintln!("whosaid: warning: {dropped} rows did not fit in the workbook (1,048,576 per sheet)");
                    }
                }
                _ => {
                    let mut out = BufWriter::new(file);
                    html::write_review_page(&mut out, "whosaid review", &collected)
                        .and_then(|()| out.flush())
                        .map_err(|e| Error::output_io(&pending.target, e))?;
                }
            }
            return pending.commit();
        }
        if let Some((mut writer, table)) = self.entities.take() {
            let mut rows = Vec::new();
            let mut encoder = writer.encoding.encoder(&mut rows);
            table
                .rows(extractor, |row| encoder.row(row))
                .and_then(|()| encoder.finish())
                .map_err(|e| e.in_file(&writer.name))?;
            writer.write(&rows)?;
            writer.flush()?;
        }
        self.flush()?;
        // close the files before renaming them
        let pending = std::mem::take(&mut self.pending);
        drop(self);
        for p in &pending {
            p.commit()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_header_of(row: &impl Serialize) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(row).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        out.lines().next().unwrap().to_owned()
    }

    #[test]
    fn row_fields_follow_the_column_lists() {
        let mention = rows::MentionRow {
            doc_id: "d".into(),
            start: 0,
            end: 0,
            text: "".into(),
            entity_id: "".into(),
            entity: "".into(),
            mention_type: "".into(),
            subtype: "".into(),
            role: "".into(),
            country: "".into(),
            form: "".into(),
            source: "".into(),
            sentence: 0,
        };
        assert_eq!(csv_header_of(&mention), MENTION_COLUMNS.join(","));
        let quote = rows::QuoteRow {
            doc_id: "d".into(),
            quote_id: "q1".into(),
            kind: "".into(),
            quote_start: 0,
            quote_end: 0,
            quote: "".into(),
            speaker: "".into(),
            speaker_entity_id: "".into(),
            speaker_type: "".into(),
            speaker_role: "".into(),
            speaker_country: "".into(),
            speaker_mention: "".into(),
            speaker_start: None,
            speaker_end: None,
            cue: "".into(),
            cue_start: None,
            cue_end: None,
            method: "".into(),
            confidence: 0.0,
        };
        assert_eq!(csv_header_of(&quote), QUOTE_COLUMNS.join(","));
        let entity = rows::EntityRow {
            entity_id: "".into(),
            entity: "".into(),
            entity_type: "".into(),
            subtype: "".into(),
            role: "".into(),
            country: "".into(),
            mentions: 0,
            documents: 0,
            aliases_seen: String::new(),
            source: "".into(),
        };
        assert_eq!(csv_header_of(&entity), ENTITY_COLUMNS.join(","));
    }

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
    fn failed_run_leaves_no_partial_file() {
        let dir = std::env::temp_dir().join(format!("whosaid-sink-{}", std::process::id()));
        let sink = TableSink::to_dir(&dir, Format::Csv, CsvOptions::default()).unwrap();
        drop(sink); // not finished: nothing is committed, temporaries are removed
        assert!(std::fs::read_dir(&dir).unwrap().next().is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
