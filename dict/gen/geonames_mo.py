#!/usr/bin/env python3
"""geonames_mo.py - the Arabic names of places in GeoNames' alternate names.

Usage: geonames_mo.py [GEONAMES.mo]     (prints the words)
       import geonames_mo; geonames_mo.words(PATH)

Reads the Arabic catalogue of Debian's libgeonames-common
(/usr/share/locale/ar/LC_MESSAGES/geonames.mo, the default): for each of
about 7,600 cities, keyed by its GeoNames id, its Arabic name among
GeoNames' alternate names, most of them as Arabic Wikipedia writes it.
The data is GeoNames' (geonames.org), under the Creative Commons
Attribution 4.0 licence.  dict/gen/attested.py takes these words as one
source of attested words.

The .mo file is read directly (its format is GNU gettext's: a header,
then tables of lengths and offsets of the original and translated
strings), so gettext is not needed.  Each name is cleaned as CLDR's
subdivision names are (cldr_subdivisions.clean_arabic(), which also drops
the left-to-right and right-to-left marks some carry), and
words() gives, as for those, the names of one word and the rest of a
two-word name whose first word names its kind, of five letters or more.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cldr_subdivisions import clean_arabic, place_word  # noqa: E402

DEFAULT = "/usr/share/locale/ar/LC_MESSAGES/geonames.mo"
MIN_LETTERS = 5


def translations(path):
    """The translated strings of the .mo file at path (the header, whose
    original is empty, left out)."""
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    if struct.unpack(order + "I", data[:4])[0] != 0x950412DE:
        raise ValueError("%s: not a .mo file" % path)
    n, orig, trans = struct.unpack(order + "III", data[8:20])
    for i in range(n):
        olen, _ = struct.unpack(order + "II", data[orig + 8 * i:orig + 8 * i + 8])
        tlen, toff = struct.unpack(order + "II", data[trans + 8 * i:trans + 8 * i + 8])
        if olen == 0:
            continue
        yield data[toff:toff + tlen].decode("utf-8")


def words(path=DEFAULT):
    """The set of one-word names (see above) in the catalogue at path."""
    spellings = (clean_arabic(name) for name in translations(path))
    return {w for w in (place_word(s, MIN_LETTERS) for s in spellings if s) if w}


def main():
    for w in sorted(words(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)):
        print(w)


if __name__ == "__main__":
    main()
