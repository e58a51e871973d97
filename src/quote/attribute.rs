//! Who said a quotation, and what kind of quotation it is.
//!
//! For each quotation, in order (the first rule that finds a speaker wins):
//! 1. **After the quote** (`“…,” SPEAKER CUE`, `“…,” CUE SPEAKER`, `“…,” according to SPEAKER`): the words
//!    between the closing mark and a cue verb a few words later, or the noun phrase after a cue that directly
//!    follows. Only when the quotation ends with `,` `?` `!` `—` or is followed by a comma: a quotation that ends
//!    its sentence with a period is not attributed by the next sentence.
//! 2. **Before the quote**, in its sentence (or in the previous sentence when that ends with a colon):
//!    `SPEAKER CUE: “…”`, `SPEAKER, apposition, CUE “…”`, `SPEAKER called Japan an “indispensable partner”`,
//!    `according to SPEAKER`. The cue is the sentence's first verb of saying when its subject opens the
//!    sentence ("Rubio says he feels he did “great”": Rubio), else the cue nearest before the quote. The
//!    speaker is the cue's subject: a mention ending there, a pronoun, the noun phrase before an apposition,
//!    or the noun phrase ending there; participles and infinitives ("…, saying", "to accuse") take the
//!    sentence's subject. A quote inside a sentence with no cue is given to the sentence's subject.
//! 3. **Continuation**: the previous quotation of the paragraph had a speaker (“…,” he said. “…”), or the
//!    paragraph opens with a quotation and the previous paragraph's last quotation had one (multi-paragraph
//!    quotations), or the previous paragraph ended with a cue and a colon.
//!
//! Pronouns (he, she, they, it) are linked to the most recent fitting speaker or mention: a person for he/she,
//! an organization or country for it/they. Nominal speakers ("officials", "a source") keep their words.
//!
//! Kinds: `direct` when the quotation opens a sentence or clause (after a line start, `.`, `:` or `,`), or is
//! ten words or longer; `partial` when it sits inside the reporter's sentence. A partial quotation of at most
//! four words with no cue verb within eight words before it in its sentence and no speaker after it is a
//! `term` (scare quotes and names: "America First" policy, a new "war-fighting headquarters"). Quotations right
//! after `=` are markup attributes (`href="…"`) and are dropped. `indirect`: sentences without quotation marks
//! that report speech: `…, SPEAKER said.`, `SPEAKER said (that) …`, `…, according to SPEAKER.`

use foldhash::HashMap;

use crate::extraction::{EntityRef, Mention, MentionType};
use crate::gazetteer::{Entity, EntityType};
use crate::lexicon::{Lexicon, WordKind, WordKinds};
use crate::span::Span;
use crate::text::segment::sentence_index;
use crate::text::words::word_ending_at;

use super::cues::CueHit;
use super::marks::{Ending, Marked};
use super::{CueKind, Method, Quote, QuoteKind, Speaker};

/// Words that end a noun phrase read forwards after a cue.
const PHRASE_END: WordKinds = WordKinds::of(&[WordKind::PhraseEnd, WordKind::Weekday]);
/// Time words that may stand between a subject and its cue (with years).
const TIME_WORDS: WordKinds = WordKinds::of(&[WordKind::TimeWord, WordKind::Weekday]);

/// Inputs of attribution for one document.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    pub cues: &'a [CueHit],
    pub mentions: &'a [Mention],
    pub entities: &'a [std::sync::Arc<Entity>],
    /// Paragraph (line) spans, in order, line breaks excluded.
    pub paragraphs: &'a [Span],
    /// The function words.
    pub lexicon: &'a Lexicon,
}

/// What attribution found for one quotation.
struct Found {
    speaker: Speaker,
    cue: Option<Span>,
    method: Method,
    confidence: f32,
}

/// Attributes marked quotations and finds indirect ones.
pub(crate) fn attribute(cx: &Context<'_>, marked: &[Marked]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(marked.len());
    // (paragraph start, speaker) of the last attributed quotation, for continuations
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
        let close_end = closing_mark_end(cx.text, m.inner.end);
        let sentence = cx.sentences.get(sentence_index(cx.sentences, m.open.start)).copied().unwrap_or(para);
        // a cue right before the quotation ("Hasanov said the “…,” reported Azertac") outranks one after it
        let introduced = cue_right_before(cx, m.open, para);
        let mut after = if introduced { None } else { after_quote(cx, inner, close_end, para) };
        // "Hasanov said the “…,” reported the state news agency Azertac": the outlet reported, Hasanov spoke
        if after.as_ref().is_some_and(|f| f.cue.is_some_and(|c| cx.text[c.start..c.end].starts_with("report")))
            && let Some(before) = before_quote(cx, m.open, sentence, para)
        {
            after = Some(before);
        }
        let attributed_after = after.is_some();
        let mut found = transcript_speaker(cx, inner)
            .or(after)
            .or_else(|| signature(cx, close_end, para))
            .or_else(|| according_to_after(cx, close_end, sentence, para))
            .or_else(|| trailing_attribution(cx, close_end, sentence, para))
            .or_else(|| before_quote(cx, m.open, sentence, para));
        let kind = if is_label(cx, &phrase_counts, m, inner) {
            QuoteKind::Term
        } else {
            quote_kind(cx, m, inner, sentence, para, found.is_some() || attributed_after)
        };
        if kind == QuoteKind::Term {
            found = None;
        }
        if found.is_none() && kind != QuoteKind::Term {
            found = introduced_by_previous_paragraph(cx, m.open, para)
                .or_else(|| continuation(cx, m.open, para, last.as_ref(), previous_para_open_end))
                .or_else(|| subject_of_sentence_around(cx, m.open, sentence, para))
                .or_else(|| previous_paragraph_speaker(cx, m.open, para));
        }
        if m.ending == Ending::ParagraphEnd {
            previous_para_open_end = Some(para.end);
        } else if previous_para_open_end.is_some_and(|e| e < para.start) {
            previous_para_open_end = None;
        }
        let quote = match found {
            Some(f) => {
                let q = Quote {
                    kind,
                    span: inner,
                    speaker: Some(f.speaker),
                    cue: f.cue,
                    method: f.method,
                    confidence: f.confidence,
                };
                if kind != QuoteKind::Term {
                    last = Some((para.start, f));
                }
                q
            }
            None => Quote { kind, span: inner, speaker: None, cue: None, method: Method::None, confidence: 0.0 },
        };
        quotes.push(quote);
    }
    indirect(cx, marked, &mut quotes);
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    quotes
}

