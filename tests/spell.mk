# tests/spell.mk - tests of the spell stage.
