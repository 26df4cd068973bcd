//! Measures computed on the actor graph. Analysis never reads files or
//! prints: it takes a [`crate::graph::SimpleGraph`] and returns numbers.

pub mod centrality;
pub mod partners;
