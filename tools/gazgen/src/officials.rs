//! Officials: people with their offices (role, country, period served), merged across sources by country and
//! folded name. Sources, most trusted first: the curated `curated/recent_officials.tsv` (appointments after
//! the data's end, each with a source and date), the CIA World Factbook 2026 chiefs of state and heads of
//! government, the US executive and Congress (congress-legislators: current and as of 2016-11-08),
//! FiveThirtyEight's cabinet turnover, Wikidata heads of state and government (2022), EveryPolitician / Wikidata
//! cabinet office holders (2022), and the CIA World Leaders directory (June 2019, no dates).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde_yaml::Value as Yaml;

use crate::common::{self, Result, Row, clean, iso_date, read_csv, read_yaml, recase};
use crate::countries::Countries;

/// One office held.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Office {
    pub role: String,
    pub from: String,
    pub to: String,
    pub source: String,
}

/// A person and every office found for them.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub country: String,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
}

/// People keyed by (country, folded lower-case name); the first source to name a person gives the id.
#[derive(Default)]
pub struct People {
    pub list: Vec<Person>,
    index: HashMap<(String, String), usize>,
    by_id: HashMap<String, usize>,
}

impl People {
    fn key(country: &str, name: &str) -> (String, String) {
        (country.to_owned(), common::fold(name).to_lowercase().replace('.', ""))
    }

    /// Adds an office to the person called `name` (or one of `aliases`) in `country`, creating the person.
    fn add(&mut self, id: String, name: &str, aliases: &[String], country: &str, office: Option<Office>) {
        let name = clean(name);
        if !is_person_name(&name) {
            return;
        }
        // the same id under another label ("Hamad II of Bahrain") is the same person
        let found = self.by_id.get(&id).copied().or_else(|| {
            std::iter::once(&name).chain(aliases).find_map(|n| self.index.get(&Self::key(country, n)).copied())
        });
        let i = match found {
            Some(i) => i,
            None => {
                self.by_id.insert(id.clone(), self.list.len());
                self.list.push(Person {
                    id,
                    name: name.clone(),
                    country: country.to_owned(),
                    aliases: Vec::new(),
                    offices: Vec::new(),
                });
                self.list.len() - 1
            }
        };
        for n in std::iter::once(&name).chain(aliases) {
            let n = clean(n);
            if is_person_name(&n) {
                self.index.entry(Self::key(country, &n)).or_insert(i);
                self.list[i].aliases.push(n);
            }
        }
        // one office once: the first source to give a role and period keeps it, and an undated office (the CIA
        // directory) adds nothing to a dated one of the same role
        let offices = &mut self.list[i].offices;
        if let Some(o) = office.filter(|o| !o.role.is_empty()) {
            let same_period = |x: &Office| x.role == o.role && x.from == o.from && x.to == o.to;
            let undated_twin = o.from.is_empty() && o.to.is_empty() && offices.iter().any(|x| x.role == o.role);
            if !offices.iter().any(same_period) && !undated_twin {
                offices.push(o);
            }
        }
    }

    /// First names (first word of people's names, written by at least two people) and surnames (last word).
    pub fn name_words(&self) -> (BTreeMap<String, usize>, HashSet<String>) {
        let mut first: HashMap<String, HashSet<usize>> = HashMap::new();
        let mut last = HashSet::new();
        for (i, p) in self.list.iter().enumerate() {
            let tokens: Vec<&str> = p.name.split(' ').collect();
            if tokens.len() >= 2 {
                first.entry(tokens[0].to_owned()).or_default().insert(i);
                last.insert(tokens[tokens.len() - 1].to_owned());
            }
        }
        (first.into_iter().map(|(k, v)| (k, v.len())).collect(), last)
    }
}

/// A name worth matching as a person: two to five words, Latin script, no digits or brackets.
fn is_person_name(name: &str) -> bool {
    let n = common::words(name);
    (2..=5).contains(&n)
        && common::is_latin_name(name)
        && !name.contains(['(', ')', ',', '/', '"'])
        && name.split(' ').any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

/// Reads every source.
pub fn build(data: &Path, curated: &Path, countries: &Countries) -> Result<People> {
    let mut people = People::default();
    recent(&curated.join("recent_officials.tsv"), &mut people)?;
    factbook_heads(countries, &mut people);
    let states: HashMap<String, String> = common::read_json(&data.join("places/geonames-us-states.json"))?
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v["name"].as_str().unwrap_or_default().to_owned())).collect())
        .unwrap_or_default();
    us_yaml(&data.join("officials/us-executive-presidents-vice-presidents.yaml"), &states, &mut people)?;
    us_yaml(&data.join("officials/us-legislators-current.yaml"), &states, &mut people)?;
    us_yaml(&data.join("officials/us-legislators-current-as-of-2016-11-08.yaml"), &states, &mut people)?;
    fivethirtyeight(&data.join("officials/us-cabinet-turnover-fivethirtyeight.csv"), &mut people)?;
    wikidata_heads(
        &data.join("officials/world-heads-of-state-government-wikidata-2022-10.csv"),
        countries,
        &mut people,
    )?;
    everypolitician(
        &data.join("officials/world-cabinet-office-holders-everypolitician-2022.csv"),
        countries,
        &mut people,
    )?;
    cia_2019(&data.join("officials/cia-world-leaders-2019-06.csv"), &mut people)?;
    Ok(people)
}

