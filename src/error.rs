//! The crate's error type: its kind says what failed (an input, the gazetteers, the output, the command line,
//! the gold data of an evaluation, whosaid itself), so that a caller can decide what a failure means for the
//! run; its message names the file (and line and column where they apply) at fault; an I/O error stays
//! reachable as its [`source`](std::error::Error::source).

use std::fmt;
use std::path::PathBuf;

/// An error of whosaid, naming where it happened.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    io: Option<std::io::Error>,
    file: Option<PathBuf>,
    line: Option<usize>,
    column: Option<usize>,
}

/// What failed, with a message saying how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// An input could not be read or used (a missing file, binary data, invalid encoding under `--strict`, a
    /// bad line or row): that input fails, the others can still be processed.
    Input(String),
    /// The gazetteers are unusable (a bad row, a file that cannot be read): nothing can be extracted.
    Gazetteer(String),
    /// Writing a table failed (a full disk, a file that cannot be created).
    Output(String),
    /// The command line asks for something that cannot be done (a bad glob, a format that needs an output
    /// directory): nothing is read.
    Usage(String),
    /// A gold-standard or evaluation file is unusable.
    Eval(String),
    /// whosaid itself failed (a bug, or the system refused a thread): please report it.
    Internal(String),
}

impl ErrorKind {
    /// The message, without the file.
    pub fn message(&self) -> &str {
        match self {
            ErrorKind::Input(m)
            | ErrorKind::Gazetteer(m)
            | ErrorKind::Output(m)
            | ErrorKind::Usage(m)
            | ErrorKind::Eval(m)
            | ErrorKind::Internal(m) => m,
        }
    }
}

impl Error {
    /// An error of the given kind, not yet tied to a file.
    pub fn new(kind: ErrorKind) -> Error {
        Error { kind, io: None, file: None, line: None, column: None }
    }

    /// A gazetteer error at `file:line`.
    pub fn gazetteer(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Gazetteer(message.into())).in_file(file).at_line(line)
    }

    /// An input that could not be used.
    pub fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input(message.into()))
    }

    /// A table that could not be written.
    pub fn output(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Output(message.into()))
    }

    /// A command line that asks for the impossible.
    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage(message.into()))
    }

    /// Unusable gold data.
    pub fn eval(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Eval(message.into()))
    }

    /// A failure of whosaid itself.
    pub fn internal(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Internal(message.into()))
    }

    /// Reading the input `file` failed.
    pub fn input_io(file: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::with_io(ErrorKind::Input, err).in_file(file)
    }

    /// Writing (or creating, or renaming) the output `file` failed.
    pub fn output_io(file: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::with_io(ErrorKind::Output, err).in_file(file)
    }

    /// Reading the gazetteer `file` failed.
    pub fn gazetteer_io(file: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::with_io(ErrorKind::Gazetteer, err).in_file(file)
    }

    /// Reading the gold-standard `file` failed.
    pub fn eval_io(file: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::with_io(ErrorKind::Eval, err).in_file(file)
    }

    /// Reading the gazetteer `file` failed: the gazetteer loader's name for [`Error::gazetteer_io`]. Every other
    /// reader or writer says what failed ([`Error::input_io`], [`Error::output_io`], [`Error::eval_io`]).
    pub fn io(file: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::gazetteer_io(file, err)
    }

    /// An error of the kind `kind` whose message is the I/O error's, kept as the source.
    fn with_io(kind: fn(String) -> ErrorKind, err: std::io::Error) -> Error {
        let message = err.to_string();
        Error { io: Some(err), ..Error::new(kind(message)) }
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

    /// What failed.
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

    /// True when writing output met a closed pipe (`whosaid ... | head`), which ends a run quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self.kind, ErrorKind::Output(_))
            && self.io.as_ref().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
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
        write!(f, "{}", self.kind.message())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.io.as_ref().map(|e| e as _)
    }
}

/// Result with whosaid's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn display_names_file_line_column() {
        let e = Error::gazetteer("gazetteers/countries.tsv", 12, "unknown type \"CITY\"").at_column(3);
        assert_eq!(e.to_string(), "gazetteers/countries.tsv:12:3: unknown type \"CITY\"");
    }

    #[test]
    fn io_errors_say_what_failed_and_keep_their_source() {
        let not_found = || std::io::Error::from(std::io::ErrorKind::NotFound);
        let input = Error::input_io("in.txt", not_found());
        let output = Error::output_io("out/mentions.csv", not_found());
        assert!(matches!(input.kind(), ErrorKind::Input(_)));
        assert!(matches!(output.kind(), ErrorKind::Output(_)));
        assert!(matches!(Error::io("g.tsv", not_found()).kind(), ErrorKind::Gazetteer(_)));
        assert_eq!(input.to_string(), format!("in.txt: {}", not_found()));
        let source = output.source().and_then(|s| s.downcast_ref::<std::io::Error>()).unwrap();
        assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn broken_pipe_is_recognised_on_output_only() {
        let pipe = || std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(Error::output_io("<stdout>", pipe()).is_broken_pipe());
        assert!(!Error::input_io("<stdin>", pipe()).is_broken_pipe());
    }
}
