//! Lines, paragraphs and sentences.
//!
//! A line is what lies between line breaks (`\n`, or `\r\n`), the break excluded. A paragraph is a non-blank
//! line without its surrounding white space (news files put one paragraph per line). A sentence ends at a line break, or
//! at `.`, `!` or `?` (possibly followed by closing quotation marks or brackets) that is followed by white space
//! and then an upper-case letter, a digit or an opening mark, unless the word before the period is a known
//! abbreviation (Mr., Gen., U.S.: `abbreviation` in the lexicon; a single initial). Sentences never contain a line break and never start or
//! end with white space; together they cover every non-blank character of the text, in order.

use crate::lexicon::{Lexicon, WordKind};
use crate::span::Span;

/// Splits `text` into sentences (see the module docs); `lexicon` says which words are abbreviations.
pub fn sentences(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let lines: Vec<Span> = lines(text).collect();
    sentences_of(text, &paragraphs(text, &lines), lexicon)
}

/// The sentences of the given paragraphs, in order.
pub(crate) fn sentences_of(text: &str, paragraphs: &[Span], lexicon: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    for &paragraph in paragraphs {
        split_line(text, paragraph, lexicon, &mut out);
    }
    out
}

/// The lines of `text`, each without its line break (`\n` or `\r\n`).
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    lines_inclusive(text)
        .map(|line| Span::new(line.start, line.start + line.text(text).trim_end_matches(['\n', '\r']).len()))
}

/// Paragraphs: the non-blank `lines` of `text`, trimmed of surrounding white space.
pub fn paragraphs(text: &str, lines: &[Span]) -> Vec<Span> {
    lines.iter().filter_map(|&line| trim(text, line)).collect()
}

/// The lines of `text` with their line breaks, as `text.split_inclusive('\n')` gives them, found with a SIMD
/// search.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = breaks.next().map_or(text.len(), |i| i + 1);
        let line = Span::new(start, end);
        start = end;
        Some(line)
    })
}

/// Index of the sentence containing byte `pos` (the nearest one before it when `pos` is between sentences).
pub fn sentence_index(sentences: &[Span], pos: usize) -> usize {
    sentences.partition_point(|s| s.start <= pos).saturating_sub(1)
}

fn split_line(text: &str, line: Span, lexicon: &Lexicon, out: &mut Vec<Span>) {
    let bytes = &text.as_bytes()[..line.end];
    let mut start = line.start;
    let mut from = line.start;
    while let Some(found) = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]) {
        let i = from + found;
        let b = bytes[i];
        // skip closing marks after the punctuation
        let mut j = i + 1;
        while j < line.end {
            let c = text[j..].chars().next().unwrap_or(' ');
            if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        from = j;
        let next_starts_sentence = j < line.end && {
            let rest = &text[j..line.end];
            let trimmed = rest.trim_start();
            trimmed.len() < rest.len()
                && trimmed.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘' | '(' | '[')
                })
        };
        if next_starts_sentence && !(b == b'.' && ends_with_abbreviation(&text[start..i], lexicon)) {
            if let Some(s) = trim(text, Span::new(start, j)) {
                out.push(s);
            }
            start = j;
        }
    }
    if let Some(s) = trim(text, Span::new(start, line.end)) {
        out.push(s);
    }
}

/// True when `before` (the text before a period) ends with an abbreviation or a single initial.
fn ends_with_abbreviation(before: &str, lexicon: &Lexicon) -> bool {
    // abbreviations are short: look at the last few characters only (keeps long unbroken lines linear)
    let tail_start = before.char_indices().rev().nth(12).map_or(0, |(i, _)| i);
    let before = &before[tail_start..];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    lexicon.is(word, WordKind::Abbreviation)
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.start..span.end];
    let trimmed_start = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        None
    } else {
        let start = span.start + trimmed_start;
        Some(Span::new(start, start + trimmed.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &crate::gazetteer::Gazetteers::embedded_static().lexicon).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn splits_on_punctuation_and_lines() {
        assert_eq!(
            split("Gen. Zakir Hasanov spoke. He left!\n\nThe U.S. Army agreed? Yes.\n"),
            ["Gen. Zakir Hasanov spoke.", "He left!", "The U.S. Army agreed?", "Yes."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said: “We must be ready.” Then he left. \"Fine.\" OK"),
            ["He said: “We must be ready.”", "Then he left.", "\"Fine.\"", "OK"]
        );
    }

    #[test]
    fn initials_and_lower_case_continuations_do_not_split() {
        assert_eq!(
            split("Donald J. Trump won. It was 3 p.m. on Monday."),
            ["Donald J. Trump won.", "It was 3 p.m. on Monday."]
        );
        assert_eq!(split("Visit www.example.com now. Ok"), ["Visit www.example.com now.", "Ok"]);
    }

    #[test]
    fn multibyte_separators_before_a_period() {
        assert_eq!(
            split("He said “unacceptable.” Then\u{a0}U.S. left."),
            ["He said “unacceptable.”", "Then\u{a0}U.S. left."]
        );
    }

    #[test]
    fn sentence_index_finds_the_containing_sentence() {
        let text = "One. Two.\nThree.";
        let s = sentences(text, &crate::gazetteer::Gazetteers::embedded_static().lexicon);
        assert_eq!(sentence_index(&s, 0), 0);
        assert_eq!(sentence_index(&s, 6), 1);
        assert_eq!(sentence_index(&s, 12), 2);
    }

    #[test]
    fn lines_as_split_inclusive_gives_them() {
        for text in ["", "a", "a\n", "a\nb", "\n\n", "a\r\n\nb\n", "“x”\n y "] {
            let ours: Vec<&str> = lines_inclusive(text).map(|l| l.text(text)).collect();
            assert_eq!(ours, text.split_inclusive('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn paragraphs_are_trimmed_non_blank_lines() {
        let text = " A line \r\n\n  B\n";
        let lines: Vec<Span> = lines(text).collect();
        assert_eq!(lines.iter().map(|l| l.text(text)).collect::<Vec<_>>(), [" A line ", "", "  B"]);
        let p: Vec<&str> = paragraphs(text, &lines).iter().map(|s| s.text(text)).collect();
        assert_eq!(p, ["A line", "B"]);
    }
}
