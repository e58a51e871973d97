//! Reported speech: the clauses that a cue reports, with or without quotation marks in them.
//!
//! Each function reads one cue of a sentence ([`CueSite`]) and returns the clause it reports (its content) and
//! its source, or nothing. The shapes, in the order [`super::PATTERNS`] tries them:
//!
//! - `According to SOURCE, CLAUSE.` and `CLAUSE, according to SOURCE.`
//! - `CLAUSE, SOURCE CUE.` and `CLAUSE, CUE SOURCE.`: the cue ends the sentence (an adverbial or addressee
//!   aside: "Nakatani said on Sunday", "he told reporters"); the clause is everything before the comma (or
//!   colon or dash), however long.
//! - `…, saying (that) CLAUSE`: a participle takes the subject of its sentence.
//! - `SOURCE CUE (that) CLAUSE`: the clause runs to the end of the sentence, or to the next attribution in it;
//!   "that" is not content, nor is the addressee of a verb that takes one ("told reporters the …", the
//!   lexicon's `addressee_verb`), nor an adverbial right after the cue ("said on Friday", "said in a
//!   statement").

use crate::lexicon::{Lexicon, WordKind, WordKinds};
use crate::quote::CueKind;
use crate::quote::context::QuoteContext;
use crate::quote::phrases::{
    CLAUSE_START, coordinated_subject, is_speaker, is_time_word, np_after, sentence_subject, skip_adverbials,
    skip_auxiliaries_back, sp, speaker_words, statement_source, subject_before, trim_span, words_at_most,
};
use crate::quote::speaker::Found;
use crate::span::Span;
use crate::text::words::{find_before_space, skip_spaces_back, word_ending_at};

use super::{CueSite, reported};

/// The most words the aside after a trailing cue may have ("…, Nakatani said on Sunday in Tokyo.").
const TRAILING_ASIDE_WORDS: usize = 6;
/// The most words a trailing source may have before its cue ("…, a senior US defense official said.").
const TRAILING_SOURCE_WORDS: usize = 8;
/// The most words the source after "according to" may have ("early results of exit polls conducted for the
/// Associated Press and television networks by Edison Research").
const ACCORDING_TO_SOURCE_WORDS: usize = 16;

/// `According to SOURCE, CLAUSE.`
pub(crate) fn according_to_source_clause(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    if s.cue.kind != CueKind::AccordingTo || !opens_clause(cx, s.floor, s.cue.span.start) {
        return None;
    }
    let comma = find_before_space(&text[s.cue.span.end..s.body_end], b',').map(|i| s.cue.span.end + i)?;
    let source = trim_span(text, sp(s.cue.span.end, comma));
    if source.is_empty() || !words_at_most(source.text(text), ACCORDING_TO_SOURCE_WORDS) {
        return None;
    }
    let source = statement_source(text, source);
    (is_speaker(cx, source) || according_to_names_a_source(cx, source)).then_some(())?;
    let content = sp(comma + 2, s.body_end);
    (!words_at_most(content.text(text), 2)).then_some(())?;
    reported(cx, content, source, s.cue.span)
}

/// `CLAUSE, according to SOURCE.`
pub(crate) fn clause_according_to(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    if s.cue.kind != CueKind::AccordingTo {
        return None;
    }
    let before = text[s.floor..s.cue.span.start].trim_end();
    let separator = strip_separator(before, &[',', ';', '—', '–', ':'])?;
    let np = statement_source(text, np_after(text, cx.lexicon, s.cue.span.end, s.body_end)?);
    // the source ends the sentence (an apposition aside), or its noun phrase goes on
    let after = text[np.end..s.body_end].trim_start();
    let source = if is_speaker(cx, np) && (after.is_empty() || after.starts_with(',')) {
        np
    } else {
        source_with_complement(cx, np, s.body_end).or_else(|| {
            // "…, according to multiple sources familiar with the effort": what follows names a source
            let rest = &text[np.start..s.body_end];
            let end = find_before_space(rest, b',').unwrap_or(rest.len());
            let source = statement_source(text, trim_span(text, sp(np.start, np.start + end)));
            according_to_names_a_source(cx, source).then_some(source)
        })?
    };
    let content = sp(s.floor, s.floor + separator.len());
    reported(cx, content, source, s.cue.span)
}

