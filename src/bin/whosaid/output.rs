//! Output formats: a table for people, JSON lines and CSV with one record
//! per quotation, JSON with one full result per document.
//!
//! Rendering runs on the worker threads, each document into its own
//! buffer; the main thread only writes the buffers out in input order.

use crate::input::Failure;
use clap::ValueEnum;
use serde::{Serialize, Serializer};
use serde_json::Value;
use whosaid::{CharOffsets, Document, Quote, Span};

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for reading on a terminal: one row per quotation.
    Table,
    /// One JSON object per quotation (see the README for the fields).
    Jsonl,
    /// The same records as `jsonl`, as CSV with a header row.
    Csv,
    /// One JSON object per document: its id, every quote and speaker, each
    /// span with byte and char offsets and its text.
    Json,
}

/// The unit of offsets in `jsonl` and `csv` records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Offsets {
    /// Bytes of UTF-8 (what Rust, Go and C slice by).
    Bytes,
    /// Unicode code points (what Python and R slice by).
    Chars,
}

/// What to write, and how.
#[derive(Clone, Copy, Debug)]
pub struct Renderer {
    pub format: Format,
    pub offsets: Offsets,
    /// Also write terms and scare quotes (kind `term`), which are not
    /// speech.
    pub terms: bool,
}

/// One document's output and what it counted.
#[derive(Debug, Default)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Quotations written (speech, plus terms with `--terms`).
    pub quotes: u64,
    /// Of those, the ones with a speaker.
    pub attributed: u64,
}

/// The columns of `jsonl` and `csv` records, in order: the CSV header.
/// (A test checks it against [`Record`].)
pub const FIELDS: &[&str] = &[
    "id",
    "quote",
    "group",
    "parent",
    "kind",
    "start",
    "end",
    "content_start",
    "content_end",
    "content",
    "cue_start",
    "cue_end",
    "cue",
    "cue_lemma",
    "cue_class",
    "cue_stance",
    "speaker",
    "mention_start",
    "mention_end",
    "mention",
    "mention_kind",
    "rule",
    "confidence",
];

/// One quotation, flat so that CSV can hold it too.
#[derive(Serialize)]
struct Record<'a> {
    id: Id<'a>,
    quote: u32,
    group: u32,
    parent: Option<u32>,
    kind: &'static str,
    start: usize,
    end: usize,
    content_start: usize,
    content_end: usize,
    content: &'a str,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    cue: Option<&'a str>,
    cue_lemma: Option<&'a str>,
    cue_class: Option<&'static str>,
    cue_stance: Option<&'static str>,
    speaker: Option<&'a str>,
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    mention: Option<&'a str>,
    mention_kind: Option<&'static str>,
    rule: Option<&'static str>,
    confidence: Option<f32>,
}

/// A document id: a string or number as given; anything else as its JSON
/// text, so that CSV can hold it.
struct Id<'a>(&'a Value);

impl Serialize for Id<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::String(v) => s.serialize_str(v),
            Value::Number(n) => n.serialize(s),
            other => s.serialize_str(&other.to_string()),
        }
    }
}

/// `--format json`: the id, then the document's own JSON fields.
#[derive(Serialize)]
struct DocumentRecord<'a, 'h> {
    id: Id<'a>,
    #[serde(flatten)]
    doc: &'a Document<'h>,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: Id<'a>,
    error: String,
}

const TABLE_WIDTHS: [usize; 6] = [22, 3, 20, 12, 15, 4];

