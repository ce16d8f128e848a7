#!/usr/bin/env python3
"""make-seeds.py - (re)build the seed corpora fuzz/corpus/NAME/ from the
articles in corpus/ and from short samples of each case the library must
handle (every class of ill-formed UTF-8, the characters each normalization
touches, each token type).  Run from the top of the source tree:

    python3 fuzz/make-seeds.py

The targets read a few steering bytes before the text (see the comment at
the top of each fuzz/fuzz_NAME.c); this script writes seeds with several
steering prefixes so that each option is covered from the start.  Seeds are
named by content hash, so rerunning is idempotent.
"""
import glob
import hashlib
import os
import sys

SAMPLES = [
    # Arabic text and the characters the folds touch
    "سَأَلَ الطالبُ عن الكتابِ",
    "إسلام أحمد آمال ٱلله ٲ ٳ",
    "مستشفى على ي ى مدرسة ة ه مؤتمر رئيس",
    "تيليـــــجرام ‌ شركة‍",
    "ﻻ ﻼ ﷲ ﷺ ﺍﻟﻌﺮﺑﻴﺔ ﭐ",
    "کتاب علی فارسی ہ ھ ۃ پ چ ژ گ",
    "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 0123456789 ٣٫١٤ ١٬٠٠٠",
    "، ؛ ؟ ٪ ٫ ٬ ۔ « » “ ” …",
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202e\u2066\u2069\ufeff\u00ad",
    "a\u00a0b\u2000c\u200ad\u202fe\u205ff\u3000g\th   i  \n  j  ",
    "ا\u0653 ا\u0654 و\u0654 ي\u0654 ا\u0655 e\u0301 Café naïve",
    "ﬁ ① Ａ ẛ̣ Ⅳ ㎏",
    # mixed scripts and token types
    "Telegramتيليجرام و Telegram's Al-Qaeda don't",
    "#تيليجرام_داون #telegramdown @durov https://t.me/x?a=1 www.example.com",
    "user@example.com وبالتيليجرام فللكتاب كتابهم وزير",
    "1,234.5 -12% ٣٫١٤ ٪٥٠ Dr. Smith went to the U.S. in 2018. J. R. R. Tolkien",
    "جملة أولى. جملة ثانية! هل ثالثة؟ رابعة… ۔\n\nفقرة جديدة",
    "😀 👍🏽 🇸🇦 👨‍👩‍👧 ❤️ 1️⃣",
    # line ends, BOM, NUL
    "\ufeffبداية الملف",
    "سطر\r\nسطر\rسطر\n",
    "بلا سطر أخير",
    "a\x00b \x00 ب\x00",
    "",
    "\n\n\n",
]

INVALID = [
    b"\x80", b"\xbf\x80", b"\xc0\xaf", b"\xc1\xbf", b"\xe0\x80\xaf",
    b"\xe0\x9f\xbf", b"\xf0\x80\x80\xaf", b"\xf0\x8f\xbf\xbf",
    b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xed\xa0\xbd\xed\xb8\x80",
    b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80",
    b"\xfe", b"\xff", b"\xd8", b"\xe2\x82", b"\xf0\x9f\x98", b"\xef\xbb",
]


def texts():
    out = [s.encode("utf-8") for s in SAMPLES]
    arabic = "تيليجرام".encode("utf-8")
    for bad in INVALID:
        out.append(bad + arabic)            # at the start
        out.append(arabic + bad + arabic)   # in the middle
        out.append(arabic + bad)            # at the end
    for path in sorted(glob.glob("corpus/*.txt")):
        with open(path, "rb") as f:
            data = f.read()
        out.append(data)
        paras = [p for p in data.split(b"\n\n") if p.strip()]
        out.extend(paras[:12])
    return out


def write(target, seeds):
    d = os.path.join("fuzz", "corpus", target)
    os.makedirs(d, exist_ok=True)
    for s in seeds:
        name = hashlib.sha1(s).hexdigest()[:16]
        with open(os.path.join(d, name), "wb") as f:
            f.write(s)
    print("%s: %d seeds" % (target, len(set(seeds))))


def prefixed(prefixes, extra=b""):
    """Each text once, with the steering prefixes taken in turn."""
    seeds = []
    for i, t in enumerate(texts()):
        seeds.append(bytes([prefixes[i % len(prefixes)]]) + extra + t)
    return seeds


