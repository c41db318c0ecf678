//! Writes a synthetic news corpus as JSONL, for throughput benchmarks of
//! the `whosaid` tool: the same bytes on every run and every machine.
//!
//! ```text
//! cargo run --release --example synth_corpus -- /tmp/whosaid-corpus.jsonl 60
//! ```
//!
//! The second argument is the size in MB (10^6 bytes of text; default
//! 60). Articles are made from templates and word lists of our own: a
//! named speaker introduced with a role, quotations in several mark styles
//! with trailing, leading and interrupted tags, pronoun and nominal
//! references, unquoted reports, scare quotes, and filler paragraphs.
//! Sizes vary from one paragraph to a long feature, as in a real archive.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufWriter, Write};

const FIRST: &[&str] = &[
    "Ana", "Tomas", "Ines", "Piet", "Mara", "Kofi", "Hana", "Luis", "Adaeze", "Yusuf", "Greta", "Ravi", "Sofia",
    "Mikael", "Leila", "Chen", "Olga", "Diego", "Amara", "Jonas",
];
const LAST: &[&str] = &[
    "Ruiz",
    "Berg",
    "Okafor",
    "van Dam",
    "Lindqvist",
    "Mensah",
    "Sato",
    "Ferreira",
    "Obi",
    "Demir",
    "Holm",
    "Iyer",
    "Costa",
    "Virtanen",
    "Haddad",
    "Wei",
    "Petrova",
    "Alvarez",
    "Nwosu",
    "Keller",
];
const ROLE: &[(&str, &str)] = &[
    ("the minister", "minister of transport"),
    ("the mayor", "mayor of the city"),
    ("the economist", "chief economist at the central bank"),
    ("the spokeswoman", "spokeswoman for the port authority"),
    ("the spokesman", "spokesman for the union"),
    ("the senator", "senator from the northern province"),
    ("the director", "director of the museum"),
    ("the coach", "coach of the national team"),
];
const CUE: &[&str] = &["said", "told reporters", "added", "noted", "insisted", "explained", "warned", "argued"];
const SAYING: &[&str] = &[
    "We will not accept a deal that leaves the workers behind",
    "The numbers are better than we expected, but the risks remain",
    "Nobody in this building wants a strike",
    "It is too early to say whether the plan will work",
    "We have done everything the law requires of us",
    "The bridge will stay closed until the inspectors are satisfied",
    "Prices will fall next year if the harvest is good",
    "I have never seen the city so united",
    "This is a decision for the council, not for me",
    "Our patience is not endless",
    "The team played with courage and deserved the win",
    "There is no money left for new projects this year",
];
const FILLER: &[&str] = &[
    "The meeting lasted more than three hours and ended without a joint statement.",
    "Officials from both sides met again on Thursday in the capital.",
    "Figures released last month showed a sharp rise in freight traffic.",
    "The dispute began in the spring, when the contract expired.",
    "Local businesses say the closure has cost them thousands of customers.",
    "The council is expected to vote on the proposal before the end of the month.",
    "Several hundred people gathered outside the town hall on Saturday morning.",
    "Analysts had predicted a smaller increase, citing weak demand abroad.",
    "The report, which runs to 212 pages, was published on the ministry's website.",
    "Talks are scheduled to resume next week after a short break.",
];
const MARKS: &[(&str, &str)] = &[("“", "”"), ("\"", "\""), ("« ", " »"), ("‘", "’")];

/// xorshift64*: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn article(rng: &mut Rng) -> String {
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let (nominal, role) = rng.pick(ROLE);
    let (other_first, other_last) = (rng.pick(FIRST), rng.pick(LAST));
    let mut paragraphs =
        vec![format!("{first} {last}, the {role}, spoke on {}.", rng.pick(&["Monday", "Friday", "Sunday"]))];
    // Mostly news-length articles, some long features.
    let n = if rng.below(10) == 0 { 30 + rng.below(90) } else { 3 + rng.below(14) };
    for _ in 0..n {
        let (open, close) = rng.pick(MARKS);
        let saying = rng.pick(SAYING);
        let cue = rng.pick(CUE);
        let p = match rng.below(9) {
            0 => format!("{open}{saying},{close} {last} {cue}."),
            1 => format!("{open}{saying},{close} {nominal} {cue}. {open}{}.{close}", rng.pick(SAYING)),
            2 => format!("{open}{saying},{close} she {cue}, {open}and we will say so again.{close}"),
            3 => format!("{last} {cue}: {open}{saying}.{close}"),
            4 => format!("{saying}, {nominal} {cue}."),
            5 => format!("{other_first} {other_last}, a critic of the plan, called it {open}a fantasy{close}."),
            6 => format!("{open}{saying},{close} said {other_first} {other_last}. {}", rng.pick(FILLER)),
            _ => format!("{} {}", rng.pick(FILLER), rng.pick(FILLER)),
        };
        paragraphs.push(p);
    }
    paragraphs.join("\n\n")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: synth_corpus OUT.jsonl [MB]");
        std::process::exit(2);
    };
    let mb: f64 = args.get(1).map_or(Ok(60.0), |s| s.parse())?;
    let target = (mb * 1e6) as usize;
    let mut out = BufWriter::new(std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?);
    let mut rng = Rng(0x5EED_0FC0_FFEE);
    let (mut bytes, mut docs) = (0usize, 0usize);
    while bytes < target {
        let text = article(&mut rng);
        bytes += text.len();
        serde_json::to_writer(&mut out, &serde_json::json!({ "id": format!("synth-{docs:06}"), "text": text }))?;
        out.write_all(b"\n")?;
        docs += 1;
    }
    out.flush()?;
    eprintln!("{path}: {docs} documents, {:.1} MB of text", bytes as f64 / 1e6);
    Ok(())
}
