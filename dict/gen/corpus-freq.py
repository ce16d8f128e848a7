#!/usr/bin/env python3
"""Count word frequencies in the bench corpus, leaving out the evaluation.

  python3 dict/gen/corpus-freq.py CORPUS_DIR INDEX.tsv [MIN] > dict/ar-freq.tsv

CORPUS_DIR is ../shared/bench-corpus (the *.txt.xz files); INDEX.tsv is the
articles/INDEX.tsv written by realtext-eval's make_dev_set.py: the lines of
the source files its pieces were cut from.  Left out of the counts:
- every line that INDEX.tsv lists (the evaluation pieces),
- all of pud-wiki-ar-en.txt (the evaluation cuts all of it),
- every 10th remaining line of cca-msa.txt and aljazeera-diacritized.txt
  (line number divisible by 10): a held-out check set for tuning
  (bench/attested.py) that the counts never saw.
Counted: the rest of cca-msa.txt, aljazeera-diacritized.txt and
tashkeela-diacritized.txt, after removing harakat, tatweel and the
superscript alef.  A word is a run of Arabic letters (U+0621-U+064A,
U+0671-U+06D3); words seen fewer than MIN times (default 2) are dropped.
Output: "word<TAB>count", most frequent first, ties in code-point order;
a header line starting with "#" says what was counted.
"""
import lzma, os, re, sys

WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")
STRIP = dict.fromkeys(list(range(0x064B, 0x0653)) + [0x0640, 0x0670])
FILES = ["cca-msa.txt", "aljazeera-diacritized.txt", "tashkeela-diacritized.txt"]
CHECK_SET = ("cca-msa.txt", "aljazeera-diacritized.txt")


def held_out(index):
    """{file: set of 1-based line numbers} listed by INDEX.tsv."""
    out = {}
    src = {"pud": "pud-wiki-ar-en.txt", "cca": "cca-msa.txt"}
    with open(index, encoding="utf-8") as f:
        next(f)
        for line in f:
            _, kind, where, _ = line.rstrip("\n").split("\t")
            nums = where.split(" ", 1)[1].split(",")
            out.setdefault(src[kind], set()).update(int(n) for n in nums)
    return out


def counted_lines(corpus, index):
    """(file, line number, text) of every line that may be counted."""
    skip = held_out(index)
    for name in FILES:
        with lzma.open(os.path.join(corpus, name + ".xz"), "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if n in skip.get(name, ()) or (name in CHECK_SET and n % 10 == 0):
                    continue
                yield name, n, line


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: corpus-freq.py CORPUS_DIR INDEX.tsv [MIN]")
    corpus, index = sys.argv[1], sys.argv[2]
    least = int(sys.argv[3]) if len(sys.argv) == 4 else 2
    counts, total = {}, 0
    for _, _, line in counted_lines(corpus, index):
        for w in WORD.findall(line.translate(STRIP)):
            counts[w] = counts.get(w, 0) + 1
            total += 1
    kept = sorted(((c, w) for w, c in counts.items() if c >= least), key=lambda p: (-p[0], p[1]))
    out = sys.stdout
    out.write("# word frequencies: dict/gen/corpus-freq.py, min %d; %d words counted, "
              "%d distinct, %d kept\n" % (least, total, len(counts), len(kept)))
    for c, w in kept:
        out.write("%s\t%d\n" % (w, c))


if __name__ == "__main__":
    main()
