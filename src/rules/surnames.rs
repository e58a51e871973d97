//! Names that stand for an entity seen elsewhere in the same document: surnames ("Hegseth" for "Pete
//! Hegseth") and defined acronyms ("JJOC").
//!
//! A surname links to the person with that surname whose full name appeared most recently before it, or, when
//! none did (a headline), to the first one after it. The document's surnames and acronyms (a handful) are
//! looked up at the capitalised word starts that the dictionary scan found, and kept as whole words where no
//! other mention stands.

use foldhash::HashMap;
use std::sync::Arc;

use crate::extraction::{DocBuilder, MentionType, Origin};
use crate::gazetteer::Form;
use crate::span::Span;
use crate::text::words::{is_whole_word, token_end};

use super::names::{NameShape, surname};
use super::officials::PendingPerson;

/// Links surnames, one-word titled names and acronyms to the document's entities.
pub(crate) fn link(
    doc: &mut DocBuilder<'_>,
    acronyms: Vec<(String, usize)>,
    pending: Vec<PendingPerson>,
    capital_starts: &[usize],
) {
    // surname -> [(entity, start of its first full mention)]
    let mut surnames: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
    for m in doc.mentions().filter(|m| m.mention_type == MentionType::Person) {
        let name = &doc.entities[m.entity].name;
        if NameShape::tokens(name) < 2 {
            continue;
        }
        let (full, seen) = (name.as_str(), m.span.text(doc.text));
        // the last two words of a longer name too: "Suu Kyi" of "Aung San Suu Kyi" (found before "Kyi")
        let keys = [surname(full), surname(seen), last_two_words(full), last_two_words(seen)];
        for key in keys.into_iter().flatten() {
            match surnames.get_mut(key) {
                Some(list) if list.iter().any(|(e, _)| *e == m.entity) => {}
                Some(list) => list.push((m.entity, m.span.start)),
                None => {
                    surnames.insert(key.to_owned(), vec![(m.entity, m.span.start)]);
                }
            }
        }
    }
    for p in pending {
        let key = p.span.text(doc.text);
        match surnames.get(key) {
            Some(candidates) => {
                let entity = choose(candidates, p.span.start);
                let mut known = (*doc.entities[entity]).clone();
                if known.role.is_empty() {
                    known.role = p.entity.role.clone();
                }
                if known.country.is_empty() {
                    known.country = p.entity.country.clone();
                }
                doc.entity(&Arc::new(known));
                doc.add(p.span, entity, Form::Surname, p.origin);
            }
            None => {
                let entity = doc.entity(&Arc::new(p.entity));
                doc.add(p.span, entity, Form::Name, p.origin);
                surnames.entry(key.to_owned()).or_default().push((entity, p.span.start));
            }
        }
    }
    let acronym_of: HashMap<String, usize> = acronyms.into_iter().collect();
    let mut patterns: Vec<&str> = surnames.keys().map(String::as_str).collect();
    patterns.extend(acronym_of.keys().map(String::as_str).filter(|a| !surnames.contains_key(*a)));
    if patterns.is_empty() {
        return;
    }
    let text = doc.text;
    let open_starts = starts_outside_mentions(doc, capital_starts);
    let mut found = find_whole_words(text, patterns, &open_starts);
    // leftmost first, longest first among those starting together
    found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.len())));
    for (span, key) in found {
        if let Some(candidates) = surnames.get(key) {
            // the surname of a person named in the document wins over a place of that name ("Jordan said")
            let entity = choose(candidates, span.start);
            if !doc.add(span, entity, Form::Surname, Origin::SurnameRule)
                && doc.starting_at(span.start).is_some_and(|m| {
                    m.span == span && matches!(m.mention_type, MentionType::Country | MentionType::Location)
                })
            {
                doc.add_covering(span, entity, Form::Surname, Origin::SurnameRule);
            }
        } else if let Some(&entity) = acronym_of.get(key) {
            doc.add(span, entity, Form::Acronym, Origin::AcronymRule);
        }
    }
}

/// The word starts where a surname or acronym can still be added: not inside a mention, except at the start of
/// a country or place (a surname replaces a place of the same name). Mentions are only added or widened
/// below, so a start inside one stays inside one.
fn starts_outside_mentions(doc: &DocBuilder<'_>, starts: &[usize]) -> Vec<usize> {
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

/// Every whole-word occurrence of the patterns in `text`, unordered.
///
/// A whole word that starts with a capital letter starts at one of `capital_starts`, and its first token
/// (letters and digits) is the text's token there: each capital word start is looked up by its token. The
/// rare pattern with another first letter gets a substring search of its own.
fn find_whole_words<'p>(text: &str, patterns: Vec<&'p str>, capital_starts: &[usize]) -> Vec<(Span, &'p str)> {
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
    found
}

/// The leading letters and digits of `s`.
fn first_token(s: &str) -> &str {
    &s[..token_end(s, 0)]
}

/// The last two words of a name of three words or more ("Aung San Suu Kyi" -> "Suu Kyi"), when both are
/// capitalised name words.
fn last_two_words(name: &str) -> Option<&str> {
    let name = name.trim_end();
    let mut tokens = name.split_whitespace().rev();
    let (Some(b), Some(a), Some(_)) = (tokens.next(), tokens.next(), tokens.next()) else { return None };
    let capitalised = |t: &str| t.starts_with(char::is_uppercase) && !t.ends_with('.') && t.chars().count() >= 2;
    if !(capitalised(a) && capitalised(b)) || matches!(b, "Jr" | "Sr" | "II" | "III" | "IV") {
        return None;
    }
    let before_last = name[..name.len() - b.len()].trim_end();
    Some(&name[before_last.len() - a.len()..])
}

/// The candidate whose full mention came last before `pos`, else the first after it.
fn choose(candidates: &[(usize, usize)], pos: usize) -> usize {
    candidates
        .iter()
        .filter(|(_, first)| *first <= pos)
        .max_by_key(|(_, first)| *first)
        .or_else(|| candidates.iter().min_by_key(|(_, first)| *first))
        .map(|(e, _)| *e)
        .expect("candidates are never empty")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_word_surnames() {
        assert_eq!(last_two_words("Aung San Suu Kyi"), Some("Suu Kyi"));
        assert_eq!(last_two_words("Mohammad Bagheri Kani"), Some("Bagheri Kani"));
        assert_eq!(last_two_words("Pete Hegseth"), None);
        assert_eq!(last_two_words("Martin Luther King Jr."), None);
        assert_eq!(last_two_words("Donald J. Trump"), None);
    }

    #[test]
    fn nearest_earlier_full_name_wins_else_first_later() {
        let candidates = [(0, 10), (1, 50)];
        assert_eq!(choose(&candidates, 5), 0);
        assert_eq!(choose(&candidates, 20), 0);
        assert_eq!(choose(&candidates, 60), 1);
    }
}
