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
GAZ_STAMP   = $(GAZ_JSON)/.extracted-$(GAZ_VERSION)
GAZ_OUT     = $(GAZ_DIR)/territoires.idx $(GAZ_DIR)/territoires.nt

gazetteer: $(GAZ_OUT)

$(GAZ_TGZ): tools/gazetteer/fetch.sh
	@sh tools/gazetteer/fetch.sh $@ $(GAZ_SHA512) $(GAZ_PKG)@$(GAZ_VERSION)

$(GAZ_STAMP): $(GAZ_TGZ) tools/gazetteer/extract.sh
	@sh tools/gazetteer/extract.sh $(GAZ_TGZ) $(GAZ_SHA512) $(GAZ_JSON)
	@touch $@

$(BUILD)/gazbuild: src/tool_gazbuild.c src/*.h $(LIBOBJS) | $(BUILD)
	$(CC) $(WARN) $(if $(WERROR),-Werror) $(PKG_CFLAGS) $(DEFS) $(CFLAGS) \
	  $(LDFLAGS) -o $@ src/tool_gazbuild.c $(LIBOBJS) $(PKG_LIBS) -lm

$(GAZ_OUT) &: $(GAZ_STAMP) $(BUILD)/gazbuild
	$(BUILD)/gazbuild $(GAZ_JSON) $(GAZ_DIR)
