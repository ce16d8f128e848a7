# tools/local.mk - the command-line tools: thin mains over the library.
noinst_LTLIBRARIES += tools/libcli.la
tools_libcli_la_SOURCES = tools/cli.c tools/cli.h
# ICU's converters read the input encodings other than UTF-8 (-i ENC).
tools_libcli_la_CPPFLAGS = $(AM_CPPFLAGS) $(ICU_CFLAGS)
tools_libcli_la_LIBADD = $(ICU_LIBS)

bin_PROGRAMS += tools/arnorm tools/artok tools/arspell
tools_arnorm_SOURCES = tools/arnorm.c
tools_arnorm_LDADD = tools/libcli.la libarabic/libarabic.la
tools_artok_SOURCES = tools/artok.c
tools_artok_LDADD = tools/libcli.la libarabic/libarabic.la
tools_arspell_SOURCES = tools/arspell.c
tools_arspell_CPPFLAGS = $(AM_CPPFLAGS) -DAR_DICTDIR='"$(HUNSPELL_DICTDIR)"'
tools_arspell_LDADD = tools/libcli.la libarabic/libarabic.la
