//! `“…” Baku, according to a statement by the Foreign Ministry.`: the source after "according to".

use crate::quote::CueKind;
use crate::quote::context::QuoteContext;
use crate::quote::context::{cues_in, has_double_mark};
use crate::quote::phrases::{np_after, sp, statement_source};
use crate::quote::speaker::{Found, found};
use crate::span::Span;

use super::QuoteSite;

/// \"according to SOURCE\" after the quotation in its sentence names the source.
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    according_to_after(cx, q.close_end, q.sentence, q.para)
}

/// `“never intimidate” Baku, according to a statement by the Foreign Ministry.`
pub(crate) fn according_to_after(cx: &QuoteContext<'_>, close_end: usize, sentence: Span, para: Span) -> Option<Found> {
    let end = sentence.end.min(para.end).max(close_end);
    let window = sp(close_end, end);
    let cue = cues_in(cx.cues, window).iter().find(|c| c.kind == CueKind::AccordingTo)?;
    if has_double_mark(&cx.text[close_end..cue.span.start], false, false) {
        return None;
    }
    let speaker = statement_source(cx.text, np_after(cx.text, cx.lexicon, cue.span.end, end)?);
    Some(found(cx, speaker, Some(cue.span), 0.8))
}
