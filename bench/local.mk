# bench/local.mk - benchmarks; not built or run by "make" or "make check".
# Each stage appends its scripts to BENCH_RUNS in its fragment; "make
# bench" runs them all in order.  They print ratios against references
# measured in the same run (cat, uconv, ICU, hunspell).
BENCH_RUNS =
include bench/norm.mk
include bench/tok.mk
include bench/spell.mk
include bench/realtext.mk

EXTRA_DIST += $(BENCH_RUNS)

bench: all
	@for s in $(BENCH_RUNS); do \
	  echo "== $$s"; \
	  top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	    $(SHELL) $(abs_top_srcdir)/$$s || exit 1; \
	done
.PHONY: bench

# Two builds of the tools side by side (CPU time, same inputs, run
# alternately): make bench-compare OLD=/path/to/old/build
EXTRA_DIST += bench/compare.sh
bench-compare: all
	@test -n '$(OLD)' || { echo 'usage: make bench-compare OLD=DIR'; exit 2; }
	$(SHELL) $(abs_top_srcdir)/bench/compare.sh '$(OLD)' '$(abs_top_builddir)'
.PHONY: bench-compare

# Memory of a long-running host: 1 GB with a growing vocabulary through
# the streaming calls of each stage; peak resident memory against the
# same stage's after 16 MB (bench/stream_rss.c).  Several minutes:
# make bench-memory [MEMORY_MB=1024]
EXTRA_PROGRAMS += bench/stream_rss
bench_stream_rss_SOURCES = bench/stream_rss.c
bench_stream_rss_LDADD = libarabic/libarabic.la
MEMORY_MB = 1024
bench-memory: bench/stream_rss
	bench/stream_rss -m $(MEMORY_MB) $(top_srcdir)/corpus/*.txt \
	  $(top_srcdir)/tests/names/passages.txt
.PHONY: bench-memory
