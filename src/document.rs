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
    /// Quotations of the whole document found before `text` (in its earlier parts), so that quote ids count on
    /// across parts: 0, except for the later parts of a large file once [`QuoteNumbers`] has numbered them.
    pub quotes_before: usize,
}

impl Document {
    /// A document with the given id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), char_offset: 0, date: None, quotes_before: 0 }
    }

    /// The document with a date ([`Document::date`]).
    pub fn with_date(mut self, date: Option<Date>) -> Document {
        self.date = date;
        self
    }
}

/// Numbers the quotations of a large file's parts on from the part before (`q1` ... in the first part, on from
/// there in the next), so that a `quote_id` is unique within its document. Give it the parts in input order,
/// each with its extraction's number of quotations, before their rows are made.
#[derive(Debug, Default)]
pub struct QuoteNumbers {
    doc_id: String,
    next: usize,
}

impl QuoteNumbers {
    /// Sets `doc.quotes_before` (0 for a whole document or a first part) and counts its `quotes`.
    pub fn number(&mut self, doc: &mut Document, quotes: usize) {
        if doc.char_offset == 0 || doc.id != self.doc_id {
            self.doc_id.clone_from(&doc.id);
            self.next = 0;
        }
        doc.quotes_before = self.next;
        self.next += quotes;
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
            let message = format!(
                "invalid UTF-8 at byte {offset}: bad sequences replaced by U+FFFD (for a Latin-1 or Windows-1252 \
                 file, give its encoding: --encoding windows-1252)"
            );
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

/// What the command-line inputs expand to: the sources to read, in order, and what the user should be told.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The files (and standard input) to read, each with a document id unique in the run.
    pub sources: Vec<Source>,
    /// Inputs that cannot be read: a path that does not exist, a folder that cannot be listed, a broken
    /// symbolic link whose name matches. The others are still read.
    pub errors: Vec<Error>,
    /// Things the user should know about the inputs: symbolic links that loop back (not followed again).
    pub warnings: Vec<String>,
    /// Folders given on the command line in which no file matched.
    pub empty_dirs: Vec<EmptyDir>,
    /// Document ids that two inputs would have shared, each with the ids they were given instead.
    pub renamed: Vec<(String, Vec<String>)>,
}

/// A folder given on the command line in which no file matched, and what it holds instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmptyDir {
    /// The folder as given.
    pub path: PathBuf,
    /// The files it holds (recursively), none of which matched.
    pub files: usize,
    /// Their extensions (`jsonl`, `""` for none), most common first, with how many files have each.
    pub extensions: Vec<(String, usize)>,
}

/// Expands command-line inputs into sources, in order: files as given (id: the file name), directories
/// walked recursively in name order keeping files that match `glob` (id: the path relative to the directory,
/// with `/` separators), `-` for standard input. Symbolic links are followed, to files and to folders; a link
/// that leads back to a folder being walked is not followed again (a warning). When two inputs would get the
/// same id (`dA/x.txt` and `dB/x.txt`), each id takes as many of its path's folders as it takes to tell them
/// apart (`dA/x.txt`, `dB/x.txt`; the same path given twice gets `#2`), listed in [`Inputs::renamed`]. Inputs
/// that do not exist are errors and the rest are still expanded.
pub fn expand_inputs(inputs: &[String], glob: &globset::GlobMatcher) -> Inputs {
    let mut found = Inputs::default();
    for input in inputs {
        if input == "-" {
            found.sources.push(Source::Stdin);
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            expand_dir(path, glob, &mut found);
        } else if path.exists() {
            let id = path.file_name().map_or_else(|| input.clone(), |n| n.to_string_lossy().into_owned());
            found.sources.push(Source::File { path: path.to_owned(), id });
        } else if path.is_symlink() {
            found.errors.push(Error::input("broken symbolic link (its target does not exist)").in_file(path));
        } else {
            found.errors.push(Error::new(ErrorKind::Input("no such file or directory".into())).in_file(path));
        }
    }
    found.renamed = make_ids_unique(&mut found.sources);
    found
}

/// The files under `dir` that match `glob`, symbolic links followed.
fn expand_dir(dir: &Path, glob: &globset::GlobMatcher, found: &mut Inputs) {
    let (mut matched, mut others) = (0, std::collections::BTreeMap::<String, usize>::new());
    for entry in walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                if glob.is_match(rel) || glob.is_match(entry.file_name()) {
                    let id = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                    found.sources.push(Source::File { path: entry.path().to_owned(), id });
                    matched += 1;
                } else {
                    let ext = rel.extension().map_or(String::new(), |e| e.to_string_lossy().to_lowercase());
                    *others.entry(ext).or_default() += 1;
                }
            }
            Ok(_) => {}
            Err(e) => {
                let at = e.path().unwrap_or(dir).to_owned();
                if let Some(ancestor) = e.loop_ancestor() {
                    found.warnings.push(format!(
                        "{}: symbolic link back to {} (a loop): not followed again",
                        at.display(),
                        ancestor.display()
                    ));
                } else if at.is_symlink() && !at.exists() {
                    // a broken link: an input when its name matches, else nothing to read
                    let rel = at.strip_prefix(dir).unwrap_or(&at);
                    if glob.is_match(rel) || at.file_name().is_some_and(|n| glob.is_match(n)) {
                        found.errors.push(Error::input("broken symbolic link (its target does not exist)").in_file(at));
                    }
                } else {
                    let message = e.io_error().map_or_else(|| e.to_string(), |io| io.to_string());
                    found.errors.push(Error::new(ErrorKind::Input(message)).in_file(at));
                }
            }
        }
    }
    if matched == 0 {
        let mut extensions: Vec<(String, usize)> = others.into_iter().collect();
        extensions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let files = extensions.iter().map(|(_, n)| n).sum();
        found.empty_dirs.push(EmptyDir { path: dir.to_owned(), files, extensions });
    }
}

