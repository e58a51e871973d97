//! Sports teams: the curated `curated/teams.tsv` (NHL, NBA, NFL, MLB, MLS, first-class cricket counties, rugby
//! union and league) and the football clubs of openfootball ([`crate::clubs`]), written to `teams.tsv` with two
//! columns today's loader ignores: `sport`, and `sports_aliases`, the forms that name the team only in sports
//! context ("Toronto", "Surrey", "Liverpool"); see `gazetteers/README.md`.
//!
//! The precision guard (each rule is tested in `tests/generate.rs`):
//! 1. aliases that are abbreviations ("Man. United", "Crystal P."), that start with "The", or that are not in
//!    Latin script are dropped; accents are also matched folded ("Atletico Madrid");
//! 2. a form is an ordinary alias (matched everywhere) only when it is no place name (any `cities15000` city,
//!    whatever its population, or one of its Latin alternate names, or a first-level division), not (folded
//!    or not) another entity's form, not on the stop list, used by no other team, and, when it is one word, no
//!    acronym (all capitals, or three letters or fewer: "KFC", "UNAM", "HB"), no listed person's first name or
//!    surname, no common word (`curated/common_words.txt`) and no form of a club outside the countries of
//!    `curated/football_priority.txt` (Gibraltar's "College", Slovenia's "Nafta"); otherwise it becomes a
//!    sports alias ("Chelsea", "Celtic", "Barcelona", "PSV");
//! 3. a sports alias that two teams of the same sport share is dropped for both ("New York" in baseball: Mets
//!    or Yankees); teams of different sports may share one ("Toronto": Maple Leafs, Raptors, Blue Jays), and the
//!    extractor tells them apart by the `sport` column and the context. Sports aliases are not held to the stop
//!    list: they are meant for sports context only ("Kent", "Sale", "Bath", "Reading");
//! 4. a team whose name fails rule 2 is left out (its name is always matched);
//! 5. a club of openfootball that shares a form with a curated team is the curated team and is left out;
//! 6. a form that several teams use (rules 2 and 3) is kept by one of them when it alone ranks first: a curated
//!    team, else a club of the first country of `curated/football_priority.txt` (GB, ES, DE, ...): "Arsenal FC"
//!    and "Arsenal" are the English club, not Argentina's Arsenal de Sarandi, whose alias they also are.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use crate::common::{self, Register, Result, Row};

/// A team before the guard: every form it is written as.
#[derive(Clone, Debug, Default)]
pub struct Team {
    pub id: String,
    pub name: String,
    /// `football`, `ice_hockey`, `basketball`, `american_football`, `baseball`, `cricket`, `rugby_union`,
    /// `rugby_league`.
    pub sport: String,
    /// The league, for curated teams (NHL, Premiership, ...).
    pub league: String,
    pub country: String,
    /// Forms that may be matched everywhere if the guard allows.
    pub aliases: Vec<String>,
    /// Forms that name the team in sports context only.
    pub sports_aliases: Vec<String>,
    pub source: String,
}

/// What the guard knows about the other sources' names.
pub struct Guard<'a> {
    /// Every city and division name (and its folded form).
    pub place_names: &'a HashSet<String>,
    /// First names and surnames of the listed people.
    pub person_words: &'a HashSet<String>,
    /// Common words (`curated/common_words.txt`).
    pub common_words: &'a BTreeSet<String>,
    /// Countries whose clubs keep a form shared with clubs elsewhere, first first
    /// (`curated/football_priority.txt`).
    pub priority: &'a [String],
}

/// The curated teams (`curated/teams.tsv`: id, name, sport, league, aliases, sports_aliases, country, checked).
pub fn curated(path: &Path) -> Result<Vec<Team>> {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
    let list = |s: &str| s.split('|').map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect();
    let mut teams = Vec::new();
    for (line, r) in common::read_tsv(path)? {
        let get = |k: &str| r.get(k).cloned().unwrap_or_default();
        let team = Team {
            id: get("id"),
            name: get("name"),
            sport: get("sport"),
            league: get("league"),
            country: get("country"),
            aliases: list(&get("aliases")),
            sports_aliases: list(&get("sports_aliases")),
            source: format!("whosaid curated (curated/{file}:{line})"),
        };
        if team.id.is_empty() || team.name.is_empty() || team.sport.is_empty() || get("checked").is_empty() {
            return Err(format!("{}:{line}: a team needs an id, a name, a sport and a checked date", path.display()));
        }
        teams.push(team);
    }
    Ok(teams)
}

/// A form worth keeping at all (rule 1): no abbreviation, no leading "The", Latin script (digits allowed:
/// "Philadelphia 76ers", "Racing 92").
pub fn usable_form(form: &str) -> bool {
    let letters: String = form.chars().map(|c| if c.is_ascii_digit() { 'X' } else { c }).collect();
    common::is_latin_name(&letters)
        && !form.starts_with("The ")
        && !form.split([' ', '-']).any(|w| w.ends_with('.') && w != "St.")
}

