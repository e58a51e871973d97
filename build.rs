//! Embeds every `gazetteers/*.tsv` file into the binary, so that `whosaid extract` needs nothing installed, and
//! describes their build for `whosaid --version` (`WHOSAID_GAZETTEERS`): files, data rows per file, the date the
//! data was gathered as `gazetteers/SOURCES.md` records it, and a hash of their contents. Nothing depends on
//! the time or the machine of the build, so the same sources give the same binary.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("gazetteers");
    println!("cargo:rerun-if-changed=gazetteers");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("gazetteers/ is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tsv"))
        .collect();
    names.sort();
    let mut code = String::from(
        "/// Embedded default gazetteers: (file name, contents).\npub(crate) const FILES: &[(&str, &str)] = &[\n",
    );
    let mut hash = Fnv::default();
    let mut rows = Vec::new();
    for name in &names {
        println!("cargo:rerun-if-changed=gazetteers/{name}");
        let path = std::fs::canonicalize(dir.join(name)).expect("gazetteer file exists");
        writeln!(code, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
        let text = std::fs::read_to_string(&path).expect("gazetteer file is UTF-8");
        hash.add(name.as_bytes());
        hash.add(text.as_bytes());
        rows.push((name.trim_end_matches(".tsv").to_owned(), data_rows(&text)));
    }
    code.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_gazetteers.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");

    println!("cargo:rerun-if-changed=gazetteers/SOURCES.md");
    let gathered = std::fs::read_to_string(dir.join("SOURCES.md")).ok().and_then(|s| gathered_date(&s));
    let total: usize = rows.iter().map(|(_, n)| n).sum();
    let per_file: Vec<String> = rows.iter().map(|(name, n)| format!("{name} {}", thousands(*n))).collect();
    let description = format!(
        "embedded gazetteers: {} files, {} rows ({}); data gathered {}; contents {:016x}",
        rows.len(),
        thousands(total),
        per_file.join(", "),
        gathered.as_deref().unwrap_or("on an unrecorded date"),
        hash.0
    );
    println!("cargo:rustc-env=WHOSAID_GAZETTEERS={description}");
}

/// Rows of a gazetteer file: lines that are neither blank, nor comments, nor the header.
fn data_rows(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count().saturating_sub(1)
}

/// The date in "gathered YYYY-MM-DD" of `gazetteers/SOURCES.md`.
fn gathered_date(sources: &str) -> Option<String> {
    let at = sources.find("gathered ")? + "gathered ".len();
    let date = sources.get(at..at + 10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then(|| date.to_owned())
}

/// `12345` as `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 64-bit FNV-1a: a stable fingerprint of the embedded files (not a security hash).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
