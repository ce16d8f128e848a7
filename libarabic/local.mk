# libarabic/local.mk - the library.  Each stage lists its sources in its
# own fragment (norm.mk, tok.mk, spell.mk).
lib_LTLIBRARIES += libarabic/libarabic.la

libarabic_libarabic_la_SOURCES = \
	libarabic/private.h \
	libarabic/chars.h \
	libarabic/status.c \
	libarabic/utf8.c \
	libarabic/strmap.c libarabic/strmap.h \
	libarabic/affix.c libarabic/affix.h \
	libarabic/dict.c libarabic/dict_int.h \
	libarabic/clitic.c libarabic/clitic.h
libarabic_libarabic_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden \
	$(ICU_CFLAGS) $(UTF8PROC_CFLAGS) $(HUNSPELL_CFLAGS)
libarabic_libarabic_la_CPPFLAGS = $(AM_CPPFLAGS) \
	-DAR_DICTDIR='"$(HUNSPELL_DICTDIR)"' -DAR_PKGDATADIR='"$(pkgdatadir)"'
libarabic_libarabic_la_LIBADD = $(ICU_LIBS) $(UTF8PROC_LIBS) $(HUNSPELL_LIBS)
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
