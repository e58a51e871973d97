//! Documents and the ways to read them: text files, directories, standard input.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::Date;

/// A document to extract from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Identifier written in every table's `doc_id` column.
    pub id: String,
    /// The text. Offsets in tables count code points of this text.
    pub text: String,
    /// Code points of the whole document that come before `text`: 0, except for the later parts of a file too
    /// large to process at once. Added to every offset written.
    pub char_offset: usize,
    /// The document's date, when the input gives it (`--date`, or the JSONL or CSV date field): the roles of
    /// the people it names are the offices they held that day. Without it, the extractor reads a dateline at
    /// the start of the text ("LONDON 1996-08-30", "WASHINGTON, Nov. 8, 2016 —"); without either, roles are the
    /// latest offices listed.
    pub date: Option<Date>,
}

impl Document {
    /// A document with the given id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), char_offset: 0, date: None }
    }

    /// The document with a date ([`Document::date`]).
    pub fn with_date(mut self, date: Option<Date>) -> Document {
        self.date = date;
        self
    }
}

/// A warning about a document that was still read (e.g. invalid UTF-8 replaced).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadWarning {
    /// The file.
    pub file: PathBuf,
    /// What happened.
    pub message: String,
}

/// Decodes the bytes of a file: text with NUL bytes in its first 8 KiB is treated as binary and rejected; a
/// UTF-8 BOM is skipped; invalid UTF-8 is handled by [`decode_utf8`].
pub fn decode(path: &Path, bytes: Vec<u8>, strict: bool) -> Result<(String, Option<ReadWarning>)> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Error::new(ErrorKind::Input("binary file (NUL bytes), skipped".into())).in_file(path));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    decode_utf8(path, bytes, strict, 0)
}

/// Decodes UTF-8: invalid sequences are replaced (U+FFFD) with a warning that names the byte offset of the
/// first bad sequence in the file (`byte_base` is where these bytes start in it), or rejected when `strict`.
pub fn decode_utf8(
    path: &Path,
    bytes: Vec<u8>,
    strict: bool,
    byte_base: usize,
) -> Result<(String, Option<ReadWarning>)> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let offset = byte_base + e.utf8_error().valid_up_to();
            if strict {
                return Err(Error::new(ErrorKind::Input(format!("invalid UTF-8 at byte {offset}"))).in_file(path));
            }
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let message = format!("invalid UTF-8 at byte {offset}: bad sequences replaced by U+FFFD");
            Ok((text, Some(ReadWarning { file: path.to_owned(), message })))
        }
    }
}

/// A file to read and the document id it gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file and its document id (its path relative to the directory argument it came from, or its name).
    File {
        /// Where to read it.
        path: PathBuf,
        /// Its document id.
        id: String,
    },
}

/// Expands command-line inputs into sources, in order: files as given (id: the file name), directories
/// walked recursively in name order keeping files that match `glob` (id: the path relative to the
/// directory, with `/` separators), `-` for standard input. Inputs that do not exist are returned as errors
/// and the rest are still expanded.
pub fn expand_inputs(inputs: &[String], glob: &globset::GlobMatcher) -> (Vec<Source>, Vec<Error>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                match entry {
                    Ok(entry) if entry.file_type().is_file() => {
                        let rel = entry.path().strip_prefix(path).unwrap_or(entry.path());
                        if glob.is_match(rel) || glob.is_match(entry.file_name()) {
                            let id =
                                rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                            sources.push(Source::File { path: entry.path().to_owned(), id });
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let at = e.path().unwrap_or(path).to_owned();
                        errors.push(Error::new(ErrorKind::Input(e.to_string())).in_file(at));
                    }
                }
            }
        } else if path.exists() {
            let id = path.file_name().map_or_else(|| input.clone(), |n| n.to_string_lossy().into_owned());
            sources.push(Source::File { path: path.to_owned(), id });
        } else {
            errors.push(Error::new(ErrorKind::Input("no such file or directory".into())).in_file(path));
        }
    }
    (sources, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_skipped_and_bad_utf8_is_named() {
        let (text, warning) = decode(Path::new("a.txt"), b"\xEF\xBB\xBFIran".to_vec(), false).unwrap();
        assert_eq!(text, "Iran");
        assert!(warning.is_none());
        let (text, warning) = decode(Path::new("b.txt"), b"Baku \xff ok".to_vec(), false).unwrap();
        assert_eq!(text, "Baku \u{fffd} ok");
        assert_eq!(warning.unwrap().message, "invalid UTF-8 at byte 5: bad sequences replaced by U+FFFD");
        let err = decode(Path::new("b.txt"), b"Baku \xff".to_vec(), true).unwrap_err();
        assert_eq!(err.to_string(), "b.txt: invalid UTF-8 at byte 5");
    }

    #[test]
    fn binary_files_are_rejected() {
        let err = decode(Path::new("x.pdf"), b"%PDF\0\0".to_vec(), false).unwrap_err();
        assert_eq!(err.to_string(), "x.pdf: binary file (NUL bytes), skipped");
    }
}
