//! Streams of documents from the inputs of a run: text files (whole, or in parts when very large), JSON Lines
//! and CSV files with one document per line or row, and standard input in any of these formats.
//!
//! Reading is lazy: a stream holds one file's reader at a time, so memory is bounded by the documents in
//! flight, not by the corpus. Problems are events in the stream (a warning, a failed input), so one bad file
//! or line never stops the others.
//!
//! Inputs are UTF-8 unless told otherwise ([`InputOptions::encoding`]): a file in another encoding (Latin-1,
//! Windows-1252, ...) is decoded to UTF-8 as it is read, so every layout and every offset sees the same text.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::choice::Choice;
use crate::document::{Document, Source, decode, decode_utf8};
use crate::error::{Error, ErrorKind};
use crate::gazetteer::Date;

/// How input files are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Each file is one document.
    Text,
    /// One JSON object per line, with an id and a text field.
    Jsonl,
    /// CSV with a header row, an id column and a text column.
    Csv,
}

impl Choice for InputFormat {
    const ALL: &'static [InputFormat] = &[InputFormat::Text, InputFormat::Jsonl, InputFormat::Csv];

    fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Csv => "csv",
        }
    }
}

/// Options of a document stream.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Layout of the inputs.
    pub format: InputFormat,
    /// Field (JSONL) or column (CSV) holding the document id; missing ids become `FILE:LINE`.
    pub id_field: String,
    /// Field or column holding the text.
    pub text_field: String,
    /// Field or column holding the document's date (`YYYY-MM-DD`, or a timestamp that starts with it).
    pub date_field: String,
    /// The date of the documents whose input gives none (`--date`): text files, and records without a date.
    pub date: Option<Date>,
    /// Reject invalid UTF-8 instead of replacing it.
    pub strict: bool,
    /// Text files larger than this many bytes are processed in parts of about this size, cut at line ends;
    /// offsets stay those of the whole file.
    pub part_bytes: usize,
    /// The encoding of the inputs. UTF-8 (the default) is read as it is, invalid bytes replaced with a warning
    /// or, with `strict`, rejected; any other encoding is decoded to UTF-8 as the file is read.
    pub encoding: &'static encoding_rs::Encoding,
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            format: InputFormat::Text,
            id_field: "id".into(),
            text_field: "text".into(),
            date_field: "date".into(),
            date: None,
            strict: false,
            part_bytes: 16 << 20,
            encoding: encoding_rs::UTF_8,
        }
    }
}

/// What a stream yields.
#[derive(Debug)]
pub enum Event {
    /// A document (or a part of a large one) to process.
    Document(Document),
    /// Something the user should know; the input was still read.
    Warning(String),
    /// An input, or a line or row of one, that could not be read.
    Failed(Error),
}

/// Documents from a list of sources, read one source at a time.
pub struct DocumentStream {
    sources: VecDeque<Source>,
    current: Option<Box<dyn Iterator<Item = Event> + Send>>,
    options: InputOptions,
    /// Bytes read from the inputs so far (before decoding).
    read: Arc<AtomicU64>,
    /// Set by the decoder of the current source when it replaced bytes that its encoding does not define.
    replaced: Arc<AtomicBool>,
    /// The current source's name, for the warnings given when it ends.
    name: PathBuf,
    /// An event held back while a warning about its input is given.
    pending: Option<Event>,
    /// True once a text input that looked like JSON Lines or CSV was pointed out (it is said once a run).
    hinted: bool,
}

impl DocumentStream {
    /// A stream over `sources`, in order.
    pub fn new(sources: Vec<Source>, options: InputOptions) -> DocumentStream {
        DocumentStream {
            sources: sources.into(),
            current: None,
            options,
            read: Arc::default(),
            replaced: Arc::default(),
            name: PathBuf::new(),
            pending: None,
            hinted: false,
        }
    }

