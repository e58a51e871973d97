//! Command-line arguments (clap) and dispatch to one module per subcommand.

mod docs;
mod eval;
mod extract;
mod gazetteer;
mod messages;
mod progress;
mod signals;
mod summary;
mod values;

use clap::{Args, Parser, Subcommand};
use whosaid::{Error, ErrorKind};

/// Exit status: every input processed.
pub const EXIT_OK: i32 = 0;
/// Exit status: some inputs failed (the rest were still written), or writing failed.
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: the command line or the gazetteers are unusable; nothing was processed.
pub const EXIT_USAGE: i32 = 2;

/// The exit-status policy, the same in README.md and at the end of every command's `--help`.
pub const EXIT_STATUS: &str = "Exit status (every command): 0 when every input was processed; 1 when some\n\
    input failed (each one named on standard error, the others still processed) or writing failed;\n\
    2 for usage errors (a bad option or value, a missing argument, --format xlsx without --out-dir)\n\
    and for gazetteers or gold data that every document needs and that are unusable: then nothing is\n\
    read. A closed pipe (| head) ends a run quietly with 0. Ctrl-C or SIGTERM ends it as the signal\n\
    does (130, 143), its unfinished output files removed.";

/// The version and the build of the embedded gazetteers (`--version`).
const LONG_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\n", env!("WHOSAID_GAZETTEERS"));

/// How a command that ran to its end went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    AllProcessed,
    /// Some inputs (files, records, documents, gazetteer rows) failed, each named on standard error; the others
    /// were processed.
    SomeFailed,
}

impl Outcome {
    /// `SomeFailed` when `failures` is not zero.
    pub fn with_failures(failures: usize) -> Outcome {
        if failures > 0 { Outcome::SomeFailed } else { Outcome::AllProcessed }
    }
}

/// The exit status of a command (README, "Exit status"): 0 when every input was processed; 1 when some failed
/// or the run was cut short by an input, by writing or by whosaid itself; 2 when nothing could start (a usage
/// error, unusable gazetteers or gold data). A closed pipe on output ends a run quietly: 0.
fn exit_code(outcome: &whosaid::Result<Outcome>) -> i32 {
    match outcome {
        Ok(Outcome::AllProcessed) => EXIT_OK,
        Ok(Outcome::SomeFailed) => EXIT_SOME_FAILED,
        Err(e) if e.is_broken_pipe() => EXIT_OK,
        Err(e) => match e.kind() {
            ErrorKind::Input(_) | ErrorKind::Output(_) | ErrorKind::Internal(_) => EXIT_SOME_FAILED,
            ErrorKind::Usage(_) | ErrorKind::Gazetteer(_) | ErrorKind::Eval(_) => EXIT_USAGE,
        },
    }
}

/// Standard output, for what a command prints; an error writing it is an output error.
fn print(text: std::fmt::Arguments<'_>) -> whosaid::Result<()> {
    use std::io::Write;
    std::io::stdout().lock().write_fmt(text).map_err(|e| Error::output_io("<stdout>", e))
}

/// The help text after a command's options: its examples, then the exit-status policy.
fn after_help(examples: &str) -> String {
    format!("{examples}\n\n{EXIT_STATUS}")
}

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    long_version = LONG_VERSION,
    about = "Who is mentioned and who said what in news text: spreadsheet-ready tables of officials, countries, \
             organizations, places and quotations.",
    after_help = after_help("Examples:\n  whosaid extract examples/article.txt\n  \
                  whosaid extract --out-dir out/ corpus/\n  whosaid gazetteer check my-gazetteers/\n  \
                  whosaid completions bash > ~/.local/share/bash-completion/completions/whosaid\n  \
                  whosaid man --out-dir ~/.local/share/man/man1")
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract mentions, entities and quotations from text files, directories or standard input.
    #[command(after_help = after_help(extract::EXAMPLES))]
    Extract(extract::ExtractArgs),
    /// Work with gazetteer files.
    #[command(subcommand)]
    Gazetteer(gazetteer::GazetteerCommand),
    /// Score quotations (brat standoff, PolNeAR layout) or entity mentions (CoNLL-2003) against gold data.
    #[command(after_help = after_help(eval::EXAMPLES))]
    Eval(eval::EvalArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) on standard output.
    #[command(after_help = after_help(docs::COMPLETION_EXAMPLES))]
    Completions(docs::CompletionArgs),
    /// Print the manual page (roff) of whosaid or of one command, or write them all into a directory.
    #[command(after_help = after_help(docs::MAN_EXAMPLES))]
    Man(docs::ManArgs),
}

/// Which gazetteers to load: the embedded defaults and/or the user's directories.
#[derive(Args, Clone, Debug)]
pub struct GazetteerArgs {
    /// Add the gazetteer files (*.tsv, recursively) of DIR to the defaults; may be repeated.
    #[arg(long = "gazetteers", value_name = "DIR")]
    pub dirs: Vec<std::path::PathBuf>,
    /// Do not load the embedded default gazetteers: only those given with --gazetteers.
    #[arg(long)]
    pub no_default_gazetteers: bool,
}

impl GazetteerArgs {
    /// Loads the gazetteers; errors (bad rows) are returned, naming each file and line.
    pub fn load(&self) -> whosaid::Result<whosaid::Gazetteers> {
        let mut g =
            if self.no_default_gazetteers { whosaid::Gazetteers::new() } else { whosaid::Gazetteers::embedded() };
        for dir in &self.dirs {
            if !dir.exists() {
                return Err(Error::new(ErrorKind::Gazetteer("no such file or directory".into())).in_file(dir));
            }
            if dir.is_file() {
                g.add_file(dir)?;
            } else {
                g.add_dir(dir)?;
            }
        }
        Ok(g)
    }
}

/// Parses the command line and runs; returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let outcome = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Gazetteer(cmd) => gazetteer::run(cmd),
        Command::Eval(args) => eval::run(args),
        Command::Completions(args) => docs::completions(args),
        Command::Man(args) => docs::man(args),
    };
    if let Err(e) = &outcome
        && !e.is_broken_pipe()
    {
        messages::error(e);
    }
    exit_code(&outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_what_failed() {
        let io = || std::io::Error::from(std::io::ErrorKind::StorageFull);
        for (outcome, code) in [
            (Ok(Outcome::AllProcessed), 0),
            (Ok(Outcome::SomeFailed), 1),
            (Err(Error::output_io("out/mentions.csv", io())), 1),
            (Err(Error::input_io("in.txt", io())), 1),
            (Err(Error::internal("a bug")), 1),
            (Err(Error::usage("bad --glob")), 2),
            (Err(Error::gazetteer("g.tsv", 2, "unknown type")), 2),
            (Err(Error::gazetteer_io("g.tsv", io())), 2),
            (Err(Error::eval("no .txt files")), 2),
            (Err(Error::output_io("<stdout>", std::io::Error::from(std::io::ErrorKind::BrokenPipe))), 0),
        ] {
            assert_eq!(exit_code(&outcome), code, "{outcome:?}");
        }
    }
}
