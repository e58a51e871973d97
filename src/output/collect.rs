//! Rows kept in memory for the formats written at the end of a run (workbook, review page).

use std::borrow::Cow;

use super::rows::{EntityRow, MentionRow, QuoteRow};

/// One document with its rows.
pub struct CollectedDoc {
    /// Document id.
    pub id: String,
    /// Its text (for the review page).
    pub text: String,
    /// Its mention rows.
    pub mentions: Vec<MentionRow<'static>>,
    /// Its quote rows.
    pub quotes: Vec<QuoteRow<'static>>,
}

/// Everything a run produced.
#[derive(Default)]
pub struct Collected {
    /// Documents, in input order.
    pub docs: Vec<CollectedDoc>,
    /// Entity rows, most mentioned first.
    pub entities: Vec<EntityRow<'static>>,
}

fn owned(c: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(c.into_owned())
}

impl MentionRow<'_> {
    /// The row with its text owned.
    pub fn into_owned(self) -> MentionRow<'static> {
        MentionRow {
            doc_id: owned(self.doc_id),
            start: self.start,
            end: self.end,
            text: owned(self.text),
            entity_id: owned(self.entity_id),
            entity: owned(self.entity),
            mention_type: owned(self.mention_type),
            subtype: owned(self.subtype),
            role: owned(self.role),
            country: owned(self.country),
            form: owned(self.form),
            source: owned(self.source),
            sentence: self.sentence,
        }
    }
}

impl QuoteRow<'_> {
    /// The row with its text owned.
    pub fn into_owned(self) -> QuoteRow<'static> {
        QuoteRow {
            doc_id: owned(self.doc_id),
            quote_id: self.quote_id,
            kind: owned(self.kind),
            quote_start: self.quote_start,
            quote_end: self.quote_end,
            quote: owned(self.quote),
            speaker: owned(self.speaker),
            speaker_entity_id: owned(self.speaker_entity_id),
            speaker_type: owned(self.speaker_type),
            speaker_role: owned(self.speaker_role),
            speaker_country: owned(self.speaker_country),
            speaker_mention: owned(self.speaker_mention),
            speaker_start: self.speaker_start,
            speaker_end: self.speaker_end,
            cue: owned(self.cue),
            cue_start: self.cue_start,
            cue_end: self.cue_end,
            method: owned(self.method),
            confidence: self.confidence,
        }
    }
}

impl EntityRow<'_> {
    /// The row with its text owned.
    pub fn into_owned(self) -> EntityRow<'static> {
        EntityRow {
            entity_id: owned(self.entity_id),
            entity: owned(self.entity),
            entity_type: owned(self.entity_type),
            subtype: owned(self.subtype),
            role: owned(self.role),
            country: owned(self.country),
            mentions: self.mentions,
            documents: self.documents,
            aliases_seen: self.aliases_seen,
            source: owned(self.source),
        }
    }
}
