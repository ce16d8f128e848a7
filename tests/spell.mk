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
