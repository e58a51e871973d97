//! Reading one gazetteer TSV file: header, directives, rows with their line numbers.
//!
//! The `csv` crate does the parsing (tab-delimited, `#` comments, quoted fields as spreadsheets write them).
//! This module only maps columns by header name and reports bad rows with file, line and column.

use crate::gazetteer::Diagnostic;

/// What kind of gazetteer a file is, decided by the first column of its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Header starts with `id`: one entity per row.
    Entities,
    /// Header starts with `title`: titles and roles that introduce officials.
    Titles,
    /// Header starts with `cue`: cue verbs that introduce quotations.
    Cues,
    /// Header starts with `keyword`: organization head words, first names, stop words.
    Keywords,
    /// Header starts with `word`: function words and their kinds (the lexicon).
    Lexicon,
}

impl FileKind {
    fn from_first_column(name: &str) -> Option<FileKind> {
        match name {
            "id" => Some(FileKind::Entities),
            "title" => Some(FileKind::Titles),
            "cue" => Some(FileKind::Cues),
            "keyword" => Some(FileKind::Keywords),
            "word" => Some(FileKind::Lexicon),
            _ => None,
        }
    }
}

/// One parsed TSV file.
pub(crate) struct TsvFile {
    pub kind: FileKind,
    /// `#! case=insensitive` was given: every row matches ASCII-case-insensitively.
    pub case_insensitive: bool,
    header: Vec<String>,
    pub rows: Vec<TsvRow>,
}

/// One data row with the line it came from.
pub(crate) struct TsvRow {
    pub line: usize,
    /// The row's fields, in one buffer (no string per field).
    fields: csv::StringRecord,
}

impl TsvFile {
    /// Index of the named column, if the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Number of columns of the header.
    pub fn columns(&self) -> usize {
        self.header.len()
    }
}

impl TsvRow {
    /// The field in column `index` (trimmed), or "" when the row is shorter or the column is absent.
    pub fn get(&self, index: Option<usize>) -> &str {
        index.and_then(|i| self.fields.get(i)).map(str::trim).unwrap_or("")
    }
}

/// Parses `text` (the contents of `file`). Problems are pushed to `diagnostics`; `None` when the file cannot
/// be used at all (no header, unknown kind).
pub(crate) fn parse(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<TsvFile> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let case_insensitive = text.lines().take_while(|l| l.starts_with('#') || l.trim().is_empty()).any(|l| {
        l.strip_prefix("#!").is_some_and(|d| d.split_whitespace().any(|w| w.eq_ignore_ascii_case("case=insensitive")))
    });
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .comment(Some(b'#'))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => {
                diagnostics.push(Diagnostic::error(
                    file,
                    1,
                    None,
                    "no header row (expected a first column id, title, cue, keyword or word)",
                ));
                return None;
            }
            Some(Err(e)) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                diagnostics.push(Diagnostic::error(file, line, None, format!("unreadable row: {e}")));
                return None;
            }
            Some(Ok(rec)) if rec.iter().all(|f| f.trim().is_empty()) => continue,
            Some(Ok(rec)) => break (record_line(text, rec.position()), rec),
        }
    };
    let (header_line, header) = header;
    let header: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let Some(kind) = FileKind::from_first_column(&header[0]) else {
        diagnostics.push(Diagnostic::error(
            file,
            header_line,
            Some(1),
            format!("unknown header {:?}: the first column must be id, title, cue, keyword or word", header[0]),
        ));
        return None;
    };
    let mut rows = Vec::new();
    for rec in records {
        match rec {
            Ok(rec) => {
                if rec.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let line = record_line(text, rec.position());
                if rec.len() > header.len() && rec.iter().skip(header.len()).any(|f| !f.trim().is_empty()) {
                    diagnostics.push(Diagnostic::warning(
                        file,
                        line,
                        Some(header.len() + 1),
                        format!(
                            "{} fields but the header has {} columns: extra fields ignored",
                            rec.len(),
                            header.len()
                        ),
                    ));
                }
                rows.push(TsvRow { line, fields: rec });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                diagnostics.push(Diagnostic::error(file, line, None, format!("unreadable row: {e}")));
            }
        }
    }
    Some(TsvFile { kind, case_insensitive, header, rows })
}

/// The line a record is on. The reader reports where it started reading, which is before any comment or blank
/// lines it skipped: skip those too.
fn record_line(text: &str, position: Option<&csv::Position>) -> usize {
    let Some(p) = position else { return 0 };
    let mut line = p.line() as usize;
    let mut at = p.byte() as usize;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let content = text[at..end].trim();
        if !(content.is_empty() || content.starts_with('#')) {
            break;
        }
        line += 1;
        at = end;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_decides_kind_and_lines_are_kept() {
        let mut diags = Vec::new();
        let text = "# comment\n#! case=insensitive\nid\tname\ttype\n\nIR\tIran\tCOUNTRY\nAZ\tAzerbaijan\tCOUNTRY\n";
        let file = parse("c.tsv", text, &mut diags).unwrap();
        assert!(diags.is_empty());
        assert_eq!(file.kind, FileKind::Entities);
        assert!(file.case_insensitive);
        assert_eq!(file.rows.len(), 2);
        assert_eq!(file.rows[0].line, 5);
        assert_eq!(file.rows[1].line, 6);
        assert_eq!(file.rows[1].get(file.column("name")), "Azerbaijan");
        assert_eq!(file.rows[1].get(file.column("role")), "");
    }

    #[test]
    fn unknown_header_is_an_error_naming_line_and_column() {
        let mut diags = Vec::new();
        assert!(parse("x.tsv", "# a comment\nname\ttype\n", &mut diags).is_none());
        assert_eq!(
            diags[0].to_string(),
            "x.tsv:2:1: error: unknown header \"name\": the first column must be id, title, cue, keyword or word"
        );
    }

    #[test]
    fn quoted_fields_from_spreadsheets_are_read() {
        let mut diags = Vec::new();
        let file = parse("q.tsv", "title\tkind\trole\n\"Minister, Foreign\"\toffice\t\n", &mut diags).unwrap();
        assert_eq!(file.rows[0].get(Some(0)), "Minister, Foreign");
    }
}
