//! The lexicon: function words and what each is to the rules (a pronoun that names a speaker, a word that ends a
//! noun phrase, an abbreviation whose period ends no sentence ...), read from gazetteer files whose header starts
//! with `word` (the default is `gazetteers/lexicon.tsv`).
//!
//! Every rule and attribution pattern asks the lexicon instead of keeping a word list of its own, so a word is
//! written once, with all its kinds, in a file an analyst can read and extend.
//!
//! A row matches its word as written ("Monday", "U.S", "may"); a row whose `case` is `any` also matches with a
//! capital first letter, as a sentence start writes it ("he" and "He"). Lookups fold case: a word is found
//! under its lower-case form, with every row of every spelling of it, and each row says which spellings it
//! takes, so "May" (a month, and a name) is not "may" (a modal verb), and "WHO" is not "who".

use std::fmt;

use foldhash::HashMap;

/// What a word is to the rules. The file names them in snake case (`speaker_pronoun`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordKind {
    /// A pronoun that names a speaker (he said, who said).
    SpeakerPronoun,
    /// A pronoun after a verb (told him).
    ObjectPronoun,
    /// A pronoun that stands for a person (he, she, him, her).
    PersonPronoun,
    /// A pronoun that stands for an organization, a country or a group (it, they, them).
    GroupPronoun,
    /// Opens a relative clause after a comma (McConnell, who said; the group, which said).
    RelativePronoun,
    /// Before a word, makes it a noun: a cue verb after it is no cue (his promise, a statement).
    NounDeterminer,
    /// May open a speaker's noun phrase (a spokesman, officials, both).
    SpeakerDeterminer,
    /// A noun that can head a speaker's noun phrase (officials, a spokesman, the company, the poll).
    SpeakerNoun,
    /// A cue verb that takes an addressee before its clause (told reporters that …).
    AddresseeVerb,
    /// A medium named after a cue before its clause (said in a statement, told CNN in an interview).
    Medium,
    /// A cue word that is as often a noun (climate rules, battleground states, worst fears): a verb only
    /// after a subject that can speak.
    NounLikeCue,
    /// After a comma, opens an aside that ends a reported clause (", which …", ", according to …").
    AsideOpener,
    /// Joins two clauses (and, but, while, because): a clause goes on after it.
    Conjunction,
    /// Links a noun phrase to a head before it ("attorneys for the family", "members of the board").
    LinkingPreposition,
    /// A form of "be": before a cue in -ing it makes a finite verb ("is demanding", "were warning").
    BeAuxiliary,
    /// A noun in -ly, not an adverb (family, ally, rally).
    LyNoun,
    /// May stand between a subject and its cue (has also said, reportedly told).
    CueModifier,
    /// Opens a clause, not a name, right after a quotation ("…," but he said).
    ClauseOpener,
    /// Ends a noun phrase read backwards from a cue.
    PhraseBoundary,
    /// Ends a noun phrase read forwards after a cue (said Trump in a statement).
    PhraseEnd,
    /// Opens an introductory phrase before a sentence's subject (In a tweet, ...).
    Introducer,
    /// A time word that may stand between a subject and its cue (Trump last week said).
    TimeWord,
    /// Comes before such a time word (last week, on Monday).
    TimeModifier,
    /// A day of the week.
    Weekday,
    /// A month.
    Month,
    /// A month's abbreviation (written with a period).
    MonthAbbreviation,
    /// A form of address (Mr., Mrs.).
    Honorific,
    /// Ends a person's name and is no surname (Jr., III).
    NameSuffix,
    /// Joins the words of a name (Mohammed bin Salman).
    NameParticle,
    /// Is also a name, so a name keeps it (May: a month, and Theresa May).
    AlsoAName,
    /// A capitalised word that never belongs to a person's name.
    NotName,
    /// A capitalised word that never starts or extends an organization name to the left.
    NotOrg,
    /// Joins the capitalised words of an organization name (Ministry of Foreign Affairs and Trade).
    OrgConnector,
    /// Belongs to the role before a title (Deputy Foreign Minister, former President).
    RolePrefix,
    /// A period after it does not end a sentence (Gen., U.S., a.m.).
    Abbreviation,
    /// A form of address for a woman (Mrs, Ms, Dame, Lady): the gender of the name after it.
    FemaleHonorific,
    /// A form of address for a man (Mr, Sir, Lord).
    MaleHonorific,
    /// A pronoun for a woman (she, her).
    FemalePronoun,
    /// A pronoun for a man (he, him).
    MalePronoun,
    /// The definite article: a role phrase after it may stand for a person named before ("the minister").
    DefiniteDeterminer,
    /// A word of an office whose holder a bare surname may stand for in a document that never names them in full
    /// (President, Minister, Chancellor): "President Obama" alone is the listed President.
    LeaderTitle,
    /// A pronoun for more than one (they, them): a group of people, an organization or a plural noun phrase.
    PluralPronoun,
    /// Opens a byline or a credit (By, Photo, Reporting by, Editing by): the names after it are credits.
    CreditIntroducer,
    /// Joins two names into a group (and, &): "Anna Berg and Tomas Holm" are who a later "they" may be.
    GroupJoiner,
    /// A noun for a company (company, firm, bank): "the company said" is the document's most salient
    /// organization of subtype company or bank.
    OrgNoun,
    /// The lemma of a cue whose object is a noun phrase or an infinitive, not a clause (endorsed Clinton,
    /// denied the accusations, declined to comment): its content ends where the object does.
    NounObjectCue,
    /// Ends a cue's noun-phrase object read forwards (endorsed Clinton on Thursday, denied the accusations
    /// through a spokeswoman); weekdays and months too.
    ObjectEnd,
}

