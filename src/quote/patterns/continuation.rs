//! A quotation with no cue of its own after one by the same speaker: in the same paragraph (“…,” he said.
//! “…”), or opening a paragraph after the paragraph of that quotation (multi-paragraph quotations).

use crate::quote::context::{QuoteContext, paragraph_of};
use crate::quote::speaker::Found;
use crate::span::Span;

use super::QuoteSite;

/// A quotation with no cue of its own continues the previous quotation's speaker.
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    continuation(cx, q.marked.open, q.para, q.last, q.previous_para_open_end)
}

/// The previous quotation's speaker, when it was in this paragraph or ended the previous one.
pub(crate) fn continuation(
    cx: &QuoteContext<'_>,
    open: Span,
    para: Span,
    last: Option<&(usize, Found)>,
    previous_para_open_end: Option<usize>,
) -> Option<Found> {
    let text = cx.text;
    let (last_para, f) = last?;
    let same_paragraph = *last_para == para.start;
    let opens_paragraph = text[para.start..open.start].trim().is_empty();
    let previous_paragraph = para.start > 0 && paragraph_of(cx, para.start - 1).start == *last_para;
    let previous_open = previous_para_open_end.is_some_and(|e| e + 1 >= para.start.saturating_sub(2));
    if same_paragraph || (opens_paragraph && (previous_paragraph || previous_open)) {
        return Some(Found { speaker: f.speaker, cue: None, confidence: 0.75 });
    }
    None
}
