#!/bin/sh
# check.sh - check gazetteer source files against dict/FORMAT.md.
#
# Usage: dict/names/check.sh [FILE...]
# Without arguments, checks every dict/names/*.tsv next to this script.
# Prints FILE:LINE: message for each problem and exits 1 if there was
# any, 2 if a file cannot be read, 0 otherwise.
#
# Checked: four TAB-separated fields; a known TYPE; no empty field and no
# empty alternative (a|b|, a||b), no leading, trailing or double spaces;
# "-" only as a whole field (not as CANONICAL); the Arabic field holds only
# Arabic letters (U+0621-U+063A, U+0641-U+064A) and single spaces, so no
# diacritics, tatweel, digits or Latin; the Latin fields hold no
# Arabic-script character; no alternative repeated within a field; no
# duplicate line and no TYPE+CANONICAL given twice in one file.
#
# POSIX sh and awk only.  The awk program works on bytes (LC_ALL=C) and
# recognises Arabic letters by their UTF-8 encoding.

LC_ALL=C
export LC_ALL

if [ $# -eq 0 ]; then
	dir=$(dirname "$0")
	set -- "$dir"/*.tsv
	if [ ! -e "$1" ]; then
		echo "check.sh: no .tsv file in $dir" >&2
		exit 2
	fi
fi

for f in "$@"; do
	if [ ! -r "$f" ]; then
		echo "check.sh: cannot read $f" >&2
		exit 2
	fi
done

awk '
function err(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg
	bad = 1
}
# Checks one field made of |-separated alternatives.  kind is "latin" or
# "arabic"; name is used in messages.
function checkfield(s, kind, name,    n, i, a, alt, rest, seen) {
	if (s == "") {
		err(name " is empty")
		return
	}
	if (s == "-")
		return
	n = split(s, a, "|")
	for (i = 1; i <= n; i++) {
		alt = a[i]
		if (alt == "") {
			err("empty alternative in " name)
			continue
		}
		if (alt == "-") {
			err("\"-\" among other alternatives in " name)
			continue
		}
		if (alt ~ /^ / || alt ~ / $/)
			err("leading or trailing space in " name " \"" alt "\"")
		if (alt ~ /  /)
			err("double space in " name " \"" alt "\"")
		if (alt in seen)
			err("\"" alt "\" repeated in " name)
		seen[alt] = 1
		if (kind == "arabic") {
			rest = alt
			gsub(/\330[\241-\272]|\331[\201-\212]| /, "", rest)
			if (rest != "") {
				if (rest ~ /\331[\213-\237]|\331\260/)
					err("diacritic in " name " \"" alt "\"")
				else if (rest ~ /\331\200/)
					err("tatweel in " name " \"" alt "\"")
				else
					err("not an Arabic letter in " name \
					    " \"" alt "\"")
			}
		} else {
			if (alt ~ /[\330-\333]/)
				err("Arabic script in " name " \"" alt "\"")
			if (alt ~ /[\001-\037\177]/)
				err("control character in " name)
		}
	}
}
BEGIN {
	FS = "\t"
	split("person company product org country city region language " \
	    "currency other", t, " ")
	for (i in t)
		types[t[i]] = 1
	bad = 0
}
FNR == 1 {
	split("", keys)
	split("", lines)
}
/^#/ || /^[ \t]*$/ {
	next
}
{
	if (/\r$/) {
		err("carriage return at end of line")
		sub(/\r$/, "")
	}
	if (NF != 4) {
		err("expected 4 TAB-separated fields, found " NF)
		next
	}
	if (!($1 in types))
		err("unknown TYPE \"" $1 "\"")
	if ($2 == "-" || $2 ~ /\|/)
		err("CANONICAL must be one spelling, not \"" $2 "\"")
	checkfield($2, "latin", "CANONICAL")
	checkfield($3, "latin", "LATIN-VARIANTS")
	checkfield($4, "arabic", "ARABIC-SPELLINGS")
	k = $1 "\t" $2
	if ($0 in lines)
		err("duplicate of line " lines[$0])
	else if (k in keys)
		err($1 " \"" $2 "\" already given on line " keys[k])
	lines[$0] = FNR
	keys[k] = FNR
}
END {
	exit bad
}
' "$@"
