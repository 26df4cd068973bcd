//! The questions the tool answers, one file each: what a question takes
//! (its inputs), what it gives (its row types, the JSON/CSV contract of
//! docs/formats.md, each a [`crate::output::Row`]) and how it is computed.
//!
//! The command line maps flags to a query and writes its rows; a report, an
//! HTML page or another program calls the same queries and gets the same
//! rows. Queries never print and never touch files.

pub mod actors;
pub mod agreements;
pub mod centrality;
pub mod codebook;
pub mod counts;
pub mod coverage;
pub mod edges;
pub mod ego;
pub mod explain;
pub mod participations;
pub mod partners;
pub mod path;
pub mod places;
pub mod stats;
pub mod timeline;

use crate::resolve::Resolution;

/// What a query gives: its rows, and how the names it was asked about were
/// taken (for the caller to show when they were not exact ids).
#[derive(Debug, Clone)]
pub struct Answer<R> {
    pub rows: Vec<R>,
    pub resolved: Vec<Resolution>,
    /// What the caller should know to read the rows right (how a count was
    /// made), in plain sentences.
    pub notes: Vec<String>,
}

impl<R> Answer<R> {
    /// Rows with nothing resolved.
    pub fn rows(rows: Vec<R>) -> Answer<R> {
        Answer {
            rows,
            resolved: Vec::new(),
            notes: Vec::new(),
        }
    }
}
