//! Bylines and credits: "By Sam Poe", "By Sam Poe and Ann Lee", "(Jane Roe/Canadian Press)", "Photo: Jane
//! Roe/AFP", "Reporting by Ann Lee; Editing by Tom Kerr", "(Reporting by Ann Lee in Paris)". The people they
//! name are PERSON mentions of subtype `credit` (their `role` the organization credited, where named): they are
//! no speakers, no antecedents of a pronoun or a role phrase, and no bearers of a surname of the story.
//!
//! A credit opens with a run of `credit_introducer` words of the lexicon ("By", "Reporting by", "Photo:"):
//! two words or more, or one that ends in a colon or opens a line or a parenthesis ("passed by Sam Poe" is no
//! credit). A byline of one word ("By Sam Poe") must fill its line but for an organization after its names. A
//! name right before a slash is a credit when it opens a parenthesis, a line or follows a colon, and a
//! capitalised name follows the slash ("(Jane Roe/Canadian Press)"). Only positions that a slash, a colon,
//! " by " or a line's first word point to are read.

use crate::extraction::{MentionType, Origin};
use crate::gazetteer::Form;
use crate::lexicon::{Lexicon, WordKind};
use crate::pipeline::{DocBuilder, DocContext};
use crate::span::Span;

use super::names::NameShape;
use super::people::rule_person;
use super::{EntityRule, Examples, Unit};

/// The `source` of credit mentions.
pub(crate) const SOURCE: &str = "rule:credit";

/// The `subtype` of a person named in a byline or credit.
pub(crate) const SUBTYPE: &str = "credit";

/// People of bylines and photo, video and reporting credits.
pub(crate) struct Credits {
    /// The shape of a person's name.
    names: std::sync::Arc<NameShape>,
    /// The first bytes (both cases) of the `credit_introducer` words: a word starting with another byte is
    /// not looked up.
    initials: [bool; 256],
}

