//! gazgen end to end on `tests/data/`, a tiny data folder in the real one's layout and formats (written by hand
//! for these tests), with the repository's curated files.

use std::path::Path;
use std::process::Command;

/// Runs gazgen into a new folder and returns it.
fn generate() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let status =
        Command::new(env!("CARGO_BIN_EXE_gazgen")).arg("--data").arg(&data).arg("--out").arg(out.path()).status();
    assert!(status.unwrap().success());
    out
}

fn read(dir: &tempfile::TempDir, file: &str) -> String {
    std::fs::read_to_string(dir.path().join(file)).unwrap()
}

/// The data rows of a generated file, as cells.
fn rows(text: &str) -> Vec<Vec<&str>> {
    text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect()).collect()
}

fn row_named<'a>(rows: &'a [Vec<&'a str>], name: &str) -> Option<&'a Vec<&'a str>> {
    rows.iter().find(|r| r[1] == name)
}

#[test]
fn same_input_gives_byte_identical_files() {
    let (a, b) = (generate(), generate());
    for file in [
        "countries.tsv",
        "places.tsv",
        "officials.tsv",
        "organizations.tsv",
        "first_names.tsv",
        "first_names_gender.tsv",
        "cues_gendergaptracker.tsv",
    ] {
        assert_eq!(read(&a, file), read(&b, file), "{file}");
    }
    assert_eq!(
        read(&a, "share-alike/international_organizations.tsv"),
        read(&b, "share-alike/international_organizations.tsv")
    );
}

#[test]
fn countries_have_forms_demonyms_and_curated_variants() {
    let out = generate();
    let text = read(&out, "countries.tsv");
    let countries = rows(&text);
    let iran = row_named(&countries, "Iran").unwrap();
    assert_eq!(iran[0], "IR");
    assert!(iran[4].contains("Islamic Republic of Iran"));
    assert_eq!(iran[5], "Iranian|Iranians");
    let azerbaijan = row_named(&countries, "Azerbaijan").unwrap();
    assert!(azerbaijan[5].contains("Azeri"), "curated demonym variant");
    let us = row_named(&countries, "United States").unwrap();
    assert!(us[4].split('|').any(|a| a == "U.S.") && us[4].split('|').any(|a| a == "America"));
}

#[test]
fn places_follow_the_precision_rules() {
    let out = generate();
    let text = read(&out, "places.tsv");
    let places = rows(&text);
    let washington = row_named(&places, "Washington").unwrap();
    assert_eq!((washington[3], washington[6]), ("capital", "US"));
    assert_eq!(row_named(&places, "Isfahan").unwrap()[6], "IR");
    assert_eq!(row_named(&places, "Gäncä").unwrap()[4], "Ganca", "accents folded");
    assert!(row_named(&places, "Reading").is_none(), "stop list");
    assert!(row_named(&places, "Clinton").is_none(), "a surname of a listed person, under a million inhabitants");
    assert!(row_named(&places, "Tinyville").is_none(), "under the population threshold");
}

#[test]
fn officials_keep_offices_and_periods() {
    let out = generate();
    let text = read(&out, "officials.tsv");
    let officials = rows(&text);
    let sanders: Vec<_> = officials.iter().filter(|r| r[1] == "Bernie Sanders").collect();
    assert_eq!(sanders.len(), 2, "House, then Senate terms merged into one period");
    assert_eq!((sanders[1][8], sanders[1][9]), ("2007-01-04", "2019-01-03"));
    assert_eq!(sanders[0][4], "Bernard Sanders");
    let zarif = row_named(&officials, "Mohammad Javad Zarif").unwrap();
    assert_eq!(
        (zarif[6], zarif[7], zarif[8], zarif[9]),
        ("IR", "Minister of Foreign Affairs", "2013-08-15", "2021-08-25")
    );
    let asadov = row_named(&officials, "Ali Asadov").unwrap();
    assert_eq!((asadov[7], asadov[8]), ("Prime Minister", "2019-10-08"), "Factbook head, re-cased");
    assert_eq!(row_named(&officials, "Ayman Safadi").unwrap()[7], "Minister of Foreign Affairs", "CIA 'Min.' expanded");
    assert!(row_named(&officials, "Someone Else").is_none(), "ambassadors are left out");
    let aliyev = officials.iter().filter(|r| r[1] == "Ilham Aliyev").count();
    assert_eq!(aliyev, 1, "one office given by two sources is one row");
}

#[test]
fn organizations_get_news_forms_and_ambiguous_names_are_left_out() {
    let out = generate();
    let text = read(&out, "organizations.tsv");
    let orgs = rows(&text);
    assert!(row_named(&orgs, "Department of Energy").unwrap()[4].split('|').any(|a| a == "Energy Department"));
    assert!(
        row_named(&orgs, "Senate Committee on Armed Services").unwrap()[4].contains("Senate Armed Services Committee")
    );
    assert_eq!(row_named(&orgs, "Conservative Party").unwrap()[6], "GB");
    assert!(row_named(&orgs, "Labour Party").is_none(), "a party name of two countries");
    assert!(row_named(&orgs, "Office of Inspector General").is_none(), "a bureau of two departments");
    assert!(row_named(&orgs, "Time").is_none(), "one-word outlet");
    assert_eq!(row_named(&orgs, "Combatant Clergy Association").unwrap()[4], "CCA");
    let share_alike = read(&out, "share-alike/international_organizations.tsv");
    assert!(share_alike.contains("CC-BY-SA-4.0"));
    assert!(rows(&share_alike).iter().all(|r| !r[4].split('|').any(|a| a == "NATO")), "curated forms stay curated");
}

#[test]
fn quoting_verbs_become_cues_with_belief_verbs_weaker() {
    let out = generate();
    let text = read(&out, "cues_gendergaptracker.tsv");
    let cues: Vec<Vec<&str>> =
        text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect()).collect();
    assert!(cues.contains(&vec!["acknowledged", "acknowledged", "speech"]));
    assert!(cues.contains(&vec!["thought", "thought", "belief"]));
}

#[test]
fn first_names_get_the_gender_of_the_people_who_bear_them() {
    let out = generate();
    let text = read(&out, "first_names_gender.tsv");
    assert!(text.starts_with("# The gender of first names"), "attribution in the header");
    let rows = rows(&text);
    assert!(rows.contains(&vec!["Yoko", "female_name", "2", "0"]), "{rows:?}");
    // Taro Aso holds two offices: one person, counted once
    assert!(rows.contains(&vec!["Taro", "male_name", "0", "2"]), "{rows:?}");
    // one person with a stated gender is not enough
    assert!(!text.contains("Ashton"));
}
