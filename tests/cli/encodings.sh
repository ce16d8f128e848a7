#!/bin/sh
# encodings.sh - input encodings in arnorm, artok and arspell: -i ENC
# (--input-encoding) through ICU, UTF-16 found by its byte-order mark, the
# UTF-8 BOM skipped, the hint of the "invalid UTF-8" message, invalid
# sequences of the encoding, an unknown name, a file larger than the read
# buffer, and arspell's pipe mode.  The inputs are written byte by byte.
tool=encodings # the tests name each tool
. "$(dirname "$0")/common.sh"
tools=${top_builddir:-.}/tools

# "قال دوروف: Telegerm.\n" in each encoding
printf '\331\202\330\247\331\204 \330\257\331\210\330\261\331\210\331\201: Telegerm.\n' \
	>"$tmp/utf8.txt"
printf '\336\307\341 \317\346\321\346\335: Telegerm.\n' >"$tmp/cp1256.txt"
printf '\342\307\344 \317\350\321\350\341: Telegerm.\n' >"$tmp/iso88596.txt"
printf 'B\006\047\006D\006 \000/\006H\0061\006H\006A\006:\000 \000T\000e\000l\000e\000g\000e\000r\000m\000.\000\n\000' \
	>"$tmp/le.txt"
printf '\006B\006\047\006D\000 \006/\006H\0061\006H\006A\000:\000 \000T\000e\000l\000e\000g\000e\000r\000m\000.\000\n' \
	>"$tmp/be.txt"
{ printf '\377\376'; cat "$tmp/le.txt"; } >"$tmp/lebom.txt"
{ printf '\376\377'; cat "$tmp/be.txt"; } >"$tmp/bebom.txt"
{ printf '\357\273\277'; cat "$tmp/utf8.txt"; } >"$tmp/utf8bom.txt"

# same_as WHAT FILE: stdout ($tmp/out) must equal FILE
same_as() {
	cmp -s "$tmp/out" "$2" || { fail "$1: output differs"; cat "$tmp/out"; }
}

# -- each tool gives for converted input what it gives for the UTF-8 text
# (offsets: into the UTF-8 text, whose bytes these are)
"$tools/arnorm" --profile=none "$tmp/utf8.txt" >"$tmp/norm.want"
"$tools/artok" --format=tsv "$tmp/utf8.txt" >"$tmp/tok.want"
# ENC FILE: ENC "-" for none
for t in "windows-1256 cp1256" "cp1256 cp1256" "ISO-8859-6 iso88596" \
	"UTF-16LE le" "UTF-16BE be" "UTF-16 be" "UTF-16 lebom" "UTF-16LE lebom" \
	"UTF-16BE bebom" "- lebom" "- bebom" "- utf8bom" "UTF-8 utf8bom"; do
	set -- $t
	f=$tmp/$2.txt
	case $1 in
	-) opt= ;;
	cp1256) opt=--input-encoding=$1 ;;
	*) opt="-i $1" ;;
	esac
	# shellcheck disable=SC2086
	expect_status 0 "$tools/arnorm" --profile=none $opt "$f"
	same_as "arnorm $t" "$tmp/norm.want"
	# shellcheck disable=SC2086
	expect_status 0 "$tools/artok" --format=tsv $opt "$f"
	case $t in
	*utf8bom) # offsets into the file: 3 bytes more
		awk -F'\t' -v OFS='\t' '{ $4 += 3; $5 += 3; print }' \
			"$tmp/tok.want" >"$tmp/tok.want3"
		same_as "artok $t" "$tmp/tok.want3" ;;
	*) same_as "artok $t" "$tmp/tok.want" ;;
	esac
done

# -- no -i: invalid UTF-8 with a hint, UTF-16 without a BOM refused
expect_status 2 "$tools/arnorm" "$tmp/cp1256.txt"
grep -q "^arnorm: $tmp/cp1256.txt:1:1 (byte 0): invalid UTF-8; the input looks like windows-1256: try -i windows-1256$" \
	"$tmp/err" || { fail "windows-1256 hint"; cat "$tmp/err"; }
