//! Scoring quotations and speakers against PolNeAR-style brat gold, as the reference scorer
//! (`shared/eval/score_quotes.py`) does, so that both agree.
//!
//! **Gold direct quotes** are derived from the Content spans of the gold attributions: every double-quoted span
//! of a paragraph (the pairing rules of [`crate::quote`]'s mark finder: curly, straight and `''` marks, per
//! line), normalised (white space, quotation marks and `. , ; : ! ? … — – -` stripped from both ends) and cut
//! at line breaks, is a gold quote when at least half of it lies inside an attribution's Content; the
//! innermost such attribution (smallest Content) gives the speaker (its Source). The lexicographically first
//! `.ann` file of an article is its gold; a Source that is just a reporting verb with a Cue that is not is
//! swapped back. Predictions are normalised and cut at line breaks the same way.
//!
//! **Metrics** (one-to-one maximum matching per document): (a) detection with at least 50% overlap of the
//! longer span, (b) exact detection, (c) attribution: (a) and the predicted speaker span overlaps the gold
//! Source, (d) attribution by name: (a) and the speaker strings share a capitalised non-stop word; (e) speaker
//! accuracy among detected quotes; recall per source kind (pronoun, name, nominal, none) and quote length.
//! All offsets are code points.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::quote::marks::quotation_spans;
use crate::span::CharOffsets;

/// A predicted quotation, offsets in code points of the article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PredictedQuote {
    /// Article stem (file name without `.txt`).
    pub doc: String,
    /// Start of the quotation.
    pub quote_start: usize,
    /// End of the quotation (exclusive).
    pub quote_end: usize,
    /// Speaker name or mention text ("" when none).
    pub speaker: String,
    /// Start of the words naming the speaker.
    pub speaker_start: Option<usize>,
    /// End of those words.
    pub speaker_end: Option<usize>,
    /// The cue ("" when none).
    pub cue: String,
}

/// A gold speaker: its text and fragments (code points).
#[derive(Clone, Debug, PartialEq, Eq)]
struct GoldSpeaker {
    text: String,
    frags: Vec<(usize, usize)>,
}

/// One gold quote.
#[derive(Clone, Debug)]
struct GoldQuote {
    start: usize,
    end: usize,
    speakers: Vec<Option<GoldSpeaker>>,
    cues: Vec<String>,
    group: &'static str,
    words: usize,
}

/// The gold of a folder: article texts and their gold quotes.
pub struct Gold {
    /// Article stem -> text, for every `text/*.txt` (the extractor runs on these).
    pub texts: BTreeMap<String, String>,
    quotes: BTreeMap<String, Vec<GoldQuote>>,
    docs_without_annotations: Vec<String>,
}

const DOUBLE_OPEN: &str = "\u{201c}\u{201e}\u{ab}";
const DOUBLE_CLOSE: &str = "\u{201d}\u{201f}\u{bb}";
const EDGE_PUNCT: &str = ".,;:!?\u{2026}\u{2014}\u{2013}-";
const SINGLE_MARKS: &str = "\u{2018}\u{2019}\u{201a}\u{201b}'`\u{2039}\u{203a}";

fn is_strip_char(c: char) -> bool {
    c.is_whitespace()
        || c == '"'
        || DOUBLE_OPEN.contains(c)
        || DOUBLE_CLOSE.contains(c)
        || SINGLE_MARKS.contains(c)
        || EDGE_PUNCT.contains(c)
}

fn is_quote_char(c: char) -> bool {
    c == '"' || DOUBLE_OPEN.contains(c) || DOUBLE_CLOSE.contains(c) || SINGLE_MARKS.contains(c)
}

