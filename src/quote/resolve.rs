//! A pronoun speaker's antecedent. he/she: a person of the pronoun's gender (a person whose gender is unknown
//! fits any, with a lower confidence); it: an organization or country; they: those, or a group of people named
//! together ("Anna Berg and Tomas Holm"). Among the fitting, the subject (first fitting mention) of the latest
//! sentence that names one, unless the speaker of the latest quotation (or the subject of a cue: "Holm said",
//! "…, noted Tomas Holm") fits and that subject was only mentioned, never quoted: in a run of quotations the last
//! speaker is the default. A byline's person
//! (subtype `credit`) is never an antecedent.

use crate::extraction::{EntityRef, Mention, MentionType};
use crate::gazetteer::EntityType;
use crate::gender::Gender;
use crate::lexicon::WordKind;
use crate::span::Span;

use super::Resolution;
use super::context::QuoteContext;

/// How far back (bytes) the speaker of an earlier quotation still stands for a pronoun.
const LAST_SPEAKER_REACH: usize = 1500;

/// How many mentions back an antecedent is looked for.
const REACH_MENTIONS: usize = 60;

/// A pronoun's antecedent.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Antecedent {
    /// The entity (the first of a group).
    pub entity: EntityRef,
    /// The second person of a group ("they": "Anna Berg and Tomas Holm").
    pub joint: Option<EntityRef>,
    /// How it was found.
    pub resolution: Resolution,
    /// False for a he/she whose antecedent's gender is unknown: the gender filtered nothing.
    pub sure: bool,
}

/// The antecedent of `pronoun` at `pos`.
pub(crate) fn pronoun(cx: &QuoteContext<'_>, pronoun: &str, pos: usize) -> Option<Antecedent> {
    let person = cx.lexicon.is(pronoun, WordKind::PersonPronoun);
    let plural = cx.lexicon.is(pronoun, WordKind::PluralPronoun);
    let wanted: &[EntityType] = if person {
        &[EntityType::Person]
    } else if cx.lexicon.is(pronoun, WordKind::GroupPronoun) {
        &[EntityType::Organization, EntityType::Country]
    } else {
        return None;
    };
    let gender = if person { Gender::of_pronoun(cx.lexicon, pronoun) } else { None };
    let gender_of = |e: EntityRef| cx.genders.get(e.as_usize()).copied().flatten().map(|(g, _)| g);
    let fits_gender = |e: EntityRef| gender.is_none() || gender_of(e).is_none_or(|g| Some(g) == gender);
    let end = cx.mentions.partition_point(|m| m.span.start < pos);
    let not_credit = |e: EntityRef| cx.entities[e].subtype != crate::rules::credits::SUBTYPE;
    let fits = |m: &&Mention| {
        m.mention_type != MentionType::Demonym
            && wanted.contains(&cx.entities[m.entity].entity_type)
            && not_credit(m.entity)
            && fits_gender(m.entity)
    };
    let latest = cx.mentions[..end].iter().rev().take(REACH_MENTIONS).find(fits);
    let subject_mention = latest.and_then(|latest| {
        // the first fitting mention of that sentence: its subject, more often the antecedent than its object
        // (mentions are in text order, so their sentence indexes never decrease)
        let sentence_start = cx.mentions[..end].partition_point(|m| m.sentence < latest.sentence);
        cx.mentions[sentence_start..end].iter().find(|m| m.sentence == latest.sentence && fits(m))
    });
    let subject = subject_mention.map(|m| m.entity);
    if plural {
        // "Anna Berg and Tomas Holm ... they said": a group named more recently than any organization
        let spoken = cx.spoken.borrow();
        let before = &spoken[..spoken.partition_point(|(at, _, _)| *at < pos)];
        let last_group = before
            .last()
            .filter(|(at, _, joint)| joint.is_some() && at + LAST_SPEAKER_REACH >= pos)
            .map(|&(at, e, joint)| (crate::text::segment::sentence_index(cx.sentences, at), e, joint));
        let named_group = group_before(cx, end).map(|(s, a, b)| (s, a, Some(b)));
        let group = match (last_group, named_group) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        if let Some((sentence, a, b)) = group
            && latest.is_none_or(|m| m.sentence <= sentence)
        {
            return Some(Antecedent { entity: a, joint: b, resolution: Resolution::PronounGroup, sure: true });
        }
    }
    // "it" stands for an organization or a country that opens its sentence ("The ministry … It said"), not for
    // one named further in ("The city sent a letter to the FBI. It says …": the city, no entity)
    if !person && !plural {
        let opens_sentence = |m: &Mention| {
            let sentence = cx.sentences.get(m.sentence).map_or(0, |s| s.start);
            let before = cx.text[sentence..m.span.start].trim();
            before.is_empty() || cx.lexicon.is(before, WordKind::DefiniteDeterminer)
        };
        if !subject_mention.is_some_and(opens_sentence) {
            return None;
        }
    }
    let sure = |e: EntityRef| gender.is_none() || gender_of(e).is_some();
    let resolved = |e: EntityRef| {
        let resolution = if !person {
            Resolution::PronounOrganization
        } else if gender.is_some() && gender_of(e).is_some() {
            Resolution::PronounGender
        } else {
            Resolution::PronounSalience
        };
        Antecedent { entity: e, joint: None, resolution, sure: sure(e) }
    };
    if person {
        let spoken = cx.spoken.borrow();
        let before = &spoken[..spoken.partition_point(|(at, _, _)| *at < pos)];
        let quoted = before
            .iter()
            .rev()
            .take_while(|(at, _, _)| at + LAST_SPEAKER_REACH >= pos)
            .find(|(_, e, _)| cx.entities[*e].entity_type == EntityType::Person && fits_gender(*e))
            .map(|&(at, e, _)| (at, e));
        // a person who is the subject of a cue ("Rendell, a Clinton surrogate, said") has spoken too
        let subject_of_cue = cx.mentions[..end]
            .iter()
            .rev()
            .take(REACH_MENTIONS)
            .take_while(|m| m.span.start + LAST_SPEAKER_REACH >= pos)
            .filter(|m| m.mention_type == MentionType::Person && fits(m))
            .find(|m| is_cue_subject(cx, m.span.end, pos) || is_inverted_cue_subject(cx, m.span))
            .map(|m| (m.span.start, m.entity));
        let last = match (quoted, subject_of_cue) {
            (Some(q), Some(c)) => Some(if c.0 > q.0 { c } else { q }),
            (q, c) => q.or(c),
        };
        let has_spoken =
            |s: EntityRef| before.iter().any(|(_, e, _)| *e == s) || subject_of_cue.is_some_and(|(_, e)| e == s);
        // the subject of the pronoun's own sentence ("Ed Rendell ... agreed ..., but he said") is its antecedent
        let same_sentence =
            latest.is_some_and(|m| m.sentence == crate::text::segment::sentence_index(cx.sentences, pos));
        if let Some((_, last)) = last
            && !same_sentence
            && subject.is_none_or(|s| s != last && !has_spoken(s))
        {
            return Some(resolved(last));
        }
    }
    subject.map(resolved)
}