def main():
    if not os.path.isdir("corpus"):
        sys.exit("run from the top of the source tree")
    write("utf8", texts())
    # fuzz_norm: option byte (fuzz.h fuzz_norm_options).
    norm_prefixes = [m | (inv << 3) | (off << 5)
                     for off in (0, 1) for inv in (0, 1, 2) for m in range(8)]
    write("norm", prefixed(norm_prefixes))
    # fuzz_norm_stream: option byte, then a split count and split lengths.
    splits = [b"\x01\x01", b"\x01\x07", b"\x03\x02\x00\x05", b"\x00"]
    seeds = []
    for i, t in enumerate(texts()):
        seeds.append(bytes([norm_prefixes[i % len(norm_prefixes)]]) +
                     splits[i % len(splits)] + t)
    write("norm_stream", seeds)
    # fuzz_tok and fuzz_seg: option byte, then split count and lengths.
    # fuzz_seg loads the hunspell dictionary once per option set: a few
    # sets keep the replay in make check short.
    for target, opts in (("tok", [(i * 7) % 64 for i in range(64)]),
                         ("seg", [0, 1, 2, 11])):
        seeds = []
        for i, t in enumerate(texts()):
            opt = opts[i % len(opts)]
            seeds.append(bytes([opt]) + splits[i % len(splits)] + t)
        write(target, seeds)
    # fuzz_spell: option byte (bit 3: a repeat byte follows), splits, text.
    seeds = []
    opts = [0, 1, 2, 3, 4, 5, 6, 12, 8 | 4 | 1]
    for i, t in enumerate(texts()):
        o = opts[i % len(opts)]
        if o & 3 == 3 and len(t) > 48:
            o &= ~3
        rep = bytes([i % 5]) if o & 8 else b""
        seeds.append(bytes([o]) + rep + splits[i % len(splits)] + t)
    for w in ["Telegerm", "Doroff", "تيليجرام", "وأمازون", "Telegram's",
              "VPN", "بالتيليجرام", "a" * 200, "ب" * 150]:
        seeds.append(bytes([4]) + b"\x00" + w.encode("utf-8"))
        seeds.append(bytes([12, 3]) + b"\x00" + w.encode("utf-8"))
    # Texts that repeat a made-up name and slip on it once (a letter
    # changed, dropped, added, two swapped), behind proclitics: the
    # document's own words come first among the suggestions (option
    # 3 | 16: suggestions, inputs up to 256 bytes).  Stems at the
    # bounds of the index (4 and 32 letters, 33), two forms of one
    # word, Latin names, and the same texts cut into pieces.
    long32 = "سمرقلتوني" * 3 + "بدكغ"
    docs = [
        "كارنيدوف كارنيدوف وكارنيدوف كارتيدوف",
        "بلوميرا وبلوميرا لبلوميرا وبلومرا",
        "سندريكو سندريكو بسندريكو فسنديركو",
        "تالموزي تالموزي والتالموزي وتالمووزي",
        "زنتاري الزنتاري زنتاري الزنتارية وزنتاوي",
        "قرطم قرطم وقرطم فقرطن\nقرطم",
        "Varnikov Varnikov Varnikov's Varnikv Varinkov",
        long32 + " " + long32 + " و" + long32[:-1] + "ك",
        long32 + "ن " + long32 + "ن " + long32[:5] + long32[6:] + "ن",
        "ميلوغرادي ميلوغرادي. ميلوغرادي، وميلوغرادى وملوغرادي",
    ]
    for i, t in enumerate(docs):
        seeds.append(bytes([3 | 16]) + b"\x00" + t.encode("utf-8"))
        seeds.append(bytes([3 | 16]) + splits[i % 3] + t.encode("utf-8"))
    write("spell", seeds)
    # fuzz_names: option byte, then gazetteer lines or a personal
    # dictionary.
    seeds = []
    for path in sorted(glob.glob("dict/names/*.tsv")):
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
        for k in range(0, min(len(lines), 200), 25):
            seeds.append(bytes([(k // 25) % 8 & ~1]) +
                         b"\n".join(lines[k:k + 25]) + b"\n")
    bad = [b"company\tTelegram\t-\n", b"planet\tMars\t-\t-\n",
           b"person\t\t-\t-\n", b"person\tA\tB\tC\tD\n",
           b"city\tCaf\xc3\xa9\t-\t\xd8\xa7\n",
           b"city\tBad\xff\t-\t-\n", b"company\tTelegram\t-\t-\r\n",
           b"# only a comment", b"\n\n\n", b""]
    for i, t in enumerate(bad):
        seeds.append(bytes([(2 * i) % 8]) + t)
    personal = [b"Durov\nTelegerm/X\n# comment\nwidget\n",
                "بروكسي\nهاشتاج\n".encode("utf-8"),
                b"foo\r\nbar\r\n", b"bad\xc0\xafword\n", b"/\n//\n",
                b"x" * 300 + b"\n"]
    for i, t in enumerate(personal):
        seeds.append(bytes([1 | (2 * i) % 8]) + t)
    write("names", seeds)


if __name__ == "__main__":
    main()
