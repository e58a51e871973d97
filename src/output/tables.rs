//! The streamed formats' sink: each table's rows, encoded by worker threads, are appended in document order
//! to its own file (or to standard output); the entity table is tallied as documents come and written at the
//! end. How rows become bytes is the [`Encoding`]: CSV ([`Csv`](super::Csv)) or JSON Lines
//! ([`Jsonl`](super::Jsonl)).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::extraction::Extraction;
use crate::pipeline::Extractor;

use super::columns::{Column, Row};
use super::entities::EntityTable;
use super::files::{PendingFile, create_dir};
use super::rows::{DocumentRows, EntityRow, MentionRow, QuoteRow};
use super::{RenderedRows, Renderer, Report, Sink, StreamTable};

/// How a streamed format turns rows into bytes. Encoding into memory cannot fail on I/O; an error is a row
/// that cannot be encoded.
pub trait Encoding: Copy + Send + Sync + 'static {
    /// The extension of its files (`mentions.EXTENSION`).
    const EXTENSION: &'static str;

    /// Appends what a table starts with, before any row.
    fn header(&self, columns: &[Column], out: &mut Vec<u8>) -> Result<()>;

    /// Appends `rows`, one record each.
    fn rows<R: Row<N>, const N: usize>(&self, rows: impl Iterator<Item = R>, out: &mut Vec<u8>) -> Result<()>;
}

/// One table's bytes on their way to a file or standard output. Errors name the table's file.
struct TableFile {
    out: BufWriter<Box<dyn Write + Send>>,
    name: PathBuf,
}

impl TableFile {
    /// The table `columns` on `out`, its header written.
    fn start(
        encoding: &impl Encoding,
        columns: &[Column],
        out: Box<dyn Write + Send>,
        name: PathBuf,
    ) -> Result<TableFile> {
        let mut file = TableFile { out: BufWriter::with_capacity(1 << 16, out), name };
        let mut header = Vec::new();
        encoding.header(columns, &mut header).map_err(|e| e.in_file(&file.name))?;
        file.write(&header)?;
        Ok(file)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(|e| Error::output_io(&self.name, e))
    }

    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| Error::output_io(&self.name, e))
    }
}

/// The sink of a streamed format: CSV or JSON Lines tables, written as documents come.
pub struct TableSink<E> {
    encoding: E,
    mentions: Option<TableFile>,
    quotes: Option<TableFile>,
    entities: Option<(TableFile, EntityTable)>,
    pending: Vec<PendingFile>,
}

impl<E: Encoding> TableSink<E> {
    /// Tables `mentions`, `entities` and `quotes` written into `dir` (created if needed), committed by
    /// [`Sink::finish`].
    pub fn to_dir(dir: &Path, encoding: E) -> Result<TableSink<E>> {
        create_dir(dir)?;
        let mut pending = Vec::new();
        let mut open = |table: &str, columns: &[Column]| -> Result<TableFile> {
            let (p, file) = PendingFile::create(dir, &format!("{table}.{}", E::EXTENSION))?;
            let name = p.target().to_owned();
            pending.push(p);
            TableFile::start(&encoding, columns, Box::new(file), name)
        };
        let mentions = open("mentions", MentionRow::COLUMNS)?;
        let entities = open("entities", EntityRow::COLUMNS)?;
        let quotes = open("quotes", QuoteRow::COLUMNS)?;
        Ok(TableSink {
            encoding,
            mentions: Some(mentions),
            quotes: Some(quotes),
            entities: Some((entities, EntityTable::default())),
            pending,
        })
    }

    /// One table's rows to `out` (standard output), nothing else: mention rows, or with `table` quotes, quote
    /// rows.
    pub fn to_stream(out: Box<dyn Write + Send>, table: StreamTable, encoding: E) -> Result<TableSink<E>> {
        let columns: &[Column] = match table {
            StreamTable::Mentions => MentionRow::COLUMNS,
            StreamTable::Quotes => QuoteRow::COLUMNS,
        };
        let file = Some(TableFile::start(&encoding, columns, out, PathBuf::from("<stdout>"))?);
        let (mentions, quotes) = match table {
            StreamTable::Mentions => (file, None),
            StreamTable::Quotes => (None, file),
        };
        Ok(TableSink { encoding, mentions, quotes, entities: None, pending: Vec::new() })
    }
}

/// Encodes the tables a [`TableSink`] writes as documents come.
struct TableRenderer<E> {
    encoding: E,
    mentions: bool,
    quotes: bool,
}

impl<E: Encoding> Renderer for TableRenderer<E> {
    fn render(&self, extractor: &Extractor, doc: &Document, x: &Extraction) -> Result<RenderedRows> {
        let rows = DocumentRows::new(extractor, doc, x);
        let mut rendered = RenderedRows::default();
        if self.mentions {
            self.encoding.rows(rows.mentions(), &mut rendered.mentions)?;
        }
        if self.quotes {
            self.encoding.rows(rows.quotes(), &mut rendered.quotes)?;
        }
        Ok(rendered)
    }
}

impl<E: Encoding> Sink for TableSink<E> {
    fn renderer(&self) -> Box<dyn Renderer> {
        Box::new(TableRenderer {
            encoding: self.encoding,
            mentions: self.mentions.is_some(),
            quotes: self.quotes.is_some(),
        })
    }

    fn document(&mut self, _: &Extractor, doc: Document, x: Extraction, rows: RenderedRows) -> Result<()> {
        if let Some(mentions) = &mut self.mentions {
            mentions.write(&rows.mentions)?;
        }
        if let Some(quotes) = &mut self.quotes {
            quotes.write(&rows.quotes)?;
        }
        if let Some((_, table)) = &mut self.entities {
            table.add(&doc.id, &doc.text, &x);
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        for file in [&mut self.mentions, &mut self.quotes].into_iter().flatten() {
            file.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, extractor: &Extractor) -> Result<Report> {
        if let Some((mut file, table)) = self.entities.take() {
            let mut rows = Vec::new();
            self.encoding.rows(table.rows(extractor), &mut rows).map_err(|e| e.in_file(&file.name))?;
            file.write(&rows)?;
            file.flush()?;
        }
        self.flush()?;
        // close the files before renaming them
        let pending = std::mem::take(&mut self.pending);
        drop(self);
        for p in &pending {
            p.commit()?;
        }
        Ok(Report::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Csv, Jsonl};

    #[test]
    fn an_unfinished_run_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let sink = TableSink::to_dir(dir.path(), Csv::default()).unwrap();
        drop(sink); // not finished: nothing is committed, temporaries are removed
        assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    }

    #[test]
    fn a_finished_run_writes_headers_rows_and_entities() {
        let dir = tempfile::tempdir().unwrap();
        let extractor = Extractor::new(crate::Gazetteers::embedded()).unwrap();
        let mut sink: Box<dyn Sink> = Box::new(TableSink::to_dir(dir.path(), Jsonl).unwrap());
        let doc = Document::new("a", "Tehran and Baku.");
        let x = extractor.extract(&doc);
        sink.write(&extractor, doc, x).unwrap();
        assert_eq!(sink.finish(&extractor).unwrap(), Report::default());
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert_eq!(read("mentions.jsonl").lines().count(), 2);
        assert_eq!(read("entities.jsonl").lines().count(), 2);
        assert_eq!(read("quotes.jsonl"), "");
    }
}
