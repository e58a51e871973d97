//! Teams in sports context: a form of the `sports_aliases` column of the team gazetteers ("Surrey", "Toronto",
//! "Giants", "Kent") names its team only where the context is sports, and there it beats a place of the same
//! name; in results, standings and scoreboard lines of a team sport, a city or state named where a team stands
//! is a team even when no listed team has that form ("NEW YORK 74 57 .565" in baseball).
//!
//! Context ([`super::sports_context`]): the sports that the document's headline and the form's sentence near it
//! (its sports words within 120 bytes, and with them the teams it names in full: "the Blue Jays") point to, and the form's position in its line (a score, a
//! result word, a standings line; a venue or a dateline is a place). A form is a team when
//!
//! - a team that has it plays a sport of the context (not at a venue: "In Boston ,"), or
//! - the context is a team sport that none of its teams plays, or no sport is named but a team sport is meant,
//!   and the form stands next to a score, or
//! - there is no context at all but the form stands where only a team does ("Surrey beat Kent", "Chicago 3
//!   Houston 2", a standings line).
//!
//! Among the teams that share the form, the one whose sport the context names is chosen; the league of a team
//! named in the document decides between two sports; when nothing decides, or when no listed team has the form, the
//! mention's entity is the team by that name (`rule:team:...`, subtype `team`, with the sport in its id when the
//! context names one). Countries are never teams here (national sides are their countries), nor are people or
//! organizations already found.

use std::sync::Arc;

use foldhash::HashMap;

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::{Entity, EntityId, EntityType, Form, KeywordKind, Team};
use crate::matcher::Hit;
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::names::is_not_name_word;
use super::sports_context::{Position, SportContext, SportsWords};
use super::{EntityRule, Examples, Unit, slug};

/// The `source` of the mentions this rule makes.
pub(crate) const SOURCE: &str = "rule:sports";

/// Subtypes of the places that name teams (not countries, continents, regions or seas).
const TEAM_PLACES: &[&str] = &["city", "capital", "state", "admin1"];

/// Teams named by their place or common name in sports context.
pub(crate) struct Sports {
    words: SportsWords,
    /// Words of club names -> true when they come first ("FC Porto"), false when last ("Leeds United").
    team_words: HashMap<String, bool>,
}

impl Sports {
    pub fn new(g: &crate::gazetteer::Gazetteers) -> Sports {
        let team_words = g
            .keywords
            .iter()
            .filter(|k| k.kind == KeywordKind::TeamWord)
            .map(|k| (k.text.clone(), k.subtype == "prefix"))
            .collect();
        Sports { words: SportsWords::new(g), team_words }
    }
}

impl Unit for Sports {
    fn name(&self) -> &'static str {
        "sports"
    }

    fn doc(&self) -> &'static str {
        "in sports context, a place or word that names a team is the team (sports aliases; places in result lines)"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("Surrey beat Kent by six wickets .", "Kent"),
                ("CRICKET - SURREY SIGN PAKISTANI BOWLER .\nSurrey said on Friday .", "Surrey"),
                ("Toronto goaltender Felix Potvin was injured .", "Toronto"),
                ("BASEBALL - RESULTS .\nHOUSTON 3 Chicago 2", "HOUSTON"),
            ],
            no_match: &[
                "The Surrey city council met on Monday .",
                "BASEBALL - In Toronto , Pat Hentgen pitched a shutout .",
                "Talks in Toronto ended on Friday .",
            ],
        }
    }
}

/// A form that may name a team: where it is and the listed teams that have it.
struct Candidate {
    span: Span,
    teams: Vec<EntityId>,
}

