//! The entity checks of the seed articles (Iran and Azerbaijan; the US Defense Secretary in Japan), on sentences
//! written for whosaid in their manner (`tests/fixtures/entities/rift-and-visit.txt`), with the default
//! gazetteers: each named mention has the entity, type, subtype, role (as the text gives it, the gazetteer's in
//! `role_listed`) and country an analyst expects.

use whosaid::output::rows::DocumentRows;
use whosaid::{Document, Extractor, Gazetteers};

/// (mention text, entity, type, subtype, role, role_listed, country), in the order of the text: a check takes the
/// first mention with its text that no earlier check took.
const CHECKS: &[Check] = &[
    ("Azerbaijan", "Azerbaijan", "COUNTRY", "country", "", "", "Azerbaijan"),
    ("Iran", "Iran", "COUNTRY", "country", "", "", "Iran"),
    ("Ministry of Defense", "Defense Ministry of Azerbaijan", "ORGANIZATION", "ministry", "", "", "Azerbaijan"),
    ("Iranian", "Iran", "DEMONYM", "country", "", "", "Iran"),
    ("Foreign Ministry", "Foreign Ministry of Iran", "ORGANIZATION", "ministry", "", "", "Iran"),
    ("Nasser Kanaani", "Nasser Kanaani", "PERSON", "official", "spokesman", "Foreign Ministry spokesman", "Iran"),
    ("Azeri", "Azerbaijan", "DEMONYM", "country", "", "", "Azerbaijan"),
    (
        "Zakir Hasanov",
        "Zakir Hasanov",
        "PERSON",
        "official",
        "Minister of Defense",
        "Minister of Defence",
        "Azerbaijan",
    ),
    ("Baku", "Baku", "LOCATION", "capital", "", "", "Azerbaijan"),
    ("Ayhan Hajizadeh", "Ayhan Hajizadeh", "PERSON", "official", "official", "", "Azerbaijan"),
    ("Ministry of Foreign Affairs", "Foreign Ministry of Azerbaijan", "ORGANIZATION", "ministry", "", "", "Azerbaijan"),
    ("Twitter", "Twitter", "ORGANIZATION", "company", "", "", "United States"),
    ("Kioumars Heydari", "Kioumars Heydari", "PERSON", "official", "commander", "", "Iran"),
    ("ISIS", "Islamic State", "ORGANIZATION", "armed_group", "", "", ""),
    ("Armenia", "Armenia", "COUNTRY", "country", "", "", "Armenia"),
    ("Mohammad Bagheri Kani", "Mohammad Bagheri Kani", "PERSON", "official", "Deputy Foreign Minister", "", "Iran"),
    ("Yerevan", "Yerevan", "LOCATION", "capital", "", "", "Armenia"),
    ("Tokyo", "Tokyo", "LOCATION", "capital", "", "", "Japan"),
    ("Japan", "Japan", "COUNTRY", "country", "", "", "Japan"),
    ("Gen Nakatani", "Gen Nakatani", "PERSON", "official", "Defense Minister", "Minister of Defense", "Japan"),
    ("US", "United States", "COUNTRY", "country", "", "", "United States"),
    (
        "Pete Hegseth",
        "Pete Hegseth",
        "PERSON",
        "official",
        "Defense Secretary",
        "Secretary of Defense",
        "United States",
    ),
    ("Hegseth", "Pete Hegseth", "PERSON", "official", "Defense Secretary", "Secretary of Defense", "United States"),
    ("US Forces Japan", "US Forces Japan", "ORGANIZATION", "armed_forces", "", "", "United States"),
    ("Nakatani", "Gen Nakatani", "PERSON", "official", "Defense Minister", "Minister of Defense", "Japan"),
    (
        "Japan Joint Operations Command",
        "Japan Joint Operations Command",
        "ORGANIZATION",
        "armed_forces",
        "",
        "",
        "Japan",
    ),
    ("JJOC", "Japan Joint Operations Command", "ORGANIZATION", "armed_forces", "", "", "Japan"),
    ("Ministry of Defense", "Defense Ministry of Japan", "ORGANIZATION", "ministry", "", "", "Japan"),
    ("Tokyo", "Tokyo", "LOCATION", "capital", "", "", "Japan"),
    ("Hegseth", "Pete Hegseth", "PERSON", "official", "Defense Secretary", "Secretary of Defense", "United States"),
    ("China", "China", "COUNTRY", "country", "", "", "China"),
    ("Foreign Ministry", "Foreign Ministry of China", "ORGANIZATION", "ministry", "", "", "China"),
    ("Philippines", "Philippines", "COUNTRY", "country", "", "", "Philippines"),
    ("Taiwan", "Taiwan", "COUNTRY", "country", "", "", "Taiwan"),
    ("Donald Trump", "Donald Trump", "PERSON", "official", "President", "", "United States"),
];

