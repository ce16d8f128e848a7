#!/bin/sh
# golden.sh CORPUS/NAME.txt - run each built tool on a corpus article and
# compare with the expected output stored next to it:
#   NAME.norm   arnorm (default profile)        NAME.norm-search  --profile=search
#   NAME.tok    artok --format=tsv               NAME.spell        arspell
# Expected files change only in a reviewed commit.
set -u
LC_ALL=C
export LC_ALL
in=$1
base=${in%.txt}
bin=${top_builddir:-.}/tools
status=0
ran=0

check() { # check EXPECTED TOOL ARGS...
	exp=$1; shift
	[ -f "$exp" ] || { echo "missing expected file $exp"; status=1; return; }
	out=$(mktemp)
	"$@" <"$in" >"$out"
	rc=$?
	if [ "$1" = "$bin/arspell" ]; then ok="0 1"; else ok="0"; fi
	case " $ok " in *" $rc "*) ;; *) echo "$*: exit status $rc"; status=1;; esac
	if ! diff -u "$exp" "$out"; then
		echo "FAIL: $* differs from $exp"
		status=1
	fi
	rm -f "$out"
	ran=$((ran + 1))
}

check "$base.norm" "$bin/arnorm"
check "$base.norm-search" "$bin/arnorm" --profile=search
check "$base.tok" "$bin/artok" --format=tsv
check "$base.spell" "$bin/arspell"
echo "$ran golden comparisons for $in"
exit $status
