//! The `whosaid` binary, run on fixtures: `tests/data/cli/` (a directory
//! tree and JSONL files) and files written here (invalid UTF-8, gzip,
//! larger batches).

// The helpers below are test code too: a failed step should stop the test.
#![allow(clippy::expect_used)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli").join(name)
}

/// Runs the binary with `args` and `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start whosaid");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("write stdin");
    drop(input);
    child.wait_with_output().expect("run whosaid")
}

fn stdout(out: &Output) -> &str {
    std::str::from_utf8(&out.stdout).expect("UTF-8 output")
}

fn stderr(out: &Output) -> &str {
    std::str::from_utf8(&out.stderr).expect("UTF-8 errors")
}

fn records(out: &Output) -> Vec<Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

/// The summary line's `name` count, e.g. `3 documents` → 3.
fn summary(out: &Output, name: &str) -> u64 {
    let line = stderr(out).lines().last().expect("a summary line");
    assert!(line.starts_with("whosaid: "), "summary: {line}");
    let words: Vec<&str> = line.split([' ', ',', ';']).filter(|w| !w.is_empty()).collect();
    let i = words.iter().position(|w| w.trim_end_matches('s') == name).unwrap_or_else(|| panic!("{name} in {line}"));
    words[i - 1].parse().expect("a count")
}

/// A scratch directory, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("whosaid-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write fixture");
        path.to_str().expect("UTF-8 path").to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("compress");
    enc.finish().expect("compress")
}

fn text_of(text: &str, start: &Value, end: &Value, chars: bool) -> String {
    let (s, e) = (start.as_u64().expect("start") as usize, end.as_u64().expect("end") as usize);
    if chars { text.chars().skip(s).take(e - s).collect() } else { text[s..e].to_string() }
}

/// The speech quotations the library finds in `text`: what the tool must
/// report. (Which quotes and speakers are right is tested elsewhere; here
/// the library is the oracle.)
fn library_quotes(text: &str) -> Vec<Expected> {
    let doc = whosaid::Attributor::new().attribute(text);
    doc.speech()
        .map(|q| {
            let a = q.attribution();
            Expected {
                kind: q.kind().as_str().to_string(),
                content: doc.text_of(q.content()).to_string(),
                lemma: q.cue().map(|c| c.lemma().to_string()),
                speaker: a.map(|a| a.speaker_name().to_string()),
                rule: a.map(|a| a.rule().as_str().to_string()),
            }
        })
        .collect()
}

