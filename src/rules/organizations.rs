//! Organizations by shape and acronyms defined in the text.
//!
//! Shape: a head word from the keyword gazetteer (`org_head`: Ministry, Command, Agency, ...) with capitalised
//! words before it ("Foreign Ministry", "Joint Operations Command") or an `of` complement after it ("Ministry of
//! Foreign Affairs"). A country or demonym just before ("Iranian Foreign Ministry", "Azerbaijan's Ministry of
//! Defense") or an `of COUNTRY` after ("... of Azerbaijan") gives the organization's country. Ministries get a
//! canonical name that unites their spellings: "Ministry of Foreign Affairs of Azerbaijan" and "Azeri Foreign
//! Ministry" are both "Foreign Ministry of Azerbaijan".
//!
//! Acronyms: an organization followed by ", or JJOC" or " (JJOC)" whose first letter matches makes JJOC an
//! alias of it for the rest of the document.

use std::sync::Arc;

use crate::extraction::{DocBuilder, MentionType, Origin};
use crate::gazetteer::{Entity, EntityType, Form, Gazetteers};
use crate::span::Span;

use super::slug;
use crate::text::words::{before_possessive, is_capitalised_word, skip_spaces_back, word_ending_at};

/// Words that may join capitalised words inside an organization name.
const CONNECTORS: &[&str] = &["and", "for", "of", "&"];
/// Capitalised words that never start or extend an organization name to the left.
const NOT_ORG_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "In",
    "On",
    "At",
    "For",
    "By",
    "And",
    "But",
    "Or",
    "As",
    "From",
    "With",
    "Meanwhile",
    "However",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Finds organizations by shape around each head word and adds them as mentions.
pub(crate) fn find_by_shape(doc: &mut DocBuilder<'_>, g: &Gazetteers, heads: &[Span]) {
    let text = doc.text;
    for &head in heads {
        if doc.overlapping(head).next().is_some() {
            continue; // already part of a known name ("US Forces Japan")
        }
        let head_word = head.text(text);
        let is_ministry = matches!(head_word, "Ministry" | "Department");
        let mut country: Option<String> = None;

        // right: "of Foreign Affairs" (stopping before "of <country>")
        let mut end = head.end;
        let mut right_words: Vec<&str> = Vec::new();
        if let Some((of_end, words)) = of_complement(doc, head.end) {
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
                        && !NOT_ORG_WORDS.contains(&word)
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
            ministry_name(head_word, &left_words, &right_words, country.as_deref().map(|c| g.country_name(c)))
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
            subtype: subtype_of(head_word).to_owned(),
            role: String::new(),
            country: country.unwrap_or_default(),
            from: String::new(),
            to: String::new(),
            source: Origin::OrgShapeRule.rule_name().to_owned(),
        });
        let index = doc.entity(&entity);
        doc.add_covering(span, index, Form::Name, Origin::OrgShapeRule);
    }
}

/// `of Foreign Affairs` after a head word: capitalised words joined by connectors, stopping before a country
/// mention. Returns the end of the complement and its words.
fn of_complement<'t>(doc: &DocBuilder<'t>, pos: usize) -> Option<(usize, Vec<&'t str>)> {
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
        if is_capitalised_word(word) && !NOT_ORG_WORDS.contains(&word) {
            words.push(word);
            end = Some(word_end);
        } else if !CONNECTORS.contains(&word) || words.is_empty() {
            break;
        }
        if !text[word_end..].starts_with(' ') || words.len() > 6 {
            break;
        }
        at = word_end + 1;
    }
    end.map(|e| (e, words))
}

/// "Foreign Ministry of Iran" for every spelling of a ministry; other ministries keep their words.
fn ministry_name(head: &str, left: &[&str], right: &[&str], country: Option<&str>) -> String {
    let domain = if right.is_empty() { left.join(" ") } else { right.join(" ") };
    let normalised = match domain.as_str() {
        "Foreign Affairs" | "Foreign" | "External Affairs" => Some("Foreign"),
        "Defense" | "Defence" | "National Defense" | "National Defence" => Some("Defense"),
        "Interior" | "Internal Affairs" | "Home Affairs" => Some("Interior"),
        "Finance" => Some("Finance"),
        "Justice" => Some("Justice"),
        "State" => Some("State"),
        _ => None,
    };
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

fn subtype_of(head: &str) -> &'static str {
    match head {
        "Ministry" | "Department" => "ministry",
        "Command" | "Forces" | "Army" | "Navy" | "Air Force" | "Corps" | "Guard" | "Headquarters" => "armed_forces",
        "Party" => "party",
        "Parliament" | "Assembly" => "legislature",
        "Court" => "court",
        "Agency" | "Bureau" | "Service" | "Office" | "Administration" | "Authority" | "Directorate" => "agency",
        "Council" | "Committee" | "Commission" | "Board" => "council",
        _ => "organization",
    }
}

/// Acronyms defined right after an organization mention (", or JJOC", " (JJOC)"). Returns (acronym, entity).
pub(crate) fn defined_acronyms(doc: &mut DocBuilder<'_>) -> Vec<(String, usize)> {
    let text = doc.text;
    let mut found = Vec::new();
    let orgs: Vec<(Span, usize)> =
        doc.mentions().filter(|m| m.mention_type == MentionType::Organization).map(|m| (m.span, m.entity)).collect();
    for (span, entity) in orgs {
        let rest = &text[span.end..];
        let (offset, body) = if let Some(r) = rest.strip_prefix(", or ") {
            (5, r)
        } else if let Some(r) = rest.strip_prefix(" (") {
            (2, r)
        } else {
            continue;
        };
        let len =
            body.find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')).unwrap_or(body.len());
        let acronym = &body[..len];
        let closes = body[len..].chars().next().is_none_or(|c| matches!(c, ',' | ')' | '.' | ';' | ' ' | ':'));
        if len < 2 || !closes || !acronym.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let name_initial = span.text(text).chars().next();
        if name_initial != acronym.chars().next() {
            continue;
        }
        let at = span.end + offset;
        doc.add(Span::new(at, at + len), entity, Form::Acronym, Origin::AcronymRule);
        found.push((acronym.to_owned(), entity));
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::extractor::Extractor;
    use crate::gazetteer::Gazetteers;
    use crate::{Document, MentionType};

    fn orgs(text: &str) -> Vec<(String, String, String, String)> {
        let mut g = Gazetteers::new();
        g.add_text(
            "c.tsv",
            "id\tname\ttype\tdemonyms\nIR\tIran\tCOUNTRY\tIranian\nAZ\tAzerbaijan\tCOUNTRY\tAzeri\nJP\tJapan\tCOUNTRY\tJapanese\n",
        );
        g.add_text("k.tsv", "keyword\tkind\nMinistry\torg_head\nCommand\torg_head\nDepartment\torg_head\n");
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