/// True when `source`, the words after "according to" up to a comma or the sentence end, names a source
/// though no speaker noun heads it ("a CNN tally", "early results of exit polls", "public filings"): PolNeAR
/// train annotates 395 of its 428 "according to" as attributions. Not an idiom: a lower-case first word that is
/// no determiner, with no capitalised word and no plural in -s ("according to plan", "according to plan laid
/// out in 1990", "according to tradition"); nor a phrase of more than [`ACCORDING_TO_SOURCE_WORDS`] words, nor
/// one with a form of "be" (a clause).
fn according_to_names_a_source(cx: &QuoteContext<'_>, source: Span) -> bool {
    let words = source.text(cx.text);
    let Some(first) = words.split_whitespace().next() else { return false };
    let idiom = first.starts_with(char::is_lowercase)
        && !cx.lexicon.is(first, WordKind::NounDeterminer)
        && !cx.lexicon.is(first, WordKind::SpeakerDeterminer)
        && !words.split_whitespace().any(|w| w.starts_with(char::is_uppercase) || w.ends_with('s'));
    !idiom && words_at_most(words, ACCORDING_TO_SOURCE_WORDS) && !has_be_form(cx, words)
}

/// True when `words` hold a form of "be": they are a clause, not a noun phrase ("the drills were a provocation").
fn has_be_form(cx: &QuoteContext<'_>, words: &str) -> bool {
    words.split_whitespace().any(|w| cx.lexicon.is(w, WordKind::BeAuxiliary))
}

/// The source of "according to" with the words that complete its noun phrase, up to the next comma, a relative
/// pronoun or the sentence end ("a CBS poll released Monday", "people in attendance"), when its words before
/// the first participle in -ed or preposition are a speaker ending with a name or a speaker noun, and it has at
/// most [`TRAILING_SOURCE_WORDS`] words.
fn source_with_complement(cx: &QuoteContext<'_>, np: Span, limit: usize) -> Option<Span> {
    let text = cx.text;
    let rest = &text[np.start..limit];
    let mut end = find_before_space(rest, b',').map_or(rest.len(), |i| i);
    let mut head_end = None;
    let mut at = 0;
    for (i, word) in rest[..end].split(' ').enumerate() {
        if i > 0 && cx.lexicon.is(word, WordKind::RelativePronoun) {
            end = at;
            break;
        }
        let participle = word.len() > 3 && word.ends_with("ed") && word.starts_with(char::is_lowercase);
        let preposition = cx.lexicon.is(word, WordKind::ClauseOpener) && !cx.lexicon.is(word, WordKind::Conjunction);
        if i > 0 && head_end.is_none() && (participle || preposition) {
            head_end = Some(at);
        }
        at += word.len() + 1;
    }
    let source = trim_span(text, sp(np.start, np.start + end));
    let head = trim_span(text, sp(np.start, np.start + head_end.unwrap_or(end).min(end)));
    // the head ends with a name or a noun that can speak ("poll", "people"), not any noun ("plan laid out")
    let last = head.text(text).rsplit(' ').next().unwrap_or("");
    let strong = crate::quote::context::mention_ending_at(cx.mentions, head.end).is_some()
        || last.starts_with(char::is_uppercase)
        || cx.lexicon.is_or_plural(&last.to_lowercase(), WordKind::SpeakerNoun);
    (strong && words_at_most(source.text(text), TRAILING_SOURCE_WORDS) && is_speaker(cx, head)).then_some(source)
}

