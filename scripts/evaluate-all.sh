#!/usr/bin/env bash
# Scores the evaluate example on the seed article and the three dev corpora.
# Usage: scripts/evaluate-all.sh [SHARED_DIR]   (default ../shared)
# Predictions go to ${OUT:-/tmp/whosaid-eval-<checkout dir name>}/<corpus>.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=${OUT:-/tmp/whosaid-eval-$(basename "$PWD")}
mkdir -p "$out"
cargo build -q --release --example evaluate
score=(python3 "$shared/tools/score.py")
run() { # name gold [score args...]
  local name=$1 gold=$2; shift 2
  echo "== $name"
  target/release/examples/evaluate "$gold" "$out/$name.jsonl" 2>&1 | tail -n 1
  "${score[@]}" "$gold" "$out/$name.jsonl" "$@" | sed -n '2,8p'
}
run seed "$shared/seed/gold.jsonl"
run polnear "$shared/data/polnear/dev.jsonl"
echo "== polnear --only-kinds direct,mixed"
"${score[@]}" "$shared/data/polnear/dev.jsonl" "$out/polnear.jsonl" --only-kinds direct,mixed | sed -n '2,8p'
run pdnc "$shared/data/pdnc/dev.jsonl"
run litbank "$shared/data/litbank/dev.jsonl"
