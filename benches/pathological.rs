//! Pathological inputs finish in linear time: each is extracted at two sizes, and the run fails (exit 1) when
//! the larger takes more than three times as long as the half-size one (linear would be twice), or when
//! throughput falls under 1 MB/s. A benchmark with a budget rather than a timed unit test, so that a loaded
//! machine cannot make the test suite flaky.
//!
//! ```sh
//! cargo bench --bench pathological
//! ```

use std::time::Instant;

use whosaid::{Document, Extractor, Gazetteers};

/// (name, generator of about `n` bytes).
type Case = (&'static str, fn(usize) -> String);

fn cases() -> Vec<Case> {
    vec![
        ("a line without spaces", |n| "a.".repeat(n / 2)),
        ("100,000 quotation marks per 500 KB", |n| "\"\u{201c}\u{201d}''".repeat(n / 10)),
        ("only capitalised words", |n| {
            let words = [
                "President",
                "Minister",
                "Ministry",
                "Foreign",
                "Gen.",
                "Defense",
                "Command",
                "Iran",
                "Iranian",
                "Mr.",
                "Nasser",
                "Kanaani",
                "Said",
            ];
            let mut s = String::with_capacity(n + 16);
            let mut i = 0usize;
            while s.len() < n {
                s.push_str(words[(i * 7 + i / 3) % words.len()]);
                s.push(' ');
                i += 1;
            }
            s
        }),
        ("deeply nested quotes", |n| {
            let unit = "“a ‘b \"c ''d ";
            let mut s = unit.repeat(n / unit.len() / 2);
            s.push_str(&"'' d\" c’ b” a ".repeat(n / unit.len() / 2));
            s
        }),
        // reported speech: every cue opens a clause that holds the next one (a sentence of 400,000 cues at 5 MB)
        ("one paragraph of \"he said that\"", |n| format!("{}it rained.", "he said that ".repeat(n / 13))),
        ("commas between two cues", |n| format!("The mayor said{}the council told reporters.", ", ".repeat(n / 2))),
        ("one paragraph of quotes and cues", |n| {
            "“We will,” he said, and “they won’t” she added: “no.” ".repeat(n / 56)
        }),
    ]
}

fn main() {
    let extractor = Extractor::new(Gazetteers::embedded()).expect("defaults load");
    let mut failed = false;
    for (name, make) in cases() {
        let mut times = Vec::new();
        for size in [5usize << 20, 10 << 20] {
            let text = make(size);
            let mb = text.len() as f64 / 1e6;
            let doc = Document::new("p", text);
            let started = Instant::now();
            let x = extractor.extract(&doc);
            let secs = started.elapsed().as_secs_f64();
            println!(
                "{name:<36} {mb:>6.1} MB {secs:>7.3} s {:>8.1} MB/s ({} mentions, {} quotes)",
                mb / secs,
                x.mentions.len(),
                x.quotes.len()
            );
            if mb / secs < 1.0 {
                println!("  FAIL: under 1 MB/s");
                failed = true;
            }
            times.push(secs);
        }
        if times[1] > 3.0 * times[0].max(0.01) {
            println!("  FAIL: doubling the input took {:.1}x as long", times[1] / times[0]);
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
}
