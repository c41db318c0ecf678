//! The integration tests: one binary (see `Cargo.toml`, `autotests =
//! false`), one module per concern.

mod api;
mod cues;
mod patterns;
mod quotes;
mod reported;
