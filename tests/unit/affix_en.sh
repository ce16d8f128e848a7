#!/bin/sh
# affix_en.sh - the library's dictionary reader against hunspell on the
# English dictionary (en_US): test_affix --en, which skips (77) when the
# dictionary is not installed.
exec "${top_builddir:-.}/tests/unit/test_affix" --en