    /// Bytes read from the inputs so far, as they are on disk (before decoding): a run's progress.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    fn open(&self, source: Source) -> Box<dyn Iterator<Item = Event> + Send> {
        let (name, id): (PathBuf, String) = match &source {
            Source::Stdin => (PathBuf::from("<stdin>"), "-".to_owned()),
            Source::File { path, id } => (path.clone(), id.clone()),
        };
        // a buffer no larger than the file: std zeroes a reader's whole buffer before its first read, which
        // for 64 KB cost more than reading a typical 5 KB article
        let mut capacity = 1 << 16;
        let reader: Box<dyn Read + Send> = match &source {
            Source::Stdin => Box::new(std::io::stdin()),
            Source::File { path, .. } => match File::open(path) {
                Ok(f) => {
                    if let Ok(meta) = f.metadata() {
                        capacity = usize::try_from(meta.len() + 1).map_or(capacity, |len| len.clamp(4096, capacity));
                    }
                    Box::new(f)
                }
                Err(e) => return Box::new(std::iter::once(Event::Failed(Error::input_io(path, e)))),
            },
        };
        let mut reader: Box<dyn Read + Send> = Box::new(Counted { inner: reader, read: self.read.clone() });
        let o = self.options.clone();
        if o.encoding != encoding_rs::UTF_8 {
            reader = Box::new(Decoding::new(reader, o.encoding, o.strict, self.replaced.clone()));
        }
        let reader = BufReader::with_capacity(capacity, reader);
        match o.format {
            InputFormat::Text => Box::new(TextParts::new(reader, name, id, o)),
            InputFormat::Jsonl => Box::new(JsonLines {
                lines: reader,
                name,
                line: 0,
                options: o,
                buf: Vec::new(),
                told: false,
                missing: Vec::new(),
                pending: None,
            }),
            InputFormat::Csv => csv_documents(reader, name, o),
        }
    }

    /// A warning, given once a run, for a text input that looks like JSON Lines or CSV.
    fn records_read_as_text(&mut self, doc: &Document) -> Option<String> {
        if self.hinted || self.options.format != InputFormat::Text || doc.char_offset > 0 {
            return None;
        }
        let looks_like = looks_like_records(&self.name, &doc.text)?;
        self.hinted = true;
        let (layout, flag) = match looks_like {
            InputFormat::Jsonl => ("JSON Lines", "jsonl"),
            _ => ("CSV", "csv"),
        };
        Some(format!(
            "{}: looks like {layout} but is read as text, one document; to read one document per {}, give \
             --input-format {flag} (--text-field and --id-field name the {})",
            self.name.display(),
            if flag == "csv" { "row" } else { "line" },
            if flag == "csv" { "columns" } else { "fields" },
        ))
    }
}

/// The layout a text input seems to have instead, from its name (`.jsonl`, `.ndjson`, `.csv`) or its first
/// line (a JSON object).
fn looks_like_records(name: &Path, text: &str) -> Option<InputFormat> {
    let ext = name.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "jsonl" | "ndjson" | "json" => return Some(InputFormat::Jsonl),
        "csv" => return Some(InputFormat::Csv),
        _ => {}
    }
    let first = text.lines().find(|l| !l.trim().is_empty())?.trim();
    let object =
        first.starts_with('{') && serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.is_object());
    object.then_some(InputFormat::Jsonl)
}

impl Iterator for DocumentStream {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(event) = self.pending.take() {
            return Some(event);
        }
        loop {
            if let Some(current) = &mut self.current {
                if let Some(event) = current.next() {
                    if let Event::Document(doc) = &event
                        && let Some(hint) = self.records_read_as_text(doc)
                    {
                        self.pending = Some(event);
                        return Some(Event::Warning(hint));
                    }
                    return Some(event);
                }
                self.current = None;
                if self.replaced.swap(false, Ordering::Relaxed) {
                    let encoding = self.options.encoding.name();
                    return Some(Event::Warning(format!(
                        "{}: bytes that are not {encoding} were replaced by U+FFFD",
                        self.name.display()
                    )));
                }
            }
            let source = self.sources.pop_front()?;
            self.name = display_name(&source).to_owned();
            self.current = Some(self.open(source));
        }
    }
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A reader of text in `encoding` that gives it as UTF-8 (encoding_rs). A byte order mark names the encoding
/// and is removed. Bytes the encoding does not define become U+FFFD and set `replaced`, or with `strict` fail
/// the read.
struct Decoding<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    strict: bool,
    replaced: Arc<AtomicBool>,
    /// Bytes read, not yet decoded.
    input: Vec<u8>,
    /// Decoded bytes not yet handed out: `output[given..]`.
    output: Vec<u8>,
    given: usize,
    ended: bool,
}

