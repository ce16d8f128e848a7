#!/bin/sh
# compare.sh OLD NEW - the CPU time of two builds of the tools (build trees
# with tools/arnorm, tools/artok and tools/arspell) on the same inputs, run
# alternately so that both see the same machine load, and the ratio
# NEW/OLD of each: what a change to the library costs or saves.
#
# Cases, on a 10 MB slice of the benchmark corpus (bench/make-corpus.sh):
# arnorm; artok --format=tsv; artok --segment --format=tsv; on the 1 MB
# slice: arspell -l; on the seed article: arspell's full report (with
# suggestions) and the start-up on one line.  Each case runs RUNS times
# (default 5) for each build; the least CPU time (user + system) of each
# is kept, which a busy machine disturbs much less than wall time.
# Outputs of the two builds are compared too: a ratio means little if
# they differ.
set -eu
LC_ALL=C
export LC_ALL
[ $# -eq 2 ] || { echo "usage: $0 OLD_BUILD NEW_BUILD" >&2; exit 2; }
old=$1
new=$2
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
[ -x /usr/bin/time ] || { echo "compare.sh: needs /usr/bin/time" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
sh "$here/make-corpus.sh" "$tmp/10mb.txt" 10
sh "$here/make-corpus.sh" "$tmp/1mb.txt" 1
seed=$here/../corpus/telegram-outage-ar.txt
head -n 1 "$seed" >"$tmp/line.txt"

# cpu BUILD OUT TOOL ARGS...: CPU seconds of one run, output in OUT.
cpu() {
	b=$1
	o=$2
	shift 2
	t=$1
	shift
	rc=0
	/usr/bin/time -f '%U %S' -o "$tmp/t" "$b/tools/$t" "$@" >"$o" \
		2>/dev/null || rc=$?
	[ $rc -le 1 ] || { echo "compare.sh: $b/tools/$t $* failed ($rc)" >&2; exit 1; }
	tail -n 1 "$tmp/t" | awk '{ print $1 + $2 }'
}

printf '%-28s %9s %9s %7s %s\n' case old_cpu_s new_cpu_s new/old output
run_case() {
	name=$1
	shift
	bo=
	bn=
	i=0
	while [ $i -lt "$runs" ]; do
		a=$(cpu "$old" "$tmp/out.old" "$@")
		b=$(cpu "$new" "$tmp/out.new" "$@")
		bo=$(echo "$a ${bo:-$a}" | awk '{ print ($1 < $2) ? $1 : $2 }')
		bn=$(echo "$b ${bn:-$b}" | awk '{ print ($1 < $2) ? $1 : $2 }')
		i=$((i + 1))
	done
	same=same
	cmp -s "$tmp/out.old" "$tmp/out.new" || same=DIFFERENT
	printf '%-28s %9.3f %9.3f %7.3f %s\n' "$name" "$bo" "$bn" \
		"$(echo "$bn $bo" | awk '{ print ($2 > 0) ? $1 / $2 : 0 }')" "$same"
}

run_case "arnorm 10MB" arnorm "$tmp/10mb.txt"
run_case "artok tsv 10MB" artok --format=tsv "$tmp/10mb.txt"
run_case "artok --segment 10MB" artok --segment --format=tsv "$tmp/10mb.txt"
run_case "arspell -l 1MB" arspell -l "$tmp/1mb.txt"
run_case "arspell report, seed" arspell "$seed"
run_case "arspell start-up" arspell "$tmp/line.txt"