/// True when the mention that ends at `end` is the subject of a cue before `limit`: the cue follows it, after
/// nothing but cue modifiers ("Rendell also said"), a short parenthesis ("Perdue (R-Ga.) said") or an apposition
/// between commas ("Rendell, a Clinton surrogate, said").
fn is_cue_subject(cx: &QuoteContext<'_>, end: usize, limit: usize) -> bool {
    const APPOSITION_REACH: usize = 120;
    let Some(cue) = super::context::cues_in(cx.cues, Span::new(end, (end + APPOSITION_REACH).min(limit))).first()
    else {
        return false;
    };
    let mut between = &cx.text[end..cue.span.start];
    // "Sen. David Perdue (R-Ga.) said": a short parenthesis after the name belongs to it
    if let Some(inside) = between.trim_start().strip_prefix('(')
        && let Some(close) = inside.find(')').filter(|&c| c <= 12 && !inside[..c].contains(' '))
    {
        between = &inside[close + 1..];
    }
    let modifiers_only = between.split_whitespace().all(|w| cx.lexicon.is(w, WordKind::CueModifier));
    let apposition =
        between.starts_with(", ") && between.trim_end().ends_with(',') && !between.contains(['.', '“', '"', '\n', ';']);
    modifiers_only || apposition
}

/// True when the mention at `span` is the subject of a cue right before it that follows a clause or quotation
/// and its comma: "…, noted NBC's Dante Chinni", "…,” said Sean Spicer". Only capitalised words may stand
/// between ("according to an analysis by Lily Batchelder" is no speaker), a cue with an object ("told
/// Clinton") follows no comma, and a possessive is no subject ("…, said Ivanka Trump's statement").
fn is_inverted_cue_subject(cx: &QuoteContext<'_>, span: Span) -> bool {
    const REACH: usize = 40;
    let from = span.start.saturating_sub(REACH);
    let Some(cue) = super::context::cues_in(cx.cues, Span::new(from, span.start)).last() else { return false };
    let between = cx.text.get(cue.span.end..span.start).unwrap_or("");
    let before = cx.text[..cue.span.start].trim_end();
    let after = &cx.text[span.end..];
    !between.contains(['.', ',', ';', ':', '“', '”', '"', '(', ')', '\n'])
        && between.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        && between.split_whitespace().count() <= 3
        && !after.starts_with("'s")
        && !after.starts_with("’s")
        && (before.ends_with(',') || before.ends_with(['”', '"']) || before.ends_with("''"))
}

