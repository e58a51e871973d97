//! The rows of the three tables, built from an extraction with code-point offsets. Each row type is
//! serialised the same way to CSV and JSONL; its field order is the table's column order.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use std::borrow::Cow;

use serde::Serialize;

use crate::extraction::{Extraction, Origin};
use crate::gazetteer::{Entity, EntityType};
use crate::pipeline::Extractor;
use crate::span::CharOffsets;

/// Columns of `mentions.csv`.
pub const MENTION_COLUMNS: &[&str] = &[
    "doc_id",
    "start",
    "end",
    "text",
    "entity_id",
    "entity",
    "type",
    "subtype",
    "role",
    "country",
    "form",
    "source",
    "sentence",
];

/// Columns of `entities.csv`.
pub const ENTITY_COLUMNS: &[&str] =
    &["entity_id", "entity", "type", "subtype", "role", "country", "mentions", "documents", "aliases_seen", "source"];

/// Columns of `quotes.csv`.
pub const QUOTE_COLUMNS: &[&str] = &[
    "doc_id",
    "quote_id",
    "kind",
    "quote_start",
    "quote_end",
    "quote",
    "speaker",
    "speaker_entity_id",
    "speaker_type",
    "speaker_role",
    "speaker_country",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "method",
    "confidence",
];

/// One row of `mentions.csv`.
#[derive(Debug, Serialize)]
pub struct MentionRow<'a> {
    /// Document id.
    pub doc_id: Cow<'a, str>,
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The mention's text (`text[start:end]`).
    pub text: Cow<'a, str>,
    /// Entity id.
    pub entity_id: Cow<'a, str>,
    /// Canonical entity name.
    pub entity: Cow<'a, str>,
    /// PERSON, COUNTRY, ORGANIZATION, LOCATION or DEMONYM.
    #[serde(rename = "type")]
    pub mention_type: Cow<'a, str>,
    /// Entity subtype.
    pub subtype: Cow<'a, str>,
    /// Role (people).
    pub role: Cow<'a, str>,
    /// Country name (the country itself for a country or demonym).
    pub country: Cow<'a, str>,
    /// name, alias, demonym, surname or acronym.
    pub form: Cow<'a, str>,
    /// Gazetteer file and row, or the rule that made the mention.
    pub source: Cow<'a, str>,
    /// Sentence index in the document (from 0).
    pub sentence: usize,
}

/// One row of `quotes.csv`.
#[derive(Debug, Serialize)]
pub struct QuoteRow<'a> {
    /// Document id.
    pub doc_id: Cow<'a, str>,
    /// `q1`, `q2`, ... in document order.
    pub quote_id: String,
    /// direct, partial, indirect or term.
    pub kind: Cow<'a, str>,
    /// Code-point offset of the quote's first character (marks excluded).
    pub quote_start: usize,
    /// Code-point offset one past its last character.
    pub quote_end: usize,
    /// The quoted text.
    pub quote: Cow<'a, str>,
    /// Canonical speaker name, or the mention text when it names no entity.
    pub speaker: Cow<'a, str>,
    /// Speaker entity id, if any.
    pub speaker_entity_id: Cow<'a, str>,
    /// Speaker entity type.
    pub speaker_type: Cow<'a, str>,
    /// Speaker role.
    pub speaker_role: Cow<'a, str>,
    /// Speaker country name.
    pub speaker_country: Cow<'a, str>,
    /// The words naming the speaker ("he", "Hegseth").
    pub speaker_mention: Cow<'a, str>,
    /// Their code-point offsets.
    pub speaker_start: Option<usize>,
    /// End of the speaker words.
    pub speaker_end: Option<usize>,
    /// The cue ("said").
    pub cue: Cow<'a, str>,
    /// Cue start.
    pub cue_start: Option<usize>,
    /// Cue end.
    pub cue_end: Option<usize>,
    /// explicit, according_to, pronoun, continuation, nominal or none.
    pub method: Cow<'a, str>,
    /// 0 to 1.
    pub confidence: f32,
}

/// One row of `entities.csv`.
#[derive(Debug, Serialize)]
pub struct EntityRow<'a> {
    /// Entity id.
    pub entity_id: Cow<'a, str>,
    /// Canonical name.
    pub entity: Cow<'a, str>,
    /// Entity type.
    #[serde(rename = "type")]
    pub entity_type: Cow<'a, str>,
    /// Subtype.
    pub subtype: Cow<'a, str>,
    /// Role.
    pub role: Cow<'a, str>,
    /// Country name.
    pub country: Cow<'a, str>,
    /// Number of mentions in all documents.
    pub mentions: usize,
    /// Number of documents mentioning it.
    pub documents: usize,
    /// Distinct texts that named it, `|`-separated, in order of first appearance.
    pub aliases_seen: String,
    /// Gazetteer row or rule that defines it.
    pub source: Cow<'a, str>,
}

