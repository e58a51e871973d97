//! People named as speakers: a capitalised name of two or more words right before a speech cue ("Don Fowler
//! said", "Clinton spokesman Brian Fallon told") or right after one that follows a quotation or a comma ("…,”
//! said Don Fowler"), where no mention stands yet. No gazetteer lists most of the people news quotes, and a name
//! that speaks is a person's, so that its surname ("Fowler said") and the pronouns after it ("he said") have a
//! person to stand for.
//!
//! One word at a cue ("Bozell says") is a person when no person's name in the document holds it, no listed
//! person bears it as a surname, it is no word of the lexicon, never written in lower case in the document,
//! capitalised after a word in lower case somewhere (not only at sentence starts and in headlines), and a
//! person's pronoun (he, she, him, her) follows within a few sentences; "Pew said" with no pronoun after it is
//! no person.
//!
//! Not a person: a name that starts with a determiner ("The Tax Policy Center said"), holds a title or an
//! organization's head word, or ends in a word that ends the gazetteers' organizations and places but no listed
//! person's name ("Global Times", "Atlantic City") or in a word of places, buildings or events. At a sentence's
//! start, where every word is capitalised, the first word must be a known first name. The words before the cue
//! are read back to a word that ends in a period (other than an initial) or a possessive ("CNBC's Becky Quick").

use foldhash::HashSet;

use crate::extraction::Origin;
use crate::gazetteer::{EntityType, Gazetteers, KeywordKind};
use crate::lexicon::WordKind;
use crate::pipeline::{DocBuilder, DocContext};
use crate::quote::CueKind;
use crate::span::Span;
use crate::text::words::{is_capitalised_word, skip_spaces_back, word_ending_at};

use super::names::{NameShape, is_not_name_word};
use super::people::{add_person, person_name};
use super::{EntityRule, Examples, Unit};

/// The `source` of the people this rule finds.
pub(crate) const SOURCE: &str = "rule:cue-name";

/// How far after a lone name's cue a person's pronoun must stand.
const PRONOUN_REACH: usize = 400;

/// How far back (bytes) the name before an apposition and its cue may end.
const APPOSITION_REACH: usize = 160;

/// How many words a speaker's name before its cue may have.
const MAX_NAME_WORDS: usize = 4;

/// People named as speakers.
pub(crate) struct CueNames {
    names: std::sync::Arc<NameShape>,
    /// Last words of names that are no person's (places, buildings, institutions, events, organizations).
    not_surnames: HashSet<String>,
    /// First names (`first_name`, `female_name` and `male_name` rows).
    first_names: HashSet<String>,
    /// One-word names and demonyms of places and countries ("Utah", "German"): no person's name starts with one
    /// here ("Utah Republican", "German Energy Transition").
    place_words: HashSet<String>,
    /// The last words of the gazetteers' people, hashed ([`word_hash`]): a lone surname at a cue that one of
    /// them bears is left to the surname rule, which knows their full names.
    listed_surnames: HashSet<u64>,
}

/// True when one of `items` (sorted by start) overlaps `name`; found by binary search, as a document has many.
fn starts_inside<T>(items: &[T], span: impl Fn(&T) -> Span, name: Span) -> bool {
    // an item that overlaps the name starts before its end; the latest such item ends after its start if any does
    // (items of a scan do not overlap one another)
    let before_end = items.partition_point(|i| span(i).start < name.end);
    before_end > 0 && span(&items[before_end - 1]).end > name.start
}

/// A word's hash, the same in every run: the set of listed surnames holds these, not copies of the words.
fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(word)
}

