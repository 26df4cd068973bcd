//! Ranking actors by centrality measures, on the actor graph or the two-mode
//! graph of a slice, once or per year or period.

use crate::analysis::betweenness::Sampling;
use crate::analysis::centrality::{compute_on, Measure, Options, Series};
use crate::analysis::twomode::Bipartite;
use crate::error::{Error, Result};
use crate::graph::csr::Compact;
use crate::graph::{Relation, SimpleGraph, TwoMode, Weighting, DEFAULT_RELATIONS};
use crate::model::Dataset;
use crate::output::{score, Column, Row};
use crate::query::Answer;
use crate::slice::{Over, Slice, SliceSpec};
use serde::Serialize;

/// What to compute.
#[derive(Debug, Clone)]
pub struct CentralityQuery {
    pub slice: SliceSpec,
    pub measures: Vec<Measure>,
    /// Relations that make the graph.
    pub relations: Vec<Relation>,
    pub weighting: Weighting,
    /// Directed arcs and/or weighted shortest paths (actor graph only).
    pub options: Options,
    /// Measure the two-mode graph (actors × agreements) instead.
    pub two_mode: bool,
    /// One series per year or named period.
    pub over: Option<Over>,
    /// Keep the N highest-scoring actors per measure and slice.
    pub top: Option<usize>,
}

impl Default for CentralityQuery {
    fn default() -> Self {
        CentralityQuery {
            slice: SliceSpec::default(),
            measures: vec![Measure::Degree],
            relations: DEFAULT_RELATIONS.to_vec(),
            weighting: Weighting::Count,
            options: Options::default(),
            two_mode: false,
            over: None,
            top: None,
        }
    }
}

/// One actor's score (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    /// The slice's label with `over`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slice: Option<String>,
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    /// Actor kind, or `agreement` for agreement nodes of the two-mode graph.
    pub kind: String,
    pub measure: String,
    /// NaN (JSON null, empty CSV cell) where the measure is undefined.
    pub score: f64,
}

/// CSV record of a [`ScoreRow`] without a slice.
#[derive(Debug, Default, Serialize)]
pub struct ScoreCsv {
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: String,
    pub measure: String,
    pub score: String,
}

/// CSV record of a [`ScoreRow`] with a slice.
#[derive(Debug, Default, Serialize)]
pub struct SlicedScoreCsv {
    pub slice: String,
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: String,
    pub measure: String,
    pub score: String,
}

impl Row for ScoreRow {
    type Csv = ScoreCsv;
    fn csv(&self) -> ScoreCsv {
        ScoreCsv {
            actor: self.actor.clone(),
            name_en: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            kind: self.kind.clone(),
            measure: self.measure.clone(),
            score: score(self.score),
        }
    }
    /// The table leaves out `kind` to stay narrow.
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("actor", |r: &Self| r.actor.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("name_ar", |r: &Self| r.name_ar.clone()),
            Column::new("measure", |r: &Self| r.measure.clone()),
            Column::new("score", |r: &Self| score(r.score)),
        ]
    }
}

/// A score row listed with its slice column (`over`).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Sliced(pub ScoreRow);

impl Row for Sliced {
    type Csv = SlicedScoreCsv;
    fn csv(&self) -> SlicedScoreCsv {
        let c = self.0.csv();
        SlicedScoreCsv {
            slice: self.0.slice.clone().unwrap_or_default(),
            actor: c.actor,
            name_en: c.name_en,
            name_ar: c.name_ar,
            kind: c.kind,
            measure: c.measure,
            score: c.score,
        }
    }
    fn columns() -> Vec<Column<Self>> {
        let mut cols = vec![Column::new("slice", |r: &Self| {
            r.0.slice.clone().unwrap_or_default()
        })];
        cols.extend(
            ScoreRow::columns()
                .into_iter()
                .map(|c| c.map(|s: &Sliced| &s.0)),
        );
        cols
    }
}

/// The measures defined on the two-mode graph.
pub const TWO_MODE_MEASURES: &[Measure] = &[
    Measure::Degree,
    Measure::Strength,
    Measure::Betweenness,
    Measure::Closeness,
];

