//! Quotations and who said them, on the mentions the entity rules found:
//!
//! - [`cues`]: the cue verbs and phrases of the text that introduce speech;
//! - [`marks`]: quotation spans from their marks;
//! - [`kind`]: direct, partial or term;
//! - [`phrases`]: reading a cue's subject and the noun phrases around it;
//! - [`speaker`]: the speaker's words and their entity;
//! - [`resolve`]: a pronoun's antecedent, by gender, number and salience;
//! - [`nominal`]: the person a role phrase stands for ("the Pentagon chief");
//! - [`patterns`]: the attribution patterns in their order of precedence, and the engine that runs them.

pub(crate) mod context;
pub(crate) mod cues;
pub(crate) mod kind;
pub(crate) mod marks;
pub(crate) mod nominal;
pub(crate) mod patterns;
pub(crate) mod phrases;
pub(crate) mod resolve;
pub(crate) mod speaker;

use std::sync::Arc;

use crate::extraction::{EntityRef, Mention};
pub use crate::gazetteer::CueKind;
use crate::gazetteer::Entity;
use crate::pipeline::DocContext;
use crate::span::Span;

/// The quotations of a document, direct and reported, with their speakers among its mentions.
pub(crate) fn quotations(
    cx: &DocContext<'_>,
    entities: &[Arc<Entity>],
    mentions: &[Mention],
    genders: &[crate::gender::GenderOf],
) -> Vec<Quote> {
    let cues = cues::cues(cx);
    let marked = marks::quotation_spans(cx.text, &cx.layer.lines);
    let context = context::QuoteContext {
        text: cx.text,
        sentences: &cx.layer.sentences,
        cues: &cues,
        mentions,
        entities,
        genders,
        paragraphs: &cx.layer.lines,
        lexicon: cx.lexicon,
        titles: cx.scan.titles.iter().map(|t| t.span).collect(),
        spoken: Default::default(),
        subjects: Default::default(),
    };
    let mut quotes = patterns::attribute(&context, &marked);
    for q in &mut quotes {
        q.cue_kind = q.cue.and_then(|c| {
            let i = cues.partition_point(|hit| hit.span.start < c.start);
            cues.get(i).filter(|hit| hit.span == c).map(|hit| hit.kind)
        });
    }
    quotes
}

/// The kind of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The quoted span is what was said: a sentence or more.
    Direct,
    /// A fragment quoted inside the reporter's sentence.
    Partial,
    /// Reported speech that holds a quoted fragment ("The minister said the drills were “a dangerous
    /// provocation” meant to test …"): the whole clause, one attribution; its fragments are rows of their own.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
    /// Scare quotes or a name in quotation marks: not speech.
    Term,
}

impl QuoteKind {
    /// Every kind, in the order tables list them.
    pub const ALL: [QuoteKind; 5] =
        [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Mixed, QuoteKind::Indirect, QuoteKind::Term];

    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Term => "term",
        }
    }
}

/// What kind of words name a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// A name ("Hegseth", "the State Department", "Reuters"), or words an entity stands behind.
    Name,
    /// A pronoun ("he", "she", "they").
    Pronoun,
    /// A noun phrase with no entity ("officials", "a senior official", "the company").
    Nominal,
}

impl SpeakerKind {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Name => "name",
            SpeakerKind::Pronoun => "pronoun",
            SpeakerKind::Nominal => "nominal",
        }
    }
}

/// How the entity behind a speaker's words was found: the `speaker_resolution` column (README, "How a speaker
/// is chosen").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The words hold the entity's name, in full or as an alias ("Pete Hegseth", "the State Department").
    Name,
    /// The words are a surname (or a title and surname) standing for a person named in the document.
    Surname,
    /// A relative pronoun takes the name it hangs on ("Kioumars Heydari, who said").
    RelativePronoun,
    /// he/she to a person whose gender is known to fit.
    PronounGender,
    /// he/she to the salient person (the last speaker, or the subject of the latest sentence) whose gender is
    /// not known: the gender filtered nothing.
    PronounSalience,
    /// they to a group of people named together ("Anna Berg and Tomas Holm").
    PronounGroup,
    /// it/they to an organization or a country.
    PronounOrganization,
    /// A role phrase ("the Pentagon chief", "the minister") to the person whose role holds its head.
    NominalRole,
    /// A role phrase naming a country ("the Iranian diplomat") to the person of that country.
    NominalDemonym,
    /// A noun for an organization ("the company", "the firm") to the document's most salient organization.
    NominalOrganization,
    /// A noun phrase an apposition gave a person ("the founder" after "Ana Ruiz, the founder of Acme").
    Apposition,
    /// No entity: the words are the speaker.
    Unresolved,
}

