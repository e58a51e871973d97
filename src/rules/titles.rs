//! Officials found through their titles, whether or not a gazetteer knows them.
//!
//! - Title then name: "US Defense Secretary Pete Hegseth", "President Donald Trump", "the Azeri Minister of
//!   Defense, General Zakir Hasanov", "Iranian commander of the ground forces, Kioumars Heydari". Words just
//!   before the title give the country (a country, a demonym, a possessive "Japan's", or an organization with
//!   a country: "Iranian Foreign Ministry spokesman") and role prefixes (Deputy, former, ...).
//! - Apposition, where no name follows an office: "Ayhan Hajizadeh, an official of the Ministry of Foreign
//!   Affairs of Azerbaijan": the country is the organization's or the country's after `of`/`for`/`at`.
//!
//! A one-word name ("President Trump") waits for the document's full names (see [`super::surnames`]).

use std::sync::Arc;

use crate::extraction::Origin;
use crate::gazetteer::{Gazetteers, TitleKind};
use crate::lexicon::WordKind;
use crate::matcher::Hit;
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;
use crate::text::words::rfind_before_space;

use super::names::NameShape;
use super::people::{add_person, left_context, person_name};
use super::{EntityRule, Examples, Unit};

/// The `source` of officials named after their titles.
pub(crate) const SOURCE: &str = "rule:title";
/// The `source` of officials named before an apposition with their title.
pub(crate) const APPOSITION_SOURCE: &str = "rule:apposition";

/// How far before a title the apposition rule looks for "Name, a/an/the ...".
const APPOSITION_WINDOW: usize = 160;

/// Officials by their titles.
pub(crate) struct Titles {
    names: Arc<NameShape>,
    /// The lexicon's name particles as written (al, bin, van ...), sorted.
    particles: Vec<String>,
}

impl Titles {
    pub fn new(g: &Gazetteers, names: Arc<NameShape>) -> Titles {
        let particles = g.lexicon.words_of(WordKind::NameParticle).into_iter().map(str::to_owned).collect();
        Titles { names, particles }
    }

    /// "Title Name": the name after the title (after a rank, or after an `of` complement and a comma); true
    /// when one stands there.
    fn title_then_name(
        &self,
        cx: &DocContext<'_>,
        doc: &mut DocBuilder<'_>,
        n: usize,
        kind: TitleKind,
        role: &str,
    ) -> bool {
        let titles = &cx.scan.titles;
        let title = titles[n].span;
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
            let Some(name) = self.person_name(cx, doc, start) else { continue };
            let (country, prefix) = left_context(doc, cx.lexicon, title);
            let role = match (kind, prefix.is_empty()) {
                (TitleKind::Honorific, _) => String::new(),
                (_, true) => role.to_owned(),
                (_, false) => format!("{prefix} {role}"),
            };
            let country = country.or(complement_country).unwrap_or_default();
            let subtype = if kind == TitleKind::Honorific { "" } else { "official" };
            // a rank is no office: it gives a role only to someone who has none ("General Zakir Hasanov")
            let has_role = doc.overlapping(name).next().is_some_and(|m| !doc.entity_of(m).role.is_empty());
            let role = if kind == TitleKind::Rank && has_role { String::new() } else { role };
            add_person(doc, name, role, country, subtype, Origin::Rule(SOURCE));
            return true;
        }
        false
    }

    /// "Name, a/an/the ... title": the name before an apposition that holds the title.
    fn apposition(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>, title: Span, role: &str) {
        let text = doc.text;
        // look back within the sentence, and at most APPOSITION_WINDOW bytes (a name, a comma, a few words)
        let sentence = cx.layer.sentence_at(title.start);
        let mut from =
            sentence.map_or(0, |s| s.start.min(title.start)).max(title.start.saturating_sub(APPOSITION_WINDOW));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..title.start];
        let Some(found) = apposition_name(window, &self.particles) else { return };
        let Some(name) = self.person_name(cx, doc, from + found.start) else { return };
        if name.end != from + found.end {
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
            country = left_context(doc, cx.lexicon, title).0;
        }
        add_person(
            doc,
            name,
            role.to_owned(),
            country.unwrap_or_default(),
            "official",
            Origin::Rule(APPOSITION_SOURCE),
        );
    }

    /// A person's name starting at `start` that does not run into a non-person mention.
    fn person_name(&self, cx: &DocContext<'_>, doc: &DocBuilder<'_>, start: usize) -> Option<Span> {
        person_name(doc, self.names.at(doc.text, start, cx.lexicon)?)
    }
}

