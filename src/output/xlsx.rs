//! `--format xlsx`: one workbook with sheets Quotes, Mentions, Entities and Summary, written with
//! `rust_xlsxwriter`. Header rows are frozen and filterable, columns sized, long quotes wrapped. Text is always
//! written as a string and numbers as numbers, so no cell is ever evaluated as a formula.

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use super::collect::Collected;
use super::rows::{ENTITY_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS};

/// Rows a worksheet holds at most (Excel's limit, header included).
const MAX_ROWS: usize = 1_048_576;

/// A cell value.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Empty,
}

/// Writes the workbook to `path`. Returns how many rows did not fit (Excel holds 1,048,576 per sheet).
pub fn write_workbook(path: &Path, data: &Collected) -> Result<usize, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE8EEF7))
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap();
    let mut dropped = 0;

    let quotes = data.docs.iter().flat_map(|d| d.quotes.iter());
    let sheet = workbook.add_worksheet().set_name("Quotes")?;
    dropped += write_table(
        sheet,
        QUOTE_COLUMNS,
        &header,
        &wrap,
        quotes.map(|q| {
            vec![
                Cell::Text(&q.doc_id),
                Cell::Text(&q.quote_id),
                Cell::Text(&q.kind),
                Cell::Number(q.quote_start as f64),
                Cell::Number(q.quote_end as f64),
                Cell::Text(&q.quote),
                Cell::Text(&q.speaker),
                Cell::Text(&q.speaker_entity_id),
                Cell::Text(&q.speaker_type),
                Cell::Text(&q.speaker_role),
                Cell::Text(&q.speaker_country),
                Cell::Text(&q.speaker_mention),
                q.speaker_start.map_or(Cell::Empty, |n| Cell::Number(n as f64)),
                q.speaker_end.map_or(Cell::Empty, |n| Cell::Number(n as f64)),
                Cell::Text(&q.cue),
                q.cue_start.map_or(Cell::Empty, |n| Cell::Number(n as f64)),
                q.cue_end.map_or(Cell::Empty, |n| Cell::Number(n as f64)),
                Cell::Text(&q.method),
                Cell::Number(f64::from(q.confidence)),
            ]
        }),
    )?;
    for (col, width) in [(0, 24.0), (1, 7.0), (2, 9.0), (5, 70.0), (6, 22.0), (9, 18.0), (10, 14.0), (11, 18.0)] {
        sheet.set_column_width(col, width)?;
    }

    let mentions = data.docs.iter().flat_map(|d| d.mentions.iter());
    let sheet = workbook.add_worksheet().set_name("Mentions")?;
    dropped += write_table(
        sheet,
        MENTION_COLUMNS,
        &header,
        &wrap,
        mentions.map(|m| {
            vec![
                Cell::Text(&m.doc_id),
                Cell::Number(m.start as f64),
                Cell::Number(m.end as f64),
                Cell::Text(&m.text),
                Cell::Text(&m.entity_id),
                Cell::Text(&m.entity),
                Cell::Text(&m.mention_type),
                Cell::Text(&m.subtype),
                Cell::Text(&m.role),
                Cell::Text(&m.country),
                Cell::Text(&m.form),
                Cell::Text(&m.source),
                Cell::Number(m.sentence as f64),
            ]
        }),
    )?;
    for (col, width) in [(0, 24.0), (3, 24.0), (4, 26.0), (5, 26.0), (6, 14.0), (8, 20.0), (9, 16.0), (11, 26.0)] {
        sheet.set_column_width(col, width)?;
    }

    let sheet = workbook.add_worksheet().set_name("Entities")?;
    dropped += write_table(
        sheet,
        ENTITY_COLUMNS,
        &header,
        &wrap,
        data.entities.iter().map(|e| {
            vec![
                Cell::Text(&e.entity_id),
                Cell::Text(&e.entity),
                Cell::Text(&e.entity_type),
                Cell::Text(&e.subtype),
                Cell::Text(&e.role),
                Cell::Text(&e.country),
                Cell::Number(e.mentions as f64),
                Cell::Number(e.documents as f64),
                Cell::Text(&e.aliases_seen),
                Cell::Text(&e.source),
            ]
        }),
    )?;
    for (col, width) in [(0, 28.0), (1, 28.0), (2, 14.0), (4, 22.0), (5, 16.0), (8, 40.0), (9, 26.0)] {
        sheet.set_column_width(col, width)?;
    }

    let sheet = workbook.add_worksheet().set_name("Summary")?;
    write_summary(sheet, data, &header)?;

    workbook.save(path)?;
    Ok(dropped)
}

