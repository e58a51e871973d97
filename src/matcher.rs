//! The dictionary scan: every alias, title and organization head word of the gazetteers compiled into
//! Aho-Corasick automata, matched as whole words, overlaps resolved.
//!
//! Aho-Corasick has no notion of words, and filtering a leftmost-longest stream by word boundaries loses
//! matches ("the phone" inside "the phonebook"), so the scan reports *overlapping* matches, keeps those whose
//! ends fall on word boundaries, and then chooses among them ([`resolve_overlaps`]):
//!
//! 1. the longest match wins;
//! 2. among equally long matches of the same text: a later-loaded file wins (user gazetteers over the
//!    defaults), then the type order PERSON, ORGANIZATION, COUNTRY, LOCATION, then canonical names over
//!    aliases over demonyms, then load order;
//! 3. among equally long overlapping matches at different places, the leftmost wins.
//!
//! Case-sensitive and ASCII-case-insensitive forms live in two automata; both are scanned.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::gazetteer::{EntityType, Form, Gazetteers, TitleKind};
use crate::span::Span;

/// What a matched pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hit {
    /// An entity alias: index into `Gazetteers::aliases`.
    Alias(u32),
    /// A title: index into `Gazetteers::titles`.
    Title(u32),
    /// A word that heads organization names ("Ministry", "Command").
    OrgHead,
    /// A first name that starts person names ("Nasser", "Hillary").
    FirstName,
    /// A cue: index into `Gazetteers::cues`.
    Cue(u32),
}

/// A whole-word match of one pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Span,
    pub hit: Hit,
}

/// One automaton and, for each of its patterns, the hits it stands for.
struct Automaton {
    ac: AhoCorasick,
    /// For pattern `p`: `hits[ranges[p].0 .. ranges[p].1]`.
    ranges: Vec<(u32, u32)>,
    hits: Vec<Hit>,
}

impl Automaton {
    /// Compiles `patterns` (text and the hits it stands for) with `builder`.
    fn new(patterns: &[(String, Vec<Hit>)], builder: &AhoCorasickBuilder) -> Automaton {
        let mut ranges = Vec::with_capacity(patterns.len());
        let mut hits = Vec::new();
        for (_, h) in patterns {
            ranges.push((hits.len() as u32, (hits.len() + h.len()) as u32));
            hits.extend_from_slice(h);
        }
        let ac = builder.build(patterns.iter().map(|(p, _)| p)).expect("gazetteer patterns fit in an automaton");
        Automaton { ac, ranges, hits }
    }

    /// What pattern `p` stands for.
    fn hits_of(&self, p: aho_corasick::PatternID) -> &[Hit] {
        let (from, to) = self.ranges[p.as_usize()];
        &self.hits[from as usize..to as usize]
    }
}

/// Patterns being collected for one automaton: pattern text -> index, and (pattern, hits) in insertion order.
type PatternTable = (HashMap<String, usize>, Vec<(String, Vec<Hit>)>);

/// The compiled dictionary: built once, shared by all threads.
pub(crate) struct Dictionary {
    automata: Vec<Automaton>,
    /// Lower-case keywords (cue verbs, titles such as "spokesman") in a small DFA of their own: lower-case
    /// patterns make the names' automaton leave its start state far more often.
    keywords: Option<Automaton>,
}

/// Results of scanning one text, split by kind; entity matches are already resolved to non-overlapping ones.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Chosen entity alias matches, sorted by start.
    pub aliases: Vec<Found>,
    /// Chosen title matches (longest, non-overlapping), sorted by start.
    pub titles: Vec<Found>,
    /// Organization head words, sorted by start.
    pub org_heads: Vec<Span>,
    /// First names, sorted by start.
    pub first_names: Vec<Span>,
    /// Chosen cue matches (longest, non-overlapping), sorted by start.
    pub cues: Vec<Found>,
}

