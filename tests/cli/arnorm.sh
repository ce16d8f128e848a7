#!/bin/sh
# arnorm.sh - command-line behaviour of arnorm: exit statuses, messages,
# --help/--version on stdout, operations and --no-OP, -o, invalid UTF-8,
# missing files, write errors and a closed pipe.
tool=arnorm
. "$(dirname "$0")/common.sh"

# expect STATUS STDOUT-FILE-CONTENT CMD... : run, compare status and stdout
expect() {
	want_rc=$1; want_out=$2; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = "$want_rc" ] || fail "$* : status $rc, expected $want_rc"
	printf '%s' "$want_out" | cmp -s - "$tmp/out" ||
		fail "$* : output '$(cat "$tmp/out")', expected '$want_out'"
}
err_is() { # exact stderr of the last expect
	printf '%s\n' "$1" | cmp -s - "$tmp/err" ||
		fail "stderr '$(cat "$tmp/err")', expected '$1'"
}

# -- help, version, bad options
"$bin" --help >"$tmp/out" 2>"$tmp/err" || fail "--help status"
grep -q '^Usage: arnorm \[OPTION\]... \[FILE\]...' "$tmp/out" || fail "--help text"
[ -s "$tmp/err" ] && fail "--help wrote to stderr"
for op in nfc nfkc-arabic nfkc strip-diacritics strip-tatweel alef ya \
	ta-marbuta hamza persian digits punct invisible spaces profile invalid; do
	grep -q -- "--$op" "$tmp/out" || fail "--help misses --$op"
done
"$bin" --version >"$tmp/out" 2>"$tmp/err" || fail "--version status"
head -1 "$tmp/out" | grep -q '^arnorm (libarabic) [0-9][0-9.]*$' || fail "--version line"
expect 2 "" "$bin" --bogus
grep -q "Try 'arnorm --help'" "$tmp/err" || fail "bad option message"
expect 2 "" "$bin" --profile=fast
expect 2 "" "$bin" --digits=roman
expect 2 "" "$bin" --invalid=ignore

# -- operations, profiles, --no-OP (input: "  علی   ة١٢ ، ـ\n")
in=$(printf '  \330\271\331\204\333\214   \330\251\331\241\331\242 \330\214 \331\200\n')
printf '%s\n' "$in" >"$tmp/in"
clean=$(printf '\330\271\331\204\331\211 \330\251\331\241\331\242 \330\214\n')
search=$(printf '\330\271\331\204\331\212 \331\20712 ,\n')
expect 0 "$clean
" "$bin" "$tmp/in"
expect 0 "$clean
" "$bin" --profile=clean "$tmp/in"
expect 0 "$search
" "$bin" --profile=search "$tmp/in"
expect 0 "$in
" "$bin" --profile=none "$tmp/in"
expect 0 "$(printf '\330\271\331\204\331\212 \330\25112 ,')
" "$bin" --profile=search --no-ta-marbuta "$tmp/in"
expect 0 "$(printf '\330\271\331\204\331\212 \331\207\331\241\331\242 ,')
" "$bin" --profile=search --digits=keep "$tmp/in"
# an operation alone is that operation only
expect 0 "$(printf '  \330\271\331\204\333\214   \330\251\331\241\331\242 \330\214 \331\200')
" "$bin" --hamza "$tmp/in"
expect 0 "$(printf '  \330\271\331\204\333\214   \330\251\331\241\331\242 , \331\200')
" "$bin" --punct "$tmp/in"
# --no-OP alone removes it from the default
expect 0 "$(printf '\330\271\331\204\333\214 \330\251\331\241\331\242 \330\214')
" "$bin" --no-persian "$tmp/in"
expect 0 "$(printf '\330\271\331\204\333\214 \330\251\331\241\331\242 \330\214 \331\200')
" sh -c "'$bin' --spaces --no-spaces --profile=none --spaces '$tmp/in' - </dev/null"
[ -z "$(printf 'a \n' | "$bin" --profile=none --spaces | tr -d 'a\n')" ] ||
	fail "--spaces trim"

# -- standard input, '-', several files, -o
expect 0 "x y
" sh -c "printf 'x  y\n' | '$bin'"
expect 0 "x y
$clean
" sh -c "printf 'x  y\n' | '$bin' - '$tmp/in'"
expect 0 "" "$bin" -o "$tmp/o" "$tmp/in"
printf '%s\n' "$clean" | cmp -s - "$tmp/o" || fail "-o FILE content"

# -- missing file: reported, others still processed, status 2
expect 2 "$clean
" "$bin" "$tmp/missing" "$tmp/in"
err_is "arnorm: $tmp/missing: No such file or directory"

# -- invalid UTF-8: what comes before the fault is written
printf 'ok\n\330\271\377x\n' >"$tmp/bad"
ok=$(printf 'ok\n\330\271')
expect 2 "$ok" "$bin" "$tmp/bad"
err_is "arnorm: $tmp/bad:2:2 (byte 5): invalid UTF-8"
expect 2 "$ok" sh -c "'$bin' < '$tmp/bad'"
err_is "arnorm: (standard input):2:2 (byte 5): invalid UTF-8"
expect 0 "$(printf 'ok\n\330\271\357\277\275x')
" "$bin" --invalid=replace "$tmp/bad"
err_is "arnorm: $tmp/bad: 1 invalid UTF-8 sequence replaced"
expect 0 "$(printf 'ok\n\330\271\377x')
" "$bin" --invalid=keep "$tmp/bad"
# an error in one file does not spoil the next
expect 2 "$ok$clean
" "$bin" "$tmp/bad" "$tmp/in"
printf '\330' >"$tmp/trunc"
expect 2 "" "$bin" "$tmp/trunc"
err_is "arnorm: $tmp/trunc:1:1 (byte 0): invalid UTF-8"
expect 2 "$clean
" "$bin" "$tmp/trunc" "$tmp/in"

# -- write error and closed pipe
if [ -w /dev/full ]; then
	"$bin" "$tmp/in" >/dev/full 2>"$tmp/err"
	rc=$?
	[ $rc = 2 ] || fail "/dev/full status $rc"
	grep -q '^arnorm: write error: ' "$tmp/err" || fail "/dev/full message"
fi
i=0
while [ $i -lt 2000 ]; do
	cat "$tmp/in" "$tmp/in" "$tmp/in" "$tmp/in" "$tmp/in"
	i=$((i + 1))
done >"$tmp/big"
"$bin" "$tmp/big" "$tmp/big" 2>"$tmp/err" | head -1 >/dev/null
[ -s "$tmp/err" ] && fail "closed pipe wrote: $(cat "$tmp/err")"

finish
