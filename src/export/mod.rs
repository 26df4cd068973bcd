//! Exporters: turn a slice's actor graph into files. Exporters never compute
//! measures and never do I/O themselves; they return the text.

pub mod dot;
