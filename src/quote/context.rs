//! What attribution reads of one document: its text, sentences and lines, cues, mentions and entities, and
//! the lexicon; and the lookups every pattern uses (the line of a position, the cues of a range, the mention
//! ending at a position, whether a stretch holds a quotation mark).

use std::cell::RefCell;
use std::sync::Arc;

use foldhash::HashMap;

use crate::extraction::Mention;
use crate::gazetteer::Entity;
use crate::lexicon::Lexicon;
use crate::span::Span;

use super::cues::CueHit;

/// Inputs of attribution for one document.
pub(crate) struct QuoteContext<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    pub cues: &'a [CueHit],
    pub mentions: &'a [Mention],
    pub entities: &'a [Arc<Entity>],
    /// The gender of each entity, indexed like `entities`.
    pub genders: &'a [crate::gender::GenderOf],
    /// Line spans, in order, line breaks excluded (quotation marks pair within a line).
    pub paragraphs: &'a [Span],
    /// The function words.
    pub lexicon: &'a Lexicon,
    /// The titles the dictionary found ("spokesman", "Defense Secretary"), in order.
    pub titles: Vec<Span>,
    /// The speakers of the quotations attributed so far, with the quotation's start, in text order (the
    /// quotations between marks, which are attributed first): the salience of pronoun resolution.
    pub spoken: RefCell<Vec<Spoken>>,
    /// The subjects found so far, by cue start and window start: several patterns read the subject of one cue.
    pub subjects: RefCell<HashMap<(usize, usize), Option<Span>>>,
}

/// A quotation's start, its speaker's entity, and the second person of a joint speaker.
pub(crate) type Spoken = (usize, crate::extraction::EntityRef, Option<crate::extraction::EntityRef>);

/// The paragraph (line) containing byte `pos`.
pub(crate) fn paragraph_of(cx: &QuoteContext<'_>, pos: usize) -> Span {
    let i = cx.paragraphs.partition_point(|p| p.start <= pos).saturating_sub(1);
    cx.paragraphs.get(i).copied().unwrap_or(Span::new(0, cx.text.len()))
}

/// Cues starting inside `range`, in order.
pub(crate) fn cues_in(cues: &[CueHit], range: Span) -> &[CueHit] {
    let from = cues.partition_point(|c| c.span.start < range.start);
    let to = cues.partition_point(|c| c.span.start < range.end);
    &cues[from..to.max(from)]
}

/// The mention that ends exactly at `end`, if any.
pub(crate) fn mention_ending_at(mentions: &[Mention], end: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| m.span.end < end);
    mentions.get(i).filter(|m| m.span.end == end)
}

/// True when `s` holds `"` or `“`, or also `”` with `closing`, or also two apostrophes `''` with
/// `apostrophes`. Byte searches: this runs over every sentence.
pub(crate) fn has_double_mark(s: &str, closing: bool, apostrophes: bool) -> bool {
    let b = s.as_bytes();
    memchr::memchr3_iter(b'"', b'\'', 0xE2, b).any(|i| match b[i] {
        b'"' => true,
        b'\'' => apostrophes && b.get(i + 1) == Some(&b'\''),
        _ => match b.get(i + 1..i + 3) {
            Some([0x80, 0x9C]) => true,
            Some([0x80, 0x9D]) => closing,
            _ => false,
        },
    })
}
