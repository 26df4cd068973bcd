//! Numbers computed on graphs: centrality measures, brokerage, structural
//! holes, bipartite measures, paths and components, whole-graph statistics.
//! Analysis never reads files or prints, and knows nothing of the dataset:
//! it takes graphs and returns numbers.

pub mod brokerage;
pub mod centrality;
pub mod holes;
pub mod paths;
pub mod stats;
pub mod twomode;
