//! Sports context: what makes a place name ("Surrey", "Toronto") the name of a team.
//!
//! Two kinds of evidence, both read from the words of `gazetteers/sports.tsv`:
//!
//! - **Sports words** (`sport_word` rows: "soccer", "innings", "NHL", "striker"): in a document's first line (its
//!   headline: "SOCCER - ...", "CRICKET - ...") they make the whole document about their sports; elsewhere, the
//!   sentence they stand in. A word points to sports (`football`, `cricket`, ...) or to some team sport.
//! - **Team positions** in results, standings and scoreboard lines ([`Position`]): a score after the form
//!   ("Surrey 345 for six", "Chicago 3"), a score between it and another name ("Chicago 3 Houston 2"), a result
//!   word between it and another name (`result_word` rows: "Surrey beat Kent", "Ajax v PSV", "TORONTO AT
//!   CHICAGO"), or the start of a standings line ("Ajax 5 4 1 0 12 2 13"). A country between parentheses may stand
//!   between the name and its score ("Brann ( Norway ) 2"). The venue (`venue_word` rows: "In Boston ,", "at
//!   Leicester"), a venue heading ("Leicester : Somerset 83") and a dateline ("LONDON 1996-08-30") are places.
//!
//! Tokens are the whitespace-separated words of a line, with the punctuation at their ends set aside.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::gazetteer::{Gazetteers, KeywordKind};
use crate::lexicon::Lexicon;
use crate::matcher::{Found, Hit};
use crate::rules::names::is_not_name_word;
use crate::span::Span;

/// What a sports word says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct SportWord {
    /// The sports it points to; empty: some team sport.
    sports: Vec<String>,
    /// Teams play them.
    team: bool,
}

/// The sports a stretch of text is about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SportContext {
    /// Team sports named (`football`, `cricket`, ...), without repeats.
    pub sports: Vec<String>,
    /// Some team sport is meant, named or not ("standings", "halftime", "club").
    pub team_sport: bool,
    /// A sport that people play alone is named ("TENNIS", "GOLF", "ATHLETICS").
    pub individual: bool,
}

impl SportContext {
    /// Adds what `other` says.
    pub fn add(&mut self, other: &SportContext) {
        self.team_sport |= other.team_sport;
        self.individual |= other.individual;
        for s in &other.sports {
            self.add_sport(s);
        }
    }

    /// Adds a team sport.
    pub fn add_sport(&mut self, sport: &str) {
        self.team_sport = true;
        if !self.sports.iter().any(|s| s == sport) {
            self.sports.push(sport.to_owned());
        }
    }
}

/// Where a form stands in its line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Position {
    /// A score follows it ("Surrey 345", "Brann ( Norway ) 2").
    pub score_after: bool,
    /// A score stands between another name and it ("Chicago 3 Houston").
    pub score_before: bool,
    /// A score follows it, then another name and its score ("Chicago 3 Houston 2": Chicago).
    pub pair: bool,
    /// A result word joins it to another name ("Surrey beat Kent", "Ajax v PSV").
    pub result: bool,
    /// It starts a standings line: three numbers or more follow.
    pub standings: bool,
    /// It is where a game is played ("In Boston ,", "at Leicester", "Leicester :", "TORONTO AT CHICAGO") or a
    /// dateline's place.
    pub venue: bool,
    /// A capitalised word joins it: it is a part of a longer name ("Van Moer", "Linda Wild").
    pub in_longer_name: bool,
}

impl Position {
    /// A position that only a team takes: a result, a standings line, or scores on both sides.
    pub fn is_strong(self) -> bool {
        self.result || self.standings || self.pair || (self.score_after && self.score_before)
    }

    /// A position next to a score.
    pub fn is_weak(self) -> bool {
        self.score_after || self.score_before
    }
}

/// The words of sports context, compiled from the keyword gazetteers.
pub(crate) struct SportsWords {
    /// Index of a keyword -> what it says, when it is a sports word (the dictionary scan finds them).
    sport_words: HashMap<u32, SportWord>,
    /// Result words in lower case; the ones written in capitals only are kept as written in `exact`.
    result_words: HashSet<String>,
    exact_result_words: HashSet<String>,
    /// Venue words, lower case.
    venue_words: HashSet<String>,
    /// Words next to which a name is a player's (`player_word` rows: "b", "c", "lbw", "not out"), lower case.
    player_words: HashSet<String>,
    /// Bytes of the longest result word (at most [`SHORT_WORD`]): a longer token is none, with no lookup.
    longest_result_word: usize,
}

/// Bytes of a line read on each side of a form.
const WINDOW: usize = 100;

