//! The pipeline: the [`Extractor`], built once from gazetteers, turns each [`Document`] into an [`Extraction`]
//! with no I/O of its own.
//!
//! ```text
//! text ──TextLayer──► lines, paragraphs, sentences, word starts          (src/text)
//!      ──Dictionary─► aliases, titles, head words, first names, cues     (src/matcher.rs)
//!      ──rules──────► mentions and entities, in registry order           (src/rules, DocBuilder)
//!      ──quotes─────► quotations with speakers, kinds and cues           (src/quote)
//! ```
//!
//! Every stage works on the original text's byte offsets. The read-only facts of a document are a
//! [`DocContext`]; what the rules build is a [`DocBuilder`].

mod builder;
mod context;

pub(crate) use builder::{DocBuilder, PendingPerson};
pub(crate) use context::DocContext;

use crate::document::Document;
use crate::error::Result;
use crate::extraction::Extraction;
use crate::gazetteer::Gazetteers;
use crate::gender::{self, FirstNameGenders};
use crate::matcher::Dictionary;
use crate::quote;
use crate::rules::{self, EntityRule, Unit};
use crate::text::TextLayer;

/// A rule or pattern of the pipeline, as `whosaid rules` lists it: what it is, what it does, and sentences it
/// must and must not act on (they run as tests).
#[derive(Clone, Debug)]
pub struct UnitDoc {
    /// "entity rule" or "attribution pattern".
    pub kind: &'static str,
    /// Its name.
    pub name: &'static str,
    /// What it does, in one line.
    pub doc: &'static str,
    /// (sentence, what it finds there).
    pub examples: &'static [(&'static str, &'static str)],
    /// Sentences it must not act on.
    pub counter_examples: &'static [&'static str],
}

impl UnitDoc {
    fn of(kind: &'static str, unit: &(impl Unit + ?Sized)) -> UnitDoc {
        let examples = unit.examples();
        UnitDoc {
            kind,
            name: unit.name(),
            doc: unit.doc(),
            examples: examples.matches,
            counter_examples: examples.no_match,
        }
    }
}

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
    rules: Vec<Box<dyn EntityRule>>,
    first_names: FirstNameGenders,
}

impl Extractor {
    /// Compiles the gazetteers. Fails when they have errors (bad rows), naming each file and line.
    pub fn new(gazetteers: Gazetteers) -> Result<Extractor> {
        Extractor::with_rules(gazetteers, |_, _| true)
    }

    /// An extractor with the registered rules that `keep` (given each rule's place and the rule) keeps.
    pub(crate) fn with_rules(
        gazetteers: Gazetteers,
        keep: impl Fn(usize, &dyn EntityRule) -> bool,
    ) -> Result<Extractor> {
        if let Some(e) = gazetteers.errors() {
            return Err(e);
        }
        let dictionary = Dictionary::build(&gazetteers);
        let rules =
            rules::registry(&gazetteers).into_iter().enumerate().filter(|(i, r)| keep(*i, r.as_ref())).map(|(_, r)| r);
        let first_names = FirstNameGenders::new(&gazetteers);
        Ok(Extractor { rules: rules.collect(), dictionary, gazetteers, first_names })
    }

    /// The entity rules in the order they run, then the attribution patterns in their order of precedence,
    /// with what each does and its examples.
    pub fn units(&self) -> Vec<UnitDoc> {
        let rules = self.rules.iter().map(|r| UnitDoc::of("entity rule", r.as_ref()));
        let patterns = quote::patterns::PATTERNS.iter().map(|p| UnitDoc::of("attribution pattern", p));
        rules.chain(patterns).collect()
    }

    /// The gazetteers it was built from.
    pub fn gazetteers(&self) -> &Gazetteers {
        &self.gazetteers
    }

    /// The canonical name of a country id (`IR` -> `Iran`), or the id itself when no such country is loaded.
    pub fn country_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.gazetteers.country_name(id)
    }

    /// Extracts everything from one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let g = &self.gazetteers;
        let text = doc.text.as_str();
        let layer = TextLayer::new(text, &g.lexicon);
        let scan = self.dictionary.scan(text, &layer, g);
        let cx = DocContext { text, layer: &layer, scan: &scan, gazetteers: g, lexicon: &g.lexicon };
        let mut builder = DocBuilder::new(&cx);
        for rule in &self.rules {
            rule.apply(&cx, &mut builder);
        }
        let (entities, mentions) = builder.into_parts();
        let mut genders = gender::genders(text, &entities, &mentions, &g.lexicon, &self.first_names);
        let quotes = quote::quotations(&cx, &entities, &mentions, &genders);
        gender::tie_pronouns(text, &quotes, &g.lexicon, &mut genders);
        Extraction { entities, mentions, quotes, sentences: layer.sentences, genders }
    }

    /// Calls `f` with the context of a document of `text`, for tests of one stage.
    #[cfg(test)]
    pub(crate) fn inspect<R>(&self, text: &str, f: impl FnOnce(&DocContext<'_>) -> R) -> R {
        let g = &self.gazetteers;
        let layer = TextLayer::new(text, &g.lexicon);
        let scan = self.dictionary.scan(text, &layer, g);
        f(&DocContext { text, layer: &layer, scan: &scan, gazetteers: g, lexicon: &g.lexicon })
    }
}

/// The small fixed gazetteer that the examples of every rule and pattern run against: a few countries, places,
/// people, organizations and first names (`tests/fixtures/unit-gazetteer/`), with the default titles, cues,
/// organization keywords and lexicon.
#[cfg(test)]
pub(crate) fn unit_gazetteer() -> Gazetteers {
    let mut g = Gazetteers::new();
    for (name, text) in [
        ("titles.tsv", include_str!("../../gazetteers/titles.tsv")),
        ("cues.tsv", include_str!("../../gazetteers/cues.tsv")),
        ("org_keywords.tsv", include_str!("../../gazetteers/org_keywords.tsv")),
        ("unit-entities.tsv", include_str!("../../tests/fixtures/unit-gazetteer/entities.tsv")),
        ("unit-first-names.tsv", include_str!("../../tests/fixtures/unit-gazetteer/first_names.tsv")),
    ] {
        g.add_text(name, text);
    }
    assert!(g.errors().is_none(), "{:?}", g.errors());
    g
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
