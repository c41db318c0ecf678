//! How a reporting verb takes what it reports: the frames of
//! `src/lexicon/cue_frames.txt` (`told Reuters that …`, `urged supporters
//! to …`, `pledged to …`, `asked how …`, `…, said Havel.`).
//!
//! The attribution sieve asks a cue for its [`Frames`] instead of keeping
//! lists of lemmas in code, so a linguist can teach a verb a frame by
//! editing the data file.

use crate::error::BuildError;
use crate::lexicon::rows;

/// The frames, embedded.
pub(crate) const CUE_FRAMES: &str = include_str!("../lexicon/cue_frames.txt");

/// A set of frames, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Frames(u16);

impl Frames {
    /// No frame.
    pub const NONE: Frames = Frames(0);
    /// The person spoken to may follow the verb: `told Reuters`.
    pub const ADDRESSEE: Frames = Frames(1);
    /// A closing tag may name the asker after it: `“…?” asked Jane.`
    pub const ASKER: Frames = Frames(1 << 1);
    /// Reports through `of` or `about`: `warned of`, `accused X of`.
    pub const OF: Frames = Frames(1 << 2);
    /// Also names things; reports only quoted words: `called it “dead”`.
    pub const NAMES: Frames = Frames(1 << 3);
    /// Directs someone to act: `urged supporters to turn out`.
    pub const DIRECTS: Frames = Frames(1 << 4);
    /// Commits the speaker to an infinitive: `vowed to fight on`.
    pub const COMMITS: Frames = Frames(1 << 5);
    /// A question word may open the content: `asked how`.
    pub const ASKS: Frames = Frames(1 << 6);
    /// Takes no object; reports only through `that`, `of`, `about`.
    pub const NO_OBJECT: Frames = Frames(1 << 7);
    /// May stand before its speaker in a closing tag: `…, said Havel.`
    pub const INVERTS: Frames = Frames(1 << 8);
    /// Its participle names the topic or manner: `referring to`.
    pub const TOPIC: Frames = Frames(1 << 9);
    /// Its participle goes on with the words before it: `…,” she said,
    /// adding that … “…”`.
    pub const CONTINUES: Frames = Frames(1 << 10);

    /// The frames by their names in the data file.
    const NAMES_IN_FILE: [(&'static str, Frames); 11] = [
        ("addressee", Frames::ADDRESSEE),
        ("asker", Frames::ASKER),
        ("of", Frames::OF),
        ("names", Frames::NAMES),
        ("directs", Frames::DIRECTS),
        ("commits", Frames::COMMITS),
        ("asks", Frames::ASKS),
        ("no-object", Frames::NO_OBJECT),
        ("inverts", Frames::INVERTS),
        ("topic", Frames::TOPIC),
        ("continues", Frames::CONTINUES),
    ];

    /// True when every frame of `f` is in `self`.
    #[inline]
    pub fn has(self, f: Frames) -> bool {
        self.0 & f.0 == f.0 && f.0 != 0
    }

    fn union(self, f: Frames) -> Frames {
        Frames(self.0 | f.0)
    }
}

/// The frames of each lemma, sorted by lemma.
#[derive(Clone, Debug, Default)]
pub(crate) struct FrameTable {
    rows: Vec<(Box<str>, Frames)>,
}

impl FrameTable {
    /// The built-in table.
    pub fn english() -> Result<FrameTable, BuildError> {
        FrameTable::parse("cue_frames", CUE_FRAMES)
    }

    /// Parses `lemma | frame, frame, …` lines; `name` names the file in
    /// errors.
    pub fn parse(name: &str, text: &str) -> Result<FrameTable, BuildError> {
        let mut table: Vec<(Box<str>, Frames)> = Vec::new();
        for (line, fields) in rows(text) {
            let err = |msg: String| BuildError::lexicon(name, line, msg);
            let [lemma, list] = fields.as_slice() else {
                return Err(err("expected: lemma | frame, frame, ...".into()));
            };
            if lemma.is_empty() {
                return Err(err("empty lemma".into()));
            }
            let mut frames = Frames::NONE;
            for item in list.split(',').map(str::trim) {
                let Some(&(_, f)) = Frames::NAMES_IN_FILE.iter().find(|(n, _)| *n == item) else {
                    let known: Vec<&str> = Frames::NAMES_IN_FILE.iter().map(|(n, _)| *n).collect();
                    return Err(err(format!("unknown frame {item:?} (one of: {})", known.join(", "))));
                };
                frames = frames.union(f);
            }
            table.push((lemma.to_lowercase().into(), frames));
        }
        table.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(w) = table.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(BuildError::lexicon(name, 0, format!("{:?} is listed twice", w[0].0)));
        }
        Ok(FrameTable { rows: table })
    }

    /// The frames of `lemma`; none when it is not listed.
    pub fn get(&self, lemma: &str) -> Frames {
        self.rows.binary_search_by(|(l, _)| (**l).cmp(lemma)).map_or(Frames::NONE, |i| self.rows[i].1)
    }

    /// The listed lemmas.
    #[cfg(test)]
    pub fn lemmas(&self) -> impl Iterator<Item = &str> {
        self.rows.iter().map(|(l, _)| &**l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_frames_parse_and_name_known_cues() {
        let table = FrameTable::english().expect("cue_frames.txt parses");
        assert!(table.get("tell").has(Frames::ADDRESSEE));
        assert!(table.get("tell").has(Frames::DIRECTS));
        assert!(table.get("say").has(Frames::INVERTS));
        assert!(!table.get("say").has(Frames::ADDRESSEE));
        assert_eq!(table.get("not a lemma"), Frames::NONE);
        // Every lemma listed is one the cue lexicon knows: a typo would
        // silently teach nothing.
        let inflector = super::super::Inflector::english().expect("inflector");
        let mut known: Vec<String> = super::super::parse_builtin("cues", super::super::CUES, &inflector)
            .expect("cues")
            .into_iter()
            .chain(super::super::parse_builtin("noun_cues", super::super::NOUN_CUES, &inflector).expect("noun cues"))
            .map(|e| e.lemma.to_string())
            .collect();
        known.sort();
        for lemma in table.lemmas() {
            assert!(known.binary_search(&lemma.to_string()).is_ok(), "{lemma:?} is no cue lemma");
        }
    }

    #[test]
    fn malformed_frames_name_the_line() {
        let e = FrameTable::parse("frames", "# c\nsay | inverts\ntell | adressee\n").expect_err("unknown frame");
        assert!(e.to_string().contains("frames") && e.to_string().contains('3'), "{e}");
        let e = FrameTable::parse("frames", "say\n").expect_err("no frames field");
        assert!(e.to_string().contains('1'), "{e}");
        let e = FrameTable::parse("frames", "say | inverts\nsay | of\n").expect_err("twice");
        assert!(e.to_string().contains("twice"), "{e}");
    }
}
