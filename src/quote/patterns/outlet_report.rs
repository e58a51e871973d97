//! `Hasanov said the “…,” reported the state news agency Azertac`: the outlet reported, the subject of the cue
//! before the quotation spoke.

use crate::quote::context::QuoteContext;
use crate::quote::speaker::Found;

use super::QuoteSite;
use super::before_quote::before_quote;

/// A quotation “reported” by an outlet after it is said by the speaker named before it.
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    let after = q.after(cx)?;
    let reported = after.cue.is_some_and(|c| cx.text[c.start..c.end].starts_with("report"));
    if !reported {
        return None;
    }
    before_quote(cx, q.marked.open, q.sentence, q.para)
}
