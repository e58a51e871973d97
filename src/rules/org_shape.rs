//! Organizations by their shape: a head word from the keyword gazetteer (`org_head` rows of
//! `gazetteers/org_keywords.tsv`: Ministry, Command, Agency, ...) with capitalised words before it ("Foreign
//! Ministry", "Joint Operations Command") or an `of` complement after it ("Ministry of Foreign Affairs").
//!
//! A country or demonym just before ("Iranian Foreign Ministry", "Azerbaijan's Ministry of Defense"), an
//! `of COUNTRY` after ("... of Azerbaijan"), or for a ministry a capital after `in` ("the Ministry of Defense in
//! Tokyo") gives the organization's country. The head word's row gives the
//! subtype; ministries (subtype `ministry`) get a canonical name that unites their spellings, from the
//! `ministry_domain` rows: "Ministry of Foreign Affairs of Azerbaijan" and "Azeri Foreign Ministry" are both
//! "Foreign Ministry of Azerbaijan". A plural possessive ("Students’ Association") is no part of a name.

use std::collections::HashMap;
use std::sync::Arc;

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::{Entity, EntityType, Form, Gazetteers, KeywordKind};
use crate::lexicon::{Lexicon, WordKind, WordKinds};
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;
use crate::text::words::{before_possessive, is_capitalised_word, skip_spaces_back, word_ending_at};

use super::{EntityRule, Examples, Unit, slug};

/// The `source` of the organizations this rule finds.
pub(crate) const SOURCE: &str = "rule:org-shape";

/// Capitalised words that never start or extend an organization name to the left.
const NOT_ORG: WordKinds = WordKinds::of(&[WordKind::NotOrg, WordKind::Weekday]);

/// Organizations around their head words.
pub(crate) struct OrgShape {
    /// Head word -> subtype of the organizations it heads.
    subtypes: HashMap<String, String>,
    /// Ministry domain as written -> canonical form.
    ministry_domains: HashMap<String, String>,
}

impl OrgShape {
    pub fn new(g: &Gazetteers) -> OrgShape {
        let mut subtypes = HashMap::new();
        let mut ministry_domains = HashMap::new();
        for k in &g.keywords {
            match k.kind {
                KeywordKind::OrgHead if !k.subtype.is_empty() => {
                    subtypes.insert(k.text.clone(), k.subtype.clone());
                }
                KeywordKind::MinistryDomain => {
                    ministry_domains.insert(k.text.clone(), k.canonical.clone());
                }
                _ => {}
            }
        }
        OrgShape { subtypes, ministry_domains }
    }

    /// "Foreign Ministry of Iran" for every spelling of a ministry; other ministries keep their words.
    fn ministry_name(&self, head: &str, left: &[&str], right: &[&str], country: Option<&str>) -> String {
        let domain = if right.is_empty() { left.join(" ") } else { right.join(" ") };
        let normalised = self.ministry_domains.get(domain.as_str());
        let base = match normalised {
            Some(d) => format!("{d} {head}"),
            None if right.is_empty() => format!("{domain} {head}"),
            None => format!("{head} of {domain}"),
        };
        match country {
            Some(c) => format!("{base} of {c}"),
            None => base,
        }
    }
}

impl Unit for OrgShape {
    fn name(&self) -> &'static str {
        "organizations by shape"
    }

    fn doc(&self) -> &'static str {
        "a head word with capitalised words before it or an `of` complement after it is an organization"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Iranian Foreign Ministry spokesman", "Foreign Ministry"),
                (
                    "an official of the Ministry of Foreign Affairs of Azerbaijan, tweeted",
                    "Ministry of Foreign Affairs",
                ),
                ("Tokyo launched the Japan Joint Operations Command this year.", "Japan Joint Operations Command"),
            ],
            no_match: &["The Ministry said. Command and control", "the Students’ Association met"],
        }
    }
}

