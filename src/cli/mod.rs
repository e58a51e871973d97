//! Command-line arguments (clap) and dispatch to one module per subcommand.

mod eval;
mod extract;
mod gazetteer;
mod summary;

use clap::{Args, Parser, Subcommand};

/// Exit status: every input processed.
pub const EXIT_OK: i32 = 0;
/// Exit status: some inputs failed (the rest were still written).
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: the command line or the gazetteers are unusable; nothing was processed.
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who is mentioned and who said what in news text: spreadsheet-ready tables of officials, countries, \
             organizations, places and quotations.",
    after_help = "Examples:\n  whosaid extract examples/article.txt\n  whosaid extract --out-dir out/ corpus/\n  \
                  whosaid gazetteer check my-gazetteers/"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract mentions, entities and quotations from text files, directories or standard input.
    #[command(after_help = extract::EXAMPLES)]
    Extract(extract::ExtractArgs),
    /// Work with gazetteer files.
    #[command(subcommand)]
    Gazetteer(gazetteer::GazetteerCommand),
    /// Score quotations (brat standoff, PolNeAR layout) or entity mentions (CoNLL-2003) against gold data.
    #[command(after_help = eval::EXAMPLES)]
    Eval(eval::EvalArgs),
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
    };
    match outcome {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => EXIT_OK,
        Err(e) => {
            eprintln!("whosaid: error: {e}");
            // unusable gazetteers or arguments: nothing was processed; a failure while writing: the run failed
            match e.kind() {
                whosaid::ErrorKind::Io(_) | whosaid::ErrorKind::Output(_) => EXIT_SOME_FAILED,
                _ => EXIT_USAGE,
            }
        }
    }
}
