//! The text layer: what every stage needs to know about a document's text, computed once per document and
//! shared by the dictionary scan, the entity rules and the quotation stage: its lines, paragraphs and
//! sentences ([`segment`]), and its word starts, by the crate's one definition of a word ([`words`]).

pub mod segment;
pub(crate) mod words;

use crate::lexicon::Lexicon;
use crate::span::Span;

/// A document's lines, paragraphs, sentences and word starts (byte offsets of its text).
#[derive(Clone, Debug, Default)]
pub struct TextLayer {
    /// Every line, its line break excluded (blank lines too), in order.
    pub lines: Vec<Span>,
    /// The non-blank lines, trimmed, in order.
    pub paragraphs: Vec<Span>,
    /// Sentences, in order; they never cross a line break.
    pub sentences: Vec<Span>,
    /// Word starts whose first letter is upper-case, in order: where names can start.
    pub capital_starts: Vec<usize>,
    /// Every word start, in order.
    pub word_starts: Vec<usize>,
}

impl TextLayer {
    /// Segments `text`; `lexicon` says which words are abbreviations (whose period ends no sentence).
    pub fn new(text: &str, lexicon: &Lexicon) -> TextLayer {
        let lines: Vec<Span> = segment::lines(text).collect();
        let paragraphs = segment::paragraphs(text, &lines);
        let sentences = segment::sentences_of(text, &paragraphs, lexicon);
        let bytes = text.as_bytes();
        let mut word_starts = Vec::with_capacity(text.len() / 5);
        let mut capital_starts = Vec::with_capacity(text.len() / 24);
        words::for_each_word_start(text, |start| {
            word_starts.push(start);
            let first = bytes[start];
            if first.is_ascii_uppercase()
                || (first >= 0x80 && text[start..].chars().next().is_some_and(char::is_uppercase))
            {
                capital_starts.push(start);
            }
        });
        TextLayer { lines, paragraphs, sentences, capital_starts, word_starts }
    }

    /// Index of the sentence containing byte `pos` (the nearest one before it when `pos` is between sentences).
    pub fn sentence_index(&self, pos: usize) -> usize {
        segment::sentence_index(&self.sentences, pos)
    }

    /// The sentence containing byte `pos` (the nearest one before it), if the text has any.
    pub fn sentence_at(&self, pos: usize) -> Option<Span> {
        self.sentences.get(self.sentence_index(pos)).copied()
    }

    /// The line containing byte `pos` (the whole text when it has no line).
    pub fn line_at(&self, pos: usize, text: &str) -> Span {
        let i = self.lines.partition_point(|l| l.start <= pos).saturating_sub(1);
        self.lines.get(i).copied().unwrap_or(Span::new(0, text.len()))
    }
}
