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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum StreamTable {
    /// Mention rows (who is mentioned).
    #[default]
    Mentions,
    /// Quotation rows (who said what).
    Quotes,
}

/// Table file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
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

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl | Format::Xlsx | Format::Html => "jsonl",
        }
    }
}

/// One table being written: CSV or JSONL over a buffered writer. Errors name the table's file.
struct TableWriter {
    out: Encoder,
    name: PathBuf,
    neutralise: bool,
}

enum Encoder {
    Csv(Box<csv::Writer<Box<dyn Write + Send>>>),
    Jsonl(BufWriter<Box<dyn Write + Send>>),
}

impl TableWriter {
    fn new(
        format: Format,
        mut out: Box<dyn Write + Send>,
        columns: &[&str],
        name: PathBuf,
        options: CsvOptions,
    ) -> Result<TableWriter> {
        if format == Format::Csv && options.bom {
            out.write_all(b"\xEF\xBB\xBF").map_err(|e| Error::io(&name, e))?;
        }
        let out = match format {
            Format::Csv => Encoder::Csv(Box::new(csv::WriterBuilder::new().has_headers(false).from_writer(out))),
            Format::Jsonl | Format::Xlsx | Format::Html => Encoder::Jsonl(BufWriter::with_capacity(1 << 16, out)),
        };
        let neutralise = format == Format::Csv && options.neutralise;
        let mut w = TableWriter { out, name, neutralise };
        if let Encoder::Csv(csv) = &mut w.out {
            let written = csv.write_record(columns).map_err(csv_error);
            written.map_err(|e| e.in_file(&w.name))?;
        }
        Ok(w)
    }

    fn row(&mut self, mut row: impl Serialize + SpreadsheetSafe) -> Result<()> {
        if self.neutralise {
            row.neutralise();
        }
        let written = match &mut self.out {
            Encoder::Csv(w) => w.serialize(&row).map_err(csv_error),
            Encoder::Jsonl(w) => match serde_json::to_writer(&mut *w, &row) {
                Ok(()) => w.write_all(b"\n").map_err(Error::from),
                Err(e) if e.is_io() => Err(Error::from(std::io::Error::from(e))),
                Err(e) => Err(Error::new(ErrorKind::Output(e.to_string()))),
            },
        };
        written.map_err(|e| e.in_file(&self.name))
    }

    fn flush(&mut self) -> Result<()> {
        let flushed = match &mut self.out {
            Encoder::Csv(w) => w.flush(),
            Encoder::Jsonl(w) => w.flush(),
        };
        flushed.map_err(|e| Error::io(&self.name, e))
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::from(io),
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
        let file = File::create(&temp).map_err(|e| Error::io(&temp, e))?;
        Ok((PendingFile { temp, target }, file))
    }

    fn commit(&self) -> Result<()> {
        std::fs::rename(&self.temp, &self.target).map_err(|e| Error::io(&self.target, e))
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
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
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
            return Err(Error::new(ErrorKind::Output("--format xlsx and html need --out-dir".into())));
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

    /// Writes one document's rows.
    pub fn write(&mut self, extractor: &Extractor, doc: &Document, x: &Extraction) -> Result<()> {
        let offsets = CharOffsets::with_base(&doc.text, doc.char_offset);
        if let Some((_, _, collected, table)) = &mut self.collect {
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
            return Ok(());
        }
        if let Some(mentions) = &mut self.mentions {
            rows::mention_rows(extractor, &doc.id, &doc.text, x, &offsets, |row| mentions.row(row))?;
        }
        if let Some(quotes) = &mut self.quotes {
            rows::quote_rows(extractor, &doc.id, &doc.text, x, &offsets, |row| quotes.row(row))?;
        }
        if let Some((_, table)) = &mut self.entities {
            table.add(&doc.id, &doc.text, x);
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
                        .map_err(|e| Error::io(&pending.target, e))?;
                }
            }
            return pending.commit();
        }
        if let Some((mut writer, table)) = self.entities.take() {
            table.rows(extractor, |row| writer.row(row))?;
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
    fn failed_run_leaves_no_partial_file() {
        let dir = std::env::temp_dir().join(format!("whosaid-sink-{}", std::process::id()));
        let sink = TableSink::to_dir(&dir, Format::Csv, CsvOptions::default()).unwrap();
        drop(sink); // not finished: nothing is committed, temporaries are removed
        assert!(std::fs::read_dir(&dir).unwrap().next().is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
