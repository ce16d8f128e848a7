#!/bin/sh
# tagged.sh - the hunspell supplements under language tags (ar_ZZ: names
# and loanwords; en_ZZ: Latin names) and the loanword dictionary load in
# the real hunspell, accept and flag what they should, and are chosen by
# tag through Enchant's hunspell provider (enchant-2 -d ar-ZZ), which
# ar_names is not.  The order of several dictionaries that gives name
# suggestions with stock hunspell (dict/README.md) is checked too.
set -e
: "${top_srcdir:?}" "${top_builddir:?}"
LC_ALL=C.UTF-8
export LC_ALL
if ! command -v hunspell > /dev/null 2>&1; then
	echo "SKIP: no hunspell program"
	exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/ar-tagged.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/hunspell"
for d in ar_ZZ en_ZZ ar_loanwords ar_names; do
	cp "$top_builddir/dict/hunspell/$d.aff" "$top_builddir/dict/hunspell/$d.dic" "$dir/hunspell/" 2> /dev/null ||
		cp "$top_srcdir/dict/hunspell/$d.aff" "$top_builddir/dict/hunspell/$d.dic" "$dir/hunspell/"
done
status=0
fail() {
	echo "FAIL: $*"
	status=1
}
# rejected DICT < WORDS: the words DICT rejects; fails on a load error.
rejected() {
	hunspell -i UTF-8 -d "$dir/hunspell/$1" -l 2> "$dir/err" || fail "hunspell cannot load $1: $(cat "$dir/err")"
	[ ! -s "$dir/err" ] || fail "hunspell complains about $1: $(cat "$dir/err")"
}

# Every loanword, bare and with proclitics and article, is in ar_loanwords
# and ar_ZZ; ar_ZZ also has every name of ar_names.good.
grep -v '^#' "$top_srcdir/dict/ar-loanwords.txt" | grep -v '^$' > "$dir/loan"
sed 's/^/وال/' "$dir/loan" | grep -v '^والال' > "$dir/loan2"
cat "$dir/loan" "$dir/loan2" > "$dir/loanall"
for d in ar_loanwords ar_ZZ; do
	rejected $d < "$dir/loanall" > "$dir/out"
	[ ! -s "$dir/out" ] || fail "$d rejects loanwords: $(head -3 "$dir/out" | tr '\n' ' ')"
done
rejected ar_ZZ < "$top_srcdir/tests/dict/ar_names.good" > "$dir/out"
[ ! -s "$dir/out" ] || fail "ar_ZZ rejects names: $(head -3 "$dir/out" | tr '\n' ' ')"
rejected en_ZZ < "$top_srcdir/tests/dict/en_names.good" > "$dir/out"
[ ! -s "$dir/out" ] || fail "en_ZZ rejects names: $(head -3 "$dir/out" | tr '\n' ' ')"
for d in ar_ZZ en_ZZ; do
	w=$top_srcdir/tests/dict/${d%_ZZ}_names.wrong
	grep -v '^#' "$w" | grep -v '^$' > "$dir/wrong"
	rejected $d < "$dir/wrong" > "$dir/out"
	cmp -s "$dir/wrong" "$dir/out" || fail "$d accepts words of $(basename "$w")"
done

# Stock hunspell with several dictionaries suggests from the dictionary
# that accepted the last correct word, the first one at the start: the
# order en_ZZ,en_US,ar_ZZ,ar of dict/README.md gives Telegram.
if [ -f /usr/share/hunspell/en_US.dic ] && [ -f /usr/share/hunspell/ar.dic ]; then
	printf 'Telegerm\n' |
		DICPATH=$dir/hunspell hunspell -i UTF-8 -d en_ZZ,en_US,ar_ZZ,ar -a |
		sed -n 2p > "$dir/out"
	grep -q '^& Telegerm [0-9]* 0: Telegram' "$dir/out" ||
		fail "hunspell -d en_ZZ,en_US,ar_ZZ,ar: $(cat "$dir/out")"
fi

# Enchant's hunspell provider reads $ENCHANT_CONFIG_DIR/hunspell: the tags
# ar_ZZ, ar-ZZ and en_ZZ select the supplements.
if command -v enchant-2 > /dev/null 2>&1; then
	ENCHANT_CONFIG_DIR=$dir
	export ENCHANT_CONFIG_DIR
	enchant-lsmod-2 -list-dicts > "$dir/dicts" 2>&1 || true
	for t in ar_ZZ en_ZZ; do
		grep -q "^$t (hunspell)" "$dir/dicts" || fail "enchant-lsmod-2 does not list $t"
	done
	for t in ar_ZZ ar-ZZ; do
		a=$(printf 'وأمازون\nكتاب\n' | enchant-2 -d $t -a | sed 1d | grep -v '^$' | tr '\n' ' ')
		case $a in
		'* & '* | '* # '*) ;;
		*) fail "enchant-2 -d $t -a: $a (want وأمازون correct, كتاب not)" ;;
		esac
	done
	a=$(printf 'Telegerm\n' | enchant-2 -d en_ZZ -a | sed -n 2p)
	case $a in
	'& Telegerm '*': Telegram'*) ;;
	*) fail "enchant-2 -d en_ZZ -a: $a" ;;
	esac
fi
exit $status
