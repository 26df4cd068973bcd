//! Seeded synthetic two-mode mediation data at any scale, for benchmarks and
//! tests of the kernels on graphs far larger than the embedded dataset.
//!
//! [`generate`] draws actors in three camps (regime 10%, opposition 75%,
//! third parties 15%) and agreements between them, each with 2–8
//! participants in roles:
//!
//! - 1–2 regime signatories and 1–3 opposition signatories;
//! - with probability 0.3 an opposition negotiator who does not sign;
//! - with probability 0.6 a guarantor, 0.3 a mediator (third parties);
//! - dates uniform within a year, years 2012–2018 weighted 1:2:3:3:6:8:10
//!   (most agreements fall in the Hmeimim and de-escalation years).
//!
//! Activity is heavy-tailed: within each camp, half the picks are uniform
//! (so that nearly every actor takes part) and half pick the actor of rank r
//! with weight (r + 1)^−1.1 (Zipf); and a few hubs stand out — the first
//! regime actor (a "reconciliation centre") signs 15% of the agreements and
//! the first third party (a "guarantor state") guarantees half of those it
//! could — so at 20,000 actors the top actors take part in thousands of
//! agreements while most appear in one or two.
//!
//! [`Synthetic::agreements`] turns the draw into model agreements, so the
//! actor graph is projected by [`crate::graph::project`] under exactly the
//! rules the real data follows; [`Synthetic::write_edges`] writes that
//! projection as `source,target,kind,weight` (one row per actor pair and
//! relation of [`crate::graph::DEFAULT_RELATIONS`], weight = agreements),
//! [`Synthetic::write_participations`] the two-mode data and
//! [`Synthetic::write_nodes`] the actors. The same seed gives the same files
//! on every platform ([`crate::random::Rng`]).

use crate::graph::{project, ActorGraph, DEFAULT_RELATIONS};
use crate::model::{Agreement, AgreementKind, FuzzyDate, Participant, Role, Side, Status};
use crate::random::Rng;
use std::io::{self, Write};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub actors: usize,
    /// Number of agreements; by default as many as actors.
    pub agreements: usize,
    pub seed: u64,
}

impl Spec {
    /// `actors` actors, as many agreements, the seed.
    pub fn new(actors: usize, seed: u64) -> Spec {
        Spec {
            actors,
            agreements: actors,
            seed,
        }
    }
}

/// The camp an actor belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Camp {
    Regime,
    Opposition,
    Third,
}

impl Camp {
    /// The actor kind and alignment written for the camp (hubs first).
    fn kind(self, hub: bool) -> (&'static str, &'static str) {
        match (self, hub) {
            (Camp::Regime, true) => ("reconciliation-centre", "regime-ally"),
            (Camp::Regime, false) => ("reconciliation-committee", "regime"),
            (Camp::Opposition, _) => ("armed-faction", "opposition"),
            (Camp::Third, true) => ("state", "regime-ally"),
            (Camp::Third, false) => ("notables", "local-mediator"),
        }
    }
}

/// One drawn agreement: its date and its participants (actor index, role).
#[derive(Debug, Clone, PartialEq)]
pub struct Draw {
    pub date: String,
    pub participants: Vec<(u32, Role)>,
}

/// Generated actors and agreements.
#[derive(Debug, Clone)]
pub struct Synthetic {
    /// Actor ids (`a000000`, …) with their camp; the first actor of each
    /// camp is its hub.
    pub actors: Vec<(String, Camp)>,
    pub draws: Vec<Draw>,
}

/// Cumulative Zipf weights (r + 1)^−1.1 of a camp of `k` actors.
fn zipf(k: usize) -> Vec<f64> {
    let mut acc = 0.0;
    (0..k)
        .map(|r| {
            acc += ((r + 1) as f64).powf(-1.1);
            acc
        })
        .collect()
}

fn pick(rng: &mut Rng, cum: &[f64]) -> usize {
    let x = rng.unit() * cum.last().copied().unwrap_or(0.0);
    cum.partition_point(|&c| c <= x)
        .min(cum.len().saturating_sub(1))
}

const YEARS: [(u32, u32); 7] = [
    (2012, 1),
    (2013, 2),
    (2014, 3),
    (2015, 3),
    (2016, 6),
    (2017, 8),
    (2018, 10),
];