impl<R: Read> Decoding<R> {
    fn new(inner: R, encoding: &'static encoding_rs::Encoding, strict: bool, replaced: Arc<AtomicBool>) -> Self {
        Decoding {
            inner,
            decoder: encoding.new_decoder(),
            strict,
            replaced,
            input: Vec::with_capacity(1 << 16),
            output: Vec::new(),
            given: 0,
            ended: false,
        }
    }

    /// Decodes the next block of input into `output`; false at the end.
    fn fill(&mut self) -> std::io::Result<bool> {
        while self.given == self.output.len() {
            if self.ended {
                return Ok(false);
            }
            self.input.resize(1 << 16, 0);
            let n = self.inner.read(&mut self.input)?;
            self.input.truncate(n);
            self.ended = n == 0;
            self.output.clear();
            self.given = 0;
            let room = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.output.resize(room, 0);
            let (_, read, written, replaced) = self.decoder.decode_to_utf8(&self.input, &mut self.output, self.ended);
            debug_assert_eq!(read, n, "the output has room for the whole input");
            self.output.truncate(written);
            if replaced {
                if self.strict {
                    let encoding = self.decoder.encoding().name();
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("bytes that are not {encoding} (--strict)"),
                    ));
                }
                self.replaced.store(true, Ordering::Relaxed);
            }
        }
        Ok(true)
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.fill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.output.len() - self.given);
        buf[..n].copy_from_slice(&self.output[self.given..self.given + n]);
        self.given += n;
        Ok(n)
    }
}

/// A text file as one document, or as parts of about `part_bytes` cut after a line break.
struct TextParts<R> {
    reader: R,
    name: PathBuf,
    id: String,
    options: InputOptions,
    bytes_before: usize,
    chars_before: usize,
    first: bool,
    done: bool,
    /// A document held back while its warning is reported.
    pending: Option<Document>,
}

impl<R: BufRead> TextParts<R> {
    fn new(reader: R, name: PathBuf, id: String, options: InputOptions) -> TextParts<R> {
        TextParts {
            reader,
            name,
            id,
            options,
            bytes_before: 0,
            chars_before: 0,
            first: true,
            done: false,
            pending: None,
        }
    }

    /// Reads up to about `part_bytes`, then on to the next line break.
    fn read_part(&mut self) -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        (&mut self.reader).take(self.options.part_bytes as u64).read_to_end(&mut buf)?;
        if buf.len() == self.options.part_bytes {
            self.reader.read_until(b'\n', &mut buf)?;
        } else {
            self.done = true;
        }
        Ok(buf)
    }
}

impl<R: BufRead> Iterator for TextParts<R> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(doc) = self.pending.take() {
            return Some(Event::Document(doc));
        }
        if self.done {
            return None;
        }
        let bytes = match self.read_part() {
            Ok(b) => b,
            Err(e) => {
                self.done = true;
                return Some(Event::Failed(Error::input_io(&self.name, e)));
            }
        };
        let first = std::mem::replace(&mut self.first, false);
        if bytes.is_empty() && !first {
            return None;
        }
        let byte_base = self.bytes_before;
        self.bytes_before += bytes.len();
        let decoded = if first {
            decode(&self.name, bytes, self.options.strict)
        } else {
            decode_utf8(&self.name, bytes, self.options.strict, byte_base)
        };
        match decoded {
            Ok((text, warning)) => {
                let mut doc = Document::new(self.id.clone(), text).with_date(self.options.date);
                doc.char_offset = self.chars_before;
                self.chars_before += doc.text.chars().count();
                match warning {
                    Some(w) => {
                        self.pending = Some(doc);
                        Some(Event::Warning(format!("{}: {}", w.file.display(), w.message)))
                    }
                    None => Some(Event::Document(doc)),
                }
            }
            Err(e) => {
                self.done = true;
                Some(Event::Failed(e))
            }
        }
    }
}

