//! A transcript line quoted whole: the speaker is the name in capitals before its colon.

use crate::quote::context::QuoteContext;
use crate::quote::phrases::sp;
use crate::quote::speaker::{Found, found};
use crate::span::Span;

use super::QuoteSite;

/// A quoted transcript line names its speaker in capitals before a colon.
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    transcript_speaker(cx, q.inner)
}

/// A transcript line quoted whole: `“WALLACE: Let’s start …”`: the speaker is the capitalised name.
pub(crate) fn transcript_speaker(cx: &QuoteContext<'_>, inner: Span) -> Option<Found> {
    let text = cx.text;
    let s = inner.text(text);
    let colon = s.char_indices().take(40).find(|&(_, c)| c == ':').map(|(i, _)| i)?;
    let name = &s[..colon];
    let is_caps_name = !name.is_empty()
        && name.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'')
        && name.chars().any(char::is_alphabetic);
    is_caps_name.then(|| found(cx, sp(inner.start, inner.start + colon), None, 0.85))
}
