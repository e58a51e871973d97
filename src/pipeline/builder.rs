//! [`DocBuilder`]: the mutable side of one document's extraction. The entity rules add, widen and remove
//! mentions and entities here, and leave what a later rule needs (acronyms defined in the text, people named by
//! one word) instead of passing it to each other by hand.

use std::sync::Arc;

use foldhash::HashMap;

use crate::extraction::{EntityRef, Mention, MentionType, Origin};
use crate::gazetteer::{Date, Entity, EntityId, EntityType, Form};
use crate::mention_set::MentionSet;
use crate::span::Span;

use super::DocContext;

/// A person named by a single word ("President Trump"), waiting for the document's full names.
pub(crate) struct PendingPerson {
    /// The word.
    pub span: Span,
    /// The person as the rule saw it (role and country from the title).
    pub entity: Entity,
    /// The rule that found it.
    pub origin: Origin,
}

/// Collects a document's entities and mentions while the rules run. Mentions are kept ordered by start and
/// never overlapping ([`MentionSet`]), so that rules can add and look up mentions anywhere in logarithmic time;
/// each gets its sentence index when it is added.
pub(crate) struct DocBuilder<'t> {
    pub text: &'t str,
    sentences: &'t [Span],
    entities: Vec<Arc<Entity>>,
    mentions: MentionSet,
    by_id: HashMap<String, EntityRef>,
    /// Gazetteer entity -> document entity, for the entities already met through [`DocBuilder::gazetteer_entity`].
    by_gazetteer_id: HashMap<EntityId, EntityRef>,
    /// Acronyms defined in the text ("Joint Operations Command, or JJOC") and their entities.
    pub acronyms: Vec<(String, EntityRef)>,
    /// People named by one word, resolved against the full names once every name is known.
    pub pending: Vec<PendingPerson>,
    /// The document's date: entities of the gazetteers take the offices held that day.
    date: Option<Date>,
    /// Entities whose role is a title the text gives (the first one it gives).
    titled: Vec<EntityRef>,
}

impl<'t> DocBuilder<'t> {
    pub fn new(cx: &DocContext<'t>) -> DocBuilder<'t> {
        DocBuilder {
            text: cx.text,
            sentences: &cx.layer.sentences,
            entities: Vec::new(),
            mentions: MentionSet::new(),
            by_id: HashMap::default(),
            by_gazetteer_id: HashMap::default(),
            acronyms: Vec::new(),
            pending: Vec::new(),
            date: cx.date,
            titled: Vec::new(),
        }
    }

    /// [`DocBuilder::entity`] for entity `id` of the gazetteers, remembered by id: once an entity has been met,
    /// meeting it again changes nothing, so its id string need not be hashed again.
    pub fn gazetteer_entity(&mut self, id: EntityId, entity: &Arc<Entity>) -> EntityRef {
        if let Some(&local) = self.by_gazetteer_id.get(&id) {
            return local;
        }
        let local = self.entity(entity);
        self.by_gazetteer_id.insert(id, local);
        local
    }

    /// The document's reference to `entity`, adding it when it is new to the document: an entity of the
    /// gazetteers with offices as of the document's date ([`Entity::as_of`]), one a rule made with the date of
    /// its role. An entity met again under the same id keeps its first description, but gains a role or country
    /// it lacked.
    pub fn entity(&mut self, entity: &Arc<Entity>) -> EntityRef {
        if let Some(&known) = self.by_id.get(&entity.id) {
            self.enrich(known, &entity.role, &entity.country);
            return known;
        }
        let reference = EntityRef::new(self.entities.len());
        self.by_id.insert(entity.id.clone(), reference);
        let dated = match self.date {
            Some(date) if !entity.offices.is_empty() => entity.as_of(date).map(Arc::new),
            Some(date) if !entity.role.is_empty() && entity.role_date.is_none() => {
                Some(Arc::new(Entity { role_date: Some(date), ..(**entity).clone() }))
            }
            _ => None,
        };
        self.entities.push(dated.unwrap_or_else(|| Arc::clone(entity)));
        reference
    }

    /// Gives entity `e` a role and a country where it has none (an official named again with a title).
    pub fn enrich(&mut self, e: EntityRef, role: &str, country: &str) {
        let known = &self.entities[e.as_usize()];
        let adds_role = known.role.is_empty() && !role.is_empty();
        let adds_country = known.country.is_empty() && !country.is_empty();
        if !(adds_role || adds_country) {
            return;
        }
        let mut enriched = (**known).clone();
        if adds_role {
            enriched.role = role.to_owned();
            enriched.role_date = self.date;
        }
        if adds_country {
            enriched.country = country.to_owned();
        }
        self.entities[e.as_usize()] = Arc::new(enriched);
    }

    /// The text names entity `e` with a title (`role`, as written: "Minister of Defense"): that is its role, as
    /// of the document's date, and the role the gazetteers list for it is kept in `role_listed` when it differs.
    /// The first title the text gives wins; `country` fills a missing country.
    pub fn titled(&mut self, e: EntityRef, role: &str, country: &str) {
        let known = &self.entities[e.as_usize()];
        // a rule's entity has the title it was found with
        let from_text = known.offices.is_empty() && !known.role.is_empty();
        if role.is_empty() || from_text || self.titled.contains(&e) {
            self.enrich(e, "", country);
            return;
        }
        self.titled.push(e);
        let mut titled = (**known).clone();
        if !known.role.is_empty() && !known.role.eq_ignore_ascii_case(role) {
            titled.role_listed = known.role.clone();
        }
        titled.role = role.to_owned();
        titled.role_date = self.date;
        if titled.country.is_empty() {
            titled.country = country.to_owned();
        }
        self.entities[e.as_usize()] = Arc::new(titled);
    }

    /// Adds a mention unless it overlaps one already there.
    pub fn add(&mut self, span: Span, entity: EntityRef, form: Form, origin: Origin) -> bool {
        if span.is_empty() || self.overlapping(span).next().is_some() {
            return false;
        }
        let mention_type = MentionType::of(self.entities[entity.as_usize()].entity_type, form);
        let sentence = crate::text::segment::sentence_index(self.sentences, span.start);
        self.mentions.insert(Mention { span, entity, mention_type, form, origin, sentence });
        true
    }

    /// Adds a mention that replaces the mentions lying inside `span`; refused (false) when a mention overlaps
    /// `span` without lying inside it.
    pub fn add_covering(&mut self, span: Span, entity: EntityRef, form: Form, origin: Origin) -> bool {
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

    /// The entities and mentions (in order), for the finished extraction.
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

    /// An entity of the document.
    pub fn entity_at(&self, e: EntityRef) -> &Entity {
        &self.entities[e.as_usize()]
    }

    /// The entity of a mention.
    pub fn entity_of(&self, m: &Mention) -> &Entity {
        self.entity_at(m.entity)
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
