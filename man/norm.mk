# man/norm.mk - manual pages of the norm stage.