const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "ours",
    "you",
    "your",
    "yours",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "they",
    "them",
    "their",
    "theirs",
    "it",
    "its",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "himself",
    "herself",
    "themselves",
    "itself",
    "myself",
    "ourselves",
    "yourself",
    "one",
    "and",
    "or",
    "both",
];
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "for",
    "in",
    "on",
    "at",
    "to",
    "by",
    "with",
    "from",
    "as",
    "some",
    "many",
    "several",
    "all",
    "any",
    "each",
    "other",
    "another",
    "most",
    "few",
    "more",
    "both",
    "no",
    "not",
    "also",
    "even",
    "then",
    "but",
    "according",
    "says",
    "said",
];
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "gen",
    "general",
    "lt",
    "col",
    "adm",
    "judge",
    "justice",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "leader",
    "mayor",
    "prof",
    "professor",
    "rev",
    "sir",
    "lord",
    "lady",
    "jr",
    "sr",
    "former",
    "candidate",
    "nominee",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "minister",
    "ambassador",
    "attorney",
    "official",
    "officials",
    "executive",
    "presidential",
    "majority",
    "minority",
    "sgt",
    "capt",
    "st",
];
const GENERIC_CAPS: &[&str] = &[
    "u.s",
    "us",
    "u.s.",
    "american",
    "americans",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "gop",
    "state",
    "states",
    "department",
    "party",
    "committee",
    "national",
    "new",
    "q",
];
const GROUP_WORDS: &[&str] =
    &["u.s", "us", "american", "americans", "republican", "republicans", "democrat", "democrats", "democratic", "gop"];
const CUE_WORDS: &[&str] =
    &["said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote", "writes", "according to"];

