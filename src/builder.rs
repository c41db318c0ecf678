//! [`AttributorBuilder`]: configures and validates an [`Attributor`].

use crate::cue::{CUES, ContextRules, CueEntry, CueMatcher, Inflector, NOUN_CUES, parse_builtin, parse_entries};
use crate::engine::{Attributor, Inner};
use crate::error::BuildError;
use crate::genre::Genre;
use crate::lexicon::Lexicons;
use crate::output::{CueClass, Stance};
use crate::quote::QuoteScanner;
use crate::quote::marks::QuoteStyle;
use crate::sieve;
use std::path::{Path, PathBuf};

/// Configures an [`Attributor`]: quotation-mark styles and the reporting-cue
/// lexicon. Setters take `&mut self` and return it, so calls chain; `build`
/// can be called more than once.
///
/// # Example
///
/// ```
/// use whosaid::{Attributor, CueClass, Stance};
///
/// let at = Attributor::builder()
///     .add_cue("harrumph", CueClass::Speech, Stance::Evaluative)
///     .remove_cue("smile")
///     .build()?;
/// let doc = at.attribute("“Nonsense,” harrumphed the colonel.");
/// let cue = doc.quotes()[0].cue().ok_or("no cue")?;
/// assert_eq!(cue.lemma(), "harrumph");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct AttributorBuilder {
    styles: u8,
    default_cues: bool,
    /// User lexicons, in the order given.
    lexicons: Vec<UserLexicon>,
    added: Vec<(String, CueClass, Stance)>,
    removed: Vec<String>,
    genre: Option<Genre>,
    disabled_classes: Vec<CueClass>,
}

/// A user cue lexicon: text, or a file read by `build`.
#[derive(Clone, Debug)]
enum UserLexicon {
    Text(String),
    File(PathBuf),
}

impl Default for AttributorBuilder {
    fn default() -> AttributorBuilder {
        AttributorBuilder::new()
    }
}

impl AttributorBuilder {
    /// A builder with the English defaults: every quote style, the built-in
    /// cue lexicon.
    pub fn new() -> AttributorBuilder {
        AttributorBuilder {
            styles: QuoteStyle::ALL.iter().fold(0, |acc, s| acc | s.bit()),
            default_cues: true,
            lexicons: Vec::new(),
            added: Vec::new(),
            removed: Vec::new(),
            genre: None,
            disabled_classes: Vec::new(),
        }
    }

    /// Switches one quotation-mark style on or off.
    pub fn quote_style(&mut self, style: QuoteStyle, enabled: bool) -> &mut AttributorBuilder {
        if enabled {
            self.styles |= style.bit();
        } else {
            self.styles &= !style.bit();
        }
        self
    }

    /// Keeps (the default) or drops the built-in cue lexicon.
    pub fn default_cues(&mut self, enabled: bool) -> &mut AttributorBuilder {
        self.default_cues = enabled;
        self
    }

