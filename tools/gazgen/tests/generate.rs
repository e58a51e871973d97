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
        "teams.tsv",
        "companies.tsv",
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
    assert_eq!(row_named(&orgs, "Progressive Action Congress").unwrap()[4], "", "PAC is on the stop list");
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

#[test]
fn first_level_divisions_follow_the_precision_rules() {
    let out = generate();
    let text = read(&out, "places.tsv");
    let places = rows(&text);
    let ontario: Vec<_> = places.iter().filter(|r| r[1] == "Ontario").collect();
    assert_eq!(ontario.len(), 1, "one owner per form");
    assert_eq!((ontario[0][3], ontario[0][6]), ("admin1", "CA"), "the province wins over a smaller foreign city");
    let manchester = row_named(&places, "Manchester").unwrap();
    assert_eq!((manchester[3], manchester[6]), ("city", "GB"), "a larger foreign city keeps its name");
    assert_eq!(places.iter().filter(|r| r[1] == "Manchester").count(), 1);
    let quebec = row_named(&places, "Quebec").unwrap();
    assert_eq!((quebec[0], quebec[3]), ("geonames:6115047", "admin1"), "curated: the province is the usual sense");
    assert!(places.iter().all(|r| !r[4].split('|').any(|a| a == "Quebec")), "the city keeps no 'Quebec' form");
    assert_eq!(row_named(&places, "Quebec City").unwrap()[3], "city");
    assert!(row_named(&places, "Punjab").is_none(), "a division name of two countries");
    assert!(row_named(&places, "México").is_none(), "a country's name, accents folded");
    assert!(row_named(&places, "Centre").is_none(), "a common word");
    assert!(row_named(&places, "South-West").is_none(), "made of common words only");
    assert!(row_named(&places, "Hidalgo").is_none(), "a listed person's surname");
    assert!(row_named(&places, "Kanal").is_none(), "under the division size threshold");
    assert!(row_named(&places, "California").is_none(), "US divisions come from the state list");
    let madrid: Vec<_> = places.iter().filter(|r| r[1] == "Madrid").collect();
    assert_eq!((madrid.len(), madrid[0][3]), (1, "capital"), "a city of the same country keeps its name");
}