fn stop_for_names(w: &str) -> bool {
    PRONOUNS.contains(&w) || FUNCTION_WORDS.contains(&w) || TITLES.contains(&w) || GENERIC_CAPS.contains(&w)
}

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[^\W_]+(?:[.'\x{2019}\-][^\W_]+)*\.?").expect("token regex"))
}

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[^\W_]+(?:['\x{2019}\-][^\W_]+)*").expect("word regex"))
}

/// A text as code points, with slicing by code-point offsets.
struct Chars {
    chars: Vec<char>,
}

impl Chars {
    fn new(text: &str) -> Chars {
        Chars { chars: text.chars().collect() }
    }

    fn slice(&self, s: usize, e: usize) -> String {
        self.chars[s.min(self.chars.len())..e.min(self.chars.len())].iter().collect()
    }

    /// Strip white space, quotation marks and edge punctuation from both ends.
    fn normalise(&self, mut s: usize, mut e: usize) -> (usize, usize) {
        while s < e && is_strip_char(self.chars[s]) {
            s += 1;
        }
        while e > s && is_strip_char(self.chars[e - 1]) {
            e -= 1;
        }
        (s, e)
    }

    /// Normalised, non-empty pieces of `[s, e)` cut at line breaks.
    fn pieces(&self, s: usize, e: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = s;
        while start < e {
            let nl = (start..e).find(|&i| self.chars[i] == '\n');
            let end = nl.unwrap_or(e);
            let (ns, ne) = self.normalise(start, end);
            if ne > ns {
                out.push((ns, ne));
            }
            match nl {
                Some(n) => start = n + 1,
                None => break,
            }
        }
        out
    }

    fn sentence_initial(&self, i: usize) -> bool {
        let mut j = i as isize - 1;
        while j >= 0 {
            let c = self.chars[j as usize];
            if matches!(c, ' ' | '\t' | '\u{a0}' | '(') || is_quote_char(c) {
                j -= 1;
            } else {
                break;
            }
        }
        j < 0 || "\n.!?:;\u{2014}\u{2013}-".contains(self.chars[j as usize])
    }
}

fn overlap(a0: usize, a1: usize, b0: usize, b1: usize) -> usize {
    a1.min(b1).saturating_sub(a0.max(b0))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn frag_text(text: &Chars, frags: &[(usize, usize)]) -> String {
    frags.iter().map(|&(s, e)| text.slice(s, e)).collect::<Vec<_>>().join(" ")
}

fn is_pronoun_source(src: &str) -> bool {
    let words: Vec<String> = word_re().find_iter(src).map(|m| m.as_str().to_lowercase()).collect();
    !words.is_empty() && words.iter().all(|w| PRONOUNS.contains(&w.as_str()))
}

fn name_tokens(s: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for m in token_re().find_iter(s) {
        let tok = m.as_str();
        if !tok.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let lower = tok.to_lowercase();
        let key = lower.trim_end_matches('.').to_owned();
        if stop_for_names(&key) || stop_for_names(&lower) || key.chars().count() == 1 {
            continue;
        }
        out.insert(key);
    }
    out
}

fn content_words(s: &str) -> HashSet<String> {
    word_re()
        .find_iter(s)
        .map(|m| m.as_str().to_lowercase())
        .filter(|w| !PRONOUNS.contains(&w.as_str()) && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

fn speaker_name_ok(pred: &str, gold: Option<&str>) -> bool {
    let Some(gold) = gold else { return pred.trim().is_empty() };
    let g = name_tokens(gold);
    if !g.is_empty() {
        return !g.is_disjoint(&name_tokens(pred));
    }
    if is_pronoun_source(gold) {
        return squash(pred) == squash(gold);
    }
    let gw = content_words(gold);
    if !gw.is_empty() {
        return !gw.is_disjoint(&content_words(pred));
    }
    squash(pred) == squash(gold)
}

/// Capitalised and lower-case counts of each word over all texts.
type Vocabulary = (HashMap<String, usize>, HashMap<String, usize>);

fn vocabulary<'a>(texts: impl Iterator<Item = &'a String>) -> Vocabulary {
    let mut caps = HashMap::new();
    let mut low = HashMap::new();
    for t in texts {
        for m in word_re().find_iter(t) {
            let w = m.as_str();
            let first = w.chars().next().unwrap_or(' ');
            if first.is_uppercase() {
                *caps.entry(w.to_lowercase()).or_insert(0) += 1;
            } else if first.is_lowercase() {
                *low.entry(w.to_lowercase()).or_insert(0) += 1;
            }
        }
    }
    (caps, low)
}

fn source_type(text: &Chars, frags: &[(usize, usize)], vocab: &Vocabulary) -> &'static str {
    if frags.is_empty() {
        return "none";
    }
    if is_pronoun_source(&frag_text(text, frags)) {
        return "pronoun";
    }
    for &(fs, fe) in frags {
        let piece = text.slice(fs, fe);
        let offsets: Vec<usize> = piece.char_indices().map(|(i, _)| i).collect();
        for m in token_re().find_iter(&piece) {
            let tok = m.as_str();
            if !tok.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let lower = tok.to_lowercase();
            let key = lower.trim_end_matches('.');
            let skip = PRONOUNS.contains(&key)
                || FUNCTION_WORDS.contains(&key)
                || TITLES.contains(&key)
                || GROUP_WORDS.contains(&key)
                || key.chars().count() == 1;
            if skip {
                continue;
            }
            let start = fs + offsets.partition_point(|&b| b < m.start());
            if !text.sentence_initial(start) {
                return "name";
            }
            let w = word_re().find(key).map_or(key, |m| m.as_str());
            if vocab.0.get(w).copied().unwrap_or(0) >= vocab.1.get(w).copied().unwrap_or(0) {
                return "name";
            }
        }
    }
    "nominal"
}

/// One attribution of a brat file.
struct Attribution {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    cue: Vec<(usize, usize)>,
}

fn parse_ann(path: &Path) -> Result<Vec<Attribution>> {
    static T_RE: OnceLock<Regex> = OnceLock::new();
    let t_re = T_RE.get_or_init(|| Regex::new(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t").expect("T regex"));
    let raw = std::fs::read_to_string(path).map_err(|e| Error::eval_io(path, e))?;
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in raw.split('\n') {
        if let Some(c) = t_re.captures(line) {
            let frags = c[3]
                .split(';')
                .filter_map(|fr| {
                    let mut it = fr.split(' ').map(|x| x.parse::<usize>());
                    match (it.next(), it.next()) {
                        (Some(Ok(s)), Some(Ok(e))) => Some((s, e)),
                        _ => None,
                    }
                })
                .collect();
            spans.insert(c.get(1).map_or("", |m| m.as_str()), frags);
        } else if line.starts_with('E')
            && line.split('\t').next().is_some_and(|id| id[1..].chars().all(|c| c.is_ascii_digit()))
        {
            let rest = line.split_once('\t').map_or("", |(_, r)| r);
            events.push(rest.split_whitespace().filter_map(|kv| kv.split_once(':')).collect());
        }
    }
    let mut out = Vec::new();
    for roles in events {
        if !roles.iter().any(|(r, _)| r.starts_with("Attribution")) {
            continue;
        }
        let frags_of = |prefix: &str| {
            let mut v: Vec<(usize, usize)> = roles
                .iter()
                .filter(|(r, _)| r.strip_prefix(prefix).is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit())))
                .filter_map(|(_, t)| spans.get(t))
                .flatten()
                .copied()
                .collect();
            v.sort_unstable();
            v
        };
        let mut content: Vec<(usize, usize)> = Vec::new();
        for (s, e) in frags_of("Content") {
            match content.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => content.push((s, e)),
            }
        }
        out.push(Attribution { content, source: frags_of("Source"), cue: frags_of("Cue") });
    }
    Ok(out)
}

/// Double-quoted spans of a text, in code points: (inner start, inner end).
fn double_quotes(text: &str) -> Vec<(usize, usize)> {
    let offsets = CharOffsets::new(text);
    let lines: Vec<crate::span::Span> = crate::text::segment::lines(text).collect();
    let mut out: Vec<(usize, usize)> = quotation_spans(text, &lines)
        .iter()
        .map(|m| (offsets.char_offset(m.inner.start), offsets.char_offset(m.inner.end)))
        .collect();
    out.sort_unstable();
    out
}

/// Loads `DIR/text/*.txt` and `DIR/attributions/*.ann`.
pub fn load_gold(dir: &Path) -> Result<Gold> {
    let text_dir = dir.join("text");
    let attr_dir = dir.join("attributions");
    if !text_dir.is_dir() || !attr_dir.is_dir() {
        return Err(Error::new(ErrorKind::Eval("expected subfolders text/ and attributions/".into())).in_file(dir));
    }
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(&text_dir).map_err(|e| Error::eval_io(&text_dir, e))? {
        let path = entry.map_err(|e| Error::eval_io(&text_dir, e))?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(&path).map_err(|e| Error::eval_io(&path, e))?;
            let text =
                String::from_utf8(bytes).map_err(|_| Error::new(ErrorKind::Eval("not UTF-8".into())).in_file(&path))?;
            texts.insert(stem, text);
        }
    }
    if texts.is_empty() {
        return Err(Error::new(ErrorKind::Eval("no .txt files".into())).in_file(&text_dir));
    }
    let mut anns: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(&attr_dir).map_err(|e| Error::eval_io(&attr_dir, e))? {
        let name = entry.map_err(|e| Error::eval_io(&attr_dir, e))?.file_name().to_string_lossy().into_owned();
        if let Some(base) = name.strip_suffix(".ann") {
            let stem = base.rsplit_once('_').map_or(base, |(s, _)| s).to_owned();
            anns.entry(stem).or_default().push(name);
        }
    }
    let vocab = vocabulary(texts.values());
    let mut quotes = BTreeMap::new();
    let mut docs_without_annotations = Vec::new();
    for (doc, text) in &texts {
        let Some(names) = anns.get_mut(doc) else {
            docs_without_annotations.push(doc.clone());
            quotes.insert(doc.clone(), Vec::new());
            continue;
        };
        names.sort();
        let mut attrs = parse_ann(&attr_dir.join(&names[0]))?;
        let chars = Chars::new(text);
        for a in &mut attrs {
            let is_cue = |frags: &[(usize, usize)]| CUE_WORDS.contains(&squash(&frag_text(&chars, frags)).as_str());
            if !a.source.is_empty() && !a.cue.is_empty() && is_cue(&a.source) && !is_cue(&a.cue) {
                std::mem::swap(&mut a.source, &mut a.cue);
            }
        }
        let content_len: Vec<usize> = attrs.iter().map(|a| a.content.iter().map(|(s, e)| e - s).sum()).collect();
        let mut units: Vec<GoldQuote> = Vec::new();
        let mut seen: HashSet<(usize, usize)> = HashSet::new();
        for (qs, qe) in double_quotes(text) {
            for (ns, ne) in chars.pieces(qs, qe) {
                let len = ne - ns;
                let qualifying: Vec<usize> = (0..attrs.len())
                    .filter(|&ai| {
                        attrs[ai].content.iter().map(|&(s, e)| overlap(ns, ne, s, e)).sum::<usize>() * 2 >= len
                    })
                    .collect();
                let Some(inner) = qualifying.iter().map(|&ai| content_len[ai]).min() else { continue };
                if !seen.insert((ns, ne)) {
                    continue;
                }
                let mut speakers: Vec<Option<GoldSpeaker>> = Vec::new();
                let mut cues: Vec<String> = Vec::new();
                for &ai in qualifying.iter().filter(|&&ai| content_len[ai] == inner) {
                    let a = &attrs[ai];
                    let sp = (!a.source.is_empty())
                        .then(|| GoldSpeaker { text: frag_text(&chars, &a.source), frags: a.source.clone() });
                    if !speakers.contains(&sp) {
                        speakers.push(sp);
                    }
                    let ct = if a.cue.is_empty() { String::new() } else { frag_text(&chars, &a.cue) };
                    if !cues.contains(&ct) {
                        cues.push(ct);
                    }
                }
                let group = match &speakers[0] {
                    Some(sp) => source_type(&chars, &sp.frags, &vocab),
                    None => "none",
                };
                let words = word_re().find_iter(&chars.slice(ns, ne)).count();
                units.push(GoldQuote { start: ns, end: ne, speakers, cues, group, words });
            }
        }
        units.sort_by_key(|u| (u.start, u.end));
        quotes.insert(doc.clone(), units);
    }
    Ok(Gold { texts, quotes, docs_without_annotations })
}

/// Precision, recall and F1 of one metric.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub r#fn: usize,
    /// Precision (0 to 1).
    pub precision: f64,
    /// Recall (0 to 1).
    pub recall: f64,
    /// F1 (0 to 1).
    pub f1: f64,
}

