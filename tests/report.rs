//! `--format html`, opened in headless Chromium as an editor would open it: the rendered page
//! must agree with the JSON output on the totals, the per-rule counts and the per-folder
//! breakdown, page its findings, work with JavaScript off, and load nothing from the network.
//!
//! The browser is Debian's `chromium` (`.ci/run` installs it). Without it these tests print a
//! skip notice, except under CI, where they fail.

// The skip notice and where the screenshot was saved are printed for whoever runs the tests.
#![allow(clippy::print_stdout)]

mod common;

use std::collections::BTreeMap;
use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::{corpus_or_skip, in_ci, postlint_in, stdout_of, tree};
use scraper::{Html, Selector};

const CHROMIUM: &str = "/usr/bin/chromium";

/// The browser, or `None` with a printed notice (a panic under CI: nothing may be skipped).
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    let path = PathBuf::from(CHROMIUM);
    if path.exists() {
        return Some(path);
    }
    assert!(
        !in_ci(),
        "{test}: {CHROMIUM} not found; .ci/run installs Debian's chromium"
    );
    println!("skipped: {test}: {CHROMIUM} not found (CI runs it)");
    None
}

/// Chromium run headless on `page` with `extra` flags: the flags that keep it off every network
/// (no background services, every host but 127.0.0.1 unresolvable) and a fresh profile.
fn chromium(browser: &Path, url: &str, extra: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().expect("temp dir");
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
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .args(extra)
    .arg(url);
    cmd.output().expect("chromium runs")
}

fn dump_dom(browser: &Path, url: &str, extra: &[&str]) -> Html {
    let mut args = vec!["--dump-dom", "--virtual-time-budget=5000"];
    args.extend_from_slice(extra);
    let out = chromium(browser, url, &args);
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Html::parse_document(&String::from_utf8_lossy(&out.stdout))
}

fn select<'a>(dom: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    dom.select(&Selector::parse(css).expect("selector"))
        .collect()
}

fn text(e: &scraper::ElementRef) -> String {
    e.text().collect::<String>().trim().to_owned()
}

fn number(dom: &Html, css: &str) -> usize {
    let found = select(dom, css);
    let e = found
        .first()
        .unwrap_or_else(|| panic!("{css} is on the page"));
    text(e)
        .parse()
        .unwrap_or_else(|_| panic!("{css} holds a number"))
}

