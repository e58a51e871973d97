//! Fuzz target: the gazetteer parser and `gazetteer check` on any file never panic, and an extractor built
//! from whatever loaded without errors works on a fixed text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{Document, Extractor, Gazetteers};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut g = Gazetteers::new();
    g.add_text("fuzz.tsv", &text);
    let report = whosaid::gazetteer::check(&g);
    let _ = report.to_string();
    if let Ok(extractor) = Extractor::new(g) {
        let doc = Document::new("d", "Iranian Foreign Ministry spokesman Nasser Kanaani said: “We will.” Baku, Tehran.");
        let _ = extractor.extract(&doc);
    }
});
