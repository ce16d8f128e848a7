# man/local.mk - manual pages (section 1 per tool, section 3 for the
# library).  Each stage adds its page in its own fragment.
include man/norm.mk
include man/tok.mk
include man/spell.mk

dist_man_MANS += man/libarabic.3
