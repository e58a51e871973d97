//! First-name gender statistics from the gender columns of the officials' sources: EveryPolitician/Wikidata
//! (`gender` male/female), congress-legislators (`bio.gender` M/F in the YAML snapshots, `gender` in the
//! historical CSV) and FiveThirtyEight's cabinet turnover (`gender` Male/Female). Each person counts once (by
//! id, else by name); a first name gets a gender when at least `MIN_PEOPLE` people with a stated gender carry
//! it and at least `MIN_SHARE` of them share it.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_yaml::Value as Yaml;

use crate::common::{self, Result, read_csv, read_yaml};

/// People with a stated gender a first name needs.
const MIN_PEOPLE: usize = 2;
/// The share of them that must have one gender.
const MIN_SHARE: f64 = 0.9;

/// Counts of female and male people per first name.
#[derive(Default)]
pub struct Genders {
    counts: BTreeMap<String, (usize, usize)>,
    seen: HashSet<String>,
}

impl Genders {
    fn add(&mut self, key: String, first: &str, gender: &str) {
        let female = match gender.trim().to_lowercase().as_str() {
            "f" | "female" => true,
            "m" | "male" => false,
            _ => return,
        };
        let first = first.trim().trim_end_matches(',');
        // initials ("J.") and unreadable names say nothing
        if first.chars().filter(|c| c.is_alphabetic()).count() < 2 || first.contains('.') {
            return;
        }
        if !common::is_latin_name(first) || !self.seen.insert(key) {
            return;
        }
        let c = self.counts.entry(first.to_owned()).or_default();
        if female {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }

    /// The `keyword kind female male` file: one row per first name with a clear gender.
    pub fn file(&self, header: &str) -> (String, usize) {
        let mut text = format!("{header}\nkeyword\tkind\tfemale\tmale\n");
        let mut kept = 0;
        for (name, &(f, m)) in &self.counts {
            let n = f + m;
            if n < MIN_PEOPLE {
                continue;
            }
            let kind = if f as f64 >= MIN_SHARE * n as f64 {
                "female_name"
            } else if m as f64 >= MIN_SHARE * n as f64 {
                "male_name"
            } else {
                continue;
            };
            writeln!(text, "{name}\t{kind}\t{f}\t{m}").unwrap();
            kept += 1;
        }
        (text, kept)
    }
}

/// Reads the gender columns of the officials' sources (the files that are absent are skipped).
pub fn build(data: &Path) -> Result<Genders> {
    let mut g = Genders::default();
    let officials = data.join("officials");
    let ep = officials.join("world-cabinet-office-holders-everypolitician-2022.csv");
    if ep.is_file() {
        for r in read_csv(&ep)? {
            let get = |k: &str| r.get(k).map(String::as_str).unwrap_or_default();
            let first = get("person").split_whitespace().next().unwrap_or_default();
            g.add(format!("wikidata:{}", get("personID")), first, get("gender"));
        }
    }
    for file in [
        "us-executive-presidents-vice-presidents.yaml",
        "us-legislators-current.yaml",
        "us-legislators-current-as-of-2016-11-08.yaml",
    ] {
        let path = officials.join(file);
        if !path.is_file() {
            continue;
        }
        for p in read_yaml(&path)?.as_sequence().into_iter().flatten() {
            let s = |v: &Yaml| v.as_str().unwrap_or_default().to_owned();
            let key = format!("bioguide:{}", s(&p["id"]["bioguide"]));
            let gender = s(&p["bio"]["gender"]);
            // the name news uses: the nickname when there is one ("Bernie"), and the first name
            let nick = s(&p["name"]["nickname"]);
            if !nick.is_empty() {
                g.add(format!("{key}:nick"), &nick, &gender);
            }
            g.add(key, &s(&p["name"]["first"]), &gender);
        }
    }
    let hist = officials.join("us-legislators-historical.csv");
    if hist.is_file() {
        for r in read_csv(&hist)? {
            let get = |k: &str| r.get(k).map(String::as_str).unwrap_or_default();
            g.add(format!("bioguide:{}", get("bioguide_id")), get("first_name"), get("gender"));
        }
    }
    let cabinet = officials.join("us-cabinet-turnover-fivethirtyeight.csv");
    if cabinet.is_file() {
        for r in read_csv(&cabinet)? {
            let get = |k: &str| r.get(k).map(String::as_str).unwrap_or_default();
            let name = get("appointee");
            let first = name.split_whitespace().next().unwrap_or_default();
            g.add(format!("fivethirtyeight:{}", common::slug(name)), first, get("gender"));
        }
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_names_only_and_each_person_once() {
        let mut g = Genders::default();
        g.add("a".into(), "Maria", "female");
        g.add("a".into(), "Maria", "female"); // the same person again
        g.add("b".into(), "Maria", "F");
        g.add("c".into(), "John", "male");
        g.add("d".into(), "John", "Male");
        g.add("e".into(), "Kim", "female");
        g.add("f".into(), "Kim", "male");
        g.add("g".into(), "J.", "male");
        g.add("h".into(), "J.", "male");
        g.add("i".into(), "Solo", "male");
        let (text, kept) = g.file("# test");
        assert_eq!(kept, 2);
        assert!(text.contains("\nJohn\tmale_name\t0\t2\n"));
        assert!(text.contains("\nMaria\tfemale_name\t2\t0\n"));
        assert!(!text.contains("Kim") && !text.contains("Solo") && !text.contains("J."));
    }
}
