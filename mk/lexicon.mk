# lexicon.mk - `make lexicon`: the word lexicon in data/lexicon/.
#
# apt-get download hunspell-fr-classical=1:7.0-1 (cached, sha256-checked)
#   -> data/lexicon/hunspell/fr.{aff,dic} -> $(BUILD)/lexbuild
#   -> data/lexicon/lexicon.idx (mmap index of words and their classes:
#      first name, surname, proper noun, common word; see src/ref/lexicon.h)
# Each step runs only when its inputs changed.

LEX_PKG     = hunspell-fr-classical
LEX_VERSION = 1:7.0-1
LEX_SHA256  = 4dda94962c68d6a9276949b314f56a17f739da395f8f7978a49d1886d613526c
LEX_DIR     = data/lexicon
LEX_DEB     = $(LEX_DIR)/cache/hunspell-fr-classical_7.0-1_all.deb
LEX_SRC     = $(LEX_DIR)/hunspell
LEX_FILES   = $(LEX_SRC)/fr.aff $(LEX_SRC)/fr.dic
LEX_OUT     = $(LEX_DIR)/lexicon.idx
LEX_FETCH   = sh tools/lexicon/fetch.sh $(LEX_DEB) $(LEX_SHA256) \
              $(LEX_PKG)=$(LEX_VERSION)

lexicon: $(LEX_OUT)

# The package is a cache: fetched when missing.  Whenever it is used, its
# sha256 is checked again (a bad cached copy is fetched anew; a bad fetched
# copy stops the build).
$(LEX_DEB):
	@$(LEX_FETCH)

$(LEX_FILES) &: $(LEX_DEB) tools/lexicon/fetch.sh tools/lexicon/extract.sh \
              mk/lexicon.mk
	@$(LEX_FETCH)
	@sh tools/lexicon/extract.sh $(LEX_DEB) $(LEX_SHA256) $(LEX_SRC)

# Only the foundation modules: `make lexicon` does not depend on the rest of
# the tree compiling.
LEX_TOOL_OBJS = $(BUILD)/ref/lexicon.o $(BUILD)/base/input.o $(BUILD)/base/text.o \
                $(BUILD)/base/buf.o $(BUILD)/base/diag.o

$(BUILD)/lexbuild: src/tools/tool_lexbuild.c $(HDRS) $(LEX_TOOL_OBJS) | $(BUILD)
	$(CC) $(WARN) $(if $(WERROR),-Werror) -Isrc $(PKG_CFLAGS) $(DEFS) $(CFLAGS) \
	  $(LDFLAGS) -o $@ src/tools/tool_lexbuild.c $(LEX_TOOL_OBJS) $(PKG_LIBS) -lm

$(LEX_OUT): $(LEX_FILES) $(BUILD)/lexbuild
	$(BUILD)/lexbuild $(LEX_FILES) $(LEX_DIR)

.PHONY: lexicon
