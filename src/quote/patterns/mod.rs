//! Attribution patterns: [`PATTERNS`] is one ordered table of them, each row a [`Pattern`] (name, one-line
//! doc, examples it must and must not attribute, and the function in its own file that finds the speaker).
//! The order of the rows is their precedence: for each quotation, the first
//! pattern of its stage that finds a speaker wins. The `method` column names the pattern that fired.
//!
//! Stages, in the order they run for a quotation between marks:
//! 1. [`Stage::Quote`]: the speaker named around the quotation (after it, in a signature, before it).
//! 2. [`Stage::Fallback`]: when stage 1 found none (and the quotation is speech, not a term), a speaker from
//!    the context: the previous paragraph's colon, the previous quotation's speaker, the sentence's subject.
//! 3. Then, for every sentence, reported speech: [`Stage::SentenceEnd`] on its last cue (…, Nakatani said.),
//!    then [`Stage::Reported`] on each cue before, left to right (Kanaani said his country saw …).
//!
//! A new pattern is a new file with its finding function and one row in [`PATTERNS`]; its examples run as
//! tests against the small fixed gazetteer of `tests/fixtures/unit-gazetteer/`.

mod according_to;
mod after_quote;
mod before_quote;
mod colon_paragraph;
mod continuation;
mod outlet_report;
mod previous_paragraph;
mod reported;
mod sentence_subject;
mod signature;
mod subject_phrase;
mod trailing;
mod transcript;

use std::cell::OnceCell;

use foldhash::HashMap;

use crate::lexicon::WordKind;
use crate::rules::{Examples, Unit};
use crate::span::Span;

use super::context::{QuoteContext, paragraph_of};
use super::cues::CueHit;
use super::kind::{closing_mark_end, is_label, is_markup, quote_kind, trim_quote};
use super::marks::{Ending, Marked};
use super::phrases::{sp, trim_span, words_at_most};
use super::speaker::{Found, found};
use super::{Quote, QuoteKind};

/// When a pattern is tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// On a quotation between marks, for the speaker named around it.
    Quote,
    /// On a quotation that stage [`Stage::Quote`] found no speaker for.
    Fallback,
    /// On the last cue of a sentence, for reported speech that the cue ends (…, Nakatani said.).
    SentenceEnd,
    /// On every cue of a sentence, left to right, before the one that ends it: reported speech after its cue.
    Reported,
}

/// One attribution pattern (see the module docs): a row of [`PATTERNS`].
pub(crate) struct Pattern {
    /// The name written in the `method` column ("after-quote").
    pub name: &'static str,
    /// What it finds, in one line.
    pub doc: &'static str,
    /// When it is tried.
    pub stage: Stage,
    /// How it finds a speaker.
    pub find: Find,
    /// Sentences it must attribute (with the words of the speaker it finds), and sentences it must not.
    pub examples: Examples,
}

impl Unit for Pattern {
    fn name(&self) -> &'static str {
        self.name
    }

    fn doc(&self) -> &'static str {
        self.doc
    }

    fn examples(&self) -> Examples {
        self.examples
    }
}

