# bench/tok.mk - benchmarks of the tok stage; run by 'make bench'.
