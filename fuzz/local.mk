# fuzz/local.mk - libFuzzer targets, one per entry point that takes text.
#
# Each target fuzz/fuzz_NAME.c is built twice:
#  - always, as the check program fuzz/replay_NAME (with fuzz/replay.c as
#    main), which "make check" runs over the seeds in fuzz/corpus/NAME and
#    the inputs that once found a bug in fuzz/regress/NAME;
#  - with ./configure --enable-fuzzers CC=clang CXX=clang++, as the
#    libFuzzer program fuzz/fuzz_NAME, over a copy of the library built
#    with coverage and ASan+UBSan ("make fuzz", "make fuzz-smoke").
# When a campaign finds a crash: fix it, then copy the input to
# fuzz/regress/NAME/ so that every later "make check" replays it.

FUZZ_NAMES = utf8 norm norm_stream tok seg spell names affix affix_diff
FUZZ_SMOKE_SECONDS = 60

EXTRA_DIST += fuzz/corpus fuzz/regress fuzz/open fuzz/dict/arabic.dict \
	fuzz/dict/affix.dict fuzz/dict/affix_diff.dict \
	fuzz/campaign.sh fuzz/make-seeds.py doc/fuzzing.md

REPLAY_SRC = fuzz/replay.c fuzz/fuzz.h fuzz/tokfuzz.h fuzz/spellfuzz.h
REPLAY_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS)
# The replays link the library's objects (libarabic/local.mk), internal
# functions included.
REPLAY_LDADD = $(AR_INTERNAL_LIBS) $(ICU_LIBS)

check_PROGRAMS += fuzz/replay_utf8
fuzz_replay_utf8_SOURCES = fuzz/fuzz_utf8.c $(REPLAY_SRC)
fuzz_replay_utf8_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"utf8"'
fuzz_replay_utf8_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_utf8_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_utf8

check_PROGRAMS += fuzz/replay_tok
fuzz_replay_tok_SOURCES = fuzz/fuzz_tok.c $(REPLAY_SRC)
fuzz_replay_tok_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"tok"'
fuzz_replay_tok_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_tok_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_tok

check_PROGRAMS += fuzz/replay_seg
fuzz_replay_seg_SOURCES = fuzz/fuzz_seg.c $(REPLAY_SRC)
fuzz_replay_seg_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"seg"'
fuzz_replay_seg_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_seg_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_seg

check_PROGRAMS += fuzz/replay_norm
fuzz_replay_norm_SOURCES = fuzz/fuzz_norm.c $(REPLAY_SRC)
fuzz_replay_norm_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"norm"'
fuzz_replay_norm_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_norm_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_norm

check_PROGRAMS += fuzz/replay_norm_stream
fuzz_replay_norm_stream_SOURCES = fuzz/fuzz_norm_stream.c $(REPLAY_SRC)
fuzz_replay_norm_stream_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"norm_stream"'
fuzz_replay_norm_stream_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_norm_stream_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_norm_stream

check_PROGRAMS += fuzz/replay_spell
fuzz_replay_spell_SOURCES = fuzz/fuzz_spell.c $(REPLAY_SRC)
fuzz_replay_spell_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"spell"'
fuzz_replay_spell_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_spell_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_spell

check_PROGRAMS += fuzz/replay_names
fuzz_replay_names_SOURCES = fuzz/fuzz_names.c $(REPLAY_SRC)
fuzz_replay_names_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"names"'
fuzz_replay_names_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_names_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_names

# The dictionary reader is internal (hidden in the shared library).
check_PROGRAMS += fuzz/replay_affix
fuzz_replay_affix_SOURCES = fuzz/fuzz_affix.c $(REPLAY_SRC)
fuzz_replay_affix_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"affix"'
fuzz_replay_affix_CFLAGS = $(REPLAY_CFLAGS) $(UTF8PROC_CFLAGS)
fuzz_replay_affix_LDADD = $(REPLAY_LDADD)
TESTS += fuzz/replay_affix

# The same reader against hunspell on the same files.
check_PROGRAMS += fuzz/replay_affix_diff
fuzz_replay_affix_diff_SOURCES = fuzz/fuzz_affix_diff.c $(REPLAY_SRC)
fuzz_replay_affix_diff_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_NAME='"affix_diff"'
fuzz_replay_affix_diff_CFLAGS = $(REPLAY_CFLAGS) $(UTF8PROC_CFLAGS) \
	$(HUNSPELL_CFLAGS)
fuzz_replay_affix_diff_LDADD = $(REPLAY_LDADD) $(HUNSPELL_LIBS)
TESTS += fuzz/replay_affix_diff

