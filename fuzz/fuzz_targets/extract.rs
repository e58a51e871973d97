//! Fuzz target: `Extractor::extract` on any text never panics, and every row it yields slices back to its text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::output::rows::DocumentRows;
use whosaid::{Document, Extractor, Gazetteers};

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(|| Extractor::new(Gazetteers::embedded()).expect("defaults load"));
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new("fuzz", text.clone());
    let x = extractor.extract(&doc);
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let rows = DocumentRows::new(extractor, &doc, &x);
    for row in rows.mentions() {
        assert_eq!(slice(row.start, row.end), row.text);
    }
    for row in rows.quotes() {
        assert_eq!(slice(row.quote_start, row.quote_end), row.quote);
    }
    for pair in x.mentions.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
});
