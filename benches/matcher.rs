//! The cue matcher, `Attributor::cues`, beside two references on the same
//! corpora: a naive per-word hash-lookup matcher (what one writes first)
//! and a bare `memchr::memmem` scan for one word (the speed of light for
//! any search that reads every byte).
//!
//! ```text
//! cargo bench --bench matcher
//! WHOSAID_BENCH_JSONL=../shared/data/polnear/dev.jsonl cargo bench --bench matcher
//! ```
//!
//! Every benchmark asserts its count inside the timed closure: a fast wrong
//! answer is not a win.

// criterion_group! defines undocumented functions.
#![allow(missing_docs)]

#[path = "common/mod.rs"]
mod common;

use common::naive::NaiveMatcher;
use common::{SMALL, TINY, define, generate, jsonl_documents};
use criterion::{Criterion, criterion_group, criterion_main};
use whosaid::Attributor;

/// One corpus and the counts every matcher must find in it.
struct Case {
    name: String,
    docs: Vec<String>,
    cues: usize,
    naive: usize,
}

fn cases(at: &Attributor, naive: &NaiveMatcher) -> Vec<Case> {
    let large = generate::large(1_300_000);
    let mut out = vec![
        // Hand-checked counts: see benches/corpus/README.md.
        Case { name: "tiny".into(), docs: vec![TINY.into()], cues: 1, naive: 1 },
        Case { name: "small".into(), docs: vec![SMALL.into()], cues: SMALL_CUES, naive: SMALL_NAIVE },
        Case { name: "large".into(), docs: vec![large.text.clone()], cues: large.cues, naive: large.naive },
    ];
    if let Some((name, docs)) = jsonl_documents() {
        // No gold counts for an outside corpus: take the first run's counts
        // and check every timed run against them.
        let cues = docs.iter().map(|d| at.cues(d).count()).sum();
        let naive_n = docs.iter().map(|d| naive.count(d)).sum();
        out.push(Case { name, docs, cues, naive: naive_n });
    }
    out
}

/// The cues in benches/corpus/news-small.txt (see the corpus README).
const SMALL_CUES: usize = 29;
/// The naive matcher's phrases in benches/corpus/news-small.txt.
const SMALL_NAIVE: usize = 38;

fn matcher(c: &mut Criterion) {
    let at = Attributor::new();
    let naive = NaiveMatcher::new(&at.cue_lexicon());
    for case in cases(&at, &naive) {
        let bytes: usize = case.docs.iter().map(String::len).sum();
        let docs = &case.docs;
        define(c, "cues", "whosaid", &case.name, bytes, || {
            let n: usize = docs.iter().map(|d| at.cues(d).count()).sum();
            assert_eq!(n, case.cues);
        });
        define(c, "cues", "naive-hash", &case.name, bytes, || {
            let n: usize = docs.iter().map(|d| naive.count(d)).sum();
            assert_eq!(n, case.naive);
        });
        // `str::matches` (Two-Way) gives the expected count; the bench runs
        // memchr's SIMD substring search.
        let said: usize = docs.iter().map(|d| d.matches("said").count()).sum();
        let finder = memchr::memmem::Finder::new("said");
        define(c, "cues", "memchr-said", &case.name, bytes, || {
            let n: usize = docs.iter().map(|d| finder.find_iter(d.as_bytes()).count()).sum();
            assert_eq!(n, said);
        });
    }
}

fn build(c: &mut Criterion) {
    c.bench_function("build/attributor", |b| {
        b.iter(|| {
            let at = Attributor::new();
            assert!(at.cue_lexicon().lines().count() >= 300);
        })
    });
}

criterion_group!(benches, matcher, build);
criterion_main!(benches);
