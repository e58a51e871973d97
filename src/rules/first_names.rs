//! People named by a known first name (`first_name` rows of the keyword gazetteers) and at least one more name
//! word ("Hillary Clinton", "Nasser Kanaani"), where no mention stands yet; the name stops before any other
//! mention ("George Washington University" gives none). A first name followed by exactly one word that the
//! gazetteers know as a country or place ("Neil Jordan", also after a middle initial: "Benjamin J. Rhodes") is a
//! person, whose surname that word is.
//!
//! A name that ends in a word of places, buildings, institutions or events (`place_word` and `event_word` rows:
//! "Victoria Square", "Trent Bridge", "Davis Cup"), a word of club names (`team_word` rows: "Grace United") or
//! the nickname of a listed team of a league ("Charlotte Hornets", "Leafs") is no person.

use foldhash::HashSet;
use std::sync::Arc;

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::{EntityId, EntityType, Form, Gazetteers, KeywordKind};
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::names::NameShape;
use super::people::{add_person, person_name, rule_person};
use super::{EntityRule, Examples, Unit};

/// The `source` of the people this rule finds.
pub(crate) const SOURCE: &str = "rule:first-name";

/// People by their first names.
pub(crate) struct FirstNames {
    names: Arc<NameShape>,
    /// Last words of names that are no person's.
    not_surnames: HashSet<String>,
}

impl FirstNames {
    pub fn new(g: &Gazetteers, names: Arc<NameShape>) -> FirstNames {
        let words = g.keywords.iter().filter(|k| {
            matches!(k.kind, KeywordKind::PlaceWord | KeywordKind::EventWord)
                || (k.kind == KeywordKind::TeamWord && k.subtype == "suffix")
        });
        let mut not_surnames: HashSet<String> = words.map(|k| k.text.clone()).collect();
        // the nicknames of teams of a league ("Maple Leafs" -> "Leafs", "Hornets"): last words no place has
        let places: HashSet<&str> = g
            .aliases
            .iter()
            .filter(|a| matches!(g.entities[a.entity].entity_type, EntityType::Location | EntityType::Country))
            .map(|a| a.text.as_str())
            .collect();
        let in_league = |id: EntityId| g.teams.get(&id).is_some_and(|t| !t.league.is_empty());
        for alias in g.aliases.iter().filter(|a| in_league(a.entity)) {
            let mut words = alias.text.split_whitespace();
            if let (Some(_), Some(last)) = (words.next(), words.last())
                && !places.contains(last)
            {
                not_surnames.insert(last.to_owned());
            }
        }
        FirstNames { names, not_surnames }
    }

    /// True when the name's last word ends names of places, institutions, events or teams.
    fn ends_no_person(&self, name: &str) -> bool {
        name.split_whitespace().last().is_some_and(|last| self.not_surnames.contains(last))
    }
}

impl Unit for FirstNames {
    fn name(&self) -> &'static str {
        "first names"
    }

    fn doc(&self) -> &'static str {
        "a known first name followed by capitalised name words is a person"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Yesterday Nasser Kanaani said so.", "Nasser Kanaani"),
                ("Neil Jordan spoke at the festival.", "Neil Jordan"),
                ("Yesterday Neil Jordan spoke.", "Neil Jordan"),
                ("Yesterday Neil J. Jordan spoke.", "Neil J. Jordan"),
            ],
            no_match: &["Nasser said so.", "She met Leila in Tehran.", "Crowds gathered in Victoria Square."],
        }
    }
}

