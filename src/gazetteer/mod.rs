//! Gazetteers: the plain TSV files that say which names mean which entity, which titles introduce officials,
//! which verbs introduce quotations, which words head organization names, and what the function words are
//! (the [`Lexicon`]).
//!
//! A [`Gazetteers`] value is the union of files loaded in order (the embedded defaults first, then the user's
//! `--gazetteers` directories). Loading never panics: every problem becomes a [`Diagnostic`] naming file, line
//! and column. The file format is described in `gazetteers/README.md`.

mod check;
mod embedded;
pub mod office;
mod tsv;

pub use check::{CheckReport, check};
pub use office::{Date, Office};
pub use tsv::FileKind;

use foldhash::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::lexicon::{Lexicon, WordKind, WordKinds};

/// The file of the default lexicon, among the embedded gazetteers.
const LEXICON_FILE: &str = "lexicon.tsv";

/// The type of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person: officials, politicians, anyone named.
    Person,
    /// A country or territory.
    Country,
    /// A government body, agency, party, company, news outlet, international organization.
    Organization,
    /// A city, capital, state, region or other place that is not a country.
    Location,
}

impl EntityType {
    /// The name used in gazetteers and tables (`PERSON`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Country => "COUNTRY",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Location => "LOCATION",
        }
    }

    fn parse(s: &str) -> Option<EntityType> {
        match s.to_ascii_uppercase().as_str() {
            "PERSON" => Some(EntityType::Person),
            "COUNTRY" => Some(EntityType::Country),
            "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Organization),
            "LOCATION" => Some(EntityType::Location),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity: one gazetteer row (or several rows sharing an id), or one found by a rule in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable id (`IR`, `wikidata:Q123`, `rule:person:nasser-kanaani`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Entity type.
    pub entity_type: EntityType,
    /// Subtype (official, capital, ministry, ...), possibly empty.
    pub subtype: String,
    /// Role or office (for people), possibly empty.
    pub role: String,
    /// Id of the entity's country (`IR`), possibly empty. A country's own row leaves it empty.
    pub country: String,
    /// Every office (one per gazetteer row, with its dates); empty for an entity a rule made. `role`,
    /// `country` and `subtype` are those of the latest office ([`Entity::latest_office`]).
    pub offices: Vec<Office>,
    /// Where the entity comes from: `file:line` of its gazetteer row, or the rule that made it.
    pub source: String,
    /// For an entity of a document: the date its `role` is for, the document's date (the office held that day,
    /// or the title the text gives). `None` for the latest office listed, or without a role.
    pub role_date: Option<Date>,
    /// For an entity of a document whose text gives a title ("Minister of Defense Zakir Hasanov"), which is
    /// then its `role`: the role the gazetteers list for it (on the document's date), when it differs; empty
    /// otherwise.
    pub role_listed: String,
}

/// An entity of the gazetteers: an index into [`Gazetteers::entities`], in the manner of aho-corasick's
/// `PatternID`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(u32);

impl EntityId {
    pub(crate) fn new(index: usize) -> EntityId {
        EntityId(u32::try_from(index).expect("fewer than 2^32 gazetteer entities"))
    }

    /// The index into [`Gazetteers::entities`].
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// A surface form of the gazetteers: an index into [`Gazetteers::aliases`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AliasId(u32);

impl AliasId {
    pub(crate) fn new(index: usize) -> AliasId {
        AliasId(u32::try_from(index).expect("fewer than 2^32 gazetteer aliases"))
    }

    /// The index into [`Gazetteers::aliases`].
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

impl std::ops::Index<EntityId> for [Arc<Entity>] {
    type Output = Arc<Entity>;

    fn index(&self, e: EntityId) -> &Arc<Entity> {
        &self[e.as_usize()]
    }
}

impl std::ops::Index<EntityId> for Vec<Arc<Entity>> {
    type Output = Arc<Entity>;

    fn index(&self, e: EntityId) -> &Arc<Entity> {
        &self[e.as_usize()]
    }
}

impl std::ops::Index<AliasId> for Vec<Alias> {
    type Output = Alias;

    fn index(&self, a: AliasId) -> &Alias {
        &self[a.as_usize()]
    }
}

impl Entity {
    /// The most recent office: an ongoing one, else the one that ended last (among equals, the first
    /// listed). This is the office whose role the tables show.
    pub fn latest_office(&self) -> Option<&Office> {
        office::latest(&self.offices)
    }

    /// The office held on `date`, the most recent one when several were (see [`office::held_on`]).
    pub fn office_on(&self, date: Date) -> Option<&Office> {
        office::held_on(&self.offices, date)
    }

    /// The entity as of `date`: its role, country and subtype those of the office held that day (no role when
    /// none was held then), `role_date` the date. An entity without roles (a place, a country) is unchanged.
    pub fn as_of(&self, date: Date) -> Option<Entity> {
        if self.offices.iter().all(|o| o.role.is_empty()) {
            return None;
        }
        let mut dated = self.clone();
        match self.office_on(date) {
            Some(office) => {
                dated.role = office.role.clone();
                if !office.country.is_empty() {
                    dated.country = office.country.clone();
                }
                if !office.subtype.is_empty() {
                    dated.subtype = office.subtype.clone();
                }
            }
            None => dated.role.clear(),
        }
        dated.role_date = Some(date);
        Some(dated)
    }
}

/// How a matched surface form names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The canonical name.
    Name,
    /// One of the listed aliases.
    Alias,
    /// A nationality word linked to its country (Iranian, Azeri): the mention's type is `DEMONYM`.
    Demonym,
    /// A surname standing for a full name seen in the same document.
    Surname,
    /// An acronym defined in the document ("Joint Operations Command, or JJOC").
    Acronym,
}

impl Form {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Alias => "alias",
            Form::Demonym => "demonym",
            Form::Surname => "surname",
            Form::Acronym => "acronym",
        }
    }
}

/// A surface form to look for in text, pointing at its entity.
#[derive(Clone, Debug)]
pub struct Alias {
    /// The text to match, exactly (or ASCII-case-insensitively when `case_insensitive`).
    pub text: String,
    /// Its entity.
    pub entity: EntityId,
    /// Name, alias or demonym.
    pub form: Form,
    /// Match ignoring ASCII case.
    pub case_insensitive: bool,
    /// Rank of the file the alias comes from: later files (user gazetteers) win ties.
    pub file_rank: u32,
}

/// What a title introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// An office or role: Minister, Secretary, spokesman, President.
    Office,
    /// A military or police rank: General, Gen., Col.
    Rank,
    /// A form of address: Mr., Mrs., Dr.
    Honorific,
}