impl EntityRule for Sports {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let g = cx.gazetteers;
        let mut candidates: Vec<Candidate> = Vec::new();
        for found in &cx.scan.sports_aliases {
            let Hit::SportsAlias(i) = found.hit else { continue };
            let entity = g.sports_aliases[i as usize].entity;
            match candidates.last_mut() {
                Some(c) if c.span == found.span => {
                    if !c.teams.contains(&entity) {
                        c.teams.push(entity);
                    }
                }
                _ => candidates.push(Candidate { span: found.span, teams: vec![entity] }),
            }
        }
        // the places of the document that may stand where a team does
        let places: Vec<Span> = doc
            .mentions()
            .filter(|m| m.mention_type == MentionType::Location && m.origin == Origin::Gazetteer)
            .filter(|m| TEAM_PLACES.contains(&doc.entity_of(m).subtype.as_str()))
            .map(|m| m.span)
            .collect();
        for span in places {
            if let Err(at) = candidates.binary_search_by_key(&(span.start, span.end), |c| (c.span.start, c.span.end)) {
                candidates.insert(at, Candidate { span, teams: Vec::new() });
            }
        }
        if candidates.is_empty() && cx.scan.team_words.is_empty() {
            return;
        }
        // in a headline in capitals, two forms side by side are one longer name ("STANDARD LIEGE")
        let starts_and_ends: Vec<(usize, usize)> = candidates.iter().map(|c| (c.span.start, c.span.end)).collect();
        let document = self.document_context(cx, doc);
        let mut countries = Vec::new();
        for candidate in candidates {
            let span = candidate.span;
            // a country, a person or an organization already there stays; a place there or inside gives way
            if doc.overlapping(span).any(|m| {
                !(m.mention_type == MentionType::Location && span.contains(m.span) && m.origin == Origin::Gazetteer)
            }) {
                let country =
                    doc.starting_at(span.start).filter(|m| m.span == span && m.mention_type == MentionType::Country);
                if country.is_some() && !candidate.teams.is_empty() {
                    countries.push(candidate);
                }
                continue;
            }
            let mut context = self.sentence_context(cx, doc, around(cx, span));
            context.add(&document.context);
            let context = &context;
            if candidate.teams.is_empty() && !context.team_sport {
                continue; // a place, where no team sport is meant
            }
            let line = cx.layer.line_at(span.start, cx.text);
            let position = self.words.position(cx.text, line, span, cx.lexicon);
            if position.venue || position.in_longer_name || beside_another(&starts_and_ends, cx.text, line, span) {
                continue;
            }
            let Some(choice) = choose(g, &candidate, context, position, &document.leagues) else { continue };
            let form = if matches!(choice, Choice::Listed(_)) { Form::Alias } else { Form::Name };
            let entity = match choice {
                Choice::Listed(id) => doc.gazetteer_entity(id, &g.entities[id]),
                Choice::Unlisted(sport) => {
                    let place = doc.overlapping(span).next().map(|m| doc.entity_of(m).clone());
                    let name = place.as_ref().map_or_else(|| title_case(span.text(cx.text)), |p| p.name.clone());
                    let country = place.map(|p| p.country).unwrap_or_default();
                    doc.entity(&Arc::new(unlisted_team(name, sport, country)))
                }
            };
            doc.add_covering(span, entity, form, Origin::Rule(SOURCE));
        }
        self.clubs_named_like_countries(cx, doc, countries, &document.context);
        self.clubs_by_their_words(cx, doc, &document.context);
    }
}

impl Sports {
    /// "Guingamp 2 Monaco 1", "Guadalajara 5 America 0": a country that names a listed club of the context's sport
    /// is that club in a result line whose other side is a club (a team of this rule) and that names no other
    /// country; national sides are their countries.
    fn clubs_named_like_countries(
        &self,
        cx: &DocContext<'_>,
        doc: &mut DocBuilder<'_>,
        countries: Vec<Candidate>,
        document: &SportContext,
    ) {
        let g = cx.gazetteers;
        for candidate in countries {
            let span = candidate.span;
            let line = cx.layer.line_at(span.start, cx.text);
            let others: Vec<&crate::extraction::Mention> = doc.overlapping(line).filter(|m| m.span != span).collect();
            let club = others.iter().any(|m| m.origin == Origin::Rule(SOURCE));
            let country = others.iter().any(|m| matches!(m.mention_type, MentionType::Country | MentionType::Demonym));
            let position = self.words.position(cx.text, line, span, cx.lexicon);
            if !club || country || !(position.is_strong() || position.is_weak()) || position.venue {
                continue;
            }
            let mut context = self.sentence_context(cx, doc, around(cx, span));
            context.add(document);
            if let Some(Choice::Listed(id)) = choose(g, &candidate, &context, position, &[]) {
                let entity = doc.gazetteer_entity(id, &g.entities[id]);
                doc.remove(span.start);
                doc.add(span, entity, Form::Alias, Origin::Rule(SOURCE));
            }
        }
    }

