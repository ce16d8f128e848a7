# libarabic/spell.mk - the spell-checker and the word store (names
# gazetteer, loanwords, personal words).
libarabic_libarabic_internal_la_SOURCES += libarabic/spell.c libarabic/analyse.c \
	libarabic/memo.c libarabic/spell_int.h libarabic/rank.c libarabic/rank.h libarabic/charlm.c libarabic/names.c \
	libarabic/freq.c libarabic/freq.h \
	libarabic/fold.c libarabic/namekey.c libarabic/nameindex.c \
	libarabic/names.h libarabic/names_int.h
arabicinc_HEADERS += libarabic/arabic/spell.h
