# gazetteer.mk - `make gazetteer`: the territory gazetteer in data/gazetteer/.
#
# npm pack @etalab/decoupage-administratif@6.0.0 (cached, sha512-checked)
#   -> data/gazetteer/json/*.json -> $(BUILD)/gazbuild
#   -> data/gazetteer/territoires.idx (mmap index) + territoires.nt
# Each step runs only when its inputs changed.

GAZ_PKG     = @etalab/decoupage-administratif
GAZ_VERSION = 6.0.0
GAZ_SHA512  = 5dabd8b0595b70cfe9acaafc84d1cf28447de081f0fddb3134ce27c6358c624e8f2c5002a4479dbe7ffbc0af016a8ce6d1d09885659c7feedb716a40e6998269
GAZ_DIR     = data/gazetteer
GAZ_TGZ     = $(GAZ_DIR)/cache/etalab-decoupage-administratif-$(GAZ_VERSION).tgz
GAZ_JSON    = $(GAZ_DIR)/json
GAZ_JSONS   = $(patsubst %,$(GAZ_JSON)/%.json,regions departements epci communes)
GAZ_OUT     = $(GAZ_DIR)/territoires.idx $(GAZ_DIR)/territoires.nt
GAZ_FETCH   = sh tools/gazetteer/fetch.sh $(GAZ_TGZ) $(GAZ_SHA512) \
              $(GAZ_PKG)@$(GAZ_VERSION)

gazetteer: $(GAZ_OUT)

# The tarball is a cache: fetched when missing.  Whenever it is used, its
# sha512 is checked again (a bad cached copy is fetched anew; a bad fetched
# copy stops the build).
$(GAZ_TGZ):
	@$(GAZ_FETCH)

$(GAZ_JSONS) &: $(GAZ_TGZ) tools/gazetteer/fetch.sh tools/gazetteer/extract.sh \
              mk/gazetteer.mk
	@$(GAZ_FETCH)
	@sh tools/gazetteer/extract.sh $(GAZ_TGZ) $(GAZ_SHA512) $(GAZ_JSON)

# Only the foundation modules: `make gazetteer` does not depend on the rest
# of the tree compiling (tool_gazbuild.c stubs kg_ctx_gaz, see there).
GAZ_TOOL_OBJS = $(BUILD)/ref/gaz.o $(BUILD)/base/input.o $(BUILD)/ref/territory.o \
                $(BUILD)/rdf/rdf.o $(BUILD)/base/text.o $(BUILD)/base/buf.o \
                $(BUILD)/base/diag.o $(BUILD)/base/hash.o

$(BUILD)/gazbuild: src/tools/tool_gazbuild.c $(HDRS) $(GAZ_TOOL_OBJS) | $(BUILD)
	$(CC) $(WARN) $(if $(WERROR),-Werror) -Isrc $(PKG_CFLAGS) $(DEFS) $(CFLAGS) \
	  $(LDFLAGS) -o $@ src/tools/tool_gazbuild.c $(GAZ_TOOL_OBJS) $(PKG_LIBS) -lm

$(GAZ_OUT) &: $(GAZ_JSONS) $(BUILD)/gazbuild
	$(BUILD)/gazbuild $(GAZ_JSON) $(GAZ_DIR)

# `make gazetteer-bench`: open and lookup costs (recorded in docs/BENCHMARKS.md).
GAZ_BENCH_OBJS = $(BUILD)/ref/gaz.o $(BUILD)/base/input.o $(BUILD)/base/text.o \
                 $(BUILD)/base/buf.o $(BUILD)/base/diag.o

$(BUILD)/gazbench: tools/gazetteer/gazbench.c $(GAZ_BENCH_OBJS) $(HDRS) | $(BUILD)
	$(CC) $(WARN) $(if $(WERROR),-Werror) $(PKG_CFLAGS) $(DEFS) $(CFLAGS) \
	  -Isrc $(LDFLAGS) -o $@ tools/gazetteer/gazbench.c $(GAZ_BENCH_OBJS) \
	  $(PKG_LIBS) -lm

gazetteer-bench: $(BUILD)/gazbench gazetteer
	MEDNUM_KG_DATA=$(CURDIR) $(BUILD)/gazbench

.PHONY: gazetteer-bench
