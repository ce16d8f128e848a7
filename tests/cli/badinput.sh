#!/bin/sh
# badinput.sh - the bad-input catalogue: what arnorm, artok and arspell do
# with input and output that is empty, odd, broken or hostile.  Each case
# asserts the outcome documented in README.md, "What the tools promise on
# bad input" (exit status, message, output).
#
# Environment: top_srcdir, top_builddir (set by make check);
# BADINPUT_HEAVY=1 adds the slow cases (a 100 MB single line; "make
# check-heavy"); BADINPUT_TOOLS limits the tools (default: all three).
# A tool that is not built yet is skipped; if none is, exit 77 (skip).
set -u
LC_ALL=C
export LC_ALL
srcdir=${top_srcdir:-.}
bindir=${top_builddir:-.}/tools
catalogue=$srcdir/tests/cli/badinput/invalid-utf8.tsv
heavy=${BADINPUT_HEAVY:-0}
tools=${BADINPUT_TOOLS:-arnorm artok arspell}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/badinput.XXXXXX") || exit 99
cleanup() {
	wait    # for the writers of the SIGINT cases, which end at once
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ncases=0
nfail=0
tool=

pass() { ncases=$((ncases + 1)); }
fail() {
	ncases=$((ncases + 1))
	nfail=$((nfail + 1))
	echo "FAIL: $tool: $*"
	if [ -s "$tmp/err" ]; then
		echo "  stderr:"
		head -c 2000 "$tmp/err" | sed 's/^/    /'
	fi
}

# run ARGS... : run the current tool, stdout to $tmp/out, stderr to
# $tmp/err, status in $rc.  Input comes from the caller's redirection.
run() {
	"$bindir/$tool" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# Outcome checks; NAME describes the case in failure messages.
want_rc() { # NAME STATUS...
	name=$1
	shift
	for s in "$@"; do
		[ "$rc" = "$s" ] && return 0
	done
	fail "$name: exit status $rc, expected $*"
	return 1
}
ok_rc() { # NAME: 0, or 0/1 for arspell (findings are not trouble)
	if [ "$tool" = arspell ]; then want_rc "$1" 0 1; else want_rc "$1" 0; fi
}
no_err() { # NAME
	if [ -s "$tmp/err" ]; then
		fail "$1: unexpected message on stderr"
		return 1
	fi
	return 0
}
same_out() { # NAME FILE: stdout must equal FILE byte for byte
	if ! cmp -s "$tmp/out" "$2"; then
		fail "$1: output differs from $2"
		return 1
	fi
	return 0
}
err_has() { # NAME FIXED-STRING
	if ! grep -F -q -e "$2" "$tmp/err"; then
		fail "$1: stderr lacks '$2'"
		return 1
	fi
	return 0
}
# tsv_has NAME TOKEN START END: artok --format=tsv printed this token
tsv_has() {
	if ! awk -F '\t' -v t="$2" -v s="$3" -v e="$4" \
	    '$1 == t && $4 == s && $5 == e { f = 1 } END { exit !f }' \
	    "$tmp/out"; then
		fail "$1: no token '$2' at bytes [$3, $4)"
		return 1
	fi
	return 0
}
check() { # NAME: the usual success: status 0 (arspell 0/1), quiet stderr
	ok_rc "$1" && no_err "$1" && pass
}

# hex HEXSTRING: write the bytes (POSIX printf has octal escapes only)
hex() {
	h=$1
	while [ -n "$h" ]; do
		rest=${h#??}
		printf "\\$(printf %03o "0x${h%"$rest"}")"
		h=$rest
	done
}
# rep COUNT STRING: STRING repeated COUNT times
rep() {
	awk -v n="$1" -v s="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'
}
# big FILE BYTES UNIT: FILE of about BYTES bytes made of UNIT repeated,
# built by doubling so that 100 MB takes a fraction of a second
big() {
	printf '%s' "$3" >"$1"
	while [ "$(wc -c <"$1")" -lt "$2" ]; do
		cat "$1" "$1" >"$1.tmp" && mv "$1.tmp" "$1"
	done
}

# Shared inputs.
salam=$(printf '\330\263\331\204\330\247\331\205')        # سلام, 8 bytes
alam=$(printf '\330\271\330\247\331\204\331\205')         # عالم, 8 bytes
fffd=$(printf '\357\277\275')
printf '%s %s\n' "$salam" "$alam" >"$tmp/good.txt"
mkdir "$tmp/dir"

# Every class of invalid UTF-8 at the start, middle and end of a file and
# across the 64 KiB read buffer of tools/cli.c.  For each: the file, the
# byte offset, line and column of the first bad byte, the expected
# --profile=none --invalid=replace output.
make_invalid() {
	n=0
	: >"$tmp/inv.list"
	grep -v '^#' "$catalogue" | while IFS='	' read -r cname chex ccount; do
		b=$(hex "$chex"; echo x)
		b=${b%x}
		r=$(rep "$ccount" "$fffd")
		for where in start middle end boundary; do
			f=$tmp/inv-$cname-$where.txt
			case $where in
			start)
				printf '%s%s\n' "$b" "$salam" >"$f"
				printf '%s%s\n' "$r" "$salam" >"$f.rep"
				pos="0 1 1" ;;
			middle)
				printf '%s %s %s\n' "$salam" "$b" "$alam" >"$f"
				printf '%s %s %s\n' "$salam" "$r" "$alam" >"$f.rep"
				pos="9 1 6" ;;
			end)
				printf '%s\n%s %s' "$salam" "$alam" "$b" >"$f"
				printf '%s\n%s %s' "$salam" "$alam" "$r" >"$f.rep"
				pos="18 2 6" ;;
			boundary)
				# the sequence starts 2 bytes before 65536
				rep 65534 a >"$f"
				cp "$f" "$f.rep"
				printf '%sb\n' "$b" >>"$f"
				printf '%sb\n' "$r" >>"$f.rep"
				pos="65534 1 65535" ;;
			esac
			echo "$f $pos" >>"$tmp/inv.list"
		done
	done
}

