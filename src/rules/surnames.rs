//! Surnames standing for a full name seen in the same document ("Hegseth" for "Pete Hegseth"), and the people
//! other rules found by one word ("President Trump"), resolved against those full names.
//!
//! A surname links to the document's most salient bearer of it: the person with that surname named in full or
//! by title or honorific most often, ties going to the one named first (so one "former President Bill Clinton"
//! in an article about Hillary Clinton's campaign does not take her "Clinton"); a full name with another first
//! name is another person. A leader's title with a surname ("President Obama") names the listed leader of that
//! surname before any bearer the text names in full ("the first lady, Michelle Obama"). The document's surnames are looked up at the capitalised
//! word starts ([`super::word_lookup`]) and kept as whole words where no other mention stands; a surname
//! replaces a country or place of the same name ("Neil Jordan" ... "Jordan said").

use foldhash::HashMap;
use std::sync::Arc;

use crate::extraction::{EntityRef, MentionType, Origin};
use crate::gazetteer::{Entity, EntityId, EntityType, Form, Gazetteers};
use crate::lexicon::Lexicon;
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::names::{NameShape, is_name_suffix, surname};
use super::word_lookup::{find_whole_words, starts_outside_mentions};
use super::{EntityRule, Examples, Unit};

/// The `source` of surname mentions.
pub(crate) const SOURCE: &str = "rule:surname";

/// Surnames and one-word names linked to the document's full names.
pub(crate) struct Surnames {
    /// First names and their gender: "Mr. Obama" is not Michelle Obama.
    genders: crate::gender::FirstNameGenders,
    /// Surname -> the gazetteers' people of that surname who held an office of a leader (a word of the office
    /// is a `leader_title`: President, Prime Minister, Secretary of State): what "President Obama" stands for in
    /// a document that never names him in full.
    leaders: HashMap<String, Vec<(EntityId, Arc<Entity>)>>,
    /// The `leader_title` words, compared as written (a handful: cheaper than a lexicon lookup per word).
    leader_words: Vec<String>,
    /// Surname -> the gazetteers' people of that surname with an office of known dates: what "Sen. Sanders"
    /// stands for in a document that never names him in full, when one of them held an office then.
    office_holders: HashMap<String, Vec<(EntityId, Arc<Entity>)>>,
    /// The latest start of an office in the gazetteers: the day the data describes, for a document without a
    /// date.
    data_date: Option<crate::gazetteer::Date>,
}

impl Surnames {
    /// The rule for the gazetteers `g`.
    pub(crate) fn new(g: &Gazetteers) -> Surnames {
        let mut leaders: HashMap<String, Vec<(EntityId, Arc<Entity>)>> = HashMap::default();
        let leader_words: Vec<String> =
            g.lexicon.words_of(crate::lexicon::WordKind::LeaderTitle).into_iter().map(str::to_owned).collect();
        let mut office_holders: HashMap<String, Vec<(EntityId, Arc<Entity>)>> = HashMap::default();
        let mut data_date = None;
        for (i, e) in g.entities.iter().enumerate() {
            if e.entity_type != EntityType::Person {
                continue;
            }
            let Some(key) = surname(&e.name, &g.lexicon) else { continue };
            if e.offices.iter().any(|o| is_leader_office(&o.role, &leader_words)) {
                leaders.entry(key.to_owned()).or_default().push((EntityId::new(i), Arc::clone(e)));
            }
            if e.offices.iter().any(|o| o.from.is_some()) {
                office_holders.entry(key.to_owned()).or_default().push((EntityId::new(i), Arc::clone(e)));
            }
            data_date = e.offices.iter().filter_map(|o| o.from).chain(data_date).max();
        }
        Surnames { genders: crate::gender::FirstNameGenders::new(g), leaders, leader_words, office_holders, data_date }
    }
}

