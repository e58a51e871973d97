//! Evaluation against gold standards: quotations and speakers on PolNeAR-style brat annotations
//! ([`quotes`]), entity mentions on CoNLL-2003-style files ([`conll`]).

pub mod conll;
pub mod quotes;

use rayon::prelude::*;

use crate::document::Document;
use crate::output::rows::DocumentRows;
use crate::pipeline::Extractor;
use quotes::{Gold, PredictedQuote};

/// What the extractor found in the gold articles.
#[derive(Debug, Default)]
pub struct Predictions {
    /// Quotations of kind direct and partial (the kinds the reference scorer scores), with code-point offsets.
    pub quotes: Vec<PredictedQuote>,
    /// Articles whose extraction failed (an internal error), scored as if nothing was found.
    pub failed_documents: Vec<String>,
}

/// Runs the extractor on every gold article and returns its quotations of kind direct and partial.
pub fn predict_quotes(extractor: &Extractor, gold: &Gold) -> Predictions {
    let docs: Vec<(&String, &String)> = gold.texts.iter().collect();
    let per_doc: Vec<Option<Vec<PredictedQuote>>> = docs
        .par_iter()
        .map(|(stem, text)| {
            let doc = Document::new(stem.as_str(), text.as_str());
            let x = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(&doc))).ok()?;
            let rows = DocumentRows::new(extractor, &doc, &x);
            let quotes = rows.quotes().filter(|row| matches!(row.kind, "direct" | "partial"));
            Some(
                quotes
                    .map(|row| PredictedQuote {
                        doc: (*stem).clone(),
                        quote_start: row.quote_start,
                        quote_end: row.quote_end,
                        speaker: row.speaker.into_owned(),
                        speaker_start: row.speaker_start,
                        speaker_end: row.speaker_end,
                        cue: row.cue.to_owned(),
                    })
                    .collect(),
            )
        })
        .collect();
    let mut predictions = Predictions::default();
    for ((stem, _), quotes) in docs.into_iter().zip(per_doc) {
        match quotes {
            Some(quotes) => predictions.quotes.extend(quotes),
            None => predictions.failed_documents.push(stem.clone()),
        }
    }
    predictions
}