/// Applies the guard to curated teams (first) and clubs, claims the ordinary forms in `reg`, and returns the
/// rows of `teams.tsv`.
pub fn rows(curated: Vec<Team>, clubs: Vec<Team>, guard: &Guard, reg: &mut Register) -> Vec<Row> {
    // rule 5: a club written like a curated team is that team
    let curated_forms: HashSet<String> =
        curated.iter().flat_map(|t| std::iter::once(&t.name).chain(&t.aliases)).cloned().collect();
    let clubs = clubs.into_iter().filter(|c| {
        let same = std::iter::once(&c.name).chain(&c.aliases).any(|f| curated_forms.contains(f));
        if same {
            *reg.refused.entry("club already a curated team").or_default() += 1;
        }
        !same
    });
    let curated_count = curated.len();
    let mut teams: Vec<Team> = curated.into_iter().chain(clubs).collect();
    for t in &mut teams {
        for forms in [&mut t.aliases, &mut t.sports_aliases] {
            forms.retain(|f| usable_form(f));
            let folded: Vec<String> = forms.iter().map(|f| common::fold(f)).collect();
            forms.extend(folded);
            common::dedup_in_order(forms);
        }
    }
    // who uses each form (rule 2: "used by no other team"; rule 3: the same sport), and who wins a shared one
    // (rule 6): a curated team, else the club of the first country of the priority list, if it is alone there
    let mut users: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, t) in teams.iter().enumerate() {
        for f in std::iter::once(&t.name).chain(&t.aliases).chain(&t.sports_aliases) {
            users.entry(f.clone()).or_default().insert(i);
        }
    }
    let rank = |i: usize| {
        if i < curated_count {
            0
        } else {
            guard.priority.iter().position(|c| *c == teams[i].country).map_or(usize::MAX, |p| p + 1)
        }
    };
    // the one team among `of` that owns form `f`
    let winner = |f: &str, of: &dyn Fn(usize) -> bool| -> Option<usize> {
        let candidates: Vec<usize> = users[f].iter().copied().filter(|&j| of(j)).collect();
        let best = candidates.iter().map(|&j| rank(j)).min()?;
        let mut top = candidates.iter().filter(|&&j| rank(j) == best);
        match (top.next(), top.next()) {
            (Some(&j), None) if candidates.len() == 1 || best < usize::MAX => Some(j),
            _ => None,
        }
    };
    let ordinary = |f: &str, i: usize, reg: &Register| {
        let one_word = !f.contains(' ');
        let letters: Vec<char> = f.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() <= 3 || letters.iter().all(|c| c.is_uppercase());
        // a one-word form of a club outside the priority countries is too often a word or a name ("College")
        let minor_club = i >= curated_count && rank(i) == usize::MAX;
        let refused_word =
            one_word && (acronym || minor_club || guard.common_words.contains(f) || guard.person_words.contains(f));
        winner(f, &|_| true) == Some(i)
            && !refused_word
            && !guard.place_names.contains(f)
            && !guard.place_names.contains(&common::fold(f))
            && !reg.stop.contains(f)
            && !reg.is_taken(f)
            && !reg.is_taken(&common::fold(f))
    };
    let mut rows = Vec::new();
    for (i, t) in teams.iter().enumerate() {
        if !usable_form(&t.name) || !ordinary(&t.name, i, reg) {
            *reg.refused.entry("team name is a place, a common word or another's form").or_default() += 1;
            continue;
        }
        let (mut plain, mut context) = (Vec::new(), Vec::new());
        for a in &t.aliases {
            if ordinary(a, i, reg) { plain.push(a.clone()) } else { context.push(a.clone()) }
        }
        context.extend(t.sports_aliases.iter().cloned());
        // rule 3: dropped when another team of the same sport uses the form too
        context.retain(|f| *f != t.name && winner(f, &|j| teams[j].sport == t.sport) == Some(i));
        common::dedup_in_order(&mut context);
        let mut row = Row {
            id: t.id.clone(),
            name: t.name.clone(),
            entity_type: "ORGANIZATION",
            subtype: "team".to_owned(),
            aliases: plain,
            country: t.country.clone(),
            source: t.source.clone(),
            ..Row::default()
        };
        if !reg.claim_row(&mut row, "team form taken") {
            continue;
        }
        context.retain(|f| !row.aliases.contains(f));
        row.extra.insert("sport", t.sport.clone());
        row.extra.insert("league", t.league.clone());
        row.extra.insert("sports_aliases", context.join("|"));
        rows.push(row);
    }
    rows
}