impl WordKind {
    /// Every kind, in the order the file's documentation lists them.
    pub const ALL: [WordKind; 47] = [
        WordKind::SpeakerPronoun,
        WordKind::ObjectPronoun,
        WordKind::PersonPronoun,
        WordKind::GroupPronoun,
        WordKind::RelativePronoun,
        WordKind::NounDeterminer,
        WordKind::SpeakerDeterminer,
        WordKind::SpeakerNoun,
        WordKind::AddresseeVerb,
        WordKind::Medium,
        WordKind::NounLikeCue,
        WordKind::AsideOpener,
        WordKind::Conjunction,
        WordKind::LinkingPreposition,
        WordKind::BeAuxiliary,
        WordKind::LyNoun,
        WordKind::CueModifier,
        WordKind::ClauseOpener,
        WordKind::PhraseBoundary,
        WordKind::PhraseEnd,
        WordKind::Introducer,
        WordKind::TimeWord,
        WordKind::TimeModifier,
        WordKind::Weekday,
        WordKind::Month,
        WordKind::MonthAbbreviation,
        WordKind::Honorific,
        WordKind::NameSuffix,
        WordKind::NameParticle,
        WordKind::AlsoAName,
        WordKind::NotName,
        WordKind::NotOrg,
        WordKind::OrgConnector,
        WordKind::RolePrefix,
        WordKind::Abbreviation,
        WordKind::FemaleHonorific,
        WordKind::MaleHonorific,
        WordKind::FemalePronoun,
        WordKind::MalePronoun,
        WordKind::DefiniteDeterminer,
        WordKind::LeaderTitle,
        WordKind::PluralPronoun,
        WordKind::CreditIntroducer,
        WordKind::GroupJoiner,
        WordKind::OrgNoun,
        WordKind::NounObjectCue,
        WordKind::ObjectEnd,
    ];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            WordKind::SpeakerPronoun => "speaker_pronoun",
            WordKind::ObjectPronoun => "object_pronoun",
            WordKind::PersonPronoun => "person_pronoun",
            WordKind::GroupPronoun => "group_pronoun",
            WordKind::RelativePronoun => "relative_pronoun",
            WordKind::NounDeterminer => "noun_determiner",
            WordKind::SpeakerDeterminer => "speaker_determiner",
            WordKind::SpeakerNoun => "speaker_noun",
            WordKind::AddresseeVerb => "addressee_verb",
            WordKind::Medium => "medium",
            WordKind::NounLikeCue => "noun_like_cue",
            WordKind::AsideOpener => "aside_opener",
            WordKind::Conjunction => "conjunction",
            WordKind::LinkingPreposition => "linking_preposition",
            WordKind::BeAuxiliary => "be_auxiliary",
            WordKind::LyNoun => "ly_noun",
            WordKind::CueModifier => "cue_modifier",
            WordKind::ClauseOpener => "clause_opener",
            WordKind::PhraseBoundary => "phrase_boundary",
            WordKind::PhraseEnd => "phrase_end",
            WordKind::Introducer => "introducer",
            WordKind::TimeWord => "time_word",
            WordKind::TimeModifier => "time_modifier",
            WordKind::Weekday => "weekday",
            WordKind::Month => "month",
            WordKind::MonthAbbreviation => "month_abbreviation",
            WordKind::Honorific => "honorific",
            WordKind::NameSuffix => "name_suffix",
            WordKind::NameParticle => "name_particle",
            WordKind::AlsoAName => "also_a_name",
            WordKind::NotName => "not_name",
            WordKind::NotOrg => "not_org",
            WordKind::OrgConnector => "org_connector",
            WordKind::RolePrefix => "role_prefix",
            WordKind::Abbreviation => "abbreviation",
            WordKind::FemaleHonorific => "female_honorific",
            WordKind::MaleHonorific => "male_honorific",
            WordKind::FemalePronoun => "female_pronoun",
            WordKind::MalePronoun => "male_pronoun",
            WordKind::DefiniteDeterminer => "definite_determiner",
            WordKind::LeaderTitle => "leader_title",
            WordKind::PluralPronoun => "plural_pronoun",
            WordKind::CreditIntroducer => "credit_introducer",
            WordKind::GroupJoiner => "group_joiner",
            WordKind::OrgNoun => "org_noun",
            WordKind::NounObjectCue => "noun_object_cue",
            WordKind::ObjectEnd => "object_end",
        }
    }

    /// The kind a file names, if any.
    pub fn parse(name: &str) -> Option<WordKind> {
        WordKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    const fn bit(self) -> u64 {
        1 << self as u64
    }
}

