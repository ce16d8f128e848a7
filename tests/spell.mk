# tests/spell.mk - tests of the spell stage.
check_PROGRAMS += tests/unit/test_spell
tests_unit_test_spell_SOURCES = tests/unit/test_spell.c tests/unit/unit.h
tests_unit_test_spell_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_spell_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_spell

# The name-typo development set, scored with floors (tests/names/README.md).
check_PROGRAMS += tests/names/score
tests_names_score_SOURCES = tests/names/score.c
tests_names_score_LDADD = libarabic/libarabic.la
TESTS += tests/names/score
EXTRA_DIST += tests/names/README.md tests/names/typos.tsv \
	tests/names/variants.tsv tests/names/passages.txt

TESTS += tests/cli/arspell.sh
EXTRA_DIST += tests/cli/arspell.sh corpus/telegram-outage-ar.spell

# The library's reader of hunspell dictionaries (affix.c) against hunspell
# itself, on the Arabic dictionary, on en_US and on small dictionaries the
# test writes.  ar_affix__* are not exported: it links the library's objects.
# tests/unit/test_affix FILE... compares the two on a word list.
check_PROGRAMS += tests/unit/test_affix
tests_unit_test_affix_SOURCES = tests/unit/test_affix.c tests/unit/unit.h
tests_unit_test_affix_CPPFLAGS = $(AM_CPPFLAGS) \
	-DAR_DICTDIR='"$(HUNSPELL_DICTDIR)"'
tests_unit_test_affix_CFLAGS = $(UNIT_CFLAGS) $(HUNSPELL_CFLAGS) \
	$(UTF8PROC_CFLAGS)
tests_unit_test_affix_LDADD = $(UNIT_LDADD) $(HUNSPELL_LIBS)
TESTS += tests/unit/test_affix
# The same comparison on en_US (test_affix --en).
TESTS += tests/unit/affix_en.sh
EXTRA_DIST += tests/unit/affix_en.sh

# Lexicons: a speller and a segmenting tokenizer that share one read the
# Arabic dictionary once (the program counts the files opened).
check_PROGRAMS += tests/unit/test_lexicon
tests_unit_test_lexicon_SOURCES = tests/unit/test_lexicon.c tests/unit/unit.h
tests_unit_test_lexicon_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_lexicon_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_lexicon

# The speller's cache keeps to its byte budget, and the budget changes no
# result (white-box: reads the handle's cache size).
check_PROGRAMS += tests/unit/test_cache
tests_unit_test_cache_SOURCES = tests/unit/test_cache.c tests/unit/unit.h
tests_unit_test_cache_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libarabic \
	$(ICU_CFLAGS) $(HUNSPELL_CFLAGS)
tests_unit_test_cache_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cache_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_cache
