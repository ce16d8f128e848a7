#!/usr/bin/env python3
"""Sort arspell's false alarms on a realtext-eval set into categories.

  python3 bench/fa-categories.py DEV_DIR ARSPELL.json [--attested FILE] [--examples N]

ARSPELL.json is what score.py --json wrote for arspell on DEV_DIR; the false
alarms are decided as score.py does (orthographic() of realtext-eval).  Each
false alarm goes to the first category that fits:
  inconsistent   kind "inconsistent" (the consistency check)
  latin          a Latin-script word
  house-style+   hunspell -d ar accepts it with hamza on several alefs,
                 and/or the last letter swapped (ى/ي, ة/ه) as well: house
                 style that score.py's one-change test does not see
  joined         two words written without a space, each accepted by
                 hunspell -d ar: a first word of JOINERS (عبدالمحسن، لايوجد),
                 or two words of at least 5 letters each
  attested       the word (or it without one proclitic group) is in FILE
                 (dict/attested-ar.tsv)
  name / unknown the rest, by kind: unknown names, loanwords and rare forms
                 with no evidence
Each line: count, per 1,000 words, and of them kind "name".  --name-features
adds the kind-"name" findings on injected typos (corrupted/) and on clean
text, by edit distance to the first suggestion and word length.
"""
import argparse, itertools, json, os, re, subprocess, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from importlib import import_module

attested_mod = import_module("attested")
WORD = re.compile(r"[A-Za-z\u0621-\u0652\u0670-\u06D3]+")
# words often written joined to the next one (عبدالله، لايوجد، مابين)
JOINERS = {"عبد", "أبو", "ابو", "لا", "ما"}
SWAP = {"ي": "ى", "ى": "ي", "ة": "ه", "ه": "ة"}


def accepted(words):
    words = sorted(set(words))
    p = subprocess.run(["hunspell", "-i", "utf-8", "-d", "ar", "-l"], input="\n".join(words) + "\n",
                       capture_output=True, text=True, encoding="utf-8", check=True,
                       env=dict(os.environ, LC_ALL="C.UTF-8"))
    return set(words) - set(p.stdout.split())


def house(w):
    pos = [i for i, ch in enumerate(w) if ch == "ا"][:4]
    ends = [w[-1]] + ([SWAP[w[-1]]] if w[-1] in SWAP else [])
    out = set()
    for seats in itertools.product("اأإآ", repeat=len(pos)):
        v = list(w)
        for i, ch in zip(pos, seats):
            v[i] = ch
        for e in ends:
            v[-1] = e
            out.add("".join(v))
    out.discard(w)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dev")
    ap.add_argument("json")
    ap.add_argument("--rt", default=os.path.join(HERE, "..", "..", "shared", "realtext-eval"))
    ap.add_argument("--attested")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--name-features", action="store_true",
                    help="also: name findings, true and false, by distance and length")
    a = ap.parse_args()
    sys.path.insert(0, a.rt)
    import score
    clean = json.load(open(a.json, encoding="utf-8"))["clean"]
    ortho = score.orthographic(f["word"] for f in clean)
    fa = [f for f in clean if f["word"] not in ortho]
    nwords = sum(len(WORD.findall(open(os.path.join(a.dev, "articles", n), encoding="utf-8").read()))
                 for n in os.listdir(os.path.join(a.dev, "articles")) if n.endswith(".txt"))
    att = set()
    if a.attested:
        att = {l.split("\t")[0] for l in open(a.attested, encoding="utf-8") if not l.startswith("#")}
    words = {f["word"] for f in fa}
    hv = {w: house(w) for w in words if not w[0].isascii()}
    splits = {w: [(w[:i], w[i:]) for i in range(2, len(w) - 1)
                  if (w[:i] in JOINERS and len(w) - i >= 3) or (i >= 5 and len(w) - i >= 5)]
              for w in words if not w[0].isascii()}
    ok = accepted({v for vs in hv.values() for v in vs} |
                  {p for ss in splits.values() for s in ss for p in s})
    cat = {}
    for f in fa:
        w = f["word"]
        if f["kind"] == "inconsistent":
            c = "inconsistent"
        elif w[0].isascii():
            c = "latin"
        elif hv[w] & ok:
            c = "house-style+"
        elif any(x in ok and y in ok for x, y in splits[w]):
            c = "joined"
        elif w in att or any(b in att for b in attested_mod.bare(w)):
            c = "attested"
        else:
            c = f["kind"]
        cat[id(f)] = c
    count = Counter(cat.values())
    print("%d false alarms on %d words (%.1f per 1,000; name %d)" % (
        len(fa), nwords, 1000.0 * len(fa) / nwords, sum(f["kind"] == "name" for f in fa)))
    print("%-14s %6s %7s %6s" % ("category", "count", "per kw", "name"))
    for c, n in count.most_common():
        print("%-14s %6d %7.1f %6d" % (c, n, 1000.0 * n / nwords,
                                       sum(cat[id(f)] == c and f["kind"] == "name" for f in fa)))
    if a.name_features:
        name_features(a.json, a.rt)
    if a.examples:
        by = defaultdict(list)
        for f in fa:
            by[cat[id(f)]].append(f)
        for c, fs in sorted(by.items()):
            step = max(1, len(fs) // a.examples)
            print("  %s: %s" % (c, ", ".join("%s→%s" % (f["word"], (f["sugg"] or ["-"])[0])
                                           for f in fs[::step][:a.examples])))


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def name_features(json_path, rt):
    """Kind-"name" findings: true ones (on an injected typo, in corrupted/) and
    false alarms (clean text), by edit distance to the first suggestion and
    word length: how well distance alone separates them."""
    sys.path.insert(0, rt)
    import score
    d = json.load(open(json_path, encoding="utf-8"))
    ortho = score.orthographic(f["word"] for f in d["clean"])
    false = [f for f in d["clean"] if f["kind"] == "name" and f["word"] not in ortho]
    true = [f for f in d["corrupted"] if f["kind"] == "name" and f.get("hit")]
    fold = lambda s: score.fold(s).replace(" ", "")
    print("\nkind \"name\" findings: %d on injected typos, %d false alarms on clean text" % (
        len(true), len(false)))
    print("%-22s %6s %6s" % ("distance, length", "typos", "false"))
    cell = lambda f: (min(lev(fold(f["word"]), fold(f["sugg"][0])), 3) if f["sugg"] else 9,
                      "<=5" if len(f["word"]) <= 5 else "6-8" if len(f["word"]) <= 8 else ">=9")
    ct, cf = Counter(cell(f) for f in true), Counter(cell(f) for f in false)
    for k in sorted(set(ct) | set(cf)):
        print("%-22s %6d %6d" % ("d=%s%s len %s" % (k[0], "+" if k[0] == 3 else "", k[1]),
                                 ct[k], cf[k]))


if __name__ == "__main__":
    main()
