//! A quotation opening a paragraph after one that ends with a colon ("Cruz continued:").

use crate::quote::context::QuoteContext;
use crate::quote::context::{cues_in, paragraph_of};
use crate::quote::phrases::{sentence_subject, sp, subject_before};
use crate::quote::speaker::{Found, found};
use crate::span::Span;
use crate::text::segment::sentence_index;

use super::QuoteSite;

/// A quotation that opens a paragraph after one ending with a colon is said by that paragraph's subject.
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    introduced_by_previous_paragraph(cx, q.marked.open, q.para)
}

/// A quotation opening a paragraph after one that ends with a colon ("Cruz continued:"): the speaker is the
/// subject of that paragraph's last cue, or of its last sentence.
pub(crate) fn introduced_by_previous_paragraph(cx: &QuoteContext<'_>, open: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    if para.start < 2 || !text[para.start..open.start].trim().is_empty() {
        return None;
    }
    let before = text[..para.start].trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let prev = paragraph_of(cx, before.len() - 1);
    let sentence = cx.sentences.get(sentence_index(cx.sentences, before.len() - 1)).copied().unwrap_or(prev);
    let start = sentence.start.max(prev.start);
    let colon = before.len() - 1;
    if let Some(cue) = cues_in(cx.cues, sp(start, colon)).last() {
        let speaker =
            subject_before(cx, cue.span.start, start).or_else(|| sentence_subject(cx, start, cue.span.start))?;
        return Some(found(cx, speaker, Some(cue.span), 0.8));
    }
    sentence_subject(cx, start, colon).map(|s| found(cx, s, None, 0.6))
}
