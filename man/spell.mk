# man/spell.mk - manual pages of the spell stage.
