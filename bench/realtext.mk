# bench/realtext.mk - spell-checking accuracy on real news with injected
# typos (../shared/realtext-eval), arspell against hunspell in the same run.
# Not part of "make bench" (it takes several minutes): "make bench-realtext".
# bench/attested.py, fa-categories.py, rank-proto.py, plausible-fit.py and
# rank-fit.py are the studies of doc/accuracy.md; bench/realtext-results.md
# has the numbers and commands.
EXTRA_DIST += bench/realtext.sh bench/realtext-results.md bench/attested.py \
	bench/fa-categories.py bench/rank-proto.py bench/plausible-fit.py \
	bench/rank-fit.py
bench-realtext: all
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	  $(SHELL) $(abs_top_srcdir)/bench/realtext.sh
.PHONY: bench-realtext
