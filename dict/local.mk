# dict/local.mk - the names gazetteer, the Arabic loanword supplement and
# the hunspell dictionaries built from them.  dict/README.md says where each
# file comes from and under which licence.

# Every gazetteer source file, in the order they are loaded.  Keep this in
# sync with dict/names/: tests/dict/listed.sh fails when a .tsv file there
# is missing here.  The icu-*.tsv files are generated (make dict-regen).
NAMES_TSV = \
	dict/names/icu-cities.tsv \
	dict/names/icu-currencies.tsv \
	dict/names/icu-languages.tsv \
	dict/names/icu-regions.tsv \
	dict/names/companies.tsv \
	dict/names/orgs.tsv \
	dict/names/media.tsv \
	dict/names/people.tsv \
	dict/names/places.tsv \
	dict/names/products.tsv

NAMES_LOANWORDS = dict/ar-loanwords.txt
NAMES_ATTESTED = dict/attested-ar.tsv
NAMES_KNOWN_ERRORS = dict/ar-known-errors.tsv

EXTRA_DIST += dict/README.md dict/gen/embed.sh dict/gen/hunspell-dic.sh \
	dict/gen/icu-names.cc dict/names/check.sh

# Word evidence for the spell checker: corpus frequencies
# (dict/gen/corpus-freq.py) and attested words that hunspell-ar rejects
# (dict/gen/attested.py), both built into freq_data.c below: candidates
# for the ranking of suggestions, and the attested words, marked, are
# accepted by the speller.  dict/README.md says how to regenerate them.
EXTRA_DIST += dict/ar-freq.tsv $(NAMES_ATTESTED) dict/gen/corpus-freq.py \
	dict/gen/attested.py dict/gen/cldr_subdivisions.py dict/gen/geonames_mo.py \
	dict/gen/npm_cities.py \
	dict/gen/freq-embed.sh

# Installed for reference and for use with other tools: the sources, and
# the hunspell dictionaries in $(pkgdatadir)/hunspell (see dict/README.md).
ardictdir = $(pkgdatadir)
dist_ardict_DATA = dict/FORMAT.md $(NAMES_LOANWORDS) dict/ar-known-errors.tsv
ardictnamesdir = $(pkgdatadir)/names
dist_ardictnames_DATA = $(NAMES_TSV)

# The gazetteer, the loanwords and the known errors built into the
# library, as C strings.
nodist_libarabic_libarabic_internal_la_SOURCES = libarabic/names_data.c
CLEANFILES += libarabic/names_data.c
libarabic/names_data.c: $(NAMES_TSV) $(NAMES_LOANWORDS) \
	  $(NAMES_KNOWN_ERRORS) dict/gen/embed.sh
	$(AM_V_GEN)$(MKDIR_P) libarabic && \
	$(SHELL) $(srcdir)/dict/gen/embed.sh $(srcdir) $(NAMES_LOANWORDS) \
	  $(NAMES_KNOWN_ERRORS) $(NAMES_TSV) > $@-t && \
	  mv $@-t $@

# The frequencies and the attested words built into the library, as one
# sorted C string: the speller's only copy of the attested words (each
# marked), and the ranking's candidates.
nodist_libarabic_libarabic_internal_la_SOURCES += libarabic/freq_data.c
CLEANFILES += libarabic/freq_data.c
libarabic/freq_data.c: dict/ar-freq.tsv dict/attested-ar.tsv \
		dict/gen/freq-embed.sh
	$(AM_V_GEN)$(MKDIR_P) libarabic && \
	$(SHELL) $(srcdir)/dict/gen/freq-embed.sh $(srcdir)/dict/ar-freq.tsv \
	  $(srcdir)/dict/attested-ar.tsv > $@-t && mv $@-t $@

# The gazetteer as hunspell dictionaries.  The .aff files are written by
# hand; the word lists are generated from the gazetteer.
ardicthunspelldir = $(pkgdatadir)/hunspell
dist_ardicthunspell_DATA = dict/hunspell/ar_names.aff \
	dict/hunspell/en_names.aff
nodist_ardicthunspell_DATA = dict/hunspell/ar_names.dic \
	dict/hunspell/en_names.dic
CLEANFILES += $(nodist_ardicthunspell_DATA)
dict/hunspell/ar_names.dic: $(NAMES_TSV) dict/gen/hunspell-dic.sh
	$(AM_V_GEN)$(MKDIR_P) dict/hunspell && \
	$(SHELL) $(srcdir)/dict/gen/hunspell-dic.sh ar $(srcdir) \
	  $(NAMES_TSV) > $@-t && mv $@-t $@
dict/hunspell/en_names.dic: $(NAMES_TSV) dict/gen/hunspell-dic.sh
	$(AM_V_GEN)$(MKDIR_P) dict/hunspell && \
	$(SHELL) $(srcdir)/dict/gen/hunspell-dic.sh en $(srcdir) \
	  $(NAMES_TSV) > $@-t && mv $@-t $@

# The loanword supplement as a hunspell dictionary, with the affix rules
# of the Arabic names (proclitics and article).
nodist_ardicthunspell_DATA += dict/hunspell/ar_loanwords.aff \
	dict/hunspell/ar_loanwords.dic