/// `href="…"`: a quotation mark right after `=` belongs to markup.
fn is_markup(text: &str, open: Span) -> bool {
    text[..open.start].ends_with('=')
}

/// The quotation without surrounding white space and a trailing comma.
fn trim_quote(text: &str, inner: Span) -> Span {
    let s = &text[inner.start..inner.end];
    let start = inner.start + (s.len() - s.trim_start().len());
    let mut end = inner.start + s.trim_end().len();
    if end > start && text[..end].ends_with(',') {
        end -= 1;
    }
    sp(start, end.max(start))
}

/// End of the closing mark that follows a quotation ending at `at` (or `at` when there is none).
fn closing_mark_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    if rest.starts_with("''") {
        at + 2
    } else {
        match rest.chars().next() {
            Some(c @ ('"' | '”' | '‟' | '»' | '“')) => at + c.len_utf8(),
            _ => at,
        }
    }
}

/// The paragraph (line) containing byte `pos`.
fn paragraph_of(cx: &Context<'_>, pos: usize) -> Span {
    let i = cx.paragraphs.partition_point(|p| p.start <= pos).saturating_sub(1);
    cx.paragraphs.get(i).copied().unwrap_or(Span::new(0, cx.text.len()))
}

/// Cues starting inside `range`, in order.
fn cues_in(cues: &[CueHit], range: Span) -> &[CueHit] {
    let from = cues.partition_point(|c| c.span.start < range.start);
    let to = cues.partition_point(|c| c.span.start < range.end);
    &cues[from..to.max(from)]
}

/// True when a cue ends right before the opening mark ("said: “", "said, “").
fn cue_right_before(cx: &Context<'_>, open: Span, para: Span) -> bool {
    let from = para.start.max(open.start.saturating_sub(60));
    let mut from_ok = from;
    while !cx.text.is_char_boundary(from_ok) {
        from_ok += 1;
    }
    cues_in(cx.cues, sp(from_ok, open.start))
        .iter()
        .rev()
        .any(|c| c.kind != CueKind::Belief && cx.text[c.span.end..open.start].trim().is_empty())
}

/// True when `s` holds `"` or `“`, or also `”` with `closing`, or also two apostrophes `''` with
/// `apostrophes`. Byte searches: this runs over every sentence.
fn has_double_mark(s: &str, closing: bool, apostrophes: bool) -> bool {
    let b = s.as_bytes();
    memchr::memchr3_iter(b'"', b'\'', 0xE2, b).any(|i| match b[i] {
        b'"' => true,
        b'\'' => apostrophes && b.get(i + 1) == Some(&b'\''),
        _ => match b.get(i + 1..i + 3) {
            Some([0x80, 0x9C]) => true,
            Some([0x80, 0x9D]) => closing,
            _ => false,
        },
    })
}

/// `“never intimidate” Baku, according to a statement by the Foreign Ministry.`
fn according_to_after(cx: &Context<'_>, close_end: usize, sentence: Span, para: Span) -> Option<Found> {
    let end = sentence.end.min(para.end).max(close_end);
    let window = sp(close_end, end);
    let cue = cues_in(cx.cues, window).iter().find(|c| c.kind == CueKind::AccordingTo)?;
    if has_double_mark(&cx.text[close_end..cue.span.start], false, false) {
        return None;
    }
    let speaker = statement_source(cx.text, np_after(cx.text, cx.lexicon, cue.span.end, end)?);
    Some(found(cx, speaker, Some(cue.span), Method::AccordingTo, 0.8))
}

/// A sentence that ends by naming its speaker after the quotation: `“…” in comparison to Obama, Gingrich
/// said.`, `…, said Steve Elmendorf, a strategist.`, `… as Cruz said on the radio.`
fn trailing_attribution(cx: &Context<'_>, close_end: usize, sentence: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    let end = sentence.end.min(para.end).max(close_end);
    let rest = &text[close_end..end];
    if has_double_mark(rest, false, true) {
        return None; // another quotation first
    }
    let cue = cues_in(cx.cues, sp(close_end, end)).iter().rev().find(|c| c.kind == CueKind::Speech)?;
    let before_cue = &text[close_end..cue.span.start];
    let clause_start = before_cue
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ',' | ';' | '—'))
        .map_or(close_end, |(i, c)| close_end + i + c.len_utf8());
    let tail = text[cue.span.end..end].trim_end_matches(['.', '!', '?']);
    // ", Gingrich said." / ", he said on Monday."
    let subject =
        trim_span(text, sp(clause_start, skip_auxiliaries_back(text, cx.lexicon, cue.span.start, clause_start)));
    let subject_text = subject.text(text);
    let subject_text = subject_text.strip_prefix("as ").unwrap_or(subject_text);
    let subject = sp(subject.end - subject_text.len(), subject.end);
    let first = subject_text.split_whitespace().next().unwrap_or("");
    let named = first.starts_with(char::is_uppercase) || cx.lexicon.is(first, WordKind::SpeakerPronoun);
    if !subject.is_empty() && named && words_at_most(subject_text, 5) && words_at_most(tail, 6) {
        return Some(found(cx, subject, Some(cue.span), Method::Explicit, 0.7));
    }
    // ", said Steve Elmendorf, a strategist."
    if text[..cue.span.start].trim_end().ends_with(',') {
        let speaker = np_after(text, cx.lexicon, cue.span.end, end)?;
        if speaker.text(text).starts_with(char::is_uppercase) {
            return Some(found(cx, speaker, Some(cue.span), Method::Explicit, 0.7));
        }
    }
    None
}

