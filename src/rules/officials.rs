//! Officials found through their titles, whether or not a gazetteer knows them.
//!
//! - Title then name: "US Defense Secretary Pete Hegseth", "President Donald Trump", "the Azeri Minister of
//!   Defense, General Zakir Hasanov", "Iranian commander of the ground forces, Kioumars Heydari". Words just
//!   before the title give the country (a country, a demonym, a possessive "Japan's", or an organization with
//!   a country: "Iranian Foreign Ministry spokesman") and role prefixes (Deputy, former, ...).
//! - Apposition: "Ayhan Hajizadeh, an official of the Ministry of Foreign Affairs of Azerbaijan": the country is
//!   the organization's or the country's after `of`/`for`/`at`.
//!
//! A one-word name ("President Trump") is resolved later against the document's full names (see
//! [`super::surnames`]).

use std::sync::Arc;

use regex::Regex;

use crate::extraction::{DocBuilder, MentionType, Origin};
use crate::gazetteer::{Entity, EntityType, Form, Gazetteers, TitleKind};
use crate::matcher::{Found, Hit};
use crate::span::Span;

use super::names::NameShape;
use super::slug;
use crate::text::words::{before_possessive, skip_spaces_back, word_ending_at};

/// Words before a title that belong to the role ("Deputy Foreign Minister", "former President").
const ROLE_PREFIXES: &[&str] = &[
    "Deputy",
    "deputy",
    "Acting",
    "acting",
    "Vice",
    "Assistant",
    "assistant",
    "Under",
    "Senior",
    "senior",
    "Chief",
    "chief",
    "former",
    "Former",
    "Interim",
    "interim",
    "top",
    "Top",
];

/// How far before a title the apposition rule looks for "Name, a/an/the ...".
const APPOSITION_WINDOW: usize = 160;

/// A person whose name is one word, waiting for the document's full names.
pub(crate) struct PendingPerson {
    pub span: Span,
    pub entity: Entity,
    pub origin: Origin,
}

/// The rule's compiled parts.
pub(crate) struct OfficialRules {
    names: NameShape,
    apposition: Regex,
}

