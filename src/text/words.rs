//! What a word is, once for the whole crate.
//!
//! - A **word character** is a letter or a digit ([`is_word_char`]).
//! - A **token** is a run of word characters ("U" and "S" in "U.S."; [`token_end`]). The dictionary scan works on
//!   tokens: a gazetteer form matches where its first token starts a token of the text and its end ends one
//!   ([`is_whole_word`]).
//! - A **word start** is a word character that follows no word character, nor an apostrophe that follows a
//!   letter ("O'Brien" and "Japan's" have one word start each; [`for_each_word_start`]).
//! - A **word** is a run of word characters and the joiners inside words, hyphens, periods and apostrophes
//!   ("U.S.", "Hoseini-Khamenei", "O'Brien", "Japan’s"): what the rules and the attribution walk over when they
//!   read the text word by word ([`word_ending_at`], [`word_after_space`]).

use crate::span::Span;

/// The end of the token (letters and digits) that starts at byte `from` of `s`.
#[inline]
pub(crate) fn token_end(s: &str, from: usize) -> usize {
    let bytes = s.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            i += 1;
        } else if b >= 0x80 && s[i..].chars().next().is_some_and(is_word_char) {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        } else {
            break;
        }
    }
    i
}

/// What came just before a position, for finding word starts.
#[derive(Clone, Copy, PartialEq)]
enum Before {
    Other,
    Letter,
    Digit,
    ApostropheAfterLetter,
}

/// Calls `f` with the byte offset of each word start of `text`, in order: a letter or digit not preceded by
/// one, nor by an apostrophe that follows a letter ("O'Brien" and "Japan's" have one word start each).
///
/// ASCII text is classified 64 bytes at a time with bit masks, and so is the ASCII run that starts a window
/// before its first other character (a curly quote, an accented letter); those characters, and windows dense
/// with them, go through the characters one by one.
pub(crate) fn for_each_word_start(text: &str, mut f: impl FnMut(usize)) {
    const WINDOW: usize = 64;
    // an ASCII run shorter than this is cheaper one character at a time than with the masks
    const MIN_MASKED: usize = 8;
    let bytes = text.as_bytes();
    let mut before = Before::Other;
    let mut i = 0;
    while i < bytes.len() {
        let window_end = (i + WINDOW).min(bytes.len());
        let window = &bytes[i..window_end];
        // where the one-character-at-a-time walk below stops: the window's end, or after the character that
        // ends a masked ASCII run
        let mut slow_end = window_end;
        if window.len() == WINDOW {
            let ascii_run =
                if window.is_ascii() { WINDOW } else { window.iter().position(|&b| b >= 0x80).unwrap_or(WINDOW) };
            if ascii_run >= MIN_MASKED {
                // bytes past the run are not ASCII-clean, but a mask's bit k depends only on bytes 0..=k
                let masks = AsciiMasks::of(window.try_into().expect("64 bytes"));
                let prev_letter = (masks.letters << 1) | u64::from(before == Before::Letter);
                let prev_word = (masks.words << 1) | u64::from(matches!(before, Before::Letter | Before::Digit));
                let apostrophe_after_letter = masks.apostrophes & prev_letter;
                let prev_apostrophe_after_letter =
                    (apostrophe_after_letter << 1) | u64::from(before == Before::ApostropheAfterLetter);
                let run = if ascii_run == WINDOW { u64::MAX } else { (1u64 << ascii_run) - 1 };
                let mut starts = masks.words & !prev_word & !prev_apostrophe_after_letter & run;
                while starts != 0 {
                    f(i + starts.trailing_zeros() as usize);
                    starts &= starts - 1;
                }
                let last = ascii_run - 1;
                before = if (apostrophe_after_letter >> last) & 1 == 1 {
                    Before::ApostropheAfterLetter
                } else if (masks.letters >> last) & 1 == 1 {
                    Before::Letter
                } else if (masks.words >> last) & 1 == 1 {
                    Before::Digit
                } else {
                    Before::Other
                };
                i += ascii_run;
                if ascii_run == WINDOW {
                    continue;
                }
                slow_end = i + 1; // the character at i, which is not ASCII
            }
        }
        // one character at a time to the first character boundary at or past `slow_end`
        while i < slow_end {
            let b = bytes[i];
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().expect("i is a character boundary");
                (c, c.len_utf8())
            };
            let now = if b < 0x80 {
                match b {
                    b'a'..=b'z' | b'A'..=b'Z' => Before::Letter,
                    b'0'..=b'9' => Before::Digit,
                    b'\'' if before == Before::Letter => Before::ApostropheAfterLetter,
                    _ => Before::Other,
                }
            } else if before == Before::Letter && c == '’' {
                Before::ApostropheAfterLetter
            } else if is_general_punctuation(c) {
                Before::Other // “ ” — …: no Unicode table lookup
            } else if c.is_alphabetic() {
                Before::Letter
            } else if c.is_alphanumeric() {
                Before::Digit
            } else {
                Before::Other
            };
            if before == Before::Other && matches!(now, Before::Letter | Before::Digit) {
                f(i);
            }
            before = now;
            i += len;
        }
    }
}