/// An office of a leader: one of its words is a `leader_title` (President, Prime Minister, Secretary of State).
fn is_leader_office(role: &str, leader_words: &[String]) -> bool {
    role.split_whitespace().any(|w| leader_words.iter().any(|l| l == w))
}

impl Unit for Surnames {
    fn name(&self) -> &'static str {
        "surnames"
    }

    fn doc(&self) -> &'static str {
        "a surname (or a one-word name after a title) stands for the full name seen in the same document"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Defense Minister Gen Nakatani spoke. Nakatani said more.", "Nakatani"),
                ("President Donald Trump spoke. Later President Trump left.", "Trump"),
                ("Neil Jordan spoke. Jordan said more.", "Jordan"),
            ],
            no_match: &["Nakatani said more.", "Jordan said more."],
        }
    }
}

impl EntityRule for Surnames {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let lexicon = cx.lexicon;
        // surname -> [(entity, start of its first full mention, full mentions)]
        let mut surnames: HashMap<String, Vec<Bearer>> = HashMap::default();
        for m in doc.mentions().filter(|m| m.mention_type == MentionType::Person) {
            let name = &doc.entity_of(m).name;
            // a byline's or photo credit's person is no bearer of a surname of the story
            if NameShape::tokens(name) < 2 || doc.entity_of(m).subtype == super::credits::SUBTYPE {
                continue;
            }
            let (full, seen) = (name.as_str(), m.span.text(doc.text));
            // the last two words of a longer name too: "Suu Kyi" of "Aung San Suu Kyi" (found before "Kyi")
            let keys = [
                surname(full, lexicon),
                surname(seen, lexicon),
                last_two_words(full, lexicon),
                last_two_words(seen, lexicon),
            ];
            for (i, key) in keys.iter().enumerate() {
                // a key once per mention: "Michelle Obama" as named and as seen is one mention of "Obama"
                let Some(key) = key.filter(|k| !keys[..i].contains(&Some(k))) else { continue };
                match surnames.get_mut(key) {
                    Some(list) => match list.iter_mut().find(|b| b.0 == m.entity) {
                        Some(b) => b.2 += 1,
                        None => list.push((m.entity, m.span.start, 1)),
                    },
                    None => {
                        surnames.insert(key.to_owned(), vec![(m.entity, m.span.start, 1)]);
                    }
                }
            }
        }
        for p in std::mem::take(&mut doc.pending) {
            let key = p.span.text(doc.text);
            // a leader's title ("President Obama") names the listed leader of that surname before any other
            // bearer ("the first lady, Michelle Obama")
            let leader = is_leader_office(&p.entity.role, &self.leader_words)
                .then(|| self.listed_leader(cx, doc, key, &p))
                .flatten();
            let bearer = leader.or_else(|| surnames.get(key).and_then(|c| self.choose(lexicon, doc, c, p.span.start)));
            // no bearer named in full so far: a full name elsewhere in the text ("Ms. Moore" ... "Minyon Moore,
            // a senior adviser"), else the listed leader of that surname ("President Obama")
            let bearer = bearer.or_else(|| {
                self.full_name_in_text(cx, doc, key, &p)
                    .or_else(|| self.listed_leader(cx, doc, key, &p))
                    .or_else(|| self.listed_office_holder(cx, doc, key, &p))
            });
            if let Some(e) = bearer {
                // each mention by title or honorific makes its bearer more salient for the bare surnames
                let list = surnames.entry(key.to_owned()).or_default();
                match list.iter_mut().find(|b| b.0 == e) {
                    Some(b) => b.2 += 1,
                    None => list.push((e, p.span.start, 1)),
                }
            }
            match bearer {
                Some(entity) => {
                    doc.titled(entity, &p.entity.role, &p.entity.country);
                    doc.add(p.span, entity, Form::Surname, p.origin);
                }
                // no bearer, or none of the honorific's gender ("Mr. Obama" where only Michelle Obama is named)
                None => {
                    let entity = doc.entity(&Arc::new(p.entity));
                    doc.add(p.span, entity, Form::Name, p.origin);
                    surnames.entry(key.to_owned()).or_default().push((entity, p.span.start, 1));
                }
            }
        }
        if surnames.is_empty() {
            return;
        }
        let text = doc.text;
        let open_starts = starts_outside_mentions(doc, &cx.layer.capital_starts);
        let patterns: Vec<&str> = surnames.keys().map(String::as_str).collect();
        for (span, key) in find_whole_words(text, patterns, &open_starts) {
            // "daughter Chelsea Clinton's": another first name makes another person, who does not take the surname
            // ("Ms. Mills" ... "Cheryl Mills" is one person: only a bearer named in full makes another)
            let named_in_full = surnames[key].iter().any(|b| NameShape::tokens(&doc.entity_at(b.0).name) >= 2);
            if let Some(first) = other_first_name(cx, doc, span, &self.genders).filter(|_| named_in_full) {
                super::people::add_person(
                    doc,
                    Span::new(first, span.end),
                    String::new(),
                    String::new(),
                    "",
                    Origin::Rule(SOURCE),
                );
                continue;
            }
            let Some(entity) = self.choose(lexicon, doc, &surnames[key], span.start) else { continue };
            // the surname of a person named in the document wins over a place of that name ("Jordan said")
            if !doc.add(span, entity, Form::Surname, Origin::Rule(SOURCE))
                && doc.starting_at(span.start).is_some_and(|m| {
                    m.span == span && matches!(m.mention_type, MentionType::Country | MentionType::Location)
                })
            {
                doc.add_covering(span, entity, Form::Surname, Origin::Rule(SOURCE));
            }
        }
    }
}