CLEANFILES += dict/hunspell/ar_loanwords.aff dict/hunspell/ar_loanwords.dic
dict/hunspell/ar_loanwords.dic: $(NAMES_LOANWORDS) dict/gen/hunspell-dic.sh
	$(AM_V_GEN)$(MKDIR_P) dict/hunspell && \
	$(SHELL) $(srcdir)/dict/gen/hunspell-dic.sh loan $(srcdir) \
	  $(NAMES_LOANWORDS) > $@-t && mv $@-t $@
dict/hunspell/ar_loanwords.aff: dict/hunspell/ar_names.aff
	$(AM_V_GEN)$(MKDIR_P) dict/hunspell && \
	cp $(srcdir)/dict/hunspell/ar_names.aff $@

# The same under language tags, for programs that choose dictionaries by
# tag (Enchant, Firefox, LibreOffice): "names" is no tag, so Enchant turns
# ar_names into ar_NAMES and falls back to plain ar.  ZZ, the private-use
# region of ISO 3166 and BCP 47, passes their parsers: ar_ZZ is the Arabic
# supplement (names and loanwords), en_ZZ the Latin names.
nodist_ardicthunspell_DATA += dict/hunspell/ar_ZZ.aff dict/hunspell/ar_ZZ.dic \
	dict/hunspell/en_ZZ.aff dict/hunspell/en_ZZ.dic
CLEANFILES += dict/hunspell/ar_ZZ.aff dict/hunspell/ar_ZZ.dic \
	dict/hunspell/en_ZZ.aff dict/hunspell/en_ZZ.dic
dict/hunspell/ar_ZZ.dic: dict/hunspell/ar_names.dic \
		dict/hunspell/ar_loanwords.dic
	$(AM_V_GEN)for f in dict/hunspell/ar_names.dic \
	  dict/hunspell/ar_loanwords.dic; do sed 1d "$$f"; done | \
	  LC_ALL=C sort -u > $@-w && \
	{ wc -l < $@-w | tr -d ' '; cat $@-w; } > $@-t && rm -f $@-w && \
	mv $@-t $@
dict/hunspell/ar_ZZ.aff: dict/hunspell/ar_names.aff
	$(AM_V_GEN)$(MKDIR_P) dict/hunspell && \
	cp $(srcdir)/dict/hunspell/ar_names.aff $@
dict/hunspell/en_ZZ.dic: dict/hunspell/en_names.dic
	$(AM_V_GEN)$(MKDIR_P) dict/hunspell && \
	cp dict/hunspell/en_names.dic $@
dict/hunspell/en_ZZ.aff: dict/hunspell/en_names.aff
	$(AM_V_GEN)$(MKDIR_P) dict/hunspell && \
	cp $(srcdir)/dict/hunspell/en_names.aff $@

# Regenerate dict/names/icu-*.tsv from the ICU on this machine, in the
# source tree.  Not part of "all": the output is committed, and a build
# must not depend on the ICU data version.  Review the diff before
# committing it.
ICU_NAMES = dict/gen/icu-names$(EXEEXT)
CLEANFILES += $(ICU_NAMES)
$(ICU_NAMES): dict/gen/icu-names.cc
	$(AM_V_CXXLD)$(MKDIR_P) dict/gen && \
	$(CXX) $(CXXFLAGS) $(ICU_CFLAGS) $(LDFLAGS) -o $@ \
	  $(srcdir)/dict/gen/icu-names.cc $(ICU_LIBS)
dict-regen: $(ICU_NAMES)
	./$(ICU_NAMES) $(srcdir)/dict/names
.PHONY: dict-regen

# Tests: the embedded data is byte-exact, every gazetteer file is listed
# above and follows dict/FORMAT.md, and the hunspell files load in the
# real hunspell and accept and flag what they should.
check_PROGRAMS += tests/dict/test_embed
tests_dict_test_embed_SOURCES = tests/dict/test_embed.c
tests_dict_test_embed_LDADD = $(AR_INTERNAL_LIBS)
TESTS += tests/dict/test_embed tests/dict/listed.sh tests/dict/lint.sh \
	tests/dict/hunspell.sh tests/dict/tagged.sh tests/dict/known-errors.sh
EXTRA_DIST += tests/dict/listed.sh tests/dict/lint.sh tests/dict/hunspell.sh \
	tests/dict/tagged.sh tests/dict/known-errors.sh \
	tests/dict/ar_names.good tests/dict/ar_names.wrong \
	tests/dict/en_names.good tests/dict/en_names.wrong

# The list of gazetteer files, for the tests.
CLEANFILES += dict/names.list
dict/names.list: Makefile
	$(AM_V_GEN)$(MKDIR_P) dict && \
	for f in $(NAMES_TSV); do echo "$$f"; done > $@-t && mv $@-t $@
tests/dict/test_embed.log tests/dict/listed.log tests/dict/lint.log: \
	dict/names.list

# The LibreOffice extension made of the supplements above.
include dict/libreoffice/local.mk
