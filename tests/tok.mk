# tests/tok.mk - tests of the tok stage.
