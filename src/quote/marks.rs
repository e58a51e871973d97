//! Quotation spans from double quotation marks, paired within each paragraph (line).
//!
//! - Marks: curly “ ” (also „ ‟ « »), straight `"`, and two apostrophes `''` used as a double mark (the New
//!   York Times writes every double quote that way). Single quotes and apostrophes (Japan’s, isn’t, ‘nested’)
//!   never delimit a quotation: a nested ‘…’ stays inside its double-quoted span.
//! - Direction: curly marks say it, unless the characters around contradict them (“rapists“ closes); a
//!   straight mark opens after a line start, space or bracket when followed by a non-space, closes in the
//!   reverse case, otherwise toggles.
//! - Pairing is per paragraph, so an unbalanced mark never runs across the article. A quote still open at the
//!   end of its paragraph ends there (news style re-opens the next paragraph with a mark when the quotation
//!   goes on). A quote of the other style opened inside an open one is nested: both are returned. A second
//!   curly opener while a curly quote is open closes the first. A stray closer is ignored.
//!
//! These are the rules of the reference scorer's gold definition, so predicted spans line up with gold ones.

use crate::span::Span;

/// How a quotation span ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ending {
    /// At its closing mark.
    Closed,
    /// At the end of its paragraph, still open (a quotation that goes on in the next paragraph, or a stray
    /// opener).
    ParagraphEnd,
    /// Inside another quotation (a quote of the other style within a block quote).
    Nested,
}

/// A quotation span: the text between the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marked {
    /// Between the marks (marks excluded).
    pub inner: Span,
    /// The opening mark.
    pub open: Span,
    /// How it ended.
    pub ending: Ending,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Straight,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Open,
    Close,
    Either,
}

const OPENER_PREV: &[char] = &['(', '[', '{', '—', '–', '-', '/'];
const CLOSER_NEXT: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '…'];

/// All quotation spans of `text`, whose lines (line breaks excluded) are `lines`, sorted by start.
pub(crate) fn quotation_spans(text: &str, lines: &[Span]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    let mut stack: Vec<(Span, Style)> = Vec::new();
    for &line in lines {
        let (line_start, line_end) = (line.start, line.end);
        marks.clear();
        find_marks(text, line_start, line_end, &mut marks);
        stack.clear();
        for &(mark, style, stated) in &marks {
            let context = context_direction(text, mark, line_start, line_end);
            let direction = match (style, context) {
                (Style::Straight, c) => c,
                (Style::Curly, Direction::Either) => stated,
                (Style::Curly, c) => c,
            };
            if stack.is_empty() {
                if direction != Direction::Close {
                    stack.push((mark, style));
                }
                continue;
            }
            let top_style = stack[stack.len() - 1].1;
            if direction == Direction::Open && style != top_style {
                stack.push((mark, style));
                continue;
            }
            if direction == Direction::Open && style == Style::Curly {
                let top = stack.len() - 1;
                close(&mut stack, &mut out, top, mark.start, Ending::Closed);
                stack.push((mark, style));
                continue;
            }
            let same = stack.iter().rposition(|(_, s)| *s == style).unwrap_or(stack.len() - 1);
            close(&mut stack, &mut out, same, mark.start, Ending::Closed);
        }
        if let Some(&(open, _)) = stack.first() {
            out.push(Marked { inner: Span::new(open.end, line_end), open, ending: Ending::ParagraphEnd });
        }
    }
    out.sort_by_key(|m| (m.inner.start, m.inner.end));
    out
}

fn close(stack: &mut Vec<(Span, Style)>, out: &mut Vec<Marked>, k: usize, at: usize, ending: Ending) {
    let open = stack[k].0;
    stack.truncate(k);
    let ending = if k == 0 { ending } else { Ending::Nested };
    out.push(Marked { inner: Span::new(open.end, at), open, ending });
}

