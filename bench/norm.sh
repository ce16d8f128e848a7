#!/bin/sh
# norm.sh [FILE] - throughput of arnorm for each profile, its peak memory,
# and ratios to cat and to ICU's uconv -x Any-NFC on the same file, all
# measured in this run.  Default input: bench/make-corpus.sh (100 MB).
# Targets (issue 2): clean >= 500 MB/s and >= 15x uconv; search >= 400 MB/s.
#
# Each command runs RUNS times (default 5) and the best wall time and the
# best CPU time (user + sys) count: the machine is shared, so CPU time is
# the steadier figure.  Times come from the kernel's accounting of the
# child (microseconds) and a monotonic clock, through python3; without
# python3, /usr/bin/time and date are used (10 ms CPU resolution).
# CHECK=0 skips the check that the fast and the general paths of the
# normalizer agree on the first 5 MB of the input (needs "make check" to
# have built tests/unit/test_norm_fast).
set -eu
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$here/..}
top_builddir=${top_builddir:-.}
bin=$top_builddir/tools/arnorm
runs=${RUNS:-5}

[ -x "$bin" ] || { echo "norm.sh: $bin not built" >&2; exit 2; }
# In a build tree tools/arnorm is libtool's wrapper script, which costs a
# shell and a sed (about 10 ms) per run: time the program it runs.
if [ -x "$top_builddir/tools/.libs/arnorm" ] &&
	grep -q 'wrapper script' "$bin" 2>/dev/null; then
	bin=$top_builddir/tools/.libs/arnorm
	LD_LIBRARY_PATH=$top_builddir/libarabic/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
	export LD_LIBRARY_PATH
fi

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

# measure CMD...: run CMD once, stdout to /dev/null; print "wall cpu rss"
# (seconds, seconds, KB).  A failing CMD stops the benchmark.
if command -v python3 >/dev/null 2>&1; then
	measure() {
		# The peak RSS of a forked child counts the parent's pages
		# until exec; /usr/bin/time, when there, gives the command's.
		python3 -c '
import os, sys, time
rssfile = sys.argv[1]
cmd = sys.argv[2:]
if os.access("/usr/bin/time", os.X_OK):
    cmd = ["/usr/bin/time", "-f", "%M", "-o", rssfile] + cmd
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.execvp(cmd[0], cmd)
_, status, ru = os.wait4(pid, 0)
t1 = time.monotonic()
if status != 0:
    sys.exit(1)
rss = ru.ru_maxrss
if cmd[0] == "/usr/bin/time":
    with open(rssfile) as f:
        rss = int(f.read().split()[-1])
print("%.6f %.6f %d" % (t1 - t0, ru.ru_utime + ru.ru_stime, rss))
' "$tmp/rss" "$@" 2>"$tmp/err"
	}
else
	[ -x /usr/bin/time ] || {
		echo "norm.sh: needs python3 or /usr/bin/time" >&2; exit 2; }
	measure() {
		t0=$(date +%s.%N)
		/usr/bin/time -f '%U %S %M' -o "$tmp/t" "$@" >/dev/null \
			2>"$tmp/err" || return 1
		t1=$(date +%s.%N)
		read -r u s rss <"$tmp/t"
		echo "$t0 $t1 $u $s $rss" |
			awk '{ printf "%.6f %.2f %d\n", $2 - $1, $3 + $4, $5 }'
	}
fi

# best N CMD...: best wall and best CPU time of N runs, and the peak RSS
# of the largest run, as "wall cpu rss".
best() {
	n=$1
	shift
	i=0
	: >"$tmp/runs"
	while [ $i -lt "$n" ]; do
		measure "$@" >>"$tmp/runs" || {
			cat "$tmp/err" >&2
			echo "norm.sh: $* failed" >&2
			exit 1
		}
		i=$((i + 1))
	done
	awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 < c { c = $2 }
	     $3 > r { r = $3 } END { printf "%s %s %d\n", w, c, r }' "$tmp/runs"
}
# rate SECONDS: MB/s of the input; "-" when too fast to time
rate() {
	echo "$bytes $1" |
		awk '{ if ($2 <= 0) print "-"; else printf "%.0f", $1 / 1e6 / $2 }'
}
# ratio A B: A / B, two decimals
ratio() { echo "$1 $2" | awk '{ printf "%.2f", ($2 > 0) ? $1 / $2 : 0 }'; }

