# tests/norm.mk - tests of the norm stage.
