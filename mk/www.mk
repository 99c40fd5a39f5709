# www.mk - `make www`: the query page's vendored editor in data/www/vendor/.
#
# npm pack @zazuko/yasgui@4.6.2 (cached, sha512-checked)
#   -> data/www/vendor/yasgui/yasgui.min.{js,css}
# The bundle is self-contained (UMD, with Yasqe, Yasr, CodeMirror, DataTables
# and DOMPurify inside): no other package is needed.  The page itself
# (data/www/index.html, app.js, style.css) is in git; the server maps
# /www/FILE to data/www/FILE.  Each step runs only when its inputs changed.

WWW_PKG     = @zazuko/yasgui
WWW_VERSION = 4.6.2
WWW_SHA512  = 670e3929d3e8004d4a45a028c481dd42a789c6f6951b5a10767b70d21cb492d5f7e59bbc65c72e38bad708bc11f8653ed313332f0f0c8f0e81912655daf52e43
WWW_DIR     = data/www
WWW_TGZ     = $(WWW_DIR)/cache/zazuko-yasgui-$(WWW_VERSION).tgz
WWW_VENDOR  = $(WWW_DIR)/vendor/yasgui
WWW_MEMBERS = build/yasgui.min.js build/yasgui.min.css
WWW_FILES   = $(addprefix $(WWW_VENDOR)/,$(notdir $(WWW_MEMBERS)))
WWW_FETCH   = sh tools/npm-fetch.sh www $(WWW_TGZ) $(WWW_SHA512) \
              $(WWW_PKG)@$(WWW_VERSION)

www: $(WWW_FILES)

# The tarball is a cache: fetched when missing.  Whenever it is used, its
# sha512 is checked again (a bad cached copy is fetched anew; a bad fetched
# copy stops the build).
$(WWW_TGZ):
	@$(WWW_FETCH)

$(WWW_FILES) &: $(WWW_TGZ) tools/npm-fetch.sh mk/www.mk
	@$(WWW_FETCH) $(WWW_VENDOR) $(WWW_MEMBERS)

.PHONY: www