/// Mentions that must not be there: (text, type).
const ABSENT: &[(&str, &str)] = &[("Saturday", ""), ("Zionist", ""), ("General Zakir Hasanov", "PERSON")];

/// Canadian provinces are the provinces (not cities of the same name elsewhere), Queen's Park is the
/// legislature's place, Toronto is the city (no sports here), premiers have their country.
const PROVINCES: &[Check] = &[
    ("Ontario", "Ontario", "LOCATION", "admin1", "", "", "Canada"),
    ("Ford", "Doug Ford", "PERSON", "official", "Premier", "Premier of Ontario", "Canada"),
    ("TORONTO", "Toronto", "LOCATION", "city", "", "", "Canada"),
    ("Ontario", "Ontario", "LOCATION", "admin1", "", "", "Canada"),
    ("Doug Ford", "Doug Ford", "PERSON", "official", "Premier", "Premier of Ontario", "Canada"),
    ("Toronto", "Toronto", "LOCATION", "city", "", "", "Canada"),
    ("B.C.", "British Columbia", "LOCATION", "admin1", "", "", "Canada"),
    ("Alberta", "Alberta", "LOCATION", "admin1", "", "", "Canada"),
    ("Queen's Park", "Queen's Park", "LOCATION", "building", "", "", "Canada"),
    ("Alberta", "Alberta", "LOCATION", "admin1", "", "", "Canada"),
    ("Danielle Smith", "Danielle Smith", "PERSON", "official", "Premier", "", "Canada"),
    ("Calgary", "Calgary", "LOCATION", "city", "", "", "Canada"),
    ("P.E.I.", "Prince Edward Island", "LOCATION", "admin1", "", "", "Canada"),
    ("Quebec", "Quebec", "LOCATION", "admin1", "", "", "Canada"),
    ("Nova Scotia", "Nova Scotia", "LOCATION", "admin1", "", "", "Canada"),
];

#[test]
fn the_seed_entity_checks() {
    assert_checks("rift-and-visit.txt", CHECKS, ABSENT);
}

#[test]
fn provinces_are_provinces() {
    assert_checks("provinces.txt", PROVINCES, &[("Ontario", "ORGANIZATION"), ("Toronto", "ORGANIZATION")]);
}

/// MLS results and a soccer report: the cities and nicknames are the league's teams (curated, league MLS).
#[test]
fn mls_teams_in_sports_context() {
    assert_checks("mls.txt", MLS, &[("Toronto", "LOCATION"), ("Seattle", "LOCATION")]);
}

const MLS: &[Check] = &[
    ("Toronto", "Toronto FC", "ORGANIZATION", "team", "", "", "Canada"),
    ("Columbus", "Columbus Crew", "ORGANIZATION", "team", "", "", "United States"),
    ("Seattle Sounders", "Seattle Sounders FC", "ORGANIZATION", "team", "", "", "United States"),
    ("Whitecaps", "Vancouver Whitecaps FC", "ORGANIZATION", "team", "", "", "Canada"),
    ("Red Bulls", "New York Red Bulls", "ORGANIZATION", "team", "", "", "United States"),
    ("Inter Miami", "Inter Miami CF", "ORGANIZATION", "team", "", "", "United States"),
];

type Check = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

/// Runs the checks on a fixture of tests/fixtures/entities/.
fn assert_checks(file: &str, checks: &[Check], absent: &[(&str, &str)]) {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities").join(file),
    )
    .unwrap();
    let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
    let doc = Document::new(file, text);
    let x = extractor.extract(&doc);
    let rows: Vec<_> = DocumentRows::new(&extractor, &doc, &x).mentions().collect();
    let mut failed = Vec::new();
    let mut taken = vec![false; rows.len()];
    for &(mention, entity, kind, subtype, role, listed, country) in checks {
        let Some(i) = (0..rows.len()).find(|&i| !taken[i] && rows[i].text == mention) else {
            failed.push(format!("{mention}: not found"));
            continue;
        };
        taken[i] = true;
        let row = &rows[i];
        let got = (row.entity, row.mention_type, row.subtype, row.role, row.role_listed, row.country);
        if got != (entity, kind, subtype, role, listed, country) {
            failed.push(format!("{mention}: {got:?}"));
        }
    }
    for &(mention, kind) in absent {
        if rows.iter().any(|r| r.text == mention && (kind.is_empty() || r.mention_type == kind)) {
            failed.push(format!("{mention}: found"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} checks failed:\n{}",
        failed.len(),
        CHECKS.len() + ABSENT.len(),
        failed.join("\n")
    );
}
