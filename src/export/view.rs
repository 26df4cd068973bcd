//! The format-neutral view of a slice that every exporter writes: nodes
//! (actors, and agreements in the two-mode view) with their kind, alignment,
//! both names, place, cluster, scores and the time span of their agreements;
//! edges with relation, roles, weight, the agreements behind them and their
//! time span; and the table of agreements those refer to.
//!
//! A view is built once per slice ([`View::build`]) and read by any number of
//! exporters; figure captions count what the view holds. Scores come from
//! the analysis layer here, so exporters never compute measures.

use crate::analysis::centrality::{compute_with, Measure, Options};
use crate::analysis::twomode::Bipartite;
use crate::error::{Error, Result};
use crate::graph::simple::agreement_sizes;
use crate::graph::{Relation, TwoMode, Weighting};
use crate::model::{
    ActorKind, Agreement, AgreementKind, Alignment, Dataset, Day, FuzzyDate, PlaceKind, Role,
    Status,
};
use crate::query::centrality::{slice_graph, TWO_MODE_MEASURES};
use crate::slice::Slice;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How nodes are grouped into clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterBy {
    /// One cluster per alignment.
    Alignment,
    /// One cluster per place of this kind: an actor goes to the place of
    /// that kind above (or at) its own place; an agreement (two-mode view) to
    /// the one above its first place. Actors without a place stay outside.
    Region(PlaceKind),
}

/// What a view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewOptions {
    /// Relations whose ties are shown (two-mode: the roles behind them).
    pub relations: Vec<Relation>,
    pub weighting: Weighting,
    /// Actors × agreements instead of actors × actors.
    pub two_mode: bool,
    pub cluster_by: Option<ClusterBy>,
    /// Scores to attach to every node, computed on the graph shown.
    pub measures: Vec<Measure>,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            relations: crate::graph::DEFAULT_RELATIONS.to_vec(),
            weighting: Weighting::Count,
            two_mode: false,
            cluster_by: None,
            measures: Vec::new(),
        }
    }
}

/// A cluster a node belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cluster {
    /// Stable key: `alignment_<alignment>` or `region_<place id>`.
    pub key: String,
    pub name_en: String,
    pub name_ar: String,
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// An actor, with its kind (None for an id the dataset does not know).
    Actor(Option<ActorKind>),
    /// An agreement (two-mode view).
    Agreement(AgreementKind),
}

/// A closed interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: Day,
    pub end: Day,
}

impl Span {
    /// The interval of days a fuzzy date may mean.
    pub fn of(d: &FuzzyDate) -> Span {
        Span {
            start: d.start,
            end: d.end,
        }
    }

    /// The smallest span covering all of `spans`.
    pub fn cover(spans: impl IntoIterator<Item = Span>) -> Option<Span> {
        spans.into_iter().reduce(|a, b| Span {
            start: a.start.min(b.start),
            end: a.end.max(b.end),
        })
    }
}

/// One node.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewNode {
    /// Actor id or agreement id.
    pub id: String,
    pub kind: NodeKind,
    /// Actors' alignment; None for agreements.
    pub alignment: Option<Alignment>,
    /// Actor names, or an agreement's title (and Arabic title, if any).
    pub name_en: String,
    pub name_ar: String,
    /// An actor's place; an agreement's first place.
    pub place: Option<String>,
    pub cluster: Option<Cluster>,
    /// One score per [`View::measures`]; NaN where undefined.
    pub scores: Vec<f64>,
    /// Indices into [`View::agreements`] of the agreements the node takes
    /// part in through the edges shown (an agreement node: itself).
    pub agreements: Vec<usize>,
    /// From the first start to the last end of those agreements (for a
    /// network read from files: of the dates of its ties).
    pub span: Option<Span>,
    /// A network read from files: the node list's kind when it is not one
    /// of musalaha's actor kinds (those go to `kind`).
    pub other_kind: Option<String>,
    /// A network read from files: the node list's group when it is not one
    /// of musalaha's alignments (those go to `alignment`).
    pub group: Option<String>,
    /// A network read from files: the days the dated rows of its ties may
    /// mean (disjoint, by date). Empty for the dataset, whose nodes take
    /// their days from their agreements.
    pub dates: Vec<Span>,
}

