#!/bin/sh
# signals.sh - real signals while a tool writes -o FILE: an inherited
# "ignore" is kept (nohup), every signal that ends the tool removes the
# temporary file, and a replaced FILE always comes with status 0.
# Needs env --default-signal (GNU coreutils 8.31): a shell starts
# background jobs with SIGINT and SIGQUIT ignored.
tool=arnorm
. "$(dirname "$0")/common.sh"
ulimit -c 0 2>/dev/null # SIGQUIT and SIGXFSZ would dump core
env --default-signal=INT true 2>/dev/null ||
	{ echo "SKIP: env --default-signal is missing"; exit 77; }
mkfifo "$tmp/fifo" || exit 99
mkdir "$tmp/d"
o=$tmp/d/out.txt

temp_left() { ls -A "$tmp/d" | grep -q '^\.out\.txt\.'; }

# start [WRAPPER...]: the tool reads the FIFO and writes -o $o, its first
# line already read; sets pid and holds the FIFO open on fd 3.
start() {
	rm -f "$tmp/d"/.out.txt.*
	"$@" "$bin" -o "$o" <"$tmp/fifo" 2>"$tmp/err" &
	pid=$!
	exec 3>"$tmp/fifo"
	# (a subshell: a tool that is gone must not end the test by SIGPIPE)
	(printf 'first  line\n' >&3) 2>/dev/null
	i=0
	while [ $i -lt 50 ] && ! temp_left; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.2 # let it install its handlers
}

# 1. nohup: SIGHUP ignored stays ignored; the run completes.
rm -f "$o"
start nohup env --default-signal=INT
kill -HUP "$pid"
sleep 0.2
kill -0 "$pid" 2>/dev/null || fail "nohup: killed by SIGHUP"
(printf 'second  line\n' >&3) 2>/dev/null
exec 3>&-
wait "$pid"
rc=$?
[ "$rc" = 0 ] || fail "nohup: status $rc after SIGHUP"
printf 'first line\nsecond line\n' | cmp -s - "$o" ||
	fail "nohup: output '$(cat "$o" 2>/dev/null)'"
temp_left && fail "nohup: temporary file left"

# 2. each signal that ends the tool removes the temporary file; FILE is
# neither created nor clobbered.
for sn in HUP:1 INT:2 QUIT:3 USR1:10 PIPE:13 ALRM:14 TERM:15 XFSZ:25; do
	sig=${sn%:*}
	want=$((128 + ${sn#*:})) # Linux numbers
	for keep in no yes; do
		rm -f "$o"
		[ $keep = yes ] && echo old >"$o"
		start env --default-signal=INT,QUIT
		kill -s "$sig" "$pid"
		exec 3>&-
		wait "$pid"
		rc=$?
		[ "$rc" = "$want" ] || fail "SIG$sig: status $rc, expected $want"
		temp_left && fail "SIG$sig: temporary file left"
		if [ $keep = no ] && [ -e "$o" ]; then
			fail "SIG$sig: FILE created"
		elif [ $keep = yes ] && [ "$(cat "$o")" != old ]; then
			fail "SIG$sig: FILE clobbered"
		fi
	done
done

# 3. a real SIGXFSZ: output over the file size limit (ulimit -f counts
# 512-byte blocks); ignored, it is a write error.
i=0
while [ $i -lt 200 ]; do echo "line $i of the input"; i=$((i + 1)); done \
	>"$tmp/in.txt"
rm -f "$o"
(ulimit -f 1 && exec "$bin" -o "$o" "$tmp/in.txt") 2>"$tmp/err"
rc=$?
[ "$rc" = 153 ] || fail "file size limit: status $rc" # 128 + SIGXFSZ
temp_left && fail "file size limit: temporary file left"
[ -e "$o" ] && fail "file size limit: FILE created"
(trap '' XFSZ && ulimit -f 1 && exec "$bin" -o "$o" "$tmp/in.txt") \
	2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "file size limit, SIGXFSZ ignored: status $rc"
grep -q "^arnorm: write error: File too large$" "$tmp/err" ||
	fail "file size limit, SIGXFSZ ignored: $(cat "$tmp/err")"
temp_left && fail "file size limit, SIGXFSZ ignored: temporary file left"

# 4. SIGINT at any moment of a short run: either FILE replaced and status
# 0, or FILE untouched and status 130; never a replaced FILE with 130.
n=0
for d in 0 0.001 0.002 0.003 0.005 0.007 0.01 0.015 0.02 0.03; do
	echo old >"$o"
	rm -f "$tmp/d"/.out.txt.*
	env --default-signal=INT "$bin" -o "$o" "$tmp/in.txt" 2>/dev/null &
	pid=$!
	sleep $d
	kill -INT "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	# Under heavy load this test has seen $tmp/d vanish, cause unknown
	# (the tool removes no directory): say what is left, and who runs.
	if [ ! -d "$tmp/d" ]; then
		fail "SIGINT after $d s: $tmp/d is gone (status $rc)"
		ls -la "$tmp" 2>&1
		ps -eo pid,ppid,pgid,etimes,args 2>&1 | head -60
		break
	fi
	if [ "$(cat "$o")" = old ]; then
		[ "$rc" = 130 ] || fail "SIGINT after $d s: status $rc, FILE kept"
	else
		[ "$rc" = 0 ] || fail "SIGINT after $d s: status $rc, FILE replaced"
		n=$((n + 1))
	fi
	temp_left && fail "SIGINT after $d s: temporary file left"
done

finish
