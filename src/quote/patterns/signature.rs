//! A signature after the quotation: `“…” ― Krystal Correa`.

use crate::quote::context::QuoteContext;
use crate::quote::phrases::{sp, trim_span, words_at_most};
use crate::quote::speaker::{Found, found};
use crate::span::Span;

use super::QuoteSite;

/// A dash after the quotation and a name to the end of the line sign it.
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    signature(cx, q.close_end, q.para)
}

/// A signature after the quotation: `“…” ― Krystal Correa`, `“…” — Name`.
pub(crate) fn signature(cx: &QuoteContext<'_>, close_end: usize, para: Span) -> Option<Found> {
    let text = cx.text;
    let rest = text[close_end..para.end].trim_start();
    let dash = rest.chars().next().filter(|c| matches!(c, '―' | '—' | '–' | '-'))?;
    let name_start = para.end - rest.len() + dash.len_utf8();
    let name = trim_span(text, sp(name_start, para.end));
    let name_text = name.text(text);
    (name_text.starts_with(char::is_uppercase) && words_at_most(name_text, 6)).then(|| found(cx, name, None, 0.85))
}