/// One edge.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewEdge {
    /// Indices into [`View::nodes`]. For directed relations the source is
    /// the guarantor or mediator; in the two-mode view, the actor.
    pub source: usize,
    pub target: usize,
    pub relation: Relation,
    /// Two-mode view: the actor's roles in the agreement. Empty otherwise.
    pub roles: Vec<Role>,
    pub directed: bool,
    /// By the view's weighting.
    pub weight: f64,
    /// Indices into [`View::agreements`].
    pub agreements: Vec<usize>,
    /// Those of `agreements` where the edge rests only on roles the coders
    /// inferred (all of them: the whole edge is an inference).
    pub inferred: Vec<usize>,
    pub span: Option<Span>,
    /// A network read from files: the edge list's kind when it is not one
    /// of musalaha's relations, as written ("" when the file gives none);
    /// `relation` is then only the line it is drawn with (signing's plain
    /// line). `None` for the dataset and for kinds that are relations.
    pub kind: Option<String>,
    /// A network read from files: the days its dated rows may mean
    /// (disjoint, by date).
    pub dates: Vec<Span>,
}

impl ViewEdge {
    /// Whether the edge rests only on inferred roles.
    pub fn is_inferred(&self) -> bool {
        !self.agreements.is_empty() && self.inferred.len() == self.agreements.len()
    }
}

/// An agreement the view's nodes or edges refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewAgreement {
    pub id: String,
    pub title: String,
    pub title_ar: Option<String>,
    pub date: FuzzyDate,
    pub kind: AgreementKind,
    pub places: Vec<String>,
    pub status: Status,
}

/// One edge per node pair: the simple graph of the view. In the actor graph
/// the ties of a pair (one per relation) are merged, as in the graph that
/// `stats` counts and the measures run on; in the two-mode view every link
/// is already one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewPair {
    /// Indices into [`View::nodes`]: the third party (guarantor, mediator,
    /// host) first when the pair is [`ViewPair::oriented`], else the node
    /// first in id order.
    pub source: usize,
    pub target: usize,
    /// The relations of the ties merged, in vocabulary order.
    pub relations: Vec<Relation>,
    /// Whether the pair has directed ties (guaranteeing, mediating,
    /// hosting) and all of them run from `source` to `target`.
    pub oriented: bool,
    /// By the view's weighting, over the distinct agreements of the pair.
    pub weight: f64,
    /// Indices into [`View::agreements`], sorted (so by date).
    pub agreements: Vec<usize>,
    pub span: Option<Span>,
    /// Indices into [`View::edges`] of the ties merged.
    pub ties: Vec<usize>,
    /// Kinds of the ties merged that are not musalaha relations (a network
    /// read from files), sorted.
    pub kinds: Vec<String>,
    /// The days the ties' dated rows may mean (a network read from files).
    pub dates: Vec<Span>,
}

/// The view of one slice.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub options: ViewOptions,
    /// Actors (by id), then agreements (by date) in the two-mode view.
    pub nodes: Vec<ViewNode>,
    /// Ties by (relation, from, to); two-mode links by agreement.
    pub edges: Vec<ViewEdge>,
    /// Every agreement of the slice, by date.
    pub agreements: Vec<ViewAgreement>,
    /// Names of the score columns of the nodes.
    pub measures: Vec<String>,
    /// The slice as musalaha describes it (ids and dates).
    pub slice: String,
    /// For a network read from files ([`View::from_network`]): the name of
    /// the edge file. `None` for the dataset.
    pub network: Option<String>,
}

