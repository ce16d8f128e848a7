#!/bin/sh
# enchant.sh - the Enchant provider (enchant/provider.c) in two real Enchant
# clients: the enchant-2 program in ispell pipe mode (-a) and Python's
# enchant module (python3-enchant).  The module of the build tree is put
# in a provider directory of its own, next to links to the system
# providers, and the clients are pointed at it by
# tests/clients/enchant-redirect.c; enchant/enchant.ordering makes it the
# provider of "ar".  Skips (77) without enchant-2, or when the module was
# not built as a shared object (--disable-shared, sanitizer builds).
set -e
: "${top_srcdir:?}" "${top_builddir:?}" "${AR_ENCHANT_SYSTEM_MODULEDIR:?}"
LC_ALL=C.UTF-8
export LC_ALL
module=$top_builddir/enchant/.libs/enchant_arspell.so
shim=$top_builddir/tests/clients/.libs/enchant_redirect.so
if ! command -v enchant-2 > /dev/null 2>&1; then
	echo "SKIP: no enchant-2 program (Debian package enchant-2)"
	exit 77
fi
if [ ! -f "$module" ] || [ ! -f "$shim" ]; then
	echo "SKIP: the provider was not built as a shared module"
	exit 77
fi
if ldd "$module" | grep -q 'libasan'; then
	echo "SKIP: sanitizer build (the ASan runtime cannot be preloaded)"
	exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/ar-enchant.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/modules" "$dir/config"
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
ln -s "$(abs "$module")" "$dir/modules/enchant_arspell.so"
for m in "$AR_ENCHANT_SYSTEM_MODULEDIR"/*.so; do
	[ -f "$m" ] && ln -s "$m" "$dir/modules/"
done
cp "$top_srcdir/enchant/enchant.ordering" "$dir/config/"
AR_ENCHANT_TEST_MODULEDIR=$dir/modules
ENCHANT_CONFIG_DIR=$dir/config
LD_PRELOAD=$(abs "$shim")${LD_PRELOAD:+ $LD_PRELOAD}
LD_LIBRARY_PATH=$(abs "$top_builddir/libarabic/.libs")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export AR_ENCHANT_TEST_MODULEDIR ENCHANT_CONFIG_DIR LD_PRELOAD LD_LIBRARY_PATH
status=0
fail() {
	echo "FAIL: $*"
	status=1
}

# Enchant lists the provider, and the ordering gives it "ar" and "ar_EG".
enchant-lsmod-2 -list-dicts > "$dir/dicts" 2>&1 || true
grep -qx 'ar (arspell)' "$dir/dicts" ||
	fail "enchant-lsmod-2 does not give ar to arspell: $(grep '^ar' "$dir/dicts" | head -3)"

# enchant-2 -a: the ispell pipe protocol.  Lines: Telegerm (a misspelled
# name: & with Telegram first), وأمازون and Durov (names, one with
# proclitics: *), Doroff (& Durov first), *Zorblax adds a word to the
# personal list for the session, then Zorblax is correct.
printf '%s\n' Telegerm 'وأمازون' Durov Doroff '*Zorblax' Zorblax \
	> "$dir/in"
if ! enchant-2 -d ar -a < "$dir/in" > "$dir/out" 2> "$dir/err"; then
	fail "enchant-2 -d ar -a failed: $(cat "$dir/err")"
fi
sed 1d "$dir/out" | grep -v '^$' > "$dir/got" || true
expect() {
	# expect LINE PATTERN: the LINE-th answer matches the ERE PATTERN.
	got=$(sed -n "$1p" "$dir/got")
	printf '%s\n' "$got" | grep -Eq "$2" ||
		fail "enchant-2 -a, answer $1: got '$got', want /$2/"
}
expect 1 '^& Telegerm [0-9]+ 0: Telegram(,|$)'
expect 2 '^\*$'
expect 3 '^\*$'
expect 4 '^& Doroff [0-9]+ 0: Durov(,|$)'
expect 5 '^\*$'
[ "$(wc -l < "$dir/got")" -eq 5 ] || fail "enchant-2 -a: want 5 answers, got: $(cat "$dir/got")"

# The same input through hunspell's provider flags وأمازون: what passed
# above is the provider's doing.
echo 'ar:hunspell' > "$dir/config/enchant.ordering"
printf '%s\n' 'وأمازون' | enchant-2 -d ar -a 2>&1 | sed -n 2p > "$dir/hs"
grep -q '^[&#]' "$dir/hs" ||
	fail "hunspell's provider accepts وأمازون: the test proves nothing"
cp "$top_srcdir/enchant/enchant.ordering" "$dir/config/"

# Python's enchant module, run from the temporary directory: in the
# build tree "import enchant" would find the directory enchant/.  Debian's
# python3-enchant is for /usr/bin/python3, which another python3 earlier
# in PATH may hide.
cd "$dir"
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import enchant' > /dev/null 2>&1; then
		py=$p
		break
	fi
done
if [ -n "$py" ]; then
	"$py" - > py 2>&1 << 'PY' || fail "python3-enchant: $(cat py)"
import enchant
for tag in ("ar", "ar_EG"):
    d = enchant.Dict(tag)
    assert d.provider.name == "arspell", (tag, d.provider.name)
    assert d.check("وأمازون"), tag
    assert d.check("Durov"), tag
    assert not d.check("Telegerm"), tag
    s = d.suggest("Telegerm")
    assert s and s[0] == "Telegram", s
    assert d.suggest("Durov") == [], d.suggest("Durov")
    assert not d.check("Qwzxplk")
    d.add_to_session("Qwzxplk")
    assert d.check("Qwzxplk")
print("ok", d.suggest("Telegerm"), d.provider.desc)
PY
else
	echo "python3-enchant missing: its part is skipped"
fi
cat py 2>/dev/null; exit $status
