//! Input discovery and reading: command-line paths → documents.
//!
//! [`Inputs`] walks the paths in order and yields one [`Job`] per input
//! document, reading lazily: a directory is walked entry by entry, a JSONL
//! file line by line, so only the documents in flight are in memory.
//! Reading (I/O, gzip) happens on the thread that iterates; decoding
//! (UTF-8, JSON) is left to [`Job::decode`], which runs on a worker.
//! Every problem becomes a job that decodes to a [`Failure`] naming the
//! file and line, in its place in the input order, so nothing is dropped.

use clap::ValueEnum;
use flate2::bufread::MultiGzDecoder;
use serde::Deserialize;
use serde_json::Value;
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How to read an input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By name: `.jsonl` and `.ndjson` (optionally `.gz`) are JSON lines,
    /// anything else (and standard input) is one text document.
    Auto,
    /// Each file (or standard input) is one text document.
    Text,
    /// Each line is a JSON object with a string `text` and an optional `id`.
    Jsonl,
}

/// Where a document comes from: a file name (or `<stdin>`) and, when
/// known, a line.
#[derive(Clone, Debug)]
pub struct Origin {
    name: Arc<str>,
    line: Option<u64>,
}

impl Origin {
    fn file(name: Arc<str>) -> Origin {
        Origin { name, line: None }
    }

    fn at_line(&self, line: u64) -> Origin {
        Origin { name: Arc::clone(&self.name), line: Some(line) }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// One input document, read but not decoded.
#[derive(Debug)]
pub struct Job {
    origin: Origin,
    body: Body,
}

#[derive(Debug)]
enum Body {
    /// A whole file: one document, its name as id.
    Text(Vec<u8>),
    /// One line of a JSONL file, without its line break.
    JsonLine(Vec<u8>),
    /// Reading failed; the message says why.
    Failed(String),
}

/// A decoded document.
#[derive(Debug)]
pub struct Doc {
    /// The `id` of a JSONL line (a string or number as given), or the
    /// file's name.
    pub id: Value,
    /// The text to analyse.
    pub text: String,
}

/// A document that could not be read or decoded.
#[derive(Debug)]
pub struct Failure {
    /// The file and line.
    pub origin: Origin,
    /// The id, when the line was readable enough to have one; otherwise
    /// the origin.
    pub id: Value,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// The fields of a JSONL line that we read; the others are skipped.
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<String>,
}

impl Job {
    /// The bytes read for this job.
    fn size(&self) -> usize {
        match &self.body {
            Body::Text(b) | Body::JsonLine(b) => b.len(),
            Body::Failed(m) => m.len(),
        }
    }

    /// Checks the bytes and extracts the text: UTF-8 for a text file,
    /// UTF-8 and JSON for a JSONL line.
    pub fn decode(self) -> Result<Doc, Failure> {
        let Job { origin, body } = self;
        let fail = |origin: Origin, id: Option<Value>, message: String| {
            let id = id.unwrap_or_else(|| Value::String(origin.to_string()));
            Err(Failure { origin, id, message })
        };
        match body {
            Body::Failed(message) => fail(origin, None, message),
            Body::Text(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Ok(Doc { id: Value::String(origin.to_string()), text }),
                Err(e) => {
                    let bytes = e.as_bytes();
                    let at = e.utf8_error().valid_up_to();
                    let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count() as u64;
                    let id = Some(Value::String(origin.to_string()));
                    fail(origin.at_line(line), id, format!("invalid UTF-8 at byte {at} of the file"))
                }
            },
            Body::JsonLine(bytes) => {
                let line = match std::str::from_utf8(&bytes) {
                    Ok(line) => line,
                    Err(e) => {
                        let column = e.valid_up_to() + 1;
                        return fail(origin, None, format!("invalid UTF-8 at column {column}"));
                    }
                };
                // serde would also read a struct from an array: `[1, "x"]`.
                if !line.trim_start().starts_with('{') {
                    return fail(origin, None, "not a JSON object".to_string());
                }
                match serde_json::from_str::<Line>(line) {
                    Err(e) => fail(origin, None, json_message(&e)),
                    Ok(Line { id, text }) => {
                        let id = id.filter(|v| !v.is_null());
                        match text {
                            Some(text) => {
                                let id = id.unwrap_or_else(|| Value::String(origin.to_string()));
                                Ok(Doc { id, text })
                            }
                            None => fail(origin, id, "no \"text\" field".to_string()),
                        }
                    }
                }
            }
        }
    }
}

/// serde_json's message, with the position given as a column: the input
/// is one line, so its "line 1" would mislead.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let what = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => &full,
    };
    let kind = if e.is_data() { "invalid document" } else { "invalid JSON" };
    if e.column() > 0 { format!("{kind} at column {}: {what}", e.column()) } else { format!("{kind}: {what}") }
}

