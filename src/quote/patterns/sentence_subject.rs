//! A quotation inside a sentence with no cue: the sentence's subject said or wrote it.

use crate::quote::Method;
use crate::quote::context::QuoteContext;
use crate::quote::phrases::sentence_subject;
use crate::quote::speaker::{Found, found};
use crate::rules::Examples;
use crate::span::Span;

use super::{Pattern, QuoteSite, Stage};

/// A quotation in a sentence with no cue is the sentence subject's (He has coined a phrase, “…”).
pub(crate) struct SentenceSubject;

impl Pattern for SentenceSubject {
    fn name(&self) -> &'static str {
        "sentence-subject"
    }

    fn doc(&self) -> &'static str {
        "a quotation in a sentence with no cue is the sentence subject's (He has coined a phrase, “…”)"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Donald Trump has coined a new phrase, “undocumented Democrats,” for his rivals.", "Donald Trump"),
                ("She has a name for it, “the long goodbye,” and uses it often.", "She"),
            ],
            no_match: &["“The long goodbye” is a novel."],
        }
    }

    fn stage(&self) -> Stage {
        Stage::Fallback
    }

    fn on_quote(&self, cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
        subject_of_sentence_around(cx, q.marked.open, q.sentence, q.para)
    }
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
    let clause_start = text[start..open.start].rfind("; ").map_or(start, |i| start + i + 2);
    let subject = sentence_subject(cx, clause_start, open.start)?;
    Some(found(cx, subject, None, Method::Explicit, 0.5))
}
