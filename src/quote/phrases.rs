//! Reading phrases around a cue: the noun phrase that ends at a cue or follows it, a sentence's subject, the
//! subject of a cue (a mention, a pronoun, the name before an apposition), and the words that may stand between
//! a subject and its cue (has also, on Monday). Spans come back trimmed; walks never cross `limit`.

use crate::extraction::MentionType;
use crate::lexicon::{Lexicon, WordKind, WordKinds};
use crate::span::Span;
use crate::text::words::word_ending_at;

use super::context::{QuoteContext, mention_ending_at};

/// Words that end a noun phrase read forwards after a cue.
pub(crate) const PHRASE_END: WordKinds = WordKinds::of(&[WordKind::PhraseEnd, WordKind::Weekday]);
/// Time words that may stand between a subject and its cue (with years).
pub(crate) const TIME_WORDS: WordKinds = WordKinds::of(&[WordKind::TimeWord, WordKind::Weekday]);

/// A span from `start` to `end`, empty at `start` when `end` comes first (word walks can cross).
pub(crate) fn sp(start: usize, end: usize) -> Span {
    Span::new(start, end.max(start))
}

pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end.max(span.start)];
    let start = span.start + (s.len() - s.trim_start().len());
    let t = s.trim();
    let t = t.trim_end_matches([',', '.', ';', ':']);
    sp(start, start + t.len())
}

/// True when `s` has at most `n` words (stops counting early).
pub(crate) fn words_at_most(s: &str, n: usize) -> bool {
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

/// The subject of a cue starting at `cue_start`, looking back no further than `limit`.
pub(crate) fn subject_before(cx: &QuoteContext<'_>, cue_start: usize, limit: usize) -> Option<Span> {
    // a mention may begin before the window ("N.J." split off by the sentence splitter): never past `limit`
    subject_in_window(cx, cue_start, limit).filter(|s| s.start >= limit)
}

pub(crate) fn subject_in_window(cx: &QuoteContext<'_>, cue_start: usize, limit: usize) -> Option<Span> {
    let text = cx.text;
    let mut pos = skip_auxiliaries_back(text, cx.lexicon, cue_start, limit);
    if pos <= limit {
        return None;
    }
    // a mention ending here: "Nasser Kanaani said", "the State Department said"
    if let Some(m) = mention_ending_at(cx.mentions, pos).filter(|m| m.mention_type != MentionType::Demonym) {
        return Some(m.span);
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
pub(crate) fn np_before(cx: &QuoteContext<'_>, end: usize, limit: usize) -> Option<Span> {
    let text = cx.text;
    if let Some(m) = mention_ending_at(cx.mentions, end).filter(|m| m.mention_type != MentionType::Demonym) {
        return Some(m.span);
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

/// The source named in "according to a statement by the Foreign Ministry": the words after "by".
pub(crate) fn statement_source(text: &str, span: Span) -> Span {
    match span.text(text).find(" by ") {
        Some(i) => sp(span.start + i + 4, span.end),
        None => span,
    }
}

/// The noun phrase after `pos` (after a cue), up to punctuation or a boundary word, at most eight words.
pub(crate) fn np_after(text: &str, lexicon: &Lexicon, pos: usize, limit: usize) -> Option<Span> {
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

/// The subject of the clause starting at `start` and ending before `end`: after an introductory phrase, the
/// first person or organization mention or pronoun within its first six words, else its first words up to a
/// verb-like word.
pub(crate) fn sentence_subject(cx: &QuoteContext<'_>, start: usize, end: usize) -> Option<Span> {
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

/// Years, weekdays and time words that may stand between a subject and its cue ("Trump on Monday said").
pub(crate) fn is_time_word(w: &str, lexicon: &Lexicon) -> bool {
    (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) || lexicon.is_any(w, TIME_WORDS)
}

/// Position before `pos` with white space and auxiliary words ("has also") skipped, not before `limit`.
pub(crate) fn skip_auxiliaries_back(text: &str, lexicon: &Lexicon, mut pos: usize, limit: usize) -> usize {
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
