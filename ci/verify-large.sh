#!/usr/bin/env bash
# make verify-large: the catalog's designs checked by the explorer at bounds past the catalog's
# (issue 14), each without symmetry (every check of the entry, liveness included) and with it
# (safety only: symmetry is unsound for liveness, the catalog's rule).  One model at a time, the
# explorer on every core; each model has VERIFY_LARGE_TIMEOUT seconds (default 600), after which
# it is inconclusive, never ok.  Results: results/verify-large/<run>.json and summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
TIMEOUT="${VERIFY_LARGE_TIMEOUT:-600}"
THREADS="${VERIFY_LARGE_THREADS:-$(nproc)}"
export RESERVECHECK_JAVA_OPTS="${RESERVECHECK_JAVA_OPTS:--Xmx12g}"
OUT=results/verify-large
mkdir -p "$OUT"
[ -z "${VERIFY_LARGE_ONLY:-}" ] && : > "$OUT/summary.txt"
status=0

# name | variant | --set overrides; VERIFY_LARGE_ONLY=name keeps one
RUNS=(
  "mempool_modern-5p1i-min3|mempool_modern|procs=5 irqs=1 min_nr=3"
  "mempool_2001-5p1i-min3|mempool_2001|procs=5 irqs=1 min_nr=3"
  "reserve_tree_2008-3users|reserve_tree_2008|reserve_users=3"
  "memalloc_2012-3allocators|memalloc_2012|allocators=3"
)

for run in "${RUNS[@]}"; do
  IFS='|' read -r name variant sets <<< "$run"
  if [ -n "${VERIFY_LARGE_ONLY:-}" ] && [ "$name" != "$VERIFY_LARGE_ONLY" ]; then continue; fi
  args=()
  for s in $sets; do args+=(--set "$s"); done
  for mode in full symmetry; do
    extra=()
    [ "$mode" = symmetry ] && extra=(--symmetry)
    echo "== $name ($mode): $variant ${sets}" | tee -a "$OUT/summary.txt"
    set +e
    bin/reservecheck check --variant "$variant" --checker explorer "${args[@]}" "${extra[@]}" \
      --workers 1 --explorer-threads "$THREADS" --timeout "$TIMEOUT" \
      --results "$OUT/$name-$mode.json" --work "target/verify-large-work" 2> "$OUT/$name-$mode.stderr" | tee -a "$OUT/summary.txt"
    rc=${PIPESTATUS[0]}
    set -e
    echo "exit $rc" | tee -a "$OUT/summary.txt"
    [ "$rc" -ne 0 ] && status=1
  done
done
exit $status
