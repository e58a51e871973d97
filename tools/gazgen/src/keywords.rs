//! Cue verbs from the Gender Gap Tracker's quoting-verb list (SFU Discourse Lab, MIT), those the hand-written
//! `cues.tsv` lacks, less those `curated/cue_exclusions.txt` names (mostly no speech in news: "released",
//! "continues", "ensure"). "think", "thought" and "reckon" forms are belief cues (weaker than speech).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::common::{self, Result};

/// The file's contents: `cue lemma kind` rows for the list's forms that `hand_written` (a cue file) lacks and
/// `exclusions` (one form per line) does not name.
pub fn extra_cues(data: &Path, hand_written: &Path, exclusions: &Path, header: &str) -> Result<String> {
    // without a hand-written cue file (a new output folder), every form is extra
    let hand_written = if hand_written.is_file() { common::read(hand_written)? } else { String::new() };
    let known: BTreeSet<String> = hand_written
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::to_owned)
        .collect();
    let excluded = common::read(exclusions)?;
    let excluded: BTreeSet<&str> =
        excluded.lines().map(|l| l.split('#').next().unwrap_or_default().trim()).filter(|l| !l.is_empty()).collect();
    let list = common::read(&data.join("keywords/quote-verbs-en-gendergaptracker.txt"))?;
    let mut out = String::new();
    for line in header.lines() {
        writeln!(out, "# {line}").unwrap();
    }
    out.push_str("cue\tlemma\tkind\n");
    let forms: BTreeSet<&str> = list.lines().map(str::trim).filter(|v| !v.is_empty() && !v.starts_with('#')).collect();
    for form in forms.into_iter().filter(|f| !known.contains(*f) && !excluded.contains(f)) {
        let kind = if ["think", "thought", "reckon"].iter().any(|b| form.starts_with(b)) { "belief" } else { "speech" };
        writeln!(out, "{form}\t{form}\t{kind}").unwrap();
    }
    Ok(out)
}
