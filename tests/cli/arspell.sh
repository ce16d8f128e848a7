#!/bin/sh
# arspell.sh - command-line behaviour of arspell: output formats, exit
# statuses (0 clean, 1 findings, 2 trouble, 2 wins), messages, missing
# dictionaries, --names and -p, the ispell pipe protocol compared with
# hunspell -a, write errors and closed pipes.
tool=arspell
. "$(dirname "$0")/common.sh"

# The checks need the Debian dictionaries.
if ! "$bin" </dev/null >/dev/null 2>"$tmp/err"; then
	if grep -q "not found" "$tmp/err"; then
		echo "SKIP: $(cat "$tmp/err")"
		exit 77
	fi
fi

# Our own names, so that the test does not depend on dict/.
printf 'company\tTelegram\t-\tتيليجرام|تلغرام\nperson\tPavel Durov\t-\tبافل دوروف\n' \
	>"$tmp/names.tsv"
N="--names=$tmp/names.tsv"
printf 'قال دوروف إن Telegram عاد.\nلكن Telegerm و Doroff خطأ.\n' >"$tmp/bad.txt"
printf 'قال دوروف إن Telegram عاد إلى العمل.\n' >"$tmp/good.txt"

# --help and --version on stdout, status 0
expect_status 0 "$bin" --help
grep -q '^Usage: arspell \[OPTION\]... \[FILE\]...' "$tmp/out" || fail "--help"
[ -s "$tmp/err" ] && fail "--help wrote to stderr"
expect_status 0 "$bin" --version
head -1 "$tmp/out" | grep -q '^arspell (libarabic) [0-9][0-9.]*$' ||
	fail "--version first line"

# bad options: one line and "Try", status 2
expect_status 2 "$bin" --bogus
grep -q "Try 'arspell --help' for more information." "$tmp/err" ||
	fail "--bogus message"
expect_status 2 "$bin" --format=xml "$tmp/good.txt"
expect_status 2 "$bin" --invalid=maybe "$tmp/good.txt"
for size in 100 0 -5 1Q 99999999999999999999G; do
	expect_status 2 "$bin" --cache-size=$size "$tmp/good.txt"
	grep -q "invalid argument '$size' for '--cache-size'" "$tmp/err" ||
		fail "--cache-size=$size: $(cat "$tmp/err")"
done

# 0 clean, 1 findings, 2 trouble (and 2 wins over 1)
expect_status 0 "$bin" "$N" "$tmp/good.txt"
[ -s "$tmp/out" ] && fail "output on a clean file"
expect_status 1 "$bin" "$N" "$tmp/bad.txt"
cat >"$tmp/want" <<EOF
$tmp/bad.txt:2:5: misspelled name 'Telegerm' (did you mean 'Telegram'?)
$tmp/bad.txt:2:16: misspelled name 'Doroff' (did you mean 'Durov'?)
EOF
cmp -s "$tmp/out" "$tmp/want" || { fail "default format"; diff "$tmp/want" "$tmp/out"; }
expect_status 2 "$bin" "$N" "$tmp/bad.txt" "$tmp/missing.txt"
grep -q "Telegerm" "$tmp/out" || fail "findings before a missing file"
grep -q "^arspell: $tmp/missing.txt: No such file or directory$" "$tmp/err" ||
	fail "missing file message"
expect_status 2 "$bin" "$N" "$tmp/missing.txt" "$tmp/good.txt"

# stdin, '-'
"$bin" "$N" <"$tmp/bad.txt" >"$tmp/a" 2>&1
[ $? = 1 ] || fail "stdin status"
grep -q '^(standard input):2:5: ' "$tmp/a" || fail "stdin name"
"$bin" "$N" - <"$tmp/bad.txt" >"$tmp/b" 2>&1
cmp -s "$tmp/a" "$tmp/b" || fail "- as stdin"

# -l, -L, -G exit as hunspell's (0 unless trouble); jsonl, tsv
expect_status 0 "$bin" "$N" -l "$tmp/bad.txt"
printf 'Telegerm\nDoroff\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "-l"
expect_status 2 "$bin" "$N" -l "$tmp/bad.txt" "$tmp/missing.txt"
expect_status 0 "$bin" "$N" -L "$tmp/bad.txt"
printf 'لكن Telegerm و Doroff خطأ.\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "-L"
expect_status 0 "$bin" "$N" -G -L "$tmp/bad.txt"
printf 'قال دوروف إن Telegram عاد.\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "-G -L"
expect_status 0 "$bin" "$N" -G "$tmp/bad.txt"
printf 'قال\nدوروف\nإن\nTelegram\nعاد\nلكن\nو\nخطأ\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || { fail "-G"; cat "$tmp/out"; }
expect_status 1 "$bin" "$N" --format=jsonl "$tmp/bad.txt"
head -1 "$tmp/out" >"$tmp/line"
printf '{"file":"%s","line":2,"col":5,"start":47,"end":55,"word":"Telegerm","kind":"name","suggestions":["Telegram"]}\n' \
	"$tmp/bad.txt" >"$tmp/want"
