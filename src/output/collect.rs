//! The whole-run format's sink: the run's documents are kept with their extractions (parts of a large file
//! joined again) and the entity table tallied; at the end one file is written from them, the review page
//! ([`html`](super::html)), which shows every text. Rows are made then, from the kept extractions.

use std::borrow::Cow;
use std::fs::File;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::Result;
use crate::extraction::Extraction;
use crate::pipeline::Extractor;

use super::entities::EntityTable;
use super::files::{PendingFile, create_dir};
use super::rows::{DocumentRows, MentionRow, QuoteRow};
use super::{RenderedRows, Renderer, Report, Sink, Warning};

/// A file written from a whole run (see [`RunSink`]).
pub trait RunFile {
    /// Its name in the output directory.
    const NAME: &'static str;

    /// Writes `run` into `file`; `name` is the file's name for errors. Returns what the user should know.
    fn write(run: &Collected, extractor: &Extractor, file: File, name: &Path) -> Result<Vec<Warning>>;
}

/// The sink of a whole-run format: keeps the run and writes one [`RunFile`] when it is finished.
pub struct RunSink<F> {
    dir: PathBuf,
    run: Collected,
    file: PhantomData<fn() -> F>,
}

impl<F: RunFile> RunSink<F> {
    /// The file written into `dir` (created if needed) when the run is finished.
    pub fn to_dir(dir: &Path) -> Result<RunSink<F>> {
        create_dir(dir)?;
        Ok(RunSink { dir: dir.to_owned(), run: Collected::default(), file: PhantomData })
    }
}

/// A whole-run sink encodes nothing ahead: its rows are made at the end.
struct NothingAhead;

impl Renderer for NothingAhead {
    fn render(&self, _: &Extractor, _: &Document, _: &Extraction) -> Result<RenderedRows> {
        Ok(RenderedRows::default())
    }
}

impl<F: RunFile> Sink for RunSink<F> {
    fn renderer(&self) -> Box<dyn Renderer> {
        Box::new(NothingAhead)
    }

    fn document(&mut self, _: &Extractor, doc: Document, x: Extraction, _rows: RenderedRows) -> Result<()> {
        self.run.add(doc, x);
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>, extractor: &Extractor) -> Result<Report> {
        let (pending, file) = PendingFile::create(&self.dir, F::NAME)?;
        let warnings = F::write(&self.run, extractor, file, pending.target())?;
        pending.commit()?;
        Ok(Report { warnings })
    }
}

/// Everything a run produced, kept until its end.
#[derive(Default)]
pub struct Collected {
    docs: Vec<CollectedDoc>,
    entities: EntityTable,
}

/// One document of a run: its parts (one, unless the file was too large to process at once) with their
/// extractions.
pub struct CollectedDoc {
    parts: Vec<(Document, Extraction)>,
}

impl Collected {
    /// Keeps one document, or the next part of the last one.
    pub fn add(&mut self, doc: Document, x: Extraction) {
        self.entities.add(&doc.id, &doc.text, &x);
        match self.docs.last_mut() {
            Some(last) if doc.char_offset > 0 && last.id() == doc.id => last.parts.push((doc, x)),
            _ => self.docs.push(CollectedDoc { parts: vec![(doc, x)] }),
        }
    }

    /// The documents, in input order.
    pub fn docs(&self) -> &[CollectedDoc] {
        &self.docs
    }

    /// The entity table of the run.
    pub fn entities(&self) -> &EntityTable {
        &self.entities
    }

    /// Every mention row of the run, in input order.
    pub fn mentions<'a>(&'a self, extractor: &'a Extractor) -> impl Iterator<Item = MentionRow<'a>> {
        self.docs.iter().flat_map(move |d| d.mentions(extractor))
    }

    /// Every quote row of the run, in input order.
    pub fn quotes<'a>(&'a self, extractor: &'a Extractor) -> impl Iterator<Item = QuoteRow<'a>> {
        self.docs.iter().flat_map(move |d| d.quotes(extractor))
    }
}

impl CollectedDoc {
    /// Its id.
    pub fn id(&self) -> &str {
        &self.parts[0].0.id
    }

    /// Its whole text.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.parts[..] {
            [(doc, _)] => Cow::Borrowed(&doc.text),
            parts => Cow::Owned(parts.iter().map(|(doc, _)| doc.text.as_str()).collect()),
        }
    }

    /// Its mention rows, part after part (offsets into the whole document).
    pub fn mentions<'a>(&'a self, extractor: &'a Extractor) -> impl Iterator<Item = MentionRow<'a>> {
        self.parts.iter().flat_map(move |(doc, x)| DocumentRows::new(extractor, doc, x).into_mentions())
    }

    /// Its quote rows, part after part.
    pub fn quotes<'a>(&'a self, extractor: &'a Extractor) -> impl Iterator<Item = QuoteRow<'a>> {
        self.parts.iter().flat_map(move |(doc, x)| DocumentRows::new(extractor, doc, x).into_quotes())
    }
}
