# tests/installed.mk - "make installcheck": install into a staging
# directory of the build tree (DESTDIR) and build and run programs against
# what was installed there (tests/installed/run.sh): C with the version
# macros in #if, C++, a fully static link through pkg-config --static, and
# Python ctypes.  It does not need or touch $(prefix); "make distcheck"
# runs it too.
EXTRA_DIST += tests/installed/run.sh tests/installed/consumer.c \
	tests/installed/consumer.cc tests/installed/consumer.py

installcheck-local:
	@root='$(abs_builddir)/installcheck-root'; rm -rf "$$root"; \
	$(MAKE) $(AM_MAKEFLAGS) install DESTDIR="$$root" >installcheck.log 2>&1 || \
	  { cat installcheck.log; rm -rf "$$root"; exit 1; }; \
	CC='$(CC)' CXX='$(CXX)' PKG_CONFIG='$(PKG_CONFIG)' SAN_FLAGS='$(SAN_FLAGS)' \
	  $(SHELL) $(srcdir)/tests/installed/run.sh "$$root" '$(libdir)' \
	  '$(bindir)'; \
	rc=$$?; rm -rf "$$root" installcheck.log; exit $$rc
