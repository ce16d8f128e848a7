# tests/clients/local.mk - real ispell clients driving arspell unmodified:
# Emacs (ispell, flyspell) and Perl's Lingua::Ispell.  Each test skips
# (77) when its client is not installed; scripts/install-deps.sh installs
# them for CI.
TESTS += tests/clients/emacs.sh tests/clients/lingua-ispell.sh
EXTRA_DIST += tests/clients/emacs.sh tests/clients/emacs.el \
	tests/clients/lingua-ispell.sh
