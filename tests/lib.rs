//! The integration tests: one binary (see `Cargo.toml`, `autotests =
//! false`), one module per concern.

mod api;
#[cfg(feature = "cli")]
mod cli;
mod cues;
mod fiction;
mod patterns;
mod quotes;
mod reported;
