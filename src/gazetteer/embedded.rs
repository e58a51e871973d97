//! The default gazetteers, embedded at build time from the repository's `gazetteers/` folder (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded_gazetteers.rs"));

/// The default lexicon (`gazetteers/lexicon.tsv`), loaded even without the other defaults.
pub(crate) const LEXICON: &str = include_str!("../../gazetteers/lexicon.tsv");
