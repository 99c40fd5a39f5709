# bench.mk - `make bench`: store, export, extract and named-query timings
# against DESIGN.md section 9 (never part of `make check`).
#
#   make bench                     1,000 synthetic reports, 3 runs per slow step,
#                                  then the store engine (make bench-store)
#   make bench QUIET=1             the same without the progress line on stderr
#   make bench BENCH_REPORTS=100 BENCH_RUNS=1 BENCH_STORE_SIZES=300   a quick look
#
# Writes bench/out/store/results.md and bench/out/engine/results.md (the
# tables for docs/BENCHMARKS.md) and their raw.tsv; the corpus
# (bench/gen_reports.py --seed) is kept between runs.

BENCH_REPORTS ?= 1000
# QUIET=1: no progress line on the terminal (bench/progress.sh)
export BENCH_QUIET = $(QUIET)
BENCH_SEED    ?= 1
BENCH_RUNS    ?= 3
BENCH_QRUNS   ?= 5
BENCH_STORE_SIZES ?= 300 1000 10000

bench: $(BUILD)/mednum-kg
	@test -x /usr/bin/time || { echo "make bench: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }
	@test -f data/gazetteer/territoires.idx || $(MAKE) gazetteer
	@test -f data/lexicon/lexicon.idx || $(MAKE) lexicon
	KG=$(KG) TOP=$(CURDIR) REPORTS=$(BENCH_REPORTS) SEED=$(BENCH_SEED) \
	  RUNS=$(BENCH_RUNS) QRUNS=$(BENCH_QRUNS) sh bench/store_bench.sh
	$(MAKE) bench-store
	$(MAKE) bench-serve
	$(MAKE) bench-push

.PHONY: bench

# `make bench-store`: the store engine on 300, 1,000 and 10,000 reports,
# with the first store format (BDB_KG=binary of mednum-kg 0.x) and
# Virtuoso's bulk loader when installed (bench/store_engine.sh).
bench-store: $(BUILD)/mednum-kg
	@test -x /usr/bin/time || { echo "make bench-store: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }
	KG=$(KG) TOP=$(CURDIR) SIZES='$(BENCH_STORE_SIZES)' QRUNS=$(BENCH_QRUNS) BDB_KG='$(BDB_KG)' \
	  sh bench/store_engine.sh

.PHONY: bench-store

# `make bench-serve`: `mednum-kg serve` under wrk on loopback (the named
# query and the same question as SPARQL, on the seed store and on the
# 1,000-report store, cached in bench/out/serve), a soak of 100,000
# requests with the workers' RSS, and Virtuoso's endpoint on the same data
# as the anchor when virtuoso-opensource is installed
# (bench/serve_bench.sh; results in bench/out/serve/results.md).
# Knobs: SERVE_SOAK (100000), SERVE_DURATION (15 s), SERVE_VIRTUOSO (1).
SERVE_SOAK     ?= 100000
SERVE_DURATION ?= 15
SERVE_VIRTUOSO ?= 1

bench-serve: $(BUILD)/mednum-kg
	@command -v wrk >/dev/null || { echo "make bench-serve: wrk is missing: apt-get update && apt-get install -y wrk" >&2; exit 2; }
	@test -f data/gazetteer/territoires.idx || $(MAKE) gazetteer
	@test -f data/lexicon/lexicon.idx || $(MAKE) lexicon
	KG=$(KG) TOP=$(CURDIR) REPORTS=$(BENCH_REPORTS) SEED=$(BENCH_SEED) \
	  SOAK=$(SERVE_SOAK) DURATION=$(SERVE_DURATION) VIRTUOSO=$(SERVE_VIRTUOSO) \
	  sh bench/serve_bench.sh

.PHONY: bench-serve

# `make bench-push`: `mednum-kg push` of the 1,000-report store (the one
# bench-serve caches in bench/out/serve) to a fresh throwaway Virtuoso on
# loopback, against Virtuoso's own bulk loader (ld_dir + rdf_loader_run +
# checkpoint) on the same data as N-Quads, and the named queries there
# against the local store (bench/push_bench.sh; results in
# bench/out/push/results.md).  Needs virtuoso-opensource (make deps).
# Knobs: PUSH_RUNS (3: push and the loaders in turn, each on a fresh
# database), PUSH_LOADERS ("1 2": rdf_loader_run() at once),
# PUSH_PROBE (1: where push's time goes), BENCH_QRUNS.  About 30 minutes.
PUSH_RUNS    ?= 3
PUSH_LOADERS ?= 1 2
PUSH_PROBE   ?= 1

bench-push: $(BUILD)/mednum-kg
	@test -x /usr/bin/time || { echo "make bench-push: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }
	@command -v virtuoso-t >/dev/null || { echo "make bench-push: Virtuoso is missing: make deps (virtuoso-opensource)" >&2; exit 2; }
	@test -f data/gazetteer/territoires.idx || $(MAKE) gazetteer
	@test -f data/lexicon/lexicon.idx || $(MAKE) lexicon
	KG=$(KG) TOP=$(CURDIR) REPORTS=$(BENCH_REPORTS) SEED=$(BENCH_SEED) \
	  RUNS=$(PUSH_RUNS) QRUNS=$(BENCH_QRUNS) LOADERS='$(PUSH_LOADERS)' PROBE=$(PUSH_PROBE) \
	  sh bench/push_bench.sh

.PHONY: bench-push
