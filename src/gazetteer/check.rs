//! `whosaid gazetteer check`: bad rows, duplicate ids and aliases shared by two entities.

use std::collections::BTreeMap;
use std::fmt;

use super::{Diagnostic, Gazetteers};

/// An entity sharing an ambiguous alias: (id, name, source).
pub type NamedEntity = (String, String, String);

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Bad rows and duplicate ids (from loading), in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Surface forms that name more than one entity: `(alias, [(entity id, entity name, source)])`.
    pub ambiguities: Vec<(String, Vec<NamedEntity>)>,
    /// Number of entities, aliases, titles, keywords loaded.
    pub counts: (usize, usize, usize, usize),
}

impl CheckReport {
    /// True when some row is unusable (an error, not only a warning).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.is_error)
    }
}

/// Checks loaded gazetteers.
pub fn check(g: &Gazetteers) -> CheckReport {
    let mut by_text: BTreeMap<&str, Vec<super::EntityId>> = BTreeMap::new();
    for alias in &g.aliases {
        let entities = by_text.entry(alias.text.as_str()).or_default();
        if !entities.contains(&alias.entity) {
            entities.push(alias.entity);
        }
    }
    let ambiguities = by_text
        .into_iter()
        .filter(|(_, entities)| entities.len() > 1)
        .map(|(text, entities)| {
            let named = entities
                .iter()
                .map(|&i| {
                    let e = &g.entities[i];
                    (e.id.clone(), e.name.clone(), e.source.clone())
                })
                .collect();
            (text.to_owned(), named)
        })
        .collect();
    CheckReport {
        diagnostics: g.diagnostics.clone(),
        ambiguities,
        counts: (g.entities.len(), g.aliases.len(), g.titles.len(), g.keywords.len()),
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        for (alias, entities) in &self.ambiguities {
            let list: Vec<String> =
                entities.iter().map(|(id, name, source)| format!("{id} {name:?} ({source})")).collect();
            writeln!(f, "ambiguous alias {alias:?}: {}", list.join(", "))?;
        }
        let errors = self.diagnostics.iter().filter(|d| d.is_error).count();
        let warnings = self.diagnostics.len() - errors;
        let (entities, aliases, titles, keywords) = self.counts;
        writeln!(
            f,
            "{entities} entities, {aliases} aliases, {titles} titles, {keywords} keywords; \
             {errors} errors, {warnings} warnings, {} ambiguous aliases",
            self.ambiguities.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_alias_is_reported_once_with_both_entities() {
        let mut g = Gazetteers::new();
        g.add_text("a.tsv", "id\tname\ttype\taliases\nGE\tGeorgia\tCOUNTRY\t\nus-ga\tGeorgia\tLOCATION\tGa.\n");
        let report = check(&g);
        assert!(!report.has_errors());
        assert_eq!(report.ambiguities.len(), 1);
        assert_eq!(report.ambiguities[0].0, "Georgia");
        let text = report.to_string();
        assert!(
            text.contains("ambiguous alias \"Georgia\": GE \"Georgia\" (a.tsv:2), us-ga \"Georgia\" (a.tsv:3)"),
            "{text}"
        );
        assert!(
            text.ends_with("2 entities, 3 aliases, 0 titles, 0 keywords; 0 errors, 0 warnings, 1 ambiguous aliases\n")
        );
    }
}
