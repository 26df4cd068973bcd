//! Typed errors of the library. The binary prints them once, with `Display`,
//! and maps them to exit codes with [`Error::exit_code`].

use std::fmt;

/// A problem found in a data file, with where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path of the file as shown to the user (`graph-data/actors/common.toml`).
    pub file: String,
    /// 1-based line and column (columns count characters).
    pub line: usize,
    pub column: usize,
    /// Stable short code: `syntax`, `unknown-field`, `unknown-id`, `duplicate-id`,
    /// `bad-date`, `bad-value`, `bad-id`, `cycle`, `missing`.
    pub code: &'static str,
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error[{}]: {}",
            self.file, self.line, self.column, self.code, self.message
        )?;
        if !self.help.is_empty() {
            write!(f, "\n  help: {}", self.help)?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The dataset has problems; all of them are listed.
    #[error("{}", render_diagnostics(.0))]
    InvalidData(Vec<Diagnostic>),

    /// A data directory or file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    /// A name given on the command line matches nothing.
    #[error("no {what} matches '{query}'{}\n  help: {help}", closest_text(.closest))]
    UnknownName {
        what: &'static str,
        query: String,
        closest: Vec<String>,
        help: String,
    },

    /// A name given on the command line matches several entities.
    #[error("'{query}' could mean several {what}s: {}\n  help: give the id of the one you mean", .candidates.join(", "))]
    AmbiguousName {
        what: &'static str,
        query: String,
        candidates: Vec<String>,
    },

    /// A command-line value is malformed (a date, a measure list, ...).
    #[error("{0}")]
    BadArgument(String),

    /// An algorithm could not produce a result (e.g. an iteration did not converge).
    #[error("{0}")]
    Computation(String),

    /// An external program the command needs is not installed.
    #[error("{what} needs {tool}, which was not found\n  help: {help}")]
    MissingTool {
        what: String,
        tool: &'static str,
        help: String,
    },

    /// An external renderer ran but failed.
    #[error("cannot render {target}: {message}")]
    Render { target: String, message: String },

    /// Writing output failed.
    #[error("cannot write {target}: {source}")]
    Write {
        target: String,
        #[source]
        source: std::io::Error,
    },

    /// The data folder given with `--data` (or a file in it) cannot be read.
    #[error("cannot read {path}: {reason}\n  help: give --data a readable folder of .toml data files, like graph-data/")]
    DataDir { path: String, reason: String },

    /// The data folder holds no data files.
    #[error("{dir} holds no .toml data files\n  help: point --data at a folder like graph-data/ (actors/, places/, agreements/, sources.toml, periods.toml)")]
    NoDataFiles { dir: String },
}

fn closest_text(closest: &[String]) -> String {
    if closest.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", closest.join(", "))
    }
}

fn render_diagnostics(d: &[Diagnostic]) -> String {
    let mut s = String::new();
    for x in d {
        s.push_str(&x.to_string());
        s.push('\n');
    }
    s.push_str(&format!(
        "{} problem{} found in the data; nothing was computed",
        d.len(),
        if d.len() == 1 { "" } else { "s" }
    ));
    s
}

impl Error {
    /// Exit code: 2 for bad input or usage (data, names, arguments), 1 for failures.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::InvalidData(_)
            | Error::UnknownName { .. }
            | Error::AmbiguousName { .. }
            | Error::BadArgument(_)
            | Error::DataDir { .. }
            | Error::NoDataFiles { .. } => 2,
            Error::Io { .. }
            | Error::Write { .. }
            | Error::Computation(_)
            | Error::MissingTool { .. }
            | Error::Render { .. } => 1,
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
