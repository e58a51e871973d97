//! [`DocContext`]: the read-only facts of one document that every entity rule and attribution pattern may
//! read: its text, its text layer, what the dictionary scan found in it, the gazetteers with the lexicon, and its
//! date.

use crate::gazetteer::{Date, Gazetteers};
use crate::lexicon::Lexicon;
use crate::matcher::Scan;
use crate::text::TextLayer;

/// What is known about a document before any rule runs; nothing in it changes while the rules run.
pub(crate) struct DocContext<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its lines, paragraphs, sentences and word starts.
    pub layer: &'a TextLayer,
    /// The dictionary's matches: aliases, titles, organization head words, first names, cues.
    pub scan: &'a Scan,
    /// The gazetteers the extractor was built from.
    pub gazetteers: &'a Gazetteers,
    /// Their function words.
    pub lexicon: &'a Lexicon,
    /// The document's date, when known: roles are those held that day.
    pub date: Option<Date>,
}
