//! The shape of a person's name: capitalised tokens ("Nasser Kanaani", "Mohammad Bagheri Kani", "J.D. Vance",
//! "Mohammed bin Salman", "Hoseini-Khamenei", "O'Brien"), matched with an anchored `regex` at one position.

use regex::Regex;

use crate::lexicon::{Lexicon, WordKind, WordKinds};
use crate::span::Span;

/// Kinds of capitalised words that end a name ("Hillary Clinton Monday", "Trump The").
const NOT_NAME: WordKinds = WordKinds::of(&[WordKind::NotName, WordKind::Weekday, WordKind::Month]);
/// Kinds of words that end a name when written with a period ("Dec.", "Mr.", "Jr.").
const NOT_NAME_WITH_PERIOD: WordKinds =
    WordKinds::of(&[WordKind::MonthAbbreviation, WordKind::Honorific, WordKind::NameSuffix]);

/// True for a capitalised word that never belongs to a person's name: a function word, weekday or month (but a
/// month that is also a name: "Theresa May"), or an abbreviation with its period ("Dec.", "Mr.", "Jr.").
pub(crate) fn is_not_name_word(word: &str, lexicon: &Lexicon) -> bool {
    let kinds = lexicon.kinds(word);
    if kinds.intersects(NOT_NAME) && !kinds.contains(WordKind::AlsoAName) {
        return true;
    }
    word.strip_suffix('.').is_some_and(|stem| lexicon.is_any(stem, NOT_NAME_WITH_PERIOD))
}

/// Matches person names at a given position.
pub(crate) struct NameShape {
    re: Regex,
}

impl NameShape {
    /// The name shape, with the lexicon's name particles (al, bin, van, von ...) between its words.
    pub fn new(lexicon: &Lexicon) -> NameShape {
        let word =
            r"(?:\p{Lu}\.(?:\p{Lu}\.)?|\p{Lu}[\p{Ll}\p{Lu}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*|['’]\p{Lu}[\p{L}\p{M}]*)*)";
        let particle = particles(lexicon);
        let re = Regex::new(&format!(r"^{word}(?:[ \u{{a0}}](?:{particle}[ -])?{word}){{0,4}}"))
            .expect("name regex compiles");
        NameShape { re }
    }

    /// The name starting exactly at `pos`, if one does: at least one token that is not an initial, and no
    /// token that is a function word, weekday or month (the name is cut before such a token).
    pub fn at(&self, text: &str, pos: usize, lexicon: &Lexicon) -> Option<Span> {
        // every name starts with a capital letter: most positions are refused before the regex runs
        let first = *text.as_bytes().get(pos)?;
        if first < 0x80 && !first.is_ascii_uppercase() {
            return None;
        }
        let window_end = floor_char_boundary(text, (pos + 160).min(text.len()));
        let m = self.re.find(&text[pos..window_end])?;
        let mut end = pos;
        let mut has_word = false;
        for (offset, token) in token_offsets(m.as_str()) {
            if is_not_name_word(token, lexicon) || is_all_caps_word(token) {
                break;
            }
            if !(token.len() <= 5 && token.ends_with('.')) {
                has_word = true;
            }
            end = pos + offset + token.len();
        }
        (has_word && end > pos).then(|| Span::new(pos, end))
    }

    /// Number of name tokens (not particles) in a name.
    pub fn tokens(name: &str) -> usize {
        name.split([' ', '\u{a0}']).filter(|t| t.chars().next().is_some_and(char::is_uppercase)).count()
    }
}

/// Tokens of a matched name with their byte offsets (particles such as "bin" included).
fn token_offsets(name: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    name.split([' ', '\u{a0}']).map(move |t| {
        let at = offset;
        offset += t.len() + if name[at + t.len()..].starts_with('\u{a0}') { 2 } else { 1 };
        (at, t)
    })
}

fn is_all_caps_word(token: &str) -> bool {
    !token.contains('.')
        && token.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !token.chars().any(char::is_lowercase)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The lexicon's name particles as a regex alternation (`(?:al|bin|van)`), escaped.
pub(crate) fn particles(lexicon: &Lexicon) -> String {
    let words: Vec<String> = lexicon.words_of(WordKind::NameParticle).into_iter().map(regex::escape).collect();
    format!("(?:{})", words.join("|"))
}

/// True for a name suffix, with or without its period (Jr., Jr, III).
pub(crate) fn is_name_suffix(token: &str, lexicon: &Lexicon) -> bool {
    lexicon.is(token.strip_suffix('.').unwrap_or(token), WordKind::NameSuffix)
}

/// The surname of a full name: its last token ("Bagheri Kani" -> "Kani"), skipping suffixes (Jr., III).
pub(crate) fn surname<'n>(name: &'n str, lexicon: &Lexicon) -> Option<&'n str> {
    let tokens = || name.split([' ', '\u{a0}']).filter(|t| !t.is_empty());
    let last = tokens().rev().find(|t| !is_name_suffix(t, lexicon))?;
    (tokens().nth(1).is_some() && last.chars().nth(1).is_some() && !last.ends_with('.')).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> &'static Lexicon {
        &crate::gazetteer::Gazetteers::embedded_static().lexicon
    }

    fn name(text: &str) -> Option<&str> {
        NameShape::new(lexicon()).at(text, 0, lexicon()).map(|s| s.text(text))
    }

    #[test]
    fn names_and_their_ends() {
        assert_eq!(name("Nasser Kanaani said"), Some("Nasser Kanaani"));
        assert_eq!(name("Mohammad Bagheri Kani visited"), Some("Mohammad Bagheri Kani"));
        assert_eq!(name("Donald Trump's policy"), Some("Donald Trump"));
        assert_eq!(name("Pete Hegseth, right"), Some("Pete Hegseth"));
        assert_eq!(name("Mohammed bin Salman said"), Some("Mohammed bin Salman"));
        assert_eq!(name("J.D. Vance said"), Some("J.D. Vance"));
        assert_eq!(name("Ali Hoseini-Khamenei"), Some("Ali Hoseini-Khamenei"));
        assert_eq!(name("Conan O'Brien"), Some("Conan O'Brien"));
        assert_eq!(name("Gen Nakatani in Tokyo Sunday"), Some("Gen Nakatani"));
        assert_eq!(name("Hegseth Sunday"), Some("Hegseth"));
        assert_eq!(name("Theresa May said"), Some("Theresa May"));
    }

    #[test]
    fn not_names() {
        assert_eq!(name("The ministry"), None);
        assert_eq!(name("said Trump"), None);
        assert_eq!(name("ISIS fighters"), None);
        assert_eq!(name("J. said"), None);
    }

    #[test]
    fn surnames() {
        assert_eq!(surname("Pete Hegseth", lexicon()), Some("Hegseth"));
        assert_eq!(surname("Martin Luther King Jr.", lexicon()), Some("King"));
        assert_eq!(surname("Trump", lexicon()), None);
    }
}
