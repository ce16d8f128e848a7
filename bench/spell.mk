# bench/spell.mk - benchmarks of the spell stage; run by 'make bench'.
BENCH_RUNS += bench/spell.sh
