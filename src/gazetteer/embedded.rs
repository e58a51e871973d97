//! The default gazetteers, embedded at build time from the repository's `gazetteers/` folder (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded_gazetteers.rs"));
