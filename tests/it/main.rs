//! Integration tests: one test binary (faster builds on 2 cores).

mod broken_data;
mod commands;
mod export;
mod reference;
mod support;
