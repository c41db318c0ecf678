//! Parallel attribution of many documents on rayon's thread pool (feature
//! `rayon`): [`Attributor::attribute_batch`] for texts already in memory,
//! [`Attributor::attribute_stream`] for inputs too large to hold at once.
//!
//! Both share one [`Attributor`] between the pool's threads (it is
//! immutable, so nothing is locked) and give results in input order.

use crate::engine::Attributor;
use crate::output::Document;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::fmt;
use std::iter::Fuse;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::thread;
use std::time::Duration;

/// Parallel analysis of many texts.
impl Attributor {
    /// Analyses every text in parallel on the current rayon pool (the
    /// global one unless called inside [`rayon::ThreadPool::install`]),
    /// one shared engine for all; `result[i]` is the analysis of
    /// `texts[i]`.
    ///
    /// Each [`Document`] borrows its text from `texts`, so the whole batch
    /// is in memory at once. For inputs larger than memory use
    /// [`Attributor::attribute_stream`].
    ///
    /// ```
    /// use whosaid::Attributor;
    ///
    /// let texts = vec![
    ///     "“We are ready,” said Ana Ruiz.".to_string(),
    ///     "No quotation here.".to_string(),
    ///     "“Not yet,” Tomas Berg said.".to_string(),
    /// ];
    /// let docs = Attributor::new().attribute_batch(&texts);
    /// let who: Vec<Option<&str>> = docs
    ///     .iter()
    ///     .map(|d| d.quotes().first().and_then(|q| q.attribution()).map(|a| a.speaker_name()))
    ///     .collect();
    /// assert_eq!(who, [Some("Ana Ruiz"), None, Some("Tomas Berg")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attribute_batch<'h, T>(&self, texts: &'h [T]) -> Vec<Document<'h>>
    where
        T: AsRef<str> + Sync,
    {
        texts.par_iter().map(|t| self.attribute(t.as_ref())).collect()
    }

    /// Runs `work(attributor, item)` for every item of `inputs` on the
    /// current rayon pool and yields the results lazily, in input order.
    ///
    /// This is the call for archives: items are pulled from `inputs` only
    /// as results are taken, and at most [`window`](AttributeStream::window)
    /// jobs of [`chunk`](AttributeStream::chunk) items each are in flight
    /// (by default twice the pool's threads, of one item each), plus the
    /// finished job whose results are being yielded. Memory is therefore
    /// bounded by (window + 1) × chunk times the largest item and its
    /// result, whatever the input's size.
    /// `inputs` is advanced on the thread that iterates the stream, so it
    /// may read files; `work` runs on the pool, and is where to parse the
    /// item, call [`Attributor::attribute`] and turn the [`Document`]
    /// (which borrows its text) into an owned result.
    ///
    /// Each job costs a hand-over between threads (some microseconds);
    /// for items that take less than a millisecond each (news articles are
    /// 0.1 to 0.5 ms), [`chunk`](AttributeStream::chunk) them. A large item
    /// at the head of the window holds back the results after it; while it
    /// is analysed the window cannot refill, so the pool may idle. Raise
    /// the window when document sizes vary widely.
    ///
    /// # Panics
    ///
    /// If `work` panics, the panic is resumed on the thread that iterates
    /// the stream when that item's turn comes. Attribution itself never
    /// panics.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Attributor;
    ///
    /// // Any iterator of owned items: lines of a file, rows of a database.
    /// let lines = (0..100).map(|i| format!("“Item {i} is done,” said Ana Ruiz."));
    /// let at = Attributor::new();
    /// let speakers: Vec<String> = at
    ///     .attribute_stream(lines, |at, line: String| {
    ///         let doc = at.attribute(&line);
    ///         let who = doc.quotes().first().and_then(|q| q.attribution());
    ///         who.map_or(String::new(), |a| a.speaker_name().to_string())
    ///     })
    ///     .chunk(16) // short texts: hand them over 16 at a time
    ///     .window(8) // at most 8 chunks in flight
    ///     .collect();
    /// assert_eq!(speakers.len(), 100);
    /// assert!(speakers.iter().all(|s| s == "Ana Ruiz"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attribute_stream<I, R, F>(&self, inputs: I, work: F) -> AttributeStream<I::IntoIter, F, R>
    where
        I: IntoIterator,
        I::Item: Send + 'static,
        R: Send + 'static,
        F: Fn(&Attributor, I::Item) -> R + Send + Sync + 'static,
    {
        AttributeStream {
            inputs: inputs.into_iter().fuse(),
            shared: Arc::new((self.clone(), work)),
            window: 2 * rayon::current_num_threads().max(1),
            chunk: 1,
            pending: VecDeque::new(),
            ready: Vec::new().into_iter(),
        }
    }
}

