//! Regression tests named after the bug they pin; inputs under tests/fixtures/regression/.

use whosaid::output::rows::DocumentRows;
use whosaid::{Document, Extractor, Gazetteers};

/// Extracts from `text` and checks every row slices back to its text.
fn extract_and_check(text: &str) {
    let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
    let doc = Document::new("r", text);
    let x = extractor.extract(&doc);
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let rows = DocumentRows::new(&extractor, &doc, &x);
    for row in rows.mentions() {
        assert_eq!(slice(row.start, row.end), row.text);
    }
    for row in rows.quotes() {
        assert_eq!(slice(row.quote_start, row.quote_end), row.quote);
        if let (Some(s), Some(e)) = (row.speaker_start, row.speaker_end) {
            assert_eq!(slice(s, e), row.speaker_mention);
        }
    }
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

/// A sorted vector of mentions made 16 MiB parts of large files quadratic; past 1,024 mentions the document's
/// mentions move into a map. The same article repeated gives the same mentions in every copy after the first
/// (the first may differ: surnames there have no earlier full name).
#[test]
fn long_document_with_thousands_of_mentions() {
    let article = include_str!("../examples/article.txt");
    let copies = 60;
    let text = format!("{article}\n").repeat(copies);
    let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
    let x = extractor.extract(&Document::new("long", text.as_str()));
    assert!(x.mentions.len() > 1024, "{} mentions", x.mentions.len());
    assert!(x.mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    let copy_len = article.len() + 1;
    let in_copy = |k: usize| -> Vec<(usize, usize, &str)> {
        let range = k * copy_len..(k + 1) * copy_len;
        x.mentions
            .iter()
            .filter(|m| range.contains(&m.span.start))
            .map(|m| (m.span.start - range.start, m.span.end - range.start, m.mention_type.as_str()))
            .collect()
    };
    let second = in_copy(1);
    assert!(!second.is_empty());
    for k in 2..copies {
        assert_eq!(in_copy(k), second, "copy {k}");
    }
    extract_and_check(&text);
}

/// The sports rule reads a window of a hundred bytes around a form: its edge fell inside a curly quote, and
/// slicing there panicked (26 PolNeAR train articles failed).
#[test]
fn sports_window_edge_inside_a_multibyte_character() {
    // on some line, the edge of the window of "Chicago" falls inside a quote mark
    let lines: Vec<String> = (0..9)
        .map(|shift| format!("{}{} Chicago 3 Boston 2 “in” Toronto.", "“ab” ".repeat(12), "x".repeat(shift)))
        .collect();
    extract_and_check(&lines.join("\n"));
}

/// PolNeAR train: "PAC" (145 mentions) was the Pan Africanist Congress of Azania, and the Electoral College a
/// university by its head word.
#[test]
fn political_action_committees_and_the_electoral_college() {
    let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
    let text = "A super PAC backed him. Largely because of the Electoral College, no third-party candidate won.";
    let doc = Document::new("r", text);
    let x = extractor.extract(&doc);
    let rows = DocumentRows::new(&extractor, &doc, &x);
    let mentions: Vec<_> = rows.mentions().collect();
    assert!(!mentions.iter().any(|m| m.text == "PAC"), "{mentions:?}");
    let college = mentions.iter().find(|m| m.text == "Electoral College").expect("the Electoral College");
    assert_eq!((college.mention_type, college.subtype), ("ORGANIZATION", "government"));
}

/// Found while checking #16.11 ("quote_id is unique per document"): a text file over 16 MiB is processed in
/// parts, and each part numbered its quotations from `q1` again, so one document had many `q1`. The parts now
/// number on from the part before (`QuoteNumbers`, which `whosaid extract` applies between extracting and
/// writing), `part_of` too.
#[test]
fn quote_ids_count_on_across_the_parts_of_a_large_file() {
    use whosaid::document::{QuoteNumbers, Source};
    use whosaid::input::{DocumentStream, Event, InputOptions};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let paragraph = "Greek Defense Minister Nikos Dendias told reporters the drills were “a dangerous provocation” \
                     meant to test Athens. “We will respond,” he said.\n";
    std::fs::write(&path, paragraph.repeat(6)).unwrap();
    // parts of one paragraph each, as 16 MiB parts of a large file
    let options = InputOptions { part_bytes: paragraph.len() - 10, ..InputOptions::default() };
    let source = Source::File { path: path.clone(), id: "big.txt".into() };
    let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
    let mut numbers = QuoteNumbers::default();
    let (mut ids, mut parts_of, mut parts) = (Vec::new(), Vec::new(), 0);
    for event in DocumentStream::new(vec![source], options) {
        let Event::Document(mut doc) = event else { panic!("{event:?}") };
        let x = extractor.extract(&doc);
        numbers.number(&mut doc, x.quotes.len());
        parts += 1;
        for q in DocumentRows::new(&extractor, &doc, &x).quotes() {
            ids.push(q.quote_id.clone());
            if !q.part_of.is_empty() {
                parts_of.push((q.quote_id.clone(), q.part_of.clone()));
            }
        }
    }
    assert!(parts >= 6, "{parts} parts");
    let expected: Vec<String> = (1..=ids.len()).map(|i| format!("q{i}")).collect();
    assert_eq!(ids, expected, "one numbering over the whole document");
    assert!(ids.len() >= 12, "{ids:?}");
    // a part_of names a quotation of the same part: the one just before it
    for (id, of) in &parts_of {
        let (n, m): (usize, usize) = (id[1..].parse().unwrap(), of[1..].parse().unwrap());
        assert!(m < n && n - m <= 3, "{id} part of {of}");
    }
}
