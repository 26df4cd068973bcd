// Loads Cytoscape.js JSON files (musalaha export cyjs) into the real Cytoscape.js, headless,
// and prints what it holds: {"files": [{"path", "nodes", "edges", "name_ar": {id: name}}]}.
// Used by tests/it/interchange.rs when MUSALAHA_NODE_PATH points at a node_modules folder
// with cytoscape (.ci/run: npm install --prefix target/ci-node cytoscape@3.35.0).
// Usage: NODE_PATH=DIR node scripts/cytoscape_check.js FILE.cyjs ID...
const fs = require("fs");
const cytoscape = require("cytoscape");

const [file, ...ids] = process.argv.slice(2);
const net = JSON.parse(fs.readFileSync(file, "utf8"));
const cy = cytoscape({ headless: true, elements: net.elements });
const names = {};
for (const id of ids) {
  names[id] = cy.getElementById(id).data("name_ar");
}
process.stdout.write(
  JSON.stringify({ nodes: cy.nodes().length, edges: cy.edges().length, name_ar: names })
);
