# bench/norm.mk - benchmarks of the norm stage; run by 'make bench'.
