#!/usr/bin/env python3
"""Rewrite the outputs of the README's ```console blocks with what the binary prints now.

Each block that holds one `$ musalaha ...` command followed by its output is run with the
release binary (built first) on the embedded dataset; blocks with several commands are left
alone. tests/it/commands.rs (readme_tour_shows_real_output) checks the same blocks.

Usage: python3 scripts/update_readme.py
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "musalaha")
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    env = {**os.environ}
    env.pop("COLUMNS", None)

    def redo(m):
        body = m.group(1)
        lines = body.split("\n")
        commands = [l for l in lines if l.startswith("$ ")]
        if len(commands) != 1 or not lines[0].startswith("$ musalaha "):
            return m.group(0)
        args = shlex.split(lines[0][len("$ musalaha "):])
        out = subprocess.run([binary] + args, cwd=ROOT, env=env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"`{lines[0]}` failed: {out.stderr}")
        return "```console\n" + lines[0] + "\n" + out.stdout + "```"

    new = re.sub(r"```console\n(.*?)```", redo, text, flags=re.S)
    if new != text:
        open(path, "w", encoding="utf-8").write(new)
        print("README.md updated")
    else:
        print("README.md already up to date")


if __name__ == "__main__":
    main()