/// One JSON object per line.
struct JsonLines<R> {
    lines: R,
    name: PathBuf,
    line: usize,
    options: InputOptions,
    buf: Vec<u8>,
    /// A document held back while the warning about its date is reported.
    pending: Option<Document>,
    /// True once a line without the text field was told, with the fields it has.
    told: bool,
    /// The later lines without a text field, told at the end of the file in one message.
    missing: Vec<usize>,
}

impl<R: BufRead> JsonLines<R> {
    fn fail(&self, line: usize, message: String) -> Event {
        Event::Failed(Error::new(ErrorKind::Input(message)).in_file(&self.name).at_line(line))
    }

    /// Why `value` gives no text: the fields it has, and the one to choose.
    fn no_text(&self, value: &serde_json::Value) -> String {
        let field = &self.options.text_field;
        let Some(object) = value.as_object() else {
            return "not a JSON object".to_owned();
        };
        if let Some(other) = object.get(field) {
            let what = match other {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Array(_) => "an array",
                _ => "an object",
            };
            return format!("field {field:?} is {what}, not a string");
        }
        let fields: Vec<&str> = object.keys().map(String::as_str).collect();
        // the longest string is most likely the text
        let likely = object
            .iter()
            .filter(|(k, _)| **k != self.options.id_field)
            .filter_map(|(k, v)| Some((k, v.as_str()?.len())))
            .max_by_key(|&(_, len)| len)
            .map(|(k, _)| k.as_str());
        let suggestion = match likely {
            Some(k) => format!("; give --text-field {k}"),
            None => "; name the text's field with --text-field".to_owned(),
        };
        format!("no string field {field:?} (its fields: {}){suggestion}", fields.join(", "))
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(doc) = self.pending.take() {
            return Some(Event::Document(doc));
        }
        loop {
            self.buf.clear();
            match self.lines.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    let missing = std::mem::take(&mut self.missing);
                    let (first, last) = (*missing.first()?, *missing.last()?);
                    let field = &self.options.text_field;
                    let message = match missing.len() {
                        1 => format!("no string field {field:?} either"),
                        n => format!("and {n} more lines, up to line {last}: no string field {field:?} either"),
                    };
                    return Some(self.fail(first, message));
                }
                Ok(_) => {}
                Err(e) => return Some(Event::Failed(Error::input_io(&self.name, e).at_line(self.line + 1))),
            }
            self.line += 1;
            let line = self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let value: serde_json::Value = match serde_json::from_slice(line) {
                Ok(v) => v,
                Err(e) => return Some(self.fail(self.line, format!("not JSON: {e}"))),
            };
            let Some(text) = value.get(&self.options.text_field).and_then(|t| t.as_str()) else {
                // the first such line says what the lines hold; the others are counted, told at the end
                if !self.told {
                    self.told = true;
                    return Some(self.fail(self.line, self.no_text(&value)));
                }
                self.missing.push(self.line);
                continue;
            };
            let id = match value.get(&self.options.id_field) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => format!("{}:{}", self.name.display(), self.line),
            };
            let doc = Document::new(id, text);
            let date = match value.get(&self.options.date_field) {
                None | Some(serde_json::Value::Null) => Ok(self.options.date),
                Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(self.options.date),
                Some(serde_json::Value::String(s)) => Date::parse_document_date(s).map(Some).ok_or_else(|| s.clone()),
                Some(other) => Err(other.to_string()),
            };
            return Some(match date {
                Ok(date) => Event::Document(doc.with_date(date)),
                Err(bad) => {
                    self.pending = Some(doc.with_date(self.options.date));
                    Event::Warning(bad_date(&self.name, self.line, &self.options.date_field, &bad))
                }
            });
        }
    }
}

