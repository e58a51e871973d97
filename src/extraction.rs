//! What extraction produces for one document: entities, mentions and quotes, all on byte spans of the text.

use foldhash::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::gazetteer::{Entity, EntityType, Form};
use crate::mention_set::MentionSet;
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
    /// A title or role followed by a name ("Defense Minister Gen Nakatani").
    TitleRule,
    /// A name followed by an apposition ("Ayhan Hajizadeh, an official of the Ministry of ...").
    AppositionRule,
    /// An organization recognised by its shape ("Ministry of X", "X Ministry", "X Command").
    OrgShapeRule,
    /// An acronym defined in the document ("..., or JJOC").
    AcronymRule,
    /// A surname standing for a full name seen in the same document.
    SurnameRule,
    /// A known first name followed by a name ("Hillary Clinton", "Nasser Kanaani").
    FirstNameRule,
}

impl Origin {
    /// The rule name written in the `source` column (gazetteer mentions show their file and row instead).
    pub fn rule_name(self) -> &'static str {
        match self {
            Origin::Gazetteer => "gazetteer",
            Origin::TitleRule => "rule:title",
            Origin::AppositionRule => "rule:apposition",
            Origin::OrgShapeRule => "rule:org-shape",
            Origin::AcronymRule => "rule:acronym",
            Origin::SurnameRule => "rule:surname",
            Origin::FirstNameRule => "rule:first-name",
        }
    }
}

/// One place in the text that names an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where, in bytes.
    pub span: Span,
    /// Index into [`Extraction::entities`].
    pub entity: usize,
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
}

/// Collects a document's entities and mentions while the stages run. Mentions are kept ordered by start and
/// never overlapping ([`MentionSet`]), so that rules can add and look up mentions anywhere in logarithmic time.
pub(crate) struct DocBuilder<'t> {
    pub text: &'t str,
    pub entities: Vec<Arc<Entity>>,
    mentions: MentionSet,
    by_id: HashMap<String, usize>,
    /// Gazetteer entity index -> local index, for the entities already met through [`DocBuilder::gazetteer_entity`].
    by_gazetteer_index: HashMap<usize, usize>,
}

impl<'t> DocBuilder<'t> {
    pub fn new(text: &'t str) -> DocBuilder<'t> {
        DocBuilder {
            text,
            entities: Vec::new(),
            mentions: MentionSet::new(),
            by_id: HashMap::default(),
            by_gazetteer_index: HashMap::default(),
        }
    }

    /// [`DocBuilder::entity`] for entity `index` of the gazetteers, remembered by index: once an entity has
    /// been met, meeting it again changes nothing, so the id need not be hashed again.
    pub fn gazetteer_entity(&mut self, index: usize, entity: &Arc<Entity>) -> usize {
        if let Some(&local) = self.by_gazetteer_index.get(&index) {
            return local;
        }
        let local = self.entity(entity);
        self.by_gazetteer_index.insert(index, local);
        local
    }

    /// The local index of `entity`, adding it when it is new to the document. An entity met again under the
    /// same id keeps its first description, but gains a role or country it lacked.
    pub fn entity(&mut self, entity: &Arc<Entity>) -> usize {
        if let Some(&i) = self.by_id.get(&entity.id) {
            let known = &self.entities[i];
            if (known.role.is_empty() && !entity.role.is_empty())
                || (known.country.is_empty() && !entity.country.is_empty())
            {
                let mut merged = (**known).clone();
                if merged.role.is_empty() {
                    merged.role.clone_from(&entity.role);
                }
                if merged.country.is_empty() {
                    merged.country.clone_from(&entity.country);
                }
                self.entities[i] = Arc::new(merged);
            }
            return i;
        }
        self.by_id.insert(entity.id.clone(), self.entities.len());
        self.entities.push(Arc::clone(entity));
        self.entities.len() - 1
    }

    /// Adds a mention unless it overlaps one already there.
    pub fn add(&mut self, span: Span, entity: usize, form: Form, origin: Origin) -> bool {
        if span.is_empty() || self.overlapping(span).next().is_some() {
            return false;
        }
        let mention_type = MentionType::of(self.entities[entity].entity_type, form);
        self.mentions.insert(Mention { span, entity, mention_type, form, origin, sentence: 0 });
        true
    }

    /// Adds a mention that replaces the mentions lying inside `span`; refused (false) when a mention overlaps
    /// `span` without lying inside it.
    pub fn add_covering(&mut self, span: Span, entity: usize, form: Form, origin: Origin) -> bool {
        if self.overlapping(span).any(|m| !span.contains(m.span)) {
            return false;
        }
        // every overlapping mention lies inside `span`, so they are the ones starting in it
        self.mentions.remove_starting_in(span.start, span.end);
        self.add(span, entity, form, origin)
    }

    /// Removes the mention starting at byte `start`, if any.
    pub fn remove(&mut self, start: usize) {
        self.mentions.remove(start);
    }

    /// Mentions overlapping `span`, in order.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &Mention> {
        // the mention starting before `span` may reach into it; the rest start inside it
        let before = self.mentions.last_starting_before(span.start).filter(|m| m.span.end > span.start);
        before.into_iter().chain(self.mentions.starting_in(span.start, span.end))
    }

    /// All mentions, in order.
    pub fn mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter()
    }

    /// The mentions, in order, for the finished extraction.
    pub fn into_parts(self) -> (Vec<Arc<Entity>>, Vec<Mention>) {
        (self.entities, self.mentions.into_vec())
    }

    /// The mention that ends exactly at byte `end`, if any.
    pub fn ending_at(&self, end: usize) -> Option<&Mention> {
        self.mentions.last_starting_before(end).filter(|m| m.span.end == end)
    }

    /// The mention that starts exactly at byte `start`, if any.
    pub fn starting_at(&self, start: usize) -> Option<&Mention> {
        self.mentions.get(start)
    }

    /// The entity of a mention.
    pub fn entity_of(&self, m: &Mention) -> &Entity {
        &self.entities[m.entity]
    }

    /// The country id a mention points to: a country itself, a demonym's country, or an entity's country.
    pub fn country_of(&self, m: &Mention) -> Option<String> {
        let e = self.entity_of(m);
        if e.entity_type == EntityType::Country {
            Some(e.id.clone())
        } else if !e.country.is_empty() {
            Some(e.country.clone())
        } else {
            None
        }
    }
}
