#!/bin/sh
# bench/tok.sh - throughput of artok --format=tsv, without and with
# --segment, and of ICU's word BreakIterator (bench/icu_words.c) on the
# same text in the same run, with their ratios.
#
# Input: bench/make-corpus.sh (BENCH_MB megabytes, default 100).  Each
# command runs BENCH_RUNS_EACH times (default 3); the best time counts.
# Targets (issue "artok"): >= 250 MB/s and >= 4x ICU without segmentation,
# >= 30 MB/s with --segment.
set -eu
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${top_srcdir:-$here/..}
builddir=${top_builddir:-.}
mb=${BENCH_MB:-100}
runs=${BENCH_RUNS_EACH:-3}
artok=$builddir/tools/artok
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

corpus=$tmp/corpus.txt
top_srcdir=$srcdir sh "$srcdir/bench/make-corpus.sh" "$corpus" "$mb"
bytes=$(wc -c <"$corpus")

# the ICU baseline, built here so that it is not part of "make all"
cc=${CC:-cc}
if ! $cc -O2 -o "$tmp/icu_words" "$srcdir/bench/icu_words.c" \
	$(pkg-config --cflags --libs icu-uc icu-i18n); then
	echo "bench/tok.sh: cannot build bench/icu_words.c" >&2
	exit 1
fi

now() { date +%s%N; }

# best NAME CMD...: best wall time of CMD (stdout discarded), in seconds
best() {
	name=$1; shift
	b=
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		t=$((t1 - t0))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b" >"$tmp/$name"
}

best plain "$artok" --format=tsv "$corpus"
if "$artok" --segment </dev/null >/dev/null 2>&1; then
	best segment "$artok" --format=tsv --segment "$corpus"
else
	echo "bench/tok.sh: no Arabic dictionary (hunspell-ar): --segment skipped"
fi
# ICU times its own loop over the text in memory (reading not counted)
b=
i=0
while [ $i -lt "$runs" ]; do
	t=$("$tmp/icu_words" "$corpus" | awk '{ printf "%d", $3 * 1e9 }')
	if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	i=$((i + 1))
done
echo "$b" >"$tmp/icu"

awk -v bytes="$bytes" -v plain="$(cat "$tmp/plain")" \
    -v seg="$(cat "$tmp/segment" 2>/dev/null || echo 0)" \
    -v icu="$(cat "$tmp/icu")" '
function mbs(ns) { return ns > 0 ? bytes / (ns / 1e9) / 1e6 : 0 }
BEGIN {
	p = mbs(plain); s = mbs(seg); u = mbs(icu)
	printf "input                      %.1f MB\n", bytes / 1e6
	printf "artok --format=tsv         %7.1f MB/s  (target >= 250)  %s\n", p, (p >= 250 ? "ok" : "BELOW")
	if (s > 0)
		printf "artok --format=tsv -s      %7.1f MB/s  (target >= 30)   %s\n", s, (s >= 30 ? "ok" : "BELOW")
	printf "ICU word BreakIterator     %7.1f MB/s\n", u
	printf "ratio artok / ICU          %7.2f x     (target >= 4)    %s\n", p / u, (p / u >= 4 ? "ok" : "BELOW")
	if (s > 0)
		printf "ratio artok -s / ICU       %7.2f x\n", s / u
}'