impl CueNames {
    pub fn new<'a>(g: &'a Gazetteers, names: std::sync::Arc<NameShape>) -> CueNames {
        let words = g.keywords.iter().filter(|k| matches!(k.kind, KeywordKind::PlaceWord | KeywordKind::EventWord));
        let mut not_surnames: HashSet<String> = words.map(|k| k.text.clone()).collect();
        // borrowed while the sets are built, so that each word is copied once, not once per alias
        let last_word = |text: &'a str| text.rsplit_once(' ').map(|(_, last)| last);
        let type_of = |a: &crate::gazetteer::Alias| g.entities[a.entity].entity_type;
        let mut other_last_words: HashSet<&str> = HashSet::default();
        let mut place_words: HashSet<&str> = HashSet::default();
        for alias in &g.aliases {
            match type_of(alias) {
                EntityType::Person => {}
                EntityType::Organization => other_last_words.extend(last_word(&alias.text)),
                EntityType::Location | EntityType::Country => match last_word(&alias.text) {
                    Some(last) => {
                        other_last_words.insert(last);
                    }
                    None => {
                        place_words.insert(&alias.text);
                    }
                },
            }
        }
        // a listed person's surname ends no organization here ("Morgan Stanley" does not make Stanley no surname)
        let mut listed_surnames = HashSet::default();
        for alias in g.aliases.iter().filter(|a| type_of(a) == EntityType::Person) {
            let last = last_word(&alias.text).unwrap_or(&alias.text);
            other_last_words.remove(last);
            listed_surnames.insert(word_hash(last));
        }
        not_surnames.extend(other_last_words.into_iter().map(str::to_owned));
        let place_words = place_words.into_iter().map(str::to_owned).collect();
        let first_names = g
            .keywords
            .iter()
            .filter(|k| matches!(k.kind, KeywordKind::FirstName | KeywordKind::FemaleName | KeywordKind::MaleName))
            .map(|k| k.text.clone())
            .collect();
        CueNames { names, not_surnames, first_names, place_words, listed_surnames }
    }

    /// The name that ends right before the cue at `cue` ("Don Fowler said"): the capitalised words before it,
    /// from the first that is no function word; none when they start with a determiner or run past
    /// [`MAX_NAME_WORDS`].
    fn before(&self, cx: &DocContext<'_>, cue: Span) -> Option<Span> {
        let end = skip_spaces_back(cx.text, cue.start);
        if end + 1 != cue.start {
            return None;
        }
        self.name_ending_at(cx, end)
    }

    /// The name before an apposition that ends right before the cue at `cue`: "Marley Anderson, 21, a junior
    /// from Las Vegas, said", "Sen. Jack Reed (D-R.I.), said". Commas are tried going back, nearest first,
    /// within [`APPOSITION_REACH`] bytes of the sentence; a name of two words or more.
    fn before_apposition(&self, cx: &DocContext<'_>, cue: Span) -> Option<Span> {
        let text = cx.text;
        let before = text[..cue.start].trim_end().strip_suffix(',')?;
        let sentence = cx.layer.sentence_at(cue.start)?;
        // the comma must be the cue's sentence's, not the end of the one before ("…, \n told")
        if before.len() <= sentence.start {
            return None;
        }
        let mut floor = sentence.start.max(before.len().saturating_sub(APPOSITION_REACH));
        while !text.is_char_boundary(floor) {
            floor += 1;
        }
        // the parenthesis right before the cue's comma ("Jack Reed (D-R.I.), said"), then each comma going back
        let comma_before =
            |&end: &usize| crate::text::words::rfind_before_space(&text[floor..end], b',').map(|i| floor + i);
        std::iter::successors(Some(before.len()), comma_before).enumerate().find_map(|(n, end)| {
            let mut name_end = end;
            // "Sen. Jack Reed (D-R.I.)": the short parenthesis after the name belongs to it
            if let Some(open) = text[floor..end].strip_suffix(')').and_then(|c| c.rfind('('))
                && !text[floor + open..end].contains(' ')
            {
                name_end = skip_spaces_back(text, floor + open);
            } else if n == 0 {
                return None;
            }
            self.name_ending_at(cx, name_end).filter(|name| name.text(text).contains(' '))
        })
    }

    /// True when an apposition that describes a person follows `end`: a comma, then an age or a determiner
    /// ("Marley Anderson, 21, a junior …", "Dana Holm, a tenant, said"): a name that opens its sentence is a
    /// person's then, though its first name is unknown.
    fn introduces_apposition(&self, cx: &DocContext<'_>, end: usize) -> bool {
        let Some(rest) = cx.text[end..].strip_prefix(", ") else { return false };
        let word = rest.split([' ', ',']).next().unwrap_or_default();
        word.starts_with(|c: char| c.is_ascii_digit()) || cx.lexicon.is(word, WordKind::NounDeterminer)
    }

    /// The capitalised name that ends at `end`, read back over its words (see [`CueNames::before`]).
    fn name_ending_at(&self, cx: &DocContext<'_>, end: usize) -> Option<Span> {
        let text = cx.text;
        let mut start = end;
        let mut words = 0;
        while let Some((at, word)) = word_ending_at(text, 0, skip_spaces_back(text, start)) {
            if !is_capitalised_word(word) || skip_spaces_back(text, start) + 1 != start && words > 0 {
                break;
            }
            if cx.lexicon.is(&word.to_lowercase(), WordKind::NounDeterminer) {
                return None;
            }
            let initial =
                word.len() <= 4 && word.ends_with('.') && !word[..word.len() - 1].contains(char::is_lowercase);
            let possessive = word.ends_with("'s") || word.ends_with("’s");
            if is_not_name_word(word, cx.lexicon) || possessive || (word.ends_with('.') && !initial) {
                break;
            }
            words += 1;
            start = at;
            if words > MAX_NAME_WORDS {
                return None;
            }
        }
        (words >= 1 && !self.continues_a_name(cx, start)).then(|| Span::new(start, end))
    }

    /// True when the words before a name starting at `start` make it no person's name: a determiner ("a
    /// Republican said"), or, ending an organization's name, a connector ("Institute for Policy Integrity") or a
    /// small word after an organization's head word ("Commission on Presidential Debates").
    fn continues_a_name(&self, cx: &DocContext<'_>, start: usize) -> bool {
        let text = cx.text;
        let Some((at, word)) = word_ending_at(text, 0, skip_spaces_back(text, start)) else { return false };
        if word.starts_with(char::is_uppercase) {
            return false;
        }
        // "a Republican said", "one Texas Republican told": a determiner makes the words a noun phrase
        let determiner =
            cx.lexicon.is(word, WordKind::NounDeterminer) || cx.lexicon.is(word, WordKind::SpeakerDeterminer);
        let connector = determiner
            || cx.lexicon.is(word, WordKind::OrgConnector)
            || cx.lexicon.is(word, WordKind::LinkingPreposition);
        let head_end = skip_spaces_back(text, at);
        connector || cx.scan.org_heads.iter().any(|h| h.end == head_end)
    }

    /// The name right after the cue at `cue`, when the cue follows a quotation's end or a comma ("…,” said Don
    /// Fowler, who …").
    fn after(&self, cx: &DocContext<'_>, cue: Span) -> Option<Span> {
        let text = cx.text;
        let before = text[..cue.start].trim_end();
        if !before.ends_with([',', '”', '"', '’']) || !text[cue.end..].starts_with(' ') {
            return None;
        }
        self.names.at(text, cue.end + 1, cx.lexicon)
    }

    /// True when `name` is a person's name: two or more name words, none of them a title or an organization's
    /// head word, no organization's or place's last word at its end, and a known first name at a sentence's
    /// start.
    fn is_person_name(&self, cx: &DocContext<'_>, name: Span) -> bool {
        let words = name.text(cx.text);
        let at_sentence_start = cx.layer.sentence_at(name.start).is_some_and(|s| s.start == name.start)
            && !self.introduces_apposition(cx, name.end);
        let first = words.split_whitespace().next().unwrap_or_default();
        // "Professor Epstein", "Utah Republican": a role word is no name word
        let role_word = |w: &str| {
            let lower = w.to_lowercase();
            cx.lexicon.is(&lower, WordKind::SpeakerNoun)
                || lower.strip_suffix('s').is_some_and(|one| cx.lexicon.is(one, WordKind::SpeakerNoun))
        };
        NameShape::tokens(words) >= 2
            && !words.split_whitespace().any(role_word)
            && !self.place_words.contains(first)
            && !starts_inside(&cx.scan.org_heads, |h| *h, name)
            && !starts_inside(&cx.scan.titles, |t| t.span, name)
            && words.split_whitespace().last().is_some_and(|last| !self.not_surnames.contains(last))
            && (!at_sentence_start || self.first_names.contains(first))
    }
}