/// How a pattern finds a speaker.
pub(crate) enum Find {
    /// The speaker of a quotation between marks (stages [`Stage::Quote`] and [`Stage::Fallback`]).
    Quote(fn(&QuoteContext<'_>, &QuoteSite<'_>) -> Option<Found>),
    /// Reported speech, its content and speaker, read from one cue of a sentence (stage [`Stage::Reported`]).
    Sentence(fn(&QuoteContext<'_>, &CueSite) -> Option<(Span, Found)>),
}

/// The patterns, in the order they are tried within their stage: their precedence.
pub(crate) const PATTERNS: &[Pattern] = &[
    Pattern {
        name: "transcript",
        doc: "a quoted transcript line names its speaker in capitals before a colon",
        stage: Stage::Quote,
        find: Find::Quote(transcript::find),
        examples: Examples {
            matches: &[
                ("The exchange went: “WALLACE: Let’s start with the economy.”", "WALLACE"),
                ("He read it out. “MS. BERG: We will not be moved.”", "MS. BERG"),
            ],
            no_match: &["“Note: the talks failed,” he said."],
        },
    },
    Pattern {
        name: "outlet-report",
        doc: "a quotation “reported” by an outlet after it is said by the speaker named before it",
        stage: Stage::Quote,
        find: Find::Quote(outlet_report::find),
        examples: Examples {
            matches: &[
                (
                    "Zakir Hasanov said the drills were “a provocation,” reported the state news agency Azertac.",
                    "Zakir Hasanov",
                ),
                (
                    "Maria Lindqvist told the council the plan was “a scandal,” reported the Daily Courier.",
                    "Maria Lindqvist",
                ),
            ],
            no_match: &["“The plan is a scandal,” reported the Daily Courier."],
        },
    },
    Pattern {
        name: "after-quote",
        doc: "the speaker named right after the quotation (“…,” Guliyev said; “…,” said Nakatani)",
        stage: Stage::Quote,
        find: Find::Quote(after_quote::find),
        examples: Examples {
            matches: &[
                ("“This is a biased approach,” Guliyev said.", "Guliyev"),
                ("''We are ready,'' said Defense Minister Gen Nakatani.", "Defense Minister Gen Nakatani"),
                ("“You are wrong!” Ortiz barked.", "Ortiz"),
            ],
            no_match: &[
                "“This is a biased approach.” Guliyev left the room and did not come back.",
                "“We were never asked.” She adds, “Nobody wants to hear it.”",
            ],
        },
    },
    Pattern {
        name: "signature",
        doc: "a dash after the quotation and a name to the end of the line sign it",
        stage: Stage::Quote,
        find: Find::Quote(signature::find),
        examples: Examples {
            matches: &[
                ("“We are tired of waiting.” — Maria Lindqvist", "Maria Lindqvist"),
                ("“Nobody asked us.” ― Dan Okafor", "Dan Okafor"),
            ],
            no_match: &["“We are tired of waiting” — and so on, the letter went."],
        },
    },
    Pattern {
        name: "according-to-after-quote",
        doc: "\"according to SOURCE\" after the quotation in its sentence names the source",
        stage: Stage::Quote,
        find: Find::Quote(according_to::find),
        examples: Examples {
            matches: &[
                (
                    "Tehran would “never intimidate” Baku, according to a statement by the Foreign Ministry.",
                    "the Foreign Ministry",
                ),
                (
                    "The plan was “dead on arrival” in the view of Congress, according to two senior officials.",
                    "two senior officials",
                ),
            ],
            no_match: &["“It is over,” he said, according to the transcript “in full.”"],
        },
    },
    Pattern {
        name: "trailing-cue",
        doc: "the sentence of the quotation ends with its source and cue (…, Gingrich said.)",
        stage: Stage::Quote,
        find: Find::Quote(trailing::find),
        examples: Examples {
            matches: &[
                ("He called it a “disaster” in comparison to the last one, Maria Lindqvist said.", "Maria Lindqvist"),
                ("It was “a mistake” for everyone, he said on Monday.", "he"),
            ],
            no_match: &[
                "It was “a mistake,” and the talks, which had gone on for years and years and years, said nothing.",
            ],
        },
    },
    Pattern {
        name: "before-quote",
        doc: "the subject of the cue before the quotation in its sentence (SPEAKER said: “…”)",
        stage: Stage::Quote,
        find: Find::Quote(before_quote::find),
        examples: Examples {
            matches: &[
                (
                    "Iranian Foreign Ministry spokesman Nasser Kanaani said: “We will respond.”",
                    "Iranian Foreign Ministry spokesman Nasser Kanaani",
                ),
                (
                    "In response, Ayhan Hajizadeh, an official of the Ministry of Foreign Affairs of Azerbaijan, tweeted: “We have clarified our position.”",
                    "Ayhan Hajizadeh, an official of the Ministry of Foreign Affairs of Azerbaijan",
                ),
            ],
            no_match: &["Nothing about the report was new. “Nothing to see here.”"],
        },
    },
    Pattern {
        name: "colon-paragraph",
        doc: "a quotation that opens a paragraph after one ending with a colon is said by that paragraph's subject",
        stage: Stage::Fallback,
        find: Find::Quote(colon_paragraph::find),
        examples: Examples {
            matches: &[
                ("Pete Hegseth told reporters:\n\n“We are ready for anything that comes.”", "Pete Hegseth"),
                ("The spokesman Dan Okafor added this:\n\n“The rules favour landlords.”", "The spokesman Dan Okafor"),
            ],
            no_match: &["Pete Hegseth told reporters.\n\n“We are ready for anything that comes.”"],
        },
    },
    Pattern {
        name: "continuation",
        doc: "a quotation with no cue of its own continues the previous quotation's speaker",
        stage: Stage::Fallback,
        find: Find::Quote(continuation::find),
        examples: Examples {
            matches: &[
                ("“We are ready,” she said. “We have been for years.”", "she"),
                (
                    "Mayor Ana Ruiz said: “The first paragraph goes on\n\n“and the second one ends it.”",
                    "Mayor Ana Ruiz",
                ),
            ],
            no_match: &["“We are ready.”"],
        },
    },
    Pattern {
        name: "sentence-subject",
        doc: "a quotation in a sentence with no cue is the sentence subject's (He has coined a phrase, “…”)",
        stage: Stage::Fallback,
        find: Find::Quote(sentence_subject::find),
        examples: Examples {
            matches: &[
                ("Donald Trump has coined a new phrase, “undocumented Democrats,” for his rivals.", "Donald Trump"),
                ("She has a name for it, “the long goodbye,” and uses it often.", "She"),
            ],
            no_match: &["“The long goodbye” is a novel."],
        },
    },
    Pattern {
        name: "previous-paragraph-cue",
        doc: "a quotation that opens a paragraph is said by the subject of the previous paragraph's last cue",
        stage: Stage::Fallback,
        find: Find::Quote(previous_paragraph::find),
        examples: Examples {
            matches: &[
                ("The plan is a good one, Pete Hegseth said.\n\n“It is a good day for the alliance.”", "Pete Hegseth"),
                ("The plan was dropped, Maria Lindqvist said.\n\n“Nobody wanted it in the end.”", "Maria Lindqvist"),
            ],
            no_match: &["The plan was dropped.\n\n“Nobody wanted it in the end.”"],
        },
    },
    Pattern {
        name: "according-to-source-clause",
        doc: "“According to SOURCE,” then the clause it reports",
        stage: Stage::Reported,
        find: Find::Sentence(reported::according_to_source_clause),
        examples: Examples {
            matches: &[
                ("According to the Pentagon, the drills will last four days.", "the Pentagon"),
                ("But according to two senior officials, the plan was dropped last week.", "two senior officials"),
                ("According to a CNN tally, the senator has won 758 pledged delegates.", "a CNN tally"),
            ],
            no_match: &["According to plan, the drills will last four days."],
        },
    },
    Pattern {
        name: "clause-according-to",
        doc: "a clause, a comma, then “according to SOURCE”",
        stage: Stage::SentenceEnd,
        find: Find::Sentence(reported::clause_according_to),
        examples: Examples {
            matches: &[
                (
                    "The drills will last four days, according to a statement by the Foreign Ministry.",
                    "the Foreign Ministry",
                ),
                ("The plan was dropped, according to two senior officials.", "two senior officials"),
                ("Clinton is well ahead, according to a CBS poll released Monday.", "a CBS poll released Monday"),
                (
                    "The team is led by two former officials, according to multiple sources familiar with the effort.",
                    "multiple sources familiar with the effort",
                ),
            ],
            no_match: &[
                "The drills went according to plan.",
                "The vote went ahead, according to plan laid out in 1990.",
                "The vote went ahead, according to tradition.",
            ],
        },
    },
    Pattern {
        name: "clause-comma-source-cue",
        doc: "a clause, a comma, then SOURCE and its cue end the sentence (…, Nakatani said.)",
        stage: Stage::SentenceEnd,
        find: Find::Sentence(reported::clause_comma_source_cue),
        examples: Examples {
            matches: &[
                ("The two sides agreed to produce missiles together, Nakatani said.", "Nakatani"),
                ("The exercise would last four days, a senior official said on Monday.", "a senior official"),
                ("The plan failed: the money ran out and nobody would lend more, the spokesman said.", "the spokesman"),
            ],
            no_match: &[
                "The two sides agreed to produce missiles together, and the talks that followed said nothing about the price of any of them.",
            ],
        },
    },
    Pattern {
        name: "clause-comma-cue-source",
        doc: "a clause, a comma, then the cue and SOURCE end the sentence (…, said Ortiz, a union official.)",
        stage: Stage::SentenceEnd,
        find: Find::Sentence(reported::clause_comma_cue_source),
        examples: Examples {
            matches: &[
                ("The rules favour landlords, said Dan Okafor.", "Dan Okafor"),
                (
                    "The union will strike on Monday, said Carl Novak, the union president.",
                    "Carl Novak, the union president",
                ),
                ("His misinformation may be “strategic,” said Dan Okafor.", "Dan Okafor"),
            ],
            no_match: &[
                "The rules favour landlords, said to be the richest people in town.",
                "Kioumars Heydari, who accused Baku of using fighters, said the drills were a provocation.",
            ],
        },
    },
    Pattern {
        name: "parenthetical-source-cue",
        doc: "SOURCE and its cue between commas inside the clause they report (The test, North Korea said, was its biggest)",
        stage: Stage::Reported,
        find: Find::Sentence(reported::parenthetical_source_cue),
        examples: Examples {
            matches: &[
                ("The latest test, North Korea said, was its biggest yet.", "North Korea"),
                ("But to prevent problems, he said, local officials should be vigilant.", "he"),
            ],
            no_match: &["The latest test, North Korea said."],
        },
    },
    Pattern {
        name: "participle-clause",
        doc: "a participle of a cue after a comma reports a clause of the sentence's subject (…, saying the report was wrong)",
        stage: Stage::Reported,
        find: Find::Sentence(reported::participle_clause),
        examples: Examples {
            matches: &[
                (
                    "Azerbaijan quickly responded to the threats, saying Tehran would never intimidate Baku.",
                    "Azerbaijan",
                ),
                ("Pete Hegseth left the room, adding that the talks had gone well.", "Pete Hegseth"),
            ],
            no_match: &["Saying nothing at all, the minister left the room."],
        },
    },
    Pattern {
        name: "source-participle-clause",
        doc: "a noun phrase and a cue in -ing right after it report a clause (30 percent of voters saying they …)",
        stage: Stage::Reported,
        find: Find::Sentence(reported::source_participle_clause),
        examples: Examples {
            matches: &[
                ("The poll found 30 percent of voters saying they would stay home.", "30 percent of voters"),
                ("Most of the money came from voters urging the mayor to stay.", "voters"),
            ],
            no_match: &[
                "Voters are saying they would stay home.",
                "The mayor left early, saying she would stay home.",
                "The building housing the offices was closed.",
            ],
        },
    },
    Pattern {
        name: "source-cue-clause",
        doc: "SOURCE, its cue, (that) and the clause it reports, to the end of the sentence",
        stage: Stage::Reported,
        find: Find::Sentence(reported::source_cue_clause),
        examples: Examples {
            matches: &[
                ("Kanaani said his country saw the statements as hostile.", "Kanaani"),
                ("The minister told reporters that the drills would go ahead.", "The minister"),
                (
                    "But on Friday a State Department spokesman suggested that the number was wrong.",
                    "a State Department spokesman",
                ),
                ("The new poll counts independent voters who said they would vote in the primary.", "who"),
                (
                    "A White House official, who spoke on condition of anonymity, said the president had called.",
                    "A White House official",
                ),
                ("And he added that his own pen “has got an eraser.”", "he"),
                ("A statement released Monday said the talks had failed.", "A statement released Monday"),
                ("The crowd cheered when Trump asked that it be fetched for him.", "Trump"),
            ],
            no_match: &[
                "He said so.",
                "The rumour is said to be false.",
                "Once in my early 20s said the stories were true.",
                "The book that says it all is on the table.",
                "The statement issued said nothing.",
            ],
        },
    },
    Pattern {
        name: "subject-phrase-cue-clause",
        doc: "the whole noun phrase opening the clause (a relative clause, a poll's share) is the source of its cue's clause",
        stage: Stage::Reported,
        find: Find::Sentence(subject_phrase::subject_phrase_cue_clause),
        examples: Examples {
            matches: &[
                (
                    "Supporters who have heard from the campaign say their priority is to finish ahead.",
                    "Supporters who have heard from the campaign",
                ),
                ("Nearly nine out of 10 say they will need to learn new skills.", "Nearly nine out of 10"),
                (
                    "But progressive groups that have endorsed him say the delegates should choose.",
                    "progressive groups that have endorsed him",
                ),
                ("On terrorism, 47% say the country should send troops.", "47%"),
            ],
            no_match: &[
                "He gave a long speech that the officials say was a mistake.",
                "The rumour that critics have spread is said to be false.",
                "Even if he lost every other swing state in the country, the plan would work.",
                "At least the unemployment rate is back under control.",
                "The two sides agreed to produce missiles together, Nakatani said.",
            ],
        },
    },
];

/// A quotation between marks, and what the patterns read around it.
pub(crate) struct QuoteSite<'a> {
    /// Its marks and span.
    pub marked: &'a Marked,
    /// The quotation without surrounding white space and a trailing comma.
    pub inner: Span,
    /// Its line.
    pub para: Span,
    /// Its sentence (the line when the text has no sentence there).
    pub sentence: Span,
    /// End of the closing mark.
    pub close_end: usize,
    /// The last attributed quotation: (start of its line, what attributed it).
    pub last: Option<&'a (usize, Found)>,
    /// End of the line of the previous quotation that ran to the end of its line, while it is recent.
    pub previous_para_open_end: Option<usize>,
    /// What [`after_quote::after_quote`] finds, once computed (two patterns read it).
    after: OnceCell<Option<Found>>,
}

impl QuoteSite<'_> {
    /// The speaker named right after the quotation, unless a cue right before it introduces it.
    pub fn after(&self, cx: &QuoteContext<'_>) -> Option<Found> {
        *self.after.get_or_init(|| after_quote::after_quote_unless_introduced(cx, self))
    }
}