impl fmt::Display for WordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of word kinds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordKinds(u64);

// every kind has its bit
const _: () = assert!(WordKind::ALL.len() <= u64::BITS as usize);

impl WordKinds {
    /// No kind.
    pub const NONE: WordKinds = WordKinds(0);

    /// The set of `kinds`.
    pub const fn of(kinds: &[WordKind]) -> WordKinds {
        let mut bits = 0;
        let mut i = 0;
        while i < kinds.len() {
            bits |= kinds[i].bit();
            i += 1;
        }
        WordKinds(bits)
    }

    /// True when `kind` is in the set.
    pub const fn contains(self, kind: WordKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// True when the two sets share a kind.
    pub const fn intersects(self, other: WordKinds) -> bool {
        self.0 & other.0 != 0
    }

    /// True when the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds of both sets.
    pub const fn union(self, other: WordKinds) -> WordKinds {
        WordKinds(self.0 | other.0)
    }

    /// True when `word`, whose kinds these are, is an adverb in -ly (see [`Lexicon::is_ly_adverb`]).
    pub fn ly_adverb(self, word: &str) -> bool {
        looks_like_ly_adverb(word) && !self.contains(WordKind::LyNoun)
    }
}

/// True when `word` has the shape of an adverb in -ly: lower case, five letters or more. With its kinds
/// `kinds`, [`WordKinds::ly_adverb`] tells whether it is one.
pub fn looks_like_ly_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase)
}

/// One row of a lexicon file: a word, the spellings it takes and its kinds.
#[derive(Clone, Debug)]
struct Row {
    written: Box<str>,
    /// With `any_case`, the written word with a capital first letter ("The" for "the").
    capitalised: Option<Box<str>>,
    any_case: bool,
    kinds: WordKinds,
}

