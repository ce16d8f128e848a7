#!/bin/sh
# hunspell-dic.sh - turn the names gazetteer into a hunspell .dic file.
#
# Usage: hunspell-dic.sh ar|en SRCDIR TSV... > NAME.dic
#        hunspell-dic.sh loan SRCDIR dict/ar-loanwords.txt > ar_loanwords.dic
#
# ar: every word of the ARABIC-SPELLINGS field, with (if longer than three
#     letters or a whole name) the flags of
#     dict/hunspell/ar_names.aff: A (proclitics و ف ب ل ك ال and their
#     combinations) or, for a word that starts with the article, B (the
#     proclitics that go before it: والقاهرة, للقاهرة).  A word written
#     with hamza on its alef is also listed without it (أمازون, امازون):
#     news text often drops the hamza.
# loan: every word of the loanword supplement (one per line, '#' starts a
#     comment), with the flags and the hamza-less variant of "ar".
# en: every word of CANONICAL and LATIN-VARIANTS with flag S (possessive
#     's, ’s and s').  A hyphenated word is listed whole and in parts,
#     since hunspell also checks the parts.  Brackets and punctuation
#     around a word are dropped (Yahoo!, Inc.: hunspell reads the word
#     without them).
#
# Words are deduplicated and sorted bytewise; the first line is the count,
# as hunspell wants.  POSIX sh, awk and sort only.
set -e
LC_ALL=C
export LC_ALL

if [ $# -lt 2 ]; then
	echo "usage: hunspell-dic.sh ar|en|loan SRCDIR FILE..." >&2
	exit 2
fi
script=$1
srcdir=$2
shift 2
case $script in
ar|en|loan) ;;
*) echo "hunspell-dic.sh: unknown script '$script' (ar, en or loan)" >&2; exit 2;;
esac

tmp=${TMPDIR:-/tmp}/hunspell-dic.$$
trap 'rm -f "$tmp"' EXIT
: > "$tmp"
for f in "$@"; do
	if [ ! -r "$srcdir/$f" ]; then
		echo "hunspell-dic.sh: $srcdir/$f: cannot read" >&2
		exit 1
	fi
	awk -F '	' -v script="$script" '
	# Proclitic flags for an Arabic word.  A part of a several-word
	# name that has three letters or fewer (6 bytes here, LC_ALL=C) gets
	# none: such parts (تاب in تاب سواب) would otherwise accept ordinary
	# words (ك + تاب = كتاب).  A whole short name (مصر) keeps them.
	function flags(w) {
		if (part && length(w) <= 6)
			return ""
		return substr(w, 1, 4) == "ال" ? "/B" : "/A"
	}
	function add_ar(w,   n) {
		# Arabic words only: every byte is non-ASCII.
		if (w == "" || w ~ /[\001-\177]/)
			return
		print w flags(w)
		n = w
		gsub(/أ|إ|آ/, "ا", n)
		if (n != w)
			print n flags(n)
	}
	function add_en(w,   k, n, p) {
		gsub(/[(),;:"!?]/, "", w)
		sub(/^[-'\'']+/, "", w)
		sub(/[-.'\'']+$/, "", w)
		# Latin words only: at least one ASCII letter, no Arabic.
		if (w !~ /[A-Za-z]/ || w ~ /[\330-\333]/)
			return
		print w "/S"
		n = split(w, p, "-")
		if (n > 1)
			for (k = 1; k <= n; k++)
				if (p[k] ~ /[A-Za-z]/)
					print p[k] "/S"
	}
	function words(field, kind,   i, j, n, m, alt, w) {
		if (field == "-")
			return
		n = split(field, alt, "|")
		for (i = 1; i <= n; i++) {
			# hunspell splits AC/DC into two words, and a slash in
			# a .dic word would start its flags.
			if (kind == "en")
				gsub(/\//, " ", alt[i])
			m = split(alt[i], w, " ")
			for (j = 1; j <= m; j++)
				if (kind == "ar") {
					part = m > 1
					add_ar(w[j])
				} else
					add_en(w[j])
		}
	}
	/^#/ || /^[ \t]*$/ { next }
	script == "loan" {
		sub(/\r$/, "")
		part = 0
		add_ar($1)
		next
	}
	NF != 4 { next }
	{
		sub(/\r$/, "", $4)
		if (script == "ar") {
			words($4, "ar")
		} else {
			words($2, "en")
			words($3, "en")
		}
	}' "$srcdir/$f" >> "$tmp"
done
sort -u "$tmp" > "$tmp.s"
mv "$tmp.s" "$tmp"
wc -l < "$tmp" | tr -d ' '
cat "$tmp"