/// Rule 1: `“…,” SPEAKER CUE` / `“…,” CUE SPEAKER` / `“…,” according to SPEAKER`.
fn after_quote(cx: &Context<'_>, inner: Span, close_end: usize, para: Span) -> Option<Found> {
    let text = cx.text;
    let quote_text = inner.text(text);
    let mut pos = close_end;
    let rest = &text[pos..para.end];
    let after_comma = rest.trim_start().starts_with([',', '—', '–']);
    let open_ending = quote_text.ends_with(['?', '!', '—', '–', '-', '…'])
        || text[inner.end..close_end.max(inner.end)].starts_with(',')
        || text[..close_end].trim_end_matches(['"', '”', '\'', '’']).ends_with(',');
    // "“….” Trump said.": a short clause that only names the speaker
    let sentence_rest = text[pos..para.end].trim_start();
    let short_clause = sentence_rest
        .find(['.', '“', '"'])
        .is_some_and(|i| words_at_most(&sentence_rest[..i], 4) && !cues_in(cx.cues, sp(pos, pos + i)).is_empty());
    let quote_core = quote_text.trim_end_matches(['’', '\'', '"']);
    let open_ending = open_ending || quote_core.ends_with(['?', '!', ',']);
    if !(after_comma || open_ending || short_clause) {
        return None;
    }
    pos += rest.len() - rest.trim_start_matches([' ', ',', '—', '–', '\u{a0}']).len();
    // the window: up to the end of the sentence (abbreviations such as "Mr." do not end it) or the next mark
    let sentence_end = cx.sentences.get(sentence_index(cx.sentences, pos)).map_or(para.end, |s| s.end.min(para.end));
    let sentence_end = if sentence_end <= pos { para.end } else { sentence_end };
    let window_end = text[pos..sentence_end].find(['“', '"', ';', '\n']).map_or(sentence_end, |i| pos + i);
    let window_end = if text[pos..].starts_with("''") {
        pos
    } else {
        text[pos..window_end].find("''").map_or(window_end, |i| pos + i)
    };
    let window = sp(pos, window_end);
    let Some(&cue) = cues_in(cx.cues, window).first() else {
        // "“…,” Trump barked": a name or pronoun and a verb not in the cue lexicon
        return subject_and_verb(cx, pos, window_end);
    };
    if cue.span.start == pos && cue.span.text(text).ends_with("ing") {
        return None; // "“…,” telling reporters …": the speaker is before the quote
    }
    if cue.span.start == pos {
        // "“…,” said Trump", "“…,” according to officials"
        let speaker = np_after(text, cx.lexicon, cue.span.end, window_end)?;
        let method = if cue.kind == CueKind::AccordingTo { Method::AccordingTo } else { Method::Explicit };
        return Some(found(cx, speaker, Some(cue.span), method, 0.9));
    }
    // "“…,” Brafman said", "“…,” the judge exclaimed", "“…,” Kessel, whose group ..., said"
    let subject = sp(pos, skip_auxiliaries_back(text, cx.lexicon, cue.span.start, pos));
    let before_comma = subject.text(text).split(',').next().unwrap_or("");
    if subject.is_empty() || !words_at_most(before_comma, 8) || !words_at_most(subject.text(text), 24) {
        return None;
    }
    let speaker = match subject.text(text).find(',') {
        Some(comma) => trim_span(text, sp(subject.start, subject.start + comma)),
        None => trim_span(text, subject),
    };
    let first_word = speaker.text(text).split_whitespace().next().unwrap_or("");
    let subject_like = speaker.text(text).split_whitespace().any(|w| w.starts_with(char::is_uppercase))
        || cx.lexicon.is(first_word, WordKind::SpeakerPronoun)
        || cx.lexicon.is(first_word, WordKind::SpeakerDeterminer);
    if speaker.is_empty()
        || !words_at_most(speaker.text(text), 8)
        || cx.lexicon.is(first_word, WordKind::ClauseOpener)
        || !subject_like
    {
        // "“…” about the decision, said RoseAnn DeMoro": a speaker after the cue
        let speaker = np_after(text, cx.lexicon, cue.span.end, window_end)?;
        return speaker
            .text(text)
            .starts_with(char::is_uppercase)
            .then(|| found(cx, speaker, Some(cue.span), Method::Explicit, 0.7));
    }
    Some(found(cx, speaker, Some(cue.span), Method::Explicit, 0.95))
}

/// `“…,” Trump barked`, `“…,” he snapped`, `“…!” beamed Donald Hartley`: a speech verb missing from the lexicon
/// next to a name or pronoun right after the quotation.
fn subject_and_verb(cx: &Context<'_>, pos: usize, limit: usize) -> Option<Found> {
    let text = cx.text;
    let first_end = text[pos..limit].find([' ', ',', '.']).map_or(limit, |i| pos + i);
    let first = &text[pos..first_end];
    // verb first: "beamed Donald Hartley"
    if first.len() > 3 && first.starts_with(char::is_lowercase) && first.ends_with("ed") {
        let speaker = np_after(text, cx.lexicon, first_end, limit)?;
        return speaker
            .text(text)
            .starts_with(char::is_uppercase)
            .then(|| found(cx, speaker, None, Method::Explicit, 0.6));
    }
    let subject = match cx.mentions.get(cx.mentions.partition_point(|m| m.span.start < pos)) {
        Some(m)
            if m.span.start < first_end.max(pos + 1)
                && m.span.start >= pos
                && m.mention_type != MentionType::Demonym =>
        {
            // "Texas delegate Bill Eastland": run on to a person named right after
            let next = cx.mentions.iter().find(|n| n.span.start > m.span.end && n.span.start <= m.span.end + 40);
            match next {
                Some(n)
                    if n.mention_type == MentionType::Person
                        && !text[m.span.end..n.span.start].contains([',', '.']) =>
                {
                    sp(pos, n.span.end)
                }
                _ => sp(pos, m.span.end),
            }
        }
        _ if cx.lexicon.is(first, WordKind::SpeakerPronoun) => sp(pos, first_end),
        // "“…,” Hannity started.": a capitalised word, then a verb that ends the clause
        _ if first.starts_with(char::is_uppercase)
            && first.chars().skip(1).all(char::is_lowercase)
            && first.len() > 2 =>
        {
            let rest = text[first_end..limit].trim_start();
            let verb_end = rest.find([' ', ',', '.']).unwrap_or(rest.len());
            let after_verb = rest[verb_end..].trim_start();
            if !(after_verb.is_empty() || after_verb.starts_with([',', '.'])) {
                return None;
            }
            sp(pos, first_end)
        }
        _ => return None,
    };
    if subject.end > limit {
        return None;
    }
    let rest = text[subject.end..limit].trim_start_matches([',', ' ']);
    let verb = rest.split([' ', ',', '.']).next().unwrap_or("");
    let verb_like = verb.len() > 2
        && verb.chars().all(char::is_lowercase)
        && !cx.lexicon.is(verb, WordKind::ClauseOpener)
        && !cx.lexicon.is(verb, WordKind::SpeakerDeterminer);
    verb_like.then(|| found(cx, subject, None, Method::Explicit, 0.65))
}