impl Prf {
    /// The scores of `tp` true positives among `n_pred` predictions and `n_gold` gold items.
    pub fn new(tp: usize, n_pred: usize, n_gold: usize) -> Prf {
        let p = if n_pred > 0 { tp as f64 / n_pred as f64 } else { 0.0 };
        let r = if n_gold > 0 { tp as f64 / n_gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf { tp, fp: n_pred - tp, r#fn: n_gold - tp, precision: p, recall: r, f1: f }
    }
}

/// Speaker accuracy among detected quotes.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Accuracy {
    /// c.tp / a.tp.
    pub speaker_span_accuracy: f64,
    /// d.tp / a.tp.
    pub speaker_name_accuracy: f64,
}

/// Recall for one kind of gold source.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct GroupRecall {
    /// Gold quotes of this kind.
    pub gold: usize,
    /// Their share of all gold quotes.
    pub share: f64,
    /// Detection recall (metric a).
    pub detection_recall: f64,
    /// Attribution recall (metric c).
    pub attribution_recall: f64,
    /// Attribution-by-name recall (metric d).
    pub name_attribution_recall: f64,
}

/// Recall for gold quotes of one length.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct LengthRecall {
    /// Gold quotes of this length.
    pub gold: usize,
    /// Detection recall.
    pub detection_recall: f64,
    /// Attribution recall.
    pub attribution_recall: f64,
}

