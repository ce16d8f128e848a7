#!/usr/bin/env python3
"""Fit the weights of the kinds of typing slip of the speller's ranking
(libarabic/rank.c: kind_p[]) on tuning sets.

  python3 bench/rank-fit.py TRACE_ARSPELL SET_DIR... [--eval SET_DIR...]

TRACE_ARSPELL is an arspell built with the ranking's trace, which writes
each ranked candidate of each word to stderr (in a build tree of its own):

    make CPPFLAGS=-DAR_RANK_TRACE

Each SET_DIR is a realtext-eval set (articles/, corrupted/, key.tsv), cut
from the corpus lines the evaluation leaves out (bench/attested.py
make-check, doc/accuracy.md); never fit on the evaluation set itself.
For each injected typo of key.tsv that arspell ranks candidates for, the
trace gives every candidate with its kind of slip and its score without
the kind's weight.  A search multiplies one weight by one of a few factors
at a time, taking each time the change that puts the intended word first
for the most typos; it starts from the weights of rank.c, and stops when
no change helps.  Six weights are not fitted:
- a letter with other dots (the unit the others are measured in);
- a hamza seat and a final ه/ة or ى/ي: the injected typos never make
  these slips (realtext-eval writes only typing slips), so the sets
  cannot weigh them against the others, though writers make them often;
- a stray key before the first letter, or the first letter left out:
  the injected typos never leave it out, so a fit would lower the weight
  of a slip it never sees (0.05 was fitted when the kind held only the
  stray key);
- a space left out, weighed by the pair's count (add_splits());
- a name the caller offers beyond one slip: the injected typos are of
  the texts' words, few of them names of the gazetteer, which
  tests/names weighs.
The script prints the C array and, for the fitted and the --eval sets,
how many typos have the intended word first before and after.
"""
import argparse, os, re, subprocess, sys, unicodedata

KINDS = ["any other letter", "a caller's candidate farther away",
         "a letter added before the first, or the first left out", "a letter added",
         "a letter of the same sound", "a letter with other dots",
         "a neighbour key", "a letter left out", "a letter doubled",
         "two letters swapped", "a space left out", "a hamza seat",
         "a final letter (ه ة, ي ى)"]
FIXED = {1, 2, 5, 10, 11, 12}
FACTORS = (0.5, 0.7, 0.85, 1.2, 1.4, 2.0)


def current_weights(rank_c):
    src = open(rank_c, encoding="utf-8").read()
    m = re.search(r"kind_p\[K_N\]\s*=\s*\{([^}]*)\}", src)
    if not m:
        sys.exit("rank-fit: no kind_p[] in %s" % rank_c)
    w = [float(x) for x in m.group(1).replace("\n", " ").split(",") if x.strip()]
    if len(w) != len(KINDS):
        sys.exit("rank-fit: kind_p[] has %d weights, the script knows %d kinds"
                 % (len(w), len(KINDS)))
    return w


def fold(s):
    """The scorer's comparison: NFC, and an alef's hamza does not count."""
    return unicodedata.normalize("NFC", s).translate(str.maketrans("أإآ", "ااا"))


def pools(arspell, folder):
    """word -> [(candidate, kind, score without the kind's weight)]: the
    first pool the trace gives for each word of corrupted/."""
    here = os.path.join(folder, "corrupted")
    names = sorted(x for x in os.listdir(here) if re.fullmatch(r"\d{3}\.txt", x))
    p = subprocess.run([arspell, "--format=jsonl"] + names, cwd=here,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("rank-fit: %s failed: %s" % (arspell, p.stderr[-500:]))
    out, done, last = {}, set(), None
    for line in p.stderr.splitlines():
        f = line.split("\t")
        if len(f) != 5 or f[0] != "rank":
            continue
        word = f[1]
        if word != last:  # a new pool begins
            if last is not None:
                done.add(last)
            last = word
        if word in done:
            continue
        out.setdefault(word, []).append((f[2], int(f[3]), float(f[4])))
    if not out:
        sys.exit("rank-fit: %s wrote no trace: build it with "
                 "CPPFLAGS=-DAR_RANK_TRACE" % arspell)
    return out


def typos(folder, pool):
    """[(pool of the typo, index of the intended words in it)] for the
    typos of key.tsv that have a pool."""
    items = []
    with open(os.path.join(folder, "key.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            col = line.rstrip("\n").split("\t")
            original, typo = col[3], col[4]
            if typo in pool:
                p = pool[typo]
                want = {i for i, c in enumerate(p) if fold(c[0]) == fold(original)}
                items.append((p, want))
    return items


def first_right(items, w):
    n = 0
    for p, want in items:
        best, bs = -1, -1.0
        for i, (_, k, s) in enumerate(p):
            v = s * w[k]
            if v > bs:
                best, bs = i, v
        n += best in want
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("arspell")
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--eval", nargs="*", default=[])
    ap.add_argument("--rank-c", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "libarabic", "rank.c"))
    a = ap.parse_args()
    start = current_weights(a.rank_c)
    fitted = [x for s in a.sets for x in typos(s, pools(a.arspell, s))]
    held = {s: typos(s, pools(a.arspell, s)) for s in a.eval}
    w, best = list(start), first_right(fitted, start)
    while True:  # the best single change, until none helps
        step = None
        for k in range(len(KINDS)):
            if k in FIXED:
                continue
            for m in FACTORS:
                t = list(w)
                t[k] = round(w[k] * m, 4)
                v = first_right(fitted, t)
                if v > best and (step is None or v > step[0]):
                    step = (v, t)
        if step is None:
            break
        best, w = step
    print("static const double kind_p[K_N] = {")
    for k, x in enumerate(w):
        print("\t%g, /* %s */" % (x, KINDS[k]))
    print("};")
    print("  fitted  %4d typos ranked: intended word first %d -> %d"
          % (len(fitted), first_right(fitted, start), best))
    for s, items in held.items():
        print("  %-7s %4d typos ranked: intended word first %d -> %d"
              % (os.path.basename(os.path.normpath(s)), len(items),
                 first_right(items, start), first_right(items, w)))


if __name__ == "__main__":
    main()
