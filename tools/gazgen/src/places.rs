//! Places: capitals and cities from GeoNames `cities15000`, US states and continents from GeoNames, and the
//! curated `curated/places.tsv` (regions, seas and disputed areas in the news that GeoNames' city file lacks).
//!
//! The precision guard, in order:
//! 1. a city is kept when it is a capital or has at least [`MIN_POPULATION`] inhabitants;
//! 2. its names must be Latin-script and capitalised; accents are also matched folded ("Bogota");
//! 3. a name on the stop list (`curated/stoplist.txt`: Of, Nice, Reading, Mobile, ...) is never matched;
//! 4. a one-word name that is also a first name or a surname of a listed person (Douglas, Austin, Lincoln,
//!    Bush) is dropped unless the city has a million inhabitants or more or is a sovereign country's capital;
//! 5. a form already taken (a country, or a larger city of the same name) is not matched for this city: the
//!    most populous "Valencia" or "Birmingham" wins;
//! 6. the first-level divisions of other countries ([`crate::admin1`]) claim their names after the capitals and
//!    before the cities smaller than themselves (a division's size is the population of its cities in
//!    `cities15000`): "Ontario" (15 million) is the Canadian province, the Californian city of 180,000 loses the
//!    name, and Manchester (400,000) keeps its name from the Jamaican parish (47,000).
//!
//! GeoNames' alternate names carry no language and mix translations ("White House" is one of Casablanca's), so
//! they are not used: English exonyms ("Kiev", "Bombay") come from the curated file.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

use crate::admin1;
use crate::common::{self, Register, Result, Row, clean, read_json};
use crate::countries::Countries;

/// Cities below this population are left out, capitals excepted.
pub const MIN_POPULATION: u64 = 100_000;
/// Cities from this population up keep one-word names that are also people's names (rule 4).
pub const BIG_CITY_POPULATION: u64 = 1_000_000;

