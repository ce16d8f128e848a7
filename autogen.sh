#!/bin/sh
# Regenerate the build system (configure, Makefile.in) from configure.ac
# and Makefile.am. Run once after a fresh checkout.
set -e
cd "$(dirname "$0")"
autoreconf -fi
