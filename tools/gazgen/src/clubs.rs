//! Football clubs from openfootball's `*.clubs.txt` files (CC0): one club per line (`Arsenal FC, 1886, @ Emirates
//! Stadium, London`), its other names on the following lines starting with `|`, reserve sides on lines starting
//! with `ii)`. The clubs go through the sports guard of [`crate::teams`]; here they are only read:
//! - defunct clubs (a year range after the name, "Darwen FC (1870-2009)") and reserve sides are left out;
//! - names tagged with another language ("Rapid Wien [de]") are left out; an English name ("Bayern Munich [en]")
//!   becomes the club's name, the source's name an alias;
//! - the country is the file's: `de.clubs.txt` is DE; England, Scotland, Wales and Northern Ireland are GB,
//!   Kosovo XK.

use std::path::{Path, PathBuf};

use crate::common::{self, Result};
use crate::teams::Team;

/// The folder, in the data folder.
pub const DIR: &str = "organizations/football-clubs-openfootball";

/// Every `*.clubs.txt` under `dir`, sorted.
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".clubs.txt") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// ISO2 code of a clubs file ("de.clubs.txt" -> DE, "eng.clubs.txt" -> GB).
fn country_of(path: &Path) -> String {
    let stem = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let code = stem.split('.').next().unwrap_or_default();
    match code {
        "eng" | "sco" | "wal" | "nir" => "GB".to_owned(),
        "kos" => "XK".to_owned(),
        c => c.to_uppercase(),
    }
}

/// "Bayern Munich [en]" -> (Bayern Munich, Some(en)); comments after `#` removed.
fn tagged(s: &str) -> (String, Option<String>) {
    let s = s.split('#').next().unwrap_or_default().trim();
    match s.rsplit_once('[') {
        Some((name, tag)) if tag.ends_with(']') => {
            (common::clean(name), Some(tag.trim_end_matches(']').trim().to_owned()))
        }
        _ => (common::clean(s), None),
    }
}

/// The clubs of every file, in file order.
pub fn read(data: &Path) -> Result<Vec<Team>> {
    let mut clubs: Vec<Team> = Vec::new();
    for path in files(&data.join(DIR))? {
        let country = country_of(&path);
        let rel = path.strip_prefix(data.join(DIR)).unwrap_or(&path).display().to_string();
        // the club the `|` lines belong to (None after a reserve side or a left-out club)
        let mut current: Option<usize> = None;
        for (n, line) in common::read(&path)?.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('=') {
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix('|') {
                let Some(i) = current else { continue };
                for part in rest.split('|') {
                    let (name, tag) = tagged(part);
                    match tag.as_deref() {
                        None => clubs[i].aliases.push(name),
                        Some("en") => {
                            let old = std::mem::replace(&mut clubs[i].name, name);
                            clubs[i].aliases.insert(0, old);
                        }
                        Some(_) => {}
                    }
                }
                continue;
            }
            if line.starts_with([' ', '\t']) || trimmed.starts_with("ii)") || trimmed.starts_with("iii)") {
                // an address line or a reserve side
                current = None;
                continue;
            }
            let (name, _) = tagged(trimmed.split(',').next().unwrap_or_default());
            if name.contains('(') || name.is_empty() {
                // "Darwen FC (1870-2009)": defunct
                current = None;
                continue;
            }
            clubs.push(Team {
                id: format!("openfootball:{}:{}", country.to_lowercase(), common::slug(&name)),
                name,
                sport: "football".to_owned(),
                country: country.clone(),
                source: format!("openfootball clubs ({rel}:{})", n + 1),
                ..Team::default()
            });
            current = Some(clubs.len() - 1);
        }
    }
    // one club per id: a name used twice in one country is ambiguous and left out
    let mut count = std::collections::BTreeMap::<String, usize>::new();
    for c in &clubs {
        *count.entry(c.id.clone()).or_default() += 1;
    }
    clubs.retain(|c| count[&c.id] == 1);
    Ok(clubs)
}