/// What a record must say of one quotation.
#[derive(Debug, PartialEq)]
struct Expected {
    kind: String,
    content: String,
    lemma: Option<String>,
    speaker: Option<String>,
    rule: Option<String>,
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

#[test]
fn text_file_gives_one_record_per_quotation_with_its_spans() {
    let path = data("tree/harbour.txt");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let expected = library_quotes(&text);
    assert!(expected.iter().filter(|q| q.kind == "direct").count() >= 3, "{expected:?}");
    for (unit, chars) in [("chars", true), ("bytes", false)] {
        let out = run(&["--format", "jsonl", "--offsets", unit, path.to_str().expect("path")], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let recs = records(&out);
        let got: Vec<_> = recs
            .iter()
            .map(|r| Expected {
                kind: r["kind"].as_str().expect("kind").to_string(),
                content: r["content"].as_str().expect("content").to_string(),
                lemma: opt(&r["cue_lemma"]),
                speaker: opt(&r["speaker"]),
                rule: opt(&r["rule"]),
            })
            .collect();
        assert_eq!(got, expected, "--offsets {unit}");
        for r in &recs {
            assert_eq!(r["id"], path.to_str().expect("path"));
            let slice = |start: &str, end: &str| text_of(&text, &r[start], &r[end], chars);
            assert_eq!(slice("content_start", "content_end"), r["content"].as_str().expect("content"));
            if r["kind"] == "direct" {
                let quote = slice("start", "end");
                assert!(quote.starts_with('“') && quote.ends_with('”'), "{quote}");
            }
            if !r["cue"].is_null() {
                assert_eq!(slice("cue_start", "cue_end"), r["cue"].as_str().expect("cue"));
                assert!(r["cue_class"].is_string() && r["cue_stance"].is_string());
            }
            if !r["speaker"].is_null() {
                assert_eq!(slice("mention_start", "mention_end"), r["mention"].as_str().expect("mention"));
                assert!(r["mention_kind"].is_string());
                let conf = r["confidence"].as_f64().expect("confidence");
                assert!(conf > 0.0 && conf <= 1.0, "{conf}");
            }
        }
        let attributed = expected.iter().filter(|q| q.speaker.is_some()).count() as u64;
        assert_eq!(summary(&out, "document"), 1);
        assert_eq!(summary(&out, "quotation"), expected.len() as u64);
        assert_eq!(summary(&out, "attributed"), attributed);
    }
}

#[test]
fn directory_tree_reads_txt_and_md_recursively_in_order() {
    let root = data("tree");
    let out = run(&["--format", "json", root.to_str().expect("path")], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = records(&out);
    let ids: Vec<String> = docs
        .iter()
        .map(|d| {
            let id = d["id"].as_str().expect("id");
            Path::new(id).strip_prefix(&root).expect("under the root").to_str().expect("UTF-8").to_string()
        })
        .collect();
    // Sorted by name at each level; `ignored.csv` is not text.
    assert_eq!(ids, ["harbour.txt", "notes/deep/minutes.txt", "notes/interview.md"]);
    let mut total = 0;
    for (doc, id) in docs.iter().zip(&ids) {
        let text = std::fs::read_to_string(root.join(id)).expect("fixture");
        // --format json carries every quote, terms included.
        let all = whosaid::Attributor::new().attribute(&text).quotes().len();
        assert_eq!(doc["quotes"].as_array().map(Vec::len), Some(all), "{id}");
        total += library_quotes(&text).len() as u64;
    }
    assert_eq!(docs[1]["quotes"].as_array().map(Vec::len), Some(0));
    assert_eq!(summary(&out, "document"), 3);
    assert_eq!(summary(&out, "quotation"), total);
    assert_eq!(summary(&out, "failed"), 0);
}

#[test]
fn jsonl_ids_and_order_survive_many_threads() {
    let scratch = Scratch::new("order");
    let mut lines = String::new();
    for i in 0..300 {
        // Unequal sizes, so that workers finish out of order.
        let filler = "The port reopened on Tuesday after a long dispute. ".repeat((i * 37) % 90);
        let line = serde_json::json!({"id": format!("doc-{i}"), "text": format!("{filler}“Ship {i} has left,” said Ana Ruiz.")});
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    let path = scratch.file("many.jsonl", lines.as_bytes());
    let out = run(&["--threads", "2", "-f", "jsonl", &path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 300);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], format!("doc-{i}"));
        assert_eq!(r["content"], format!("Ship {i} has left,"));
        assert_eq!(r["speaker"], "Ana Ruiz");
    }
    assert_eq!(summary(&out, "attributed"), 300);
}

#[test]
fn good_jsonl_keeps_given_ids_and_names_the_rest_by_line() {
    let path = data("good.jsonl");
    let name = path.to_str().expect("path");
    let out = run(&["-f", "json", name], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<Value> = records(&out).iter().map(|d| d["id"].clone()).collect();
    // A number stays a number; the blank line 3 is no document.
    assert_eq!(ids, [Value::from("a1"), Value::from(2), Value::from(format!("{name}:4"))]);
}

#[test]
fn bad_documents_are_reported_and_the_rest_is_processed() {
    let scratch = Scratch::new("mixed");
    let mut bytes = std::fs::read(data("mixed.jsonl")).expect("fixture");
    bytes.extend_from_slice(b"{\"id\": \"latin-1\", \"text\": \"caf\xe9\"}\n");
    bytes.extend_from_slice("{\"id\": \"ok-3\", \"text\": \"“Last one,” said Ana Ruiz.\"}\n".as_bytes());
    let jsonl = scratch.file("mixed.jsonl", &bytes);
    let bad_text = scratch.file("latin1.txt", b"First line.\nSecond line, caf\xe9.\n");
    let good_text = scratch.file("good.txt", "“Fine,” said Ana Ruiz.".as_bytes());
    let missing = scratch.0.join("missing.txt").to_str().expect("path").to_string();
    let args = ["-f", "json", &jsonl, &bad_text, &missing, &good_text];
    let out = run(&args, b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        format!("whosaid: {jsonl}:2: invalid JSON at column"),
        format!("whosaid: {jsonl}:3: no \"text\" field"),
        format!("whosaid: {jsonl}:5: invalid document at column"),
        format!("whosaid: {jsonl}:6: invalid UTF-8 at column"),
        format!("whosaid: {bad_text}:2: invalid UTF-8 at byte"),
        format!("whosaid: {missing}: No such file"),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in\n{err}");
    }
    // One line per input document, failures included, in input order.
    let docs = records(&out);
    let ids: Vec<String> = docs.iter().map(|d| d["id"].as_str().map_or(d["id"].to_string(), str::to_string)).collect();
    let expected = [
        "ok-1".to_string(),
        format!("{jsonl}:2"),
        "no-text".to_string(),
        "ok-2".to_string(),
        format!("{jsonl}:5"),
        format!("{jsonl}:6"),
        "ok-3".to_string(),
        bad_text.clone(),
        missing.clone(),
        good_text.clone(),
    ];
    assert_eq!(ids, expected);
    let failed: Vec<bool> = docs.iter().map(|d| d.get("error").is_some()).collect();
    assert_eq!(failed, [false, true, true, false, true, true, false, true, true, false]);
    assert_eq!((summary(&out, "document"), summary(&out, "failed")), (4, 6));

    // The per-quotation formats write the good documents' records.
    let out = run(&["-f", "jsonl", &jsonl, &bad_text, &missing, &good_text], b"");
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<Value> = records(&out).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, [Value::from("ok-1"), "ok-2".into(), "ok-3".into(), good_text.clone().into()]);
}

#[test]
fn empty_input() {
    let scratch = Scratch::new("empty");
    let empty_jsonl = scratch.file("empty.jsonl", b"");
    let blank_jsonl = scratch.file("blank.jsonl", b"\n  \n\n");
    let out = run(&["-f", "jsonl", &empty_jsonl, &blank_jsonl], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(summary(&out, "document"), 0);
    // CSV still has its header.
    let out = run(&["-f", "csv", &empty_jsonl], b"");
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("id,quote,group,parent,kind,start,end,"), "{}", stdout(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
    // Empty standard input is one empty text document.
    let out = run(&["-f", "json"], b"");
    assert!(out.status.success());
    let docs = records(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "<stdin>");
    assert_eq!(docs[0]["quotes"].as_array().map(Vec::len), Some(0));
    // An empty directory.
    let dir = scratch.0.join("nothing-here");
    std::fs::create_dir(&dir).expect("dir");
    let out = run(&[dir.to_str().expect("path")], b"");
    assert!(out.status.success());
    assert_eq!(summary(&out, "document"), 0);
}

#[test]
fn gzip_input_equals_plain_input() {
    let scratch = Scratch::new("gz");
    let plain_jsonl = std::fs::read(data("good.jsonl")).expect("fixture");
    let plain_text = std::fs::read(data("tree/harbour.txt")).expect("fixture");
    let gz_jsonl = scratch.file("good.jsonl.gz", &gzip(&plain_jsonl));
    let gz_text = scratch.file("harbour.txt", &gzip(&plain_text));
    let plain = run(
        &["-f", "jsonl", data("good.jsonl").to_str().expect("p"), data("tree/harbour.txt").to_str().expect("p")],
        b"",
    );
    let zipped = run(&["-f", "jsonl", &gz_jsonl, &gz_text], b"");
    assert!(zipped.status.success(), "{}", stderr(&zipped));
    let strip = |recs: Vec<Value>| -> Vec<Value> {
        recs.into_iter()
            .map(|mut r| {
                r["id"] = Value::Null; // file names differ
                r
            })
            .collect()
    };
    assert_eq!(strip(records(&zipped)), strip(records(&plain)));
    assert!(!records(&zipped).is_empty());
    // Standard input too.
    let stdin = run(&["-f", "jsonl", "--input-format", "jsonl", "-"], &gzip(&plain_jsonl));
    assert_eq!(records(&stdin).len(), 2, "{}", stderr(&stdin));
    // A truncated archive: an error naming the file, and the next file is still read.
    let gz = gzip(&plain_jsonl);
    let cut = scratch.file("cut.jsonl.gz", &gz[..gz.len() / 2]);
    let out = run(&["-f", "jsonl", &cut, &gz_text], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("whosaid: {cut}:")), "{}", stderr(&out));
    assert!(records(&out).iter().any(|r| r["id"] == gz_text.as_str()));
}

#[test]
fn stdin_as_text_and_as_jsonl() {
    let out = run(&["-f", "jsonl"], "“Go home,” said Ana Ruiz.".as_bytes());
    assert!(out.status.success());
    let recs = records(&out);
    assert_eq!(
        (recs.len(), &recs[0]["id"], &recs[0]["speaker"]),
        (1, &Value::from("<stdin>"), &Value::from("Ana Ruiz"))
    );
    let out =
        run(&["-f", "jsonl", "--input-format", "jsonl"], br#"{"id": "x", "text": "\u201cGo,\u201d said Ana Ruiz."}"#);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(records(&out)[0]["id"], "x");
}

#[test]
fn csv_has_the_jsonl_records() {
    let path = data("tree");
    let p = path.to_str().expect("path");
    let jsonl = records(&run(&["-f", "jsonl", p], b""));
    let out = run(&["-f", "csv", p], b"");
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), jsonl.len());
    for (row, rec) in rows.iter().zip(&jsonl) {
        for (field, cell) in header.iter().zip(row.iter()) {
            let want = match &rec[field.as_str()] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(cell, want, "field {field}");
        }
    }
}

#[test]
fn table_shows_every_document() {
    let root = data("tree");
    let out = run(&["-f", "table", root.to_str().expect("path")], b"");
    assert!(out.status.success());
    let table = stdout(&out);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("DOCUMENT") && lines[0].ends_with("QUOTE"), "{table}");
    // One row a quotation, and one for a document without any.
    let rows: usize = ["harbour.txt", "notes/deep/minutes.txt", "notes/interview.md"]
        .iter()
        .map(|f| library_quotes(&std::fs::read_to_string(root.join(f)).expect("fixture")).len().max(1))
        .sum();
    assert_eq!(lines.len(), 1 + rows, "{table}");
    assert!(lines.iter().any(|l| l.contains("minutes.txt") && l.ends_with("(no quotations)")), "{table}");
    let first = library_quotes(&std::fs::read_to_string(root.join("harbour.txt")).expect("fixture"));
    let speaker = first[0].speaker.as_deref().expect("the first quote has a speaker");
    assert!(lines[1].contains("harbour.txt") && lines[1].contains(speaker), "{table}");
}

#[cfg(unix)]
#[test]
fn unreadable_entry_in_a_tree_is_reported() {
    let scratch = Scratch::new("tree");
    scratch.file("a.txt", "“One,” said Ana Ruiz.".as_bytes());
    scratch.file("c.txt", "“Two,” said Ana Ruiz.".as_bytes());
    let dangling = scratch.0.join("b.txt");
    std::os::unix::fs::symlink(scratch.0.join("gone.txt"), &dangling).expect("symlink");
    let out = run(&["-f", "jsonl", scratch.0.to_str().expect("path")], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("whosaid: {}:", dangling.display())), "{}", stderr(&out));
    assert_eq!(records(&out).len(), 2);
    assert_eq!((summary(&out, "document"), summary(&out, "failed")), (2, 1));
}

#[test]
fn usage_errors_exit_with_two() {
    for args in [&["--threads", "0"][..], &["--format", "xml"], &["--offsets", "words"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
