#!/bin/sh
# listed.sh - every gazetteer file in dict/names/ must be listed in
# NAMES_TSV (dict/local.mk), or it would be neither built into the library
# nor distributed; and every listed file must exist.
set -e
: "${top_srcdir:?}" "${top_builddir:?}"
list=$top_builddir/dict/names.list
status=0
for f in "$top_srcdir"/dict/names/*.tsv; do
	[ -e "$f" ] || continue
	name=dict/names/${f##*/}
	if ! grep -qxF "$name" "$list"; then
		echo "FAIL: $name is not listed in NAMES_TSV (dict/local.mk)"
		status=1
	fi
done
while read -r name; do
	if [ ! -r "$top_srcdir/$name" ]; then
		echo "FAIL: $name is listed in NAMES_TSV but missing"
		status=1
	fi
done < "$list"
echo "$(wc -l < "$list" | tr -d ' ') gazetteer files listed"
exit $status
