//! `--format xlsx`: one workbook, `whosaid.xlsx`, with sheets Quotes, Mentions, Entities and Summary, written
//! with `rust_xlsxwriter`. Header rows are frozen and filterable, columns sized (from the column tables), long
//! quotes wrapped. Text is always written as a string and numbers as numbers, so no cell is ever evaluated as a
//! formula.
//!
//! The workbook is written as the documents come, in `rust_xlsxwriter`'s constant-memory mode: each row of
//! Quotes and Mentions goes to a temporary file of its sheet (unnamed, in the output directory, gone when the
//! process ends) as soon as it is complete, so memory does not grow with the corpus. What is kept until the
//! end is what the last two sheets need: the entity table (one tally per entity) and, per document, its id
//! and count of attributions.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::extraction::Extraction;
use crate::pipeline::Extractor;
use crate::quote::QuoteKind;

use super::columns::{Cell, Row, float_as_written};
use super::entities::EntityTable;
use super::files::{PendingFile, create_dir};
use super::rows::{DocumentRows, EntityRow, MentionRow, QuoteRow};
use super::{RenderedRows, Renderer, Report, Sink, Warning};

/// The workbook's name in the output directory.
const NAME: &str = "whosaid.xlsx";

/// The zip compression level of the workbook, 1 (fastest) to 9. Measured on 25,200 PolNeAR articles (119 MB of
/// text, 1.3 million rows): level 6 (the default) 28.9 s and 122 MB, level 3 17.6-19.2 s and 139 MB, level 1
/// 18.4-18.7 s and 186 MB.
const ZIP_LEVEL: u8 = 3;

/// Rows a worksheet holds at most (Excel's limit, header included).
const MAX_ROWS: usize = 1_048_576;

/// Sheet indexes, in the workbook's order.
const QUOTES: usize = 0;
const MENTIONS: usize = 1;

/// What the Summary sheet counts as a document's quotations: each attribution once. `term` rows (names, scare
/// quotes) are no speech, and the quoted fragments of a `mixed` attribution are parts of it.
pub const ATTRIBUTIONS: &str = "attributions: every quote row but term rows (names, scare quotes), and a mixed \
                                attribution once with its quoted parts (rows whose part_of names it)";

/// True when a quote row counts as an attribution on the Summary sheet (see [`ATTRIBUTIONS`]).
fn is_attribution(q: &QuoteRow<'_>) -> bool {
    q.kind != QuoteKind::Term.as_str() && q.part_of.is_empty()
}

/// The workbook sink: rows are written as documents come.
pub struct XlsxSink {
    workbook: Workbook,
    pending: PendingFile,
    /// The workbook's file, until it is saved.
    file: Option<File>,
    /// The next row of the Quotes and Mentions sheets, and the rows that did not fit in them.
    next_row: [usize; 2],
    dropped: [usize; 2],
    /// Rows a sheet holds, its header included: [`MAX_ROWS`], less in tests.
    max_rows: usize,
    entities: EntityTable,
    counts: Counts,
    header: Format,
    wrap: Format,
}

/// The Summary sheet's counts.
#[derive(Default)]
struct Counts {
    mentions: usize,
    quotes: usize,
    kinds: HashMap<String, usize>,
    /// Attributions by speaker.
    speakers: HashMap<String, usize>,
    /// Attributions by document, in input order (parts of a large file add to their document).
    per_doc: Vec<(String, usize)>,
}

impl XlsxSink {
    /// The workbook `dir/whosaid.xlsx` (the directory created if needed), committed by [`Sink::finish`].
    pub fn to_dir(dir: &Path) -> Result<XlsxSink> {
        create_dir(dir)?;
        let (pending, file) = PendingFile::create(dir, NAME)?;
        let target = pending.target().to_owned();
        let fail = |e: XlsxError| Error::output(e.to_string()).in_file(&target);
        let mut workbook = Workbook::new();
        // the sheets' temporary files go beside the workbook, not into a temporary directory that may be memory
        workbook.set_tempdir(dir).map_err(|e| Error::output(e.to_string()).in_file(dir))?;
        // deflate took a third of a large workbook's time at the default level 6
        workbook.set_zip_compression_level(ZIP_LEVEL);
        let header =
            Format::new().set_bold().set_background_color(Color::RGB(0xE8EEF7)).set_border_bottom(FormatBorder::Thin);
        start_table::<QuoteRow, _>(workbook.add_worksheet_with_constant_memory().map_err(fail)?, "Quotes", &header)
            .map_err(fail)?;
        start_table::<MentionRow, _>(workbook.add_worksheet_with_constant_memory().map_err(fail)?, "Mentions", &header)
            .map_err(fail)?;
        Ok(XlsxSink {
            workbook,
            pending,
            file: Some(file),
            next_row: [1, 1],
            dropped: [0, 0],
            max_rows: MAX_ROWS,
            entities: EntityTable::default(),
            counts: Counts::default(),
            header,
            wrap: Format::new().set_text_wrap(),
        })
    }

