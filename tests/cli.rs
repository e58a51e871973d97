//! Integration tests: the `whosaid` binary run on fixtures under `tests/fixtures/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().expect("whosaid runs")
}

fn whosaid_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid starts");
    // a run that stops before reading (a usage error) closes its standard input: the write may meet a broken pipe
    match child.stdin.take().unwrap().write_all(input.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing whosaid's standard input: {e}"),
        _ => {}
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// CSV text as rows of column -> value.
fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect())
        .collect()
}

fn find<'a>(rows: &'a [HashMap<String, String>], text: &str) -> &'a HashMap<String, String> {
    rows.iter().find(|r| r["text"] == text).unwrap_or_else(|| panic!("no row with text {text:?}"))
}

/// Python-style code-point slice.
fn slice(text: &str, start: &str, end: &str) -> String {
    let (s, e): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn officials_countries_and_orgs_with_code_point_offsets() {
    let path = fixture("corpus/caucasus.txt");
    let out = whosaid(&["extract", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = csv_rows(&stdout(&out));
    let text = std::fs::read_to_string(&path).unwrap();
    for r in &rows {
        assert_eq!(r["doc_id"], "caucasus.txt");
        assert_eq!(slice(&text, &r["start"], &r["end"]), r["text"], "offsets of {r:?}");
    }
    let tavakoli = find(&rows, "Reza Tavakoli");
    assert_eq!(
        (&*tavakoli["type"], &*tavakoli["role"], &*tavakoli["country"], &*tavakoli["source"]),
        ("PERSON", "Deputy Foreign Minister", "Iran", "rule:title")
    );
    // "Tehran’s" (curly apostrophe, non-ASCII before it) at code points 13..19
    let tehran = find(&rows, "Tehran");
    assert_eq!((&*tehran["start"], &*tehran["end"], &*tehran["country"]), ("13", "19", "Iran"));
    let ministry = find(&rows, "Ministry of Defense");
    assert_eq!((&*ministry["entity"], &*ministry["type"]), ("Defense Ministry of Azerbaijan", "ORGANIZATION"));
    let guliyev = find(&rows, "Farid Guliyev");
    assert_eq!(
        (&*guliyev["role"], &*guliyev["country"], &*guliyev["source"]),
        ("official", "Azerbaijan", "rule:apposition")
    );
    let surname = find(&rows, "Tavakoli");
    assert_eq!(
        (&*surname["entity"], &*surname["form"], &*surname["source"]),
        ("Reza Tavakoli", "surname", "rule:surname")
    );
    let iranian = find(&rows, "Iranian");
    assert_eq!((&*iranian["type"], &*iranian["entity_id"]), ("DEMONYM", "IR"));
}

#[test]
fn directories_are_walked_with_relative_ids_and_glob() {
    let dir = fixture("corpus");
    let out = whosaid(&["extract", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let rows = csv_rows(&stdout(&out));
    let docs: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["doc_id"].as_str()).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["caucasus.txt", "nested/pacific.txt"]);
    let hegseth = rows.iter().find(|r| r["text"] == "Pete Hegseth").unwrap();
    // the title as the text gives it; the gazetteer's in role_listed
    assert_eq!(
        (&*hegseth["role"], &*hegseth["role_listed"], &*hegseth["country"]),
        ("Defense Secretary", "Secretary of Defense", "United States")
    );
    let usled = rows.iter().find(|r| r["text"] == "U.S.").unwrap();
    assert_eq!(usled["entity_id"], "US");

    let out = whosaid(&["extract", "--glob", "*.md", dir.to_str().unwrap()]);
    let rows = csv_rows(&stdout(&out));
    assert_eq!(rows.len(), 1);
    assert_eq!((&*rows[0]["doc_id"], &*rows[0]["text"]), ("notes.md", "Iran"));
}

#[test]
fn out_dir_writes_three_tables_and_jsonl_matches_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let input = fixture("corpus/nested/pacific.txt");
    let out = whosaid(&["extract", "--out-dir", out_dir.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let entities = csv_rows(&std::fs::read_to_string(out_dir.join("entities.csv")).unwrap());
    let hegseth = entities.iter().find(|r| r["entity"] == "Pete Hegseth").unwrap();
    assert_eq!(
        (&*hegseth["mentions"], &*hegseth["documents"], &*hegseth["aliases_seen"]),
        ("2", "1", "Pete Hegseth|Hegseth")
    );
    let quotes = std::fs::read_to_string(out_dir.join("quotes.csv")).unwrap();
    assert!(quotes.starts_with("doc_id,quote_id,kind,quote_start,quote_end,quote,speaker,"));
    let mentions = csv_rows(&std::fs::read_to_string(out_dir.join("mentions.csv")).unwrap());
    // no temporary files left behind
    let mut names: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["entities.csv", "mentions.csv", "quotes.csv"]);

    let out = whosaid(&["extract", "--format", "jsonl", input.to_str().unwrap()]);
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), mentions.len());
    assert_eq!(lines[0]["text"], mentions[0]["text"].as_str());
    assert_eq!(lines[0]["start"], mentions[0]["start"].parse::<u64>().unwrap());
}

#[test]
fn standard_input_is_document_dash() {
    let out = whosaid_stdin(&["extract", "-"], "Tehran would “never intimidate” Baku.");
    assert!(out.status.success());
    let rows = csv_rows(&stdout(&out));
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&*r["doc_id"], &*r["text"], &*r["country"])).collect();
    assert_eq!(got, [("-", "Tehran", "Iran"), ("-", "Baku", "Azerbaijan")]);
}