/// The lazy, ordered results of [`Attributor::attribute_stream`].
///
/// An iterator: each call to `next` first tops the window up from the
/// inputs, then waits for the oldest job's results.
pub struct AttributeStream<I, F, R> {
    inputs: Fuse<I>,
    shared: Arc<(Attributor, F)>,
    /// Jobs in flight, at most.
    window: usize,
    /// Items per job.
    chunk: usize,
    /// One receiver per job in flight, oldest first: the order of the
    /// results is the order of this queue, whatever order the pool
    /// finishes them in.
    pending: VecDeque<Receiver<thread::Result<Vec<R>>>>,
    /// The results of the oldest finished job not yet yielded.
    ready: std::vec::IntoIter<R>,
}

impl<I, F, R> AttributeStream<I, F, R>
where
    I: Iterator,
    I::Item: Send + 'static,
    R: Send + 'static,
    F: Fn(&Attributor, I::Item) -> R + Send + Sync + 'static,
{
    /// Sets how many jobs may be in flight at once (at least 1). The
    /// default is twice the number of threads of the pool that was current
    /// when the stream was made.
    ///
    /// A window below the number of threads leaves threads idle; a larger
    /// one evens out documents of unequal size, at the cost of holding more
    /// of them in memory.
    pub fn window(mut self, jobs: usize) -> Self {
        self.window = jobs.max(1);
        self
    }

    /// Sets how many items each job takes (at least 1; the default is 1).
    ///
    /// Every job costs a hand-over between threads. On the 60 MB synthetic
    /// news corpus (1.7 KB a document; see EVALUATION.md) one document a
    /// job kept two cores only 75 to 88% busy; grouping about 16 documents
    /// (some 30 KB of text) a job brought that to 96 to 99%.
    pub fn chunk(mut self, items: usize) -> Self {
        self.chunk = items.max(1);
        self
    }

    /// Hands jobs to the pool until the window is full or the inputs end.
    fn fill(&mut self) {
        while self.pending.len() < self.window {
            let items: Vec<I::Item> = self.inputs.by_ref().take(self.chunk).collect();
            if items.is_empty() {
                break;
            }
            // One channel per job: its results have exactly one place to
            // go, and a stream dropped early leaves its jobs nowhere to
            // send, which they ignore.
            let (tx, rx) = mpsc::sync_channel(1);
            let shared = Arc::clone(&self.shared);
            rayon::spawn_fifo(move || {
                let (at, work) = &*shared;
                // Caught, so that a panicking `work` reaches the caller
                // instead of aborting the pool's thread.
                let results = panic::catch_unwind(AssertUnwindSafe(|| {
                    items.into_iter().map(|item| work(at, item)).collect::<Vec<R>>()
                }));
                let _ = tx.send(results);
            });
            self.pending.push_back(rx);
        }
    }
}

impl<I, F, R> Iterator for AttributeStream<I, F, R>
where
    I: Iterator,
    I::Item: Send + 'static,
    R: Send + 'static,
    F: Fn(&Attributor, I::Item) -> R + Send + Sync + 'static,
{
    type Item = R;

    fn next(&mut self) -> Option<R> {
        loop {
            if let Some(result) = self.ready.next() {
                return Some(result);
            }
            self.fill();
            let rx = self.pending.pop_front()?;
            // Every job sends exactly once (its panic is caught), and the
            // pool outlives its jobs, so the channel is never closed empty;
            // if it were, ending the stream beats inventing results.
            match wait(&rx)? {
                Ok(results) => self.ready = results.into_iter(),
                Err(payload) => panic::resume_unwind(payload),
            }
            // Keep the pool busy while the caller takes these results.
            self.fill();
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lo, hi) = self.inputs.size_hint();
        let ready = self.ready.len();
        // A pending job holds between 1 and `chunk` items.
        let (min, max) = (ready + self.pending.len(), ready + self.pending.len() * self.chunk);
        (lo.saturating_add(min), hi.and_then(|h| h.checked_add(max)))
    }
}

