//! Bringing data in: spreadsheets (CSV tables) become graph-data TOML.
//!
//! - [`csv`]: the folder `musalaha export csv` writes (or one made from the
//!   template in docs/formats.md) → TOML files that load and validate, or
//!   every problem as `file.csv:ROW:COLUMN` diagnostics.
//! - [`toml`]: writing TOML text by hand, one field per line, so that every
//!   line the loader may complain about maps back to one spreadsheet cell.
//!
//! Conversion is pure (texts in, texts out); [`write()`] puts the result on
//! disk through [`crate::files`], all files or none.

pub mod csv;
pub mod toml;

use crate::error::{Error, Result};
use crate::load::SourceFile;
use std::path::Path;

/// Writes the converted files into `out`. An existing folder that is not
/// empty is replaced (with everything in it) only when `force` is set; the
/// files appear all together or not at all.
pub fn write(out: &Path, files: &[SourceFile], force: bool) -> Result<()> {
    let occupied = out.exists()
        && (!out.is_dir()
            || std::fs::read_dir(out)
                .map_err(|source| Error::Io {
                    path: out.display().to_string(),
                    source,
                })?
                .next()
                .is_some());
    if occupied && !force {
        return Err(Error::OutputExists {
            path: out.display().to_string(),
        });
    }
    let fill = |set: &mut crate::files::FileSet| -> Result<()> {
        for f in files {
            let shown = out.join(&f.path).display().to_string();
            set.add(Path::new(&f.path), |w| {
                w.write_all(f.text.as_bytes())
                    .map_err(|e| Error::write(shown.clone(), e))
            })?;
        }
        Ok(())
    };
    if occupied {
        crate::files::replace_dir(out, fill)
    } else {
        let mut set = crate::files::FileSet::in_dir(out)?;
        fill(&mut set)?;
        set.commit()?;
        Ok(())
    }
}
