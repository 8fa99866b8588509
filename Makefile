# reservecheck: `make check` checks the whole catalog and prints the verdict table;
# `make test` runs every test.  Both build what they need first.
MVN ?= mvn
MVN_FLAGS ?= -B -q
CHECK_ARGS ?=

.PHONY: all build check test lincheck-long jpf bench verify-large frontier clean

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
	RESERVECHECK_RUN_ID=$${RESERVECHECK_RUN_ID:-make-test-$$(date -u +%Y%m%dT%H%M%SZ)} $(MVN) -B install \
	  -Dreservecheck.lincheck.job=usual

# The Lincheck searches of minutes, which the catalog gives `job: long` so that make test keeps
# its 15 minutes; CI runs them after make test (.ci/run).  Their failing runs become ITF traces
# as make test's do (the traces module's implementation-trace tests run after them).
LINCHECK_TESTS = *LincheckTest,ImplementationTracesTest,ImplementationStepsTest
lincheck-long: build
	RESERVECHECK_RUN_ID=$${RESERVECHECK_RUN_ID:-lincheck-long-$$(date -u +%Y%m%dT%H%M%SZ)} $(MVN) -B test \
	  -pl java-models,traces -Dtest='$(LINCHECK_TESTS)' -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dreservecheck.lincheck.job=long

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
