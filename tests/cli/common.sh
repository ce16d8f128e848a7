# common.sh - what the CLI tests share; sourced, after setting `tool`:
#
#     tool=arnorm
#     . "$(dirname "$0")/common.sh"
#
# Sets a C locale, bin (the built tool, under $top_builddir/tools), tmp
# (a directory removed on exit), an empty XDG_CONFIG_HOME under it and
# fails (the failure count), and defines
#   fail MSG...             report a failure and count it;
#   expect_status WANT CMD... run CMD, its stdout in $tmp/out and stderr in
#                           $tmp/err, and fail unless it exits WANT;
#   finish                  print the summary; exit 1 if anything failed.
set -u
LC_ALL=C
export LC_ALL
bin=${top_builddir:-.}/tools/$tool
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# no personal dictionary of the user's: arspell's default one is under
# $XDG_CONFIG_HOME, unless $WORDLIST names one
XDG_CONFIG_HOME=$tmp/config
WORDLIST=
export XDG_CONFIG_HOME WORDLIST
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

expect_status() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, expected $want"
}

finish() {
	if [ "$fails" -ne 0 ]; then
		echo "$tool CLI: $fails failure(s)"
		exit 1
	fi
	echo "$tool CLI: all checks passed"
	exit 0
}
