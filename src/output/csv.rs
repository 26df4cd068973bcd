//! CSV listings through the `csv` crate: RFC 4180 quoting, `\n` line ends,
//! a header row from the CSV record's field names (also for an empty
//! listing).

use super::Row;
use crate::error::{Error, Result};
use std::io::Write;

fn builder() -> ::csv::WriterBuilder {
    let mut b = ::csv::WriterBuilder::new();
    b.terminator(::csv::Terminator::Any(b'\n'));
    b
}

fn error(target: &str, e: ::csv::Error) -> Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => Error::write(target, io),
        other => Error::Serialise {
            format: "CSV",
            message: format!("{other:?}"),
        },
    }
}

/// Writes rows as CSV with a header.
pub(super) fn write<R: Row>(
    out: &mut dyn Write,
    target: &str,
    rows: impl IntoIterator<Item = R>,
) -> Result<()> {
    let mut w = builder().from_writer(out);
    let mut any = false;
    for r in rows {
        w.serialize(r.csv()).map_err(|e| error(target, e))?;
        any = true;
    }
    if !any {
        // The header alone: serialise a default record and keep its first line.
        let mut b = builder().from_writer(Vec::new());
        b.serialize(R::Csv::default())
            .map_err(|e| error(target, e))?;
        let bytes = b.into_inner().map_err(|e| Error::Serialise {
            format: "CSV",
            message: e.to_string(),
        })?;
        let end = bytes
            .iter()
            .position(|&c| c == b'\n')
            .map_or(bytes.len(), |i| i + 1);
        w.flush().map_err(|e| Error::write(target, e))?;
        let inner = w
            .into_inner()
            .map_err(|e| Error::write(target, e.into_error()))?;
        return inner
            .write_all(&bytes[..end])
            .map_err(|e| Error::write(target, e));
    }
    w.flush().map_err(|e| Error::write(target, e))
}
