//! Runs whosaid over a gold JSONL corpus and writes predictions in the same
//! format, for `../shared/tools/score.py`.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl PRED.jsonl
//! ```
//!
//! Only `id` and `text` of each gold document are read. Each prediction
//! line holds the document's speech quotations (top-level, not terms) with
//! code-point offsets: `start`, `end`, `kind`, `speaker` (canonical name or
//! null), `speaker_mention` and `cue` (`[start, end]` or null), plus
//! `rule`, `confidence` and `group` for analysis. A line that is not valid
//! UTF-8 or not valid JSON is reported on stderr with its file and line,
//! and the rest is still processed. The last stderr line is
//! `throughput_mb_s=<float>`: input megabytes (10^6 bytes of text) over the
//! seconds spent inside `attribute`, on one thread.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use serde_json::Value;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use whosaid::{Attributor, Span};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gold, pred] = args.as_slice() else {
        eprintln!("usage: evaluate GOLD.jsonl PRED.jsonl");
        return ExitCode::from(2);
    };
    match run(gold, pred) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(gold: &str, pred: &str) -> Result<usize, Box<dyn std::error::Error>> {
    let input = BufReader::new(std::fs::File::open(gold).map_err(|e| format!("{gold}: {e}"))?);
    let mut out = BufWriter::new(std::fs::File::create(pred).map_err(|e| format!("{pred}: {e}"))?);
    let at = Attributor::new();
    let mut spent = Duration::ZERO;
    let (mut bytes, mut docs, mut quotes, mut errors) = (0usize, 0usize, 0usize, 0usize);
    for (n, line) in input.split(b'\n').enumerate() {
        let line_no = n + 1;
        let line = line.map_err(|e| format!("{gold}:{line_no}: {e}"))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let doc = match parse(&line) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("{gold}:{line_no}: {e}");
                errors += 1;
                continue;
            }
        };
        let (id, text) = doc;
        let start = Instant::now();
        let result = at.attribute(&text);
        spent += start.elapsed();
        bytes += text.len();
        docs += 1;
        let chars = result.char_offsets();
        let pair = |s: Span| {
            let r = chars.char_range(s);
            [r.start, r.end]
        };
        let preds: Vec<Pred<'_>> = result
            .speech()
            .filter(|q| q.parent().is_none())
            .map(|q| {
                let a = q.attribution();
                let r = chars.char_range(q.span());
                Pred {
                    confidence: a.map(|a| f64::from(a.confidence())),
                    cue: q.cue().map(|c| pair(c.span())),
                    end: r.end,
                    group: q.group(),
                    kind: q.kind().as_str(),
                    mention_kind: a.map(|a| a.mention_kind().as_str()),
                    rule: a.map(|a| a.rule().as_str()),
                    speaker: a.map(|a| a.speaker_name()),
                    speaker_mention: a.map(|a| pair(a.mention())),
                    start: r.start,
                }
            })
            .collect();
        quotes += preds.len();
        serde_json::to_writer(&mut out, &PredDoc { id: &id, quotes: &preds })?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let secs = spent.as_secs_f64();
    let mb_s = if secs > 0.0 { bytes as f64 / 1e6 / secs } else { 0.0 };
    eprintln!("documents={docs} quotes={quotes} errors={errors} bytes={bytes} seconds={secs:.4}");
    eprintln!("throughput_mb_s={mb_s:.2}");
    Ok(errors)
}

/// The fields of a gold document the harness reads; the rest of the line
/// (the gold answers) is skipped without being built.
#[derive(serde::Deserialize)]
struct GoldDoc {
    id: Value,
    text: String,
}

/// One prediction line (fields in the order `score.py`'s files have used).
#[derive(serde::Serialize)]
struct PredDoc<'a> {
    id: &'a Value,
    quotes: &'a [Pred<'a>],
}

/// One predicted quotation, with code-point offsets.
#[derive(serde::Serialize)]
struct Pred<'a> {
    confidence: Option<f64>,
    cue: Option<[usize; 2]>,
    end: usize,
    group: u32,
    kind: &'a str,
    mention_kind: Option<&'a str>,
    rule: Option<&'a str>,
    speaker: Option<&'a str>,
    speaker_mention: Option<[usize; 2]>,
    start: usize,
}

/// Reads `id` and `text` from one JSONL line.
fn parse(line: &[u8]) -> Result<(Value, String), String> {
    let line = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8: {e}"))?;
    let doc: GoldDoc = serde_json::from_str(line).map_err(|e| {
        let kind = if e.is_data() { "invalid document" } else { "invalid JSON" };
        format!("{kind}: {e}")
    })?;
    Ok((doc.id, doc.text))
}
