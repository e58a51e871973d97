//! `whosaid eval`: score quotation extraction against gold annotations.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use whosaid::Extractor;
use whosaid::eval::{predict_quotes, quotes};

use super::{EXIT_OK, GazetteerArgs};

pub const EXAMPLES: &str = "Examples:\n  \
    whosaid eval --gold ../shared/corpus/polnear/dev\n  \
    whosaid eval --gold ../shared/corpus/polnear/dev --json > dev.json\n\n\
    The gold folder holds text/X.txt and attributions/X_*.ann (brat standoff: Source, Cue, Content spans).\n\
    Gold direct quotes are the double-quoted spans lying at least half inside an attribution's Content; the\n\
    innermost attribution gives the speaker. Rows of kind direct and partial are scored.";

#[derive(Args)]
pub struct EvalArgs {
    /// Folder with text/ and attributions/ (PolNeAR layout).
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// Print the numbers as JSON (the reference scorer's keys) instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

pub fn run(args: EvalArgs) -> whosaid::Result<i32> {
    let extractor = Extractor::new(args.gazetteers.load()?)?;
    let gold = quotes::load_gold(&args.gold)?;
    let predictions = predict_quotes(&extractor, &gold);
    let report = quotes::score_quotes(&gold, &predictions);
    let mut out = std::io::stdout().lock();
    if args.json {
        let json = serde_json::to_string_pretty(&report)
            .map_err(|e| whosaid::Error::new(whosaid::ErrorKind::Eval(e.to_string())))?;
        writeln!(out, "{json}")?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(EXIT_OK)
}
