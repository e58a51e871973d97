//! A document's date read from its dateline, for the documents whose input gives none.
//!
//! A dateline is one of the first lines of the text (the first [`LINES`] non-blank lines, in the first
//! [`BYTES`] bytes) that holds a full date, `YYYY-MM-DD`, "Nov. 8, 2016", "November 8, 2016" or "8 November
//! 2016" (month names from the `month` rows of the keyword gazetteers, `gazetteers/dates.tsv`), either
//!
//! - on a short line of its own: "LONDON 1996-08-30", "Published: Nov. 8, 2016" (at most [`SHORT_LINE`] words), or
//! - right after the place that opens the line: "WASHINGTON, Nov. 8, 2016 (UPI) —", "NEW YORK, Nov. 19, 2015 —".
//!
//! A date inside a sentence ("... in Baku, November 8, 2021. (Reuters)", a photo caption) is not the document's,
//! and a dateline without a year ("NEW YORK, Nov. 19 (UPI) —") gives none.

use foldhash::HashMap;

use regex::Regex;

use crate::gazetteer::{Date, Gazetteers, KeywordKind};

/// Lines read from the start.
const LINES: usize = 5;
/// Bytes read from the start.
const BYTES: usize = 800;
/// Words of a line that is only a date (and a place, or "Published:").
const SHORT_LINE: usize = 8;
/// Words of a place that opens a dateline ("NEW YORK,").
const PLACE_WORDS: usize = 4;
/// Bytes of a longer line where its dateline's date may stand.
const OPENING: usize = 64;

/// The first `n` bytes of `s` (fewer, to end on a character).
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Finds datelines.
pub(crate) struct Datelines {
    /// Month name, lower case, without a period -> its number.
    months: HashMap<String, u8>,
    /// `YYYY-MM-DD`; "Nov. 8, 2016"; "8 November 2016".
    iso: Regex,
    month_day_year: Option<Regex>,
    day_month_year: Option<Regex>,
}

impl Datelines {
    /// The datelines of the months that `g` lists.
    pub fn new(g: &Gazetteers) -> Datelines {
        let mut months = HashMap::default();
        for k in g.keywords.iter().filter(|k| k.kind == KeywordKind::Month) {
            if let Ok(n) = k.canonical.parse::<u8>()
                && (1..=12).contains(&n)
            {
                months.insert(k.text.trim_end_matches('.').to_lowercase(), n);
            }
        }
        let mut names: Vec<String> = months.keys().map(|m| regex::escape(m)).collect();
        names.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let alternation = names.join("|");
        let compile = |pattern: String| (!names.is_empty()).then(|| Regex::new(&pattern).expect("date regex compiles"));
        Datelines {
            iso: Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").expect("date regex compiles"),
            month_day_year: compile(format!(r"(?i-u)\b({alternation})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b")),
            day_month_year: compile(format!(r"(?i-u)\b(\d{{1,2}})\s+({alternation})\.?,?\s+(\d{{4}})\b")),
            months,
        }
    }

    /// The date of the dateline at the start of `text`, if it has one.
    pub fn find(&self, text: &str) -> Option<Date> {
        let mut end = BYTES.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let lines = text[..end].lines().map(str::trim).filter(|l| !l.is_empty()).take(LINES);
        lines.into_iter().find_map(|line| self.in_line(line))
    }

    /// The date of a line that is a dateline.
    fn in_line(&self, line: &str) -> Option<Date> {
        let short = line.split_whitespace().nth(SHORT_LINE).is_none();
        // a date that follows a place opens the line
        let line = if short { line } else { prefix(line, OPENING) };
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut found: Vec<(usize, Date)> = Vec::new();
        for caps in self.iso.captures_iter(line) {
            let date = Date::parse(caps.get(0)?.as_str());
            found.extend(date.map(|d| (caps.get(0).map_or(0, |m| m.start()), d)));
        }
        for (re, month_at, day_at) in [(&self.month_day_year, 1, 2), (&self.day_month_year, 2, 1)] {
            for caps in re.iter().flat_map(|re| re.captures_iter(line)) {
                let month = self.months.get(&caps[month_at].to_lowercase()).copied();
                let day: u8 = caps[day_at].parse().ok()?;
                let year: i32 = caps[3].parse().ok()?;
                if let Some(month) = month.filter(|_| (1..=31).contains(&day)) {
                    found.push((caps.get(0).map_or(0, |m| m.start()), Date { year, month, day }));
                }
            }
        }
        found.sort_by_key(|(at, _)| *at);
        found.into_iter().find(|&(at, _)| short || opens_the_line(&line[..at])).map(|(_, d)| d)
    }
}

/// True when `before` (what stands before a date on its line) is empty or a place and a comma ("WASHINGTON, ",
/// "NEW YORK, "): capitalised words.
fn opens_the_line(before: &str) -> bool {
    let before = before.trim_end();
    if before.is_empty() {
        return true;
    }
    let Some(place) = before.strip_suffix(',') else { return false };
    let words: Vec<&str> = place.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= PLACE_WORDS
        && words.iter().all(|w| w.trim_end_matches(',').chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn datelines(months: &str) -> Datelines {
        let mut g = Gazetteers::new();
        g.add_text("dates.tsv", months);
        assert!(g.errors().is_none(), "{:?}", g.errors());
        Datelines::new(&g)
    }

    fn date(text: &str) -> Option<String> {
        datelines(include_str!("../../gazetteers/dates.tsv")).find(text).map(|d| d.to_string())
    }

    /// Every month row reads its example's date, which no other row reads.
    #[test]
    fn every_month_row_reads_its_example() {
        let file = include_str!("../../gazetteers/dates.tsv");
        let lines: Vec<&str> = file.lines().collect();
        let header = lines.iter().position(|l| l.starts_with("keyword\t")).unwrap();
        for (n, line) in lines.iter().enumerate().skip(header + 1) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (example, finds) = (fields[4], fields[5]);
            let without: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != n).map(|(_, l)| *l).collect();
            let with_row = datelines(file).find(example).map(|d| d.to_string());
            let without_row = datelines(&without.join("\n")).find(example).map(|d| d.to_string());
            assert_eq!(with_row.as_deref(), Some(finds), "dates.tsv:{}", n + 1);
            assert_ne!(without_row.as_deref(), Some(finds), "dates.tsv:{}", n + 1);
        }
    }

    #[test]
    fn datelines_and_dates_that_are_not() {
        assert_eq!(date("SOCCER - RESULTS .\nLONDON 1996-08-30\nText."), Some("1996-08-30".into()));
        assert_eq!(date("Headline\n\nWASHINGTON, Nov. 8, 2016 (UPI) — Text."), Some("2016-11-08".into()));
        assert_eq!(date("Title.  NEW YORK, Nov. 19 (UPI) — Text of 2015."), None);
        let caption = "Amid a Rift\n\nTroops march in Baku, Azerbaijan, November 8, 2021. (Reuters)\nText.";
        assert_eq!(date(caption), None);
        assert_eq!(date("A sentence that says on November 8, 2016 something happened, at length."), None);
        assert_eq!(date("Nov. 31, 2016"), Some("2016-11-31".into()));
        assert_eq!(date("Nov. 32, 2016"), None);
    }
}
