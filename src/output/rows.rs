//! The rows of the three tables (mentions, quotes, entities), each with its column table, and the rows of one
//! document built from its extraction with code-point offsets ([`DocumentRows`]).

use std::borrow::Cow;

use crate::document::Document;
use crate::extraction::{Extraction, Mention, Origin};
use crate::gazetteer::{Entity, EntityType};
use crate::pipeline::Extractor;
use crate::quote::{CueKind, Quote};
use crate::span::CharOffsets;

use super::columns::{Cell, Column, Row};

/// One row of `mentions.csv`.
#[derive(Clone, Debug, PartialEq)]
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
    /// PERSON, COUNTRY, ORGANIZATION, LOCATION or DEMONYM (column `type`).
    pub mention_type: &'a str,
    /// Entity subtype.
    pub subtype: &'a str,
    /// Role (people): the office held on the document's date, or the title the text gives.
    pub role: &'a str,
    /// The date the role is for (`YYYY-MM-DD`): the document's date; empty for the latest office listed.
    pub role_date: String,
    /// The role the gazetteers list, when the text gives another title; empty otherwise.
    pub role_listed: &'a str,
    /// Country name (the country itself for a country or demonym).
    pub country: &'a str,
    /// name, alias, demonym, surname or acronym.
    pub form: &'a str,
    /// Gazetteer file and row, or the rule that made the mention.
    pub source: &'a str,
    /// Sentence index in the document (from 0).
    pub sentence: usize,
}

impl Row<15> for MentionRow<'_> {
    const COLUMNS: &'static [Column; 15] = &[
        Column::text("doc_id").width(24.0),
        Column::int("start"),
        Column::int("end"),
        Column::text("text").width(24.0),
        Column::text("entity_id").width(26.0),
        Column::text("entity").width(26.0),
        Column::label("type").width(14.0),
        Column::text("subtype"),
        Column::text("role").width(20.0),
        Column::text("role_date").width(11.0),
        Column::text("role_listed").width(20.0),
        Column::text("country").width(16.0),
        Column::label("form"),
        Column::text("source").width(26.0),
        Column::int("sentence"),
    ];

    #[inline]
    fn cells(&self) -> [Cell<'_>; 15] {
        [
            Cell::Text(self.doc_id),
            Cell::Int(self.start),
            Cell::Int(self.end),
            Cell::Text(self.text),
            Cell::Text(self.entity_id),
            Cell::Text(self.entity),
            Cell::Text(self.mention_type),
            Cell::Text(self.subtype),
            Cell::Text(self.role),
            Cell::Text(&self.role_date),
            Cell::Text(self.role_listed),
            Cell::Text(self.country),
            Cell::Text(self.form),
            Cell::Text(self.source),
            Cell::Int(self.sentence),
        ]
    }
}

/// One row of `quotes.csv`.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteRow<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// `q1`, `q2`, ... in document order, unique within the document (its parts too, see
    /// [`QuoteNumbers`](crate::document::QuoteNumbers)).
    pub quote_id: String,
    /// direct, partial, indirect or term.
    pub kind: &'a str,
    /// Code-point offset of the quote's first character (marks excluded).
    pub quote_start: usize,
    /// Code-point offset one past its last character.
    pub quote_end: usize,
    /// The quoted text.
    pub quote: &'a str,
    /// Canonical speaker name (two joined by "and" for people who spoke together), or the mention text when it
    /// names no entity.
    pub speaker: Cow<'a, str>,
    /// Speaker entity id, if any.
    pub speaker_entity_id: Cow<'a, str>,
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
    /// speech, according_to or belief (thought, stance, position: think, want, endorse): what the cue is.
    pub cue_kind: &'a str,
    /// name, pronoun or nominal: what kind of words name the speaker; empty without a speaker.
    pub speaker_kind: &'a str,
    /// How the entity behind the words was found: `name`, `surname`, `relative-pronoun`, `pronoun-gender`,
    /// `pronoun-salience`, `pronoun-group`, `pronoun-organization`, `nominal-role`, `nominal-demonym`,
    /// `nominal-organization`, `apposition` or `unresolved` (no entity); empty without a speaker.
    pub speaker_resolution: &'a str,
    /// The attribution pattern that found the speaker (`after-quote`, `source-cue-clause`, ...), or `none`.
    pub method: &'a str,
    /// 0 to 1.
    pub confidence: f32,
    /// For a quotation that is a part of a `mixed` attribution, that attribution's `quote_id`; empty elsewhere.
    pub part_of: String,
}