    /// Adds the entries of a cue lexicon in the format of the built-in one
    /// (`lemma | class | stance [| forms]`, one a line, `#` comments; see
    /// `src/lexicon/cues.txt` for the details). An entry whose lemma is
    /// already known replaces the earlier one. The text is read by
    /// [`build`](Self::build), which reports a malformed line.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::{Attributor, CueClass, Stance};
    ///
    /// let at = Attributor::builder()
    ///     .cue_lexicon("# fiction\nexpostulate | speech | evaluative\nopine | thought | neutral")
    ///     .build()?;
    /// let cue = at.cues("He expostulated.").next().ok_or("no cue")?;
    /// assert_eq!((cue.lemma(), cue.stance()), ("expostulate", Stance::Evaluative));
    /// let cue = at.cues("She opined.").next().ok_or("no cue")?;
    /// assert_eq!(cue.class(), CueClass::Thought);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cue_lexicon(&mut self, text: &str) -> &mut AttributorBuilder {
        self.lexicons.push(UserLexicon::Text(text.to_string()));
        self
    }

    /// Adds the entries of a cue lexicon file, in the format of
    /// [`cue_lexicon`](Self::cue_lexicon). The file is read by
    /// [`build`](Self::build): a file that cannot be read gives
    /// [`BuildErrorKind::Io`](crate::BuildErrorKind::Io); invalid UTF-8 or a
    /// malformed line gives [`BuildErrorKind::Lexicon`](crate::BuildErrorKind::Lexicon)
    /// naming the file and the line.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::{Attributor, BuildErrorKind};
    ///
    /// let path = std::env::temp_dir().join("whosaid-doc-cues.txt");
    /// std::fs::write(&path, "harrumph | speech | evaluative\nmutter | speech\n")?;
    /// let err = Attributor::builder().cue_lexicon_file(&path).build().unwrap_err();
    /// assert!(matches!(err.kind(), BuildErrorKind::Lexicon { line: 2, .. }));
    /// assert!(err.to_string().contains("whosaid-doc-cues.txt"));
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cue_lexicon_file(&mut self, path: impl AsRef<Path>) -> &mut AttributorBuilder {
        self.lexicons.push(UserLexicon::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds one cue; its inflected forms are generated (-s, -ed, -ing, or
    /// the irregular forms of a known irregular verb, on the first word of
    /// a phrase).
    pub fn add_cue(&mut self, lemma: &str, class: CueClass, stance: Stance) -> &mut AttributorBuilder {
        self.added.push((lemma.to_string(), class, stance));
        self
    }

    /// Removes a cue, with all its forms, by lemma (`say` removes `said`
    /// too; `statement` removes the frames `in a statement`, …).
    pub fn remove_cue(&mut self, lemma: &str) -> &mut AttributorBuilder {
        self.removed.push(lemma.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
        self
    }

    /// Forces a genre for every document (`Some`), or lets the attributor
    /// guess it per document (`None`, the default). See [`Genre`].
    pub fn genre(&mut self, genre: Option<Genre>) -> &mut AttributorBuilder {
        self.genre = genre;
        self
    }

    /// Switches a class of cues on (the default) or off. A news user who
    /// counts quoted sources may not want thoughts and beliefs (`she
    /// believes the plan will fail`) reported as attributions:
    ///
    /// ```
    /// use whosaid::{Attributor, CueClass};
    ///
    /// let text = "Havel believes the budget is honest. Havel said the budget was fair.";
    /// let all = Attributor::new().attribute(text);
    /// assert_eq!(all.quotes().len(), 2);
    /// let speech_only = Attributor::builder()
    ///     .cue_class(CueClass::Belief, false)
    ///     .cue_class(CueClass::Thought, false)
    ///     .build()?;
    /// assert_eq!(speech_only.attribute(text).quotes().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cue_class(&mut self, class: CueClass, enabled: bool) -> &mut AttributorBuilder {
        self.disabled_classes.retain(|c| *c != class);
        if !enabled {
            self.disabled_classes.push(class);
        }
        self
    }

    /// Builds the attributor.
    ///
    /// # Errors
    ///
    /// A [`BuildError`] when a cue lexicon has a malformed line (it names
    /// the lexicon and the line), when a lexicon file cannot be read or is
    /// not UTF-8, or when no quotation-mark style is enabled.
    pub fn build(&self) -> Result<Attributor, BuildError> {
        if self.styles == 0 {
            return Err(BuildError::no_quote_style());
        }
        let inflector = Inflector::english()?;
        let mut entries: Vec<CueEntry> = Vec::new();
        if self.default_cues {
            entries.extend(parse_builtin("cues", CUES, &inflector)?);
            entries.extend(parse_builtin("noun_cues", NOUN_CUES, &inflector)?);
        }
        for (i, source) in self.lexicons.iter().enumerate() {
            match source {
                UserLexicon::Text(text) => {
                    entries.extend(parse_entries(&format!("user cue lexicon {}", i + 1), text, &inflector)?);
                }
                UserLexicon::File(path) => {
                    let text = read_lexicon_file(path)?;
                    entries.extend(parse_entries(&path.display().to_string(), &text, &inflector)?);
                }
            }
        }
        for (lemma, class, stance) in &self.added {
            let line = format!("{} | {} | {}", lemma, class.as_str(), stance.as_str());
            entries.extend(parse_entries("added cue", &line, &inflector)?);
        }
        entries.retain(|e| !self.removed.iter().any(|r| **r == *e.lemma));
        // A later entry for the same lemma replaces an earlier one.
        let mut seen = std::collections::HashSet::new();
        let mut deduped: Vec<CueEntry> = entries.into_iter().rev().filter(|e| seen.insert(e.lemma.clone())).collect();
        deduped.reverse();
        let matcher = CueMatcher::new(deduped, ContextRules::english()?)?;
        let lex = Lexicons::parse()?;
        Ok(Attributor::from_inner(Inner {
            lex,
            matcher,
            scanner: QuoteScanner::new(self.styles),
            passes: sieve::default_passes(),
            genre: self.genre,
            disabled_classes: self.disabled_classes.clone(),
        }))
    }
}

/// Reads a lexicon file; invalid UTF-8 is reported with its line.
fn read_lexicon_file(path: &Path) -> Result<String, BuildError> {
    let bytes = std::fs::read(path).map_err(|e| BuildError::io(path, &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count();
        BuildError::lexicon(&path.display().to_string(), line, "invalid UTF-8")
    })
}