impl View {
    /// Number of actor nodes.
    pub fn actor_count(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::Actor(_)))
            .count()
    }

    /// Number of agreement nodes (two-mode view).
    pub fn agreement_node_count(&self) -> usize {
        self.nodes.len() - self.actor_count()
    }

    /// The agreements of the slice as the model has them.
    pub fn agreements_in<'a>(&self, ds: &'a Dataset) -> Vec<&'a Agreement> {
        self.agreements
            .iter()
            .filter_map(|a| ds.agreements.get(&a.id))
            .collect()
    }

    /// Builds the view of a slice.
    pub fn build(ds: &Dataset, slice: &Slice, options: &ViewOptions) -> Result<View> {
        let selected = slice.select(ds);
        let agreements: Vec<ViewAgreement> = selected
            .iter()
            .map(|a| ViewAgreement {
                id: a.id.clone(),
                title: a.title.clone(),
                title_ar: a.title_ar.clone(),
                date: a.date.clone(),
                kind: a.kind,
                places: a.places.clone(),
                status: a.status,
            })
            .collect();
        let agreement_index: HashMap<&str, usize> = agreements
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut view = View {
            options: options.clone(),
            nodes: Vec::new(),
            edges: Vec::new(),
            agreements: Vec::new(),
            measures: options
                .measures
                .iter()
                .map(|m| m.as_str().to_string())
                .collect(),
            slice: slice.describe(),
            network: None,
        };
        if options.two_mode {
            view.two_mode_graph(ds, slice, &selected, &agreement_index)?;
        } else {
            view.actor_graph(ds, slice, &agreement_index)?;
        }
        view.agreements = agreements;
        for n in &mut view.nodes {
            n.span = Span::cover(
                n.agreements
                    .iter()
                    .map(|&i| Span::of(&view.agreements[i].date)),
            );
        }
        for e in &mut view.edges {
            e.span = Span::cover(
                e.agreements
                    .iter()
                    .map(|&i| Span::of(&view.agreements[i].date)),
            );
        }
        Ok(view)
    }

    fn actor_graph(
        &mut self,
        ds: &Dataset,
        slice: &Slice,
        agreement_index: &HashMap<&str, usize>,
    ) -> Result<()> {
        let opts = self.options.clone();
        let graph = slice.actor_graph(ds);
        let ties: Vec<_> = graph.ties_in(&opts.relations).collect();
        let sizes = agreement_sizes(ties.iter().copied());
        let mut actors: Vec<&str> = ties
            .iter()
            .flat_map(|t| [t.from.as_str(), t.to.as_str()])
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let index: HashMap<&str, usize> = actors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
        let mut node_agreements: Vec<Vec<usize>> = vec![Vec::new(); actors.len()];
        for t in &ties {
            let ags: Vec<usize> = t
                .agreements
                .iter()
                .filter_map(|a| agreement_index.get(a.as_str()).copied())
                .collect();
            let (s, d) = (index[t.from.as_str()], index[t.to.as_str()]);
            node_agreements[s].extend(&ags);
            node_agreements[d].extend(&ags);
            let inferred: Vec<usize> = t
                .inferred
                .iter()
                .filter_map(|a| agreement_index.get(a.as_str()).copied())
                .collect();
            self.edges.push(ViewEdge {
                source: s,
                target: d,
                relation: t.relation,
                roles: Vec::new(),
                directed: t.relation.is_directed(),
                weight: opts
                    .weighting
                    .weigh(t.agreements.iter().map(String::as_str), |a| {
                        sizes.get(a).copied().unwrap_or(2)
                    }),
                agreements: ags,
                inferred,
                span: None,
                kind: None,
                dates: Vec::new(),
            });
        }
        // Every series a measure gives becomes a score column: brokerage
        // gives its total and then one column per role.
        let scores = if opts.measures.is_empty() {
            BTreeMap::new()
        } else {
            let g = slice_graph(ds, slice, &opts.relations, opts.weighting);
            let mut by_actor: BTreeMap<String, Vec<f64>> = BTreeMap::new();
            let mut names = Vec::new();
            for m in &opts.measures {
                for s in compute_with(&g, *m, Options::default())? {
                    names.push(s.name);
                    for (n, v) in g.nodes.iter().zip(s.values) {
                        by_actor.entry(n.clone()).or_default().push(v);
                    }
                }
            }
            self.measures = names;
            by_actor
        };
        for (i, id) in actors.iter().enumerate() {
            let mut ags = std::mem::take(&mut node_agreements[i]);
            ags.sort_unstable();
            ags.dedup();
            let mut node = actor_node(ds, id, opts.cluster_by);
            node.scores = scores
                .get(*id)
                .cloned()
                .unwrap_or_else(|| vec![f64::NAN; self.measures.len()]);
            node.agreements = ags;
            self.nodes.push(node);
        }
        Ok(())
    }

    fn two_mode_graph(
        &mut self,
        ds: &Dataset,
        slice: &Slice,
        selected: &[&Agreement],
        agreement_index: &HashMap<&str, usize>,
    ) -> Result<()> {
        let opts = self.options.clone();
        for m in &opts.measures {
            if !TWO_MODE_MEASURES.contains(m) {
                return Err(Error::NotTwoModeMeasure {
                    measure: m.as_str(),
                });
            }
        }
        let tm = TwoMode::build(
            selected,
            &opts.relations,
            &|p| slice.keeps(p),
            opts.weighting,
        );
        let bp = Bipartite::new(&tm);
        let series: Vec<Vec<f64>> = opts
            .measures
            .iter()
            .map(|m| match m {
                Measure::Strength => bp.strength(),
                Measure::Betweenness => bp.betweenness(),
                Measure::Closeness => bp.closeness(),
                _ => bp.degree(),
            })
            .collect();
        let score = |i: usize| series.iter().map(|s| s[i]).collect::<Vec<f64>>();
        let gidx: Vec<usize> = tm
            .agreements
            .iter()
            .map(|a| agreement_index.get(a.as_str()).copied().unwrap_or(0))
            .collect();
        let mut node_agreements: Vec<Vec<usize>> = vec![Vec::new(); tm.actors.len()];
        for l in &tm.links {
            node_agreements[l.actor].push(gidx[l.agreement]);
        }
        for (i, id) in tm.actors.iter().enumerate() {
            let mut node = actor_node(ds, id, opts.cluster_by);
            node.scores = score(i);
            let mut ags = std::mem::take(&mut node_agreements[i]);
            ags.sort_unstable();
            ags.dedup();
            node.agreements = ags;
            self.nodes.push(node);
        }
        let actors = tm.actors.len();
        for (k, id) in tm.agreements.iter().enumerate() {
            let Some(ag) = ds.agreements.get(id) else {
                continue;
            };
            let cluster = match opts.cluster_by {
                Some(ClusterBy::Region(level)) => {
                    ag.places.first().and_then(|p| place_cluster(ds, p, level))
                }
                _ => None,
            };
            self.nodes.push(ViewNode {
                id: id.clone(),
                kind: NodeKind::Agreement(ag.kind),
                alignment: None,
                name_en: ag.title.clone(),
                name_ar: ag.title_ar.clone().unwrap_or_default(),
                place: ag.places.first().cloned(),
                cluster,
                scores: score(actors + k),
                agreements: vec![gidx[k]],
                span: None,
                other_kind: None,
                group: None,
                dates: Vec::new(),
            });
        }
        for l in &tm.links {
            self.edges.push(ViewEdge {
                source: l.actor,
                target: actors + l.agreement,
                relation: l.relation,
                roles: l.roles.clone(),
                directed: false,
                weight: l.weight,
                agreements: vec![gidx[l.agreement]],
                inferred: if l.inferred {
                    vec![gidx[l.agreement]]
                } else {
                    Vec::new()
                },
                span: None,
                kind: None,
                dates: Vec::new(),
            });
        }
        Ok(())
    }
}