impl Row<23> for QuoteRow<'_> {
    const COLUMNS: &'static [Column; 23] = &[
        Column::text("doc_id").width(24.0),
        Column::label("quote_id").width(7.0),
        Column::label("kind").width(9.0),
        Column::int("quote_start"),
        Column::int("quote_end"),
        Column::text("quote").width(70.0),
        Column::text("speaker").width(22.0),
        Column::text("speaker_entity_id"),
        Column::label("speaker_type"),
        Column::text("speaker_role").width(18.0),
        Column::text("speaker_country").width(14.0),
        Column::text("speaker_mention").width(18.0),
        Column::optional_int("speaker_start"),
        Column::optional_int("speaker_end"),
        Column::text("cue"),
        Column::optional_int("cue_start"),
        Column::optional_int("cue_end"),
        Column::label("cue_kind"),
        Column::label("speaker_kind"),
        Column::label("speaker_resolution").width(16.0),
        Column::label("method").width(20.0),
        Column::float("confidence"),
        Column::label("part_of").width(7.0),
    ];

    #[inline]
    fn cells(&self) -> [Cell<'_>; 23] {
        [
            Cell::Text(self.doc_id),
            Cell::Text(&self.quote_id),
            Cell::Text(self.kind),
            Cell::Int(self.quote_start),
            Cell::Int(self.quote_end),
            Cell::Text(self.quote),
            Cell::Text(&self.speaker),
            Cell::Text(&self.speaker_entity_id),
            Cell::Text(self.speaker_type),
            Cell::Text(self.speaker_role),
            Cell::Text(self.speaker_country),
            Cell::Text(self.speaker_mention),
            Cell::optional(self.speaker_start),
            Cell::optional(self.speaker_end),
            Cell::Text(self.cue),
            Cell::optional(self.cue_start),
            Cell::optional(self.cue_end),
            Cell::Text(self.cue_kind),
            Cell::Text(self.speaker_kind),
            Cell::Text(self.speaker_resolution),
            Cell::Text(self.method),
            Cell::Float(self.confidence),
            Cell::Text(&self.part_of),
        ]
    }
}

/// One row of `entities.csv` (see [`EntityTable`](super::entities::EntityTable)).
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow<'a> {
    /// Entity id.
    pub entity_id: &'a str,
    /// Canonical name.
    pub entity: &'a str,
    /// Entity type (column `type`).
    pub entity_type: &'a str,
    /// Subtype.
    pub subtype: &'a str,
    /// Role: that of the document with the latest date that gives one (see
    /// [`EntityTable`](super::entities::EntityTable)).
    pub role: &'a str,
    /// The date the role is for; empty for the latest office listed.
    pub role_date: String,
    /// The role the gazetteers list, when that document's text gives another title.
    pub role_listed: &'a str,
    /// Country name.
    pub country: &'a str,
    /// A person's gender (`female`, `male`), empty when unknown.
    pub gender: &'a str,
    /// Where the gender comes from: `data` (the first name), `honorific` (Mrs., Mr.), `pronoun` (she, he).
    pub gender_source: &'a str,
    /// Number of mentions in all documents.
    pub mentions: usize,
    /// Number of documents mentioning it.
    pub documents: usize,
    /// Distinct texts that named it, `|`-separated, in order of first appearance.
    pub aliases_seen: String,
    /// Gazetteer row or rule that defines it.
    pub source: &'a str,
}

impl Row<14> for EntityRow<'_> {
    const COLUMNS: &'static [Column; 14] = &[
        Column::text("entity_id").width(28.0),
        Column::text("entity").width(28.0),
        Column::label("type").width(14.0),
        Column::text("subtype"),
        Column::text("role").width(22.0),
        Column::text("role_date").width(11.0),
        Column::text("role_listed").width(22.0),
        Column::text("country").width(16.0),
        Column::label("gender"),
        Column::label("gender_source"),
        Column::int("mentions"),
        Column::int("documents"),
        Column::text("aliases_seen").width(40.0),
        Column::text("source").width(26.0),
    ];

    #[inline]
    fn cells(&self) -> [Cell<'_>; 14] {
        [
            Cell::Text(self.entity_id),
            Cell::Text(self.entity),
            Cell::Text(self.entity_type),
            Cell::Text(self.subtype),
            Cell::Text(self.role),
            Cell::Text(&self.role_date),
            Cell::Text(self.role_listed),
            Cell::Text(self.country),
            Cell::Text(self.gender),
            Cell::Text(self.gender_source),
            Cell::Int(self.mentions),
            Cell::Int(self.documents),
            Cell::Text(&self.aliases_seen),
            Cell::Text(self.source),
        ]
    }
}

