//! Embeds every `gazetteers/*.tsv` file into the binary, so that `whosaid extract` needs nothing installed.

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
    for name in &names {
        println!("cargo:rerun-if-changed=gazetteers/{name}");
        let path = std::fs::canonicalize(dir.join(name)).expect("gazetteer file exists");
        writeln!(code, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_gazetteers.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