/// The last two words of a name of three words or more ("Aung San Suu Kyi" -> "Suu Kyi"), when both are
/// capitalised name words.
fn last_two_words<'n>(name: &'n str, lexicon: &Lexicon) -> Option<&'n str> {
    let name = name.trim_end();
    let mut tokens = name.split_whitespace().rev();
    let (Some(b), Some(a), Some(_)) = (tokens.next(), tokens.next(), tokens.next()) else { return None };
    let capitalised = |t: &str| t.starts_with(char::is_uppercase) && !t.ends_with('.') && t.chars().count() >= 2;
    if !(capitalised(a) && capitalised(b)) || is_name_suffix(b, lexicon) {
        return None;
    }
    let before_last = name[..name.len() - b.len()].trim_end();
    Some(&name[before_last.len() - a.len()..])
}

/// The start of a capitalised word right before the surname at `span` that names another person ("Chelsea" of
/// "daughter Chelsea Clinton"): no mention, no title, no word of the lexicon, not a sentence's first word unless
/// a known first name.
fn other_first_name(
    cx: &DocContext<'_>,
    doc: &DocBuilder<'_>,
    span: Span,
    genders: &crate::gender::FirstNameGenders,
) -> Option<usize> {
    let text = doc.text;
    let before = text[..span.start].strip_suffix(' ')?;
    let word_start = before.char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let is_name_word = word.chars().count() >= 2
        && word.starts_with(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && cx.lexicon.kinds(word) == crate::lexicon::WordKinds::NONE;
    if !is_name_word {
        return None;
    }
    // a sentence's first word ("Meanwhile Clinton said") or a word after a mark is no first name, unless the
    // data knows it as one ("Bill Clinton Calls ...")
    let prior = text[..word_start].trim_end();
    let opens = prior.is_empty()
        || !text[..word_start].ends_with([' ', '\n'])
        || prior.ends_with(['.', '!', '?', ':', '"', '“', '”', '(']);
    if opens && genders.of_name(word).is_none() {
        return None;
    }
    let word_span = Span::new(word_start, span.start - 1);
    let taken = doc.overlapping(word_span).next().is_some()
        || cx.scan.titles.iter().any(|t| t.span.start < word_span.end && word_span.start < t.span.end);
    (!taken).then_some(word_start)
}

impl Surnames {
    /// A full name ending in the one-word name `key` of `p` elsewhere in the text, with another first name
    /// ("Minyon Moore" for "Ms. Moore"), added as a person: the first one whose first name's gender fits the
    /// honorific, if any.
    fn full_name_in_text(
        &self,
        cx: &DocContext<'_>,
        doc: &mut DocBuilder<'_>,
        key: &str,
        p: &crate::pipeline::PendingPerson,
    ) -> Option<EntityRef> {
        let text = doc.text;
        let wanted = honorific_gender(cx.lexicon, text, p.span.start);
        let whole_word = |at: usize| {
            !text[..at].ends_with(char::is_alphanumeric)
                && !text[at + key.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        };
        let (first, span) = text.match_indices(key).map(|(at, _)| Span::new(at, at + key.len())).find_map(|span| {
            if span == p.span || !whole_word(span.start) {
                return None;
            }
            let first = other_first_name(cx, doc, span, &self.genders)?;
            let fits = wanted.is_none_or(|g| self.genders.of_name(&text[first..span.start]).is_none_or(|h| h == g));
            fits.then_some((first, span))
        })?;
        let name = Span::new(first, span.end);
        super::people::add_person(doc, name, p.entity.role.clone(), p.entity.country.clone(), "", p.origin);
        doc.starting_at(first).filter(|m| m.span == name).map(|m| m.entity)
    }

    /// The gazetteers' one leader of surname `key` (see [`Surnames::leaders`]) that the one-word name of `p`
    /// fits: the honorific's gender, the title it was found with (an office whose role is the title or starts
    /// with it: "Vice President Biden"), the document's date (an office held that day). None when no leader or
    /// several fit.
    fn listed_leader(
        &self,
        cx: &DocContext<'_>,
        doc: &mut DocBuilder<'_>,
        key: &str,
        p: &crate::pipeline::PendingPerson,
    ) -> Option<EntityRef> {
        let candidates = self.leaders.get(key)?;
        let wanted = honorific_gender(cx.lexicon, doc.text, p.span.start);
        let title = p.entity.role.as_str();
        let fits = |e: &Entity| {
            wanted.is_none_or(|g| self.genders.of_name(&e.name).is_none_or(|h| h == g))
                && e.offices.iter().any(|o| {
                    is_leader_office(&o.role, &self.leader_words)
                        && fits_title(title, &o.role)
                        && cx.date.is_none_or(|d| e.office_on(d).is_some_and(|held| held.role == o.role))
                })
        };
        let mut fitting = candidates.iter().filter(|(_, e)| fits(e));
        let (id, entity) = fitting.next()?;
        if fitting.next().is_some() {
            return None;
        }
        Some(doc.gazetteer_entity(*id, entity))
    }

    /// The gazetteers' one person of surname `key` (see [`Surnames::office_holders`]) who held an office that
    /// the one-word name of `p` fits on the document's date (without one, on the data's latest date): the
    /// honorific's gender and the title it was found with, as for [`Surnames::listed_leader`]. "Mr. Sanders" in
    /// an article of 2016 is Bernie Sanders, then in the Senate, and not James Sanders, who left the Small
    /// Business Administration in 1986. None when no one or several fit.
    fn listed_office_holder(
        &self,
        cx: &DocContext<'_>,
        doc: &mut DocBuilder<'_>,
        key: &str,
        p: &crate::pipeline::PendingPerson,
    ) -> Option<EntityRef> {
        let candidates = self.office_holders.get(key)?;
        let date = cx.date.or(self.data_date)?;
        let wanted = honorific_gender(cx.lexicon, doc.text, p.span.start);
        let title = p.entity.role.as_str();
        let fits = |e: &Entity| {
            wanted.is_none_or(|g| self.genders.of_name(&e.name).is_none_or(|h| h == g))
                && e.offices.iter().any(|o| {
                    o.from.is_some_and(|from| from <= date)
                        && o.to.is_none_or(|to| date <= to.last_day())
                        && fits_title(title, &o.role)
                })
        };
        let mut fitting = candidates.iter().filter(|(_, e)| fits(e));
        let (id, entity) = fitting.next()?;
        if fitting.next().is_some() {
            return None;
        }
        Some(doc.gazetteer_entity(*id, entity))
    }

    /// The most salient bearer whose gender fits an honorific right before `pos` ("Mr. Obama", "Mrs. Clinton");
    /// none when the honorific fits no bearer (each of a known other gender).
    fn choose(&self, lexicon: &Lexicon, doc: &DocBuilder<'_>, candidates: &[Bearer], pos: usize) -> Option<EntityRef> {
        if let Some(wanted) = honorific_gender(lexicon, doc.text, pos) {
            let fits = |b: &&Bearer| self.genders.of_name(&doc.entity_at(b.0).name).is_none_or(|g| g == wanted);
            let fitting: Vec<Bearer> = candidates.iter().filter(fits).copied().collect();
            return (!fitting.is_empty()).then(|| choose(&fitting));
        }
        Some(choose(candidates))
    }
}

/// True when an office's `role` fits the `title` a one-word name was found with: no title, the title itself, or
/// a role that starts with it ("Vice President" of "Vice President Biden", "Senator from Vermont" of "Senator").
fn fits_title(title: &str, role: &str) -> bool {
    title.is_empty()
        || role.eq_ignore_ascii_case(title)
        || role.get(..title.len()).is_some_and(|r| r.eq_ignore_ascii_case(title))
            && role[title.len()..].starts_with(' ')
}

/// The gender of an honorific right before `pos` ("Mrs. " of "Mrs. Clinton"), if any.
fn honorific_gender(lexicon: &Lexicon, text: &str, pos: usize) -> Option<crate::gender::Gender> {
    let before = text[..pos].trim_end();
    let before = before.strip_suffix('.').unwrap_or(before);
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if lexicon.is(word, crate::lexicon::WordKind::FemaleHonorific) {
        Some(crate::gender::Gender::Female)
    } else if lexicon.is(word, crate::lexicon::WordKind::MaleHonorific) {
        Some(crate::gender::Gender::Male)
    } else {
        None
    }
}

/// A bearer of a surname: the person, the start of their first full (or titled) mention, how many such mentions.
type Bearer = (EntityRef, usize, u32);

/// The most salient bearer: named in full (or by title or honorific) most often, ties to the one named first.
fn choose(candidates: &[Bearer]) -> EntityRef {
    candidates
        .iter()
        .max_by_key(|(_, first, count)| (*count, std::cmp::Reverse(*first)))
        .map(|(e, _, _)| *e)
        .expect("candidates are never empty")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> &'static Lexicon {
        &crate::gazetteer::Gazetteers::embedded_static().lexicon
    }

    #[test]
    fn two_word_surnames() {
        assert_eq!(last_two_words("Aung San Suu Kyi", lexicon()), Some("Suu Kyi"));
        assert_eq!(last_two_words("Mohammad Bagheri Kani", lexicon()), Some("Bagheri Kani"));
        assert_eq!(last_two_words("Pete Hegseth", lexicon()), None);
        assert_eq!(last_two_words("Martin Luther King Jr.", lexicon()), None);
        assert_eq!(last_two_words("Donald J. Trump", lexicon()), None);
    }

    #[test]
    fn most_named_in_full_wins_else_first_named() {
        let (a, b) = (EntityRef::new(0), EntityRef::new(1));
        assert_eq!(choose(&[(a, 10, 1), (b, 50, 1)]), a);
        assert_eq!(choose(&[(a, 10, 1), (b, 50, 3)]), b);
    }
}