/// The country column of an entity: its own name for a country, else its country's name.
pub(crate) fn country_column<'a>(extractor: &'a Extractor, e: &'a Entity) -> &'a str {
    if e.entity_type == EntityType::Country { &e.name } else { extractor.country_name(&e.country) }
}

/// The mention and quote rows of one document (or part of a large one), with code-point offsets into the whole
/// document.
pub struct DocumentRows<'a> {
    extractor: &'a Extractor,
    doc: &'a Document,
    x: &'a Extraction,
    offsets: CharOffsets<'a>,
}

impl<'a> DocumentRows<'a> {
    /// The rows of `doc`, whose extraction is `x`.
    pub fn new(extractor: &'a Extractor, doc: &'a Document, x: &'a Extraction) -> DocumentRows<'a> {
        DocumentRows { extractor, doc, x, offsets: CharOffsets::with_base(&doc.text, doc.char_offset) }
    }

    /// Its mention rows, in text order.
    pub fn mentions(&self) -> impl Iterator<Item = MentionRow<'a>> + '_ {
        self.x.mentions.iter().map(|m| self.mention(m))
    }

    /// Its quote rows, in text order.
    pub fn quotes(&self) -> impl Iterator<Item = QuoteRow<'a>> + '_ {
        self.x.quotes.iter().enumerate().map(|(n, q)| self.quote(n, q))
    }

    /// Its mention rows, taking the rows' builder along.
    pub fn into_mentions(self) -> impl Iterator<Item = MentionRow<'a>> {
        self.x.mentions.iter().map(move |m| self.mention(m))
    }