/// CSV rows with a header: one document per row.
fn csv_documents<R: Read + Send + 'static>(
    reader: R,
    name: PathBuf,
    options: InputOptions,
) -> Box<dyn Iterator<Item = Event> + Send> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = match csv.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Box::new(std::iter::once(Event::Failed(
                Error::new(ErrorKind::Input(e.to_string())).in_file(&name),
            )));
        }
    };
    let column = |field: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}') == field);
    let Some(text_col) = column(&options.text_field) else {
        let columns: Vec<&str> = headers.iter().map(|h| h.trim_start_matches('\u{feff}')).collect();
        let message = format!(
            "no column {:?} in the header (its columns: {}); name the text's column with --text-field",
            options.text_field,
            columns.join(", ")
        );
        return Box::new(std::iter::once(Event::Failed(
            Error::new(ErrorKind::Input(message)).in_file(&name).at_line(1),
        )));
    };
    let id_col = column(&options.id_field);
    let date_col = column(&options.date_field);
    Box::new(csv.into_records().flat_map(move |rec| {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                let failed = Event::Failed(Error::new(ErrorKind::Input(e.to_string())).in_file(&name).at_line(line));
                return vec![failed];
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let id = id_col
            .and_then(|i| rec.get(i))
            .filter(|s| !s.is_empty())
            .map_or_else(|| format!("{}:{line}", name.display()), str::to_owned);
        let doc = Document::new(id, rec.get(text_col).unwrap_or(""));
        match date_col.and_then(|i| rec.get(i)).map(str::trim).filter(|d| !d.is_empty()) {
            None => vec![Event::Document(doc.with_date(options.date))],
            Some(text) => match Date::parse_document_date(text) {
                Some(date) => vec![Event::Document(doc.with_date(Some(date)))],
                None => vec![
                    Event::Warning(bad_date(&name, line, &options.date_field, text)),
                    Event::Document(doc.with_date(options.date)),
                ],
            },
        }
    }))
}

/// The warning about a date field that is no date (the document is still read, with `--date` or without a date).
fn bad_date(file: &Path, line: usize, field: &str, value: &str) -> String {
    format!("{}:{line}: {field} {value:?} is no date (YYYY-MM-DD): ignored", file.display())
}

