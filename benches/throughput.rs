//! Throughput in MB/s of the whole pipeline (`extract`, one thread, quotes included) next to its limit, a plain
//! Aho-Corasick scan of the same corpus with the same gazetteer aliases, whole-word filtered (`scan`), and with
//! every text the pipeline looks for (`scan_all_patterns`), as in `examples/throughput.rs`.
//!
//! ```sh
//! cargo bench --bench throughput
//! ```
//! The corpus is every `*.txt` of `../shared/corpus/polnear/train/text` next to the crate; without it, the
//! shipped example article repeated to about 2 MB (numbers are then not comparable).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use whosaid::{Document, Extractor, Gazetteers};

/// The allocator the `whosaid` binary uses (src/main.rs), so that the pipeline runs as shipped.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const POLNEAR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/polnear/train/text");

/// Size of the fallback corpus.
const FALLBACK_BYTES: usize = 2 << 20;

static CORPUS: LazyLock<Vec<Document>> = LazyLock::new(|| {
    let texts: Vec<String> = match std::fs::read_dir(POLNEAR) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
            paths.sort();
            paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
        }
        Err(_) => Vec::new(),
    };
    let texts = if texts.is_empty() {
        eprintln!("../shared/corpus/polnear absent: using examples/article.txt repeated");
        let article = include_str!("../examples/article.txt");
        vec![article.to_owned(); FALLBACK_BYTES.div_ceil(article.len())]
    } else {
        texts
    };
    let docs: Vec<Document> = texts.into_iter().enumerate().map(|(i, t)| Document::new(i.to_string(), t)).collect();
    eprintln!("corpus: {} documents, {:.1} MB", docs.len(), bytes(&docs) as f64 / 1e6);
    docs
});

static GAZETTEERS: LazyLock<Gazetteers> = LazyLock::new(Gazetteers::embedded);

fn bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.len()).sum()
}

fn main() {
    // build the corpus (and say which) before divan starts its table
    LazyLock::force(&CORPUS);
    divan::main();
}

/// Plain Aho-Corasick scan over the gazetteer aliases, keeping whole-word matches.
#[divan::bench(sample_count = 20)]
fn scan(bencher: Bencher) {
    let patterns: Vec<&str> = GAZETTEERS.aliases.iter().map(|a| a.text.as_str()).collect();
    whole_word_scan(bencher, &patterns);
}

/// The same over every text the pipeline looks for (aliases, titles, cue verbs, keywords).
#[divan::bench(sample_count = 20)]
fn scan_all_patterns(bencher: Bencher) {
    whole_word_scan(bencher, &GAZETTEERS.searched_forms());
}

fn whole_word_scan(bencher: Bencher, patterns: &[&str]) {
    let docs = &*CORPUS;
    let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(patterns).expect("patterns compile");
    bencher.counter(BytesCount::new(bytes(docs))).bench(|| {
        let mut n = 0usize;
        for d in black_box(docs) {
            for m in ac.find_overlapping_iter(&d.text) {
                let (s, e) = (m.start(), m.end());
                let before = d.text[..s].chars().next_back().is_some_and(char::is_alphanumeric);
                let after = d.text[e..].chars().next().is_some_and(char::is_alphanumeric);
                n += usize::from(!before && !after);
            }
        }
        n
    });
}

/// The full extraction pipeline (mentions, entities, quotes and speakers), one thread.
#[divan::bench(sample_count = 20)]
fn extract(bencher: Bencher) {
    let docs = &*CORPUS;
    let extractor = Extractor::new(GAZETTEERS.clone()).expect("embedded gazetteers load");
    bencher
        .counter(BytesCount::new(bytes(docs)))
        .bench(|| black_box(docs).iter().map(|d| black_box(extractor.extract(d)).mentions.len()).sum::<usize>());
}
