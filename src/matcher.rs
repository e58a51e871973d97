//! The dictionary scan: every alias, title, cue and keyword of the gazetteers compiled into Aho-Corasick
//! tries, matched as whole words, overlaps resolved.
//!
//! A whole-word match starts at a word start, so instead of running the automaton over every byte, the scan
//! finds the word starts (64 bytes at a time) and walks the trie from each one, anchored, until no pattern
//! continues; a small filter of the patterns' first three bytes skips the many words that start none. Every
//! pattern that matches from a word start and ends on a word boundary is kept: overlapping matches too
//! ("the phone" inside "the phonebook" is not lost to a longer match). Then the scan chooses among them
//! ([`resolve_overlaps`]):
//!
//! 1. the longest match wins;
//! 2. among equally long matches of the same text: a later-loaded file wins (user gazetteers over the
//!    defaults), then the type order PERSON, ORGANIZATION, COUNTRY, LOCATION, then canonical names over
//!    aliases over demonyms, then load order;
//! 3. among equally long overlapping matches at different places, the leftmost wins.
//!
//! Case-sensitive and ASCII-case-insensitive forms live in separate tries, and lower-case-first patterns
//! (cue verbs, titles) in a small one of their own. Patterns that start with neither a letter nor a digit
//! (none in the default gazetteers) are found by an ordinary overlapping Aho-Corasick scan.

use foldhash::HashMap;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, MatchKind, PatternID};

use crate::gazetteer::{AliasId, EntityType, Form, Gazetteers, KeywordKind, TitleKind};
use crate::span::Span;
use crate::text::TextLayer;
use crate::text::words::{ends_word, is_whole_word, is_word_char, token_end};

/// What a matched pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hit {
    /// An entity alias.
    Alias(AliasId),
    /// A form that names a team in sports context only: index into `Gazetteers::sports_aliases`.
    SportsAlias(u32),
    /// A title: index into `Gazetteers::titles`.
    Title(u32),
    /// A word that heads or ends organization names ("Ministry", "Command", "Inc.").
    OrgHead,
    /// A first name that starts person names ("Nasser", "Hillary").
    FirstName,
    /// A word of club names ("United", "FC", "Dynamo").
    TeamWord,
    /// A word of sports context ("soccer", "innings"): index into `Gazetteers::keywords`.
    SportWord(u32),
    /// A cue: index into `Gazetteers::cues`.
    Cue(u32),
}

/// A whole-word match of one pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Span,
    pub hit: Hit,
}

/// For each pattern of an automaton, the hits it stands for.
#[derive(Default)]
struct PatternHits {
    /// For pattern `p`: `hits[ranges[p].0 .. ranges[p].1]`.
    ranges: Vec<(u32, u32)>,
    hits: Vec<Hit>,
}

impl PatternHits {
    fn new(patterns: &[(String, Vec<Hit>)]) -> PatternHits {
        let mut table = PatternHits::default();
        for (_, h) in patterns {
            table.ranges.push((table.hits.len() as u32, (table.hits.len() + h.len()) as u32));
            table.hits.extend_from_slice(h);
        }
        table
    }

    /// What pattern `p` stands for.
    fn of(&self, p: PatternID) -> &[Hit] {
        let (from, to) = self.ranges[p.as_usize()];
        &self.hits[from as usize..to as usize]
    }
}

