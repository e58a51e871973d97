//! Who said what beyond quotation marks (#13): reported speech in sentences written in the manner of the
//! seed articles, speakers that must not be produced, and sentences that report nothing.

use whosaid::output::rows::DocumentRows;
use whosaid::{Document, Extractor, Gazetteers};

/// One quote row, the columns these tests read.
#[derive(Debug)]
struct Row {
    kind: String,
    quote: String,
    speaker: String,
    speaker_mention: String,
    cue: String,
    cue_kind: String,
    method: String,
    part_of: String,
}

/// The embedded gazetteers, compiled once for all tests.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Gazetteers::embedded()).unwrap())
}

fn quotes(text: &str) -> Vec<Row> {
    let extractor = extractor();
    let doc = Document::new("t", text);
    let x = extractor.extract(&doc);
    DocumentRows::new(extractor, &doc, &x)
        .quotes()
        .map(|q| Row {
            kind: q.kind.to_string(),
            quote: q.quote.to_string(),
            speaker: q.speaker.to_string(),
            speaker_mention: q.speaker_mention.to_string(),
            cue: q.cue.to_string(),
            cue_kind: q.cue_kind.to_string(),
            method: q.method.to_string(),
            part_of: q.part_of.clone(),
        })
        .collect()
}

/// The row whose quote starts with `start`.
fn row<'a>(rows: &'a [Row], start: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.quote.starts_with(start))
        .unwrap_or_else(|| panic!("no row starts with {start:?}: {rows:#?}"))
}

const SEED_LIKE: &str = "\
Iranian Foreign Ministry spokesman Nasser Kanaani said his country saw the remarks by the two ministers as an \
“implicit affirmation” of their alliance and demanded an explanation.

The statement came after Azerbaijan condemned the remarks of the Iranian ground forces commander, Kioumars \
Heydari, who accused Baku of hosting foreign fighters in the 2020 war, in which Armenia was defeated.

His visit comes at a time when Japan has been uneasy about the new administration's trade policy, Japanese \
defense officials said, speaking on condition of anonymity, citing protocol.

The Japanese defense officials say they are not expecting a large change in their duties.

The two sides agreed to speed up plans to jointly produce air-to-air missiles and to ease a shortage of \
munitions, Nakatani said.

Hegseth and Nakatani told a joint news conference that they have also agreed to strengthen the defense of the \
southwestern islands.

The Pentagon chief said the reorganization of US troops is a step to prepare for a possible conflict.";

#[test]
fn the_seeds_reported_speech_gets_its_speakers() {
    let rows = quotes(SEED_LIKE);
    let kanaani = row(&rows, "his country saw");
    assert_eq!((kanaani.kind.as_str(), kanaani.speaker.as_str()), ("mixed", "Nasser Kanaani"));
    assert!(kanaani.quote.ends_with("of their alliance"), "{kanaani:?}");
    // the second verb of the same subject reports its own clause
    assert_eq!(row(&rows, "an explanation").speaker, "Nasser Kanaani");
    let heydari = row(&rows, "Baku of hosting");
    assert_eq!((heydari.speaker.as_str(), heydari.speaker_mention.as_str()), ("Kioumars Heydari", "who"));
    assert_eq!(heydari.quote, "Baku of hosting foreign fighters in the 2020 war");
    let officials = row(&rows, "His visit comes");
    assert_eq!(
        (officials.speaker.as_str(), officials.method.as_str()),
        ("Japanese defense officials", "clause-comma-source-cue")
    );
    assert!(officials.quote.ends_with("trade policy"), "{officials:?}");
    assert_eq!(row(&rows, "they are not expecting").speaker, "The Japanese defense officials");
    let nakatani = row(&rows, "The two sides agreed");
    assert_eq!(nakatani.speaker, "Nakatani");
    assert!(nakatani.quote.ends_with("a shortage of munitions"), "{nakatani:?}");
    let together = row(&rows, "they have also agreed");
    assert_eq!((together.speaker_mention.as_str(), together.cue.as_str()), ("Hegseth and Nakatani", "told"));
    assert_eq!(row(&rows, "the reorganization of US troops").speaker, "The Pentagon chief");
    // "speaking on condition of anonymity" is the reporter's aside, not something said
    assert!(!rows.iter().any(|r| r.cue == "speaking"), "{rows:#?}");
}

#[test]
fn a_joint_speaker_names_both_people() {
    let rows = quotes(
        "US Defense Secretary Pete Hegseth met Japan's Defense Minister Gen Nakatani in Tokyo.\n\n\
         Hegseth and Nakatani told a joint news conference that they had agreed to speed up missile production.",
    );
    let r = row(&rows, "they had agreed");
    assert_eq!(r.speaker, "Pete Hegseth and Gen Nakatani");
}

#[test]
fn a_fragment_inside_reported_speech_is_part_of_it() {
    let rows = quotes("The minister said the drills were “a dangerous provocation” meant to test the new government.");
    let mixed = row(&rows, "the drills were");
    assert_eq!(mixed.kind, "mixed");
    let partial = row(&rows, "a dangerous provocation");
    assert_eq!((partial.kind.as_str(), partial.part_of.as_str()), ("partial", "q1"));
    assert!(mixed.part_of.is_empty());
}

#[test]
fn stance_cues_are_kept_apart_from_speech() {
    let rows = quotes(
        "Most economists believe the tariffs will raise prices.\n\nThe mayor said the tariffs will raise prices.",
    );
    assert_eq!(row(&rows, "the tariffs").cue_kind, "belief");
    let said = rows.iter().find(|r| r.cue == "said").unwrap();
    assert_eq!(said.cue_kind, "speech");
}

