# man/tok.mk - manual pages of the tok stage.
