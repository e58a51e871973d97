//! Throughput of the whole extraction pipeline next to its limit, a plain Aho-Corasick scan of the same text
//! with the same gazetteer aliases (whole-word filtered), measured in one run. A second plain scan takes every
//! text the pipeline looks for ([`Gazetteers::searched_forms`]: aliases, titles, cue verbs, organization head
//! words, first names): the same gazetteers in full.
//!
//! ```sh
//! cargo run --release --example throughput -- ../shared/corpus/polnear/train/text 20
//! ```
//! Arguments: a folder of `*.txt` news files (default: the PolNeAR train texts next to the repository) and the
//! corpus size in MB to build by repeating them (default 20). Without the folder it says so and uses the
//! shipped example article.

use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use whosaid::{Document, Extractor, Gazetteers};

/// The allocator the `whosaid` binary uses (src/main.rs), so that the pipeline runs as shipped.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "../shared/corpus/polnear/train/text".to_owned());
    let target_mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut texts: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
            paths.sort();
            paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
        }
        Err(_) => {
            eprintln!("{dir} is absent: using examples/article.txt (numbers are not comparable)");
            vec![include_str!("article.txt").to_owned()]
        }
    };
    let base_bytes: usize = texts.iter().map(String::len).sum();
    let copies = (target_mb << 20).div_ceil(base_bytes.max(1));
    texts = texts.iter().cycle().take(texts.len() * copies).cloned().collect();
    let docs: Vec<Document> = texts.into_iter().enumerate().map(|(i, t)| Document::new(i.to_string(), t)).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;

    let started = Instant::now();
    let gazetteers = Gazetteers::embedded();
    let extractor = Extractor::new(gazetteers.clone()).expect("embedded gazetteers load");
    let build = started.elapsed();
    let patterns: Vec<&str> = gazetteers.aliases.iter().map(|a| a.text.as_str()).collect();
    let scan_ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).expect("aliases compile");
    let all_patterns = gazetteers.searched_forms();
    let full_ac =
        AhoCorasick::builder().match_kind(MatchKind::Standard).build(&all_patterns).expect("patterns compile");

    println!(
        "corpus: {} documents, {mb:.1} MB ({} copies of {dir}); {} aliases; extractor built in {:.0} ms",
        docs.len(),
        copies,
        patterns.len(),
        build.as_secs_f64() * 1e3
    );
    let scan_with = |ac: &AhoCorasick| {
        let mut n = 0usize;
        for d in &docs {
            for m in ac.find_overlapping_iter(&d.text) {
                let (s, e) = (m.start(), m.end());
                let before = d.text[..s].chars().next_back().is_some_and(char::is_alphanumeric);
                let after = d.text[e..].chars().next().is_some_and(char::is_alphanumeric);
                n += usize::from(!before && !after);
            }
        }
        n
    };
    let pipeline = || docs.iter().map(|d| extractor.extract(d).mentions.len()).sum::<usize>();
    // warm up, then take the best of three runs of each, interleaved
    let (mut best_scan, mut best_full, mut best_one, mut best_all) = (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    let (mut scanned, mut scanned_full, mut extracted) = (0, 0, 0);
    for round in 0..4 {
        let t = Instant::now();
        scanned = scan_with(&scan_ac);
        let s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        scanned_full = scan_with(&full_ac);
        let full = t.elapsed().as_secs_f64();
        let t = Instant::now();
        extracted = pipeline();
        let one = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let _: usize = docs.par_iter().map(|d| extractor.extract(d).mentions.len()).sum();
        let all = t.elapsed().as_secs_f64();
        if round > 0 {
            best_scan = best_scan.min(s);
            best_full = best_full.min(full);
            best_one = best_one.min(one);
            best_all = best_all.min(all);
        }
    }
    let threads = rayon::current_num_threads();
    println!("plain scan, 1 thread:       {:8.1} MB/s ({scanned} whole-word matches of the aliases)", mb / best_scan);
    println!(
        "plain scan, all patterns:   {:8.1} MB/s ({scanned_full} whole-word matches of {} patterns)",
        mb / best_full,
        all_patterns.len()
    );
    println!(
        "whosaid extract, 1 thread:  {:8.1} MB/s ({extracted} mentions), {:.0}% of the scan, {:.0}% of the \
         scan with all patterns",
        mb / best_one,
        100.0 * best_scan / best_one,
        100.0 * best_full / best_one
    );
    println!(
        "whosaid extract, {threads} threads: {:8.1} MB/s, {:.0}% of the 1-thread scan, {:.2}x the 1-thread pipeline",
        mb / best_all,
        100.0 * best_scan / best_all,
        best_one / best_all
    );
}