impl CueNames {
    /// True when the one word `name` at a cue is a person known by one name or a surname ("Bozell says", "Bob
    /// said"), whose full name the document does not give (no person's name holds the word): a capitalised word of three letters or more that is
    /// no word of the lexicon, no role word, no place, not written in lower case elsewhere in the document,
    /// capitalised somewhere after a word in lower case, no listed person's surname (those the surname rule
    /// resolves), and followed by a person's pronoun. After its cue, the word must end its clause ("…,” said
    /// Bozell.").
    fn is_lone_name(&self, cx: &DocContext<'_>, doc: &DocBuilder<'_>, name: Span) -> bool {
        let word = name.text(cx.text);
        let lower = word.to_lowercase();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 3
            || !word.chars().skip(1).all(char::is_lowercase)
            || !cx.lexicon.kinds(word).is_empty()
            || !cx.lexicon.kinds(&lower).is_empty()
            || lower.strip_suffix('s').is_some_and(|one| !cx.lexicon.kinds(one).is_empty())
            || self.place_words.contains(word)
            || self.not_surnames.contains(word)
            || self.listed_surnames.contains(&word_hash(word))
        {
            return false;
        }
        let lower_case_use = || {
            memchr::memmem::find_iter(cx.text.as_bytes(), lower.as_bytes())
                .any(|at| crate::text::words::is_whole_word(cx.text, Span::new(at, at + lower.len())))
        };
        // at a sentence's start, and in a headline, every word is capitalised: the word must be capitalised after a
        // word in lower case somewhere too ("told Bob", "Bob, who")
        let after_lower_case_word = |at: usize| {
            let before = cx.text[..at].trim_end_matches(' ').trim_end_matches(',');
            before.len() < at && before.chars().next_back().is_some_and(char::is_lowercase)
        };
        let capitalised_mid_sentence = || {
            memchr::memmem::find_iter(cx.text.as_bytes(), word.as_bytes()).any(|at| {
                crate::text::words::is_whole_word(cx.text, Span::new(at, at + word.len())) && after_lower_case_word(at)
            })
        };
        let named_in_full = || {
            doc.mentions().any(|m| {
                m.mention_type == crate::extraction::MentionType::Person
                    && doc.entity_of(m).name.split_whitespace().any(|token| token == word)
            })
        };
        // cheapest first: the pronoun reads a few hundred bytes, the others the whole document
        self.pronoun_follows(cx, name.end) && !lower_case_use() && capitalised_mid_sentence() && !named_in_full()
    }