impl EntityRule for OrgShape {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let text = doc.text;
        let g = cx.gazetteers;
        for &head in &cx.scan.org_heads {
            if doc.overlapping(head).next().is_some() {
                continue; // already part of a known name ("US Forces Japan")
            }
            let head_word = head.text(text);
            let subtype = self.subtypes.get(head_word).map_or("organization", String::as_str);
            let is_ministry = subtype == "ministry";
            let mut country: Option<String> = None;

            // right: "of Foreign Affairs" (stopping before "of <country>")
            let mut end = head.end;
            let mut right_words: Vec<&str> = Vec::new();
            if let Some((of_end, words)) = of_complement(doc, cx.lexicon, head.end) {
                end = of_end;
                right_words = words;
            }
            if let Some(rest) = text[end..].strip_prefix(" of ") {
                let at = text.len() - rest.len();
                let at = if rest.starts_with("the ") { at + 4 } else { at };
                if let Some(m) = doc.starting_at(at).filter(|m| m.mention_type == MentionType::Country) {
                    country = doc.country_of(m);
                }
            }

            // "the Ministry of Defense in Tokyo": a capital after `in` is the seat of the country's ministry
            if country.is_none()
                && is_ministry
                && let Some(rest) = text[end..].strip_prefix(" in ")
                && let Some(m) = doc.starting_at(text.len() - rest.len())
                && m.mention_type == MentionType::Location
                && doc.entity_of(m).subtype == "capital"
            {
                country = doc.country_of(m);
            }

            // left: capitalised words, stopping at a country or demonym (which gives the country)
            let mut start = head.start;
            let mut left_words: Vec<&str> = Vec::new();
            loop {
                let pos = skip_spaces_back(text, start);
                if pos == start && start != head.start {
                    break;
                }
                if let Some(m) = doc.ending_at(pos).copied() {
                    if matches!(m.mention_type, MentionType::Country | MentionType::Demonym) {
                        country = country.or_else(|| doc.country_of(&m));
                        if m.mention_type == MentionType::Country && !is_ministry {
                            start = m.span.start; // "Japan Joint Operations Command": the country is part of the name
                        }
                    }
                    break;
                }
                if let Some(before) = before_possessive(text, pos) {
                    if let Some(m) = doc.ending_at(before).copied().filter(|m| m.mention_type == MentionType::Country) {
                        country = country.or_else(|| doc.country_of(&m));
                    }
                    break;
                }
                // a plural possessive ("Students’ Association") is no part of the name
                match word_ending_at(text, 0, pos) {
                    Some((word_start, word))
                        if is_capitalised_word(word)
                            && !word.ends_with(['\'', '’'])
                            && !cx.lexicon.is_any(word, NOT_ORG)
                            && left_words.len() < 4 =>
                    {
                        left_words.push(word);
                        start = word_start;
                    }
                    _ => break,
                }
            }
            left_words.reverse();
            if left_words.is_empty() && right_words.is_empty() {
                continue; // a bare "Ministry" names nothing
            }
            let span = Span::new(start, end);
            let surface = span.text(text);
            let name = if is_ministry {
                self.ministry_name(head_word, &left_words, &right_words, country.as_deref().map(|c| g.country_name(c)))
            } else {
                surface.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            // the id names the country when the name does not ("Joint Operations Command" of Japan and of Iraq differ)
            let id = match country.as_deref() {
                Some(c) if !name.contains(g.country_name(c)) => format!("rule:org:{}:{c}", slug(&name)),
                _ => format!("rule:org:{}", slug(&name)),
            };
            let entity = Arc::new(Entity {
                id,
                name,
                entity_type: EntityType::Organization,
                subtype: subtype.to_owned(),
                role: String::new(),
                country: country.unwrap_or_default(),
                offices: Vec::new(),
                source: SOURCE.to_owned(),
                role_date: None,
                role_listed: String::new(),
            });
            let index = doc.entity(&entity);
            doc.add_covering(span, index, Form::Name, Origin::Rule(SOURCE));
        }
    }
}

