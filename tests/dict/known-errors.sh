#!/bin/sh
# known-errors.sh - dict/ar-known-errors.tsv: every line is "error<TAB>
# correction<TAB>reason" (comments start with #), the error and the
# correction are single words and differ, no error is listed twice, and
# hunspell -d ar accepts both the error and the correction: a form that the
# dictionary rejects is an ordinary typo, which does not belong in the list.
set -e
: "${top_srcdir:?}"
LC_ALL=C.UTF-8
export LC_ALL
list=$top_srcdir/dict/ar-known-errors.tsv
dir=$(mktemp -d "${TMPDIR:-/tmp}/ar-known.XXXXXX")
trap 'rm -rf "$dir"' EXIT
status=0

awk -F '\t' -v file="$list" '
	/^#/ || /^$/ { next }
	{
		where = file ":" NR ": "
		if (NF != 3) { print "FAIL: " where NF " fields, want 3"; bad = 1; next }
		if ($1 == "" || $2 == "" || $3 == "") { print "FAIL: " where "empty field"; bad = 1 }
		if ($1 ~ /[ ]/ || $2 ~ /[ ]/) { print "FAIL: " where "not a single word"; bad = 1 }
		if ($1 == $2) { print "FAIL: " where "the correction is the error"; bad = 1 }
		if (length($3) < 20) { print "FAIL: " where "the reason is too short"; bad = 1 }
		if ($1 in seen) { print "FAIL: " where "\"" $1 "\" already on line " seen[$1]; bad = 1 }
		seen[$1] = NR
		n++
	}
	END {
		if (n < 10) { print "FAIL: " file ": only " n + 0 " entries"; bad = 1 }
		exit bad
	}' "$list" || status=1

if ! command -v hunspell > /dev/null 2>&1; then
	echo "SKIP: no hunspell program (format checked: status $status)"
	[ $status -eq 0 ] && exit 77
	exit $status
fi
if ! echo test | hunspell -i UTF-8 -d ar -l > /dev/null 2> "$dir/err" || [ -s "$dir/err" ]; then
	echo "SKIP: hunspell has no Arabic dictionary (hunspell-ar)"
	[ $status -eq 0 ] && exit 77
	exit $status
fi
for col in 1 2; do
	grep -v '^#' "$list" | grep -v '^$' | cut -f $col > "$dir/words"
	hunspell -i UTF-8 -d ar -l < "$dir/words" > "$dir/rejected"
	while read -r w; do
		if [ $col -eq 1 ]; then
			echo "FAIL: hunspell -d ar rejects the error '$w': an ordinary typo, not a known error"
		else
			echo "FAIL: hunspell -d ar rejects the correction '$w'"
		fi
		status=1
	done < "$dir/rejected"
done
[ $status -eq 0 ] && echo "$(grep -cv '^#' "$list") known errors checked"
exit $status
