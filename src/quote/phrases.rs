//! Reading phrases around a cue: the noun phrase that ends at a cue or follows it, a sentence's subject, the
//! subject of a cue (a mention, a pronoun, the name before an apposition), and the words that may stand between
//! a subject and its cue (has also, on Monday). Spans come back trimmed; walks never cross `limit`.

use crate::extraction::MentionType;
use crate::lexicon::{Lexicon, WordKind, WordKinds};
use crate::span::Span;
use crate::text::words::{find_before_space, initials_ending_at, rfind_before_space, word_ending_at};

use super::context::{QuoteContext, mention_ending_at};

/// Words that end a noun phrase read forwards after a cue.
pub(crate) const PHRASE_END: WordKinds = WordKinds::of(&[WordKind::PhraseEnd, WordKind::Weekday]);
/// Time words that may stand between a subject and its cue (with years).
pub(crate) const TIME_WORDS: WordKinds = WordKinds::of(&[WordKind::TimeWord, WordKind::Weekday]);
/// Words that are no noun heading a speaker's phrase.
const FUNCTION_WORDS: WordKinds = WordKinds::of(&[
    WordKind::NotName,
    WordKind::Introducer,
    WordKind::ClauseOpener,
    WordKind::PhraseBoundary,
    WordKind::SpeakerDeterminer,
    WordKind::NounDeterminer,
    WordKind::CueModifier,
]);
/// Capitalised words that are no modifier of a name before it.
const NO_NAME_MODIFIER: WordKinds = WordKinds::of(&[
    WordKind::NotName,
    WordKind::Introducer,
    WordKind::ClauseOpener,
    WordKind::PhraseBoundary,
    WordKind::SpeakerPronoun,
]);
/// Words that open a noun phrase.
const DETERMINERS: WordKinds = WordKinds::of(&[WordKind::NounDeterminer, WordKind::SpeakerDeterminer]);
/// Words that open a clause before its subject ("But", "In", "Last").
pub(crate) const CLAUSE_START: WordKinds =
    WordKinds::of(&[WordKind::Introducer, WordKind::ClauseOpener, WordKind::TimeModifier]);

/// A span from `start` to `end`, empty at `start` when `end` comes first (word walks can cross).
pub(crate) fn sp(start: usize, end: usize) -> Span {
    Span::new(start, end.max(start))
}

pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end.max(span.start)];
    let t = s.trim_start();
    let start = span.start + (s.len() - t.len());
    let t = t.trim_end().trim_end_matches([',', '.', ';', ':']);
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
    if let Some(&known) = cx.subjects.borrow().get(&(cue_start, limit)) {
        return known;
    }
    // a mention may begin before the window ("N.J." split off by the sentence splitter): never past `limit`
    let subject = subject_in_window(cx, cue_start, limit).filter(|s| s.start >= limit);
    cx.subjects.borrow_mut().insert((cue_start, limit), subject);
    subject
}

