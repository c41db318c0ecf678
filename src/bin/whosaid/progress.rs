//! Progress and summary: counts documents, quotations, failures and
//! bytes; draws a progress bar on standard error for long runs on a
//! terminal; reports errors without garbling the bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::{Duration, Instant};

/// A run shorter than this never shows a bar.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// What a run has done so far.
#[derive(Debug)]
pub struct Progress {
    /// Draw a bar once the run is long enough.
    show: bool,
    bar: Option<ProgressBar>,
    start: Instant,
    pub documents: u64,
    pub failed: u64,
    pub quotes: u64,
    pub attributed: u64,
    /// Bytes of text analysed (for JSONL, of the `text` fields).
    pub bytes: u64,
}

impl Progress {
    /// Starts the clock; `show` allows a progress bar (give it when
    /// standard error is a terminal).
    pub fn new(show: bool) -> Progress {
        Progress { show, bar: None, start: Instant::now(), documents: 0, failed: 0, quotes: 0, attributed: 0, bytes: 0 }
    }

    /// Counts one analysed document.
    pub fn document(&mut self, quotes: u64, attributed: u64, bytes: u64) {
        self.documents += 1;
        self.quotes += quotes;
        self.attributed += attributed;
        self.bytes += bytes;
        self.tick();
    }

    /// Counts one failed document and prints its message.
    pub fn failure(&mut self, message: &str) {
        self.failed += 1;
        let print = || eprintln!("whosaid: {message}");
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
        self.tick();
    }

    fn tick(&mut self) {
        if self.bar.is_none() && self.show && self.start.elapsed() >= SHOW_AFTER {
            // The bar starts late, so it is told the time so far, and the
            // rate is ours: indicatif's would count from the bar's start.
            let bar =
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_elapsed(self.start.elapsed());
            let style = ProgressStyle::with_template("{spinner} [{elapsed}] {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            let (mb, secs) = (self.bytes as f64 / 1e6, self.start.elapsed().as_secs_f64());
            bar.set_message(format!(
                "{mb:.1} MB, {:.1} MB/s: {}, {}, {} failed",
                mb / secs.max(1e-9),
                count(self.documents, "document"),
                count(self.quotes, "quotation"),
                self.failed
            ));
        }
    }

    /// Removes the bar and gives the summary line.
    pub fn finish(&mut self) -> String {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        self.summary(self.start.elapsed())
    }

    fn summary(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let rate = if secs > 0.0 { mb / secs } else { 0.0 };
        format!(
            "whosaid: {}, {}, {} attributed, {} failed; {mb:.2} MB in {secs:.2} s, {rate:.1} MB/s",
            count(self.documents, "document"),
            count(self.quotes, "quotation"),
            self.attributed,
            self.failed,
        )
    }
}

fn count(n: u64, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_and_rate() {
        let mut p = Progress::new(false);
        p.document(3, 2, 1_500_000);
        p.document(0, 0, 500_000);
        p.failure("f.jsonl:2: invalid JSON");
        assert_eq!(
            p.summary(Duration::from_secs(2)),
            "whosaid: 2 documents, 3 quotations, 2 attributed, 1 failed; 2.00 MB in 2.00 s, 1.0 MB/s"
        );
        assert!(p.bar.is_none());
        let mut one = Progress::new(false);
        one.document(1, 0, 0);
        assert!(one.summary(Duration::ZERO).starts_with("whosaid: 1 document, 1 quotation, 0 attributed"));
    }
}
