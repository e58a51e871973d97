//! What extraction produces for one document: entities, mentions and quotes, all on byte spans of the text.

use std::fmt;
use std::ops::Index;
use std::sync::Arc;

use crate::gazetteer::{Entity, EntityType, Form};
use crate::quote::Quote;
use crate::span::Span;

/// The type of a mention: the entity's type, or `DEMONYM` for a nationality word linked to its country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionType {
    /// A person.
    Person,
    /// A country named by one of its names.
    Country,
    /// An organization.
    Organization,
    /// A place that is not a country.
    Location,
    /// A nationality word (Iranian, Azeri) standing for its country.
    Demonym,
}

impl MentionType {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionType::Person => "PERSON",
            MentionType::Country => "COUNTRY",
            MentionType::Organization => "ORGANIZATION",
            MentionType::Location => "LOCATION",
            MentionType::Demonym => "DEMONYM",
        }
    }

    /// The mention type of a form of an entity of type `t`.
    pub fn of(t: EntityType, form: Form) -> MentionType {
        match (t, form) {
            (_, Form::Demonym) => MentionType::Demonym,
            (EntityType::Person, _) => MentionType::Person,
            (EntityType::Country, _) => MentionType::Country,
            (EntityType::Organization, _) => MentionType::Organization,
            (EntityType::Location, _) => MentionType::Location,
        }
    }
}

impl fmt::Display for MentionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What produced a mention: a gazetteer row or a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A gazetteer alias; the entity's `source` names the file and row.
    Gazetteer,
    /// A rule, by the name written in the `source` column (`rule:title`, `rule:surname`, ...; see
    /// `src/rules/`).
    Rule(&'static str),
}

impl Origin {
    /// The rule name written in the `source` column (gazetteer mentions show their file and row instead).
    pub fn rule_name(self) -> &'static str {
        match self {
            Origin::Gazetteer => "gazetteer",
            Origin::Rule(name) => name,
        }
    }
}

/// A document's reference to one of its entities: an index into [`Extraction::entities`], in the manner of
/// aho-corasick's `PatternID`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef(u32);

impl EntityRef {
    pub(crate) fn new(index: usize) -> EntityRef {
        EntityRef(u32::try_from(index).expect("fewer than 2^32 entities in a document"))
    }

    /// The index into [`Extraction::entities`].
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

impl Index<EntityRef> for [Arc<Entity>] {
    type Output = Arc<Entity>;

    fn index(&self, e: EntityRef) -> &Arc<Entity> {
        &self[e.as_usize()]
    }
}

impl Index<EntityRef> for Vec<Arc<Entity>> {
    type Output = Arc<Entity>;

    fn index(&self, e: EntityRef) -> &Arc<Entity> {
        &self[e.as_usize()]
    }
}

/// One place in the text that names an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where, in bytes.
    pub span: Span,
    /// Its entity, in [`Extraction::entities`].
    pub entity: EntityRef,
    /// PERSON, COUNTRY, ORGANIZATION, LOCATION or DEMONYM.
    pub mention_type: MentionType,
    /// How the text names the entity.
    pub form: Form,
    /// What produced it.
    pub origin: Origin,
    /// Index of the sentence it is in (see [`Extraction::sentences`]).
    pub sentence: usize,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Entities mentioned in the document, in order of first mention.
    pub entities: Vec<Arc<Entity>>,
    /// Mentions, sorted by start, never overlapping.
    pub mentions: Vec<Mention>,
    /// Quotations, sorted by start.
    pub quotes: Vec<Quote>,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// The gender of each entity (indexed like [`Extraction::entities`]) and where it comes from; only people
    /// have one.
    pub genders: Vec<crate::gender::GenderOf>,
}
