#!/bin/sh
# lint.sh - every gazetteer file listed in NAMES_TSV follows dict/FORMAT.md:
# four TAB-separated fields, a known TYPE, no empty alternative, Latin
# spellings without Arabic letters, Arabic spellings made of Arabic letters
# and single spaces only (no diacritics, tatweel, digits or Latin), no
# spelling twice in one entry, no entry twice in one file.  Messages name
# FILE:LINE.  POSIX sh and awk, bytewise (UTF-8 lead bytes 0xD8-0xDB are
# the Arabic block).
set -e
: "${top_srcdir:?}" "${top_builddir:?}"
LC_ALL=C
export LC_ALL
status=0
n=0
while read -r name; do
	[ -n "$name" ] || continue
	n=$((n + 1))
	awk -F '	' -v file="$name" '
	function bad(msg) {
		printf "%s:%d: %s\n", file, FNR, msg
		errors++
	}
	function alts(field, what, arabic,   i, k, a, seen, w) {
		if (field == "-")
			return
		k = split(field, a, "|")
		for (i = 1; i <= k; i++) {
			w = a[i]
			if (w == "")
				bad("empty " what " alternative")
			else if (w ~ /^ | $|  /)
				bad(what " \"" w "\": stray space")
			else if (arabic && w ~ /\331[\213-\222]|\331\260|\331\200/)
				bad(what " \"" w "\": diacritic or tatweel")
			else if (arabic && w ~ /[\001-\037!-\177\300-\327\334-\377]/)
				bad(what " \"" w "\": not Arabic script")
			else if (!arabic && w ~ /[\330-\333]/)
				bad(what " \"" w "\": Arabic letters")
			if (w in seen)
				bad(what " \"" w "\" given twice")
			seen[w] = 1
		}
	}
	BEGIN {
		split("person company product org country city region " \
		      "language currency other", t, " ")
		for (i in t)
			types[t[i]] = 1
	}
	/\r$/ { bad("CR at end of line"); next }
	/^#/ || /^[ \t]*$/ { next }
	NF != 4 { bad("expected 4 TAB-separated fields, got " NF); next }
	{
		if (!($1 in types))
			bad("unknown TYPE \"" $1 "\"")
		if ($2 == "-" || $2 == "" || $2 ~ /\|/)
			bad("CANONICAL must be one spelling")
		else if ($2 ~ /^ | $|  /)
			bad("CANONICAL \"" $2 "\": stray space")
		else if ($2 ~ /[\330-\333]/)
			bad("CANONICAL \"" $2 "\": Arabic letters")
		alts($3, "Latin variant", 0)
		alts($4, "Arabic spelling", 1)
		key = $1 "\t" $2
		if (key in entries)
			bad("entry " $1 " \"" $2 "\" already on line " entries[key])
		else
			entries[key] = FNR
	}
	END { exit errors > 0 }' "$top_srcdir/$name" || status=1
done < "$top_builddir/dict/names.list"
echo "$n gazetteer files checked"
exit $status