/// Rule 2: the subject of the nearest cue before the quotation in its sentence.
fn before_quote(cx: &Context<'_>, open: Span, sentence: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    let mut start = sentence.start.max(para.start);
    // a quotation that opens its sentence may be introduced by the previous one ending with a colon
    if text[start..open.start].trim().is_empty() {
        let before = text[para.start..start].trim_end();
        if before.ends_with(':') {
            let i = sentence_index(cx.sentences, start.saturating_sub(2));
            start = cx.sentences.get(i).map_or(para.start, |s| s.start.max(para.start));
        }
    }
    let window = sp(start, open.start);
    let cues = cues_in(cx.cues, window);
    // the sentence's first speech cue when its subject opens the sentence ("Rubio says he feels he did
    // “great”"), else the cue nearest before the quotation
    let first_speech = cues
        .iter()
        .find(|c| c.kind == CueKind::Speech && c.span.end <= open.start)
        .filter(|c| subject_before(cx, c.span.start, start).is_some_and(|s| text[start..s.start].trim().is_empty()));
    let Some(cue) = first_speech.or_else(|| cues.iter().rev().find(|c| c.span.end <= open.start)) else {
        // "The email goes on: “…”", "The judge turned to me. “…”" (previous sentence's subject for a quote
        // that is a sentence of its own)
        let before = text[start..open.start].trim_end();
        if before.ends_with(':') {
            return sentence_subject(cx, start, start + before.len())
                .map(|s| found(cx, s, None, Method::Explicit, 0.6));
        }
        return None;
    };
    if cue.kind == CueKind::AccordingTo {
        let speaker = statement_source(text, np_after(text, cx.lexicon, cue.span.end, open.start)?);
        return Some(found(cx, speaker, Some(cue.span), Method::AccordingTo, 0.85));
    }
    // "Trump responded …, saying", "Trump took to Twitter to accuse": the speaker of a participle or an
    // infinitive is the subject of the sentence
    let cue_word = cue.span.text(text);
    let before_cue = text[start..cue.span.start].trim_end();
    if (cue_word.ends_with("ing") || before_cue.ends_with(" to") || before_cue == "to")
        && let Some(speaker) = sentence_subject(cx, start, cue.span.start)
    {
        return Some(found(cx, speaker, Some(cue.span), Method::Explicit, 0.8));
    }
    if let Some(speaker) = subject_before(cx, cue.span.start, start) {
        return Some(found(cx, speaker, Some(cue.span), Method::Explicit, 0.9));
    }
    if let Some(speaker) = sentence_subject(cx, start, cue.span.start) {
        return Some(found(cx, speaker, Some(cue.span), Method::Explicit, 0.7));
    }
    // "Said Trump: “…”": the cue opens its clause
    if !before_cue.is_empty() {
        return None;
    }
    let speaker = np_after(text, cx.lexicon, cue.span.end, open.start)?;
    Some(found(cx, speaker, Some(cue.span), Method::Explicit, 0.8))
}

/// The subject of the clause starting at `start` and ending before `end`: after an introductory phrase, the
/// first person or organization mention or pronoun within its first six words, else its first words up to a
/// verb-like word.
fn sentence_subject(cx: &Context<'_>, start: usize, end: usize) -> Option<Span> {
    let text = cx.text;
    let mut start = start + (text[start..end].len() - text[start..end].trim_start().len());
    let first = text[start..end].split_whitespace().next().unwrap_or("");
    if cx.lexicon.is(first.trim_end_matches(','), WordKind::Introducer) {
        match text[start..end].find(", ") {
            Some(comma) if words_at_most(&text[start..start + comma], 12) => start += comma + 2,
            _ => {}
        }
    }
    let head_end = text[start..end].split_whitespace().take(6).last().map_or(start, |w| {
        let offset = w.as_ptr() as usize - text.as_ptr() as usize;
        offset + w.len()
    });
    let from = cx.mentions.partition_point(|m| m.span.start < start);
    let mention = cx.mentions[from..]
        .iter()
        .take_while(|m| m.span.start < head_end)
        .find(|m| matches!(m.mention_type, MentionType::Person | MentionType::Organization))
        .map(|m| sp(start, m.span.end));
    for word in text[start..head_end].split(|c: char| c.is_whitespace() || c == ',') {
        if (cx.lexicon.is(word, WordKind::SpeakerPronoun) && !word.eq_ignore_ascii_case("who")) || matches!(word, "I") {
            let at = word.as_ptr() as usize - text.as_ptr() as usize;
            let pronoun = sp(at, at + word.len());
            return Some(match mention {
                Some(m) if m.end <= pronoun.start => m,
                _ => pronoun,
            });
        }
    }
    if mention.is_some() {
        return mention;
    }
    // a noun phrase: words up to the first verb-like lower-case word
    let mut end_np = start;
    let mut at = start;
    for (n, word) in text[start..end].split(' ').enumerate() {
        let bare = word.trim_end_matches([',', '.', ':', ';']);
        let verb_like = n > 0
            && bare.starts_with(char::is_lowercase)
            && (bare.ends_with("ed")
                || bare.ends_with('s') && !bare.ends_with("ss")
                || cx.lexicon.is(bare, WordKind::CueModifier));
        if verb_like || n >= 6 || bare.is_empty() {
            break;
        }
        end_np = at + bare.len();
        if bare.len() < word.len() {
            break;
        }
        at += word.len() + 1;
    }
    let np = trim_span(text, sp(start, end_np));
    (!np.is_empty()).then_some(np)
}