# Valid multi-byte characters cut by the 64 KiB read buffer at each
# possible point: an emoji (4 bytes) starting 1, 2 and 3 bytes before it.
make_straddle() {
	emoji=$(printf '\360\237\230\200')
	for k in 1 2 3; do
		rep $((65536 - k)) a >"$tmp/straddle-$k.txt"
		printf '%s %s\n' "$emoji" "$salam" >>"$tmp/straddle-$k.txt"
	done
}

tool_built() {
	[ -x "$bindir/$1" ] || return 1
	v=$("$bindir/$1" --version 2>/dev/null | head -n 1)
	case $v in "$1 (libarabic) "*) return 0 ;; esac
	return 1
}

has_output_option() {
	"$bindir/$tool" --help 2>/dev/null | grep -q -e '-o,' -e '--output'
}

# The tool-specific options that make output comparable with the input:
# arnorm --profile=none is the identity on valid input.
identity_opts() {
	case $tool in
	arnorm) echo "--profile=none" ;;
	*) echo "" ;;
	esac
}

test_empty() {
	: >"$tmp/empty.txt"
	for how in stdin file; do
		if [ $how = stdin ]; then
			run </dev/null
		else
			run "$tmp/empty.txt"
		fi
		ok_rc "empty $how" && no_err "empty $how" || continue
		if [ -s "$tmp/out" ]; then
			fail "empty $how: output not empty"
		else
			pass
		fi
	done
}

test_line_ends() {
	printf '%s %s' "$salam" "$alam" >"$tmp/nonl.txt"
	printf '%s\r\n%s\r\n' "$salam" "$alam" >"$tmp/crlf.txt"
	printf '%s\r%s\r' "$salam" "$alam" >"$tmp/cr.txt"
	for f in nonl crlf cr; do
		run "$tmp/$f.txt"
		check "$f" || continue
		case $tool in
		arnorm)
			# No line end is added, removed or changed.
			same_out "$f (default profile)" "$tmp/$f.txt" ;;
		artok)
			run --format=tsv "$tmp/$f.txt"
			ok_rc "$f tsv" || continue
			tsv_has "$f" "$salam" 0 8
			case $f in
			crlf) tsv_has "$f" "$alam" 10 18 ;;
			*) tsv_has "$f" "$alam" 9 17 ;;
			esac
			if grep -q "$(printf '\r')" "$tmp/out"; then
				fail "$f: CR inside a token"
			fi ;;
		arspell)
			# A misspelling on line 2 after CRLF is at 2:1.
			printf 'Telegram\r\nTelegerm\r\n' >"$tmp/crlf2.txt"
			run "$tmp/crlf2.txt"
			want_rc "CRLF finding" 1 &&
			if ! grep -q "crlf2.txt:2:1: .*Telegerm'" "$tmp/out"; then
				fail "CRLF: no finding at 2:1"
			fi
			if grep -q "$(printf '\r')" "$tmp/out"; then
				fail "$f: CR in a finding"
			fi ;;
		esac
	done
}