/// The cells of a teams.tsv row by column name.
fn team<'a>(header: &[&'a str], row: &[&'a str], column: &str) -> &'a str {
    row[header.iter().position(|h| *h == column).unwrap()]
}

fn forms(cell: &str) -> Vec<&str> {
    cell.split('|').filter(|f| !f.is_empty()).collect()
}

#[test]
fn teams_keep_place_and_word_forms_for_sports_context() {
    let out = generate();
    let text = read(&out, "teams.tsv");
    let header: Vec<&str> = text.lines().find(|l| !l.starts_with('#')).unwrap().split('\t').collect();
    let teams = rows(&text);
    let get = |name: &str, column: &str| team(&header, row_named(&teams, name).unwrap(), column);
    // curated teams: nickname everywhere, the city in sports context only
    assert_eq!(get("Toronto Maple Leafs", "aliases"), "Maple Leafs");
    assert!(forms(get("Toronto Maple Leafs", "sports_aliases")).contains(&"Toronto"));
    assert_eq!(get("Toronto Maple Leafs", "subtype"), "team");
    assert_eq!(get("Toronto Maple Leafs", "sport"), "ice_hockey");
    assert_eq!(get("Surrey County Cricket Club", "sports_aliases"), "Surrey");
    assert!(!forms(get("Surrey County Cricket Club", "aliases")).contains(&"Surrey"));
    // a sports alias two teams of one sport share is nobody's; teams of other sports may share it
    assert!(!forms(get("New York Yankees", "sports_aliases")).contains(&"New York"));
    assert!(!forms(get("New York Mets", "sports_aliases")).contains(&"New York"));
    assert!(forms(get("New York Knicks", "sports_aliases")).contains(&"New York"));
    assert!(forms(get("Toronto Raptors", "sports_aliases")).contains(&"Toronto"));
    // clubs: a bare place, a stop-list word, a common word, a surname and an acronym are sports context only
    assert_eq!(get("Arsenal FC", "aliases"), "Arsenal|FC Arsenal", "abbreviations and 'The' forms dropped");
    assert_eq!(get("Chelsea FC", "sports_aliases"), "Chelsea", "a city name");
    assert_eq!(get("Reading FC", "sports_aliases"), "Reading", "on the stop list");
    assert_eq!(get("Celtic FC", "sports_aliases"), "Celtic", "a common word");
    assert_eq!(get("Sanders Athletic FC", "sports_aliases"), "Sanders", "a listed person's surname");
    assert_eq!(get("Kingston FC", "sports_aliases"), "KFC", "an acronym");
    for alias in ["Chelsea", "Reading", "Celtic", "Sanders", "KFC"] {
        assert!(teams.iter().all(|r| !forms(team(&header, r, "aliases")).contains(&alias)), "{alias}");
    }
    // the English name of a club is its name; names in other languages are left out
    assert_eq!(get("Bayern Munich", "aliases"), "Bayern München|Bayern|FC Bayern|Bayern Munchen");
    // defunct clubs, reserve sides and clubs written like a curated team are left out
    assert!(row_named(&teams, "Darwen FC").is_none());
    assert!(teams.iter().all(|r| r[1] != "Arsenal FC II" && !r[4].contains("Reserves")));
    assert!(row_named(&teams, "Toronto Maple Leafs FC").is_none());
    // a one-word form of a club outside the listed countries is sports context only
    assert_eq!(get("Club Atlético Lanús", "sports_aliases"), "Lanusense");
    // a form clubs of two countries share goes to the club of the listed country
    let sarandi = row_named(&teams, "Arsenal de Sarandí").unwrap();
    assert!(!forms(team(&header, sarandi, "aliases")).contains(&"Arsenal FC"));
    assert!(!forms(team(&header, sarandi, "sports_aliases")).contains(&"Arsenal"));
}

#[test]
fn companies_get_news_names_and_words_stay_out() {
    let out = generate();
    let text = read(&out, "companies.tsv");
    let header: Vec<&str> = text.lines().find(|l| !l.starts_with('#')).unwrap().split('\t').collect();
    let companies = rows(&text);
    let by_id = |id: &str| companies.iter().find(|r| r[0] == id);
    let microsoft = by_id("sec:789019").unwrap();
    assert_eq!((microsoft[1], microsoft[3], team(&header, microsoft, "ticker")), ("Microsoft", "company", "MSFT"));
    assert_eq!(by_id("sec:320193").unwrap()[1], "Apple", "a curated one-word brand");
    assert!(forms(by_id("sec:320193").unwrap()[4]).contains(&"Apple Inc."), "the legal form stays an alias");
    assert_eq!(by_id("sec:1067983").unwrap()[1], "Berkshire Hathaway");
    assert_eq!(companies.iter().filter(|r| r[0] == "sec:1067983").count(), 1, "one row per CIK");
    assert_eq!(by_id("sec:70858").unwrap()[1], "Bank of America", "the part after a slash and the suffix dropped");
    assert_eq!(by_id("sec:732717").unwrap()[1], "AT&T", "acronyms keep their capitals");
    // a one-word news name no curated row vouches for is not matched: the legal form stands in
    assert_eq!(by_id("sec:27419").unwrap()[1], "Target Corp");
    assert_eq!(by_id("sec:1403161").unwrap()[1], "Visa Inc");
    assert!(companies.iter().all(|r| !["Target", "Visa"].contains(&r[1]) && !forms(r[4]).contains(&"Target")));
    // a one-letter word: the legal form, unless curated
    assert_eq!(by_id("sec:91142").unwrap()[1], "Smith A O Corp");
    assert_eq!(by_id("sec:882184").unwrap()[1], "D.R. Horton");
    // funds, trusts and SPACs are left out; a curated '-' leaves a company out
    for id in ["sec:884394", "sec:1853138", "sec:1222333", "sec:1326801"] {
        assert!(by_id(id).is_none(), "{id}");
    }
    // a news name two companies share goes to the larger (the first listed)
    assert_eq!(by_id("sec:887028").unwrap()[1], "Rio Tinto");
    assert_eq!(by_id("sec:863064").unwrap()[1], "Rio Tinto PLC");
}