/// A title or role word from a title file.
#[derive(Clone, Debug)]
pub struct Title {
    /// The text to match.
    pub text: String,
    /// Office, rank or honorific.
    pub kind: TitleKind,
    /// The role to output (the title itself when the file leaves it empty).
    pub role: String,
}

/// What a cue introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A verb of saying: said, told, added, tweeted.
    Speech,
    /// "according to".
    AccordingTo,
    /// A verb of belief (thinks, believes): weaker evidence of speech.
    Belief,
}

impl CueKind {
    /// The name cue files and the `cue_kind` column use: `speech`, `according_to`, `belief`.
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Speech => "speech",
            CueKind::AccordingTo => "according_to",
            CueKind::Belief => "belief",
        }
    }
}

/// A cue verb or phrase from a cue file.
#[derive(Clone, Debug)]
pub struct Cue {
    /// The surface form to match ("said", "according to").
    pub text: String,
    /// Its lemma ("say").
    pub lemma: String,
    /// What it introduces.
    pub kind: CueKind,
}

/// What a keyword is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeywordKind {
    /// Heads organization names: "Ministry of X", "X Command".
    OrgHead,
    /// Ends organization names, after their capitalised words: "Acme Corp.", "Rio Tinto Plc".
    OrgSuffix,
    /// Starts person names: the first-name rule.
    FirstName,
    /// Never matched as an alias, whatever file lists it.
    Stopword,
    /// The domain of a ministry, with its canonical form ("Foreign Affairs" and "External Affairs" are "Foreign").
    MinistryDomain,
    /// A first name most people who bear it are women (`first_names_gender.tsv`): a person's gender.
    FemaleName,
    /// A first name most people who bear it are men.
    MaleName,
    /// A word of sports context ("soccer", "innings", "NHL"), with the sports it points to (`canonical`,
    /// `|`-separated; empty: some team sport) and whether they are played by teams (`subtype` `team`) or by
    /// people (`individual`).
    SportWord,
    /// Stands between two teams in a result ("Surrey beat Kent", "Ajax v PSV", "TORONTO AT CHICAGO").
    ResultWord,
    /// Before a place name, makes it the venue, not a team ("In Boston , ...", "at Leicester").
    VenueWord,
    /// Next to a name in a sports result, makes it a player's ("Atherton b Ambrose", "Lara not out").
    PlayerWord,
    /// A word of team names: before (`subtype` `prefix`: "FC Porto") or after (`suffix`: "Leeds United") the
    /// place or name of a club.
    TeamWord,
    /// The last word of the names of places, buildings and institutions ("Trafalgar Square", "Penn Station",
    /// "Mercy Hospital"): a first name before it starts no person's name.
    PlaceWord,
    /// The last word of the names of events and prizes ("Davis Cup", "Hong Kong Open"): a first name before it
    /// starts no person's name.
    EventWord,
    /// The name of a month (`canonical`: its number), as datelines write it ("Nov.", "November").
    Month,
}

