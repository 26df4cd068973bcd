//! How the binary words errors and which exit code each gets.
//!
//! The library's errors name what went wrong; here they are said in the
//! command line's terms (the flag to fix, the command that lists the valid
//! names) with a help line. Exit codes: 0 success (also when the reader of
//! our output goes away, e.g. `musalaha … | head`), 1 failure (I/O, external
//! programs, a computation), 2 bad input or usage (data problems, unknown or
//! ambiguous names, impossible combinations of flags). docs/errors.md lists
//! them all.

use crate::error::{Entity, Error, Scope};

/// A usage problem the binary itself finds (a flag that needs another).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Usage(pub String);

/// What the user is told: the message and its exit code; `None` when the
/// run is to end quietly with success (a closed pipe).
pub fn describe(err: &anyhow::Error) -> Option<(String, u8)> {
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return None;
            }
        }
    }
    if let Some(e) = err.downcast_ref::<Error>() {
        return Some((library(e), if e.is_bad_input() { 2 } else { 1 }));
    }
    if let Some(u) = err.downcast_ref::<Usage>() {
        return Some((u.0.clone(), 2));
    }
    Some((format!("{err:#}"), 1))
}

fn help(message: String, help: &str) -> String {
    format!("{message}\n  help: {help}")
}

fn list_command(what: Entity) -> &'static str {
    match what {
        Entity::Actor => "run `musalaha actors` to list actors and their ids",
        Entity::Place => "run `musalaha places` to list places and their ids",
        Entity::Period => "run `musalaha periods` to list the named periods",
        Entity::Node => {
            "give a node id of the --edges file (or a label of the --nodes file); `musalaha centrality --edges FILE` lists them"
        }
    }
}

/// A library error in the command line's words.
pub fn library(e: &Error) -> String {
    match e {
        Error::UnknownName { what, .. } => help(e.to_string(), list_command(*what)),
        Error::AmbiguousName { .. } => help(e.to_string(), "give the id of the one you mean"),
        Error::EmptyWindow { .. } => help(e.to_string(), "check --from, --to and --period"),
        Error::EmptySlice { .. } => help(
            e.to_string(),
            "widen the slice (--region, --from, --to, --period, --agreement-kind) or use --relation all",
        ),
        Error::NoPath {
            within: Scope::Network,
            ..
        } => help(
            e.to_string(),
            "`musalaha stats --edges FILE` counts the network's components; only nodes of one component are linked",
        ),
        Error::NotInGraph { .. } | Error::NoPath { .. } => {
            help(e.to_string(), "widen the slice or use --relation all")
        }
        Error::NotTwoModeMeasure { measure } => help(
            format!("--two-mode: measure '{measure}' is not defined for the two-mode graph"),
            "use degree, strength, betweenness or closeness with --two-mode",
        ),
        Error::UnweightedTwoModeMeasure { measure, weighting } => help(
            format!("--weighting {weighting} would not change two-mode {measure}, which counts links"),
            "use --measure strength for weighted two-mode links, or leave out --weighting",
        ),
        Error::BadSampling { .. } => help(
            e.to_string(),
            "--sample K (K ≥ 1) or --epsilon E with --delta D (both between 0 and 1) estimate --measure betweenness",
        ),
        Error::NeedsSimpleGraph { .. } => e.to_string(),
        Error::DidNotConverge { .. } => help(e.to_string(), "try another slice or --relation set"),
        Error::NoFiniteScore { measure } => help(
            format!("--size-by {measure}: the measure cannot be computed on this graph"),
            "try --size-by degree or betweenness",
        ),
        Error::NoPlacesAtLevel {
            level,
            within_region,
        } => help(
            format!(
                "--per region: no place of kind '{level}' in the data{}",
                if *within_region { " within --region" } else { "" }
            ),
            "choose another --level (see `musalaha places`)",
        ),
        Error::PeriodBatchWithPeriod => help(
            "--per period cannot be combined with --period".into(),
            "drop --period, or use --from/--to to narrow every period",
        ),
        Error::ClustersNeedLayout { layout } => help(
            format!("--cluster-by needs a layout that draws clusters, but --layout is {layout}"),
            "use --layout dot or --layout fdp, or leave out --cluster-by",
        ),
        Error::UnknownImageExtension { .. } => help(
            e.to_string(),
            "name the file .svg, .png or .pdf, or say which with --format",
        ),
        Error::NoDataFiles { .. } => help(
            e.to_string(),
            "point --data at a folder like graph-data/ (actors/, places/, agreements/, sources.toml, periods.toml)",
        ),
        Error::FigureDoesNotFit { larger, .. } => help(
            format!("--page: {e}"),
            &format!(
                "use a larger page ({}), a narrower slice (--region, --from/--to, --relation), --labels en instead of both, or a lower --min-font",
                match larger {
                    Some(p) => format!("--page {p} would probably do"),
                    None => "--page a0 or WxH".to_string(),
                }
            ),
        ),
        Error::MissingTool { help: h, .. } => help(e.to_string(), h),
        Error::NotRenderable { format } => help(
            format!("--render draws DOT figures; it does not apply to {format}"),
            "drop --render, or use `musalaha export dot --render FORMAT`",
        ),
        Error::FolderFormat { format } => help(
            e.to_string(),
            &format!("add -o DIR: the {format} tables are written into that folder"),
        ),
        Error::OutputExists { .. } => help(
            e.to_string(),
            "choose another --out folder, or add --force to replace it and everything in it",
        ),
        Error::DataDir { .. } => help(
            e.to_string(),
            "give --data a readable folder of .toml data files, like graph-data/",
        ),
        _ => e.to_string(),
    }
}

