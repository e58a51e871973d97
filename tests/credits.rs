//! Bylines and credits: the people they name are persons of subtype `credit`, with the organization they
//! credit, and never speakers or antecedents (sentences written for these tests).

use whosaid::{Document, Extractor, Gazetteers, MentionType};

/// (text, subtype, role) of every person mention.
fn people(text: &str) -> Vec<(String, String, String)> {
    let x = Extractor::new(Gazetteers::embedded()).unwrap().extract(&Document::new("t", text));
    x.mentions
        .iter()
        .filter(|m| m.mention_type == MentionType::Person)
        .map(|m| {
            let e = &x.entities[m.entity];
            (m.span.text(text).to_owned(), e.subtype.clone(), e.role.clone())
        })
        .collect()
}

fn credit(name: &str, org: &str) -> (String, String, String) {
    (name.to_owned(), "credit".to_owned(), org.to_owned())
}

#[test]
fn bylines_are_credits() {
    let got = people("By Sam Poe and Ann Lee\n\nThe harbour reopened on Monday after the storm.");
    assert_eq!(got, [credit("Sam Poe", ""), credit("Ann Lee", "")]);
    // "By" opening a sentence of the story is no byline
    let got = people("By Tuesday the harbour had reopened, said Sam Poe, the harbour master.");
    assert!(got.iter().all(|p| p.1 != "credit"), "{got:?}");
}

#[test]
fn photo_credits_name_the_organization() {
    let got = people("The harbour reopened on Monday.\n\n(Jane Roe/Canadian Press)\n\nShips came in.");
    assert_eq!(got, [credit("Jane Roe", "Canadian Press")]);
    let got = people("The harbour reopened on Monday.\n\nPhoto: Jane Roe/Harbour Daily");
    assert_eq!(got, [credit("Jane Roe", "Harbour Daily")]);
}

#[test]
fn reporting_and_editing_credits() {
    let text = "The harbour reopened on Monday.\n\n(Reporting by Ann Lee in Halifax and Sam Poe; Editing by Tom Kerr)";
    let got = people(text);
    assert_eq!(got, [credit("Ann Lee", ""), credit("Sam Poe", ""), credit("Tom Kerr", "")]);
    // "passed by" a person is no credit
    let got = people("The harbour law was passed by Sam Poe and the council.");
    assert!(got.iter().all(|p| p.1 != "credit"), "{got:?}");
}

#[test]
fn a_credit_is_never_a_speaker_nor_an_antecedent() {
    let text = "By Sam Poe\n\n“The harbour will reopen on Monday,” he said.\n\n(Jane Roe/Canadian Press)";
    let x = Extractor::new(Gazetteers::embedded()).unwrap().extract(&Document::new("t", text));
    let q = x.quotes.iter().find(|q| q.span.text(text).contains("harbour")).expect("the quotation");
    let speaker = q.speaker.expect("a speaker");
    assert_eq!(speaker.span.text(text), "he");
    assert_eq!(speaker.entity, None, "{:?}", speaker.entity.map(|e| &x.entities[e].name));
}
