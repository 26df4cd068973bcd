//! Measures and queries computed on the actor graph. Analysis never reads
//! files or prints: it takes graphs and returns numbers and rows.

pub mod brokerage;
pub mod centrality;
pub mod holes;
pub mod partners;
pub mod paths;
pub mod stats;
pub mod twomode;
