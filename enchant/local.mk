# enchant/local.mk - the Enchant 2 provider: Enchant programs (gspell,
# Geany, AbiWord, enchant-2, python3-enchant) check Arabic with arspell's
# speller.  Built when configure finds enchant-2 (--without-enchant: not).
# The example ordering, installed for reference (README "Enchant").
dist_ardict_DATA += enchant/enchant.ordering

if ENCHANT
enchantmoddir = $(ENCHANT_MODULEDIR)
enchantmod_LTLIBRARIES = enchant/enchant_arspell.la
enchant_enchant_arspell_la_SOURCES = enchant/provider.c
enchant_enchant_arspell_la_CFLAGS = $(AM_CFLAGS) $(ENCHANT_CFLAGS)
enchant_enchant_arspell_la_LIBADD = libarabic/libarabic.la $(ENCHANT_LIBS)
enchant_enchant_arspell_la_LDFLAGS = $(AM_LDFLAGS) -module -avoid-version \
	-shared -no-undefined -export-symbols-regex '^init_enchant_provider$$'

# Enchant 2.3 loads only *.so from its directory, but later versions open
# every file there, and GLib reads libtool's .la files as modules: the
# provider would be loaded twice.  (The directory is installed with the
# data, its name having no "exec".)
install-data-hook:
	rm -f "$(DESTDIR)$(enchantmoddir)/enchant_arspell.la"
uninstall-hook:
	rm -f "$(DESTDIR)$(enchantmoddir)/enchant_arspell.so"

# The test runs the real enchant-2 and python3-enchant with this module;
# tests/clients/enchant-redirect.c points Enchant at the build tree.
check_LTLIBRARIES += tests/clients/enchant_redirect.la
tests_clients_enchant_redirect_la_SOURCES = tests/clients/enchant-redirect.c
tests_clients_enchant_redirect_la_CFLAGS = $(ENCHANT_CFLAGS)
tests_clients_enchant_redirect_la_LIBADD = -ldl
tests_clients_enchant_redirect_la_LDFLAGS = -module -avoid-version -shared \
	-rpath $(abs_builddir)/tests/clients
TESTS += tests/clients/enchant.sh
AM_TESTS_ENVIRONMENT += \
	AR_ENCHANT_SYSTEM_MODULEDIR='$(ENCHANT_SYSTEM_MODULEDIR)'; \
	export AR_ENCHANT_SYSTEM_MODULEDIR;
endif
EXTRA_DIST += tests/clients/enchant.sh