/// All the numbers, with the JSON keys of the reference scorer.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteReport {
    /// Detection, lenient.
    pub a: Prf,
    /// Detection, exact.
    pub b: Prf,
    /// Attribution (quote and speaker span).
    pub c: Prf,
    /// Attribution by name.
    pub d: Prf,
    /// Speaker accuracy among detected quotes.
    pub e: Accuracy,
    /// Share of detected quotes whose cue shares a word with the gold cue.
    pub cue_agreement_among_detected: f64,
    /// Number of gold quotes.
    pub gold_quotes: usize,
    /// Number of predicted quote pieces.
    pub predicted_pieces: usize,
    /// Recall per gold source kind.
    pub by_source_type: BTreeMap<String, GroupRecall>,
    /// Recall per gold quote length.
    pub by_quote_length: BTreeMap<String, LengthRecall>,
    /// Documents scored.
    pub docs: usize,
    /// Documents without any .ann file (no gold quotes).
    pub docs_without_annotations: Vec<String>,
}

struct Piece<'p> {
    start: usize,
    end: usize,
    degenerate: bool,
    pred: &'p PredictedQuote,
}

/// Kuhn's maximum bipartite matching: gold index -> prediction index, in the reference's visiting order.
fn max_matching(n_pred: usize, edges: &BTreeMap<usize, Vec<usize>>) -> HashMap<usize, usize> {
    fn try_assign(
        pi: usize,
        edges: &BTreeMap<usize, Vec<usize>>,
        seen: &mut HashSet<usize>,
        m: &mut HashMap<usize, usize>,
    ) -> bool {
        for &gi in edges.get(&pi).map_or(&[][..], |v| &v[..]) {
            if !seen.insert(gi) {
                continue;
            }
            let free = match m.get(&gi) {
                None => true,
                Some(&other) => try_assign(other, edges, seen, m),
            };
            if free {
                m.insert(gi, pi);
                return true;
            }
        }
        false
    }
    let mut matched = HashMap::new();
    for pi in 0..n_pred {
        if edges.contains_key(&pi) {
            try_assign(pi, edges, &mut HashSet::new(), &mut matched);
        }
    }
    matched
}

