# mk/fuzz.mk - libFuzzer harnesses (tests/fuzz/) under ASan + UBSan.
# Included by the top Makefile; not part of `make check` (the findings,
# once minimised, are: tests/fuzz/regress/, replayed by
# tests/integration/t-fuzz-regress.sh).  See docs/FUZZING.md.
#
#   make fuzz                       each harness in turn, FUZZ_SECONDS each
#   make fuzz FUZZ_SECONDS=600      ten minutes each
#   make fuzz FUZZ_TARGETS=sparql   one harness (extract, sparql, rdf)
#   make fuzz-build                 only build build/fuzz/fuzz_*
#   make fuzz W3C_DIR=DIR           the W3C SPARQL tests in DIR as seeds too
#
# One fuzzing process at a time (the harnesses run one after the other).
# The corpus grows in build/fuzz/corpus/NAME across runs; the seeds are
# copied afresh from tests/, data/ and queries/ each time into
# build/fuzz/seeds/NAME.  Crashes, leaks, timeouts and out-of-memory inputs
# land in build/fuzz/findings/ (NAME-crash-..., NAME-timeout-...), the
# run's output in build/fuzz/NAME.log.

FUZZ_CC       ?= clang-14
FUZZ_SECONDS  ?= 60
FUZZ_TARGETS  ?= extract sparql rdf
FUZZ_TIMEOUT  ?= 20
FUZZ_RSS_MB   ?= 2048
# Keep going after a finding (each one is saved), one worker process at a
# time: the parent only hands out work.  FUZZ_FLAGS= runs plain libFuzzer,
# which stops at the first finding.
FUZZ_FLAGS    ?= -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
FUZZ_DIR       = build/fuzz
FUZZ_SAN       = -fsanitize=address,undefined -fno-sanitize-recover=all \
                 -fno-omit-frame-pointer
FUZZ_CFLAGS    = -O1 -g $(FUZZ_SAN) -Wno-format-nonliteral
FUZZ_LIBOBJS   = $(patsubst src/%.c,$(FUZZ_DIR)/obj/%.o, \
                   $(filter-out src/cli/main.c,$(SRCS)))
FUZZ_BINS      = $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZ_TARGETS))
FUZZ_ENV       = ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=$$u:suppressions=$(CURDIR)/tests/asan.supp \
                 LSAN_OPTIONS=suppressions=$(CURDIR)/$(FUZZ_DIR)/lsan.supp \
                 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
                 MEDNUM_KG_DATA=$(CURDIR)

# Allocation stacks: the SPARQL harness unwinds through rasqal (slow, 150
# runs/s) so that tests/lsan.supp can name rasqal's parser; the others
# take the fast unwinder (the extractor is 6 times faster with it).
FUZZ_UNWIND_extract = 1
FUZZ_UNWIND_sparql  = 0
FUZZ_UNWIND_rdf     = 1

# Largest input tried: reports run to a few kB (data/nec-cvl-2024.md,
# 50 kB, is cut), queries to one kB, the largest Turtle case to 18 kB.
FUZZ_MAXLEN_extract = 20000
FUZZ_MAXLEN_sparql  = 4096
FUZZ_MAXLEN_rdf     = 20000

$(FUZZ_DIR)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) -Isrc $(PKG_CFLAGS) $(DEFS) $(FUZZ_CFLAGS) \
	  -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c \
                    tests/fuzz/fuzz_common.h $(FUZZ_LIBOBJS)
	$(FUZZ_CC) $(WARN) -Isrc -Itests/fuzz $(PKG_CFLAGS) $(DEFS) $(FUZZ_CFLAGS) \
	  -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz_common.c $(FUZZ_LIBOBJS) \
	  $(PKG_LIBS) -lm

fuzz-build: $(FUZZ_BINS)

# Seeds: reports for extract, queries for sparql, Turtle for rdf; the
# regression inputs of each too.
fuzz-seeds:
	@rm -rf $(FUZZ_DIR)/seeds
	@mkdir -p $(FUZZ_DIR)/seeds/extract $(FUZZ_DIR)/seeds/sparql \
	  $(FUZZ_DIR)/seeds/rdf $(FUZZ_DIR)/findings
	@sh tests/fuzz/seed.sh $(FUZZ_DIR)/seeds '$(W3C_DIR)'
	@cat tests/lsan.supp tests/fuzz/lsan.supp > $(FUZZ_DIR)/lsan.supp

fuzz: fuzz-build fuzz-seeds gazetteer lexicon
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	  case $$t in \
	    extract) n=$(FUZZ_MAXLEN_extract) u=$(FUZZ_UNWIND_extract);; \
	    sparql) n=$(FUZZ_MAXLEN_sparql) u=$(FUZZ_UNWIND_sparql);; \
	    *) n=$(FUZZ_MAXLEN_rdf) u=$(FUZZ_UNWIND_rdf);; esac; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s (log: $(FUZZ_DIR)/$$t.log)"; \
	  $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) -max_len=$$n \
	    -close_fd_mask=3 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_DIR)/findings/$$t- $(FUZZ_FLAGS) \
	    $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/seeds/$$t \
	    > $(FUZZ_DIR)/$$t.log 2>&1; \
	  rc=$$?; \
	  echo "fuzz: $$t exited $$rc: $$(grep -E '^#[0-9]+: cov|DONE' \
	    $(FUZZ_DIR)/$$t.log | tail -n 1)"; \
	done; \
	ls $(FUZZ_DIR)/findings | sed 's/^/fuzz: finding /'

# the objects are kept between builds (pattern-rule outputs otherwise are not)
.SECONDARY: $(FUZZ_LIBOBJS)

.PHONY: fuzz fuzz-build fuzz-seeds
