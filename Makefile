# reservecheck: `make check` checks the whole catalog and prints the verdict table;
# `make test` runs every test.  Both build what they need first.
MVN ?= mvn
MVN_FLAGS ?= -B -q
CHECK_ARGS ?=

.PHONY: all build check test jpf bench verify-large frontier clean

all: check

# Compile every module and install it in the local Maven repository, so bin/reservecheck
# and the test modules find each other.  Tests run in `make test`, not here.
build:
	$(MVN) $(MVN_FLAGS) install -DskipTests

# The main job: every catalog entry, every checker, one verdict table (exit 0 iff all match).
check: build
	bin/reservecheck check $(CHECK_ARGS)

# All tests of all modules (catalog verdicts, parsers, bad input, properties, concurrency).
# ci/install-deps.sh first installs what the tests need on a fresh machine (the browser the
# trace viewer's test drives); it does nothing where everything is there already.
# Every record the tests write (jqwik, Lincheck, any check) is of one run, named here.
test:
	ci/install-deps.sh
	RESERVECHECK_RUN_ID=$${RESERVECHECK_RUN_ID:-make-test-$$(date -u +%Y%m%dT%H%M%SZ)} $(MVN) -B install

jpf: build
	ci/jpf.sh

bench: build
	ci/bench.sh

# The designs at bounds past the catalog's (mempool at 5 process tasks, the reserve trees at 3
# users/allocators), with symmetry and without: ci/verify-large.sh, docs/VERIFY_LARGE.md.
verify-large: build
	ci/verify-large.sh

# How far each design's verdict holds and each bug's least bounds (catalog/bounds/*.yaml, committed):
# the explorer at the protocol's workload bounds grown by one, and shrunk; see ci/frontier.sh.
FRONTIER_PROTOCOLS ?=
frontier: build
	ci/frontier.sh $(FRONTIER_PROTOCOLS)

clean:
	$(MVN) $(MVN_FLAGS) clean
	rm -rf results
