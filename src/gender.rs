//! The gender of a document's people, from the data and from the text: the first name's gender in the
//! gazetteers (`female_name`/`male_name` keywords, `gazetteers/first_names_gender.tsv`), an honorific before a
//! mention ("Mrs. Clinton", "Sir Keir Starmer": the lexicon's `female_honorific`/`male_honorific` words), and a
//! he/she speaker pronoun resolved to the person (tied after attribution, see [`tie_pronouns`]).

use foldhash::HashMap;
use std::sync::Arc;

use crate::extraction::{Mention, MentionType};
use crate::gazetteer::{Entity, Gazetteers, KeywordKind};
use crate::lexicon::{Lexicon, WordKind};
use crate::quote::{Quote, SpeakerKind};

/// A person's gender, as the text or the data states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
}

impl Gender {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }

    /// The gender a pronoun names (she, her; he, him), if any.
    pub fn of_pronoun(lexicon: &Lexicon, word: &str) -> Option<Gender> {
        if lexicon.is(word, WordKind::FemalePronoun) {
            Some(Gender::Female)
        } else if lexicon.is(word, WordKind::MalePronoun) {
            Some(Gender::Male)
        } else {
            None
        }
    }
}

/// Where a person's gender comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GenderSource {
    /// An honorific before a mention in the document (Mrs., Mr., Sir).
    Honorific,
    /// The gender of the first name in the gazetteers' data.
    Data,
    /// A he/she pronoun the document ties to the person.
    Pronoun,
}

impl GenderSource {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            GenderSource::Honorific => "honorific",
            GenderSource::Data => "data",
            GenderSource::Pronoun => "pronoun",
        }
    }
}

/// A person's gender and where it comes from.
pub type GenderOf = Option<(Gender, GenderSource)>;

/// First names and their gender, from the gazetteers' keywords.
#[derive(Clone, Debug, Default)]
pub(crate) struct FirstNameGenders(HashMap<String, Gender>);

impl FirstNameGenders {
    /// The `female_name` and `male_name` keywords of the gazetteers (a later file wins).
    pub fn new(g: &Gazetteers) -> FirstNameGenders {
        let mut map = HashMap::default();
        for k in &g.keywords {
            let gender = match k.kind {
                KeywordKind::FemaleName => Gender::Female,
                KeywordKind::MaleName => Gender::Male,
                _ => continue,
            };
            map.insert(k.text.clone(), gender);
        }
        FirstNameGenders(map)
    }

    /// The gender of a person's name by its first word.
    pub fn of_name(&self, name: &str) -> Option<Gender> {
        self.0.get(name.split_whitespace().next()?).copied()
    }
}

/// The gender of each of a document's entities (indexed like them): an honorific before one of its mentions,
/// else its first name's gender in the data. Only people have one.
pub(crate) fn genders(
    text: &str,
    entities: &[Arc<Entity>],
    mentions: &[Mention],
    lexicon: &Lexicon,
    names: &FirstNameGenders,
) -> Vec<GenderOf> {
    let mut out: Vec<GenderOf> = vec![None; entities.len()];
    for m in mentions.iter().filter(|m| m.mention_type == MentionType::Person) {
        let slot = &mut out[m.entity.as_usize()];
        if slot.is_some_and(|(_, s)| s == GenderSource::Honorific) {
            continue;
        }
        // the word right before the mention, its period aside: "Mrs. Clinton", "Sir Keir"
        let before = text[..m.span.start].trim_end();
        let before = before.strip_suffix('.').unwrap_or(before);
        let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let honorific = if word.is_empty() {
            None
        } else if lexicon.is(word, WordKind::FemaleHonorific) {
            Some(Gender::Female)
        } else if lexicon.is(word, WordKind::MaleHonorific) {
            Some(Gender::Male)
        } else {
            None
        };
        if let Some(g) = honorific {
            *slot = Some((g, GenderSource::Honorific));
        } else if slot.is_none()
            && let Some(g) = names.of_name(&entities[m.entity].name)
        {
            *slot = Some((g, GenderSource::Data));
        }
    }
    out
}

/// Gives a person with no gender yet the gender of the he/she pronouns attributed to them.
pub(crate) fn tie_pronouns(text: &str, quotes: &[Quote], lexicon: &Lexicon, genders: &mut [GenderOf]) {
    for q in quotes {
        let Some(s) = q.speaker.filter(|s| s.kind == SpeakerKind::Pronoun) else { continue };
        let (Some(e), Some(g)) = (s.entity, Gender::of_pronoun(lexicon, s.span.text(text))) else { continue };
        if let Some(slot) = genders.get_mut(e.as_usize())
            && slot.is_none()
        {
            *slot = Some((g, GenderSource::Pronoun));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Gazetteers};

    fn gender_of(text: &str, name: &str) -> Option<(&'static str, &'static str)> {
        let mut g = Gazetteers::embedded();
        g.add_text("names.tsv", "keyword\tkind\nAna\tfemale_name\nBill\tmale_name\n");
        let x = Extractor::new(g).unwrap().extract(&Document::new("t", text));
        let e = x.entities.iter().position(|e| e.name == name)?;
        x.genders[e].map(|(g, s)| (g.as_str(), s.as_str()))
    }

    #[test]
    fn from_data_honorific_and_pronoun() {
        assert_eq!(gender_of("Mayor Ana Ruiz opened the bridge.", "Ana Ruiz"), Some(("female", "data")));
        assert_eq!(
            gender_of("Mayor Kerem Ozal opened the bridge. Mrs. Ozal spoke.", "Kerem Ozal"),
            Some(("female", "honorific"))
        );
        // "Mrs. Ruiz" is not Bill Ruiz: the honorific fits no bearer
        assert_eq!(
            gender_of("Mayor Bill Ruiz opened the bridge. Mrs. Ruiz spoke.", "Bill Ruiz"),
            Some(("male", "data"))
        );
        assert_eq!(
            gender_of("Mayor Bill Ruiz opened the bridge. Mrs. Ruiz spoke.", "Ruiz"),
            Some(("female", "honorific"))
        );
        assert_eq!(
            gender_of("Mayor Kerem Ozal opened the bridge.\n\n“It is open,” she said.", "Kerem Ozal"),
            Some(("female", "pronoun"))
        );
        assert_eq!(gender_of("Mayor Kerem Ozal opened the bridge.", "Kerem Ozal"), None);
    }
}
