//! A ministry named without its country ("the Foreign Ministry") takes the country the article is about at that
//! point, when one is clear: the first country its sentence names before it ("Azerbaijan quickly responded ...,
//! according to a statement by the Foreign Ministry"), else the one country the nearest of the two sentences
//! before names (a sentence naming two countries makes none clear). It then has the canonical name of that
//! country's ministry ("Foreign Ministry of Azerbaijan"), the one other spellings get. Capitals and demonyms
//! do not count: "the Iranian threats" are not what the sentence is about. With no clear country the ministry
//! keeps its words.

use std::sync::Arc;

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::{Entity, Form};
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::{EntityRule, Examples, Unit, slug};

/// The `source` of ministries given their country this way.
pub(crate) const SOURCE: &str = "rule:ministry-country";

/// How many sentences back a clear country may stand.
const REACH_SENTENCES: usize = 2;

/// Ministries without a country take the article's country at that point.
pub(crate) struct MinistryCountry;

impl Unit for MinistryCountry {
    fn name(&self) -> &'static str {
        "ministry country"
    }

    fn doc(&self) -> &'static str {
        "a ministry named without its country takes the country its sentence (or the one before) is about"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Iran protested on Monday, according to a statement by the Foreign Ministry.", "Foreign Ministry"),
                ("Iran protested on Monday. The Foreign Ministry said more.", "Foreign Ministry"),
            ],
            no_match: &[
                "The Foreign Ministry said more.",
                "Iran and Armenia met on Monday. The Foreign Ministry said more.",
                "The Iranian Foreign Ministry said more.",
            ],
        }
    }
}

impl EntityRule for MinistryCountry {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let lonely: Vec<(Span, usize)> = doc
            .mentions()
            .filter(|m| {
                let e = doc.entity_of(m);
                e.subtype == "ministry" && e.country.is_empty() && m.mention_type == MentionType::Organization
            })
            .map(|m| (m.span, m.sentence))
            .collect();
        for (span, sentence) in lonely {
            let Some(country) = clear_country(doc, span, sentence) else { continue };
            let known = doc.entity_at(doc.starting_at(span.start).expect("the ministry's mention").entity).clone();
            let name = format!("{} of {}", known.name, cx.gazetteers.country_name(&country));
            let entity =
                Entity { id: format!("rule:org:{}", slug(&name)), name, country, source: SOURCE.to_owned(), ..known };
            let e = doc.entity(&Arc::new(entity));
            doc.remove(span.start);
            doc.add(span, e, Form::Name, Origin::Rule(SOURCE));
        }
    }
}

/// The country (id) the text is about at the ministry at `span`, in sentence `sentence`, when one is clear.
fn clear_country(doc: &DocBuilder<'_>, span: Span, sentence: usize) -> Option<String> {
    let country_of =
        |m: &crate::extraction::Mention| (m.mention_type == MentionType::Country).then(|| doc.entity_of(m).id.clone());
    // the first country of its sentence, before it
    let in_sentence = doc.mentions().filter(|m| m.sentence == sentence && m.span.end <= span.start);
    if let Some(c) = in_sentence.filter_map(country_of).next() {
        return Some(c);
    }
    for back in 1..=REACH_SENTENCES.min(sentence) {
        let countries: Vec<String> =
            doc.mentions().filter(|m| m.sentence == sentence - back).filter_map(country_of).collect();
        if let Some(first) = countries.first() {
            return countries.iter().all(|c| c == first).then(|| first.clone());
        }
    }
    None
}
