//! Prints who said what in a text file (or standard input).
//!
//! ```text
//! cargo run --example attribute -- examples/sample-article.txt
//! cargo run --example attribute -- --json examples/sample-article.txt
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{Read, Write};
use whosaid::Attributor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: attribute [--json] [FILE]   (reads standard input without FILE)");
                return Ok(());
            }
            _ => path = Some(arg),
        }
    }
    let bytes = match &path {
        Some(p) => std::fs::read(p).map_err(|e| format!("{p}: {e}"))?,
        None => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            buf
        }
    };
    let name = path.as_deref().unwrap_or("<stdin>");
    let text = String::from_utf8(bytes).map_err(|e| format!("{name}: not valid UTF-8: {e}"))?;
    let doc = Attributor::new().attribute(&text);
    // (A closed pipe, as in `| head`, ends the output quietly.)
    match print(&doc, json) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(Into::into),
    }
}

/// Writes the document as JSON or as a table, through a lock, returning
/// write errors instead of panicking on them.
fn print(doc: &whosaid::Document<'_>, json: bool) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(doc)?)?;
        return Ok(());
    }
    writeln!(out, "{:<4} {:<48} {:<22} {:<14} {:<16} {:>4}", "#", "quote", "speaker", "cue", "rule", "conf")?;
    for q in doc.speech() {
        let content: String = doc.text_of(q.content()).split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String =
            if content.chars().count() > 46 { content.chars().take(45).chain(['…']).collect() } else { content };
        let a = q.attribution();
        let speaker = a.map_or("?", |a| a.speaker_name());
        let cue = q.cue().map_or("", |c| doc.text_of(c.span()));
        let rule = a.map_or("", |a| a.rule().as_str());
        let conf = a.map_or(String::new(), |a| format!("{:.2}", a.confidence()));
        writeln!(
            out,
            "{:<4} {:<48} {:<22} {:<14} {:<16} {:>4}",
            q.id().0,
            format!("{} ({})", short, q.kind().as_str()),
            speaker,
            cue,
            rule,
            conf
        )?;
    }
    writeln!(out)?;
    for s in doc.speakers() {
        writeln!(
            out,
            "speaker {}: {} ({:?}, {:?}), {} mentions",
            s.id().0,
            s.name(),
            s.kind(),
            s.gender(),
            s.mentions().len()
        )?;
    }
    Ok(())
}