/// A cue of a sentence, and what the reported-speech patterns read around it.
pub(crate) struct CueSite {
    /// The sentence.
    pub sentence: Span,
    /// The cue.
    pub cue: CueHit,
    /// Where the cue's clause may start: the sentence's start, or the end of the attribution before it in the
    /// sentence.
    pub floor: usize,
    /// The end of the sentence without its final punctuation.
    pub body_end: usize,
}

/// Attributes marked quotations and finds reported speech, in text order.
pub(crate) fn attribute(cx: &QuoteContext<'_>, marked: &[Marked]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(marked.len());
    let mut last: Option<(usize, Found)> = None;
    let mut previous_para_open_end: Option<usize> = None;
    // short quoted phrases and how often each is quoted (labels are quoted again)
    let mut phrase_counts: HashMap<&str, u32> = HashMap::default();
    for m in marked.iter().filter(|m| m.ending != Ending::Nested) {
        let phrase = trim_quote(cx.text, m.inner).text(cx.text).trim_end_matches(['.', ',', '!', '?']);
        if words_at_most(phrase, 4) {
            *phrase_counts.entry(phrase).or_default() += 1;
        }
    }
    for m in marked {
        if m.ending == Ending::Nested || is_markup(cx.text, m.open) {
            continue;
        }
        let inner = trim_quote(cx.text, m.inner);
        if inner.is_empty() {
            continue;
        }
        let para = paragraph_of(cx, m.open.start);
        let sentence =
            cx.sentences.get(crate::text::segment::sentence_index(cx.sentences, m.open.start)).copied().unwrap_or(para);
        let site = QuoteSite {
            marked: m,
            inner,
            para,
            sentence,
            close_end: closing_mark_end(cx.text, m.inner.end),
            last: last.as_ref(),
            previous_para_open_end,
            after: OnceCell::new(),
        };
        let on_quote = |p: &Pattern| match p.find {
            Find::Quote(find) => find(cx, &site),
            Find::Sentence(_) => None,
        };
        let mut fired = first_of(Stage::Quote, on_quote);
        let kind = if is_label(cx, &phrase_counts, m, inner) {
            QuoteKind::Term
        } else {
            quote_kind(cx, m, inner, sentence, para, fired.is_some())
        };
        if kind == QuoteKind::Term {
            fired = None;
        } else if fired.is_none() {
            fired = first_of(Stage::Fallback, on_quote);
        }
        if m.ending == Ending::ParagraphEnd {
            previous_para_open_end = Some(para.end);
        } else if previous_para_open_end.is_some_and(|e| e < para.start) {
            previous_para_open_end = None;
        }
        let quote = match fired {
            Some((pattern, f)) => {
                if kind != QuoteKind::Term {
                    last = Some((para.start, f));
                    if let Some(e) = f.speaker.entity {
                        cx.spoken.borrow_mut().push((inner.start, e, f.speaker.joint));
                    }
                }
                Quote::attributed(kind, inner, pattern, f)
            }
            None => Quote::unattributed(kind, inner),
        };
        quotes.push(quote);
    }
    join_broken_quotations(cx, &mut quotes);
    reported_speech(cx, marked, &mut quotes);
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    link_parts(cx.text, &mut quotes);
    quotes
}