cmp -s "$tmp/line" "$tmp/want" || { fail "jsonl"; cat "$tmp/line"; }
expect_status 1 "$bin" "$N" --format=tsv "$tmp/bad.txt"
printf '%s\t2\t16\t59\t65\tDoroff\tname\tDurov\n' "$tmp/bad.txt" >"$tmp/want"
tail -1 "$tmp/out" | cmp -s - "$tmp/want" || fail "tsv"

# a file name that is not UTF-8: U+FFFD in JSON (valid JSON), kept in TSV
odd=$tmp/$(printf 'b\377d').txt
cp "$tmp/bad.txt" "$odd"
expect_status 1 "$bin" "$N" --format=jsonl "$odd"
head -1 "$tmp/out" | grep -q "^{\"file\":\"$tmp/b\\\\ufffdd.txt\",\"line\":2," ||
	{ fail "jsonl: non-UTF-8 file name"; head -1 "$tmp/out"; }
LC_ALL=C grep -q "$(printf '\377')" "$tmp/out" && fail "jsonl: raw byte of a file name"
expect_status 1 "$bin" "$N" --format=tsv "$odd"
printf '%s\n' "$odd" >"$tmp/name"
head -1 "$tmp/out" | cut -f1 | cmp -s - "$tmp/name" || fail "tsv: non-UTF-8 file name"

# unknown words get hunspell's suggestions
printf 'Hello wrld\n' >"$tmp/u.txt"
expect_status 1 "$bin" "$tmp/u.txt"
grep -q "^$tmp/u.txt:1:7: unknown word 'wrld' (did you mean 'weld', 'world'" \
	"$tmp/out" || fail "unknown word"

# inconsistent spelling of a name
printf 'company\tTelegram\t-\tتيليجرام|تلغرام\n' >"$tmp/n2.tsv"
printf 'تيليجرام ثم تيليجرام ثم تلغرام\n' >"$tmp/inc.txt"
expect_status 1 "$bin" --names="$tmp/n2.tsv" "$tmp/inc.txt"
grep -q ":1:25: inconsistent spelling of a name 'تلغرام' (did you mean 'تيليجرام'?)" \
	"$tmp/out" || { fail "inconsistent"; cat "$tmp/out"; }

# acronyms: accepted unless --check-acronyms
printf 'The XQZV team.\n' >"$tmp/ac.txt"
expect_status 0 "$bin" "$tmp/ac.txt"
expect_status 1 "$bin" --check-acronyms "$tmp/ac.txt"

# personal dictionary
printf 'wrld\n' >"$tmp/pers.dic"
expect_status 0 "$bin" -p "$tmp/pers.dic" "$tmp/u.txt"
expect_status 2 "$bin" -p "$tmp/none.dic" "$tmp/u.txt"

# bad gazetteer: file and line
printf 'company\tA\t-\t-\nplanet\tMars\t-\t-\n' >"$tmp/badnames.tsv"
expect_status 2 "$bin" --names="$tmp/badnames.tsv" "$tmp/good.txt"
grep -q "^arspell: $tmp/badnames.tsv:2: unknown type 'planet'" "$tmp/err" ||
	fail "gazetteer error message"

# missing dictionary: names it and the Debian package
expect_status 2 "$bin" -d ar,xx_YY "$tmp/good.txt"
grep -q "xx_YY" "$tmp/err" && grep -q "hunspell-xx-yy" "$tmp/err" ||
	fail "missing dictionary message"

# invalid UTF-8: 2 with the position, or replaced
printf 'fine\n\377 bad\n' >"$tmp/inv.txt"
expect_status 2 "$bin" "$tmp/inv.txt"
grep -q "inv.txt:2:1 (byte 5): invalid UTF-8" "$tmp/err" || fail "invalid UTF-8"
expect_status 0 "$bin" --invalid=replace "$tmp/inv.txt"

# write errors and closed pipes
if [ -w /dev/full ]; then
	"$bin" "$N" "$tmp/bad.txt" >/dev/full 2>"$tmp/err"
	[ $? = 2 ] || fail "/dev/full status"
	grep -q "write error" "$tmp/err" || fail "/dev/full message"
fi
i=0
while [ $i -lt 3000 ]; do echo "Telegerm wrld Doroff"; i=$((i + 1)); done \
	>"$tmp/big.txt"
