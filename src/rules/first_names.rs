//! People named by a known first name (`first_name` rows of the keyword gazetteers) and at least one more name
//! word ("Hillary Clinton", "Nasser Kanaani"), where no mention stands yet; the name stops before any other
//! mention ("George Washington University" gives none). A first name followed by exactly one word that the
//! gazetteers know as a country or place ("Neil Jordan") is a person, whose surname that word is.

use std::sync::Arc;

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::Form;
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::names::NameShape;
use super::people::{add_person, person_name, rule_person};
use super::{EntityRule, Examples, Unit};

/// The `source` of the people this rule finds.
pub(crate) const SOURCE: &str = "rule:first-name";

/// People by their first names.
pub(crate) struct FirstNames {
    names: Arc<NameShape>,
}

impl FirstNames {
    pub fn new(names: Arc<NameShape>) -> FirstNames {
        FirstNames { names }
    }
}

impl Unit for FirstNames {
    fn name(&self) -> &'static str {
        "first names"
    }

    fn doc(&self) -> &'static str {
        "a known first name followed by capitalised name words is a person"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Yesterday Nasser Kanaani said so.", "Nasser Kanaani"),
                ("The director Neil Jordan spoke.", "Neil Jordan"),
            ],
            no_match: &["Nasser said so.", "She met Leila in Tehran."],
        }
    }
}

impl EntityRule for FirstNames {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        for &first in &cx.scan.first_names {
            if doc.overlapping(first).next().is_some() {
                continue;
            }
            let Some(shape) = self.names.at(doc.text, first.start, cx.lexicon) else { continue };
            if let Some(name) = surname_is_a_place(doc, first, shape) {
                let entity =
                    rule_person(name.text(doc.text).to_owned(), String::new(), String::new(), "", Origin::Rule(SOURCE));
                let index = doc.entity(&Arc::new(entity));
                doc.add_covering(name, index, Form::Name, Origin::Rule(SOURCE));
                continue;
            }
            let Some(name) = person_name(doc, shape) else { continue };
            if name.end <= first.end || NameShape::tokens(name.text(doc.text)) < 2 {
                continue;
            }
            add_person(doc, name, String::new(), String::new(), "", Origin::Rule(SOURCE));
        }
    }
}

/// "Neil Jordan", "Paris Hilton"... no: a first name and then exactly one name word that the gazetteers know as
/// a country or place ("Jordan"), ending the name (`name`, the name shape at the first name): the place word is
/// the person's surname.
fn surname_is_a_place(doc: &DocBuilder<'_>, first: Span, name: Span) -> Option<Span> {
    let place = doc.starting_at(first.end + 1)?;
    let is_place = matches!(place.mention_type, MentionType::Country | MentionType::Location);
    (is_place && place.span.end == name.end && NameShape::tokens(name.text(doc.text)) == 2).then_some(name)
}
