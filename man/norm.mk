# man/norm.mk - manual pages of the norm stage.
dist_man_MANS += man/arnorm.1