impl View {
    /// The simple graph of the view: one edge per node pair (see
    /// [`ViewPair`]), in the order of their first tie's nodes (by id).
    pub fn pairs(&self) -> Vec<ViewPair> {
        if self.options.two_mode {
            return self
                .edges
                .iter()
                .enumerate()
                .map(|(i, e)| ViewPair {
                    source: e.source,
                    target: e.target,
                    relations: vec![e.relation],
                    oriented: false,
                    weight: e.weight,
                    agreements: e.agreements.clone(),
                    span: e.span,
                    ties: vec![i],
                    kinds: Vec::new(),
                    dates: Vec::new(),
                })
                .collect();
        }
        // Newman's weighting: the number of actors each agreement ties
        // together through the ties shown (as graph::simple counts them).
        let mut members: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        let mut by_pair: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, e) in self.edges.iter().enumerate() {
            for &a in &e.agreements {
                let m = members.entry(a).or_default();
                m.insert(e.source);
                m.insert(e.target);
            }
            by_pair
                .entry((e.source.min(e.target), e.source.max(e.target)))
                .or_default()
                .push(i);
        }
        let size = |a: usize| members.get(&a).map_or(2, BTreeSet::len);
        by_pair
            .into_iter()
            .map(|((a, b), ties)| {
                let mut relations: Vec<Relation> = ties
                    .iter()
                    .map(|&i| &self.edges[i])
                    .filter(|e| e.kind.is_none())
                    .map(|e| e.relation)
                    .collect();
                relations.sort_unstable();
                relations.dedup();
                let mut kinds: Vec<String> = ties
                    .iter()
                    .filter_map(|&i| self.edges[i].kind.clone())
                    .collect();
                kinds.sort_unstable();
                kinds.dedup();
                let dates = merge(
                    ties.iter()
                        .flat_map(|&i| self.edges[i].dates.iter().copied())
                        .collect(),
                );
                let mut agreements: Vec<usize> = ties
                    .iter()
                    .flat_map(|&i| self.edges[i].agreements.iter().copied())
                    .collect();
                agreements.sort_unstable();
                agreements.dedup();
                let directions: BTreeSet<(usize, usize)> = ties
                    .iter()
                    .map(|&i| &self.edges[i])
                    .filter(|e| e.directed)
                    .map(|e| (e.source, e.target))
                    .collect();
                let (source, target, oriented) = match directions.len() {
                    1 => {
                        let (s, t) = *directions.iter().next().expect("one direction");
                        (s, t, true)
                    }
                    _ => (a, b, false),
                };
                let weight = match self.options.weighting {
                    // An edge list's weights, summed over the pair's ties.
                    _ if self.network.is_some() => ties.iter().map(|&i| self.edges[i].weight).sum(),
                    Weighting::Count => agreements.len() as f64,
                    Weighting::None => 1.0,
                    Weighting::Newman => agreements
                        .iter()
                        .map(|&g| 1.0 / (size(g).max(2) - 1) as f64)
                        .sum(),
                };
                let span = Span::cover(
                    agreements
                        .iter()
                        .map(|&i| Span::of(&self.agreements[i].date))
                        .chain(dates.iter().copied()),
                );
                ViewPair {
                    source,
                    target,
                    relations,
                    oriented,
                    weight,
                    agreements,
                    span,
                    ties,
                    kinds,
                    dates,
                }
            })
            .collect()
    }

    /// The days a node may be active on: its agreements' dates, or for a
    /// network read from files the dates of its ties.
    pub fn node_spells(&self, n: &ViewNode) -> Vec<Span> {
        if self.network.is_some() {
            n.dates.clone()
        } else {
            self.spells(&n.agreements)
        }
    }

    /// The days a pair may be active on (as [`View::node_spells`]).
    pub fn pair_spells(&self, p: &ViewPair) -> Vec<Span> {
        if self.network.is_some() {
            p.dates.clone()
        } else {
            self.spells(&p.agreements)
        }
    }

    /// The days the agreements `indices` may fall on, as disjoint intervals
    /// in date order: the interval of each agreement's date, with intervals
    /// that share a day merged.
    pub fn spells(&self, indices: &[usize]) -> Vec<Span> {
        let spans: Vec<Span> = indices
            .iter()
            .filter_map(|&i| self.agreements.get(i))
            .map(|a| Span::of(&a.date))
            .collect();
        merge(spans)
    }

    /// The view of a network read from files ([`crate::network`], read
    /// with [`crate::network::ReadOptions::details`]): every node, one edge
    /// per tie (pair and kind). A node's id and label come from the files,
    /// its kind and group become `kind` and `alignment` when they are
    /// musalaha's (else `other_kind` and `group`); an edge's kind is its
    /// relation when it is one of musalaha's, else a plain tie that keeps
    /// the kind as written; weights are the file's, summed; dated rows give
    /// the time spans. There are no agreements. Scores of
    /// `options.measures` are computed on the network's undirected graph
    /// (the measures' defaults), as for the dataset. `name` names the
    /// network in titles (the edge file's name).
    pub fn from_network(
        net: &crate::network::Network,
        options: &ViewOptions,
        name: &str,
    ) -> Result<View> {
        use crate::model::ActorKind;
        let mut view = View {
            options: ViewOptions {
                two_mode: false,
                ..options.clone()
            },
            nodes: Vec::new(),
            edges: Vec::new(),
            agreements: Vec::new(),
            measures: Vec::new(),
            slice: format!("edge list {name}"),
            network: Some(name.to_string()),
        };
        let mut node_dates: Vec<Vec<Span>> = vec![Vec::new(); net.node_count()];
        for t in &net.ties {
            let kind = net.kind_of(t);
            let relation = Relation::parse(kind);
            let dates = merge(
                t.dates
                    .iter()
                    .map(|&(start, end)| Span { start, end })
                    .collect(),
            );
            for v in [t.source, t.target] {
                node_dates[v as usize].extend(&dates);
            }
            view.edges.push(ViewEdge {
                source: t.source as usize,
                target: t.target as usize,
                relation: relation.unwrap_or(Relation::Signing),
                roles: Vec::new(),
                directed: t.directed,
                weight: t.weight,
                agreements: Vec::new(),
                inferred: Vec::new(),
                span: Span::cover(dates.iter().copied()),
                kind: match relation {
                    Some(_) => None,
                    None => Some(kind.to_string()),
                },
                dates,
            });
        }
        let scores: Vec<Vec<f64>> = if options.measures.is_empty() {
            Vec::new()
        } else {
            let simple = net.simple();
            let mut names = Vec::new();
            let mut series = Vec::new();
            for m in &options.measures {
                for s in compute_with(&simple, *m, Options::default())? {
                    names.push(s.name);
                    series.push(s.values);
                }
            }
            view.measures = names;
            series
        };
        for (i, dates) in node_dates.into_iter().enumerate() {
            let (k, g) = (net.nodes.kind(i), net.nodes.group(i));
            let kind = ActorKind::parse(k);
            let alignment = Alignment::parse(g);
            let dates = merge(dates);
            let cluster = match options.cluster_by {
                Some(ClusterBy::Alignment) if !g.is_empty() => Some(Cluster {
                    key: format!("alignment_{g}"),
                    name_en: g.to_string(),
                    name_ar: alignment
                        .map(|a| crate::export::style::alignment_ar(a).to_string())
                        .unwrap_or_default(),
                }),
                _ => None,
            };
            view.nodes.push(ViewNode {
                id: net.nodes.id(i).to_string(),
                kind: NodeKind::Actor(kind),
                alignment,
                name_en: net.names(i).0.to_string(),
                name_ar: net.names(i).1.to_string(),
                place: None,
                cluster,
                scores: scores.iter().map(|s| s[i]).collect(),
                agreements: Vec::new(),
                span: Span::cover(dates.iter().copied()),
                other_kind: (kind.is_none() && !k.is_empty()).then(|| k.to_string()),
                group: (alignment.is_none() && !g.is_empty()).then(|| g.to_string()),
                dates,
            });
        }
        Ok(view)
    }
}

