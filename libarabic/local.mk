# libarabic/local.mk - the library.  Each stage lists its sources in its
# own fragment (norm.mk, tok.mk, spell.mk).
#
# The sources are compiled once, into the convenience library
# libarabic-internal.la; the installed libarabic.la is made of its objects
# and exports only the public API (^ar_[a-z]).  White-box tests, fuzz
# replays and other programs that need internal functions (ar_x__y) link
# the convenience library itself, so they test the very objects that ship.
# A stage adds its sources and compile flags to
# libarabic_libarabic_internal_la_SOURCES and _CFLAGS, not to libarabic.la.
noinst_LTLIBRARIES += libarabic/libarabic-internal.la
lib_LTLIBRARIES += libarabic/libarabic.la

libarabic_libarabic_internal_la_SOURCES = \
	libarabic/private.h \
	libarabic/chars.h \
	libarabic/status.c \
	libarabic/utf8.c \
	libarabic/strmap.c libarabic/strmap.h \
	libarabic/affix.c libarabic/affix.h \
	libarabic/dict.c libarabic/dict_int.h \
	libarabic/hun.cc libarabic/hun.h \
	libarabic/clitic.c libarabic/clitic.h
libarabic_libarabic_internal_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden \
	$(ICU_CFLAGS) $(UTF8PROC_CFLAGS) $(HUNSPELL_CFLAGS)
# hun.cc, the C++ boundary around hunspell (its exceptions stop there)
libarabic_libarabic_internal_la_CXXFLAGS = $(AM_CXXFLAGS) \
	-fvisibility=hidden $(HUNSPELL_CFLAGS)
libarabic_libarabic_internal_la_CPPFLAGS = $(AM_CPPFLAGS) \
	-DAR_DICTDIR='"$(HUNSPELL_DICTDIR)"' -DAR_PKGDATADIR='"$(pkgdatadir)"'
libarabic_libarabic_internal_la_LIBADD = $(ICU_LIBS) $(UTF8PROC_LIBS) \
	$(HUNSPELL_LIBS)
# What a program that links the convenience library adds (the C++ runtime
# that hun.cc needs is in LIBS: configure.ac).
AR_INTERNAL_LIBS = libarabic/libarabic-internal.la

# No sources of its own: everything comes from the convenience library.
# The empty C++ source only makes libtool link it as C++ (hun.cc).
libarabic_libarabic_la_SOURCES =
nodist_EXTRA_libarabic_libarabic_la_SOURCES = libarabic/cxx-link.cc
libarabic_libarabic_la_LIBADD = libarabic/libarabic-internal.la
libarabic_libarabic_la_LDFLAGS = $(AM_LDFLAGS) -no-undefined \
	-version-info $(AR_LT_VERSION_INFO) -export-symbols-regex '^ar_[a-z]'
include_HEADERS = libarabic/arabic.h
arabicincdir = $(includedir)/arabic
arabicinc_HEADERS = libarabic/arabic/common.h libarabic/arabic/dict.h
nodist_arabicinc_HEADERS = libarabic/arabic/version.h

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = libarabic/libarabic.pc
EXTRA_DIST += libarabic/libarabic.pc.in libarabic/arabic/version.h.in

include libarabic/norm.mk
include libarabic/tok.mk
include libarabic/spell.mk