impl Dictionary {
    /// Compiles the gazetteers' aliases (except stop words), titles and organization head words.
    pub fn build(g: &Gazetteers) -> Dictionary {
        let stopwords: std::collections::HashSet<&str> = g.stopwords().collect();
        // pattern text -> hits, separately for case-sensitive and -insensitive patterns; insertion order kept
        let mut tables: [PatternTable; 2] = Default::default();
        let mut add = |text: &str, insensitive: bool, hit: Hit| {
            let (index, patterns) = &mut tables[usize::from(insensitive)];
            let key = if insensitive { text.to_ascii_lowercase() } else { text.to_owned() };
            let i = *index.entry(key).or_insert_with(|| {
                patterns.push((text.to_owned(), Vec::new()));
                patterns.len() - 1
            });
            if !patterns[i].1.contains(&hit) {
                patterns[i].1.push(hit);
            }
        };
        for (i, alias) in g.aliases.iter().enumerate() {
            if !stopwords.contains(alias.text.as_str()) {
                add(&alias.text, alias.case_insensitive, Hit::Alias(i as u32));
            }
        }
        // lower-case keywords: cue verbs, and titles such as "spokesman" (their capitalised forms, which open
        // sentences, stay with the names)
        let mut keyword_index: HashMap<String, usize> = HashMap::new();
        let mut keyword_patterns: Vec<(String, Vec<Hit>)> = Vec::new();
        let mut add_keyword = |text: &str, hit: Hit| {
            let i = *keyword_index.entry(text.to_owned()).or_insert_with(|| {
                keyword_patterns.push((text.to_owned(), Vec::new()));
                keyword_patterns.len() - 1
            });
            if !keyword_patterns[i].1.contains(&hit) {
                keyword_patterns[i].1.push(hit);
            }
        };
        for (i, title) in g.titles.iter().enumerate() {
            let hit = Hit::Title(i as u32);
            if title.text.starts_with(char::is_lowercase) {
                add_keyword(&title.text, hit);
            } else {
                add(&title.text, false, hit);
            }
            if let Some(upper) = upper_first(&title.text) {
                add(&upper, false, hit);
            }
        }
        for (i, cue) in g.cues.iter().enumerate() {
            let hit = Hit::Cue(i as u32);
            if cue.text.starts_with(char::is_lowercase) {
                add_keyword(&cue.text, hit);
            } else {
                add(&cue.text, false, hit);
            }
            // "According to …", "Asked about …" open sentences; a capitalised base form is more often a noun
            // ("State Department", "Report")
            let opens_sentences = cue.text.contains(' ') || cue.text.ends_with("ed") || cue.text.ends_with("ing");
            if let Some(upper) = upper_first(&cue.text).filter(|_| opens_sentences) {
                add(&upper, false, hit);
            }
        }
        for k in &g.keywords {
            match k.kind.as_str() {
                "org_head" => add(&k.text, false, Hit::OrgHead),
                "first_name" => add(&k.text, false, Hit::FirstName),
                _ => {}
            }
        }
        let automata = tables
            .into_iter()
            .enumerate()
            .filter(|(_, (_, patterns))| !patterns.is_empty())
            .map(|(insensitive, (_, patterns))| {
                let mut builder = AhoCorasickBuilder::new();
                builder.match_kind(MatchKind::Standard).ascii_case_insensitive(insensitive == 1);
                Automaton::new(&patterns, &builder)
            })
            .collect();
        let keywords = (!keyword_patterns.is_empty()).then(|| {
            let mut builder = AhoCorasickBuilder::new();
            builder.kind(Some(aho_corasick::AhoCorasickKind::DFA)).match_kind(MatchKind::LeftmostLongest);
            Automaton::new(&keyword_patterns, &builder)
        });
        Dictionary { automata, keywords }
    }