impl Resolution {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Name => "name",
            Resolution::Surname => "surname",
            Resolution::RelativePronoun => "relative-pronoun",
            Resolution::PronounGender => "pronoun-gender",
            Resolution::PronounSalience => "pronoun-salience",
            Resolution::PronounGroup => "pronoun-group",
            Resolution::PronounOrganization => "pronoun-organization",
            Resolution::NominalRole => "nominal-role",
            Resolution::NominalDemonym => "nominal-demonym",
            Resolution::NominalOrganization => "nominal-organization",
            Resolution::Apposition => "apposition",
            Resolution::Unresolved => "unresolved",
        }
    }
}

/// The words in the text that name a quotation's speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The words ("he", "Hegseth", "officials").
    pub span: Span,
    /// The entity they stand for, if any.
    pub entity: Option<EntityRef>,
    /// Name, pronoun or noun phrase.
    pub kind: SpeakerKind,
    /// A second person the words name together with the first ("Hegseth and Nakatani told reporters"), or a
    /// pronoun's group ("they": "Anna Berg and Tomas Holm").
    pub joint: Option<EntityRef>,
    /// How the entity was found.
    pub resolution: Resolution,
}

/// A quotation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quote {
    /// Direct, partial, indirect or term.
    pub kind: QuoteKind,
    /// The quoted text, quotation marks excluded.
    pub span: Span,
    /// Who said it, if found.
    pub speaker: Option<Speaker>,
    /// The cue ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// What the cue is, from its cue file: speech, "according to", or belief (stance, thought, position).
    pub cue_kind: Option<CueKind>,
    /// The attribution pattern that found the speaker (see `src/quote/patterns`), empty when none did: the
    /// `method` column.
    pub pattern: &'static str,
    /// For a quotation that is a part of a `mixed` attribution: the index of that attribution among the
    /// document's quotations.
    pub part_of: Option<usize>,
    /// Confidence in the attribution, 0 to 1.
    pub confidence: f32,
}

impl Quote {
    /// A quotation attributed by `pattern`.
    pub(crate) fn attributed(kind: QuoteKind, span: Span, pattern: &'static str, f: speaker::Found) -> Quote {
        Quote {
            kind,
            span,
            speaker: Some(f.speaker),
            cue: f.cue,
            cue_kind: None,
            pattern,
            part_of: None,
            confidence: f.confidence,
        }
    }

