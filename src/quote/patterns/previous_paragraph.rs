//! A quotation opening a paragraph with no speaker of its own: the speaker of the previous paragraph's last cue.

use crate::quote::CueKind;
use crate::quote::context::QuoteContext;
use crate::quote::context::{cues_in, paragraph_of};
use crate::quote::phrases::{np_after, sentence_subject, sp, statement_source, subject_before};
use crate::quote::speaker::{Found, found};
use crate::span::Span;
use crate::text::segment::sentence_index;

use super::QuoteSite;

/// A quotation that opens a paragraph is said by the subject of the previous paragraph's last cue.
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    previous_paragraph_speaker(cx, q.marked.open, q.para)
}

/// A quotation opening a paragraph with no speaker of its own: the speaker of the previous paragraph's last
/// cue (news writes the attribution once, then quotes on).
pub(crate) fn previous_paragraph_speaker(cx: &QuoteContext<'_>, open: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    if para.start < 2 || !text[para.start..open.start].trim().is_empty() {
        return None;
    }
    let prev_end = text[..para.start].trim_end().len();
    let prev = paragraph_of(cx, prev_end.saturating_sub(1));
    let cue = cues_in(cx.cues, sp(prev.start, prev_end)).iter().rev().find(|c| c.kind != CueKind::Belief)?;
    let sentence = cx.sentences.get(sentence_index(cx.sentences, cue.span.start)).copied().unwrap_or(prev);
    if cue.kind == CueKind::AccordingTo {
        // "…, according to a statement by the Foreign Ministry.": the source follows the cue
        let speaker = statement_source(text, np_after(text, cx.lexicon, cue.span.end, sentence.end.min(prev_end))?);
        return Some(found(cx, speaker, Some(cue.span), 0.5));
    }
    let start = sentence.start.max(prev.start);
    let speaker = subject_before(cx, cue.span.start, start).or_else(|| sentence_subject(cx, start, cue.span.start))?;
    Some(found(cx, speaker, Some(cue.span), 0.5))
}