/// Builds the place rows. `person_words` holds the first names and surnames of the people lists (rule 4),
/// `common_words` the words that first-level divisions may not be named on their own (see [`admin1`]).
pub fn build(
    data: &Path,
    curated: &Path,
    countries: &Countries,
    person_words: &HashSet<String>,
    common_words: &BTreeSet<String>,
    reg: &mut Register,
) -> Result<Vec<Row>> {
    let mut rows = common::curated_entities(&curated.join("places.tsv"), "LOCATION", reg)?;
    let curated_ids: HashSet<String> = rows.iter().map(|r| r.id.clone()).collect();

    let cities = read_json(&data.join("places/geonames-cities15000.json"))?;
    let mut cities: Vec<&Value> = cities.as_object().map(|m| m.values().collect()).unwrap_or_default();
    let capitals: HashSet<(String, String)> =
        countries.list.iter().map(|c| (c.iso2.clone(), c.capital.clone())).filter(|(_, c)| !c.is_empty()).collect();
    let territories: HashSet<&str> = countries.list.iter().filter(|c| c.territory).map(|c| c.iso2.as_str()).collect();
    let is_capital = |c: &Value| {
        let code = c["countrycode"].as_str().unwrap_or_default().to_owned();
        let name = c["name"].as_str().unwrap_or_default();
        capitals.contains(&(code.clone(), name.to_owned()))
            || c["alternatenames"].as_array().is_some_and(|alts| {
                alts.iter().filter_map(Value::as_str).any(|a| capitals.contains(&(code.clone(), a.to_owned())))
            })
    };
    // capitals first, then by population: they claim shared names first
    cities.sort_by_key(|c| {
        (!is_capital(c), std::cmp::Reverse(c["population"].as_u64().unwrap_or(0)), c["geonameid"].as_u64().unwrap_or(0))
    });
    // the names that cities keep in their own country (admin1 rule 7): capitals and cities of MIN_POPULATION,
    // and the population of each division's cities (its size, for rule 6)
    let kept_cities: HashSet<(String, String)> = cities
        .iter()
        .filter(|c| is_capital(c) || c["population"].as_u64().unwrap_or(0) >= MIN_POPULATION)
        .map(|c| {
            let name = common::fold(&clean(c["name"].as_str().unwrap_or_default()));
            (c["countrycode"].as_str().unwrap_or_default().to_owned(), name)
        })
        .collect();
    let mut division_population: HashMap<String, u64> = HashMap::new();
    for c in &cities {
        let code = format!(
            "{}.{}",
            c["countrycode"].as_str().unwrap_or_default(),
            c["admin1code"].as_str().unwrap_or_default()
        );
        *division_population.entry(code).or_default() += c["population"].as_u64().unwrap_or(0);
    }
    let mut divisions = admin1::candidates(
        data,
        &admin1::Context {
            countries,
            person_words,
            common_words,
            kept_cities: &kept_cities,
            curated_ids: &curated_ids,
            population: &division_population,
        },
    )?;
    // the largest first; each claims its names just before the first city smaller than it
    divisions.sort_by_key(|(d, p)| (std::cmp::Reverse(*p), d.id.clone()));
    let mut divisions = divisions.into_iter().peekable();
    let mut capital_seen: BTreeSet<String> = BTreeSet::new();
    for c in cities {
        let population = c["population"].as_u64().unwrap_or(0);
        let code = c["countrycode"].as_str().unwrap_or_default();
        let capital = is_capital(c) && capital_seen.insert(code.to_owned());
        // (the capitals, sorted first, include cities named like one, "Brasília de Minas")
        while !is_capital(c) && divisions.peek().is_some_and(|(_, p)| *p > population) {
            // rule 6: a division claims its names before the smaller cities
            let (mut row, _) = divisions.next().expect("peeked");
            if reg.claim_row(&mut row, "division name taken by a country, a curated place or a larger city") {
                rows.push(row);
            }
        }
        if !capital && population < MIN_POPULATION {
            continue;
        }
        let name = clean(c["name"].as_str().unwrap_or_default());
        if !common::is_latin_name(&name.replace(", ", " ")) {
            continue;
        }
        let folded = common::fold(&name);
        let person_word = person_words.contains(&name) || person_words.contains(&folded);
        let kept_anyway = population >= BIG_CITY_POPULATION || (capital && !territories.contains(code));
        if !kept_anyway && !name.contains(' ') && person_word {
            continue;
        }
        let mut aliases = vec![folded];
        if capital && code == "US" {
            // GeoNames' "Washington" is the capital; news also writes it with the district
            aliases.extend(["Washington, D.C.", "Washington D.C.", "Washington DC"].map(str::to_owned));
        }
        let mut row = Row {
            id: format!("geonames:{}", c["geonameid"].as_u64().unwrap_or(0)),
            name,
            entity_type: "LOCATION",
            subtype: if capital { "capital" } else { "city" }.to_owned(),
            aliases,
            country: code.to_owned(),
            source: format!("GeoNames cities15000 (population {population})"),
            ..Row::default()
        };
        if reg.claim_row(&mut row, "city name taken by a country or a larger place") {
            rows.push(row);
        }
    }

    for (mut row, _) in divisions {
        // divisions without a city of 15,000 come after every city
        if reg.claim_row(&mut row, "division name taken by a country, a curated place or a larger city") {
            rows.push(row);
        }
    }
    let states = read_json(&data.join("places/geonames-us-states.json"))?;
    for s in states.as_object().into_iter().flat_map(|m| m.values()) {
        let mut row = Row {
            id: format!("geonames:{}", s["geonameid"].as_u64().unwrap_or(0)),
            name: clean(s["name"].as_str().unwrap_or_default()),
            entity_type: "LOCATION",
            subtype: "state".to_owned(),
            country: "US".to_owned(),
            source: "GeoNames US states".to_owned(),
            ..Row::default()
        };
        if reg.claim_row(&mut row, "state name taken by a country") {
            rows.push(row);
        }
    }
    let continents = read_json(&data.join("places/geonames-continents.json"))?;
    for c in continents.as_object().into_iter().flat_map(|m| m.values()) {
        let mut row = Row {
            id: format!("geonames:{}", c["geonameId"].as_u64().or(c["geonameid"].as_u64()).unwrap_or(0)),
            name: clean(c["name"].as_str().or(c["toponymName"].as_str()).unwrap_or_default()),
            entity_type: "LOCATION",
            subtype: "continent".to_owned(),
            source: "GeoNames continents".to_owned(),
            ..Row::default()
        };
        if !row.name.is_empty() && reg.claim_row(&mut row, "continent name taken") {
            rows.push(row);
        }
    }
    rows.sort_by(|a, b| {
        (a.subtype != "capital", &a.country, &a.name, &a.id).cmp(&(b.subtype != "capital", &b.country, &b.name, &b.id))
    });
    Ok(rows)
}

/// Every name of a city in `cities15000` (whatever its population, with its Latin-script alternate names:
/// "Frankfurt", "Milano") and of a first-level division, with its accent-folded form: the names a team or club
/// alias must not be on its own (see [`crate::teams`]). Alternate names are too noisy to match, but they are
/// good enough to refuse.
pub fn all_names(data: &Path) -> Result<HashSet<String>> {
    let mut names = HashSet::new();
    let cities = read_json(&data.join("places/geonames-cities15000.json"))?;
    for c in cities.as_object().into_iter().flat_map(|m| m.values()) {
        names.insert(clean(c["name"].as_str().unwrap_or_default()));
        let alternates = c["alternatenames"].as_array().into_iter().flatten().filter_map(Value::as_str);
        names.extend(alternates.map(clean).filter(|a| common::is_latin_name(a)));
    }
    for line in common::read(&data.join(admin1::FILE))?.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        names.extend(cells.iter().skip(1).take(2).map(|c| clean(c)));
    }
    let folded: Vec<String> = names.iter().map(|n| common::fold(n)).collect();
    names.extend(folded);
    names.remove("");
    Ok(names)
}