/// Scores predictions (for any documents; those not in the gold are ignored).
pub fn score_quotes(gold: &Gold, preds: &[PredictedQuote]) -> QuoteReport {
    let mut by_doc: HashMap<&str, Vec<&PredictedQuote>> = HashMap::new();
    for p in preds {
        by_doc.entry(p.doc.as_str()).or_default().push(p);
    }
    let (mut tp, mut n_gold, mut n_pred, mut cue_agree) = ([0usize; 4], 0, 0, 0);
    let groups = ["pronoun", "name", "nominal", "none"];
    let mut group_counts: HashMap<&str, [usize; 4]> = groups.iter().map(|g| (*g, [0; 4])).collect();
    let mut length_counts: BTreeMap<&str, [usize; 3]> = [("1-2 words", [0; 3]), ("3+ words", [0; 3])].into();
    for (doc, gq) in &gold.quotes {
        let chars = Chars::new(&gold.texts[doc]);
        let mut pieces: Vec<Piece<'_>> = Vec::new();
        for p in by_doc.get(doc.as_str()).map_or(&[][..], |v| &v[..]) {
            let ps = chars.pieces(p.quote_start, p.quote_end.max(p.quote_start));
            if ps.is_empty() {
                pieces.push(Piece { start: p.quote_start, end: p.quote_start, degenerate: true, pred: p });
            }
            for (s, e) in ps {
                pieces.push(Piece { start: s, end: e, degenerate: false, pred: p });
            }
        }
        n_gold += gq.len();
        n_pred += pieces.len();
        let mut edges: [BTreeMap<usize, Vec<usize>>; 4] = Default::default();
        for (pi, p) in pieces.iter().enumerate() {
            for (gi, g) in gq.iter().enumerate() {
                let lenient = !p.degenerate
                    && overlap(p.start, p.end, g.start, g.end) * 2 >= (p.end - p.start).max(g.end - g.start);
                if lenient {
                    edges[0].entry(pi).or_default().push(gi);
                    if speaker_span_ok(p.pred, g) {
                        edges[2].entry(pi).or_default().push(gi);
                    }
                    if g.speakers
                        .iter()
                        .any(|sp| speaker_name_ok(&p.pred.speaker, sp.as_ref().map(|s| s.text.as_str())))
                    {
                        edges[3].entry(pi).or_default().push(gi);
                    }
                }
                if !p.degenerate && p.start == g.start && p.end == g.end {
                    edges[1].entry(pi).or_default().push(gi);
                }
            }
        }
        let matched: Vec<HashMap<usize, usize>> = edges.iter().map(|e| max_matching(pieces.len(), e)).collect();
        for k in 0..4 {
            tp[k] += matched[k].len();
        }
        cue_agree += matched[0].iter().filter(|&(&gi, &pi)| cue_ok(&pieces[pi].pred.cue, &gq[gi].cues)).count();
        for (gi, g) in gq.iter().enumerate() {
            let counts = group_counts.get_mut(g.group).expect("known group");
            let length = length_counts.get_mut(if g.words <= 2 { "1-2 words" } else { "3+ words" }).expect("bucket");
            counts[0] += 1;
            length[0] += 1;
            for (slot, k) in [(1, 0), (2, 2), (3, 3)] {
                if matched[k].contains_key(&gi) {
                    counts[slot] += 1;
                }
            }
            length[1] += usize::from(matched[0].contains_key(&gi));
            length[2] += usize::from(matched[2].contains_key(&gi));
        }
    }
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    QuoteReport {
        a: Prf::new(tp[0], n_pred, n_gold),
        b: Prf::new(tp[1], n_pred, n_gold),
        c: Prf::new(tp[2], n_pred, n_gold),
        d: Prf::new(tp[3], n_pred, n_gold),
        e: Accuracy { speaker_span_accuracy: ratio(tp[2], tp[0]), speaker_name_accuracy: ratio(tp[3], tp[0]) },
        cue_agreement_among_detected: ratio(cue_agree, tp[0]),
        gold_quotes: n_gold,
        predicted_pieces: n_pred,
        by_source_type: groups
            .iter()
            .map(|g| {
                let c = group_counts[g];
                let r = GroupRecall {
                    gold: c[0],
                    share: ratio(c[0], n_gold),
                    detection_recall: ratio(c[1], c[0]),
                    attribution_recall: ratio(c[2], c[0]),
                    name_attribution_recall: ratio(c[3], c[0]),
                };
                ((*g).to_owned(), r)
            })
            .collect(),
        by_quote_length: length_counts
            .iter()
            .map(|(b, c)| {
                let r = LengthRecall {
                    gold: c[0],
                    detection_recall: ratio(c[1], c[0]),
                    attribution_recall: ratio(c[2], c[0]),
                };
                ((*b).to_owned(), r)
            })
            .collect(),
        docs: gold.quotes.len(),
        docs_without_annotations: gold.docs_without_annotations.clone(),
    }
}

