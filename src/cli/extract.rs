//! `whosaid extract`: inputs in, tables out.

use std::path::PathBuf;

use clap::Args;
use whosaid::document::{self, Source};
use whosaid::output::{Format, TableSink};
use whosaid::{Error, ErrorKind, Extractor};

use super::{EXIT_OK, EXIT_SOME_FAILED, GazetteerArgs};

pub const EXAMPLES: &str = "Examples:\n  \
    whosaid extract examples/article.txt               # mentions as CSV on standard output\n  \
    whosaid extract --out-dir out/ corpus/             # out/mentions.csv, out/entities.csv, out/quotes.csv\n  \
    cat article.txt | whosaid extract --format jsonl -\n  \
    whosaid extract --gazetteers my-lists/ --out-dir out/ corpus/\n\n\
    Offsets are Unicode code points into the document text, end exclusive (Python's text[start:end]).\n\
    Exit status: 0 when every input was processed, 1 when some failed (the others are still written), 2 for\n\
    usage errors and unusable gazetteers.";

#[derive(Args)]
pub struct ExtractArgs {
    /// Text files, directories (searched recursively) or - for standard input. Default: standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    /// Write mentions, entities and quotes tables into DIR (created if needed). Without it, mention rows go
    /// to standard output.
    #[arg(long, short = 'o', value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Table format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Which files to read inside directories (matched against the path relative to the directory and
    /// against the file name).
    #[arg(long, default_value = "*.txt", value_name = "GLOB")]
    glob: String,
    /// Reject files that are not valid UTF-8 instead of replacing bad bytes.
    #[arg(long)]
    strict: bool,
    /// Print no warnings.
    #[arg(long, short = 'q')]
    quiet: bool,
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

pub fn run(args: ExtractArgs) -> whosaid::Result<i32> {
    let glob = globset::Glob::new(&args.glob)
        .map_err(|e| Error::new(ErrorKind::Input(format!("bad --glob {:?}: {e}", args.glob))))?
        .compile_matcher();
    let gazetteers = args.gazetteers.load()?;
    let extractor = Extractor::new(gazetteers)?;
    let inputs = if args.inputs.is_empty() { vec!["-".to_owned()] } else { args.inputs.clone() };
    let (sources, missing) = document::expand_inputs(&inputs, &glob);
    let mut failures = missing.len();
    for e in &missing {
        eprintln!("whosaid: error: {e}");
    }
    if sources.is_empty() && missing.is_empty() && !args.quiet {
        eprintln!("whosaid: warning: no input file matched {:?}", args.glob);
    }
    let mut sink = match &args.out_dir {
        Some(dir) => TableSink::to_dir(dir, args.format)?,
        None => TableSink::mentions_to(Box::new(std::io::stdout()), args.format)?,
    };
    for source in sources {
        let read = match &source {
            Source::Stdin => document::read_stdin(args.strict),
            Source::File { path, id } => document::read_file(path, id.clone(), args.strict),
        };
        let (doc, warning) = match read {
            Ok(read) => read,
            Err(e) => {
                eprintln!("whosaid: error: {e}");
                failures += 1;
                continue;
            }
        };
        if let (Some(w), false) = (warning, args.quiet) {
            eprintln!("whosaid: warning: {}: {}", w.file.display(), w.message);
        }
        let x = extractor.extract(&doc);
        sink.write(&extractor, &doc, &x)?;
    }
    sink.finish(&extractor)?;
    Ok(if failures > 0 { EXIT_SOME_FAILED } else { EXIT_OK })
}
