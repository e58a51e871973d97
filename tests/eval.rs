//! The quotation scorer on a hand-made brat fixture (tests/fixtures/brat): a perfect prediction, a partly
//! wrong one (counts checked against the reference scorer), and `whosaid eval` end to end.

use std::path::Path;
use std::process::Command;

use whosaid::eval::quotes::{PredictedQuote, load_gold, score_quotes};

fn gold_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brat")
}

fn pred(s: usize, e: usize, speaker: &str, sp: Option<(usize, usize)>) -> PredictedQuote {
    PredictedQuote {
        doc: "budget".into(),
        quote_start: s,
        quote_end: e,
        speaker: speaker.into(),
        speaker_start: sp.map(|x| x.0),
        speaker_end: sp.map(|x| x.1),
        cue: "said".into(),
    }
}

/// The fixture's gold quotes (code points) with their gold Source spans.
fn perfect() -> Vec<PredictedQuote> {
    vec![
        pred(54, 75, "Senator Jane Doe", Some((30, 46))),
        pred(80, 96, "she", Some((99, 102))),
        pred(138, 148, "The mayor", Some((111, 120))),
        pred(164, 175, "Mr. Smith", Some((179, 188))),
        // a quotation over two paragraphs: one gold quote per paragraph; one predicted span covers both
        pred(212, 250, "Doe", Some((196, 199))),
    ]
}

#[test]
fn perfect_prediction_scores_one_hundred() {
    let gold = load_gold(&gold_dir()).unwrap();
    let r = score_quotes(&gold, &perfect());
    assert_eq!(r.gold_quotes, 6);
    for m in [&r.a, &r.b, &r.c, &r.d] {
        assert_eq!((m.tp, m.fp, m.r#fn), (6, 0, 0));
        assert_eq!(m.f1, 1.0);
    }
    assert_eq!(r.by_source_type["pronoun"].gold, 1);
    assert_eq!(r.by_source_type["name"].gold, 4);
    assert_eq!(r.by_source_type["nominal"].gold, 1);
}

#[test]
fn partly_wrong_prediction_matches_the_reference_counts() {
    let gold = load_gold(&gold_dir()).unwrap();
    let mut p = perfect();
    p[4] = pred(212, 234, "Doe", Some((196, 199))); // only the first paragraph of the two-paragraph quotation
    p[1] = pred(80, 96, "Council", Some((0, 7))); // wrong speaker
    p.push(pred(0, 13, "", None)); // a headline that is no quotation
    let r = score_quotes(&gold, &p);
    // shared/eval/score_quotes.py on the same six predictions: a 5/1/1, c 4/2/2
    assert_eq!((r.a.tp, r.a.fp, r.a.r#fn), (5, 1, 1));
    assert_eq!((r.c.tp, r.c.fp, r.c.r#fn), (4, 2, 2));
    assert!((r.c.f1 - 2.0 / 3.0).abs() < 1e-9, "{}", r.c.f1);
}

#[test]
fn eval_command_prints_the_metrics_as_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["eval", "--json", "--gold"])
        .arg(gold_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["gold_quotes"], 6);
    // whosaid's own quotes on the fixture: every span found, every speaker span right
    assert_eq!(json["a"]["tp"], 6);
    assert_eq!(json["c"]["tp"], 6);
    assert_eq!(json["c"]["fp"], 0);
}

#[test]
fn missing_gold_layout_is_a_clear_error() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_whosaid")).args(["eval", "--gold", "tests/fixtures/corpus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected subfolders text/ and attributions/"));
}

/// `eval --conll` on a hand-made CoNLL file: documents rebuilt from tokens, exact-match scores per type.
#[test]
fn conll_entity_scores_on_a_fixture() {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["eval", "--json", "--conll", "tests/fixtures/conll/sample.conll"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"], 2);
    assert_eq!(json["gold_entities"], 11);
    // Tehran, Baku, Geneva, Japan, Germany; "U.S." inside "U.S. Open" is no country mention
    assert_eq!(json["by_type"]["LOC"]["tp"], 5);
    assert_eq!(json["by_type"]["LOC"]["fp"], 0);
    // Nasser Kanaani (title rule) and Hillary Clinton; "Smith" alone is no known person
    assert_eq!(json["by_type"]["PER"]["tp"], 2);
    assert_eq!(json["by_type"]["PER"]["fn"], 1);
    // "Iranian" is a demonym, scored as MISC; "Foreign Ministry" is an organization CoNLL does not tag
    assert_eq!(json["by_type"]["MISC"]["tp"], 1);
    assert_eq!(json["by_type"]["ORG"]["fp"], 1);
    assert_eq!(json["precision_by_mention_type"]["COUNTRY"]["tp"], 2);
}

#[test]
fn conll_bad_tag_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.conll");
    std::fs::write(&path, "Iran NNP Q-LOC\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid")).args(["eval", "--conll"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.conll:1") && err.contains("Q-LOC"), "{err}");
}
