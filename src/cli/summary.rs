//! What a run counts for the person at the terminal: documents, bytes, mentions by type, quotes by kind, and the
//! summary printed at the end (unless `--quiet`).

use std::collections::BTreeMap;
use std::time::Duration;

use whosaid::{Document, Extraction};

use super::messages;

/// Counts of a run.
#[derive(Default)]
pub struct Summary {
    /// Documents written (a large file's parts count once).
    pub documents: usize,
    bytes: usize,
    mentions: BTreeMap<&'static str, usize>,
    quotes: BTreeMap<&'static str, usize>,
    attributed: usize,
}

impl Summary {
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
    }

    /// Prints the summary on standard error.
    pub fn print(&self, elapsed: Duration, failures: usize) {
        let secs = elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let list = |m: &BTreeMap<&str, usize>| m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ");
        let mentions: usize = self.mentions.values().sum();
        let quotes: usize = self.quotes.values().sum();
        messages::line(format_args!(
            "whosaid: {} documents, {mb:.2} MB in {secs:.2} s ({:.1} MB/s){}",
            self.documents,
            if secs > 0.0 { mb / secs } else { 0.0 },
            if failures > 0 { format!("; {failures} inputs failed") } else { String::new() }
        ));
        if mentions > 0 {
            messages::line(format_args!("whosaid: {mentions} mentions ({})", list(&self.mentions)));
        } else {
            messages::line("whosaid: 0 mentions");
        }
        if quotes > 0 {
            let share = 100.0 * self.attributed as f64 / quotes as f64;
            messages::line(format_args!("whosaid: {quotes} quotes ({}), {share:.0}% attributed", list(&self.quotes)));
        } else {
            messages::line("whosaid: 0 quotes");
        }
    }
}
