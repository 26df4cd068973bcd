//! musalaha: Syria's local reconciliation agreements (2012–2018) as a network.
//!
//! Data flows TOML → [`load`] (a validated [`model::Dataset`]) → [`mod@slice`]
//! (the agreements a question looks at) → [`graph`] (projected actor graph,
//! simple weighted graph, two-mode graph) → [`analysis`] (measures) →
//! [`query`] (the questions the tool answers, as rows) → [`output`] (table,
//! JSON, CSV, streamed); and [`export::view`] → [`export`] (file formats),
//! written by [`files`] atomically; [`import`] turns spreadsheets (CSV)
//! into data files. [`cli`] (feature `cli`) maps flags to queries and
//! exporters.

pub mod analysis;
#[cfg(feature = "cli")]
pub mod cli;
pub mod error;
pub mod export;
pub mod files;
pub mod generate;
pub mod graph;
pub mod import;
pub mod load;
pub mod model;
pub mod names;
pub mod network;
pub mod output;
pub mod query;
pub mod random;
pub mod resolve;
pub mod slice;

pub use error::{Diagnostic, Error, Result};