/// `before` without the separator that ends it, also inside a closing quotation mark ("… may be “strategic,”
/// said Hemsley": the clause ends inside the quotation).
fn strip_separator<'a>(before: &'a str, separators: &[char]) -> Option<&'a str> {
    before.strip_suffix(separators).or_else(|| before.strip_suffix(['"', '”'])?.strip_suffix(separators))
}

/// `CLAUSE, SOURCE CUE.` (with an aside after the cue: "on Sunday", "told reporters").
pub(crate) fn clause_comma_source_cue(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    // a separator before the source, and an aside at most after the cue
    let separated = text[s.floor..s.cue.span.start].contains([',', ':', '—', '–']);
    if s.cue.kind == CueKind::AccordingTo || !separated || !ends_with_aside(cx, s) {
        return None;
    }
    let subject_end = skip_auxiliaries_back(text, cx.lexicon, s.cue.span.start, s.floor);
    let source = subject_before(cx, s.cue.span.start, s.floor)?;
    // the clause ends at the separator before the source
    let before = text[s.floor..source.start].trim_end();
    let separator = strip_separator(before, &[',', ':', '—', '–'])?;
    if !words_at_most(text[source.start..subject_end].trim_end_matches(','), TRAILING_SOURCE_WORDS + 12) {
        return None;
    }
    is_speaker(cx, source).then_some(())?;
    let content = sp(s.floor, s.floor + separator.len());
    (!words_at_most(content.text(text), 2)).then_some(())?;
    reported(cx, content, source, s.cue.span)
}

/// `CLAUSE, CUE SOURCE.` ("…, said Ortiz, a union official.")
pub(crate) fn clause_comma_cue_source(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    if s.cue.kind == CueKind::AccordingTo || s.cue.span.text(text).ends_with("ing") {
        return None;
    }
    let before = text[s.floor..s.cue.span.start].trim_end();
    let separator = strip_separator(before, &[',', ':', '—', '–'])?;
    let source = np_after(text, cx.lexicon, s.cue.span.end, s.body_end)?;
    is_speaker(cx, source).then_some(())?;
    let after = text[source.end..s.body_end].trim_start();
    let aside = after.strip_prefix(',').unwrap_or(after);
    (after.is_empty() || after.starts_with(',') || words_at_most(aside, 3)).then_some(())?;
    // "…, said the drills were a provocation": a form of "be" makes the words after the cue a clause, no source
    (!has_be_form(cx, source.text(text)) && (after.starts_with(',') || !has_be_form(cx, aside))).then_some(())?;
    // the source with its apposition ("Ortiz, a union official")
    let source = if after.starts_with(',') { trim_span(text, sp(source.start, s.body_end)) } else { source };
    let content = sp(s.floor, s.floor + separator.len());
    (!words_at_most(content.text(text), 2)).then_some(())?;
    reported(cx, content, source, s.cue.span)
}

/// `CLAUSE-START, SOURCE CUE, CLAUSE-END.` ("The latest test, North Korea said, was its biggest yet"): the
/// whole sentence but the attribution is what the source said.
pub(crate) fn parenthetical_source_cue(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    if s.cue.kind == CueKind::AccordingTo
        || s.cue.span.text(text).ends_with("ing")
        || memchr::memchr(b',', &text.as_bytes()[s.cue.span.end..s.body_end]).is_none()
    {
        return None;
    }
    // ", SOURCE CUE," with the clause going on after it
    let after = skip_adverbials(cx, s.cue.span.end, s.body_end);
    let rest = text[after..s.body_end].trim_start().strip_prefix(',')?;
    (!words_at_most(rest, 2) && !participle_asides(cx.lexicon, &text[after..s.body_end])).then_some(())?;
    let source = subject_before(cx, s.cue.span.start, s.floor)?;
    let before = text[s.floor..source.start].trim_end();
    let opening = before.strip_suffix(',')?;
    (!opening.trim().is_empty()).then_some(())?;
    if !words_at_most(source.text(text), TRAILING_SOURCE_WORDS) {
        return None;
    }
    is_speaker(cx, source).then_some(())?;
    let content = sp(s.floor, s.body_end);
    reported(cx, content, source, s.cue.span)
}

