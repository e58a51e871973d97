//! `--format xlsx`: one workbook with sheets Quotes, Mentions, Entities and Summary, written with
//! `rust_xlsxwriter`. Header rows are frozen and filterable, columns sized (from the column tables), long
//! quotes wrapped. Text is always written as a string and numbers as numbers, so no cell is ever evaluated as a
//! formula.

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::pipeline::Extractor;

use super::Warning;
use super::collect::{Collected, RunFile, RunSink};
use super::columns::{Cell, Row};
use super::rows::EntityRow;

/// The workbook sink.
pub type XlsxSink = RunSink<Xlsx>;

/// The workbook, `whosaid.xlsx`.
pub struct Xlsx;

impl RunFile for Xlsx {
    const NAME: &'static str = "whosaid.xlsx";

    fn write(run: &Collected, extractor: &Extractor, file: File, name: &Path) -> Result<Vec<Warning>> {
        let dropped = write_workbook(file, run, extractor).map_err(|e| Error::output(e.to_string()).in_file(name))?;
        Ok(if dropped > 0 { vec![Warning::RowsNotInWorkbook(dropped)] } else { Vec::new() })
    }
}

/// Rows a worksheet holds at most (Excel's limit, header included).
const MAX_ROWS: usize = 1_048_576;

/// Writes the workbook into `file`. Returns how many rows did not fit (Excel holds 1,048,576 per sheet).
fn write_workbook(file: File, run: &Collected, extractor: &Extractor) -> Result<usize, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE8EEF7))
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap();
    let mut dropped = 0;

    dropped += write_table(workbook.add_worksheet().set_name("Quotes")?, run.quotes(extractor), &header, &wrap)?;
    dropped += write_table(workbook.add_worksheet().set_name("Mentions")?, run.mentions(extractor), &header, &wrap)?;
    let entities: Vec<EntityRow> = run.entities().rows(extractor).collect();
    dropped += write_table(workbook.add_worksheet().set_name("Entities")?, entities.iter(), &header, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("Summary")?;
    write_summary(sheet, run, &entities, extractor, &header)?;

    workbook.save_to_writer(file)?;
    Ok(dropped)
}

/// Writes a table: the header row, the rows up to Excel's limit, the header frozen, the autofilter set and the
/// columns sized. Returns how many rows did not fit.
fn write_table<R: Row<N>, const N: usize>(
    sheet: &mut Worksheet,
    rows: impl Iterator<Item = R>,
    header: &Format,
    wrap: &Format,
) -> Result<usize, XlsxError> {
    for (c, column) in R::COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.name, header)?;
    }
    let mut r = 0usize;
    let mut dropped = 0;
    for row in rows {
        if r + 2 > MAX_ROWS {
            dropped += 1;
            continue;
        }
        r += 1;
        for (c, cell) in row.cells().into_iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(t) if t.len() > 60 => sheet.write_string_with_format(r, c, t, wrap).map(|_| ())?,
                Cell::Text(t) => sheet.write_string(r, c, t).map(|_| ())?,
                Cell::Int(n) => sheet.write_number(r, c, n as f64).map(|_| ())?,
                Cell::Float(x) => sheet.write_number(r, c, f64::from(x)).map(|_| ())?,
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, r.max(1) as u32, (N - 1) as u16)?;
    for (c, column) in R::COLUMNS.iter().enumerate() {
        if let Some(width) = column.width {
            sheet.set_column_width(c as u16, width)?;
        }
    }
    Ok(dropped)
}

/// The Summary sheet: counts, top speakers, top entities per type, quotes per document.
fn write_summary(
    sheet: &mut Worksheet,
    run: &Collected,
    entities: &[EntityRow],
    extractor: &Extractor,
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
    let (mut mentions, mut quotes) = (0, 0);
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    let mut speakers: HashMap<std::borrow::Cow<str>, usize> = HashMap::new();
    let mut per_doc: Vec<(&str, usize)> = Vec::with_capacity(run.docs().len());
    for doc in run.docs() {
        mentions += doc.mentions(extractor).count();
        let mut attributed = 0;
        for q in doc.quotes(extractor) {
            quotes += 1;
            *kinds.entry(q.kind).or_default() += 1;
            if q.kind != "term" {
                attributed += 1;
                if !q.speaker.is_empty() {
                    *speakers.entry(q.speaker).or_default() += 1;
                }
            }
        }
        per_doc.push((doc.id(), attributed));
    }
    title(sheet, &mut row, "Totals", &["count"])?;
    for (name, n) in
        [("documents", run.docs().len()), ("mentions", mentions), ("entities", entities.len()), ("quotes", quotes)]
    {
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, n as f64)?;
        row += 1;
    }
    for kind in crate::quote::QuoteKind::ALL.map(|k| k.as_str()) {
        sheet.write_string(row, 0, format!("quotes: {kind}"))?;
        sheet.write_number(row, 1, kinds.get(kind).copied().unwrap_or(0) as f64)?;
        row += 1;
    }
    title(sheet, &mut row, "Top speakers", &["quotes"])?;
    for (name, n) in top(speakers, 25) {
        sheet.write_string(row, 0, name.as_ref())?;
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
    title(sheet, &mut row, "Quotes per document", &["quotes"])?;
    per_doc.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (doc, n) in per_doc.into_iter().take(MAX_ROWS / 2) {
        sheet.write_string(row, 0, doc)?;
        sheet.write_number(row, 1, n as f64)?;
        row += 1;
    }
    sheet.set_column_width(0, 40.0)?;
    sheet.set_column_width(1, 12.0)?;
    sheet.set_column_width(2, 12.0)?;
    Ok(())
}

/// The `n` largest counts, ties by name.
fn top<K: Ord>(counts: HashMap<K, usize>, n: usize) -> Vec<(K, usize)> {
    let mut v: Vec<(K, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}
