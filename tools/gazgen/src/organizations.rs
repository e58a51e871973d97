//! Organizations: the curated `curated/organizations.tsv` (news short forms such as Pentagon, State
//! Department, Kremlin, and the international bodies and groups in the news), US federal agencies and bureaus
//! (CISA .gov registry), congressional committees (congress-legislators), political parties (Party Facts /
//! Wikidata), news outlets (freebie), and armed forces named in the CIA World Factbook 2026. International
//! organisations from SupraVerden (CC-BY-SA) go to a separate share-alike file, see [`supraverden`].
//!
//! Precision rules: names of one word are left out unless curated (a one-word outlet such as "Time" or
//! "Guardian" is an English word); a party or bureau name used by two or more countries or departments
//! ("Labour Party", "Office of the Inspector General") is ambiguous and left out; acronyms are kept when they
//! have three letters or more, two capitals, and no other entity uses them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::common::{self, Register, Result, Row, clean, read_csv, read_yaml, words};
use crate::countries::Countries;

/// Curated organizations, claimed before any generated form.
pub fn curated(curated: &Path, reg: &mut Register) -> Result<Vec<Row>> {
    common::curated_entities(&curated.join("organizations.tsv"), "ORGANIZATION", reg)
}

/// Generated organizations.
pub fn build(data: &Path, countries: &Countries, reg: &mut Register) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    let mut push = |mut row: Row, reg: &mut Register| {
        if words(&row.name) >= 2
            && common::is_latin_name(&row.name)
            && reg.claim_row(&mut row, "organization form taken")
        {
            rows.push(row);
        }
    };

    // US federal agencies and their bureaus
    let agencies = read_csv(&data.join("organizations/us-federal-agencies-and-bureaus-cisa.csv"))?;
    let mut bureau_agencies: HashMap<String, BTreeSet<String>> = HashMap::new();
    for r in &agencies {
        let (a, b) = (clean(&r["Agency"]), clean(r.get("Bureau").map(String::as_str).unwrap_or_default()));
        if !b.is_empty() {
            bureau_agencies.entry(b).or_default().insert(a);
        }
    }
    let mut names: BTreeSet<String> = agencies.iter().map(|r| clean(&r["Agency"])).collect();
    names.extend(bureau_agencies.iter().filter(|(_, a)| a.len() == 1).map(|(b, _)| b.clone()));
    for name in names {
        let mut aliases = Vec::new();
        if let Some(topic) = name.strip_prefix("Department of the ").or_else(|| name.strip_prefix("Department of ")) {
            // "Department of Energy" is "the Energy Department" in the news
            aliases.push(format!("{topic} Department"));
        }
        if name.starts_with("Department") || name.starts_with("Federal") || name.starts_with("National") {
            aliases.push(format!("U.S. {name}"));
            aliases.push(format!("US {name}"));
        }
        let subtype = if name.starts_with("Department of") { "ministry" } else { "agency" };
        let row = Row {
            id: format!("cisa:{}", common::slug(&name)),
            name,
            entity_type: "ORGANIZATION",
            subtype: subtype.into(),
            aliases,
            country: "US".into(),
            source: "CISA .gov registry (agencies and bureaus)".into(),
            ..Row::default()
        };
        push(row, reg);
    }

    // congressional committees: "Senate Committee on Armed Services" is "the Senate Armed Services Committee"
    let committees = read_yaml(&data.join("organizations/us-congress-committees-current.yaml"))?;
    for c in committees.as_sequence().into_iter().flatten() {
        let name = clean(c["name"].as_str().unwrap_or_default());
        let mut aliases = Vec::new();
        for chamber in ["Senate", "House"] {
            if let Some(topic) = name.strip_prefix(&format!("{chamber} Committee on ")) {
                let topic = topic.strip_prefix("the ").unwrap_or(topic);
                aliases.push(format!("{chamber} {topic} Committee"));
            }
        }
        let id = c["thomas_id"].as_str().unwrap_or_default();
        push(
            Row {
                id: format!("congress:{id}"),
                name,
                entity_type: "ORGANIZATION",
                subtype: "legislature".into(),
                aliases,
                country: "US".into(),
                source: "congress-legislators committees-current".into(),
                ..Row::default()
            },
            reg,
        );
    }

    // political parties
    let parties = read_csv(&data.join("organizations/political-parties-partyfacts-wikidata.csv"))?;
    let mut countries_of_name: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut uses_of_short: HashMap<String, BTreeSet<String>> = HashMap::new();
    for p in &parties {
        countries_of_name.entry(clean(&p["name"])).or_default().insert(p["country"].clone());
        uses_of_short.entry(clean(&p["name_short"])).or_default().insert(p["wikidata_id"].clone());
    }
    let mut by_id: BTreeMap<String, Row> = BTreeMap::new();
    for p in &parties {
        let name = clean(&p["name"]);
        let Some(country) = countries.by_iso3(&p["country"]) else { continue };
        if name.starts_with("The ") || countries_of_name[&name].len() > 1 {
            continue;
        }
        let short = clean(&p["name_short"]);
        let mut aliases = vec![common::fold(&name)];
        if is_acronym(&short) && uses_of_short[&short].len() == 1 {
            aliases.push(short);
        }
        let id = if p["wikidata_id"].is_empty() {
            format!("partyfacts:{}", p["partyfacts_id"])
        } else {
            format!("wikidata:{}", p["wikidata_id"])
        };
        by_id.entry(id.clone()).or_insert(Row {
            id,
            name,
            entity_type: "ORGANIZATION",
            subtype: "party".into(),
            aliases,
            country: country.iso2.clone(),
            source: "Party Facts (Wikidata)".into(),
            ..Row::default()
        });
    }
    for row in by_id.into_values() {
        push(row, reg);
    }

    // news outlets
    let outlets = read_csv(&data.join("organizations/news-outlets-freebie-websources.csv"))?;
    for o in outlets {
        let name = clean(&o["name"]);
        let country = o.get("cca").map(|c| c.to_uppercase()).unwrap_or_default();
        push(
            Row {
                id: format!("freebie:{}", o["source_id"]),
                name,
                entity_type: "ORGANIZATION",
                subtype: "media".into(),
                country: if countries.list.iter().any(|c| c.iso2 == country) { country } else { String::new() },
                source: "freebie news outlets".into(),
                ..Row::default()
            },
            reg,
        );
    }

    // armed forces named in the Factbook: unique names only ("US Army", "Islamic Revolutionary Guard Corps")
    let mut forces: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut acronyms: HashMap<String, String> = HashMap::new();
    for (code, profile) in &countries.factbook {
        let text =
            profile["Military and Security"]["Military and security forces"]["text"].as_str().unwrap_or_default();
        for (name, acronym) in force_names(text) {
            forces.entry(name.clone()).or_default().insert(code.clone());
            if let Some(a) = acronym {
                acronyms.insert(name, a);
            }
        }
    }
    let mut forces: Vec<(String, String)> = forces
        .into_iter()
        .filter(|(_, c)| c.len() == 1)
        .map(|(n, c)| (n, c.into_iter().next().unwrap_or_default()))
        .collect();
    forces.sort();
    for (name, code) in forces {
        let aliases = acronyms.get(&name).cloned().into_iter().collect();
        push(
            Row {
                id: format!("factbook:{}:{}", code, common::slug(&name)),
                name,
                entity_type: "ORGANIZATION",
                subtype: "armed_forces".into(),
                aliases,
                country: code,
                source: "CIA World Factbook 2026-05-17 (military and security forces)".into(),
                ..Row::default()
            },
            reg,
        );
    }
    rows.sort_by(|a, b| (&a.subtype, &a.country, &a.name).cmp(&(&b.subtype, &b.country, &b.name)));
    Ok(rows)
}

