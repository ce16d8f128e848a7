# tests/tok.mk - tests of the tok stage.
check_PROGRAMS += tests/unit/test_tok
tests_unit_test_tok_SOURCES = tests/unit/test_tok.c tests/unit/unit.h
tests_unit_test_tok_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_tok_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_tok

TESTS += tests/cli/artok.sh
EXTRA_DIST += tests/cli/artok.sh
EXTRA_DIST += corpus/telegram-outage-ar.tok
