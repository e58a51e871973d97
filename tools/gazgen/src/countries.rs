//! Countries and territories: GeoNames country info (names, ISO codes, capitals, population), CLDR English
//! display names (short and variant forms), the CIA World Factbook 2026 (conventional long and short forms,
//! abbreviations, nationality nouns and adjectives), and the curated `curated/countries.tsv` (news forms and
//! demonym variants no source has).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::common::{self, Register, Result, Row, clean, read_json, words};

/// A country as the other generators need it.
#[derive(Clone, Debug)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub capital: String,
    /// A dependency (Isle of Man, Guam), not a sovereign country.
    pub territory: bool,
    /// Inhabitants (GeoNames).
    pub population: u64,
    /// Every English form (names and aliases), to map other sources' country names to the ISO code.
    pub forms: Vec<String>,
}

/// Everything read about countries.
pub struct Countries {
    pub list: Vec<Country>,
    pub rows: Vec<Row>,
    /// Factbook profiles by ISO2 code (for officials and armed forces).
    pub factbook: HashMap<String, Value>,
}

impl Countries {
    /// ISO2 code of a country name in any of its forms ("Iran", "Islamic Republic of Iran", "United States").
    pub fn code_of(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.list.iter().find(|c| c.forms.iter().any(|f| f == name) || c.iso3 == name).map(|c| c.iso2.as_str())
    }

    /// The country with ISO3 code `iso3`.
    pub fn by_iso3(&self, iso3: &str) -> Option<&Country> {
        self.list.iter().find(|c| c.iso3.eq_ignore_ascii_case(iso3))
    }
}

/// Reads the sources and claims the country forms in `reg` (countries are the most trusted forms after the
/// curated files).
pub fn build(data: &Path, curated: &Path, reg: &mut Register) -> Result<Countries> {
    let geonames = read_json(&data.join("countries/geonames-countryinfo.json"))?;
    let cldr = read_json(&data.join("countries/cldr-48-territories-en.json"))?;
    let cldr = &cldr["main"]["en"]["localeDisplayNames"]["territories"];
    let factbook = read_factbook(&data.join("countries/cia-world-factbook-2026-05-17.jsonl"), &geonames)?;
    let extra = curated_rows(&curated.join("countries.tsv"))?;

    let mut entries: Vec<&Value> = geonames.as_object().map(|m| m.values().collect()).unwrap_or_default();
    // the most populous country claims a shared form first ("Congo", "Dominican", "Korean")
    entries.sort_by_key(|c| (std::cmp::Reverse(c["population"].as_u64().unwrap_or(0)), c["iso"].to_string()));
    let mut list = Vec::new();
    let mut rows = Vec::new();
    for c in entries {
        let iso2 = c["iso"].as_str().unwrap_or_default().to_owned();
        let extra = extra.get(&iso2);
        let mut names: Vec<String> = Vec::new();
        let mut sources = vec!["GeoNames"];
        let geo_name = clean(c["name"].as_str().unwrap_or_default());
        let name = extra.map(|e| e.name.clone()).filter(|n| !n.is_empty()).unwrap_or(geo_name.clone());
        names.push(geo_name);
        for key in [iso2.clone(), format!("{iso2}-alt-short"), format!("{iso2}-alt-variant")] {
            if let Some(n) = cldr[&key].as_str() {
                names.push(clean(n));
                sources.push("CLDR");
            }
        }
        let mut demonyms = Vec::new();
        let mut subtype = "country";
        if let Some(profile) = factbook.get(&iso2) {
            sources.push("CIA World Factbook");
            let g = &profile["Government"]["Country name"];
            for key in ["conventional short form", "conventional long form", "abbreviation"] {
                names.extend(split_forms(g[key]["text"].as_str().unwrap_or_default()));
            }
            let n = &profile["People and Society"]["Nationality"];
            demonyms.extend(demonym_forms(n["noun"]["text"].as_str().unwrap_or_default()));
            demonyms.extend(demonym_forms(n["adjective"]["text"].as_str().unwrap_or_default()));
            if profile["Government"].get("Dependency status").is_some() {
                subtype = "territory";
            }
        }
        if let Some(e) = extra {
            names.extend(e.aliases.iter().cloned());
            demonyms.extend(e.demonyms.iter().cloned());
            names.retain(|n| !e.drop.contains(n));
            demonyms.retain(|n| !e.drop.contains(n));
            sources.push("whosaid curated");
        }
        // "Bosnia & Herzegovina" is also written with "and"; parenthesised and dashed CLDR forms are not news
        let and_forms: Vec<String> =
            names.iter().filter(|n| n.contains(" & ")).map(|n| n.replace(" & ", " and ")).collect();
        names.extend(and_forms);
        names.retain(|n| usable_name(n));
        let folded: Vec<String> = names.iter().map(|n| common::fold(n)).collect();
        names.extend(folded);
        common::dedup_in_order(&mut names);
        // "Congolese or Congo": a demonym that is also the country's name is its name
        demonyms.retain(|d| usable_name(d) && words(d) <= 2 && !names.contains(d) && *d != name);
        sources.dedup();
        let mut row = Row {
            id: iso2.clone(),
            name: name.clone(),
            entity_type: "COUNTRY",
            subtype: subtype.to_owned(),
            aliases: names.clone(),
            demonyms,
            source: sources.join(", "),
            ..Row::default()
        };
        if !reg.claim_row(&mut row, "country form taken by a larger country") {
            eprintln!("gazgen: warning: country {iso2} {name:?}: its name belongs to another entity; left out");
            continue;
        }
        let mut forms = names;
        forms.push(name.clone());
        list.push(Country {
            iso2,
            iso3: c["iso3"].as_str().unwrap_or_default().to_owned(),
            capital: clean(c["capital"].as_str().unwrap_or_default()),
            territory: subtype == "territory",
            population: c["population"].as_u64().unwrap_or(0),
            forms,
        });
        rows.push(row);
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Countries { list, rows, factbook })
}

