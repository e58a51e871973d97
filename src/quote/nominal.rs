//! A definite noun phrase that names a speaker by role ("The Pentagon chief", "the Iranian diplomat", "the
//! minister"): the document's person it stands for, among those named in the recent sentences. The head must be
//! a title of the gazetteers; a country the phrase names (a demonym, a country, an organization's country) must
//! be the person's, and with none the person's role must hold the head ("the minister": a Foreign Minister).
//! With no fitting person in the recent sentences, or with a head that is a speaker noun and no title ("the
//! president"), the document's fitting person named most. When nothing fits, the words stay the speaker.

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
    // the head is a title the dictionary found, ending the phrase, or a speaker noun ("the president") that the
    // person's role must then hold
    let head_start = span.end - head.len();
    let titled = cx.titles.iter().any(|t| t.end == span.end && t.start >= head_start.min(t.end));
    if !titled && !cx.lexicon.is(head, WordKind::SpeakerNoun) {
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
    let fits = |e: EntityRef| {
        let p = &cx.entities[e];
        p.entity_type == EntityType::Person
            && p.subtype != crate::rules::credits::SUBTYPE
            && !p.role.is_empty()
            && country.is_none_or(|c| p.country == c)
            && ((titled && country.is_some()) || p.role.to_lowercase().contains(&head_lower))
    };
    let resolution = if country.is_some() { Resolution::NominalDemonym } else { Resolution::NominalRole };
    let people = cx.mentions[..end].iter().filter(|m| m.mention_type == MentionType::Person);
    // a title: the latest fitting person of the recent sentences
    let recent = || {
        people
            .clone()
            .rev()
            .take_while(|m| m.sentence + REACH_SENTENCES >= sentence)
            .map(|m| m.entity)
            .find(|&e| fits(e))
    };
    // "the president", paragraphs after "Mr. Obama", or beside another president: the fitting person the
    // document names most, ties to the first named
    let salient = || most_mentioned(people.clone().map(|m| m.entity).filter(|&e| fits(e)), Tie::First);
    titled.then(recent).flatten().or_else(salient).map(|e| (e, resolution))
}

/// How `most_mentioned` breaks a tie.
#[derive(Clone, Copy)]
enum Tie {
    /// To the entity named first: the person an article introduces is its main one.
    First,
    /// To the entity named latest.
    Latest,
}

/// The entity that occurs most often in `entities` (in document order).
fn most_mentioned(entities: impl Iterator<Item = EntityRef>, tie: Tie) -> Option<EntityRef> {
    // (entity, mentions, index of the first, index of the latest)
    let mut counts: Vec<(EntityRef, u32, usize, usize)> = Vec::new();
    for (i, e) in entities.enumerate() {
        match counts.iter_mut().find(|c| c.0 == e) {
            Some(c) => {
                c.1 += 1;
                c.3 = i;
            }
            None => counts.push((e, 1, i, i)),
        }
    }
    let order = |c: &(EntityRef, u32, usize, usize)| match tie {
        Tie::First => (c.1, usize::MAX - c.2),
        Tie::Latest => (c.1, c.3),
    };
    counts.iter().max_by_key(|c| order(c)).map(|c| c.0)
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
    most_mentioned(
        cx.mentions[..end]
            .iter()
            .filter(|m| m.mention_type == MentionType::Organization && fits(&cx.entities[m.entity].subtype))
            .map(|m| m.entity),
        Tie::Latest,
    )
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