/// Spans as disjoint intervals in date order, those that share a day merged.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// An actor's node, without scores or agreements.
fn actor_node(ds: &Dataset, id: &str, cluster_by: Option<ClusterBy>) -> ViewNode {
    let a = ds.actors.get(id);
    let cluster = a.and_then(|a| match cluster_by? {
        ClusterBy::Alignment => Some(Cluster {
            key: format!("alignment_{}", a.alignment.as_str()),
            name_en: a.alignment.as_str().to_string(),
            name_ar: crate::export::style::alignment_ar(a.alignment).to_string(),
        }),
        ClusterBy::Region(level) => place_cluster(ds, a.place.as_deref()?, level),
    });
    ViewNode {
        id: id.to_string(),
        kind: NodeKind::Actor(a.map(|a| a.kind)),
        alignment: a.map(|a| a.alignment),
        name_en: a.map_or_else(|| id.to_string(), |a| a.name_en.clone()),
        name_ar: a.map_or_else(String::new, |a| a.name_ar.clone()),
        place: a.and_then(|a| a.place.clone()),
        cluster,
        scores: Vec::new(),
        agreements: Vec::new(),
        span: None,
        other_kind: None,
        group: None,
        dates: Vec::new(),
    }
}

/// The cluster of the place of kind `level` at or above `place`.
fn place_cluster(ds: &Dataset, place: &str, level: PlaceKind) -> Option<Cluster> {
    let p = ds
        .place_ancestors(place)
        .into_iter()
        .find(|p| p.kind == level)?;
    Some(Cluster {
        key: format!("region_{}", p.id),
        name_en: p.name_en.clone(),
        name_ar: p.name_ar.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slice::SliceSpec;

    fn views(two_mode: bool, weighting: Weighting) -> (Dataset, Slice, View) {
        let ds = crate::load::load_embedded().unwrap();
        let slice = Slice::resolve(&ds, &SliceSpec::default()).unwrap();
        let options = ViewOptions {
            relations: Relation::ALL.to_vec(),
            weighting,
            two_mode,
            ..ViewOptions::default()
        };
        let view = View::build(&ds, &slice, &options).unwrap();
        (ds, slice, view)
    }

    #[test]
    fn pairs_are_the_simple_graph_measures_run_on() {
        for weighting in [Weighting::Count, Weighting::Newman, Weighting::None] {
            let (ds, slice, view) = views(false, weighting);
            let g = slice_graph(&ds, &slice, Relation::ALL, weighting);
            let pairs = view.pairs();
            assert_eq!(view.nodes.len(), g.nodes.len());
            assert_eq!(pairs.len(), g.edges.len());
            for (p, e) in pairs.iter().zip(&g.edges) {
                let mut ends = [
                    view.nodes[p.source].id.clone(),
                    view.nodes[p.target].id.clone(),
                ];
                ends.sort();
                assert_eq!(ends, [g.nodes[e.a].clone(), g.nodes[e.b].clone()]);
                assert!((p.weight - e.weight).abs() < 1e-12, "{weighting:?}");
                assert_eq!(p.relations, e.relations);
                let mut ids: Vec<String> = p
                    .agreements
                    .iter()
                    .map(|&a| view.agreements[a].id.clone())
                    .collect();
                ids.sort();
                assert_eq!(ids, e.agreements);
                // Oriented pairs start at the guarantor or mediator.
                if p.oriented {
                    assert!(p
                        .ties
                        .iter()
                        .any(|&t| view.edges[t].directed && view.edges[t].source == p.source));
                }
            }
        }
    }

    #[test]
    fn two_mode_pairs_are_the_links() {
        let (_, _, view) = views(true, Weighting::Count);
        let pairs = view.pairs();
        assert_eq!(pairs.len(), view.edges.len());
        assert!(pairs.iter().all(|p| p.ties.len() == 1 && !p.oriented));
    }

    #[test]
    fn spells_merge_where_days_are_shared() {
        let (_, _, mut view) = views(false, Weighting::Count);
        let d = |t: &str| FuzzyDate::parse(t).unwrap();
        for (a, t) in
            view.agreements
                .iter_mut()
                .zip(["2015-11", "mid 2015-11", "2015-12-01", "2014"])
        {
            a.date = d(t);
        }
        let s = view.spells(&[0, 1, 2, 3]);
        let text: Vec<String> = s
            .iter()
            .map(|x| format!("{}..{}", x.start, x.end))
            .collect();
        assert_eq!(
            text,
            [
                "2014-01-01..2014-12-31",
                "2015-11-01..2015-11-30",
                "2015-12-01..2015-12-01"
            ]
        );
    }
}
