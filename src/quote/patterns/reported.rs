//! Reported speech: sentences without quotation marks that report what someone said.
//!
//! - `CLAUSE, SOURCE CUE.`, the source short and the sentence ending with the cue ([`ClauseCommaSourceCue`])
//! - `SOURCE CUE (that) CLAUSE`, the source opening the sentence ([`SourceCueClause`])
//!
//! Each reads the sentence's cue ([`SentenceSite::cue`]): its last one when the sentence ends with it, else its
//! first one. The two shapes exclude each other: a comma before the cue, or none.

use crate::quote::Method;
use crate::quote::context::QuoteContext;
use crate::quote::phrases::{skip_auxiliaries_back, sp, subject_before, trim_span, words_at_most};
use crate::quote::speaker::Found;
use crate::span::Span;

use super::{SentenceSite, reported};

/// A clause, a comma, then a short SOURCE and its cue end the sentence (…, Nakatani said.).
pub(crate) fn clause_comma_source_cue(cx: &QuoteContext<'_>, s: &SentenceSite) -> Option<(Span, Found)> {
    let text = cx.text;
    let comma = text[s.sentence.start..s.cue.span.start].rfind(", ")?;
    let subject_end = skip_auxiliaries_back(text, cx.lexicon, s.cue.span.start, s.sentence.start);
    let subject = sp(s.sentence.start + comma + 2, subject_end);
    let tail = text[s.cue.span.end..s.body_end].trim();
    let short_subject = !subject.is_empty() && words_at_most(subject.text(text), 6);
    if !(short_subject && words_at_most(tail, 3) && comma > 0) {
        return None;
    }
    let content = sp(s.sentence.start, s.sentence.start + comma);
    reported(cx, content, trim_span(text, subject), s.cue.span, Method::Explicit)
}

/// A SOURCE opening the sentence, its cue, (that) and the clause it reports.
pub(crate) fn source_cue_clause(cx: &QuoteContext<'_>, s: &SentenceSite) -> Option<(Span, Found)> {
    let text = cx.text;
    if text[s.sentence.start..s.cue.span.start].contains(", ") {
        return None;
    }
    let speaker = subject_before(cx, s.cue.span.start, s.sentence.start).filter(|sp| sp.start == s.sentence.start)?;
    let mut from = s.cue.span.end;
    let rest = &text[from..s.body_end];
    from += rest.len() - rest.trim_start().len();
    if text[from..s.body_end].starts_with("that ") {
        from += 5;
    }
    let content = trim_span(text, sp(from, s.body_end));
    if words_at_most(content.text(text), 3) {
        return None;
    }
    reported(cx, content, speaker, s.cue.span, Method::Explicit)
}
