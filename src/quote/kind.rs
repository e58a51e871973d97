//! What kind of quotation a marked span is: direct, partial, or a term (scare quotes and names), and the
//! helpers that read a quotation's marks.

use foldhash::HashMap;

use crate::span::Span;
use crate::text::segment::sentence_index;

use super::QuoteKind;
use super::context::{QuoteContext, cues_in};
use super::marks::Marked;
use super::phrases::{sp, words_at_most};

/// `href="…"`: a quotation mark right after `=` belongs to markup.
pub(crate) fn is_markup(text: &str, open: Span) -> bool {
    text[..open.start].ends_with('=')
}

/// The quotation without surrounding white space and a trailing comma.
pub(crate) fn trim_quote(text: &str, inner: Span) -> Span {
    let s = &text[inner.start..inner.end];
    let start = inner.start + (s.len() - s.trim_start().len());
    let mut end = inner.start + s.trim_end().len();
    if end > start && text[..end].ends_with(',') {
        end -= 1;
    }
    sp(start, end.max(start))
}

/// End of the closing mark that follows a quotation ending at `at` (or `at` when there is none).
pub(crate) fn closing_mark_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    if rest.starts_with("''") {
        at + 2
    } else {
        match rest.chars().next() {
            Some(c @ ('"' | '”' | '‟' | '»' | '“')) => at + c.len_utf8(),
            _ => at,
        }
    }
}

/// A quoted name rather than speech: a short phrase quoted again elsewhere in the document (a name in reuse:
/// a new “war-fighting headquarters” … to serve as “war-fighting headquarters”), or a modifier after a
/// possessive (Trump's “America First” policy).
pub(crate) fn is_label(cx: &QuoteContext<'_>, phrase_counts: &HashMap<&str, u32>, m: &Marked, inner: Span) -> bool {
    let text = cx.text;
    let phrase = inner.text(text).trim_end_matches(['.', ',', '!', '?']);
    if !words_at_most(phrase, 4) || phrase.is_empty() {
        return false;
    }
    let before = text[..m.open.start].trim_end();
    let after = text[closing_mark_end(text, m.inner.end)..].trim_start_matches(' ');
    let modifier = (before.ends_with("'s") || before.ends_with("’s"))
        && after.split([' ', ',', '.']).next().is_some_and(|w| w.len() > 2 && w.chars().all(char::is_lowercase));
    let repeated = phrase_counts.get(phrase).is_some_and(|&n| n > 1);
    modifier || (repeated && !cue_within(cx, m.open, 8))
}

/// True when a cue ends within `n` words before the opening mark, in the same sentence.
pub(crate) fn cue_within(cx: &QuoteContext<'_>, open: Span, n: usize) -> bool {
    let sentence = cx.sentences.get(sentence_index(cx.sentences, open.start)).copied().unwrap_or(open);
    let start = sentence.start.min(open.start);
    // the nearest cue is the one to measure
    cues_in(cx.cues, sp(start, open.start))
        .iter()
        .rev()
        .find(|c| c.span.end <= open.start)
        .is_some_and(|c| words_at_most(&cx.text[c.span.end..open.start], n))
}

/// Kind of a marked quotation (see the module docs).
pub(crate) fn quote_kind(
    cx: &QuoteContext<'_>,
    m: &Marked,
    inner: Span,
    sentence: Span,
    para: Span,
    attributed: bool,
) -> QuoteKind {
    let text = cx.text;
    let before = text[para.start.max(sentence.start.min(m.open.start))..m.open.start].trim_end();
    let opens_clause = before.is_empty() || before.ends_with(['.', ':', ',', '!', '?', '—', '–', '(', '[', ';']);
    let quote = inner.text(text);
    if opens_clause || !words_at_most(quote, 9) {
        return QuoteKind::Direct;
    }
    if words_at_most(quote, 4) && !attributed && !cue_within(cx, m.open, 8) {
        return QuoteKind::Term;
    }
    QuoteKind::Partial
}
