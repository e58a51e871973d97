//! The speaker named before the quotation in its sentence: `SPEAKER CUE: “…”`, `SPEAKER, apposition, CUE “…”`.

use crate::quote::CueKind;
use crate::quote::context::QuoteContext;
use crate::quote::context::cues_in;
use crate::quote::phrases::{coordinated_subject, np_after, sentence_subject, sp, statement_source, subject_before};
use crate::quote::speaker::{Found, found};
use crate::span::Span;
use crate::text::segment::sentence_index;

use super::QuoteSite;

/// The subject of the cue before the quotation in its sentence (SPEAKER said: “…”).
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    before_quote(cx, q.marked.open, q.sentence, q.para)
}

/// Rule 2: the subject of the nearest cue before the quotation in its sentence.
pub(crate) fn before_quote(cx: &QuoteContext<'_>, open: Span, sentence: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    let mut start = sentence.start.max(para.start);
    // a quotation that opens its sentence may be introduced by the previous one ending with a colon
    if text[start..open.start].trim().is_empty() {
        let before = text[para.start..start].trim_end();
        if before.ends_with(':') {
            let i = sentence_index(cx.sentences, start.saturating_sub(2));
            start = cx.sentences.get(i).map_or(para.start, |s| s.start.max(para.start));
        }
    }
    let window = sp(start, open.start);
    let cues = cues_in(cx.cues, window);
    // the sentence's first speech cue when its subject opens the sentence ("Rubio says he feels he did
    // “great”"), else the cue nearest before the quotation
    let first_speech = cues
        .iter()
        .find(|c| c.kind == CueKind::Speech && c.span.end <= open.start)
        .filter(|c| subject_before(cx, c.span.start, start).is_some_and(|s| text[start..s.start].trim().is_empty()));
    let Some(cue) =
        first_speech.or_else(|| cues.iter().rev().find(|c| c.span.end <= open.start && c.kind != CueKind::Belief))
    else {
        // "The email goes on: “…”", "The judge turned to me. “…”" (previous sentence's subject for a quote
        // that is a sentence of its own)
        let before = text[start..open.start].trim_end();
        if before.ends_with(':') {
            return sentence_subject(cx, start, start + before.len()).map(|s| found(cx, s, None, 0.6));
        }
        return None;
    };
    if cue.kind == CueKind::AccordingTo {
        let speaker = statement_source(text, np_after(text, cx.lexicon, cue.span.end, open.start)?);
        return Some(found(cx, speaker, Some(cue.span), 0.85));
    }
    // "Trump responded …, saying", "Trump took to Twitter to accuse": the speaker of a participle or an
    // infinitive is the subject of the sentence
    let cue_word = cue.span.text(text);
    let before_cue = text[start..cue.span.start].trim_end();
    if (cue_word.ends_with("ing") || before_cue.ends_with(" to") || before_cue == "to")
        && let Some(speaker) = sentence_subject(cx, start, cue.span.start)
    {
        return Some(found(cx, speaker, Some(cue.span), 0.8));
    }
    if let Some(speaker) = subject_before(cx, cue.span.start, start) {
        return Some(found(cx, speaker, Some(cue.span), 0.9));
    }
    // "I laughed and said, “…”": the subject of the verb before "and"
    let speaker = match before_cue.strip_suffix(" and") {
        Some(stripped) => coordinated_subject(cx, start, start + stripped.len()),
        None => sentence_subject(cx, start, cue.span.start),
    };
    if let Some(speaker) = speaker {
        return Some(found(cx, speaker, Some(cue.span), 0.7));
    }
    // "Said Trump: “…”": the cue opens its clause
    if !before_cue.is_empty() {
        return None;
    }
    let speaker = np_after(text, cx.lexicon, cue.span.end, open.start)?;
    Some(found(cx, speaker, Some(cue.span), 0.8))
}
