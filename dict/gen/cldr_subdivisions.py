#!/usr/bin/env python3
"""cldr_subdivisions.py - the Arabic names of countries' subdivisions.

Usage: cldr_subdivisions.py [CLDR-COMMON-DIR]    (prints the words)
       import cldr_subdivisions; cldr_subdivisions.words(DIR)

Reads the Arabic names of the subdivisions of countries (ISO 3166-2:
provinces, states, counties, governorates) from CLDR's subdivisions/ar.xml,
as Debian's unicode-cldr-core package installs it (default directory
/usr/share/unicode/cldr/common).  ICU carries no subdivision names, so
dict/gen/icu-names does not cover them.  dict/gen/attested.py takes these
words as one source of attested words.

The names are cleaned to Arabic letters and single spaces: harakat,
tatweel, ZWNJ, left-to-right and right-to-left marks and footnote marks go; Persian kaf and yeh become Arabic
letters; a hyphen becomes a space; what follows a comma (the country,
added to tell apart two places of one name) is cut.  Entries whose
Arabic name is no Arabic text (a wiki category, Latin letters) are left
out.  words() gives the names of one word, and the rest of a two-word
name whose first word names its kind (محافظة, ولاية, مقاطعة...): "إقليم
كامشاتكا" gives كامشاتكا.  The words of longer names are left out: like
the gazetteer's multi-word names, they are words only together.

The data is CLDR's, under the Unicode licence (dict/README.md).
"""
import os
import re
import sys
import unicodedata

# First words that name the kind of subdivision rather than the place.
KINDS = {
    "مقاطعة", "محافظة", "بلدية", "ولاية", "إقليم", "اقليم", "إدارة",
    "منطقة", "أبرشية", "كانتون", "ضاحية", "مديرية", "شعبية", "أوبليس",
    "أوبلاست", "المحافظة", "المقاطعة", "الإقليم", "المنطقة", "الإدارة",
    "جهة", "شعبة", "حي", "مدينة", "جمهورية", "دائرة", "قضاء", "ناحية",
    "لواء", "بلدة", "كونتية", "مجلس",
}

ARABIC_WORD = re.compile("^[\u0621-\u063a\u0641-\u064a]+$")


def read(path):
    """{code: name} of the subdivisions in one CLDR file."""
    text = open(path, encoding="utf-8").read()
    out = {}
    for code, name in re.findall(
            r'<subdivision type="([^"]+)"[^>]*>([^<]+)</subdivision>', text):
        out[code] = name.strip()
    return out


def clean_arabic(name):
    """The Arabic spelling of a CLDR name in the gazetteer's letters, or
    None when it is not Arabic text."""
    if ":" in name:
        return None
    name = unicodedata.normalize("NFC", name).replace("\u200e", "").replace("\u200f", "")
    name = name.split("\u060c")[0].split(",")[0]
    name = re.sub("[\u064b-\u065f\u0670\u0640\u200c\u200d\u00b2\u00b3\u00b9]", "",
                  name)
    name = name.replace("-", " ").replace("\u2010", " ")
    # Persian letters: kaf; yeh joined to the next letter is ya, at a
    # word's end it is alef maksura
    name = name.replace("\u06a9", "\u0643")
    name = re.sub("\u06cc(?=[\u0621-\u064a\u06a9\u06cc])", "\u064a", name)
    name = name.replace("\u06cc", "\u0649")
    words = name.split()
    if not words or not all(ARABIC_WORD.match(w) for w in words):
        return None
    return " ".join(words)


def place_word(spelling, min_letters=0):
    """The word that a cleaned name spelling gives: the name itself when it
    is one word, the rest of a two-word name whose first word names its
    kind ("إقليم كامشاتكا"); None for longer names or a word under
    min_letters letters."""
    w = spelling.split()
    if len(w) == 2 and w[0] in KINDS:
        w = w[1:]
    return w[0] if len(w) == 1 and len(w[0]) >= min_letters else None


def words(base):
    """The set of one-word names (see above) under CLDR-COMMON-DIR base."""
    out = set()
    for name in read(os.path.join(base, "subdivisions", "ar.xml")).values():
        spelling = clean_arabic(name)
        if spelling is None:
            continue
        w = spelling.split()
        if len(w) == 1:
            # a kind written without its space: مقاطعةغانزي
            kind = [k for k in KINDS if w[0].startswith(k) and len(w[0]) >= len(k) + 3]
            out.add(w[0][len(kind[0]):] if kind else w[0])
        elif len(w) == 2 and w[0] in KINDS:
            out.add(w[1])
    return out


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/cldr/common"
    for w in sorted(words(base)):
        print(w)


if __name__ == "__main__":
    main()