/// A token of a line: its span and its text without the punctuation at its ends.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'t> {
    /// Where, punctuation included.
    pub span: Span,
    /// Its text without the punctuation at its ends.
    pub word: &'t str,
}

impl SportsWords {
    /// The sports, result and venue words of `g`'s keyword files.
    pub fn new(g: &Gazetteers) -> SportsWords {
        let mut words = SportsWords {
            sport_words: HashMap::new(),
            result_words: HashSet::new(),
            exact_result_words: HashSet::new(),
            venue_words: HashSet::new(),
            player_words: HashSet::new(),
            longest_result_word: 0,
        };
        for (i, k) in g.keywords.iter().enumerate() {
            match k.kind {
                KeywordKind::SportWord => {
                    let sports = k.canonical.split('|').map(str::trim).filter(|s| !s.is_empty());
                    let word =
                        SportWord { sports: sports.map(str::to_owned).collect(), team: k.subtype != "individual" };
                    words.sport_words.insert(i as u32, word);
                }
                KeywordKind::ResultWord if is_all_capitals(&k.text) => {
                    words.exact_result_words.insert(k.text.clone());
                }
                KeywordKind::ResultWord => {
                    words.result_words.insert(k.text.to_lowercase());
                }
                KeywordKind::VenueWord => {
                    words.venue_words.insert(k.text.to_lowercase());
                }
                KeywordKind::PlayerWord => {
                    words.player_words.insert(k.text.to_lowercase());
                }
                _ => {}
            }
        }
        let longest = words.result_words.iter().chain(&words.exact_result_words).map(String::len).max();
        words.longest_result_word = longest.unwrap_or(0).min(SHORT_WORD);
        words
    }

    /// The sports that the sports words found in `span` name (`found`: the dictionary's sports words).
    pub fn context_of(&self, found: &[Found], span: Span) -> SportContext {
        let mut context = SportContext::default();
        let from = found.partition_point(|f| f.span.start < span.start);
        for f in found[from..].iter().take_while(|f| f.span.end <= span.end) {
            let Hit::SportWord(i) = f.hit else { continue };
            match self.sport_words.get(&i) {
                Some(word) if word.team => {
                    context.team_sport = true;
                    for sport in &word.sports {
                        context.add_sport(sport);
                    }
                }
                Some(_) => context.individual = true,
                None => {}
            }
        }
        context
    }