    fn fail(&self, e: XlsxError) -> Error {
        Error::output(e.to_string()).in_file(self.pending.target())
    }

    /// Appends `rows` to sheet `index`, up to Excel's limit.
    fn append<R: Row<N>, const N: usize>(
        &mut self,
        index: usize,
        rows: impl Iterator<Item = R>,
    ) -> Result<(), XlsxError> {
        let sheet = self.workbook.worksheet_from_index(index)?;
        for row in rows {
            if self.next_row[index] >= self.max_rows {
                self.dropped[index] += 1;
                continue;
            }
            write_cells(sheet, self.next_row[index] as u32, &row, &self.wrap)?;
            self.next_row[index] += 1;
        }
        Ok(())
    }
}

/// A whole-run sink encodes nothing ahead: its rows are made as documents come, in order.
struct NothingAhead;

impl Renderer for NothingAhead {
    fn render(&self, _: &Extractor, _: &Document, _: &Extraction) -> Result<RenderedRows> {
        Ok(RenderedRows::default())
    }
}

impl Sink for XlsxSink {
    fn renderer(&self) -> Box<dyn Renderer> {
        Box::new(NothingAhead)
    }

    fn document(&mut self, extractor: &Extractor, doc: Document, x: Extraction, _: RenderedRows) -> Result<()> {
        self.entities.add(&doc.id, &doc.text, &x);
        let rows = DocumentRows::new(extractor, &doc, &x);
        let mut attributions = 0;
        for q in rows.quotes() {
            self.counts.quotes += 1;
            match self.counts.kinds.get_mut(q.kind) {
                Some(n) => *n += 1,
                None => {
                    self.counts.kinds.insert(q.kind.to_owned(), 1);
                }
            }
            if is_attribution(&q) {
                attributions += 1;
                if !q.speaker.is_empty() {
                    *self.counts.speakers.entry(q.speaker.into_owned()).or_default() += 1;
                }
            }
        }
        self.counts.mentions += x.mentions.len();
        match self.counts.per_doc.last_mut() {
            Some((id, n)) if doc.char_offset > 0 && *id == doc.id => *n += attributions,
            _ => self.counts.per_doc.push((doc.id.clone(), attributions)),
        }
        self.append(QUOTES, rows.quotes()).map_err(|e| self.fail(e))?;
        self.append(MENTIONS, rows.mentions()).map_err(|e| self.fail(e))?;
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        Ok(())
    }

    fn finish(mut self: Box<Self>, extractor: &Extractor) -> Result<Report> {
        let target = self.pending.target().to_owned();
        let fail = |e: XlsxError| Error::output(e.to_string()).in_file(&target);
        let mut warnings = Vec::new();
        for (index, sheet, columns) in
            [(QUOTES, "Quotes", QuoteRow::COLUMNS.len()), (MENTIONS, "Mentions", MentionRow::COLUMNS.len())]
        {
            let last = (self.next_row[index] - 1).max(1) as u32;
            let sheet_ref = self.workbook.worksheet_from_index(index).map_err(fail)?;
            sheet_ref.autofilter(0, 0, last, (columns - 1) as u16).map_err(fail)?;
            if self.dropped[index] > 0 {
                warnings.push(Warning::RowsNotInWorkbook { sheet, rows: self.dropped[index] });
            }
        }
        let entities: Vec<EntityRow> = self.entities.rows(extractor).collect();
        let header = self.header.clone();
        let wrap = self.wrap.clone();
        let result = (|| -> Result<usize, XlsxError> {
            let sheet = self.workbook.add_worksheet_with_constant_memory()?;
            start_table::<EntityRow, _>(sheet, "Entities", &header)?;
            let mut dropped = 0;
            for (r, row) in entities.iter().enumerate() {
                if r + 2 > self.max_rows {
                    dropped += 1;
                    continue;
                }
                write_cells(sheet, (r + 1) as u32, row, &wrap)?;
            }
            sheet.autofilter(0, 0, entities.len().clamp(1, self.max_rows - 1) as u32, 9)?;
            let summary = self.workbook.add_worksheet().set_name("Summary")?;
            write_summary(summary, &self.counts, &entities, &header)?;
            Ok(dropped)
        })();
        let dropped = result.map_err(fail)?;
        if dropped > 0 {
            warnings.push(Warning::RowsNotInWorkbook { sheet: "Entities", rows: dropped });
        }
        let file = self.file.take().ok_or_else(|| Error::internal("the workbook was saved twice"))?;
        self.workbook.save_to_writer(BufWriter::with_capacity(1 << 16, file)).map_err(fail)?;
        self.pending.commit()?;
        Ok(Report { warnings })
    }
}

