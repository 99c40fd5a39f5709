# mk/install.mk - make install / make uninstall.
#
#   make install [PREFIX=/usr/local] [DESTDIR=...]
#
# Installs the program, its manual page, its bash completion and its data
# (ontology, named queries, registry, gazetteer, lexicon, query page) under
# $(PREFIX)/share/mednum-kg.  The program finds the data beside itself
# (BIN/../share/mednum-kg), so the installed tree can be moved as a whole;
# --data-dir or $MEDNUM_KG_DATA name another copy.  It never reads the source
# tree it was built in.

BINDIR   ?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share/mednum-kg
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DOCDIR   ?= $(PREFIX)/share/doc/mednum-kg
INSTALL  ?= install

# The data directories installed whole (but for the downloads they were
# built from: cache/, json/, hunspell/), and the built indexes.
INSTALL_TREES = ontology queries data/registry data/www
INSTALL_FILES = data/gazetteer/territoires.idx data/gazetteer/territoires.nt \
                data/lexicon/lexicon.idx

install: all gazetteer lexicon www
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(SHAREDIR)/data $(DESTDIR)$(DOCDIR)/examples
	$(INSTALL) -m 755 $(BUILD)/mednum-kg $(DESTDIR)$(BINDIR)/mednum-kg
	$(INSTALL) -m 644 docs/mednum-kg.1 $(DESTDIR)$(MANDIR)/man1/mednum-kg.1
	$(INSTALL) -m 644 tools/bash-completion/mednum-kg $(DESTDIR)$(BASHCOMPDIR)/mednum-kg
	$(INSTALL) -m 644 data/nec-cvl-2024.md $(DESTDIR)$(DOCDIR)/examples/nec-cvl-2024.md
	$(INSTALL) -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	@set -e; for f in $(INSTALL_FILES) \
	  $$(find $(INSTALL_TREES) -name cache -prune -o -type f ! -name '.*' -print); do \
	  $(INSTALL) -d "$(DESTDIR)$(SHAREDIR)/$${f%/*}"; \
	  $(INSTALL) -m 644 "$$f" "$(DESTDIR)$(SHAREDIR)/$$f"; \
	done
	@echo "mednum-kg: installed under $(DESTDIR)$(PREFIX) (data: $(SHAREDIR))"

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mednum-kg $(DESTDIR)$(MANDIR)/man1/mednum-kg.1 \
	  $(DESTDIR)$(BASHCOMPDIR)/mednum-kg
	rm -rf $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(DOCDIR)

.PHONY: install uninstall