"$bin" "$N" "$tmp/big.txt" 2>"$tmp/err" | head -1 >/dev/null
[ -s "$tmp/err" ] && fail "message on a closed pipe: $(cat "$tmp/err")"

# ispell clients: -v and -vv give the banner and 0 (Emacs runs PROG -vv
# first); ispell's options are accepted; -i takes UTF-8 only, for now
for v in -v -vv; do
	expect_status 0 "$bin" $v
	grep -q '^@(#) International Ispell Version 3.2.06 (but really arspell [0-9][0-9.]*)$' \
		"$tmp/out" || fail "$v banner"
done
printf 'Telegerm\n' >"$tmp/one.txt"
expect_status 0 "$bin" "$N" -a -m -B -C -S -t -n -H -P -x -M -N \
	-T latin1 -w "'" -W 3 "$tmp/one.txt"
grep -q '^& Telegerm 1 0: Telegram$' "$tmp/out" || fail "ispell options"
for enc in UTF-8 utf-8 utf8 UTF_8; do
	expect_status 0 "$bin" "$N" -a -i "$enc" "$tmp/one.txt"
done
expect_status 2 "$bin" -a -i no-such-encoding "$tmp/one.txt"
grep -q "^arspell: unknown input encoding 'no-such-encoding'" "$tmp/err" ||
	fail "-i no-such-encoding message"
# -D: the dictionaries in use, on stderr, as hunspell -D
expect_status 0 "$bin" -D -d en_US -l "$tmp/one.txt"
grep -q '^LOADED DICTIONARY:$' "$tmp/err" && grep -q '/en_US\.aff$' "$tmp/err" ||
	fail "-D"
grep -q 'LOADED' "$tmp/out" && fail "-D on stdout"

# -a FILE reads FILE in pipe mode, as hunspell -a FILE; a missing one is
# an error
expect_status 0 "$bin" "$N" -a "$tmp/one.txt"
sed -n 2,3p "$tmp/out" >"$tmp/o2"
printf '& Telegerm 1 0: Telegram\n\n' | cmp -s - "$tmp/o2" || fail "-a FILE"
expect_status 2 "$bin" "$N" -a "$tmp/missing.txt" "$tmp/one.txt"
grep -q "^arspell: $tmp/missing.txt: No such file or directory$" "$tmp/err" ||
	fail "-a missing FILE message"
grep -q '^& Telegerm' "$tmp/out" || fail "-a: the file after a missing one"

# -a: invalid UTF-8 does not end the line: the bad bytes are a word
# without suggestions, counted one character each, and the rest is checked
printf 'wrld \377\376 Telegerm\n\330\252\200 Doroff\n' |
	"$bin" "$N" -a >"$tmp/ours" 2>"$tmp/err" || fail "-a invalid UTF-8 status"
tail -n +2 "$tmp/ours" >"$tmp/o2"
printf '& wrld 4 0: weld, world, wild, wold\n# \377\376 5\n& Telegerm 1 8: Telegram\n\n' >"$tmp/want"
printf '*\n# \200 1\n& Doroff 1 3: Durov\n\n' >>"$tmp/want"
cmp -s "$tmp/o2" "$tmp/want" || { fail "-a invalid UTF-8"; od -c "$tmp/o2"; }

# -a: the ispell pipe protocol, as hunspell -a speaks it
printf 'hello wrld\nThe cat sat on teh mat.\nxyzzyq\n^hello wrld\n*wrld\nwrld ok\n!\nfine wrld\n%%\n\nfine\n+\nthe \\emph{wrld} \\textbf{blorf}\n-\nthe \\emph{blorf}\n' \
	>"$tmp/pipe.txt"
"$bin" -d en_US -a <"$tmp/pipe.txt" >"$tmp/ours" 2>&1 || fail "-a status"
head -1 "$tmp/ours" | grep -q '^@(#) International Ispell Version 3.2.06 (but really arspell ' ||
	fail "-a header"
if command -v hunspell >/dev/null 2>&1; then
	hunspell -d en_US -a <"$tmp/pipe.txt" >"$tmp/theirs" 2>&1
	tail -n +2 "$tmp/ours" >"$tmp/o2"
	tail -n +2 "$tmp/theirs" >"$tmp/t2"
	cmp -s "$tmp/o2" "$tmp/t2" || { fail "-a differs from hunspell -a"; diff "$tmp/t2" "$tmp/o2"; }
fi
# '#' appends the words of '*' and '&' lines (not '@') to the -p file
printf 'frobz\n' >"$tmp/pers2.dic"
printf '*qwzx\n@zzyzq\n&Blorfy\nqwzx zzyzq blorfy\n#\n*plonkx\n' |
	"$bin" -d en_US -p "$tmp/pers2.dic" -a >"$tmp/ours" 2>&1 || fail "-a # status"
