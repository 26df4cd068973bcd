//! Integration tests: one test binary (faster builds on 2 cores).

mod analysis;
mod broken_data;
mod commands;
mod core;
mod data_damascus;
mod data_regions;
mod dataset;
mod errors;
mod export;
mod hostile;
mod interchange;
mod interrupt;
mod network;
mod props;
mod readers;
mod reference;
mod strange;
mod support;
mod traps;
