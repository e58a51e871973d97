//! A sentence that ends by naming its speaker after the quotation: `“…” in comparison to Obama, Gingrich said.`

use crate::lexicon::WordKind;
use crate::quote::CueKind;
use crate::quote::context::QuoteContext;
use crate::quote::context::{cues_in, has_double_mark};
use crate::quote::phrases::{np_after, skip_auxiliaries_back, sp, trim_span, words_at_most};
use crate::quote::speaker::{Found, found};
use crate::span::Span;

use super::QuoteSite;

/// The sentence of the quotation ends with its source and cue (…, Gingrich said.).
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    trailing_attribution(cx, q.close_end, q.sentence, q.para)
}

/// A sentence that ends by naming its speaker after the quotation: `“…” in comparison to Obama, Gingrich
/// said.`, `…, said Steve Elmendorf, a strategist.`, `… as Cruz said on the radio.`
pub(crate) fn trailing_attribution(
    cx: &QuoteContext<'_>,
    close_end: usize,
    sentence: Span,
    para: Span,
) -> Option<Found> {
    let text = cx.text;
    let end = sentence.end.min(para.end).max(close_end);
    let rest = &text[close_end..end];
    if has_double_mark(rest, false, true) {
        return None; // another quotation first
    }
    let cue = cues_in(cx.cues, sp(close_end, end)).iter().rev().find(|c| c.kind == CueKind::Speech)?;
    let before_cue = &text[close_end..cue.span.start];
    let clause_start = before_cue
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ',' | ';' | '—'))
        .map_or(close_end, |(i, c)| close_end + i + c.len_utf8());
    let tail = text[cue.span.end..end].trim_end_matches(['.', '!', '?']);
    // ", Gingrich said." / ", he said on Monday."
    let subject =
        trim_span(text, sp(clause_start, skip_auxiliaries_back(text, cx.lexicon, cue.span.start, clause_start)));
    let subject_text = subject.text(text);
    let subject_text = subject_text.strip_prefix("as ").unwrap_or(subject_text);
    let subject = sp(subject.end - subject_text.len(), subject.end);
    let first = subject_text.split_whitespace().next().unwrap_or("");
    let named = first.starts_with(char::is_uppercase) || cx.lexicon.is(first, WordKind::SpeakerPronoun);
    if !subject.is_empty() && named && words_at_most(subject_text, 5) && words_at_most(tail, 6) {
        return Some(found(cx, subject, Some(cue.span), 0.7));
    }
    // ", said Steve Elmendorf, a strategist."
    if text[..cue.span.start].trim_end().ends_with(',') {
        let speaker = np_after(text, cx.lexicon, cue.span.end, end)?;
        if speaker.text(text).starts_with(char::is_uppercase) {
            return Some(found(cx, speaker, Some(cue.span), 0.7));
        }
    }
    None
}