    /// Clubs that no gazetteer lists, named with a word of club names ("Grace Rovers", "Dynamo Batumi",
    /// "F.C. Valletta"), where the document or the sentence is about a team sport.
    fn clubs_by_their_words(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>, document: &SportContext) {
        let text = cx.text;
        for &word in &cx.scan.team_words {
            let Some(&prefix) = self.team_words.get(word.text(text)) else { continue };
            if doc.overlapping(word).next().is_some() {
                continue;
            }
            let in_context = document.team_sport || self.sentence_context(cx, doc, around(cx, word)).team_sport;
            if !in_context {
                continue;
            }
            let name = if prefix { words_after(cx, doc, word) } else { words_before(cx, doc, word) };
            let Some(span) = name else { continue };
            let name = span.text(text).split_whitespace().collect::<Vec<_>>().join(" ");
            let entity = doc.entity(&Arc::new(unlisted_team(title_case(&name), None, String::new())));
            doc.add_covering(span, entity, Form::Name, Origin::Rule(SOURCE));
        }
    }
}

/// Bytes on each side of a form where the words of its sentence give it sports context.
const NEAR: usize = 120;

/// The part of the sentence of `span` within [`NEAR`] bytes of it ("who own the Chicago Cubs baseball team and
/// ... a Texas real estate developer": too far).
fn around(cx: &DocContext<'_>, span: Span) -> Span {
    let sentence = cx.layer.sentence_at(span.start).unwrap_or(span);
    let mut from = span.start.saturating_sub(NEAR).max(sentence.start).min(span.start);
    while !cx.text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + NEAR).min(sentence.end).max(span.end);
    while !cx.text.is_char_boundary(to) {
        to -= 1;
    }
    Span::new(from, to)
}

/// How many capitalised words a club's name has besides its club word.
const CLUB_WORDS: usize = 3;

/// A capitalised word of a club's name: no function word, no word of a mention but a place's.
fn club_word<'t>(cx: &DocContext<'t>, doc: &DocBuilder<'_>, span: Span) -> Option<&'t str> {
    let word = span.text(cx.text);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphanumeric() || "-.'".contains(c));
    let in_other = doc.overlapping(span).any(|m| m.mention_type != MentionType::Location);
    (capitalised && !in_other && !is_not_name_word(word, cx.lexicon)).then_some(word)
}

/// "Grace Rovers": the capitalised words before a suffix, and the suffix.
fn words_before(cx: &DocContext<'_>, doc: &DocBuilder<'_>, suffix: Span) -> Option<Span> {
    let text = cx.text;
    let mut start = suffix.start;
    for _ in 0..CLUB_WORDS {
        let Some(before) = text[..start].strip_suffix(' ') else { break };
        let word_start = before.rfind([' ', '\n', '(', '"']).map_or(0, |i| i + 1);
        let span = Span::new(word_start, before.len());
        if span.is_empty() || club_word(cx, doc, span).is_none() {
            break;
        }
        start = word_start;
    }
    (start < suffix.start).then(|| Span::new(start, suffix.end))
}

/// "Dynamo Batumi": a prefix and the capitalised words after it.
fn words_after(cx: &DocContext<'_>, doc: &DocBuilder<'_>, prefix: Span) -> Option<Span> {
    let text = cx.text;
    let mut end = prefix.end;
    for _ in 0..CLUB_WORDS {
        let Some(after) = text[end..].strip_prefix(' ') else { break };
        let from = text.len() - after.len();
        let word_end = after.find([' ', '\n', ',', ')', '"', ';', ':']).map_or(text.len(), |i| from + i);
        let word_end = if text[from..word_end].ends_with('.') && word_end - from > 2 { word_end - 1 } else { word_end };
        let span = Span::new(from, word_end);
        if span.is_empty() || club_word(cx, doc, span).is_none() {
            break;
        }
        end = word_end;
    }
    (end > prefix.end).then(|| Span::new(prefix.start, end))
}

