# libarabic/spell.mk - the spell-checker and the names gazetteer.
libarabic_libarabic_la_SOURCES += libarabic/spell.c libarabic/names.c
arabicinc_HEADERS += libarabic/arabic/spell.h