expect_status 2 "$tools/artok" "$tmp/le.txt"
grep -q "^artok: $tmp/le.txt: the input looks like UTF-16LE without a byte-order mark: try -i UTF-16LE$" \
	"$tmp/err" || { fail "UTF-16LE without BOM"; cat "$tmp/err"; }
[ -s "$tmp/out" ] && fail "UTF-16LE without BOM: output"
expect_status 2 "$tools/arnorm" "$tmp/be.txt"
grep -q "looks like UTF-16BE without a byte-order mark: try -i UTF-16BE" \
	"$tmp/err" || { fail "UTF-16BE without BOM"; cat "$tmp/err"; }
# UTF-16 met after valid text: the hint names it
{ printf 'abcd\n\nx\000\351\000 \000'; cat "$tmp/le.txt"; } >"$tmp/late.txt"
expect_status 2 "$tools/arnorm" "$tmp/late.txt"
grep -q "^arnorm: $tmp/late.txt:3:3 (byte 8): invalid UTF-8; the input looks like UTF-16LE: try -i UTF-16LE$" \
	"$tmp/err" || { fail "UTF-16LE hint"; cat "$tmp/err"; }
# an ordinary bad byte gets no hint
printf 'abc \351t\351\n' >"$tmp/latin1.txt"
expect_status 2 "$tools/arnorm" "$tmp/latin1.txt"
grep -q "^arnorm: $tmp/latin1.txt:1:5 (byte 4): invalid UTF-8$" "$tmp/err" ||
	{ fail "no hint for Latin-1"; cat "$tmp/err"; }

# -- unknown encoding: status 2, named, nothing read
for t in arnorm artok arspell; do
	expect_status 2 "$tools/$t" -i no-such-encoding "$tmp/utf8.txt"
	grep -q "^$t: unknown input encoding 'no-such-encoding'" "$tmp/err" ||
		{ fail "$t: unknown encoding message"; cat "$tmp/err"; }
	[ -s "$tmp/out" ] && fail "$t: unknown encoding: output"
	expect_status 2 "$tools/$t" --input-encoding= "$tmp/utf8.txt"
done

# -- a sequence that is not valid in the encoding: position in the input
# bytes; the text before it is written; --invalid=replace gives U+FFFD
printf 'a\000b\000\000\330c\000' >"$tmp/lone.txt" # a lone high surrogate
expect_status 2 "$tools/arnorm" --profile=none -i UTF-16LE "$tmp/lone.txt"
grep -q "^arnorm: $tmp/lone.txt:1:3 (byte 4): invalid UTF-16LE$" "$tmp/err" ||
	{ fail "invalid UTF-16LE message"; cat "$tmp/err"; }
printf 'ab' | cmp -s - "$tmp/out" || fail "text before an invalid sequence"
expect_status 0 "$tools/arnorm" --profile=none -i UTF-16LE --invalid=replace \
	"$tmp/lone.txt"
printf 'ab\357\277\275c' | cmp -s - "$tmp/out" || fail "--invalid=replace"
grep -q "^arnorm: $tmp/lone.txt: 1 invalid UTF-16LE sequence replaced$" \
	"$tmp/err" || { fail "replaced count"; cat "$tmp/err"; }
printf 'a\000b\000c' >"$tmp/odd.txt" # an odd number of bytes
expect_status 2 "$tools/artok" -i UTF-16LE "$tmp/odd.txt"
grep -q "^artok: $tmp/odd.txt:1:3 (byte 4): invalid UTF-16LE$" "$tmp/err" ||
	{ fail "truncated UTF-16LE"; cat "$tmp/err"; }
printf 'ab' | cat - "$tmp/iso88596.txt" >"$tmp/iso-bad.txt"
printf '\241\n' >>"$tmp/iso-bad.txt" # not a character in ISO-8859-6
expect_status 2 "$tools/arnorm" -i ISO-8859-6 "$tmp/iso-bad.txt"
grep -q "^arnorm: $tmp/iso-bad.txt:2:1 (byte 23): invalid ISO-8859-6$" \
	"$tmp/err" || { fail "invalid ISO-8859-6"; cat "$tmp/err"; }