pub(crate) fn subject_in_window(cx: &QuoteContext<'_>, cue_start: usize, limit: usize) -> Option<Span> {
    let text = cx.text;
    let mut pos = skip_auxiliaries_back(text, cx.lexicon, cue_start, limit);
    if pos <= limit {
        return None;
    }
    // "Sen. David Perdue (R-Ga.) said": a short parenthesis after the name belongs to it
    if text[limit..pos].ends_with(')')
        && let Some(open) = text[limit..pos].rfind('(').map(|i| limit + i)
        && words_at_most(&text[open..pos], 3)
        && open > limit
    {
        let before = text[limit..open].trim_end().len() + limit;
        if let Some(m) = mention_ending_at(cx.mentions, before).filter(|m| m.mention_type == MentionType::Person) {
            return Some(sp(with_modifiers(cx, m.span, limit).start, pos));
        }
    }
    // a mention ending here: "Nasser Kanaani said", "the State Department said"
    if let Some(m) = mention_ending_at(cx.mentions, pos).filter(|m| m.mention_type != MentionType::Demonym) {
        return Some(mention_phrase(cx, m, limit));
    }
    if text[limit..pos].ends_with(',') {
        // "the Azeri Minister of Defense, General Zakir Hasanov, said": a person named right before the comma
        if let Some(m) = mention_ending_at(cx.mentions, pos - 1).filter(|m| m.mention_type == MentionType::Person) {
            return Some(with_modifiers(cx, m.span, limit));
        }
        // "Ayhan Hajizadeh, an official of the Ministry …, tweeted", "Johnnie Wilson, of Springfield, Va.,
        // said": the nearest comma, going back, that a person or organization ends at
        pos -= 1;
        let clause = &text[limit..pos];
        // "Sen. Jack Reed (D-R.I.), said": the person before a short parenthesis right before the comma
        if let Some(open) = clause.strip_suffix(')').and_then(|c| c.rfind('('))
            && words_at_most(&clause[open..], 3)
            && let Some(m) = mention_ending_at(cx.mentions, limit + clause[..open].trim_end().len())
                .filter(|m| m.mention_type == MentionType::Person)
        {
            return Some(sp(with_modifiers(cx, m.span, limit).start, pos));
        }
        let mut search_end = clause.len();
        while let Some(comma) = rfind_before_space(&clause[..search_end], b',') {
            if !words_at_most(&clause[comma..], 20) {
                break;
            }
            // "Rep. Bobby Scott (D-Va.), ranking member of …, said": the name before a short parenthesis
            let name_end = match clause[..comma].strip_suffix(')').and_then(|c| c.rfind('(')) {
                Some(open) if words_at_most(&clause[open..comma], 3) => clause[..open].trim_end().len(),
                _ => comma,
            };
            let named = mention_ending_at(cx.mentions, limit + name_end)
                .filter(|m| matches!(m.mention_type, MentionType::Person | MentionType::Organization));
            if let Some(m) = named {
                // the name with its apposition: "Ayhan Hajizadeh, an official of the Ministry …"
                return Some(sp(with_modifiers(cx, m.span, limit).start, pos));
            }
            search_end = comma;
        }
        if let Some(comma) = rfind_before_space(clause, b',') {
            let subject_end = limit + comma;
            if words_at_most(&text[subject_end..pos], 16) {
                return np_before(cx, subject_end, limit);
            }
        }
        return None;
    }
    let (word_start, word) = word_ending_at(text, limit, pos)?;
    // "He’s claiming": the pronoun without its auxiliary
    if let Some(stem) = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
        && cx.lexicon.is(stem, WordKind::SpeakerPronoun)
    {
        return Some(sp(word_start, word_start + stem.len()));
    }
    let kinds = cx.lexicon.kinds(word);
    if kinds.contains(WordKind::SpeakerPronoun) || kinds.contains(WordKind::RelativePronoun) {
        // "he said"; "McConnell, who in 2010 said", "economists who argue": the relative pronoun names the
        // speaker, after a comma or a noun
        let relative = kinds.contains(WordKind::RelativePronoun);
        let after_noun = || {
            let before = text[limit..word_start].trim_end();
            before.ends_with(',')
                || word_ending_at(text, limit, limit + before.len())
                    .is_some_and(|(_, w)| !cx.lexicon.is(w, WordKind::PhraseBoundary))
        };
        if !relative || after_noun() {
            return Some(sp(word_start, pos));
        }
    }
    np_before(cx, pos, limit)
}

