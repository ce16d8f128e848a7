#!/usr/bin/env python3
"""Fit the weights of the "reads like a word" test of the speller
(libarabic/analyse.c: plausible_unknown(), plausible_w[]) on tuning sets.

  python3 bench/plausible-fit.py TRACE_ARSPELL SET_DIR... [--eval SET_DIR...]

TRACE_ARSPELL is an arspell built with the test's trace, which writes one
line to stderr for each word the test weighs (in a build tree of its own):

    make CPPFLAGS=-DAR_PLAUSIBLE_TRACE

Each SET_DIR is a realtext-eval set (articles/, corrupted/, key.tsv), cut
from the corpus lines the evaluation leaves out (bench/attested.py
make-check, doc/accuracy.md); never fit on the evaluation set itself.  The
words of articles/ that the test weighs are correct words (weighted by
the number of pieces that use them once: a word used twice in a piece is
not reported however it reads, spell.c); the injected typos of key.tsv that it
weighs are slips.  Words one likely slip from a name of the gazetteer
are left out of the fit: they have a line of their own.  A logistic
regression (gradient descent, a little L2) gives the weights of the
score that a word is a slip; the script prints them as the C array and,
for a few thresholds, how many uses of correct words would be reported
and how many typos accepted, on the fitting sets and on the --eval
sets; then the line of the gazetteer's slips (the highest that accepts
none of the fitting sets' typos of that kind); then, for pairs of a
threshold and a band, the same counts for the rule of the neighbours
(spell.c: a score under the threshold plus the band is not reported
beside a word that no dictionary has), counted per use, and the pair
it keeps.
"""
import argparse, math, os, re, subprocess, sys, unicodedata
from collections import Counter

# the words of a text, as realtext-eval counts them
TOKEN = re.compile(r"[A-Za-z\u0621-\u0652\u0670-\u06D3]+")
LABELS = ["bias", "fewer than five letters", "five letters",
          "eight letters or more",
          "log(1 + count of the commonest slip neighbour)",
          "log(1 + count of the commonest neighbour)",
          "a name of the store one likely slip away",
          "a name of the gazetteer one edit away",
          "a place one likely slip away",
          "best gain of the letter model, clamped to [-2, 10], / 5",
          "a listed neighbour",
          "how much likelier by the letter model of places, per letter",
          "how well the word reads by the letter model, per letter, + 3"]


def bare(w):
    return "".join(c for c in w if not unicodedata.combining(c) and c != "\u0640")


def features(f):
    """f: the trace's fields after the word (letters, fslip, fany, nslip,
    ngaz, evslip, gain, listed, gslip, places, reads): the vector of
    plausible_unknown()."""
    n, fslip, fany, nslip, ngaz, ev = (int(x) for x in f[:6])
    gain, listed = min(float(f[6]), 10.0), int(f[7])
    return [1.0, n < 5, n == 5, n >= 8, math.log1p(fslip), math.log1p(fany),
            nslip, ngaz, ev, gain / 5, listed, float(f[9]), float(f[10]) + 3]


def trace(arspell, folder):
    names = sorted(x for x in os.listdir(folder) if re.fullmatch(r"\d{3}\.txt", x))
    p = subprocess.run([arspell, "--format=jsonl"] + names, cwd=folder,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("plausible-fit: %s failed: %s" % (arspell, p.stderr[-500:]))
    out = {}
    for line in p.stderr.splitlines():
        f = line.split("\t")
        if f[0] == "plausible" and len(f) == 13:
            out[f[1]] = (features(f[2:]), f[10] == "1")
    if not out:
        sys.exit("plausible-fit: no trace from %s (built with -DAR_PLAUSIBLE_TRACE?)" % arspell)
    return out


def rejected(words):
    """The words that hunspell's Arabic and English dictionaries both
    reject (the dictionaries the speller asks about a word's neighbours)."""
    p = subprocess.run(["hunspell", "-i", "utf-8", "-d", "ar,en_US", "-l"],
                       input="\n".join(sorted(words)) + "\n",
                       capture_output=True, text=True, check=True)
    return set(p.stdout.split())


def uses(arspell, d):
    """(x, label, beside, gaz) for each use of a word of set d that the test
    weighs: a correct word used once in its piece of articles/ (a word
    used twice in a piece is not reported however it reads, spell.c), or
    an injected typo of key.tsv in corrupted/.  x is the word's measures,
    label 1 for a typo, and beside whether a word next to it (the word
    before or after, punctuation between them or not) is in no
    dictionary, and gaz whether it is one likely slip from a name of the
    gazetteer."""
    out = []
    for sub, label in (("articles", 0), ("corrupted", 1)):
        folder = os.path.join(d, sub)
        tr = trace(arspell, folder)
        texts = {n: open(os.path.join(folder, n), encoding="utf-8").read()
                 for n in sorted(os.listdir(folder)) if re.fullmatch(r"\d{3}\.txt", n)}
        rej = rejected({w for t in texts.values() for w in TOKEN.findall(t)})
        typos = {}
        if label:
            for line in open(os.path.join(d, "key.tsv"), encoding="utf-8").read().splitlines()[1:]:
                f = line.split("\t")
                typos.setdefault(f[0], set()).add(int(f[1]))
        for n, t in texts.items():
            toks = [(m.start(), m.group()) for m in TOKEN.finditer(t)]
            once = Counter(bare(w) for _, w in toks)
            for i, (at, w) in enumerate(toks):
                b = bare(w)
                if b not in tr:
                    continue
                if label == 0 and once[b] != 1:
                    continue
                if label == 1 and len(t[:at].encode("utf-8")) not in typos.get(n, ()):
                    continue
                near = [toks[j][1] for j in (i - 1, i + 1) if 0 <= j < len(toks)]
                x, gaz = tr[b]
                out.append((x, label, any(v in rej for v in near), gaz))
    return out


def beside(w, u, th, band, gth):
    """Uses of correct words reported and typos accepted when a score
    below th + band is not reported beside a word in no dictionary, and
    a likely slip of a gazetteer name is reported from score gth on."""
    def reported(x, near, gaz):
        z = score(w, x)
        if gaz:
            return z >= gth
        return z >= th and not (near and z < th + band)
    fa = sum(1 for x, y, near, gaz in u if y == 0 and reported(x, near, gaz))
    miss = sum(1 for x, y, near, gaz in u if y == 1 and not reported(x, near, gaz))
    return fa, miss


def score(w, x):
    return sum(a * b for a, b in zip(w, x))


def fit(ex, rounds=1500, rate=0.5, l2=1e-3):
    w = [0.0] * len(ex[0][0])
    total = sum(k for _, _, k in ex)
    for _ in range(rounds):
        g = [0.0] * len(w)
        for x, y, k in ex:
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, score(w, x)))))
            for i, xi in enumerate(x):
                g[i] += k * (p - y) * xi
        w = [wi - rate * (gi / total + l2 * wi) for wi, gi in zip(w, g)]
    return w


