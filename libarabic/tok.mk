# libarabic/tok.mk - the tokenizer and clitic segmenter.
libarabic_libarabic_internal_la_SOURCES += libarabic/tok.c libarabic/seg.c \
	libarabic/seg.h
arabicinc_HEADERS += libarabic/arabic/tok.h
