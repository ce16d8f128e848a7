#!/usr/bin/env python3
"""npm_cities.py - the Arabic names of the world's towns and cities.

Usage: npm_cities.py CITIES.json      (prints the words)
       import npm_cities; npm_cities.words(PATH)

Reads data/cities.json of the npm package country-city-multilanguage
1.0.0 (MIT licence; `npm pack country-city-multilanguage@1.0.0` fetches
it): 74,158 towns and cities of 229 countries, each with an English, a
French and an Arabic name.  Many of them are named after people (Jefferson,
Baldwin, Meredith) or after other places, so their Arabic names are the
transliterations that news text uses for foreign names.  The Arabic
names were made in bulk, and some are a translation of the English word
rather than the name (Base gives يتمركز): dict/gen/attested.py takes the
words only as evidence, through the same filters as its other sources,
and hunspell-ar accepts such translations anyway.

Each Arabic name is cleaned as CLDR's subdivision names are
(cldr_subdivisions.clean_arabic(): harakat and tatweel go, Persian
letters become Arabic ones; names in Latin letters are left out), and
words() gives, as for those, the names of one word and the rest of a
two-word name whose first word names its kind ("مدينة جيلين" gives
جيلين), of five letters or more and not written with two alefs in a
row.  The words of longer names are left out: they are words only
together.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cldr_subdivisions import clean_arabic, place_word  # noqa: E402

# Shorter names are left out: a slip of a common short word too often
# makes one of the 44,000 (جينات -> جينت, Ghent).
MIN_LETTERS = 5


def names(path):
    """The Arabic names in cities.json at path, cleaned; None for those
    that are no Arabic text."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for country in data:
        for city in country.get("cities", ()):
            yield clean_arabic(city.get("label_ar") or "")


# Two alefs in a row (إانس): no Arabic spelling writes them, so the name
# was made badly.
BAD = re.compile("[اأإآ]ا")


def words(path):
    """The set of one-word names (see above) in cities.json at path, of
    MIN_LETTERS letters or more and without two alefs in a row."""
    found = (place_word(s, MIN_LETTERS) for s in names(path) if s)
    return {w for w in found if w and not BAD.search(w)}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: npm_cities.py CITIES.json")
    for w in sorted(words(sys.argv[1])):
        print(w)


if __name__ == "__main__":
    main()