impl EntityRule for FirstNames {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        for &first in &cx.scan.first_names {
            if doc.overlapping(first).next().is_some() {
                continue;
            }
            let Some(shape) = self.names.at(doc.text, first.start, cx.lexicon) else { continue };
            if self.ends_no_person(shape.text(doc.text)) {
                continue;
            }
            if let Some(name) = surname_is_a_place(doc, first, shape) {
                let entity =
                    rule_person(name.text(doc.text).to_owned(), String::new(), String::new(), "", Origin::Rule(SOURCE));
                let index = doc.entity(&Arc::new(entity));
                doc.add_covering(name, index, Form::Name, Origin::Rule(SOURCE));
                continue;
            }
            let Some(name) = person_name(doc, shape) else { continue };
            if name.end <= first.end
                || NameShape::tokens(name.text(doc.text)) < 2
                || self.ends_no_person(name.text(doc.text))
            {
                continue;
            }
            add_person(doc, name, String::new(), String::new(), "", Origin::Rule(SOURCE));
        }
    }
}

/// "Neil Jordan", "Paris Hilton"... no: a first name and then exactly one name word that the gazetteers know as
/// a country or place ("Jordan"), maybe after a middle initial ("Benjamin J. Rhodes"), ending the name (`name`,
/// the name shape at the first name): the place word is the person's surname.
fn surname_is_a_place(doc: &DocBuilder<'_>, first: Span, name: Span) -> Option<Span> {
    // "Benjamin J. Rhodes": a middle initial may stand between the first name and the place word
    let words = &doc.text[first.end..name.end];
    let initial = words.trim_start().split(' ').next().filter(|w| w.len() == 2 && w.ends_with('.'));
    let place_start = first.end + 1 + initial.map_or(0, |w| w.len() + 1);
    let place = doc.starting_at(place_start)?;
    let is_place = matches!(place.mention_type, MentionType::Country | MentionType::Location);
    let tokens = 2 + usize::from(initial.is_some());
    (is_place && place.span.end == name.end && NameShape::tokens(name.text(doc.text)) == tokens).then_some(name)
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{Extractor, unit_gazetteer_with};
    use crate::{Document, MentionType};

    /// The people of `text` with `words` as the name words of the unit gazetteer (with its teams or without).
    fn people_with(words: &str, text: &str, teams: bool) -> Vec<String> {
        let mut g = unit_gazetteer_with(|name| name != "name_words.tsv" && (teams || name != "unit-teams.tsv"));
        g.add_text("name_words.tsv", words);
        let x = Extractor::new(g).unwrap().extract(&Document::new("t", text));
        x.mentions
            .iter()
            .filter(|m| m.mention_type == MentionType::Person)
            .map(|m| m.span.text(text).to_owned())
            .collect()
    }

    fn people(words: &str, text: &str) -> Vec<String> {
        people_with(words, text, true)
    }

    /// Every row of gazetteers/name_words.tsv keeps its example's `finds` from being a person, which it is
    /// without the row.
    #[test]
    fn every_name_word_row_keeps_its_example_from_being_a_person() {
        let file = include_str!("../../gazetteers/name_words.tsv");
        let lines: Vec<&str> = file.lines().collect();
        let header = lines.iter().position(|l| l.starts_with("keyword\t")).unwrap();
        let mut failed = Vec::new();
        for (n, line) in lines.iter().enumerate().skip(header + 1) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (example, finds) = (fields[4], fields[5]);
            let without: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != n).map(|(_, l)| *l).collect();
            // without the teams, whose names end in some of these words ("Surrey County Cricket Club")
            let with_row = people_with(file, example, false).iter().any(|p| p == finds);
            let without_row = people_with(&without.join("\n"), example, false).iter().any(|p| p == finds);
            if with_row || !without_row {
                failed
                    .push(format!("name_words.tsv:{}: {line}: a person with {with_row}, without {without_row}", n + 1));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn team_nicknames_end_no_person() {
        let file = include_str!("../../gazetteers/name_words.tsv");
        // "Leafs" is the nickname of the Toronto Maple Leafs (a team of the NHL in the unit gazetteer)
        assert!(people(file, "Fans of Charlotte Leafs cheered.").is_empty());
        assert_eq!(people(file, "Charlotte Leafson cheered."), ["Charlotte Leafson"]);
    }
}