if FUZZERS
# The library's sources again, instrumented for coverage and checked by
# ASan and UBSan; linked statically into each target.
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=undefined
FUZZ_LINK = -fsanitize=fuzzer,address,undefined
EXTRA_LTLIBRARIES = fuzz/libarabic-fuzz.la
fuzz_libarabic_fuzz_la_SOURCES = $(libarabic_libarabic_internal_la_SOURCES)
nodist_fuzz_libarabic_fuzz_la_SOURCES = \
	$(nodist_libarabic_libarabic_internal_la_SOURCES)
fuzz_libarabic_fuzz_la_CPPFLAGS = $(libarabic_libarabic_internal_la_CPPFLAGS)
fuzz_libarabic_fuzz_la_CFLAGS = $(libarabic_libarabic_internal_la_CFLAGS) $(FUZZ_FLAGS)
fuzz_libarabic_fuzz_la_CXXFLAGS = $(libarabic_libarabic_internal_la_CXXFLAGS) $(FUZZ_FLAGS)
fuzz_libarabic_fuzz_la_LIBADD = $(libarabic_libarabic_internal_la_LIBADD)
FUZZ_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS) $(FUZZ_FLAGS)
FUZZ_LDADD = fuzz/libarabic-fuzz.la $(ICU_LIBS)

EXTRA_PROGRAMS += fuzz/fuzz_utf8 fuzz/fuzz_norm fuzz/fuzz_norm_stream \
	fuzz/fuzz_tok fuzz/fuzz_seg fuzz/fuzz_spell fuzz/fuzz_names \
	fuzz/fuzz_affix fuzz/fuzz_affix_diff
fuzz_fuzz_utf8_SOURCES = fuzz/fuzz_utf8.c fuzz/fuzz.h fuzz/tokfuzz.h
fuzz_fuzz_utf8_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_utf8_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_utf8_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_tok_SOURCES = fuzz/fuzz_tok.c fuzz/fuzz.h fuzz/tokfuzz.h
fuzz_fuzz_tok_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_tok_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_tok_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_seg_SOURCES = fuzz/fuzz_seg.c fuzz/fuzz.h fuzz/tokfuzz.h
fuzz_fuzz_seg_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_seg_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_seg_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_norm_SOURCES = fuzz/fuzz_norm.c fuzz/fuzz.h fuzz/tokfuzz.h fuzz/spellfuzz.h
fuzz_fuzz_norm_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_norm_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_norm_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_norm_stream_SOURCES = fuzz/fuzz_norm_stream.c fuzz/fuzz.h fuzz/tokfuzz.h fuzz/spellfuzz.h
fuzz_fuzz_norm_stream_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_norm_stream_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_norm_stream_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_spell_SOURCES = fuzz/fuzz_spell.c fuzz/fuzz.h fuzz/tokfuzz.h fuzz/spellfuzz.h
fuzz_fuzz_spell_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_spell_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_spell_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_names_SOURCES = fuzz/fuzz_names.c fuzz/fuzz.h fuzz/tokfuzz.h fuzz/spellfuzz.h
fuzz_fuzz_names_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_names_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_names_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_affix_SOURCES = fuzz/fuzz_affix.c fuzz/fuzz.h
fuzz_fuzz_affix_CFLAGS = $(FUZZ_CFLAGS)
fuzz_fuzz_affix_LDADD = $(FUZZ_LDADD)
fuzz_fuzz_affix_LDFLAGS = $(FUZZ_LINK)
fuzz_fuzz_affix_diff_SOURCES = fuzz/fuzz_affix_diff.c fuzz/fuzz.h
fuzz_fuzz_affix_diff_CFLAGS = $(FUZZ_CFLAGS) $(HUNSPELL_CFLAGS)
fuzz_fuzz_affix_diff_LDADD = $(FUZZ_LDADD) $(HUNSPELL_LIBS)
fuzz_fuzz_affix_diff_LDFLAGS = $(FUZZ_LINK)

CLEANFILES += $(EXTRA_PROGRAMS) $(EXTRA_LTLIBRARIES)

fuzz: $(EXTRA_PROGRAMS)

# Run each target for FUZZ_SMOKE_SECONDS on its seeds (fuzz/campaign.sh):
# new inputs go to fuzz-work/NAME in the build tree, crashes to
# fuzz-work/NAME-crash-*, the log to fuzz-work/NAME.log.
fuzz-smoke: fuzz
	@for t in $(FUZZ_NAMES); do \
	  $(SHELL) $(srcdir)/fuzz/campaign.sh . $$t $(FUZZ_SMOKE_SECONDS) || \
	    { tail -n 40 fuzz-work/$$t.log; exit 1; }; \
	done
else
fuzz fuzz-smoke:
	@echo "fuzz targets need: ./configure --enable-fuzzers CC=clang CXX=clang++" >&2
	@exit 1
endif
.PHONY: fuzz fuzz-smoke
