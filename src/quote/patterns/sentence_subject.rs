//! A quotation inside a sentence with no cue: the sentence's subject said or wrote it.

use crate::quote::context::QuoteContext;
use crate::quote::phrases::sentence_subject;
use crate::quote::speaker::{Found, found};
use crate::span::Span;
use crate::text::words::rfind_before_space;

use super::QuoteSite;

/// A quotation in a sentence with no cue is the sentence subject's (He has coined a phrase, “…”).
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    subject_of_sentence_around(cx, q.marked.open, q.sentence, q.para)
}

/// A quotation inside a sentence with no cue: the sentence's subject said or wrote it ("He has coined a new
/// phrase, “undocumented Democrats,” …").
pub(crate) fn subject_of_sentence_around(
    cx: &QuoteContext<'_>,
    open: Span,
    sentence: Span,
    para: Span,
) -> Option<Found> {
    let text = cx.text;
    let start = sentence.start.max(para.start);
    if text[start..open.start].trim().is_empty() {
        return None;
    }
    let clause_start = rfind_before_space(&text[start..open.start], b';').map_or(start, |i| start + i + 2);
    let subject = sentence_subject(cx, clause_start, open.start)?;
    Some(found(cx, subject, None, 0.5))
}
