//! A pronoun speaker's antecedent. he/she: a person of the pronoun's gender (a person whose gender is unknown
//! fits any, with a lower confidence); it/they: an organization or country. Among the fitting, the subject (first
//! fitting mention) of the latest sentence that names one, unless the speaker of the latest quotation fits and
//! that subject was only mentioned, never quoted: in a run of quotations the last speaker is the default.

use crate::extraction::{EntityRef, Mention, MentionType};
use crate::gazetteer::EntityType;
use crate::gender::Gender;
use crate::lexicon::WordKind;

use super::context::QuoteContext;

/// How far back (bytes) the speaker of an earlier quotation still stands for a pronoun.
const LAST_SPEAKER_REACH: usize = 1500;

/// The antecedent of `pronoun` at `pos`, and whether its gender was known to fit (always true for it/they).
pub(crate) fn pronoun(cx: &QuoteContext<'_>, pronoun: &str, pos: usize) -> Option<(EntityRef, bool)> {
    let person = cx.lexicon.is(pronoun, WordKind::PersonPronoun);
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
    let fits = |m: &&Mention| {
        m.mention_type != MentionType::Demonym
            && wanted.contains(&cx.entities[m.entity].entity_type)
            && fits_gender(m.entity)
    };
    let subject = cx.mentions[..end].iter().rev().take(60).find(fits).and_then(|latest| {
        // the first fitting mention of that sentence: its subject, more often the antecedent than its object
        // (mentions are in text order, so their sentence indexes never decrease)
        let sentence_start = cx.mentions[..end].partition_point(|m| m.sentence < latest.sentence);
        cx.mentions[sentence_start..end].iter().find(|m| m.sentence == latest.sentence && fits(m)).map(|m| m.entity)
    });
    let sure = |e: EntityRef| gender.is_none() || gender_of(e).is_some();
    if person {
        let spoken = cx.spoken.borrow();
        let before = &spoken[..spoken.partition_point(|(at, _)| *at < pos)];
        let last = before
            .iter()
            .rev()
            .take_while(|(at, _)| at + LAST_SPEAKER_REACH >= pos)
            .find(|(_, e)| cx.entities[*e].entity_type == EntityType::Person && fits_gender(*e))
            .map(|(_, e)| *e);
        if let Some(last) = last
            && subject.is_none_or(|s| s != last && !before.iter().any(|(_, e)| *e == s))
        {
            return Some((last, sure(last)));
        }
    }
    subject.map(|e| (e, sure(e)))
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
}