/// `…, saying (that) CLAUSE`: the subject of the sentence said it.
pub(crate) fn participle_clause(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    let cue = s.cue.span.text(text);
    if !cue.ends_with("ing") {
        return None;
    }
    // "…, saying", "…, even suggesting"
    let before = skip_auxiliaries_back(text, cx.lexicon, s.cue.span.start, s.sentence.start);
    if !text[s.sentence.start..before].trim_end().ends_with(',') {
        return None;
    }
    // the subject of the cue before it ("…,” he said, adding he would never vote"), else of the sentence
    let source = subject_of_previous_cue(cx, s).or_else(|| sentence_subject(cx, s.sentence.start, s.cue.span.start))?;
    is_speaker(cx, source).then_some(())?;
    let content = clause_after(cx, s)?;
    reported(cx, content, source, s.cue.span)
}

/// `SOURCE CUE-ing CLAUSE` with no comma or form of "be" between them: a participle that reports what the noun
/// phrase before it says ("30 percent of voters saying they have a positive view of him", "groups supporting
/// individual candidates").
pub(crate) fn source_participle_clause(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    if !s.cue.span.text(text).ends_with("ing") || s.cue.kind == CueKind::AccordingTo {
        return None;
    }
    let before = text[s.floor..s.cue.span.start].trim_end();
    // "…, saying" is the participle clause of the sentence's subject; "is saying" a finite verb
    if before.is_empty() || before.ends_with([',', '(', '—', '–', ':', ';']) || be_before(cx, s).is_some() {
        return None;
    }
    let source = participle_subject(cx, s.floor, s.cue.span.start)?;
    let content = clause_after(cx, s)?;
    reported(cx, content, source, s.cue.span)
}

/// The noun phrase right before a participle at `cue_start` (cue modifiers between them aside), read back no
/// further than `floor`: a mention ("Democrats urging"), or a head that can speak (`speaker_noun`) with the
/// determiners, numbers, capitalised words, speaker nouns and "of" before it ("30 percent of voters", "the
/// voters"); `None` for any other noun ("a strong showing", "the race continuing").
fn participle_subject(cx: &QuoteContext<'_>, floor: usize, cue_start: usize) -> Option<Span> {
    let text = cx.text;
    let mut end = floor + text[floor..cue_start].trim_end().len();
    while let Some((start, word)) = word_ending_at(text, floor, end) {
        if !cx.lexicon.is(word, WordKind::CueModifier) {
            break;
        }
        end = floor + text[floor..start].trim_end().len();
    }
    if let Some(m) = crate::quote::context::mention_ending_at(cx.mentions, end)
        .filter(|m| m.mention_type != crate::extraction::MentionType::Demonym && m.span.start >= floor)
    {
        return Some(m.span);
    }
    let (head_start, head) = word_ending_at(text, floor, end)?;
    cx.lexicon.is_or_plural(head, WordKind::SpeakerNoun).then_some(())?;
    let mut start = head_start;
    while let Some((at, word)) = word_ending_at(text, floor, skip_spaces_back(text, start)) {
        if skip_spaces_back(text, start) + 1 != start {
            break;
        }
        let name_word = word.starts_with(char::is_uppercase) && cx.lexicon.kinds(word).is_empty();
        let modifier = word.starts_with(|c: char| c.is_ascii_digit())
            || name_word
            || cx.lexicon.is(word, WordKind::NounDeterminer)
            || cx.lexicon.is(word, WordKind::SpeakerDeterminer)
            || cx.lexicon.is_or_plural(word, WordKind::SpeakerNoun)
            || (cx.lexicon.is(word, WordKind::OrgConnector) && cx.lexicon.is(word, WordKind::LinkingPreposition));
        if !modifier {
            break;
        }
        start = at;
    }
    // a phrase does not start with "of"
    let phrase = text[start..end].trim_start_matches("of ");
    Some(Span::new(end - phrase.len(), end))
}

