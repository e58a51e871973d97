//! Companies from the SEC's list of US-listed companies (`company_tickers.json`, public domain), written to
//! `companies.tsv` under the news name ("MICROSOFT CORP" is "Microsoft") with the CIK as id (`sec:789019`).
//!
//! The precision guard (each rule is tested in `tests/generate.rs`):
//! 1. one company per CIK (its first ticker); the file lists the largest companies first (Apple, Microsoft,
//!    Alphabet, Amazon, Nvidia ...), and only the first [`TOP_COMPANIES`] that pass rule 2 are kept: a size
//!    proxy, since the file has no market value or exchange;
//! 2. funds, trusts, ETFs, SPACs and blank-check shells are left out: names with an `exclude` word of
//!    `curated/company_words.tsv` (Fund, ETF, Acquisition, Series, ...) or ending with an `exclude_final` one
//!    (Trust, II);
//! 3. the news name: the part after a slash dropped ("COSTCO WHOLESALE CORP /NEW"), legal suffixes removed from
//!    the end (`suffix` words: Inc, Corp, Co, Ltd, Holdings, Group, PLC, N.V., S.A., LLC, LP, ...), capitals
//!    title-cased except acronyms (words of three letters or fewer that are no `word` entry, and words without
//!    a vowel: "AT&T", "CVS", "HSBC"); names already in mixed case keep their case ("AbbVie");
//! 4. `curated/companies.tsv` gives the news name and aliases where the rules get it wrong (IBM, McDonald's,
//!    Charles Schwab) or leaves a company out (`-`: Meta Platforms is the curated Facebook organization);
//! 5. a news name of one word that no curated row vouches for is not matched: it is an English word, a name or
//!    a place too often ("Target", "Visa", "Gap", "Ford", "Williams"); the company is kept under its legal form
//!    ("Target Corp"), which is also an alias of every company ("Apple Inc.");
//! 6. a news name with a one-letter word ("Horton D R"), in another script, or another entity's form is not
//!    used (the legal form is, under rule 5), and a news name two companies share goes to the larger one.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::common::{self, Register, Result, Row};

/// How many companies are kept, the largest first (rule 1).
pub const TOP_COMPANIES: usize = 1000;

/// The file, in the data folder.
pub const FILE: &str = "organizations/sec-company-tickers-2025-12.json";

/// The word lists of `curated/company_words.tsv`, lower-cased, without final periods.
pub struct Words {
    suffix: Vec<Vec<String>>,
    exclude: Vec<Vec<String>>,
    exclude_final: HashSet<String>,
    word: HashSet<String>,
    lower: HashSet<String>,
}

fn key(w: &str) -> String {
    w.trim_end_matches([',', '.']).to_lowercase()
}

impl Words {
    /// Reads `company_words.tsv`.
    pub fn read(path: &Path) -> Result<Words> {
        let mut w = Words {
            suffix: Vec::new(),
            exclude: Vec::new(),
            exclude_final: HashSet::new(),
            word: HashSet::new(),
            lower: HashSet::new(),
        };
        for (line, r) in common::read_tsv(path)? {
            let word = r.get("word").cloned().unwrap_or_default();
            let words: Vec<String> = word.split_whitespace().map(key).collect();
            match r.get("kind").map(String::as_str).unwrap_or_default() {
                "suffix" => w.suffix.push(words),
                "exclude" => w.exclude.push(words),
                "exclude_final" => drop(w.exclude_final.insert(key(&word))),
                "word" => drop(w.word.insert(key(&word))),
                "lower" => drop(w.lower.insert(key(&word))),
                other => return Err(format!("{}:{line}: unknown kind {other:?}", path.display())),
            }
        }
        // the longest suffix first ("SAB de CV" before "de CV")
        w.suffix.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Ok(w)
    }
}

/// A curated company row (`curated/companies.tsv`: cik, name, aliases, checked).
struct Curated {
    name: String,
    aliases: Vec<String>,
    source: String,
}

