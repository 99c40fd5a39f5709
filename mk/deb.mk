# mk/deb.mk - `make deb`: the Debian package $(DEB_BUILD)/mednum-kg_VERSION_ARCH.deb.
#
# Built apart (build-deb/) with Debian's hardening flags (dpkg-buildflags),
# installed into a staging root with PREFIX=/usr, packaged by tools/deb/build.sh.
# `make lintian` checks it (tools/deb/lintian-overrides explains each tag
# left).  Needs dpkg-dev (dpkg-shlibdeps); lintian for `make lintian`.

DEB_BUILD = build-deb
DEB_BUILDFLAGS = DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get
DEB_FLAGS = CFLAGS="$$($(DEB_BUILDFLAGS) CFLAGS)" \
            LDFLAGS="$$($(DEB_BUILDFLAGS) LDFLAGS)" \
            CPPFLAGS="$$($(DEB_BUILDFLAGS) CPPFLAGS)"

deb: .deps-ok
	$(MAKE) gazetteer lexicon www
	$(MAKE) BUILD=$(DEB_BUILD) PREFIX=/usr $(DEB_FLAGS) all
	@sh tools/deb/build.sh $(DEB_BUILD) $(VERSION)

lintian: deb
	lintian --fail-on error,warning --tag-display-limit 0 -I --pedantic \
	  $(DEB_BUILD)/mednum-kg_$(VERSION)_$$(dpkg --print-architecture).deb

.PHONY: deb lintian