/// One speaker's quotation broken by its attribution, in one paragraph ("“A,” said Ortiz, “B.”", "“A,” Ortiz
/// said. “B.”"): its parts are one attribution, a `mixed` quotation from the first part's start to the last
/// part's end (the parts stay rows of their own, `part_of` it).
fn join_broken_quotations(cx: &QuoteContext<'_>, quotes: &mut Vec<Quote>) {
    let mut joined = Vec::new();
    let mut i = 0;
    while i < quotes.len() {
        let first = quotes[i];
        let Some(speaker) = first.speaker.filter(|_| first.kind == QuoteKind::Direct) else {
            i += 1;
            continue;
        };
        let line = paragraph_of(cx, first.span.start);
        let mut j = i + 1;
        while j < quotes.len()
            && quotes[j].kind == QuoteKind::Direct
            && quotes[j].speaker.is_some_and(|s| s.span == speaker.span)
            && quotes[j].span.end <= line.end
        {
            j += 1;
        }
        if j > i + 1 {
            let span = Span::new(first.span.start, quotes[j - 1].span.end);
            joined.push(Quote { kind: QuoteKind::Mixed, span, ..first });
        }
        i = j;
    }
    quotes.extend(joined);
}

/// The quotations inside a `mixed` attribution are its parts: `part_of` names it, and they are `partial`
/// (a fragment of the reporter's sentence) and take its speaker when they have none.
fn link_parts(text: &str, quotes: &mut [Quote]) {
    // quotes are in order of their start: the parts of a mixed attribution follow it
    for m in 0..quotes.len() {
        if quotes[m].kind != QuoteKind::Mixed {
            continue;
        }
        let (span, attribution) = (quotes[m].span, quotes[m]);
        let from = quotes.partition_point(|q| q.span.start < span.start);
        let to = quotes.partition_point(|q| q.span.start < span.end);
        for (i, q) in quotes.iter_mut().enumerate().take(to).skip(from) {
            // a term (a name, scare quotes) is the reporter's, not the speaker's
            // a part may end past the attribution by its closing punctuation ("… pen “has got an eraser.”")
            let inside = span.contains(q.span)
                || (q.span.start >= span.start
                    && q.span.end.saturating_sub(span.end) <= 3
                    && text.get(span.end..q.span.end).is_some_and(|t| t.chars().all(|c| c.is_ascii_punctuation())));
            if i == m || matches!(q.kind, QuoteKind::Mixed | QuoteKind::Term) || !inside || q.part_of.is_some() {
                continue;
            }
            q.part_of = Some(m);
            if q.kind == QuoteKind::Direct {
                q.kind = QuoteKind::Partial;
            }
            if q.speaker.is_none() {
                (q.speaker, q.cue, q.pattern) = (attribution.speaker, attribution.cue, attribution.pattern);
                q.confidence = attribution.confidence;
            }
        }
    }
}