/// The simple graph of a slice, with each node's alignment as its group (for
/// brokerage).
pub fn slice_graph(
    ds: &Dataset,
    slice: &Slice,
    relations: &[Relation],
    weighting: Weighting,
) -> SimpleGraph {
    let mut g = slice.actor_graph(ds).simple_weighted(relations, weighting);
    g.groups = g
        .nodes
        .iter()
        .map(|n| {
            ds.actors
                .get(n)
                .map_or_else(String::new, |a| a.alignment.to_string())
        })
        .collect();
    g
}

/// The two-mode graph of a slice.
pub fn slice_two_mode(
    ds: &Dataset,
    slice: &Slice,
    relations: &[Relation],
    weighting: Weighting,
) -> TwoMode {
    TwoMode::build(&slice.select(ds), relations, &|p| slice.keeps(p), weighting)
}

/// Sorts rows by score, highest first, and keeps the `top` ones. Scores
/// equal to 12 significant digits rank as ties (by actor id): mathematically
/// equal scores may differ in the last bits, depending on the order a kernel
/// summed them in.
fn rank(rows: &mut Vec<ScoreRow>, top: Option<usize>) {
    let key = |x: f64| {
        if x.is_nan() {
            f64::NEG_INFINITY
        } else {
            tie_key(x)
        }
    };
    rows.sort_by(|a, b| {
        key(b.score)
            .total_cmp(&key(a.score))
            .then_with(|| a.actor.cmp(&b.actor))
    });
    if let Some(n) = top {
        rows.truncate(n);
    }
}

/// A score rounded to 12 significant digits, for ranking.
fn tie_key(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let unit = 10f64.powi(x.abs().log10().floor() as i32 - 11);
    (x / unit).round() * unit
}

fn rows_for(
    ds: &Dataset,
    labels: &[String],
    kinds: &[String],
    series: Vec<Series>,
    top: Option<usize>,
    slice: Option<&str>,
) -> Vec<ScoreRow> {
    let mut out = Vec::new();
    for s in series {
        let mut rows: Vec<ScoreRow> = labels
            .iter()
            .zip(kinds)
            .zip(s.values)
            .map(|((id, kind), v)| {
                let a = ds.actors.get(id);
                let ag = id
                    .strip_prefix("agreement:")
                    .and_then(|g| ds.agreements.get(g));
                ScoreRow {
                    slice: slice.map(String::from),
                    actor: id.clone(),
                    name_en: a
                        .map(|a| a.name_en.clone())
                        .or_else(|| ag.map(|g| g.title.clone()))
                        .unwrap_or_else(|| id.clone()),
                    name_ar: a
                        .map(|a| a.name_ar.clone())
                        .or_else(|| ag.and_then(|g| g.title_ar.clone()))
                        .unwrap_or_default(),
                    kind: kind.clone(),
                    measure: s.name.clone(),
                    score: v,
                }
            })
            .collect();
        rank(&mut rows, top);
        out.extend(rows);
    }
    out
}