/// A signature after the quotation: `“…” ― Krystal Correa`, `“…” — Name`.
fn signature(cx: &Context<'_>, close_end: usize, para: Span) -> Option<Found> {
    let text = cx.text;
    let rest = text[close_end..para.end].trim_start();
    let dash = rest.chars().next().filter(|c| matches!(c, '―' | '—' | '–' | '-'))?;
    let name_start = para.end - rest.len() + dash.len_utf8();
    let name = trim_span(text, sp(name_start, para.end));
    let name_text = name.text(text);
    (name_text.starts_with(char::is_uppercase) && words_at_most(name_text, 6))
        .then(|| found(cx, name, None, Method::Explicit, 0.85))
}

/// A transcript line quoted whole: `“WALLACE: Let’s start …”`: the speaker is the capitalised name.
fn transcript_speaker(cx: &Context<'_>, inner: Span) -> Option<Found> {
    let text = cx.text;
    let s = inner.text(text);
    let colon = s.char_indices().take(40).find(|&(_, c)| c == ':').map(|(i, _)| i)?;
    let name = &s[..colon];
    let is_caps_name = !name.is_empty()
        && name.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'')
        && name.chars().any(char::is_alphabetic);
    is_caps_name.then(|| found(cx, sp(inner.start, inner.start + colon), None, Method::Explicit, 0.85))
}

/// A quotation opening a paragraph after one that ends with a colon ("Cruz continued:"): the speaker is the
/// subject of that paragraph's last cue, or of its last sentence.
fn introduced_by_previous_paragraph(cx: &Context<'_>, open: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    if para.start < 2 || !text[para.start..open.start].trim().is_empty() {
        return None;
    }
    let before = text[..para.start].trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let prev = paragraph_of(cx, before.len() - 1);
    let sentence = cx.sentences.get(sentence_index(cx.sentences, before.len() - 1)).copied().unwrap_or(prev);
    let start = sentence.start.max(prev.start);
    let colon = before.len() - 1;
    if let Some(cue) = cues_in(cx.cues, sp(start, colon)).last() {
        let speaker =
            subject_before(cx, cue.span.start, start).or_else(|| sentence_subject(cx, start, cue.span.start))?;
        return Some(found(cx, speaker, Some(cue.span), Method::Explicit, 0.8));
    }
    sentence_subject(cx, start, colon).map(|s| found(cx, s, None, Method::Explicit, 0.6))
}

/// A quotation inside a sentence with no cue: the sentence's subject said or wrote it ("He has coined a new
/// phrase, “undocumented Democrats,” …").
fn subject_of_sentence_around(cx: &Context<'_>, open: Span, sentence: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    let start = sentence.start.max(para.start);
    if text[start..open.start].trim().is_empty() {
        return None;
    }
    let clause_start = text[start..open.start].rfind("; ").map_or(start, |i| start + i + 2);
    let subject = sentence_subject(cx, clause_start, open.start)?;
    Some(found(cx, subject, None, Method::Explicit, 0.5))
}

/// A quotation opening a paragraph with no speaker of its own: the speaker of the previous paragraph's last
/// cue (news writes the attribution once, then quotes on).
fn previous_paragraph_speaker(cx: &Context<'_>, open: Span, para: Span) -> Option<Found> {
    let text = cx.text;
    if para.start < 2 || !text[para.start..open.start].trim().is_empty() {
        return None;
    }
    let prev_end = text[..para.start].trim_end().len();
    let prev = paragraph_of(cx, prev_end.saturating_sub(1));
    let cue = cues_in(cx.cues, sp(prev.start, prev_end)).iter().rev().find(|c| c.kind != CueKind::Belief)?;
    let sentence = cx.sentences.get(sentence_index(cx.sentences, cue.span.start)).copied().unwrap_or(prev);
    let start = sentence.start.max(prev.start);
    let speaker = subject_before(cx, cue.span.start, start).or_else(|| sentence_subject(cx, start, cue.span.start))?;
    Some(Found { method: Method::Continuation, ..found(cx, speaker, Some(cue.span), Method::Explicit, 0.5) })
}

/// Rule 3: continuation of the paragraph's or the previous paragraph's speaker.
fn continuation(
    cx: &Context<'_>,
    open: Span,
    para: Span,
    last: Option<&(usize, Found)>,
    previous_para_open_end: Option<usize>,
) -> Option<Found> {
    let text = cx.text;
    let (last_para, f) = last?;
    let same_paragraph = *last_para == para.start;
    let opens_paragraph = text[para.start..open.start].trim().is_empty();
    let previous_paragraph = para.start > 0 && paragraph_of(cx, para.start - 1).start == *last_para;
    let previous_open = previous_para_open_end.is_some_and(|e| e + 1 >= para.start.saturating_sub(2));
    if same_paragraph || (opens_paragraph && (previous_paragraph || previous_open)) {
        return Some(Found { speaker: f.speaker, cue: None, method: Method::Continuation, confidence: 0.75 });
    }
    None
}

/// A quoted name rather than speech: a short phrase quoted again elsewhere in the document (a name in reuse:
/// a new “war-fighting headquarters” … to serve as “war-fighting headquarters”), or a modifier after a
/// possessive (Trump's “America First” policy).
fn is_label(cx: &Context<'_>, phrase_counts: &HashMap<&str, u32>, m: &Marked, inner: Span) -> bool {
    let text = cx.text;
    let phrase = inner.text(text).trim_end_matches(['.', ',', '!', '?']);
    if !words_at_most(phrase, 4) || phrase.is_empty() {
        return false;
    }
    let before = text[..m.open.start].trim_end();
    let after = text[closing_mark_end(text, m.inner.end)..].trim_start_matches(' ');
    let modifier = (before.ends_with("'s") || before.ends_with("’s"))
        && after.split([' ', ',', '.']).next().is_some_and(|w| w.len() > 2 && w.chars().all(char::is_lowercase));
    let repeated = phrase_counts.get(phrase).is_some_and(|&n| n > 1);
    modifier || (repeated && !cue_within(cx, m.open, 8))
}

