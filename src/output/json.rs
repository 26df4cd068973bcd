//! JSON listings: one array, pretty-printed, written element by element.
//! The bytes are those `serde_json::to_string_pretty` gives for the whole
//! array, plus a final newline.

use super::Row;
use crate::error::{Error, Result};
use std::io::Write;

/// Writes rows as a pretty JSON array.
pub(super) fn write<R: Row>(
    out: &mut dyn Write,
    target: &str,
    rows: impl IntoIterator<Item = R>,
) -> Result<()> {
    let io = |e: std::io::Error| Error::write(target, e);
    let mut buf = Vec::new();
    let mut first = true;
    for r in rows {
        buf.clear();
        serde_json::to_writer_pretty(&mut buf, &r).map_err(|e| Error::Serialise {
            format: "JSON",
            message: e.to_string(),
        })?;
        out.write_all(if first { b"[\n" } else { b",\n" })
            .map_err(io)?;
        first = false;
        // Indent the element one level, as inside the array.
        for (i, line) in buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n").map_err(io)?;
            }
            out.write_all(b"  ").map_err(io)?;
            out.write_all(line).map_err(io)?;
        }
    }
    out.write_all(if first { b"[]\n" } else { b"\n]\n" })
        .map_err(io)
}