/// What the whole document says of sports: its headline's sports words, and the leagues of the teams it names.
struct DocumentSports {
    context: SportContext,
    leagues: Vec<String>,
}

impl Sports {
    fn document_context(&self, cx: &DocContext<'_>, doc: &DocBuilder<'_>) -> DocumentSports {
        let headline = cx.layer.lines.first().copied().unwrap_or_default();
        let context = self.words.context_of(&cx.scan.sport_words, headline);
        let mut leagues = Vec::new();
        for m in doc.mentions().filter(|m| m.mention_type == MentionType::Organization) {
            if let Some(team) = cx.gazetteers.team(&doc.entity_of(m).id)
                && !team.league.is_empty()
                && !leagues.contains(&team.league)
            {
                leagues.push(team.league.clone());
            }
        }
        DocumentSports { context, leagues }
    }

    /// What a sentence says of sports: its sports words, and, when they name a team sport, the teams it names in
    /// full ("the Blue Jays"). A team named in a sentence without sports words ("the family that owns the
    /// Chicago Cubs") makes no sports context of it.
    fn sentence_context(&self, cx: &DocContext<'_>, doc: &DocBuilder<'_>, sentence: Span) -> SportContext {
        let mut context = self.words.context_of(&cx.scan.sport_words, sentence);
        if context.team_sport {
            for m in doc.overlapping(sentence).filter(|m| m.mention_type == MentionType::Organization) {
                if let Some(team) = cx.gazetteers.team(&doc.entity_of(m).id) {
                    context.add_sport(&team.sport);
                }
            }
        }
        context
    }
}

/// The team a form names: a listed one, or one no gazetteer lists (of a sport, when the context names one).
enum Choice {
    Listed(EntityId),
    Unlisted(Option<String>),
}

/// True when, in a line in capitals, another candidate stands right before or after `span` ("STANDARD LIEGE").
fn beside_another(candidates: &[(usize, usize)], text: &str, line: Span, span: Span) -> bool {
    if line.text(text).chars().any(char::is_lowercase) {
        return false;
    }
    let space = |from: usize, to: usize| from < to && text.get(from..to) == Some(" ");
    candidates.iter().any(|&(start, end)| space(span.end, start) || space(end, span.start))
}

/// The team the candidate names in this context and position, if it names one (see the module docs).
fn choose(
    g: &crate::gazetteer::Gazetteers,
    candidate: &Candidate,
    context: &SportContext,
    position: Position,
    leagues: &[String],
) -> Option<Choice> {
    let team = |id: &EntityId| g.team(&g.entities[*id].id);
    let plays = |t: Option<&Team>, sport: &str| t.is_some_and(|t| t.sport == sport);
    let fitting: Vec<EntityId> = if context.sports.is_empty() {
        candidate.teams.clone()
    } else {
        candidate.teams.iter().copied().filter(|id| context.sports.iter().any(|s| plays(team(id), s))).collect()
    };
    let one_sport = match context.sports.as_slice() {
        [sport] => Some(sport.clone()),
        _ => None,
    };
    let named = |ids: &[EntityId]| -> Option<Choice> {
        match ids {
            [one] => Some(Choice::Listed(*one)),
            [] => None,
            several => {
                let by_league: Vec<EntityId> = several
                    .iter()
                    .copied()
                    .filter(|id| team(id).is_some_and(|t| !t.league.is_empty() && leagues.contains(&t.league)))
                    .collect();
                match by_league.as_slice() {
                    [one] => Some(Choice::Listed(*one)),
                    _ => Some(Choice::Unlisted(one_sport.clone())),
                }
            }
        }
    };
    if !context.sports.is_empty() {
        if !fitting.is_empty() {
            return named(&fitting);
        }
        // a team sport that none of its teams plays ("CHICAGO" in baseball): a team of that sport, next to a score
        return (position.is_weak() || position.is_strong()).then_some(Choice::Unlisted(one_sport));
    }
    if context.team_sport {
        if !candidate.teams.is_empty() {
            return named(&candidate.teams);
        }
        return (position.is_weak() || position.is_strong()).then_some(Choice::Unlisted(None));
    }
    if position.is_strong() && !candidate.teams.is_empty() {
        return named(&candidate.teams);
    }
    None
}

