#!/bin/sh
# lint.sh - every gazetteer file listed in NAMES_TSV (dict/local.mk)
# follows dict/FORMAT.md, as dict/names/check.sh checks it (messages name
# FILE:LINE).
set -e
: "${top_srcdir:?}" "${top_builddir:?}"
set --
while read -r name; do
	[ -n "$name" ] && set -- "$@" "$top_srcdir/$name"
done < "$top_builddir/dict/names.list"
if [ $# -eq 0 ]; then
	echo "no gazetteer file listed"
	exit 1
fi
sh "$top_srcdir/dict/names/check.sh" "$@"
echo "$# gazetteer files checked"
