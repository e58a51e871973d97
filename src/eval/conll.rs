//! Entity evaluation on CoNLL-2003-style files: one token per line with its NER tag in the last column (IOB1 or
//! BIO), a blank line between sentences and `-DOCSTART-` between documents.
//!
//! Each document is rebuilt from its tokens, joined by single spaces, one sentence per line. Gold entities are
//! the tag chunks; predicted entities are whosaid's mentions, typed by [`conll_type`]. A prediction counts when
//! its start and end fall on the same token boundaries as a gold chunk of the same type (exact match).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::extraction::MentionType;
use crate::pipeline::Extractor;

pub use super::quotes::Prf;

/// The CoNLL type a whosaid mention type is scored as: PERSON→PER, COUNTRY and LOCATION→LOC,
/// ORGANIZATION→ORG, DEMONYM→MISC (CoNLL tags nationality words such as "Iranian" MISC).
pub fn conll_type(t: MentionType) -> &'static str {
    match t {
        MentionType::Person => "PER",
        MentionType::Country | MentionType::Location => "LOC",
        MentionType::Organization => "ORG",
        MentionType::Demonym => "MISC",
    }
}

/// One document rebuilt from its tokens, with the gold chunks as byte spans of `text`.
#[derive(Clone, Debug)]
pub struct ConllDoc {
    /// `doc-N`, counting from 1 in file order.
    pub id: String,
    /// The tokens joined by spaces, one sentence per line.
    pub text: String,
    /// Gold entities: (start byte, end byte, CoNLL type).
    pub gold: Vec<(usize, usize, String)>,
}

/// Reads a CoNLL file into documents. Fails naming the file and line on a line without a tag or a tag that is
/// neither `O` nor `B-X`/`I-X`.
pub fn load(path: &Path) -> Result<Vec<ConllDoc>> {
    let bytes = std::fs::read(path).map_err(|e| Error::eval_io(path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    parse(&text).map_err(|e| e.in_file(path))
}

/// Parses CoNLL text (see [`load`]).
pub fn parse(input: &str) -> Result<Vec<ConllDoc>> {
    let mut docs = Vec::new();
    let mut doc = ConllDocBuilder::default();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            doc.end_sentence();
            continue;
        }
        let mut fields = line.split_whitespace();
        let token = fields.next().unwrap_or_default();
        if token == "-DOCSTART-" {
            doc.finish_into(&mut docs);
            continue;
        }
        let tag = fields.next_back().ok_or_else(|| {
            Error::new(ErrorKind::Eval(format!("expected a token and a tag, found {line:?}"))).at_line(n + 1)
        })?;
        let chunk = parse_tag(tag).ok_or_else(|| {
            Error::new(ErrorKind::Eval(format!("unknown tag {tag:?} (expected O, B-X or I-X)"))).at_line(n + 1)
        })?;
        doc.token(token, chunk);
    }
    doc.finish_into(&mut docs);
    Ok(docs)
}

/// `O` gives None inside Some; `B-X` gives (true, X); `I-X` gives (false, X).
fn parse_tag(tag: &str) -> Option<Option<(bool, &str)>> {
    if tag == "O" {
        return Some(None);
    }
    let (prefix, kind) = tag.split_once('-')?;
    match prefix {
        "B" if !kind.is_empty() => Some(Some((true, kind))),
        "I" if !kind.is_empty() => Some(Some((false, kind))),
        _ => None,
    }
}

#[derive(Default)]
struct ConllDocBuilder {
    text: String,
    gold: Vec<(usize, usize, String)>,
    /// The chunk being read: start byte and type.
    open: Option<(usize, String)>,
    at_sentence_start: bool,
}

