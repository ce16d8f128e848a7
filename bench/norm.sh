#!/bin/sh
# norm.sh [FILE] - throughput of arnorm for each profile, its peak memory,
# and ratios to cat and to ICU's uconv -x Any-NFC on the same file, all
# measured in this run.  Default input: bench/make-corpus.sh (100 MB).
# Targets (issue 2): clean >= 500 MB/s and >= 15x uconv; search >= 400 MB/s.
# RUNS=N repeats each timing and keeps the best (default 3).
set -eu
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$here/..}
top_builddir=${top_builddir:-.}
bin=$top_builddir/tools/arnorm
runs=${RUNS:-3}

[ -x "$bin" ] || { echo "norm.sh: $bin not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "norm.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ $# -ge 1 ]; then
	in=$1
else
	in=$tmp/bench.txt
	top_srcdir=$top_srcdir sh "$top_srcdir/bench/make-corpus.sh" "$in" 100
fi
bytes=$(wc -c <"$in")
mb=$(echo "$bytes" | awk '{ printf "%.1f", $1 / 1e6 }')

# best CMD...: best wall time in seconds of RUNS runs (stdout discarded);
# peak RSS (KB) of the last run in $tmp/rss.
best() {
	b=
	i=0
	while [ $i -lt "$runs" ]; do
		/usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" ||
			{ cat "$tmp/err" >&2; echo "norm.sh: $* failed" >&2; exit 1; }
		read -r t rss <"$tmp/t"
		echo "$rss" >"$tmp/rss"
		b=$(echo "$t ${b:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
		i=$((i + 1))
	done
	# /usr/bin/time has 10 ms resolution; avoid dividing by zero
	echo "$b" | awk '{ print ($1 < 0.01) ? 0.01 : $1 }'
}
rate() { echo "$bytes $1" | awk '{ printf "%.0f", $1 / 1e6 / $2 }'; }

echo "input: $in ($mb MB), best of $runs runs"
t_cat=$(best cat "$in")
echo "cat                  $(rate "$t_cat") MB/s"
t_uconv=
if command -v uconv >/dev/null 2>&1; then
	t_uconv=$(runs=1 best uconv -x Any-NFC "$in")
	echo "uconv -x Any-NFC     $(rate "$t_uconv") MB/s"
else
	echo "uconv not found (apt-get install icu-devtools): no ratio"
fi
for p in clean search none; do
	t=$(best "$bin" --profile=$p "$in")
	rss=$(cat "$tmp/rss")
	line=$(printf 'arnorm %-13s %5s MB/s  peak RSS %s KB  %s x cat' \
		"--profile=$p" "$(rate "$t")" "$rss" \
		"$(echo "$t_cat $t" | awk '{ printf "%.2f", $1 / $2 }')")
	if [ -n "$t_uconv" ]; then
		line="$line  $(echo "$t_uconv $t" | awk '{ printf "%.1f", $1 / $2 }') x uconv"
	fi
	echo "$line"
done
t=$(best sh -c "'$bin' --profile=clean --invalid=replace '$in'")
echo "arnorm --invalid=replace (clean) $(rate "$t") MB/s"