/// The first pattern of `stage` that `attribute` gives a result for, with its name.
fn first_of<T>(stage: Stage, attribute: impl Fn(&Pattern) -> Option<T>) -> Option<(&'static str, T)> {
    PATTERNS.iter().filter(|p| p.stage == stage).find_map(|p| attribute(p).map(|found| (p.name, found)))
}

/// Reported speech: for every cue of every sentence, the first reported-speech pattern that finds its clause
/// and source. A clause that holds quotation marks is `mixed`, unless one quotation is nearly all of it (that
/// is a direct quotation, attributed above); its quotations become its parts.
fn reported_speech(cx: &QuoteContext<'_>, marked: &[Marked], quotes: &mut Vec<Quote>) {
    let text = cx.text;
    // quotations (marks included), in order: no cue inside one reports anything here
    let quoted: Vec<Span> = marked
        .iter()
        .filter(|m| m.ending != Ending::Nested)
        .map(|m| Span::new(m.open.start, closing_mark_end(text, m.inner.end)))
        .collect();
    let inside_quotation = |pos: usize| {
        let i = quoted.partition_point(|q| q.start <= pos);
        i > 0 && quoted[i - 1].end > pos
    };
    // the cues of each sentence, `cx.cues[cues_from..cues_to]`: sentences and cues are both in order
    let (mut cues_from, mut cues_to) = (0, 0);
    // buffers reused from sentence to sentence
    let mut valid: Vec<CueHit> = Vec::new();
    let mut frames = Vec::new();
    for &sentence in cx.sentences {
        while cues_from < cx.cues.len() && cx.cues[cues_from].span.start < sentence.start {
            cues_from += 1;
        }
        cues_to = cues_to.max(cues_from);
        while cues_to < cx.cues.len() && cx.cues[cues_to].span.start < sentence.end {
            cues_to += 1;
        }
        let cues = &cx.cues[cues_from..cues_to];
        if cues.is_empty() {
            continue;
        }
        let body_end = trim_span(text, sp(sentence.start, sentence.end)).end;
        let body_end = if text[..body_end].ends_with(['.', '!', '?']) { body_end - 1 } else { body_end };
        valid.clear();
        valid.extend(cues.iter().copied().filter(|c| !inside_quotation(c.span.start) && verbal(cx, *c, sentence)));
        let Some(&last) = valid.last() else { continue };
        // "…, officials said, speaking on condition of anonymity": the sentence ends with the last finite cue
        let last = valid.iter().rev().find(|c| !c.span.text(text).ends_with("ing")).copied().unwrap_or(last);
        let find_at = |stage: Stage, cue: CueHit, floor: usize, body_end: usize| {
            let site = CueSite { sentence, cue, floor, body_end };
            first_of(stage, |p: &Pattern| match p.find {
                Find::Sentence(find) => find(cx, &site),
                Find::Quote(_) => None,
            })
        };
        // the attribution that ends the sentence first: the clause before it is its content, and the cues in
        // that clause report only up to its end
        let ending = find_at(Stage::SentenceEnd, last, sentence.start, body_end);
        let ceiling = ending.as_ref().map_or(body_end, |(_, (content, _))| content.end);
        frames.clear();
        let mut floor = sentence.start;
        for &cue in &valid {
            if cue.span.start < floor || cue.span.end > ceiling {
                continue;
            }
            let Some(mut frame) = find_at(Stage::Reported, cue, floor, ceiling) else { continue };
            // the clause ends where the next attribution in it begins ("Fowler said …, and he noted that …")
            let (content, f) = &mut frame.1;
            if let Some(cut) = next_attribution(cx, &valid, cue, *content) {
                *content = trim_span(text, sp(content.start, cut));
            }
            // "An official, who spoke on condition of anonymity, said …": a relative clause closed by its comma
            // leaves the noun before it to the cues after it
            let closed_relative = cx.lexicon.is(f.speaker.span.text(text), WordKind::RelativePronoun)
                && text[content.end..].starts_with(',');
            if !closed_relative {
                floor = content.end.max(f.speaker.span.end).max(cue.span.end);
            }
            if content.is_empty() {
                continue;
            }
            frames.push(frame);
        }
        frames.extend(ending);
        for (pattern, (content, f)) in frames.drain(..) {
            // HTML markup in the clause ("<a href=…>link</a> and “real words,” she said") is no one's words
            if content.text(text).contains('<') && content.text(text).contains('>') {
                continue;
            }
            // the quotations overlapping the clause: those ending after its start, up to the first after it
            let first = quoted.partition_point(|q| q.end <= content.start);
            let marks_inside =
                quoted[first..].iter().take_while(|q| q.start < content.end).filter(|q| content.overlaps(**q));
            let mut marks_inside = marks_inside.peekable();
            let kind = if marks_inside.peek().is_none() {
                QuoteKind::Indirect
            } else if marks_inside.any(|q| {
                // only punctuation before the opening mark ("said: “…”")
                let lead = text.get(content.start..q.start).unwrap_or("");
                !lead.chars().any(char::is_alphanumeric) && 10 * q.len() >= 7 * content.len()
            }) {
                // the clause is a direct quotation, attributed as such; words of the reporter before its
                // opening mark make it mixed ("his own pen “has got an eraser.”")
                continue;
            } else {
                QuoteKind::Mixed
            };
            quotes.push(Quote::attributed(kind, content, pattern, f));
        }
    }
}

