#!/usr/bin/env python3
"""Where the right word sits in the suggestion lists, and what a noisy-channel
ranking would give: a prototype to measure before writing it in C.

  python3 bench/rank-proto.py DEV_DIR HUNSPELL.json ARSPELL.json FREQ.tsv
      [--words FILE]... [--names DIR] [--examples N]

HUNSPELL.json may be "-": hunspell -a is then run on the typos alone (its
suggestions do not depend on the context).  DEV_DIR is a realtext-eval set (DEV_DIR/key.tsv: each injected typo, its
original word and the operation that made it); HUNSPELL.json and
ARSPELL.json are what score.py --json wrote for "hunspell" and "arspell" on
it; FREQ.tsv is dict/gen/corpus-freq.py's output (counted without the
evaluation pieces).  --words adds attested word lists (accepted as
candidates, count 0 unless FREQ has them); --names DIR adds the Arabic
spellings of the gazetteer (dict/names/*.tsv) as candidates.

Prints, by operation: how often the original word is 1st, 2nd-5th, 6th or
later, or absent in hunspell's full list and in arspell's list; then the
noisy-channel ranking: candidates = hunspell's and arspell's suggestions +
every word at one edit from the typo (deletion, insertion, substitution,
transposition) + each of those with a hamza seat on one of its alefs, kept
when hunspell -d ar,en_US accepts them or FREQ / --words / --names has
them; score = log(count + 0.5) + log P(slip), where P(slip) depends on the
kind of edit (same letter shape but dots, keyboard neighbours on the Arabic
101 layout, phonetic pairs, ta marbuta / ha, alef maqsura / ya at the end,
doubling, other).  The slip weights are set by hand from the kinds of
typing errors, not fitted on the set; a "uniform" variant (every edit the
same) shows what the word frequencies alone give.  Suggestions are compared
as score.py does (NFC, أ إ آ folded to ا).
"""
import argparse, json, math, os, re, subprocess, sys, unicodedata
from collections import Counter, defaultdict

