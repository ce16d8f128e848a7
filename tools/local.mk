# tools/local.mk - the command-line tools: thin mains over the library.
noinst_LTLIBRARIES += tools/libcli.la
tools_libcli_la_SOURCES = tools/cli.c tools/cli.h

bin_PROGRAMS += tools/arnorm tools/artok tools/arspell
tools_arnorm_SOURCES = tools/arnorm.c
tools_arnorm_LDADD = tools/libcli.la libarabic/libarabic.la
tools_artok_SOURCES = tools/artok.c
tools_artok_LDADD = tools/libcli.la libarabic/libarabic.la
tools_arspell_SOURCES = tools/arspell.c
tools_arspell_CPPFLAGS = $(AM_CPPFLAGS) -DAR_DICTDIR='"$(HUNSPELL_DICTDIR)"'
tools_arspell_LDADD = tools/libcli.la libarabic/libarabic.la