impl Renderer {
    /// What goes before the first document.
    pub fn header(&self) -> Vec<u8> {
        match self.format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                // Writing to a Vec cannot fail; an empty header would show.
                let _ = w.write_record(FIELDS);
                w.into_inner().unwrap_or_default()
            }
            Format::Table => {
                let cells = ["DOCUMENT", "#", "SPEAKER", "CUE", "RULE", "CONF"];
                let mut line = String::new();
                for (cell, width) in cells.iter().zip(TABLE_WIDTHS) {
                    line.push_str(&pad(cell, width));
                    line.push(' ');
                }
                line.push_str("QUOTE\n");
                line.into_bytes()
            }
            Format::Jsonl | Format::Json => Vec::new(),
        }
    }

    /// The output of one analysed document.
    ///
    /// # Errors
    ///
    /// When a record cannot be serialised (which our records always can).
    pub fn document(&self, id: &Value, doc: &Document<'_>) -> Result<Rendered, String> {
        let quotes: Vec<&Quote> = doc.quotes().iter().filter(|q| self.terms || q.kind().is_speech()).collect();
        let mut out = Rendered {
            bytes: Vec::new(),
            quotes: quotes.len() as u64,
            attributed: quotes.iter().filter(|q| q.attribution().is_some()).count() as u64,
        };
        match self.format {
            Format::Json => {
                serde_json::to_writer(&mut out.bytes, &DocumentRecord { id: Id(id), doc })
                    .map_err(|e| e.to_string())?;
                out.bytes.push(b'\n');
            }
            Format::Jsonl => {
                let chars = self.char_offsets(doc);
                for q in &quotes {
                    serde_json::to_writer(&mut out.bytes, &record(id, doc, q, chars.as_ref()))
                        .map_err(|e| e.to_string())?;
                    out.bytes.push(b'\n');
                }
            }
            Format::Csv => {
                let chars = self.char_offsets(doc);
                let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
                for q in &quotes {
                    w.serialize(record(id, doc, q, chars.as_ref())).map_err(|e| e.to_string())?;
                }
                out.bytes = w.into_inner().map_err(|e| e.to_string())?;
            }
            Format::Table => out.bytes = table(id, doc, &quotes).into_bytes(),
        }
        Ok(out)
    }

    /// The output for a document that failed: an error record in `json`
    /// (one line per input document), nothing in the other formats (the
    /// message goes to standard error).
    pub fn failure(&self, failure: &Failure) -> Vec<u8> {
        if self.format != Format::Json {
            return Vec::new();
        }
        let record = ErrorRecord { id: Id(&failure.id), error: failure.to_string() };
        let mut bytes = serde_json::to_vec(&record).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    fn char_offsets<'h>(&self, doc: &Document<'h>) -> Option<CharOffsets<'h>> {
        (self.offsets == Offsets::Chars).then(|| doc.char_offsets())
    }
}

fn record<'a>(id: &'a Value, doc: &Document<'a>, q: &'a Quote, chars: Option<&CharOffsets<'_>>) -> Record<'a> {
    let range = |s: Span| match chars {
        Some(c) => c.char_range(s),
        None => s.range(),
    };
    let (span, content) = (range(q.span()), range(q.content()));
    let cue = q.cue();
    let cue_span = cue.map(|c| range(c.span()));
    let a = q.attribution();
    let mention = a.map(|a| range(a.mention()));
    Record {
        id: Id(id),
        quote: q.id().0,
        group: q.group(),
        parent: q.parent().map(|p| p.0),
        kind: q.kind().as_str(),
        start: span.start,
        end: span.end,
        content_start: content.start,
        content_end: content.end,
        content: doc.text_of(q.content()),
        cue_start: cue_span.as_ref().map(|r| r.start),
        cue_end: cue_span.as_ref().map(|r| r.end),
        cue: cue.map(|c| doc.text_of(c.span())),
        cue_lemma: cue.map(|c| c.lemma()),
        cue_class: cue.map(|c| c.class().as_str()),
        cue_stance: cue.map(|c| c.stance().as_str()),
        speaker: a.map(|a| a.speaker_name()),
        mention_start: mention.as_ref().map(|r| r.start),
        mention_end: mention.as_ref().map(|r| r.end),
        mention: a.map(|a| doc.text_of(a.mention())),
        mention_kind: a.map(|a| a.mention_kind().as_str()),
        rule: a.map(|a| a.rule().as_str()),
        // Three decimals: the engine multiplies f32 factors, whose
        // shortest form is noise in the last places (0.86399996).
        confidence: a.map(|a| (a.confidence() * 1000.0).round() / 1000.0),
    }
}

/// Table rows for one document; a document without quotations gets one
/// row saying so, so that every document shows.
fn table(id: &Value, doc: &Document<'_>, quotes: &[&Quote]) -> String {
    let id = match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut out = String::new();
    let mut row = |cells: [&str; 6], quote: &str| {
        for (i, (cell, width)) in cells.iter().zip(TABLE_WIDTHS).enumerate() {
            // The end of a path says more than its start.
            out.push_str(&if i == 0 { pad_left_cut(cell, width) } else { pad(cell, width) });
            out.push(' ');
        }
        out.push_str(quote);
        out.push('\n');
    };
    if quotes.is_empty() {
        row([&id, "-", "", "", "", ""], "(no quotations)");
    }
    for q in quotes {
        let a = q.attribution();
        let conf = a.map_or(String::new(), |a| format!("{:.2}", a.confidence()));
        let words: Vec<&str> = doc.text_of(q.content()).split_whitespace().collect();
        let quote = cut(&words.join(" "), 64);
        let n = q.id().0.to_string();
        let cells = [
            id.as_str(),
            &n,
            a.map_or("?", |a| a.speaker_name()),
            q.cue().map_or("", |c| doc.text_of(c.span())),
            a.map_or("", |a| a.rule().as_str()),
            &conf,
        ];
        let kind = q.kind().as_str();
        if kind == "direct" { row(cells, &quote) } else { row(cells, &format!("{quote} [{kind}]")) }
    }
    out
}