#[test]
fn the_corpus_report_matches_the_json_output_in_a_browser() {
    let Some(corpus) = corpus_or_skip("the_corpus_report_matches_the_json_output_in_a_browser")
    else {
        return;
    };
    let Some(browser) = chromium_or_skip("the_corpus_report_matches_the_json_output_in_a_browser")
    else {
        return;
    };
    let args = ["check", "--no-config", "--exit-zero", "."];
    let json: Vec<serde_json::Value> = serde_json::from_str(&stdout_of(
        postlint_in(&corpus).args(args).args(["--format", "json"]),
    ))
    .expect("JSON output");
    let files = stdout_of(postlint_in(&corpus).args(["check", "--no-config", "--show-files", "."]))
        .lines()
        .count();
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&out_dir).expect("artifact folder");
    let page = out_dir.join("corpus.html");
    let run = postlint_in(&corpus)
        .args(args)
        .args(["--format", "html", "--output"])
        .arg(&page)
        .output()
        .expect("postlint runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains(&format!("Wrote the HTML report to {}", page.display())),
        "the size line is printed: {stdout}"
    );

    let url = format!("file://{}", page.display());
    let dom = dump_dom(&browser, &url, &[]);
    let severity = |s: &str| json.iter().filter(|f| f["severity"] == s).count();
    assert_eq!(number(&dom, "[data-key=files] dd"), files);
    assert_eq!(number(&dom, "[data-key=error] dd"), severity("error"));
    assert_eq!(number(&dom, "[data-key=warning] dd"), severity("warning"));
    assert_eq!(number(&dom, "[data-key=info] dd"), severity("info"));
    let with_findings: std::collections::BTreeSet<&str> =
        json.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        number(&dom, "[data-key=files-with-findings] dd"),
        with_findings.len()
    );

    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    for f in &json {
        *per_rule
            .entry(f["code"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    let shown: BTreeMap<String, usize> = select(&dom, "#rules-table tbody tr")
        .iter()
        .map(|tr| {
            let v = tr.value();
            (
                v.attr("data-code").unwrap().to_owned(),
                text(&select_in(tr, "td.n")[0]).parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(shown, per_rule, "findings per rule");
    assert!(
        per_rule.len() > 3,
        "the corpus has findings of several rules"
    );

    // The corpus's own folders (seed, rsshub-page, ...) are the top level: every path the JSON
    // names starts with one of them.
    let mut per_folder: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_subfolder: BTreeMap<String, usize> = BTreeMap::new();
    for f in &json {
        let path = f["path"].as_str().unwrap();
        let parts: Vec<&str> = path.split('/').collect();
        let top = if parts.len() > 1 {
            format!("{}/", parts[0])
        } else {
            "./".into()
        };
        *per_folder.entry(top).or_default() += 1;
        if parts.len() > 2 {
            *per_subfolder
                .entry(format!("{}/{}/", parts[0], parts[1]))
                .or_default() += 1;
        }
    }
    let rows = select(&dom, "#folders-table tbody tr");
    let table = |depth: &str| -> BTreeMap<String, usize> {
        rows.iter()
            .filter(|tr| tr.value().attr("data-depth") == Some(depth))
            .map(|tr| {
                let v = tr.value();
                (
                    v.attr("data-folder").unwrap().to_owned(),
                    v.attr("data-count").unwrap().parse().unwrap(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    assert_eq!(table("1"), per_folder, "findings per top-level folder");
    assert_eq!(
        table("2"),
        per_subfolder,
        "findings per second-level folder"
    );
    // The text in the cells says the same as the data attributes the test compared.
    for tr in &rows {
        let count: usize = tr.value().attr("data-count").unwrap().parse().unwrap();
        assert_eq!(text(&select_in(tr, "td.n")[0]), count.to_string());
    }

    // The script paged the findings: one page of 100 and a pager.
    let total = json.len();
    assert!(total > 100, "the corpus has more than one page of findings");
    assert_eq!(select(&dom, "#finding-list > li").len(), 100);
    assert_eq!(
        text(&select(&dom, "#page-info")[0]),
        format!("Findings 1–100 of {total}.")
    );
    assert_eq!(
        select(&dom, "#pager[hidden]").len(),
        0,
        "the pager is shown"
    );
    assert_eq!(
        select(&dom, "#filters[hidden]").len(),
        0,
        "the filters are shown"
    );
    // Each finding shows its excerpt with the span highlighted, as in the JSON order.
    let first = &select(&dom, "#finding-list > li")[0];
    assert_eq!(
        first.value().attr("data-rule"),
        json[0]["code"].as_str(),
        "findings in the JSON order"
    );
    assert!(!select_in(first, "pre.excerpt mark").is_empty());

    let shot = out_dir.join("corpus.png");
    let out = chromium(
        &browser,
        &url,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2400",
        ],
    );
    assert!(
        out.status.success(),
        "screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata(&shot)
        .map(|m| m.len() > 10_000)
        .unwrap_or(false));
    println!("screenshot of the corpus report: {}", shot.display());
}

fn select_in<'a>(e: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    e.select(&Selector::parse(css).expect("selector")).collect()
}

/// A post whose markup, quoted in findings, would load an image and run script if the report
/// put it on the page as markup: the images point at a server the test runs on 127.0.0.1.
fn hostile_site(port: u16) -> tempfile::TempDir {
    let img = format!("http://127.0.0.1:{port}/hotlinked.png");
    let post = format!(
        "---\ntitle: 一篇文章\ncover: {img}?cover\n---\n\n\
         <img src=\"{img}\" onerror=\"alert(1)\">\n\n\
         <p style=\"background:url({img}?css)\">段落</p>\n\n\
         ![]({img}?md)\n\n\
         <script src=\"{img}?script\"></script>\n"
    );
    let mut files: Vec<(String, String)> = vec![("source/_posts/hostile.md".into(), post)];
    for i in 0..120 {
        files.push((
            format!("source/_posts/more/post-{i}.md"),
            format!("---\ntitle: p{i}\n---\n\n<img src=\"{img}?n={i}\">\n"),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    tree(&refs)
}

#[test]
fn the_report_loads_nothing_and_runs_no_post_markup() {
    let Some(browser) = chromium_or_skip("the_report_loads_nothing_and_runs_no_post_markup") else {
        return;
    };
    let server = Server::start();
    let port = server.port;
    let site = hostile_site(port);
    let page = site.path().join("report.html");
    let run = postlint_in(site.path())
        .args([
            "check",
            "--no-config",
            "--select",
            "ALL",
            "--format",
            "html",
            "--output",
        ])
        .arg(&page)
        .arg("source")
        .output()
        .expect("postlint runs");
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let html = std::fs::read_to_string(&page).expect("report written");

    // The policy that forbids every request is the page's first word on it.
    let written = Html::parse_document(&html);
    let csp = select(&written, "meta[http-equiv=Content-Security-Policy]");
    assert_eq!(csp.len(), 1);
    assert!(csp[0]
        .value()
        .attr("content")
        .unwrap()
        .starts_with("default-src 'none'"));
    // Nothing in the file asks for anything: no element with a source, no stylesheet link, no
    // CSS url(), no script request.
    assert!(select(
        &written,
        "[src], link, img, iframe, object, embed, video, audio, source"
    )
    .is_empty());
    for style in select(&written, "style") {
        let css = text(&style);
        assert!(
            !css.contains("url(") && !css.contains("@import"),
            "CSS loads nothing"
        );
    }
    for script in select(&written, "script:not([type])") {
        let js = text(&script);
        for call in [
            "fetch(",
            "XMLHttpRequest",
            "import(",
            "WebSocket",
            "sendBeacon",
            "innerHTML",
        ] {
            assert!(!js.contains(call), "the script does not use {call}");
        }
    }
    assert_eq!(
        select(&written, "script").len(),
        2,
        "the data and the script only"
    );
    assert!(
        html.contains("127.0.0.1"),
        "the post's URLs are quoted as text"
    );

    // JavaScript off (headless Chromium cannot dump the DOM then, so the page as written is
    // what such a browser shows): the summary and the first page are there, filters are not.
    // JavaScript on: the script drew the same first page from the embedded data.
    // Served from 127.0.0.1 (from a file:// page Chromium would not fetch loopback URLs at all,
    // and the test could not fail); the control page shows that a load would be counted.
    std::fs::copy(&page, server.root.join("report.html")).expect("copy");
    std::fs::write(
        server.root.join("control.html"),
        format!("<img src=\"http://127.0.0.1:{port}/hotlinked.png\">"),
    )
    .expect("control page");
    dump_dom(&browser, &server.url("control.html"), &[]);
    assert!(server.leaks() > 0, "the control page's image was requested");
    server.reset();
    let rendered = dump_dom(&browser, &server.url("report.html"), &[]);
    for (dom, how) in [(&written, "as written"), (&rendered, "rendered")] {
        assert!(
            select(dom, "img, iframe, object, embed").is_empty(),
            "{how}"
        );
        assert_eq!(select(dom, "script").len(), 2, "{how}");
        let live: Vec<_> = select(dom, "[onerror], [style*=url]");
        assert!(live.is_empty(), "{how}: post markup became page markup");
        assert_eq!(number(dom, "[data-key=files] dd"), 121, "{how}");
        let list = select(dom, "#finding-list > li");
        assert_eq!(list.len(), 100, "{how}: the first page of findings");
        assert!(
            list.iter()
                .any(|li| text(li).contains(&format!("http://127.0.0.1:{port}/hotlinked.png"))),
            "{how}: the quoted URL is shown"
        );
    }
    assert_eq!(
        select(&written, "#filters[hidden]").len(),
        1,
        "no filters without script"
    );
    assert_eq!(
        select(&rendered, "#filters[hidden]").len(),
        0,
        "filters with script"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.leaks(), 0, "the report made a request");
}

/// An HTTP server on 127.0.0.1 that serves the `.html` files of its folder and counts every
/// other request: those are what a report must never make.
struct Server {
    port: u16,
    root: PathBuf,
    _dir: tempfile::TempDir,
    others: Arc<AtomicUsize>,
}

impl Server {
    fn start() -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().unwrap().port();
        let others = Arc::new(AtomicUsize::new(0));
        let (count, folder) = (others.clone(), root.clone());
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                let mut buf = [0u8; 4096];
                let n = stream.read(&mut buf).unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]);
                // Chromium opens spare connections it may never send a request on.
                let Some(path) = request.split_whitespace().nth(1) else {
                    continue;
                };
                let name = path.trim_start_matches('/');
                let page = (name.ends_with(".html") && !name.contains('/'))
                    .then(|| std::fs::read(folder.join(name)).ok())
                    .flatten();
                let reply = match page {
                    Some(body) => {
                        let mut r = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        )
                        .into_bytes();
                        r.extend(body);
                        r
                    }
                    None => {
                        if name != "favicon.ico" {
                            count.fetch_add(1, Ordering::SeqCst);
                        }
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_vec()
                    }
                };
                let _ = stream.write_all(&reply);
            }
        });
        Server {
            port,
            root,
            _dir: dir,
            others,
        }
    }

    fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{name}", self.port)
    }

    fn leaks(&self) -> usize {
        self.others.load(Ordering::SeqCst)
    }

    fn reset(&self) {
        self.others.store(0, Ordering::SeqCst);
    }
}
