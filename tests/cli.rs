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
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
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
