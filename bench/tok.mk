# bench/tok.mk - benchmarks of the tok stage; run by 'make bench'.
# bench/tok.sh: artok throughput against ICU's word BreakIterator
# (bench/icu_words.c, compiled by the script, not by "make all");
# bench/ud/run.sh: accuracy on UD Arabic-PUD with ../shared/bench-ud.
BENCH_RUNS += bench/tok.sh bench/ud/run.sh
EXTRA_DIST += bench/icu_words.c
