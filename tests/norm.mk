# tests/norm.mk - tests of the norm stage.
check_PROGRAMS += tests/unit/test_norm
tests_unit_test_norm_SOURCES = tests/unit/test_norm.c tests/unit/unit.h
tests_unit_test_norm_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_norm_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_norm

# The fast path against the general one: the library's normalizer
# against two variants of it built into the program from norm.c with
# other switches (norm_slow.c and norm_table.c, which rename them).
check_PROGRAMS += tests/unit/test_norm_fast
tests_unit_test_norm_fast_SOURCES = tests/unit/test_norm_fast.c \
	tests/unit/norm_slow.c tests/unit/norm_table.c tests/unit/unit.h
tests_unit_test_norm_fast_CFLAGS = $(UNIT_CFLAGS) $(ICU_CFLAGS)
tests_unit_test_norm_fast_LDADD = $(UNIT_LDADD) $(ICU_LIBS)
TESTS += tests/unit/test_norm_fast

# Golden outputs of arnorm on corpus/ (tests/golden.sh compares NAME.norm
# and NAME.norm-search), and the command-line tests.
TESTS += corpus/telegram-outage-ar.txt tests/cli/arnorm.sh
EXTRA_DIST += corpus/telegram-outage-ar.txt corpus/telegram-outage-ar.norm \
	corpus/telegram-outage-ar.norm-search tests/cli/arnorm.sh