impl KeywordKind {
    /// Every kind.
    pub const ALL: [KeywordKind; 15] = [
        KeywordKind::OrgHead,
        KeywordKind::OrgSuffix,
        KeywordKind::FirstName,
        KeywordKind::Stopword,
        KeywordKind::MinistryDomain,
        KeywordKind::FemaleName,
        KeywordKind::MaleName,
        KeywordKind::SportWord,
        KeywordKind::ResultWord,
        KeywordKind::VenueWord,
        KeywordKind::PlayerWord,
        KeywordKind::TeamWord,
        KeywordKind::PlaceWord,
        KeywordKind::EventWord,
        KeywordKind::Month,
    ];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            KeywordKind::OrgHead => "org_head",
            KeywordKind::OrgSuffix => "org_suffix",
            KeywordKind::FirstName => "first_name",
            KeywordKind::Stopword => "stopword",
            KeywordKind::MinistryDomain => "ministry_domain",
            KeywordKind::FemaleName => "female_name",
            KeywordKind::MaleName => "male_name",
            KeywordKind::SportWord => "sport_word",
            KeywordKind::ResultWord => "result_word",
            KeywordKind::VenueWord => "venue_word",
            KeywordKind::PlayerWord => "player_word",
            KeywordKind::TeamWord => "team_word",
            KeywordKind::PlaceWord => "place_word",
            KeywordKind::EventWord => "event_word",
            KeywordKind::Month => "month",
        }
    }

    fn parse(s: &str) -> Option<KeywordKind> {
        KeywordKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Kinds whose rows need a `canonical` value.
    fn needs_canonical(self) -> bool {
        matches!(self, KeywordKind::MinistryDomain | KeywordKind::Month)
    }
}

/// A word from a keyword file.
#[derive(Clone, Debug)]
pub struct Keyword {
    /// The word.
    pub text: String,
    /// What it is.
    pub kind: KeywordKind,
    /// For an organization head word: the subtype of the organizations it heads (`ministry`, `armed_forces`,
    /// ...; empty: `organization`).
    pub subtype: String,
    /// For a ministry domain: its canonical form; for a sport word: its sports; for a month: its number.
    pub canonical: String,
}

/// A problem found while loading gazetteers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// File name as given (embedded defaults are named `default:<file>`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (field number), where it applies.
    pub column: Option<usize>,
    /// Errors make the gazetteers unusable; warnings do not.
    pub is_error: bool,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn error(file: &str, line: usize, column: Option<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: file.to_owned(), line, column, is_error: true, message: message.into() }
    }

    pub(crate) fn warning(file: &str, line: usize, column: Option<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: file.to_owned(), line, column, is_error: false, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(c) = self.column {
            write!(f, ":{c}")?;
        }
        let severity = if self.is_error { "error" } else { "warning" };
        write!(f, ": {severity}: {}", self.message)
    }
}

/// All loaded gazetteers: entities with their aliases, titles, cue files and keywords.
#[derive(Clone, Debug, Default)]
pub struct Gazetteers {
    /// Entities, in load order. Indexes into this are stable once loaded.
    pub entities: Vec<Arc<Entity>>,
    /// Surface forms to match.
    pub aliases: Vec<Alias>,
    /// Forms that name a team only in sports context (the `sports_aliases` column: "Toronto", "Surrey",
    /// "Giants"), apart from [`Gazetteers::aliases`]: the dictionary reports them separately and the sports rule
    /// decides (`src/rules/sports.rs`). Several teams may share one.
    pub sports_aliases: Vec<Alias>,
    /// The sport and league of each team (rows with a `sport` column).
    pub teams: HashMap<EntityId, Team>,
    /// Titles and roles.
    pub titles: Vec<Title>,
    /// Cue verbs and phrases that introduce quotations.
    pub cues: Vec<Cue>,
    /// Keywords (organization heads, first names, stop words, ministry domains).
    pub keywords: Vec<Keyword>,
    /// Function words and their kinds.
    pub lexicon: Lexicon,
    /// Problems found while loading.
    pub diagnostics: Vec<Diagnostic>,
    /// Files loaded, in order.
    pub files: Vec<String>,
    by_id: HashMap<String, EntityId>,
}