    /// Scans `text`: whole-word matches of every pattern, overlaps among entity aliases and among titles
    /// resolved.
    pub fn scan(&self, text: &str, g: &Gazetteers) -> Scan {
        let mut aliases = Vec::new();
        let mut titles = Vec::new();
        let mut org_heads = Vec::new();
        let mut first_names = Vec::new();
        let mut cues = Vec::new();
        for automaton in &self.automata {
            for m in automaton.ac.find_overlapping_iter(text) {
                let span = Span::new(m.start(), m.end());
                if !is_whole_word(text, span) {
                    continue;
                }
                for &hit in automaton.hits_of(m.pattern()) {
                    let found = Found { span, hit };
                    match hit {
                        Hit::Alias(_) => aliases.push(found),
                        Hit::Title(_) => titles.push(found),
                        Hit::OrgHead => org_heads.push(span),
                        Hit::FirstName => first_names.push(span),
                        Hit::Cue(_) => cues.push(found),
                    }
                }
            }
        }
        // in a headline in capitals, a short acronym is mostly a word ("WORLD CUP", "WHO IS", "US OPEN")
        aliases.retain(|f| !is_short_acronym_in_capitals(text, f.span));
        self.scan_all_caps(text, &mut aliases);
        let aliases = resolve_overlaps(aliases, |f| alias_priority(g, f));
        org_heads.sort_unstable();
        org_heads.dedup();
        first_names.sort_unstable();
        first_names.dedup();
        if let Some(k) = &self.keywords {
            for m in k.ac.find_iter(text) {
                let span = Span::new(m.start(), m.end());
                if !is_whole_word(text, span) {
                    continue;
                }
                for &hit in k.hits_of(m.pattern()) {
                    match hit {
                        Hit::Title(_) => titles.push(Found { span, hit }),
                        Hit::Cue(_) => cues.push(Found { span, hit }),
                        _ => {}
                    }
                }
            }
        }
        let titles = resolve_overlaps(titles, |f| match f.hit {
            Hit::Title(i) => (g.titles[i as usize].kind != TitleKind::Office) as u32,
            _ => 0,
        });
        let cues = resolve_overlaps(cues, |_| 0);
        Scan { aliases, titles, org_heads, first_names, cues }
    }
}

impl Dictionary {
    /// Headlines and datelines are written in capitals ("LONDON", "JAPAN GET LUCKY WIN"): each run of
    /// all-capital ASCII words is title-cased in a copy of the same length ("London", "Japan Get Lucky Win")
    /// and scanned again; matches map back one to one. Runs are rare in body text, so this costs little.
    fn scan_all_caps(&self, text: &str, aliases: &mut Vec<Found>) {
        let bytes = text.as_bytes();
        let mut copy = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let Some(run) = all_caps_run(bytes, i) else {
                i += 1;
                continue;
            };
            title_case_ascii(&text[run.start..run.end], &mut copy);
            for automaton in &self.automata {
                for m in automaton.ac.find_overlapping_iter(&copy) {
                    let span = Span::new(run.start + m.start(), run.start + m.end());
                    if !is_whole_word(text, span) {
                        continue;
                    }
                    for &hit in automaton.hits_of(m.pattern()) {
                        if matches!(hit, Hit::Alias(_)) {
                            aliases.push(Found { span, hit });
                        }
                    }
                }
            }
            i = run.end.max(i + 1);
        }
    }
}

/// True for a match of up to three capital letters ("CUP", "WHO", "US") next to another word in capitals.
fn is_short_acronym_in_capitals(text: &str, span: Span) -> bool {
    let word = span.text(text);
    let is_caps_word = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    if !(word.len() <= 3 && is_caps_word(word)) {
        return false;
    }
    let before = text[..span.start].strip_suffix([' ', '-']).unwrap_or("");
    let prev = before.rsplit([' ', '-', '\n']).next().unwrap_or("");
    let after = text[span.end..].strip_prefix([' ', '-']).unwrap_or("");
    let next = after.split([' ', '-', '\n', '.', ',', ':']).next().unwrap_or("");
    is_caps_word(prev) || is_caps_word(next)
}