impl CentralityQuery {
    /// Checks the combination of options before anything is computed.
    fn check(&self) -> Result<()> {
        let bad = |reason| Err(Error::BadSampling { reason });
        match self.options.sampling {
            Sampling::Exact => {}
            _ if !self.measures.contains(&Measure::Betweenness) => {
                return bad("sampling estimates betweenness, and betweenness was not asked for")
            }
            _ if self.two_mode => return bad("two-mode betweenness is computed exactly only"),
            Sampling::Sources { k: 0, .. } => return bad("at least one source is needed"),
            Sampling::Epsilon { epsilon, delta, .. }
                if !(epsilon > 0.0 && epsilon < 1.0 && delta > 0.0 && delta < 1.0) =>
            {
                return bad(
                    "the error and the failure probability must lie strictly between 0 and 1",
                )
            }
            _ => {}
        }
        if self.two_mode {
            for m in &self.measures {
                if !TWO_MODE_MEASURES.contains(m) {
                    return Err(Error::NotTwoModeMeasure {
                        measure: m.as_str(),
                    });
                }
                if *m != Measure::Strength && self.weighting == Weighting::Newman {
                    return Err(Error::UnweightedTwoModeMeasure {
                        measure: m.as_str(),
                        weighting: self.weighting.as_str(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Scores of one slice.
    pub fn scores(
        &self,
        ds: &Dataset,
        slice: &Slice,
        label: Option<&str>,
    ) -> Result<Vec<ScoreRow>> {
        self.check()?;
        if self.two_mode {
            let tm = slice_two_mode(ds, slice, &self.relations, self.weighting);
            let bp = Bipartite::new(&tm);
            let kinds: Vec<String> = bp
                .labels
                .iter()
                .map(|l| match ds.actors.get(l) {
                    Some(a) => a.kind.to_string(),
                    None => "agreement".to_string(),
                })
                .collect();
            let series = self
                .measures
                .iter()
                .map(|m| Series {
                    name: m.as_str().to_string(),
                    values: match m {
                        Measure::Strength => bp.strength(),
                        Measure::Betweenness => bp.betweenness(),
                        Measure::Closeness => bp.closeness(),
                        _ => bp.degree(),
                    },
                })
                .collect();
            return Ok(rows_for(ds, &bp.labels, &kinds, series, self.top, label));
        }
        let graph = slice_graph(ds, slice, &self.relations, self.weighting);
        let kinds: Vec<String> = graph
            .nodes
            .iter()
            .map(|n| {
                ds.actors
                    .get(n)
                    .map_or_else(String::new, |a| a.kind.to_string())
            })
            .collect();
        // One compact graph per slice, shared by every measure.
        let compact = Compact::new(&graph);
        let mut series = Vec::new();
        for m in &self.measures {
            series.extend(compute_on(&compact, *m, self.options)?);
        }
        Ok(rows_for(ds, &graph.nodes, &kinds, series, self.top, label))
    }

    /// Scores of a network read from files ([`crate::network`]): one
    /// compact graph shared by every measure; the simple graph is built only
    /// for brokerage and Burt's measures. Node labels and kinds come from the
    /// node list.
    pub fn network_scores(&self, net: crate::network::Network) -> Result<Vec<ScoreRow>> {
        self.check()?;
        let series = self.network_series(net)?;
        let (nodes, series) = series;
        let mut out = Vec::new();
        for s in series {
            let mut rows: Vec<ScoreRow> = s
                .values
                .into_iter()
                .enumerate()
                .map(|(i, v)| ScoreRow {
                    slice: None,
                    actor: nodes.id(i).to_string(),
                    name_en: nodes.names(i).0.to_string(),
                    name_ar: nodes.names(i).1.to_string(),
                    kind: nodes.kind(i).to_string(),
                    measure: s.name.clone(),
                    score: v,
                })
                .collect();
            rank(&mut rows, self.top);
            out.extend(rows);
        }
        Ok(out)
    }

    /// Every series of the measures on a network (one per measure, more
    /// for brokerage), with its nodes.
    pub fn network_series(
        &self,
        net: crate::network::Network,
    ) -> Result<(
        crate::network::Nodes,
        Vec<crate::analysis::centrality::Series>,
    )> {
        let needs_simple = self.measures.iter().any(|m| {
            matches!(
                m,
                Measure::Brokerage | Measure::EffectiveSize | Measure::Constraint
            )
        });
        let mut series = Vec::new();
        if needs_simple {
            let simple = net.simple();
            let compact = Compact::new(&simple);
            for m in &self.measures {
                series.extend(compute_on(&compact, *m, self.options)?);
            }
            return Ok((net.nodes, series));
        }
        let (nodes, compact) = net.into_parts();
        for m in &self.measures {
            series.extend(compute_on(&compact, *m, self.options)?);
        }
        Ok((nodes, series))
    }

    /// Scores of the slice, or of each of its years or periods (rows then
    /// carry the slice's label).
    pub fn run(&self, ds: &Dataset) -> Result<Answer<ScoreRow>> {
        self.check()?;
        let slice = Slice::resolve(ds, &self.slice)?;
        let rows = match self.over {
            None => self.scores(ds, &slice, None)?,
            Some(over) => {
                let mut rows = Vec::new();
                for (label, s) in slice.over(ds, over) {
                    rows.extend(self.scores(ds, &s, Some(&label))?);
                }
                rows
            }
        };
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::tie_key;

    #[test]
    fn scores_equal_but_for_the_last_bits_tie() {
        let (a, b) = (0.1 + 0.2, 0.3);
        assert_ne!(a, b);
        assert_eq!(tie_key(a), tie_key(b));
        assert!(tie_key(0.300_000_000_1) > tie_key(0.3));
        assert_eq!(tie_key(1234.5), 1234.5);
        assert_eq!(tie_key(0.0), 0.0);
    }
}
