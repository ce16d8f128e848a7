#!/bin/sh
# example.sh - the README's example program (doc/example.c) must be the
# one that is built and tested here, and must find the misspelled name.
set -u
src=${top_srcdir:-.}
prog=${top_builddir:-.}/doc/example
# The README quotes doc/example.c verbatim between ```c and ``` fences.
block=$(mktemp)
awk '/^```c$/ { on = 1; next } /^```$/ { on = 0 } on' "$src/README.md" >"$block"
if ! diff -u "$src/doc/example.c" "$block"; then
	echo "FAIL: README example differs from doc/example.c"
	rm -f "$block"
	exit 1
fi
rm -f "$block"
out=$("$prog") || { echo "FAIL: example exited $?"; exit 1; }
echo "$out"
case $out in
*"'Telegerm'"*"'Telegram'"*) echo "example: ok"; exit 0 ;;
esac
echo "FAIL: the example did not report Telegerm -> Telegram"
exit 1
