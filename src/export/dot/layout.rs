//! Pinning the legend grid with `pos="x,y!"` (inches) for the engines that
//! honour pinned nodes but not ranks (fdp), from rough node sizes estimated
//! from their labels.

use super::figure::{t, Node, Val};
use std::collections::BTreeMap;

/// Rough size in inches of a legend node, from its label.
fn estimated_size(n: &Node) -> (f64, f64) {
    let get = |key: &str| {
        n.attrs.iter().find_map(|(k, v)| match v {
            Val::Text(s) | Val::Bare(s) if *k == key => Some(s.clone()),
            _ => None,
        })
    };
    if get("shape").as_deref() == Some("point") {
        return (0.05, 0.05);
    }
    let label = get("label").unwrap_or_default();
    let chars = label.lines().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    let lines = label.lines().count().max(1) as f64;
    (0.075 * chars + 0.45, 0.17 * lines + 0.25)
}

/// Pins the legend grid with `pos="x,y!"` (inches) for engines that honour
/// pinned nodes but not ranks (fdp).
pub(super) fn pin(columns: &[Vec<Vec<Node>>], grid: &mut [Vec<Node>], sample_height: f64) {
    let cell_size = |cell: &[Node]| -> (f64, f64) {
        if cell.len() > 1 {
            // A relation sample: its label sits on the edge between two points.
            (1.4, sample_height)
        } else {
            cell.first().map_or((0.0, 0.0), estimated_size)
        }
    };
    let height = grid.len();
    let widths: Vec<f64> = columns
        .iter()
        .map(|c| c.iter().map(|cell| cell_size(cell).0).fold(0.3, f64::max))
        .collect();
    let heights: Vec<f64> = (0..height)
        .map(|r| {
            columns
                .iter()
                .filter_map(|c| c.get(r))
                .map(|cell| cell_size(cell).1)
                .fold(0.3, f64::max)
        })
        .collect();
    let mut pos: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let mut x = 0.0;
    for (ci, col) in columns.iter().enumerate() {
        let mut y = 0.0;
        for (r, cell) in col.iter().enumerate() {
            let cy = -(y + heights[r] / 2.0);
            if cell.len() > 1 {
                let step = (widths[ci] - 0.2) / (cell.len() - 1) as f64;
                for (i, n) in cell.iter().enumerate() {
                    pos.insert(n.id.clone(), (x + 0.1 + step * i as f64, cy));
                }
            } else if let Some(n) = cell.first() {
                pos.insert(n.id.clone(), (x + widths[ci] / 2.0, cy));
            }
            y += heights[r] + 0.12;
        }
        x += widths[ci] + 0.3;
    }
    for n in grid.iter_mut().flatten() {
        if let Some((px, py)) = pos.get(&n.id) {
            n.attrs.push(("pos", t(format!("{px:.2},{py:.2}!"))));
        }
    }
}