/// `of Foreign Affairs` after a head word: capitalised words joined by connectors, stopping before a country
/// mention. Returns the end of the complement and its words.
fn of_complement<'t>(doc: &DocBuilder<'t>, lexicon: &Lexicon, pos: usize) -> Option<(usize, Vec<&'t str>)> {
    let text = doc.text;
    text[pos..].strip_prefix(" of ")?;
    let mut at = pos + " of ".len();
    let mut words = Vec::new();
    let mut end = None;
    loop {
        if doc.starting_at(at).is_some_and(|m| m.mention_type == MentionType::Country) {
            break;
        }
        let word_end = text[at..].find([' ', ',', '.', ';', ':', ')', '\n', '"', '”']).map_or(text.len(), |i| at + i);
        let word = &text[at..word_end];
        if is_capitalised_word(word) && !lexicon.is_any(word, NOT_ORG) {
            words.push(word);
            end = Some(word_end);
        } else if !lexicon.is(word, WordKind::OrgConnector) || words.is_empty() {
            break;
        }
        if !text[word_end..].starts_with(' ') || words.len() > 6 {
            break;
        }
        at = word_end + 1;
    }
    end.map(|e| (e, words))
}

#[cfg(test)]
mod tests {
    use crate::Extractor;
    use crate::gazetteer::Gazetteers;
    use crate::{Document, MentionType};

    fn orgs(text: &str) -> Vec<(String, String, String, String)> {
        let mut g = Gazetteers::new();
        g.add_text(
            "c.tsv",
            "id\tname\ttype\tdemonyms\nIR\tIran\tCOUNTRY\tIranian\nAZ\tAzerbaijan\tCOUNTRY\tAzeri\nJP\tJapan\tCOUNTRY\tJapanese\n",
        );
        g.add_text("org_keywords.tsv", include_str!("../../gazetteers/org_keywords.tsv"));
        let x = Extractor::new(g).unwrap().extract(&Document::new("d", text));
        x.mentions
            .iter()
            .filter(|m| m.mention_type == MentionType::Organization)
            .map(|m| {
                let e = &x.entities[m.entity];
                (m.span.text(text).to_owned(), e.name.clone(), e.country.clone(), e.source.clone())
            })
            .collect()
    }

    fn t(a: &str, b: &str, c: &str) -> (String, String, String, String) {
        (a.to_owned(), b.to_owned(), c.to_owned(), "rule:org-shape".to_owned())
    }

    #[test]
    fn ministries_by_shape_with_their_country() {
        assert_eq!(
            orgs("Iranian Foreign Ministry spokesman"),
            [t("Foreign Ministry", "Foreign Ministry of Iran", "IR")]
        );
        assert_eq!(
            orgs("an official of the Ministry of Foreign Affairs of Azerbaijan, tweeted"),
            [t("Ministry of Foreign Affairs", "Foreign Ministry of Azerbaijan", "AZ")]
        );
        assert_eq!(
            orgs("Azerbaijan’s Ministry of Defense raised"),
            [t("Ministry of Defense", "Defense Ministry of Azerbaijan", "AZ")]
        );
        assert_eq!(orgs("at the Ministry of Defense in Tokyo"), [t("Ministry of Defense", "Defense Ministry", "")]);
        assert_eq!(
            orgs("the Department of Homeland Security said"),
            [t("Department of Homeland Security", "Department of Homeland Security", "")]
        );
    }

    #[test]
    fn a_ministry_in_a_capital_is_of_its_country() {
        let extractor = Extractor::new(crate::pipeline::unit_gazetteer()).unwrap();
        let text = "They met at the Ministry of Defense in Tokyo on Sunday.";
        let x = extractor.extract(&Document::new("d", text));
        let org = x.mentions.iter().find(|m| m.mention_type == MentionType::Organization).unwrap();
        assert_eq!(
            (x.entities[org.entity].name.as_str(), x.entities[org.entity].country.as_str()),
            ("Defense Ministry of Japan", "JP")
        );
    }

    #[test]
    fn other_heads_keep_their_words_and_bare_heads_are_ignored() {
        assert_eq!(
            orgs("Tokyo launched the Japan Joint Operations Command, or JJOC, whose"),
            [
                t("Japan Joint Operations Command", "Japan Joint Operations Command", "JP"),
                ("JJOC".into(), "Japan Joint Operations Command".into(), "JP".into(), "rule:org-shape".into())
            ]
        );
        assert!(orgs("The Ministry said. Command and control").is_empty());
    }
}