/// True when a cue ends within `n` words before the opening mark, in the same sentence.
fn cue_within(cx: &Context<'_>, open: Span, n: usize) -> bool {
    let sentence = cx.sentences.get(sentence_index(cx.sentences, open.start)).copied().unwrap_or(open);
    let start = sentence.start.min(open.start);
    // the nearest cue is the one to measure
    cues_in(cx.cues, sp(start, open.start))
        .iter()
        .rev()
        .find(|c| c.span.end <= open.start)
        .is_some_and(|c| words_at_most(&cx.text[c.span.end..open.start], n))
}

/// True when `s` has at most `n` words (stops counting early).
fn words_at_most(s: &str, n: usize) -> bool {
    // as `s.split_whitespace().nth(n).is_none()`, byte by byte: it runs for every quotation and sentence
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = s[i..].chars().next().expect("i is a character boundary");
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return false;
            }
        }
        in_word = !space;
        i += len;
    }
    true
}

/// Kind of a marked quotation (see the module docs).
fn quote_kind(
    cx: &Context<'_>,
    m: &Marked,
    inner: Span,
    sentence: Span,
    para: Span,
    attributed_after: bool,
) -> QuoteKind {
    let text = cx.text;
    let before = text[para.start.max(sentence.start.min(m.open.start))..m.open.start].trim_end();
    let opens_clause = before.is_empty() || before.ends_with(['.', ':', ',', '!', '?', '—', '–', '(', '[', ';']);
    let quote = inner.text(text);
    if opens_clause || !words_at_most(quote, 9) {
        return QuoteKind::Direct;
    }
    if words_at_most(quote, 4) && !attributed_after {
        let window_start = sentence.start.max(para.start).min(m.open.start);
        let _ = window_start;
        if !cue_within(cx, m.open, 8) {
            return QuoteKind::Term;
        }
    }
    QuoteKind::Partial
}

/// Indirect speech: sentences without quotation marks that report speech.
fn indirect(cx: &Context<'_>, marked: &[Marked], quotes: &mut Vec<Quote>) {
    let text = cx.text;
    let mut k = 0;
    // the cues of each sentence, `cx.cues[cues_from..cues_to]`: sentences and cues are both in order
    let (mut cues_from, mut cues_to) = (0, 0);
    for &sentence in cx.sentences {
        while k < marked.len() && marked[k].inner.end < sentence.start {
            k += 1;
        }
        while cues_from < cx.cues.len() && cx.cues[cues_from].span.start < sentence.start {
            cues_from += 1;
        }
        cues_to = cues_to.max(cues_from);
        while cues_to < cx.cues.len() && cx.cues[cues_to].span.start < sentence.end {
            cues_to += 1;
        }
        let cues = &cx.cues[cues_from..cues_to];
        // the trailing pattern ("…, Nakatani said.") is judged on the last cue, the leading one on the first
        let Some(last_cue) = cues.iter().rev().find(|c| c.kind != CueKind::Belief) else { continue };
        if marked.get(k).is_some_and(|m| m.open.start < sentence.end) {
            continue; // has quotation marks
        }
        if has_double_mark(sentence.text(text), true, true) {
            continue;
        }
        let trailing = words_at_most(text[last_cue.span.end..sentence.end].trim_end_matches(['.', '!', '?']), 3);
        let cue = if trailing { last_cue } else { cues.iter().find(|c| c.kind != CueKind::Belief).unwrap_or(last_cue) };
        let body_end = trim_span(text, sp(sentence.start, sentence.end)).end;
        let body_end = if text[..body_end].ends_with(['.', '!', '?']) { body_end - 1 } else { body_end };
        let before = trim_span(text, sp(sentence.start, cue.span.start));
        let found_quote = if text[..before.end.max(sentence.start)].ends_with(',') && cue.kind == CueKind::AccordingTo {
            // "…, according to a statement by the Foreign Ministry."
            np_after(text, cx.lexicon, cue.span.end, body_end)
                .map(|speaker| (sp(sentence.start, before.end - 1), speaker, Method::AccordingTo))
        } else if let Some(comma) = text[sentence.start..cue.span.start].rfind(", ") {
            // "The two sides agreed to …, Nakatani said."
            let subject =
                sp(sentence.start + comma + 2, skip_auxiliaries_back(text, cx.lexicon, cue.span.start, sentence.start));
            let tail = text[cue.span.end..body_end].trim();
            let short_subject = !subject.is_empty() && words_at_most(subject.text(text), 6);
            (short_subject && words_at_most(tail, 3) && comma > 0)
                .then(|| (sp(sentence.start, sentence.start + comma), trim_span(text, subject), Method::Explicit))
        } else {
            // "Kanaani said his country saw …"
            subject_before(cx, cue.span.start, sentence.start).filter(|s| s.start == sentence.start).and_then(
                |speaker| {
                    let mut from = cue.span.end;
                    let rest = &text[from..body_end];
                    let skip = rest.len() - rest.trim_start().len();
                    from += skip;
                    if text[from..body_end].starts_with("that ") {
                        from += 5;
                    }
                    let content = trim_span(text, sp(from, body_end));
                    (!words_at_most(content.text(text), 3)).then_some((content, speaker, Method::Explicit))
                },
            )
        };
        if let Some((content, speaker, method)) = found_quote {
            let content = trim_span(text, content);
            if content.is_empty() || speaker.is_empty() {
                continue;
            }
            let f = found(cx, speaker, Some(cue.span), method, 0.7);
            quotes.push(Quote {
                kind: QuoteKind::Indirect,
                span: content,
                speaker: Some(f.speaker),
                cue: f.cue,
                method: f.method,
                confidence: f.confidence,
            });
        }
    }
}

/// The subject of a cue starting at `cue_start`, looking back no further than `limit`.
fn subject_before(cx: &Context<'_>, cue_start: usize, limit: usize) -> Option<Span> {
    // a mention may begin before the window ("N.J." split off by the sentence splitter): never past `limit`
    subject_in_window(cx, cue_start, limit).filter(|s| s.start >= limit)
}