impl Row {
    fn new(written: &str, any_case: bool, kinds: WordKinds) -> Row {
        let capitalised = any_case.then(|| {
            let mut chars = written.chars();
            chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect()).into()
        });
        Row { written: written.into(), capitalised, any_case, kinds }
    }

    /// True when `word` is a spelling this row takes.
    fn takes(&self, word: &str) -> bool {
        *self.written == *word || self.capitalised.as_deref() == Some(word)
    }
}

/// Function words and their kinds (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Lower-case forms of at most [`SHORT`] bytes, packed into one integer ([`short_key`]) -> the rows of their
    /// spellings: nearly every lookup, hashed and compared as one integer.
    short: HashMap<u128, Vec<Row>>,
    /// Longer lower-case forms -> the rows of their spellings.
    long: HashMap<Box<[u8]>, Vec<Row>>,
    /// Every spelling of at most [`SHORT`] ASCII bytes that a row takes, as written (packed like
    /// [`short_key`], unfolded) -> the union of its rows' kinds: such a word, nearly every word of English
    /// text, is found with one lookup and no case folding.
    exact: HashMap<u128, WordKinds>,
    /// The longest lower-case form, in bytes: longer words are looked up no further.
    longest: usize,
}

/// The longest word folded without an allocation.
const MAX_FOLDED: usize = 40;

/// The longest lower-case form kept in [`Lexicon::short`]: its bytes and its length fill 16 bytes.
const SHORT: usize = 15;