/// The country column of an entity: its own name for a country, else its country's name.
fn country_column<'a>(extractor: &'a Extractor, e: &'a Entity) -> &'a str {
    if e.entity_type == EntityType::Country { &e.name } else { extractor.country_name(&e.country) }
}

/// Calls `f` with each mention row of a document.
pub fn mention_rows<E>(
    extractor: &Extractor,
    doc_id: &str,
    text: &str,
    x: &Extraction,
    offsets: &CharOffsets<'_>,
    mut f: impl FnMut(MentionRow<'_>) -> Result<(), E>,
) -> Result<(), E> {
    for m in &x.mentions {
        let e = &x.entities[m.entity];
        let source = if m.origin == Origin::Gazetteer { e.source.as_str() } else { m.origin.rule_name() };
        f(MentionRow {
            doc_id: Cow::from(doc_id),
            start: offsets.char_offset(m.span.start),
            end: offsets.char_offset(m.span.end),
            text: Cow::from(m.span.text(text)),
            entity_id: Cow::from(&e.id),
            entity: Cow::from(&e.name),
            mention_type: Cow::from(m.mention_type.as_str()),
            subtype: Cow::from(&e.subtype),
            role: Cow::from(&e.role),
            country: Cow::from(country_column(extractor, e)),
            form: Cow::from(m.form.as_str()),
            source: Cow::from(source),
            sentence: m.sentence,
        })?;
    }
    Ok(())
}

/// Calls `f` with each quote row of a document.
pub fn quote_rows<E>(
    extractor: &Extractor,
    doc_id: &str,
    text: &str,
    x: &Extraction,
    offsets: &CharOffsets<'_>,
    mut f: impl FnMut(QuoteRow<'_>) -> Result<(), E>,
) -> Result<(), E> {
    for (n, q) in x.quotes.iter().enumerate() {
        let speaker_entity = q.speaker.and_then(|s| s.entity).map(|i| &x.entities[i]);
        let speaker_mention = q.speaker.map_or("", |s| s.span.text(text));
        f(QuoteRow {
            doc_id: Cow::from(doc_id),
            quote_id: format!("q{}", n + 1),
            kind: Cow::from(q.kind.as_str()),
            quote_start: offsets.char_offset(q.span.start),
            quote_end: offsets.char_offset(q.span.end),
            quote: Cow::from(q.span.text(text)),
            speaker: Cow::from(speaker_entity.map_or(speaker_mention, |e| e.name.as_str())),
            speaker_entity_id: Cow::from(speaker_entity.map_or("", |e| e.id.as_str())),
            speaker_type: Cow::from(speaker_entity.map_or("", |e| e.entity_type.as_str())),
            speaker_role: Cow::from(speaker_entity.map_or("", |e| e.role.as_str())),
            speaker_country: Cow::from(speaker_entity.map_or("", |e| country_column(extractor, e))),
            speaker_mention: Cow::from(speaker_mention),
            speaker_start: q.speaker.map(|s| offsets.char_offset(s.span.start)),
            speaker_end: q.speaker.map(|s| offsets.char_offset(s.span.end)),
            cue: Cow::from(q.cue.map_or("", |c| c.text(text))),
            cue_start: q.cue.map(|c| offsets.char_offset(c.start)),
            cue_end: q.cue.map(|c| offsets.char_offset(c.end)),
            method: Cow::from(q.method.as_str()),
            confidence: q.confidence,
        })?;
    }
    Ok(())
}

/// Counts entities over all documents for `entities.csv`.
#[derive(Default)]
pub struct EntityTable {
    order: Vec<String>,
    by_id: HashMap<String, EntityTally>,
}

struct EntityTally {
    entity: Arc<Entity>,
    /// The last document that mentioned it (parts of one large document count once).
    last_doc: String,
    mentions: usize,
    documents: usize,
    aliases: Vec<String>,
    seen: BTreeSet<String>,
}

impl EntityTable {
    /// Adds one document's mentions.
    pub fn add(&mut self, doc_id: &str, text: &str, x: &Extraction) {
        for m in &x.mentions {
            let e = &x.entities[m.entity];
            let tally = self.by_id.entry(e.id.clone()).or_insert_with(|| {
                self.order.push(e.id.clone());
                EntityTally {
                    entity: Arc::clone(e),
                    last_doc: String::new(),
                    mentions: 0,
                    documents: 0,
                    aliases: Vec::new(),
                    seen: BTreeSet::new(),
                }
            });
            // a rule entity may gain a role or country in a later document
            if (tally.entity.role.is_empty() && !e.role.is_empty())
                || (tally.entity.country.is_empty() && !e.country.is_empty())
            {
                tally.entity = Arc::clone(e);
            }
            tally.mentions += 1;
            if tally.documents == 0 || tally.last_doc != doc_id {
                tally.last_doc.clear();
                tally.last_doc.push_str(doc_id);
                tally.documents += 1;
            }
            let surface = m.span.text(text);
            if !tally.seen.contains(surface) {
                tally.seen.insert(surface.to_owned());
                tally.aliases.push(surface.to_owned());
            }
        }
    }

    /// Number of distinct entities.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no entity was seen.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Calls `f` with each row, most mentioned first (ties: first seen first).
    pub fn rows<E>(&self, extractor: &Extractor, mut f: impl FnMut(EntityRow<'_>) -> Result<(), E>) -> Result<(), E> {
        let mut order: Vec<(usize, &EntityTally)> =
            self.order.iter().enumerate().map(|(i, id)| (i, &self.by_id[id])).collect();
        order.sort_by_key(|(i, t)| (std::cmp::Reverse(t.mentions), *i));
        for (_, t) in order {
            let e = &t.entity;
            f(EntityRow {
                entity_id: Cow::from(&e.id),
                entity: Cow::from(&e.name),
                entity_type: Cow::from(e.entity_type.as_str()),
                subtype: Cow::from(&e.subtype),
                role: Cow::from(&e.role),
                country: Cow::from(country_column(extractor, e)),
                mentions: t.mentions,
                documents: t.documents,
                aliases_seen: t.aliases.join("|"),
                source: Cow::from(&e.source),
            })?;
        }
        Ok(())
    }
}

/// Spreadsheet safety (the OWASP recommendation against CSV injection): a cell that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be read as a formula by Excel, LibreOffice or Google Sheets; it gets a
/// leading apostrophe, which spreadsheets show as text (a single-character cell such as the standard-input id `-`
/// is left alone). Only CSV is neutralised, never JSONL; `--raw-cells`
/// turns it off. A neutralised cell is its text with one `'` before it, so `text[start:end]` equals the cell
/// without that first character.
pub trait SpreadsheetSafe {
    /// Neutralises every text cell of the row that a spreadsheet would read as a formula.
    fn neutralise(&mut self);
}

/// The cell as a spreadsheet may safely read it (see [`SpreadsheetSafe`]).
pub fn neutralise_cell(cell: &mut Cow<'_, str>) {
    // a lone "-" (the standard-input document id) or "+" is no formula
    if cell.len() > 1 && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        *cell = Cow::Owned(format!("'{cell}"));
    }
}

impl SpreadsheetSafe for MentionRow<'_> {
    fn neutralise(&mut self) {
        for c in [
            &mut self.doc_id,
            &mut self.text,
            &mut self.entity_id,
            &mut self.entity,
            &mut self.subtype,
            &mut self.role,
            &mut self.country,
            &mut self.source,
        ] {
            neutralise_cell(c);
        }
    }
}

impl SpreadsheetSafe for QuoteRow<'_> {
    fn neutralise(&mut self) {
        for c in [
            &mut self.doc_id,
            &mut self.quote,
            &mut self.speaker,
            &mut self.speaker_entity_id,
            &mut self.speaker_role,
            &mut self.speaker_country,
            &mut self.speaker_mention,
            &mut self.cue,
        ] {
            neutralise_cell(c);
        }
    }
}

impl SpreadsheetSafe for EntityRow<'_> {
    fn neutralise(&mut self) {
        for c in [
            &mut self.entity_id,
            &mut self.entity,
            &mut self.subtype,
            &mut self.role,
            &mut self.country,
            &mut self.source,
        ] {
            neutralise_cell(c);
        }
        if self.aliases_seen.len() > 1 && self.aliases_seen.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            self.aliases_seen.insert(0, '\'');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        for (cell, expected) in [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1 202 555", "'+1 202 555"),
            ("-2 points", "'-2 points"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Tehran", "Tehran"),
            ("a=b", "a=b"),
            ("", ""),
            ("-", "-"),
        ] {
            let mut c = Cow::Borrowed(cell);
            neutralise_cell(&mut c);
            assert_eq!(c, expected);
        }
    }
}
