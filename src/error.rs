//! The crate's error type: every error names the file (and line and column where they apply) at fault.

use std::fmt;
use std::path::PathBuf;

/// An error of whosaid, naming where it happened.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    file: Option<PathBuf>,
    line: Option<usize>,
    column: Option<usize>,
}

/// What went wrong.
#[derive(Debug)]
pub enum ErrorKind {
    /// Reading or writing a file failed.
    Io(std::io::Error),
    /// A gazetteer file is malformed (the message says how).
    Gazetteer(String),
    /// An input document could not be used (binary data, invalid encoding under `--strict`, ...).
    Input(String),
    /// Writing a table failed.
    Output(String),
    /// A gold-standard or evaluation file is malformed.
    Eval(String),
}

impl Error {
    /// An error of the given kind, not yet tied to a file.
    pub fn new(kind: ErrorKind) -> Error {
        Error { kind, file: None, line: None, column: None }
    }

    /// A gazetteer error at `file:line`.
    pub fn gazetteer(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Gazetteer(message.into())).in_file(file).at_line(line)
    }

    /// An I/O error on `file`.
    pub fn io(file: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(err)).in_file(file)
    }

    /// Names the file at fault.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Error {
        self.file = Some(file.into());
        self
    }

    /// Names the line (1-based) at fault.
    pub fn at_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    /// Names the column (1-based) at fault.
    pub fn at_column(mut self, column: usize) -> Error {
        self.column = Some(column);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file at fault, if known.
    pub fn file(&self) -> Option<&std::path::Path> {
        self.file.as_deref()
    }

    /// The line at fault (1-based), if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// True when the error is a closed pipe on output (`whosaid ... | head`), which ends a run quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.kind, ErrorKind::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(column) = self.column {
                    write!(f, ":{column}")?;
                }
            }
            write!(f, ": ")?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Gazetteer(m) | ErrorKind::Input(m) | ErrorKind::Output(m) | ErrorKind::Eval(m) => {
                write!(f, "{m}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(err))
    }
}

/// Result with whosaid's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_column() {
        let e = Error::gazetteer("gazetteers/countries.tsv", 12, "unknown type \"CITY\"").at_column(3);
        assert_eq!(e.to_string(), "gazetteers/countries.tsv:12:3: unknown type \"CITY\"");
    }

    #[test]
    fn broken_pipe_is_recognised() {
        let e = Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(e.is_broken_pipe());
    }
}
