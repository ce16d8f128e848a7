#!/usr/bin/env python3
"""Evaluate word lists as evidence that an unknown word is spelled right.

  python3 bench/attested.py make-check CORPUS_DIR DEV_INDEX.tsv OUT_DIR
      cut a check set (OUT_DIR/articles/NNN.txt + INDEX.tsv) out of the
      corpus lines that dict/gen/corpus-freq.py leaves out besides the
      evaluation (every 10th line of cca-msa and aljazeera); then run
      realtext-eval's inject.py OUT_DIR and score.py --json on it.
      With --rest: a second tuning set of the same held-out lines that
      the check set does not take (12 words or more, at most 999 pieces,
      one a line; about 1,000 typos), to tell small changes from noise.
  python3 bench/attested.py eval SCORE_DIR [--rt DIR] [--set NAME=DIR:JSON]...
      [--source NAME=CMD]... [--words NAME=FILE]... [--freq FILE] [--by-source]
      for each set (a realtext-eval directory and the --json file that
      score.py wrote for arspell on it) and each word source, how many of
      arspell's false alarms on the clean text the source contains (it would
      remove them) and how many injected typos it contains (it would accept
      them).  A source is a command that reads words on stdin and prints
      those it contains (--source), or a word list, one word a line, a TAB
      and anything after it ignored (--words).  --freq FILE (word<TAB>count,
      dict/gen/corpus-freq.py) adds the sources "freq>=N" and each source
      intersected with "freq>=1".

A word counts as contained when the source has it as written, or after
taking off one proclitic group (و ف ب ل ك ال and their combinations), as
arspell does for its own lists.  score.py's orthographic() decides which
findings are false alarms, exactly as score.py does.
"""
import argparse, json, lzma, os, re, subprocess, sys

WORD = re.compile(r"[A-Za-z\u0621-\u0652\u0670-\u06D3]+")
STRIP = dict.fromkeys(list(range(0x064B, 0x0653)) + [0x0640, 0x0670])
PROCLITICS = sorted({a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك")
                     for c in ("", "ال")} | {"لل", "ولل", "فلل"} - {""}, key=len, reverse=True)


def bare(w):
    """w without one proclitic group, when at least 2 letters remain."""
    out = []
    for p in PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 2:
            out.append(w[len(p):])
    return out


