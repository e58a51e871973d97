//! Quotations and who said them: the cues of the text ([`cues`]), quotation spans from their marks ([`marks`]),
//! then kinds, speakers and cues ([`attribute`]), on the mentions the entity rules found.

pub(crate) mod attribute;
pub(crate) mod cues;
pub(crate) mod marks;

use std::sync::Arc;

use crate::extraction::{EntityRef, Mention};
pub use crate::gazetteer::CueKind;
use crate::gazetteer::Entity;
use crate::pipeline::DocContext;
use crate::span::Span;

/// The quotations of a document, direct and reported, with their speakers among its mentions.
pub(crate) fn quotations(cx: &DocContext<'_>, entities: &[Arc<Entity>], mentions: &[Mention]) -> Vec<Quote> {
    let cues = cues::cues(cx);
    let marked = marks::quotation_spans(cx.text, &cx.layer.lines);
    let context = attribute::Context {
        text: cx.text,
        sentences: &cx.layer.sentences,
        cues: &cues,
        mentions,
        entities,
        paragraphs: &cx.layer.lines,
        lexicon: cx.lexicon,
    };
    attribute::attribute(&context, &marked)
}

/// The kind of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The quoted span is what was said: a sentence or more.
    Direct,
    /// A fragment quoted inside the reporter's sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
    /// Scare quotes or a name in quotation marks: not speech.
    Term,
}

impl QuoteKind {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Term => "term",
        }
    }
}

/// How the speaker of a quotation was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// Named next to the cue.
    Explicit,
    /// "according to SPEAKER".
    AccordingTo,
    /// A pronoun resolved to an earlier speaker or entity.
    Pronoun,
    /// A quote paragraph continuing the previous speaker's quote.
    Continuation,
    /// A nominal phrase ("officials said") with no entity.
    Nominal,
    /// No speaker found.
    None,
}

impl Method {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Explicit => "explicit",
            Method::AccordingTo => "according_to",
            Method::Pronoun => "pronoun",
            Method::Continuation => "continuation",
            Method::Nominal => "nominal",
            Method::None => "none",
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
    /// How the speaker was found.
    pub method: Method,
    /// Confidence in the attribution, 0 to 1.
    pub confidence: f32,
}
