#!/bin/sh
# install-deps.sh - install the Debian 12 packages needed to build and test
# libarabic (run as root).  Used by the README quick start; .ci/run asks
# it for the list (--list-ci: these and LibreOffice) and installs them
# itself.
set -e
PACKAGES="build-essential autoconf automake libtool pkg-config
 libicu-dev icu-devtools libutf8proc-dev libhunspell-dev libcunit1-dev
 hunspell hunspell-ar hunspell-en-us xz-utils python3"
# The README's recipe for archives (tests/cli/parallel.sh).
PACKAGES="$PACKAGES parallel"
# Real clients of arspell's ispell pipe (tests/clients/).
PACKAGES="$PACKAGES emacs-nox liblingua-ispell-perl"
# Enchant, for its provider and the tests through its clients.
PACKAGES="$PACKAGES libenchant-2-dev enchant-2 python3-enchant"
# LibreOffice and its Python bridge, for the extension's test through a
# real LibreOffice (make check-libreoffice): CI installs them (--list-ci);
# the quick start does without this large download.
CI_PACKAGES="libreoffice-writer-nogui python3-uno"
if [ "${1:-}" = "--list-ci" ]; then
	echo $PACKAGES $CI_PACKAGES
	exit 0
fi
if [ "${1:-}" = "--dev" ]; then
	# Optional tools: fuzzing, valgrind, benchmarks.
	PACKAGES="$PACKAGES clang valgrind hyperfine time"
fi
if [ "${1:-}" = "--list" ] || [ "${2:-}" = "--list" ]; then
	# Only print the package names (used by .ci/run).
	echo $PACKAGES
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $PACKAGES
