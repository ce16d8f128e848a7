# libarabic/spell.mk - the spell-checker, the names gazetteer and the
# dictionaries (lexicons) it shares with the segmenter.
libarabic_libarabic_la_SOURCES += libarabic/spell.c libarabic/names.c \
	libarabic/names.h libarabic/spell_int.h
arabicinc_HEADERS += libarabic/arabic/spell.h
