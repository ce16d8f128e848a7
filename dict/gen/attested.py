#!/usr/bin/env python3
"""Build dict/attested-ar.tsv: Arabic words that real text uses and that
hunspell-ar rejects (names, loanwords, derived forms), with their evidence.

  python3 dict/gen/attested.py TRAINEDDATA FREQ.tsv KNOWN-ERRORS.tsv \
      [--cldr CLDR-DIR] [--names NAMES-DIR] [--geonames GEONAMES.mo] \
      [--cities CITIES.json] > dict/attested-ar.tsv

TRAINEDDATA is Debian's tesseract-ocr-ara file
(/usr/share/tesseract-ocr/5/tessdata/ara.traineddata, Apache-2.0): its
word list (about 113,000 words of web text) is extracted with
combine_tessdata -u and dawg2wordlist (package tesseract-ocr).  FREQ.tsv is
dict/ar-freq.tsv (dict/gen/corpus-freq.py: counts from the bench corpus
without the evaluation pieces).  KNOWN-ERRORS.tsv is dict/ar-known-errors.tsv.
CLDR-DIR, if given, is CLDR's common/ directory (Debian unicode-cldr-core:
/usr/share/unicode/cldr/common), whose Arabic names of the subdivisions of
countries (dict/gen/cldr_subdivisions.py: provinces, states, counties) are
a third source.  NAMES-DIR, if given, is dict/names, the gazetteer.
GEONAMES.mo, if given, is the Arabic catalogue of Debian's
libgeonames-common (/usr/share/locale/ar/LC_MESSAGES/geonames.mo), whose
Arabic names of some 7,600 cities from GeoNames' alternate names
(dict/gen/geonames_mo.py, CC-BY-4.0) are a fourth source.
CITIES.json, if given, is data/cities.json of the npm package
country-city-multilanguage 1.0.0 (MIT), whose Arabic names of 74,158
towns and cities (dict/gen/npm_cities.py) are a fifth source, of
evidence only.

A word is kept when it is made of Arabic letters only, has at least 3 of
them, hunspell -d ar rejects it, and
- the word list has it and the corpus has it at least once (evidence "tc"),
  or the corpus has it at least 3 times (evidence "c"), or the word list
  has it and no word one edit away is much more frequent (evidence "t"),
  or it is the name of a subdivision and no word one edit away is much
  more frequent (evidence "s"), or a GeoNames city name (evidence "g")
  or the name of a town (evidence "p") and no word one edit away is much
  more frequent (the library accepts these two kinds of words and
  weighs them as fixes without a count, but learns no spelling from
  them: the town list was made in bulk, and both would put places before
  the words meant);
and it is none of:
- a spelling of a word hunspell accepts with ى/ي or ة/ه swapped at the end,
  or with a hamza put on one alef: house style, handled by its own options;
- a known error (KNOWN-ERRORS.tsv);
- a word one edit (a letter deleted, inserted, replaced, or two swapped)
  from a word at least 20 times as frequent in the corpus (counting the
  word itself as at least 1): the likely typo of a common word;
- a word of the word list only (evidence "t") that is one likely slip
  (a letter for one that differs only in dots or hamza seat, or sounds
  the same; a letter doubled; two letters swapped) from a word of five
  letters or more of a gazetteer name: the likely typo of a name the
  corpus is too small to count (القدافي for القذافي, جووجل for جوجل);
- a city's or town's name only (evidence "g" or "p") that is one likely
  slip from such a word or from the rest of one after the article
  (الشيسي: ال + a slip of سيسي; أوياما, a city, beside أوباما).
Output: "word<TAB>corpus count<TAB>evidence", sorted by word; a header
comment names the inputs.  Deterministic for the same inputs.
"""
import argparse, glob, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
ARABIC = re.compile("[%s]{3,}" % LETTERS)
SWAP = {"ي": "ى", "ى": "ي", "ة": "ه", "ه": "ة"}
DOMINANCE = 20


def tesseract_words(traineddata):
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["combine_tessdata", "-u", traineddata, os.path.join(d, "ara.")],
                       check=True, capture_output=True)
        out = os.path.join(d, "words")
        subprocess.run(["dawg2wordlist", os.path.join(d, "ara.lstm-unicharset"),
                        os.path.join(d, "ara.lstm-word-dawg"), out], check=True,
                       capture_output=True)
        with open(out, encoding="utf-8") as f:
            return {w for w in f.read().split("\n") if ARABIC.fullmatch(w)}