/// Patterns that start with a letter or digit, in a trie walked from each word start of the text (an anchored
/// Aho-Corasick search that stops as soon as no pattern continues).
///
/// Most words start no pattern, and two filters let the walk skip them: the patterns' first three bytes (8 KB,
/// in the processor's fastest cache), then, for a large trie whose walks miss the cache, their first words
/// (letters and digits: a pattern that matches as a whole word starts with the text's word there).
struct WordStartAutomaton {
    nfa: contiguous::NFA,
    start: StateID,
    case_insensitive: bool,
    /// Bit `trigram_key(p[0], p[1], p[2])` is set for the first three bytes of each pattern `p`.
    trigrams: Box<[u64; TRIGRAM_BITS / 64]>,
    /// Bit `self.word_key(w) % FIRST_WORD_BITS` is set for the first word `w` of each pattern; empty for a
    /// small trie.
    first_words: Box<[u64]>,
    /// For each byte: whether no pattern starts with it, some do, or one shorter than three bytes does (words
    /// starting with it are then always walked).
    first_byte: [FirstByte; 256],
    hits: PatternHits,
}

/// Whether patterns start with a byte (ordered: a short pattern needs the most care).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FirstByte {
    None,
    Some,
    Short,
}

/// Size of the trigram filter in bits (8 KB).
const TRIGRAM_BITS: usize = 1 << 16;

/// Patterns from which a trie counts as large (the cue verbs and titles that start with a lower-case letter
/// are a few hundred; the names tens of thousands).
const LARGE_TRIE: usize = 4096;

/// Size of the first-word filter in bits (32 KB).
const FIRST_WORD_BITS: usize = 1 << 18;