printf 'frobz\nqwzx\nblorfy\n' >"$tmp/want"
cmp -s "$tmp/pers2.dic" "$tmp/want" || { fail "-a # saves"; cat "$tmp/pers2.dic"; }
sed -n 2,3p "$tmp/ours" >"$tmp/o2"
printf '*\n*\n' >"$tmp/want"
cmp -s "$tmp/o2" "$tmp/want" || { fail "-a * @ &"; cat "$tmp/ours"; }
printf '*zzq\n#\n' | "$bin" -d en_US -p "$tmp/new.dic" -a >/dev/null ||
	fail "-a # creating the file"
printf 'zzq\n' | cmp -s - "$tmp/new.dic" || fail "-a # creates the file"
printf 'zq\n*zzq\n#\n' | "$bin" -d en_US -p "$tmp/nodir/p.dic" -a \
	>"$tmp/ours" 2>"$tmp/err"
[ $? = 2 ] || fail "-a # to an unwritable file: status"
grep -q "nodir/p.dic: No such file or directory" "$tmp/err" ||
	fail "-a # to an unwritable file: message"

# the default personal dictionary: $XDG_CONFIG_HOME/libarabic/personal.dic
# (its directory created by '#', the file replaced whole), else
# ~/.config/..., unless $WORDLIST names one; read by every mode
printf 'qwzx\n' >"$tmp/q.txt"
printf '*qwzx\n@zzyzq\n#\n' | "$bin" -d en_US -a >/dev/null ||
	fail "-a # default personal dictionary: status"
printf 'qwzx\n' | cmp -s - "$XDG_CONFIG_HOME/libarabic/personal.dic" ||
	fail "-a # default personal dictionary"
expect_status 0 "$bin" -d en_US "$tmp/q.txt"
expect_status 0 "$bin" -d en_US -l "$tmp/q.txt"
[ -s "$tmp/out" ] && fail "-l with the default personal dictionary"
printf '*blorfy\n#\n' | "$bin" -d en_US -a >/dev/null
printf 'qwzx\nblorfy\n' | cmp -s - "$XDG_CONFIG_HOME/libarabic/personal.dic" ||
	fail "-a # appends to the default personal dictionary"
[ "$(ls "$XDG_CONFIG_HOME/libarabic")" = personal.dic ] ||
	fail "temporary files left: $(ls "$XDG_CONFIG_HOME/libarabic")"
expect_status 1 "$bin" -d en_US -p "$tmp/pers.dic" "$tmp/q.txt"
expect_status 1 env WORDLIST="$tmp/wl.dic" "$bin" -d en_US "$tmp/q.txt"
printf '*plonkx\n#\n' | WORDLIST=$tmp/wl.dic "$bin" -d en_US -a >/dev/null
printf 'plonkx\n' | cmp -s - "$tmp/wl.dic" || fail "\$WORDLIST"
# a symbolic link keeps pointing to the dictionary, which gets the word
printf 'frobz\n' >"$tmp/target.dic"
ln -s "$tmp/target.dic" "$tmp/link.dic"
printf '*qwzx\n#\n' | "$bin" -d en_US -p "$tmp/link.dic" -a >/dev/null
[ -L "$tmp/link.dic" ] || fail "-a # replaced a symbolic link"
printf 'frobz\nqwzx\n' | cmp -s - "$tmp/target.dic" || fail "-a # through a link"
mkdir "$tmp/home"
printf '*qwzx\n#\n' |
	XDG_CONFIG_HOME= HOME=$tmp/home "$bin" -d en_US -a >/dev/null
[ -f "$tmp/home/.config/libarabic/personal.dic" ] || fail "~/.config"

# a cache far too small for the corpus is emptied again and again: the
# same report, only slower
corpus=$(dirname "$0")/../../corpus
"$bin" "$N" "$corpus"/*.txt >"$tmp/big" 2>&1
"$bin" "$N" --cache-size=1K "$corpus"/*.txt >"$tmp/small" 2>&1
cmp -s "$tmp/big" "$tmp/small" || fail "--cache-size=1K changed the report"
[ -s "$tmp/big" ] || fail "no report on corpus/"

printf 'قال Telegerm\n' | "$bin" "$N" -a >"$tmp/ours"
sed -n 2,4p "$tmp/ours" >"$tmp/o2"
printf '*\n& Telegerm 1 4: Telegram\n\n' >"$tmp/want"
cmp -s "$tmp/o2" "$tmp/want" || { fail "-a with names"; cat "$tmp/ours"; }

finish
