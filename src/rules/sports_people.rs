//! Players in sports results: a name (the name shape, one word or more: "Riedle", "M. Atherton", "Hicham
//! Arazi") where only a player stands, in a document about sports (a sports word in its headline or its
//! sentence, [`super::sports_context`]):
//!
//! - before an ordinal, the minute of a goal: "( Riedle 8th minute , Heinrich 29th )", "Mons Ivar Mjelde ( 10th )";
//! - next to a player word (`player_word` rows of `gazetteers/sports.tsv`: "Atherton b Ambrose", "c Croft b
//!   Cork 176", "Lara not out 37") or before a bowler's figures ("Mullally 7-1-24-0");
//! - where the sport is one that people play alone (tennis, golf, athletics, cycling ...): before a country or
//!   team between parentheses ("Hicham Arazi ( Morocco )"), before scores or times at the start of a line or
//!   after a rank ("1. Michael Johnson 19.32", "Nick Faldo 70 68 72"), and on either side of a result word
//!   ("Sampras beat Chang").
//!
//! A name that a rule before this one found is left as it is (a team, a place, an official); a one-word name
//! stands for the full name the document gives elsewhere ([`super::surnames`]).

use std::sync::Arc;

use crate::extraction::{MentionType, Origin};
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::names::NameShape;
use super::people::{add_person, person_name};
use super::sports_context::{SportContext, SportsWords, Token, is_bowling_figures, is_number, is_ordinal, tokens};
use super::{EntityRule, Examples, Unit};

/// The `source` of the players this rule finds.
pub(crate) const SOURCE: &str = "rule:sports-people";

/// Players by their place in results.
pub(crate) struct SportsPeople {
    words: SportsWords,
    names: Arc<NameShape>,
}

impl SportsPeople {
    pub fn new(g: &crate::gazetteer::Gazetteers, names: Arc<NameShape>) -> SportsPeople {
        SportsPeople { words: SportsWords::new(g), names }
    }
}

impl Unit for SportsPeople {
    fn name(&self) -> &'static str {
        "sports people"
    }

    fn doc(&self) -> &'static str {
        "in sports results, a name where only a player stands is a person (scorers, batsmen, tennis players)"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("SOCCER - RESULTS .\nToronto 2 ( Riedle 8th , Hakan Sukur 29th ) Boston 1", "Hakan Sukur"),
                ("CRICKET - SCORES .\nM. Atherton c Russell b Ambrose 25", "M. Atherton"),
                ("TENNIS - RESULTS .\nHicham Arazi ( Greece ) beat Zakir Khan ( Turkey ) 6-2 6-3", "Hicham Arazi"),
            ],
            no_match: &[
                "Hicham Arazi ( Greece ) beat Zakir Khan ( Turkey ) 6-2 6-3",
                "SOCCER - RESULTS .\nToronto 2 Boston 1",
            ],
        }
    }
}

impl EntityRule for SportsPeople {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        if cx.scan.sport_words.is_empty() {
            return; // no sports here
        }
        let text = cx.text;
        let headline = cx.layer.lines.first().copied().unwrap_or_default();
        let document = self.words.context_of(&cx.scan.sport_words, headline);
        for &line in &cx.layer.lines {
            let mut context = self.words.context_of(&cx.scan.sport_words, line);
            context.add(&document);
            if !(context.team_sport || context.individual) {
                continue;
            }
            let tokens: Vec<Token<'_>> = tokens(text, line).collect();
            let mut i = 0;
            while i < tokens.len() {
                let Some((name, places)) = self.name_at(cx, doc, word_span(&tokens[i], text).start) else {
                    i += 1;
                    continue;
                };
                // the tokens of the name, i..j; it must end where its last word does ("Riedle", not "Riedle's")
                let j = tokens[i..].iter().position(|t| t.span.end >= name.end).map_or(tokens.len(), |k| i + k + 1);
                let place = if word_span(&tokens[j - 1], text).end == name.end {
                    self.players_place(&tokens, text, i, j, &context)
                } else {
                    Place::None
                };
                // a place's name where only a player stands is the player's ("c Croft b Cork 176")
                if place == Place::Only || (place == Place::Likely && places.is_empty()) {
                    for start in places {
                        doc.remove(start);
                    }
                    add_person(doc, name, String::new(), String::new(), "", Origin::Rule(SOURCE));
                }
                i = j;
            }
        }
    }
}

/// How surely a name's place in a result line is a player's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Only a player stands there (before a goal's minute, next to a player word, before a bowler's figures).
    Only,
    /// A player stands there in a sport that people play alone.
    Likely,
    /// No player's place.
    None,
}

/// The span of a token's word, without the punctuation at its ends.
fn word_span(token: &Token<'_>, text: &str) -> Span {
    let start = token.word.as_ptr() as usize - text.as_ptr() as usize;
    Span::new(start, start + token.word.len())
}

impl SportsPeople {
    /// The name that starts at `pos`, if one does where no mention stands but places (listed with the name's
    /// end), and the starts of those places.
    fn name_at(&self, cx: &DocContext<'_>, doc: &DocBuilder<'_>, pos: usize) -> Option<(Span, Vec<usize>)> {
        let shape = self.names.at(cx.text, pos, cx.lexicon)?;
        let inside: Vec<&crate::extraction::Mention> = doc.overlapping(shape).collect();
        let places_only = inside.iter().all(|m| {
            m.origin == Origin::Gazetteer && m.mention_type == MentionType::Location && shape.contains(m.span)
        });
        if places_only {
            return Some((shape, inside.iter().map(|m| m.span.start).collect()));
        }
        let name = person_name(doc, shape)?;
        doc.overlapping(name).next().is_none().then_some((name, Vec::new()))
    }

    /// How surely tokens `i..j` (a name) stand where only a player does (see the module docs).
    fn players_place(&self, tokens: &[Token<'_>], text: &str, i: usize, j: usize, context: &SportContext) -> Place {
        let raw = |k: usize| tokens.get(k).map_or("", |t| t.span.text(text));
        let after = raw(j);
        let bare = after.trim_start_matches('(').trim_end_matches([',', ')', ';']);
        if is_ordinal(bare) || (after == "(" && is_ordinal(raw(j + 1).trim_end_matches([',', ')']))) {
            return Place::Only; // "Riedle 8th", "Mjelde ( 10th )"
        }
        if self.words.player_word_at(tokens, text, j).is_some()
            || (i > 0 && self.words.player_word_ending_at(tokens, text, i - 1).is_some())
            || is_bowling_figures(after)
        {
            return Place::Only; // "Atherton b", "b Ambrose", "Mullally 7-1-24-0"
        }
        if !context.individual {
            return Place::None;
        }
        let opens = i == 0 || (i == 1 && raw(0).trim_end_matches('.').bytes().all(|b| b.is_ascii_digit()));
        let in_parentheses = after.starts_with('(');
        let result = self.words.is_result_word_at(tokens, text, j)
            || (i > 0 && self.words.is_result_word_at(tokens, text, i - 1));
        if in_parentheses || (opens && is_number(after)) || result {
            return Place::Likely; // "Hicham Arazi ( Morocco )", "1. Michael Johnson 19.32", "Sampras beat Chang"
        }
        Place::None
    }
}