fn recent(path: &Path, people: &mut People) -> Result<()> {
    for (line, r) in common::read_tsv(path)? {
        let get = |k: &str| r.get(k).cloned().unwrap_or_default();
        let (id, name) = (get("id"), get("name"));
        if id.is_empty() || name.is_empty() {
            return Err(format!("{}:{line}: a row needs an id and a name", path.display()));
        }
        let aliases: Vec<String> =
            get("aliases").split('|').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
        let office = Office {
            role: get("role"),
            from: get("from"),
            to: get("to"),
            source: format!("whosaid curated: {} ({})", get("source"), get("checked")),
        };
        people.add(id, &name, &aliases, &get("country"), Some(office));
    }
    Ok(())
}

/// "President Masoud PEZESHKIAN (since 30 July 2024)"; several heads are separated by ";" or line breaks.
fn factbook_heads(countries: &Countries, people: &mut People) {
    let mut codes: Vec<&String> = countries.factbook.keys().collect();
    codes.sort();
    for code in codes {
        let exec = &countries.factbook[code]["Government"]["Executive branch"];
        for key in ["chief of state", "head of government"] {
            let text = exec[key]["text"].as_str().unwrap_or_default().replace("<br>", ";");
            for part in text.split(';') {
                if let Some((role, name, since)) = parse_factbook_head(&clean(part)) {
                    let id = format!("factbook:{}:{}", code, common::slug(&name));
                    let office =
                        Office { role, from: since, to: String::new(), source: "CIA World Factbook 2026-05-17".into() };
                    people.add(id, &name, &[], code, Some(office));
                }
            }
        }
    }
}

/// Splits "Prime Minister Ali ASADOV (since 8 October 2019)" into role, re-cased name and ISO date.
fn parse_factbook_head(text: &str) -> Option<(String, String, String)> {
    let (head, rest) = text.split_once(" (since ")?;
    let since = rest.split(')').next()?;
    let tokens: Vec<&str> = head.split_whitespace().collect();
    // the name ends with the capitalised surname; the role is what comes before the given names
    let last_caps = tokens.iter().rposition(|t| {
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
    })?;
    let first_name = tokens[..last_caps].iter().rposition(|t| ROLE_WORDS.contains(t)).map_or(0, |i| i + 1);
    if first_name == 0 || first_name > last_caps {
        return None;
    }
    let role = tokens[..first_name].join(" ");
    let name = recase(&tokens[first_name..=last_caps].join(" "));
    Some((role, name, english_date(since)))
}

/// Words of office in Factbook headings ("Prime Minister", "Supreme Leader", "Chairman of the Presidential
/// Council").
const ROLE_WORDS: &[&str] = &[
    "President",
    "Minister",
    "Leader",
    "King",
    "Queen",
    "Emir",
    "Amir",
    "Sultan",
    "Chancellor",
    "Premier",
    "Governor-General",
    "Governor",
    "General",
    "Chairman",
    "Chairwoman",
    "Chief",
    "Executive",
    "Prince",
    "Co-prince",
    "Co-Prince",
    "Princess",
    "Council",
    "State",
    "Government",
    "Administration",
    "Regent",
    "Captain",
    "Captains",
    "Pope",
    "Crown",
    "Sheikh",
    "Vice",
    "Deputy",
    "Leader",
    "Secretary",
    "Commander",
    "Mayor",
    "Administrator",
    "Representative",
    "Commissioner",
    "Head",
    "Lieutenant",
    "Marshal",
    "Field",
    "Colonel",
    "Brigadier",
    "Supreme",
];