/// The subject of the cue before `s.cue` in its sentence, when it can speak: "Kanaani said …, and demanded
/// …", "Trump said …, adding …".
fn subject_of_previous_cue(cx: &QuoteContext<'_>, s: &CueSite) -> Option<Span> {
    let before = &cx.cues[..cx.cues.partition_point(|c| c.span.start < s.cue.span.start)];
    // the latest cue of the sentence that is a verb there ("private email servers" has none)
    let previous = before
        .iter()
        .rev()
        .take_while(|c| c.span.start >= s.sentence.start)
        .find(|c| super::verbal(cx, **c, s.sentence))?;
    subject_before(cx, previous.span.start, s.sentence.start).filter(|source| is_speaker(cx, *source))
}

/// `SOURCE CUE (that) CLAUSE`.
pub(crate) fn source_cue_clause(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    // a cue in -ing is a participle ("…, saying"), unless a form of "be" makes it finite ("are warning")
    let verb_start = if s.cue.span.text(text).ends_with("ing") { progressive(cx, s)? } else { s.cue.span.start };
    if s.cue.kind == CueKind::AccordingTo {
        return None;
    }
    // "The rumour is said to be false", "He was told to leave": a passive names no source
    if verb_start == s.cue.span.start && passive(cx, s) {
        return None;
    }
    let before_cue = skip_auxiliaries_back(text, cx.lexicon, verb_start, s.floor);
    let joined = text[s.floor..before_cue].trim_end();
    // "…, but said", "… “extremely careless,” but said": a comma, maybe inside the closing quotation mark
    // (the clause before may be an attribution of its own that ends right there: the floor is its end)
    let after_comma_but = joined.strip_suffix("but").is_some_and(|rest| {
        let rest = rest.trim_end().trim_end_matches(['"', '”', '’', '\'']);
        rest.ends_with(',') || (rest.is_empty() && s.floor > s.sentence.start)
    });
    let source = if joined.ends_with(" and") || after_comma_but {
        // "Mr. Schultz supported Democrats …, and said he did not support Mr. Trump": the subject of the cue
        // before it in the sentence, else of the sentence
        let and = s.floor + joined.rfind(' ').map_or(0, |i| i + 1);
        subject_of_previous_cue(cx, s)
            .or_else(|| coordinated_subject(cx, s.sentence.start, and).filter(|source| is_speaker(cx, *source)))?
    } else {
        let source = speaker_words(cx, subject_before(cx, verb_start, s.floor)?)?;
        // the source opens its clause: the sentence, or after an introductory phrase or conjunction; or it is
        // the relative pronoun of a clause that is itself the attribution ("voters who said they would …")
        (opens_clause(cx, s.floor, source.start) || relative_speaker(cx, s.floor, source)).then_some(())?;
        source
    };
    let mut content = clause_after(cx, s)?;
    // "The package, which critics call a giveaway, passed", "An official, who spoke on condition of anonymity,
    // said …": an attribution inside a relative clause ends with it
    let before_source = text[s.sentence.start..source.start].trim_end();
    let relative_before = |end: usize| {
        word_ending_at(text, s.sentence.start, end).is_some_and(|(ws, w)| {
            cx.lexicon.is(w, WordKind::RelativePronoun) && text[s.sentence.start..ws].trim_end().ends_with(',')
        })
    };
    if (relative_before(s.sentence.start + before_source.len()) || relative_before(source.end))
        && let Some(comma) = find_before_space(content.text(text), b',')
    {
        content = trim_span(text, sp(content.start, content.start + comma));
    }
    reported(cx, content, source, s.cue.span)
}