/// A team that no gazetteer lists, named after its place ("Chicago"), of `sport` when the context says.
fn unlisted_team(name: String, sport: Option<String>, country: String) -> Entity {
    let id = match &sport {
        Some(s) => format!("rule:team:{s}:{}", slug(&name)),
        None => format!("rule:team:{}", slug(&name)),
    };
    Entity {
        id,
        name,
        entity_type: EntityType::Organization,
        subtype: "team".to_owned(),
        role: String::new(),
        country,
        offices: Vec::new(),
        source: SOURCE.to_owned(),
        role_date: None,
        role_listed: String::new(),
    }
}

/// "NEW YORK" -> "New York" (a name written in capitals, for a team no gazetteer lists); "F.C. VALLETTA" ->
/// "F.C. Valletta" (a word of capitals with periods is kept).
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut after_letter = false;
    for c in name.chars() {
        if after_letter {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{Extractor, unit_gazetteer_with};
    use crate::{Document, Gazetteers};

    /// (text, entity id, type, subtype) of every mention of `text` run through the unit gazetteer, or through
    /// it without the `skip`-th row of gazetteers/sports.tsv.
    fn mentions_with(g: Gazetteers, text: &str) -> Vec<(String, String, String, String)> {
        let x = Extractor::new(g).unwrap().extract(&Document::new("t", text));
        x.mentions
            .iter()
            .map(|m| {
                let e = &x.entities[m.entity];
                (m.span.text(text).to_owned(), e.id.clone(), m.mention_type.to_string(), e.subtype.clone())
            })
            .collect()
    }

    fn with_sports(rows: &str) -> Gazetteers {
        let mut g = unit_gazetteer_with(|name| name != "sports.tsv");
        g.add_text("sports.tsv", rows);
        g
    }

    fn is_team(found: &[(String, String, String, String)], text: &str) -> bool {
        team(found, text).is_some()
    }

    /// The id of the team that the mention `text` names, if it names one.
    fn team(found: &[(String, String, String, String)], text: &str) -> Option<String> {
        found.iter().find(|m| m.0 == text && m.2 == "ORGANIZATION" && m.3 == "team").map(|m| m.1.clone())
    }

    /// Every row of gazetteers/sports.tsv decides its example: with the row, `finds` is a team, and not the same
    /// one (or none) without it; for a venue word no team, a team without it; for a player word or a sport that
    /// people play alone, a person, no person without it.
    #[test]
    fn every_row_of_the_sports_words_decides_its_example() {
        let file = include_str!("../../gazetteers/sports.tsv");
        let lines: Vec<&str> = file.lines().collect();
        let header = lines.iter().position(|l| l.starts_with("keyword\t")).unwrap();
        let mut checked = 0;
        let mut failed = Vec::new();
        for (n, line) in lines.iter().enumerate().skip(header + 1) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (kind, example, finds) = (fields[1], fields[4], fields[5]);
            let without: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != n).map(|(_, l)| *l).collect();
            let (with, without) =
                (mentions_with(with_sports(file), example), mentions_with(with_sports(&without.join("\n")), example));
            let person =
                |found: &[(String, String, String, String)]| found.iter().any(|m| m.0 == finds && m.2 == "PERSON");
            let (with_row, without_row) = (team(&with, finds), team(&without, finds));
            let decides = match (kind, fields[2]) {
                ("venue_word", _) => with_row.is_none() && without_row.is_some(),
                ("player_word", _) | ("sport_word", "individual") => person(&with) && !person(&without),
                _ => with_row.is_some() && with_row != without_row,
            };
            if !decides {
                failed
                    .push(format!("sports.tsv:{}: {line}: with the row {with_row:?}, without {without_row:?}", n + 1));
            }
            checked += 1;
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
        assert!(checked > 50);
    }

    #[test]
    fn the_team_of_the_context_sport_is_chosen() {
        let g = with_sports(include_str!("../../gazetteers/sports.tsv"));
        let ids = |text: &str| -> Vec<String> {
            mentions_with(g.clone(), text).into_iter().filter(|m| m.3 == "team").map(|m| m.1).collect()
        };
        // no hockey team of the gazetteer is "Boston": the team by that name, of that sport
        assert_eq!(
            ids("NHL ICE HOCKEY - TORONTO BEAT BOSTON\nToronto won ."),
            ["team:leafs", "rule:team:ice_hockey:boston", "team:leafs"]
        );
        assert_eq!(ids("BASKETBALL - Toronto beat Chicago 99-97 ."), ["team:raptors", "rule:team:basketball:chicago"]);
        // a team named in full gives the document its sport
        assert_eq!(
            ids("The Blue Jays lost . Toronto 3 Boston 4"),
            ["team:blue-jays", "team:blue-jays", "team:red-sox"]
        );
        // nothing decides: the team by that name
        assert_eq!(ids("Toronto 3 Chicago 2"), ["rule:team:toronto", "team:bears"]);
    }

    #[test]
    fn a_country_names_a_club_only_against_a_club() {
        let mut g = with_sports(include_str!("../../gazetteers/sports.tsv"));
        g.add_text("monaco.tsv", "id\tname\ttype\tsubtype\tsport\tsports_aliases\nteam:monaco\tAS Monaco\tORGANIZATION\tteam\tfootball\tJapan\n");
        let ids = |text: &str| -> Vec<(String, String)> {
            mentions_with(g.clone(), text).into_iter().map(|m| (m.0, m.1)).collect()
        };
        let t = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            ids("SOCCER - RESULTS .\nLiverpool 2 Japan 1"),
            [t("Liverpool", "team:liverpool"), t("Japan", "team:monaco")]
        );
        // a national side
        assert_eq!(ids("SOCCER - RESULTS .\nUnited States 2 Japan 1"), [t("United States", "US"), t("Japan", "JP")]);
    }

    #[test]
    fn places_stay_places_outside_sports_and_at_venues() {
        let g = with_sports(include_str!("../../gazetteers/sports.tsv"));
        let found =
            mentions_with(g.clone(), "LONDON 1996-08-30\nCRICKET - At Leicester : Leicestershire 343-8 v Kent .");
        assert!(found.iter().any(|m| m.0 == "Leicester" && m.2 == "LOCATION"), "{found:?}");
        assert!(is_team(&found, "Leicestershire") && is_team(&found, "Kent"), "{found:?}");
        let found = mentions_with(g.clone(), "Toronto police said 3 people were hurt in Surrey .");
        assert!(!found.iter().any(|m| m.3 == "team"), "{found:?}");
        // a team named in political news, and a sports word far from the place: the place stays a place
        let found = mentions_with(
            g.clone(),
            "Donors line up .\nThe family that owns the Toronto Blue Jays gave money , and so did a Boston developer .",
        );
        assert!(is_team(&found, "Toronto Blue Jays"), "{found:?}");
        assert!(found.iter().any(|m| m.0 == "Boston" && m.2 == "LOCATION"), "{found:?}");
        let far = "Donors line up .\nThe family that owns the Toronto Blue Jays baseball team gave money to the campaign , and so did \
                   several donors who had never before given to a candidate for the Senate , among them a Boston real estate developer .";
        let found = mentions_with(g.clone(), far);
        assert!(found.iter().any(|m| m.0 == "Boston" && m.2 == "LOCATION"), "{found:?}");
        // near the sports word, the team of the sentence's sport
        let found = mentions_with(g, "The Toronto Blue Jays beat Boston in baseball on Sunday .");
        assert_eq!(team(&found, "Boston").as_deref(), Some("team:red-sox"), "{found:?}");
    }
}
