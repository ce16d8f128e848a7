# libarabic/norm.mk - the normalizer.
libarabic_libarabic_internal_la_SOURCES += libarabic/norm.c libarabic/norm_tables.c \
	libarabic/norm_tables.h
arabicinc_HEADERS += libarabic/arabic/norm.h
