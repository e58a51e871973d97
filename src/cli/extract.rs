//! `whosaid extract`: inputs in, tables out.
//!
//! Documents are read in order in batches by a reader thread; each batch is extracted and its rows encoded in
//! parallel (rayon) while the next one is read, then written in input order, so the output is the same row for
//! row whatever the number of threads, and memory holds two batches.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use rayon::prelude::*;
use whosaid::document::{self, EmptyDir, QuoteNumbers, Source};
use whosaid::input::{DocumentStream, Event, InputFormat, InputOptions};
use whosaid::output::{Csv, CsvSink, Format, HtmlSink, Jsonl, JsonlSink, RenderedRows, Sink, StreamTable, XlsxSink};
use whosaid::{Document, Error, Extraction, Extractor};

use super::progress::Progress;
use super::summary::Summary;
use super::values::{choice, delimiter, encoding, format_help, input_format_help, table_help};
use super::{GazetteerArgs, Outcome, messages, signals};

pub const EXAMPLES: &str = "Examples:\n  \
    whosaid extract examples/article.txt               # mentions as CSV on standard output\n  \
    whosaid extract --out-dir out/ corpus/             # out/mentions.csv, out/entities.csv, out/quotes.csv\n  \
    cat article.txt | whosaid extract --format jsonl -\n  \
    whosaid extract --input-format jsonl --format jsonl - < articles.jsonl   # a filter in a pipe\n  \
    whosaid extract --input-format jsonl --format jsonl --table quotes - < articles.jsonl   # who said what\n  \
    whosaid extract --gazetteers my-lists/ --out-dir out/ corpus/\n  \
    whosaid extract --encoding windows-1252 --delimiter ';' --out-dir out/ archive/\n\n\
    Offsets are Unicode code points into the document text, end exclusive (Python's text[start:end]).\n\
    quote_id (q1, q2, ...) is unique within a document: doc_id and quote_id name a quotation.";

/// Documents per batch, per thread: enough to keep every core busy, few enough to bound memory.
const DOCS_PER_THREAD: usize = 16;
/// Text bytes per batch at most (a batch also ends at a large document).
const BATCH_BYTES: usize = 64 << 20;