/// The noun phrase ending at `end` (up to seven words back, stopping at clause words and punctuation).
pub(crate) fn np_before(cx: &QuoteContext<'_>, end: usize, limit: usize) -> Option<Span> {
    let text = cx.text;
    if let Some(m) = mention_ending_at(cx.mentions, end).filter(|m| m.mention_type != MentionType::Demonym) {
        return Some(mention_phrase(cx, m, limit));
    }
    let mut start = end;
    let mut count = 0;
    while count < 10 {
        let word_end = limit + text[limit..start].trim_end().len();
        if count > 0 && word_end == start {
            break; // no space: punctuation or the start
        }
        // "E.U. leaders": initials are a word
        let initials = initials_ending_at(text, limit, word_end).map(|ws| (ws, &text[ws..word_end]));
        let Some((ws, w)) = word_ending_at(text, limit, word_end).or(initials) else { break };
        // "Federal and state officials", "Hegseth and Nakatani", "the nominee and his aides": "and" after a name,
        // a capitalised word or a speaker noun joins
        let joining_and = |and_start: usize| {
            let before = limit + text[limit..and_start].trim_end().len();
            word_ending_at(text, limit, before).is_some_and(|(_, b)| {
                (b.starts_with(char::is_uppercase) && !cx.lexicon.is(b, WordKind::NotName))
                    || cx.lexicon.is_or_plural(b, WordKind::SpeakerNoun)
            })
        };
        let joins = w == "and" && count > 0 && joining_and(ws);
        let kinds = cx.lexicon.kinds(w);
        if kinds.contains(WordKind::PhraseBoundary) && !joins {
            break;
        }
        start = ws;
        count += 1;
        // a determiner opens the noun phrase ("a State Department spokesman"), unless a preposition links it
        // to a head before it ("attorneys for the family")
        if kinds.intersects(DETERMINERS) {
            let before = limit + text[limit..ws].trim_end().len();
            let linked = word_ending_at(text, limit, before).is_some_and(|(p_start, p)| {
                cx.lexicon.is(p, WordKind::LinkingPreposition) || (p == "and" && joining_and(p_start))
            });
            if !linked {
                break;
            }
        }
        // stop at punctuation before the word (not the full stop of initials: "E.U. leaders")
        let before = limit + text[limit..ws].trim_end().len();
        if text[limit..before].ends_with([',', '.', ';', ':', '(', '"', '“', '”', '—'])
            && initials_ending_at(text, limit, before).is_none()
        {
            break;
        }
    }
    let span = trim_span(text, sp(start, end));
    // drop a leading preposition ("In Tehran officials said")
    (!span.is_empty()).then_some(span)
}

