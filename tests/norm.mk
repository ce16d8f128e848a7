# tests/norm.mk - tests of the norm stage.
check_PROGRAMS += tests/unit/test_norm
tests_unit_test_norm_SOURCES = tests/unit/test_norm.c tests/unit/unit.h
tests_unit_test_norm_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_norm_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_norm

# Golden outputs of arnorm on corpus/ (tests/golden.sh compares NAME.norm
# and NAME.norm-search), and the command-line tests.
TESTS += corpus/telegram-outage-ar.txt tests/cli/arnorm.sh
EXTRA_DIST += corpus/telegram-outage-ar.txt corpus/telegram-outage-ar.norm \
	corpus/telegram-outage-ar.norm-search tests/cli/arnorm.sh
