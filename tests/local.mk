# tests/local.mk - "make check": CUnit programs (one per module), golden
# files on corpus/, CLI tests.  Each stage adds its tests in its fragment.
TEST_EXTENSIONS = .txt .sh
TXT_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/golden.sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(top_srcdir)'; top_builddir='$(top_builddir)'; \
	export top_srcdir top_builddir; \
	XDG_CONFIG_HOME='$(abs_top_builddir)/tests/no-config'; WORDLIST=; \
	export XDG_CONFIG_HOME WORDLIST;

# The unit tests link the library's objects (libarabic/local.mk), so they
# may call internal functions too.
UNIT_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
UNIT_LDADD = $(AR_INTERNAL_LIBS) $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_utf8
tests_unit_test_utf8_SOURCES = tests/unit/test_utf8.c tests/unit/unit.h
tests_unit_test_utf8_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_utf8_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_utf8

EXTRA_DIST += tests/golden.sh

include tests/norm.mk
include tests/tok.mk
include tests/spell.mk
include tests/harden.mk
include tests/installed.mk
include tests/reliability/local.mk

# The public header alone, as strict C99 and as C++.
check_PROGRAMS += tests/headertest tests/headertest_cxx
tests_headertest_SOURCES = tests/headertest.c
tests_headertest_CFLAGS = -std=c99 -pedantic -Wall -Wextra -Werror
tests_headertest_LDADD = libarabic/libarabic.la
tests_headertest_cxx_SOURCES = tests/headertest.cc
tests_headertest_cxx_CXXFLAGS = -Wall -Wextra -Werror
tests_headertest_cxx_LDADD = libarabic/libarabic.la
TESTS += tests/headertest tests/headertest_cxx tests/check-exports.sh
EXTRA_DIST += tests/check-exports.sh tests/exports.txt

# The modules of libarabic/ call downward only (libarabic/README.md).
TESTS += tests/layers.sh
EXTRA_DIST += tests/layers.sh libarabic/README.md

# The README's example program, built and run.
check_PROGRAMS += doc/example
doc_example_SOURCES = doc/example.c
doc_example_LDADD = libarabic/libarabic.la
TESTS += tests/example.sh
EXTRA_DIST += tests/example.sh

# The C sources follow .clang-format (skipped without clang-format 14).
TESTS += tests/clang-format.sh
EXTRA_DIST += tests/clang-format.sh .clang-format

# What the CLI tests (tests/cli/*.sh) share.
EXTRA_DIST += tests/cli/common.sh

# The README's recipes for archives with GNU parallel (skipped without it).
TESTS += tests/cli/parallel.sh
EXTRA_DIST += tests/cli/parallel.sh

# Input encodings (-i ENC, byte-order marks) in the three tools, and
# signals during -o FILE.
TESTS += tests/cli/encodings.sh tests/cli/signals.sh tests/cli/specialfiles.sh
EXTRA_DIST += tests/cli/encodings.sh tests/cli/signals.sh tests/cli/specialfiles.sh

# Real clients of arspell's ispell pipe.
include tests/clients/local.mk
