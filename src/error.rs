//! Typed errors of the library.
//!
//! Each variant names what went wrong in the library's own terms (an unknown
//! measure, an ambiguous name, an empty date window, …) without command-line
//! wording: the binary (`src/cli/words.rs`) says which flag to fix and maps
//! each variant to an exit code. `Display` gives a plain sentence that a
//! library user can show as it is.

use crate::model::{Day, PlaceKind};
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
    /// `bad-date`, `bad-value`, `bad-id`, `cycle`, `missing`, `encoding`, `limit`
    /// (and, for edge lists, `self-loop` and `more`).
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

/// What sort of thing a name was looked up among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Actor,
    Place,
    Period,
    /// A node of a network read from files (`--edges`).
    Node,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Actor => "actor",
            Entity::Place => "place",
            Entity::Period => "period",
            Entity::Node => "node",
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a question was asked of: a slice of the dataset or a network read
/// from files (`--edges`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Slice,
    Network,
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Scope::Slice => "this slice",
            Scope::Network => "this network",
        })
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The dataset has problems; all of them are listed.
    #[error("{}", render_diagnostics(.0))]
    InvalidData(Vec<Diagnostic>),

    /// A data folder holds no data files.
    #[error("{dir} holds no .toml data files")]
    NoDataFiles { dir: String },

    /// A data directory or file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    /// A name matches nothing.
    #[error("no {what} matches '{}'{}", shown(.query), closest_text(.closest))]
    UnknownName {
        what: Entity,
        query: String,
        /// The closest ids by spelling.
        closest: Vec<String>,
    },

    /// A name matches several entities.
    #[error("'{}' could mean several {what}s: {}", shown(.query), .candidates.join(", "))]
    AmbiguousName {
        what: Entity,
        query: String,
        candidates: Vec<String>,
    },

    /// An empty name (`--region ,,`).
    #[error("an empty {what} name was given")]
    EmptyName { what: Entity },

    /// A figure or export of a slice with nothing in it.
    #[error(
        "nothing to draw: {slice} selects {events} record(s) and no tie in the chosen relations"
    )]
    EmptySlice { slice: String, events: usize },

    /// A date window that ends before it starts.
    #[error("the date window is empty: it starts {from} and ends {to}")]
    EmptyWindow { from: Day, to: Day },

    /// An actor has no tie in the graph a question runs on.
    #[error("{actor} has no ties in this slice and relation set")]
    NotInGraph { actor: String },

    /// Two actors (or nodes of a network) are in different components.
    #[error(
        "no chain of ties links {from} and {to} in {within} (they are in different components)"
    )]
    NoPath {
        from: String,
        to: String,
        within: Scope,
    },

    /// A measure that is not defined for the two-mode graph.
    #[error("measure '{measure}' is not defined for the two-mode graph (use degree, strength, betweenness or closeness)")]
    NotTwoModeMeasure { measure: &'static str },

    /// A weighting that the chosen two-mode measures would ignore.
    #[error("two-mode {measure} counts links and does not use weights, so weighting '{weighting}' would change nothing (use the strength measure for weighted links)")]
    UnweightedTwoModeMeasure {
        measure: &'static str,
        weighting: &'static str,
    },

    /// Sampling options that make no estimate (a rate outside (0, 1), no
    /// sources, or no betweenness asked for).
    #[error("betweenness sampling: {reason}")]
    BadSampling { reason: &'static str },

    /// A measure that needs the simple graph's edge lists and groups was
    /// asked of compact graphs alone (a bug in the caller).
    #[error("measure '{measure}' needs the simple graph, not only its compact form")]
    NeedsSimpleGraph { measure: &'static str },

    /// An iterative measure did not converge.
    #[error("{measure} did not converge in {iterations} iterations on this graph")]
    DidNotConverge {
        measure: &'static str,
        iterations: usize,
    },

    /// A measure that gives no finite score on the graph (for node sizes).
    #[error("measure '{measure}' gives no finite score on this graph")]
    NoFiniteScore { measure: &'static str },

    /// A batch split by region found no place of the level asked for.
    #[error("no place of kind '{level}' in the data{}", if *.within_region { " within the region" } else { "" })]
    NoPlacesAtLevel {
        level: PlaceKind,
        within_region: bool,
    },

    /// A batch per period combined with a period.
    #[error("a batch per period cannot be limited to one period")]
    PeriodBatchWithPeriod,

    /// Clusters asked for with a layout engine that does not draw them.
    #[error("the {layout} layout does not draw clusters")]
    ClustersNeedLayout { layout: &'static str },

    /// A file format that cannot be told from a file's name.
    #[error("cannot tell the image format of {path} from its extension '{extension}'")]
    UnknownImageExtension { path: String, extension: String },

    /// A figure asked for from a format that is not drawn (only DOT is).
    #[error("{format} is not a figure; only DOT can be rendered")]
    NotRenderable { format: &'static str },

    /// A folder format asked to write to standard output.
    #[error("the {format} export is a folder of files and cannot go to standard output")]
    FolderFormat { format: &'static str },

    /// A folder to import holds none of the CSV tables import reads.
    #[error("{dir} holds none of the CSV tables musalaha imports (actors.csv, places.csv, documents.csv, periods.csv, agreements.csv, participations.csv, terms.csv, sources.csv, date-readings.csv)")]
    NoCsvFiles { dir: String },

    /// An output that exists and may not be replaced.
    #[error("{path} already exists")]
    OutputExists { path: String },

    /// An external program the command needs is not installed.
    #[error("{what} needs {tool}, which was not found")]
    MissingTool {
        what: String,
        tool: &'static str,
        /// How to install it.
        help: String,
    },

    /// A figure whose text would be smaller than the page's minimum however
    /// it is laid out.
    #[error("{target} does not fit {page} with text of at least {min_font} pt: its smallest text would be {smallest:.1} pt")]
    FigureDoesNotFit {
        target: String,
        /// The page, in words (`A4 landscape (297 × 210 mm)`).
        page: String,
        min_font: f64,
        /// The smallest text the best layout reached, in points.
        smallest: f64,
        /// A larger standard page it would probably fit (`a2`).
        larger: Option<String>,
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

    /// A row could not be serialised (a bug: every listed type serialises).
    #[error("cannot serialise a {format} row: {message}")]
    Serialise {
        format: &'static str,
        message: String,
    },

    /// The data folder given with `--data` (or a file in it) cannot be read.
    #[error("cannot read {path}: {reason}")]
    DataDir { path: String, reason: String },
}

/// A user's argument as messages quote it: whole up to 120 characters,
/// else its start and its length (a 1 MB argument is not echoed back).
pub fn shown(text: &str) -> String {
    const MAX: usize = 120;
    match text.char_indices().nth(MAX) {
        None => text.to_string(),
        Some((at, _)) => format!("{}… ({} characters)", &text[..at], text.chars().count()),
    }
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
    /// Whether the error is the user's input (data, names, arguments) rather
    /// than a failure of the machine (I/O, external programs). The binary
    /// maps the first to exit code 2 and the second to 1.
    pub fn is_bad_input(&self) -> bool {
        match self {
            Error::InvalidData(_)
            | Error::NoDataFiles { .. }
            | Error::UnknownName { .. }
            | Error::AmbiguousName { .. }
            | Error::EmptyName { .. }
            | Error::EmptySlice { .. }
            | Error::EmptyWindow { .. }
            | Error::NotInGraph { .. }
            | Error::NoPath { .. }
            | Error::NotTwoModeMeasure { .. }
            | Error::UnweightedTwoModeMeasure { .. }
            | Error::BadSampling { .. }
            | Error::NoFiniteScore { .. }
            | Error::NoPlacesAtLevel { .. }
            | Error::PeriodBatchWithPeriod
            | Error::ClustersNeedLayout { .. }
            | Error::UnknownImageExtension { .. }
            | Error::NotRenderable { .. }
            | Error::FolderFormat { .. }
            | Error::OutputExists { .. }
            | Error::NoCsvFiles { .. }
            | Error::FigureDoesNotFit { .. }
            | Error::DataDir { .. } => true,
            Error::Io { .. }
            | Error::Write { .. }
            | Error::DidNotConverge { .. }
            | Error::NeedsSimpleGraph { .. }
            | Error::MissingTool { .. }
            | Error::Render { .. }
            | Error::Serialise { .. } => false,
        }
    }

    /// The write error for a target, keeping the I/O error's kind (so a
    /// closed pipe can be told apart).
    pub fn write(target: impl Into<String>, source: std::io::Error) -> Error {
        Error::Write {
            target: target.into(),
            source,
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    /// Every variant of [`super::Error`] has its row in docs/errors.md: the
    /// variants are read from this file's source, so a new one without a
    /// row fails here.
    #[test]
    fn every_error_variant_is_documented() {
        let src = include_str!("error.rs");
        let doc = include_str!("../docs/errors.md");
        let body = &src[src.find("pub enum Error {").unwrap()..];
        let body = &body[..body.find("\n}").unwrap()];
        let variants: Vec<&str> = body
            .lines()
            .filter_map(|l| l.strip_prefix("    "))
            .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(|l| l.split(|c: char| !c.is_alphanumeric()).next().unwrap())
            .collect();
        assert!(variants.len() >= 30, "{variants:?}");
        for v in variants {
            assert!(
                doc.contains(&format!("| `{v}` |")),
                "docs/errors.md has no row for Error::{v}"
            );
        }
    }

    #[test]
    fn long_arguments_are_shown_by_their_start_and_length() {
        assert_eq!(super::shown("short"), "short");
        let long = "ب".repeat(1000);
        let s = super::shown(&long);
        assert!(
            s.ends_with("… (1000 characters)") && s.chars().count() < 150,
            "{s}"
        );
    }
}