/// The run of all-capital words starting at `i` (a word start), if one does: words of capital ASCII letters
/// (at least one with three letters or more) joined by spaces, hyphens, periods or apostrophes.
fn all_caps_run(bytes: &[u8], i: usize) -> Option<Span> {
    if !bytes[i].is_ascii_uppercase() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
        return None;
    }
    let mut end = i;
    let mut j = i;
    let mut long_word = false;
    loop {
        let word_start = j;
        while j < bytes.len() && bytes[j].is_ascii_uppercase() {
            j += 1;
        }
        let word_len = j - word_start;
        if word_len == 0 || (j < bytes.len() && (bytes[j].is_ascii_lowercase() || bytes[j] >= 0x80)) {
            break; // not an all-capital word ("London", "Ünal")
        }
        long_word |= word_len >= 3;
        end = j;
        // a separator and another capital word continue the run
        match bytes.get(j) {
            Some(b' ' | b'-' | b'.' | b'\'') if bytes.get(j + 1).is_some_and(u8::is_ascii_uppercase) => j += 1,
            _ => break,
        }
    }
    long_word.then(|| Span::new(i, end))
}

/// `src` with the first letter of each ASCII word upper-case and the rest lower-case, into `out` (same length).
fn title_case_ascii(src: &str, out: &mut String) {
    out.clear();
    let mut at_word_start = true;
    for c in src.chars() {
        if c.is_ascii_alphabetic() {
            out.push(if at_word_start { c } else { c.to_ascii_lowercase() });
            at_word_start = false;
        } else {
            out.push(c);
            at_word_start = true;
        }
    }
}

/// Tie-break key among equally long alias matches: lower wins (see the module docs).
fn alias_priority(g: &Gazetteers, f: &Found) -> (u32, u32, u32, u32) {
    let Hit::Alias(i) = f.hit else { return (u32::MAX, 0, 0, 0) };
    let alias = &g.aliases[i as usize];
    let entity = &g.entities[alias.entity];
    let type_rank = match entity.entity_type {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Country => 2,
        EntityType::Location => 3,
    };
    let form_rank = match alias.form {
        Form::Name => 0,
        Form::Alias => 1,
        _ => 2,
    };
    (u32::MAX - alias.file_rank, type_rank, form_rank, i)
}

/// Keeps a set of non-overlapping matches: longest first, then by `priority` (lower wins), then leftmost.
/// Returns them sorted by start. O(n log n): the chosen matches live in a map keyed by start, and since they
/// never overlap, only the one starting last before a candidate's end can clash with it.
pub(crate) fn resolve_overlaps<K: Ord>(mut found: Vec<Found>, priority: impl Fn(&Found) -> K) -> Vec<Found> {
    found.sort_by_cached_key(|f| (std::cmp::Reverse(f.span.len()), priority(f), f.span.start));
    let mut chosen: std::collections::BTreeMap<usize, Found> = std::collections::BTreeMap::new();
    for f in found {
        let clash = chosen.range(..f.span.end).next_back().is_some_and(|(_, c)| c.span.end > f.span.start);
        if !clash {
            chosen.insert(f.span.start, f);
        }
    }
    chosen.into_values().collect()
}

