#!/usr/bin/env bash
# make bench: TLC and the explorer on the same model in one run (states per second and their
# ratio), then the explorer at growing bounds.  Arguments pass to `reservecheck bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bin/reservecheck bench "$@"
