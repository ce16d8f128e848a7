# man/tok.mk - manual pages of the tok stage.
dist_man_MANS += man/artok.1
