#!/bin/sh
# libreoffice.sh - the LibreOffice extension (make oxt) in a real
# LibreOffice: ask its spell checker about وأمازون, Durov and Telegerm in
# the Arabic and English locales, first in a fresh profile, then after
# "unopkg add" of the extension into that profile.  Without the extension
# the names are wrong; with it they are correct and Telegerm is wrong
# with Telegram first.  Run by "make check-libreoffice" (LibreOffice takes
# seconds to start, so it is not part of make check).  Skips (77) without
# soffice, unopkg or Python's uno module (Debian: libreoffice-writer-nogui
# or libreoffice-writer, python3-uno).
# Usage: libreoffice.sh FILE.oxt
set -e
: "${top_srcdir:?}"
oxt=${1:?usage: libreoffice.sh FILE.oxt}
LC_ALL=C.UTF-8
export LC_ALL
PATH=$PATH:/usr/lib/libreoffice/program
if ! command -v soffice > /dev/null 2>&1 || ! command -v unopkg > /dev/null 2>&1; then
	echo "SKIP: no soffice or unopkg (Debian package libreoffice-writer-nogui)"
	exit 77
fi
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import uno' > /dev/null 2>&1; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	echo "SKIP: no Python uno module (Debian package python3-uno)"
	exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/ar-libreoffice.XXXXXX")
trap 'rm -rf "$dir"' EXIT
# LibreOffice, unopkg and the Python client run with HOME and TMPDIR in
# $dir/home, and the profile there too.  unopkg refuses to add an extension
# to a user's profile as root, so as root they run as nobody, as a user
# would (the client too: the pipe's name carries the user id).
mkdir "$dir/home"
cp "$oxt" "$top_srcdir/tests/clients/libreoffice.py" "$dir/home/"
as=
if [ "$(id -u)" = 0 ]; then
	chmod 755 "$dir"
	chown -R 65534:65534 "$dir/home"
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	if ! $as true; then
		echo "SKIP: root, and cannot run as nobody with setpriv"
		exit 77
	fi
fi
HOME=$dir/home
TMPDIR=$dir/home
export HOME TMPDIR
# (and from there: soffice changes to its working directory, which nobody
# may not enter, a build tree under /root or a private temporary one)
cd "$dir/home"
profile=file://$dir/home/profile
oxt=$dir/home/$(basename "$oxt")
words='ar:وأمازون ar:تيليجرام en-US:Durov en-US:Telegerm ar:Telegerm'

# ask NAME: start a headless LibreOffice on the profile, ask about the
# words, write the answers to $dir/NAME.
ask() {
	$as soffice --headless --invisible --nologo --norestore --nolockcheck \
		"-env:UserInstallation=$profile" \
		"--accept=pipe,name=arlo$$;urp;" > "$dir/soffice.log" 2>&1 &
	pid=$!
	# shellcheck disable=SC2086
	if ! $as "$py" "$dir/home/libreoffice.py" "arlo$$" $words > "$dir/$1" 2> "$dir/py.err"; then
		kill "$pid" 2> /dev/null || true
		echo "FAIL: cannot ask LibreOffice:"
		cat "$dir/py.err" "$dir/soffice.log"
		exit 1
	fi
	wait "$pid" || true
	echo "--- $1:"
	cat "$dir/$1"
}
status=0
fail() {
	echo "FAIL: $*"
	status=1
}
answer() {
	# answer FILE TAG WORD: "correct" or "wrong<TAB>suggestions".
	awk -F '\t' -v t="$2" -v w="$3" '$1 == t && $2 == w { print $3 "\t" $4 }' "$1"
}

ask before
echo "unopkg add $(basename "$oxt")"
$as unopkg add "-env:UserInstallation=$profile" "$oxt" > "$dir/unopkg.log" 2>&1 || {
	cat "$dir/unopkg.log"
	fail "unopkg add failed"
}
$as unopkg list "-env:UserInstallation=$profile" 2> /dev/null | grep -q 'org.libarabic.news-names' ||
	fail "unopkg list does not show the extension"
ask after

b=$(answer "$dir/before" ar 'وأمازون')
case $b in wrong*) ;; *) fail "without the extension, ar وأمازون: '$b' (want wrong: the test proves nothing)" ;; esac
for tw in 'ar وأمازون' 'ar تيليجرام' 'en-US Durov'; do
	# shellcheck disable=SC2086
	a=$(answer "$dir/after" $tw)
	case $a in correct*) ;; *) fail "with the extension, $tw: '$a' (want correct)" ;; esac
done
a=$(answer "$dir/after" en-US Telegerm)
case $a in "wrong	Telegram"*) ;; *) fail "with the extension, en-US Telegerm: '$a' (want wrong, Telegram first)" ;; esac
exit $status
