# bench.mk - `make bench`: store, export, extract and named-query timings
# against DESIGN.md section 9 (never part of `make check`).
#
#   make bench                     1,000 synthetic reports, 3 runs per slow step,
#                                  then the store engine (make bench-store)
#   make bench BENCH_REPORTS=100 BENCH_RUNS=1 BENCH_STORE_SIZES=300   a quick look
#
# Writes bench/out/store/results.md and bench/out/engine/results.md (the
# tables for docs/BENCHMARKS.md) and their raw.tsv; the corpus
# (bench/gen_reports.py --seed) is kept between runs.

BENCH_REPORTS ?= 1000
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

.PHONY: bench

# `make bench-store`: the store engine on 300, 1,000 and 10,000 reports,
# with the first store format (BDB_KG=binary of mednum-kg 0.x) and
# Virtuoso's bulk loader when installed (bench/store_engine.sh).
bench-store: $(BUILD)/mednum-kg
	@test -x /usr/bin/time || { echo "make bench-store: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }
	KG=$(KG) TOP=$(CURDIR) SIZES='$(BENCH_STORE_SIZES)' QRUNS=$(BENCH_QRUNS) BDB_KG='$(BDB_KG)' \
	  sh bench/store_engine.sh

.PHONY: bench-store