/// Names a new sheet and writes its header row, frozen, with the columns sized.
fn start_table<R: Row<N>, const N: usize>(sheet: &mut Worksheet, name: &str, header: &Format) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    for (c, column) in R::COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.name, header)?;
        if let Some(width) = column.width {
            sheet.set_column_width(c as u16, width)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Writes one row's cells: text as strings (long ones wrapped), numbers as numbers, an absent value as nothing.
fn write_cells<R: Row<N>, const N: usize>(
    sheet: &mut Worksheet,
    r: u32,
    row: &R,
    wrap: &Format,
) -> Result<(), XlsxError> {
    for (c, cell) in row.cells().into_iter().enumerate() {
        let c = c as u16;
        match cell {
            Cell::Text(t) if t.len() > 60 => sheet.write_string_with_format(r, c, t, wrap).map(|_| ())?,
            Cell::Text(t) => sheet.write_string(r, c, t).map(|_| ())?,
            Cell::Int(n) => sheet.write_number(r, c, n as f64).map(|_| ())?,
            Cell::Float(x) => sheet.write_number(r, c, float_as_written(x)).map(|_| ())?,
            Cell::Empty => {}
        }
    }
    Ok(())
}

/// The Summary sheet: counts, top speakers, top entities per type, attributions per document.
fn write_summary(
    sheet: &mut Worksheet,
    counts: &Counts,
    entities: &[EntityRow],
    header: &Format,
) -> Result<(), XlsxError> {
    let mut row = 0u32;
    let title = |sheet: &mut Worksheet, row: &mut u32, text: &str, cols: &[&str]| -> Result<(), XlsxError> {
        *row += 1;
        sheet.write_string_with_format(*row, 0, text, header)?;
        for (c, name) in cols.iter().enumerate() {
            sheet.write_string_with_format(*row, c as u16 + 1, *name, header)?;
        }
        *row += 1;
        Ok(())
    };
    sheet.write_string_with_format(0, 0, "whosaid summary", header)?;
    let attributions: usize = counts.per_doc.iter().map(|(_, n)| n).sum();
    title(sheet, &mut row, "Totals", &["count"])?;
    for (name, n) in [
        ("documents", counts.per_doc.len()),
        ("mentions", counts.mentions),
        ("entities", entities.len()),
        ("quotes (rows of the Quotes sheet)", counts.quotes),
        ("attributions (see below)", attributions),
    ] {
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, n as f64)?;
        row += 1;
    }
    for kind in QuoteKind::ALL.map(|k| k.as_str()) {
        sheet.write_string(row, 0, format!("quotes: {kind}"))?;
        sheet.write_number(row, 1, counts.kinds.get(kind).copied().unwrap_or(0) as f64)?;
        row += 1;
    }
    title(sheet, &mut row, "Top speakers", &["attributions"])?;
    let mut speakers: Vec<(&str, usize)> = counts.speakers.iter().map(|(k, &v)| (k.as_str(), v)).collect();
    speakers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (name, n) in speakers.into_iter().take(25) {
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, n as f64)?;
        row += 1;
    }
    for t in ["PERSON", "ORGANIZATION", "COUNTRY", "LOCATION"] {
        title(sheet, &mut row, &format!("Top {t}"), &["mentions", "documents"])?;
        for e in entities.iter().filter(|e| e.entity_type == t).take(10) {
            sheet.write_string(row, 0, e.entity)?;
            sheet.write_number(row, 1, e.mentions as f64)?;
            sheet.write_number(row, 2, e.documents as f64)?;
            row += 1;
        }
    }
    title(sheet, &mut row, "Attributions per document", &["attributions"])?;
    sheet.write_string(row, 0, ATTRIBUTIONS)?;
    row += 1;
    let mut per_doc: Vec<&(String, usize)> = counts.per_doc.iter().collect();
    per_doc.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (doc, n) in per_doc.into_iter().take(MAX_ROWS - row as usize - 1) {
        sheet.write_string(row, 0, doc)?;
        sheet.write_number(row, 1, *n as f64)?;
        row += 1;
    }
    sheet.set_column_width(0, 40.0)?;
    sheet.set_column_width(1, 12.0)?;
    sheet.set_column_width(2, 12.0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_past_the_limit_are_named_by_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let extractor = Extractor::new(crate::Gazetteers::embedded()).unwrap();
        let mut sink = XlsxSink::to_dir(dir.path()).unwrap();
        sink.max_rows = 5; // a header and four rows
        let mut sink: Box<dyn Sink> = Box::new(sink);
        let doc = Document::new("a", include_str!("../../examples/article.txt"));
        let x = extractor.extract(&doc);
        let (mentions, quotes) = (x.mentions.len(), x.quotes.len());
        sink.write(&extractor, doc, x).unwrap();
        let report = sink.finish(&extractor).unwrap();
        let sheets: Vec<(&str, usize)> = report
            .warnings
            .iter()
            .map(|w| match w {
                Warning::RowsNotInWorkbook { sheet, rows } => (*sheet, *rows),
            })
            .collect();
        assert_eq!(sheets[..2], [("Quotes", quotes - 4), ("Mentions", mentions - 4)]);
        assert_eq!(sheets[2].0, "Entities");
        assert!(dir.path().join(NAME).is_file());
    }
}