/// "Name, a/an/the [top] ... " ending `window` (at most three lower-case words after the determiner, four after
/// "a top"/"the top"): the name's span within `window`. The name is two capitalised words or more, joined by a
/// space (or a no-break space), with at most one of `particles` between two of them ("Mohammed bin Salman"),
/// and it starts at the window's start, after white space, or after "(", "“" or `"`; of the names that fit, the
/// longest. A word is a capital letter, then letters, marks, apostrophes, periods and hyphens.
fn apposition_name(window: &str, particles: &[String]) -> Option<Span> {
    // the apposition: the window's last ", " and the lower-case words after it
    let comma = rfind_before_space(window, b',')?;
    let words = window[comma + 2..].strip_suffix(' ')?;
    let mut words = words.split(' ');
    let determiner = words.next()?;
    if !matches!(determiner, "a" | "an" | "the") {
        return None;
    }
    let (mut count, mut top) = (0, false);
    for (k, word) in words.enumerate() {
        if word.is_empty() || !word.chars().all(|c| c == '-' || c.is_lowercase()) {
            return None;
        }
        top |= k == 0 && word == "top" && determiner != "an";
        count += 1;
    }
    if count > 3 && !(top && count == 4) {
        return None;
    }
    // the name, word by word back from the comma
    let in_word = |c: char| c.is_alphabetic() || is_combining_mark(c) || matches!(c, '\'' | '’' | '.' | '-');
    let word_start =
        |end: usize| window[..end].char_indices().rev().take_while(|&(_, c)| in_word(c)).last().map_or(end, |(i, _)| i);
    let is_name_word = |from: usize, to: usize| window[from..to].starts_with(char::is_uppercase);
    let separator_before = |at: usize| window[..at].chars().next_back().filter(|&c| c == ' ' || c == '\u{a0}');
    let mut start = word_start(comma);
    if !is_name_word(start, comma) {
        return None;
    }
    let (mut name_words, mut longest) = (1, None);
    loop {
        let before = window[..start].chars().next_back();
        if name_words >= 2 && before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '“' | '"')) {
            longest = Some(start);
        }
        let Some(space) = separator_before(start) else { break };
        let previous_end = start - space.len_utf8();
        let previous = word_start(previous_end);
        if is_name_word(previous, previous_end) {
            start = previous;
        } else if particles.iter().any(|p| *p == window[previous..previous_end]) {
            // a particle joins two words: "bin" in "Mohammed bin Salman"
            let Some(space) = separator_before(previous) else { break };
            let word_end = previous - space.len_utf8();
            let word = word_start(word_end);
            if !is_name_word(word, word_end) {
                break;
            }
            start = word;
        } else {
            break;
        }
        name_words += 1;
    }
    longest.map(|start| Span::new(start, comma))
}

/// True for a combining mark of the combining blocks (a decomposed accent: "e" and U+0301), which names may
/// hold; other marks inside words of the world's scripts are alphabetic.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

impl Unit for Titles {
    fn name(&self) -> &'static str {
        "titles"
    }

    fn doc(&self) -> &'static str {
        "a title introduces an official: the name after it, or before it in an apposition"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("US Defense Secretary Pete Hegseth called Japan.", "Pete Hegseth"),
                ("Meanwhile, the Azeri Minister of Defense, General Zakir Hasanov, said", "Zakir Hasanov"),
                (
                    "In response, Ayhan Hajizadeh, an official of the Ministry of Foreign Affairs of Azerbaijan, tweeted",
                    "Ayhan Hajizadeh",
                ),
            ],
            no_match: &["Japanese defense officials said.", "The President said on Monday."],
        }
    }
}

impl EntityRule for Titles {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let g = cx.gazetteers;
        for (n, title) in cx.scan.titles.iter().enumerate() {
            let Hit::Title(t) = title.hit else { continue };
            let def = &g.titles[t as usize];
            if doc.overlapping(title.span).next().is_some() {
                continue;
            }
            if self.title_then_name(cx, doc, n, def.kind, &def.role) {
                continue;
            }
            if def.kind == TitleKind::Office {
                self.apposition(cx, doc, title.span, &def.role);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;
    use crate::gazetteer::Gazetteers;
    use crate::{Document, MentionType};

    use super::apposition_name;

    /// The apposition as the regular expression that `apposition_name` replaced (its Unicode classes cost a
    /// lazy-DFA warm-up of about 80 M instructions per thread): both must find the same name everywhere.
    #[test]
    fn apposition_name_finds_what_the_regex_found() {
        let particles: Vec<String> = ["al", "bin", "van", "de"].iter().map(|p| p.to_string()).collect();
        let name = r"\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u{a0}](?:(?:al|bin|van|de)[ \u{a0}])?\p{Lu}[\p{L}\p{M}'’.-]*)+";
        let re = regex::Regex::new(&format!(
            r#"(?:^|[\s(“"])({name}), (?:an?|the|a top|the top)(?: [\p{{Ll}}-]+){{0,3}} $"#
        ))
        .unwrap();
        let pieces = [
            "Ali",
            "Hajizadeh",
            "bin",
            "al",
            "van",
            "said",
            "(",
            "“",
            "\"",
            "U.S.",
            "O’Brien",
            "McDonald",
            "Jose\u{301}",
            "Émile",
            "2020",
            "-Ali",
            "a",
            "an",
            "the",
            "top",
            "senior",
            "co-author",
            ",",
            ", ",
            " ",
            "  ",
            "\u{a0}",
            "/",
            "Ünal",
            "de",
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut found = 0;
        for _ in 0..40_000 {
            let mut window = String::new();
            for _ in 0..next(7) {
                window.push_str(pieces[next(pieces.len())]);
                if next(3) > 0 {
                    window.push(' ');
                }
            }
            // most windows end as appositions do
            let endings =
                [", a ", ", the top ", ", an senior ", ", the co-author of a ", ", a top a b c ", ", a b c d ", " "];
            window.push_str(endings[next(endings.len())]);
            let by_regex = re.captures(&window).and_then(|c| c.get(1)).map(|m| (m.start(), m.end()));
            let by_walk = apposition_name(&window, &particles).map(|s| (s.start, s.end));
            assert_eq!(by_walk, by_regex, "{window:?}");
            found += usize::from(by_walk.is_some());
        }
        assert!(found > 300, "the windows hold appositions: {found}");
    }

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
    fn a_place_before_the_title_gives_its_country() {
        let x = crate::Extractor::new(crate::pipeline::unit_gazetteer())
            .unwrap()
            .extract(&Document::new("d", "Ontario Premier Danielle Smith spoke."));
        let smith = x.mentions.iter().find(|m| m.mention_type == MentionType::Person).unwrap();
        assert_eq!(
            (x.entities[smith.entity].role.as_str(), x.entities[smith.entity].country.as_str()),
            ("Premier", "CA")
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
