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
# In a build tree with shared libraries tools/artok is libtool's wrapper
# script, which costs a shell start on every run: time the program itself,
# as installed, with the library it was built with.
if [ -x "$builddir/tools/.libs/artok" ] &&
   [ -d "$builddir/libarabic/.libs" ]; then
	artok=$builddir/tools/.libs/artok
	LD_LIBRARY_PATH=$builddir/libarabic/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
	export LD_LIBRARY_PATH
fi
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

# cpu_of CMD...: run CMD (stdout discarded), print its CPU time
# (user + sys of the children, from the shell's "times") in nanoseconds
cpu_of() {
	sh -c '"$@" >/dev/null; times' sh "$@" | awk 'NR == 2 {
		t = 0
		for (i = 1; i <= 2; i++) {
			split($i, a, "m"); sub(/s$/, "", a[2])
			t += a[1] * 60 + a[2]
		}
		printf "%d", t * 1e9
	}'
}

# best NAME CMD...: best wall time and best CPU time of CMD (stdout
# discarded), in nanoseconds, into $tmp/NAME and $tmp/NAME.cpu
best() {
	name=$1; shift
	b=
	bc=
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now)
		c=$(cpu_of "$@")
		t1=$(now)
		t=$((t1 - t0))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
		if [ -z "$bc" ] || [ "$c" -lt "$bc" ]; then bc=$c; fi
		i=$((i + 1))
	done
	echo "$b" >"$tmp/$name"
	echo "$bc" >"$tmp/$name.cpu"
}

best plain "$artok" --format=tsv "$corpus"
if "$artok" --segment </dev/null >/dev/null 2>&1; then
	best segment "$artok" --format=tsv --segment "$corpus"
else
	echo "bench/tok.sh: no Arabic dictionary (hunspell-ar): --segment skipped"
fi
# ICU times its own loop over the text in memory (reading not counted),
# wall and CPU
b=
bc=
i=0
while [ $i -lt "$runs" ]; do
	r=$("$tmp/icu_words" "$corpus")
	t=$(echo "$r" | awk '{ printf "%d", $3 * 1e9 }')
	c=$(echo "$r" | awk '{ printf "%d", $4 * 1e9 }')
	if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	if [ -z "$bc" ] || [ "$c" -lt "$bc" ]; then bc=$c; fi
	i=$((i + 1))
done
echo "$b" >"$tmp/icu"
echo "$bc" >"$tmp/icu.cpu"

awk -v bytes="$bytes" -v plain="$(cat "$tmp/plain")" \
    -v plainc="$(cat "$tmp/plain.cpu")" \
    -v seg="$(cat "$tmp/segment" 2>/dev/null || echo 0)" \
    -v segc="$(cat "$tmp/segment.cpu" 2>/dev/null || echo 0)" \
    -v icu="$(cat "$tmp/icu")" -v icuc="$(cat "$tmp/icu.cpu")" '
function mbs(ns) { return ns > 0 ? bytes / (ns / 1e9) / 1e6 : 0 }
function verdict(x, goal) { return x >= goal ? "ok" : "BELOW" }
BEGIN {
	p = mbs(plain); s = mbs(seg); u = mbs(icu)
	pc = mbs(plainc); sc = mbs(segc); uc = mbs(icuc)
	printf "input                      %.1f MB\n", bytes / 1e6
	printf "                              wall MB/s    CPU MB/s\n"
	printf "artok --format=tsv         %9.1f  %9.1f   (target >= 250)  %s\n", p, pc, verdict(p, 250)
	if (s > 0)
		printf "artok --format=tsv -s      %9.1f  %9.1f   (target >= 30)   %s\n", s, sc, verdict(s, 30)
	printf "ICU word BreakIterator     %9.1f  %9.1f\n", u, uc
	printf "ratio artok / ICU          %9.2f x %8.2f x  (target >= 4)    %s\n", p / u, (uc > 0 ? pc / uc : 0), verdict(p / u, 4)
	if (s > 0)
		printf "ratio artok -s / ICU       %9.2f x %8.2f x\n", s / u, (uc > 0 ? sc / uc : 0)
	printf "(CPU = user + sys time; its ratio is robust to machine load)\n"
}'
