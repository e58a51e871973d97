//! `whosaid gazetteer check`: report bad rows, duplicate ids, unknown country ids and ambiguous aliases.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Outcome, messages, print};
use whosaid::ErrorKind;

const CHECK_EXAMPLES: &str = "Examples:\n  whosaid gazetteer check                 # the embedded defaults\n  \
                            whosaid gazetteer check my-gazetteers/  # only the files in my-gazetteers/\n  \
                            whosaid gazetteer check --with-defaults my-gazetteers/\n\n\
                            gazetteer check exits 0 when no row is bad (ambiguities are only\n\
                            reported), 1 when a row is bad or a file cannot be read (each named).";

#[derive(Subcommand)]
pub enum GazetteerCommand {
    /// Check gazetteer files: bad rows (file:line:column), duplicate ids, country values that are no country id,
    /// aliases shared by two entities.
    #[command(after_help = super::after_help(CHECK_EXAMPLES))]
    Check {
        /// Directory (or single file) of *.tsv gazetteers; without it, the embedded defaults are checked.
        dir: Option<PathBuf>,
        /// Check DIR together with the embedded defaults (shows clashes with them).
        #[arg(long)]
        with_defaults: bool,
    },
}

pub fn run(cmd: GazetteerCommand) -> whosaid::Result<Outcome> {
    match cmd {
        GazetteerCommand::Check { dir, with_defaults } => {
            let args = super::GazetteerArgs {
                no_default_gazetteers: dir.is_some() && !with_defaults,
                dirs: dir.into_iter().collect(),
            };
            // the gazetteers are what is checked here: one that cannot be read is a failed input, not a reason
            // for the run not to start
            let g = match args.load() {
                Ok(g) => g,
                Err(e) if matches!(e.kind(), ErrorKind::Gazetteer(_)) => {
                    messages::error(e);
                    return Ok(Outcome::SomeFailed);
                }
                Err(e) => return Err(e),
            };
            let report = whosaid::gazetteer::check(&g);
            print(format_args!("{report}"))?;
            Ok(if report.has_errors() { Outcome::SomeFailed } else { Outcome::AllProcessed })
        }
    }
}