/// Where three bytes fall in the trigram filter.
#[inline]
fn trigram_key(b0: u8, b1: u8, b2: u8) -> usize {
    let x = u32::from_le_bytes([b0, b1, b2, 0]);
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl WordStartAutomaton {
    fn new(patterns: &[(String, Vec<Hit>)], case_insensitive: bool) -> WordStartAutomaton {
        // standard semantics build more than twice as fast as leftmost ones here (60 against 150 ms for the
        // default names); the walk skips the suffix matches they copy into states
        let nfa = contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(case_insensitive)
            .prefilter(false)
            .build(patterns.iter().map(|(p, _)| p))
            .expect("gazetteer patterns fit in an automaton");
        let start = nfa.start_state(Anchored::Yes).expect("NFAs support anchored searches");
        let mut automaton = WordStartAutomaton {
            nfa,
            start,
            case_insensitive,
            trigrams: Box::new([0u64; TRIGRAM_BITS / 64]),
            first_words: vec![0u64; if patterns.len() >= LARGE_TRIE { FIRST_WORD_BITS / 64 } else { 0 }]
                .into_boxed_slice(),
            first_byte: [FirstByte::None; 256],
            hits: PatternHits::new(patterns),
        };
        let fold = |b: u8| if case_insensitive { b.to_ascii_lowercase() } else { b };
        for (pattern, _) in patterns {
            if !automaton.first_words.is_empty() {
                let key = automaton.word_key(&pattern.as_bytes()[..token_end(pattern, 0)]);
                automaton.first_words[key / 64] |= 1 << (key % 64);
            }
            let bytes = pattern.as_bytes();
            let starts: &[u8] = if case_insensitive {
                &[bytes[0].to_ascii_lowercase(), bytes[0].to_ascii_uppercase()]
            } else {
                &bytes[..1]
            };
            for &b0 in starts {
                let entry = &mut automaton.first_byte[usize::from(b0)];
                *entry = (*entry).max(if bytes.len() >= 3 { FirstByte::Some } else { FirstByte::Short });
            }
            if let [b0, b1, b2, ..] = *bytes {
                let key = trigram_key(fold(b0), fold(b1), fold(b2));
                automaton.trigrams[key / 64] |= 1 << (key % 64);
            }
        }
        automaton
    }

    /// Where a word falls in the first-word filter.
    #[inline]
    fn word_key(&self, word: &[u8]) -> usize {
        use std::hash::{BuildHasher, Hasher};
        let state = foldhash::fast::FixedState::with_seed(0x5eed);
        let hash = if self.case_insensitive {
            let mut hasher = state.build_hasher();
            word.iter().for_each(|b| hasher.write_u8(b.to_ascii_lowercase()));
            hasher.finish()
        } else {
            state.hash_one(word)
        };
        (hash % FIRST_WORD_BITS as u64) as usize
    }

    /// False when no pattern can start with the word at byte `at` of `text` (by the first-word filter).
    #[inline]
    fn may_start_with_word_at(&self, text: &str, at: usize) -> bool {
        if self.first_words.is_empty() {
            return true;
        }
        let key = self.word_key(&text.as_bytes()[at..token_end(text, at)]);
        self.first_words[key / 64] & (1 << (key % 64)) != 0
    }

    /// False when no pattern can start at byte `at` of `bytes` (by the filter; true does not promise a match).
    #[inline]
    fn may_start_at(&self, bytes: &[u8], at: usize) -> bool {
        match self.first_byte[usize::from(bytes[at])] {
            FirstByte::None => return false,
            FirstByte::Short => return true,
            FirstByte::Some => {}
        }
        let Some(&[b0, b1, b2]) = bytes.get(at..at + 3).map(|b| <&[u8; 3]>::try_from(b).expect("3 bytes")) else {
            return true;
        };
        let key = if self.case_insensitive {
            trigram_key(b0.to_ascii_lowercase(), b1.to_ascii_lowercase(), b2.to_ascii_lowercase())
        } else {
            trigram_key(b0, b1, b2)
        };
        self.trigrams[key / 64] & (1 << (key % 64)) != 0
    }

    /// Feeds `byte_at(i)` for `i` in `from..to` until no pattern continues, calling `found(pattern, end)` for
    /// each pattern that matches from `from`.
    #[inline]
    fn walk(&self, from: usize, to: usize, byte_at: impl Fn(usize) -> u8, mut found: impl FnMut(PatternID, usize)) {
        let mut state = self.start;
        for i in from..to {
            state = self.nfa.next_state(Anchored::Yes, state, byte_at(i));
            if self.nfa.is_special(state) {
                if self.nfa.is_dead(state) {
                    return;
                }
                if self.nfa.is_match(state) {
                    // a state's matches also list patterns that are suffixes of its path ("America" on the
                    // way to "Central American"): those start later, at a word start of their own
                    // (patterns are distinct, so one at most starts at `from`: listed first, as it happens)
                    let own = (0..self.nfa.match_len(state))
                        .map(|k| self.nfa.match_pattern(state, k))
                        .find(|&pattern| self.nfa.pattern_len(pattern) == i + 1 - from);
                    if let Some(pattern) = own {
                        found(pattern, i + 1);
                    }
                }
            }
        }
    }
}

/// Patterns that start with neither a letter nor a digit ("#MeToo"): rare, so scanned the ordinary way.
struct AnywhereAutomaton {
    ac: AhoCorasick,
    hits: PatternHits,
}

/// Patterns being collected for one automaton: pattern text -> index, and (pattern, hits) in insertion order.
type PatternTable = (HashMap<String, usize>, Vec<(String, Vec<Hit>)>);

/// The compiled dictionary: built once, shared by all threads.
pub(crate) struct Dictionary {
    /// Case-sensitive and ASCII-case-insensitive patterns that start with a word character.
    word_start: Vec<WordStartAutomaton>,
    /// The other patterns, in the same two kinds.
    anywhere: Vec<AnywhereAutomaton>,
}

/// Results of scanning one text, split by kind; entity matches are already resolved to non-overlapping ones.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Chosen entity alias matches, sorted by start.
    pub aliases: Vec<Found>,
    /// Every match of a sports alias (overlapping ones too, one per team that has the form), sorted by start and
    /// end: no choice is made among them, nor against the aliases (the sports rule decides).
    pub sports_aliases: Vec<Found>,
    /// Chosen title matches (longest, non-overlapping), sorted by start.
    pub titles: Vec<Found>,
    /// Organization head words, sorted by start.
    pub org_heads: Vec<Span>,
    /// First names, sorted by start.
    pub first_names: Vec<Span>,
    /// Words of club names, sorted by start.
    pub team_words: Vec<Span>,
    /// Words of sports context, matched ignoring ASCII case (longest, non-overlapping), sorted by start.
    pub sport_words: Vec<Found>,
    /// Chosen cue matches (longest, non-overlapping), sorted by start.
    pub cues: Vec<Found>,
}

