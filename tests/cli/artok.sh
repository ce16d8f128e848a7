#!/bin/sh
# artok.sh - command-line behaviour of artok: formats, exit statuses,
# messages, standard input, -o, write errors and closed pipes.
tool=artok
. "$(dirname "$0")/common.sh"

printf 'قال دوروف: عاد Telegram. #تيليجرام_داون\n\nNew one?\n' >"$tmp/in.txt"

# --help and --version on stdout, status 0
expect_status 0 "$bin" --help
grep -q '^Usage: artok \[OPTION\]... \[FILE\]...' "$tmp/out" || fail "--help"
[ -s "$tmp/err" ] && fail "--help wrote to stderr"
expect_status 0 "$bin" --version
head -1 "$tmp/out" | grep -q '^artok (libarabic) [0-9][0-9.]*$' ||
	fail "--version first line"

# bad options: one line and "Try", status 2
expect_status 2 "$bin" --bogus
grep -q "Try 'artok --help' for more information." "$tmp/err" ||
	fail "--bogus message"
expect_status 2 "$bin" --format=xml "$tmp/in.txt"
grep -q "format" "$tmp/err" || fail "--format=xml message"
expect_status 2 "$bin" --invalid=maybe "$tmp/in.txt"

# text: one token a line, blank line after each sentence
expect_status 0 "$bin" "$tmp/in.txt"
printf 'قال\nدوروف\n:\nعاد\nTelegram\n.\n\n#تيليجرام_داون\n\nNew\none\n?\n\n' \
	>"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "text format"

# stdin, '-' and FILE give the same output
"$bin" <"$tmp/in.txt" >"$tmp/a" 2>&1 || fail "stdin"
"$bin" - <"$tmp/in.txt" >"$tmp/b" 2>&1 || fail "- as stdin"
cmp -s "$tmp/a" "$tmp/want" && cmp -s "$tmp/b" "$tmp/want" ||
	fail "stdin output"

# tsv: 6 columns, offsets are the bytes of the input
expect_status 0 "$bin" --format=tsv "$tmp/in.txt"
awk -F'\t' 'NF != 6 { bad = 1 } END { exit bad }' "$tmp/out" ||
	fail "tsv columns"
while IFS="$(printf '\t')" read -r tok type script start end sent; do
	got=$(dd if="$tmp/in.txt" bs=1 skip="$start" count=$((end - start)) \
	      2>/dev/null)
	[ "$got" = "$tok" ] || fail "tsv offsets of '$tok' ($start-$end)"
done <"$tmp/out"
grep -q "$(printf '^Telegram\tlatin\tlatin\t')" "$tmp/out" || fail "tsv type"

# jsonl parses, one object a line
if command -v python3 >/dev/null 2>&1; then
	expect_status 0 "$bin" --format=jsonl "$tmp/in.txt"
	python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    assert set(["token", "type", "script", "start", "end", "sentence"]) <= set(o)
    n += 1
assert n == 10, n
' "$tmp/out" || fail "jsonl does not parse"
	printf 'a\xffb "q" \\ x' | "$bin" --invalid=keep --format=jsonl \
		>"$tmp/out" 2>&1 || fail "jsonl keep"
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line)
' "$tmp/out" || fail "jsonl with kept invalid bytes"
fi

# conllu: 10 columns, sentence comments, SpaceAfter=No
expect_status 0 "$bin" --format=conllu "$tmp/in.txt"
awk -F'\t' '
/^#/ { next }
/^$/ { next }
NF != 10 { print "columns: " $0; bad = 1 }
$1 !~ /^[0-9]+(-[0-9]+)?$/ { print "id: " $1; bad = 1 }
END { exit bad }' "$tmp/out" || fail "conllu columns"
grep -c '^# sent_id = ' "$tmp/out" | grep -qx 3 || fail "conllu sentences"
grep -q "$(printf '^2\tدوروف\t.*SpaceAfter=No')" "$tmp/out" ||
	fail "conllu SpaceAfter"