echo "input: $in ($mb MB); best of $runs runs; wall / CPU (user+sys)"
best "$runs" cat "$in" >"$tmp/cat"
read -r cat_w cat_c cat_r <"$tmp/cat"
printf '%-30s %6s / %6s MB/s\n' "cat" "$(rate "$cat_w")" "$(rate "$cat_c")"
uc_w=
if command -v uconv >/dev/null 2>&1; then
	best 1 uconv -x Any-NFC "$in" >"$tmp/uconv"
	read -r uc_w uc_c uc_r <"$tmp/uconv"
	printf '%-30s %6s / %6s MB/s  (one run)\n' "uconv -x Any-NFC" \
		"$(rate "$uc_w")" "$(rate "$uc_c")"
else
	echo "uconv not found (apt-get install icu-devtools): no ratio"
fi
for p in clean search none; do
	best "$runs" "$bin" --profile=$p "$in" >"$tmp/p"
	read -r w c r <"$tmp/p"
	line=$(printf '%-30s %6s / %6s MB/s  peak RSS %6s KB  %s / %s x cat' \
		"arnorm --profile=$p" "$(rate "$w")" "$(rate "$c")" "$r" \
		"$(ratio "$cat_w" "$w")" "$(ratio "$cat_c" "$c")")
	if [ -n "$uc_w" ]; then
		line="$line  $(ratio "$uc_w" "$w") / $(ratio "$uc_c" "$c") x uconv"
	fi
	echo "$line"
	eval "w_$p=\$w c_$p=\$c"
done
best "$runs" "$bin" --profile=clean --invalid=replace "$in" >"$tmp/p"
read -r w c r <"$tmp/p"
printf '%-30s %6s / %6s MB/s\n' "arnorm --invalid=replace" \
	"$(rate "$w")" "$(rate "$c")"

# The targets, judged on CPU time and on wall time.
target() { # NAME SECONDS_WALL SECONDS_CPU MIN_MBS
	echo "$bytes $2 $3 $4" | awk -v name="$1" '{
		w = $1 / 1e6 / $2; c = $1 / 1e6 / $3
		printf "target %-22s wall %s, CPU %s\n", name,
		       (w >= $4) ? "met" : "NOT met", (c >= $4) ? "met" : "NOT met"
	}'
}
target "clean >= 500 MB/s" "$w_clean" "$c_clean" 500
target "search >= 400 MB/s" "$w_search" "$c_search" 400
if [ -n "$uc_w" ]; then
	echo "$uc_w $w_clean $uc_c $c_clean" | awk '{
		printf "target %-22s wall %s, CPU %s\n", "clean >= 15x uconv",
		       ($1 / $2 >= 15) ? "met" : "NOT met",
		       ($3 / $4 >= 15) ? "met" : "NOT met"
	}'
fi

# The fast paths must give what the general path gives.
check=$top_builddir/tests/unit/test_norm_fast
if [ "${CHECK:-1}" != 0 ]; then
	if [ -x "$check" ]; then
		head -c 5000000 "$in" >"$tmp/head.txt"
		if top_srcdir=$top_srcdir "$check" "$tmp/head.txt" \
			>"$tmp/check.log" 2>&1; then
			echo "fast path = general path on the first 5 MB: yes"
		else
			tail -20 "$tmp/check.log" >&2
			echo "norm.sh: fast and general paths differ" >&2
			exit 1
		fi
	else
		echo "($check not built: run make check for the fast/general check)"
	fi
fi