def report(w, name, ex, th):
    fa = sum(k for x, y, k in ex if y == 0 and score(w, x) >= th)
    miss = sum(1 for x, y, k in ex if y == 1 and score(w, x) < th)
    print("  %-12s threshold %5.2f: %4d uses of correct words reported, %3d of %d typos accepted"
          % (name, th, fa, miss, sum(1 for _, y, _ in ex if y == 1)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("arspell")
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--eval", nargs="*", default=[])
    a = ap.parse_args()
    arspell = os.path.abspath(a.arspell)
    u = [x for d in a.sets for x in uses(arspell, d)]
    uev = [(os.path.basename(d.rstrip("/")), uses(arspell, d)) for d in a.eval]
    # each use counts once: a correct word as often as pieces use it once;
    # the likely slips of gazetteer names have a threshold of their own
    ex = [(x, y, 1) for x, y, _, gaz in u if not gaz]
    w = fit(ex)
    print("static const double plausible_w[PLAUSIBLE_MEASURES] = {")
    for wi, lab in zip(w, LABELS):
        print("\t%.3f, /* %s */" % (wi, lab))
    print("};")
    ev = [(name, [(x, y, 1) for x, y, _, gaz in e if not gaz]) for name, e in uev]
    for th in (-1.0, -0.9, -0.8, -0.7, -0.5):
        report(w, "fitted", ex, th)
        for name, e in ev:
            report(w, name, e, th)
    # the neighbours (spell.c): a score below the threshold plus a band is
    # not reported beside a word in no dictionary; the pair kept is the
    # one that reports the fewest uses of correct words on the fitting
    # sets and accepts no more of their typos than the threshold alone
    # at the line in force before (-1.1, with no band).  Before that,
    # the threshold of the likely slips of gazetteer names: the highest
    # that accepts none of the fitting sets' typos that are such slips
    # (they are the misspelled names this checker is for)
    gaz = sorted(score(w, x) for x, y, _, g in u if g and y == 1)
    gth = max(t / 10 for t in range(-30, -10) if not gaz or t / 10 <= gaz[0])
    for t in sorted({-3.0, -2.5, -2.0, -1.5, gth, -1.1}):
        line = "  gazetteer slips from %5.2f:" % t
        for name, e in [("fitted", u)] + uev:
            line += " %s %d correct, %d typos accepted;" % (
                name, sum(1 for x, y, _, g in e if g and y == 0 and score(w, x) >= t),
                sum(1 for x, y, _, g in e if g and y == 1 and score(w, x) < t))
        print(line)
    print("  kept: gazetteer slips from %.2f" % gth)
    base = beside(w, u, -1.1, 0.0, gth)
    best = None
    for th in (-1.3, -1.2, -1.1, -1.0, -0.9):
        for band in (0.0, 0.3, 0.5, 0.7, 0.9, 1.2):
            fa, miss = beside(w, u, th, band, gth)
            line = "  threshold %5.2f band %.1f: fitted %4d uses reported, %3d typos accepted" % (th, band, fa, miss)
            for name, e in uev:
                line += "; %s %4d, %3d" % ((name,) + beside(w, e, th, band, gth))
            print(line)
            if miss <= base[1] and (best is None or fa < best[0]):
                best = (fa, th, band)
    print("  kept: threshold %.2f, band %.1f" % best[1:])


if __name__ == "__main__":
    main()