fn speaker_span_ok(p: &PredictedQuote, g: &GoldQuote) -> bool {
    g.speakers.iter().any(|sp| match sp {
        None => p.speaker_start.is_none() && p.speaker.trim().is_empty(),
        Some(sp) => match (p.speaker_start, p.speaker_end) {
            (Some(ps), Some(pe)) => {
                sp.frags.iter().any(|&(s, e)| overlap(ps, pe, s, e) > 0 || (ps == pe && s <= ps && ps < e))
            }
            _ => false,
        },
    })
}

fn cue_ok(pred_cue: &str, gold_cues: &[String]) -> bool {
    let pw: HashSet<String> = word_re().find_iter(pred_cue).map(|m| m.as_str().to_lowercase()).collect();
    gold_cues.iter().any(|c| {
        let gw: HashSet<String> = word_re().find_iter(c).map(|m| m.as_str().to_lowercase()).collect();
        !pw.is_disjoint(&gw) || squash(pred_cue) == squash(c)
    })
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} docs, {} gold quotes, {} predicted pieces",
            self.docs, self.gold_quotes, self.predicted_pieces
        )?;
        writeln!(f, "{:<40} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}", "metric", "tp", "fp", "fn", "P", "R", "F1")?;
        for (name, m) in [
            ("a. detection, lenient (>=50% overlap)", &self.a),
            ("b. detection, exact", &self.b),
            ("c. attribution (quote + speaker span)", &self.c),
            ("d. attribution by name (relaxed)", &self.d),
        ] {
            writeln!(
                f,
                "{name:<40} {:>6} {:>6} {:>6} {:>6.1}% {:>6.1}% {:>6.1}%",
                m.tp,
                m.fp,
                m.r#fn,
                100.0 * m.precision,
                100.0 * m.recall,
                100.0 * m.f1
            )?;
        }
        writeln!(
            f,
            "e. speaker accuracy among detected quotes: span {:.1}%, name {:.1}%; cue agreement {:.1}%",
            100.0 * self.e.speaker_span_accuracy,
            100.0 * self.e.speaker_name_accuracy,
            100.0 * self.cue_agreement_among_detected
        )?;
        writeln!(
            f,
            "\n{:<18} {:>6} {:>7} {:>7} {:>7} {:>7}",
            "gold source type", "gold", "share", "det R", "attr R", "name R"
        )?;
        for g in ["pronoun", "name", "nominal", "none"] {
            let c = &self.by_source_type[g];
            writeln!(
                f,
                "{g:<18} {:>6} {:>6.1}% {:>6.1}% {:>6.1}% {:>6.1}%",
                c.gold,
                100.0 * c.share,
                100.0 * c.detection_recall,
                100.0 * c.attribution_recall,
                100.0 * c.name_attribution_recall
            )?;
        }
        writeln!(f, "\n{:<18} {:>6} {:>7} {:>7}", "gold quote length", "gold", "det R", "attr R")?;
        for (b, c) in &self.by_quote_length {
            writeln!(
                f,
                "{b:<18} {:>6} {:>6.1}% {:>6.1}%",
                c.gold,
                100.0 * c.detection_recall,
                100.0 * c.attribution_recall
            )?;
        }
        Ok(())
    }
}
