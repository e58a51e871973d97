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

/// How far back (bytes) an apposition may have introduced the person a noun phrase stands for.
const APPOSITION_REACH: usize = 3000;

/// The organization "the company" at `span` stands for (the definite article and a noun of the organization's
/// kind: an `org_noun` for a company or bank, "the company", "the firm"; the subtype itself, "the agency", "the
/// party"): the document's organization of that kind mentioned most often before it, ties to the latest.
pub(crate) fn organization_for(cx: &QuoteContext<'_>, span: Span) -> Option<EntityRef> {
    let mut words = span.text(cx.text).split_whitespace();
    let (Some(first), Some(head), None) = (words.next(), words.next(), words.next()) else { return None };
    if !cx.lexicon.is(first, WordKind::DefiniteDeterminer) {
        return None;
    }
    let head = head.to_lowercase();
    let company = cx.lexicon.is(&head, WordKind::OrgNoun);
    let fits = |subtype: &str| subtype == head || (company && matches!(subtype, "company" | "bank"));
    let end = cx.mentions.partition_point(|m| m.span.start < span.start);
    // (entity, mentions, index of the latest)
    let mut counts: Vec<(EntityRef, u32, usize)> = Vec::new();
    for (i, m) in cx.mentions[..end].iter().enumerate() {
        if m.mention_type != MentionType::Organization || !fits(&cx.entities[m.entity].subtype) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == m.entity) {
            Some(c) => {
                c.1 += 1;
                c.2 = i;
            }
            None => counts.push((m.entity, 1, i)),
        }
    }
    counts.iter().max_by_key(|c| (c.1, c.2)).map(|c| c.0)
}

/// The person an apposition introduced with the head of the definite noun phrase at `span` ("the founder",
/// "the 39-year-old founder of Acme"): "Ana Ruiz, the founder of Acme, ..." or "Acme's founder, Ana Ruiz" or
/// "founder Ana Ruiz", the latest within a few paragraphs. Every modifier of the phrase but an age ("Democratic
/// presidential" of "the Democratic presidential nominee") must be in the apposition too.
pub(crate) fn apposition_for(cx: &QuoteContext<'_>, span: Span) -> Option<EntityRef> {
    let text = cx.text;
    let words = span.text(text);
    let first = words.split_whitespace().next()?;
    // the head: the last word before "of", else the last word
    let head = words.split(" of ").next()?.split_whitespace().last()?;
    if !cx.lexicon.is(first, WordKind::DefiniteDeterminer)
        || head == first
        || head.len() < 3
        || !head.chars().all(char::is_lowercase)
    {
        return None;
    }
    let mut from = span.start.saturating_sub(APPOSITION_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let modifiers: Vec<&str> = words.split(" of ").next()?.split_whitespace().skip(1).filter(|w| *w != head).collect();
    let has_modifiers = |context: &str| {
        let context = context.to_lowercase();
        modifiers.iter().all(|w| w.contains(|c: char| c.is_ascii_digit()) || context.contains(&w.to_lowercase()))
    };
    let person = |m: &crate::extraction::Mention| {
        m.mention_type == MentionType::Person && cx.entities[m.entity].subtype != crate::rules::credits::SUBTYPE
    };
    text[from..span.start].rmatch_indices(head).map(|(at, _)| from + at).find_map(|at| {
        let end = at + head.len();
        let whole = !text[..at].ends_with(char::is_alphanumeric) && !text[end..].starts_with(char::is_alphanumeric);
        if !whole {
            return None;
        }
        // "Ana Ruiz, the founder": a person ending at the comma before a short phrase holding the head
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        if let Some(comma) = text[line_start..at].rfind(',').map(|i| line_start + i) {
            let phrase = text[comma + 1..at].trim();
            let opens = phrase.split_whitespace().next().is_some_and(|w| cx.lexicon.is(w, WordKind::NounDeterminer));
            if opens
                && has_modifiers(phrase)
                && phrase.split_whitespace().count() <= 4
                && !phrase.contains(['.', ';', '“', '"'])
                && let Some(m) = super::context::mention_ending_at(cx.mentions, comma).filter(|m| person(m))
            {
                return Some(m.entity);
            }
        }
        // "Acme's founder, Ana Ruiz", "founder Ana Ruiz": a person right after the head (and its "of X")
        let mut before = at.saturating_sub(60).max(line_start);
        while !text.is_char_boundary(before) {
            before += 1;
        }
        if !has_modifiers(&text[before..at]) {
            return None;
        }
        let mut after = end;
        if let Some(rest) = text[after..].strip_prefix(" of ") {
            let org: usize =
                rest.split(' ').take_while(|w| w.starts_with(char::is_uppercase)).map(|w| w.len() + 1).sum();
            after += " of ".len() + org.saturating_sub(1);
        }
        let name_at = if text[after..].starts_with(", ") { after + 2 } else { after + 1 };
        let m = cx.mentions.get(cx.mentions.partition_point(|m| m.span.start < name_at))?;
        (m.span.start == name_at && person(m)).then_some(m.entity)
    })
}