test_bom() {
	printf '\357\273\277%s %s\n' "$salam" "$alam" >"$tmp/bom.txt"
	printf '%s %s\n' "$salam" "$alam" >"$tmp/nobom.txt"
	run "$tmp/bom.txt"
	check "BOM" || return
	case $tool in
	arnorm)
		# The BOM is not text: not written, whatever the profile.
		same_out "BOM (default profile drops it)" "$tmp/nobom.txt"
		run --profile=none "$tmp/bom.txt"
		same_out "BOM (profile none drops it)" "$tmp/nobom.txt" ;;
	artok)
		# offsets are into the file, the BOM included
		run --format=tsv "$tmp/bom.txt"
		tsv_has "BOM" "$salam" 3 11 ;;
	arspell)
		# the word after the BOM is at column 1, byte 3
		printf '\357\273\277Telegerm\n' >"$tmp/bom2.txt"
		run "$tmp/bom2.txt"
		want_rc "BOM finding" 1 &&
		if ! grep -q ":1:1: misspelled name 'Telegerm'" "$tmp/out"; then
			fail "BOM: the word after the BOM is not at column 1"
		fi
		run --format=tsv "$tmp/bom2.txt"
		if ! grep -q "	1	1	3	11	Telegerm	" "$tmp/out"; then
			fail "BOM: offsets of the word after the BOM"
		fi ;;
	esac
}

test_nul() {
	printf '%s\000%s\n\000\n' "$salam" "$alam" >"$tmp/nul.txt"
	run "$tmp/nul.txt"
	check "NUL bytes" || return
	case $tool in
	arnorm) same_out "NUL bytes are kept" "$tmp/nul.txt" ;;
	artok)
		run --format=tsv "$tmp/nul.txt"
		tsv_has "NUL" "$salam" 0 8 && tsv_has "NUL" "$alam" 9 17 ;;
	esac
}

test_invalid() {
	files=$(awk '{ print $1 }' "$tmp/inv.list")
	count=$(wc -l <"$tmp/inv.list")
	# Default (--invalid=error): one message per file with the position
	# of the first bad byte, the other files still read, status 2.
	# shellcheck disable=SC2086
	run $files
	want_rc "invalid UTF-8 (error)" 2 || return
	awk -v t="$tool" '{ printf "%s: %s:%s:%s (byte %s): invalid UTF-8\n",
	    t, $1, $3, $4, $2 }' "$tmp/inv.list" >"$tmp/inv.want"
	if grep -v -x -F -f "$tmp/err" "$tmp/inv.want" >"$tmp/inv.missing"; then
		fail "invalid UTF-8: missing or wrong messages, first:" \
		    "$(head -n 1 "$tmp/inv.missing")"
		return
	fi
	n=$(grep -c 'invalid UTF-8' "$tmp/err")
	[ "$n" -eq "$count" ] ||
		{ fail "invalid UTF-8: $n messages for $count files"; return; }
	pass
	# The same on standard input, named "(standard input)".
	f=$(head -n 1 "$tmp/inv.list" | awk '{ print $1 }')
	run <"$f"
	want_rc "invalid UTF-8 on stdin" 2 &&
	err_has "invalid UTF-8 on stdin" \
	    "$tool: (standard input):1:1 (byte 0): invalid UTF-8" && pass

	# --invalid=replace: U+FFFD for each maximal subpart; --invalid=keep:
	# the bytes go through untouched.  Status 0 (arspell: 0 or 1).
	# For arnorm --profile=none, the output is checked byte for byte.
	: >"$tmp/all.replace"
	: >"$tmp/all.keep"
	for f in $files; do
		cat "$f.rep" >>"$tmp/all.replace"
		cat "$f" >>"$tmp/all.keep"
	done
	for mode in replace keep; do
		# shellcheck disable=SC2046,SC2086
		run $(identity_opts) --invalid=$mode $files
		ok_rc "--invalid=$mode" || continue
		if [ "$tool" = arnorm ]; then
			same_out "--invalid=$mode" "$tmp/all.$mode" || continue
		fi
		pass
	done
}

test_straddle() {
	for k in 1 2 3; do
		f=$tmp/straddle-$k.txt
		# shellcheck disable=SC2046
		run $(identity_opts) "$f"
		check "valid character across the read buffer ($k)" || continue
		case $tool in
		arnorm) same_out "straddle $k" "$f" ;;
		artok)
			run --format=tsv "$f"
			tsv_has "straddle $k" "$(printf '\360\237\230\200')" \
			    $((65536 - k)) $((65540 - k)) ;;
		esac
	done
}