impl ConllDocBuilder {
    fn token(&mut self, token: &str, chunk: Option<(bool, &str)>) {
        if !self.text.is_empty() && !self.at_sentence_start {
            self.text.push(' ');
        }
        self.at_sentence_start = false;
        let start = self.text.len();
        match chunk {
            None => self.close(),
            // IOB1: I-X continues a chunk of type X and starts one otherwise; B-X always starts one
            Some((begins, kind)) => {
                let continues = !begins && self.open.as_ref().is_some_and(|(_, k)| k == kind);
                if !continues {
                    self.close();
                    self.open = Some((start, kind.to_string()));
                }
            }
        }
        self.text.push_str(token);
    }

    fn close(&mut self) {
        if let Some((start, kind)) = self.open.take() {
            let end = self.text.trim_end().len();
            self.gold.push((start, end, kind));
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        if !self.text.is_empty() && !self.at_sentence_start {
            self.text.push('\n');
            self.at_sentence_start = true;
        }
    }

    fn finish_into(&mut self, docs: &mut Vec<ConllDoc>) {
        self.end_sentence();
        let done = std::mem::take(self);
        if !done.text.is_empty() {
            docs.push(ConllDoc { id: format!("doc-{}", docs.len() + 1), text: done.text, gold: done.gold });
        }
    }
}

/// Scores of one evaluation run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EntityReport {
    /// Documents and gold entities read.
    pub documents: usize,
    /// Gold entities, all types.
    pub gold_entities: usize,
    /// Per CoNLL type (PER, LOC, ORG, MISC), exact match.
    pub by_type: BTreeMap<String, Prf>,
    /// All types together (a match needs the same span and type).
    pub overall: Prf,
    /// Precision of each whosaid mention type against the CoNLL type it maps to.
    pub precision_by_mention_type: BTreeMap<String, Prf>,
    /// The most frequent false positives: (whosaid type, text, count), most frequent first.
    pub top_false_positives: Vec<(String, String, usize)>,
    /// The most frequent missed gold entities: (CoNLL type, text, count).
    pub top_missed: Vec<(String, String, usize)>,
    /// Ids of the documents whose extraction failed (an internal error), scored as if nothing was found; not
    /// part of the figures' JSON.
    #[serde(skip)]
    pub failed_documents: Vec<String>,
}

/// Runs the extractor on every document and scores its mentions.
pub fn evaluate(extractor: &Extractor, docs: &[ConllDoc]) -> EntityReport {
    type Counts = (Vec<(MentionType, String, bool)>, Vec<(String, String, bool)>, bool);
    let per_doc: Vec<Counts> = docs
        .par_iter()
        .map(|d| {
            let document = Document::new(d.id.as_str(), d.text.as_str());
            let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(&document)));
            let failed = extracted.is_err();
            let mentions = extracted.map(|x| x.mentions).unwrap_or_default();
            let gold: HashSet<(usize, usize, &str)> = d.gold.iter().map(|(s, e, k)| (*s, *e, k.as_str())).collect();
            let predicted: HashSet<(usize, usize, &str)> =
                mentions.iter().map(|m| (m.span.start, m.span.end, conll_type(m.mention_type))).collect();
            let preds = mentions
                .iter()
                .map(|m| {
                    let hit = gold.contains(&(m.span.start, m.span.end, conll_type(m.mention_type)));
                    (m.mention_type, d.text[m.span.start..m.span.end].to_string(), hit)
                })
                .collect();
            let golds = d
                .gold
                .iter()
                .map(|(s, e, k)| (k.clone(), d.text[*s..*e].to_string(), predicted.contains(&(*s, *e, k.as_str()))))
                .collect();
            (preds, golds, failed)
        })
        .collect();

    let mut report = EntityReport { documents: docs.len(), ..EntityReport::default() };
    let mut by_type: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut by_mention: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut false_positives: HashMap<(String, String), usize> = HashMap::new();
    let mut missed: HashMap<(String, String), usize> = HashMap::new();
    for ((preds, golds, failed), d) in per_doc.into_iter().zip(docs) {
        if failed {
            report.failed_documents.push(d.id.clone());
        }
        for (t, text, hit) in preds {
            let counts = by_type.entry(conll_type(t).to_string()).or_default();
            counts.1 += 1;
            counts.0 += usize::from(hit);
            let m = by_mention.entry(t.as_str().to_string()).or_default();
            m.1 += 1;
            m.0 += usize::from(hit);
            if !hit {
                *false_positives.entry((t.as_str().to_string(), text)).or_default() += 1;
            }
        }
        for (k, text, found) in golds {
            report.gold_entities += 1;
            by_type.entry(k.clone()).or_default().2 += 1;
            if !found {
                *missed.entry((k, text)).or_default() += 1;
            }
        }
    }
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for (k, (t, p, g)) in by_type {
        report.by_type.insert(k, Prf::new(t, p, g));
        (tp, pred, gold) = (tp + t, pred + p, gold + g);
    }
    report.overall = Prf::new(tp, pred, gold);
    for (k, (t, p)) in by_mention {
        report.precision_by_mention_type.insert(k, Prf::new(t, p, t));
    }
    report.top_false_positives = most_frequent(false_positives, 30);
    report.top_missed = most_frequent(missed, 30);
    report
}