    /// A quotation no pattern attributed.
    pub(crate) fn unattributed(kind: QuoteKind, span: Span) -> Quote {
        Quote { kind, span, speaker: None, cue: None, cue_kind: None, pattern: "", part_of: None, confidence: 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Gazetteers, QuoteKind};

    /// (quote text, kind, speaker words, speaker entity name, cue, method) of every quotation.
    fn quotes(text: &str) -> Vec<(String, &'static str, String, String, String, &'static str)> {
        static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        let extractor = EXTRACTOR.get_or_init(|| Extractor::new(Gazetteers::embedded()).unwrap());
        let x = extractor.extract(&Document::new("t", text));
        x.quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.map_or(String::new(), |s| s.span.text(text).to_owned());
                let entity = q.speaker.and_then(|s| s.entity).map_or(String::new(), |e| x.entities[e].name.clone());
                let cue = q.cue.map_or(String::new(), |c| c.text(text).to_owned());
                let method = if q.pattern.is_empty() { "none" } else { q.pattern };
                (q.span.text(text).to_owned(), q.kind.as_str(), speaker, entity, cue, method)
            })
            .collect()
    }

    fn q(
        quote: &str,
        kind: &'static str,
        speaker: &str,
        entity: &str,
        cue: &str,
        method: &'static str,
    ) -> (String, &'static str, String, String, String, &'static str) {
        (quote.into(), kind, speaker.into(), entity.into(), cue.into(), method)
    }

    #[test]
    fn speaker_cue_colon_quote_then_pronoun_in_the_next_paragraph() {
        let text =
            "Iranian Foreign Ministry spokesman Leila Karimi said: “We will respond.”\n\nShe added: “Isn’t it clear?”";
        assert_eq!(
            quotes(text),
            [
                q(
                    "We will respond.",
                    "direct",
                    "Iranian Foreign Ministry spokesman Leila Karimi",
                    "Leila Karimi",
                    "said",
                    "before-quote"
                ),
                q("Isn’t it clear?", "direct", "She", "Leila Karimi", "added", "before-quote"),
            ]
        );
    }

    #[test]
    fn speaker_after_the_quote_either_order() {
        assert_eq!(
            quotes("“This is a biased approach,” Guliyev said."),
            [q("This is a biased approach", "direct", "Guliyev", "", "said", "after-quote")]
        );
        assert_eq!(
            quotes("''We are ready,'' said Defense Minister Gen Nakatani."),
            [q("We are ready", "direct", "Defense Minister Gen Nakatani", "Gen Nakatani", "said", "after-quote")]
        );
    }

    #[test]
    fn apposition_between_speaker_and_cue() {
        let text = "In response, Ayhan Hajizadeh, an official of the Ministry of Foreign Affairs of Azerbaijan, tweeted: “We have clarified our position.”";
        assert_eq!(
            quotes(text),
            [q(
                "We have clarified our position.",
                "direct",
                "Ayhan Hajizadeh, an official of the Ministry of Foreign Affairs of Azerbaijan",
                "Ayhan Hajizadeh",
                "tweeted",
                "before-quote"
            )]
        );
    }

    #[test]
    fn mixed_reported_speech_with_a_partial_quote_and_a_term() {
        let text = "US Defense Secretary Pete Hegseth called Japan an “indispensable partner” under President Donald Trump's “America First” policy.";
        let hegseth = "US Defense Secretary Pete Hegseth";
        assert_eq!(
            quotes(text),
            [
                q(
                    "Japan an “indispensable partner” under President Donald Trump's “America First” policy",
                    "mixed",
                    hegseth,
                    "Pete Hegseth",
                    "called",
                    "source-cue-clause"
                ),
                q("indispensable partner", "partial", hegseth, "Pete Hegseth", "called", "before-quote"),
                q("America First", "term", "", "", "", "none"),
            ]
        );
    }

    #[test]
    fn according_to_and_nominal_speakers() {
        let text = "Azerbaijan said Tehran would “never intimidate” Baku, according to a statement by the Foreign Ministry.\n\n“The talks failed,” officials said.";
        let got = quotes(text);
        let partial = got.iter().find(|q| q.0 == "never intimidate").unwrap();
        assert_eq!(
            (partial.3.as_str(), partial.4.as_str(), partial.5),
            // the ministry takes the country its sentence is about (rules/ministry_country.rs)
            ("Foreign Ministry of Azerbaijan", "according to", "according-to-after-quote")
        );
        let mixed: Vec<(&str, &str)> =
            got.iter().filter(|q| q.1 == "mixed").map(|q| (q.0.as_str(), q.3.as_str())).collect();
        assert_eq!(
            mixed,
            [
                ("Azerbaijan said Tehran would “never intimidate” Baku", "Foreign Ministry of Azerbaijan"),
                ("Tehran would “never intimidate” Baku", "Azerbaijan")
            ]
        );
        assert_eq!(got[3], q("The talks failed", "direct", "officials", "", "said", "after-quote"));
    }

    #[test]
    fn continuation_over_paragraphs_and_unattributed_quotes() {
        let text =
            "Mayor Ana Ruiz said: “The first paragraph goes on\n\n“and the second one ends it.”\n\n“Nobody said this.”";
        let got = quotes(text);
        assert_eq!(got[0].2, "Mayor Ana Ruiz");
        assert_eq!(
            (got[1].0.as_str(), got[1].2.as_str(), got[1].5),
            ("and the second one ends it.", "Mayor Ana Ruiz", "continuation")
        );
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].0, "Nobody said this.");
    }

    #[test]
    fn indirect_speech_without_marks() {
        let text = "The two sides agreed to produce missiles together, Nakatani said.\n\nKanaani said his country saw the statements as hostile.";
        let got = quotes(text);
        assert_eq!(
            got[0],
            q(
                "The two sides agreed to produce missiles together",
                "indirect",
                "Nakatani",
                "",
                "said",
                "clause-comma-source-cue"
            )
        );
        assert_eq!(got[1].0, "his country saw the statements as hostile");
        assert_eq!((got[1].1, got[1].2.as_str()), ("indirect", "Kanaani"));
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        let text = "<a href=\"https://example.org/x\">link</a> and “real words,” she said.";
        let got = quotes(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "real words");
        assert_eq!(got[0].1, QuoteKind::Partial.as_str());
    }
}
