//! musalaha: Syria's local reconciliation agreements (2012–2018) as a network.
//!
//! Data flows TOML → [`load`] (a validated [`model::Dataset`]) → [`filter`]
//! (a slice of agreements) → [`graph`] (two-mode graph and projected actor
//! graph) → [`analysis`] (measures, partners) / [`export`] (DOT) →
//! [`output`] (table, JSON, CSV) → [`cli`] (one file per subcommand).

pub mod analysis;
pub mod cli;
pub mod coverage;
pub mod error;
pub mod export;
pub mod filter;
pub mod graph;
pub mod load;
pub mod model;
pub mod names;
pub mod output;

pub use error::{Diagnostic, Error, Result};