impl Scan {
    fn push(&mut self, span: Span, hits: &[Hit]) {
        for &hit in hits {
            let found = Found { span, hit };
            match hit {
                Hit::Alias(_) => self.aliases.push(found),
                Hit::SportsAlias(_) => self.sports_aliases.push(found),
                Hit::Title(_) => self.titles.push(found),
                Hit::OrgHead => self.org_heads.push(span),
                Hit::FirstName => self.first_names.push(span),
                Hit::TeamWord => self.team_words.push(span),
                Hit::SportWord(_) => self.sport_words.push(found),
                Hit::Cue(_) => self.cues.push(found),
            }
        }
    }
}

impl Dictionary {
    /// Compiles the gazetteers' aliases (except stop words), titles, cues and keywords.
    pub fn build(g: &Gazetteers) -> Dictionary {
        let stopwords: foldhash::HashSet<&str> = g.stopwords().collect();
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
                add(&alias.text, alias.case_insensitive, Hit::Alias(AliasId::new(i)));
            }
        }
        // sports aliases are matched whatever the stop list says ("Kent", "Reading" name clubs in sports context)
        for (i, alias) in g.sports_aliases.iter().enumerate() {
            add(&alias.text, alias.case_insensitive, Hit::SportsAlias(i as u32));
        }
        // titles ("spokesman") also match with a capital first letter, which opens sentences
        for (i, title) in g.titles.iter().enumerate() {
            let hit = Hit::Title(i as u32);
            add(&title.text, false, hit);
            if let Some(upper) = upper_first(&title.text) {
                add(&upper, false, hit);
            }
        }
        for (i, cue) in g.cues.iter().enumerate() {
            let hit = Hit::Cue(i as u32);
            add(&cue.text, false, hit);
            // "According to …", "Asked about …" open sentences; a capitalised base form is more often a noun
            // ("State Department", "Report")
            let opens_sentences = cue.text.contains(' ') || cue.text.ends_with("ed") || cue.text.ends_with("ing");
            if let Some(upper) = upper_first(&cue.text).filter(|_| opens_sentences) {
                add(&upper, false, hit);
            }
        }
        for (i, k) in g.keywords.iter().enumerate() {
            match k.kind {
                KeywordKind::OrgHead | KeywordKind::OrgSuffix => add(&k.text, false, Hit::OrgHead),
                KeywordKind::FirstName => add(&k.text, false, Hit::FirstName),
                KeywordKind::TeamWord => add(&k.text, false, Hit::TeamWord),
                KeywordKind::SportWord => add(&k.text, true, Hit::SportWord(i as u32)),
                _ => {}
            }
        }
        let mut word_start = Vec::new();
        let mut anywhere = Vec::new();
        for (insensitive, (_, patterns)) in tables.into_iter().enumerate() {
            let insensitive = insensitive == 1;
            let (words, others): (Vec<_>, Vec<_>) =
                patterns.into_iter().partition(|(p, _)| p.starts_with(is_word_char));
            // lower-case words are the most walked: their patterns (cue verbs, titles) get a small trie that
            // stays in cache, apart from the names
            let (lower, upper): (Vec<_>, Vec<_>) =
                words.into_iter().partition(|(p, _)| !insensitive && p.starts_with(|c: char| c.is_ascii_lowercase()));
            for group in [lower, upper] {
                if !group.is_empty() {
                    word_start.push(WordStartAutomaton::new(&group, insensitive));
                }
            }
            if !others.is_empty() {
                let ac = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .ascii_case_insensitive(insensitive)
                    .build(others.iter().map(|(p, _)| p))
                    .expect("gazetteer patterns fit in an automaton");
                anywhere.push(AnywhereAutomaton { ac, hits: PatternHits::new(&others) });
            }
        }
        Dictionary { word_start, anywhere }
    }

    /// Scans `text`: whole-word matches of every pattern, overlaps among entity aliases, titles and cues
    /// resolved.
    ///
    /// Headlines and datelines are written in capitals ("LONDON", "JAPAN GET LUCKY WIN"): within each run of
    /// all-capital ASCII words the walk is repeated on the title-cased bytes ("London", "Japan Get Lucky Win"),
    /// for entity aliases. Runs are rare in body text, so this costs little.
    pub fn scan(&self, text: &str, layer: &TextLayer, g: &Gazetteers) -> Scan {
        let bytes = text.as_bytes();
        // room for a typical document's matches, to save regrowing
        let mut scan = Scan { aliases: Vec::with_capacity(text.len() / 64), ..Scan::default() };
        let mut in_capitals = Vec::new();
        let mut caps_run = Span::default();
        for &start in &layer.word_starts {
            for automaton in
                self.word_start.iter().filter(|a| a.may_start_at(bytes, start) && a.may_start_with_word_at(text, start))
            {
                automaton.walk(
                    start,
                    bytes.len(),
                    |i| bytes[i],
                    |pattern, end| {
                        if ends_word(text, end) {
                            scan.push(Span::new(start, end), automaton.hits.of(pattern));
                        }
                    },
                );
            }
            if start >= caps_run.end {
                caps_run = all_caps_run(bytes, start).unwrap_or_default();
            }
            if start < caps_run.end {
                let title_cased = |i: usize| {
                    let b = bytes[i];
                    if i > start && bytes[i - 1].is_ascii_alphabetic() { b.to_ascii_lowercase() } else { b }
                };
                for automaton in &self.word_start {
                    automaton.walk(start, caps_run.end, title_cased, |pattern, end| {
                        if ends_word(text, end) {
                            let span = Span::new(start, end);
                            let hits = automaton
                                .hits
                                .of(pattern)
                                .iter()
                                .filter(|h| matches!(h, Hit::Alias(_) | Hit::SportsAlias(_)));
                            in_capitals.extend(hits.map(|&hit| Found { span, hit }));
                        }
                    });
                }
            }
        }
        for automaton in &self.anywhere {
            for m in automaton.ac.find_overlapping_iter(text) {
                let span = Span::new(m.start(), m.end());
                if is_whole_word(text, span) {
                    scan.push(span, automaton.hits.of(m.pattern()));
                }
            }
        }
        let Scan {
            mut aliases,
            mut sports_aliases,
            titles,
            mut org_heads,
            mut first_names,
            mut team_words,
            sport_words,
            cues,
        } = scan;
        // in a headline in capitals, a short acronym is mostly a word ("WORLD CUP", "WHO IS", "US OPEN")
        aliases.retain(|f| !is_short_acronym_in_capitals(text, f.span));
        sports_aliases.retain(|f| !is_short_acronym_in_capitals(text, f.span));
        for found in in_capitals {
            match found.hit {
                Hit::SportsAlias(_) => sports_aliases.push(found),
                _ => aliases.push(found),
            }
        }
        let aliases = resolve_overlaps(aliases, |f| alias_priority(g, f));
        sports_aliases
            .sort_unstable_by_key(|f| (f.span.start, f.span.end, if let Hit::SportsAlias(i) = f.hit { i } else { 0 }));
        sports_aliases.dedup();
        org_heads.sort_unstable();
        org_heads.dedup();
        first_names.sort_unstable();
        first_names.dedup();
        team_words.sort_unstable();
        team_words.dedup();
        let titles = resolve_overlaps(titles, |f| match f.hit {
            Hit::Title(i) => (g.titles[i as usize].kind != TitleKind::Office) as u32,
            _ => 0,
        });
        let cues = resolve_overlaps(cues, |_| 0);
        let sport_words = resolve_overlaps(sport_words, |_| 0);
        Scan { aliases, sports_aliases, titles, org_heads, first_names, team_words, sport_words, cues }
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

/// Tie-break key among equally long alias matches: lower wins (see the module docs).
fn alias_priority(g: &Gazetteers, f: &Found) -> (u32, u32, u32, u32) {
    let Hit::Alias(i) = f.hit else { return (u32::MAX, 0, 0, 0) };
    let alias = &g.aliases[i];
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
    (u32::MAX - alias.file_rank, type_rank, form_rank, i.as_usize() as u32)
}

/// Keeps a set of non-overlapping matches: longest first, then by `priority` (lower wins), then leftmost.
/// Returns them sorted by start.
///
/// A choice only depends on the matches it overlaps, so the matches are cut into clusters that overlap one
/// another (most are alone) and the greedy choice runs within each.
pub(crate) fn resolve_overlaps<K: Ord>(mut found: Vec<Found>, priority: impl Fn(&Found) -> K) -> Vec<Found> {
    found.sort_unstable_by_key(|f| (f.span.start, f.span.end));
    let mut chosen = Vec::with_capacity(found.len());
    let mut from = 0;
    while from < found.len() {
        let mut to = from + 1;
        let mut end = found[from].span.end;
        while to < found.len() && found[to].span.start < end {
            end = end.max(found[to].span.end);
            to += 1;
        }
        let cluster = &mut found[from..to];
        if let [single] = cluster {
            chosen.push(*single);
        } else {
            cluster.sort_by_cached_key(|f| (std::cmp::Reverse(f.span.len()), priority(f), f.span.start));
            let first_chosen = chosen.len();
            for f in cluster.iter() {
                if !chosen[first_chosen..].iter().any(|c: &Found| c.span.overlaps(f.span)) {
                    chosen.push(*f);
                }
            }
            chosen[first_chosen..].sort_unstable_by_key(|f| f.span.start);
        }
        from = to;
    }
    chosen
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
        let scan = d.scan(text, &TextLayer::new(text, &g.lexicon), &g);
        assert_eq!(texts(text, &scan.aliases), ["Japan", "Azerbaijan", "U.S.", "Japanese"]);
    }

    #[test]
    fn matches_that_end_together_are_all_found() {
        // "America" ends where "Central America" does: the walk from each word start finds its own
        let mut g = Gazetteers::new();
        g.add_text("a.tsv", "id\tname\ttype\nUS\tAmerica\tCOUNTRY\nCA\tCentral America\tLOCATION\n");
        let d = Dictionary::build(&g);
        let text = "Central America and America";
        let mut found: Vec<(usize, usize)> = Vec::new();
        for &start in &TextLayer::new(text, &g.lexicon).word_starts {
            for a in &d.word_start {
                a.walk(start, text.len(), |i| text.as_bytes()[i], |_, end| found.push((start, end)));
            }
        }
        assert_eq!(found, [(0, 15), (8, 15), (20, 27)]);
    }

    #[test]
    fn longest_match_wins_then_priority() {
        let g = gazetteers();
        let d = Dictionary::build(&g);
        let text = "US Forces Japan met in Georgia.";
        let scan = d.scan(text, &TextLayer::new(text, &g.lexicon), &g);
        assert_eq!(texts(text, &scan.aliases), ["US Forces Japan", "Georgia"]);
        // COUNTRY ranks before LOCATION for the same text
        let Hit::Alias(i) = scan.aliases[1].hit else { panic!() };
        assert_eq!(g.entities[g.aliases[i].entity].id, "GE");
    }

    #[test]
    fn titles_longest_and_sentence_initial_variant() {
        let g = gazetteers();
        let d = Dictionary::build(&g);
        let text = "Spokesman X met Defense Minister Gen Nakatani.";
        let scan = d.scan(text, &TextLayer::new(text, &g.lexicon), &g);
        assert_eq!(texts(text, &scan.titles), ["Spokesman", "Defense Minister"]);
    }

    #[test]
    fn case_insensitive_rows_match_any_case() {
        let mut g = Gazetteers::new();
        g.add_text("i.tsv", "id\tname\ttype\tcase\nw\tWhite House\tORGANIZATION\tinsensitive\n");
        let d = Dictionary::build(&g);
        let text = "THE WHITE HOUSE said; the white house";
        assert_eq!(
            texts(text, &d.scan(text, &TextLayer::new(text, &g.lexicon), &g).aliases),
            ["WHITE HOUSE", "white house"]
        );
    }

    #[test]
    fn filters_keep_every_pattern_start() {
        let mut g = Gazetteers::new();
        g.add_text(
            "f.tsv",
            "id\tname\ttype\taliases\tcase\n\
             a\tÜnal Çelik\tPERSON\tÇelik|Ü\t\n\
             b\tal-Sisi\tPERSON\tO'Neil|7-Eleven\t\n\
             c\tNew York Times\tORGANIZATION\tnyt\tinsensitive\n",
        );
        let d = Dictionary::build(&g);
        let text = "Ünal Çelik met al-Sisi, O'Neil and Ü at 7-Eleven; the NYT, New York Times.";
        assert_eq!(
            texts(text, &d.scan(text, &TextLayer::new(text, &g.lexicon), &g).aliases),
            ["Ünal Çelik", "al-Sisi", "O'Neil", "Ü", "7-Eleven", "NYT", "New York Times"]
        );
    }

    #[test]
    fn all_capital_headlines_and_datelines() {
        let g = gazetteers();
        let d = Dictionary::build(&g);
        let text = "JAPAN GET LUCKY WIN. AZERBAIJAN-JAPAN TALKS\nTOKYO 1996-08-30 Japan won; US and NATO";
        assert_eq!(
            texts(text, &d.scan(text, &TextLayer::new(text, &g.lexicon), &g).aliases),
            ["JAPAN", "AZERBAIJAN", "JAPAN", "Japan", "US"]
        );
        assert_eq!(all_caps_run(b"US and", 0), None);
    }

    /// The greedy choice over all matches at once, as it was before clusters.
    fn resolve_all_at_once(mut found: Vec<Found>) -> Vec<Found> {
        found.sort_by_key(|f| (std::cmp::Reverse(f.span.len()), f.span.start));
        let mut chosen: Vec<Found> = Vec::new();
        for f in found {
            if !chosen.iter().any(|c| c.span.overlaps(f.span)) {
                chosen.push(f);
            }
        }
        chosen.sort_by_key(|f| f.span.start);
        chosen
    }

    #[test]
    fn overlap_resolution_by_clusters_equals_the_global_greedy_choice() {
        // a fixed pseudo-random sequence of spans: many clusters, chains and nestings
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..300 {
            let found: Vec<Found> = (0..next(30))
                .map(|_| {
                    let start = next(80);
                    Found { span: Span::new(start, start + 1 + next(12)), hit: Hit::OrgHead }
                })
                .collect();
            assert_eq!(resolve_overlaps(found.clone(), |_| 0), resolve_all_at_once(found));
        }
    }

    #[test]
    fn overlap_resolution_keeps_the_phone_before_phonebook() {
        // ("the phone" vs "phonebook"): both can be chosen only if they do not overlap
        let f = |s, e| Found { span: Span::new(s, e), hit: Hit::OrgHead };
        let chosen = resolve_overlaps(vec![f(0, 9), f(4, 13), f(14, 20)], |_| 0);
        assert_eq!(chosen.iter().map(|c| (c.span.start, c.span.end)).collect::<Vec<_>>(), [(0, 9), (14, 20)]);
    }
}
