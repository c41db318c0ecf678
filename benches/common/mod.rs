//! What both benches share: the corpora and the one helper that defines a
//! benchmark with its throughput (bstr's `define`).

#![allow(dead_code)]

pub mod generate;
pub mod naive;

use criterion::{BenchmarkId, Criterion, Throughput};

/// The one-sentence tier.
pub const TINY: &str = include_str!("../corpus/news-tiny.txt");
/// The one-article tier.
pub const SMALL: &str = include_str!("../corpus/news-small.txt");

/// The environment variable that names an extra JSONL corpus (one
/// document a line with a `text` field, as in `../shared/data`).
pub const JSONL_VAR: &str = "WHOSAID_BENCH_JSONL";

/// Defines one benchmark, `group/name/corpus`, whose throughput is the
/// corpus size in bytes, so the report reads in MB/s at every tier.
pub fn define(c: &mut Criterion, group: &str, name: &str, corpus: &str, bytes: usize, f: impl FnMut()) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes as u64));
    if bytes > 100_000 {
        g.sample_size(20);
    }
    let mut f = f;
    g.bench_function(BenchmarkId::new(name, corpus), |b| b.iter(&mut f));
    g.finish();
}

/// The documents of the JSONL file named by [`JSONL_VAR`], if it is set.
///
/// # Panics
///
/// When the file cannot be read or a line has no `text`: a bench run
/// should stop rather than measure the wrong input.
pub fn jsonl_documents() -> Option<(String, Vec<String>)> {
    let path = std::env::var(JSONL_VAR).ok()?;
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let docs = data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1));
            v.get("text").and_then(|t| t.as_str()).unwrap_or_else(|| panic!("{path}:{}: no text", i + 1)).to_string()
        })
        .collect();
    let name = std::path::Path::new(&path).file_stem().map_or("jsonl".into(), |s| s.to_string_lossy().into_owned());
    Some((name, docs))
}