/// Gives every file source an id no other source has: the ids two sources share take more of their paths'
/// folders until they differ; paths that are the same get `#2`, `#3`. Returns each shared id with the ids
/// given instead, in order of first appearance.
fn make_ids_unique(sources: &mut [Source]) -> Vec<(String, Vec<String>)> {
    use std::collections::HashMap;
    // each file's path components (absolute, links kept as named) and how many of the last ones its id takes
    let mut files: Vec<(usize, Vec<String>, usize)> = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        if let Source::File { path, id } = source {
            let path = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            let parts: Vec<String> = path
                .components()
                .filter(|c| matches!(c, std::path::Component::Normal(_)))
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let taken = id.split('/').count().min(parts.len());
            files.push((i, parts, taken));
        }
    }
    let id_of = |parts: &[String], taken: usize| parts[parts.len() - taken..].join("/");
    let original: HashMap<usize, String> = files
        .iter()
        .map(|(i, ..)| match &sources[*i] {
            Source::File { id, .. } => (*i, id.clone()),
            Source::Stdin => unreachable!("only files are listed"),
        })
        .collect();
    let mut ids: Vec<String> = files.iter().map(|(i, ..)| original[i].clone()).collect();
    loop {
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, id) in ids.iter().enumerate() {
            groups.entry(id.as_str()).or_default().push(k);
        }
        let shared: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        let mut lengthened = false;
        for group in &shared {
            // the same path given twice is told apart by a number, below, not by more of its folders
            if group.iter().all(|&k| files[k].1 == files[group[0]].1) {
                continue;
            }
            for &k in group {
                let (_, parts, taken) = &mut files[k];
                if *taken < parts.len() {
                    *taken += 1;
                    ids[k] = id_of(parts, *taken);
                    lengthened = true;
                }
            }
        }
        if !lengthened {
            // what is still shared is the same path given more than once
            for group in shared {
                for (n, &k) in group.iter().enumerate().skip(1) {
                    ids[k] = format!("{}#{}", ids[k], n + 1);
                }
            }
            break;
        }
    }
    let mut renamed: Vec<(String, Vec<String>)> = Vec::new();
    for ((i, ..), new_id) in files.iter().zip(ids) {
        let old = &original[i];
        if *old != new_id {
            match renamed.iter_mut().find(|(shared, _)| shared == old) {
                Some((_, list)) => list.push(new_id.clone()),
                None => renamed.push((old.clone(), vec![new_id.clone()])),
            }
            if let Source::File { id, .. } = &mut sources[*i] {
                *id = new_id;
            }
        }
    }
    renamed
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
        assert!(warning.unwrap().message.starts_with("invalid UTF-8 at byte 5: bad sequences replaced by U+FFFD"));
        let err = decode(Path::new("b.txt"), b"Baku \xff".to_vec(), true).unwrap_err();
        assert_eq!(err.to_string(), "b.txt: invalid UTF-8 at byte 5");
    }

    #[test]
    fn binary_files_are_rejected() {
        let err = decode(Path::new("x.pdf"), b"%PDF\0\0".to_vec(), false).unwrap_err();
        assert_eq!(err.to_string(), "x.pdf: binary file (NUL bytes), skipped");
    }
}

#[cfg(test)]
mod input_tests {
    use super::*;

    fn ids(inputs: &[&Path]) -> (Vec<String>, Vec<(String, Vec<String>)>) {
        let glob = globset::Glob::new("*.txt").unwrap().compile_matcher();
        let inputs: Vec<String> = inputs.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        let found = expand_inputs(&inputs, &glob);
        let ids = found
            .sources
            .iter()
            .map(|s| match s {
                Source::File { id, .. } => id.clone(),
                Source::Stdin => "-".into(),
            })
            .collect();
        (ids, found.renamed)
    }

    #[test]
    fn shared_ids_take_folders_until_they_differ() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("dA"), tmp.path().join("dB"));
        for dir in [&a, &b] {
            std::fs::create_dir_all(dir.join("sub")).unwrap();
            std::fs::write(dir.join("x.txt"), "x").unwrap();
            std::fs::write(dir.join("sub/y.txt"), "y").unwrap();
        }
        std::fs::write(a.join("only.txt"), "x").unwrap();
        let (got, renamed) = ids(&[&a, &b]);
        assert_eq!(got, ["only.txt", "dA/sub/y.txt", "dA/x.txt", "dB/sub/y.txt", "dB/x.txt"]);
        assert_eq!(renamed[0], ("sub/y.txt".to_owned(), vec!["dA/sub/y.txt".to_owned(), "dB/sub/y.txt".to_owned()]));
        // no clash: ids as before
        assert_eq!(ids(&[&a]).0, ["only.txt", "sub/y.txt", "x.txt"]);
        // the same file twice
        let x = a.join("x.txt");
        let (got, _) = ids(&[&x, &x]);
        assert_eq!(got, ["x.txt", "x.txt#2"]);
    }
}
