//! Finding a document's own names again: the surnames and acronyms that stand for an entity named in full in
//! the same document are looked up as whole words at the capitalised word starts no mention covers.

use foldhash::HashMap;

use crate::extraction::MentionType;
use crate::pipeline::DocBuilder;
use crate::span::Span;
use crate::text::words::{is_whole_word, token_end};

/// The word starts where a surname or acronym can still be added: not inside a mention, except at the start of
/// a country or place (a surname replaces a place of the same name). Mentions are only added or widened after
/// this, so a start inside one stays inside one.
pub(crate) fn starts_outside_mentions(doc: &DocBuilder<'_>, starts: &[usize]) -> Vec<usize> {
    let mut mentions = doc.mentions().peekable();
    let mut open = Vec::with_capacity(starts.len());
    for &start in starts {
        while mentions.next_if(|m| m.span.end <= start).is_some() {}
        let inside = mentions.peek().filter(|m| m.span.start <= start);
        let keep = inside.is_none_or(|m| {
            m.span.start == start && matches!(m.mention_type, MentionType::Country | MentionType::Location)
        });
        if keep {
            open.push(start);
        }
    }
    open
}

/// Every whole-word occurrence of the patterns in `text`, leftmost first, longest first among those starting
/// together.
///
/// A whole word that starts with a capital letter starts at one of `capital_starts`, and its first token
/// (letters and digits) is the text's token there: each capital word start is looked up by its token. The
/// rare pattern with another first letter gets a substring search of its own.
pub(crate) fn find_whole_words<'p>(
    text: &str,
    patterns: Vec<&'p str>,
    capital_starts: &[usize],
) -> Vec<(Span, &'p str)> {
    let mut found = Vec::new();
    let mut by_first_token: HashMap<&str, Vec<&str>> = HashMap::default();
    for pattern in patterns {
        if pattern.starts_with(char::is_uppercase) {
            by_first_token.entry(first_token(pattern)).or_default().push(pattern);
            continue;
        }
        for at in memchr::memmem::find_iter(text.as_bytes(), pattern.as_bytes()) {
            let span = Span::new(at, at + pattern.len());
            if is_whole_word(text, span) {
                found.push((span, pattern));
            }
        }
    }
    for &start in capital_starts {
        let Some(candidates) = by_first_token.get(first_token(&text[start..])) else { continue };
        for &pattern in candidates {
            let span = Span::new(start, start + pattern.len());
            if text[start..].starts_with(pattern) && is_whole_word(text, span) {
                found.push((span, pattern));
            }
        }
    }
    found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.len())));
    found
}

/// The leading letters and digits of `s`.
fn first_token(s: &str) -> &str {
    &s[..token_end(s, 0)]
}
