//! Integration tests: one test binary (faster builds on 2 cores).

mod analysis;
mod broken_data;
mod commands;
mod reference;
mod support;
