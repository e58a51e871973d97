//! `whosaid gazetteer check`: report bad rows, duplicate ids and ambiguous aliases.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Outcome, print};

#[derive(Subcommand)]
pub enum GazetteerCommand {
    /// Check gazetteer files: bad rows (file:line:column), duplicate ids, aliases shared by two entities.
    #[command(after_help = "Examples:\n  whosaid gazetteer check                 # the embedded defaults\n  \
                            whosaid gazetteer check my-gazetteers/  # only the files in my-gazetteers/\n  \
                            whosaid gazetteer check --with-defaults my-gazetteers/\n\n\
                            Exit status: 0 when no row is bad (ambiguities are only reported), 1 otherwise.")]
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
            let g = args.load()?;
            let report = whosaid::gazetteer::check(&g);
            print(format_args!("{report}"))?;
            Ok(if report.has_errors() { Outcome::SomeFailed } else { Outcome::AllProcessed })
        }
    }
}
