# bench/norm.mk - benchmarks of the norm stage; run by 'make bench'.
# bench/make-corpus.sh builds the shared input file; other stages reuse it.
BENCH_RUNS += bench/norm.sh
EXTRA_DIST += bench/make-corpus.sh
