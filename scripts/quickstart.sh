#!/bin/sh
# quickstart.sh - build libarabic in the source tree and run the whole
# pipeline on corpus/: normalize, tokenize, then spell-check, ending with
# arspell's report.  Expects the Debian packages to be installed
# (scripts/install-deps.sh).  Exit status 0 when everything ran, even if
# arspell reported misspellings (its status 1), non-zero on trouble.
set -eu
cd "$(dirname "$0")/.."
[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure -q
make -j"$(nproc 2>/dev/null || echo 2)"

for f in corpus/*.txt; do
	echo "== $f"
	printf 'arnorm: '
	tools/arnorm "$f" | wc -c | sed 's/$/ bytes normalized/'
	printf 'artok:  '
	tools/artok --format=tsv "$f" | wc -l | sed 's/$/ tokens/'
	echo "arspell report:"
	rc=0
	tools/arspell "$f" || rc=$?
	[ "$rc" -le 1 ] || exit "$rc"
done