/// The latest two people named together before mention index `end` ("Anna Berg and Tomas Holm"), with the
/// sentence that names them.
fn group_before(cx: &QuoteContext<'_>, end: usize) -> Option<(usize, EntityRef, EntityRef)> {
    let mentions = &cx.mentions[end.saturating_sub(REACH_MENTIONS)..end];
    let is_person = |m: &Mention| {
        m.mention_type == MentionType::Person && cx.entities[m.entity].subtype != crate::rules::credits::SUBTYPE
    };
    mentions.windows(2).rev().find_map(|w| {
        let (a, b) = (&w[0], &w[1]);
        let between = cx.text.get(a.span.end..b.span.start)?;
        let joined = cx.lexicon.is(between.trim().trim_start_matches(',').trim(), WordKind::GroupJoiner);
        (is_person(a) && is_person(b) && a.entity != b.entity && joined && between.len() <= 6)
            .then_some((b.sentence, a.entity, b.entity))
    })
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Gazetteers};

    /// (speaker words, speaker entity) of each quotation.
    fn speakers(text: &str) -> Vec<(String, String)> {
        let mut g = Gazetteers::embedded();
        g.add_text("names.tsv", "keyword\tkind\nAna\tfemale_name\nKerem\tmale_name\n");
        let x = Extractor::new(g).unwrap().extract(&Document::new("t", text));
        x.quotes
            .iter()
            .filter_map(|q| q.speaker)
            .map(|s| (s.span.text(text).to_owned(), s.entity.map_or(String::new(), |e| x.entities[e].name.clone())))
            .collect()
    }

    #[test]
    fn she_skips_a_man_mentioned_in_passing() {
        let text = "“We will rebuild,” said Mayor Ana Ruiz.\n\nThe bridge was closed by Governor Kerem Ozal last year.\n\n“It will open again,” she said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap(), &("she".to_owned(), "Ana Ruiz".to_owned()), "{got:?}");
    }

    #[test]
    fn he_takes_the_man() {
        let text = "Mayor Ana Ruiz met Governor Kerem Ozal on Monday.\n\n“We agreed on nothing,” he said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap(), &("he".to_owned(), "Kerem Ozal".to_owned()), "{got:?}");
    }

    #[test]
    fn in_a_run_of_quotes_the_last_speaker_beats_a_person_only_mentioned() {
        let text = "“We will rebuild,” said Mayor Ana Ruiz.\n\nShe praised Senator Lena Ortiz for the money.\n\n“It will open again,” she said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap(), &("she".to_owned(), "Ana Ruiz".to_owned()), "{got:?}");
    }

    #[test]
    fn a_person_who_spoke_in_reported_speech_is_the_last_speaker() {
        let text = "“We will rebuild,” said Mayor Kerem Ozal.\n\nGovernor Tomas Holm, a former banker, said the fund was empty.\n\n“It will open again,” he said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap(), &("he".to_owned(), "Tomas Holm".to_owned()), "{got:?}");
    }

    #[test]
    fn a_person_after_a_cue_that_follows_a_clause_has_spoken() {
        let text = "“We will rebuild,” said Mayor Kerem Ozal.\n\nThe fund is empty, noted Governor Tomas Holm.\n\n“It will open again,” he said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap(), &("he".to_owned(), "Tomas Holm".to_owned()), "{got:?}");
        // a possessive after the cue is no speaker: the last speaker stays
        let text = "“We will rebuild,” said Mayor Kerem Ozal.\n\nThe fund is empty, said Governor Tomas Holm's aide.\n\n“It will open again,” he said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap(), &("he".to_owned(), "Kerem Ozal".to_owned()), "{got:?}");
    }

    #[test]
    fn the_subject_of_the_pronouns_own_sentence_beats_the_last_speaker() {
        let text = "“We will rebuild,” said Mayor Kerem Ozal.\n\nGovernor Tomas Holm agreed with the plan, but he said the money was late.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap(), &("he".to_owned(), "Tomas Holm".to_owned()), "{got:?}");
    }

    #[test]
    fn it_stands_for_an_organization_that_opens_its_sentence() {
        let named = "Brush Wellman Inc sent a letter to the city on Monday.\n\n“We will sue,” it said.";
        assert_eq!(speakers(named).last().unwrap(), &("it".to_owned(), "Brush Wellman Inc".to_owned()));
        // the city is no entity: "it" is not the organization named further in
        let unnamed = "The city sent a letter to Brush Wellman Inc on Monday.\n\n“We will sue,” it said.";
        assert_eq!(speakers(unnamed).last().unwrap(), &("it".to_owned(), String::new()));
    }
}
