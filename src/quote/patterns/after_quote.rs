//! The speaker named right after the quotation: `“…,” SPEAKER CUE`, `“…,” CUE SPEAKER`, `“…,” according to
//! SPEAKER`, and `“…,” Trump barked` (a speech verb the lexicon lacks, next to a name or pronoun). Only when the
//! quotation ends with `,` `?` `!` or a dash, or is followed by a comma, or by a short clause that only names
//! the speaker: a quotation that ends its sentence with a period is not attributed by the next sentence. A cue
//! right before the quotation ("said: “…") outranks one after it.

use crate::extraction::MentionType;
use crate::lexicon::WordKind;
use crate::quote::CueKind;
use crate::quote::context::{QuoteContext, cues_in};
use crate::quote::phrases::{np_after, skip_auxiliaries_back, sp, trim_span, words_at_most};
use crate::quote::speaker::{Found, found};
use crate::span::Span;
use crate::text::segment::sentence_index;

use super::QuoteSite;

/// The speaker named right after the quotation (“…,” Guliyev said; “…,” said Nakatani).
pub(crate) fn find(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    q.after(cx)
}

/// [`after_quote`], unless a cue right before the quotation introduces it.
pub(crate) fn after_quote_unless_introduced(cx: &QuoteContext<'_>, q: &QuoteSite<'_>) -> Option<Found> {
    if cue_right_before(cx, q.marked.open, q.para) {
        return None;
    }
    after_quote(cx, q.inner, q.close_end, q.para)
}

/// True when a cue ends right before the opening mark ("said: “", "said, “").
pub(crate) fn cue_right_before(cx: &QuoteContext<'_>, open: Span, para: Span) -> bool {
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

/// `“…,” SPEAKER CUE` / `“…,” CUE SPEAKER` / `“…,” according to SPEAKER`.
pub(crate) fn after_quote(cx: &QuoteContext<'_>, inner: Span, close_end: usize, para: Span) -> Option<Found> {
    let text = cx.text;
    let quote_text = inner.text(text);
    let mut pos = close_end;
    let rest = &text[pos..para.end];
    let after_comma = rest.trim_start().starts_with([',', '—', '–']);
    let open_ending = quote_text.ends_with(['?', '!', '—', '–', '-', '…'])
        || text[inner.end..close_end.max(inner.end)].starts_with(',')
        || text[..close_end].trim_end_matches(['"', '”', '\'', '’']).ends_with(',');
    // "“….” Trump said.": a short clause that only names the speaker, and ends with its period ("“….” She
    // adds, “…”" introduces the next quotation)
    let sentence_rest = text[pos..para.end].trim_start();
    let short_clause = sentence_rest.find(['.', '“', '"']).is_some_and(|i| {
        sentence_rest[i..].starts_with('.')
            && words_at_most(&sentence_rest[..i], 4)
            && !cues_in(cx.cues, sp(pos, pos + i)).is_empty()
    });
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
        return Some(found(cx, speaker, Some(cue.span), 0.9));
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
        || cx.lexicon.is(first_word, WordKind::SpeakerDeterminer)
        || cx.lexicon.is_or_plural(first_word, WordKind::SpeakerNoun);
    if speaker.is_empty()
        || !words_at_most(speaker.text(text), 8)
        || cx.lexicon.is(first_word, WordKind::ClauseOpener)
        || !subject_like
    {
        // "“…” about the decision, said RoseAnn DeMoro": a speaker after the cue
        let speaker = np_after(text, cx.lexicon, cue.span.end, window_end)?;
        return speaker.text(text).starts_with(char::is_uppercase).then(|| found(cx, speaker, Some(cue.span), 0.7));
    }
    Some(found(cx, speaker, Some(cue.span), 0.95))
}

/// `“…,” Trump barked`, `“…,” he snapped`, `“…!” beamed Donald Hartley`: a speech verb missing from the lexicon
/// next to a name or pronoun right after the quotation.
pub(crate) fn subject_and_verb(cx: &QuoteContext<'_>, pos: usize, limit: usize) -> Option<Found> {
    let text = cx.text;
    let first_end = text[pos..limit].find([' ', ',', '.']).map_or(limit, |i| pos + i);
    let first = &text[pos..first_end];
    // verb first: "beamed Donald Hartley"
    if first.len() > 3 && first.starts_with(char::is_lowercase) && first.ends_with("ed") {
        let speaker = np_after(text, cx.lexicon, first_end, limit)?;
        return speaker.text(text).starts_with(char::is_uppercase).then(|| found(cx, speaker, None, 0.6));
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
    verb_like.then(|| found(cx, subject, None, 0.65))
}