/// `s` cut to `width` chars (an ellipsis marks the cut), padded to it.
fn pad(s: &str, width: usize) -> String {
    format!("{:<width$}", cut(s, width))
}

/// Like [`pad`], but keeps the end of `s`.
fn pad_left_cut(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        return format!("{s:<width$}");
    }
    let tail: String = s.chars().skip(n - width + 1).collect();
    format!("…{tail}")
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    s.chars().take(width.saturating_sub(1)).chain(['…']).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid::Attributor;

    const TEXT: &str = "Café Zoë: “Prices will rise,” said Ana Ruiz, the minister.";

    fn render(format: Format, offsets: Offsets) -> String {
        let doc = Attributor::new().attribute(TEXT);
        let r = Renderer { format, offsets, terms: false };
        let out = r.document(&Value::from("d1"), &doc).expect("renders");
        assert_eq!((out.quotes, out.attributed), (1, 1));
        String::from_utf8(out.bytes).expect("UTF-8")
    }

    #[test]
    fn csv_header_matches_the_record() {
        let doc = Attributor::new().attribute(TEXT);
        let q = &doc.quotes()[0];
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(record(&Value::from(1), &doc, q, None)).expect("serialise");
        let bytes = w.into_inner().expect("flush");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let header = text.lines().next().expect("header");
        assert_eq!(header, FIELDS.join(","));
        let r = Renderer { format: Format::Csv, offsets: Offsets::Bytes, terms: false };
        assert_eq!(String::from_utf8(r.header()).expect("UTF-8").trim_end(), header);
    }

    #[test]
    fn jsonl_offsets_in_bytes_or_chars() {
        let bytes: Value = serde_json::from_str(render(Format::Jsonl, Offsets::Bytes).trim()).expect("JSON");
        let chars: Value = serde_json::from_str(render(Format::Jsonl, Offsets::Chars).trim()).expect("JSON");
        let (b, c) = (|k: &str| bytes[k].as_u64().expect(k), |k: &str| chars[k].as_u64().expect(k));
        let span = |k1, k2| (k1, k2);
        for (s, e) in [span("start", "end"), span("content_start", "content_end"), span("cue_start", "cue_end")] {
            let by = &TEXT[b(s) as usize..b(e) as usize];
            let ch: String = TEXT.chars().skip(c(s) as usize).take((c(e) - c(s)) as usize).collect();
            assert_eq!(by, ch, "{s}..{e}");
        }
        assert_eq!(bytes["content"], "Prices will rise,");
        assert_eq!(bytes["cue"], "said");
        assert_eq!(bytes["cue_lemma"], "say");
        assert_eq!(bytes["speaker"], "Ana Ruiz");
        assert_eq!(bytes["id"], "d1");
        assert_eq!(&TEXT[b("mention_start") as usize..b("mention_end") as usize], "Ana Ruiz");
    }

    #[test]
    fn json_is_one_line_with_the_id_first() {
        let line = render(Format::Json, Offsets::Bytes);
        assert_eq!(line.lines().count(), 1);
        assert!(line.starts_with(r#"{"id":"d1","#), "{line}");
        let v: Value = serde_json::from_str(&line).expect("JSON");
        assert_eq!(v["quotes"][0]["content"]["text"], "Prices will rise,");
        assert_eq!(v["speakers"][0]["name"], "Ana Ruiz");
    }

    #[test]
    fn table_rows() {
        let table = render(Format::Table, Offsets::Bytes);
        assert!(table.starts_with("d1 "), "{table}");
        assert!(table.contains("Ana Ruiz") && table.contains("Prices will rise,"), "{table}");
        assert_eq!(pad_left_cut("corpus/2024/march/article.txt", 12), "…article.txt");
        assert_eq!(pad("abc", 5), "abc  ");
        assert_eq!(cut("abcdef", 4), "abc…");
    }
}
