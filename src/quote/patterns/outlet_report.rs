//! `Hasanov said the “…,” reported the state news agency Azertac`: the outlet reported, the subject of the cue
//! before the quotation spoke.

use crate::quote::context::QuoteContext;
use crate::quote::speaker::Found;
use crate::rules::Examples;

use super::before_quote::before_quote;
use super::{Pattern, QuoteSite, Stage};

/// A quotation “reported” by an outlet after it is said by the speaker named before it.
pub(crate) struct OutletReport;

impl Pattern for OutletReport {
    fn name(&self) -> &'static str {
        "outlet-report"
    }

    fn doc(&self) -> &'static str {
        "a quotation “reported” by an outlet after it is said by the speaker named before it"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                (
                    "Zakir Hasanov said the drills were “a provocation,” reported the state news agency Azertac.",
                    "Zakir Hasanov",
                ),
                (
                    "Maria Lindqvist told the council the plan was “a scandal,” reported the Daily Courier.",
                    "Maria Lindqvist",
                ),
            ],
            no_match: &["“The plan is a scandal,” reported the Daily Courier."],
        }
    }

    fn stage(&self) -> Stage {
        Stage::Quote
    }

    fn on_quote(&self, cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
        let after = q.after(cx)?;
        let reported = after.cue.is_some_and(|c| cx.text[c.start..c.end].starts_with("report"));
        if !reported {
            return None;
        }
        before_quote(cx, q.marked.open, q.sentence, q.para)
    }
}
