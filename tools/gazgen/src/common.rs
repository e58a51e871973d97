//! Shared pieces: entity rows, the TSV writer, name clean-up and the alias register that keeps one owner per
//! surface form across all generated files.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// A failure, with the file it concerns.
pub type Result<T> = std::result::Result<T, String>;

/// Reads a source file, naming it on failure.
pub fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// Parses a JSON source file.
pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses a YAML source file.
pub fn read_yaml(path: &Path) -> Result<serde_yaml::Value> {
    serde_yaml::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// CSV records of a source file as header -> value maps, in file order.
pub fn read_csv(path: &Path) -> Result<Vec<HashMap<String, String>>> {
    let text = read(path)?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|e| format!("{}: {e}", path.display()))?.iter().map(str::to_owned).collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        rows.push(headers.iter().cloned().zip(record.iter().map(|v| v.trim().to_owned())).collect());
    }
    Ok(rows)
}

/// The entries of a hand-written word list: one word or phrase per line, `#` starts a comment.
pub fn read_word_list(path: &Path) -> Result<BTreeSet<String>> {
    Ok(read_word_lines(path)?.into_iter().collect())
}

/// The entries of a hand-written list, in file order.
pub fn read_word_lines(path: &Path) -> Result<Vec<String>> {
    let mut words = Vec::new();
    for (n, line) in read(path)?.lines().enumerate() {
        let word = line.split('#').next().unwrap_or_default().trim();
        if word.contains('\t') {
            return Err(format!("{}:{}: one word or phrase per line", path.display(), n + 1));
        }
        if !word.is_empty() {
            words.push(word.to_owned());
        }
    }
    Ok(words)
}

/// Rows of a hand-written TSV (comments and blank lines skipped), with the header as keys and the line number.
pub fn read_tsv(path: &Path) -> Result<Vec<(usize, HashMap<String, String>)>> {
    let text = read(path)?;
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
        match &header {
            None => header = Some(cells),
            Some(h) => rows.push((n + 1, h.iter().cloned().zip(cells).collect())),
        }
    }
    Ok(rows)
}

/// Claims and returns the rows of a curated entity file (`id, name, subtype, aliases, country` and, optionally,
/// `demonyms`). A row needs an id and a name; a row whose name another entity owns is left out with a warning.
pub fn curated_entities(path: &Path, entity_type: &'static str, reg: &mut Register) -> Result<Vec<Row>> {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
    let list = |s: String| s.split('|').map(|x| x.trim().to_owned()).collect();
    let mut rows = Vec::new();
    for (line, r) in read_tsv(path)? {
        let get = |k: &str| r.get(k).cloned().unwrap_or_default();
        let mut row = Row {
            id: get("id"),
            name: get("name"),
            entity_type,
            subtype: get("subtype"),
            aliases: list(get("aliases")),
            demonyms: list(get("demonyms")),
            country: get("country"),
            source: format!("whosaid curated (curated/{file}:{line})"),
            ..Row::default()
        };
        if row.id.is_empty() || row.name.is_empty() {
            return Err(format!("{}:{line}: a row needs an id and a name", path.display()));
        }
        if reg.claim_row(&mut row, "curated form taken") {
            rows.push(row);
        } else {
            eprintln!("gazgen: warning: {}:{line}: {:?} is another entity's name; left out", path.display(), row.name);
        }
    }
    Ok(rows)
}

/// One output row of an entity file.
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub entity_type: &'static str,
    pub subtype: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub country: String,
    pub role: String,
    pub from: String,
    pub to: String,
    pub source: String,
    /// Values of the columns only some files have (`sport`, `sports_aliases`, `ticker`), by column name.
    pub extra: BTreeMap<&'static str, String>,
}

/// Writes entity rows as a gazetteer TSV with a comment header. Identical input gives identical bytes.
pub fn write_entities(path: &Path, comment: &str, rows: &[Row]) -> Result<()> {
    write_entities_with(path, comment, rows, &[])
}