#[test]
fn missing_input_fails_that_input_only() {
    let good = fixture("corpus/nested/pacific.txt");
    let out = whosaid(&["extract", "no/such/file.txt", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.txt: no such file or directory"), "{}", stderr(&out));
    assert!(csv_rows(&stdout(&out)).iter().any(|r| r["text"] == "Pete Hegseth"));
}

#[test]
fn user_gazetteers_add_to_or_replace_the_defaults() {
    let user = fixture("gazetteers-user");
    let input = fixture("corpus/caucasus.txt");
    let out = whosaid(&["extract", "--gazetteers", user.to_str().unwrap(), input.to_str().unwrap()]);
    let rows = csv_rows(&stdout(&out));
    let tavakoli = find(&rows, "Reza Tavakoli");
    assert_eq!(tavakoli["entity_id"], "user:tavakoli");
    assert!(tavakoli["source"].ends_with("people.tsv:3"), "{}", tavakoli["source"]);
    assert!(rows.iter().any(|r| r["text"] == "Baku"));

    let out = whosaid(&[
        "extract",
        "--no-default-gazetteers",
        "--gazetteers",
        user.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    let rows = csv_rows(&stdout(&out));
    assert!(!rows.iter().any(|r| r["text"] == "Baku"));
    assert_eq!(find(&rows, "Tavakoli")["entity_id"], "user:tavakoli");
}

#[test]
fn broken_user_gazetteer_stops_the_run_naming_file_line_column() {
    let bad = fixture("gazetteers-bad");
    let input = fixture("corpus/caucasus.txt");
    let out = whosaid(&["extract", "--gazetteers", bad.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("places.tsv:2:3: error: unknown type \"CITY\""), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn gazetteer_check_reports_errors_and_ambiguities() {
    let out = whosaid(&["gazetteer", "check", fixture("gazetteers-bad").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("places.tsv:2:3: error: unknown type \"CITY\""));

    let out = whosaid(&["gazetteer", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains(" 0 errors"));

    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("a.tsv"),
        "id\tname\ttype\taliases\nx1\tGeorgia\tCOUNTRY\t\nx2\tGeorgia State\tLOCATION\tGeorgia\n",
    )
    .unwrap();
    let out = whosaid(&["gazetteer", "check", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("ambiguous alias \"Georgia\": x1 \"Georgia\""), "{}", stdout(&out));
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for args in [&["--help"][..], &["extract", "--help"], &["gazetteer", "check", "--help"]] {
        let out = whosaid(args);
        assert!(out.status.success());
        assert!(stdout(&out).contains("Examples:"), "{args:?}");
    }
    assert_eq!(whosaid(&["extract", "--format", "xml"]).status.code(), Some(2));
    // the values of --format, --table and --input-format are listed with their help
    let help = stdout(&whosaid(&["extract", "--help"]));
    for value in ["- jsonl: One JSON object per line", "- quotes:   Quotation rows", "- csv:   CSV with a header row"] {
        assert!(help.contains(value), "{value:?} in {help}");
    }
}

#[test]
fn whole_run_formats_without_an_output_directory_are_usage_errors() {
    for format in ["xlsx", "html"] {
        let out = whosaid_stdin(&["extract", "--format", format, "-"], "Tehran.");
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(stderr(&out).contains("--format xlsx and html need --out-dir"), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let dir = fixture("corpus");
    let one = whosaid(&["extract", "-q", "--threads", "1", dir.to_str().unwrap()]);
    let two = whosaid(&["extract", "-q", "--threads", "2", dir.to_str().unwrap()]);
    assert!(one.status.success());
    assert_eq!(stdout(&one), stdout(&two));
}

#[test]
fn jsonl_filter_mode_streams_mentions_of_each_record() {
    let input = "{\"id\": \"a1\", \"text\": \"Tehran would “never intimidate” Baku.\"}\n{\"id\": \"a2\", \"text\": \"Iranian officials\"}\n";
    let out = whosaid_stdin(&["extract", "-q", "--input-format", "jsonl", "--format", "jsonl", "-"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(&str, &str, u64)> = rows
        .iter()
        .map(|r| (r["doc_id"].as_str().unwrap(), r["text"].as_str().unwrap(), r["start"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, [("a1", "Tehran", 0), ("a1", "Baku", 32), ("a2", "Iranian", 0)]);
}

#[test]
fn jsonl_filter_mode_streams_quotes_with_table_quotes() {
    let input = "{\"id\": \"a1\", \"text\": \"Nasser Kanaani said: “We will respond.” Tehran and Baku.\"}\n\
                 {\"id\": \"a2\", \"text\": \"No quotation here.\"}\n";
    let args = ["extract", "-q", "--input-format", "jsonl", "--format", "jsonl", "--table", "quotes", "-"];
    let out = whosaid_stdin(&args, input);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["doc_id"], "a1");
    assert_eq!(rows[0]["quote"], "We will respond.");
    assert_eq!(rows[0]["speaker"], "Nasser Kanaani");
    // with an output directory every table is written: --table is refused
    let refused = whosaid(&["extract", "--table", "quotes", "--out-dir", "x", "-"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn summary_on_stderr_counts_documents_and_mentions() {
    let out = whosaid(&["extract", fixture("corpus/nested/pacific.txt").to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("whosaid: 1 documents,"), "{err}");
    assert!(err.contains("mentions (COUNTRY 3, LOCATION 1, PERSON 3)"), "{err}");
}

#[test]
fn crlf_text_keeps_offsets_true_to_the_decoded_text() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("crlf.txt");
    let text = "Iranian spokesman Leila Karimi said:\r\n“We will respond,” she added.\r\nTehran and Baku.\r\n";
    std::fs::write(&path, text).unwrap();
    let out_dir = tmp.path().join("out");
    let out = whosaid(&["extract", "-q", "--out-dir", out_dir.to_str().unwrap(), path.to_str().unwrap()]);
    assert!(out.status.success());
    let mentions = csv_rows(&std::fs::read_to_string(out_dir.join("mentions.csv")).unwrap());
    for r in &mentions {
        assert_eq!(slice(text, &r["start"], &r["end"]), r["text"]);
    }
    assert!(mentions.iter().any(|r| r["text"] == "Baku"));
    let quotes = csv_rows(&std::fs::read_to_string(out_dir.join("quotes.csv")).unwrap());
    assert_eq!(quotes[0]["quote"], "We will respond");
    assert_eq!(slice(text, &quotes[0]["quote_start"], &quotes[0]["quote_end"]), quotes[0]["quote"]);
    assert_eq!(quotes[0]["speaker"], "Leila Karimi");
}

#[test]
fn bad_inputs_are_answered_and_the_rest_still_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a_empty.txt"), "").unwrap();
    std::fs::write(dir.join("b_binary.txt"), b"%PDF-1.4\0\0\x01binary").unwrap();
    std::fs::write(dir.join("c_latin1.txt"), b"Caf\xe9 in Baku").unwrap();
    std::fs::write(dir.join("d_bom.txt"), b"\xEF\xBB\xBFTehran said no.").unwrap();
    std::fs::write(dir.join("e_good.txt"), "Azerbaijan and Iran.").unwrap();
    let out = whosaid(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "the binary file fails");
    let err = stderr(&out);
    assert!(err.contains("b_binary.txt: binary file (NUL bytes), skipped"), "{err}");
    assert!(err.contains("c_latin1.txt: invalid UTF-8 at byte 3: bad sequences replaced by U+FFFD"), "{err}");
    let rows = csv_rows(&stdout(&out));
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&*r["doc_id"], &*r["start"], &*r["text"])).collect();
    assert_eq!(
        got,
        [
            ("c_latin1.txt", "8", "Baku"),
            ("d_bom.txt", "0", "Tehran"),
            ("e_good.txt", "0", "Azerbaijan"),
            ("e_good.txt", "15", "Iran"),
        ]
    );
    // --strict rejects the Latin-1 file instead
    let out = whosaid(&["extract", "--strict", dir.join("c_latin1.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("c_latin1.txt: invalid UTF-8 at byte 3"));
    assert!(stdout(&out).lines().count() == 1, "header only");
}

#[test]
fn a_failed_run_leaves_an_earlier_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let input = fixture("corpus/nested/pacific.txt");
    assert!(
        whosaid(&["extract", "-q", "--out-dir", out_dir.to_str().unwrap(), input.to_str().unwrap()]).status.success()
    );
    let before = std::fs::read(out_dir.join("mentions.csv")).unwrap();
    // a broken gazetteer stops the run before anything is written
    let bad = fixture("gazetteers-bad");
    let out = whosaid(&[
        "extract",
        "--gazetteers",
        bad.to_str().unwrap(),
        "--out-dir",
        out_dir.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(out_dir.join("mentions.csv")).unwrap(), before);
}

#[test]
fn csv_cells_are_safe_for_spreadsheets_unless_raw_and_jsonl_is_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("inject.txt");
    std::fs::write(&input, "“=SUM(A1:A9)*cmd|' /C calc'!A0” and “-10 points,” Mayor Ana Ruiz said in Baku.\n").unwrap();
    let run = |extra: &[&str], name: &str| {
        let out_dir = tmp.path().join(name);
        let mut args = vec!["extract", "-q", "--out-dir", out_dir.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.push(input.to_str().unwrap());
        assert!(whosaid(&args).status.success());
        out_dir
    };
    let safe = run(&[], "safe");
    let quotes = csv_rows(&std::fs::read_to_string(safe.join("quotes.csv")).unwrap());
    let cells: Vec<&str> = quotes.iter().map(|r| r["quote"].as_str()).collect();
    assert_eq!(cells, ["'=SUM(A1:A9)*cmd|' /C calc'!A0", "'-10 points"]);
    assert_eq!(quotes[1]["speaker"], "Ana Ruiz");

    let raw = run(&["--raw-cells"], "raw");
    let quotes = csv_rows(&std::fs::read_to_string(raw.join("quotes.csv")).unwrap());
    assert_eq!(quotes[1]["quote"], "-10 points");

    let jsonl = run(&["--format", "jsonl"], "jsonl");
    let first: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(jsonl.join("quotes.jsonl")).unwrap().lines().next().unwrap())
            .unwrap();
    assert_eq!(first["quote"], "=SUM(A1:A9)*cmd|' /C calc'!A0");

    let excel = run(&["--excel"], "excel");
    assert!(std::fs::read(excel.join("mentions.csv")).unwrap().starts_with(b"\xEF\xBB\xBFdoc_id,"));
}

#[test]
fn roles_as_of_the_documents_date() {
    let biden = |rows: &[HashMap<String, String>], doc: &str| -> (String, String, String) {
        let row = rows.iter().find(|r| r["doc_id"] == doc && r["text"] == "Joe Biden").expect("Joe Biden's row");
        (row["role"].clone(), row["role_date"].clone(), row["role_listed"].clone())
    };
    let s = |a: &str, b: &str| (a.to_owned(), b.to_owned(), String::new());
    // without a date: the latest office, for no date
    let out = whosaid_stdin(&["extract", "-"], "Joe Biden spoke in Ohio.");
    assert_eq!(biden(&csv_rows(&stdout(&out)), "-"), s("President of the United States", ""));
    // --date
    let out = whosaid_stdin(&["extract", "--date", "2016-11-08", "-"], "Joe Biden spoke in Ohio.");
    assert_eq!(biden(&csv_rows(&stdout(&out)), "-"), s("Vice President", "2016-11-08"));
    // a dateline
    let out = whosaid_stdin(&["extract", "-"], "WASHINGTON, Nov. 8, 2016 (UPI) — Joe Biden spoke in Ohio.");
    assert_eq!(biden(&csv_rows(&stdout(&out)), "-"), s("Vice President", "2016-11-08"));
    // the date field of a record wins over --date, which is for records without one; a bad one is named
    let records = "{\"id\": \"a\", \"text\": \"Joe Biden spoke.\", \"published\": \"2016-11-08T10:00:00Z\"}\n\
                   {\"id\": \"b\", \"text\": \"Joe Biden spoke.\"}\n\
                   {\"id\": \"c\", \"text\": \"Joe Biden spoke.\", \"published\": \"last Tuesday\"}\n";
    let args = ["extract", "--input-format", "jsonl", "--date-field", "published", "--date", "2022-03-01", "-"];
    let out = whosaid_stdin(&args, records);
    let rows = csv_rows(&stdout(&out));
    assert_eq!(biden(&rows, "a"), s("Vice President", "2016-11-08"));
    assert_eq!(biden(&rows, "b"), s("President of the United States", "2022-03-01"));
    assert_eq!(biden(&rows, "c"), s("President of the United States", "2022-03-01"));
    assert!(stderr(&out).contains("published \"last Tuesday\" is no date"), "{}", stderr(&out));
    // a title the text gives is the role; the gazetteer's is role_listed
    let out = whosaid_stdin(&["extract", "--date", "2022-03-01", "-"], "US President Joe Biden spoke.");
    assert_eq!(
        biden(&csv_rows(&stdout(&out)), "-"),
        ("President".to_owned(), "2022-03-01".to_owned(), "President of the United States".to_owned())
    );
    // entities.csv: the role of the latest document date
    let dir = tempfile::tempdir().unwrap();
    let args = ["extract", "--input-format", "jsonl", "--out-dir", dir.path().to_str().unwrap(), "-"];
    let records = "{\"id\": \"new\", \"text\": \"Joe Biden spoke.\", \"date\": \"2022-03-01\"}\n\
                   {\"id\": \"old\", \"text\": \"Joe Biden spoke.\", \"date\": \"2016-11-08\"}\n";
    let out = whosaid_stdin(&args, records);
    assert!(out.status.success(), "{}", stderr(&out));
    let entities = csv_rows(&std::fs::read_to_string(dir.path().join("entities.csv")).unwrap());
    let row = entities.iter().find(|r| r["entity"] == "Joe Biden").unwrap();
    assert_eq!((&*row["role"], &*row["role_date"]), ("President of the United States", "2022-03-01"));
}

// ---- Issue #16, "No surprises for a new user": one test per point, named after it ----------------------------

/// A folder of `n` copies of `examples/article.txt` (`a0001.txt`, ...), with its total size in bytes.
fn articles(dir: &Path, n: usize) -> u64 {
    let article = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article.txt")).unwrap();
    std::fs::create_dir_all(dir).unwrap();
    for i in 1..=n {
        std::fs::write(dir.join(format!("a{i:04}.txt")), &article).unwrap();
    }
    (article.len() * n) as u64
}

/// Names in a folder, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

/// whosaid with standard error (and, with `stdin_tty`, standard input) on a pseudo-terminal, as a person at a
/// terminal runs it; what the terminal showed, and the exit status (`None` when it had to be killed after
/// `timeout`).
#[cfg(unix)]
fn on_a_terminal(
    args: &[&str],
    stdin_tty: bool,
    input: Option<Vec<u8>>,
    timeout: std::time::Duration,
) -> (Option<std::process::ExitStatus>, String) {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize { ws_row: 30, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: openpty writes two new file descriptors, which are owned from here on
    let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
    assert_eq!(r, 0, "openpty: {}", std::io::Error::last_os_error());
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::from(slave.try_clone().unwrap()));
    if stdin_tty {
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()));
    } else if input.is_some() {
        cmd.stdin(Stdio::piped());
    } else {
        cmd.stdin(Stdio::null());
    }
    let mut child = cmd.spawn().unwrap();
    // the terminal's other end must be open only in the child, so that reading it ends when the child does
    drop(cmd);
    drop(slave);
    if let Some(input) = input {
        let mut stdin = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(&input);
        });
    }
    let reader = std::thread::spawn(move || {
        let mut file = std::fs::File::from(master);
        let mut shown = Vec::new();
        let mut buf = [0u8; 4096];
        // the pty reads EIO once every copy of its other end is closed: the child has ended
        while let Ok(n) = file.read(&mut buf) {
            if n == 0 {
                break;
            }
            shown.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&shown).into_owned()
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > timeout {
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    (status, reader.join().unwrap())
}

/// #16.1: the progress line counted documents as bytes (`83681 documents, 81.72 KiB`) and was a spinner even
/// when the size of the inputs was known. It is now a bar of bytes read out of the total, with MB/s and the
/// time left, a spinner with the bytes read for standard input, and nothing into a pipe or with --quiet.
#[cfg(unix)]
#[test]
fn newcomer_01_progress_is_a_bar_of_bytes_with_rate_and_eta() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    let total = articles(&dir, 1500);
    let long = std::time::Duration::from_secs(120);
    let (status, shown) = on_a_terminal(&["extract", "--threads", "2", dir.to_str().unwrap()], false, None, long);
    assert!(status.unwrap().success(), "{shown}");
    let of_total = format!("/{:.1} MB", total as f64 / 1e6);
    assert!(shown.contains(&of_total), "bytes of the total {of_total:?} in {shown:?}");
    assert!(shown.contains(" MB/s") && shown.contains("ETA "), "{shown:?}");
    assert!(shown.contains(" documents"), "{shown:?}");
    assert!(shown.contains("whosaid: 1500 documents, "), "the summary after the bar: {shown:?}");

    // standard input: the total is not known, a spinner counts the bytes read
    let text = std::fs::read(dir.join("a0001.txt")).unwrap().repeat(1500);
    let (status, shown) = on_a_terminal(&["extract", "-"], false, Some(text), long);
    assert!(status.unwrap().success(), "{shown}");
    assert!(shown.contains(" MB read, ") && shown.contains(" MB/s") && !shown.contains("ETA"), "{shown:?}");

    // --quiet: nothing at all; into a pipe: no progress line, only the summary
    let (status, shown) = on_a_terminal(&["extract", "--quiet", dir.to_str().unwrap()], false, None, long);
    assert!(status.unwrap().success());
    assert_eq!(shown, "");
    let piped = whosaid(&["extract", dir.to_str().unwrap()]);
    let err = stderr(&piped);
    assert!(!err.contains("MB/s,") && !err.contains("ETA") && !err.contains('\u{1b}'), "{err:?}");
}

/// Sends `signal` to a run writing into `out` once its temporary files are there; returns its exit status.
#[cfg(unix)]
fn interrupt_a_run(input: &Path, out: &Path, signal: i32) -> std::process::ExitStatus {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", "-q", "--threads", "1", "--out-dir", out.to_str().unwrap(), input.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !out.is_dir() || !names_in(out).iter().any(|n| n.contains(".tmp-")) {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be interrupted");
        assert!(started.elapsed().as_secs() < 60, "no temporary file appeared");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SAFETY: kill sends a signal to our own child
    assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
    child.wait().unwrap()
}

/// #16.2: Ctrl-C left `.mentions.csv.tmp-PID` and `.quotes.csv.tmp-PID` behind, a set for every interrupted
/// run. They are now removed on SIGINT and SIGTERM; a later run removes those of dead runs; the outputs of an
/// earlier run stay untouched.
#[cfg(unix)]
#[test]
fn newcomer_02_interrupted_runs_leave_no_temporary_files() {
    use std::os::unix::process::ExitStatusExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let small = fixture("corpus/nested/pacific.txt");
    assert!(whosaid(&["extract", "-q", "--out-dir", out.to_str().unwrap(), small.to_str().unwrap()]).status.success());
    let before: Vec<Vec<u8>> =
        ["entities.csv", "mentions.csv", "quotes.csv"].iter().map(|n| std::fs::read(out.join(n)).unwrap()).collect();
    // a text long enough to be interrupted in the middle (about 20 s of a debug build on one thread)
    let big = tmp.path().join("big.txt");
    let article = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article.txt")).unwrap();
    std::fs::write(&big, format!("{article}\n").repeat(20_000)).unwrap();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let status = interrupt_a_run(&big, &out, signal);
        assert_eq!(status.signal(), Some(signal), "ended by the signal: {status:?}");
        assert_eq!(names_in(&out), ["entities.csv", "mentions.csv", "quotes.csv"], "signal {signal}");
        let after: Vec<Vec<u8>> = ["entities.csv", "mentions.csv", "quotes.csv"]
            .iter()
            .map(|n| std::fs::read(out.join(n)).unwrap())
            .collect();
        assert!(after == before, "an interrupted run leaves the earlier outputs as they were");
    }
    // a run killed outright leaves its files; the next run removes those whose process is gone, and no other
    let dead = ".mentions.csv.tmp-999999999"; // above any pid Linux gives (2^22 at most)
    let alive = format!(".quotes.csv.tmp-{}", std::process::id());
    for name in [dead, &alive, ".notes.tmp-1"] {
        std::fs::write(out.join(name), "partial").unwrap();
    }
    assert!(whosaid(&["extract", "-q", "--out-dir", out.to_str().unwrap(), small.to_str().unwrap()]).status.success());
    assert_eq!(names_in(&out), [".notes.tmp-1", alive.as_str(), "entities.csv", "mentions.csv", "quotes.csv"]);
}

/// #16.3: `whosaid extract in/ 2>&1 | head -1` exited 101 about one run in ten (`failed printing to stderr:
/// Broken pipe`). A closed standard error or output now ends the run quietly, with 0.
#[cfg(unix)]
#[test]
fn newcomer_03_a_closed_pipe_on_stderr_or_stdout_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    articles(&dir, 40);
    // standard error closed before whosaid writes to it (the summary, at least)
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", dir.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
    // standard output closed: the rows meet a broken pipe
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", dir.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
    // the command as written in the issue, ten times
    let script = format!(
        "for i in 1 2 3 4 5 6 7 8 9 10; do {:?} extract {:?} 2>&1 | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}; done",
        env!("CARGO_BIN_EXE_whosaid"),
        dir
    );
    let out = Command::new("bash").arg("-c").arg(script).output().unwrap();
    assert_eq!(stdout(&out).split_whitespace().collect::<Vec<_>>(), ["0"; 10], "{}", stderr(&out));
}

/// #16.4: `whosaid extract dA dB`, each with its own `x.txt`, gave both the doc_id `x.txt`, silently. The ids
/// now carry their folder when they would clash, and a note says so; other ids are as before.
#[test]
fn newcomer_04_same_file_name_in_two_folders_gets_two_doc_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("dA"), tmp.path().join("dB"));
    for (dir, text) in [(&a, "Talks in Baku."), (&b, "Talks in Tehran.")] {
        std::fs::create_dir(dir).unwrap();
        std::fs::write(dir.join("x.txt"), text).unwrap();
    }
    std::fs::write(a.join("only.txt"), "Talks in Ankara.").unwrap();
    let out = whosaid(&["extract", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got: Vec<(String, String)> =
        csv_rows(&stdout(&out)).into_iter().map(|r| (r["doc_id"].clone(), r["text"].clone())).collect();
    let want = [("only.txt", "Ankara"), ("dA/x.txt", "Baku"), ("dB/x.txt", "Tehran")];
    assert_eq!(got, want.map(|(d, t)| (d.to_owned(), t.to_owned())));
    assert!(
        stderr(&out).contains(
            "whosaid: note: inputs would share the doc_id \"x.txt\": told apart by their folders, as \"dA/x.txt\", \
             \"dB/x.txt\""
        ),
        "{}",
        stderr(&out)
    );
}

/// #16.5: symbolic links to files and folders were skipped without a word. They are followed now, and a link
/// that loops back is named once and not followed again.
#[cfg(unix)]
#[test]
fn newcomer_05_symbolic_links_are_followed_and_loops_stop() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    std::fs::create_dir_all(real.join("sub")).unwrap();
    std::fs::write(real.join("a.txt"), "Talks in Baku.").unwrap();
    std::fs::write(real.join("sub/b.txt"), "Talks in Tehran.").unwrap();
    let links = tmp.path().join("links");
    std::fs::create_dir(&links).unwrap();
    std::os::unix::fs::symlink(real.join("a.txt"), links.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(real.join("sub"), links.join("folder")).unwrap();
    std::os::unix::fs::symlink(&links, links.join("loop")).unwrap();
    let out = whosaid(&["extract", links.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: Vec<(String, String)> =
        csv_rows(&stdout(&out)).into_iter().map(|r| (r["doc_id"].clone(), r["text"].clone())).collect();
    assert_eq!(got, [("folder/b.txt", "Tehran"), ("linked.txt", "Baku")].map(|(d, t)| (d.to_owned(), t.to_owned())));
    let err = stderr(&out);
    assert!(err.contains("loop: symbolic link back to") && err.contains("not followed again"), "{err}");
    assert!(!err.contains("no input file matched"), "{err}");
}

/// #16.6: a folder with no `.txt` gave empty tables and exit 0, with a warning that named neither the folder
/// nor --glob; JSON Lines given as text were read as prose without a word. The folder is now named with what
/// it holds and how to read it (exit 1: that input gave nothing), and JSON Lines read as text get a hint once.
#[test]
fn newcomer_06_a_folder_that_yields_nothing_is_named_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for name in ["a.jsonl", "b.jsonl"] {
        std::fs::write(docs.join(name), "{\"id\": \"a1\", \"text\": \"Talks in Baku.\"}\n").unwrap();
    }
    let out = whosaid(&["extract", docs.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "whosaid: error: {}: no file matched \"*.txt\" (it holds 2 files: 2 .jsonl); for JSON Lines (one \
             document per line) give --input-format jsonl",
            docs.display()
        )),
        "{err}"
    );
    let md = tmp.path().join("notes");
    std::fs::create_dir(&md).unwrap();
    std::fs::write(md.join("n.md"), "Iran").unwrap();
    let err = stderr(&whosaid(&["extract", md.to_str().unwrap()]));
    assert!(err.contains("no file matched \"*.txt\" (it holds 1 file: 1 .md); choose the files with --glob"), "{err}");

    // JSON Lines given as text: read as asked, with a hint, once for the two files
    let out = whosaid(&["extract", docs.join("a.jsonl").to_str().unwrap(), docs.join("b.jsonl").to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(err.matches("looks like JSON Lines but is read as text").count(), 1, "{err}");
    assert!(err.contains("give --input-format jsonl"), "{err}");
    // CSV given as text: the same, with the option that reads it
    let csv = tmp.path().join("rows.csv");
    std::fs::write(&csv, "id,text\n1,Talks in Baku.\n2,Talks in Tehran.\n").unwrap();
    let err = stderr(&whosaid(&["extract", csv.to_str().unwrap()]));
    assert_eq!(err.matches("looks like CSV but is read as text").count(), 1, "{err}");
    assert!(err.contains("give --input-format csv"), "{err}");
    let out = whosaid(&["extract", "-q", "--input-format", "jsonl", docs.join("a.jsonl").to_str().unwrap()]);
    let rows = csv_rows(&stdout(&out));
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&*r["doc_id"], &*r["start"], &*r["text"])).collect();
    assert_eq!(got, [("a1", "9", "Baku")]);
}

/// #16.7: `whosaid extract` with no input, at a terminal, waited silently for standard input. It is a usage
/// error now, that says what to give; `-` still reads the terminal, saying how to end.
#[cfg(unix)]
#[test]
fn newcomer_07_no_input_at_a_terminal_is_a_usage_error() {
    let (status, shown) = on_a_terminal(&["extract"], true, None, std::time::Duration::from_secs(60));
    let status = status.expect("whosaid extract returns at once instead of waiting for standard input");
    assert_eq!(status.code(), Some(2), "{shown}");
    assert!(shown.contains("no input: give files or folders"), "{shown:?}");
    // from a pipe, standard input is read as before
    let out = whosaid_stdin(&["extract"], "Talks in Baku.");
    assert!(out.status.success());
    assert_eq!(csv_rows(&stdout(&out))[0]["text"], "Baku");
}

/// Runs whosaid to its end and returns its exit code and peak resident memory in MB (wait4's rusage: the child
/// is reaped by wait4, not by `Child::wait`).
#[cfg(unix)]
#[allow(clippy::zombie_processes)]
fn peak_rss_mb(args: &[&str]) -> (Option<i32>, f64) {
    let child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value; wait4 reaps our own child and fills it
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4: {}", std::io::Error::last_os_error());
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (code, usage.ru_maxrss as f64 / 1024.0)
}

/// The cells of the `<c r="COL...">` cells of a worksheet's XML, in row order, as written.
fn column_values(sheet_xml: &str, column: char) -> Vec<String> {
    sheet_xml
        .split("<c r=\"")
        .skip(1)
        .filter(|c| c.starts_with(column) && c[1..].starts_with(|d: char| d.is_ascii_digit()))
        .filter(|c| !c[1..].starts_with("1\""))
        .filter_map(|c| {
            let cell = &c[..c.find("</c>")?];
            let v = cell.split("<v>").nth(1)?;
            Some(v[..v.find("</v>")?].to_owned())
        })
        .collect()
}

/// The column letter of the header cell `name` in a worksheet's first row (the tables have under 27 columns).
fn column_named(sheet_xml: &str, name: &str) -> char {
    let header = &sheet_xml[..sheet_xml.find("</row>").unwrap()];
    let cell = header.split("<c r=\"").skip(1).find(|c| c.contains(&format!(">{name}<"))).unwrap();
    cell.chars().next().unwrap()
}

fn zip_entry(path: &Path, name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// #16.8: the workbook kept the whole run in memory (5.6 GB for 25,200 documents), stored confidence as
/// `0.8999999761581421`, and its Summary's quotes per document left out `term` rows without saying so. Memory
/// no longer grows with the run; confidence is stored as written in the CSV; the Summary counts attributions
/// and says what it counts. (The row-limit warning naming its sheet: output::xlsx's
/// `rows_past_the_limit_are_named_by_sheet`.)
#[cfg(unix)]
#[test]
fn newcomer_08_the_workbook_is_written_in_constant_memory_with_confidence_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (small, large) = (tmp.path().join("small"), tmp.path().join("large"));
    articles(&small, 200);
    articles(&large, 4000);
    let run = |input: &Path, out: &str| {
        let out = tmp.path().join(out);
        let (code, mb) = peak_rss_mb(&[
            "extract",
            "-q",
            "--format",
            "xlsx",
            "--out-dir",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        assert_eq!(code, Some(0));
        (out.join("whosaid.xlsx"), mb)
    };
    let (_, small_mb) = run(&small, "small-out");
    let (book, large_mb) = run(&large, "large-out");
    // twenty times the documents, and memory stays where the automata put it (in-memory: about 70 KB more per
    // document, some 280 MB here)
    assert!(large_mb < small_mb + 60.0, "peak {small_mb:.0} MB for 200 documents, {large_mb:.0} MB for 4,000");
    let quotes_sheet = zip_entry(&book, "xl/worksheets/sheet1.xml");
    let rows = quotes_sheet.matches("<row ").count() - 1;
    let one_doc = whosaid(&["extract", "-q", "--table", "quotes", small.join("a0001.txt").to_str().unwrap()]);
    let per_doc = csv_rows(&stdout(&one_doc)).len();
    assert!(per_doc > 0);
    assert_eq!(rows, 4000 * per_doc, "every quotation of every document");

    // the confidence column holds the numbers the CSV writes
    let one = small.join("a0001.txt");
    let out = tmp.path().join("one");
    let args = ["extract", "-q", "--out-dir", out.to_str().unwrap(), one.to_str().unwrap()];
    assert!(whosaid(&args).status.success());
    let mut with_xlsx = args.to_vec();
    with_xlsx.splice(1..1, ["--format", "xlsx"]);
    assert!(whosaid(&with_xlsx).status.success());
    let csv = csv_rows(&std::fs::read_to_string(out.join("quotes.csv")).unwrap());
    let sheet = zip_entry(&out.join("whosaid.xlsx"), "xl/worksheets/sheet1.xml");
    let stored = column_values(&sheet, column_named(&sheet, "confidence"));
    let written: Vec<String> = csv.iter().map(|r| r["confidence"].trim_end_matches(".0").to_owned()).collect();
    assert_eq!(stored, written, "confidence as the CSV writes it");

    // the Summary counts attributions: no term rows, a mixed attribution once with its parts
    let attributions = csv.iter().filter(|r| r["kind"] != "term" && r["part_of"].is_empty()).count();
    assert!(csv.iter().any(|r| !r["part_of"].is_empty()), "the example has a mixed attribution with parts");
    let strings = zip_entry(&out.join("whosaid.xlsx"), "xl/sharedStrings.xml");
    let strings: Vec<&str> = strings
        .split("<t>")
        .skip(1)
        .chain(strings.split("<t xml:space=\"preserve\">").skip(1))
        .map(|t| &t[..t.find("</t>").unwrap()])
        .collect();
    assert!(strings.iter().any(|s| s.starts_with("attributions: every quote row but term rows")), "{strings:?}");
    let summary = zip_entry(&out.join("whosaid.xlsx"), "xl/worksheets/sheet4.xml");
    let last_count = column_values(&summary, 'B').pop().unwrap();
    assert_eq!(last_count, attributions.to_string(), "the one document's attributions, last on the sheet");
}

/// #16.9: a JSONL input without a `text` field said `no string field "text"` once per line, without the
/// fields there or --text-field. The first such line names the fields and the one to give; the others are
/// counted in one more message.
#[test]
fn newcomer_09_jsonl_without_the_text_field_names_its_fields_once() {
    let lines: String = (1..=5)
        .map(|i| format!("{{\"id\": \"a{i}\", \"title\": \"Day {i}\", \"body\": \"Talks in Baku, day {i}.\"}}\n"))
        .collect();
    let out = whosaid_stdin(&["extract", "--input-format", "jsonl", "-"], &lines);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("whosaid: error:")).collect();
    assert_eq!(
        errors,
        [
            "whosaid: error: <stdin>:1: no string field \"text\" (its fields: body, id, title); give --text-field body",
            "whosaid: error: <stdin>:2: and 4 more lines, up to line 5: no string field \"text\" either",
        ]
    );
    let out = whosaid_stdin(&["extract", "-q", "--input-format", "jsonl", "--text-field", "body", "-"], &lines);
    assert!(out.status.success());
    assert_eq!(csv_rows(&stdout(&out)).len(), 5);
    // CSV: the header's columns
    let out = whosaid_stdin(&["extract", "--input-format", "csv", "-"], "id,body\n1,Talks in Baku.\n");
    assert!(
        stderr(&out).contains(
            "no column \"text\" in the header (its columns: id, body); name the text's column with --text-field"
        ),
        "{}",
        stderr(&out)
    );
}

/// Text with runs of whitespace made single spaces, for comparing wrapped texts.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// #16.10: exit statuses disagreed with README (`--format xlsx` without `--out-dir` exited 1; `gazetteer check
/// nonexist` 2 where its help promised 0 or 1; `eval` alone named only `--gold`). One policy now, stated in
/// README and at the end of every --help, and each case follows it. (The first was already 2 on main since the
/// output refactor; it is pinned here with the rest.)
#[test]
fn newcomer_10_exit_statuses_follow_one_policy() {
    let policy = "Exit status (every command): 0 when every input was processed; 1 when some input failed (each \
                  one named on standard error, the others still processed) or writing failed; 2 for usage errors \
                  (a bad option or value, a missing argument, --format xlsx without --out-dir) and for gazetteers \
                  or gold data that every document needs and that are unusable: then nothing is read. A closed \
                  pipe (| head) ends a run quietly with 0. Ctrl-C or SIGTERM ends it as the signal does (130, \
                  143), its unfinished output files removed.";
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(words(&readme).contains(policy), "README states the policy");
    for args in [
        &["--help"][..],
        &["extract", "--help"],
        &["eval", "--help"],
        &["gazetteer", "check", "--help"],
        &["completions", "--help"],
        &["man", "--help"],
    ] {
        let out = whosaid(args);
        assert!(out.status.success());
        assert!(words(&stdout(&out)).contains(policy), "{args:?} --help states the policy");
    }
    let out = whosaid(&["extract", "--format", "xlsx", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "whosaid: error: --format xlsx and html need --out-dir\n", "found before reading");
    let out = whosaid(&["gazetteer", "check", "nonexist"]);
    assert_eq!(out.status.code(), Some(1), "a path to check that does not exist is a failed input");
    assert!(stderr(&out).contains("nonexist: no such file or directory"), "{}", stderr(&out));
    let out = whosaid(&["eval"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--gold <DIR>|--conll <FILE>"), "{}", stderr(&out));
    assert_eq!(whosaid(&["extract", "--delimiter", "ab", "-"]).status.code(), Some(2));
    assert_eq!(whosaid(&["extract", "--encoding", "klingon", "-"]).status.code(), Some(2));
}

/// #16.11: README called `whosaid` without saying how to install it, nor where `../shared` comes from, what
/// `confidence` means or that `quote_id` is unique per document. It says so now, and quote ids are what it says.
#[test]
fn newcomer_11_readme_says_how_to_install_and_what_the_columns_mean() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let setup = &readme[readme.find("## Set-up").unwrap()..readme.find("## Example").unwrap()];
    assert!(setup.contains("cargo install --path ."), "{setup}");
    assert!(
        words(setup)
            .contains("`../shared`, in the evaluation and generator commands below, is this project's data folder")
    );
    let quotes = &readme[readme.find("**quotes.csv**").unwrap()..];
    assert!(words(quotes).contains("`confidence`: how much the attribution pattern that found the speaker is trusted"));
    assert!(words(quotes).contains("unique within its document (it starts again at `q1` in the next one)"));
    // every column README lists for quotes.csv is a column of the table, in order
    let listed = &quotes["**quotes.csv**: `".len()..quotes.find("`.").unwrap()];
    let listed: Vec<String> = listed.split(',').map(|c| c.trim().to_owned()).collect();
    let header = whosaid_stdin(&["extract", "-q", "--table", "quotes", "-"], "");
    assert_eq!(stdout(&header).trim_end().split(',').map(str::to_owned).collect::<Vec<_>>(), listed);
    // and quote ids: q1, q2, ... in each document, again from q1 in the next
    let tmp = tempfile::tempdir().unwrap();
    articles(&tmp.path().join("in"), 2);
    let out = whosaid(&["extract", "-q", "--table", "quotes", tmp.path().join("in").to_str().unwrap()]);
    let rows = csv_rows(&stdout(&out));
    for doc in ["a0001.txt", "a0002.txt"] {
        let ids: Vec<&str> = rows.iter().filter(|r| r["doc_id"] == doc).map(|r| r["quote_id"].as_str()).collect();
        let expected: Vec<String> = (1..=ids.len()).map(|i| format!("q{i}")).collect();
        assert_eq!(ids, expected, "{doc}");
    }
}

/// #16.12: `gazetteer check` took `country` values that are no country id (`XX`, `Moldova`), even with
/// --with-defaults, and a user row overriding a default entity still reported the default's `source`.
#[test]
fn newcomer_12_gazetteer_check_wants_country_ids_and_overrides_name_their_row() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mine");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("places.tsv"),
        "id\tname\ttype\tsubtype\tcountry\nmy:chisinau\tChisinau\tLOCATION\tcapital\tMoldova\n\
         my:nowhere\tNowhere Town\tLOCATION\tcity\tXX\nmy:baku\tOld Baku\tLOCATION\tdistrict\tAZ\n",
    )
    .unwrap();
    for extra in [&[][..], &["--with-defaults"]] {
        let mut args = vec!["gazetteer", "check"];
        args.extend_from_slice(extra);
        args.push(dir.to_str().unwrap());
        let out = whosaid(&args);
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {}", stdout(&out));
        let report = stdout(&out);
        assert!(report.contains("places.tsv:2: error: country \"Moldova\" of \"my:chisinau\" is no country id (the id of a COUNTRY row, here or in the defaults); did you mean \"MD\"?"), "{report}");
        assert!(report.contains("places.tsv:3: error: country \"XX\" of \"my:nowhere\" is no country id"), "{report}");
        assert!(!report.contains("\"AZ\""), "{report}");
    }
    // a user's row with a default entity's id: the mentions name the user's row as their source
    let user = tmp.path().join("override");
    std::fs::create_dir(&user).unwrap();
    std::fs::write(user.join("countries.tsv"), "id\tname\ttype\taliases\nIR\tIran\tCOUNTRY\tPersia\n").unwrap();
    let out = whosaid_stdin(&["extract", "-q", "--gazetteers", user.to_str().unwrap(), "-"], "Iran, once Persia.");
    let rows = csv_rows(&stdout(&out));
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str()).collect();
    let mine = format!("{}:2", user.join("countries.tsv").display());
    assert_eq!(sources, [mine.as_str(), mine.as_str()], "{rows:?}");
}

/// #16.14: pandas read `speaker_start`, `cue_start` and the other optional offsets as floats. The cells are plain
/// integers or empty (the bytes below), and README gives the dtype to pass: the table's optional-integer
/// columns, exactly.
#[test]
fn newcomer_14_integer_columns_are_integers_and_readme_gives_their_pandas_dtype() {
    let out_dir = tempfile::tempdir().unwrap();
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article.txt");
    let out = whosaid(&["extract", "-q", "--out-dir", out_dir.path().to_str().unwrap(), input.to_str().unwrap()]);
    assert!(out.status.success());
    let integers = |cell: &str| !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit());
    let quotes = csv_rows(&std::fs::read_to_string(out_dir.path().join("quotes.csv")).unwrap());
    let optional = ["speaker_start", "speaker_end", "cue_start", "cue_end"];
    for r in &quotes {
        for c in ["quote_start", "quote_end"] {
            assert!(integers(&r[c]), "{c}: {:?}", r[c]);
        }
        for c in optional {
            assert!(r[c].is_empty() || integers(&r[c]), "{c}: {:?}", r[c]);
        }
    }
    assert!(quotes.iter().any(|r| r["cue_start"].is_empty()), "the example has a quotation without a cue");
    let mentions = csv_rows(&std::fs::read_to_string(out_dir.path().join("mentions.csv")).unwrap());
    assert!(mentions.iter().all(|r| ["start", "end", "sentence"].iter().all(|c| integers(&r[*c]))));
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let line =
        readme.lines().find(|l| l.starts_with("optional = {c: \"Int64\" for c in [")).expect("README's dtype line");
    let named: Vec<&str> = line.split('"').skip(3).step_by(2).collect();
    assert_eq!(named, optional);
    assert!(
        readme.contains("pd.read_csv(\"out/quotes.csv\", dtype=optional, keep_default_na=False, na_values=[\"\"])")
    );
}

/// #16.15: no shell completions, no man page, no --encoding (a Latin-1 "José" became the Nigerian city "Jos"),
/// no --delimiter, and a --version that said nothing of the gazetteers.
#[test]
fn newcomer_15_completions_man_pages_encoding_delimiter_and_version() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = whosaid(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        assert!(script.contains("extract") && script.contains("encoding") && script.contains("delimiter"), "{shell}");
    }
    let bash = stdout(&whosaid(&["completions", "bash"]));
    let syntax = Command::new("bash").arg("-n").stdin(Stdio::piped()).spawn().and_then(|mut c| {
        use std::io::Write;
        c.stdin.take().unwrap().write_all(bash.as_bytes())?;
        c.wait()
    });
    assert!(syntax.unwrap().success(), "the bash script parses");

    let page = stdout(&whosaid(&["man"]));
    assert!(page.contains(".TH whosaid 1") && page.contains("whosaid\\-extract(1)"), "{page}");
    let extract = stdout(&whosaid(&["man", "extract"]));
    assert!(extract.contains(".TH whosaid-extract 1") && extract.contains("\\-\\-encoding"), "{extract}");
    let tmp = tempfile::tempdir().unwrap();
    let man = tmp.path().join("man1");
    assert!(whosaid(&["man", "--out-dir", man.to_str().unwrap()]).status.success());
    let pages = names_in(&man);
    for name in ["whosaid.1", "whosaid-extract.1", "whosaid-eval.1", "whosaid-gazetteer-check.1", "whosaid-man.1"] {
        assert!(pages.iter().any(|p| p == name), "{name} in {pages:?}");
    }

    // --encoding: a Latin-1 file
    let latin = tmp.path().join("latin.txt");
    std::fs::write(&latin, b"Jos\xe9 Mar\xeda Aznar said the talks in Madrid would go on.\n").unwrap();
    let as_utf8 = csv_rows(&stdout(&whosaid(&["extract", "-q", latin.to_str().unwrap()])));
    assert!(as_utf8.iter().any(|r| r["text"] == "Jos"), "the surprise: {as_utf8:?}");
    for name in ["latin1", "iso-8859-1", "windows-1252"] {
        let rows = csv_rows(&stdout(&whosaid(&["extract", "-q", "--encoding", name, latin.to_str().unwrap()])));
        let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&*r["text"], &*r["start"], &*r["end"])).collect();
        assert_eq!(got, [("José María Aznar", "0", "16"), ("Madrid", "35", "41")], "{name}");
    }

    // --delimiter
    let input = fixture("corpus/nested/pacific.txt");
    let semi = stdout(&whosaid(&["extract", "-q", "--delimiter", ";", input.to_str().unwrap()]));
    assert!(semi.starts_with("doc_id;start;end;text;entity_id;"), "{semi}");
    let rows: Vec<csv::StringRecord> =
        csv::ReaderBuilder::new().delimiter(b';').from_reader(semi.as_bytes()).records().map(Result::unwrap).collect();
    let comma = csv_rows(&stdout(&whosaid(&["extract", "-q", input.to_str().unwrap()])));
    assert_eq!(rows.len(), comma.len());
    assert_eq!(&rows[0][3], comma[0]["text"].as_str());
    let tab = stdout(&whosaid(&["extract", "-q", "--delimiter", "tab", input.to_str().unwrap()]));
    assert!(tab.starts_with("doc_id\tstart\tend\t"));

    // --version: the gazetteers' files, rows per file, data date and contents, from the files themselves
    let version = stdout(&whosaid(&["--version"]));
    let gazetteers = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gazetteers)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    let countries = std::fs::read_to_string(gazetteers.join("countries.tsv")).unwrap();
    let country_rows = countries.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count() - 1;
    let sources = std::fs::read_to_string(gazetteers.join("SOURCES.md")).unwrap();
    let gathered = &sources[sources.find("gathered ").unwrap() + 9..][..10];
    assert!(
        version.starts_with(&format!(
            "whosaid {}\nembedded gazetteers: {} files, ",
            env!("CARGO_PKG_VERSION"),
            files.len()
        )),
        "{version}"
    );
    assert!(version.contains(&format!(" countries {country_rows}, ")), "{version}");
    assert!(version.contains(&format!("; data gathered {gathered}; contents ")), "{version}");
}
