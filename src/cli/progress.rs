//! The progress line of a run, on standard error when it is a terminal (never with `--quiet`, never into a file
//! or a pipe). When the inputs' total size is known (files and folders) it is a bar: bytes read of the total,
//! MB/s and the time left; otherwise (standard input) a spinner with the bytes read. Both count documents.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressState, ProgressStyle};

/// The template of the bar, when the total is known.
const BAR: &str = "{wide_bar:.cyan/blue} {mb_of_total} {mb_per_sec}, ETA {eta} · {msg}";
/// The template of the spinner, when it is not.
const SPINNER: &str = "{spinner} {elapsed} {mb_read} read, {mb_per_sec} · {msg}";

/// Megabytes with one decimal (as the run's summary counts them: 10^6 bytes).
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// The style for a run whose inputs are `total` bytes, if known.
fn style(total: Option<u64>) -> ProgressStyle {
    let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.1} MB/s", state.per_sec() / 1e6);
    };
    let base = match total {
        Some(_) => ProgressStyle::with_template(BAR),
        None => ProgressStyle::with_template(SPINNER),
    };
    base.expect("progress templates are valid")
        .progress_chars("=> ")
        .with_key("mb_per_sec", rate)
        .with_key("mb_of_total", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.1}/{:.1} MB", mb(state.pos()), mb(state.len().unwrap_or(0)));
        })
        .with_key("mb_read", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.1} MB", mb(state.pos()));
        })
}

/// The progress of a run: hidden, a bar or a spinner.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Progress drawn on standard error when `show` (a terminal, not quiet): a bar of `total` bytes when the
    /// total is known, else a spinner.
    pub fn new(show: bool, total: Option<u64>) -> Progress {
        let bar = show.then(|| {
            let bar = match total {
                Some(total) => ProgressBar::new(total),
                None => ProgressBar::new_spinner(),
            };
            bar.set_style(style(total));
            bar.set_message("0 documents");
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { bar }
    }

    /// Moves on to `bytes` read of the inputs and `documents` written.
    pub fn update(&self, bytes: u64, documents: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
            bar.set_message(format!("{documents} documents"));
        }
    }

    /// Runs `f` (which prints on standard error) with the progress line out of its way.
    pub fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the progress line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
