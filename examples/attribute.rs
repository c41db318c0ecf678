//! Prints who said what in a text file (or standard input).
//!
//! ```text
//! cargo run --example attribute -- examples/sample-article.txt
//! cargo run --example attribute -- --json examples/sample-article.txt
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read;
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
    if json {
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    println!("{:<4} {:<48} {:<22} {:<14} {:<16} {:>4}", "#", "quote", "speaker", "cue", "rule", "conf");
    for q in doc.speech() {
        let content: String = doc.text_of(q.content()).split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String =
            if content.chars().count() > 46 { content.chars().take(45).chain(['…']).collect() } else { content };
        let a = q.attribution();
        let speaker = a.map_or("?", |a| a.speaker_name());
        let cue = q.cue().map_or("", |c| doc.text_of(c.span()));
        let rule = a.map_or("", |a| a.rule().as_str());
        let conf = a.map_or(String::new(), |a| format!("{:.2}", a.confidence()));
        println!(
            "{:<4} {:<48} {:<22} {:<14} {:<16} {:>4}",
            q.id().0,
            format!("{} ({})", short, q.kind().as_str()),
            speaker,
            cue,
            rule,
            conf
        );
    }
    println!();
    for s in doc.speakers() {
        println!(
            "speaker {}: {} ({:?}, {:?}), {} mentions",
            s.id().0,
            s.name(),
            s.kind(),
            s.gender(),
            s.mentions().len()
        );
    }
    Ok(())
}