/// True when `source` is a relative pronoun whose antecedent can speak: "who" after a noun, "that" or "which"
/// after a speaker noun or a name ("the groups that say …"; not "the book that says it all").
fn relative_speaker(cx: &QuoteContext<'_>, floor: usize, source: Span) -> bool {
    let text = cx.text;
    let word = source.text(text);
    if !cx.lexicon.is(word, WordKind::RelativePronoun) {
        return false;
    }
    if cx.lexicon.is(word, WordKind::SpeakerPronoun) {
        return true;
    }
    let before = floor + text[floor..source.start].trim_end().len();
    crate::quote::context::mention_ending_at(cx.mentions, before).is_some()
        || word_ending_at(text, floor, before).is_some_and(|(_, w)| cx.lexicon.is_or_plural(w, WordKind::SpeakerNoun))
}

/// True when a form of "be" stands before the cue, adverbs aside ("is said", "was also told"): a passive.
pub(super) fn passive(cx: &QuoteContext<'_>, s: &CueSite) -> bool {
    be_before(cx, s).is_some()
}

/// Where the form of "be" before a cue in -ing starts ("is demanding", "are now warning"): the cue is a
/// finite verb there, not a participle. `None` without one.
fn progressive(cx: &QuoteContext<'_>, s: &CueSite) -> Option<usize> {
    be_before(cx, s)
}

/// Where the form of "be" right before the cue starts, adverbs aside.
fn be_before(cx: &QuoteContext<'_>, s: &CueSite) -> Option<usize> {
    let text = cx.text;
    let mut end = text[s.floor..s.cue.span.start].trim_end().len() + s.floor;
    while let Some((start, word)) = word_ending_at(text, s.floor, end) {
        let kinds = cx.lexicon.kinds(word);
        if kinds.contains(WordKind::BeAuxiliary) {
            return Some(start);
        }
        // "is also demanding", "are now warning"
        if !(kinds.contains(WordKind::CueModifier) || kinds.ly_adverb(word)) {
            return None;
        }
        end = text[s.floor..start].trim_end().len() + s.floor;
    }
    None
}

/// The clause after the cue: past an addressee, adverbials and "that", to the end of the sentence; `None` when
/// it is a single word.
pub(super) fn clause_after(cx: &QuoteContext<'_>, s: &CueSite) -> Option<Span> {
    let text = cx.text;
    if participle_asides(cx.lexicon, text[s.cue.span.end..s.body_end].trim()) {
        return None;
    }
    let mut from = skip_adverbials(cx, s.cue.span.end, s.body_end);
    if cx.lexicon.is(s.cue.span.text(text).split_whitespace().last().unwrap_or(""), WordKind::AddresseeVerb) {
        from = skip_addressee(cx, from, s.body_end)?;
        from = skip_adverbials(cx, from, s.body_end);
    }
    let rest = text[from..s.body_end].trim_start();
    // "He told a meeting that included his deputies: “No one can …”": the quotation after the colon is what
    // was said, attributed as a direct quotation
    if let Some(colon) = rest.find(':')
        && rest[colon + 1..].trim_start().starts_with(['"', '“'])
        && words_at_most(&rest[..colon], 10)
        && cx.lexicon.is(s.cue.span.text(text).split_whitespace().last().unwrap_or(""), WordKind::AddresseeVerb)
    {
        return None;
    }
    let rest = rest.strip_prefix(',').map_or(rest, str::trim_start);
    from = s.body_end - rest.len();
    let mut clause = !s.cue.noun_object;
    if let Some(after_that) = rest.strip_prefix("that ") {
        from = s.body_end - after_that.len();
        clause = true;
    }
    let mut end = clause_end(cx, from, s.body_end);
    if !clause {
        end = object_end(cx, from, end);
        // "endorsed Clinton", "backed her": a one-word object is content too
        let object = trim_span(text, sp(from, end)).text(text);
        if !object.is_empty()
            && !object.contains(' ')
            && (object.starts_with(char::is_uppercase) || cx.lexicon.is(object, WordKind::ObjectPronoun))
        {
            return Some(trim_span(text, sp(from, end)));
        }
    }
    let content = trim_span(text, sp(from, end));
    // "responded to the threats": a preposition and its object, no clause ("vowed to fight" is one)
    let mut words = content.text(text).split_whitespace();
    if let (Some(first), Some(second)) = (words.next(), words.next())
        && cx.lexicon.is(first, WordKind::LinkingPreposition)
        && (cx.lexicon.is(second, WordKind::NounDeterminer) || cx.lexicon.is(second, WordKind::ObjectPronoun))
    {
        return None;
    }
    (!words_at_most(content.text(text), 1)).then_some(content)
}