/// False for a cue word that is no verb here: capitalised inside its sentence (a headline in title case:
/// "Popular Website Shows Bias"), or a noun-like cue ("rules", "fears") after a word that cannot be its
/// subject ("the climate rules", "our worst fears").
fn verbal(cx: &QuoteContext<'_>, cue: CueHit, sentence: Span) -> bool {
    let text = cx.text;
    let word = cue.span.text(text);
    let before = text[sentence.start..cue.span.start].trim_end();
    if word.starts_with(char::is_uppercase)
        && !before.is_empty()
        && !before.ends_with([',', ':', ';', '—', '–', '(', '"', '“', '”'])
    {
        return false;
    }
    // "Another slide shows that …": "that" after it makes it a verb
    let that_follows = text[cue.span.end..sentence.end].trim_start().starts_with("that ");
    if cx.lexicon.is(word, WordKind::NounLikeCue) && !that_follows {
        let subject = super::phrases::subject_before(cx, cue.span.start, sentence.start);
        let strong = subject.is_some_and(|s| {
            let words = s.text(text);
            let last = words.rsplit(' ').next().unwrap_or(words);
            cx.lexicon.is(words, WordKind::SpeakerPronoun)
                || super::context::mention_ending_at(cx.mentions, s.end).is_some()
                || last.starts_with(char::is_uppercase)
                || cx.lexicon.is_or_plural(last, WordKind::SpeakerNoun)
        });
        return strong;
    }
    true
}