/// The documents named on the command line, in order.
pub struct Inputs {
    paths: VecDeque<PathBuf>,
    format: InputFormat,
    walk: Option<walkdir::IntoIter>,
    lines: Option<Lines>,
}

impl Inputs {
    /// Reads `paths` in order; `-`, or no path at all, is standard input.
    pub fn new(paths: &[PathBuf], format: InputFormat) -> Inputs {
        let mut paths: VecDeque<PathBuf> = paths.iter().cloned().collect();
        if paths.is_empty() {
            paths.push_back(PathBuf::from("-"));
        }
        Inputs { paths, format, walk: None, lines: None }
    }

    /// Opens one file (or standard input): a text document, or the start of
    /// a JSONL file whose lines come next.
    fn open(&mut self, path: &Path) -> Option<Job> {
        let stdin = path.as_os_str() == "-";
        let name: Arc<str> = if stdin { "<stdin>".into() } else { path.display().to_string().into() };
        let origin = Origin::file(Arc::clone(&name));
        let reader: io::Result<Box<dyn BufRead>> = if stdin {
            decompress(Box::new(io::stdin().lock()))
        } else {
            File::open(path).and_then(|f| decompress(Box::new(BufReader::with_capacity(1 << 16, f))))
        };
        let mut reader = match reader {
            Ok(r) => r,
            Err(e) => return Some(Job { origin, body: Body::Failed(e.to_string()) }),
        };
        let jsonl = match self.format {
            InputFormat::Text => false,
            InputFormat::Jsonl => true,
            InputFormat::Auto => !stdin && is_jsonl_name(&name),
        };
        if jsonl {
            self.lines = Some(Lines { origin, reader, line: 0 });
            return None;
        }
        let mut bytes = Vec::new();
        let body = match reader.read_to_end(&mut bytes) {
            Ok(_) => Body::Text(bytes),
            Err(e) => Body::Failed(format!("read error: {e}")),
        };
        Some(Job { origin, body })
    }

    /// The next file of the directory being walked, or a walking error.
    fn next_in_walk(&mut self) -> Option<Option<Job>> {
        let walk = self.walk.as_mut()?;
        let Some(entry) = walk.next() else {
            self.walk = None;
            return Some(None);
        };
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_text_name(entry.path()) => {
                let path = entry.into_path();
                Some(self.open(&path))
            }
            Ok(_) => Some(None),
            Err(e) => {
                let name = e.path().map_or_else(|| "<directory>".to_string(), |p| p.display().to_string());
                let message = match e.io_error() {
                    Some(io) => io.to_string(),
                    None => e.to_string(),
                };
                Some(Some(Job { origin: Origin::file(name.into()), body: Body::Failed(message) }))
            }
        }
    }
}

impl Inputs {
    /// Groups the jobs into batches of about `bytes` bytes (a batch
    /// closes at the first job that reaches the size, so it holds less
    /// than `bytes` plus one document).
    pub fn batches(mut self, bytes: usize) -> impl Iterator<Item = Vec<Job>> {
        std::iter::from_fn(move || {
            let (mut batch, mut size) = (Vec::new(), 0);
            while size < bytes {
                let Some(job) = self.next() else { break };
                size += job.size();
                batch.push(job);
            }
            (!batch.is_empty()).then_some(batch)
        })
    }
}

impl Iterator for Inputs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(job) => {
                        if matches!(job.body, Body::Failed(_)) {
                            // The rest of the file cannot be trusted
                            // after a read (or gzip) error.
                            self.lines = None;
                        }
                        return Some(job);
                    }
                    None => self.lines = None,
                }
            }
            if let Some(found) = self.next_in_walk() {
                match found {
                    Some(job) => return Some(job),
                    None => continue,
                }
            }
            let path = self.paths.pop_front()?;
            if path.is_dir() {
                // Sorted, so that output order does not depend on the file
                // system; symbolic links followed (walkdir reports loops).
                self.walk = Some(walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name().into_iter());
                continue;
            }
            if let Some(job) = self.open(&path) {
                return Some(job);
            }
        }
    }
}

/// U+FEFF in UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The lines of one JSONL file, one job per non-blank line.
struct Lines {
    origin: Origin,
    reader: Box<dyn BufRead>,
    line: u64,
}

