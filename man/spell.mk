# man/spell.mk - manual pages of the spell stage.
dist_man_MANS += man/arspell.1