fn date(rng: &mut Rng) -> String {
    let total: u32 = YEARS.iter().map(|y| y.1).sum();
    let mut x = rng.below(total as u64) as u32;
    let mut year = 2018;
    for (y, w) in YEARS {
        if x < w {
            year = y;
            break;
        }
        x -= w;
    }
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    format!("{year}-{month:02}-{day:02}")
}

/// Draws actors and agreements (see the module documentation). O(actors +
/// agreements · log actors).
///
/// ```
/// use musalaha::generate::{generate, Spec};
/// let s = generate(Spec::new(200, 7));
/// assert_eq!(s.actors.len(), 200);
/// assert_eq!(s.draws.len(), 200);
/// assert!(s.draws.iter().all(|d| (2..=8).contains(&d.participants.len())));
/// assert_eq!(generate(Spec::new(200, 7)).draws, s.draws);
/// ```
pub fn generate(spec: Spec) -> Synthetic {
    let n = spec.actors.max(3);
    let regime = (n / 10).max(1);
    let third = (n * 15 / 100).max(1);
    let opposition = n - regime - third;
    let mut actors = Vec::with_capacity(n);
    let camps = [
        (Camp::Regime, regime),
        (Camp::Opposition, opposition),
        (Camp::Third, third),
    ];
    let mut first = [0usize; 3];
    for (c, &(camp, k)) in camps.iter().enumerate() {
        first[c] = actors.len();
        for _ in 0..k {
            actors.push((format!("a{:06}", actors.len()), camp));
        }
    }
    let cums: Vec<Vec<f64>> = camps.iter().map(|&(_, k)| zipf(k)).collect();
    let mut rng = Rng::new(spec.seed);
    let mut draws = Vec::with_capacity(spec.agreements);
    for _ in 0..spec.agreements {
        let mut ps: Vec<(u32, Role)> = Vec::with_capacity(8);
        let add = |ps: &mut Vec<(u32, Role)>, a: usize, role: Role| {
            if ps.len() < 8 && !ps.iter().any(|p| p.0 == a as u32) {
                ps.push((a as u32, role));
            }
        };
        // Half the picks uniform (so that nearly every actor takes part), half Zipf.
        let from = |rng: &mut Rng, c: usize| {
            if rng.unit() < 0.5 {
                first[c] + rng.below(cums[c].len() as u64) as usize
            } else {
                first[c] + pick(rng, &cums[c])
            }
        };
        // The regime side: the centre hub in 15% of agreements, then Zipf.
        if rng.unit() < 0.15 {
            add(&mut ps, first[0], Role::Signatory);
        }
        for _ in 0..1 + (rng.unit() < 0.3) as usize {
            let a = from(&mut rng, 0);
            add(&mut ps, a, Role::Signatory);
        }
        for _ in 0..1 + rng.below(3) as usize {
            let a = from(&mut rng, 1);
            add(&mut ps, a, Role::Signatory);
        }
        if rng.unit() < 0.3 {
            let a = from(&mut rng, 1);
            add(&mut ps, a, Role::Negotiator);
        }
        if rng.unit() < 0.6 {
            let a = if rng.unit() < 0.5 {
                first[2]
            } else {
                from(&mut rng, 2)
            };
            add(&mut ps, a, Role::Guarantor);
        }
        if rng.unit() < 0.3 {
            let a = from(&mut rng, 2);
            add(&mut ps, a, Role::Mediator);
        }
        draws.push(Draw {
            date: date(&mut rng),
            participants: ps,
        });
    }
    Synthetic { actors, draws }
}

impl Synthetic {
    fn side(&self, a: u32) -> Option<Side> {
        match self.actors[a as usize].1 {
            Camp::Regime => Some(Side::Regime),
            Camp::Opposition => Some(Side::Opposition),
            Camp::Third => Some(Side::Neutral),
        }
    }

    /// Agreement ids: `g000000`, … in draw order.
    pub fn agreement_id(i: usize) -> String {
        format!("g{i:06}")
    }

