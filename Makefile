# mednum-kg - plain make; see README.md for the two set-up commands.
#
#   make demo       deps, build, extract the bundled report, answer the samples
#   make check      deps, build, every test (unit, golden, integration)
#   make asan       the whole suite under AddressSanitizer + UBSan
#   make valgrind   the golden suite under valgrind
#   make bench      benchmarks (never part of check)
#   make install    [PREFIX=/usr/local] [DESTDIR=...]; make uninstall
#   make deb        the Debian package (build-deb/); make lintian checks it

PKGS    = redland raptor2 rasqal md4c libutf8proc jansson gmp nettle icu-uc lmdb \
          libpcre2-8 libmicrohttpd libcurl
BUILD  ?= build
CFLAGS ?= -O2 -g
WARN    = -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra \
          -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wdeclaration-after-statement -Wformat=2 -Wvla
PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/mednum-kg
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
DEFS    = -DKG_DATADIR='"$(DATADIR)"' -DKG_VERSION='"$(VERSION)"'
SRCDIRS = base rdf ref extract sparql store publish curate serve remote cli
SRCS    = $(foreach d,$(SRCDIRS),$(wildcard src/$(d)/*.c))
HDRS    = $(wildcard src/*/*.h)
OBJS    = $(patsubst src/%.c,$(BUILD)/%.o,$(SRCS))
LIBOBJS = $(filter-out $(BUILD)/cli/main.o,$(OBJS))
KG      = $(abspath $(BUILD)/mednum-kg)

# Debian 12 packages the build and the tests need (make deps installs them).
DEB_PKGS = gcc make pkg-config librdf0-dev librasqal3-dev libraptor2-dev \
           raptor2-utils rasqal-utils redland-utils libmd4c-dev \
           libutf8proc-dev libjansson-dev libmicrohttpd-dev libcurl4-gnutls-dev libgmp-dev \
           nettle-dev libicu-dev libpcre2-dev liblmdb-dev lmdb-utils ca-certificates \
           valgrind python3 groff-base curl chromium \
           virtuoso-opensource dpkg-dev lintian bash-completion

all: $(BUILD)/mednum-kg

$(BUILD)/mednum-kg: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS) -lm

$(BUILD)/%.o: src/%.c $(HDRS) | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(if $(WERROR),-Werror) -Isrc $(PKG_CFLAGS) $(DEFS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD):
	mkdir -p $@

# ---------------------------------------------------------------- deps
deps:
	@sh tools/deps.sh $(DEB_PKGS)

.deps-ok: tools/deps.sh Makefile
	@sh tools/deps.sh $(DEB_PKGS) && touch $@

# ---------------------------------------------------------------- helpers' fragments
-include mk/*.mk

# ---------------------------------------------------------------- tests
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRCS))

$(BUILD)/unit/%: tests/unit/%.c $(LIBOBJS) | $(BUILD)
	@mkdir -p $(BUILD)/unit
	$(CC) $(WARN) $(PKG_CFLAGS) $(DEFS) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIBOBJS) $(PKG_LIBS) -lm

unit: $(UNIT_BINS)
	@sh tests/run-unit.sh $(UNIT_BINS)

golden: $(BUILD)/mednum-kg
	KG=$(KG) sh tests/run-golden.sh $(T)

integration: $(BUILD)/mednum-kg
	KG=$(KG) sh tests/run-integration.sh $(T)

check: .deps-ok
	$(MAKE) all gazetteer lexicon www
	$(MAKE) suite

suite: $(UNIT_BINS) $(BUILD)/mednum-kg $(BUILD)/sparqldoc
	KG=$(KG) SPARQLDOC=$(abspath $(BUILD)/sparqldoc) sh tests/run-all.sh $(UNIT_BINS)

SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan: .deps-ok
	$(MAKE) BUILD=build-asan CFLAGS='-O1 -g $(SAN)' LDFLAGS='$(SAN)' \
	  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:suppressions=$(CURDIR)/tests/asan.supp LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  all gazetteer lexicon www
	ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:suppressions=$(CURDIR)/tests/asan.supp LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  $(MAKE) BUILD=build-asan CFLAGS='-O1 -g $(SAN)' LDFLAGS='$(SAN)' suite

VG = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
     --suppressions=$(CURDIR)/tests/valgrind.supp
valgrind: .deps-ok
	$(MAKE) BUILD=build-vg CFLAGS='-O0 -g' all gazetteer lexicon
	VALGRIND='$(VG)' $(MAKE) BUILD=build-vg golden

# ---------------------------------------------------------------- demo
demo: .deps-ok
	$(MAKE) all gazetteer lexicon www
	KG=$(KG) sh tools/demo.sh

clean:
	rm -rf build build-asan build-vg build-deb .deps-ok

.PHONY: all deps unit golden integration suite check asan valgrind demo clean gazetteer www

# ---------------------------------------------------------------- docs
# docs/SPARQL.md comes from the engine's feature table (tests check it).
$(BUILD)/sparqldoc: src/tools/tool_sparqldoc.c $(LIBOBJS)
	$(CC) $(WARN) -Isrc $(PKG_CFLAGS) $(DEFS) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	  $(LIBOBJS) $(PKG_LIBS) -lm

docs: $(BUILD)/sparqldoc
	$(BUILD)/sparqldoc > docs/SPARQL.md

.PHONY: docs