    /// Where the form at `form` stands in its `line`.
    pub fn position(&self, text: &str, line: Span, form: Span, lexicon: &Lexicon) -> Position {
        // the tokens of a window around the form, at most WINDOW bytes each side, cut at spaces
        let mut from = form.start.saturating_sub(WINDOW).max(line.start);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if from > line.start {
            from = text[from..form.start].find(' ').map_or(form.start, |i| from + i + 1);
        }
        let mut to = (form.end + WINDOW).min(line.end);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        if to < line.end {
            to = text[form.end..to].rfind(' ').map_or(form.end, |i| form.end + i);
        }
        let whole_line = from == line.start && to == line.end;
        let tokens: Vec<Token<'_>> = tokens(text, Span::new(from, to)).collect();
        let Some(first) = tokens.iter().position(|t| t.span.end > form.start) else { return Position::default() };
        let last = tokens[first..].iter().position(|t| t.span.end >= form.end).map_or(tokens.len() - 1, |i| first + i);
        let word = |i: usize| tokens.get(i).map_or("", |t| t.word);
        let raw = |i: usize| tokens.get(i).map_or("", |t| t.span.text(text));
        let names_before = |i: usize| i < tokens.len() && (is_name_token(raw(i)) || raw(i).ends_with(')'));
        let mut position = Position::default();

        // after the form: an optional "( Country )", then a score or a result word
        let mut next = last + 1;
        if raw(next).starts_with('(')
            && let Some(close) = (next..tokens.len().min(next + 5)).find(|&i| raw(i).ends_with(')'))
        {
            next = close + 1;
        }
        position.score_after = is_score(raw(next));
        if position.score_after && is_name_token(raw(next + 1)) {
            // another name (with its country) and its score
            position.pair =
                (next + 2..tokens.len().min(next + 7)).any(|i| is_score(raw(i)) && !raw(i - 1).ends_with(','));
        }
        if let Some(after) = self.result_word_at(&tokens, text, next) {
            let after = if word(after).eq_ignore_ascii_case("the") { after + 1 } else { after };
            // a name, not a function word in capitals ("NEW YORK AT ITS CORE")
            position.result |= after < tokens.len()
                && is_name_token(raw(after))
                && !is_not_name_word(&capitalised(word(after)), lexicon);
        }
        // before it: a score after another name, or a result word after another name
        if first > 0 {
            let prev = first - 1;
            position.score_before = is_score(raw(prev)) && prev > 0 && names_before(prev - 1);
            let before_the = if word(prev).eq_ignore_ascii_case("the") && prev > 0 { prev - 1 } else { prev };
            if let Some(start) = self.result_word_ending_at(&tokens, text, before_the) {
                position.result |= start > 0 && (names_before(start - 1) || is_score(raw(start - 1)));
            }
            // "In Boston ,", "at Leicester"; in "TORONTO AT CHICAGO" the home side is named by its place
            position.venue = self.venue_words.iter().any(|v| v.eq_ignore_ascii_case(word(prev)));
        }
        // a capitalised word next to it makes it a part of a longer name ("Van Moer", "Linda Wild", "Paris St
        // Germain"), unless that word is a result word or the first of its sentence; headlines in capitals are
        // left to the caller
        if !is_all_capitals(Span::new(from, to).text(text)) {
            let joined = |i: usize| {
                is_name_token(raw(i))
                    && self.result_word_at(&tokens, text, i).is_none()
                    && !raw(i).ends_with(')')
                    && !is_not_name_word(word(i), lexicon)
            };
            let after = joined(last + 1) && !form.text(text).ends_with(['.', ',', ';', ':']);
            let before = first > 0 && joined(first - 1) && !raw(first - 1).ends_with(['.', ',', ';', ':', '!', '?']);
            position.in_longer_name = after || before;
        }
        // a standings line: the form opens the line (after a rank) and numbers follow
        let rank = first == 1 && raw(0).trim_end_matches('.').bytes().all(|b| b.is_ascii_digit());
        let opens_line = from == line.start;
        if opens_line && (first == 0 || rank) {
            let numbers = tokens[last + 1..].iter().take(4).filter(|t| is_number(t.span.text(text))).count();
            position.standings = numbers >= 3;
            // "Leicester : Somerset 83" (a venue heading), "LONDON 1996-08-30" (a dateline)
            let heading = raw(last + 1) == ":" || raw(last).ends_with(':');
            position.venue |= heading;
        }
        // a dateline: "LONDON 1996-08-30", "ARLINGTON , Texas 1996-08-31", "TORONTO , Nov. 8 ( CP ) -"
        let dated = whole_line && tokens.len() <= 8 && tokens.iter().any(|t| is_iso_date(t.word));
        let caps_opening = opens_line
            && first == 0
            && is_all_capitals(form.text(text))
            && (raw(0).ends_with(',') || [",", "(", "-", "—", "--"].iter().any(|p| raw(last + 1).starts_with(p)));
        position.venue |= dated || caps_opening;
        position
    }

