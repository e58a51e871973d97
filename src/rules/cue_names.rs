//! People named as speakers: a capitalised name of two or more words right before a speech cue ("Don Fowler
//! said", "Clinton spokesman Brian Fallon told") or right after one that follows a quotation or a comma ("…,”
//! said Don Fowler"), where no mention stands yet. No gazetteer lists most of the people news quotes, and a name
//! that speaks is a person's, so that its surname ("Fowler said") and the pronouns after it ("he said") have a
//! person to stand for.
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
        for alias in g.aliases.iter().filter(|a| type_of(a) == EntityType::Person) {
            if let Some(last) = last_word(&alias.text) {
                other_last_words.remove(last);
            }
        }
        not_surnames.extend(other_last_words.into_iter().map(str::to_owned));
        let place_words = place_words.into_iter().map(str::to_owned).collect();
        let first_names = g
            .keywords
            .iter()
            .filter(|k| matches!(k.kind, KeywordKind::FirstName | KeywordKind::FemaleName | KeywordKind::MaleName))
            .map(|k| k.text.clone())
            .collect();
        CueNames { names, not_surnames, first_names, place_words }
    }

    /// The name that ends right before the cue at `cue` ("Don Fowler said"): the capitalised words before it,
    /// from the first that is no function word; none when they start with a determiner or run past
    /// [`MAX_NAME_WORDS`].
    fn before(&self, cx: &DocContext<'_>, cue: Span) -> Option<Span> {
        let text = cx.text;
        let end = skip_spaces_back(text, cue.start);
        if end + 1 != cue.start {
            return None;
        }
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
        (words >= 2 && !self.continues_a_name(cx, start)).then(|| Span::new(start, end))
    }

    /// True when the words before a name starting at `start` make it the end of an organization's name: a
    /// connector ("Institute for Policy Integrity") or a small word after an organization's head word
    /// ("Commission on Presidential Debates").
    fn continues_a_name(&self, cx: &DocContext<'_>, start: usize) -> bool {
        let text = cx.text;
        let Some((at, word)) = word_ending_at(text, 0, skip_spaces_back(text, start)) else { return false };
        if word.starts_with(char::is_uppercase) {
            return false;
        }
        let connector =
            cx.lexicon.is(word, WordKind::OrgConnector) || cx.lexicon.is(word, WordKind::LinkingPreposition);
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
        let inside = |s: &Span| s.start < name.end && s.end > name.start;
        let at_sentence_start = cx.layer.sentence_at(name.start).is_some_and(|s| s.start == name.start);
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
            && !cx.scan.org_heads.iter().any(inside)
            && !cx.scan.titles.iter().any(|t| inside(&t.span))
            && words.split_whitespace().last().is_some_and(|last| !self.not_surnames.contains(last))
            && (!at_sentence_start || self.first_names.contains(first))
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
            ],
            no_match: &[
                "The Okafor Foundation said it would pass.",
                "The Institute for Tenant Rights said it would pass.",
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
            for name in [self.before(cx, cue.span), self.after(cx, cue.span)].into_iter().flatten() {
                if doc.overlapping(name).next().is_some() || !self.is_person_name(cx, name) {
                    continue;
                }
                if let Some(name) = person_name(doc, name) {
                    add_person(doc, name, String::new(), String::new(), "", Origin::Rule(SOURCE));
                }
            }
        }
    }
}
