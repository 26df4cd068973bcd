//! Numbers computed on graphs: centrality measures, brokerage, structural
//! holes, bipartite measures, paths and components, whole-graph statistics.
//! Analysis never reads files or prints, and knows nothing of the dataset:
//! it takes graphs and returns numbers.
//!
//! The kernels ([`shortest`], [`betweenness`], [`closeness`], [`spectral`],
//! [`paths`]) run on the compact graph [`crate::graph::csr::CsrGraph`]: u32
//! compressed rows, weights and lengths in their own arrays, buffers reused
//! from one source to the next, rayon over sources or nodes, and partial
//! results combined in a fixed order so that every result is the same to the
//! last bit whatever the number of threads.

pub mod betweenness;
pub mod brokerage;
pub mod centrality;
pub mod closeness;
pub mod holes;
pub mod paths;
pub mod shortest;
pub mod spectral;
pub mod stats;
pub mod twomode;
