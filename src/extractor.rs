//! The [`Extractor`]: built once from gazetteers, then turns each [`Document`] into an [`Extraction`], with no
//! I/O of its own.
//!
//! Stages, each on the original text's byte offsets: sentences; the dictionary scan (aliases, titles,
//! organization head words); gazetteer mentions; organizations by shape and defined acronyms; officials from
//! titles and appositions; surnames and acronyms linked to the document's entities; sentence indexes.

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::Document;
use crate::error::Result;
use crate::extraction::{DocBuilder, Extraction, Origin};
use crate::gazetteer::{Entity, Gazetteers};
use crate::matcher::{Dictionary, Hit};
use crate::quote::attribute::{self, CueHit};
use crate::quote::marks;
use crate::rules::officials::OfficialRules;
use crate::rules::{compounds, organizations, surnames};
use crate::text::TextLayer;

/// Extracts mentions, entities and quotations from documents. Build it once and share it: it is
/// `Send + Sync`, and [`Extractor::extract`] takes `&self`.
///
/// ```
/// use whosaid::{Document, Extractor, Gazetteers};
///
/// let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
/// let doc = Document::new("a.txt", "Iranian Foreign Ministry spokeswoman Leila Karimi spoke in Tehran.");
/// let x = extractor.extract(&doc);
/// let karimi = x.mentions.iter().find(|m| m.span.text(&doc.text) == "Leila Karimi").unwrap();
/// let person = &x.entities[karimi.entity];
/// assert_eq!((person.role.as_str(), person.country.as_str()), ("spokeswoman", "IR"));
/// ```
pub struct Extractor {
    gazetteers: Gazetteers,
    dictionary: Dictionary,
    officials: &'static OfficialRules,
    /// Country id -> entity, to fill the country column.
    countries: HashMap<String, Arc<Entity>>,
}

impl Extractor {
    /// Compiles the gazetteers. Fails when they have errors (bad rows), naming each file and line.
    pub fn new(gazetteers: Gazetteers) -> Result<Extractor> {
        if let Some(e) = gazetteers.errors() {
            return Err(e);
        }
        let dictionary = Dictionary::build(&gazetteers);
        let countries = gazetteers
            .entities
            .iter()
            .filter(|e| e.entity_type == crate::EntityType::Country)
            .map(|e| (e.id.clone(), Arc::clone(e)))
            .collect();
        Ok(Extractor { gazetteers, dictionary, officials: OfficialRules::shared(), countries })
    }

    /// The gazetteers it was built from.
    pub fn gazetteers(&self) -> &Gazetteers {
        &self.gazetteers
    }

    /// The canonical name of a country id (`IR` -> `Iran`), or the id itself when no such country is loaded.
    pub fn country_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.countries.get(id).map_or(id, |e| e.name.as_str())
    }

    /// Extracts everything from one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text.as_str();
        let g = &self.gazetteers;
        let layer = TextLayer::new(text);
        let sentences = &layer.sentences;
        let scan = self.dictionary.scan(text, &layer, g);
        let mut b = DocBuilder::new(text);
        for found in &scan.aliases {
            let Hit::Alias(i) = found.hit else { continue };
            let alias = &g.aliases[i as usize];
            let entity = b.gazetteer_entity(alias.entity, &g.entities[alias.entity]);
            b.add(found.span, entity, alias.form, Origin::Gazetteer);
        }
        organizations::find_by_shape(&mut b, g, &scan.org_heads);
        let acronyms = organizations::defined_acronyms(&mut b);
        compounds::drop_name_starts(&mut b, &scan.titles, &scan.org_heads, &scan.first_names);
        let pending = self.officials.apply(&mut b, g, &scan.titles, &scan.first_names, sentences);
        surnames::link(&mut b, acronyms, pending, &layer.capital_starts);
        let (entities, mut mentions) = b.into_parts();
        for m in &mut mentions {
            m.sentence = layer.sentence_index(m.span.start);
        }
        let cues: Vec<CueHit> = scan
            .cues
            .iter()
            .filter_map(|f| match f.hit {
                // "so-called" is no cue, nor is a noun: "his promise", "a statement", "the call"
                Hit::Cue(i) if !text[..f.span.start].ends_with('-') && !after_determiner(text, f.span.start) => {
                    Some(CueHit { span: f.span, kind: g.cues[i as usize].kind })
                }
                _ => None,
            })
            .collect();
        let marked = marks::quotation_spans(text, &layer.lines);
        let context = attribute::Context {
            text,
            sentences,
            cues: &cues,
            mentions: &mentions,
            entities: &entities,
            paragraphs: &layer.lines,
        };
        let quotes = attribute::attribute(&context, &marked);
        Extraction { entities, mentions, quotes, sentences: layer.sentences }
    }
}

/// True when the word before `pos` is a determiner or possessive (the word at `pos` is then a noun).
fn after_determiner(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let word_start =
        before.char_indices().rev().find(|&(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
    matches!(
        &before[word_start..],
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "The"
            | "A"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "no"
            | "every"
            | "each"
    ) && before.len() + 1 == pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn extractor_is_send_and_sync() {
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn broken_gazetteer_fails_naming_the_row() {
        let mut g = Gazetteers::new();
        g.add_text("user.tsv", "id\tname\ttype\nx\tX\tTHING\n");
        let err = Extractor::new(g).err().unwrap();
        assert!(err.to_string().contains("user.tsv:2:3: error: unknown type \"THING\""), "{err}");
    }
}