/// Waits for one result. On a thread of a rayon pool, blocking could
/// starve the pool of the very thread the job needs (a one-thread pool
/// would deadlock), so the thread runs other jobs while it waits.
fn wait<T>(rx: &Receiver<T>) -> Option<T> {
    loop {
        match rx.try_recv() {
            Ok(v) => return Some(v),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) => {}
        }
        match rayon::yield_now() {
            // Not a pool thread: nothing else to do but wait.
            None => return rx.recv().ok(),
            Some(rayon::Yield::Executed) => {}
            // Nothing to run here: the job is running elsewhere.
            Some(_) => match rx.recv_timeout(Duration::from_millis(1)) {
                Ok(v) => return Some(v),
                Err(RecvTimeoutError::Disconnected) => return None,
                Err(RecvTimeoutError::Timeout) => {}
            },
        }
    }
}

impl<I: fmt::Debug, F, R> fmt::Debug for AttributeStream<I, F, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AttributeStream")
            .field("inputs", &self.inputs)
            .field("window", &self.window)
            .field("chunk", &self.chunk)
            .field("jobs_in_flight", &self.pending.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(i: usize) -> String {
        // Documents of unequal size, so that the pool finishes them out of
        // order.
        let filler = "The port reopened on Tuesday. ".repeat((i * 7919) % 50);
        format!("{filler}“Ship {i} has left,” said Ana Ruiz.")
    }

    fn content(at: &Attributor, t: &str) -> Vec<String> {
        let doc = at.attribute(t);
        doc.quotes().iter().map(|q| doc.text_of(q.content()).to_string()).collect()
    }

    #[test]
    fn batch_equals_sequential_in_order() {
        let texts: Vec<String> = (0..200).map(text).collect();
        let at = Attributor::new();
        let docs = at.attribute_batch(&texts);
        assert_eq!(docs.len(), texts.len());
        for (i, (doc, t)) in docs.iter().zip(&texts).enumerate() {
            assert_eq!(doc.text(), t.as_str(), "document {i}");
            let seq = at.attribute(t);
            assert_eq!(doc.quotes(), seq.quotes(), "document {i}");
            assert_eq!(doc.speakers(), seq.speakers(), "document {i}");
        }
        assert!(at.attribute_batch::<&str>(&[]).is_empty());
    }

    #[test]
    fn stream_keeps_input_order_for_every_window() {
        let at = Attributor::new();
        let expected: Vec<Vec<String>> = (0..120).map(|i| content(&at, &text(i))).collect();
        for (window, chunk) in [(1, 1), (2, 1), (3, 1), (16, 1), (1000, 1), (1, 7), (4, 16), (2, 500)] {
            let got: Vec<Vec<String>> = at
                .attribute_stream((0..120).map(text), |at, t: String| content(at, &t))
                .window(window)
                .chunk(chunk)
                .collect();
            assert_eq!(got, expected, "window {window}, chunk {chunk}");
        }
    }

    #[test]
    fn stream_pulls_inputs_lazily() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let pulled = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&pulled);
        let inputs = (0..1_000_000usize).inspect(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let mut stream = Attributor::new().attribute_stream(inputs, |_, i| i).window(4).chunk(3);
        assert_eq!(stream.next(), Some(0));
        assert_eq!(stream.next(), Some(1));
        // The chunk being yielded and a window of chunks read ahead.
        assert!(pulled.load(Ordering::SeqCst) <= 3 + 4 * 3, "pulled {}", pulled.load(Ordering::SeqCst));
        assert_eq!(stream.by_ref().take(20).count(), 20);
        assert!(pulled.load(Ordering::SeqCst) <= 22 + 3 + 4 * 3, "pulled {}", pulled.load(Ordering::SeqCst));
    }

    #[test]
    fn stream_inside_a_one_thread_pool_does_not_deadlock() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
        let at = Attributor::new();
        let n = pool.install(|| at.attribute_stream((0..50).map(text), |at, t: String| content(at, &t)).count());
        assert_eq!(n, 50);
    }

    #[test]
    fn stream_resumes_a_panic_of_work() {
        let at = Attributor::new();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            at.attribute_stream(0..10, |_, i: i32| if i == 5 { panic!("item five") } else { i }).collect::<Vec<_>>()
        }));
        let payload = result.expect_err("the panic of item 5 reaches the caller");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"item five"));
    }

    #[test]
    fn stream_of_nothing_is_empty() {
        let mut s = Attributor::new().attribute_stream(Vec::<String>::new(), |at, t| at.attribute(&t).quotes().len());
        assert_eq!(s.size_hint(), (0, Some(0)));
        assert_eq!(s.next(), None);
        assert_eq!(s.next(), None);
    }
}
