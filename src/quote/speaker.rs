//! The speaker of a quotation: the words that name it, the entity they stand for (a person, else an
//! organization or country that is the whole phrase), a pronoun's antecedent, and what kind of speaker it is.

use crate::extraction::{EntityRef, Mention, MentionType};
use crate::lexicon::WordKind;
use crate::span::Span;

use super::context::QuoteContext;
use super::{Resolution, Speaker, SpeakerKind};

/// What attribution found for one quotation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    /// The speaker's words and entity.
    pub speaker: Speaker,
    /// The cue, if any.
    pub cue: Option<Span>,
    /// Confidence, 0 to 1.
    pub confidence: f32,
}

/// A speaker with its entity and kind (pronoun, name or noun phrase).
pub(crate) fn found(cx: &QuoteContext<'_>, span: Span, cue: Option<Span>, confidence: f32) -> Found {
    let text = cx.text;
    let words_text = span.text(text);
    if cx.lexicon.is(words_text, WordKind::RelativePronoun)
        && let Some(entity) = antecedent(cx, span.start)
    {
        // "Kioumars Heydari, who accused Baku": the name the relative clause hangs on
        return Found {
            speaker: Speaker {
                span,
                entity: Some(entity),
                kind: SpeakerKind::Name,
                joint: None,
                resolution: Resolution::RelativePronoun,
            },
            cue,
            confidence,
        };
    }
    let is_pronoun =
        cx.lexicon.is(words_text, WordKind::SpeakerPronoun) || cx.lexicon.is(words_text, WordKind::ObjectPronoun);
    if is_pronoun {
        let found = super::resolve::pronoun(cx, words_text, span.start);
        // a he/she whose antecedent's gender is unknown: the gender filtered nothing
        let confidence = if found.is_none_or(|a| a.sure) { confidence } else { confidence * 0.85 };
        let speaker = Speaker {
            span,
            entity: found.map(|a| a.entity),
            kind: SpeakerKind::Pronoun,
            joint: found.and_then(|a| a.joint),
            resolution: found.map_or(Resolution::Unresolved, |a| a.resolution),
        };
        return Found { speaker, cue, confidence };
    }
    let entity = entity_in(cx, span);
    let first = words_text.split_whitespace().next().unwrap_or("").to_lowercase();
    // "officials", "a senior official", "the company": a noun phrase, not a name
    let nominal = entity.is_none()
        && (!words_text.starts_with(char::is_uppercase)
            || cx.lexicon.is(&first, WordKind::SpeakerDeterminer)
            || cx.lexicon.is(&first, WordKind::NounDeterminer)
            || cx.lexicon.is_or_plural(&first, WordKind::SpeakerNoun));
    let kind = if nominal { SpeakerKind::Nominal } else { SpeakerKind::Name };
    if nominal && let Some((person, resolution)) = super::nominal::person_for(cx, span) {
        // "The Pentagon chief": the person named before, with less confidence than a name
        let speaker = Speaker { span, entity: Some(person), kind, joint: None, resolution };
        return Found { speaker, cue, confidence: confidence * 0.8 };
    }
    // "the company": the most salient organization; "the founder": the person an apposition introduced so
    let other = || {
        let org = super::nominal::organization_for(cx, span).map(|e| (e, Resolution::NominalOrganization));
        org.or_else(|| super::nominal::apposition_for(cx, span).map(|e| (e, Resolution::Apposition)))
    };
    if nominal && let Some((e, resolution)) = other() {
        let speaker = Speaker { span, entity: Some(e), kind, joint: None, resolution };
        return Found { speaker, cue, confidence: confidence * 0.75 };
    }
    let resolution = match entity {
        None => Resolution::Unresolved,
        // "Hegseth", "President Trump": the words name the entity by its surname only
        Some(e) if surname_only(cx, span, e) => Resolution::Surname,
        Some(_) => Resolution::Name,
    };
    let joint = joint_speaker(cx, span, entity);
    Found { speaker: Speaker { span, entity, kind, joint, resolution }, cue, confidence }
}

