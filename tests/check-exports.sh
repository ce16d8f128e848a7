#!/bin/sh
# check-exports.sh - the shared library must export exactly the symbols
# listed in tests/exports.txt: nothing internal leaks, nothing public is
# lost by accident.  Skips (77) when there is no shared library or no nm.
set -u
lib=${top_builddir:-.}/libarabic/.libs/libarabic.so
[ -f "$lib" ] || { echo "no shared library, skipped"; exit 77; }
command -v nm >/dev/null 2>&1 || { echo "no nm, skipped"; exit 77; }
got=$(mktemp)
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDRB]$/ { print $3 }' |
	LC_ALL=C sort >"$got"
if diff -u "${top_srcdir:-.}/tests/exports.txt" "$got"; then
	echo "$(wc -l <"$got") exported symbols, as listed"
	rm -f "$got"
	exit 0
fi
rm -f "$got"
echo "FAIL: exported symbols differ from tests/exports.txt"
exit 1