fn subject_in_window(cx: &Context<'_>, cue_start: usize, limit: usize) -> Option<Span> {
    let text = cx.text;
    let mut pos = skip_auxiliaries_back(text, cx.lexicon, cue_start, limit);
    if pos <= limit {
        return None;
    }
    // a mention ending here: "Nasser Kanaani said", "the State Department said"
    if let Some(m) = mention_ending_at(cx.mentions, pos).filter(|m| m.mention_type != MentionType::Demonym) {
        return Some(extend_possessive_phrase(text, m.span, limit));
    }
    if text[limit..pos].ends_with(',') {
        // "the Azeri Minister of Defense, General Zakir Hasanov, said": a person named right before the comma
        if let Some(m) = mention_ending_at(cx.mentions, pos - 1).filter(|m| m.mention_type == MentionType::Person) {
            return Some(m.span);
        }
        // "Ayhan Hajizadeh, an official of the Ministry …, tweeted", "Johnnie Wilson, of Springfield, Va.,
        // said": the nearest comma, going back, that a person or organization ends at
        pos -= 1;
        let clause = &text[limit..pos];
        let mut search_end = clause.len();
        while let Some(comma) = clause[..search_end].rfind(", ") {
            if !words_at_most(&clause[comma..], 20) {
                break;
            }
            let named = mention_ending_at(cx.mentions, limit + comma)
                .filter(|m| matches!(m.mention_type, MentionType::Person | MentionType::Organization));
            if let Some(m) = named {
                return Some(m.span);
            }
            search_end = comma;
        }
        if let Some(comma) = clause.rfind(", ") {
            let subject_end = limit + comma;
            if words_at_most(&text[subject_end..pos], 16) {
                return np_before(cx, subject_end, limit);
            }
        }
        return None;
    }
    let (word_start, word) = word_ending_at(text, limit, pos)?;
    if cx.lexicon.is(word, WordKind::SpeakerPronoun)
        || cx.lexicon.is(word, WordKind::RelativePronoun) && text[limit..word_start].trim_end().ends_with(',')
    {
        // "he said"; "McConnell, who in 2010 said": the relative pronoun names the speaker
        return Some(sp(word_start, pos));
    }
    np_before(cx, pos, limit)
}

/// The noun phrase ending at `end` (up to seven words back, stopping at clause words and punctuation).
fn np_before(cx: &Context<'_>, end: usize, limit: usize) -> Option<Span> {
    let text = cx.text;
    if let Some(m) = mention_ending_at(cx.mentions, end).filter(|m| m.mention_type != MentionType::Demonym) {
        return Some(extend_possessive_phrase(text, m.span, limit));
    }
    let mut start = end;
    let mut count = 0;
    while count < 7 {
        let word_end = limit + text[limit..start].trim_end().len();
        if count > 0 && word_end == start {
            break; // no space: punctuation or the start
        }
        let Some((ws, w)) = word_ending_at(text, limit, word_end) else { break };
        if cx.lexicon.is(w, WordKind::PhraseBoundary) {
            break;
        }
        start = ws;
        count += 1;
        // stop at punctuation before the word
        if text[limit..ws].trim_end().ends_with([',', '.', ';', ':', '(', '"', '“', '”', '—']) {
            break;
        }
    }
    let span = trim_span(text, sp(start, end));
    // drop a leading preposition ("In Tehran officials said")
    (!span.is_empty()).then_some(span)
}

/// The noun phrase after `pos` (after a cue), up to punctuation or a boundary word, at most eight words.
/// The source named in "according to a statement by the Foreign Ministry": the words after "by".
fn statement_source(text: &str, span: Span) -> Span {
    match span.text(text).find(" by ") {
        Some(i) => sp(span.start + i + 4, span.end),
        None => span,
    }
}

fn np_after(text: &str, lexicon: &Lexicon, pos: usize, limit: usize) -> Option<Span> {
    let rest = &text[pos..limit];
    let start = pos + (rest.len() - rest.trim_start().len());
    let mut end = start;
    let mut count = 0;
    let mut at = start;
    while at < limit && count < 8 {
        let word_end = text[at..limit]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '“' | '”' | '"' | '(' | ')'))
            .map_or(limit, |i| at + i);
        let word = text[at..word_end].trim_end_matches('.');
        if word.is_empty()
            || (count > 0 && lexicon.is_any(word, PHRASE_END))
            || (count == 0 && lexicon.is_any(word, PHRASE_END) && word != "to")
        {
            break;
        }
        end = at + word.len();
        count += 1;
        if text[word_end..limit].starts_with(' ') {
            at = word_end + 1;
        } else {
            break;
        }
        // a sentence end inside ("Trump. The …")
        if text[..word_end].ends_with('.') && !word.ends_with("Mr") && word.len() > 3 {
            break;
        }
    }
    let span = trim_span(text, sp(start, end));
    (!span.is_empty()).then_some(span)
}

/// A mention that ends a possessive or title phrase keeps it: "Trump campaign manager Corey Lewandowski".
fn extend_possessive_phrase(_text: &str, span: Span, _limit: usize) -> Span {
    span
}

fn mention_ending_at(mentions: &[Mention], end: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| m.span.end < end);
    mentions.get(i).filter(|m| m.span.end == end)
}

/// Years, weekdays and time words that may stand between a subject and its cue ("Trump on Monday said").
fn is_time_word(w: &str, lexicon: &Lexicon) -> bool {
    (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) || lexicon.is_any(w, TIME_WORDS)
}

/// Position before `pos` with white space and auxiliary words ("has also") skipped, not before `limit`.
fn skip_auxiliaries_back(text: &str, lexicon: &Lexicon, mut pos: usize, limit: usize) -> usize {
    loop {
        let trimmed = text[limit..pos].trim_end();
        pos = limit + trimmed.len();
        match word_ending_at(text, limit, pos) {
            Some((ws, w)) if lexicon.is(w, WordKind::CueModifier) => pos = ws,
            // "boldly suggested"
            Some((ws, w)) if w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase) => pos = ws,
            // "who in 2010 said", "Trump on Monday said", "Clinton last week told"
            Some((ws, w)) if is_time_word(w, lexicon) => {
                let before = text[limit..ws].trim_end();
                match word_ending_at(text, limit, limit + before.len()) {
                    Some((ws2, modifier)) if lexicon.is(modifier, WordKind::TimeModifier) => pos = ws2,
                    _ => pos = ws,
                }
            }
            _ => return pos,
        }
    }
}

