# libarabic/norm.mk - the normalizer.
libarabic_libarabic_la_SOURCES += libarabic/norm.c libarabic/norm_tables.c
arabicinc_HEADERS += libarabic/arabic/norm.h