/// The words of a subject that ends with mention `m`: its modifiers ([`with_modifiers`]), and a person named
/// with it ("Hegseth and Nakatani").
fn mention_phrase(cx: &QuoteContext<'_>, m: &crate::extraction::Mention, limit: usize) -> Span {
    let text = cx.text;
    let named = with_modifiers(cx, m.span, limit);
    if m.mention_type == MentionType::Person
        && let Some(before) = text.get(limit..named.start).and_then(|t| t.strip_suffix(" and "))
        && let Some(other) = mention_ending_at(cx.mentions, limit + before.len())
        && other.mention_type == MentionType::Person
        && other.span.start >= limit
    {
        return sp(with_modifiers(cx, other.span, limit).start, named.end);
    }
    named
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
/// The subject of a verb joined by "and" to the one before it, `and` being where that "and" starts ("…, I
/// laughed and said", "Kanaani said … and demanded"): the pronoun or name that opens the last clause before it,
/// else the subject of the sentence.
pub(crate) fn coordinated_subject(cx: &QuoteContext<'_>, start: usize, and: usize) -> Option<Span> {
    let text = cx.text;
    let before = text[start..and].trim_end().trim_end_matches(',');
    let clause_start = rfind_before_space(before, b',').map_or(start, |i| start + i + 2);
    let clause = text[clause_start..start + before.len()].trim_start();
    let clause_start = start + before.len() - clause.len();
    let first_end = clause.find([' ', ',']).map_or(clause_start + clause.len(), |i| clause_start + i);
    if cx.lexicon.is(&text[clause_start..first_end], WordKind::SpeakerPronoun) {
        return Some(sp(clause_start, first_end));
    }
    let opening = cx.mentions.get(cx.mentions.partition_point(|m| m.span.start < clause_start));
    if let Some(m) = opening.filter(|m| {
        m.span.start == clause_start && matches!(m.mention_type, MentionType::Person | MentionType::Organization)
    }) {
        return Some(m.span);
    }
    sentence_subject(cx, start, and)
}

pub(crate) fn sentence_subject(cx: &QuoteContext<'_>, start: usize, end: usize) -> Option<Span> {
    let text = cx.text;
    let mut start = start + (text[start..end].len() - text[start..end].trim_start().len());
    // "Editor’s note: The mayor …", "Update: Officials …": a label before a colon is no subject
    if let Some(colon) = text[start..end].find(": ")
        && words_at_most(&text[start..start + colon], 3)
    {
        start += colon + 2;
    }
    let first = text[start..end].split_whitespace().next().unwrap_or("");
    if cx.lexicon.is(first.trim_end_matches(','), WordKind::Introducer) {
        match find_before_space(&text[start..end], b',') {
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
        if cx.lexicon.is(word, WordKind::SpeakerPronoun) && !cx.lexicon.is(word, WordKind::RelativePronoun) {
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
    is_time_word_of(w, lexicon.kinds(w))
}

/// [`is_time_word`] for a word whose kinds are known.
pub(crate) fn is_time_word_of(w: &str, kinds: WordKinds) -> bool {
    kinds.intersects(TIME_WORDS) || (w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()))
}

/// Position before `pos` with white space and auxiliary words ("has also") skipped, not before `limit`.
pub(crate) fn skip_auxiliaries_back(text: &str, lexicon: &Lexicon, mut pos: usize, limit: usize) -> usize {
    loop {
        let trimmed = text[limit..pos].trim_end();
        pos = limit + trimmed.len();
        let Some((ws, w)) = word_ending_at(text, limit, pos) else { return pos };
        let kinds = lexicon.kinds(w);
        match (ws, w) {
            // "has also said", "boldly suggested"
            (ws, w) if kinds.contains(WordKind::CueModifier) || kinds.ly_adverb(w) => pos = ws,
            // "who in 2010 said", "Trump on Monday said", "Clinton last week told"; not the time of a participle
            // ("A poll released Monday found": the poll's)
            (ws, w) if is_time_word_of(w, kinds) => {
                let before = text[limit..ws].trim_end();
                let (time_start, prior) = match word_ending_at(text, limit, limit + before.len()) {
                    Some((ws2, modifier)) if lexicon.is(modifier, WordKind::TimeModifier) => {
                        (ws2, word_ending_at(text, limit, limit + text[limit..ws2].trim_end().len()))
                    }
                    prior => (ws, prior),
                };
                if prior.is_some_and(|(_, p)| p.len() > 3 && p.ends_with("ed") && p.starts_with(char::is_lowercase)) {
                    return pos;
                }
                pos = time_start;
            }
            _ => return pos,
        }
    }
}

/// The words of a speaker, as a speaker can be: a pronoun, a name (a mention, or capitalised words that are no
/// function words), or a noun phrase whose head is a noun that can speak (`speaker_noun` in the lexicon:
/// "officials", "a spokesman", "the company", "the poll"); never a sentence fragment ("Once in my early
/// 20s", "His twisted", "Editor’s"). Leading words that open a clause ("Then someone", "While his advisers")
/// are dropped. `None` when no speaker is left.
pub(crate) fn speaker_words(cx: &QuoteContext<'_>, span: Span) -> Option<Span> {
    let text = cx.text;
    let mut span = trim_span(text, span);
    // drop leading clause words
    loop {
        let words = span.text(text);
        let first = words.split_whitespace().next()?;
        let rest = words[first.len()..].trim_start();
        let kinds = cx.lexicon.kinds(first);
        let bare = first.trim_end_matches(',');
        let time =
            if bare.len() == first.len() { is_time_word_of(first, kinds) } else { is_time_word(bare, cx.lexicon) };
        let opener = kinds.intersects(CLAUSE_START)
            || time
            || (first.starts_with(char::is_lowercase) && kinds.contains(WordKind::PhraseBoundary));
        if !opener || rest.is_empty() || kinds.contains(WordKind::NounDeterminer) {
            break;
        }
        span = sp(span.end - rest.len(), span.end);
    }
    if span.is_empty() {
        return None;
    }
    // the head phrase: before an apposition ("Derek Mitchell, who served as …") or a parenthesis ("Sen. David
    // Perdue (R-Ga.)")
    let full = span.text(text);
    let head_len = full.find([',', '(']).map_or(full.len(), |i| full[..i].trim_end().len());
    let head_span = sp(span.start, span.start + head_len);
    let words = head_span.text(text);
    if words.is_empty() {
        return None;
    }
    // "A poll released Monday", "a report published by the agency": a reduced relative clause after the head
    let participle_inside = words.contains("ed ") || words.ends_with("ed");
    let words = &words[..participle_inside.then(|| reduced_relative_at(cx, words)).flatten().unwrap_or(words.len())];
    let head_span = sp(head_span.start, head_span.start + words.len());
    // no verb inside ("Tehran would never intimidate Baku", "Kaine defended people", "Donald Trump repeatedly
    // demeaned women"): an auxiliary, or a lower-case word in -ed or -ly between the first and the last (a
    // first word in -ed is an adjective: "elected officials")
    let word_count = words.split_whitespace().count();
    let has_verb = words.split_whitespace().enumerate().any(|(i, w)| {
        if !w.starts_with(char::is_lowercase) {
            return false;
        }
        let inner = i > 0 && i + 1 < word_count;
        if inner && w.ends_with("ed") && w.len() > 3 {
            return true;
        }
        let kinds = cx.lexicon.kinds(w);
        kinds.contains(WordKind::CueModifier) || ((inner || (i == 0 && word_count >= 2)) && kinds.ly_adverb(w))
    });
    if has_verb {
        return None;
    }
    if cx.lexicon.is(words, WordKind::SpeakerPronoun) || cx.lexicon.is(words, WordKind::RelativePronoun) {
        return Some(span);
    }
    let last = words.rsplit([' ', '\u{a0}']).next().unwrap_or(words);
    if last.ends_with("'s") || last.ends_with("’s") || last.ends_with(['\'', '’']) {
        return None; // a possessive is no head: "Editor’s note"
    }
    // a mention of a person, organization, country or place ends the phrase
    let ends_a_mention = mention_ending_at(cx.mentions, head_span.end)
        .is_some_and(|m| m.span.start >= head_span.start && m.mention_type != MentionType::Demonym);
    let head = last.trim_end_matches('.');
    let function_word = |w: &str| {
        let kinds = cx.lexicon.kinds(w);
        kinds.intersects(FUNCTION_WORDS) || is_time_word_of(w, kinds)
    };
    let name_like = head.starts_with(char::is_uppercase) && !function_word(head);
    // a noun phrase whose head is a noun: a speaker noun, or a word of letters that is no function word and
    // does not look like a verb or adverb ("the fund", "polling averages"; not "His twisted", "offered some")
    let noun = || {
        let lower = head.to_lowercase();
        let kinds = cx.lexicon.kinds(&lower);
        kinds.contains(WordKind::SpeakerNoun)
            || lower.strip_suffix('s').is_some_and(|singular| cx.lexicon.is(singular, WordKind::SpeakerNoun))
            || (lower.len() >= 3
                && lower.chars().all(|c| c.is_alphabetic() || c == '-')
                && !(kinds.intersects(FUNCTION_WORDS) || is_time_word_of(&lower, kinds))
                && !["ed", "ing", "ly", "en"].iter().any(|end| lower.ends_with(end))
                && words.split_whitespace().count() >= 2)
    };
    (ends_a_mention || name_like || noun()).then_some(span)
}

/// Where a reduced relative clause starts in a speaker's `words` ("A poll released Monday", "a report
/// published by the agency", "emails obtained by the Post"): a lower-case participle in -ed right after a
/// speaker noun, followed by a time or a preposition and its words (at most six words, none in -ed or -ing);
/// the byte offset of the end of the head (before the space), if any.
fn reduced_relative_at(cx: &QuoteContext<'_>, words: &str) -> Option<usize> {
    const MAX_AFTER: usize = 6;
    let mut previous: Option<&str> = None;
    let mut offset = 0;
    for w in words.split(' ') {
        let start = offset;
        offset += w.len() + 1;
        let before = previous.replace(w);
        // the cheap test first: most words are no participle
        let participle = w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase);
        if !participle || !before.is_some_and(|p| cx.lexicon.is_or_plural(p, WordKind::SpeakerNoun)) {
            continue;
        }
        let rest = || words.get(offset..).unwrap_or("").split_whitespace();
        let time = |w: &str| is_time_word_of(w, cx.lexicon.kinds(w));
        let opens = rest().next().is_some_and(|first| {
            let kinds = cx.lexicon.kinds(first);
            if kinds.contains(WordKind::TimeModifier) {
                // "released on Tuesday", "released last week"; not "seized on glimmers"
                return rest().nth(1).is_some_and(time);
            }
            // a preposition ("by", "for"), not a conjunction ("The crowd cheered when Trump asked")
            let preposition = kinds.contains(WordKind::ClauseOpener)
                && !kinds.intersects(WordKinds::of(&[WordKind::PhraseBoundary, WordKind::Conjunction]));
            time(first) || preposition
        });
        let plain = rest().all(|r| !(r.ends_with("ed") || r.ends_with("ing")) || r.starts_with(char::is_uppercase));
        return (opens && plain && rest().count() <= MAX_AFTER).then_some(start.saturating_sub(1));
    }
    None
}

/// True when `span` holds words a speaker can be (see [`speaker_words`]).
pub(crate) fn is_speaker(cx: &QuoteContext<'_>, span: Span) -> bool {
    speaker_words(cx, span) == Some(trim_span(cx.text, span))
}

/// The position after the adverbials that may follow a cue before its clause: a time ("on Friday", "last
/// week", "Sunday"), an adverb ("repeatedly", "also"), a medium ("in a statement", "in an interview with
/// CNN", "on Twitter"), each with the comma after it.
pub(crate) fn skip_adverbials(cx: &QuoteContext<'_>, from: usize, limit: usize) -> usize {
    let text = cx.text;
    let mut pos = from;
    loop {
        let rest = &text[pos..limit];
        let trimmed = rest.trim_start().trim_start_matches(',').trim_start();
        let at = limit - trimmed.len();
        let mut words = trimmed.split(' ');
        let Some(first) = words.next().map(|w| w.trim_end_matches(',')) else { return pos };
        let second = words.next().map(|w| w.trim_end_matches(','));
        let kinds = cx.lexicon.kinds(first);
        let step = if is_time_word_of(first, kinds)
            || kinds.ly_adverb(first)
            || kinds.contains(WordKind::CueModifier) && !kinds.contains(WordKind::PhraseBoundary)
        {
            first.len()
        } else if kinds.contains(WordKind::TimeModifier) && second.is_some_and(|w| is_time_word(w, cx.lexicon)) {
            first.len() + 1 + second.map_or(0, str::len)
        } else if let Some(medium) = medium_phrase(cx, at, limit) {
            medium - at
        } else {
            return pos;
        };
        pos = at + step;
        if pos >= limit {
            return limit;
        }
    }
}

/// "in a statement", "in an interview with CNN", "on Twitter", "in remarks to reporters": its end, when one
/// starts at `at`.
fn medium_phrase(cx: &QuoteContext<'_>, at: usize, limit: usize) -> Option<usize> {
    let text = cx.text;
    let rest = &text[at..limit];
    let after_preposition =
        ["in ", "on ", "during ", "at ", "via ", "through "].iter().find_map(|p| rest.strip_prefix(p))?;
    let mut words = after_preposition.split(' ');
    let mut word = words.next()?;
    let mut consumed = rest.len() - after_preposition.len();
    if cx.lexicon.is(word, WordKind::NounDeterminer) || cx.lexicon.is(word, WordKind::SpeakerDeterminer) {
        consumed += word.len() + 1;
        word = words.next()?;
    }
    let noun = word.trim_end_matches([',', '.']);
    if !cx.lexicon.is(noun, WordKind::Medium) && !cx.lexicon.is(&noun.to_lowercase(), WordKind::Medium) {
        return None;
    }
    consumed += noun.len();
    // "with CNN", "to reporters", "on Fox News": a short complement up to a comma or "that"
    let tail = &rest[consumed..];
    if let Some(complement) =
        ["with ", "to ", "on ", "at ", "for "].iter().find_map(|p| tail.trim_start().strip_prefix(p))
    {
        let stop = complement.find([',', ';']).unwrap_or(complement.len());
        let stop = complement[..stop].find(" that ").map_or(stop, |i| i);
        if words_at_most(&complement[..stop], 5) {
            consumed = rest.len() - complement.len() + stop;
        }
    }
    Some(at + consumed)
}

/// A speaker's name with the words before it that belong to it: titles, capitalised modifiers, a possessive
/// ("Iranian Foreign Ministry spokesman Nasser Kanaani", "Mr. Clarke", "Japan's Defense Minister Gen
/// Nakatani", "the Rev. Peter Wherry"), not before `limit`.
pub(crate) fn with_modifiers(cx: &QuoteContext<'_>, name: Span, limit: usize) -> Span {
    let text = cx.text;
    let titles = &cx.titles;
    let mut start = name.start;
    if start < limit {
        return name; // a mention that starts before the window ("N.J." split off by the sentence splitter)
    }
    while let Some(before) = text[limit..start].strip_suffix(' ') {
        let end = limit + before.len();
        // "Mark Z. Barabak", "E.U. foreign policy chief": initials go with the name
        if let Some(initials) = initials_ending_at(text, limit, end) {
            start = initials;
            continue;
        }
        let Some((ws, word)) = word_ending_at(text, limit, end) else { break };
        let title = titles.binary_search_by_key(&end, |t| t.end).ok().map(|i| titles[i]);
        if let Some(t) = title.filter(|t| t.start >= limit) {
            start = t.start;
            continue;
        }
        let possessive = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"));
        let capitalised =
            |word: &str| word.starts_with(char::is_uppercase) && !cx.lexicon.is_any(word, NO_NAME_MODIFIER);
        if capitalised(word) || possessive.is_some_and(|stem| stem.starts_with(char::is_uppercase)) {
            start = ws;
            continue;
        }
        // "Trump campaign spokesman Jason Miller", "Obama administration officials": a common noun after a name
        if word.chars().all(|c| c.is_ascii_lowercase())
            && [WordKinds::NONE, WordKinds::of(&[WordKind::SpeakerNoun])].contains(&cx.lexicon.kinds(word))
            && let Some((name_start, name_word)) =
                text[limit..ws].strip_suffix(' ').and_then(|b| word_ending_at(text, limit, limit + b.len()))
            && capitalised(name_word)
        {
            start = name_start;
            continue;
        }
        // "the", "a" before the name and its modifiers
        if cx.lexicon.is(word, WordKind::NounDeterminer) {
            start = ws;
        }
        break;
    }
    Span::new(start, name.end)
}