fn read_curated(path: &Path) -> Result<HashMap<u64, Curated>> {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
    let mut out = HashMap::new();
    for (line, r) in common::read_tsv(path)? {
        let get = |k: &str| r.get(k).cloned().unwrap_or_default();
        let cik: u64 = get("cik").parse().map_err(|_| format!("{}:{line}: bad cik", path.display()))?;
        if get("name").is_empty() || get("checked").is_empty() {
            return Err(format!("{}:{line}: a row needs a name (or -) and a checked date", path.display()));
        }
        let aliases = get("aliases").split('|').map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()).collect();
        out.insert(
            cik,
            Curated { name: get("name"), aliases, source: format!("whosaid curated (curated/{file}:{line})") },
        );
    }
    Ok(out)
}

/// "COSTCO WHOLESALE CORP /NEW" -> "COSTCO WHOLESALE CORP"; "Tesla, Inc." -> "Tesla Inc."
fn legal_form(title: &str) -> String {
    let title = title.split('/').next().unwrap_or_default();
    common::clean(&title.replace(',', " "))
}

/// Title case of a capitals word, as rule 3 says.
fn recase_word(w: &str, words: &Words, first: bool) -> String {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.iter().any(|c| c.is_lowercase()) || letters.is_empty() {
        return w.to_owned();
    }
    let k = key(w);
    if !first && words.lower.contains(&k) {
        return k;
    }
    let vowel = letters.iter().any(|c| "AEIOUY".contains(*c));
    if (letters.len() <= 3 && !words.word.contains(&k)) || !vowel || w.contains('&') {
        return w.to_owned();
    }
    // "ARCHER-DANIELS-MIDLAND" -> "Archer-Daniels-Midland"
    let mut out = String::new();
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase())
        } else {
            out.extend(c.to_lowercase())
        }
        start = matches!(c, '-' | '\'' | '’');
    }
    out
}

/// The news name of a legal form (rule 3) and the legal form re-cased, or `None` for a fund (rule 2).
fn news_name(legal: &str, words: &Words) -> Option<(String, String)> {
    let tokens: Vec<&str> = legal.split_whitespace().collect();
    let keys: Vec<String> = tokens.iter().map(|t| key(t)).collect();
    let contains = |phrase: &[String]| keys.windows(phrase.len()).any(|w| w == phrase);
    if words.exclude.iter().any(|p| contains(p)) || keys.last().is_some_and(|k| words.exclude_final.contains(k)) {
        return None;
    }
    let recased: Vec<String> = tokens.iter().enumerate().map(|(i, t)| recase_word(t, words, i == 0)).collect();
    let mut end = recased.len();
    'strip: while end > 1 {
        for s in &words.suffix {
            if s.len() < end && keys[end - s.len()..end] == s[..] {
                end -= s.len();
                continue 'strip;
            }
        }
        break;
    }
    Some((recased[..end].join(" "), recased.join(" ")))
}

/// A name worth matching: Latin script and capitalised, `&` and digits allowed ("AT&T", "3M").
fn usable(name: &str) -> bool {
    let letters: String = name.chars().map(|c| if c == '&' || c.is_ascii_digit() { 'X' } else { c }).collect();
    common::is_latin_name(&letters)
}

/// "Apple Inc." -> ["Apple Inc.", "Apple Inc"]: the legal form with and without its final period.
fn legal_aliases(legal: &str) -> Vec<String> {
    let bare = legal.trim_end_matches('.').to_owned();
    let dotted = format!("{bare}.");
    let ends_abbreviated = ["Inc", "Corp", "Co", "Ltd"].iter().any(|s| bare.ends_with(&format!(" {s}")));
    if ends_abbreviated { vec![bare, dotted] } else { vec![bare] }
}

