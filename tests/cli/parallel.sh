#!/bin/sh
# parallel.sh - the README's recipes for an archive with GNU parallel give
# what one run of the tool gives: one job per file (--keep-order), also
# through --sshlogin, and one stream cut at line boundaries (--pipe), for
# arnorm, artok and arspell;
# and the exit statuses say what the README says they say (the largest
# Exitval of --joblog is the status of a single run; --halt now,fail=1
# returns the failing job's status).  Skipped (77) without parallel.
tool=parallel
. "$(dirname "$0")/common.sh"
command -v parallel >/dev/null 2>&1 || { echo "SKIP: no GNU parallel"; exit 77; }
tools=$(cd "${top_builddir:-.}/tools" && pwd) || exit 99
src=${top_srcdir:-.}
# parallel keeps its state under $PARALLEL_HOME (~/.parallel otherwise);
# $HOME is set, as a login has it (CI may run with none, and parallel then
# takes /tmp for it).
HOME=$tmp/home
PARALLEL_HOME=$tmp/home/.parallel
export HOME PARALLEL_HOME
mkdir -p "$PARALLEL_HOME" "$tmp/archive" || exit 99

# An archive of small files: the corpus article and the passages of the
# names test set, cut every six lines.
cat "$src/corpus/telegram-outage-ar.txt" "$src/tests/names/passages.txt" \
	>"$tmp/all.txt"
(cd "$tmp/archive" && split -l 6 -a 3 -d --additional-suffix=.txt \
	"$tmp/all.txt" part-) || exit 99
n=$(ls "$tmp/archive" | wc -l)
[ "$n" -gt 5 ] || fail "only $n files in the archive"

# largest Exitval (column 7) of a joblog: the status of a single run
max_status() { awk 'NR > 1 && $7 > m { m = $7 } END { print m + 0 }' "$1"; }

# same_files CMD...: CMD over every file at once, then one job per file
same_files() {
	(cd "$tmp/archive" && "$@" part-*.txt) >"$tmp/single" 2>/dev/null
	want=$?
	# shellcheck disable=SC2086
	(cd "$tmp/archive" && parallel -j2 --keep-order ${remote:-} \
		--joblog "$tmp/jobs" "$@" ::: part-*.txt) \
		>"$tmp/sharded" 2>/dev/null
	got=$?
	cmp -s "$tmp/single" "$tmp/sharded" ||
		fail "$* over files: parallel's output differs from a single run"
	[ -s "$tmp/single" ] || fail "$* over files: no output"
	[ "$(max_status "$tmp/jobs")" = "$want" ] ||
		fail "$*: largest job status $(max_status "$tmp/jobs"), single run $want"
	# parallel itself exits with the number of jobs that did not exit 0
	nz=$(awk 'NR > 1 && $7 != 0' "$tmp/jobs" | wc -l)
	[ "$got" = "$nz" ] || fail "$*: parallel exited $got, $nz jobs failed"
}

# same_pipe CMD...: CMD on the whole stream, then on blocks of about 2 KB
# cut at line ends
same_pipe() {
	"$@" <"$tmp/all.txt" >"$tmp/single" 2>/dev/null
	want=$?
	parallel -j2 --pipe --block 2k --keep-order --joblog "$tmp/jobs" "$@" \
		<"$tmp/all.txt" >"$tmp/sharded" 2>/dev/null
	cmp -s "$tmp/single" "$tmp/sharded" ||
		fail "$* on a stream: parallel --pipe differs from a single run"
	[ -s "$tmp/single" ] || fail "$* on a stream: no output"
	[ "$(awk 'NR > 1' "$tmp/jobs" | wc -l)" -gt 2 ] ||
		fail "$* on a stream: not cut into blocks"
	[ "$(max_status "$tmp/jobs")" = "$want" ] ||
		fail "$* (--pipe): largest job status $(max_status "$tmp/jobs"), single run $want"
}

# One job per file: every output format, positions included.
same_files "$tools/arnorm"
same_files "$tools/artok"
same_files "$tools/artok" --format=tsv
same_files "$tools/arspell"
[ "$want" = 1 ] || fail "arspell found nothing in the archive"

# Jobs on two "machines" through ssh, as the README shows with
# --sshlogin: here a stand-in for ssh runs the command on this machine,
# in the same directory (--wd ., as with an archive on shared storage).
# Like a login through ssh, it starts in the home directory (parallel
# gives --wd . relative to $HOME when the directory is under it) and sets
# $SHELL, which parallel's remote side runs the job with.
cat >"$tmp/ssh" <<'SSH'
#!/bin/sh
# ssh HOST [--] COMMAND...: run COMMAND here, from $HOME
shift
[ "${1:-}" = -- ] && shift
cd "$HOME" || exit 255
SHELL=${SHELL:-/bin/sh}
export SHELL
exec sh -c "$*"
SSH
chmod +x "$tmp/ssh"
remote="--ssh $tmp/ssh -S 1/alpha,1/beta --wd ."
same_files "$tools/arspell"
grep -q '^[0-9]*	alpha	' "$tmp/jobs" && grep -q '^[0-9]*	beta	' "$tmp/jobs" ||
	fail "--sshlogin: the jobs did not go to both hosts"
remote=

# One stream in blocks: the outputs that carry no position.  arspell's
# consistency check spans a whole stream, so it is left out.
same_pipe "$tools/arnorm"
same_pipe "$tools/artok"
same_pipe "$tools/arspell" -l --no-consistency

# A missing file: the other files are still done, as in a single run,
# and the status is 2 either way.
same_files "$tools/arnorm" missing.txt
[ "$want" = 2 ] || fail "arnorm with a missing file exited $want"
(cd "$tmp/archive" && parallel --halt now,fail=1 "$tools/arnorm" \
	::: part-000.txt missing.txt) >/dev/null 2>&1
rc=$?
[ "$rc" = 2 ] || fail "--halt now,fail=1 exited $rc, expected arnorm's 2"

finish