/// Where the noun-phrase object of a cue starting at `from` ends, at the latest `limit`: before a comma,
/// semicolon, colon, parenthesis or dash, before a word that ends it (lexicon `object_end`: "denied the
/// accusations through a spokeswoman"), and before a date, or a `time_modifier` and a date ("endorsed Clinton
/// on Thursday", "in 2013").
fn object_end(cx: &QuoteContext<'_>, from: usize, limit: usize) -> usize {
    let text = &cx.text[from..limit];
    let mut end = text.find([',', ';', ':', '(', '–', '—']).unwrap_or(text.len());
    let mut at = 0;
    let mut words = text[..end].split(' ').peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches(['.', '"', '”', '\'']);
        let date = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit()) || cx.lexicon.is_any(w.trim_end_matches([',', '.']), DATES)
        };
        // "on Thursday", "in 2013", "late Monday": a date, not a part of the object ("any involvement in the
        // attacks")
        let before_date = cx.lexicon.is(bare, WordKind::TimeModifier) && words.peek().is_some_and(|next| date(next));
        if at > 0 && (cx.lexicon.is(bare, WordKind::ObjectEnd) || date(bare) || before_date) {
            end = at;
            break;
        }
        at += word.len() + 1;
    }
    let mut object = text[..end.min(text.len())].trim_end();
    // "prefer Gary Johnson and …": the object ends before a conjunction left at its end
    if let Some((head, last)) = object.rsplit_once(' ')
        && cx.lexicon.is(last, WordKind::Conjunction)
    {
        object = head.trim_end();
    }
    from + object.len()
}

/// Dates end a cue's object ("denied it Monday", "endorsed her last week").
const DATES: crate::lexicon::WordKinds =
    crate::lexicon::WordKinds::of(&[WordKind::Weekday, WordKind::Month, WordKind::TimeWord]);