    /// True when a person's pronoun (he, she, him, her) follows `pos` within [`PRONOUN_REACH`] bytes: what
    /// tells a lone name that speaks ("Bozell says … he added") from an outlet or company ("Pew said").
    fn pronoun_follows(&self, cx: &DocContext<'_>, pos: usize) -> bool {
        let mut end = (pos + PRONOUN_REACH).min(cx.text.len());
        while !cx.text.is_char_boundary(end) {
            end -= 1;
        }
        cx.text[pos..end]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() <= 3 && !w.is_empty() && cx.lexicon.is(&w.to_ascii_lowercase(), WordKind::PersonPronoun))
    }
}

impl Unit for CueNames {
    fn name(&self) -> &'static str {
        "cue names"
    }

    fn doc(&self) -> &'static str {
        "a capitalised name of two or more words right before a speech cue, or right after one that follows a quotation, is a person"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Yesterday, Quina Okafor said the rules favour landlords.", "Quina Okafor"),
                ("“It will pass,” said Ondine Jones, a tenant.", "Ondine Jones"),
                ("Landlords such as Ondine Marwick told reporters it would pass.", "Ondine Marwick"),
                ("Quina Okafor, 34, a tenant of the block, said the rules favour landlords.", "Quina Okafor"),
                (
                    "Yesterday, Bozell said the rules favour landlords, and he added that friends of Bozell agreed.",
                    "Bozell",
                ),
            ],
            no_match: &[
                "The Okafor Foundation said it would pass.",
                "The Institute for Tenant Rights said it would pass.",
                "Yesterday a Quina said it would pass, and Quina Okafor agreed.",
                "Yesterday, Pew said the rules favour landlords, and friends of Pew agreed.",
                "Okafor said the rules favour landlords.",
                "Victoria Square said nothing.",
                "Yesterday, Quina Okafor left the meeting early.",
            ],
        }
    }
}

