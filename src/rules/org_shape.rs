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

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
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
    /// Words that end names and take no `of` complement (`org_suffix` rows: Inc., Ltd, Plc).
    suffixes: HashSet<String>,
    /// Ministry domain as written -> canonical form.
    ministry_domains: HashMap<String, String>,
}

impl OrgShape {
    pub fn new(g: &Gazetteers) -> OrgShape {
        let mut subtypes = HashMap::new();
        let mut suffixes = HashSet::new();
        let mut ministry_domains = HashMap::new();
        for k in &g.keywords {
            if k.kind == KeywordKind::OrgSuffix {
                suffixes.insert(k.text.clone());
            }
            match k.kind {
                KeywordKind::OrgHead | KeywordKind::OrgSuffix if !k.subtype.is_empty() => {
                    subtypes.insert(k.text.clone(), k.subtype.clone());
                }
                KeywordKind::MinistryDomain => {
                    ministry_domains.insert(k.text.clone(), k.canonical.clone());
                }
                _ => {}
            }
        }
        OrgShape { subtypes, suffixes, ministry_domains }
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
        let mut last_end = 0;
        for (n, &head) in cx.scan.org_heads.iter().enumerate() {
            // the longest head word at a place ("Police Service", not "Police" then "Service")
            let longer =
                cx.scan.org_heads[n + 1..].iter().take_while(|h| h.start == head.start).any(|h| h.end > head.end);
            if longer || head.start < last_end {
                continue;
            }
            last_end = head.end;
            if doc.overlapping(head).next().is_some() {
                continue; // already part of a known name ("US Forces Japan")
            }
            let head_word = head.text(text);
            if is_all_capitals(head_word) && is_all_capitals(cx.layer.line_at(head.start, text).text(text)) {
                continue; // "SA", "AG" in a headline in capitals are words
            }
            let subtype = self.subtypes.get(head_word).map_or("organization", String::as_str);
            let is_ministry = subtype == "ministry";
            let is_suffix = self.suffixes.contains(head_word);
            let mut country: Option<String> = None;

            // right: "of Foreign Affairs" (stopping before "of <country>")
            let mut end = head.end;
            let mut right_words: Vec<&str> = Vec::new();
            if let Some((of_end, words)) = of_complement(doc, cx.lexicon, head.end).filter(|_| !is_suffix) {
                end = of_end;
                right_words = words;
            }
            if let Some(rest) = text[end..].strip_prefix(" of ").filter(|_| !is_suffix) {
                let at = text.len() - rest.len();
                let at = if rest.starts_with("the ") { at + 4 } else { at };
                if let Some(m) = doc.starting_at(at).filter(|m| m.mention_type == MentionType::Country).copied() {
                    country = doc.country_of(&m);
                    // "Bank of Japan", "University of Toronto": the place is part of the name but a ministry's
                    if !is_ministry && right_words.is_empty() {
                        right_words.push(m.span.text(text));
                        end = m.span.end;
                    }
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

            // left: capitalised words, stopping at a country or demonym (which gives the country); a country or
            // place there is part of the name ("Japan Joint Operations Command", "Sydney Newsroom") but a
            // ministry's, and a company named before a suffix takes it ("American Express Co")
            let mut start = head.start;
            let mut left_words: Vec<&str> = Vec::new();
            let mut widened = None;
            loop {
                let pos = skip_spaces_back(text, start);
                if pos == start && start != head.start {
                    break;
                }
                if let Some(m) = doc.ending_at(pos).copied() {
                    match m.mention_type {
                        MentionType::Country | MentionType::Demonym => {
                            country = country.or_else(|| doc.country_of(&m));
                            if m.mention_type == MentionType::Country && !is_ministry {
                                start = m.span.start;
                            }
                        }
                        MentionType::Location if !is_ministry && left_words.len() < 4 => {
                            // "National Taipei University": the name goes on before the place
                            country = country.or_else(|| doc.country_of(&m));
                            left_words.extend(m.span.text(text).split_whitespace().rev());
                            start = m.span.start;
                            continue;
                        }
                        MentionType::Organization if is_suffix && left_words.is_empty() => {
                            widened = Some(m);
                        }
                        // "Trade Union" + "Confederation": this rule's shorter name is part of the longer one
                        MentionType::Organization if m.origin == Origin::Rule(SOURCE) && left_words.is_empty() => {
                            left_words.extend(m.span.text(text).split_whitespace().rev());
                            start = m.span.start;
                        }
                        _ => {}
                    }
                    break;
                }
                if let Some(before) = before_possessive(text, pos) {
                    if let Some(m) = doc.ending_at(before).copied().filter(|m| m.mention_type == MentionType::Country) {
                        country = country.or_else(|| doc.country_of(&m));
                    }
                    break;
                }
                // a plural possessive ("Students’ Association") is no part of the name; "&" joins ("Procter &
                // Gamble Co")
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
                    _ if text[..pos].ends_with('&') && !left_words.is_empty() => {
                        start = pos - 1;
                    }
                    _ => break,
                }
            }
            left_words.reverse();
            if let Some(company) = widened {
                let entity = company.entity;
                doc.add_covering(Span::new(company.span.start, end), entity, company.form, company.origin);
                continue;
            }
            if left_words.is_empty() && right_words.is_empty() && start == head.start {
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

/// A word with letters and no lower-case letter ("SA", "BANK").
fn is_all_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
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

    /// (mention text, entity name, subtype) of every organization that `text` gives with `keywords` as the
    /// keyword file of the unit gazetteer, without its listed organizations (but teams).
    fn orgs_with(keywords: &str, text: &str) -> Vec<(String, String, String)> {
        let mut g =
            crate::pipeline::unit_gazetteer_with(|name| name != "org_keywords.tsv" && name != "unit-entities.tsv");
        g.add_text("org_keywords.tsv", keywords);
        let x = Extractor::new(g).unwrap().extract(&Document::new("d", text));
        x.mentions
            .iter()
            .filter(|m| m.mention_type == MentionType::Organization)
            .map(|m| {
                let e = &x.entities[m.entity];
                (m.span.text(text).to_owned(), e.name.clone(), e.subtype.clone())
            })
            .collect()
    }

    /// Every row of gazetteers/org_keywords.tsv acts on its example: with the row, `finds` is an organization of
    /// the row's subtype (for a ministry domain: the ministry's name); without it, it is not.
    #[test]
    fn every_keyword_row_acts_on_its_example() {
        let file = include_str!("../../gazetteers/org_keywords.tsv");
        let lines: Vec<&str> = file.lines().collect();
        let header = lines.iter().position(|l| l.starts_with("keyword\t")).unwrap();
        let mut failed = Vec::new();
        for (n, line) in lines.iter().enumerate().skip(header + 1) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (kind, subtype, example, finds) = (fields[1], fields[2], fields[4], fields[5]);
            let subtype = if subtype.is_empty() { "organization" } else { subtype };
            let without: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != n).map(|(_, l)| *l).collect();
            let found = |orgs: Vec<(String, String, String)>| {
                orgs.iter().any(|(text, name, kind_of)| {
                    if kind == "ministry_domain" { name == finds } else { text == finds && kind_of == subtype }
                })
            };
            let with_row = found(orgs_with(file, example));
            let without_row = found(orgs_with(&without.join("\n"), example));
            if !with_row || without_row {
                failed.push(format!("org_keywords.tsv:{}: {line}: with {with_row}, without {without_row}", n + 1));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn suffixes_heads_and_places() {
        let file = include_str!("../../gazetteers/org_keywords.tsv");
        let orgs = |text: &str| -> Vec<(String, String)> {
            orgs_with(file, text).into_iter().map(|(text, name, _)| (text, name)).collect()
        };
        // the longest head word; a place before it is part of the name
        assert_eq!(
            orgs("The Toronto Police Service said so."),
            [t2("Toronto Police Service", "Toronto Police Service")]
        );
        // "&" joins; a suffix takes no `of` complement
        assert_eq!(
            orgs("Shares of Procter & Gamble Co of Cincinnati rose."),
            [t2("Procter & Gamble Co", "Procter & Gamble Co")]
        );
        // a listed organization before a suffix takes it
        assert_eq!(orgs("Leeds Rhinos Ltd said so."), [t2("Leeds Rhinos Ltd", "Leeds Rhinos")]);
        // an organization of this rule before another head word is part of the longer name
        assert_eq!(
            orgs("The Trade Union Confederation met."),
            [t2("Trade Union Confederation", "Trade Union Confederation")]
        );
        // headlines in capitals
        assert!(orgs("GENCOR SAYS SA OUTPUT UP").is_empty());
    }

    fn t2(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
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
