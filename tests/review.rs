//! The analyst outputs: the workbook read back (zip + XML) and the review page in a real headless browser.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

fn whosaid(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().expect("whosaid runs")
}

/// A small article with a formula-like quotation, non-ASCII text and markup in it.
fn article(dir: &Path) -> PathBuf {
    let path = dir.join("review.txt");
    std::fs::write(
        &path,
        "Iranian Foreign Ministry spokesman Nasser Kanaani said: “We will respond to Azerbaijan’s claims.”\n\n\
         “=SUM(A1:A9) is not a policy,” Hegseth said in Tokyo.\n\n\
         A reader wrote: “<script>alert(1)</script> is no argument.”\n",
    )
    .unwrap();
    path
}

fn zip_entry(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn workbook_has_four_sheets_frozen_filtered_and_typed_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let input = article(tmp.path());
    let run =
        whosaid(&["extract", "-q", "--format", "xlsx", "--out-dir", out.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let book = out.join("whosaid.xlsx");
    let workbook = zip_entry(&book, "xl/workbook.xml");
    let names: Vec<&str> = workbook.split("<sheet name=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert_eq!(names, ["Quotes", "Mentions", "Entities", "Summary"]);
    // the data sheets are written in constant memory: their strings are inline (t="inlineStr"), the Summary's
    // shared
    let strings = zip_entry(&book, "xl/sharedStrings.xml");
    let quotes = zip_entry(&book, "xl/worksheets/sheet1.xml");
    let sheets: String = (1..=3).map(|n| zip_entry(&book, &format!("xl/worksheets/sheet{n}.xml"))).collect();
    // header row frozen, autofilter on
    assert!(quotes.contains("state=\"frozen\""), "{quotes}");
    assert!(quotes.contains("<autoFilter"));
    // the formula-like quotation is a string (text), never a formula
    assert!(!sheets.contains("<f>"));
    let formula_cell = quotes.split("<c ").find(|c| c.contains("=SUM(A1:A9) is not a policy")).unwrap();
    assert!(formula_cell.contains("t=\"inlineStr\""), "{formula_cell}");
    // offsets are numbers: row 2, column D (quote_start) holds a number, not a string
    let d2 = quotes.split("<c r=\"D2\"").nth(1).unwrap();
    let d2 = &d2[..d2.find("</c>").unwrap()];
    assert!(!d2.contains("t=\"s\"") && !d2.contains("inlineStr") && d2.contains("<v>"), "{d2}");
    for header in ["doc_id", "quote_start", "speaker_country", "confidence", "entity_id", "aliases_seen"] {
        assert!(sheets.contains(&format!(">{header}<")), "{header}");
    }
    assert!(strings.contains("Top speakers") && strings.contains("Attributions per document"));
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|name| {
        std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(name)).find(|p| p.is_file())
    })
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--virtual-time-budget=5000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn review_page_renders_highlights_quotes_and_filters_in_a_browser() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: no chromium on PATH (.ci/run installs Debian's chromium)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let input = article(tmp.path());
    let run =
        whosaid(&["extract", "-q", "--format", "html", "--out-dir", out.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = out.join("review.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"), "self-contained");
    let url = format!("file://{}#filter=Kanaani", page.display());
    let dom = headless(&browser, &tmp.path().join("profile")).arg("--dump-dom").arg(&url).output().unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("data-ready=\"1\""), "the script ran: {dom}");
    // highlights and quotation marks in the rendered text
    assert!(dom.contains("<mark class=\"PERSON\""), "{dom}");
    assert!(dom.contains("<mark class=\"COUNTRY\"") || dom.contains("<mark class=\"DEMONYM\""));
    assert!(dom.contains("class=\"who\">Nasser Kanaani</span>"));
    assert!(dom.contains("We will respond to Azerbaijan’s claims."));
    // markup in the article stays text
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !dom.contains("<script>alert(1)"));
    // the filter from the address shows only Kanaani's row
    let visible = dom.matches("<tr class=\"qrow\">").count();
    let hidden = dom.matches("<tr class=\"qrow\" hidden=\"\">").count();
    assert_eq!((visible, hidden), (1, 2), "{dom}");
    // a screenshot for people to look at
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("review-page.png");
    let status = headless(&browser, &tmp.path().join("profile2"))
        .arg("--window-size=1280,1000")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(status.status.success());
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
    eprintln!("screenshot: {}", shot.display());
}

/// The review page of `dir`'s files, loaded in a frame of a page that measures it: the page's own layout, as
/// a browser lays it out in a 1280-pixel window, and the quotation rows its filters leave visible.
fn measure_review_page(browser: &Path, tmp: &Path, page: &Path, hash: &str) -> serde_json::Value {
    let probe = page.with_file_name("probe.html");
    std::fs::write(
        &probe,
        format!(
            "<!doctype html><body style=\"margin:0\"><iframe id=\"f\" src=\"review.html{hash}\" \
             style=\"width:1280px;height:900px;border:0\"></iframe><script>\n\
             const f=document.getElementById('f');f.onload=()=>setTimeout(()=>{{const d=f.contentDocument;\n\
             const wrap=d.querySelector('.tablewrap').getBoundingClientRect();\n\
             const heads=[...d.querySelectorAll('#qt th')].map(th=>[th.textContent,th.getBoundingClientRect().right]);\n\
             const rows=[...d.querySelectorAll('#qt tbody tr')].filter(r=>!r.hidden).map(r=>[...r.children].map(c=>c.textContent));\n\
             const out=document.createElement('pre');out.id='result';\n\
             out.textContent=JSON.stringify({{wrapRight:wrap.right,pageWidth:d.documentElement.scrollWidth,heads,rows}});\n\
             document.body.appendChild(out);}},200);\n</script></body>"
        ),
    )
    .unwrap();
    let dom = headless(browser, &tmp.join(format!("profile-{}", hash.len())))
        .args(["--allow-file-access-from-files", "--window-size=1300,1000", "--dump-dom"])
        .arg(format!("file://{}", probe.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    let json = dom
        .split("<pre id=\"result\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| panic!("{dom}"));
    serde_json::from_str(&json.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")).unwrap()
}

/// #16.13: the review page's filter matched document names (a surname gave every quotation of the article
/// named after him), and with hundreds of documents the Method and Document columns scrolled out of view. The
/// filter now looks at what was said and by whom, the document has a filter of its own, and the columns stay
/// in view.
#[test]
fn newcomer_13_review_filter_ignores_document_names_and_columns_stay_in_view() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: no chromium on PATH (.ci/run installs Debian's chromium)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let article = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article.txt")).unwrap();
    for i in 0..300 {
        // names as archives give them: long, and with no place where a line may break
        let name = format!("wire_2024_08_{:02}_aegean_naval_exercise_coverage_of_the_services_{i:03}.txt", i % 28 + 1);
        std::fs::write(input.join(name), &article).unwrap();
    }
    std::fs::write(
        input.join("nasser-kanaani-profile.txt"),
        "Iranian Foreign Ministry spokesman Nasser Kanaani said: “We will respond.”\n\n\
         “The talks go on,” Hegseth said in Tokyo.\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let run =
        whosaid(&["extract", "-q", "--format", "html", "--out-dir", out.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = out.join("review.html");

    let filtered = measure_review_page(&browser, tmp.path(), &page, "#filter=Kanaani");
    let rows = filtered["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "only Kanaani's own quotation: {rows:?}");
    assert_eq!(rows[0][0], "Nasser Kanaani");
    let by_doc = measure_review_page(&browser, tmp.path(), &page, "#doc=kanaani");
    assert_eq!(by_doc["rows"].as_array().unwrap().len(), 2, "the document filter finds the article by its name");

    let all = measure_review_page(&browser, tmp.path(), &page, "");
    let right = all["wrapRight"].as_f64().unwrap();
    let heads = all["heads"].as_array().unwrap();
    assert_eq!(heads.len(), 5);
    for head in heads {
        assert!(head[1].as_f64().unwrap() <= right + 1.0, "{head:?} ends past the table's edge at {right}: {all}");
    }
    assert!(all["pageWidth"].as_f64().unwrap() <= 1281.0, "no horizontal scrolling: {all}");
}
