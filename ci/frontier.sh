#!/usr/bin/env bash
# make frontier: every design's frontier (its workload bounds grown by one, smallest models
# first) and every bug's minimal bounds, each written to catalog/bounds/<protocol>.yaml, which is
# committed.  FRONTIER_BUDGET seconds per design, SHRINK_BUDGET per bug; protocols as arguments
# (default: all four, alloc_policy last, so its numbers can be regenerated alone:
# `ci/frontier.sh alloc_policy`).  A recorded outcome (1: a verdict changed, 8: the budget ran
# out) does not stop the run; bad input or a crash does, with its code; 16 (TLC disagrees with
# the explorer where a search ended) ends the run with 16 once every protocol is recorded.
set -uo pipefail
cd "$(dirname "$0")/.."
FRONTIER_BUDGET="${FRONTIER_BUDGET:-60}"
SHRINK_BUDGET="${SHRINK_BUDGET:-20}"
protocols=("$@")
disagree=0
[ ${#protocols[@]} -eq 0 ] && protocols=(mempool reserve_tree net_rx alloc_policy)
for p in "${protocols[@]}"; do
  for mode in "--budget $FRONTIER_BUDGET" "--shrink --budget $SHRINK_BUDGET"; do
    # shellcheck disable=SC2086
    bin/reservecheck frontier --protocol "$p" --record $mode
    code=$?
    if [ "$code" -eq 16 ]; then
      disagree=16   # TLC and the explorer differ at a recorded point: go on, fail at the end
    elif [ "$code" -ne 0 ] && [ "$code" -ne 1 ] && [ "$code" -ne 8 ]; then
      exit "$code"
    fi
  done
done
exit "$disagree"
