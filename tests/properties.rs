//! Property tests: on any text, every table's offsets are code-point offsets whose slice equals the row's text,
//! and extraction never panics.

use proptest::prelude::*;
use whosaid::output::rows::DocumentRows;
use whosaid::{CharOffsets, Document, Extractor, Gazetteers};

/// Pieces that exercise the rules: names, titles, demonyms, quotes of every style, apostrophes, line breaks.
const PIECES: &[&str] = &[
    "Iranian",
    "Foreign",
    "Ministry",
    "spokesman",
    "Nasser",
    "Kanaani",
    "said",
    ":",
    "“",
    "”",
    "\"",
    "''",
    "‘",
    "’s",
    "Japan’s",
    "U.S.-led",
    "Defense",
    "Minister",
    "Gen",
    "Nakatani",
    ",",
    ".",
    "\n",
    "\n\n",
    "He",
    "added",
    "Tehran",
    "Baku",
    "the",
    "Ministry of Foreign Affairs of Azerbaijan",
    "Joint Operations Command, or JJOC",
    "an official of",
    "Ayhan",
    "Hajizadeh",
    "é",
    "日本",
    "\u{a0}",
    "Mr.",
    "President",
    "Trump",
    "according to",
    "(",
    ")",
    "🙂",
    "\r\n",
    // reported speech
    "that",
    "who",
    "which",
    "in which",
    "and",
    "told",
    "reporters",
    "says",
    "is",
    "are",
    "demanding",
    "speaking",
    "E.U.",
    "Z.",
    "officials",
    "family",
    "—",
    ";",
    "so-called",
    "Editor’s note:",
    "haven’t",
    "believes",
    "endorsed",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![prop::sample::select(PIECES).prop_map(str::to_owned), "\\PC{0,6}"], 0..80)
        .prop_map(|parts| parts.join(" "))
}

fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Gazetteers::embedded()).unwrap())
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn offsets_are_code_points_and_slices_match(text in text_strategy()) {
        let extractor = extractor();
        let doc = Document::new("d", text.clone());
        let x = extractor.extract(&doc);
        for m in &x.mentions {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
        let rows = DocumentRows::new(extractor, &doc, &x);
        for row in rows.mentions() {
            prop_assert_eq!(slice(&text, row.start, row.end), row.text);
        }
        for row in rows.quotes() {
            prop_assert_eq!(slice(&text, row.quote_start, row.quote_end), row.quote);
            if let (Some(s), Some(e)) = (row.speaker_start, row.speaker_end) {
                prop_assert_eq!(slice(&text, s, e), row.speaker_mention);
            }
            if let (Some(s), Some(e)) = (row.cue_start, row.cue_end) {
                prop_assert_eq!(slice(&text, s, e), row.cue);
            }
        }
        // mentions are sorted and never overlap
        for pair in x.mentions.windows(2) {
            prop_assert!(pair[0].span.end <= pair[1].span.start);
        }
    }

    #[test]
    fn offsets_of_a_later_part_are_shifted_by_its_base(text in text_strategy(), base in 0usize..1000) {
        let offsets = CharOffsets::with_base(&text, base);
        for (byte, _) in text.char_indices() {
            prop_assert_eq!(offsets.char_offset(byte), base + text[..byte].chars().count());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// The same documents give the same rows on one thread and on several.
    #[test]
    fn output_does_not_depend_on_thread_count(texts in prop::collection::vec(text_strategy(), 1..12)) {
        use rayon::prelude::*;
        let extractor = extractor();
        let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), t.clone())).collect();
        let rows = |threads: usize| -> Vec<String> {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let per_doc: Vec<Vec<String>> = pool.install(|| {
                docs.par_iter()
                    .map(|d| {
                        let x = extractor.extract(d);
                        let rows = DocumentRows::new(extractor, d, &x);
                        let mut out: Vec<String> = rows.mentions().map(|r| format!("{r:?}")).collect();
                        out.extend(rows.quotes().map(|r| format!("{r:?}")));
                        out
                    })
                    .collect()
            });
            per_doc.into_iter().flatten().collect()
        };
        prop_assert_eq!(rows(1), rows(3));
    }
}
