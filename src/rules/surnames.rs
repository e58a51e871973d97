//! Surnames standing for a full name seen in the same document ("Hegseth" for "Pete Hegseth"), and the people
//! other rules found by one word ("President Trump"), resolved against those full names.
//!
//! A surname links to the person with that surname whose full name appeared most recently before it, or, when
//! none did (a headline), to the first one after it. The document's surnames are looked up at the capitalised
//! word starts ([`super::word_lookup`]) and kept as whole words where no other mention stands; a surname
//! replaces a country or place of the same name ("Neil Jordan" ... "Jordan said").

use foldhash::HashMap;
use std::sync::Arc;

use crate::extraction::{EntityRef, MentionType, Origin};
use crate::gazetteer::Form;
use crate::lexicon::Lexicon;
use crate::pipeline::{DocBuilder, DocContext};

use super::names::{NameShape, is_name_suffix, surname};
use super::word_lookup::{find_whole_words, starts_outside_mentions};
use super::{EntityRule, Examples, Unit};

/// The `source` of surname mentions.
pub(crate) const SOURCE: &str = "rule:surname";

/// Surnames and one-word names linked to the document's full names.
pub(crate) struct Surnames;

impl Unit for Surnames {
    fn name(&self) -> &'static str {
        "surnames"
    }

    fn doc(&self) -> &'static str {
        "a surname (or a one-word name after a title) stands for the full name seen in the same document"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Defense Minister Gen Nakatani spoke. Nakatani said more.", "Nakatani"),
                ("President Donald Trump spoke. Later President Trump left.", "Trump"),
                ("Neil Jordan spoke. Jordan said more.", "Jordan"),
            ],
            no_match: &["Nakatani said more.", "Jordan said more."],
        }
    }
}

impl EntityRule for Surnames {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let lexicon = cx.lexicon;
        // surname -> [(entity, start of its first full mention)]
        let mut surnames: HashMap<String, Vec<(EntityRef, usize)>> = HashMap::default();
        for m in doc.mentions().filter(|m| m.mention_type == MentionType::Person) {
            let name = &doc.entity_of(m).name;
            if NameShape::tokens(name) < 2 {
                continue;
            }
            let (full, seen) = (name.as_str(), m.span.text(doc.text));
            // the last two words of a longer name too: "Suu Kyi" of "Aung San Suu Kyi" (found before "Kyi")
            let keys = [
                surname(full, lexicon),
                surname(seen, lexicon),
                last_two_words(full, lexicon),
                last_two_words(seen, lexicon),
            ];
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
        for p in std::mem::take(&mut doc.pending) {
            let key = p.span.text(doc.text);
            match surnames.get(key) {
                Some(candidates) => {
                    let entity = choose(candidates, p.span.start);
                    doc.titled(entity, &p.entity.role, &p.entity.country);
                    doc.add(p.span, entity, Form::Surname, p.origin);
                }
                None => {
                    let entity = doc.entity(&Arc::new(p.entity));
                    doc.add(p.span, entity, Form::Name, p.origin);
                    surnames.entry(key.to_owned()).or_default().push((entity, p.span.start));
                }
            }
        }
        if surnames.is_empty() {
            return;
        }
        let text = doc.text;
        let open_starts = starts_outside_mentions(doc, &cx.layer.capital_starts);
        let patterns: Vec<&str> = surnames.keys().map(String::as_str).collect();
        for (span, key) in find_whole_words(text, patterns, &open_starts) {
            let entity = choose(&surnames[key], span.start);
            // the surname of a person named in the document wins over a place of that name ("Jordan said")
            if !doc.add(span, entity, Form::Surname, Origin::Rule(SOURCE))
                && doc.starting_at(span.start).is_some_and(|m| {
                    m.span == span && matches!(m.mention_type, MentionType::Country | MentionType::Location)
                })
            {
                doc.add_covering(span, entity, Form::Surname, Origin::Rule(SOURCE));
            }
        }
    }
}

/// The last two words of a name of three words or more ("Aung San Suu Kyi" -> "Suu Kyi"), when both are
/// capitalised name words.
fn last_two_words<'n>(name: &'n str, lexicon: &Lexicon) -> Option<&'n str> {
    let name = name.trim_end();
    let mut tokens = name.split_whitespace().rev();
    let (Some(b), Some(a), Some(_)) = (tokens.next(), tokens.next(), tokens.next()) else { return None };
    let capitalised = |t: &str| t.starts_with(char::is_uppercase) && !t.ends_with('.') && t.chars().count() >= 2;
    if !(capitalised(a) && capitalised(b)) || is_name_suffix(b, lexicon) {
        return None;
    }
    let before_last = name[..name.len() - b.len()].trim_end();
    Some(&name[before_last.len() - a.len()..])
}

/// The candidate whose full mention came last before `pos`, else the first after it.
fn choose(candidates: &[(EntityRef, usize)], pos: usize) -> EntityRef {
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

    fn lexicon() -> &'static Lexicon {
        &crate::gazetteer::Gazetteers::embedded_static().lexicon
    }

    #[test]
    fn two_word_surnames() {
        assert_eq!(last_two_words("Aung San Suu Kyi", lexicon()), Some("Suu Kyi"));
        assert_eq!(last_two_words("Mohammad Bagheri Kani", lexicon()), Some("Bagheri Kani"));
        assert_eq!(last_two_words("Pete Hegseth", lexicon()), None);
        assert_eq!(last_two_words("Martin Luther King Jr.", lexicon()), None);
        assert_eq!(last_two_words("Donald J. Trump", lexicon()), None);
    }

    #[test]
    fn nearest_earlier_full_name_wins_else_first_later() {
        let (a, b) = (EntityRef::new(0), EntityRef::new(1));
        let candidates = [(a, 10), (b, 50)];
        assert_eq!(choose(&candidates, 5), a);
        assert_eq!(choose(&candidates, 20), a);
        assert_eq!(choose(&candidates, 60), b);
    }
}
