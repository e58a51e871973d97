//! Regression tests named after the bug they pin; inputs under tests/fixtures/regression/.

use whosaid::output::rows::{mention_rows, quote_rows};
use whosaid::{CharOffsets, Document, Extractor, Gazetteers};

/// Extracts from `text` and checks every row slices back to its text.
fn extract_and_check(text: &str) {
    let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
    let x = extractor.extract(&Document::new("r", text));
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let offsets = CharOffsets::new(text);
    mention_rows(&extractor, "r", text, &x, &offsets, |row| {
        assert_eq!(slice(row.start, row.end), row.text);
        Ok::<(), ()>(())
    })
    .unwrap();
    quote_rows(&extractor, "r", text, &x, &offsets, |row| {
        assert_eq!(slice(row.quote_start, row.quote_end), row.quote);
        if let (Some(s), Some(e)) = (row.speaker_start, row.speaker_end) {
            assert_eq!(slice(s, e), row.speaker_mention);
        }
        Ok::<(), ()>(())
    })
    .unwrap();
}

/// cargo fuzz found it: a no-break space (two bytes) before a pronoun shifted the pronoun's span off a
/// character boundary in the sentence-subject search.
#[test]
fn fuzz_nbsp_before_pronoun() {
    let bytes =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/regression/fuzz-nbsp-before-pronoun.bin"))
            .unwrap();
    extract_and_check(&String::from_utf8_lossy(&bytes));
    extract_and_check("In Tokyo,\u{a0}he met them. Officials and\u{a0}they said the “plan” was fine.");
}

/// The generated gazetteers know "George H.W. Bush": a mention that begins before its sentence (the splitter
/// cut after "H.W.") made the cue-subject search slice backwards (begin > end).
#[test]
fn mention_starting_before_the_sentence_of_its_cue() {
    extract_and_check(
        "Asked about it, Christie said that was natural — no different, he said, from George H.W. Bush calling \
         Ronald Reagan’s policies “voodoo economics” before becoming his vice presidential pick.",
    );
}