AR = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
DOTS = ["بتثنيئ", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق", "ةه", "ىي"]
PHON = ["سص", "تط", "دض", "ذز", "كق", "هح", "ضظ", "ذظ", "ثس", "زظ"]
AR_ROWS = ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرﻻىةوزظ"]   # as inject.py
LA_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
HAMZA = "أإآ"


def fold(s):
    return unicodedata.normalize("NFC", s).translate(str.maketrans("أإآ", "ااا"))


def neighbours(rows):
    off = [0, 0.25, 0.75]
    pos = {ch: (r, c + off[r]) for r, row in enumerate(rows) for c, ch in enumerate(row)}
    return {a: {b for b, (s, y) in pos.items() if b != a and
                ((s == r and abs(y - x) == 1) or (abs(s - r) == 1 and abs(y - x) < 1))}
            for a, (r, x) in pos.items()}


NB = neighbours(AR_ROWS)
NB.update(neighbours(LA_ROWS))
SAME = lambda groups: {(a, b) for g in groups for a in g for b in g if a != b}
DOTPAIRS, PHONPAIRS = SAME(DOTS), SAME(PHON)

# relative probability of each slip (hand-set, not fitted)
WEIGHTS = {"dots": 1.0, "keyboard": 1.0, "phonetic": 0.5, "ending": 2.0, "deletion": 1.0,
           "doubling": 1.0, "insertion": 0.5, "transposition": 1.0, "hamza": 1.5,
           "substitution": 0.03, "insertion-other": 0.03, "none": 1.0}
UNIFORM = {k: 1.0 for k in WEIGHTS}


def edits(typo):
    """{candidate: slip kind} for every word at one edit from typo (the edit
    undoes the typing error), plus hamza seats on one alef of each."""
    latin = typo[:1].isascii()
    alpha = "abcdefghijklmnopqrstuvwxyz" if latin else AR
    out = {}

    def add(c, kind):
        if c and c != typo and (c not in out or WEIGHTS[kind] > WEIGHTS[out[c]]):
            out[c] = kind
    n = len(typo)
    for i in range(n):
        ch = typo[i]
        # the typo has an extra letter at i: delete it
        prev, nxt = typo[i - 1:i], typo[i + 1:i + 2]
        if ch == prev or ch == nxt:
            add(typo[:i] + typo[i + 1:], "doubling")
        elif ch in NB.get(prev, ()) or ch in NB.get(nxt, ()):
            add(typo[:i] + typo[i + 1:], "insertion")
        else:
            add(typo[:i] + typo[i + 1:], "insertion-other")
        for b in alpha:                       # typo has ch where b was
            if b == ch:
                continue
            if i == n - 1 and {ch, b} in ({"ة", "ه"}, {"ى", "ي"}):
                kind = "ending"
            elif (ch, b) in DOTPAIRS:
                kind = "dots"
            elif b in NB.get(ch, ()):
                kind = "keyboard"
            elif (ch, b) in PHONPAIRS:
                kind = "phonetic"
            elif ch == "ا" and b in HAMZA:
                kind = "hamza"
            else:
                kind = "substitution"
            add(typo[:i] + b + typo[i + 1:], kind)
        if i + 1 < n and typo[i + 1] != ch:
            add(typo[:i] + typo[i + 1] + ch + typo[i + 2:], "transposition")
    for i in range(1, n + 1):                 # a letter was left out before i
        for b in alpha:
            add(typo[:i] + b + typo[i:], "deletion")
    for c, kind in list(out.items()):
        for i, ch in enumerate(c):
            if ch == "ا":
                for h in HAMZA:
                    add(c[:i] + h + c[i + 1:], kind)
    for i, ch in enumerate(typo):
        if ch == "ا":
            for h in HAMZA:
                add(typo[:i] + h + typo[i + 1:], "hamza")
    return out


def accepted(words):
    words = sorted(set(words))
    p = subprocess.run(["hunspell", "-i", "utf-8", "-d", "ar,en_US", "-l"],
                       input="\n".join(words) + "\n", capture_output=True, text=True,
                       encoding="utf-8", check=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    return set(words) - set(p.stdout.split())


def hunspell_key(key):
    """hunspell -a -d ar,en_US on each typo alone (its suggestions do not
    depend on the context): key entries as score.py --json writes them."""
    typos = sorted({k["typo"] for k in key})
    p = subprocess.run(["hunspell", "-a", "-i", "utf-8", "-d", "ar,en_US"],
                       input="".join("^%s\n" % t for t in typos), capture_output=True, text=True,
                       encoding="utf-8", check=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    sugg, res = {}, [r for r in p.stdout.split("\n")[1:] if r]
    for t, r in zip(typos, res):
        head, _, tail = r.partition(": ")
        sugg[t] = tail.split(", ") if r[0] == "&" and tail else []
        if r[0] not in "&#":
            sugg[t] = None                      # accepted
    out = []
    for k in key:
        s = sugg[k["typo"]] or []
        ranks = [i for i, c in enumerate(s, 1) if fold(c) == fold(k["original"])]
        out.append(dict(k, sugg=s, found=sugg[k["typo"]] is not None,
                        rank=ranks[0] if ranks else 0))
    return out


def bucket(rank):
    return "1" if rank == 1 else "2-5" if 2 <= rank <= 5 else "6+" if rank > 5 else "none"


def table(title, rows, key):
    ops = sorted({r["op"] for r in rows})
    print("\n%s (original word's rank in the list; of %d typos)" % (title, len(rows)))
    print("%-14s %5s %6s %6s %6s %6s %7s" % ("op", "n", "1", "2-5", "6+", "none", "top1"))
    for op in ops + ["all"]:
        sel = [r for r in rows if op in ("all", r["op"])]
        c = Counter(bucket(key(r)) for r in sel)
        print("%-14s %5d %6d %6d %6d %6d %7.3f" % (op, len(sel), c["1"], c["2-5"], c["6+"],
                                                  c["none"], c["1"] / len(sel)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dev")
    ap.add_argument("hunspell_json")
    ap.add_argument("arspell_json")
    ap.add_argument("freq")
    ap.add_argument("--words", action="append", default=[])
    ap.add_argument("--names")
    ap.add_argument("--examples", type=int, default=0)
    a = ap.parse_args()
    ak = json.load(open(a.arspell_json, encoding="utf-8"))["key"]
    if a.hunspell_json == "-":
        hk = hunspell_key(ak)
    else:
        hk = json.load(open(a.hunspell_json, encoding="utf-8"))["key"]
    freq = {}
    for l in open(a.freq, encoding="utf-8"):
        if not l.startswith("#"):
            w, c = l.rstrip("\n").split("\t")
            freq[w] = int(c)
    extra = set()
    for path in a.words:
        extra |= {l.split("\t")[0].strip() for l in open(path, encoding="utf-8")
                  if l.strip() and not l.startswith("#")}
    if a.names:
        for fn in sorted(os.listdir(a.names)):
            for l in open(os.path.join(a.names, fn), encoding="utf-8"):
                f = l.rstrip("\n").split("\t")
                if len(f) == 4 and not l.startswith("#") and f[3] != "-":
                    for sp in f[3].split("|"):
                        extra |= set(sp.split())
                        extra.add(sp)
    src = {}
    with open(os.path.join(a.dev, "articles", "INDEX.tsv"), encoding="utf-8") as f:
        next(f)
        for l in f:
            src[l.split("\t")[0]] = l.split("\t")[1]
    rows = []
    for h, r in zip(hk, ak):
        assert (h["file"], h["start"]) == (r["file"], r["start"])
        rows.append({"src": src.get(h["file"], "?"), "op": h["op"], "cls": h["class"], "orig": h["original"], "typo": h["typo"],
                     "h_sugg": h["sugg"], "h_rank": h["rank"], "h_found": h["found"],
                     "a_sugg": r["sugg"], "a_rank": r["rank"], "a_found": r["found"]})
    table("hunspell -a, full list", rows, lambda r: r["h_rank"])
    table("arspell, its list", rows, lambda r: r["a_rank"])

    cands = {}
    for r in rows:
        cands[r["typo"]] = edits(r["typo"])
    allc = {c for cs in cands.values() for c in cs}
    ok = accepted(allc) | (allc & (set(freq) | extra))
    hun_ok = accepted({s for r in rows for s in r["h_sugg"] + r["a_sugg"]})

    def rank(r, weights, use_freq=True):
        pool = {}
        for i, s in enumerate(r["h_sugg"]):
            pool.setdefault(s, ("list", i))
        for i, s in enumerate(r["a_sugg"]):
            pool.setdefault(s, ("list", 50 + i))
        for c, kind in cands[r["typo"]].items():
            if c in ok and (c not in pool or pool[c][0] == "list"):
                pool[c] = (kind, pool.get(c, ("", 100))[1])
        scored = []
        for c, (kind, order) in pool.items():
            k = kind if kind in weights else "none"
            if kind == "list":     # a suggestion we cannot explain by one edit
                k = "substitution"
            lp = math.log(weights[k])
            if use_freq:
                lp += math.log(freq.get(c, 0) + 0.5)
            scored.append((-lp, order, c))
        scored.sort()
        out = [c for _, _, c in scored]
        want = fold(r["orig"])
        hits = [i for i, c in enumerate(out, 1) if fold(c) == want]
        return (hits[0] if hits else 0), out

    for name, w, uf in (("noisy channel (freq x slip)", WEIGHTS, True),
                        ("frequency only (uniform slips)", UNIFORM, True),
                        ("slip only (no frequency)", WEIGHTS, False)):
        for r in rows:
            r["nc"], r["nc_list"] = rank(r, w, uf)
        table(name + ", over found typos (arspell recall)",
              rows, lambda r: r["nc"] if r["a_found"] else 0)
        for src in sorted({r["src"] for r in rows}):
            sel = [r for r in rows if r["src"] == src]
            print("  %s pieces: top1 %.3f (hunspell %.3f, arspell %.3f) of %d" % (
                src, sum(r["nc"] == 1 and r["a_found"] for r in sel) / len(sel),
                sum(r["h_rank"] == 1 for r in sel) / len(sel),
                sum(r["a_rank"] == 1 for r in sel) / len(sel), len(sel)))
        inpool = sum(r["nc"] > 0 for r in rows)
        print("original among the candidates: %d/%d; top1 by class: iv %.3f oov %.3f" % (
            inpool, len(rows), *(sum(r["nc"] == 1 and r["a_found"] for r in rows if r["cls"] == c) /
                                 max(1, sum(r["cls"] == c for r in rows)) for c in ("iv", "oov"))))
        if name.startswith("noisy") and a.examples:
            bad = [r for r in rows if r["nc"] != 1]
            print("wrong first candidates (every %d-th):" % max(1, len(bad) // a.examples))
            for r in bad[::max(1, len(bad) // a.examples)][:a.examples]:
                print("  %s -> %s\t%s %s\t%s" % (r["orig"], r["typo"], r["cls"], r["op"],
                                              ",".join(r["nc_list"][:4])))
    _ = hun_ok


if __name__ == "__main__":
    main()