/// Writes a header and rows; returns how many rows did not fit.
fn write_table<'a>(
    sheet: &mut Worksheet,
    columns: &[&str],
    header: &Format,
    wrap: &Format,
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
) -> Result<usize, XlsxError> {
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, header)?;
    }
    let mut r = 0usize;
    let mut dropped = 0;
    for row in rows {
        if r + 2 > MAX_ROWS {
            dropped += 1;
            continue;
        }
        r += 1;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(t) if t.len() > 60 => {
                    sheet.write_string_with_format(r as u32, c as u16, *t, wrap).map(|_| ())?
                }
                Cell::Text(t) => sheet.write_string(r as u32, c as u16, *t).map(|_| ())?,
                Cell::Number(n) => sheet.write_number(r as u32, c as u16, *n).map(|_| ())?,
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, r.max(1) as u32, (columns.len() - 1) as u16)?;
    Ok(dropped)
}

/// The Summary sheet: counts, top speakers, top entities per type, quotes per document.
fn write_summary(sheet: &mut Worksheet, data: &Collected, header: &Format) -> Result<(), XlsxError> {
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
    let quotes: Vec<_> = data.docs.iter().flat_map(|d| d.quotes.iter()).collect();
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    let mut speakers: HashMap<&str, usize> = HashMap::new();
    for q in &quotes {
        *kinds.entry(&q.kind).or_default() += 1;
        if !q.speaker.is_empty() && q.kind != "term" {
            *speakers.entry(&q.speaker).or_default() += 1;
        }
    }
    title(sheet, &mut row, "Totals", &["count"])?;
    let mentions: usize = data.docs.iter().map(|d| d.mentions.len()).sum();
    for (name, n) in [
        ("documents", data.docs.len()),
        ("mentions", mentions),
        ("entities", data.entities.len()),
        ("quotes", quotes.len()),
    ] {
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, n as f64)?;
        row += 1;
    }
    for kind in ["direct", "partial", "indirect", "term"] {
        sheet.write_string(row, 0, format!("quotes: {kind}"))?;
        sheet.write_number(row, 1, kinds.get(kind).copied().unwrap_or(0) as f64)?;
        row += 1;
    }
    title(sheet, &mut row, "Top speakers", &["quotes"])?;
    for (name, n) in top(speakers, 25) {
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, n as f64)?;
        row += 1;
    }
    for t in ["PERSON", "ORGANIZATION", "COUNTRY", "LOCATION"] {
        title(sheet, &mut row, &format!("Top {t}"), &["mentions", "documents"])?;
        for e in data.entities.iter().filter(|e| e.entity_type == t).take(10) {
            sheet.write_string(row, 0, e.entity.as_ref())?;
            sheet.write_number(row, 1, e.mentions as f64)?;
            sheet.write_number(row, 2, e.documents as f64)?;
            row += 1;
        }
    }
    title(sheet, &mut row, "Quotes per document", &["quotes"])?;
    let mut per_doc: Vec<(&str, usize)> =
        data.docs.iter().map(|d| (d.id.as_str(), d.quotes.iter().filter(|q| q.kind != "term").count())).collect();
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
fn top(counts: HashMap<&str, usize>, n: usize) -> Vec<(&str, usize)> {
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.truncate(n);
    v
}