/// A span from `start` to `end`, empty at `start` when `end` comes first (word walks can cross).
fn sp(start: usize, end: usize) -> Span {
    Span::new(start, end.max(start))
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end.max(span.start)];
    let start = span.start + (s.len() - s.trim_start().len());
    let t = s.trim();
    let t = t.trim_end_matches([',', '.', ';', ':']);
    sp(start, start + t.len())
}

/// A speaker with its entity, and the method refined by what the words are.
fn found(cx: &Context<'_>, span: Span, cue: Option<Span>, method: Method, confidence: f32) -> Found {
    let text = cx.text;
    let words_text = span.text(text);
    let is_pronoun =
        cx.lexicon.is(words_text, WordKind::SpeakerPronoun) || cx.lexicon.is(words_text, WordKind::ObjectPronoun);
    let (entity, method) = if is_pronoun {
        (resolve_pronoun(cx, words_text, span.start), Method::Pronoun)
    } else {
        let entity = entity_in(cx, span);
        let first = words_text.split_whitespace().next().unwrap_or("").to_lowercase();
        let method = match (method, entity) {
            (Method::Explicit, None)
                if !words_text.starts_with(char::is_uppercase)
                    || cx.lexicon.is(&first, WordKind::SpeakerDeterminer) =>
            {
                Method::Nominal
            }
            (m, _) => m,
        };
        (entity, method)
    };
    Found { speaker: Speaker { span, entity }, cue, method, confidence }
}

/// The entity a speaker's words name: a person, else an organization, else a country mentioned in them.
fn entity_in(cx: &Context<'_>, span: Span) -> Option<EntityRef> {
    let from = cx.mentions.partition_point(|m| m.span.end <= span.start);
    let inside = cx.mentions[from..].iter().take_while(|m| m.span.start < span.end);
    let mut best: Option<(u8, EntityRef)> = None;
    let text = cx.text;
    for m in inside {
        // "a senior US official" is not the United States: an organization or country is the speaker only when
        // it is the whole phrase (a determiner aside)
        let whole = {
            let before = text[span.start..m.span.start.max(span.start)].trim();
            let after = text[m.span.end.min(span.end)..span.end].trim();
            after.is_empty() && (before.is_empty() || cx.lexicon.is(before, WordKind::SpeakerDeterminer))
        };
        let rank = match m.mention_type {
            MentionType::Person => 0,
            MentionType::Organization if whole => 1,
            MentionType::Country if whole => 2,
            _ => continue,
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, m.entity));
        }
    }
    best.map(|(_, e)| e)
}

/// he/she: the latest person mentioned before `pos`; it/they: the latest organization or country.
fn resolve_pronoun(cx: &Context<'_>, pronoun: &str, pos: usize) -> Option<EntityRef> {
    let wanted: &[EntityType] = if cx.lexicon.is(pronoun, WordKind::PersonPronoun) {
        &[EntityType::Person]
    } else if cx.lexicon.is(pronoun, WordKind::GroupPronoun) {
        &[EntityType::Organization, EntityType::Country]
    } else {
        return None;
    };
    let end = cx.mentions.partition_point(|m| m.span.start < pos);
    let fits =
        |m: &&Mention| m.mention_type != MentionType::Demonym && wanted.contains(&cx.entities[m.entity].entity_type);
    let latest = cx.mentions[..end].iter().rev().take(60).find(fits)?;
    // the first fitting mention of that sentence: its subject, more often the antecedent than its object
    // (mentions are in text order, so their sentence indexes never decrease)
    let sentence_start = cx.mentions[..end].partition_point(|m| m.sentence < latest.sentence);
    cx.mentions[sentence_start..end].iter().find(|m| m.sentence == latest.sentence && fits(m)).map(|m| m.entity)
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
                (q.span.text(text).to_owned(), q.kind.as_str(), speaker, entity, cue, q.method.as_str())
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
                q("We will respond.", "direct", "Leila Karimi", "Leila Karimi", "said", "explicit"),
                q("Isn’t it clear?", "direct", "She", "Leila Karimi", "added", "pronoun"),
            ]
        );
    }

    #[test]
    fn speaker_after_the_quote_either_order() {
        assert_eq!(
            quotes("“This is a biased approach,” Guliyev said."),
            [q("This is a biased approach", "direct", "Guliyev", "", "said", "explicit")]
        );
        assert_eq!(
            quotes("''We are ready,'' said Defense Minister Gen Nakatani."),
            [q("We are ready", "direct", "Defense Minister Gen Nakatani", "Gen Nakatani", "said", "explicit")]
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
                "Ayhan Hajizadeh",
                "Ayhan Hajizadeh",
                "tweeted",
                "explicit"
            )]
        );
    }

    #[test]
    fn partial_quote_in_the_reporters_sentence_and_a_term() {
        let text = "US Defense Secretary Pete Hegseth called Japan an “indispensable partner” under President Donald Trump's “America First” policy.";
        assert_eq!(
            quotes(text),
            [
                q("indispensable partner", "partial", "Pete Hegseth", "Pete Hegseth", "called", "explicit"),
                q("America First", "term", "", "", "", "none"),
            ]
        );
    }

    #[test]
    fn according_to_and_nominal_speakers() {
        let text = "Azerbaijan said Tehran would “never intimidate” Baku, according to a statement by the Foreign Ministry.\n\n“The talks failed,” officials said.";
        let got = quotes(text);
        assert_eq!(got[0].0, "never intimidate");
        assert_eq!(
            (got[0].3.as_str(), got[0].4.as_str(), got[0].5),
            ("Foreign Ministry", "according to", "according_to")
        );
        assert_eq!(got[1], q("The talks failed", "direct", "officials", "", "said", "nominal"));
    }

    #[test]
    fn continuation_over_paragraphs_and_unattributed_quotes() {
        let text =
            "Mayor Ana Ruiz said: “The first paragraph goes on\n\n“and the second one ends it.”\n\n“Nobody said this.”";
        let got = quotes(text);
        assert_eq!(got[0].2, "Ana Ruiz");
        assert_eq!(
            (got[1].0.as_str(), got[1].2.as_str(), got[1].5),
            ("and the second one ends it.", "Ana Ruiz", "continuation")
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
            q("The two sides agreed to produce missiles together", "indirect", "Nakatani", "", "said", "explicit")
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