/// What a team plays, from the `sport` and `league` columns of its row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    /// `football`, `ice_hockey`, `basketball`, `american_football`, `baseball`, `cricket`, `rugby_union`,
    /// `rugby_league` (the names of `gazetteers/teams.tsv`).
    pub sport: String,
    /// Its league (`NHL`, `County Championship`), possibly empty.
    pub league: String,
}

/// Column indexes of an entity file.
struct EntityColumns {
    id: Option<usize>,
    name: Option<usize>,
    entity_type: Option<usize>,
    subtype: Option<usize>,
    aliases: Option<usize>,
    demonyms: Option<usize>,
    country: Option<usize>,
    role: Option<usize>,
    from: Option<usize>,
    to: Option<usize>,
    case: Option<usize>,
    sport: Option<usize>,
    league: Option<usize>,
    sports_aliases: Option<usize>,
}

impl Gazetteers {
    /// No names, titles, cues or keywords (use with `--no-default-gazetteers`): only the default lexicon of
    /// function words (`default:lexicon.tsv`), which is English, not a list of names, and which the user's
    /// `word` files extend.
    pub fn new() -> Gazetteers {
        let mut g = Gazetteers::default();
        g.add_text(&format!("default:{LEXICON_FILE}"), embedded::LEXICON);
        g
    }

    /// The curated defaults embedded in the binary (the files of the repository's `gazetteers/`).
    pub fn embedded() -> Gazetteers {
        let mut g = Gazetteers::new();
        for (name, text) in embedded::FILES.iter().filter(|(name, _)| *name != LEXICON_FILE) {
            g.add_text(&format!("default:{name}"), text);
        }
        g
    }

