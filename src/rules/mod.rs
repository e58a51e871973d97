//! Entity rules: the units that turn the dictionary's matches into a document's mentions and entities, and add
//! the ones no gazetteer lists (officials by their titles, organizations by their shape, people by their first
//! names, surnames and acronyms standing for names seen in the same document).
//!
//! Each rule is an [`EntityRule`]: a name, a one-line doc, example sentences it must and must not act on, and
//! `apply`. [`registry`] lists them in the order they run, which is their precedence: a mention a rule adds
//! cannot be overlapped by a later rule's (only widened by it, where the rule says so). Every registered rule's
//! examples run as tests against a small fixed gazetteer (`tests/fixtures/unit-gazetteer/`).
//!
//! A new rule is a new file with a type implementing [`EntityRule`] and one line in [`registry`].

pub(crate) mod acronyms;
pub(crate) mod credits;
pub(crate) mod cue_names;
pub(crate) mod first_names;
pub(crate) mod gazetteer_names;
pub(crate) mod ministry_country;
pub(crate) mod name_starts;
pub(crate) mod names;
pub(crate) mod org_shape;
pub(crate) mod people;
pub(crate) mod sports;
pub(crate) mod sports_context;
pub(crate) mod sports_people;
pub(crate) mod surnames;
pub(crate) mod titles;
pub(crate) mod word_lookup;

use crate::gazetteer::Gazetteers;
use crate::pipeline::{DocBuilder, DocContext};

/// What every entity rule and attribution pattern says of itself: a name, what it does, and examples that
/// run as tests.
pub(crate) trait Unit {
    /// A short name ("titles", "after-quote").
    fn name(&self) -> &'static str;
    /// What it does, in one line.
    fn doc(&self) -> &'static str;
    /// Sentences it must act on (with the text it finds there: a mention it adds, changes or removes, or a
    /// speaker), and sentences where it must do nothing.
    fn examples(&self) -> Examples;
}

/// One entity rule of the pipeline (see the module docs).
pub(crate) trait EntityRule: Unit + Send + Sync {
    /// Runs the rule on one document.
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>);
}

/// The examples of a rule or pattern.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Examples {
    /// (sentence, the text the rule or pattern finds in it).
    pub matches: &'static [(&'static str, &'static str)],
    /// Sentences the rule or pattern must not act on.
    pub no_match: &'static [&'static str],
}

/// The entity rules, in the order they run (their precedence).
pub(crate) fn registry(g: &Gazetteers) -> Vec<Box<dyn EntityRule>> {
    // the name shape is one regex for the rules that read names
    let names = std::sync::Arc::new(names::NameShape::new(&g.lexicon));
    vec![
        Box::new(gazetteer_names::GazetteerNames),
        Box::new(sports::Sports::new(g)),
        Box::new(org_shape::OrgShape::new(g)),
        Box::new(ministry_country::MinistryCountry),
        Box::new(acronyms::AcronymDefinitions),
        Box::new(credits::Credits::new(names.clone(), &g.lexicon)),
        Box::new(name_starts::NameStarts),
        Box::new(titles::Titles::new(g, names.clone())),
        Box::new(sports_people::SportsPeople::new(g, names.clone())),
        Box::new(first_names::FirstNames::new(g, names.clone())),
        Box::new(cue_names::CueNames::new(g, names)),
        Box::new(surnames::Surnames::new(g)),
        Box::new(acronyms::AcronymUses),
    ]
}

/// Lower-case ASCII slug of a name for rule-made entity ids: "Nasser Kanaani" -> "nasser-kanaani".
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Extractor;
    use crate::{Document, Extraction};

    #[test]
    fn slugs() {
        assert_eq!(slug("Nasser Kanaani"), "nasser-kanaani");
        assert_eq!(slug("Foreign Ministry of Iran"), "foreign-ministry-of-iran");
        assert_eq!(slug("  Zarif-Khonsari, M. "), "zarif-khonsari-m");
    }

    /// A mention as the examples compare it: text, start, entity id, type, form, source.
    type Seen = (String, usize, String, String, &'static str, &'static str);

    fn mentions(x: &Extraction, text: &str) -> Vec<Seen> {
        x.mentions
            .iter()
            .map(|m| {
                let e = &x.entities[m.entity];
                let (form, source) = (m.form.as_str(), m.origin.rule_name());
                (m.span.text(text).to_owned(), m.span.start, e.id.clone(), m.mention_type.to_string(), form, source)
            })
            .collect()
    }

    /// Every registered rule acts on its examples: a sentence it must match has a mention with the example's text
    /// that differs (added, changed or gone) from the extraction without the rule; a sentence it must not match
    /// gives the same mentions with and without it.
    #[test]
    fn every_rule_acts_on_its_examples_and_on_nothing_else() {
        let g = crate::pipeline::unit_gazetteer();
        let all = Extractor::new(g.clone()).unwrap();
        let names: Vec<&str> = registry(&g).iter().map(|r| r.name()).collect();
        assert_eq!(names.len(), 13, "{names:?}");
        for (n, rule) in registry(&g).iter().enumerate() {
            let without = Extractor::with_rules(g.clone(), |i, _| i != n).unwrap();
            let examples = rule.examples();
            assert!(examples.matches.len() >= 2 && !examples.no_match.is_empty(), "{}: too few examples", rule.name());
            assert!(!rule.doc().is_empty());
            for &(sentence, found) in examples.matches {
                let doc = Document::new("t", sentence);
                let (with, no) = (mentions(&all.extract(&doc), sentence), mentions(&without.extract(&doc), sentence));
                let differs = |a: &[Seen], b: &[Seen]| a.iter().any(|m| m.0 == found && !b.contains(m));
                assert!(
                    differs(&with, &no) || differs(&no, &with),
                    "{}: does not act on {found:?} in {sentence:?}\nwith: {with:?}\nwithout: {no:?}",
                    rule.name()
                );
            }
            for &sentence in examples.no_match {
                let doc = Document::new("t", sentence);
                let (with, no) = (mentions(&all.extract(&doc), sentence), mentions(&without.extract(&doc), sentence));
                assert_eq!(with, no, "{}: acts on {sentence:?}", rule.name());
            }
        }
    }
}