    /// Its quote rows, taking the rows' builder along.
    pub fn into_quotes(self) -> impl Iterator<Item = QuoteRow<'a>> {
        self.x.quotes.iter().enumerate().map(move |(n, q)| self.quote(n, q))
    }

    fn mention(&self, m: &'a Mention) -> MentionRow<'a> {
        let (doc, e) = (self.doc, &*self.x.entities[m.entity]);
        let source = if m.origin == Origin::Gazetteer { e.source.as_str() } else { m.origin.rule_name() };
        MentionRow {
            doc_id: &doc.id,
            start: self.offsets.char_offset(m.span.start),
            end: self.offsets.char_offset(m.span.end),
            text: m.span.text(&doc.text),
            entity_id: &e.id,
            entity: &e.name,
            mention_type: m.mention_type.as_str(),
            subtype: &e.subtype,
            role: &e.role,
            role_date: e.role_date.map_or_else(String::new, |d| d.to_string()),
            role_listed: &e.role_listed,
            country: country_column(self.extractor, e),
            form: m.form.as_str(),
            source,
            sentence: m.sentence,
        }
    }

    /// The row of the document's `n`-th quote (from 0).
    fn quote(&self, n: usize, q: &'a Quote) -> QuoteRow<'a> {
        let (extractor, doc, x) = (self.extractor, self.doc, self.x);
        let at = |byte: usize| self.offsets.char_offset(byte);
        let speaker_entity = q.speaker.and_then(|s| s.entity).map(|i| &*x.entities[i]);
        let speaker_mention = q.speaker.map_or("", |s| s.span.text(&doc.text));
        let joint = q.speaker.and_then(|s| s.joint).map(|i| &*x.entities[i]);
        QuoteRow {
            doc_id: &doc.id,
            quote_id: format!("q{}", doc.quotes_before + n + 1),
            kind: q.kind.as_str(),
            quote_start: at(q.span.start),
            quote_end: at(q.span.end),
            quote: q.span.text(&doc.text),
            speaker: match (speaker_entity, joint) {
                (Some(e), Some(j)) => Cow::Owned(format!("{} and {}", e.name, j.name)),
                (Some(e), None) => Cow::Borrowed(e.name.as_str()),
                (None, _) => Cow::Borrowed(speaker_mention),
            },
            speaker_entity_id: match (speaker_entity, joint) {
                (Some(e), Some(j)) => Cow::Owned(format!("{}|{}", e.id, j.id)),
                (Some(e), None) => Cow::Borrowed(e.id.as_str()),
                (None, _) => Cow::Borrowed(""),
            },
            speaker_type: speaker_entity.map_or("", |e| e.entity_type.as_str()),
            speaker_role: speaker_entity.map_or("", |e| e.role.as_str()),
            speaker_country: speaker_entity.map_or("", |e| country_column(extractor, e)),
            speaker_mention,
            speaker_start: q.speaker.map(|s| at(s.span.start)),
            speaker_end: q.speaker.map(|s| at(s.span.end)),
            cue: q.cue.map_or("", |c| c.text(&doc.text)),
            cue_start: q.cue.map(|c| at(c.start)),
            cue_end: q.cue.map(|c| at(c.end)),
            cue_kind: q.cue_kind.map_or("", CueKind::as_str),
            speaker_kind: q.speaker.map_or("", |s| s.kind.as_str()),
            speaker_resolution: q.speaker.map_or("", |s| s.resolution.as_str()),
            method: if q.pattern.is_empty() { "none" } else { q.pattern },
            confidence: q.confidence,
            part_of: q.part_of.map_or(String::new(), |i| format!("q{}", doc.quotes_before + i + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::columns::ColumnKind;

    /// Cells of every kind, for checking a row type's cells against its columns.
    fn check<const N: usize, R: Row<N>>(row: &R, header: &str) {
        let names: Vec<&str> = R::COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(names.join(","), header);
        for (column, cell) in R::COLUMNS.iter().zip(row.cells()) {
            assert!(cell.fits(column.kind), "{}: {cell:?} in a {:?} column", column.name, column.kind);
        }
    }

    fn rows_of(text: &str) -> (Extractor, Document) {
        (Extractor::new(crate::Gazetteers::embedded()).unwrap(), Document::new("d", text))
    }

    #[test]
    fn headers_derive_from_the_column_tables_and_cells_fit_them() {
        let (extractor, doc) = rows_of("“We will respond,” Iranian spokesman Nasser Kanaani said in Tehran.");
        let x = extractor.extract(&doc);
        let rows = DocumentRows::new(&extractor, &doc, &x);
        let mentions: Vec<MentionRow> = rows.mentions().collect();
        let quotes: Vec<QuoteRow> = rows.quotes().collect();
        assert!(!mentions.is_empty() && quotes.len() == 1, "{mentions:?} {quotes:?}");
        for m in &mentions {
            check(
                m,
                "doc_id,start,end,text,entity_id,entity,type,subtype,role,role_date,role_listed,country,form,source,\
                 sentence",
            );
        }
        check(
            &quotes[0],
            "doc_id,quote_id,kind,quote_start,quote_end,quote,speaker,speaker_entity_id,speaker_type,speaker_role,\
             speaker_country,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,cue_kind,speaker_kind,\
             speaker_resolution,method,confidence,part_of",
        );
        let mut table = crate::output::entities::EntityTable::default();
        table.add(&doc.id, &doc.text, &x);
        for e in table.rows(&extractor) {
            check(
                &e,
                "entity_id,entity,type,subtype,role,role_date,role_listed,country,gender,gender_source,mentions,\
                 documents,aliases_seen,source",
            );
        }
    }

    #[test]
    fn only_free_text_columns_are_neutralised() {
        // the closed vocabularies (types, kinds, forms, methods, quote ids) are labels
        let labels = |columns: &[Column]| -> Vec<&str> {
            columns.iter().filter(|c| c.kind == ColumnKind::Label).map(|c| c.name).collect()
        };
        assert_eq!(labels(MentionRow::COLUMNS), ["type", "form"]);
        assert_eq!(
            labels(QuoteRow::COLUMNS),
            ["quote_id", "kind", "speaker_type", "cue_kind", "speaker_kind", "speaker_resolution", "method", "part_of"]
        );
        assert_eq!(labels(EntityRow::COLUMNS), ["type", "gender", "gender_source"]);
    }

    #[test]
    fn parts_of_a_large_document_carry_offsets_into_the_whole() {
        let (extractor, mut doc) = rows_of("Talks in Tehran.");
        doc.char_offset = 100;
        let x = extractor.extract(&doc);
        let rows = DocumentRows::new(&extractor, &doc, &x);
        let tehran = rows.mentions().find(|m| m.text == "Tehran").unwrap();
        assert_eq!((tehran.start, tehran.end), (109, 115));
    }
}
