//! The quotation finder's speed against a bare `memchr` scan for the same
//! text's quote bytes, timed alternately in one process, best of many runs:
//! on a shared machine the best run is the least disturbed, and alternating
//! the two keeps their conditions alike (the criterion bench in
//! `benches/quotes.rs` reports means, which the machine's load moves).
//!
//! ```text
//! cargo run --release --example finder_speed [RUNS]
//! ```
//!
//! Prints MB/s (10^6 bytes of input per second) for each, and the ratio.

#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../benches/corpus/generate.rs"]
mod generate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).map(|s| s.parse()).transpose()?.unwrap_or(300);
    let text = generate::large(1 << 20);
    let at = whosaid::Attributor::new();
    let (mut finder, mut scan) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let quotes = at.quotes(black_box(&text)).count();
        finder = finder.min(t.elapsed());
        let t = Instant::now();
        let bytes = memchr::memchr3_iter(b'"', b'\'', 0xE2, black_box(text.as_bytes())).count();
        scan = scan.min(t.elapsed());
        if quotes == 0 || bytes == 0 {
            return Err("the corpus has no quotes".into());
        }
    }
    let mb = text.len() as f64 / 1e6;
    let speed = |d: Duration| mb / d.as_secs_f64();
    println!("finder  {:7.0} MB/s  ({} µs for {} bytes)", speed(finder), finder.as_micros(), text.len());
    println!("memchr  {:7.0} MB/s  ({} µs)", speed(scan), scan.as_micros());
    println!("ratio   {:7.2}", finder.as_secs_f64() / scan.as_secs_f64());
    Ok(())
}
