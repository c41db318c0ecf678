//! The whole pipeline, `Attributor::attribute`, one document at a time.
//!
//! ```text
//! cargo bench --bench pipeline
//! WHOSAID_BENCH_JSONL=../shared/data/polnear/dev.jsonl cargo bench --bench pipeline
//! ```
//!
//! Every benchmark asserts the number of quotations in quotation marks
//! inside the timed closure.

// criterion_group! defines undocumented functions.
#![allow(missing_docs)]

#[path = "common/mod.rs"]
mod common;

use common::{SMALL, TINY, define, generate, jsonl_documents};
use criterion::{Criterion, criterion_group, criterion_main};
use whosaid::Attributor;

/// The quotations in marks (each part of an interrupted one) in
/// benches/corpus/news-small.txt (see the corpus README).
const SMALL_MARKED: usize = 16;

/// The quotations `attribute` finds that open with a quotation mark: the
/// count that depends on finding quotes, not on how the sieve classes
/// them.
fn marked(at: &Attributor, doc: &str) -> usize {
    let result = at.attribute(doc);
    result.quotes().iter().filter(|q| result.text_of(q.span()).starts_with(['“', '"'])).count()
}

fn pipeline(c: &mut Criterion) {
    let at = Attributor::new();
    let large = generate::large(1_300_000);
    let mut cases: Vec<(String, Vec<String>, usize)> = vec![
        ("tiny".into(), vec![TINY.into()], 1),
        ("small".into(), vec![SMALL.into()], SMALL_MARKED),
        ("large".into(), large.articles.clone(), large.direct),
    ];
    if let Some((name, docs)) = jsonl_documents() {
        // No gold count for an outside corpus: the first run's count.
        let n = docs.iter().map(|d| marked(&at, d)).sum();
        cases.push((name, docs, n));
    }
    for (name, docs, want) in &cases {
        let bytes: usize = docs.iter().map(String::len).sum();
        define(c, "attribute", "whosaid", name, bytes, || {
            let n: usize = docs.iter().map(|d| marked(&at, d)).sum();
            assert_eq!(n, *want);
        });
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