/// Bit `k` of each mask tells the class of byte `k` of a 64-byte ASCII window.
struct AsciiMasks {
    letters: u64,
    /// Letters and digits.
    words: u64,
    apostrophes: u64,
}

impl AsciiMasks {
    /// Classifies the bytes eight at a time (SWAR): every byte is below 0x80, so per-byte sums never carry.
    #[inline]
    fn of(window: &[u8; 64]) -> AsciiMasks {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // high bit of each byte set when the byte is at least `low`
        let at_least = |x: u64, low: u8| x.wrapping_add(ONES * u64::from(0x80 - low)) & HIGH;
        // the eight high bits, gathered into one byte (byte 0's bit lowest)
        let gather = |m: u64| ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) & 0xFF;
        let mut masks = AsciiMasks { letters: 0, words: 0, apostrophes: 0 };
        for (k, chunk) in window.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            let lower = x | (ONES * 0x20);
            let letters = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
            let digits = at_least(x, b'0') & !at_least(x, b'9' + 1);
            let y = x ^ (ONES * u64::from(b'\''));
            let apostrophes = !((((y & !HIGH) + !HIGH) | y) & HIGH) & HIGH;
            masks.letters |= gather(letters) << (8 * k);
            masks.words |= gather(letters | digits) << (8 * k);
            masks.apostrophes |= gather(apostrophes) << (8 * k);
        }
        masks
    }
}

/// True when a match ending at `end` ends a word: its last character and the next are not both word
/// characters.
#[inline]
pub(crate) fn ends_word(text: &str, end: usize) -> bool {
    let Some(&next) = text.as_bytes().get(end) else { return true };
    let next_is_word =
        if next < 0x80 { next.is_ascii_alphanumeric() } else { text[end..].chars().next().is_some_and(is_word_char) };
    !next_is_word || !text[..end].chars().next_back().is_some_and(is_word_char)
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

/// A letter or digit. Quotation marks and dashes (the general punctuation block) are common in news text and
/// answered without Unicode tables.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { !is_general_punctuation(c) && c.is_alphanumeric() }
}

/// U+2000 to U+206F: spaces, dashes, quotation marks, ellipsis; no letter or digit among them.
#[inline]
pub(crate) fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// A character that joins the parts of a word: hyphen, period, apostrophe ("U.S.", "O'Brien", "Japan’s").
#[inline]
pub(crate) fn is_word_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '\'' | '’')
}

/// A character of a word: a word character or a joiner.
#[inline]
pub(crate) fn is_in_word(c: char) -> bool {
    is_word_char(c) || is_word_joiner(c)
}

/// The word that ends at byte `end`, starting no earlier than `limit`: its start and text.
pub(crate) fn word_ending_at(text: &str, limit: usize, end: usize) -> Option<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = end;
    // ASCII word bytes one by one; at a byte of a longer character, the character walk takes over
    while start > limit {
        let b = bytes[start - 1];
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'\'') {
            start -= 1;
        } else {
            if b >= 0x80 {
                let before = &text[limit..start];
                start = before
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_in_word(c))
                    .last()
                    .map_or(start, |(i, _)| limit + i);
            }
            break;
        }
    }
    (start < end).then(|| (start, &text[start..end]))
}

/// The position of the first `byte` followed by a space in `s` (`s.find(", ")` for `b','`), found with memchr.
pub(crate) fn find_before_space(s: &str, byte: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    memchr::memchr_iter(byte, bytes).find(|&i| bytes.get(i + 1) == Some(&b' '))
}

/// The position of the last `byte` followed by a space in `s` (`s.rfind(", ")` for `b','`).
pub(crate) fn rfind_before_space(s: &str, byte: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    memchr::memrchr_iter(byte, bytes).find(|&i| bytes.get(i + 1) == Some(&b' '))
}

/// Initials that end at byte `end` ("E.U.", "Z.", "U.S."), starting no earlier than `limit` and after a space
/// or `limit`: their start.
pub(crate) fn initials_ending_at(text: &str, limit: usize, end: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[limit..end];
    let mut i = bytes.len();
    while i >= 2 && bytes[i - 1] == b'.' && bytes[i - 2].is_ascii_uppercase() {
        i -= 2;
    }
    (i < bytes.len() && (i == 0 || bytes[i - 1] == b' ')).then_some(limit + i)
}

/// The word after exactly one space following `pos`, on the same line.
pub(crate) fn word_after_space(text: &str, pos: usize) -> Option<Span> {
    let rest = text.get(pos..)?.strip_prefix(' ')?;
    let len = rest.find(|c: char| !is_in_word(c)).unwrap_or(rest.len());
    (len > 0).then(|| Span::new(pos + 1, pos + 1 + len))
}

