//! The cues of a document: the dictionary's cue matches (verbs and phrases of `cues*.tsv`) that introduce
//! speech there. A cue word used as a noun is none: after a determiner or possessive ("his promise", "a
//! statement"; `noun_determiner` in the lexicon), or as the second half of a compound ("so-called").

use crate::lexicon::WordKind;
use crate::matcher::Hit;
use crate::pipeline::DocContext;
use crate::span::Span;

use super::CueKind;

/// A cue found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueHit {
    pub span: Span,
    pub kind: CueKind,
    /// Its object is a noun phrase or an infinitive, not a clause (lexicon `noun_object_cue`: "endorsed
    /// Clinton").
    pub noun_object: bool,
}

/// The cues of the document, in order.
pub(crate) fn cues(cx: &DocContext<'_>) -> Vec<CueHit> {
    let text = cx.text;
    cx.scan
        .cues
        .iter()
        .filter_map(|f| match f.hit {
            Hit::Cue(i) if !text[..f.span.start].ends_with('-') && !after_determiner(cx, f.span.start) => {
                let cue = &cx.gazetteers.cues[i as usize];
                let noun_object = cx.lexicon.is(&cue.lemma, WordKind::NounObjectCue);
                Some(CueHit { span: f.span, kind: cue.kind, noun_object })
            }
            _ => None,
        })
        .collect()
}

/// True when the word just before `pos`, one space away, is a determiner or possessive.
fn after_determiner(cx: &DocContext<'_>, pos: usize) -> bool {
    let text = cx.text;
    let before = text[..pos].trim_end();
    if before.len() + 1 != pos {
        return false;
    }
    let word_start =
        before.char_indices().rev().find(|&(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
    cx.lexicon.is(&before[word_start..], WordKind::NounDeterminer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn nouns_and_compounds_are_no_cues() {
        let x = Extractor::new(crate::pipeline::unit_gazetteer()).unwrap();
        let text = "His statement was clear, the so-called experts said. Statement by the minister. He said it.";
        let found: Vec<&str> = x.inspect(text, |cx| cues(cx).iter().map(|c| c.span.text(text)).collect());
        assert_eq!(found, ["said", "said"]);
    }
}
