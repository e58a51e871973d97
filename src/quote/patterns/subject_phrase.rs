//! `SUBJECT-PHRASE CUE (that) CLAUSE`, where the source is the whole noun phrase that opens the clause: a head
//! with the words that modify it ("Sanders campaign manager Jeff Weaver"), a relative clause or a prepositional
//! phrase after the head ("Supporters who have heard from the campaign say …", "progressive organizations that
//! have endorsed him say …"), or a share of a poll ("47% say …", "Nine in 10 Democratic voters say …").
//!
//! Tried after `source-cue-clause`, whose source is the words right before the cue and must open its clause:
//! this one reads the clause from its start, so that the source is the subject as a reader sees it.

use crate::extraction::MentionType;
use crate::lexicon::WordKind;
use crate::quote::CueKind;
use crate::quote::context::{QuoteContext, mention_ending_at};
use crate::quote::phrases::{
    CLAUSE_START, is_speaker, is_time_word, skip_auxiliaries_back, sp, trim_span, words_at_most,
};
use crate::quote::speaker::Found;
use crate::span::Span;

use super::reported::{clause_after, passive};
use super::{CueSite, reported};

/// The most words the subject phrase may have, relative clause included.
const SUBJECT_WORDS: usize = 14;
/// The most bytes read back from the cue for the subject phrase.
const WINDOW_BYTES: usize = 200;
/// The most words of the head before a relative clause or preposition.
const HEAD_WORDS: usize = 6;

/// `SUBJECT-PHRASE CUE (that) CLAUSE` (see the module docs).
pub(crate) fn subject_phrase_cue_clause(cx: &QuoteContext<'_>, s: &CueSite) -> Option<(Span, Found)> {
    let text = cx.text;
    let cue = s.cue.span.text(text);
    if s.cue.kind == CueKind::AccordingTo || cue.ends_with("ing") || cue.starts_with(char::is_uppercase) {
        return None;
    }
    // inside the clause of an attribution that ends the sentence ("The two sides agreed to …, Nakatani said"):
    // that clause is already someone's words
    if passive(cx, s) || text[s.body_end..s.sentence.end].trim().len() > 1 {
        return None;
    }
    let verb_start = skip_auxiliaries_back(text, cx.lexicon, s.cue.span.start, s.floor);
    // the clause opens after the last punctuation before the cue (no apposition here: those have their own
    // reading in the subject finder)
    // (read back at most WINDOW_BYTES: a longer subject has too many words, and a sentence of many cues stays
    // linear)
    let mut window_start = verb_start.saturating_sub(WINDOW_BYTES).max(s.floor);
    while !text.is_char_boundary(window_start) {
        window_start += 1;
    }
    let window = &text[window_start..verb_start];
    let start = match window.rfind([',', ';', ':', '(', '—', '–']) {
        Some(i) => window_start + i + window[i..].chars().next().map_or(1, char::len_utf8),
        None if window_start == s.floor => s.floor,
        None => return None,
    };
    let start = skip_openers(cx, start, verb_start)?;
    let phrase = trim_span(text, sp(start, verb_start));
    let words = phrase.text(text);
    if phrase.is_empty() || !words_at_most(words, SUBJECT_WORDS) || words.contains(['"', '“', '”']) {
        return None;
    }
    let head = if share(cx, words) { phrase } else { head_of(cx, phrase)? };
    // a cue in the head is another verb ("He said officials …"); one in a relative clause after it is that
    // clause's ("Supporters who have said …")
    let from = cx.cues.partition_point(|c| c.span.start < head.start);
    if cx.cues[from..].iter().take_while(|c| c.span.start < head.end).next().is_some() {
        return None;
    }
    if head != phrase || !share(cx, words) {
        let first = head.text(text).split(' ').next().unwrap_or("");
        // a pronoun is `source-cue-clause`'s; here one with more words is a clause ("He gave a speech")
        let pronoun = cx.lexicon.is(first, WordKind::SpeakerPronoun) || cx.lexicon.is(first, WordKind::ObjectPronoun);
        if !words_at_most(head.text(text), HEAD_WORDS)
            || pronoun
            || !strong_head(cx, head)
            || !is_speaker(cx, head)
            || has_verb(cx, head)
        {
            return None;
        }
    }
    let content = clause_after(cx, s)?;
    reported(cx, content, phrase, s.cue.span)
}