/// Speakers an earlier version produced: sentence fragments, not people, groups or nouns that can speak.
#[test]
fn sentence_fragments_are_never_speakers() {
    let cases = [
        (
            "Editor’s note: The mayor regularly skips council meetings and has repeatedly pledged to close the library.",
            "Editor’s",
        ),
        (
            "Once in my early 20s, when my aunt mentioned ghosts to me on a train, I laughed and said, \"I don't believe in ghosts.\"",
            "Once in my early 20s",
        ),
        ("She was upset. To which she said, \"Thank heaven you still believe in something.\"", "To which she"),
        ("His twisted message of pride is one that rewards cruelty and normalizes fear.", "His twisted"),
        ("Or maybe the council will simply vote the plan down next week, critics argue.", "Or"),
        (
            "Bernie Sanders offered some pointed advice to the governor on Friday as the campaign enters its final weeks.",
            "Bernie Sanders offered some",
        ),
        (
            "\"Talk about the real issues. The American people do not agree with the governor,\" Sanders said.",
            "The American people",
        ),
    ];
    for (text, bad) in cases {
        let rows = quotes(text);
        for r in &rows {
            assert!(
                !r.speaker.starts_with(bad) && !r.speaker_mention.starts_with(bad),
                "{text:?} gave the speaker {:?} ({:?})",
                r.speaker,
                r.speaker_mention
            );
        }
    }
    // where they speak, the real speakers are found
    assert_eq!(row(&quotes(cases[1].0), "I don't believe").speaker, "I");
    assert_eq!(row(&quotes(cases[2].0), "Thank heaven").speaker_mention, "she");
    assert_eq!(row(&quotes(cases[6].0), "Talk about").speaker, "Sanders");
}

#[test]
fn so_called_reports_nothing() {
    let rows = quotes("The so-called reform package passed on Tuesday.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn the_said_property_reports_nothing() {
    let rows = quotes("The said property was sold to a developer in 2015.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn is_said_to_be_reports_nothing() {
    let rows = quotes("The factory is said to be the largest in the region.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn headlines_and_captions_report_nothing() {
    for text in [
        "Popular Website Shows Bias When It Comes To Fact-Checking Republicans",
        "A protester holds a sign outside the embassy in Tehran on Friday. (Reuters)",
    ] {
        let rows = quotes(text);
        assert!(rows.is_empty(), "{text:?}: {rows:#?}");
    }
}

#[test]
fn said_inside_a_quotation_reports_nothing_of_its_own() {
    let rows = quotes("“We said then that the talks would fail, and they did,” the minister said.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!((rows[0].kind.as_str(), rows[0].speaker.as_str()), ("direct", "the minister"));
}

#[test]
fn a_cue_noun_after_a_determiner_is_no_cue() {
    for text in ["His claims about the budget were false.", "Her remarks on Friday drew applause from the crowd."] {
        let rows = quotes(text);
        assert!(rows.is_empty(), "{text:?}: {rows:#?}");
    }
}

#[test]
fn a_relative_clause_attribution_ends_with_its_clause() {
    let rows = quotes("The reform package, which critics call a giveaway, passed on Tuesday.");
    let r = row(&rows, "a giveaway");
    assert_eq!((r.quote.as_str(), r.speaker.as_str()), ("a giveaway", "critics"));
}

#[test]
fn a_noun_object_ends_where_the_noun_phrase_does() {
    let rows = quotes(
        "Mayor Ana Ruiz endorsed Tomas Holm on Thursday at a rally in the old town.\n\n\
         Councillor Dan Okafor denied the accusations through a spokeswoman.\n\n\
         Senator Lena Ortiz declined to comment after the vote.\n\n\
         Governor Kerem Ozal backed Holm.",
    );
    assert_eq!(row(&rows, "Tomas Holm").quote, "Tomas Holm", "{rows:#?}");
    assert_eq!(row(&rows, "the accusations").quote, "the accusations", "{rows:#?}");
    assert_eq!(row(&rows, "to comment").quote, "to comment", "{rows:#?}");
    // a one-word name is an object too
    assert_eq!(row(&rows, "Holm").speaker_mention, "Governor Kerem Ozal", "{rows:#?}");
}

#[test]
fn a_clause_after_a_noun_object_cue_keeps_its_adjuncts() {
    // "denied that …" reports a clause: it runs to the sentence's end
    let rows = quotes("Councillor Dan Okafor denied that the council met on Thursday in secret.");
    assert_eq!(row(&rows, "the council").quote, "the council met on Thursday in secret", "{rows:#?}");
}

#[test]
fn but_said_after_a_quotation_takes_the_subject_of_the_verb_before() {
    let rows = quotes(
        "Last month, Police Chief Dan Okafor called the council's use of private email servers \"extremely \
         careless,\" but said it should face no charges.",
    );
    let row = row(&rows, "it should face no charges");
    assert_eq!(row.speaker_mention, "Police Chief Dan Okafor", "{rows:#?}");
}

#[test]
fn a_told_clause_skips_the_addressee_and_its_time_and_ends_before_an_aside() {
    // the addressee ("voters") and the time after it ("this weekend") are not content; an adverb and a
    // participle after a comma (", implicitly putting …") are the reporter's aside
    let rows = quotes(
        "Mayor Ana Ruiz told voters this weekend she would consider it an insult if they stayed home, implicitly \
         putting her name on the ballot.",
    );
    let row = row(&rows, "she would");
    assert_eq!(row.quote, "she would consider it an insult if they stayed home", "{rows:#?}");
    assert_eq!(row.speaker_mention, "Mayor Ana Ruiz", "{rows:#?}");
}
