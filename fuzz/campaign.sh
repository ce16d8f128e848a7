#!/bin/sh
# campaign.sh BUILDDIR NAME SECONDS [LIBFUZZER-OPTION]...
# Run one fuzz target of a --enable-fuzzers build for SECONDS of wall time
# at the lowest priority, keeping its growing corpus in BUILDDIR/fuzz-work/
# NAME and any crash in BUILDDIR/fuzz-work/NAME-crash-*, then print the CPU
# time it used (user+system), the figure doc/fuzzing.md records.  The
# memory limit is 3 GB: fuzz_seg keeps a tokenizer per configuration, each
# with its own Arabic dictionary and segmenter caches.
set -eu
build=$1 name=$2 secs=$3
shift 3
src=$(cd "$(dirname "$0")/.." && pwd)
work=$build/fuzz-work
mkdir -p "$work/$name"
seeds=
for d in "$src/fuzz/corpus/$name" "$src/fuzz/regress/$name"; do
	[ -d "$d" ] && seeds="$seeds $d"
done
timer=
if [ -x /usr/bin/time ]; then
	timer="/usr/bin/time -f %U_%S -o $work/$name.time"
fi
# a target's own token dictionary if it has one, else the Arabic one
dict=$src/fuzz/dict/$name.dict
[ -f "$dict" ] || dict=$src/fuzz/dict/arabic.dict
echo "== fuzz_$name: $secs s"
# shellcheck disable=SC2086
$timer nice -n 19 "$build/fuzz/fuzz_$name" -max_total_time="$secs" \
	-timeout=30 -rss_limit_mb=3072 -print_final_stats=1 \
	-dict="$dict" \
	-artifact_prefix="$work/$name-crash-" "$@" \
	"$work/$name" $seeds >"$work/$name.log" 2>&1 || status=$?
grep -E '^stat::number_of_executed_units|^Done' "$work/$name.log" || :
if [ -n "$timer" ]; then
	tail -n 1 "$work/$name.time" | tr _ ' ' |
	awk -v n="$name" '{ printf "%s: %.1f CPU-minutes\n", n, ($1+$2)/60 }'
fi
exit "${status:-0}"