/// Double quotation marks in `text[start..end]`: (span, style, stated direction).
fn find_marks(text: &str, start: usize, end: usize, out: &mut Vec<(Span, Style, Direction)>) {
    let bytes = text.as_bytes();
    // every mark starts with '"', '\'', 0xE2 (“ ” „ ‟) or 0xC2 (« »): jump between candidates
    let has_guillemets = memchr::memchr(0xC2, &bytes[start..end]).is_some();
    let mut i = start;
    while i < end {
        if !has_guillemets {
            match memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..end]) {
                Some(k) => i += k,
                None => break,
            }
        }
        let b = bytes[i];
        if b == b'"' {
            out.push((Span::new(i, i + 1), Style::Straight, Direction::Either));
            i += 1;
        } else if b == b'\'' {
            let mut j = i;
            while j < end && bytes[j] == b'\'' {
                j += 1;
            }
            let (mut s, mut e) = (i, j);
            if (e - s) >= 2 {
                if (e - s) % 2 == 1 {
                    // the single apostrophe on the word side belongs to a nested single quote
                    if context_direction(text, Span::new(s, e), start, end) == Direction::Close {
                        s += 1;
                    } else {
                        e -= 1;
                    }
                }
                let mut k = s;
                while k + 1 < e {
                    out.push((Span::new(k, k + 2), Style::Straight, Direction::Either));
                    k += 2;
                }
            }
            i = j;
        } else if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            match c {
                '“' | '„' | '«' => out.push((Span::new(i, i + len), Style::Curly, Direction::Open)),
                '”' | '‟' | '»' => out.push((Span::new(i, i + len), Style::Curly, Direction::Close)),
                _ => {}
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

/// The direction the characters around a mark suggest.
fn context_direction(text: &str, mark: Span, line_start: usize, line_end: usize) -> Direction {
    let prev = if mark.start > line_start { text[..mark.start].chars().next_back() } else { None };
    let next = if mark.end < line_end { text[mark.end..].chars().next() } else { None };
    let opener_before = prev.is_none_or(|c| c.is_whitespace() || OPENER_PREV.contains(&c));
    let closer_after = next.is_none_or(|c| c.is_whitespace() || CLOSER_NEXT.contains(&c));
    match (opener_before, closer_after) {
        (true, false) => Direction::Open,
        (false, true) => Direction::Close,
        _ => Direction::Either,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<Marked> {
        quotation_spans(
            text,
            &crate::text::TextLayer::new(text, &crate::gazetteer::Gazetteers::embedded_static().lexicon).lines,
        )
    }

    fn quotes(text: &str) -> Vec<(&str, Ending)> {
        spans(text).iter().map(|m| (m.inner.text(text), m.ending)).collect()
    }

    #[test]
    fn curly_straight_and_two_apostrophes() {
        assert_eq!(
            quotes("He said: “We will.” Then \"fine,\" she said."),
            [("We will.", Ending::Closed), ("fine,", Ending::Closed)]
        );
        assert_eq!(quotes("''We are here,'' Mr. Trump said."), [("We are here,", Ending::Closed)]);
    }

    #[test]
    fn apostrophes_and_single_quotes_are_not_marks() {
        assert_eq!(
            quotes("Japan’s minister said “Isn’t it ‘odd’ today?” and left."),
            [("Isn’t it ‘odd’ today?", Ending::Closed)]
        );
        assert!(quotes("It's Japan's and the 'term' isn't quoted.").is_empty());
    }

    #[test]
    fn open_quote_ends_with_its_paragraph() {
        let text = "He said: “First paragraph goes on\n“and ends here.” Later.";
        assert_eq!(
            quotes(text),
            [("First paragraph goes on", Ending::ParagraphEnd), ("and ends here.", Ending::Closed)]
        );
    }

    #[test]
    fn nested_other_style_and_reopened_curly() {
        assert_eq!(
            quotes("\"He told me “no” twice.\""),
            [("He told me “no” twice.", Ending::Closed), ("no", Ending::Nested)]
        );
        assert_eq!(quotes("“One “Two” end"), [("One ", Ending::Closed), ("Two", Ending::Closed)]);
    }

    #[test]
    fn stray_closer_and_wrong_way_curly() {
        assert_eq!(quotes("end” of “rapists“ here"), [("rapists", Ending::Closed)]);
    }

    #[test]
    fn many_marks_stay_linear() {
        let text = "\"".repeat(100_000);
        assert_eq!(spans(&text).len(), 50_000);
    }
}