/// True when every mention of `entity` in the words at `span` is a surname ("Nakatani", "President Trump").
fn surname_only(cx: &QuoteContext<'_>, span: Span, entity: EntityRef) -> bool {
    let from = cx.mentions.partition_point(|m| m.span.end <= span.start);
    let mut of_entity =
        cx.mentions[from..].iter().take_while(|m| m.span.start < span.end).filter(|m| m.entity == entity);
    let first = of_entity.next();
    first.is_some_and(|m| m.form == crate::gazetteer::Form::Surname)
        && of_entity.all(|m| m.form == crate::gazetteer::Form::Surname)
}

/// The person or organization a relative pronoun at `pos` hangs on: the mention ending right before it (and its
/// comma).
fn antecedent(cx: &QuoteContext<'_>, pos: usize) -> Option<EntityRef> {
    let before = cx.text[..pos].trim_end().trim_end_matches(',').trim_end();
    super::context::mention_ending_at(cx.mentions, before.len())
        .filter(|m| matches!(m.mention_type, MentionType::Person | MentionType::Organization))
        .map(|m| m.entity)
}

/// "Hegseth and Nakatani": the second of two people the speaker's words name together.
fn joint_speaker(cx: &QuoteContext<'_>, span: Span, first: Option<EntityRef>) -> Option<EntityRef> {
    let text = cx.text;
    let words = span.text(text);
    let and = words.find(" and ")?;
    let people: Vec<&Mention> = cx
        .mentions
        .iter()
        .skip_while(|m| m.span.end <= span.start)
        .take_while(|m| m.span.start < span.end)
        .filter(|m| m.mention_type == MentionType::Person)
        .collect();
    match people[..] {
        [a, b] if a.span.end <= span.start + and && b.span.start >= span.start + and + 5 && b.span.end == span.end => {
            // the first named is the speaker's entity (a person ranks first), the second its partner
            (first == Some(a.entity) && a.entity != b.entity).then_some(b.entity)
        }
        _ => None,
    }
}

/// The entity a speaker's words name: a person, else an organization, else a country mentioned in them.
pub(crate) fn entity_in(cx: &QuoteContext<'_>, span: Span) -> Option<EntityRef> {
    let from = cx.mentions.partition_point(|m| m.span.end <= span.start);
    let inside = cx.mentions[from..].iter().take_while(|m| m.span.start < span.end);
    let mut best: Option<(u8, EntityRef)> = None;
    let mut best_end = span.start;
    let text = cx.text;
    for m in inside {
        // "a senior US official" is not the United States: an organization or country is the speaker only when
        // it is the whole phrase (a determiner aside)
        let whole = {
            let before = text[span.start..m.span.start.max(span.start)].trim();
            let after = text[m.span.end.min(span.end)..span.end].trim();
            after.is_empty() && (before.is_empty() || cx.lexicon.is(before, WordKind::SpeakerDeterminer))
        };
        let rank = match m.mention_type {
            // a byline's person is never a speaker
            MentionType::Person if cx.entities[m.entity].subtype == crate::rules::credits::SUBTYPE => continue,
            MentionType::Person => 0,
            MentionType::Organization if whole => 1,
            MentionType::Country if whole => 2,
            _ => continue,
        };
        // "Trump campaign spokesman Jason Miller": a person the head names after a person who only modifies it
        let head_after_modifier = rank == 0 && best.is_some_and(|(r, _)| r == 0) && {
            let between = &text[best_end.min(m.span.start)..m.span.start];
            !between.contains([',', '(', ';'])
                && between.split_whitespace().all(|w| !cx.lexicon.is(w, WordKind::ClauseOpener))
        };
        if best.is_none_or(|(r, _)| rank < r) || head_after_modifier {
            best = Some((rank, m.entity));
            best_end = m.span.end;
        }
    }
    best.map(|(_, e)| e)
}