/// Name of an input for messages.
pub fn display_name(source: &Source) -> &Path {
    match source {
        Source::Stdin => Path::new("<stdin>"),
        Source::File { path, .. } => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(path: &Path, options: InputOptions) -> Vec<Event> {
        let source = Source::File { path: path.to_owned(), id: "doc".into() };
        DocumentStream::new(vec![source], options).collect()
    }

    #[test]
    fn large_text_files_come_in_parts_with_their_offsets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "Azerbaijan’s line one.\nTehran line two.\nBaku line three.\n").unwrap();
        let options = InputOptions { part_bytes: 10, ..InputOptions::default() };
        let docs: Vec<Document> = events(&path, options)
            .into_iter()
            .map(|e| match e {
                Event::Document(d) => d,
                other => panic!("{other:?}"),
            })
            .collect();
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["Azerbaijan’s line one.\n", "Tehran line two.\n", "Baku line three.\n"]);
        let offsets: Vec<usize> = docs.iter().map(|d| d.char_offset).collect();
        assert_eq!(offsets, [0, 23, 40]);
        assert!(docs.iter().all(|d| d.id == "doc"));
    }

    #[test]
    fn jsonl_lines_become_documents_and_bad_lines_fail_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"Iran\"}\n\nnot json\n{\"id\": 7, \"text\": \"Baku\"}\n{\"text\": 3}\n",
        )
        .unwrap();
        let got: Vec<String> = events(&path, InputOptions { format: InputFormat::Jsonl, ..InputOptions::default() })
            .into_iter()
            .map(|e| match e {
                Event::Document(d) => format!("{}={}", d.id, d.text),
                Event::Failed(e) => e.to_string().replace(&*path.to_string_lossy(), "F"),
                Event::Warning(w) => w,
            })
            .collect();
        assert_eq!(got[0], "a=Iran");
        assert!(got[1].starts_with("F:3: not JSON"), "{}", got[1]);
        assert_eq!(got[2], "7=Baku");
        assert_eq!(got[3], "F:5: field \"text\" is a number, not a string");
    }

    #[test]
    fn csv_rows_with_a_text_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.csv");
        std::fs::write(&path, "title,body\nx,\"Tehran, Baku\"\n").unwrap();
        let options = InputOptions { format: InputFormat::Csv, text_field: "body".into(), ..InputOptions::default() };
        match &events(&path, options)[..] {
            [Event::Document(d)] => {
                assert_eq!(d.text, "Tehran, Baku");
                assert!(d.id.ends_with("in.csv:2"), "{}", d.id);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn dates_of_csv_rows_and_of_text_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.csv");
        std::fs::write(&path, "id,text,date\na,Baku,2016-11-08\nb,Baku,\nc,Baku,soon\n").unwrap();
        let default = Date::parse("2020-01-01");
        let options = InputOptions { format: InputFormat::Csv, date: default, ..InputOptions::default() };
        let got: Vec<String> = events(&path, options)
            .into_iter()
            .map(|e| match e {
                Event::Document(d) => format!("{}={:?}", d.id, d.date.map(|d| d.to_string())),
                Event::Warning(w) => w.replace(&*path.to_string_lossy(), "F"),
                Event::Failed(e) => panic!("{e}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "a=Some(\"2016-11-08\")",
                "b=Some(\"2020-01-01\")",
                "F:4: date \"soon\" is no date (YYYY-MM-DD): ignored",
                "c=Some(\"2020-01-01\")",
            ]
        );
        let text = dir.path().join("a.txt");
        std::fs::write(&text, "Baku").unwrap();
        match &events(&text, InputOptions { date: default, ..InputOptions::default() })[..] {
            [Event::Document(d)] => assert_eq!(d.date, default),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_warns_then_yields_the_document() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, b"Baku \xff Tehran").unwrap();
        let e = events(&path, InputOptions::default());
        assert!(
            matches!(&e[0], Event::Warning(w) if w.contains("invalid UTF-8 at byte 5: bad sequences replaced by U+FFFD"))
        );
        assert!(matches!(&e[1], Event::Document(d) if d.text == "Baku \u{fffd} Tehran"));
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn a_missing_text_field_is_told_once_with_the_fields_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        let lines: String =
            (1..=4).map(|i| format!("{{\"id\": \"a{i}\", \"body\": \"Talks in Baku, day {i}.\"}}\n")).collect();
        std::fs::write(&path, lines).unwrap();
        let got: Vec<String> = events(&path, InputOptions { format: InputFormat::Jsonl, ..InputOptions::default() })
            .into_iter()
            .map(|e| match e {
                Event::Failed(e) => e.to_string().replace(&*path.to_string_lossy(), "F"),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "F:1: no string field \"text\" (its fields: body, id); give --text-field body",
                "F:2: and 3 more lines, up to line 4: no string field \"text\" either",
            ]
        );
    }

    #[test]
    fn windows_1252_is_decoded_as_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin.txt");
        std::fs::write(&path, b"Jos\xe9 Mar\xeda said \x93no\x94 in Bogot\xe1.").unwrap();
        let options = InputOptions { encoding: encoding_rs::WINDOWS_1252, part_bytes: 8, ..InputOptions::default() };
        let text: String = events(&path, options)
            .into_iter()
            .map(|e| match e {
                Event::Document(d) => d.text,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(text, "José María said “no” in Bogotá.");
    }

    #[test]
    fn json_lines_read_as_text_are_pointed_out_once() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "{\"id\": 1, \"text\": \"Baku\"}\n").unwrap();
        std::fs::write(&b, "{\"id\": 2, \"text\": \"Tehran\"}\n").unwrap();
        let sources = [a, b].map(|path| Source::File { path, id: "d".into() }).to_vec();
        let warnings: Vec<String> = DocumentStream::new(sources, InputOptions::default())
            .filter_map(|e| match e {
                Event::Warning(w) => Some(w),
                _ => None,
            })
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("a.txt: looks like JSON Lines but is read as text"), "{}", warnings[0]);
        assert!(warnings[0].contains("--input-format jsonl"));
    }
}
