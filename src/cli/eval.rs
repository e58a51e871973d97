//! `whosaid eval`: score quotation extraction or entity mentions against gold annotations.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;
use whosaid::Extractor;
use whosaid::eval::{conll, predict_quotes, quotes};

use super::{GazetteerArgs, Outcome, messages, print};

pub const EXAMPLES: &str = "Examples:\n  \
    whosaid eval --gold ../shared/corpus/polnear/dev\n  \
    whosaid eval --gold ../shared/corpus/polnear/dev --json > dev.json\n  \
    whosaid eval --conll ../shared/corpus/conll2003/eng.testa\n\n\
    The gold folder holds text/X.txt and attributions/X_*.ann (brat standoff: Source, Cue, Content spans).\n\
    Gold direct quotes are the double-quoted spans lying at least half inside an attribution's Content; the\n\
    innermost attribution gives the speaker. Rows of kind direct and partial are scored.\n\n\
    --conll reads one token per line, the NER tag in the last column (IOB1 or BIO), -DOCSTART- between\n\
    documents. Documents are rebuilt from the tokens (spaces between tokens, one sentence per line) and\n\
    mentions must match gold entities exactly, scored as PERSON->PER, COUNTRY and LOCATION->LOC,\n\
    ORGANIZATION->ORG, DEMONYM->MISC.\n\n\
    eval exits 1 when an article could not be extracted (it is scored as empty), 2 when the\n\
    gold data is unusable. The corpora are not in the repository: ../shared is this project's\n\
    data folder beside the clone; give the path of your own copy of PolNeAR or CoNLL-2003.";

#[derive(Args)]
#[group(id = "gold_data", required = true, multiple = false, args = ["gold", "conll"])]
pub struct EvalArgs {
    /// Score quotations: folder with text/ and attributions/ (PolNeAR layout).
    #[arg(long, value_name = "DIR")]
    gold: Option<PathBuf>,
    /// Score entity mentions: a CoNLL-2003-style file (token per line, NER tag last).
    #[arg(long, value_name = "FILE")]
    conll: Option<PathBuf>,
    /// Print the numbers as JSON (the reference scorer's keys) instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

pub fn run(args: EvalArgs) -> whosaid::Result<Outcome> {
    let extractor = Extractor::new(args.gazetteers.load()?)?;
    if let Some(file) = &args.conll {
        let docs = conll::load(file)?;
        let report = conll::evaluate(&extractor, &docs);
        for id in &report.failed_documents {
            messages::error(format_args!("{id}: internal error while extracting (please report it); scored as empty"));
        }
        print_report(&report, args.json)?;
        return Ok(Outcome::with_failures(report.failed_documents.len()));
    }
    let gold = quotes::load_gold(args.gold.as_deref().expect("clap requires --gold or --conll"))?;
    let predictions = predict_quotes(&extractor, &gold);
    for stem in &predictions.failed_documents {
        messages::error(format_args!("{stem}: internal error while extracting (please report it); scored as empty"));
    }
    print_report(&quotes::score_quotes(&gold, &predictions.quotes), args.json)?;
    Ok(Outcome::with_failures(predictions.failed_documents.len()))
}

/// Prints a report as a table or as JSON.
fn print_report<R: Serialize + std::fmt::Display>(report: &R, json: bool) -> whosaid::Result<()> {
    if json {
        let json = serde_json::to_string_pretty(report).map_err(|e| whosaid::Error::internal(e.to_string()))?;
        print(format_args!("{json}\n"))
    } else {
        print(format_args!("{report}"))
    }
}
