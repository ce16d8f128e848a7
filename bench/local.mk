# bench/local.mk - benchmarks; not built or run by "make" or "make check".
