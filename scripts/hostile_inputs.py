#!/usr/bin/env python3
"""Writes the very large inputs of docs/robustness.md ("Limits") into DIR.

    python3 scripts/hostile_inputs.py DIR [--edges-gb 1]

DIR/edges.csv       an edge list of about --edges-gb GB (1e6 nodes, random pairs)
DIR/long-name/      a dataset whose actor has a 1 MB English name
DIR/crowd/          one agreement with 1e6 participants (and 1e6 actors)
DIR/at-limit/       one agreement with 500 participants (the largest allowed)
DIR/deep/           a place hierarchy 1e5 deep, an agreement at the bottom
DIR/cycle/          1e5 agreements whose `follows` chain is one cycle

Nothing here belongs in the repository: the files are large by design.
"""
import os
import random
import sys

HEAD = """[[source]]
id = "doc"
title_ar = "وثيقة"
title_en = "Doc"
kind = "study"

[[place]]
id = "syria"
name_en = "Syria"
name_ar = "سورية"
kind = "country"
"""


def actor(i, name=None):
    side = "opposition" if i % 2 == 0 else "regime"
    kind = "armed-faction" if i % 2 == 0 else "state"
    return (f'[[actor]]\nid = "a{i}"\nname_en = "{name or f"Actor {i}"}"\nname_ar = "ف"\n'
            f'kind = "{kind}"\nalignment = "{side}"\n')


def agreement(aid, place, actors, extra=""):
    parts = ", ".join(
        f'{{ actor = "a{i}", role = "signatory", side = "{"opposition" if i % 2 == 0 else "regime"}" }}'
        for i in actors)
    return (f'[[agreement]]\nid = "{aid}"\ntitle = "T"\ndate = "2016"\nplaces = ["{place}"]\n'
            f'kind = "final-settlement"\nstatus = "implemented"\n{extra}'
            f'participants = [{parts}]\nsources = [{{ document = "doc", locator = "s" }}]\n')


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def edges(path, gb):
    rnd = random.Random(12)
    target = int(gb * 1e9)
    written = 0
    with open(path, "w") as f:
        f.write("source,target,weight\n")
        while written < target:
            rows = []
            for _ in range(100_000):
                a, b = rnd.randrange(1_000_000), rnd.randrange(1_000_000)
                if a == b:
                    b = (b + 1) % 1_000_000
                rows.append(f"node{a},node{b},{rnd.randrange(1, 4)}\n")
            chunk = "".join(rows)
            f.write(chunk)
            written += len(chunk)


def main():
    out = sys.argv[1]
    gb = float(sys.argv[sys.argv.index("--edges-gb") + 1]) if "--edges-gb" in sys.argv else 1.0
    os.makedirs(out, exist_ok=True)
    long = "Faction " + "ب" * 250_000 + "x" * 500_000  # 1 MB of UTF-8
    write(f"{out}/long-name/data.toml",
          HEAD + actor(0, long) + actor(1) + agreement("g", "syria", [0, 1]))
    n = 1_000_000
    write(f"{out}/crowd/data.toml",
          HEAD + "".join(actor(i) for i in range(n)) + agreement("g", "syria", range(n)))
    write(f"{out}/at-limit/data.toml",
          HEAD + "".join(actor(i) for i in range(500)) + agreement("g", "syria", range(500)))
    depth = 100_000
    places = "".join(
        f'[[place]]\nid = "p{i}"\nname_en = "P{i}"\nname_ar = "ب"\nkind = "area"\nparent = "{"syria" if i == 0 else f"p{i-1}"}"\n'
        for i in range(depth))
    acts = "".join(actor(i) for i in range(4))
    write(f"{out}/deep/data.toml",
          HEAD + places + acts.replace('alignment', f'place = "p{depth-1}"\nalignment')
          + agreement("g", f"p{depth-1}", [0, 1, 2, 3]))
    chain = "".join(
        agreement(f"g{i}", "syria", [0, 1], f'follows = "g{(i + 1) % depth}"\n') for i in range(depth))
    write(f"{out}/cycle/data.toml", HEAD + actor(0) + actor(1) + chain)
    edges(f"{out}/edges.csv", gb)


if __name__ == "__main__":
    main()
