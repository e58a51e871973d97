//! Who the speaker and the mentions are: surnames to their most salient bearer, pronouns by gender, on
//! articles written in the manner of the news (fixtures in `tests/fixtures/speakers/`).

use whosaid::{Document, Extractor, Gazetteers, MentionType};

fn extract(file: &str) -> (Document, whosaid::Extraction) {
    let path = format!("{}/tests/fixtures/speakers/{file}", env!("CARGO_MANIFEST_DIR"));
    let doc = Document::new(file, std::fs::read_to_string(path).unwrap());
    let x = Extractor::new(Gazetteers::embedded()).unwrap().extract(&doc);
    (doc, x)
}

#[test]
fn a_bare_surname_is_the_most_salient_bearer_not_the_latest_full_name() {
    let (doc, x) = extract("clinton-campaign.txt");
    let bare: Vec<&str> = x
        .mentions
        .iter()
        .filter(|m| m.mention_type == MentionType::Person && m.span.text(&doc.text) == "Clinton")
        .map(|m| x.entities[m.entity].name.as_str())
        .collect();
    assert!(bare.len() >= 3, "{bare:?}");
    assert!(bare.iter().all(|n| *n == "Hillary Clinton"), "{bare:?}");
    // a full name with another first name is another person
    let chelsea = x.mentions.iter().find(|m| m.span.text(&doc.text).starts_with("Chelsea Clinton")).unwrap();
    assert_eq!(x.entities[chelsea.entity].name, "Chelsea Clinton");
    let bill = x.mentions.iter().find(|m| m.span.text(&doc.text) == "Bill Clinton").unwrap();
    assert_eq!(x.entities[bill.entity].name, "Bill Clinton");
    let last = x.quotes.last().unwrap();
    assert_eq!(last.speaker.and_then(|s| s.entity).map(|e| x.entities[e].name.as_str()), Some("Hillary Clinton"));
}

/// (speaker words, speaker entity, speaker country) of the quotation holding `words`.
fn speaker_of(text: &str, words: &str) -> (String, String, String) {
    let x = Extractor::new(Gazetteers::embedded()).unwrap().extract(&Document::new("t", text));
    let q = x.quotes.iter().find(|q| q.span.text(text).contains(words)).expect("the quotation");
    let s = q.speaker.expect("a speaker");
    let e = s.entity.map(|e| &*x.entities[e]);
    (
        s.span.text(text).to_owned(),
        e.map_or(String::new(), |e| e.name.clone()),
        e.map_or(String::new(), |e| e.country.clone()),
    )
}

#[test]
fn nominal_speakers_are_the_person_of_that_role_or_country_named_before() {
    let text = "US Defense Secretary Pete Hegseth met Japanese Defense Minister Gen Nakatani in Tokyo on Sunday.\n\n\
                The two men toured a naval base.\n\n\
                “Our alliance has never been stronger,” the Pentagon chief said.";
    assert_eq!(speaker_of(text, "alliance").1, "Pete Hegseth");
    let text = "Iranian Deputy Foreign Minister Mohammad Bagheri Kani visited Yerevan, the capital of Armenia, on March 22.\n\n\
                He met Armenian officials at the airport.\n\n\
                “The talks were constructive,” the Iranian diplomat told reporters.";
    assert_eq!(speaker_of(text, "constructive").1, "Mohammad Bagheri Kani");
    // nothing fits: the words stay the speaker
    let text = "Rain fell in Tokyo on Sunday.\n\n“We are ready,” the minister said.";
    assert_eq!(speaker_of(text, "ready").1, "");
}