    /// The draws as model agreements (final settlements, signed, in place
    /// `p`), for [`crate::graph::project`].
    pub fn agreements(&self) -> Vec<Agreement> {
        self.draws
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let id = Self::agreement_id(i);
                Agreement {
                    title: id.clone(),
                    id,
                    title_ar: None,
                    date: FuzzyDate::parse(&d.date).unwrap_or_else(|_| {
                        FuzzyDate::parse("2018").expect("a year is a valid date")
                    }),
                    date_readings: vec![],
                    date_note: None,
                    places: vec!["p".into()],
                    kind: AgreementKind::FinalSettlement,
                    phase: None,
                    follows: None,
                    status: Status::Signed,
                    participants: d
                        .participants
                        .iter()
                        .map(|&(a, role)| Participant {
                            actor: self.actors[a as usize].0.clone(),
                            role,
                            side: self.side(a),
                            inferred: false,
                            locator: None,
                            note: None,
                        })
                        .collect(),
                    terms: vec![],
                    sources: vec![],
                    note: None,
                }
            })
            .collect()
    }

    /// The actor graph the projection rules make of the draws.
    pub fn actor_graph(&self) -> ActorGraph {
        let ags = self.agreements();
        let refs: Vec<&Agreement> = ags.iter().collect();
        project(&refs)
    }

    /// `agreement,date,actor,role,side`: one row per participation.
    pub fn write_participations(&self, w: &mut dyn Write) -> io::Result<()> {
        writeln!(w, "agreement,date,actor,role,side")?;
        for (i, d) in self.draws.iter().enumerate() {
            for &(a, role) in &d.participants {
                let side = self.side(a).map_or("", |s| s.as_str());
                writeln!(
                    w,
                    "{},{},{},{},{}",
                    Self::agreement_id(i),
                    d.date,
                    self.actors[a as usize].0,
                    role.as_str(),
                    side
                )?;
            }
        }
        Ok(())
    }

    /// `id,label,kind,alignment`: one row per actor.
    pub fn write_nodes(&self, w: &mut dyn Write) -> io::Result<()> {
        writeln!(w, "id,label,kind,alignment")?;
        let mut seen = [false; 3];
        for (id, camp) in &self.actors {
            let c = *camp as usize;
            let (kind, alignment) = camp.kind(!seen[c]);
            seen[c] = true;
            writeln!(w, "{id},{id},{kind},{alignment}")?;
        }
        Ok(())
    }

    /// `source,target,kind,weight`: the projected ties in the default
    /// relations, one row per actor pair and relation (directed relations
    /// from the guarantor or mediator), weight = number of agreements.
    /// Summing a pair's rows gives the weight of its simple-graph edge.
    pub fn write_edges(&self, graph: &ActorGraph, w: &mut dyn Write) -> io::Result<()> {
        writeln!(w, "source,target,kind,weight")?;
        for t in graph.ties_in(DEFAULT_RELATIONS) {
            writeln!(
                w,
                "{},{},{},{}",
                t.from,
                t.to,
                t.relation.as_str(),
                t.weight()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heavy_tailed_with_hubs_and_roles() {
        let s = generate(Spec::new(2000, 1));
        let mut count = vec![0usize; s.actors.len()];
        for d in &s.draws {
            for &(a, _) in &d.participants {
                count[a as usize] += 1;
            }
            assert!(d.date.as_str() >= "2012-01-01" && d.date.as_str() <= "2018-12-31");
        }
        // The centre hub takes part in well over 10% of agreements; the median actor in few.
        assert!(count[0] > 200, "hub in {} agreements", count[0]);
        let mut sorted = count.clone();
        sorted.sort_unstable();
        assert!(sorted[sorted.len() / 2] <= 3);
        let roles: std::collections::BTreeSet<&str> = s
            .draws
            .iter()
            .flat_map(|d| d.participants.iter().map(|p| p.1.as_str()))
            .collect();
        assert_eq!(
            roles.into_iter().collect::<Vec<_>>(),
            ["guarantor", "mediator", "negotiator", "signatory"]
        );
        let g = s.actor_graph();
        let simple = g.simple(DEFAULT_RELATIONS);
        assert!(simple.edges.len() > 2000, "{} edges", simple.edges.len());
        let mut out = Vec::new();
        s.write_edges(&g, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("source,target,kind,weight\n"));
        // Summing a pair's rows gives the simple graph's total weight.
        let total: f64 = text
            .lines()
            .skip(1)
            .map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap())
            .sum();
        let simple_total: f64 = simple.edges.iter().map(|e| e.weight).sum();
        assert_eq!(total, simple_total);
    }
}