#[derive(Args)]
pub struct ExtractArgs {
    /// Text files, directories (searched recursively, symbolic links followed) or - for standard input.
    /// Default: standard input, when it is not a terminal.
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    /// Write mentions, entities and quotes tables into DIR (created if needed). Without it, mention rows go
    /// to standard output as documents finish.
    #[arg(long, short = 'o', value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Table format.
    #[arg(long, default_value = "csv", value_parser = choice(format_help))]
    format: Format,
    /// Without --out-dir: the table written to standard output, mention rows or quotation rows.
    #[arg(long, default_value = "mentions", value_parser = choice(table_help), conflicts_with = "out_dir")]
    table: StreamTable,
    /// Layout of the inputs: text (a file is a document), jsonl (one JSON object per line) or csv (one row per
    /// document, with a header).
    #[arg(long, default_value = "text", value_parser = choice(input_format_help))]
    input_format: InputFormat,
    /// JSONL field or CSV column with the document id (missing ids become FILE:LINE).
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// JSONL field or CSV column with the document text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// The documents' date: people's roles are the offices they held that day (column role_date). A JSONL or
    /// CSV record's own date field wins; without either, a dateline at the start of the text gives it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<whosaid::gazetteer::Date>,
    /// JSONL field or CSV column with the document's date (YYYY-MM-DD, or a timestamp that starts with it).
    #[arg(long, default_value = "date", value_name = "NAME")]
    date_field: String,
    /// Which files to read inside directories (matched against the path relative to the directory and
    /// against the file name). Default: *.txt, or *.jsonl / *.csv with --input-format.
    #[arg(long, value_name = "GLOB")]
    glob: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Write CSV cells exactly as extracted. By default a cell starting with = + - @ tab or carriage return
    /// gets a leading apostrophe so that spreadsheets do not run it as a formula (OWASP); JSONL is never changed.
    #[arg(long)]
    raw_cells: bool,
    /// Start CSV files with a UTF-8 byte order mark, so that Excel shows non-ASCII names right.
    #[arg(long)]
    excel: bool,
    /// The CSV field separator written: one character, such as ';' for spreadsheets in locales whose decimal
    /// separator is a comma, or 'tab'.
    #[arg(long, value_name = "CHAR", default_value = ",", value_parser = delimiter)]
    delimiter: u8,
    /// The encoding of the inputs (text, JSONL and CSV): utf-8, or windows-1252 for Latin-1 and Windows
    /// archives, or any WHATWG label (iso-8859-15, windows-1251, shift_jis, gb18030, utf-16le, ...). Latin-1
    /// (iso-8859-1, latin1) is read as windows-1252, which holds it.
    #[arg(long, value_name = "NAME", default_value = "utf-8", value_parser = encoding)]
    encoding: &'static encoding_rs::Encoding,
    /// Reject files that are not valid in their encoding (see --encoding) instead of replacing bad bytes.
    #[arg(long)]
    strict: bool,
    /// Print no warnings, progress or summary.
    #[arg(long, short = 'q')]
    quiet: bool,
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

/// `--date`: `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
fn parse_date(text: &str) -> Result<whosaid::gazetteer::Date, String> {
    whosaid::gazetteer::Date::parse(text).ok_or_else(|| format!("{text:?} is no date (expected YYYY-MM-DD)"))
}

/// Documents read for the next round of extraction, and how reading went.
struct NextBatch {
    docs: Vec<Document>,
    /// True when the inputs are exhausted.
    ended: bool,
    /// Warnings and inputs (or records) that failed to read, in order.
    problems: Vec<Event>,
    /// Bytes read from the inputs up to the end of this batch.
    read: u64,
}

/// Reads up to `batch_docs` documents or [`BATCH_BYTES`] of text.
fn read_batch(stream: &mut DocumentStream, batch_docs: usize) -> NextBatch {
    let mut batch = NextBatch { docs: Vec::with_capacity(batch_docs), ended: true, problems: Vec::new(), read: 0 };
    let mut bytes = 0;
    for event in stream.by_ref() {
        match event {
            Event::Document(doc) => {
                bytes += doc.text.len();
                batch.docs.push(doc);
                if batch.docs.len() >= batch_docs || bytes >= BATCH_BYTES {
                    batch.ended = false;
                    break;
                }
            }
            problem => batch.problems.push(problem),
        }
    }
    batch.read = stream.bytes_read();
    batch
}

/// The sink for the chosen format: files in the output directory, or one table on standard output.
fn open_sink(args: &ExtractArgs) -> whosaid::Result<Box<dyn Sink>> {
    let csv = Csv { neutralise: !args.raw_cells, bom: args.excel, delimiter: args.delimiter };
    let stdout = || Box::new(std::io::stdout());
    Ok(match (&args.out_dir, args.format) {
        (Some(dir), Format::Csv) => Box::new(CsvSink::to_dir(dir, csv)?),
        (Some(dir), Format::Jsonl) => Box::new(JsonlSink::to_dir(dir, Jsonl)?),
        (Some(dir), Format::Xlsx) => Box::new(XlsxSink::to_dir(dir)?),
        (Some(dir), Format::Html) => Box::new(HtmlSink::to_dir(dir)?),
        (None, Format::Csv) => Box::new(CsvSink::to_stream(stdout(), args.table, csv)?),
        (None, Format::Jsonl) => Box::new(JsonlSink::to_stream(stdout(), args.table, Jsonl)?),
        (None, Format::Xlsx | Format::Html) => return Err(Error::usage("--format xlsx and html need --out-dir")),
    })
}

/// What became of one document in a worker: its extraction and its rows encoded for the sink, or `None` when
/// extracting it panicked.
type Extracted = Option<(Extraction, whosaid::Result<RenderedRows>)>;

/// Hands one batch's documents to the sink in input order and counts them in the summary. A document whose
/// extraction panicked or whose rows failed to encode fails alone: the others are still written, and the
/// failures come back, one message each. An error writing the output ends the run.
fn write_batch(
    sink: &mut dyn Sink,
    extractor: &Extractor,
    batch: Vec<Document>,
    results: Vec<Extracted>,
    summary: &mut Summary,
) -> whosaid::Result<Vec<String>> {
    let mut failed = Vec::new();
    for (doc, result) in batch.into_iter().zip(results) {
        match result {
            None => failed.push(format!("{}: internal error while extracting (please report it)", doc.id)),
            Some((_, Err(e))) => failed.push(format!("{}: cannot write its rows: {e}", doc.id)),
            Some((x, Ok(rows))) => {
                summary.add(&doc, &x);
                sink.document(extractor, doc, x, rows)?;
            }
        }
    }
    Ok(failed)
}

/// The command line's mistakes that need no input read to be seen.
fn check_usage(args: &ExtractArgs) -> whosaid::Result<()> {
    if args.out_dir.is_none() && args.format.whole_run() {
        return Err(Error::usage("--format xlsx and html need --out-dir"));
    }
    if args.delimiter != b',' && args.format != Format::Csv {
        return Err(Error::usage("--delimiter applies to --format csv only"));
    }
    if args.inputs.is_empty() && std::io::stdin().is_terminal() {
        return Err(Error::usage(
            "no input: give files or folders (whosaid extract corpus/), or pipe text in (cat a.txt | whosaid \
             extract); - reads what you type, up to Ctrl-D",
        ));
    }
    Ok(())
}

/// The message for a folder in which no file matched: what it holds instead, and how to read that.
fn empty_dir_message(dir: &EmptyDir, glob: &str, format: InputFormat) -> String {
    let name = dir.path.display();
    if dir.files == 0 {
        return format!("{name}: no files in it");
    }
    let holds: Vec<String> = dir
        .extensions
        .iter()
        .take(4)
        .map(|(ext, n)| if ext.is_empty() { format!("{n} without extension") } else { format!("{n} .{ext}") })
        .collect();
    let has = |ext: &str| dir.extensions.iter().any(|(e, _)| e == ext);
    let hint = if format == InputFormat::Text && (has("jsonl") || has("ndjson")) {
        "for JSON Lines (one document per line) give --input-format jsonl".to_owned()
    } else if format == InputFormat::Text && has("csv") {
        "for CSV (one document per row) give --input-format csv".to_owned()
    } else {
        let ext = dir.extensions.iter().find(|(e, _)| !e.is_empty()).map_or("md", |(e, _)| e.as_str());
        format!("choose the files with --glob (such as --glob '*.{ext}')")
    };
    let files = if dir.files == 1 { "1 file".to_owned() } else { format!("{} files", dir.files) };
    format!("{name}: no file matched {glob:?} (it holds {files}: {}); {hint}", holds.join(", "))
}

/// The total size of the inputs in bytes, when they are all files.
fn total_size(sources: &[Source]) -> Option<u64> {
    sources
        .iter()
        .map(|s| match s {
            Source::File { path, .. } => std::fs::metadata(path).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum()
}

pub fn run(args: ExtractArgs) -> whosaid::Result<Outcome> {
    let started = Instant::now();
    check_usage(&args)?;
    let glob_text = args.glob.clone().unwrap_or_else(|| {
        match args.input_format {
            InputFormat::Text => "*.txt",
            InputFormat::Jsonl => "*.jsonl",
            InputFormat::Csv => "*.csv",
        }
        .to_owned()
    });
    let glob = globset::Glob::new(&glob_text)
        .map_err(|e| Error::usage(format!("bad --glob {glob_text:?}: {e}")))?
        .compile_matcher();
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::internal(format!("cannot start {threads} threads: {e}")))?;
    let gazetteers = args.gazetteers.load()?;
    let extractor = Extractor::new(gazetteers)?;
    signals::remove_unfinished_files_on_interrupt();
    let inputs = if args.inputs.is_empty() { vec!["-".to_owned()] } else { args.inputs.clone() };
    let expanded = document::expand_inputs(&inputs, &glob);
    let mut failures = expanded.errors.len() + expanded.empty_dirs.len();
    for e in &expanded.errors {
        messages::error(e);
    }
    for dir in &expanded.empty_dirs {
        messages::error(empty_dir_message(dir, &glob_text, args.input_format));
    }
    if !args.quiet {
        for w in &expanded.warnings {
            messages::warning(w);
        }
        for (shared, ids) in expanded.renamed.iter().take(5) {
            let ids: Vec<String> = ids.iter().map(|id| format!("{id:?}")).collect();
            messages::note(format_args!(
                "inputs would share the doc_id {shared:?}: told apart by their folders, as {}",
                ids.join(", ")
            ));
        }
        if expanded.renamed.len() > 5 {
            messages::note(format_args!("and {} more shared doc_ids told apart so", expanded.renamed.len() - 5));
        }
        if expanded.sources.contains(&Source::Stdin) && std::io::stdin().is_terminal() {
            messages::note("reading standard input from the terminal: end it with Ctrl-D");
        }
    }
    let sources = expanded.sources;
    let options = InputOptions {
        format: args.input_format,
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        date_field: args.date_field.clone(),
        date: args.date,
        strict: args.strict,
        encoding: args.encoding,
        ..InputOptions::default()
    };
    let streaming = args.out_dir.is_none();
    let mut sink = open_sink(&args)?;
    // a progress line on the terminal, unless the rows themselves go there
    let show_progress =
        !args.quiet && std::io::stderr().is_terminal() && !(streaming && std::io::stdout().is_terminal());
    let progress = Progress::new(show_progress, total_size(&sources));
    let mut summary = Summary::default();
    let mut stream = DocumentStream::new(sources, options);
    let batch_docs = threads * DOCS_PER_THREAD;
    // a reader thread fills the next batch while the workers extract the current one, which is written as soon
    // as it is done; the hand-over is a rendezvous, so at most two batches are in memory
    let (hand_over, batches) = std::sync::mpsc::sync_channel::<NextBatch>(0);
    let reader = std::thread::spawn(move || {
        loop {
            let batch = read_batch(&mut stream, batch_docs);
            let ended = batch.ended;
            if hand_over.send(batch).is_err() || ended {
                break;
            }
        }
    });
    let renderer = sink.renderer();
    let mut quote_numbers = QuoteNumbers::default();
    for NextBatch { docs: batch, ended, problems, read } in batches {
        for problem in problems {
            match problem {
                Event::Warning(w) if !args.quiet => progress.suspend(|| messages::warning(w)),
                Event::Warning(_) => {}
                Event::Failed(e) => {
                    progress.suspend(|| messages::error(e));
                    failures += 1;
                }
                Event::Document(_) => {}
            }
        }
        // the workers extract, then encode the rows; this thread writes them in input order. A bug must not cost
        // the other documents: a panic fails its document only
        let unwinding = |f: &dyn Fn() -> Extraction| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
        let extractions: Vec<Option<Extraction>> =
            pool.install(|| batch.par_iter().map(|doc| unwinding(&|| extractor.extract(doc))).collect());
        // in between, in input order: a large file's parts number their quotations on from the part before
        let mut batch = batch;
        for (doc, x) in batch.iter_mut().zip(&extractions) {
            quote_numbers.number(doc, x.as_ref().map_or(0, |x| x.quotes.len()));
        }
        let results: Vec<Extracted> = pool.install(|| {
            batch
                .par_iter()
                .zip(extractions)
                .map(|(doc, x)| {
                    let x = x?;
                    let rendered =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| renderer.render(&extractor, doc, &x)))
                            .ok()?;
                    Some((x, rendered))
                })
                .collect()
        });
        for message in write_batch(sink.as_mut(), &extractor, batch, results, &mut summary)? {
            progress.suspend(|| messages::error(message));
            failures += 1;
        }
        if streaming {
            sink.flush()?;
        }
        progress.update(read, summary.documents);
        if ended {
            break;
        }
    }
    if reader.join().is_err() {
        return Err(Error::internal("internal error while reading the inputs (please report it)"));
    }
    let report = sink.finish(&extractor)?;
    progress.finish();
    for warning in &report.warnings {
        messages::warning(warning);
    }
    if !args.quiet {
        summary.print(started.elapsed(), failures);
    }
    Ok(Outcome::with_failures(failures))
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use whosaid::Gazetteers;

