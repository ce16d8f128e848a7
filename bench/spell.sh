#!/bin/sh
# spell.sh - arspell -l against hunspell -d ar,en_US -l on the same 1 MB
# and 10 MB slices of the benchmark corpus (bench/make-corpus.sh): MB/s and
# peak RSS of each, and the ratio; then the start-up time of each on a
# one-line input, and the time of the full report (with suggestions) on
# the seed article.  Throughput is given twice: over the whole run, and
# net of the start-up time measured in the same run (both programs load
# their dictionaries first; hunspell alone takes about 0.2 s for it).
# Targets (issue 4): 20x hunspell -l; start-up < 0.5 s; seed report < 1 s;
# (issue 10) with suggestions, a 1,000-word article < 0.3 s and 300 KB
# < 2 s, against hunspell -a on the same text.
# RUNS=N repeats each arspell timing and keeps the best (default 3);
# hunspell runs once (it takes about 35 s on 10 MB).  On a shared, loaded
# machine wall times vary a lot, so the CPU time (user + system) of each
# timed run is given too, and the ratios are computed both ways.
set -eu
# hunspell reads its input in the locale's encoding: UTF-8 for it below
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$here/..}
top_builddir=${top_builddir:-.}
bin=$top_builddir/tools/arspell
runs=${RUNS:-3}

[ -x "$bin" ] || { echo "spell.sh: $bin not built" >&2; exit 2; }
# In a build tree tools/arspell is libtool's wrapper script, whose own
# start-up (a shell that then runs the program) an installed arspell does
# not pay: time the program itself, with the uninstalled library.
if [ -x "$top_builddir/tools/.libs/arspell" ] &&
	[ "$(head -c 2 "$bin")" = "#!" ]; then
	bin=$top_builddir/tools/.libs/arspell
	LD_LIBRARY_PATH=$top_builddir/libarabic/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
	export LD_LIBRARY_PATH