/// Where a later attribution begins inside `content`, the clause that `cue` reports: a later cue whose
/// subject can speak and follows a comma, semicolon, dash or conjunction ("…, and he noted that", "…, but
/// Republicans say"). The position of that separator.
fn next_attribution(cx: &QuoteContext<'_>, cues: &[CueHit], cue: CueHit, content: Span) -> Option<usize> {
    let text = cx.text;
    for later in cues.iter().filter(|c| c.span.start > cue.span.end.max(content.start) && c.span.end <= content.end) {
        // "May said that … by March and suggested that …": a second verb of the same subject
        let verb_start = super::phrases::skip_auxiliaries_back(text, cx.lexicon, later.span.start, content.start);
        let before_verb = text[content.start..verb_start].trim_end();
        // "… a “political revolution” and said that …", "…, but said she should face no charges"
        if let Some(stripped) = before_verb.strip_suffix(" and").or_else(|| before_verb.strip_suffix(" but"))
            && !later.span.text(text).ends_with("ing")
            && !words_at_most(stripped, 1)
        {
            return Some(content.start + stripped.trim_end().trim_end_matches(',').len());
        }
        let Some(source) = super::phrases::subject_before(cx, later.span.start, content.start) else { continue };
        if !super::phrases::is_speaker(cx, source) || source.start <= content.start {
            continue;
        }
        let before = text[content.start..source.start].trim_end();
        let separator_start = if let Some(stripped) = before.strip_suffix([',', ';', '—', '–']) {
            Some(stripped.len())
        } else {
            let last = before.rsplit(' ').next().unwrap_or("");
            cx.lexicon
                .is(last, WordKind::Conjunction)
                .then(|| before.len() - last.len())
                .map(|end| before[..end].trim_end().trim_end_matches(',').len())
        };
        if let Some(end) = separator_start {
            return Some(content.start + end);
        }
    }
    None
}

