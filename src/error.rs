//! The one error type: building an [`Attributor`](crate::Attributor).

use core::fmt;

/// An error from [`AttributorBuilder::build`](crate::AttributorBuilder::build):
/// a lexicon that cannot be used.
///
/// Analysis itself never fails; only building can.
///
/// # Example
///
/// ```
/// use whosaid::{Attributor, BuildErrorKind};
///
/// let err = Attributor::builder()
///     .cue_lexicon("shout | speech | neutral\nbadline")
///     .build()
///     .unwrap_err();
/// assert!(matches!(err.kind(), BuildErrorKind::Lexicon { line: 2, .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    kind: BuildErrorKind,
}

/// What went wrong in a [`BuildError`].
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildErrorKind {
    /// A lexicon line could not be read.
    Lexicon {
        /// Which lexicon (for example `"cues"`).
        lexicon: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// No quotation-mark style is enabled, so nothing could be found.
    NoQuoteStyle,
    /// A lexicon file could not be read.
    Io {
        /// The file, as given.
        path: std::path::PathBuf,
        /// Why it could not be read.
        message: String,
    },
}

impl BuildError {
    /// What went wrong.
    pub fn kind(&self) -> &BuildErrorKind {
        &self.kind
    }

    pub(crate) fn lexicon(lexicon: &str, line: usize, message: impl Into<String>) -> BuildError {
        BuildError { kind: BuildErrorKind::Lexicon { lexicon: lexicon.to_string(), line, message: message.into() } }
    }

    pub(crate) fn no_quote_style() -> BuildError {
        BuildError { kind: BuildErrorKind::NoQuoteStyle }
    }

    pub(crate) fn io(path: &std::path::Path, err: &std::io::Error) -> BuildError {
        BuildError { kind: BuildErrorKind::Io { path: path.to_path_buf(), message: err.to_string() } }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            BuildErrorKind::Lexicon { lexicon, line, message } => {
                write!(f, "{lexicon} lexicon, line {line}: {message}")
            }
            BuildErrorKind::NoQuoteStyle => {
                write!(f, "no quotation-mark style is enabled")
            }
            BuildErrorKind::Io { path, message } => {
                write!(f, "{}: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for BuildError {}