impl Credits {
    /// The rule, with the name shape and the lexicon's introducers.
    pub(crate) fn new(names: std::sync::Arc<NameShape>, lexicon: &Lexicon) -> Credits {
        let mut initials = [false; 256];
        for w in lexicon.words_of(WordKind::CreditIntroducer) {
            if let Some(&b) = w.as_bytes().first() {
                initials[usize::from(b.to_ascii_lowercase())] = true;
                initials[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        Credits { names, initials }
    }
}

impl Unit for Credits {
    fn name(&self) -> &'static str {
        "credits"
    }

    fn doc(&self) -> &'static str {
        "people of bylines and photo or reporting credits are persons of subtype credit, not people of the story"
    }

    fn examples(&self) -> Examples {
        Examples {
            matches: &[
                ("By Sam Poe and Ann Lee\n\nThe mayor spoke on Monday.", "Ann Lee"),
                ("The mayor spoke on Monday. (Jane Roe/Canadian Press)", "Jane Roe"),
                ("The mayor spoke on Monday.\n\nReporting by Ann Lee; Editing by Tom Kerr", "Tom Kerr"),
                ("The mayor spoke on Monday. Photo: Sam Poe/Reuters", "Sam Poe"),
            ],
            no_match: &[
                "The law was passed by Sam Poe and the council.",
                "By Tuesday the mayor had spoken to Sam Poe about the bridge and the road.",
                "Flights between Dallas/Fort Worth resumed.",
            ],
        }
    }
}

impl EntityRule for Credits {
    fn apply(&self, cx: &DocContext<'_>, doc: &mut DocBuilder<'_>) {
        let text = cx.text;
        let lexicon = cx.lexicon;
        let initials = &self.initials;
        let is_intro = |w: &str| {
            w.as_bytes().first().is_some_and(|&b| initials[usize::from(b)]) && lexicon.is(w, WordKind::CreditIntroducer)
        };
        let mut starts: Vec<(usize, bool)> = Vec::new();
        // a line's first word ("By Sam Poe", "(Reporting by ...)"): a byline must fill its line
        for line in &cx.layer.lines {
            let l = line.text(text);
            let lead = l.len() - l.trim_start_matches([' ', '(']).len();
            let word = first_word(&l[lead..]);
            if !word.is_empty() && is_intro(word) {
                starts.push((line.start + lead, true));
            }
        }
        // "Reporting by", "additional reporting by", "Photo by": the word before " by "
        // memmem: a vectorised search, several times cheaper per byte than `str::match_indices`
        for at in memchr::memmem::find_iter(text.as_bytes(), b" by ") {
            if let Some(start) = word_before(text, at).filter(|&s| is_intro(&text[s..at])) {
                starts.push((start, false));
            }
        }
        // "Photo: Jane Roe/AFP", "Credit: ..."
        for at in memchr::memmem::find_iter(text.as_bytes(), b": ") {
            if let Some(start) = word_before(text, at).filter(|&s| is_intro(&text[s..at])) {
                starts.push((start, false));
            }
        }
        starts.sort_unstable();
        starts.dedup_by_key(|s| s.0);
        for (start, opens_line) in starts {
            if let Some(names_at) = after_introducers(text, start, opens_line, lexicon) {
                self.add_names(doc, lexicon, names_at, opens_line);
            }
        }
        // "(Jane Roe/Canadian Press)": a name before a slash
        for at in memchr::memchr_iter(b'/', text.as_bytes()) {
            // a capitalised word right after, a letter right before: most slashes (URLs, dates) stop here
            let next_capital = text.as_bytes().get(at + 1).is_some_and(|b| b.is_ascii_uppercase() || *b >= 0x80);
            if !next_capital || !text[..at].ends_with(char::is_alphabetic) {
                continue;
            }
            let Some(start) = name_start_before(text, at) else { continue };
            let opens = text[..start].ends_with('(') || text[..start].ends_with(": ") || line_opens(text, start);
            if !opens {
                continue;
            }
            let Some(name) = self.names.at(text, start, lexicon).filter(|n| n.end == at) else { continue };
            if NameShape::tokens(name.text(text)) < 2 || !text[at + 1..].starts_with(char::is_uppercase) {
                continue;
            }
            let org = organization_after(doc, at);
            add_credit(doc, name, org);
        }
    }
}

impl Credits {
    /// The names after a credit's introducers at `pos` ("Sam Poe and Ann Lee"), each a credit, and the
    /// organization after them.
    fn add_names(&self, doc: &mut DocBuilder<'_>, lexicon: &Lexicon, mut pos: usize, byline: bool) {
        let text = doc.text;
        let mut names = Vec::new();
        while let Some(name) = self.names.at(text, pos, lexicon) {
            if NameShape::tokens(name.text(text)) < 2 {
                break;
            }
            names.push(name);
            // "Peter Eisler in Orlando, Patricia Zengerle": a place after a name, and the names go on
            let after = name.end + place_after(&text[name.end..]);
            let rest = &text[after..];
            let joint = [", and ", " and ", ", ", " & "].into_iter().find(|j| rest.starts_with(j));
            match joint {
                Some(j) if rest[j.len()..].starts_with(char::is_uppercase) => pos = after + j.len(),
                _ => break,
            }
        }
        let Some(last) = names.last().copied() else { return };
        // the organization: after a slash, a comma or a bar ("By Sam Poe, Reuters")
        let rest = &text[last.end..];
        let (org, ends_line) = {
            let sep = [", ", "/", " | ", " - "].into_iter().find(|s| rest.starts_with(s));
            let org = sep.and_then(|s| organization_after(doc, last.end + s.len() - 1));
            let line_end = rest.find('\n').unwrap_or(rest.len());
            let tail = rest[..line_end].trim();
            let short_tail = tail.is_empty() || (org.is_some() && tail.split_whitespace().count() <= 6);
            (org, short_tail)
        };
        // a one-word byline ("By Sam Poe") is the whole line: "By Sam Poe's account, ..." is no byline
        if byline && !ends_line {
            return;
        }
        for name in names {
            add_credit(doc, name, org.clone());
        }
    }
}

/// Adds the credited person at `name`, unless another mention stands there.
fn add_credit(doc: &mut DocBuilder<'_>, name: Span, org: Option<String>) {
    if doc.overlapping(name).next().is_some() {
        return;
    }
    let name_text = name.text(doc.text).split_whitespace().collect::<Vec<_>>().join(" ");
    let entity = rule_person(name_text, org.unwrap_or_default(), String::new(), SUBTYPE, Origin::Rule(SOURCE));
    let e = doc.entity(&std::sync::Arc::new(entity));
    doc.add(name, e, Form::Name, Origin::Rule(SOURCE));
}

/// The organization named right after byte `sep` (a slash or separator's last byte): an organization mention
/// starting there, else the capitalised words up to a parenthesis, slash or the line's end ("Canadian Press").
fn organization_after(doc: &DocBuilder<'_>, sep: usize) -> Option<String> {
    let text = doc.text;
    let from = sep + 1;
    let from = from + (text[from..].len() - text[from..].trim_start_matches(' ').len());
    if let Some(m) = doc.starting_at(from).filter(|m| m.mention_type == MentionType::Organization) {
        return Some(doc.entity_of(m).name.clone());
    }
    let rest = &text[from..];
    let end = rest.find([')', '/', '\n', ';']).unwrap_or(rest.len());
    let words = rest[..end].trim().trim_end_matches('.');
    let capitalised = !words.is_empty()
        && words.split_whitespace().count() <= 4
        && words.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    capitalised.then(|| words.to_owned())
}

/// Where the names start after the run of introducers at `start` ("Reporting by ", "Photo: "), when that run is
/// a credit's: two words or more, or one that ends in a colon or opens a line.
fn after_introducers(text: &str, start: usize, opens_line: bool, lexicon: &Lexicon) -> Option<usize> {
    let mut pos = start;
    let mut words = 0;
    let mut colon = false;
    loop {
        let word = first_word(&text[pos..]);
        if word.is_empty() || !lexicon.is(word, WordKind::CreditIntroducer) {
            break;
        }
        words += 1;
        pos += word.len();
        if text[pos..].starts_with(':') {
            colon = true;
            pos += 1;
        }
        let spaces = text[pos..].len() - text[pos..].trim_start_matches(' ').len();
        if spaces == 0 {
            return None;
        }
        pos += spaces;
        if colon {
            break;
        }
    }
    (words >= 2 || colon || (words == 1 && opens_line)).then_some(pos)
}

/// The length of " in Orlando" (capitalised words after " in ") at the start of `rest`, else 0.
fn place_after(rest: &str) -> usize {
    let Some(place) = rest.strip_prefix(" in ") else { return 0 };
    let mut len = 0;
    for word in place.split(' ') {
        let letters = word.trim_end_matches([',', ';', '.', ')']);
        if !letters.starts_with(char::is_uppercase) || letters.is_empty() {
            break;
        }
        len += letters.len() + 1;
        if letters.len() != word.len() {
            break;
        }
    }
    if len == 0 { 0 } else { " in ".len() + len - 1 }
}

/// The leading letters of `s`.
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

/// The start of the word of letters ending at byte `end`, if any.
fn word_before(text: &str, end: usize) -> Option<usize> {
    let before = &text[..end];
    let start = before.char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
    (start < end).then_some(start)
}

/// The start of a name of two or three words ending at byte `end` (right before a slash): the first word after
/// a parenthesis, a colon's space or the line's start.
fn name_start_before(text: &str, end: usize) -> Option<usize> {
    // a name of three words is short: look back at most 80 bytes
    let mut window = end.saturating_sub(80);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let line_start = text[window..end].rfind('\n').map_or(window, |i| window + i + 1);
    let from = text[line_start..end].rfind(['(', ':']).map_or(line_start, |i| line_start + i + 1);
    let start = from + (text[from..end].len() - text[from..end].trim_start().len());
    let words = text[start..end].split(' ').count();
    ((2..=3).contains(&words) && text[start..end].starts_with(char::is_uppercase)).then_some(start)
}

/// True when `pos` opens its line (spaces aside).
fn line_opens(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
}