fn most_frequent(counts: HashMap<(String, String), usize>, n: usize) -> Vec<(String, String, usize)> {
    let mut v: Vec<_> = counts.into_iter().map(|((k, t), c)| (k, t, c)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    v.truncate(n);
    v
}

impl fmt::Display for EntityReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents: {}   gold entities: {}", self.documents, self.gold_entities)?;
        writeln!(f, "{:<8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}", "type", "P", "R", "F1", "tp", "fp", "fn")?;
        let rows = self.by_type.iter().map(|(k, p)| (k.as_str(), p)).chain([("overall", &self.overall)]);
        for (k, p) in rows {
            writeln!(
                f,
                "{:<8} {:>7.1} {:>7.1} {:>7.1} {:>7} {:>7} {:>7}",
                k,
                100.0 * p.precision,
                100.0 * p.recall,
                100.0 * p.f1,
                p.tp,
                p.fp,
                p.r#fn
            )?;
        }
        writeln!(f, "\nprecision by whosaid mention type (scored as {{PER, LOC, ORG, MISC}}):")?;
        for (k, p) in &self.precision_by_mention_type {
            writeln!(f, "  {:<13} {:>5.1}  ({} of {})", k, 100.0 * p.precision, p.tp, p.tp + p.fp)?;
        }
        writeln!(f, "\nmost frequent false positives:")?;
        for (k, t, n) in self.top_false_positives.iter().take(15) {
            writeln!(f, "  {n:>5}  {k:<13} {t}")?;
        }
        writeln!(f, "\nmost frequent missed entities:")?;
        for (k, t, n) in self.top_missed.iter().take(15) {
            writeln!(f, "  {n:>5}  {k:<5} {t}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_chunks_and_document_rebuild() {
        let input = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n\
                     \nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nB-X x x B-PER\n\n-DOCSTART- -X- O O\n\n\
                     Iran NNP I-NP I-LOC\nIraq NNP I-NP B-LOC\n";
        let docs = parse(input).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "EU rejects German call\nPeter Blackburn B-X\n");
        let chunks: Vec<_> = docs[0].gold.iter().map(|(s, e, k)| (&docs[0].text[*s..*e], k.as_str())).collect();
        assert_eq!(chunks, [("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER"), ("B-X", "PER")]);
        let chunks: Vec<_> = docs[1].gold.iter().map(|(s, e, k)| (&docs[1].text[*s..*e], k.as_str())).collect();
        assert_eq!(chunks, [("Iran", "LOC"), ("Iraq", "LOC")]);
    }

    #[test]
    fn bad_tag_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.conll");
        std::fs::write(&path, "-DOCSTART- -X- O O\n\nIran NNP X-LOC\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("gold.conll:3"), "{err}");
        assert!(err.contains("unknown tag \"X-LOC\""), "{err}");
    }
}