/// An acronym worth matching: ASCII letters, three or more, at least two capitals ("NATO", "AfD", "IRGC").
fn is_acronym(s: &str) -> bool {
    s.len() >= 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) && s.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

/// Names of forces in a Factbook "military and security forces" text, with the acronym given in brackets:
/// "Islamic Revolutionary Guard Corps (IRGC or Sepah)" -> ("Islamic Revolutionary Guard Corps", Some("IRGC")).
fn force_names(text: &str) -> Vec<(String, Option<String>)> {
    const HEADS: &[&str] =
        &["Army", "Navy", "Force", "Forces", "Guard", "Guards", "Corps", "Police", "Gendarmerie", "Marines"];
    let word = r"\p{Lu}[\p{L}'’-]*";
    let re = regex::Regex::new(&format!(r"({word}(?: (?:of|the|and|for) {word}| {word})*)(?: \(([A-Z]{{3,}})\b)?"))
        .expect("force regex");
    let text = clean(&text.replace("<br>", "; "));
    let mut out = Vec::new();
    for c in re.captures_iter(&text) {
        let name = c[1].to_owned();
        let ends_with_head = name.split(' ').next_back().is_some_and(|w| HEADS.contains(&w));
        if ends_with_head && words(&name) >= 2 && common::is_latin_name(&name) {
            out.push((name, c.get(2).map(|a| a.as_str().to_owned())));
        }
    }
    out
}