/// The company rows, claimed in `reg` after every organization source but the teams.
pub fn build(data: &Path, curated: &Path, reg: &mut Register) -> Result<Vec<Row>> {
    let words = Words::read(&curated.join("company_words.tsv"))?;
    let overrides = read_curated(&curated.join("companies.tsv"))?;
    let json = common::read_json(&data.join(FILE))?;
    let mut entries: Vec<(u64, &serde_json::Value)> = json
        .as_object()
        .map(|m| m.iter().filter_map(|(k, v)| Some((k.parse::<u64>().ok()?, v))).collect())
        .unwrap_or_default();
    entries.sort_by_key(|(k, _)| *k);
    let mut seen = HashSet::new();
    let mut rows = Vec::new();
    let mut kept = 0;
    let mut names_used: BTreeMap<String, u64> = BTreeMap::new();
    for (_, e) in entries {
        if kept >= TOP_COMPANIES {
            break;
        }
        let cik = e["cik_str"].as_u64().unwrap_or(0);
        if !seen.insert(cik) {
            continue;
        }
        let title = e["title"].as_str().unwrap_or_default();
        let legal = legal_form(title);
        let Some((derived, legal_recased)) = news_name(&legal, &words) else {
            *reg.refused.entry("company: fund, trust or shell").or_default() += 1;
            continue;
        };
        kept += 1;
        let curated = overrides.get(&cik);
        if curated.is_some_and(|c| c.name == "-") {
            continue;
        }
        let mut aliases = legal_aliases(&legal_recased);
        let (mut name, source) = match curated {
            Some(c) => {
                aliases.splice(0..0, c.aliases.iter().cloned());
                (c.name.clone(), c.source.clone())
            }
            None => (derived.clone(), "SEC company tickers 2025-12".to_owned()),
        };
        // rules 5 and 6: the legal form stands in for a news name that may not be matched
        let one_letter_word = name.split_whitespace().any(|w| w.chars().count() == 1 && w != "&");
        let news_name_ok = usable(&name)
            && (curated.is_some() || (common::words(&name) >= 2 && !one_letter_word))
            && !reg.is_taken(&name)
            && !names_used.contains_key(&name);
        if !news_name_ok {
            *reg.refused.entry("company news name not used (one word, or taken)").or_default() += 1;
            name = aliases.iter().find(|a| usable(a) && !reg.is_taken(a)).cloned().unwrap_or_default();
            if name.is_empty() {
                continue;
            }
        }
        names_used.insert(name.clone(), cik);
        let mut row = Row {
            id: format!("sec:{cik}"),
            name,
            entity_type: "ORGANIZATION",
            subtype: "company".to_owned(),
            aliases,
            source,
            ..Row::default()
        };
        row.aliases.retain(|a| usable(a));
        if reg.claim_row(&mut row, "company form taken") {
            row.extra.insert("ticker", e["ticker"].as_str().unwrap_or_default().to_owned());
            rows.push(row);
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        Words::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("curated/company_words.tsv")).unwrap()
    }

    #[test]
    fn news_names_from_legal_names() {
        let w = words();
        let name = |t: &str| news_name(&legal_form(t), &w).map(|(n, _)| n);
        assert_eq!(name("MICROSOFT CORP").as_deref(), Some("Microsoft"));
        assert_eq!(name("AMAZON COM INC").as_deref(), Some("Amazon"));
        assert_eq!(name("Alphabet Inc.").as_deref(), Some("Alphabet"));
        assert_eq!(name("BANK OF AMERICA CORP /DE/").as_deref(), Some("Bank of America"));
        assert_eq!(name("AT&T INC.").as_deref(), Some("AT&T"));
        assert_eq!(name("CVS HEALTH Corp").as_deref(), Some("CVS Health"));
        assert_eq!(name("HSBC HOLDINGS PLC").as_deref(), Some("HSBC"));
        assert_eq!(name("UNITEDHEALTH GROUP INC").as_deref(), Some("Unitedhealth"));
        assert_eq!(name("ARCHER-DANIELS-MIDLAND CO").as_deref(), Some("Archer-Daniels-Midland"));
        assert_eq!(name("AMERICA MOVIL SAB DE CV/").as_deref(), Some("America Movil"));
        assert_eq!(name("NEW YORK TIMES CO").as_deref(), Some("New York Times"));
        assert_eq!(name("SPDR S&P 500 ETF TRUST"), None, "an ETF");
        assert_eq!(name("SPDR GOLD TRUST"), None, "a trust");
        assert_eq!(name("Churchill Capital Corp IX"), None, "a numbered SPAC");
        assert_eq!(name("Ares Acquisition Corp II"), None, "a SPAC");
        assert_eq!(legal_aliases("Apple Inc."), ["Apple Inc", "Apple Inc."]);
    }
}
