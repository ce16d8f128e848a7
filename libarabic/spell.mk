# libarabic/spell.mk - the spell-checker and the names gazetteer.
libarabic_libarabic_internal_la_SOURCES += libarabic/spell.c libarabic/names.c \
	libarabic/affix.c libarabic/affix.h \
	libarabic/spell_int.h
arabicinc_HEADERS += libarabic/arabic/spell.h
# The Arabic hunspell dictionary loads in a thread of its own (spell.c).
libarabic_libarabic_internal_la_CFLAGS += -pthread
libarabic_libarabic_la_LDFLAGS += -pthread
