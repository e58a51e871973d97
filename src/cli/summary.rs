//! What a run tells the person at the terminal: a progress bar while it runs (only when standard error is a
//! terminal), warnings, and a summary at the end.

use std::collections::BTreeMap;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use whosaid::{Document, Extraction};

/// Counts of a run, and its progress bar.
pub struct Summary {
    bar: Option<ProgressBar>,
    documents: usize,
    bytes: usize,
    mentions: BTreeMap<&'static str, usize>,
    quotes: BTreeMap<&'static str, usize>,
    attributed: usize,
}

impl Summary {
    /// A summary; with `progress`, a progress bar is drawn on standard error.
    pub fn new(progress: bool) -> Summary {
        let bar = progress.then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {pos} documents, {bytes} ({bytes_per_sec}) {msg}")
                    .expect("progress template is valid"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Summary { bar, documents: 0, bytes: 0, mentions: BTreeMap::new(), quotes: BTreeMap::new(), attributed: 0 }
    }

    /// Prints a warning (unless quiet) without breaking the progress bar.
    pub fn warn(&self, message: &str, quiet: bool) {
        if quiet {
            return;
        }
        let line = if message.starts_with("error: ") {
            format!("whosaid: {message}")
        } else {
            format!("whosaid: warning: {message}")
        };
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Counts one processed document (or part).
    pub fn add(&mut self, doc: &Document, x: &Extraction) {
        if doc.char_offset == 0 {
            self.documents += 1;
        }
        self.bytes += doc.text.len();
        for m in &x.mentions {
            *self.mentions.entry(m.mention_type.as_str()).or_default() += 1;
        }
        for q in &x.quotes {
            *self.quotes.entry(q.kind.as_str()).or_default() += 1;
            if q.speaker.is_some() {
                self.attributed += 1;
            }
        }
        if let Some(bar) = &self.bar {
            bar.set_position(self.documents as u64);
            bar.set_length(self.bytes as u64);
        }
    }

    /// Prints the summary on standard error.
    pub fn finish(self, elapsed: Duration, failures: usize) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let secs = elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let list = |m: &BTreeMap<&str, usize>| m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ");
        let mentions: usize = self.mentions.values().sum();
        let quotes: usize = self.quotes.values().sum();
        eprintln!(
            "whosaid: {} documents, {mb:.2} MB in {secs:.2} s ({:.1} MB/s){}",
            self.documents,
            if secs > 0.0 { mb / secs } else { 0.0 },
            if failures > 0 { format!("; {failures} inputs failed") } else { String::new() }
        );
        if mentions > 0 {
            eprintln!("whosaid: {mentions} mentions ({})", list(&self.mentions));
        } else {
            eprintln!("whosaid: 0 mentions");
        }
        if quotes > 0 {
            let share = 100.0 * self.attributed as f64 / quotes as f64;
            eprintln!("whosaid: {quotes} quotes ({}), {share:.0}% attributed", list(&self.quotes));
        } else {
            eprintln!("whosaid: 0 quotes");
        }
    }
}
