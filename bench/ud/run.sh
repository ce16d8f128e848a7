#!/bin/sh
# bench/ud/run.sh - tokenization accuracy of artok on the Universal
# Dependencies Arabic-PUD test set, scored by ../shared/bench-ud/eval.py
# (CoNLL 2018 shared-task metric: Tokens, Words and Sentences F1).
#
#   sh bench/ud/run.sh [EXTRA EVAL.PY OPTIONS, e.g. --errors 20]
#
# Runs artok --format=ud without and with --segment (PUD writes clitics
# as tokens: Tokens F1 measures the segmentation), and --format=ud-mwt
# --segment (clitics inside multiword tokens: see Words F1).  BENCH_UD=DIR points
# to another copy of the data.  PUD is a test set: it is used here only to
# measure, never to build lexicons or rules.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${top_srcdir:-$here/../..}
builddir=${top_builddir:-.}
ud=${BENCH_UD:-$srcdir/../shared/bench-ud}
gold=$ud/ar_pud-ud-test.conllu.xz
artok=$builddir/tools/artok

if [ ! -f "$gold" ] || [ ! -f "$ud/eval.py" ]; then
	echo "bench/ud: $gold not found (set BENCH_UD); skipped"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "bench/ud: python3 not found; skipped"
	exit 0
fi
for args in "--format=ud" "--format=ud --segment" \
            "--format=ud-mwt --segment"; do
	echo "== artok $args"
	python3 "$ud/eval.py" "$gold" "$@" -- "$artok" $args
done