# A long single line and a 1 MB word: no crash, no hang, same output.
test_long() {
	if [ "$heavy" = 1 ]; then size=100000000; else size=4000000; fi
	unit="$salam $alam "
	big "$tmp/line.txt" "$size" "$unit"
	printf '%s\n' "$salam" >>"$tmp/line.txt"
	bytes=$(wc -c <"$tmp/line.txt")
	words=$(awk '{ n += NF } END { print n }' "$tmp/line.txt")
	case $tool in
	arnorm)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f %M -o "$tmp/rss" \
			    "$bindir/arnorm" "$tmp/line.txt" >"$tmp/out" \
			    2>"$tmp/err"
			rc=$?
		else
			run "$tmp/line.txt"
		fi
		check "single line of $bytes bytes" &&
		same_out "single line of $bytes bytes" "$tmp/line.txt"
		# Constant memory: a 100 MB line must not be held whole.
		if [ "$heavy" = 1 ] && [ -s "$tmp/rss" ] &&
		   [ "$(cat "$tmp/rss")" -gt 65536 ]; then
			fail "100 MB line: peak RSS $(cat "$tmp/rss") KiB"
		fi ;;
	artok)
		run --format=tsv "$tmp/line.txt"
		check "single line of $bytes bytes" || return
		n=$(($(wc -l <"$tmp/out")))
		[ "$n" -eq "$words" ] ||
			fail "single line: $n tokens for $words words"
		# offsets up to the end (past 10^8 in the heavy case)
		tsv_has "single line: first token" "$salam" 0 8 &&
		tsv_has "single line: last token" "$salam" $((bytes - 9)) \
		    $((bytes - 1)) ;;
	arspell)
		run "$tmp/line.txt"
		check "single line of $bytes bytes" ;;
	esac

	big "$tmp/word.txt" 1048576 "$(printf '\330\250')"   # ب x 524288
	printf '\n' >>"$tmp/word.txt"
	rep 1048576 a >"$tmp/lword.txt"
	printf '\n' >>"$tmp/lword.txt"
	for w in word lword; do
		case $tool in
		arnorm)
			run "$tmp/$w.txt"
			check "1 MB word ($w)" &&
			same_out "1 MB word ($w)" "$tmp/$w.txt" ;;
		artok)
			run --format=tsv "$tmp/$w.txt"
			check "1 MB word ($w)" || continue
			# One token, or (to keep memory bounded) consecutive
			# pieces that tile the word exactly.
			awk -F '\t' -v end=1048576 '
			    $4 != at || $5 <= $4 { bad = 1 } { at = $5 }
			    END { exit bad || at != end }' at=0 "$tmp/out" ||
			fail "1 MB word ($w): tokens do not tile [0, 1048576)"
			cut -f 1 "$tmp/out" | tr -d '\n' >"$tmp/joined"
			printf '\n' >>"$tmp/joined"
			cmp -s "$tmp/joined" "$tmp/$w.txt" ||
			fail "1 MB word ($w): token texts do not rebuild it" ;;
		arspell)
			run "$tmp/$w.txt"
			check "1 MB word ($w)" ;;
		esac
	done
}

test_bad_args() {
	run "$tmp/dir" "$tmp/good.txt"
	want_rc "directory argument" 2 &&
	err_has "directory argument" "$tool: $tmp/dir: Is a directory" &&
	pass
	if [ "$tool" = arnorm ]; then
		same_out "directory argument: next file still read" \
		    "$tmp/good.txt"
	fi

	run "$tmp/missing.txt" "$tmp/good.txt"
	want_rc "missing file" 2 &&
	err_has "missing file" \
	    "$tool: $tmp/missing.txt: No such file or directory" && pass
	if [ "$tool" = arnorm ]; then
		same_out "missing file: next file still read" "$tmp/good.txt"
	fi

	# A file that opens but cannot be read: even root gets EIO from
	# offset 0 of /proc/self/mem.
	if [ -r /proc/self/mem ]; then
		run /proc/self/mem "$tmp/good.txt"
		want_rc "unreadable file (EIO)" 2 &&
		err_has "unreadable file (EIO)" \
		    "$tool: /proc/self/mem: Input/output error" && pass
	fi
	# A file without read permission (root can read anything).
	cp "$tmp/good.txt" "$tmp/noread.txt"
	chmod 000 "$tmp/noread.txt"
	if [ -r "$tmp/noread.txt" ]; then
		[ "$tool" = arnorm ] &&
			echo "note: running as root: permission case skipped"
	else
		run "$tmp/noread.txt"
		want_rc "unreadable file" 2 &&
		err_has "unreadable file" \
		    "$tool: $tmp/noread.txt: Permission denied" && pass
	fi
}