/// "30 July 2024" -> "2024-07-30"; "July 2024" -> "2024-07"; "2024" -> "2024".
fn english_date(s: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = s.split_whitespace().collect();
    let month = |m: &str| MONTHS.iter().position(|x| *x == m).map(|i| i + 1);
    match parts.as_slice() {
        [d, m, y] => match (d.parse::<u32>(), month(m)) {
            (Ok(d), Some(m)) => iso_date(&format!("{y}-{m:02}-{d:02}")),
            _ => String::new(),
        },
        [m, y] => month(m).map(|m| iso_date(&format!("{y}-{m:02}"))).unwrap_or_default(),
        [y] => iso_date(y),
        _ => String::new(),
    }
}

/// congress-legislators YAML: presidents, vice presidents, senators and representatives, terms merged per
/// office.
fn us_yaml(path: &Path, states: &HashMap<String, String>, people: &mut People) -> Result<()> {
    let source = format!("congress-legislators {}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default());
    let yaml = read_yaml(path)?;
    for p in yaml.as_sequence().into_iter().flatten() {
        let s = |v: &Yaml| v.as_str().unwrap_or_default().to_owned();
        let n = &p["name"];
        let (first, middle, last, nick, suffix) =
            (s(&n["first"]), s(&n["middle"]), s(&n["last"]), s(&n["nickname"]), s(&n["suffix"]));
        let full = s(&n["official_full"]);
        let plain = format!("{first} {last}");
        // the name news uses: "Bernie Sanders" (nickname) before "Bernard Sanders" (official)
        let name = match (nick.is_empty(), full.is_empty()) {
            (false, _) => format!("{nick} {last}"),
            (true, false) => full.clone(),
            (true, true) => plain.clone(),
        };
        let mut aliases = vec![plain, full.clone()];
        if !nick.is_empty() {
            aliases.push(format!("{nick} {last}"));
        }
        if let Some(initial) = middle.chars().next() {
            aliases.push(format!("{first} {initial}. {last}"));
        }
        if !suffix.is_empty() {
            aliases.push(format!("{first} {last} {suffix}"));
        }
        let id = match (p["id"]["wikidata"].as_str(), p["id"]["bioguide"].as_str()) {
            (Some(q), _) => format!("wikidata:{q}"),
            (None, Some(b)) => format!("bioguide:{b}"),
            _ => continue,
        };
        // consecutive terms of one office make one period
        let mut offices: Vec<Office> = Vec::new();
        for t in p["terms"].as_sequence().into_iter().flatten() {
            let state = states.get(&s(&t["state"])).cloned().unwrap_or_else(|| s(&t["state"]));
            let role = match t["type"].as_str().unwrap_or_default() {
                "prez" => "President".to_owned(),
                "viceprez" => "Vice President".to_owned(),
                "sen" => format!("Senator from {state}"),
                "rep" => format!("Representative from {state}"),
                _ => continue,
            };
            let (start, end) = (iso_date(&s(&t["start"])), iso_date(&s(&t["end"])));
            match offices.last_mut() {
                Some(o) if o.role == role && o.to == start => o.to = end,
                _ => offices.push(Office { role, from: start, to: end, source: source.clone() }),
            }
        }
        for o in offices.into_iter().filter(|o| o.to.as_str() >= "1990") {
            people.add(id.clone(), &name, &aliases, "US", Some(o));
        }
    }
    Ok(())
}

/// FiveThirtyEight cabinet turnover: dates M/D/YY.
fn fivethirtyeight(path: &Path, people: &mut People) -> Result<()> {
    let date = |s: &str| -> String {
        let p: Vec<&str> = s.split('/').collect();
        match p.as_slice() {
            [m, d, y] => match (m.parse::<u32>(), d.parse::<u32>(), y.parse::<u32>()) {
                (Ok(m), Ok(d), Ok(y)) => format!("{}-{m:02}-{d:02}", if y > 50 { 1900 + y } else { 2000 + y }),
                _ => String::new(),
            },
            _ => String::new(),
        }
    };
    for r in read_csv(path)? {
        let name = r.get("appointee").cloned().unwrap_or_default();
        let office = Office {
            role: r.get("position").cloned().unwrap_or_default(),
            from: date(r.get("start_date").map(String::as_str).unwrap_or_default()),
            to: date(r.get("end_date").map(String::as_str).unwrap_or_default()),
            source: "FiveThirtyEight cabinet turnover".into(),
        };
        people.add(format!("fivethirtyeight:{}", common::slug(&name)), &name, &[], "US", Some(office));
    }
    Ok(())
}

fn wikidata_heads(path: &Path, countries: &Countries, people: &mut People) -> Result<()> {
    for r in read_csv(path)? {
        let get = |k: &str| r.get(k).cloned().unwrap_or_default();
        let Some(code) = countries.code_of(&get("country")) else { continue };
        let office = Office {
            role: get("positionLabel"),
            from: iso_date(&get("start_year")),
            to: iso_date(&get("end_year")),
            source: "Wikidata heads of state and government 2022-10".into(),
        };
        people.add(format!("wikidata:{}", get("officeholder")), &get("officeholderLabel"), &[], code, Some(office));
    }
    Ok(())
}

/// Posts left out of the cabinet lists: diplomats abroad and sub-national offices.
fn is_cabinet_post(position: &str) -> bool {
    let p = position.to_lowercase();
    !["ambassador", "consul", "lieutenant governor", "member of", "high commissioner to", "permanent representative"]
        .iter()
        .any(|w| p.contains(w))
}

fn everypolitician(path: &Path, countries: &Countries, people: &mut People) -> Result<()> {
    for r in read_csv(path)? {
        let get = |k: &str| r.get(k).cloned().unwrap_or_default();
        let Some(code) = countries.code_of(&get("jurisdiction")) else { continue };
        let position = get("position");
        if !is_cabinet_post(&position) {
            continue;
        }
        let role = position
            .chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + &position[c.len_utf8()..])
            .unwrap_or_default();
        let office = Office {
            role,
            from: iso_date(&get("start")),
            to: iso_date(&get("end")),
            source: "EveryPolitician / Wikidata 2022".into(),
        };
        people.add(format!("wikidata:{}", get("personID")), &get("person"), &[], code, Some(office));
    }
    Ok(())
}