    /// The embedded defaults, loaded once for the tests of the whole crate.
    #[cfg(test)]
    pub(crate) fn embedded_static() -> &'static Gazetteers {
        static EMBEDDED: std::sync::OnceLock<Gazetteers> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(Gazetteers::embedded)
    }

    /// Adds every `*.tsv` file under `dir` (recursively, in name order).
    pub fn add_dir(&mut self, dir: &Path) -> Result<()> {
        if !dir.is_dir() {
            return Err(Error::new(ErrorKind::Gazetteer("not a directory".into())).in_file(dir));
        }
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::new(ErrorKind::Gazetteer(e.to_string())).in_file(dir))?;
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "tsv") {
                files.push(entry.into_path());
            }
        }
        for path in files {
            self.add_file(&path)?;
        }
        Ok(())
    }

    /// Adds one gazetteer file.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = path.display().to_string();
        match String::from_utf8(bytes) {
            Ok(text) => self.add_text(&name, &text),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes());
                let line = text[..offset].matches('\n').count() + 1;
                self.diagnostics.push(Diagnostic::error(
                    &name,
                    line,
                    None,
                    format!("not UTF-8 (first bad byte at offset {offset}); save the file as UTF-8"),
                ));
            }
        }
        Ok(())
    }

    /// Adds a gazetteer given as text; `file` names it in diagnostics and sources.
    pub fn add_text(&mut self, file: &str, text: &str) {
        let Some(tsv) = tsv::parse(file, text, &mut self.diagnostics) else {
            return;
        };
        let rank = self.files.len() as u32;
        self.files.push(file.to_owned());
        match tsv.kind {
            FileKind::Entities => self.add_entities(file, rank, &tsv),
            FileKind::Titles => self.add_titles(file, &tsv),
            FileKind::Cues => self.add_cues(file, &tsv),
            FileKind::Keywords => self.add_keywords(file, &tsv),
            FileKind::Lexicon => self.add_lexicon(file, &tsv),
        }
    }

    /// Errors among the diagnostics, if any, as one error listing them (for runs that must not start).
    pub fn errors(&self) -> Option<Error> {
        let errors: Vec<String> = self.diagnostics.iter().filter(|d| d.is_error).map(|d| d.to_string()).collect();
        if errors.is_empty() {
            None
        } else {
            Some(Error::new(ErrorKind::Gazetteer(format!("bad gazetteer rows:\n  {}", errors.join("\n  ")))))
        }
    }

    /// The entity with the given id.
    pub fn entity_by_id(&self, id: &str) -> Option<&Arc<Entity>> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// The sport and league of the team with id `id`, if it is a team.
    pub fn team(&self, id: &str) -> Option<&Team> {
        self.by_id.get(id).and_then(|i| self.teams.get(i))
    }

    /// The country entity with id `id`, if one is loaded.
    pub fn country(&self, id: &str) -> Option<&Arc<Entity>> {
        self.entity_by_id(id).filter(|e| e.entity_type == EntityType::Country)
    }

    /// The canonical name of the country with id `id`, or `id` itself when no such country is loaded.
    pub fn country_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.country(id).map_or(id, |e| e.name.as_str())
    }

    /// Every text the dictionary scan looks for, sorted, without repeats: entity aliases (but stop words), sports
    /// aliases, titles, cue verbs, organization head words and suffixes, first names, the words of club names
    /// and of sports context, as the files write them (the scan also
    /// tries lower-case titles and some cues with a capital first letter). A plain Aho-Corasick scan of these is
    /// the limit that `examples/throughput.rs` measures the pipeline against.
    pub fn searched_forms(&self) -> Vec<&str> {
        let stopwords: foldhash::HashSet<&str> = self.stopwords().collect();
        let mut forms: Vec<&str> = self
            .aliases
            .iter()
            .filter(|a| !stopwords.contains(a.text.as_str()))
            .chain(&self.sports_aliases)
            .map(|a| a.text.as_str())
            .collect();
        forms.extend(self.titles.iter().map(|t| t.text.as_str()));
        forms.extend(self.cues.iter().map(|c| c.text.as_str()));
        let keywords = self.keywords.iter().filter(|k| {
            matches!(
                k.kind,
                KeywordKind::OrgHead | KeywordKind::OrgSuffix | KeywordKind::FirstName | KeywordKind::TeamWord
            )
        });
        forms.extend(keywords.map(|k| k.text.as_str()));
        forms.sort_unstable();
        forms.dedup();
        forms
    }

    /// Words that must never be matched as aliases (`stopword` keywords).
    pub fn stopwords(&self) -> impl Iterator<Item = &str> {
        self.keywords.iter().filter(|k| k.kind == KeywordKind::Stopword).map(|k| k.text.as_str())
    }

    fn add_entities(&mut self, file: &str, rank: u32, tsv: &tsv::TsvFile) {
        let cols = EntityColumns {
            id: tsv.column("id"),
            name: tsv.column("name"),
            entity_type: tsv.column("type"),
            subtype: tsv.column("subtype"),
            aliases: tsv.column("aliases"),
            demonyms: tsv.column("demonyms"),
            country: tsv.column("country"),
            role: tsv.column("role"),
            from: tsv.column("from"),
            to: tsv.column("to"),
            case: tsv.column("case"),
            sport: tsv.column("sport"),
            league: tsv.column("league"),
            sports_aliases: tsv.column("sports_aliases"),
        };
        for (required, col) in [("name", cols.name), ("type", cols.entity_type)] {
            if col.is_none() {
                self.diagnostics.push(Diagnostic::error(
                    file,
                    1,
                    None,
                    format!("the header has no {required:?} column"),
                ));
                return;
            }
        }
        for row in &tsv.rows {
            self.add_entity_row(file, rank, tsv, &cols, row);
        }
    }

    fn add_entity_row(&mut self, file: &str, rank: u32, tsv: &tsv::TsvFile, cols: &EntityColumns, row: &tsv::TsvRow) {
        let col_no = |c: Option<usize>| c.map(|i| i + 1);
        let id = row.get(cols.id);
        let name = row.get(cols.name);
        let type_text = row.get(cols.entity_type);
        if id.is_empty() {
            self.diagnostics.push(Diagnostic::error(file, row.line, col_no(cols.id), "empty id"));
            return;
        }
        if name.is_empty() {
            self.diagnostics.push(Diagnostic::error(
                file,
                row.line,
                col_no(cols.name),
                format!("empty name for id {id:?}"),
            ));
            return;
        }
        let Some(entity_type) = EntityType::parse(type_text) else {
            self.diagnostics.push(Diagnostic::error(
                file,
                row.line,
                col_no(cols.entity_type),
                format!("unknown type {type_text:?} (expected PERSON, COUNTRY, ORGANIZATION or LOCATION)"),
            ));
            return;
        };
        let case_insensitive = tsv.case_insensitive
            || match row.get(cols.case) {
                "" | "sensitive" => false,
                "insensitive" => true,
                other => {
                    self.diagnostics.push(Diagnostic::warning(
                        file,
                        row.line,
                        col_no(cols.case),
                        format!("case {other:?} is neither sensitive nor insensitive: treated as sensitive"),
                    ));
                    false
                }
            };
        let mut date = |col: Option<usize>| {
            let text = row.get(col);
            let date = Date::parse(text);
            if date.is_none() && !text.is_empty() {
                let message = format!("{text:?} is no date (YYYY, YYYY-MM or YYYY-MM-DD): ignored");
                self.diagnostics.push(Diagnostic::warning(file, row.line, col_no(col), message));
            }
            date
        };
        let office = Office {
            role: row.get(cols.role).to_owned(),
            country: row.get(cols.country).to_owned(),
            subtype: row.get(cols.subtype).to_owned(),
            from: date(cols.from),
            to: date(cols.to),
            source: row_source(file, row.line),
        };
        let index = match self.by_id.get(id) {
            Some(&existing) => {
                let old = &self.entities[existing];
                if old.name != name || old.entity_type != entity_type {
                    self.diagnostics.push(Diagnostic::error(
                        file,
                        row.line,
                        col_no(cols.id),
                        format!("duplicate id {id:?}: already {} {:?} at {}", old.entity_type, old.name, old.source),
                    ));
                    return;
                }
                // another office of the same entity: the latest one gives the role, country and subtype
                let entity = Arc::make_mut(&mut self.entities[existing.as_usize()]);
                // a row of a later file (a user's, over the defaults) overrides: the entity is now its row's
                if entity.source.rsplit_once(':').is_none_or(|(source_file, _)| source_file != file) {
                    entity.source = office.source.clone();
                }
                entity.add_office(office);
                existing
            }
            None => {
                let mut entity = Entity {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    entity_type,
                    subtype: String::new(),
                    role: String::new(),
                    country: String::new(),
                    offices: Vec::new(),
                    source: office.source.clone(),
                    role_date: None,
                    role_listed: String::new(),
                };
                entity.add_office(office);
                let index = EntityId::new(self.entities.len());
                self.by_id.insert(entity.id.clone(), index);
                self.entities.push(Arc::new(entity));
                index
            }
        };
        let alias = |text: &str, form: Form| {
            let text = text.trim();
            (!text.is_empty()).then(|| Alias {
                text: text.to_owned(),
                entity: index,
                form,
                case_insensitive,
                file_rank: rank,
            })
        };
        self.aliases.extend(alias(name, Form::Name));
        self.aliases.extend(row.get(cols.aliases).split('|').filter_map(|a| alias(a, Form::Alias)));
        self.aliases.extend(row.get(cols.demonyms).split('|').filter_map(|d| alias(d, Form::Demonym)));
        self.sports_aliases.extend(row.get(cols.sports_aliases).split('|').filter_map(|a| alias(a, Form::Alias)));
        let sport = row.get(cols.sport);
        if !sport.is_empty() {
            let team = Team { sport: sport.to_owned(), league: row.get(cols.league).to_owned() };
            self.teams.insert(index, team);
        }
    }

    fn add_titles(&mut self, file: &str, tsv: &tsv::TsvFile) {
        let (kind_col, role_col) = (tsv.column("kind"), tsv.column("role"));
        for row in &tsv.rows {
            let text = row.get(Some(0));
            let kind = match row.get(kind_col) {
                "" | "office" => TitleKind::Office,
                "rank" => TitleKind::Rank,
                "honorific" => TitleKind::Honorific,
                other => {
                    self.diagnostics.push(Diagnostic::error(
                        file,
                        row.line,
                        kind_col.map(|c| c + 1),
                        format!("unknown title kind {other:?} (expected office, rank or honorific)"),
                    ));
                    continue;
                }
            };
            if text.is_empty() {
                self.diagnostics.push(Diagnostic::error(file, row.line, Some(1), "empty title"));
                continue;
            }
            let role = match row.get(role_col) {
                "" => text.to_owned(),
                role => role.to_owned(),
            };
            self.titles.push(Title { text: text.to_owned(), kind, role });
        }
    }

    fn add_cues(&mut self, file: &str, tsv: &tsv::TsvFile) {
        let (lemma_col, kind_col) = (tsv.column("lemma"), tsv.column("kind"));
        for row in &tsv.rows {
            let text = row.get(Some(0));
            let kind = match row.get(kind_col) {
                "" | "speech" => CueKind::Speech,
                "according_to" => CueKind::AccordingTo,
                "belief" => CueKind::Belief,
                other => {
                    let column = kind_col.map(|c| c + 1);
                    let message = format!("unknown cue kind {other:?} (expected speech, according_to or belief)");
                    self.diagnostics.push(Diagnostic::error(file, row.line, column, message));
                    continue;
                }
            };
            if text.is_empty() {
                self.diagnostics.push(Diagnostic::error(file, row.line, Some(1), "empty cue"));
                continue;
            }
            self.cues.push(Cue { text: text.to_owned(), lemma: row.get(lemma_col).to_owned(), kind });
        }
    }

    fn add_keywords(&mut self, file: &str, tsv: &tsv::TsvFile) {
        let (kind_col, subtype_col, canonical_col) =
            (tsv.column("kind"), tsv.column("subtype"), tsv.column("canonical"));
        for row in &tsv.rows {
            let text = row.get(Some(0));
            let kind_text = row.get(kind_col);
            if text.is_empty() || kind_text.is_empty() {
                self.diagnostics.push(Diagnostic::error(
                    file,
                    row.line,
                    Some(if text.is_empty() { 1 } else { 2 }),
                    "keyword rows need a keyword and a kind",
                ));
                continue;
            }
            let Some(kind) = KeywordKind::parse(kind_text) else {
                self.diagnostics.push(Diagnostic::error(
                    file,
                    row.line,
                    kind_col.map(|c| c + 1),
                    format!(
                        "unknown keyword kind {kind_text:?} (expected one of {})",
                        KeywordKind::ALL.map(KeywordKind::as_str).join(", ")
                    ),
                ));
                continue;
            };
            let canonical = row.get(canonical_col);
            if kind.needs_canonical() && canonical.is_empty() {
                let column = canonical_col.map_or(tsv.columns() + 1, |c| c + 1);
                self.diagnostics.push(Diagnostic::error(
                    file,
                    row.line,
                    Some(column),
                    format!("a {} row needs its canonical form", kind.as_str()),
                ));
                continue;
            }
            self.keywords.push(Keyword {
                text: text.to_owned(),
                kind,
                subtype: row.get(subtype_col).to_owned(),
                canonical: canonical.to_owned(),
            });
        }
    }

    fn add_lexicon(&mut self, file: &str, tsv: &tsv::TsvFile) {
        let (kind_col, case_col) = (tsv.column("kind"), tsv.column("case"));
        for row in &tsv.rows {
            let word = row.get(Some(0));
            if word.is_empty() {
                self.diagnostics.push(Diagnostic::error(file, row.line, Some(1), "empty word"));
                continue;
            }
            let mut kinds = Vec::new();
            for name in row.get(kind_col).split('|').map(str::trim).filter(|k| !k.is_empty()) {
                match WordKind::parse(name) {
                    Some(kind) => kinds.push(kind),
                    None => {
                        let known: Vec<&str> = WordKind::ALL.iter().map(|k| k.as_str()).collect();
                        let message = format!("unknown word kind {name:?} (expected one of {})", known.join(", "));
                        self.diagnostics.push(Diagnostic::error(file, row.line, kind_col.map(|c| c + 1), message));
                    }
                }
            }
            if kinds.is_empty() {
                let column = kind_col.map_or(2, |c| c + 1);
                self.diagnostics.push(Diagnostic::error(file, row.line, Some(column), format!("no kind for {word:?}")));
                continue;
            }
            let any_case = match row.get(case_col) {
                "" => false,
                "any" => true,
                other => {
                    let message = format!("case {other:?} is neither empty (as written) nor any");
                    self.diagnostics.push(Diagnostic::error(file, row.line, case_col.map(|c| c + 1), message));
                    continue;
                }
            };
            self.lexicon.add(word, WordKinds::of(&kinds), any_case);
        }
    }
}