    use super::*;

    /// Standard output stand-in: what the sink writes, readable by the test.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_document_that_fails_fails_alone() {
        let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
        let out = Captured::default();
        let mut sink: Box<dyn Sink> =
            Box::new(CsvSink::to_stream(Box::new(out.clone()), StreamTable::Mentions, Csv::default()).unwrap());
        let renderer = sink.renderer();
        let batch: Vec<Document> =
            [("a", "Talks in Tehran."), ("b", "Talks in Baku."), ("c", "Talks in Ankara."), ("d", "Talks in Athens.")]
                .into_iter()
                .map(|(id, text)| Document::new(id, text))
                .collect();
        // what the workers hand over: b's rows failed to encode (an error forced here, where the renderer's
        // result enters), c's extraction panicked
        let results: Vec<Extracted> = batch
            .iter()
            .map(|doc| match doc.id.as_str() {
                "b" => Some((extractor.extract(doc), Err(Error::output("forced for the test")))),
                "c" => None,
                _ => {
                    let x = extractor.extract(doc);
                    let rows = renderer.render(&extractor, doc, &x);
                    Some((x, rows))
                }
            })
            .collect();
        let failed = write_batch(sink.as_mut(), &extractor, batch, results, &mut Summary::default()).unwrap();
        sink.finish(&extractor).unwrap();
        assert_eq!(
            failed,
            ["b: cannot write its rows: forced for the test", "c: internal error while extracting (please report it)"]
        );
        let written = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        let docs: Vec<&str> = written.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
        assert_eq!(docs, ["a", "d"], "{written}");
    }
}