/// Writes entity rows with the given extra columns (from [`Row::extra`]) before `source`.
pub fn write_entities_with(path: &Path, comment: &str, rows: &[Row], extra: &[&'static str]) -> Result<()> {
    let mut out = String::new();
    for line in comment.lines() {
        writeln!(out, "# {line}").unwrap();
    }
    out.push_str("id\tname\ttype\tsubtype\taliases\tdemonyms\tcountry\trole\tfrom\tto\t");
    for column in extra {
        out.push_str(column);
        out.push('\t');
    }
    out.push_str("source\n");
    for r in rows {
        let aliases = r.aliases.join("|");
        let demonyms = r.demonyms.join("|");
        let mut cells = vec![
            r.id.as_str(),
            &r.name,
            r.entity_type,
            &r.subtype,
            &aliases,
            &demonyms,
            &r.country,
            &r.role,
            &r.from,
            &r.to,
        ];
        cells.extend(extra.iter().map(|c| r.extra.get(c).map(String::as_str).unwrap_or_default()));
        cells.push(&r.source);
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    write(path, &out)
}

/// Writes a file whole (temporary file, then rename).
pub fn write(path: &Path, contents: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let tmp = PathBuf::from(format!("{}.tmp", path.display()));
    std::fs::write(&tmp, contents).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A value safe for one TSV cell: no tabs or line breaks, spaces collapsed.
pub fn cell(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Clean-up of a source name: HTML tags and entities removed, spaces collapsed, `|` removed.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '|' | '\t' | '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    cell(&out.replace("&amp;", "&").replace("&nbsp;", " "))
}

/// The name with its accents removed ("Bogotá" -> "Bogota", "São Paulo" -> "Sao Paulo").
pub fn fold(s: &str) -> String {
    s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
}

/// True for names written in Latin letters (with spaces, hyphens, periods and apostrophes) that start with a
/// capital: the only ones worth matching in English text.
pub fn is_latin_name(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().all(|c| {
            c.is_ascii_alphabetic()
                || matches!(c, ' ' | '-' | '.' | '\'' | '’')
                || (c.is_alphabetic() && (c as u32) < 0x250)
                || unicode_normalization::char::is_combining_mark(c)
        })
}

/// Number of words.
pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// "Mohammad Javad ZARIF-Khonsari" -> "Mohammad Javad Zarif-Khonsari": CIA-style capitalised surnames re-cased
/// (every all-capital part of two letters or more).
pub fn recase(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut part = String::new();
    let flush = |part: &mut String, out: &mut String| {
        let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        if all_caps && !(part.len() <= 3 && part.ends_with('.')) && !is_roman_numeral(part) {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.push(first);
                out.extend(chars.flat_map(char::to_lowercase));
            }
        } else {
            out.push_str(part);
        }
        part.clear();
    };
    for c in name.chars() {
        if matches!(c, ' ' | '-' | '\'' | '’') {
            flush(&mut part, &mut out);
            out.push(c);
        } else {
            part.push(c);
        }
    }
    flush(&mut part, &mut out);
    // "Mc" and "Mac" names keep their inner capital when the source had one: the CIA writes McCONNELL
    out
}

fn is_roman_numeral(s: &str) -> bool {
    matches!(s, "II" | "III" | "IV" | "VI" | "VII" | "VIII" | "IX" | "XI" | "XII" | "XIII" | "XIV" | "XV" | "XVI")
}

/// The owner of every surface form across the generated files. Sources are registered from the most to the
/// least trusted; a form already owned by another entity is refused, so that no two default entities share a
/// form (and `whosaid gazetteer check` stays quiet), and the refusals are counted for the report.
#[derive(Default)]
pub struct Register {
    owner: HashMap<String, String>,
    /// Forms that must never be matched as names (common words): refused for every entity.
    pub stop: BTreeSet<String>,
    pub refused: BTreeMap<&'static str, usize>,
}

impl Register {
    /// Claims `form` for entity `id`: true when it is now the entity's (new or already its own).
    pub fn claim(&mut self, form: &str, id: &str, why: &'static str) -> bool {
        if form.is_empty() || self.stop.contains(form) {
            *self.refused.entry("stop list").or_default() += 1;
            return false;
        }
        match self.owner.get(form) {
            Some(owner) if owner == id => true,
            Some(_) => {
                *self.refused.entry(why).or_default() += 1;
                false
            }
            None => {
                self.owner.insert(form.to_owned(), id.to_owned());
                true
            }
        }
    }

    /// True when some entity owns `form`.
    pub fn is_taken(&self, form: &str) -> bool {
        self.owner.contains_key(form)
    }

    /// Claims the name and the aliases of a row; returns false (and claims nothing new) when the name is taken
    /// by another entity. Aliases taken elsewhere are dropped from the row.
    pub fn claim_row(&mut self, row: &mut Row, why: &'static str) -> bool {
        if !self.claim(&row.name, &row.id, why) {
            return false;
        }
        let id = row.id.clone();
        row.aliases.retain(|a| a != &row.name);
        dedup_in_order(&mut row.aliases);
        row.aliases.retain(|a| self.claim(a, &id, why));
        dedup_in_order(&mut row.demonyms);
        row.demonyms.retain(|a| self.claim(a, &id, why));
        true
    }
}

/// Removes repeated values, keeping the first of each.
pub fn dedup_in_order(v: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    v.retain(|x| !x.is_empty() && seen.insert(x.clone()));
}

/// Dates as the gazetteer format wants them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else gives "".
pub fn iso_date(s: &str) -> String {
    let s = s.trim();
    let ok = |d: &str| {
        let parts: Vec<&str> = d.split('-').collect();
        !parts.is_empty()
            && parts.len() <= 3
            && parts[0].len() == 4
            && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if ok(s) { s.to_owned() } else { String::new() }
}

/// Lower-case ASCII slug for ids.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recasing_cia_names() {
        assert_eq!(recase("Mohammad Javad ZARIF-Khonsari"), "Mohammad Javad Zarif-Khonsari");
        assert_eq!(recase("Ali Hoseini-KHAMENEI"), "Ali Hoseini-Khamenei");
        assert_eq!(recase("Donald J. TRUMP"), "Donald J. Trump");
        assert_eq!(recase("King CHARLES III"), "King Charles III");
        assert_eq!(recase("Abdullah ABDULLAH"), "Abdullah Abdullah");
    }

    #[test]
    fn folding_and_names() {
        assert_eq!(fold("Bogotá"), "Bogota");
        assert_eq!(fold("São Paulo"), "Sao Paulo");
        assert!(is_latin_name("Zürich"));
        assert!(!is_latin_name("Москва"));
        assert!(!is_latin_name("les Escaldes"));
        assert_eq!(iso_date("2014-12-24"), "2014-12-24");
        assert_eq!(iso_date("Still in office"), "");
        assert_eq!(slug("Foreign Ministry of Iran"), "foreign-ministry-of-iran");
    }

    #[test]
    fn the_register_keeps_one_owner_per_form() {
        let mut r = Register::default();
        r.stop.insert("Of".into());
        assert!(r.claim("Georgia", "GE", "place"));
        assert!(!r.claim("Georgia", "US-GA", "place"));
        assert!(r.claim("Georgia", "GE", "place"));
        assert!(!r.claim("Of", "x", "place"));
        let mut row =
            Row { id: "x".into(), name: "X".into(), aliases: vec!["Georgia".into(), "Y".into()], ..Row::default() };
        assert!(r.claim_row(&mut row, "place"));
        assert_eq!(row.aliases, ["Y"]);
    }
}