def rejected(words):
    words = sorted(set(words))
    p = subprocess.run(["hunspell", "-i", "utf-8", "-d", "ar", "-l"],
                       input="\n".join(words) + "\n", capture_output=True, text=True,
                       encoding="utf-8", check=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    return set(p.stdout.split()) & set(words)


def house_variants(w):
    out = {w[:i] + h + w[i + 1:] for i, ch in enumerate(w) if ch == "ا" for h in "أإآ"}
    if w[-1] in SWAP:
        out.add(w[:-1] + SWAP[w[-1]])
    return out


def one_edit(w):
    n = len(w)
    for i in range(n):
        yield w[:i] + w[i + 1:]
        for b in LETTERS:
            if b != w[i]:
                yield w[:i] + b + w[i + 1:]
        if i + 1 < n and w[i] != w[i + 1]:
            yield w[:i] + w[i + 1] + w[i] + w[i + 2:]
    for i in range(n + 1):
        for b in LETTERS:
            yield w[:i] + b + w[i:]


# Letters a typist or a transliterator puts for one another: the same
# shape but for dots or the hamza's seat, or the same sound.
SLIP_GROUPS = ["بتثنيئ", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق",
               "اأإآ", "وؤ", "ىيئ", "ةه", "سصث", "تط", "دضذ", "ذزظ", "كق",
               "هح", "ظض"]
SLIPS = {}
for _g in SLIP_GROUPS:
    for _a in _g:
        SLIPS.setdefault(_a, set()).update(b for b in _g if b != _a)


def likely_slips(w):
    """The strings one likely slip from w: a letter for one of its group
    above, a doubled letter written once, two neighbours swapped."""
    n = len(w)
    for i in range(n):
        for b in sorted(SLIPS.get(w[i], ())):
            yield w[:i] + b + w[i + 1:]
        if i + 1 < n and w[i] == w[i + 1]:
            yield w[:i] + w[i + 1:]
        elif i + 1 < n:
            yield w[:i] + w[i + 1] + w[i] + w[i + 2:]


def gazetteer_words(names_dir):
    """The words of five letters or more of the Arabic spellings in the
    gazetteer files NAMES_DIR/*.tsv (dict/FORMAT.md)."""
    out = set()
    for path in sorted(glob.glob(os.path.join(names_dir, "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(fields) != 4 or fields[3] == "-":
                    continue
                for spelling in fields[3].split("|"):
                    out.update(w for w in spelling.split() if len(w) >= 5)
    return out


def stems(words):
    """The words of four letters or more after the article of words:
    الشيسي is ال + a slip of سيسي, the rest of السيسي."""
    return {w[2:] for w in words if w.startswith("ال") and len(w) >= 6}


def main():
    ap = argparse.ArgumentParser(description="Build dict/attested-ar.tsv.")
    ap.add_argument("traineddata")
    ap.add_argument("freq")
    ap.add_argument("known_errors")
    ap.add_argument("--cldr", help="CLDR common/ directory (subdivision names)")
    ap.add_argument("--names", help="the gazetteer directory, dict/names")
    ap.add_argument("--geonames", help="geonames.mo of libgeonames-common, Arabic")
    ap.add_argument("--cities", help="data/cities.json of the npm package "
                    "country-city-multilanguage (names of towns and cities)")
    args = ap.parse_args()
    tess = tesseract_words(args.traineddata)
    subdiv = set()
    if args.cldr:
        import cldr_subdivisions
        subdiv = {w for w in cldr_subdivisions.words(args.cldr) if ARABIC.fullmatch(w)}
    geo = set()
    if args.geonames:
        import geonames_mo
        geo = {w for w in geonames_mo.words(args.geonames) if ARABIC.fullmatch(w)}
    cities = set()
    if args.cities:
        import npm_cities
        cities = {w for w in npm_cities.words(args.cities) if ARABIC.fullmatch(w)}
    gaz = gazetteer_words(args.names) if args.names else set()
    gaz_stems = gaz | stems(gaz)
    freq = {}
    with open(args.freq, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                w, c = line.rstrip("\n").split("\t")
                freq[w] = int(c)
    with open(args.known_errors, encoding="utf-8") as f:
        known = {l.split("\t")[0] for l in f if l.strip() and not l.startswith("#")}
    cand = {}
    for w in tess | subdiv | geo | cities | {w for w, c in freq.items()
                                             if c >= 3 and ARABIC.fullmatch(w)}:
        c = freq.get(w, 0)
        cand[w] = ("tc" if w in tess and c else "t" if w in tess
                   else "s" if w in subdiv else "g" if w in geo
                   else "c" if c >= 3 else "p")
    rej = rejected(cand)
    cand = {w: e for w, e in cand.items() if w in rej and w not in known}
    variants = {w: house_variants(w) for w in cand}
    vrej = rejected({v for vs in variants.values() for v in vs})
    cand = {w: e for w, e in cand.items() if all(v in vrej for v in variants[w])}
    kept = {}
    for w, e in cand.items():
        c = max(freq.get(w, 0), 1)
        if e != "tc" and any(freq.get(v, 0) >= DOMINANCE * c for v in one_edit(w)):
            continue
        if e == "t" and w not in gaz and any(v in gaz for v in likely_slips(w)):
            continue
        if e in ("g", "p") and w not in gaz_stems and any(v in gaz_stems for v in likely_slips(w)):
            continue
        kept[w] = e
    out = sys.stdout
    out.write("# attested Arabic words that hunspell-ar rejects: dict/gen/attested.py from\n"
              "# tesseract-ocr-ara %s (Apache-2.0), dict/ar-freq.tsv%s%s%s; %d words\n"
              "# word\tcorpus count\tevidence (t: tesseract word list, c: corpus%s%s%s)\n"
              % (os.path.basename(args.traineddata),
                 ", CLDR subdivision names (Unicode licence)" if subdiv else "",
                 ", GeoNames city names (CC-BY-4.0)" if geo else "",
                 ", npm country-city-multilanguage town names (MIT)" if cities else "",
                 len(kept), ", s: CLDR subdivision names" if subdiv else "",
                 ", g: GeoNames city names" if geo else "",
                 ", p: town names, evidence only" if cities else ""))
    for w in sorted(kept):
        out.write("%s\t%d\t%s\n" % (w, freq.get(w, 0), kept[w]))


if __name__ == "__main__":
    main()
