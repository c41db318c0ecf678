#!/usr/bin/env bash
# Scaling benchmark of the whosaid tool: --threads 1 against --threads 2 on
# a generated corpus (examples/synth_corpus.rs, deterministic, 60 MB by
# default), JSONL output to /dev/null. Runs the two alternately REPS times
# and reports each run and the best of each (the machine is shared: the
# best run is the one least disturbed).
# Usage: scripts/bench-cli.sh [MB] [REPS]     (defaults 60 and 5)
# Run it on a quiet machine (check `uptime`): it needs both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-60}
reps=${2:-5}
corpus=${CORPUS:-/tmp/whosaid-synth-${mb}mb.jsonl}
cargo build -q --release --features cli --bin whosaid --example synth_corpus
[ -s "$corpus" ] || target/release/examples/synth_corpus "$corpus" "$mb"
echo "corpus: $corpus ($(du -m "$corpus" | cut -f1) MB on disk); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A best
for rep in $(seq "$reps"); do
  for t in 1 2; do
    log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log.time" target/release/whosaid --threads "$t" -f jsonl "$corpus" >/dev/null 2>"$log"
    read -r secs rss <"$log.time"
    rate=$(grep -o '[0-9.]* MB/s' "$log" | tail -n 1)
    echo "run $rep: --threads $t  ${secs} s  ${rate}  max RSS ${rss} KB"
    if [ -z "${best[$t]:-}" ] || awk -v a="$secs" -v b="${best[$t]}" 'BEGIN{exit !(a<b)}'; then best[$t]=$secs; fi
    rm -f "$log" "$log.time"
  done
done
awk -v a="${best[1]}" -v b="${best[2]}" -v mb="$mb" \
  'BEGIN{printf "best: --threads 1 %.2f s (%.1f MB/s), --threads 2 %.2f s (%.1f MB/s): speed-up %.2fx\n", a, mb/a, b, mb/b, a/b}'
