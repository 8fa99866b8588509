#!/usr/bin/env bash
# make bench: TLC and the explorer on the same model in one run (states per second and their
# ratio, TLC's start-up apart, bytes per stored state, the speed-up on 2 threads), the explorer
# at growing bounds, and the seconds each checker takes to find each catalog bug.  The default
# model is mempool_2001 at 4 process tasks and 2 clean pages: 1,085,118 distinct states, over
# the million issue 14 asks for.  Arguments replace these defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
export RESERVECHECK_JAVA_OPTS="${RESERVECHECK_JAVA_OPTS:--Xmx8g}"
if [ "$#" -eq 0 ]; then
  set -- --variant mempool_2001 --set procs=4 --set init_clean_pages=2 --grow procs=2..3 --threads 2
fi
exec bin/reservecheck bench "$@"