# every corpus article: each token is the input at its offsets and only
# whitespace lies between tokens, so tokens and spaces rebuild the input
if command -v python3 >/dev/null 2>&1; then
	for f in "${top_srcdir:-.}"/corpus/*.txt; do
		"$bin" --format=tsv "$f" >"$tmp/c.tsv" || fail "corpus $f"
		python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
pos = 0
for line in open(sys.argv[2], "rb"):
    tok, typ, scr, a, b, sent = line.rstrip(b"\n").split(b"\t")
    a, b = int(a), int(b)
    assert data[a:b] == tok, (a, b)
    gap = data[pos:a].decode("utf-8")
    assert all(c.isspace() or c in "\u200b\ufeff" for c in gap), (pos, a)
    pos = b
assert all(c.isspace() for c in data[pos:].decode("utf-8"))
' "$f" "$tmp/c.tsv" || fail "corpus $f is not rebuilt by its tokens"
	done
fi

# --normalize: normalized text, original offsets (the tatweel before the
# word is dropped, the one inside stays inside its span)
printf '\331\200\330\243\331\205\331\200\331\204 x\n' >"$tmp/n.txt"
expect_status 0 "$bin" --normalize=search --format=tsv "$tmp/n.txt"
grep -q "$(printf '^\330\247\331\205\331\204\tarabic\tarabic\t2\t10\t0$')" \
	"$tmp/out" || fail "--normalize offsets: $(cat "$tmp/out")"
expect_status 2 "$bin" --normalize=bogus "$tmp/n.txt"

# --segment: conllu ranges are followed by their words
if "$bin" --segment </dev/null >/dev/null 2>&1; then
	printf 'وبالكتاب قال له.\n' >"$tmp/s.txt"
	expect_status 0 "$bin" --segment --format=conllu "$tmp/s.txt"
	awk -F'\t' '
	/^#/ || /^$/ { next }
	$1 ~ /-/ { split($1, r, "-"); want = r[1]; last = r[2]; next }
	want { if ($1 != want) bad = 1; want = ($1 < last) ? $1 + 1 : 0 }
	END { exit bad || want }' "$tmp/out" || fail "conllu ranges"
	grep -q "$(printf '^1-4\tوبالكتاب\t')" "$tmp/out" || fail "conllu range"
	expect_status 0 "$bin" --segment "$tmp/s.txt"
	grep -qx 'و+ ب+ ال+ كتاب' "$tmp/out" || fail "--segment text"
	# UD: the article stays; one clitic a line, or a multiword line
	expect_status 0 "$bin" --segment --format=ud "$tmp/s.txt"
	printf 'و\nب\nالكتاب\nقال\nل\nه\n.\n\n' | cmp -s - "$tmp/out" ||
		fail "--format=ud --segment"
	expect_status 0 "$bin" --segment --format=ud-mwt "$tmp/s.txt"
	printf 'و+ ب+ الكتاب\nقال\nل+ +ه\n.\n\n' | cmp -s - "$tmp/out" ||
		fail "--format=ud-mwt --segment"
fi

# each FILE is a stream of its own: offsets start again at 0
"$bin" --format=tsv "$tmp/in.txt" >"$tmp/one.tsv"
"$bin" --format=tsv "$tmp/in.txt" "$tmp/in.txt" >"$tmp/two.tsv"
cat "$tmp/one.tsv" "$tmp/one.tsv" | cmp -s - "$tmp/two.tsv" ||
	fail "offsets do not restart with each file"

# offsets and sentence numbers of many digits (the TSV writer keeps the
# high digits of the last offset): 2^14 copies of the input, each copy's
# tokens are the first copy's, shifted by its bytes and sentences
cp "$tmp/in.txt" "$tmp/rep"
i=0
while [ $i -lt 14 ]; do
	cat "$tmp/rep" "$tmp/rep" >"$tmp/rep2" && mv "$tmp/rep2" "$tmp/rep"
	i=$((i + 1))
done
"$bin" --format=tsv "$tmp/rep" >"$tmp/rep.tsv" || fail "tsv of copies"
size=$(wc -c <"$tmp/in.txt")
awk -F'\t' -v size="$size" -v copies=16384 '
NR == FNR { tok[NR] = $1; a[NR] = $4; b[NR] = $5; s[NR] = $6; m = NR; next }
{
	k = int((FNR - 1) / m); j = (FNR - 1) % m + 1
	if ($1 != tok[j] || $4 != a[j] + k * size || $5 != b[j] + k * size ||
	    $6 != s[j] + k * (s[m] + 1)) {
		print "line " FNR ": " $0; bad = 1; exit
	}
	n = FNR
}
END { if (!bad && n != m * copies) { print n " lines"; bad = 1 }; exit bad }
' "$tmp/one.tsv" "$tmp/rep.tsv" || fail "tsv offsets of many digits"

# ud format: one token a line, blank line between sentences
expect_status 0 "$bin" --format=ud "$tmp/in.txt"
cmp -s "$tmp/out" "$tmp/want" || fail "ud format"

# invalid UTF-8: position, status 2; replace and keep go on
printf 'ab\ncd \377x\n' >"$tmp/bad.txt"
expect_status 2 "$bin" "$tmp/bad.txt"
grep -q "^artok: $tmp/bad.txt:2:4 (byte 6): invalid UTF-8\$" "$tmp/err" ||
	fail "invalid UTF-8 message: $(cat "$tmp/err")"
expect_status 0 "$bin" --invalid=replace "$tmp/bad.txt"
grep -q "$(printf '\357\277\275')" "$tmp/out" || fail "--invalid=replace"
expect_status 0 "$bin" --invalid=keep --format=tsv "$tmp/bad.txt"
grep -q "$(printf '\377')" "$tmp/out" || fail "--invalid=keep"

# a missing file: message, the others still done, status 2
expect_status 2 "$bin" "$tmp/nope" "$tmp/in.txt"
grep -q "^artok: $tmp/nope: No such file or directory\$" "$tmp/err" ||
	fail "missing file message"
grep -q '^Telegram$' "$tmp/out" || fail "later file not processed"

# -o FILE: written on success only
expect_status 0 "$bin" -o "$tmp/o.txt" "$tmp/in.txt"
cmp -s "$tmp/o.txt" "$tmp/want" || fail "-o"
echo keep >"$tmp/o2.txt"
expect_status 2 "$bin" -o "$tmp/o2.txt" "$tmp/bad.txt"
grep -qx keep "$tmp/o2.txt" || fail "-o replaced on failure"

# write errors and closed pipes
if [ -w /dev/full ]; then
	"$bin" "$tmp/in.txt" >/dev/full 2>"$tmp/err"
	[ $? = 2 ] || fail "/dev/full status"
	grep -q '^artok: write error' "$tmp/err" || fail "/dev/full message"
fi
i=0
while [ $i -lt 3000 ]; do cat "$tmp/in.txt"; i=$((i + 1)); done >"$tmp/big"
"$bin" "$tmp/big" 2>"$tmp/err" | head -1 >/dev/null
[ -s "$tmp/err" ] && fail "closed pipe printed: $(cat "$tmp/err")"

finish
