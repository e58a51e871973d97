//! A definite noun phrase that names a speaker by role ("The Pentagon chief", "the Iranian diplomat", "the
//! minister"): the document's person it stands for, among those named in the recent sentences. The head must be
//! a title of the gazetteers; a country the phrase names (a demonym, a country, an organization's country) must
//! be the person's, and with none the person's role must hold the head ("the minister": a Foreign Minister).
//! When nothing fits, the words stay the speaker.

use crate::extraction::{EntityRef, MentionType};
use crate::gazetteer::EntityType;
use crate::lexicon::WordKind;
use crate::span::Span;

use super::Resolution;
use super::context::QuoteContext;

/// How many sentences back the person may have been named.
const REACH_SENTENCES: usize = 3;

/// The person a definite role phrase at `span` stands for, if one fits.
pub(crate) fn person_for(cx: &QuoteContext<'_>, span: Span) -> Option<(EntityRef, Resolution)> {
    let words = span.text(cx.text);
    let first = words.split_whitespace().next()?;
    let head = words.split_whitespace().last()?;
    if !cx.lexicon.is(first, WordKind::DefiniteDeterminer) || words.split_whitespace().count() > 4 {
        return None;
    }
    // the head is a title the dictionary found, ending the phrase
    let head_start = span.end - head.len();
    if !cx.titles.iter().any(|t| t.end == span.end && t.start >= head_start.min(t.end)) {
        return None;
    }
    // a country the phrase names: "Iranian", "Pentagon" (its country)
    let from = cx.mentions.partition_point(|m| m.span.end <= span.start);
    let inside = cx.mentions[from..].iter().take_while(|m| m.span.start < span.end);
    let mut country: Option<&str> = None;
    for m in inside {
        let e = &cx.entities[m.entity];
        match m.mention_type {
            MentionType::Country | MentionType::Demonym => country = Some(e.id.as_str()),
            MentionType::Organization if !e.country.is_empty() => country = Some(e.country.as_str()),
            MentionType::Person => return None,
            _ => {}
        }
    }
    let sentence = crate::text::segment::sentence_index(cx.sentences, span.start);
    let end = cx.mentions.partition_point(|m| m.span.start < span.start);
    let head_lower = head.to_lowercase();
    cx.mentions[..end]
        .iter()
        .rev()
        .take_while(|m| m.sentence + REACH_SENTENCES >= sentence)
        .filter(|m| m.mention_type == MentionType::Person)
        .map(|m| m.entity)
        .find(|&e| {
            let p = &cx.entities[e];
            p.entity_type == EntityType::Person
                && p.subtype != crate::rules::credits::SUBTYPE
                && !p.role.is_empty()
                && match country {
                    Some(c) => p.country == c,
                    None => p.role.to_lowercase().contains(&head_lower),
                }
        })
        .map(|e| (e, if country.is_some() { Resolution::NominalDemonym } else { Resolution::NominalRole }))
}
