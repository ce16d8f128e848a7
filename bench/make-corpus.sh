#!/bin/sh
# make-corpus.sh OUT [MB] - build a benchmark input of about MB megabytes
# (10^6 bytes, default 100), cut at a line end, never more than MB.
#
# Source: the four xz files of ../shared/bench-corpus (next to the source
# tree; override with BENCH_CORPUS=DIR), decompressed and interleaved one
# line at a time in the order cca-msa, aljazeera-diacritized,
# pud-wiki-ar-en, tashkeela-diacritized (a file that runs out of lines drops
# out of the rotation); the interleaved text is repeated until OUT is full.
# This gives the 1 MB and 10 MB files described in bench-corpus/README.md
# byte for byte.  Without that directory, the articles of corpus/*.txt are
# repeated instead, so the benchmarks also run in a plain clone.
set -eu
LC_ALL=C
export LC_ALL

usage() { echo "usage: $0 OUT [MB]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
out=$1
mb=${2:-100}
case $mb in ''|*[!0-9]*) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${top_srcdir:-$here/..}
dir=${BENCH_CORPUS:-$srcdir/../shared/bench-corpus}
limit=$((mb * 1000000))

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

set --
if [ -f "$dir/cca-msa.txt.xz" ]; then
	for f in cca-msa aljazeera-diacritized pud-wiki-ar-en \
	         tashkeela-diacritized; do
		xz -dc "$dir/$f.txt.xz" >"$tmp/$f.txt"
		set -- "$@" "$tmp/$f.txt"
	done
else
	echo "$0: $dir not found; repeating $srcdir/corpus/*.txt" >&2
	cat "$srcdir"/corpus/*.txt >"$tmp/corpus.txt"
	set -- "$tmp/corpus.txt"
fi

# Round-robin over the files' lines, repeated until the byte limit; every
# line is assumed to end with a newline (the inputs are LF text files).
awk -v limit="$limit" '
FNR == 1 { nf++ }
{ line[nf, FNR] = $0; n[nf] = FNR; if (FNR > max) max = FNR }
END {
	size = 0
	for (;;) {
		for (i = 1; i <= max; i++)
			for (f = 1; f <= nf; f++) {
				if (i > n[f])
					continue
				l = line[f, i]
				size += length(l) + 1
				if (size > limit)
					exit 0
				print l
			}
		if (max == 0)
			exit 0
	}
}' "$@" >"$out.tmp"
mv "$out.tmp" "$out"
