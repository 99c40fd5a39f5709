# mk/w3c.mk - W3C SPARQL 1.1 conformance (make w3c) and the SPARQL speed
# comparison with Oxigraph (make bench-sparql).  Included by the top Makefile.
# Neither target is part of `make check`; see docs/BENCHMARKS.md.
#
#   make w3c                    every query evaluation + syntax test, 20 s each
#   make w3c W3C_ONLY=property-path   one folder (or test name substring)
#   make w3c W3C_NUMBERS=lexical  numbers compared by lexical form too (stricter)
#   make w3c W3C_ENGINE='node /tmp/shim.mjs'   another engine with the same CLI
#   make bench-sparql           mednum-kg vs Oxigraph on the peer benchmark data
#   make bench-sparql SIZES='10000 100000 1000000' RUNS=5

PYTHON3     ?= python3
# The W3C suite and the peer benchmark live in shared/, beside the project.
W3C_DIR     ?= $(abspath $(CURDIR)/../shared/w3c-sparql11)
W3C_OUT     ?= $(BUILD)/w3c
W3C_JOBS    ?= 2
W3C_TIMEOUT ?= 20
W3C_NUMBERS ?= value
W3C_ONLY    ?=
W3C_ENGINE  ?=
W3C_FLAGS   ?=
BENCH_DIR   ?= $(abspath $(CURDIR)/../shared/bench)

w3c: all
	$(PYTHON3) tools/w3c/run_w3c.py --suite '$(W3C_DIR)' --out '$(W3C_OUT)' \
	  --jobs $(W3C_JOBS) --timeout $(W3C_TIMEOUT) --numbers $(W3C_NUMBERS) \
	  $(if $(W3C_ENGINE),--engine-cmd '$(W3C_ENGINE)',--kg '$(KG)') \
	  $(foreach o,$(W3C_ONLY),--only '$(o)') $(W3C_FLAGS)

bench/sparql/node_modules/oxigraph/package.json: bench/sparql/package.json bench/sparql/package-lock.json
	cd bench/sparql && npm ci --no-audit --no-fund
	touch $@

bench-sparql: all bench/sparql/node_modules/oxigraph/package.json
	BENCH_DIR='$(BENCH_DIR)' KG='$(KG)' $(PYTHON3) bench/sparql/bench_sparql.py \
	  --out bench/out/sparql

.PHONY: w3c bench-sparql
