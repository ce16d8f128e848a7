# dict/libreoffice/local.mk - a LibreOffice extension (.oxt) that adds the
# supplements ar_ZZ (names and loanwords) and en_ZZ (Latin names) to
# LibreOffice's Arabic and English spell checking.  "make oxt" builds it;
# "make check-libreoffice" installs it into a LibreOffice profile of its
# own and asks LibreOffice's spell checker (slow: not part of make check).
OXT = dict/libreoffice/libarabic-names-$(VERSION).oxt
OXT_SRC = dict/libreoffice/META-INF/manifest.xml \
	dict/libreoffice/description.xml.in dict/libreoffice/dictionaries.xcu
OXT_DICTS = dict/hunspell/ar_ZZ.aff dict/hunspell/ar_ZZ.dic \
	dict/hunspell/en_ZZ.aff dict/hunspell/en_ZZ.dic
EXTRA_DIST += $(OXT_SRC) tests/clients/libreoffice.sh \
	tests/clients/libreoffice.py
CLEANFILES += $(OXT)

# An .oxt is a zip file; Python's zipfile module makes it, so that no zip
# program is needed.
oxt: $(OXT)
$(OXT): $(OXT_SRC) $(OXT_DICTS)
	$(AM_V_GEN)rm -rf $@-d && $(MKDIR_P) $@-d/META-INF && \
	cp $(srcdir)/dict/libreoffice/META-INF/manifest.xml $@-d/META-INF/ && \
	cp $(srcdir)/dict/libreoffice/dictionaries.xcu $(OXT_DICTS) $@-d/ && \
	sed 's/@VERSION@/$(VERSION)/' \
	  $(srcdir)/dict/libreoffice/description.xml.in > $@-d/description.xml && \
	rm -f $@-t && (cd $@-d && python3 -m zipfile -c $(abs_builddir)/$@-t \
	  META-INF description.xml dictionaries.xcu ar_ZZ.aff ar_ZZ.dic \
	  en_ZZ.aff en_ZZ.dic) && rm -rf $@-d && mv $@-t $@

check-libreoffice: $(OXT)
	top_srcdir=$(top_srcdir) $(SHELL) $(srcdir)/tests/clients/libreoffice.sh $(OXT)
.PHONY: oxt check-libreoffice
