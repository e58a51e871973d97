//! Acronyms defined in the text: an organization followed by ", or JJOC" or " (JJOC)" whose first letter
//! matches makes JJOC a name of that organization, there ([`AcronymDefinitions`]) and, once every other name
//! is known, everywhere else in the document ([`AcronymUses`]).

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::Form;
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::word_lookup::{find_whole_words, starts_outside_mentions};
use super::{EntityRule, Examples, Unit};

/// The `source` of acronym mentions.
pub(crate) const SOURCE: &str = "rule:acronym";

/// Acronyms defined right after an organization mention.
pub(crate) struct AcronymDefinitions;

impl Unit for AcronymDefinitions {
    fn name(&self) -> &'static str {
        "acronym definitions"
    }

    fn doc(&self) -> &'static str {
        "an organization followed by \", or ABC\" or \" (ABC)\" with its first letter defines the acronym"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Tokyo launched the Japan Joint Operations Command, or JJOC, whose", "JJOC"),
                ("the Foreign Ministry (FM) said", "FM"),
            ],
            no_match: &["the Foreign Ministry (XYZ) said", "the Foreign Ministry, or ministries, said"],
        }
    }
}

impl EntityRule for AcronymDefinitions {
    fn apply(&self, _cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let text = doc.text;
        let orgs: Vec<(Span, _)> = doc
            .mentions()
            .filter(|m| m.mention_type == MentionType::Organization)
            .map(|m| (m.span, m.entity))
            .collect();
        for (span, entity) in orgs {
            let rest = &text[span.end..];
            let (offset, body) = if let Some(r) = rest.strip_prefix(", or ") {
                (5, r)
            } else if let Some(r) = rest.strip_prefix(" (") {
                (2, r)
            } else {
                continue;
            };
            let len =
                body.find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')).unwrap_or(body.len());
            let acronym = &body[..len];
            let closes = body[len..].chars().next().is_none_or(|c| matches!(c, ',' | ')' | '.' | ';' | ' ' | ':'));
            if len < 2 || !closes || !acronym.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            if span.text(text).chars().next() != acronym.chars().next() {
                continue;
            }
            let at = span.end + offset;
            doc.add(Span::new(at, at + len), entity, Form::Acronym, Origin::Rule(SOURCE));
            doc.acronyms.push((acronym.to_owned(), entity));
        }
    }
}

/// The defined acronyms wherever else they stand as whole words.
pub(crate) struct AcronymUses;

impl Unit for AcronymUses {
    fn name(&self) -> &'static str {
        "acronym uses"
    }

    fn doc(&self) -> &'static str {
        "an acronym defined in the document names its organization wherever it stands as a whole word"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Tokyo launched the Japan Joint Operations Command, or JJOC. The JJOC will lead.", "JJOC"),
                ("The Foreign Ministry (FM) said so. FM officials agreed.", "FM"),
            ],
            no_match: &[
                "The JJOC will lead.",
                "Tokyo launched the Japan Joint Operations Command, or JJOC. The JJOCs lead.",
            ],
        }
    }
}

impl EntityRule for AcronymUses {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        if doc.acronyms.is_empty() {
            return;
        }
        let acronyms = std::mem::take(&mut doc.acronyms);
        let patterns: Vec<&str> = acronyms.iter().map(|(a, _)| a.as_str()).collect();
        let open_starts = starts_outside_mentions(doc, &cx.layer.capital_starts);
        for (span, key) in find_whole_words(doc.text, patterns, &open_starts) {
            // an acronym defined twice names the organization of its last definition
            if let Some(&(_, entity)) = acronyms.iter().rev().find(|(a, _)| a == key) {
                doc.add(span, entity, Form::Acronym, Origin::Rule(SOURCE));
            }
        }
        doc.acronyms = acronyms;
    }
}
