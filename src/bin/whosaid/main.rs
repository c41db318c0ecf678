//! `whosaid`: who said what, in files, folders, JSONL dumps and standard
//! input.
//!
//! Reads documents lazily on the main thread ([`input`]), in batches of
//! about 64 KB; analyses the batches in parallel with one shared engine
//! through the library's `Attributor::attribute_stream`, rendering each
//! document on its worker ([`output`]); then writes the results in input
//! order while counting them ([`progress`]). At most twice as many batches
//! as threads are in flight, so memory follows the largest document times
//! the threads, not the input's size.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod input;
mod output;
mod progress;

use clap::Parser;
use input::{InputFormat, Inputs, Job};
use output::{Format, Offsets, Renderer};
use progress::Progress;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::Attributor;

/// Finds quotations in English text and who said them.
///
/// Reads text files (one document each, its path as id), directories
/// (recursively, their .txt and .md files), JSON lines ({"id", "text", …}
/// per line; .jsonl or .ndjson, gzipped or not) and standard input. Writes
/// one record per quotation, in input order. Problems with a document
/// (invalid UTF-8, a broken JSON line, a line without "text", an
/// unreadable file) are reported on standard error with the file and line;
/// every other document is still processed, and the exit status is 1.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, max_term_width = 100)]
struct Args {
    /// Files and directories to read; `-` (or nothing) reads standard input.
    paths: Vec<PathBuf>,

    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    format: Option<Format>,

    /// Unit of the offsets in jsonl and csv records (json gives both).
    #[arg(long, value_enum, default_value_t = Offsets::Chars)]
    offsets: Offsets,

    /// How to read each file.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,

    /// Also write terms and scare quotes (kind "term"), which are not
    /// speech.
    #[arg(long)]
    terms: bool,

    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// No progress bar and no summary line (errors are still reported).
    #[arg(short, long)]
    quiet: bool,
}

/// Documents are handed to the workers in batches of about this many bytes:
/// one document a job left a fifth of two cores idle in thread hand-overs
/// (news articles take a tenth of a millisecond each); see EVALUATION.md.
const BATCH_BYTES: usize = 64 * 1024;

/// What a worker makes of one job.
enum Outcome {
    Done(output::Rendered, u64),
    Failed(String, Vec<u8>),
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs the whole job; gives the number of documents that failed.
fn run(args: &Args) -> Result<u64, Box<dyn std::error::Error>> {
    let threads = match args.threads {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    rayon::ThreadPoolBuilder::new().num_threads(threads).build_global()?;
    let stdout = io::stdout();
    let on_terminal = stdout.is_terminal();
    let renderer = Renderer {
        format: args.format.unwrap_or(if on_terminal { Format::Table } else { Format::Jsonl }),
        offsets: args.offsets,
        terms: args.terms,
    };
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let batches = Inputs::new(&args.paths, args.input_format).batches(BATCH_BYTES);
    let results = Attributor::new()
        .attribute_stream(batches, move |at, jobs: Vec<Job>| {
            jobs.into_iter().map(|job| analyse(at, job, renderer)).collect::<Vec<Outcome>>()
        })
        .window(2 * threads);
    let mut written = out.write_all(&renderer.header());
    for outcome in results.flatten() {
        let bytes = match outcome {
            Outcome::Done(rendered, text_bytes) => {
                progress.document(rendered.quotes, rendered.attributed, text_bytes);
                rendered.bytes
            }
            Outcome::Failed(message, record) => {
                progress.failure(&message);
                record
            }
        };
        written = written.and_then(|()| out.write_all(&bytes));
        if on_terminal {
            written = written.and_then(|()| out.flush());
        }
        if written.is_err() {
            break;
        }
    }
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        // The reader has gone (`whosaid … | head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(progress.failed),
        Err(e) => return Err(format!("cannot write the output: {e}").into()),
    }
    let summary = progress.finish();
    if !args.quiet {
        eprintln!("{summary}");
    }
    Ok(progress.failed)
}

/// Decodes, analyses and renders one document (on a worker thread).
fn analyse(at: &Attributor, job: Job, renderer: Renderer) -> Outcome {
    let doc = match job.decode() {
        Ok(doc) => doc,
        Err(failure) => return Outcome::Failed(failure.to_string(), renderer.failure(&failure)),
    };
    let result = at.attribute(&doc.text);
    match renderer.document(&doc.id, &result) {
        Ok(rendered) => Outcome::Done(rendered, doc.text.len() as u64),
        Err(e) => Outcome::Failed(format!("{}: cannot render the result: {e}", doc.id), Vec::new()),
    }
}
