#!/usr/bin/env bash
# make jpf: Java PathFinder on the model walks and implementation harnesses the catalog expects
# it on.  Needs JPF_HOME (a jpf-core build, branch java-17); without it `reservecheck jpf` says
# how to get one and exits 10.  Arguments pass to `reservecheck jpf`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bin/reservecheck jpf "$@"