/// International organisations from SupraVerden (CC-BY-SA-4.0): written to their own share-alike file, which
/// is not embedded in the binary.
pub fn supraverden(data: &Path, reg: &Register) -> Result<Vec<Row>> {
    let yaml = read_yaml(&data.join("organizations/international-organizations-supraverden.yaml"))?;
    let mut rows = Vec::new();
    let mut taken = BTreeSet::new();
    for (key, o) in yaml.as_mapping().into_iter().flatten() {
        let s = |k: &str| o[k].as_str().map(clean).unwrap_or_default();
        let name = if s("Name_en").is_empty() { key.as_str().map(clean).unwrap_or_default() } else { s("Name_en") };
        let mut aliases: Vec<String> =
            ["Name_other_en", "Name_other_2_en", "Name_other_3_en", "Abbreviation_en", "Abbreviation_other_en"]
                .iter()
                .map(|k| s(k))
                .collect();
        // British "-isation" spellings are also written "-ization"
        let american: Vec<String> = std::iter::once(&name)
            .chain(&aliases)
            .filter(|a| a.contains("isation"))
            .map(|a| a.replace("isation", "ization"))
            .collect();
        aliases.extend(american);
        aliases.retain(|a| {
            !a.is_empty() && !reg.is_taken(a) && common::is_latin_name(a) && (words(a) >= 2 || is_acronym(a))
        });
        common::dedup_in_order(&mut aliases);
        aliases.retain(|a| taken.insert(a.clone()));
        if name.is_empty() || reg.is_taken(&name) || !taken.insert(name.clone()) {
            continue;
        }
        let id = s("Wikidata_code");
        rows.push(Row {
            id: if id.is_empty() { format!("supraverden:{}", common::slug(&name)) } else { format!("wikidata:{id}") },
            name,
            entity_type: "ORGANIZATION",
            subtype: "intl_org".into(),
            aliases,
            source: "SupraVerden (CC-BY-SA-4.0)".into(),
            ..Row::default()
        });
    }
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let mut seen = BTreeSet::new();
    rows.retain(|r| seen.insert(r.id.clone()));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forces_and_acronyms() {
        let text = "the military forces of Iran are divided between the Islamic Republic of Iran Regular Forces (Artesh) \
                    and the Islamic Revolutionary Guard Corps (IRGC or Sepah):<br><br>Artesh: Ground Forces, Navy";
        let found = force_names(text);
        assert!(found.contains(&("Islamic Revolutionary Guard Corps".into(), Some("IRGC".into()))), "{found:?}");
        assert!(found.contains(&("Ground Forces".into(), None)));
        assert!(is_acronym("NATO") && is_acronym("AfD") && !is_acronym("UN") && !is_acronym("Labour"));
    }
}