/// What to say on stderr about how a name was taken, if anything: the id
/// used when the argument was not an exact id, and the other entities it
/// also fits.
pub fn resolution(ds: &crate::model::Dataset, r: &crate::resolve::Resolution) -> Option<String> {
    if r.is_plain() {
        return None;
    }
    let describe = |id: &str| -> String {
        match r.what {
            Entity::Actor => ds
                .actors
                .get(id)
                .map_or(id.to_string(), |a| format!("{id} ({})", a.name_en)),
            Entity::Place => ds.places.get(id).map_or(id.to_string(), |p| {
                format!("{id} ({}, {})", p.name_en, p.kind)
            }),
            Entity::Period => ds
                .periods
                .get(id)
                .map_or(id.to_string(), |p| format!("{id} ({})", p.name_en)),
            Entity::Node => id.to_string(),
        }
    };
    let mut s = format!(
        "note: {} '{}' is taken as {}",
        r.what,
        crate::error::shown(&r.query),
        describe(&r.id)
    );
    if r.how == crate::names::How::Partial {
        s.push_str(" (a partial match)");
    }
    if !r.others.is_empty() {
        let others: Vec<String> = r.others.iter().map(|o| describe(o)).collect();
        let rule = match (r.what, r.how) {
            (Entity::Place, crate::names::How::Name | crate::names::How::Partial) => {
                ", the widest of the places it names"
            }
            _ => "",
        };
        s.push_str(&format!(
            "{rule}; it also fits {} (give that id to use it)",
            others.join(", ")
        ));
    }
    Some(s)
}

/// What to say about how a node name of a network read from files was
/// taken (as [`resolution`] for the dataset).
pub fn node_resolution(r: &crate::resolve::Resolution) -> Option<String> {
    if r.is_plain() {
        return None;
    }
    let mut s = format!("note: node '{}' is taken as {}", r.query, r.id);
    if r.how == crate::names::How::Partial {
        s.push_str(" (a partial match)");
    }
    if !r.others.is_empty() {
        s.push_str(&format!(
            "; it also fits {} (give that id to use it)",
            r.others.join(", ")
        ));
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_pipes_end_quietly_and_codes_follow_the_rule() {
        let pipe = anyhow::Error::new(Error::write(
            "standard output",
            std::io::ErrorKind::BrokenPipe.into(),
        ));
        assert_eq!(describe(&pipe), None);
        let full = anyhow::Error::new(Error::write(
            "out.dot",
            std::io::Error::from_raw_os_error(28),
        ));
        let (msg, code) = describe(&full).unwrap();
        assert_eq!(code, 1);
        assert!(msg.starts_with("cannot write out.dot: "), "{msg}");
        let unknown = anyhow::Error::new(Error::UnknownName {
            what: Entity::Actor,
            query: "x".into(),
            closest: vec!["y".into()],
        });
        let (msg, code) = describe(&unknown).unwrap();
        assert_eq!(code, 2);
        assert_eq!(
            msg,
            "no actor matches 'x'; closest: y\n  help: run `musalaha actors` to list actors and their ids"
        );
        let usage = anyhow::Error::new(Usage("--render needs -o".into()));
        assert_eq!(describe(&usage).unwrap().1, 2);
    }
}