impl Lines {
    fn next(&mut self) -> Option<Job> {
        loop {
            self.line += 1;
            let origin = self.origin.at_line(self.line);
            let mut buf = Vec::new();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                        buf.pop();
                    }
                    if self.line == 1 && buf.starts_with(BOM) {
                        // Some editors start a UTF-8 file with a byte-order mark.
                        buf.drain(..BOM.len());
                    }
                    return Some(Job { origin, body: Body::JsonLine(buf) });
                }
                Err(e) => return Some(Job { origin, body: Body::Failed(format!("read error: {e}")) }),
            }
        }
    }
}

/// Wraps `reader` in a gzip decoder when its first bytes are the gzip
/// magic number. (No UTF-8 text starts with them: 0x8B is a continuation
/// byte.)
fn decompress(mut reader: Box<dyn BufRead>) -> io::Result<Box<dyn BufRead>> {
    let head = reader.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(reader))))
    } else {
        Ok(reader)
    }
}

/// `.jsonl` or `.ndjson`, optionally followed by `.gz`.
fn is_jsonl_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    base.ends_with(".jsonl") || base.ends_with(".ndjson")
}

/// The files a directory walk reads: `.txt` and `.md`.
fn is_text_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &[u8]) -> Result<Doc, Failure> {
        let origin = Origin::file("f.jsonl".into()).at_line(7);
        Job { origin, body: Body::JsonLine(text.to_vec()) }.decode()
    }

    #[test]
    fn jsonl_lines_decode_or_say_why() {
        let ok = line(br#"{"id": 3, "text": "Hi", "other": [1, {"x": null}]}"#).expect("valid");
        assert_eq!((ok.id, ok.text.as_str()), (Value::from(3), "Hi"));
        let no_id = line(br#"{"text": "Hi"}"#).expect("valid");
        assert_eq!(no_id.id, Value::from("f.jsonl:7"));
        let cases: &[(&[u8], &str)] = &[
            (br#"{"id": "a", "text": "#, "f.jsonl:7: invalid JSON at column 20: EOF while parsing a value"),
            (br#"{"id": "a"}"#, "f.jsonl:7: no \"text\" field"),
            (br#"{"id": "a", "text": null}"#, "f.jsonl:7: no \"text\" field"),
            (
                br#"{"text": 5}"#,
                "f.jsonl:7: invalid document at column 10: invalid type: integer `5`, expected a string",
            ),
            (b"{\"text\": \"caf\xe9\"}", "f.jsonl:7: invalid UTF-8 at column 14"),
            (b"[1, \"Hi\"]", "f.jsonl:7: not a JSON object"),
            (b"\"Hi\"", "f.jsonl:7: not a JSON object"),
        ];
        for (input, want) in cases {
            let err = line(input).expect_err("invalid");
            assert_eq!(err.to_string(), *want, "input {:?}", String::from_utf8_lossy(input));
        }
        let named = line(br#"{"id": "a"}"#).expect_err("no text");
        assert_eq!(named.id, Value::from("a"));
    }

    #[test]
    fn text_files_report_the_line_of_bad_utf8() {
        let origin = Origin::file("t.txt".into());
        let err = Job { origin, body: Body::Text(b"one\ntwo\nth\xffree".to_vec()) }.decode().expect_err("bad");
        assert_eq!(err.to_string(), "t.txt:3: invalid UTF-8 at byte 10 of the file");
        assert_eq!(err.id, Value::from("t.txt"));
    }

    #[test]
    fn batches_close_at_the_size() {
        let dir = std::env::temp_dir().join(format!("whosaid-batches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("b.jsonl");
        let lines: String = [10, 10, 50, 10, 10, 10].iter().map(|n| format!("{}\r\n", "x".repeat(*n))).collect();
        let lines = format!("\u{FEFF}{lines}");
        std::fs::write(&path, lines).expect("write");
        let sizes: Vec<Vec<usize>> = Inputs::new(std::slice::from_ref(&path), InputFormat::Jsonl)
            .batches(25)
            .map(|b| b.iter().map(Job::size).collect())
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(sizes, [vec![10, 10, 50], vec![10, 10, 10]]);
    }

    #[test]
    fn names() {
        assert!(is_jsonl_name("a/b.JSONL") && is_jsonl_name("x.ndjson.gz") && is_jsonl_name("x.jsonl.gz"));
        assert!(!is_jsonl_name("x.json") && !is_jsonl_name("x.gz") && !is_jsonl_name("jsonl"));
        assert!(is_text_name(Path::new("a/b.TXT")) && is_text_name(Path::new("c.md")));
        assert!(!is_text_name(Path::new("c.csv")) && !is_text_name(Path::new("txt")));
    }
}
