# tests/reliability/local.mk - reliability in long-running hosts:
#   make check-oom    every public entry point with its Nth allocation
#                     failing (tests/reliability/oom.c); faults listed in
#                     tests/reliability/KNOWN are reported apart
#   make check-tsan   threads under ThreadSanitizer, in build-tsan/
#   make check-fork   children forked while threads load or suggest
# "make check" runs a quick sample of the allocation-failure test.
check_PROGRAMS += tests/reliability/oom
tests_reliability_oom_SOURCES = tests/reliability/oom.c
tests_reliability_oom_LDADD = libarabic/libarabic.la -ldl
TESTS += tests/reliability/oom-quick.sh
EXTRA_DIST += tests/reliability/oom-quick.sh tests/reliability/KNOWN

OOM_FLAGS =
check-oom: tests/reliability/oom
	top_srcdir='$(top_srcdir)' tests/reliability/oom $(OOM_FLAGS)

# The thread and fork tests are built by "make check" but run only by
# their own targets: ThreadSanitizer needs its own build, and the fork
# test can hang children (each is killed after 15 s).
check_PROGRAMS += tests/reliability/threads tests/reliability/fork
tests_reliability_threads_SOURCES = tests/reliability/threads.c
tests_reliability_threads_LDADD = libarabic/libarabic.la -lpthread
tests_reliability_fork_SOURCES = tests/reliability/fork.c
tests_reliability_fork_LDADD = libarabic/libarabic.la -lpthread

check-fork: tests/reliability/fork
	top_srcdir='$(top_srcdir)' tests/reliability/fork

# ThreadSanitizer: the library and the thread test built with
# -fsanitize=thread in build-tsan/, configured out of tree from a clean
# copy of the sources (make distdir), as .ci/run builds its ASan tree.
TSAN_CFLAGS = -O1 -g -fsanitize=thread -fno-omit-frame-pointer
TSAN_THREADS = 8
TSAN_ROUNDS = 2
check-tsan:
	rm -rf build-tsan && mkdir build-tsan
	$(MAKE) $(AM_MAKEFLAGS) distdir distdir=build-tsan/src
	mkdir build-tsan/obj
	cd build-tsan/obj && ../src/configure -q --disable-shared \
	  CFLAGS='$(TSAN_CFLAGS)' CXXFLAGS='$(TSAN_CFLAGS)' \
	  LDFLAGS=-fsanitize=thread
	cd build-tsan/obj && $(MAKE) $(AM_MAKEFLAGS) tests/reliability/threads
	cd build-tsan/obj && \
	  TSAN_OPTIONS='halt_on_error=1 second_deadlock_stack=1' \
	  top_srcdir=../src \
	  tests/reliability/threads $(TSAN_THREADS) $(TSAN_ROUNDS)

.PHONY: check-oom check-fork check-tsan