/// A word that starts with an upper-case letter and holds nothing but word characters and joiners.
pub(crate) fn is_capitalised_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(is_in_word)
}

/// The position before `pos` with spaces, tabs and one no-break space skipped.
pub(crate) fn skip_spaces_back(text: &str, mut pos: usize) -> usize {
    while pos > 0 && matches!(text.as_bytes()[pos - 1], b' ' | b'\t') {
        pos -= 1;
    }
    if text[..pos].ends_with('\u{a0}') {
        pos -= '\u{a0}'.len_utf8();
    }
    pos
}

/// The position before a possessive `'s` / `’s` that ends at `pos`, if there is one.
pub(crate) fn before_possessive(text: &str, pos: usize) -> Option<usize> {
    let before = &text[..pos];
    before.strip_suffix("'s").or_else(|| before.strip_suffix("’s")).map(str::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[&str] = &[
        "Kanaani said, on Sunday; the talks, he added, went on",
        "Ministry’s spokesman, Zakir Hasanov, said: “No.”",
        "São Paulo-based co-op's chief, a.k.a. Zé, ;, ,",
        "",
        ", ",
        "naïve,",
    ];

    #[test]
    fn word_ending_at_walks_back_over_word_characters_and_joiners() {
        fn by_chars(text: &str, limit: usize, end: usize) -> Option<(usize, &str)> {
            let start = text[limit..end].char_indices().rev().take_while(|&(_, c)| is_in_word(c)).last()?.0 + limit;
            Some((start, &text[start..end]))
        }
        for text in SAMPLES {
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                for limit in (0..=end).filter(|&l| text.is_char_boundary(l)) {
                    assert_eq!(word_ending_at(text, limit, end), by_chars(text, limit, end), "{text:?} {limit}..{end}");
                }
            }
        }
        assert_eq!(word_ending_at("said Zé Ortiz", 0, 8), Some((5, "Zé")));
    }

    #[test]
    fn punctuation_before_a_space_is_found_as_str_find_finds_it() {
        for text in SAMPLES {
            for (byte, pattern) in [(b',', ", "), (b';', "; ")] {
                assert_eq!(find_before_space(text, byte), text.find(pattern), "{text:?}");
                assert_eq!(rfind_before_space(text, byte), text.rfind(pattern), "{text:?}");
            }
        }
    }

    fn naive(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !c.is_alphanumeric() {
                continue;
            }
            let before = k.checked_sub(1).map(|j| chars[j].1);
            let before2 = k.checked_sub(2).map(|j| chars[j].1);
            let joined = before.is_some_and(char::is_alphanumeric);
            let apostrophe = matches!(before, Some('\'' | '’')) && before2.is_some_and(char::is_alphabetic);
            if !joined && !apostrophe {
                out.push(i);
            }
        }
        out
    }

    #[test]
    fn words_with_their_joiners() {
        let text = "the U.S. Army and Japan’s O'Brien";
        assert_eq!(word_ending_at(text, 0, 8), Some((4, "U.S.")));
        assert_eq!(word_ending_at("x ", 0, 2), None);
        assert_eq!(word_ending_at(text, 0, text.len()), Some((28, "O'Brien")));
        assert_eq!(word_after_space(text, 3).map(|s| s.text(text)), Some("U.S."));
        assert!(
            is_capitalised_word("Hoseini-Khamenei") && !is_capitalised_word("army") && !is_capitalised_word("Army,")
        );
        let text = "Japan’s  Defense";
        assert_eq!(skip_spaces_back(text, text.len() - "Defense".len()), "Japan’s".len());
        assert_eq!(before_possessive(text, "Japan’s".len()), Some(5));
    }

    #[test]
    fn word_starts_match_the_character_definition() {
        // ASCII stretches longer than a 64-byte window, with and without other characters between them
        let ascii = "O'Brien's 90's U.S.-led talks, 'quoted' x9 said: 'Ok' - done. a'b 'c d' ";
        let mixed = "“Ünal” Japan’s ÉTATS-UNIS l’État ’90 café—bar ";
        for base in [ascii.to_owned(), format!("{ascii}{ascii}{mixed}"), format!("{mixed}{ascii}")] {
            for n in 0..160 {
                let text: String = base.chars().cycle().skip(n % 23).take(n * 3).collect();
                let mut got = Vec::new();
                for_each_word_start(&text, |i| got.push(i));
                assert_eq!(got, naive(&text), "{text:?}");
            }
        }
        // one other character at every place of long ASCII text: the masks take the run before it
        let long = format!("{ascii}{ascii}");
        for other in ["’", "é", "“", "ü", "—"] {
            for at in 0..long.len() {
                let text = format!("{}{other}{}", &long[..at], &long[at..]);
                let mut got = Vec::new();
                for_each_word_start(&text, |i| got.push(i));
                assert_eq!(got, naive(&text), "{text:?}");
            }
        }
    }
}