fn cia_2019(path: &Path, people: &mut People) -> Result<()> {
    for r in read_csv(path)? {
        let get = |k: &str| r.get(k).cloned().unwrap_or_default();
        let code = get("country_code_iso").to_uppercase();
        let name = recase(&get("name"));
        let role = clean(&get("title").replace("Min.", "Minister"));
        let office =
            Office { role, from: String::new(), to: String::new(), source: "CIA World Leaders 2019-06".into() };
        let id = format!("cia2019:{}:{}", code.to_lowercase(), common::slug(&name));
        people.add(id, &name, &[], &code, Some(office));
    }
    Ok(())
}

/// One row per office (a person without one gets one row); aliases on the first row. People whose name another
/// entity owns are left out, and aliases owned elsewhere dropped.
pub fn rows(people: &People, reg: &mut common::Register) -> Vec<Row> {
    // forms are claimed in source order (the most trusted first), rows written sorted by country and name
    let heads: Vec<Option<Row>> = people
        .list
        .iter()
        .map(|p| {
            let mut head = Row {
                id: p.id.clone(),
                name: p.name.clone(),
                entity_type: "PERSON",
                subtype: "official".into(),
                aliases: p.aliases.iter().flat_map(|a| [a.clone(), common::fold(a)]).collect(),
                country: p.country.clone(),
                ..Row::default()
            };
            reg.claim_row(&mut head, "person name taken").then_some(head)
        })
        .collect();
    let mut order: Vec<usize> = (0..people.list.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&people.list[a], &people.list[b]);
        (&a.country, &a.name, &a.id).cmp(&(&b.country, &b.name, &b.id))
    });
    let mut out = Vec::new();
    for i in order {
        let (p, Some(mut head)) = (&people.list[i], heads[i].clone()) else { continue };
        let mut offices = p.offices.clone();
        offices.sort_by(|a, b| (&a.from, &a.to, &a.role).cmp(&(&b.from, &b.to, &b.role)));
        if offices.is_empty() {
            out.push(head);
            continue;
        }
        for (i, o) in offices.into_iter().enumerate() {
            let aliases = if i == 0 { std::mem::take(&mut head.aliases) } else { Vec::new() };
            out.push(Row { aliases, role: o.role, from: o.from, to: o.to, source: o.source, ..head.clone() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factbook_heads_parse() {
        assert_eq!(
            parse_factbook_head("Supreme Leader Ali Hoseini-KHAMENEI (since 4 June 1989)"),
            Some(("Supreme Leader".into(), "Ali Hoseini-Khamenei".into(), "1989-06-04".into()))
        );
        assert_eq!(
            parse_factbook_head("President Donald J. TRUMP (since 20 January 2025)"),
            Some(("President".into(), "Donald J. Trump".into(), "2025-01-20".into()))
        );
        assert_eq!(parse_factbook_head("Council of Ministers appointed by the president"), None);
    }

    #[test]
    fn person_names() {
        assert!(is_person_name("Gen Nakatani"));
        assert!(!is_person_name("Suharto"));
        assert!(!is_person_name("Ali (acting)"));
    }
}
