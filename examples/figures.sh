#!/usr/bin/env bash
# Regenerates the report figures in docs/figures/ from the dataset built into
# musalaha: for each figure the DOT file (the figure as asked, with its page)
# and an SVG rendered by Graphviz and fitted to the page (A4 landscape with
# text of at least 6 pt unless a line says otherwise); with PNG=1 also a PNG
# at 150 dpi.
#
#   examples/figures.sh            # from the repository root or anywhere
#   PNG=1 examples/figures.sh
#
# Needs Rust (cargo) and Graphviz with Arabic-capable fonts, e.g.
#   apt-get install graphviz fonts-noto-core
# The figures depend only on the data, the musalaha version and Graphviz's
# version (the script prints it), so a rerun on the same versions gives the
# same DOT files byte for byte. docs/figures.md shows each figure with the
# command that made it; tests/it/export.rs checks that every `render` line
# below is a valid command and that docs/figures.md shows its figure.
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs/figures
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/musalaha
if ! command -v "${GRAPHVIZ_DOT:-dot}" >/dev/null 2>&1; then
  echo "Graphviz is not installed: apt-get install graphviz fonts-noto-core (or brew install graphviz)" >&2
  exit 1
fi
echo "musalaha $("$bin" --version | cut -d' ' -f2), $("${GRAPHVIZ_DOT:-dot}" -V 2>&1)"

# render NAME OPTIONS...: writes docs/figures/NAME.dot and NAME.svg (and NAME.png).
render() {
  local name=$1
  shift
  "$bin" export dot "$@" -o "$out/$name.dot" --render svg
  if [ "${PNG:-0}" = 1 ]; then
    "$bin" render "$@" -o "$out/$name.png"
  fi
}

# The whole network: every agreement, node labels sized by betweenness. Its
# 102 actors need an A3 page for 6 pt text (A2 for 7 pt).
render whole-network --size-by betweenness --page a3

# Eastern Ghouta 2017-2018: the de-escalation memoranda and the 2018 evacuations.
render eastern-ghouta-2017-2018 --region eastern-ghouta --from 2017 --to 2018 --labels both
render eastern-ghouta-2017-2018-two-mode --region eastern-ghouta --from 2017 --to 2018 --two-mode --labels both

# The south (Daraa and Quneitra) in 2018; with labels sized by degree it
# needs A3 (without --size-by it fits A4).
render south-2018 --region daraa-governorate,quneitra-governorate --from 2018 --to 2018 --size-by degree --page a3

# Before and after the Hmeimim centre (23 February 2016), clustered by alignment.
# Node labels sized by degree show who tied the most actors together. fdp,
# the spring engine that draws clusters, packs them loosely: posters.
render before-hmeimim --period before-hmeimim --layout fdp --cluster-by alignment --size-by degree --page a2
render after-hmeimim --period hmeimim --layout fdp --cluster-by alignment --size-by degree --page a1

# The Arabic edition of the Eastern Ghouta figure.
render eastern-ghouta-2017-2018-ar --region eastern-ghouta --from 2017 --to 2018 --labels ar

# The palette in colour, in greyscale and as seen with three colour-vision
# deficiencies (examples/palette.rs).
cargo run --release --quiet --example palette | "${GRAPHVIZ_DOT:-dot}" -Tsvg:cairo -o "$out/palette.svg"
