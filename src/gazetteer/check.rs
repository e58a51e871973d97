//! `whosaid gazetteer check`: bad rows, duplicate ids, `country` values that are no country id, and aliases
//! shared by two entities.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::{Diagnostic, EntityType, Gazetteers};

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
    let mut diagnostics = g.diagnostics.clone();
    diagnostics.extend(unknown_countries(g));
    CheckReport {
        diagnostics,
        ambiguities,
        counts: (g.entities.len(), g.aliases.len(), g.titles.len(), g.keywords.len()),
    }
}

/// The ids of the countries a `country` column may name: those of `g` and of the embedded defaults (which a run
/// loads unless told not to), each with its names and aliases in lower case, for suggestions.
fn known_countries(g: &Gazetteers) -> (HashMap<String, ()>, HashMap<String, String>) {
    let mut defaults = Gazetteers::default();
    for (name, text) in super::embedded::FILES.iter().filter(|(name, _)| *name == "countries.tsv") {
        defaults.add_text(&format!("default:{name}"), text);
    }
    let (mut ids, mut by_name) = (HashMap::new(), HashMap::new());
    for source in [g, &defaults] {
        for e in source.entities.iter().filter(|e| e.entity_type == EntityType::Country) {
            ids.insert(e.id.clone(), ());
        }
        for alias in &source.aliases {
            let e = &source.entities[alias.entity];
            if e.entity_type == EntityType::Country {
                by_name.entry(alias.text.to_lowercase()).or_insert_with(|| e.id.clone());
            }
        }
    }
    (ids, by_name)
}

/// An error for each office (gazetteer row) whose `country` is no country id, naming the id it may have meant.
fn unknown_countries(g: &Gazetteers) -> Vec<Diagnostic> {
    let (ids, by_name) = known_countries(g);
    let mut found = Vec::new();
    for e in &g.entities {
        for office in e.offices.iter().filter(|o| !o.country.is_empty() && !ids.contains_key(&o.country)) {
            let Some((file, line)) = office.source.rsplit_once(':').and_then(|(f, l)| Some((f, l.parse().ok()?)))
            else {
                continue;
            };
            let hint = match by_name.get(&office.country.to_lowercase()) {
                Some(id) => format!("; did you mean {id:?}?"),
                None => String::new(),
            };
            found.push(Diagnostic::error(
                file,
                line,
                None,
                format!(
                    "country {:?} of {:?} is no country id (the id of a COUNTRY row, here or in the defaults){hint}",
                    office.country, e.id
                ),
            ));
        }
    }
    found
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

    #[test]
    fn country_values_must_be_country_ids() {
        let mut g = Gazetteers::new();
        g.add_text(
            "p.tsv",
            "id\tname\ttype\tcountry\nx1\tChisinau\tLOCATION\tMoldova\nx2\tNowhere\tLOCATION\tXX\n\
             x3\tBaku\tLOCATION\tAZ\nMY\tMyland\tCOUNTRY\t\nx4\tMytown\tLOCATION\tMY\n",
        );
        let report = check(&g);
        let errors: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            errors,
            [
                "p.tsv:2: error: country \"Moldova\" of \"x1\" is no country id (the id of a COUNTRY row, here or in \
                 the defaults); did you mean \"MD\"?",
                "p.tsv:3: error: country \"XX\" of \"x2\" is no country id (the id of a COUNTRY row, here or in the \
                 defaults)",
            ]
        );
        assert!(report.has_errors());
    }
}