impl EntityRule for CueNames {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        for cue in &cx.scan.cues {
            let crate::matcher::Hit::Cue(i) = cue.hit else { continue };
            if cx.gazetteers.cues[i as usize].kind != CueKind::Speech {
                continue;
            }
            let candidates =
                [self.before(cx, cue.span), self.after(cx, cue.span), self.before_apposition(cx, cue.span)];
            for name in candidates.into_iter().flatten() {
                let one_word = !name.text(cx.text).contains(' ');
                // "said Republican party boss Reince Priebus": a lone word after its cue must end the clause
                let ends_clause = cx.text[name.end..].starts_with([',', '.', ';', '\n']) || name.end == cx.text.len();
                if one_word && name.start > cue.span.end && !ends_clause {
                    continue;
                }
                // most speakers are mentions already ("Trump said"): that is the cheap check, so it goes first
                if doc.overlapping(name).next().is_some() {
                    continue;
                }
                let person = if one_word { self.is_lone_name(cx, doc, name) } else { self.is_person_name(cx, name) };
                if !person {
                    continue;
                }
                if let Some(name) = person_name(doc, name) {
                    add_person(doc, name, String::new(), String::new(), "", Origin::Rule(SOURCE));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, MentionType};

    /// A comma that ends the sentence before the cue's is no apposition's (a property test found "Trump  ,
    /// \n told" slicing backwards past its sentence's start).
    #[test]
    fn a_comma_before_the_cues_sentence_is_no_apposition() {
        let x = Extractor::new(crate::pipeline::unit_gazetteer()).unwrap();
        for text in [". Quina Okafor  , \n told it.", "x Quina Okafor  ,\n\ntold it.", "Quina Okafor,\ntold it."] {
            let got = x.extract(&Document::new("t", text));
            assert!(got.mentions.iter().all(|m| m.mention_type != MentionType::Person), "{text:?}");
        }
    }

    /// The apposition is read back over a fixed reach of bytes: where that reach falls inside a character, the
    /// rule steps to the next character (a curly apostrophe once made it panic), and a name beyond the reach
    /// is not read.
    #[test]
    fn the_apposition_reach_may_fall_inside_a_character() {
        let x = Extractor::new(crate::pipeline::unit_gazetteer()).unwrap();
        for pad in 0..3 {
            let text = format!("Quina Okafor, 34, a tenant{}{}, said it.", "’s".repeat(55), "x".repeat(pad));
            let got = x.extract(&Document::new("t", &text));
            let person = got.mentions.iter().any(|m| m.mention_type == MentionType::Person);
            assert!(!person, "{pad}: the name lies beyond the reach");
        }
    }
}
