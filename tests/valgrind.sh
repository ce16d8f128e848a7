#!/bin/sh
# valgrind.sh - run each built tool under valgrind memcheck over every
# corpus/*.txt, with the main option sets, and over a few bad inputs, and
# the fuzz replay programs over fuzz/regress/; fail on any memcheck error
# or leak ("make check-valgrind").
#
# Environment: top_srcdir, top_builddir, LIBTOOL (set by make).  The tools
# are libtool wrappers in a shared build, so valgrind runs through
# "libtool --mode=execute".  Memcheck errors exit with 99, apart from the
# tools' own 0/1/2 (arspell exits 1 for findings).
set -u
LC_ALL=C
export LC_ALL
srcdir=${top_srcdir:-.}
bindir=${top_builddir:-.}/tools
libtool=${LIBTOOL:-${top_builddir:-.}/libtool}
command -v valgrind >/dev/null 2>&1 ||
	{ echo "valgrind not found: apt-get install valgrind"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/valgrind.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
printf 'a \330\263\331\204\330\247\331\205 \355\240\200 b\n' >"$tmp/bad.txt"
printf '\357\273\277Telegerm \000 \r\n' >"$tmp/odd.txt"

runs=0
fails=0
vg() { # LOG ARGS...: one run; statuses 0-2 are the tool's own
	log=$1
	shift
	runs=$((runs + 1))
	# shellcheck disable=SC2086
	$libtool --mode=execute valgrind -q --error-exitcode=99 \
		--leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible \
		--track-origins=yes --log-file="$log" \
		"$@" >/dev/null 2>"$tmp/stderr"
	rc=$?
	if [ "$rc" -gt 2 ] || [ -s "$log" ]; then
		fails=$((fails + 1))
		echo "FAIL (status $rc): $*"
		sed 's/^/  /' "$log"
	fi
}

for tool in arnorm artok arspell; do
	v=$("$bindir/$tool" --version 2>/dev/null | head -n 1)
	case $v in
	"$tool (libarabic) "*) ;;
	*) echo "SKIP: $tool is not built yet"; continue ;;
	esac
	case $tool in
	arnorm) sets="--profile=clean|--profile=search|--profile=none|--invalid=replace" ;;
	artok) sets="--format=tsv|--format=jsonl --normalize=search|--format=conllu --segment" ;;
	arspell) sets="|-l|--format=jsonl" ;;
	esac
	n=0
	for f in "$srcdir"/corpus/*.txt "$tmp/bad.txt" "$tmp/odd.txt"; do
		old_ifs=$IFS
		IFS='|'
		# shellcheck disable=SC2086
		set -- $sets
		IFS=$old_ifs
		for opts in "$@"; do
			n=$((n + 1))
			# shellcheck disable=SC2086
			vg "$tmp/$tool.$n.log" "$bindir/$tool" $opts "$f"
		done
	done
	echo "$tool: $n runs"
done
# The fuzz replay programs over the inputs that once found bugs: memcheck
# also sees reads of uninitialized memory, which the sanitizer build
# cannot.
for r in "${top_builddir:-.}"/fuzz/replay_*; do
	[ -x "$r" ] || continue
	name=${r##*/replay_}
	[ -d "$srcdir/fuzz/regress/$name" ] || continue
	vg "$tmp/replay_$name.log" "$r" "$srcdir/fuzz/regress/$name"
done
echo "$runs runs under memcheck, $fails failed"
[ "$runs" -gt 0 ] || exit 77
[ "$fails" -eq 0 ]