# -- larger than the read buffer (64 KiB), with characters of 2 and 4
# bytes (a surrogate pair) across its boundary; on standard input
# The UTF-16 files are 10 bytes (5 characters) longer than a multiple of
# the 14 bytes of a line, so that 65536 falls inside the emoji's pair.
printf '####\n' >"$tmp/big8.txt"
printf '#\000#\000#\000#\000\n\000' >"$tmp/big16.txt"
printf '###\n' >"$tmp/big8b.txt"
printf '\377\376#\000#\000#\000\n\000' >"$tmp/big16bom.txt"
i=0
while [ $i -lt 6000 ]; do
	printf 'x\330\247\360\237\230\200 \331\204\n'
	i=$((i + 1))
done >"$tmp/lines8.txt"
i=0
while [ $i -lt 6000 ]; do
	printf 'x\000\047\006\075\330\000\336 \000D\006\n\000'
	i=$((i + 1))
done >"$tmp/lines16.txt"
cat "$tmp/lines8.txt" >>"$tmp/big8.txt"
cat "$tmp/lines8.txt" >>"$tmp/big8b.txt"
cat "$tmp/lines16.txt" >>"$tmp/big16.txt"
cat "$tmp/lines16.txt" >>"$tmp/big16bom.txt"
expect_status 0 "$tools/arnorm" --profile=none -i UTF-16LE <"$tmp/big16.txt"
same_as "arnorm: UTF-16 larger than the buffer" "$tmp/big8.txt"
"$tools/artok" --format=tsv "$tmp/big8b.txt" >"$tmp/big.want"
expect_status 0 "$tools/artok" --format=tsv - <"$tmp/big16bom.txt"
same_as "artok: UTF-16 larger than the buffer" "$tmp/big.want"

# -- arspell: findings at the same line and column, and the pipe mode
if "$tools/arspell" </dev/null >/dev/null 2>"$tmp/err" ||
	! grep -q "not found" "$tmp/err"; then
	printf 'company\tTelegram\t-\tتيليجرام\nperson\tPavel Durov\t-\tبافل دوروف\n' \
		>"$tmp/names.tsv"
	N="--names=$tmp/names.tsv"
	for t in "windows-1256 cp1256" "UTF-16BE be" "- lebom" "- utf8bom"; do
		set -- $t
		f=$tmp/$2.txt
		if [ "$1" = - ]; then opt=; else opt="-i $1"; fi
		# shellcheck disable=SC2086
		expect_status 1 "$tools/arspell" "$N" $opt "$f"
		echo "$f:1:12: misspelled name 'Telegerm' (did you mean 'Telegram'?)" |
			cmp -s - "$tmp/out" || { fail "arspell $t"; cat "$tmp/out"; }
	done
	expect_status 2 "$tools/arspell" "$N" "$tmp/cp1256.txt"
	grep -q "try -i windows-1256$" "$tmp/err" || fail "arspell: hint"
	for t in "windows-1256 cp1256" "- lebom" "UTF-16LE le" "- utf8bom"; do
		set -- $t
		f=$tmp/$2.txt
		if [ "$1" = - ]; then opt=; else opt="-i $1"; fi
		# shellcheck disable=SC2086
		expect_status 0 "$tools/arspell" "$N" -a $opt <"$f"
		grep '^&' "$tmp/out" >"$tmp/amp"
		echo "& Telegerm 1 11: Telegram" | cmp -s - "$tmp/amp" ||
			{ fail "arspell -a $t"; cat "$tmp/out"; }
	done
	# the pipe mode reads a byte at a time: no byte offset in the message
	printf 'a\000\000\330b\000\n\000' >"$tmp/lone2.txt"
	expect_status 2 "$tools/arspell" "$N" -a -i UTF-16LE <"$tmp/lone2.txt"
	grep -q "^arspell: (standard input):1:2: invalid UTF-16LE$" "$tmp/err" ||
		{ fail "arspell -a: invalid UTF-16LE"; cat "$tmp/err"; }
	expect_status 0 "$tools/arspell" "$N" -a -i UTF-16LE --invalid=replace \
		<"$tmp/lone2.txt"
	[ -s "$tmp/err" ] && fail "arspell -a --invalid=replace: message"
else
	echo "SKIP: arspell: $(cat "$tmp/err")"
fi

finish