/// A form worth matching: Latin script, capitalised, no brackets or CLDR-style " - " separators, not "none".
fn usable_name(n: &str) -> bool {
    common::is_latin_name(n) && !n.contains(" - ") && !n.contains('(') && n != "None" && n.len() >= 2
}

/// "US or USA" -> [US, USA]; "Republic of X; note - ..." -> [Republic of X]; "none" -> [].
fn split_forms(text: &str) -> Vec<String> {
    let text = clean(text);
    let text = text.split(';').next().unwrap_or_default();
    if text.eq_ignore_ascii_case("none") {
        return Vec::new();
    }
    text.split(" or ").flat_map(|p| p.split(", ")).map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect()
}

/// "Iranian(s)" -> [Iranian, Iranians]; "Briton(s), British (collective plural)" -> [Briton, Britons, British];
/// "Filipino(s) (male), Filipina(s) (female)" -> [Filipino, Filipinos, Filipina, Filipinas].
fn demonym_forms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in clean(text).split([',', ';']).flat_map(|p| p.split(" or ")) {
        // drop explanatory brackets, keep the plural endings
        let mut word = String::new();
        let mut depth = 0;
        let mut bracket = String::new();
        for c in part.chars() {
            match c {
                '(' => {
                    depth += 1;
                    bracket.clear();
                }
                ')' if depth > 0 => {
                    depth -= 1;
                    if matches!(bracket.as_str(), "s" | "es") {
                        word.push('\u{1}');
                        word.push_str(&bracket);
                    }
                }
                _ if depth > 0 => bracket.push(c),
                _ => word.push(c),
            }
        }
        let word = word.trim();
        if word.is_empty() || word.split_whitespace().count() > 2 {
            continue;
        }
        match word.split_once('\u{1}') {
            Some((singular, plural_ending)) => {
                out.push(singular.trim().to_owned());
                out.push(format!("{}{plural_ending}", singular.trim()));
            }
            None => out.push(word.to_owned()),
        }
    }
    out
}

/// Factbook profiles keyed by ISO2 code (mapped from their GEC codes with GeoNames' `fips`).
fn read_factbook(path: &Path, geonames: &Value) -> Result<HashMap<String, Value>> {
    let fips_to_iso: HashMap<String, String> = geonames
        .as_object()
        .map(|m| {
            m.values()
                .filter_map(|c| Some((c["fips"].as_str()?.to_lowercase(), c["iso"].as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    let mut out = HashMap::new();
    for (n, line) in common::read(path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let gec = v["gec"].as_str().unwrap_or_default().to_lowercase();
        if let Some(iso) = fips_to_iso.get(&gec) {
            out.insert(iso.clone(), v["profile"].clone());
        }
    }
    Ok(out)
}

/// A row of `curated/countries.tsv`.
struct Curated {
    name: String,
    aliases: Vec<String>,
    demonyms: Vec<String>,
    drop: Vec<String>,
}

fn curated_rows(path: &Path) -> Result<HashMap<String, Curated>> {
    let split = |s: Option<&String>| -> Vec<String> {
        s.map(|s| s.split('|').map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect()).unwrap_or_default()
    };
    let mut out = HashMap::new();
    for (line, r) in common::read_tsv(path)? {
        let id = r.get("id").cloned().unwrap_or_default();
        if id.is_empty() {
            return Err(format!("{}:{line}: empty id", path.display()));
        }
        let row = Curated {
            name: r.get("name").cloned().unwrap_or_default(),
            aliases: split(r.get("aliases")),
            demonyms: split(r.get("demonyms")),
            drop: split(r.get("drop")),
        };
        out.insert(id, row);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factbook_forms() {
        assert_eq!(split_forms("US or USA"), ["US", "USA"]);
        assert_eq!(split_forms("none"), Vec::<String>::new());
        assert_eq!(demonym_forms("Iranian(s)"), ["Iranian", "Iranians"]);
        assert_eq!(demonym_forms("Briton(s), British (collective plural)"), ["Briton", "Britons", "British"]);
        assert_eq!(
            demonym_forms("Filipino(s) (male), Filipina(s) (female)"),
            ["Filipino", "Filipinos", "Filipina", "Filipinas"]
        );
    }
}