impl OfficialRules {
    /// The compiled rules; compiled once per process and shared (they depend on no gazetteer).
    pub fn shared() -> &'static OfficialRules {
        static RULES: std::sync::OnceLock<OfficialRules> = std::sync::OnceLock::new();
        RULES.get_or_init(OfficialRules::new)
    }

    fn new() -> OfficialRules {
        let name = r"\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u{a0}](?:(?:al|el|bin|ibn|de|van|von|da|du)[ \u{a0}])?\p{Lu}[\p{L}\p{M}'’.-]*)+";
        let apposition =
            Regex::new(&format!(r#"(?:^|[\s(“"])({name}), (?:an?|the|a top|the top)(?: [\p{{Ll}}-]+){{0,3}} $"#))
                .expect("apposition regex compiles");
        OfficialRules { names: NameShape::new(), apposition }
    }

    /// Applies the title and apposition rules, then the first-name rule; one-word names are returned for later
    /// resolution.
    pub fn apply(
        &self,
        doc: &mut DocBuilder<'_>,
        g: &Gazetteers,
        titles: &[Found],
        first_names: &[Span],
        sentences: &[Span],
    ) -> Vec<PendingPerson> {
        let mut pending = Vec::new();
        for (n, title) in titles.iter().enumerate() {
            let Hit::Title(t) = title.hit else { continue };
            let def = &g.titles[t as usize];
            if doc.overlapping(title.span).next().is_some() {
                continue;
            }
            if self.title_then_name(doc, title.span, def.kind, &def.role, titles, n, &mut pending) {
                continue;
            }
            if def.kind == TitleKind::Office {
                self.apposition(doc, title.span, &def.role, sentences, &mut pending);
            }
        }
        self.first_name_then_name(doc, first_names, &mut pending);
        pending
    }

    /// People named by a known first name and at least one more name word ("Hillary Clinton"), where no
    /// mention stands yet; the name stops before any other mention ("George Washington University" gives none).
    fn first_name_then_name(&self, doc: &mut DocBuilder<'_>, first_names: &[Span], pending: &mut Vec<PendingPerson>) {
        for &first in first_names {
            if doc.overlapping(first).next().is_some() {
                continue;
            }
            let Some(shape) = self.names.at(doc.text, first.start) else { continue };
            if let Some(name) = surname_is_a_place(doc, first, shape) {
                let entity = rule_person(
                    name.text(doc.text).to_owned(),
                    String::new(),
                    String::new(),
                    "",
                    Origin::FirstNameRule,
                );
                let index = doc.entity(&Arc::new(entity));
                doc.add_covering(name, index, Form::Name, Origin::FirstNameRule);
                continue;
            }
            let Some(name) = person_name(doc, shape) else { continue };
            if name.end <= first.end || NameShape::tokens(name.text(doc.text)) < 2 {
                continue;
            }
            self.add_person(doc, name, String::new(), String::new(), "", Origin::FirstNameRule, pending);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn title_then_name(
        &self,
        doc: &mut DocBuilder<'_>,
        title: Span,
        kind: TitleKind,
        role: &str,
        titles: &[Found],
        n: usize,
        pending: &mut Vec<PendingPerson>,
    ) -> bool {
        let text = doc.text;
        let rest = &text[title.end..];
        let mut complement_country = None;
        // where the name may start: after a space, after ", ", or after an "of ..." complement and ", "
        let mut starts = Vec::with_capacity(3);
        if rest.starts_with(' ') {
            starts.push(title.end + 1);
        }
        if kind == TitleKind::Office {
            if rest.starts_with(", ") {
                starts.push(title.end + 2);
            }
            if rest.starts_with(" of ") {
                let window_end = rest.char_indices().nth(80).map_or(rest.len(), |(i, _)| i);
                if let Some(comma) = rest[..window_end].find(", ") {
                    let complement = Span::new(title.end, title.end + comma);
                    if !complement.text(text).contains(['.', ';', '\n', '“', '"']) {
                        complement_country = doc.overlapping(complement).find_map(|m| doc.country_of(m));
                        starts.push(title.end + comma + 2);
                    }
                }
            }
        }
        for mut start in starts {
            // skip ranks and honorifics between the office and the name ("..., General Zakir Hasanov")
            let mut k = n + 1 + titles[n + 1..].partition_point(|t| t.span.start < start);
            while let Some(next) = titles.get(k).filter(|t| t.span.start == start) {
                if !text[next.span.end..].starts_with(' ') {
                    break;
                }
                start = next.span.end + 1;
                k += 1 + titles[k + 1..].partition_point(|t| t.span.start < start);
            }
            let Some(name) = self.person_name(doc, start) else { continue };
            let (country, prefix) = left_context(doc, title);
            let role = match (kind, prefix.is_empty()) {
                (TitleKind::Honorific, _) => String::new(),
                (_, true) => role.to_owned(),
                (_, false) => format!("{prefix} {role}"),
            };
            let country = country.or(complement_country).unwrap_or_default();
            let subtype = if kind == TitleKind::Honorific { "" } else { "official" };
            self.add_person(doc, name, role, country, subtype, Origin::TitleRule, pending);
            return true;
        }
        false
    }

    fn apposition(
        &self,
        doc: &mut DocBuilder<'_>,
        title: Span,
        role: &str,
        sentences: &[Span],
        pending: &mut Vec<PendingPerson>,
    ) {
        let text = doc.text;
        // look back within the sentence, and at most APPOSITION_WINDOW bytes (a name, a comma, a few words)
        let sentence = sentences.get(crate::text::segment::sentence_index(sentences, title.start));
        let mut from =
            sentence.map_or(0, |s| s.start.min(title.start)).max(title.start.saturating_sub(APPOSITION_WINDOW));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let Some(caps) = self.apposition.captures(&text[from..title.start]) else { return };
        let name_start = from + caps.get(1).map_or(0, |m| m.start());
        let Some(name) = self.person_name(doc, name_start) else { return };
        if name.end != from + caps.get(1).map_or(0, |m| m.end()) {
            return;
        }
        // "of the Ministry of Foreign Affairs of Azerbaijan", "for Iran", "at the Pentagon"
        let mut country = None;
        for link in [" of the ", " of ", " for the ", " for ", " at the ", " at "] {
            if text[title.end..].starts_with(link) {
                if let Some(m) = doc.starting_at(title.end + link.len()) {
                    country = doc.country_of(m);
                }
                break;
            }
        }
        if country.is_none() {
            country = left_context(doc, title).0;
        }
        self.add_person(
            doc,
            name,
            role.to_owned(),
            country.unwrap_or_default(),
            "official",
            Origin::AppositionRule,
            pending,
        );
    }

    /// A person's name starting at `start` that does not run into a non-person mention.
    fn person_name(&self, doc: &DocBuilder<'_>, start: usize) -> Option<Span> {
        person_name(doc, self.names.at(doc.text, start)?)
    }

    #[allow(clippy::too_many_arguments)]
    fn add_person(
        &self,
        doc: &mut DocBuilder<'_>,
        name: Span,
        role: String,
        country: String,
        subtype: &str,
        origin: Origin,
        pending: &mut Vec<PendingPerson>,
    ) {
        let text = doc.text;
        let known_person = doc.overlapping(name).next().copied();
        if let Some(m) = known_person {
            // a known person: the title may add the role or country the gazetteer lacks
            let known = doc.entity_of(&m);
            let adds_role = known.role.is_empty() && !role.is_empty();
            let adds_country = known.country.is_empty() && !country.is_empty();
            if !adds_role && !adds_country {
                return;
            }
            let mut known = known.clone();
            if known.role.is_empty() {
                known.role = role;
            }
            if known.country.is_empty() {
                known.country = country;
            }
            doc.entity(&Arc::new(known));
            return;
        }
        let name_text = name.text(text).split_whitespace().collect::<Vec<_>>().join(" ");
        let entity = rule_person(name_text, role, country, subtype, origin);
        if NameShape::tokens(&entity.name) < 2 {
            pending.push(PendingPerson { span: name, entity, origin });
            return;
        }
        let index = doc.entity(&Arc::new(entity));
        doc.add(name, index, Form::Name, origin);
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

/// The name shape `name` as a person's name, unless it runs into a non-person mention (then it is cut before
/// it, or refused).
fn person_name(doc: &DocBuilder<'_>, name: Span) -> Option<Span> {
    match doc.overlapping(name).next() {
        None => Some(name),
        Some(m) if m.mention_type == MentionType::Person && m.span == name => Some(name),
        Some(m) if m.span.start > name.start => {
            // cut the name before the mention ("President Obama Washington")
            let cut = skip_spaces_back(doc.text, m.span.start);
            (cut > name.start && m.mention_type != MentionType::Person).then(|| Span::new(name.start, cut))
        }
        Some(_) => None,
    }
}

/// A person made by a rule, with an id from the name ("rule:person:nasser-kanaani").
fn rule_person(name: String, role: String, country: String, subtype: &str, origin: Origin) -> Entity {
    Entity {
        id: format!("rule:person:{}", slug(&name)),
        name,
        entity_type: EntityType::Person,
        subtype: subtype.to_owned(),
        role,
        country,
        from: String::new(),
        to: String::new(),
        source: origin.rule_name().to_owned(),
    }
}

/// Country and role prefix from the words just before a title: "US Defense Secretary", "Japan's Defense
/// Minister", "Iranian Foreign Ministry spokesman", "Iranian Deputy Foreign Minister".
fn left_context(doc: &DocBuilder<'_>, title: Span) -> (Option<String>, String) {
    let text = doc.text;
    let mut prefix: Vec<&str> = Vec::new();
    let mut country = None;
    let mut at = title.start;
    for _ in 0..4 {
        let pos = skip_spaces_back(text, at);
        if pos == at {
            break;
        }
        if let Some(m) = doc.ending_at(pos) {
            match m.mention_type {
                MentionType::Country | MentionType::Demonym => {
                    country = doc.country_of(m);
                    break;
                }
                MentionType::Organization => {
                    country = doc.country_of(m);
                    if country.is_some() {
                        break;
                    }
                    at = m.span.start;
                    continue;
                }
                _ => break,
            }
        }
        if let Some(before) = before_possessive(text, pos) {
            if let Some(m) = doc.ending_at(before) {
                country = doc.country_of(m);
            }
            break;
        }
        match word_ending_at(text, 0, pos) {
            Some((start, word)) if ROLE_PREFIXES.contains(&word) => {
                prefix.push(word);
                at = start;
            }
            _ => break,
        }
    }
    prefix.reverse();
    (country, prefix.join(" "))
}

#[cfg(test)]
mod tests {
    use crate::extractor::Extractor;
    use crate::gazetteer::Gazetteers;
    use crate::{Document, MentionType};

    /// (mention text, entity name, role, country, source) of every PERSON mention.
    fn people(text: &str) -> Vec<(String, String, String, String, String)> {
        let mut g = Gazetteers::new();
        g.add_text(
            "c.tsv",
            "id\tname\ttype\taliases\tdemonyms\nIR\tIran\tCOUNTRY\t\tIranian\nAZ\tAzerbaijan\tCOUNTRY\t\tAzeri\n\
             JP\tJapan\tCOUNTRY\t\tJapanese\nUS\tUnited States\tCOUNTRY\tUS\tAmerican\n",
        );
        g.add_text(
            "t.tsv",
            "title\tkind\trole\nDefense Secretary\toffice\t\nDefense Minister\toffice\t\nMinister of Defense\toffice\t\n\
             Foreign Minister\toffice\t\nspokesman\toffice\t\nPresident\toffice\t\nGeneral\trank\t\nofficial\toffice\t\n\
             commander\toffice\t\nMr.\thonorific\t\n",
        );
        g.add_text("k.tsv", "keyword\tkind\nMinistry\torg_head\n");
        let x = Extractor::new(g).unwrap().extract(&Document::new("d", text));
        x.mentions
            .iter()
            .filter(|m| m.mention_type == MentionType::Person)
            .map(|m| {
                let e = &x.entities[m.entity];
                (
                    m.span.text(text).into(),
                    e.name.clone(),
                    e.role.clone(),
                    e.country.clone(),
                    m.origin.rule_name().into(),
                )
            })
            .collect()
    }

    fn p(m: &str, n: &str, r: &str, c: &str, s: &str) -> (String, String, String, String, String) {
        (m.into(), n.into(), r.into(), c.into(), s.into())
    }

    #[test]
    fn title_then_name_with_country_from_the_left() {
        assert_eq!(
            people("US Defense Secretary Pete Hegseth called Japan."),
            [p("Pete Hegseth", "Pete Hegseth", "Defense Secretary", "US", "rule:title")]
        );
        assert_eq!(
            people("In a tweet, Iranian Foreign Ministry spokesman Nasser Kanaani said:"),
            [p("Nasser Kanaani", "Nasser Kanaani", "spokesman", "IR", "rule:title")]
        );
        assert_eq!(
            people("Japan's Defense Minister Gen Nakatani, left"),
            [p("Gen Nakatani", "Gen Nakatani", "Defense Minister", "JP", "rule:title")]
        );
        assert_eq!(
            people("Iranian Deputy Foreign Minister Mohammad Bagheri Kani visited"),
            [p("Mohammad Bagheri Kani", "Mohammad Bagheri Kani", "Deputy Foreign Minister", "IR", "rule:title")]
        );
    }

    #[test]
    fn rank_after_comma_and_of_complement() {
        assert_eq!(
            people("Meanwhile, the Azeri Minister of Defense, General Zakir Hasanov, said"),
            [p("Zakir Hasanov", "Zakir Hasanov", "Minister of Defense", "AZ", "rule:title")]
        );
        assert_eq!(
            people("statements by Iranian commander of the ground forces, Kioumars Heydari, who"),
            [p("Kioumars Heydari", "Kioumars Heydari", "commander", "IR", "rule:title")]
        );
    }

    #[test]
    fn apposition_takes_the_organizations_country() {
        assert_eq!(
            people(
                "In response, Ayhan Hajizadeh, an official of the Ministry of Foreign Affairs of Azerbaijan, tweeted"
            ),
            [p("Ayhan Hajizadeh", "Ayhan Hajizadeh", "official", "AZ", "rule:apposition")]
        );
    }

    #[test]
    fn one_word_names_join_the_full_name_and_surnames_follow() {
        assert_eq!(
            people("President Donald Trump spoke. Later President Trump left, and Trump said so. Mr. Trump agreed."),
            [
                p("Donald Trump", "Donald Trump", "President", "", "rule:title"),
                p("Trump", "Donald Trump", "President", "", "rule:title"),
                p("Trump", "Donald Trump", "President", "", "rule:surname"),
                p("Trump", "Donald Trump", "President", "", "rule:title"),
            ]
        );
    }

    #[test]
    fn titles_without_names_make_no_person() {
        assert!(people("Japanese defense officials said. The Iranian diplomat was referring to it.").is_empty());
        assert!(people("The President said on Monday.").is_empty());
    }
}
