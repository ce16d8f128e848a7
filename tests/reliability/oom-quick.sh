#!/bin/sh
# The quick sample of the allocation-failure test: the normalizer and the
# tokenizer without segmentation ("make check-oom" runs every entry point).
exec "${top_builddir:-.}/tests/reliability/oom" -q