fi
[ -x /usr/bin/time ] || { echo "spell.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v hunspell >/dev/null 2>&1 ||
	{ echo "spell.sh: needs hunspell (apt-get install hunspell)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# best N CMD...: best wall time of N runs (stdout discarded, exit status 1
# accepted: it means misspellings); peak RSS (KB) of the best in $tmp/rss,
# least CPU time (user + system) of the runs in $tmp/cpu.
best() {
	n=$1; shift
	b=
	c=
	i=0
	while [ $i -lt "$n" ]; do
		rc=0
		/usr/bin/time -f '%e %M %U %S' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || rc=$?
		[ $rc -le 1 ] || { cat "$tmp/err" >&2; echo "spell.sh: $* failed" >&2; exit 1; }
		# GNU time puts "Command exited with non-zero status" first
		read -r t rss u s <<EOF
$(tail -n 1 "$tmp/t")
EOF
		if [ -z "$b" ] || [ "$(echo "$t $b" | awk '{ print ($1 < $2) }')" = 1 ]; then
			b=$t
			echo "$rss" >"$tmp/rss"
		fi
		u=$(echo "$u $s" | awk '{ print $1 + $2 }')
		if [ -z "$c" ] || [ "$(echo "$u $c" | awk '{ print ($1 < $2) }')" = 1 ]; then
			c=$u
		fi
		i=$((i + 1))
	done
	echo "$c" | awk '{ print ($1 < 0.01) ? 0.01 : $1 }' >"$tmp/cpu"
	echo "$b" | awk '{ print ($1 < 0.01) ? 0.01 : $1 }'
}
rate() { echo "$1 $2 $3" | awk '{ t = $2 - $3; if (t < 0.01) t = 0.01; printf "%.2f", $1 / 1e6 / t }'; }

echo 'قال دوروف إن Telegram عاد.' >"$tmp/one.txt"
s_ar=$(best "$runs" "$bin" -l "$tmp/one.txt")
c_s_ar=$(cat "$tmp/cpu")
s_hu=$(best 1 env LC_ALL=C.UTF-8 hunspell -d ar,en_US -l "$tmp/one.txt")
c_s_hu=$(cat "$tmp/cpu")
echo "start-up: arspell $s_ar s (CPU $c_s_ar s), hunspell $s_hu s (CPU $c_s_hu s) (target arspell < 0.5 s)"

for mb in 1 10; do
	in=$tmp/bench-$mb.txt
	top_srcdir=$top_srcdir sh "$top_srcdir/bench/make-corpus.sh" "$in" $mb
	bytes=$(wc -c <"$in")
	t_ar=$(best "$runs" "$bin" -l "$in")
	rss_ar=$(cat "$tmp/rss")
	c_ar=$(cat "$tmp/cpu")
	t_hu=$(best 1 env LC_ALL=C.UTF-8 hunspell -d ar,en_US -l "$in")
	rss_hu=$(cat "$tmp/rss")
	c_hu=$(cat "$tmp/cpu")
	g_ar=$(rate "$bytes" "$t_ar" 0)
	g_hu=$(rate "$bytes" "$t_hu" 0)
	n_ar=$(rate "$bytes" "$t_ar" "$s_ar")
	n_hu=$(rate "$bytes" "$t_hu" "$s_hu")
	echo "$mb MB: arspell -l $t_ar s = $g_ar MB/s ($n_ar net), peak RSS $rss_ar KB"
	echo "$mb MB: hunspell -l $t_hu s = $g_hu MB/s ($n_hu net), peak RSS $rss_hu KB"
	echo "$mb MB: ratio $(echo "$g_ar $g_hu" | awk '{ printf "%.1f", $1 / $2 }')x" \
	     "($(echo "$n_ar $n_hu" | awk '{ printf "%.1f", $1 / $2 }')x net; target 20x)"
	echo "$mb MB: CPU arspell $c_ar s, hunspell $c_hu s: ratio" \
	     "$(echo "$c_hu $c_ar" | awk '{ printf "%.1f", $1 / $2 }')x" \
	     "($(echo "$c_hu $c_s_hu $c_ar $c_s_ar" | awk '{ a = $3 - $4; if (a < 0.01) a = 0.01; printf "%.1f", ($1 - $2) / a }')x net of start-up)"
done

# With suggestions (issue 10): an article of 1,000 words and 300 KB of
# text from the head of the 1 MB slice, cut at a line end; arspell's report
# against hunspell -a on the same text (each line behind "^", so that no
# line is read as one of its commands).  Targets: < 0.3 s and < 2 s.
awk '{ n += NF; print; if (n >= 1000) exit }' "$tmp/bench-1.txt" >"$tmp/article.txt"
head -c 300000 "$tmp/bench-1.txt" | sed '$d' >"$tmp/300k.txt"
for f in article 300k; do
	sed 's/^/^/' "$tmp/$f.txt" >"$tmp/$f.a"
	t_ar=$(best "$runs" "$bin" "$tmp/$f.txt")
	c_ar=$(cat "$tmp/cpu")
	t_hu=$(best 1 env LC_ALL=C.UTF-8 sh -c 'hunspell -a -d ar,en_US <"$1"' sh "$tmp/$f.a")
	c_hu=$(cat "$tmp/cpu")
	echo "$f ($(awk '{ n += NF } END { print n }' "$tmp/$f.txt") words, $(wc -c <"$tmp/$f.txt") bytes) with suggestions:" \
	     "arspell $t_ar s (CPU $c_ar s), hunspell -a $t_hu s (CPU $c_hu s)" \
	     "(target $( [ $f = article ] && echo 0.3 || echo 2 ) s)"
done

seed=$top_srcdir/corpus/telegram-outage-ar.txt
t_seed=$(best "$runs" "$bin" "$seed")
echo "seed article report with suggestions: $t_seed s (CPU $(cat "$tmp/cpu") s; target < 1 s)"