/// The start of the subject after the words that open a clause ("But", "Still", "In 2016", "even"), `None`
/// when nothing is left before `end`.
fn skip_openers(cx: &QuoteContext<'_>, mut start: usize, end: usize) -> Option<usize> {
    let text = cx.text;
    loop {
        let rest = &text[start..end];
        let trimmed = rest.trim_start();
        start = end - trimmed.len();
        if trimmed.is_empty() {
            return None;
        }
        let Some(word_len) = trimmed.find(' ') else { return Some(start) };
        let word = &trimmed[..word_len];
        let kinds = cx.lexicon.kinds(word);
        let lower_modifier = word.starts_with(char::is_lowercase)
            && kinds.contains(WordKind::CueModifier)
            && !kinds.contains(WordKind::PhraseBoundary);
        if kinds.intersects(CLAUSE_START) || is_time_word(word, cx.lexicon) || lower_modifier {
            start += word_len;
            continue;
        }
        return Some(start);
    }
}

/// The head of a subject phrase: its words before a relative pronoun or a preposition ("Supporters" in
/// "Supporters who have heard …"); the whole phrase when it has none.
fn head_of(cx: &QuoteContext<'_>, phrase: Span) -> Option<Span> {
    let text = cx.text;
    let words = phrase.text(text);
    let mut at = 0;
    for (i, word) in words.split(' ').enumerate() {
        let kinds = cx.lexicon.kinds(word);
        let boundary = word.starts_with(char::is_lowercase)
            && (kinds.contains(WordKind::RelativePronoun)
                || (kinds.contains(WordKind::ClauseOpener) && !kinds.contains(WordKind::Conjunction)));
        if boundary {
            // "organizations that": the cue is the relative clause's own verb, not the phrase's
            let last = at + word.len() >= words.len();
            return (i > 0 && !last).then(|| trim_span(text, sp(phrase.start, phrase.start + at)));
        }
        at += word.len() + 1;
    }
    Some(phrase)
}

/// True when `head` ends with a name (a mention) or a noun that can speak (`speaker_noun`: "supporters",
/// "campaign manager"), not any noun ("the unemployment rate", "every other swing state").
fn strong_head(cx: &QuoteContext<'_>, head: Span) -> bool {
    let text = cx.text;
    let last = head.text(text).rsplit(' ').next().unwrap_or("");
    mention_ending_at(cx.mentions, head.end).is_some_and(|m| m.mention_type != MentionType::Demonym)
        || cx.lexicon.is_or_plural(&last.to_lowercase(), WordKind::SpeakerNoun)
}

/// True when `head` holds a verb: a cue modifier ("has", "would") or a lower-case word in -ed after its first
/// word (a relative clause after the head may have one).
fn has_verb(cx: &QuoteContext<'_>, head: Span) -> bool {
    head.text(cx.text).split(' ').skip(1).any(|w| {
        w.starts_with(char::is_lowercase)
            && (w.ends_with("ed") && w.len() > 3 || cx.lexicon.is(w, WordKind::CueModifier))
    })
}

/// True when `words` name a share of people polled: a number with "%" or "percent", or "N in M" and "N out of
/// M" with a numeral ("47%", "56 percent of voters", "Nine in 10 Democratic voters", "Nearly nine out of 10").
fn share(cx: &QuoteContext<'_>, words: &str) -> bool {
    let mut tokens = words.split(' ').peekable();
    let mut n = 0;
    while let Some(w) = tokens.next() {
        n += 1;
        if n > 3 {
            return false;
        }
        let digits = w.bytes().any(|b| b.is_ascii_digit());
        if digits && (w.ends_with('%') || tokens.peek() == Some(&"percent")) {
            return true;
        }
        if matches!(tokens.peek(), Some(&"in") | Some(&"out")) {
            let rest: Vec<&str> = tokens.clone().take(3).collect();
            let numeral = match rest.as_slice() {
                ["in", m, ..] => Some(*m),
                ["out", "of", m] => Some(*m),
                _ => None,
            };
            if numeral.is_some_and(|m| m.bytes().all(|b| b.is_ascii_digit()) && !m.is_empty())
                && !cx.lexicon.is(w, WordKind::NounDeterminer)
            {
                return true;
            }
        }
    }
    false
}
