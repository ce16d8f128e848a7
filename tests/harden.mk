# tests/harden.mk - the bad-input catalogue of the three tools, and the
# slower checks run on demand:
#   make check-heavy      the catalogue with its 100 MB cases
#   make check-valgrind   each tool under valgrind memcheck over corpus/
TESTS += tests/cli/badinput.sh
EXTRA_DIST += tests/cli/badinput.sh tests/cli/badinput/invalid-utf8.tsv \
	tests/valgrind.sh

check-heavy: all
	BADINPUT_HEAVY=1 top_srcdir='$(top_srcdir)' \
	  top_builddir='$(top_builddir)' \
	  $(SHELL) $(top_srcdir)/tests/cli/badinput.sh

check-valgrind: all $(check_PROGRAMS)
	LIBTOOL='$(LIBTOOL)' top_srcdir='$(top_srcdir)' \
	  top_builddir='$(top_builddir)' \
	  $(SHELL) $(top_srcdir)/tests/valgrind.sh

.PHONY: check-heavy check-valgrind
