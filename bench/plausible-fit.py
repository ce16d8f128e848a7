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
weighs are slips.  Words one likely slip from a name of the gazetteer are
left out: they are reported whatever their score.  A logistic regression (gradient descent, a little L2)
gives the weights of the score that a word is a slip; the script prints
them as the C array and, for a few thresholds, how many uses of correct
words would be reported and how many typos accepted, on the fitting sets
and on the --eval sets.
"""
import argparse, math, os, re, subprocess, sys, unicodedata
from collections import Counter

WORD = re.compile(r"[\u0621-\u0652\u0670-\u06D3]+")
LABELS = ["bias", "fewer than five letters", "five letters",
          "eight letters or more",
          "log(1 + count of the commonest slip neighbour)",
          "log(1 + count of the commonest neighbour)",
          "a name of the store one likely slip away",
          "a name of the gazetteer one edit away",
          "a place one likely slip away",
          "best gain of the letter model, clamped to [-2, 10], / 5",
          "a listed neighbour"]


def bare(w):
    return "".join(c for c in w if not unicodedata.combining(c) and c != "\u0640")


def features(f):
    """f: the trace's fields after the word (letters, fslip, fany, nslip,
    ngaz, evslip, gain, listed, gslip): the vector of plausible_unknown()."""
    n, fslip, fany, nslip, ngaz, ev = (int(x) for x in f[:6])
    gain, listed = min(float(f[6]), 10.0), int(f[7])
    return [1.0, n < 5, n == 5, n >= 8, math.log1p(fslip), math.log1p(fany),
            nslip, ngaz, ev, gain / 5, listed]


def trace(arspell, folder):
    names = sorted(x for x in os.listdir(folder) if re.fullmatch(r"\d{3}\.txt", x))
    p = subprocess.run([arspell, "--format=jsonl"] + names, cwd=folder,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("plausible-fit: %s failed: %s" % (arspell, p.stderr[-500:]))
    out = {}
    for line in p.stderr.splitlines():
        f = line.split("\t")
        if f[0] == "plausible" and len(f) == 11 and f[10] == "0":
            out[f[1]] = features(f[2:])
    if not out:
        sys.exit("plausible-fit: no trace from %s (built with -DAR_PLAUSIBLE_TRACE?)" % arspell)
    return out


def examples(arspell, d):
    """(x, label, weight) for the words of set d that the test weighs."""
    arts = os.path.join(d, "articles")
    once = Counter()
    for name in os.listdir(arts):
        if re.fullmatch(r"\d{3}\.txt", name):
            n = Counter(bare(w) for w in WORD.findall(open(os.path.join(arts, name), encoding="utf-8").read()))
            once.update(w for w, k in n.items() if k == 1)
    ex = [(x, 0, once[w]) for w, x in trace(arspell, arts).items() if once[w]]
    bad = trace(arspell, os.path.join(d, "corrupted"))
    for line in open(os.path.join(d, "key.tsv"), encoding="utf-8").read().splitlines()[1:]:
        t = bare(line.split("\t")[4])
        if t in bad:
            ex.append((bad[t], 1, 1))
    return ex


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
    ex = [e for d in a.sets for e in examples(arspell, d)]
    w = fit(ex)
    print("static const double plausible_w[PLAUSIBLE_MEASURES] = {")
    for wi, lab in zip(w, LABELS):
        print("\t%.3f, /* %s */" % (wi, lab))
    print("};")
    ev = [(os.path.basename(d.rstrip("/")), examples(arspell, d)) for d in a.eval]
    for th in (-1.0, -0.9, -0.8, -0.7, -0.5):
        report(w, "fitted", ex, th)
        for name, e in ev:
            report(w, name, e, th)


if __name__ == "__main__":
    main()
