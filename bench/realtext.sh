#!/bin/sh
# bench/realtext.sh - spell-checking accuracy on real news, scored by
# ../shared/realtext-eval (make_dev_set.py, inject.py, score.py): tools/arspell
# and plain "hunspell -d ar,en_US" on the same 170 article-sized pieces of the
# bench corpus, the same run.
#
#   sh bench/realtext.sh [EXTRA SCORE.PY OPTIONS, e.g. --examples 20]
#
# For each checker: findings per 1,000 words of clean text; false alarms per
# 1,000 words (findings that are not hamza-less or final-letter spellings of
# dictionary words) and those of kind "name"; recall of the injected typos;
# first-suggestion accuracy (top1) and top5; then the time to check the 170
# corrupted pieces with suggestions (arspell --format=jsonl, hunspell -a),
# wall and CPU.  The targets of the spell-checking issue are printed last.
#
# REALTEXT=DIR points to another copy of realtext-eval; DEV=DIR reuses (or
# creates once) the generated set there instead of a temporary one;
# HUNSPELL=0 skips the hunspell baseline (it takes a few minutes).  The set
# is a test set: it is used to measure, never to build word lists (see
# dict/gen/attested.sh, which leaves its pieces out).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${top_srcdir:-$here/..}
builddir=${top_builddir:-.}
rt=${REALTEXT:-$srcdir/../shared/realtext-eval}
bin=$builddir/tools/arspell

if [ ! -f "$rt/score.py" ] || [ ! -f "$rt/inject.py" ]; then
	echo "bench/realtext: $rt/score.py not found (set REALTEXT); skipped"
	exit 0
fi
for c in python3 hunspell; do
	command -v $c >/dev/null 2>&1 ||
		{ echo "bench/realtext: $c not found; skipped"; exit 0; }
done
[ -x "$bin" ] || { echo "realtext.sh: $bin not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "realtext.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/arspell

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
dev=${DEV:-$tmp/dev}
if [ ! -f "$dev/key.tsv" ]; then
	python3 "$rt/make_dev_set.py" "$dev" >/dev/null
	python3 "$rt/inject.py" "$dev" | tail -n 1
fi
commit=$(git -C "$srcdir" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "realtext-eval set: $(ls "$dev/articles" | grep -c '^[0-9]*\.txt$') pieces," \
     "$(($(wc -l <"$dev/key.tsv") - 1)) injected typos; arspell at $commit"

# timed CMD...: run CMD with stdout discarded (exit 1 = findings is fine);
# prints "WALL s (CPU s)".
timed() {
	rc=0
	/usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || rc=$?
	[ $rc -le 1 ] || { cat "$tmp/err" >&2; echo "realtext.sh: $1 failed" >&2; exit 1; }
	tail -n 1 "$tmp/t" | awk '{ printf "%s s (CPU %.2f s)", $1, $2 + $3 }'
}

echo "== arspell"
python3 "$rt/score.py" --dir "$dev" "$@" arspell "$bin" || [ $? -eq 1 ]
(cd "$dev/corrupted" && cat [0-9]*.txt) >"$tmp/all.txt"
words=$(python3 -c 'import re,sys; print(len(re.findall(r"[A-Za-z\u0621-\u0652\u0670-\u06D3]+", open(sys.argv[1], encoding="utf-8").read())))' "$tmp/all.txt")
t_ar=$(cd "$dev/corrupted" && timed "$bin" --format=jsonl [0-9]*.txt)
echo "time: arspell --format=jsonl on the corrupted pieces ($words words): $t_ar"
if [ "${HUNSPELL:-1}" != 0 ]; then
	echo "== hunspell -d ar,en_US (baseline)"
	python3 "$rt/score.py" --dir "$dev" "$@" hunspell || [ $? -eq 1 ]
	# hunspell -a, one "^"-escaped input line per text line, as score.py does
	sed 's/^/^/' "$tmp/all.txt" >"$tmp/all.a"
	t_hu=$(timed env LC_ALL=C.UTF-8 hunspell -a -i utf-8 -d ar,en_US "$tmp/all.a")
	echo "time: hunspell -a on the same text: $t_hu"
fi
echo "targets (spell-checking issue): false alarms <= 5 per 1,000 words, \"name\" <= 1," \
     "recall >= 0.95, top1 >= 0.80"