/// Where a reported clause starting at `from` ends, at the latest `limit`: at a semicolon ("…; they only
/// learned on Friday"), or at a comma before an aside that is the reporter's: a non-restrictive relative
/// clause (", which forced her to leave"), a participle (", contradicting the police", ", implicitly putting"),
/// "according to".
fn clause_end(cx: &QuoteContext<'_>, from: usize, limit: usize) -> usize {
    let text = cx.text;
    let mut end = find_before_space(&text[from..limit], b';').map_or(limit, |i| from + i);
    let mut at = from;
    while let Some(i) = find_before_space(&text[at..end], b',') {
        let comma = at + i;
        let mut words = text[comma + 2..end].split([' ', ',']);
        let (next, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        // ", which …", ", in which …", ", speaking on condition of anonymity"
        let aside = cx.lexicon.is(next, WordKind::AsideOpener)
            || (cx.lexicon.is(second, WordKind::AsideOpener)
                && cx.lexicon.is(next, WordKind::ClauseOpener)
                && !cx.lexicon.is(next, WordKind::Conjunction))
            || is_participle(next)
            || (cx.lexicon.is_ly_adverb(next) && is_participle(second));
        if aside && !words_at_most(&text[from..comma], 3) {
            end = comma;
            break;
        }
        at = comma + 2;
    }
    end
}

/// True when `word` is a lower-case present participle ("contradicting").
fn is_participle(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing") && word.starts_with(char::is_lowercase)
}

/// True when `tail` is only participle asides: ", speaking on condition of anonymity, citing protocol"; not a
/// gerund that opens a clause (", replacing Clinton would be acrimonious": an auxiliary follows).
fn participle_asides(lexicon: &Lexicon, tail: &str) -> bool {
    let Some(rest) = tail.strip_prefix(',') else { return false };
    !rest.contains(" that ")
        && rest.split(',').all(|part| {
            let mut words = part.split_whitespace();
            is_participle(words.next().unwrap_or(""))
                && !words.any(|w| lexicon.is(w, WordKind::CueModifier) && !lexicon.is_ly_adverb(w))
        })
}

/// The position after the addressee of "told": a mention, a pronoun, or a short noun phrase ("reporters",
/// "the Daily Courier", "a news conference"), and the "that" after it.
fn skip_addressee(cx: &QuoteContext<'_>, from: usize, limit: usize) -> Option<usize> {
    let text = cx.text;
    let rest = &text[from..limit];
    // "told reporters that …": the addressee ends at "that" within a few words
    if let Some(that) = rest.find(" that ")
        && words_at_most(&rest[..that], 6)
        && !rest[..that].contains(',')
    {
        return Some(from + that + 1);
    }
    let addressee = np_after(text, cx.lexicon, from, limit)?;
    // a noun phrase of capitalised words or a determiner and its noun: up to the first lower-case word that
    // may start a clause ("the rules favour landlords")
    let mut end = addressee.start;
    let mut words = addressee.text(text).split(' ').peekable();
    let mut n = 0;
    while let Some(w) = words.next() {
        let first = n == 0;
        n += 1;
        end += w.len();
        let determiner = first && cx.lexicon.is(w, WordKind::NounDeterminer);
        let capitalised = words.peek().is_some_and(|next| next.starts_with(char::is_uppercase));
        if !(determiner || capitalised) || n >= 5 {
            break;
        }
        end += 1;
    }
    (end > from).then_some(end.min(limit))
}

/// True when a clause opens at `start`: nothing stands between `floor` and it but an introductory phrase, a
/// conjunction or a time ("But", "In a tweet on Saturday,", "Meanwhile,", "But on Friday"), or a clause
/// word or punctuation stands right before it ("…, after leaked documents show", "Frustration with police:").
fn opens_clause(cx: &QuoteContext<'_>, floor: usize, start: usize) -> bool {
    let text = cx.text;
    let before = text[floor..start].trim();
    if before.is_empty() || before.ends_with([',', ':', ';', '—', '–', '(']) || before.ends_with(" -") {
        return true;
    }
    let last = before.rsplit(' ').next().unwrap_or(before);
    if last.starts_with(char::is_lowercase) && cx.lexicon.is(last, WordKind::ClauseOpener) {
        return true;
    }
    before.split_whitespace().all(|w| cx.lexicon.is_any(w, CLAUSE_START) || is_time_word(w, cx.lexicon))
}

/// True when the cue ends its sentence, but for a short aside: an adverbial ("on Sunday"), an addressee
/// ("told reporters"), "in a statement".
fn ends_with_aside(cx: &QuoteContext<'_>, s: &CueSite) -> bool {
    let text = cx.text;
    let tail = text[s.cue.span.end..s.body_end].trim();
    if tail.is_empty() || participle_asides(cx.lexicon, tail) {
        return true;
    }
    // a comma after the cue goes on with the clause ("The test, North Korea said, was its biggest")
    if !words_at_most(tail, TRAILING_ASIDE_WORDS) || tail.contains(['"', '“', '”']) || tail.starts_with(',') {
        return false;
    }
    // an aside names no new clause: no word that opens one ("that", "but")
    !tail.split([' ', ',']).any(|w| {
        cx.lexicon
            .is_any(w, WordKinds::of(&[WordKind::Conjunction, WordKind::RelativePronoun, WordKind::SpeakerPronoun]))
    }) && word_ending_at(text, s.cue.span.end, s.body_end).is_some()
}
