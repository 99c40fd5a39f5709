# mk/diff-sparql.mk - differential test of `mednum-kg query` against Oxigraph
# (make diff-sparql).  Included by the top Makefile.  Not part of `make check`:
# differences are reported, not failures; see docs/SPARQL-DIFF.md.
#
#   make diff-sparql                      the whole corpus (tests/diff-sparql/queries)
#   make diff-sparql DIFF_ONLY=strings    one category (or id substring)
#   make diff-sparql-corpus               rewrite the corpus from its generator
#
# Oxigraph is the npm package pinned for bench-sparql (bench/sparql/package.json
# and package-lock.json); its install rule lives in mk/w3c.mk.

PYTHON3      ?= python3
DIFF_OUT     ?= $(BUILD)/diff-sparql
DIFF_JOBS    ?= 2
DIFF_TIMEOUT ?= 10
DIFF_GEN     ?= 2000
DIFF_ONLY    ?=
DIFF_BENCH   ?= $(abspath $(CURDIR)/../shared/bench)

diff-sparql: all gazetteer lexicon bench/sparql/node_modules/oxigraph/package.json
	BENCH_DIR='$(DIFF_BENCH)' $(PYTHON3) tools/diff-sparql/diff_sparql.py --kg '$(KG)' \
	  --out '$(DIFF_OUT)' --jobs $(DIFF_JOBS) --timeout $(DIFF_TIMEOUT) \
	  --gen-size $(DIFF_GEN) $(foreach o,$(DIFF_ONLY),--only '$(o)')

diff-sparql-corpus:
	$(PYTHON3) tools/diff-sparql/gen_corpus.py --out tests/diff-sparql/queries

.PHONY: diff-sparql diff-sparql-corpus
