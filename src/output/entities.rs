//! The entity table of a run: every entity mentioned, tallied over all documents (mentions, documents, the
//! texts that named it), written at the end, most mentioned first.

use std::collections::BTreeSet;

use foldhash::HashMap;
use std::sync::Arc;

use crate::extraction::Extraction;
use crate::gazetteer::Entity;
use crate::pipeline::Extractor;

use super::rows::{EntityRow, country_column};

/// How recent the role of a document's entity is: a role for no date (the latest office listed) after any
/// dated one, then by date.
fn role_recency(e: &Entity) -> (bool, Option<crate::gazetteer::Date>) {
    (e.role_date.is_none(), e.role_date)
}

/// Counts entities over all documents for `entities.csv`. An entity's row shows its description in the
/// document whose role is the most recent: a document without a date (its roles are the latest offices listed)
/// counts as the most recent, then the latest `role_date`; among equals, the first document; a document that
/// gives no role never replaces one that does.
#[derive(Default)]
pub struct EntityTable {
    order: Vec<String>,
    by_id: HashMap<String, EntityTally>,
}

struct EntityTally {
    entity: Arc<Entity>,
    /// The last document that mentioned it (parts of one large document count once).
    last_doc: String,
    mentions: usize,
    documents: usize,
    aliases: Vec<String>,
    seen: BTreeSet<String>,
    /// Its gender, from the most reliable source of any document (honorific, then data, then pronoun).
    gender: crate::gender::GenderOf,
}

impl EntityTable {
    /// Adds one document's mentions.
    pub fn add(&mut self, doc_id: &str, text: &str, x: &Extraction) {
        for m in &x.mentions {
            let e = &x.entities[m.entity];
            let tally = self.by_id.entry(e.id.clone()).or_insert_with(|| {
                self.order.push(e.id.clone());
                EntityTally {
                    entity: Arc::clone(e),
                    last_doc: String::new(),
                    mentions: 0,
                    documents: 0,
                    aliases: Vec::new(),
                    seen: BTreeSet::new(),
                    gender: None,
                }
            });
            if let Some(g) = x.genders.get(m.entity.as_usize()).copied().flatten()
                && tally.gender.is_none_or(|(_, s)| g.1 < s)
            {
                tally.gender = Some(g);
            }
            // a rule entity may gain a role or country in a later document; a role for a later date wins
            if (tally.entity.role.is_empty() && !e.role.is_empty())
                || (tally.entity.country.is_empty() && !e.country.is_empty())
                || (!e.role.is_empty() && role_recency(e) > role_recency(&tally.entity))
            {
                tally.entity = Arc::clone(e);
            }
            tally.mentions += 1;
            if tally.documents == 0 || tally.last_doc != doc_id {
                tally.last_doc.clear();
                tally.last_doc.push_str(doc_id);
                tally.documents += 1;
            }
            let surface = m.span.text(text);
            if !tally.seen.contains(surface) {
                tally.seen.insert(surface.to_owned());
                tally.aliases.push(surface.to_owned());
            }
        }
    }

    /// Number of distinct entities.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no entity was seen.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The rows, most mentioned first (ties: first seen first).
    pub fn rows<'a>(&'a self, extractor: &'a Extractor) -> impl Iterator<Item = EntityRow<'a>> + 'a {
        let mut order: Vec<(usize, &EntityTally)> =
            self.order.iter().enumerate().map(|(i, id)| (i, &self.by_id[id])).collect();
        order.sort_by_key(|(i, t)| (std::cmp::Reverse(t.mentions), *i));
        order.into_iter().map(move |(_, t)| {
            let e = &t.entity;
            EntityRow {
                entity_id: &e.id,
                entity: &e.name,
                entity_type: e.entity_type.as_str(),
                subtype: &e.subtype,
                role: &e.role,
                role_date: e.role_date.map_or_else(String::new, |d| d.to_string()),
                role_listed: &e.role_listed,
                country: country_column(extractor, e),
                gender: t.gender.map_or("", |(g, _)| g.as_str()),
                gender_source: t.gender.map_or("", |(_, s)| s.as_str()),
                mentions: t.mentions,
                documents: t.documents,
                aliases_seen: t.aliases.join("|"),
                source: &e.source,
            }
        })
    }
}