impl Entity {
    /// Adds an office; the entity takes its role, country and subtype when it is more recent than every other
    /// (the latest office, first listed among equals, describes the entity).
    fn add_office(&mut self, office: Office) {
        if self.latest_office().is_none_or(|latest| office.recency() > latest.recency()) {
            (self.role, self.country, self.subtype) =
                (office.role.clone(), office.country.clone(), office.subtype.clone());
        }
        self.offices.push(office);
    }
}

/// Where a gazetteer row comes from, `file:line`: written for each of the many thousand rows of the default
/// gazetteers at start-up, so without the formatting machinery of `format!`.
fn row_source(file: &str, line: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let line = digits.format(line);
    let mut source = String::with_capacity(file.len() + 1 + line.len());
    source.push_str(file);
    source.push(':');
    source.push_str(line);
    source
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str = "id\tname\ttype\tsubtype\taliases\tdemonyms\tcountry\trole\n\
        IR\tIran\tCOUNTRY\tcountry\tIslamic Republic of Iran\tIranian|Iranians\t\t\n\
        AZ\tAzerbaijan\tCOUNTRY\tcountry\t\tAzerbaijani|Azeri\t\t\n";

    #[test]
    fn entities_aliases_and_demonyms_are_loaded() {
        let mut g = Gazetteers::new();
        g.add_text("countries.tsv", COUNTRIES);
        assert!(g.diagnostics.is_empty(), "{:?}", g.diagnostics);
        assert_eq!(g.entities.len(), 2);
        let azeri = g.aliases.iter().find(|a| a.text == "Azeri").unwrap();
        assert_eq!(azeri.form, Form::Demonym);
        assert_eq!(g.entities[azeri.entity].name, "Azerbaijan");
        assert_eq!(g.entity_by_id("IR").unwrap().source, "countries.tsv:2");
        assert_eq!(g.country_name("AZ"), "Azerbaijan");
    }

    #[test]
    fn bad_rows_name_line_and_column_and_loading_goes_on() {
        let mut g = Gazetteers::new();
        g.add_text("bad.tsv", "id\tname\ttype\nX1\tSomewhere\tCITY\n\tNo id\tPERSON\nX2\tFine\tLOCATION\n");
        let messages: Vec<String> = g.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            messages,
            [
                "bad.tsv:2:3: error: unknown type \"CITY\" (expected PERSON, COUNTRY, ORGANIZATION or LOCATION)",
                "bad.tsv:3:1: error: empty id",
            ]
        );
        assert_eq!(g.entities.len(), 1);
        assert!(g.errors().is_some());
    }

    #[test]
    fn duplicate_id_with_other_name_is_an_error_and_offices_merge() {
        let mut g = Gazetteers::new();
        g.add_text(
            "p.tsv",
            "id\tname\ttype\trole\tfrom\tto\nq1\tGen Nakatani\tPERSON\tMinister of Defense\t2014\t2016\n\
             q1\tGen Nakatani\tPERSON\tMinister of Defense\t2024\t\nq1\tSomeone Else\tPERSON\t\t\t\n",
        );
        assert_eq!(g.entities.len(), 1);
        assert_eq!(g.entities[0].offices.len(), 2);
        assert_eq!(g.entities[0].latest_office().unwrap().from, Date::parse("2024"));
        assert_eq!(g.diagnostics.len(), 1);
        assert!(g.diagnostics[0].message.starts_with("duplicate id \"q1\""));
    }

    #[test]
    fn titles_and_keywords() {
        let mut g = Gazetteers::new();
        g.add_text("t.tsv", "title\tkind\trole\nspokesman\toffice\t\nGen.\trank\tGeneral\n");
        g.add_text("k.tsv", "keyword\tkind\nMinistry\torg_head\nReading\tstopword\n");
        g.add_text(
            "c.tsv",
            "cue\tlemma\tkind\nsaid\tsay\tspeech\naccording to\taccording to\taccording_to\nx\t\tshout\n",
        );
        assert_eq!(g.cues.len(), 2);
        assert_eq!(g.cues[1].kind, CueKind::AccordingTo);
        assert_eq!(
            g.diagnostics[0].to_string(),
            "c.tsv:4:3: error: unknown cue kind \"shout\" (expected speech, according_to or belief)"
        );
        assert_eq!(g.titles[1].role, "General");
        assert_eq!(g.titles[0].role, "spokesman");
        assert_eq!(g.stopwords().collect::<Vec<_>>(), ["Reading"]);
    }

    #[test]
    fn embedded_defaults_load_without_errors() {
        let g = Gazetteers::embedded();
        let errors: Vec<String> = g.diagnostics.iter().filter(|d| d.is_error).map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(g.entity_by_id("IR").is_some());
        assert!(!g.titles.is_empty());
        assert!(g.cues.iter().any(|c| c.text == "said"));
    }
}
