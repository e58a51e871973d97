//! First-level divisions of every country (states, provinces, regions, Länder, oblasts) from GeoNames'
//! `admin1CodesASCII.txt`, so that "Ontario" is the Canadian province and "Bavaria" a place.
//!
//! The precision guard, in order (each rule is tested in `tests/generate.rs`):
//! 1. US divisions are left out: the US states come from the GeoNames state list, as before;
//! 2. divisions of territories and of countries under [`MIN_COUNTRY_POPULATION`] inhabitants are left out
//!    (parishes named after saints and villages that news rarely names: "Saint George", "Canillo"), and so are
//!    divisions whose cities of 15,000 or more add up to fewer than [`MIN_DIVISION_POPULATION`] inhabitants
//!    (Slovenian and Latvian municipalities such as "Ig", "Kanal" or "Ogre"; the well-known small ones,
//!    "Yukon", "Nunavut", are curated in `curated/places.tsv`);
//! 3. names must be Latin-script and capitalised, without digits or slashes ("Province 1", "Penal/Debe");
//! 4. a name that divisions of two or more countries share is ambiguous and left out ("Punjab", "Amazonas",
//!    "Central", "Maryland" in Liberia and the US);
//! 5. a name that is a country's name or alias, accents folded, is left out ("México" the state);
//! 6. a one-word name that is a common word (`curated/common_words.txt`: Centre, Delta, Rivers, Saga) or a
//!    first name or surname of a listed person (Hidalgo, Kirov) is left out, and so is a name made of common
//!    words only ("South-West", "Centre-Est", "Southern Governorate");
//! 7. a name that a city of the same country keeps ([`crate::places::MIN_POPULATION`] or more, or the
//!    capital) is the city's: "Madrid", "Tokyo", "Tula" stay cities, and a division that loses its name is left
//!    out; exceptions where the division is the usual sense ("Quebec") are curated in `curated/places.tsv`;
//! 8. the divisions claim their forms after the capitals and before the cities smaller than themselves (a
//!    division's size is the population of its cities in `cities15000`): "Ontario" (15 million) is the
//!    province, not the Californian city of 180,000, and the English city of Manchester keeps its name from the
//!    Jamaican parish (see [`crate::places::build`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use crate::common::{self, Result, Row, clean};
use crate::countries::Countries;

/// Divisions of countries with fewer inhabitants are left out (rule 2).
pub const MIN_COUNTRY_POPULATION: u64 = 1_000_000;
/// Divisions whose cities (of 15,000 or more) have fewer inhabitants in all are left out (rule 2).
pub const MIN_DIVISION_POPULATION: u64 = 100_000;

/// The file, in the data folder.
pub const FILE: &str = "places/geonames-admin1-codes-2020-06.txt";

/// What the division rules need to know from the other sources.
pub struct Context<'a> {
    pub countries: &'a Countries,
    /// First names and surnames of the listed people (rule 6).
    pub person_words: &'a HashSet<String>,
    /// Common words that are not names on their own (rule 6).
    pub common_words: &'a BTreeSet<String>,
    /// (country, accent-folded name) of the cities that keep their name (rule 7).
    pub kept_cities: &'a HashSet<(String, String)>,
    /// Ids already given by the curated places ("geonames:6115047", Quebec): not repeated.
    pub curated_ids: &'a HashSet<String>,
    /// Population of the cities of each division, by GeoNames code (`CA.08`): its size (rule 8).
    pub population: &'a HashMap<String, u64>,
}

/// The division rows that pass rules 1 to 7, not yet claimed, in file order, each with its size (rule 8).
pub fn candidates(data: &Path, cx: &Context) -> Result<Vec<(Row, u64)>> {
    let text = common::read(&data.join(FILE))?;
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() < 4 {
            if !line.trim().is_empty() {
                return Err(format!("{}:{}: expected 4 tab-separated fields", data.join(FILE).display(), n + 1));
            }
            continue;
        }
        let country = cells[0].split('.').next().unwrap_or_default().to_owned();
        lines.push((cells[0].to_owned(), country, clean(cells[1]), clean(cells[2]), cells[3].trim().to_owned()));
    }
    // rule 4: the countries using each (folded) name, counted over the whole file, the US included
    let mut countries_of: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (_, country, name, _, _) in &lines {
        countries_of.entry(common::fold(name)).or_default().insert(country);
    }
    let population: BTreeMap<&str, u64> =
        cx.countries.list.iter().filter(|c| !c.territory).map(|c| (c.iso2.as_str(), c.population)).collect();
    let country_forms: HashSet<String> =
        cx.countries.list.iter().flat_map(|c| c.forms.iter().map(|f| common::fold(f))).collect();

    let mut rows = Vec::new();
    for (code, country, name, ascii, geonameid) in &lines {
        let id = format!("geonames:{geonameid}");
        let folded = common::fold(name);
        let usable = |n: &str| {
            common::is_latin_name(n) && !n.contains(['/', '(', ')']) && !n.chars().any(|c| c.is_ascii_digit())
        };
        let one_word_refused = |n: &str| {
            !n.contains([' ', '-'])
                && (cx.common_words.contains(n) || cx.person_words.contains(n) || cx.person_words.contains(&folded))
        };
        let all_generic = name.split([' ', '-']).all(|w| cx.common_words.contains(w));
        let size = cx.population.get(code).copied().unwrap_or(0);
        let keep = country != "US"
            && size >= MIN_DIVISION_POPULATION
            && !all_generic
            && population.get(country.as_str()).is_some_and(|p| *p >= MIN_COUNTRY_POPULATION)
            && usable(name)
            && countries_of[&folded].len() == 1
            && !country_forms.contains(&folded)
            && !one_word_refused(name)
            && !cx.kept_cities.contains(&(country.clone(), folded.clone()))
            && !cx.curated_ids.contains(&id);
        if !keep {
            continue;
        }
        let mut aliases = vec![folded.clone()];
        // GeoNames' ASCII name is sometimes the transliteration news uses ("Baden-Wuerttemberg"); a longer or
        // shorter one is another name ("Sheikhdom of Ras al Khaimah") and is not used
        if usable(ascii) && common::words(ascii) == common::words(name) {
            aliases.push(ascii.clone());
        }
        rows.push((
            Row {
                id,
                name: name.clone(),
                entity_type: "LOCATION",
                subtype: "admin1".to_owned(),
                aliases,
                country: country.clone(),
                source: format!("GeoNames admin1 codes 2020-06 (cities of {size})"),
                ..Row::default()
            },
            size,
        ));
    }
    Ok(rows)
}
