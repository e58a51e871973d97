//! What the rules that find people share: a rule-made person, adding a person found by a rule (or enriching
//! the known one it names), the name shape cut before other mentions, and the country and role prefix that the
//! words before a title give.

use std::sync::Arc;

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::{Entity, EntityType, Form};
use crate::lexicon::{Lexicon, WordKind};
use crate::pipeline::{DocBuilder, PendingPerson};
use crate::span::Span;
use crate::text::words::{before_possessive, skip_spaces_back, word_ending_at};

use super::names::NameShape;
use super::slug;

/// A person made by a rule, with an id from the name ("rule:person:nasser-kanaani").
pub(crate) fn rule_person(name: String, role: String, country: String, subtype: &str, origin: Origin) -> Entity {
    Entity {
        id: format!("rule:person:{}", slug(&name)),
        name,
        entity_type: EntityType::Person,
        subtype: subtype.to_owned(),
        role,
        country,
        offices: Vec::new(),
        source: origin.rule_name().to_owned(),
        role_date: None,
        role_listed: String::new(),
    }
}

/// Adds the person a rule found at `name`. A person already mentioned there takes the role the text gives (the
/// gazetteer's is kept as `role_listed`, [`DocBuilder::titled`]) and the country the gazetteer lacks; a one-word
/// name waits for the document's full names ([`DocBuilder::pending`]).
pub(crate) fn add_person(
    doc: &mut DocBuilder<'_>,
    name: Span,
    role: String,
    country: String,
    subtype: &str,
    origin: Origin,
) {
    let known = doc.overlapping(name).next().map(|m| m.entity);
    if let Some(known) = known {
        doc.titled(known, &role, &country);
        return;
    }
    let name_text = name.text(doc.text).split_whitespace().collect::<Vec<_>>().join(" ");
    let entity = rule_person(name_text, role, country, subtype, origin);
    if NameShape::tokens(&entity.name) < 2 {
        doc.pending.push(PendingPerson { span: name, entity, origin });
        return;
    }
    let index = doc.entity(&Arc::new(entity));
    doc.add(name, index, Form::Name, origin);
}

/// The name shape `name` as a person's name, unless it runs into a non-person mention (then it is cut before
/// it, or refused).
pub(crate) fn person_name(doc: &DocBuilder<'_>, name: Span) -> Option<Span> {
    match doc.overlapping(name).next() {
        None => Some(name),
        Some(m) if m.mention_type == MentionType::Person && m.span == name => Some(name),
        Some(m) if m.span.start > name.start => {
            // cut the name before the mention ("President Obama Washington")
            let cut = skip_spaces_back(doc.text, m.span.start);
            (cut > name.start && m.mention_type != MentionType::Person).then(|| Span::new(name.start, cut))
        }
        Some(_) => None,
    }
}

/// Country and role prefix from the words just before a title: "US Defense Secretary", "Japan's Defense
/// Minister", "Iranian Foreign Ministry spokesman", "Iranian Deputy Foreign Minister", "Alberta Premier".
pub(crate) fn left_context(doc: &DocBuilder<'_>, lexicon: &Lexicon, title: Span) -> (Option<String>, String) {
    let text = doc.text;
    let mut prefix: Vec<&str> = Vec::new();
    let mut country = None;
    let mut at = title.start;
    for _ in 0..4 {
        let pos = skip_spaces_back(text, at);
        if pos == at {
            break;
        }
        if let Some(m) = doc.ending_at(pos) {
            match m.mention_type {
                // "Alberta Premier Danielle Smith", "Texas Governor Greg Abbott": a place gives its country
                MentionType::Country | MentionType::Demonym | MentionType::Location => {
                    country = doc.country_of(m);
                    break;
                }
                MentionType::Organization => {
                    country = doc.country_of(m);
                    if country.is_some() {
                        break;
                    }
                    at = m.span.start;
                    continue;
                }
                _ => break,
            }
        }
        if let Some(before) = before_possessive(text, pos) {
            if let Some(m) = doc.ending_at(before) {
                country = doc.country_of(m);
            }
            break;
        }
        match word_ending_at(text, 0, pos) {
            Some((start, word)) if lexicon.is(word, WordKind::RolePrefix) => {
                prefix.push(word);
                at = start;
            }
            _ => break,
        }
    }
    prefix.reverse();
    (country, prefix.join(" "))
}