test_output_errors() {
	case $tool in
	arspell) printf 'Telegerm Telegram\n' >"$tmp/out-in.txt" ;;
	*) cp "$tmp/good.txt" "$tmp/out-in.txt" ;;
	esac
	"$bindir/$tool" "$tmp/out-in.txt" >/dev/full 2>"$tmp/err"
	rc=$?
	want_rc "output to /dev/full" 2 &&
	err_has "output to /dev/full" \
	    "$tool: write error: No space left on device" && pass

	# A closed pipe ends the tool quietly: killed by SIGPIPE (141), or
	# status 2 without a message.  (arspell: a known error, which is
	# reported however often it is repeated; a repeated unknown word
	# would not be.)
	case $tool in
	arspell) big "$tmp/pipe.txt" 2000000 "$(printf '\330\264\330\246')
" ;; # شئ
	*) big "$tmp/pipe.txt" 2000000 "$salam $alam
" ;;
	esac
	{ "$bindir/$tool" "$tmp/pipe.txt" 2>"$tmp/err"; echo $? >"$tmp/rc"; } |
		head -c 100 >/dev/null
	rc=$(cat "$tmp/rc")
	want_rc "closed pipe" 141 2 && no_err "closed pipe" && pass
}

# -o FILE: written through a temporary file renamed at a successful exit,
# so a failure or an interruption never leaves a partial or clobbered file.
test_output_file() {
	has_output_option || return 0
	o=$tmp/o/result.txt
	mkdir -p "$tmp/o"
	run -o "$o" "$tmp/good.txt"
	check "-o FILE" && [ -f "$o" ] || fail "-o FILE: not created"
	rm -f "$o"

	f=$(awk 'NR == 2 { print $1 }' "$tmp/inv.list")
	run -o "$o" "$f"
	want_rc "-o FILE with invalid input" 2 &&
	if [ -e "$o" ]; then
		fail "-o FILE with invalid input: partial file left"
	else
		pass
	fi
	echo old >"$o"
	run -o "$o" "$f"
	if [ "$(cat "$o")" != old ]; then
		fail "-o FILE: previous content clobbered by a failed run"
	fi

	# SIGINT while the tool waits for more input.  A shell starts
	# background jobs with SIGINT ignored, which the tool keeps: give it
	# the default back (GNU env 8.31).
	env --default-signal=INT true 2>/dev/null || return 0
	for keep in no yes; do
		rm -f "$o"
		[ $keep = yes ] && echo old >"$o"
		# The writer ends at its first write after the tool is gone.
		{ cat "$tmp/good.txt"; while printf x; do sleep 0.1; done; } |
			env --default-signal=INT "$bindir/$tool" -o "$o" \
			2>"$tmp/err" &
		pid=$!
		i=0
		while [ $i -lt 50 ] &&
		      ! ls -A "$tmp/o" | grep -q '^\.result\.txt\.'; do
			sleep 0.1
			i=$((i + 1))
		done
		sleep 0.2   # let it install its signal handlers
		kill -INT "$pid" 2>/dev/null
		wait "$pid"
		rc=$?
		want_rc "SIGINT during -o FILE" 130 || continue
		if ls -A "$tmp/o" | grep -q '^\.result\.txt\.'; then
			fail "SIGINT during -o FILE: temporary file left"
		elif [ $keep = no ] && [ -e "$o" ]; then
			fail "SIGINT during -o FILE: partial file left"
		elif [ $keep = yes ] && [ "$(cat "$o")" != old ]; then
			fail "SIGINT during -o FILE: previous content lost"
		else
			pass
		fi
	done
	rm -rf "$tmp/o"
}

make_invalid
make_straddle
tested=0
for tool in $tools; do
	if ! tool_built "$tool"; then
		echo "SKIP: $tool is not built yet"
		continue
	fi
	tested=$((tested + 1))
	before=$nfail
	test_empty
	test_line_ends
	test_bom
	test_nul
	test_invalid
	test_straddle
	test_long
	test_bad_args
	test_output_errors
	test_output_file
	echo "$tool: $((nfail - before)) failures"
done
[ "$tested" -gt 0 ] || exit 77
echo "$ncases cases, $nfail failed"
[ "$nfail" -eq 0 ]