/// True when `span` starts and ends on word boundaries: the characters just outside it are not letters or
/// digits (so "Japan’s", "U.S.-led" and "Azerbaijan's" match their names, "Iranian" does not match "Iran"),
/// and it does not start right after an apostrophe that follows a letter ("O'Brien" does not contain "Brien").
pub(crate) fn is_whole_word(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let first = text[span.start..span.end].chars().next();
    let last = text[span.start..span.end].chars().next_back();
    let joins = |outside: Option<char>, inside: Option<char>| match (outside, inside) {
        (Some(o), Some(i)) => o.is_alphanumeric() && is_word_char(i),
        _ => false,
    };
    if joins(before, first) || joins(after, last) {
        return false;
    }
    if matches!(before, Some('\'' | '’')) {
        let before_apostrophe = text[..span.start - before.map_or(0, char::len_utf8)].chars().next_back();
        if before_apostrophe.is_some_and(char::is_alphabetic) {
            return false;
        }
    }
    true
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `text` with its first letter upper-cased, when that changes it.
fn upper_first(text: &str) -> Option<String> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if !first.is_lowercase() {
        return None;
    }
    Some(first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteers() -> Gazetteers {
        let mut g = Gazetteers::new();
        g.add_text(
            "t.tsv",
            "id\tname\ttype\taliases\tdemonyms\n\
             JP\tJapan\tCOUNTRY\t\tJapanese\n\
             US\tUnited States\tCOUNTRY\tU.S.|US\tAmerican\n\
             AZ\tAzerbaijan\tCOUNTRY\t\tAzeri\n\
             GA\tGeorgia\tLOCATION\t\t\n\
             GE\tGeorgia\tCOUNTRY\t\t\n\
             o1\tUS Forces Japan\tORGANIZATION\t\t\n\
             p1\tBrien\tPERSON\t\t\n",
        );
        g.add_text("k.tsv", "title\tkind\nMinister\toffice\nDefense Minister\toffice\nspokesman\toffice\n");
        g
    }

    fn texts(text: &str, found: &[Found]) -> Vec<String> {
        found.iter().map(|f| f.span.text(text).to_owned()).collect()
    }

    #[test]
    fn whole_words_with_possessives_and_hyphens() {
        let g = gazetteers();
        let d = Dictionary::build(&g);
        let text = "Japan’s and Azerbaijan's U.S.-led plan; Japanese, not Japanland; O'Brien";
        let scan = d.scan(text, &g);
        assert_eq!(texts(text, &scan.aliases), ["Japan", "Azerbaijan", "U.S.", "Japanese"]);
    }

    #[test]
    fn longest_match_wins_then_priority() {
        let g = gazetteers();
        let d = Dictionary::build(&g);
        let text = "US Forces Japan met in Georgia.";
        let scan = d.scan(text, &g);
        assert_eq!(texts(text, &scan.aliases), ["US Forces Japan", "Georgia"]);
        // COUNTRY ranks before LOCATION for the same text
        let Hit::Alias(i) = scan.aliases[1].hit else { panic!() };
        assert_eq!(g.entities[g.aliases[i as usize].entity].id, "GE");
    }

    #[test]
    fn titles_longest_and_sentence_initial_variant() {
        let g = gazetteers();
        let d = Dictionary::build(&g);
        let text = "Spokesman X met Defense Minister Gen Nakatani.";
        let scan = d.scan(text, &g);
        assert_eq!(texts(text, &scan.titles), ["Spokesman", "Defense Minister"]);
    }

    #[test]
    fn case_insensitive_rows_match_any_case() {
        let mut g = Gazetteers::new();
        g.add_text("i.tsv", "id\tname\ttype\tcase\nw\tWhite House\tORGANIZATION\tinsensitive\n");
        let d = Dictionary::build(&g);
        let text = "THE WHITE HOUSE said; the white house";
        assert_eq!(texts(text, &d.scan(text, &g).aliases), ["WHITE HOUSE", "white house"]);
    }

    #[test]
    fn all_capital_headlines_and_datelines() {
        let g = gazetteers();
        let d = Dictionary::build(&g);
        let text = "JAPAN GET LUCKY WIN. AZERBAIJAN-JAPAN TALKS\nTOKYO 1996-08-30 Japan won; US and NATO";
        assert_eq!(texts(text, &d.scan(text, &g).aliases), ["JAPAN", "AZERBAIJAN", "JAPAN", "Japan", "US"]);
        assert_eq!(all_caps_run(b"US and", 0), None);
        let mut s = String::new();
        title_case_ascii("NEW YORK-BASED U.S. O'NEIL", &mut s);
        assert_eq!(s, "New York-Based U.S. O'Neil");
    }

    #[test]
    fn overlap_resolution_keeps_the_phone_before_phonebook() {
        // ("the phone" vs "phonebook"): both can be chosen only if they do not overlap
        let f = |s, e| Found { span: Span::new(s, e), hit: Hit::OrgHead };
        let chosen = resolve_overlaps(vec![f(0, 9), f(4, 13), f(14, 20)], |_| 0);
        assert_eq!(chosen.iter().map(|c| (c.span.start, c.span.end)).collect::<Vec<_>>(), [(0, 9), (14, 20)]);
    }
}
