#!/bin/sh
# Runs every fuzz target in turn for SECONDS seconds (default 180) on one
# core, starting from the seeds in fuzz/seeds/TARGET (copied into the
# ignored fuzz/corpus/TARGET), and prints each target's executions.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (needs nightly and cargo-fuzz)
set -eu
cd "$(dirname "$0")"
secs=${1:-180}
[ $# -gt 0 ] && shift
targets=${*:-load_toml import_csv edges names dates export}
cargo +nightly fuzz build -O
for t in $targets; do
    mkdir -p "corpus/$t" logs
    cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
    cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
        -max_total_time="$secs" -timeout=10 -max_len=16384 -print_final_stats=1 \
        >"logs/$t.log" 2>&1 || echo "$t: FAILED (see fuzz/logs/$t.log and fuzz/artifacts/$t/)"
    printf '%s: %s\n' "$t" "$(grep -E '^Done [0-9]+ runs' "logs/$t.log" || tail -1 "logs/$t.log")"
done
