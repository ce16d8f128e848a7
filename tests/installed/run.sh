#!/bin/sh
# run.sh - build and run programs against an installed libarabic, as its
# users do: only the installed headers, the installed libraries and the
# flags of the installed libarabic.pc.  "make installcheck" installs the
# build into a staging directory (DESTDIR) and runs this script on it.
#
# Usage: run.sh DESTDIR LIBDIR BINDIR
#   LIBDIR, BINDIR: the configured $(libdir) and $(bindir); the files are
#   under DESTDIR.  Environment: CC, CXX, PKG_CONFIG, PYTHON, SAN_FLAGS
#   (the sanitizer flags of the build, which its consumers need too).
#
# The consumers: consumer.c (the version macros in #if, normalizing,
# spell-checking) linked dynamically and fully statically (gcc -static
# with pkg-config --static), consumer.cc (C++), consumer.py (ctypes),
# and the installed tools.  A part that cannot run here says SKIP and why;
# any failure makes the exit status 1.
set -u
root=$1
libdir=$2
bindir=$3
here=$(cd "$(dirname "$0")" && pwd)
CC=${CC:-cc}
CXX=${CXX:-c++}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
PYTHON=${PYTHON:-python3}
SAN_FLAGS=${SAN_FLAGS:-}

lib=$root$libdir
work=$(mktemp -d "${TMPDIR:-/tmp}/ar-installed.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT

# pkg-config reads the staged libarabic.pc; PKG_CONFIG_SYSROOT_DIR puts
# DESTDIR in front of the -I and -L paths it gives.
PKG_CONFIG_PATH=$lib/pkgconfig
PKG_CONFIG_SYSROOT_DIR=$root
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
pc() { "$PKG_CONFIG" "$@" libarabic; }

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
ok() { echo "ok: $*"; }
skip() { echo "SKIP: $*"; }

# Run a program (with the staged library first in the search path) and
# keep its output in $work/NAME.out.
run() {
	name=$1
	shift
	if LD_LIBRARY_PATH=$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
		"$@" >"$work/$name.out" 2>"$work/$name.err"; then
		sed 's/^/  /' "$work/$name.out"
		return 0
	fi
	cat "$work/$name.out" "$work/$name.err"
	return 1
}

cflags=$(pc --cflags) || { echo "FAIL: pkg-config libarabic"; exit 1; }
# Without a shared library, a "dynamic" link needs the static flags too.
if [ -f "$lib/libarabic.so" ]; then
	libs=$(pc --libs)
else
	libs=$(pc --static --libs)
fi
echo "pkg-config --cflags: $cflags"
echo "pkg-config --libs: $libs"

# C, dynamic.  -I$here is not given: the headers come from the staging
# directory alone.
# shellcheck disable=SC2086
if $CC -std=c99 -Wall -Werror $SAN_FLAGS $cflags -o "$work/c_dyn" \
	"$here/consumer.c" $libs; then
	if run c_dyn "$work/c_dyn"; then ok "C consumer"; else fail "C consumer"; fi
else
	fail "C consumer does not compile against the installed headers"
fi

# C, fully static: every library from its .a, no dynamic section.
static_libs=$(pc --static --libs)
echo "pkg-config --static --libs: $static_libs"
if [ -n "$SAN_FLAGS" ]; then
	skip "static link: the sanitizers do not link statically"
elif [ ! -f "$lib/libarabic.a" ]; then
	skip "static link: no libarabic.a (configured with --disable-static)"
else
	# glibc warns that ICU's dlopen() would need the shared libc at run
	# time: ICU loads no plug-in here, its data is in libicudata.a.
	# shellcheck disable=SC2086
	if $CC -static $cflags -o "$work/c_static" "$here/consumer.c" \
		$static_libs 2>"$work/c_static.link"; then
		if LC_ALL=C readelf -d "$work/c_static" 2>&1 |
			grep -q 'no dynamic section'; then
			:
		else
			fail "c_static is not fully static"
		fi
		if run c_static "$work/c_static"; then
			if [ -f "$work/c_dyn.out" ] &&
				cmp -s "$work/c_dyn.out" "$work/c_static.out"; then
				ok "C consumer, fully static"
			else
				fail "static and dynamic consumers differ"
			fi
		else
			fail "C consumer, fully static"
		fi
	else
		grep -v 'dlopen' "$work/c_static.link" | head -n 20
		fail "gcc -static \$(pkg-config --static --libs libarabic)"
	fi
fi

# C++.
# shellcheck disable=SC2086
if $CXX -Wall -Werror $SAN_FLAGS $cflags -o "$work/cxx" "$here/consumer.cc" \
	$libs; then
	if run cxx "$work/cxx"; then ok "C++ consumer"; else fail "C++ consumer"; fi
else
	fail "C++ consumer does not compile against the installed headers"
fi

# Python ctypes, on the shared library.
so=$(cd "$lib" 2>/dev/null && ls libarabic.so.* 2>/dev/null | head -n 1)
if [ -z "$so" ]; then
	skip "ctypes: no shared library"
elif [ -n "$SAN_FLAGS" ]; then
	skip "ctypes: a sanitized library cannot be loaded by python"
elif ! command -v "$PYTHON" >/dev/null 2>&1; then
	skip "ctypes: no $PYTHON"
elif run python "$PYTHON" "$here/consumer.py" "$lib/$so"; then
	ok "Python ctypes consumer ($so)"
else
	fail "Python ctypes consumer"
fi

# The installed tools run and find their library.
for t in arnorm artok arspell; do
	if run "$t" "$root$bindir/$t" --version >/dev/null; then
		ok "$(head -n 1 "$work/$t.out")"
	else
		fail "$t --version"
	fi
done

if [ "$failures" -ne 0 ]; then
	echo "installcheck: $failures failures"
	exit 1
fi
echo "installcheck: all consumers built and ran"