/// A form of at most [`SHORT`] bytes as one integer: its bytes, zero-padded, and its length in the last byte
/// (so that no two forms share a key).
fn short_key(folded: &[u8]) -> u128 {
    debug_assert!(folded.len() <= SHORT);
    let mut bytes = [0u8; 16];
    bytes[..folded.len()].copy_from_slice(folded);
    bytes[15] = folded.len() as u8;
    u128::from_le_bytes(bytes)
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// Adds `kinds` to `word` as written (and, with `any_case`, with a capital first letter). A word listed
    /// again with the same case gains the new kinds.
    pub fn add(&mut self, word: &str, kinds: WordKinds, any_case: bool) {
        let folded = word.to_lowercase();
        self.longest = self.longest.max(folded.len());
        let rows = if folded.len() <= SHORT {
            self.short.entry(short_key(folded.as_bytes())).or_default()
        } else {
            self.long.entry(folded.into_bytes().into()).or_default()
        };
        let row = match rows.iter_mut().position(|r| *r.written == *word && r.any_case == any_case) {
            Some(i) => {
                rows[i].kinds = rows[i].kinds.union(kinds);
                &rows[i]
            }
            None => {
                rows.push(Row::new(word, any_case, kinds));
                &rows[rows.len() - 1]
            }
        };
        // an ASCII row's spellings fold to its own form, so the exact map takes what the folded lookup would
        if word.is_ascii() && word.len() <= SHORT {
            for spelling in std::iter::once(&*row.written).chain(row.capitalised.as_deref()) {
                let known = self.exact.entry(short_key(spelling.as_bytes())).or_insert(WordKinds::NONE);
                *known = known.union(kinds);
            }
        }
    }

    /// Number of distinct words (by their lower-case form).
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// True when the lexicon has no word.
    pub fn is_empty(&self) -> bool {
        self.short.is_empty() && self.long.is_empty()
    }

    /// The kinds of `word` (see the module docs for how case is folded).
    pub fn kinds(&self, word: &str) -> WordKinds {
        let bytes = word.as_bytes();
        if bytes.is_empty() {
            return WordKinds::NONE;
        }
        let rows = if bytes.len() <= SHORT && bytes.is_ascii() {
            // the common case: the spelling as written is the key
            return self.exact.get(&short_key(bytes)).copied().unwrap_or(WordKinds::NONE);
        } else if bytes.len() > self.longest && bytes.is_ascii() {
            return WordKinds::NONE;
        } else if bytes.len() <= MAX_FOLDED && bytes.is_ascii() {
            let mut buffer = [0u8; MAX_FOLDED];
            let folded = &mut buffer[..bytes.len()];
            folded.copy_from_slice(bytes);
            folded.make_ascii_lowercase();
            self.long.get(&*folded)
        } else {
            // a word with other letters is folded by Unicode's rules
            let folded = word.to_lowercase();
            if folded.len() <= SHORT {
                self.short.get(&short_key(folded.as_bytes()))
            } else {
                self.long.get(folded.as_bytes())
            }
        };
        rows.into_iter().flatten().filter(|r| r.takes(word)).fold(WordKinds::NONE, |k, r| k.union(r.kinds))
    }

    /// True when `word` is of kind `kind`.
    pub fn is(&self, word: &str, kind: WordKind) -> bool {
        self.kinds(word).contains(kind)
    }

    /// True when `word`, or `word` without a plural `s` ("officials"), is of kind `kind`.
    pub fn is_or_plural(&self, word: &str, kind: WordKind) -> bool {
        self.is(word, kind) || word.strip_suffix('s').is_some_and(|singular| self.is(singular, kind))
    }

    /// True when `word` is an adverb in -ly ("boldly", "repeatedly"): lower case, and no noun in -ly
    /// ("family", "rally").
    pub fn is_ly_adverb(&self, word: &str) -> bool {
        looks_like_ly_adverb(word) && !self.is(word, WordKind::LyNoun)
    }

    /// True when `word` is of one of `kinds`.
    pub fn is_any(&self, word: &str, kinds: WordKinds) -> bool {
        self.kinds(word).intersects(kinds)
    }

    /// The words of kind `kind` as the files write them, sorted.
    pub fn words_of(&self, kind: WordKind) -> Vec<&str> {
        let mut words: Vec<&str> = self
            .short
            .values()
            .chain(self.long.values())
            .flatten()
            .filter(|r| r.kinds.contains(kind))
            .map(|r| r.written.as_ref())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let mut l = Lexicon::new();
        l.add("the", WordKinds::of(&[WordKind::NounDeterminer]), true);
        l.add("The", WordKinds::of(&[WordKind::NotName]), false);
        l.add("may", WordKinds::of(&[WordKind::CueModifier]), false);
        l.add("May", WordKinds::of(&[WordKind::Month, WordKind::AlsoAName]), false);
        l.add("us", WordKinds::of(&[WordKind::ObjectPronoun]), true);
        l.add("who", WordKinds::of(&[WordKind::SpeakerPronoun]), true);
        l.add("élu", WordKinds::of(&[WordKind::NotName]), true);
        l.add("U.S", WordKinds::of(&[WordKind::Abbreviation]), false);
        l
    }

    #[test]
    fn rows_take_their_spellings() {
        let l = lexicon();
        assert!(l.is("Who", WordKind::SpeakerPronoun) && l.is("who", WordKind::SpeakerPronoun));
        assert!(l.is("Élu", WordKind::NotName));
        // both rows of "the" answer for "The"
        assert!(l.is("The", WordKind::NotName) && l.is("The", WordKind::NounDeterminer));
        assert!(!l.is("the", WordKind::NotName));
        // "may" is written in lower case only: "May" is the month
        assert!(!l.is("May", WordKind::CueModifier) && l.is("May", WordKind::Month));
        assert!(l.is("U.S", WordKind::Abbreviation) && !l.is("u.s", WordKind::Abbreviation));
    }

    #[test]
    fn capitals_are_no_spelling_of_a_lower_case_word() {
        let l = lexicon();
        assert!(!l.is("US", WordKind::ObjectPronoun));
        assert!(!l.is("WHO", WordKind::SpeakerPronoun));
        assert!(l.kinds("").is_empty());
        assert_eq!(l.words_of(WordKind::NotName), ["The", "élu"]);
    }

    #[test]
    fn kinds_have_file_names() {
        for kind in WordKind::ALL {
            assert_eq!(WordKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(WordKind::parse("noun"), None);
    }
}
