#!/bin/sh
# clang-format.sh - the C sources are formatted as .clang-format says.
#
# Runs clang-format on every C and C++ source and header of the tree and
# fails on the first difference, naming the file (the fix is
# `clang-format -i FILE`).  Formatting changes between clang-format major
# versions, so the check needs the version the tree was formatted with
# (CLANG_FORMAT_MAJOR below); with no clang-format, or another version,
# it is skipped (exit 77).  CLANG_FORMAT names another binary.
set -u
srcdir=${top_srcdir:-.}
cf=${CLANG_FORMAT:-clang-format}
CLANG_FORMAT_MAJOR=14

if ! command -v "$cf" >/dev/null 2>&1; then
	echo "SKIP: $cf not found"
	exit 77
fi
major=$("$cf" --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [ "$major" != "$CLANG_FORMAT_MAJOR" ]; then
	echo "SKIP: $cf is version ${major:-unknown}, the tree follows $CLANG_FORMAT_MAJOR"
	exit 77
fi

bad=0
n=0
for f in "$srcdir"/libarabic/*.c "$srcdir"/libarabic/*.h \
         "$srcdir"/libarabic/arabic/*.h "$srcdir"/libarabic/arabic/*.h.in \
         "$srcdir"/tools/*.c "$srcdir"/tools/*.h \
         "$srcdir"/tests/*.c "$srcdir"/tests/*.cc "$srcdir"/tests/*/*.c \
         "$srcdir"/tests/*/*.cc \
         "$srcdir"/fuzz/*.c "$srcdir"/fuzz/*.h "$srcdir"/bench/*.c \
         "$srcdir"/enchant/*.c \
         "$srcdir"/dict/gen/*.cc "$srcdir"/doc/*.c "$srcdir"/libarabic/*.cc; do
	[ -f "$f" ] || continue
	# written by the build (in the source tree when it is built there)
	case $f in
	*/libarabic/names_data.c | */libarabic/freq_data.c | \
	*/libarabic/arabic/version.h) continue ;;
	esac
	n=$((n + 1))
	if ! "$cf" --style=file "$f" | cmp -s - "$f"; then
		echo "FAIL: $f is not formatted (clang-format -i $f)"
		bad=$((bad + 1))
	fi
done
echo "clang-format: $n files checked, $bad not formatted"
[ "$bad" -eq 0 ]
