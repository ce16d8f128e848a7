# fuzz/local.mk - libFuzzer targets, built only with --enable-fuzzers.
