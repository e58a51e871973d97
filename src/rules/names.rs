//! The shape of a person's name: capitalised tokens ("Nasser Kanaani", "Mohammad Bagheri Kani", "J.D. Vance",
//! "Mohammed bin Salman", "Hoseini-Khamenei", "O'Brien"), matched with an anchored `regex` at one position.

use regex::Regex;

use crate::span::Span;

/// Capitalised words that never belong to a name even though they look like one.
pub(crate) const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "Your",
    "On",
    "In",
    "At",
    "For",
    "With",
    "From",
    "By",
    "And",
    "But",
    "Or",
    "If",
    "As",
    "To",
    "Of",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Who",
    "What",
    "When",
    "Where",
    "Why",
    "How",
    "After",
    "Before",
    "While",
    "During",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Jr.",
    "Sr.",
];

/// True for one of [`NOT_NAME_WORDS`] (a hash set: this runs for every name token).
pub(crate) fn is_not_name_word(word: &str) -> bool {
    static SET: std::sync::LazyLock<foldhash::HashSet<&str>> =
        std::sync::LazyLock::new(|| NOT_NAME_WORDS.iter().copied().collect());
    SET.contains(word)
}

/// Matches person names at a given position.
pub(crate) struct NameShape {
    re: Regex,
}

impl NameShape {
    pub fn new() -> NameShape {
        let word =
            r"(?:\p{Lu}\.(?:\p{Lu}\.)?|\p{Lu}[\p{Ll}\p{Lu}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*|['’]\p{Lu}[\p{L}\p{M}]*)*)";
        let particle = r"(?:al|el|bin|ibn|bint|de|del|della|van|von|der|den|da|du|dos|la|le|ter|ben|abu)";
        let re = Regex::new(&format!(r"^{word}(?:[ \u{{a0}}](?:{particle}[ -])?{word}){{0,4}}"))
            .expect("name regex compiles");
        NameShape { re }
    }

    /// The name starting exactly at `pos`, if one does: at least one token that is not an initial, and no
    /// token that is a function word, weekday or month (the name is cut before such a token).
    pub fn at(&self, text: &str, pos: usize) -> Option<Span> {
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
            if is_not_name_word(token) || is_all_caps_word(token) {
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

/// The surname of a full name: its last token ("Bagheri Kani" -> "Kani"), skipping suffixes (Jr., III).
pub(crate) fn surname(name: &str) -> Option<&str> {
    let tokens = || name.split([' ', '\u{a0}']).filter(|t| !t.is_empty());
    let last = tokens().rev().find(|t| !matches!(*t, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV"))?;
    (tokens().nth(1).is_some() && last.chars().nth(1).is_some() && !last.ends_with('.')).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<&str> {
        NameShape::new().at(text, 0).map(|s| s.text(text))
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
        assert_eq!(surname("Pete Hegseth"), Some("Hegseth"));
        assert_eq!(surname("Martin Luther King Jr."), Some("King"));
        assert_eq!(surname("Trump"), None);
    }
}
