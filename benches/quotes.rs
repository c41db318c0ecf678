//! The quotation finder alone ([`Attributor::quotes`]), in MB/s of input,
//! on the tiny, small and large corpora of `corpus/README.md`, beside a
//! bare `memchr` scan for the same text's candidate bytes (`"`, `'` and the
//! `0xE2` lead byte of curly marks): the speed limit of any finder that
//! looks at every mark.
//!
//! ```text
//! cargo bench --bench quotes
//! ```
//!
//! Every timed closure asserts the count it computes, so a fast wrong
//! answer fails instead of winning.

// criterion_group! defines an undocumented function.
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use whosaid::Attributor;

#[path = "corpus/generate.rs"]
mod generate;

/// One corpus, with what each stage must count in it.
struct Corpus {
    name: &'static str,
    text: String,
    /// Quotes found by the finder.
    quotes: usize,
    /// Candidate bytes found by the memchr scan.
    candidates: usize,
}

fn corpora() -> Vec<Corpus> {
    vec![
        Corpus { name: "tiny", text: include_str!("corpus/tiny.txt").to_string(), quotes: 2, candidates: 6 },
        Corpus { name: "small", text: include_str!("corpus/small.txt").to_string(), quotes: 13, candidates: 36 },
        Corpus { name: "large", text: generate::large(1 << 20), quotes: 4_998, candidates: 14_962 },
    ]
}

/// Registers `stage` on `corpus` with its throughput in bytes, asserting
/// inside the timed closure that `run` counts `expected`.
fn define(c: &mut Criterion, stage: &str, corpus: &Corpus, expected: usize, run: impl Fn(&str) -> usize) {
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(corpus.text.len() as u64));
    group.bench_function(BenchmarkId::new(stage, corpus.name), |b| {
        b.iter(|| {
            let n = run(black_box(&corpus.text));
            assert_eq!(n, expected, "{stage} on {}", corpus.name);
            n
        })
    });
    group.finish();
}

fn finder(c: &mut Criterion) {
    let at = Attributor::new();
    for corpus in corpora() {
        define(c, "finder", &corpus, corpus.quotes, |text| at.quotes(text).count());
        define(c, "memchr", &corpus, corpus.candidates, |text| {
            memchr::memchr3_iter(b'"', b'\'', 0xE2, text.as_bytes()).count()
        });
    }
}

criterion_group!(benches, finder);
criterion_main!(benches);