def make_check(corpus, index, out, rest=False):
    skip = {}
    src = {"pud": "pud-wiki-ar-en.txt", "cca": "cca-msa.txt"}
    with open(index, encoding="utf-8") as f:
        next(f)
        for line in f:
            _, kind, where, _ = line.rstrip("\n").split("\t")
            skip.setdefault(src[kind], set()).update(int(n) for n in where.split(" ", 1)[1].split(","))
    arts = []
    for name, kind, every in (("cca-msa.txt", "cca", 3), ("aljazeera-diacritized.txt", "alj", 2)):
        with lzma.open(os.path.join(corpus, name + ".xz"), "rt", encoding="utf-8") as f:
            lines = [(n, l.rstrip("\n").translate(STRIP)) for n, l in enumerate(f, 1)
                     if n % 10 == 0 and n not in skip.get(name, ())]
        taken = set([n for n, l in lines if len(WORD.findall(l)) >= 40][::every])
        if rest:
            lines = [(n, l) for n, l in lines
                     if n not in taken and len(WORD.findall(l)) >= 12]
        else:
            lines = [(n, l) for n, l in lines if n in taken]
        for n, l in lines:
            words = l.split()
            arts.append((kind, n, " ".join(words[:400])))
    if len(arts) > 999:  # names are NNN.txt: an even spread of 999
        arts = [arts[k * len(arts) // 999] for k in range(999)]
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    with open(os.path.join(out, "articles", "INDEX.tsv"), "w", encoding="utf-8") as idx:
        idx.write("file\tsource\tline of the source file (1-based)\twords\n")
        for k, (kind, n, text) in enumerate(arts, 1):
            name = "%03d.txt" % k
            with open(os.path.join(out, "articles", name), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            idx.write("%s\t%s\tline %d\t%d\n" % (name, kind, n, len(WORD.findall(text))))
    print("%d pieces in %s/articles" % (len(arts), out))


def contained(cmd, words):
    words = sorted(set(words))
    p = subprocess.run(cmd, shell=True, input="\n".join(words) + "\n", capture_output=True,
                       text=True, encoding="utf-8", check=True)
    return set(p.stdout.split("\n")) & set(words)


def evaluate(args):
    sys.path.insert(0, args.rt)
    import score                                   # realtext-eval's, for orthographic()
    sets = []
    for spec in args.set:
        name, _, rest = spec.partition("=")
        d, _, js = rest.rpartition(":")
        data = json.load(open(js, encoding="utf-8"))
        clean = data["clean"]
        ortho = score.orthographic(f["word"] for f in clean)
        fa = [f for f in clean if f["word"] not in ortho]
        key = [dict(zip(["file", "start", "end", "original", "typo", "class", "op"], l.split("\t")))
               for l in open(os.path.join(d, "key.tsv"), encoding="utf-8").read().splitlines()[1:]]
        found = {(k["file"], int(k["start"])) for k in data["key"] if k["found"]}
        nwords = sum(len(WORD.findall(open(os.path.join(d, "articles", n), encoding="utf-8").read()))
                     for n in os.listdir(os.path.join(d, "articles")) if n.endswith(".txt"))
        sets.append((name, fa, key, found, nwords))
        if args.by_source:                         # the same, for each source of INDEX.tsv
            src = {}
            with open(os.path.join(d, "articles", "INDEX.tsv"), encoding="utf-8") as f:
                next(f)
                for l in f:
                    fn, kind = l.split("\t")[:2]
                    src[fn] = kind
            for kind in sorted(set(src.values())):
                nw = sum(len(WORD.findall(open(os.path.join(d, "articles", n), encoding="utf-8").read()))
                         for n in src if src[n] == kind)
                sets.append(("%s/%s" % (name, kind), [f for f in fa if src[f["file"]] == kind],
                             [k for k in key if src[k["file"]] == kind],
                             {x for x in found if src[x[0]] == kind}, nw))
    allwords = {w for _, fa, key, _, _ in sets for w in
                [f["word"] for f in fa] + [k["typo"] for k in key]}
    probe = allwords | {b for w in allwords for b in bare(w)}
    member = {}
    for spec in args.source:
        name, _, cmd = spec.partition("=")
        member[name] = contained(cmd, probe)
    for spec in args.words:
        name, _, path = spec.partition("=")
        with open(path, encoding="utf-8") as f:
            member[name] = {l.split("\t")[0].rstrip("\n") for l in f} & probe
    if args.freq:
        freq = {}
        with open(args.freq, encoding="utf-8") as f:
            for l in f:
                if not l.startswith("#"):
                    w, c = l.rstrip("\n").split("\t")
                    freq[w] = int(c)
        for n in (1, 2, 3, 5):
            member["freq>=%d" % n] = {w for w in probe if freq.get(w, 0) >= n}
        for name in [m for m in member if not m.startswith("freq")]:
            member[name + " & freq>=1"] = member[name] & member["freq>=1"]

    def has(src, w):
        return w in member[src] or any(b in member[src] for b in bare(w))

    for name, fa, key, found, nwords in sets:
        nname = sum(f["kind"] == "name" for f in fa)
        print("== %s: %d words, %d false alarms (%.1f per 1,000; name %d), %d injected typos "
              "(%d found by arspell)" % (name, nwords, len(fa), 1000.0 * len(fa) / nwords, nname,
                                         len(key), len(found)))
        print("%-28s %9s %8s %8s %9s %9s %9s" % ("source", "FA gone", "name", "FA/kw",
                                                 "typos in", "found in", "prec."))
        for src in member:
            gone = [f for f in fa if has(src, f["word"])]
            tin = [k for k in key if has(src, k["typo"])]
            lost = [k for k in tin if (k["file"], int(k["start"])) in found]
            prec = len(gone) / (len(gone) + len(lost)) if gone or lost else 0.0
            print("%-28s %9d %8d %8.1f %9d %9d %9.3f" % (
                src, len(gone), sum(f["kind"] == "name" for f in gone),
                1000.0 * (len(fa) - len(gone)) / nwords, len(tin), len(lost), prec))
        if args.examples:
            for src in member:
                tin = [k for k in key if has(src, k["typo"])]
                print("  %s accepts typos: %s" % (src, ", ".join(
                    "%s (%s)" % (k["typo"], k["original"]) for k in tin[:args.examples])))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make-check")
    m.add_argument("corpus")
    m.add_argument("index")
    m.add_argument("out")
    m.add_argument("--rest", action="store_true",
                   help="the held-out lines the check set leaves")
    e = sub.add_parser("eval")
    here = os.path.dirname(os.path.abspath(__file__))
    e.add_argument("--rt", default=os.path.join(here, "..", "..", "shared", "realtext-eval"))
    e.add_argument("--set", action="append", default=[])
    e.add_argument("--source", action="append", default=[])
    e.add_argument("--words", action="append", default=[])
    e.add_argument("--freq")
    e.add_argument("--examples", type=int, default=0)
    e.add_argument("--by-source", action="store_true", help="also each source of INDEX.tsv")
    args = ap.parse_args()
    if args.cmd == "make-check":
        make_check(args.corpus, args.index, args.out, args.rest)
    else:
        evaluate(args)


if __name__ == "__main__":
    main()