/// The reported speech `content` of a sentence, said by the words `speaker`: none when either is empty.
fn reported(cx: &QuoteContext<'_>, content: Span, speaker: Span, cue: Span) -> Option<(Span, Found)> {
    let content = trim_span(cx.text, content);
    let content = trim_marks(cx.text, content);
    (!content.is_empty() && !speaker.is_empty()).then(|| (content, found(cx, speaker, Some(cue), 0.7)))
}

/// A clause without the quotation marks that open or close it.
fn trim_marks(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let trimmed = s.trim_start_matches(['"', '“', '”']).trim_end_matches(['"', '“', '”']);
    let start = span.start + (s.len() - s.trim_start_matches(['"', '“', '”']).len());
    trim_span(text, sp(start, start + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Extractor};

    #[test]
    fn every_pattern_attributes_its_examples_and_nothing_else() {
        let extractor = Extractor::new(crate::pipeline::unit_gazetteer()).unwrap();
        let mut names: Vec<&str> = PATTERNS.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PATTERNS.len(), "pattern names are unique");
        let mut failures = Vec::new();
        for pattern in PATTERNS {
            let examples = pattern.examples;
            assert!(examples.matches.len() >= 2 && !examples.no_match.is_empty(), "{}: too few examples", pattern.name);
            assert!(!pattern.doc.is_empty());
            for &(sentence, speaker) in examples.matches {
                let x = extractor.extract(&Document::new("t", sentence));
                let fired: Vec<(&str, &str)> =
                    x.quotes.iter().map(|q| (q.pattern, q.speaker.map_or("", |s| s.span.text(sentence)))).collect();
                if !fired.contains(&(pattern.name, speaker)) {
                    failures
                        .push(format!("{}: does not attribute {sentence:?} to {speaker:?}: {fired:?}", pattern.name));
                }
            }
            for &sentence in examples.no_match {
                let x = extractor.extract(&Document::new("t", sentence));
                let fired: Vec<&str> =
                    x.quotes.iter().filter(|q| q.pattern == pattern.name).map(|q| q.span.text(sentence)).collect();
                if !fired.is_empty() {
                    failures.push(format!("{}: fires on {sentence:?}: {fired:?}", pattern.name));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