    /// The result word (one or two tokens) that starts at token `i`: the index of the token after it.
    fn result_word_at(&self, tokens: &[Token<'_>], text: &str, i: usize) -> Option<usize> {
        let one = tokens.get(i)?;
        if self.is_result_word(one.span.text(text), one.word) {
            return Some(i + 1);
        }
        let two = tokens.get(i + 1)?;
        self.is_result_phrase(one.word, two.word).then_some(i + 2)
    }

    /// The result word (one or two tokens) that ends at token `i`: the index of its first token.
    fn result_word_ending_at(&self, tokens: &[Token<'_>], text: &str, i: usize) -> Option<usize> {
        let one = tokens.get(i)?;
        if self.is_result_word(one.span.text(text), one.word) {
            return Some(i);
        }
        let before = tokens.get(i.checked_sub(1)?)?;
        self.is_result_phrase(before.word, one.word).then_some(i - 1)
    }

    /// True when tokens `from..from + n` are a player word ("b", "not out"), written in lower case ("B" and "C"
    /// in capitals are initials).
    fn is_player_phrase(&self, tokens: &[Token<'_>], text: &str, from: usize, n: usize) -> bool {
        let Some(words) = tokens.get(from..from + n) else { return false };
        if !words[0].span.text(text).starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        let phrase: Vec<&str> = words.iter().map(|t| t.word).collect();
        self.player_words.contains(&phrase.join(" "))
    }

    /// The player word (one or two tokens) that starts at token `i`: the index of the token after it.
    pub fn player_word_at(&self, tokens: &[Token<'_>], text: &str, i: usize) -> Option<usize> {
        (1..=2).rev().find(|&n| self.is_player_phrase(tokens, text, i, n)).map(|n| i + n)
    }

    /// The player word (one or two tokens) that ends at token `i`: the index of its first token.
    pub fn player_word_ending_at(&self, tokens: &[Token<'_>], text: &str, i: usize) -> Option<usize> {
        (1..=2)
            .rev()
            .filter(|&n| n <= i + 1)
            .find(|&n| self.is_player_phrase(tokens, text, i + 1 - n, n))
            .map(|n| i + 1 - n)
    }

    /// True for a result word at token `i` (as [`SportsWords::position`] reads them).
    pub fn is_result_word_at(&self, tokens: &[Token<'_>], text: &str, i: usize) -> bool {
        self.result_word_at(tokens, text, i).is_some()
    }

    /// A result word as written ("AT"), or in any case with its own punctuation ("beat", "BEAT", "vs."; not the
    /// initial "V.").
    fn is_result_word(&self, raw: &str, word: &str) -> bool {
        let raw = raw.trim_end_matches(',');
        self.exact_result_words.contains(word)
            || (raw.len() <= self.longest_result_word && with_lowercase(raw, |lower| self.result_words.contains(lower)))
    }

    /// True when the words `a b` are a result word of two words ("ahead of"), as written or in any case.
    fn is_result_phrase(&self, a: &str, b: &str) -> bool {
        let len = a.len() + 1 + b.len();
        if len > self.longest_result_word {
            return false;
        }
        let mut buffer = [0u8; SHORT_WORD];
        buffer[..a.len()].copy_from_slice(a.as_bytes());
        buffer[a.len()] = b' ';
        buffer[a.len() + 1..len].copy_from_slice(b.as_bytes());
        // two whole strs and an ASCII space: UTF-8
        let phrase = std::str::from_utf8(&buffer[..len]).expect("two strs and a space");
        self.is_result_word(phrase, phrase)
    }
}

/// Bytes of the longest word the sports lookups lower-case on the stack (longer ones are never result words).
const SHORT_WORD: usize = 48;

/// Calls `f` with `word` in lower case: on the stack for a short ASCII word, else in a new string.
fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if word.len() <= SHORT_WORD && word.is_ascii() {
        let mut buffer = [0u8; SHORT_WORD];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII"))
    } else {
        f(&word.to_lowercase())
    }
}

/// The tokens of `span`: whitespace-separated, with the punctuation at their ends set aside in `word`.
pub(crate) fn tokens(text: &str, span: Span) -> impl Iterator<Item = Token<'_>> {
    let part = span.text(text);
    part.split_ascii_whitespace().map(move |raw| {
        let start = span.start + (raw.as_ptr() as usize - part.as_ptr() as usize);
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        Token { span: Span::new(start, start + raw.len()), word }
    })
}

/// An ordinal ("8th", "32nd", "1st"): a minute of a goal, a place.
pub(crate) fn is_ordinal(token: &str) -> bool {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&token[digits..], "st" | "nd" | "rd" | "th")
}

/// Figures of a bowler ("7-1-38-0", "14.3-4-45-1"): four numbers joined by hyphens.
pub(crate) fn is_bowling_figures(token: &str) -> bool {
    let parts: Vec<&str> = token.trim_end_matches([',', ';']).split('-').collect();
    parts.len() == 4 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// A score: a number of up to three digits, or two joined by a hyphen or slash ("2", "345", "236-4", "2-1"),
/// maybe marked with an asterisk or followed by a comma; not a year.
pub(crate) fn is_score(token: &str) -> bool {
    let token = token.trim_end_matches([',', ';', '*']);
    let mut parts = token.splitn(2, ['-', '/']);
    let number =
        |p: Option<&str>| p.is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let first = parts.next();
    match parts.next() {
        None => number(first),
        second => number(first) && number(second),
    }
}

/// A number of a table: digits, maybe with a sign, a decimal point or a hyphen ("13", "-5", ".565", "12-2").
pub(crate) fn is_number(token: &str) -> bool {
    let token = token.trim_end_matches([',', '*']);
    token.bytes().any(|b| b.is_ascii_digit()) && token.bytes().all(|b| b.is_ascii_digit() || b"-+./".contains(&b))
}

/// `YYYY-MM-DD`.
fn is_iso_date(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// "ITS" -> "Its": a word as the lexicon writes a capitalised word.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
}

/// A word that can be (a part of) a name: it starts with a capital letter.
fn is_name_token(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> SportsWords {
        let mut g = Gazetteers::new();
        g.add_text("sports.tsv", include_str!("../../gazetteers/sports.tsv"));
        assert!(g.errors().is_none(), "{:?}", g.errors());
        SportsWords::new(&g)
    }

    fn at(line: &str, form: &str) -> Position {
        let start = line.rfind(form).unwrap();
        let lexicon = &Gazetteers::embedded_static().lexicon;
        words().position(line, Span::new(0, line.len()), Span::new(start, start + form.len()), lexicon)
    }

    #[test]
    fn scores_and_numbers() {
        for score in ["2", "345", "236-4", "2-1", "0*", "3,", "7/2"] {
            assert!(is_score(score), "{score}");
        }
        for no in ["1996", "2-1-38-0", "7-1-38", "six", "", "-", "12345"] {
            assert!(!is_score(no), "{no}");
        }
        assert!(is_number(".565") && is_number("-5") && !is_number("-"));
        assert!(is_iso_date("1996-08-30") && !is_iso_date("1996-8-30"));
    }

    #[test]
    fn team_positions_in_results_standings_and_scoreboards() {
        assert!(at("Surrey 345 for six", "Surrey").score_after);
        assert!(at("Chicago 3 Houston 2", "Houston").is_strong());
        assert!(at("Chicago 3 Houston 2", "Chicago").is_strong());
        assert!(!at("Surrey 345 for six", "Surrey").is_strong());
        assert!(at("Surrey beat Kent by six wickets .", "Kent").is_strong());
        assert!(at("Surrey beat Kent by six wickets .", "Surrey").is_strong());
        assert!(at("Hapoel Ironi v Constructorul Chisinau", "Constructorul").is_strong());
        assert!(at("TORONTO AT CHICAGO", "TORONTO").is_strong());
        assert!(!at("NEW YORK AT ITS CORE", "NEW YORK").is_strong());
        assert!(at("Brann ( Norway ) 2 Shelbourne ( Ireland ) 1 ( 1-1 )", "Shelbourne").is_strong());
        assert!(at("Ajax 5 4 1 0 12 2 13", "Ajax").standings);
        assert!(at("1. Ajax 5 4 1 0 12 2 13", "Ajax").standings);
        assert!(at("the Leafs beat the Bruins 3-2", "Bruins").result);
    }

    #[test]
    fn venues_and_datelines_are_places() {
        assert!(at("In Boston , Mike Stanley 's single won it .", "Boston").venue);
        assert!(at("Leicestershire had Hampshire on the ropes at Leicester .", "Leicester").venue);
        assert!(at("Leicester : Somerset 83 ( D. Millns 4-35 )", "Leicester").venue);
        assert!(at("LONDON 1996-08-30", "LONDON").venue);
        assert!(at("ARLINGTON , Texas 1996-08-31", "Texas").venue);
        assert!(at("TORONTO, Nov. 8 (CP) - The Maple Leafs won .", "TORONTO").venue);
        assert!(at("TORONTO AT CHICAGO", "CHICAGO").venue);
        assert!(!at("TORONTO AT CHICAGO", "TORONTO").venue);
        assert!(!at("The mayor of Chicago said 3 things .", "Chicago").is_weak());
    }

    #[test]
    fn windows_end_on_characters() {
        let line = format!("{}Toronto 3 Boston 2{}", "“Café” ".repeat(30), " “Café”".repeat(30));
        assert!(at(&line, "Boston").is_strong());
    }

    #[test]
    fn parts_of_longer_names() {
        assert!(at("said Van Moer , the coach", "Van").in_longer_name);
        assert!(at("Linda Wild ( U.S. ) beat Barbara Rittner", "Wild").in_longer_name);
        assert!(!at("Surrey beat Kent .", "Kent").in_longer_name);
        assert!(!at("Surrey beat Kent .", "Surrey").in_longer_name);
        assert!(!at("Ajax 2 ( Litmanen 3 ) Feyenoord 1", "Feyenoord").in_longer_name);
        assert!(!at("It was over . Toronto won .", "Toronto").in_longer_name);
    }

    #[test]
    fn sports_words_in_a_sentence() {
        let extractor = crate::Extractor::new(crate::pipeline::unit_gazetteer()).unwrap();
        let w = SportsWords::new(extractor.gazetteers());
        let text = "SOCCER - LIVERPOOL WIN . Chicago quarterback Erik Kramer . The standings . ICE HOCKEY - NHL";
        extractor.inspect(text, |cx| {
            let ctx = |from: &str, to: &str| {
                let span = Span::new(text.find(from).unwrap(), text.find(to).unwrap() + to.len());
                w.context_of(&cx.scan.sport_words, span)
            };
            assert_eq!(ctx("SOCCER", "WIN").sports, ["football"]);
            assert_eq!(ctx("Chicago", "Kramer").sports, ["american_football"]);
            let standings = ctx("The", "standings");
            assert!(standings.team_sport && standings.sports.is_empty());
            assert_eq!(ctx("ICE", "NHL").sports, ["ice_hockey"]);
        });
    }
}
