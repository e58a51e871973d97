//! The rows of the three tables, built from an extraction with code-point offsets. Each row type is
//! serialised the same way to CSV and JSONL; its field order is the table's column order.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde::Serialize;

use crate::extraction::{Extraction, Origin};
use crate::extractor::Extractor;
use crate::gazetteer::{Entity, EntityType};
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
    pub doc_id: &'a str,
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The mention's text (`text[start:end]`).
    pub text: &'a str,
    /// Entity id.
    pub entity_id: &'a str,
    /// Canonical entity name.
    pub entity: &'a str,
    /// PERSON, COUNTRY, ORGANIZATION, LOCATION or DEMONYM.
    #[serde(rename = "type")]
    pub mention_type: &'a str,
    /// Entity subtype.
    pub subtype: &'a str,
    /// Role (people).
    pub role: &'a str,
    /// Country name (the country itself for a country or demonym).
    pub country: &'a str,
    /// name, alias, demonym, surname or acronym.
    pub form: &'a str,
    /// Gazetteer file and row, or the rule that made the mention.
    pub source: &'a str,
    /// Sentence index in the document (from 0).
    pub sentence: usize,
}

/// One row of `quotes.csv`.
#[derive(Debug, Serialize)]
pub struct QuoteRow<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// `q1`, `q2`, ... in document order.
    pub quote_id: String,
    /// direct, partial, indirect or term.
    pub kind: &'a str,
    /// Code-point offset of the quote's first character (marks excluded).
    pub quote_start: usize,
    /// Code-point offset one past its last character.
    pub quote_end: usize,
    /// The quoted text.
    pub quote: &'a str,
    /// Canonical speaker name, or the mention text when it names no entity.
    pub speaker: &'a str,
    /// Speaker entity id, if any.
    pub speaker_entity_id: &'a str,
    /// Speaker entity type.
    pub speaker_type: &'a str,
    /// Speaker role.
    pub speaker_role: &'a str,
    /// Speaker country name.
    pub speaker_country: &'a str,
    /// The words naming the speaker ("he", "Hegseth").
    pub speaker_mention: &'a str,
    /// Their code-point offsets.
    pub speaker_start: Option<usize>,
    /// End of the speaker words.
    pub speaker_end: Option<usize>,
    /// The cue ("said").
    pub cue: &'a str,
    /// Cue start.
    pub cue_start: Option<usize>,
    /// Cue end.
    pub cue_end: Option<usize>,
    /// explicit, according_to, pronoun, continuation, nominal or none.
    pub method: &'a str,
    /// 0 to 1.
    pub confidence: f32,
}

/// One row of `entities.csv`.
#[derive(Debug, Serialize)]
pub struct EntityRow<'a> {
    /// Entity id.
    pub entity_id: &'a str,
    /// Canonical name.
    pub entity: &'a str,
    /// Entity type.
    #[serde(rename = "type")]
    pub entity_type: &'a str,
    /// Subtype.
    pub subtype: &'a str,
    /// Role.
    pub role: &'a str,
    /// Country name.
    pub country: &'a str,
    /// Number of mentions in all documents.
    pub mentions: usize,
    /// Number of documents mentioning it.
    pub documents: usize,
    /// Distinct texts that named it, `|`-separated, in order of first appearance.
    pub aliases_seen: String,
    /// Gazetteer row or rule that defines it.
    pub source: &'a str,
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
            doc_id,
            start: offsets.char_offset(m.span.start),
            end: offsets.char_offset(m.span.end),
            text: m.span.text(text),
            entity_id: &e.id,
            entity: &e.name,
            mention_type: m.mention_type.as_str(),
            subtype: &e.subtype,
            role: &e.role,
            country: country_column(extractor, e),
            form: m.form.as_str(),
            source,
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
            doc_id,
            quote_id: format!("q{}", n + 1),
            kind: q.kind.as_str(),
            quote_start: offsets.char_offset(q.span.start),
            quote_end: offsets.char_offset(q.span.end),
            quote: q.span.text(text),
            speaker: speaker_entity.map_or(speaker_mention, |e| e.name.as_str()),
            speaker_entity_id: speaker_entity.map_or("", |e| e.id.as_str()),
            speaker_type: speaker_entity.map_or("", |e| e.entity_type.as_str()),
            speaker_role: speaker_entity.map_or("", |e| e.role.as_str()),
            speaker_country: speaker_entity.map_or("", |e| country_column(extractor, e)),
            speaker_mention,
            speaker_start: q.speaker.map(|s| offsets.char_offset(s.span.start)),
            speaker_end: q.speaker.map(|s| offsets.char_offset(s.span.end)),
            cue: q.cue.map_or("", |c| c.text(text)),
            cue_start: q.cue.map(|c| offsets.char_offset(c.start)),
            cue_end: q.cue.map(|c| offsets.char_offset(c.end)),
            method: q.method.as_str(),
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
                entity_id: &e.id,
                entity: &e.name,
                entity_type: e.entity_type.as_str(),
                subtype: &e.subtype,
                role: &e.role,
                country: country_column(extractor, e),
                mentions: t.mentions,
                documents: t.documents,
                aliases_seen: t.aliases.join("|"),
                source: &e.source,
            })?;
        }
        Ok(())
    }
}
