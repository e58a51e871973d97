//! Names inside longer proper names.
//!
//! A listed person's name followed by another name word is the start of someone else's longer name
//! ("Mohammad Bagheri" in "Mohammad Bagheri Kani"): the title and first-name rules then find the whole name.
//!
//! A country, place or demonym directly followed by another capitalised word is taken as the start of a longer
//! name the gazetteers do not know (an event, company, team or outlet: "U.S. Open", "Hong Kong Standard", "New
//! York Yankees", "American Express") and is not reported, unless that word is a title or an organization head
//! word within the next three words ("U.S. Defense Secretary", "Iranian Foreign Ministry"), another mention
//! ("Iraqi Kurdish"), a first name ("Chinese Wang Yi"), or a weekday, month or function word ("Iran Sunday").
//! Headlines keep their places: a next word in capitals ("IRAN SAYS"), or a line in title case ("Ankara and
//! Athens Trade Warnings").
//!
//! A country, place or demonym right after a capitalised word of its sentence (not the sentence's first word, a
//! function word, a title, an organization head word or a mention) ends a longer name: "Air France",
//! "Statistics Canada". A country right before `$` names a currency ("US$ 995 million").

use crate::extraction::{Mention, MentionType, Origin};
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;
use crate::text::words::{word_after_space, word_ending_at};

use super::names::is_not_name_word;
use super::{EntityRule, Examples, Unit};

/// How many capitalised words after the place may precede the title or head word that keeps it.
const WORDS_BEFORE_TITLE: usize = 3;

/// Places, countries, demonyms and listed people that start longer names are dropped.
pub(crate) struct NameStarts;

impl Unit for NameStarts {
    fn name(&self) -> &'static str {
        "name starts"
    }

    fn doc(&self) -> &'static str {
        "a place, country, demonym or listed person that starts a longer unknown name is no mention of its own"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("He won the U.S. Open on Sunday.", "U.S."),
                ("Shares of American Express rose.", "American"),
                ("Last week, Mohammad Bagheri Kani visited Yerevan.", "Mohammad Bagheri"),
            ],
            no_match: &[
                "U.S. Defense Secretary Pete Hegseth spoke.",
                "They met in Tehran Sunday.",
                "Ankara and Athens Trade Warnings Over Aegean Drills",
            ],
        }
    }
}

impl EntityRule for NameStarts {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        drop_name_starts(cx, doc);
    }
}

/// Removes the place, country, demonym and listed-person mentions that start longer names.
fn drop_name_starts(cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
    let text = doc.text;
    let (titles, org_heads, first_names) = (&cx.scan.titles, &cx.scan.org_heads, &cx.scan.first_names);
    let starts: Vec<usize> = doc
        .mentions()
        .filter(|m| {
            m.origin == Origin::Gazetteer
                && matches!(
                    m.mention_type,
                    MentionType::Country | MentionType::Location | MentionType::Demonym | MentionType::Person
                )
        })
        .map(|m| m.span.start)
        .collect();
    let title_starts: Vec<usize> = titles.iter().map(|t| t.span.start).collect();
    // each list is sorted by start
    let starts_at = |spans: &[usize], pos: usize| spans.binary_search(&pos).is_ok();
    let head_starts: Vec<usize> = org_heads.iter().map(|s| s.start).collect();
    let first_starts: Vec<usize> = first_names.iter().map(|s| s.start).collect();
    for start in starts {
        let Some(m) = doc.starting_at(start).copied() else { continue };
        let mut pos = m.span.end;
        let mut keep = true;
        for n in 0..WORDS_BEFORE_TITLE {
            let Some(word) = word_after_space(text, pos) else { break };
            let word_text = word.text(text).trim_end_matches(['.', ',', ':', ';']);
            let capitalised = word_text.starts_with(char::is_uppercase) && word_text.chars().any(char::is_lowercase);
            if starts_at(&title_starts, word.start) || starts_at(&head_starts, word.start) {
                keep = true;
                break;
            }
            if n == 0 {
                let next = doc.starting_at(word.start).copied();
                if m.mention_type == MentionType::Person
                    && next.is_some_and(|p| is_one_word_place(&p, text) && p.span.end == word.end)
                    && word_after_space(text, word.end).is_none_or(|w| !w.text(text).starts_with(char::is_uppercase))
                {
                    // "Mohammad Bagheri Kani": the place word ends the person's longer name
                    doc.remove(word.start);
                    keep = false;
                    break;
                }
                if !capitalised
                    || is_not_name_word(word_text, cx.lexicon)
                    || next.is_some()
                    || starts_at(&first_starts, word.start)
                {
                    break;
                }
                keep = false;
            } else if !capitalised || word_text.len() != word.len() {
                break; // the name ended ("U.S. Open." / "U.S. Open champion")
            }
            pos = word.end;
        }
        if !keep && !in_title_case_line(text, start) {
            doc.remove(start);
            continue;
        }
        // "US$ 995 million", "NZ$ 524 million": a currency
        let currency = m.mention_type == MentionType::Country && text[m.span.end..].starts_with('$');
        if currency || (m.mention_type != MentionType::Person && ends_a_longer_name(cx, doc, m.span)) {
            doc.remove(start);
        }
    }
}

