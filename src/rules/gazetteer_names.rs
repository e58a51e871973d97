//! The dictionary's matches as mentions: each alias the scan chose names its gazetteer entity (a demonym its
//! country).

use crate::extraction::Origin;
use crate::matcher::Hit;
use crate::pipeline::{DocBuilder, DocContext};

use super::{EntityRule, Examples, Unit};

/// Gazetteer aliases become mentions of their entities.
pub(crate) struct GazetteerNames;

impl Unit for GazetteerNames {
    fn name(&self) -> &'static str {
        "gazetteer names"
    }

    fn doc(&self) -> &'static str {
        "every alias the dictionary scan chose is a mention of its gazetteer entity"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[("Tehran would never intimidate Baku.", "Baku"), ("Iranian officials said so.", "Iranian")],
            no_match: &["The Iranianist spoke of Bakunin."],
        }
    }
}

impl EntityRule for GazetteerNames {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let g = cx.gazetteers;
        for found in &cx.scan.aliases {
            let Hit::Alias(i) = found.hit else { continue };
            let alias = &g.aliases[i];
            let entity = doc.gazetteer_entity(alias.entity, &g.entities[alias.entity]);
            doc.add(found.span, entity, alias.form, Origin::Gazetteer);
        }
    }
}
