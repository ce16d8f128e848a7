#!/bin/sh
# hunspell.sh - the gazetteer's hunspell dictionaries (dict/hunspell/) load
# in the real hunspell program, accept every word of NAME.good and flag
# every word of NAME.wrong (tests/dict/), one word per line.
set -e
: "${top_srcdir:?}" "${top_builddir:?}"
LC_ALL=C.UTF-8
export LC_ALL
if ! command -v hunspell > /dev/null 2>&1; then
	echo "SKIP: no hunspell program"
	exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/ar-hunspell.XXXXXX")
trap 'rm -rf "$dir"' EXIT
status=0
for d in ar_names en_names; do
	# hunspell wants the .aff (source tree) and .dic (build tree) side by
	# side.
	cp "$top_srcdir/dict/hunspell/$d.aff" "$top_builddir/dict/hunspell/$d.dic" "$dir/"
	good=$top_srcdir/tests/dict/$d.good
	wrong=$top_srcdir/tests/dict/$d.wrong
	# -l prints the rejected words; a dictionary that fails to load makes
	# hunspell exit non-zero.
	if ! hunspell -i UTF-8 -d "$dir/$d" -l < "$good" > "$dir/good.out" 2> "$dir/err"; then
		echo "FAIL: hunspell cannot load $d:"; cat "$dir/err"
		status=1
		continue
	fi
	if [ -s "$dir/err" ]; then
		echo "FAIL: hunspell complains about $d:"; cat "$dir/err"
		status=1
	fi
	while read -r w; do
		echo "FAIL: $d rejects '$w' ($d.good)"
		status=1
	done < "$dir/good.out"
	hunspell -i UTF-8 -d "$dir/$d" -l < "$wrong" > "$dir/wrong.out"
	grep -v '^#' "$wrong" | grep -v '^$' | while read -r w; do
		if ! grep -qxF "$w" "$dir/wrong.out"; then
			echo "FAIL: $d accepts '$w' ($d.wrong)"
			exit 1
		fi
	done || status=1
	echo "$d: $(grep -c . "$good") good, $(grep -c . "$wrong") wrong words checked"
done
exit $status