/// "Air France", "Statistics Canada", "Atlas Bangladesh": a country, place or demonym right after a capitalised
/// word of the same sentence (not its first, nor a function word, a title or a mention) ends a longer name. Lines
/// in capitals or in title case (headlines) are left alone.
fn ends_a_longer_name(cx: &DocContext<'_>, doc: &DocBuilder<'_>, span: Span) -> bool {
    let text = doc.text;
    let Some(before) = text[..span.start].strip_suffix(' ') else { return false };
    let Some((word_start, word)) = word_ending_at(text, 0, before.len()) else { return false };
    let capitalised = word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
    let sentence_start = cx.layer.sentence_at(word_start).is_none_or(|s| s.start >= word_start);
    let after_punctuation = text[..word_start].trim_end().ends_with(['.', ':', '"', '“', '(', '-', '—']);
    capitalised
        && !word.ends_with('.')
        && !sentence_start
        && !after_punctuation
        && !is_not_name_word(word, cx.lexicon)
        && doc.ending_at(before.len()).is_none()
        && !cx.scan.titles.iter().any(|t| t.span.start <= word_start && t.span.end >= before.len())
        && !cx.scan.org_heads.iter().any(|h| h.start == word_start)
        && !is_headline(text, span.start)
}

/// True when the line around `pos` reads as a headline: in capitals, or short, without a sentence's final
/// punctuation and with most of its longer words capitalised ("Baku Rejects Tehran’s Accusations").
fn is_headline(text: &str, pos: usize) -> bool {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let line = text[start..end].trim();
    if !line.chars().any(char::is_lowercase) || in_title_case_line(text, pos) {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().nth(3).is_some()).collect();
    let capitalised = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    words.len() <= 15 && !line.ends_with(['.', '!', '?', '"', '”']) && capitalised * 3 >= long.len() * 2
}

/// A one-word country or place from the gazetteers ("Kani", "Jordan").
fn is_one_word_place(m: &Mention, text: &str) -> bool {
    m.origin == Origin::Gazetteer
        && matches!(m.mention_type, MentionType::Country | MentionType::Location)
        && !m.span.text(text).contains(' ')
}

/// True when the line around `pos` is a headline in title case ("Ankara and Athens Trade Warnings Over Aegean
/// Drills"): five to twenty words of four letters or more, at least 90% of them capitalised.
fn in_title_case_line(text: &str, pos: usize) -> bool {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let (mut words, mut capitalised) = (0, 0);
    for word in text[start..end].split_whitespace().filter(|w| w.chars().nth(3).is_some()) {
        words += 1;
        if words > 20 {
            return false; // a paragraph, not a headline
        }
        capitalised += usize::from(word.starts_with(char::is_uppercase));
    }
    words >= 5 && capitalised * 10 >= words * 9
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Gazetteers};

    fn places(text: &str) -> Vec<String> {
        static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        let extractor = EXTRACTOR.get_or_init(|| Extractor::new(Gazetteers::embedded()).unwrap());
        let x = extractor.extract(&Document::new("t", text));
        x.mentions.iter().map(|m| format!("{}:{}", m.mention_type, m.span.text(text))).collect()
    }

    #[test]
    fn names_that_start_longer_names_are_dropped() {
        assert!(!places("He won the U.S. Open on Sunday.").contains(&"COUNTRY:U.S.".to_owned()));
        assert!(places("U.S. OPEN RESULTS").contains(&"COUNTRY:U.S.".to_owned()));
        // the company (companies.tsv) or, without it, nothing: no demonym
        assert!(!places("Shares of American Express rose.").contains(&"DEMONYM:American".to_owned()));
        assert!(places("U.S. Defense Secretary Pete Hegseth spoke.").contains(&"COUNTRY:U.S.".to_owned()));
        assert!(
            places("Iranian Foreign Ministry spokesman Nasser Kanaani said.").contains(&"DEMONYM:Iranian".to_owned())
        );
        assert!(places("They met in Tehran Sunday.").contains(&"LOCATION:Tehran".to_owned()));
        assert!(places("IRAN SAYS NO").iter().any(|m| m.ends_with(":IRAN")));
        let deputy =
            places("Last week, Iranian Deputy Foreign Minister Mohammad Bagheri Kani visited Yerevan, the capital.");
        assert!(deputy.contains(&"PERSON:Mohammad Bagheri Kani".to_owned()), "{deputy:?}");
        // the son is not the father
        assert!(!places("Donald Trump Jr. spoke.").contains(&"PERSON:Donald Trump".to_owned()));
        assert!(
            places("Ankara and Athens Trade Warnings Over Aegean Drills\n\nText.")
                .contains(&"LOCATION:Athens".to_owned())
        );
    }

    #[test]
    fn places_that_end_longer_names_and_currencies_are_dropped() {
        let countries =
            |text: &str| -> Vec<String> { places(text).into_iter().filter(|m| m.starts_with("COUNTRY")).collect() };
        assert!(countries("Workers at Air France went on strike.").is_empty());
        assert!(countries("The figures of Statistics Canada came out.").is_empty());
        assert!(countries("Profit rose to US$ 995 million.").is_empty());
        // the first word of a sentence, a function word, a title or a mention before it
        assert_eq!(countries("Yesterday France said no."), ["COUNTRY:France"]);
        assert_eq!(countries("They went to France and Italy."), ["COUNTRY:France", "COUNTRY:Italy"]);
        assert_eq!(countries("Britain and France agreed."), ["COUNTRY:Britain", "COUNTRY:France"]);
        assert_eq!(countries("FRANCE SAYS NO"), ["COUNTRY:FRANCE"]);
        assert_eq!(countries("Baku Rejects France’s Accusations\n\nText."), ["COUNTRY:France"]);
    }
}
