//! What whosaid tells the person running it, on standard error: errors, warnings, notes and the summary.
//!
//! A closed standard error (`whosaid extract in/ 2>&1 | head -1`) must not stop a run or turn its exit status
//! into a panic's: every line is written with its error ignored (`eprintln!` would panic), and the run ends as
//! its outputs say.

use std::fmt::Display;
use std::io::Write;

/// Writes one line on standard error; a closed or full standard error is ignored.
pub fn line(text: impl Display) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// `whosaid: error: MESSAGE`: something failed (an input, a document, the run).
pub fn error(message: impl Display) {
    line(format_args!("whosaid: error: {message}"));
}

/// `whosaid: warning: MESSAGE`: something the user should know; the run goes on.
pub fn warning(message: impl Display) {
    line(format_args!("whosaid: warning: {message}"));
}

/// `whosaid: note: MESSAGE`: how whosaid read the inputs (ids made unique, and the like).
pub fn note(message: impl Display) {
    line(format_args!("whosaid: note: {message}"));
}
