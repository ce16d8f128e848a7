/*
 * seg.c - clitic segmentation of Arabic words, checked against the hunspell
 * Arabic dictionary (Debian package hunspell-ar, ar.aff/ar.dic).
 *
 * The clitics, their letters and their order are those of clitic.h,
 * which the speller reads words with too.
 * A clitic is split off only when what remains is a word: a headword of
 * the dictionary, a form hunspell accepts, or a word of the names
 * gazetteer and loanword list built into the library (dict/).  A word that is itself a
 * headword (وزير, كتاب) or an inflection of one (كانت from كان) is never
 * split, which keeps و+زير and ك+تاب out.  Closed-class words (particles,
 * prepositions, pronouns and demonstratives, listed below from the
 * grammar) are recognised directly, with or without clitics.
 *
 * The dictionary comes from a lexicon (dict.c), which may be shared with
 * a speller, and its verdicts from affix.c or hunspell.  A check still
 * costs about a microsecond, so results are memoized: one table for whole
 * words, one for the dictionary checks.  Both are bounded: when full they
 * are emptied, which changes no result.
 */
#include "config.h"

#include "chars.h"
#include "clitic.h"
#include "dict_int.h"
#include "freq.h"
#include "names.h"
#include "seg.h"

#include <stdlib.h>

/* The memo of short words keeps the key in the slot, so that a look-up
 * touches one cache line (most tokens hit it). */
#define SHORT_KEY 23
typedef struct wslot {
	uint32_t hash;
	uint32_t val;
	unsigned char klen; /* 0: empty */
	char key[SHORT_KEY];
} wslot;

typedef struct wmemo {
	wslot *slots;
	size_t nslots, used, max;
} wmemo;

static int wmemo_init(wmemo *m, size_t nslots, size_t max)
{
	m->slots = calloc(nslots, sizeof *m->slots);
	m->nslots = nslots;
	m->used = 0;
	m->max = max;
	return m->slots ? 0 : -1;
}

/* The slot of key k (n <= SHORT_KEY): its own, or the empty one where it
 * goes. */
static wslot *wmemo_find(wmemo *m, const char *k, size_t n, uint32_t h)
{
	size_t i = h & (m->nslots - 1);

	for (;;) {
		wslot *w = &m->slots[i];
		if (!w->klen ||
		    (w->hash == h && w->klen == n && memcmp(w->key, k, n) == 0))
			return w;
		i = (i + 1) & (m->nslots - 1);
	}
}

static void wmemo_put(wmemo *m, const char *k, size_t n, uint32_t h,
                      uint32_t val)
{
	wslot *w;

	if (m->used >= m->max) {
		memset(m->slots, 0, m->nslots * sizeof *m->slots);
		m->used = 0;
	}
	w = wmemo_find(m, k, n, h);
	if (!w->klen) {
		w->hash = h;
		w->klen = (unsigned char)n;
		memcpy(w->key, k, n);
		m->used++;
	}
	w->val = val;
}

#define HOT_SLOTS 16384

/* Bounds of the memo tables (entries; twice as many slots). */
#define WORD_MEMO_MAX  (1u << 18)
#define SPELL_MEMO_MAX (1u << 18)

struct ar_seg {
	ar_lexicon *lex;        /* the dictionary: verdicts and headwords */
	size_t di;              /* the Arabic dictionary's index in lex */
	const ar_strmap *heads; /* its headwords, without marks */
	ar_names *names;        /* the built-in names gazetteer and
	                           loanwords */
	ar_buf fold;
	wslot *hot;        /* direct-mapped copy of recently used words,
	                       small enough to stay in the cache */
	wmemo short_words; /* memo: short surface word + mode -> split */
	ar_strmap words;   /* memo: longer surface words -> packed split */
	ar_strmap spell;   /* memo: letters -> dictionary verdict */
	char tmp[512];
};

ar_status ar_seg__new(ar_seg **out, ar_lexicon *lex, ar_error *err)
{
	long di = ar_lexicon__first_arabic(lex);
	ar_seg *s;
	ar_status st;

	*out = NULL;
	if (di < 0) {
		ar_error__set(err, 0, 0, 0,
		              "segmentation needs an Arabic hunspell "
		              "dictionary, and the lexicon has none (on "
		              "Debian, install hunspell-ar)");
		return AR_EDICT;
	}
	s = calloc(1, sizeof *s);
	if (!s)
		return AR_ENOMEM;
	s->lex = ar_lexicon__ref(lex);
	s->di = (size_t)di;
	if (!(s->hot = calloc(HOT_SLOTS, sizeof *s->hot)) ||
	    wmemo_init(&s->short_words, WORD_MEMO_MAX * 2, WORD_MEMO_MAX) ||
	    ar_strmap__init(&s->words, WORD_MEMO_MAX / 2, WORD_MEMO_MAX / 4) ||
	    ar_strmap__init(&s->spell, SPELL_MEMO_MAX * 2, SPELL_MEMO_MAX)) {
		ar_seg__free(s);
		return AR_ENOMEM;
	}
	if ((st = ar_lexicon__heads(lex, s->di, &s->heads, err)) != AR_OK) {
		ar_seg__free(s);
		return st;
	}
	/* names (بوتين, لندن) and loanwords are words too: the gazetteer
	 * built into the library, also used by the spell-checker */
	if ((st = ar_names__new(&s->names)) != AR_OK ||
	    (st = ar_names__load_builtin(s->names, err)) != AR_OK) {
		ar_seg__free(s);
		return st;
	}
	*out = s;
	return AR_OK;
}

void ar_seg__free(ar_seg *s)
{
	if (!s)
		return;
	ar_names__free(s->names);
	ar_buf_dispose(&s->fold);
	if (s->words.slots)
		ar_strmap__free(&s->words);
	if (s->spell.slots)
		ar_strmap__free(&s->spell);
	free(s->short_words.slots);
	free(s->hot);
	if (s->lex)
		ar_lexicon_free(s->lex);
	free(s);
}

/* ------------------------------------------------------------------ */
/* Letters                                                              */

/* A word as its letters (marks dropped), each with its byte offset. */
typedef struct letters {
	uint32_t cp[64];
	size_t off[65]; /* off[n] = the word's length */
	size_t n;
} letters;

static int get_letters(letters *L, const char *w, size_t len)
{
	size_t i = 0;

	L->n = 0;
	while (i < len) {
		uint32_t cp;
		size_t l = ar_utf8_decode(&cp, w + i, len - i);
		if (l == 0)
			return -1;
		if (!ar_char__stem_ignorable(cp)) {
			if (!ar_char__arabic_letter(cp) || L->n == 64)
				return -1; /* ZWNJ, hyphen...: left whole */
			L->cp[L->n] = cp;
			/* marks before the first letter go with it */
			L->off[L->n] = L->n ? i : 0;
			L->n++;
		}
		i += l;
	}
	L->off[L->n] = len;
	return 0;
}

/* UTF-8 of letters [a, b) into buf, after the letter `pre` if not 0 and
 * with the last letter replaced by `last` if not 0; returns the length. */
static size_t put_letters(const letters *L, size_t a, size_t b, uint32_t pre,
                          uint32_t last, char *buf)
{
	size_t k, o = 0;

	if (pre) {
		buf[o++] = (char)(0xC0 | (pre >> 6));
		buf[o++] = (char)(0x80 | (pre & 0x3F));
	}
	for (k = a; k < b; k++) {
		uint32_t cp = L->cp[k];
		if (k + 1 == b && last)
			cp = last;
		/* the letters of the Arabic block are two bytes in UTF-8 */
		buf[o++] = (char)(0xC0 | (cp >> 6));
		buf[o++] = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* Is this string an open-class headword? */
static int is_head(ar_seg *s, const char *k, size_t n)
{
	uint32_t v;
	return ar_strmap__get(s->heads, k, n, &v) && v == AR_HEAD_OPEN;
}

/* A function word of the dictionary that is another one behind a
 * conjunction or preposition (وكان, بذلك), not a word of its own. */
static int stop_expansion(ar_seg *s, const char *k, size_t n)
{
	uint32_t v;
	int conj =
	        memcmp(k, "\xD9\x88", 2) == 0 || memcmp(k, "\xD9\x81", 2) == 0;
	int prep = memcmp(k, "\xD8\xA8", 2) == 0 ||
	           memcmp(k, "\xD9\x84", 2) == 0 ||
	           memcmp(k, "\xD9\x83", 2) == 0;

	if (n < 6 || !(conj || (prep && n >= 8)))
		return 0;
	return ar_strmap__get(s->heads, k + 2, n - 2, &v) && v == AR_HEAD_STOP;
}

/* A headword that stands as a word by itself. */
static int is_word_head(ar_seg *s, const char *k, size_t n)
{
	uint32_t v;

	if (!ar_strmap__get(s->heads, k, n, &v))
		return 0;
	return v == AR_HEAD_OPEN || !stop_expansion(s, k, n);
}

/* Is it one of the dictionary's function words (with its clitics)? */
static int is_stop(ar_seg *s, const char *k, size_t n)
{
	uint32_t v;
	return ar_strmap__get(s->heads, k, n, &v) && v == AR_HEAD_STOP;
}

/* How many times as often as the whole word (plus one) the corpus must
 * count the rest of a word met only inside longer names, after its first
 * letter, for that letter to be a proclitic (own_reading()): 1, more
 * often than the whole (لكرة of الاتحاد الدولي لكرة القدم; not بكر of
 * أبو بكر). */
#define INNER_SPLIT 1

/* ... and at least this many times, unless the word starts with لل (ل
 * and the article): a rare rest says nothing (ف + ريمان of فريمان, ب +
 * المر of بالمر: names of people). */
#define INNER_MIN 10

/* Is it a word of the names gazetteer or the loanword list?  1, or 2
 * for a word found only inside longer names (ودراسة of المركز العربي
 * للأبحاث ودراسة السياسات), 0 if neither, -1 on memory exhaustion. */
static int is_name(ar_seg *s, const char *k, size_t n)
{
	unsigned fl = 0;

	if (ar_names__fold(&s->fold, k, n, AR_FOLD_LIGHT) < 0)
		return -1;
	if (ar_names__find(s->names, s->fold.ptr, s->fold.size, &fl) < 0)
		return 0;
	return (fl & (AR_NAMES_GAZ | AR_NAMES_SOLO | AR_NAMES_LOAN |
	              AR_NAMES_PERSONAL)) == AR_NAMES_GAZ
	               ? 2
	               : 1;
}

/* The Arabic dictionary's verdict on k[0..n) (1, 0, -1 on memory
 * exhaustion); 0 for a string too long to be a word. */
static int dict_check(ar_seg *s, const char *k, size_t n)
{
	if (n + 1 > sizeof s->tmp)
		return 0;
	memcpy(s->tmp, k, n);
	s->tmp[n] = '\0';
	return ar_dict__check(s->lex, s->di, s->tmp, n);
}

/* Does the corpus count a[0..an) at least `ratio` times as often as
 * b[0..bn), plus one (so that a word it never counts is outweighed)? */
static int counts_over(const char *a, size_t an, const char *b, size_t bn,
                       unsigned long ratio)
{
	return ar_freq__count(a, an) >= ratio * (ar_freq__count(b, bn) + 1);
}

/* Is it a word: a headword, a name, or accepted by the dictionary
 * (memoized)?  -1 on memory exhaustion. */
static int hun_ok(ar_seg *s, const char *k, size_t n)
{
	uint32_t v;
	int r;

	if (ar_strmap__get(s->heads, k, n, &v))
		return 1;
	if (ar_strmap__get(&s->spell, k, n, &v))
		return v;
	r = is_name(s, k, n);
	if (r == 0)
		r = dict_check(s, k, n);
	if (r < 0)
		return -1;
	v = (uint32_t)r;
	/* without memory for the memo, the verdict still stands */
	(void)ar_strmap__put(&s->spell, k, n, v);
	return (int)v;
}

/* Is letters [a, b) a word of the dictionary, names left out (a name
 * takes no pronoun: كريستينا is not كريستي + نا)?  1, 0 or -1. */
static int host_ok(ar_seg *s, const letters *L, size_t a, size_t b,
                   uint32_t last)
{
	char buf[160];
	size_t n;
	uint32_t v;

	if (b - a < 2)
		return 0;
	n = put_letters(L, a, b, 0, last, buf);
	if (ar_strmap__get(s->heads, buf, n, &v))
		return 1;
	return dict_check(s, buf, n);
}

/* Is letters [a, b) a word (see put_letters for pre and last)? */
static int word_ok(ar_seg *s, const letters *L, size_t a, size_t b,
                   uint32_t pre, uint32_t last)
{
	char buf[160];
	size_t n;

	if (b - a < 2)
		return 0;
	n = put_letters(L, a, b, pre, last, buf);
	return hun_ok(s, buf, n);
}

static int ends_with(const char *buf, size_t n, const char *e, size_t el)
{
	return n > el && memcmp(buf + n - el, e, el) == 0;
}

/* Inflectional endings (not clitics) of verbs and nouns: a form that is a
 * headword plus one of these is a word in its own right ("كانت" from
 * "كان"), so its first letter is not a proclitic. */
static const char *const endings[] = { "ت",   "ة",   "ا",   "ي",   "ات",
	                               "ون",  "ين",  "ان",  "وا",  "تا",
	                               "تم",  "تن",  "ن",   "تما", "ية",
	                               "يات", "يون", "يين", NULL };

/* Endings that replace the ة of a noun. */
static const char *const fem_endings[] = {
	"تا", "تان", "تين", "تي", "ات", NULL
};

/* A headword, or a headword of three letters or more plus an ending:
 * the string stands as a word by itself (كانت; not سيتم, whose سي is a
 * headword too). */
static int head_inflected(ar_seg *s, const char *buf, size_t n)
{
	size_t k;

	if (is_word_head(s, buf, n))
		return 1;
	for (k = 0; endings[k]; k++) {
		size_t el = strlen(endings[k]);
		if (n >= el + 6 && ends_with(buf, n, endings[k], el) &&
		    is_word_head(s, buf, n - el))
			return 1;
	}
	/* duals and plurals of a noun in ة: وزارتا, وزارتين, وزارات */
	for (k = 0; fem_endings[k]; k++) {
		size_t el = strlen(fem_endings[k]);
		char t[160];
		if (n < el + 4 || n - el + 2 > sizeof t ||
		    !ends_with(buf, n, fem_endings[k], el))
			continue;
		memcpy(t, buf, n - el);
		memcpy(t + n - el, "\xD8\xA9", 2); /* ة */
		if (is_word_head(s, t, n - el + 2))
			return 1;
	}
	return 0;
}

/* How many times more often than the whole word the corpus must count
 * the host of enclitic k of ar_clitic__enclitics, for the enclitic to be
 * split off an open-class word; 0 when no count is needed.  كم, كما end
 * words too (حكم, يحاكم): twice.  ي and ك end far more (the nisba
 * adjectives تاريخي, عربي; بنك, سلوك): ten times (حياتي, هاتفك). */
static unsigned long host_ratio(size_t k)
{
	const char *e = ar_clitic__enclitics[k];

	if (e[0] != '\xd9')
		return 0;
	if (e[1] == '\x83') /* ك... */
		return e[2] ? 2 : 10;
	if (e[1] == '\x8a' && !e[2]) /* ي */
		return 10;
	return 0;
}

/* Is the host of enclitic k, letters [a, hb) of L with its last letter
 * replaced by `last` if not 0, a word that the corpus counts
 * host_ratio(k) times as often as the whole word w[0..n)? */
static int host_frequent(size_t k, const letters *L, size_t a, size_t hb,
                         uint32_t last, const char *w, size_t n)
{
	char hbuf[160];
	size_t hn;

	if (!host_ratio(k))
		return 1;
	hn = put_letters(L, a, hb, 0, last, hbuf);
	return counts_over(hbuf, hn, w, n, host_ratio(k));
}

/* How many times more often than a headword the corpus must count its
 * rest after a first letter و ف ب ل, itself a headword, for that letter
 * to be the proclitic all the same (و + ساعة, ب + لغة; but وزير, فكرة
 * stay whole).  Four times that for ك, a rare preposition: ك + ولاية,
 * but كيفي stays. */
#define HEAD_SPLIT 4

/* Is the headword buf[0..n) (letters [a, ...) of L) rather a proclitic
 * and a headword that the corpus counts HEAD_SPLIT times as often? */
static int rest_more_frequent(ar_seg *s, const letters *L, size_t a,
                              const char *buf, size_t n)
{
	unsigned long ratio = L->cp[a] == AR_KAF ? 4 * HEAD_SPLIT : HEAD_SPLIT;

	if (n < 8 ||
	    !(ar_clitic__conj(L->cp[a]) || ar_clitic__prep(L->cp[a])) ||
	    !head_inflected(s, buf + 2, n - 2))
		return 0;
	return counts_over(buf + 2, n - 2, buf, n, ratio);
}

/* Is the rest of buf[0..n), a word met only inside longer names, after
 * its first letter a word that the corpus counts INNER_SPLIT times as
 * often as the whole: a headword (ودراسة), or a noun with the article
 * (والتنمية; للطاقة, whose article lost its alef after ل)? */
static int inner_rest_frequent(ar_seg *s, const char *buf, size_t n)
{
	char t[160];
	const char *rest = buf + 2;
	size_t rn = n - 2;

	if (n < 6 || n + 2 > sizeof t)
		return 0;
	if (memcmp(buf, "لل", 4) == 0) {
		memcpy(t, "ال", 4);
		memcpy(t + 4, buf + 4, n - 4);
		rest = t;
		rn = n;
	} else if (!(rn > 4 && memcmp(rest, "ال", 4) == 0) &&
	           !head_inflected(s, rest, rn)) {
		return 0;
	}
	/* ك, a rare preposition, needs four times the evidence (كيم) */
	return (rest == t || ar_freq__count(rest, rn) >= INNER_MIN) &&
	       counts_over(rest, rn, buf, n,
	                   (memcmp(buf, "ك", 2) == 0 ? 4 : 1) * INNER_SPLIT);
}

/* Is buf[0..n) an attested word (freq.h) whose rest after its first
 * letter is neither a name nor attested, and counted fewer than
 * INNER_MIN times?  Not after لل, the article's own sign (لليونسكو),
 * nor when the second letter, `second`, is a hamza on alef, which begins
 * no word after its first letter but begins the word after a proclitic
 * (وإيزابيلا; وايلد is one word).  1 or 0, -1 on memory exhaustion. */
static int attested_whole(ar_seg *s, const char *buf, size_t n, uint32_t second)
{
	unsigned long c;
	int r;

	if (n < 8 || memcmp(buf, "لل", 4) == 0 ||
	    second == AR_ALEF_HAMZA_ABOVE || second == AR_ALEF_HAMZA_BELOW ||
	    second == AR_ALEF_MADDA || ar_freq__find(buf, n, &c) != 2)
		return 0;
	if (ar_freq__find(buf + 2, n - 2, &c) == 2 || c >= INNER_MIN)
		return 0;
	if ((r = is_name(s, buf + 2, n - 2)) != 0)
		return r < 0 ? -1 : 0;
	return 1;
}

/* How own_reading() reads a word: names protect their first letter;
 * the corpus counts may give a headword's first letter to a proclitic
 * (rest_more_frequent()). */
enum { OWN_NAMES = 1, OWN_COUNTS = 2 };

/* Does letters [a, b) read as a word by itself, with at most an ending
 * and a pronoun (كانت, كتابه, كتبتها), as `how` (OWN_NAMES, OWN_COUNTS)
 * says?  -1 on memory exhaustion. */
static int own_reading(ar_seg *s, const letters *L, size_t a, size_t b,
                       unsigned how)
{
	char buf[160];
	size_t n, k;
	int r;

	if (b - a < 2)
		return 0;
	n = put_letters(L, a, b, 0, 0, buf);
	if (head_inflected(s, buf, n))
		return !((how & OWN_COUNTS) &&
		         rest_more_frequent(s, L, a, buf, n));
	/* a name protects its first letter; not a word met only inside
	 * longer names whose rest the corpus counts far more often
	 * (inner_rest_frequent()): there the first letter is the
	 * proclitic, as anywhere else (و + دراسة of المركز العربي للأبحاث
	 * ودراسة السياسات; but بافل of بافل دوروف stays) */
	if ((how & OWN_NAMES) && (r = is_name(s, buf, n)) != 0) {
		if (r < 0)
			return -1;
		if (r == 1 || !inner_rest_frequent(s, buf, n))
			return 1;
	}
	/* so does a word of the attested list (names and loanwords of real
	 * text) whose rest is no name and that the corpus has only a few
	 * times: ب + لانت of بلانت is a reading only hunspell's affixes
	 * allow */
	if ((how & OWN_NAMES) &&
	    (r = attested_whole(s, buf, n, L->cp[a + 1])) != 0)
		return r;
	for (k = 0; ar_clitic__enclitics[k]; k++) {
		size_t el = strlen(ar_clitic__enclitics[k]), m = n - el;
		if (!ar_clitic__open_enclitic(k) || n < el + 4 ||
		    !ends_with(buf, n, ar_clitic__enclitics[k], el))
			continue;
		if (head_inflected(s, buf, m) &&
		    host_frequent(k, L, a, b - el / 2, 0, buf, n))
			return 1;
		/* ت written for ة before the pronoun */
		if (memcmp(buf + m - 2, "\xD8\xAA", 2) == 0) {
			char t[160];
			memcpy(t, buf, m - 2);
			memcpy(t + m - 2, "\xD8\xA9", 2);
			if (is_head(s, t, m) &&
			    (host_frequent(k, L, a, b - el / 2, AR_TEH_MARBUTA,
			                   buf, n)))
				return 1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Closed-class words                                                   */

/* Particles, prepositions, pronouns and demonstratives that take the
 * proclitics و ف ل ب (وما, فإن, لذلك, وهو...). */
static const char *const function_words[] = {
	"ما",     "لا",   "لم",   "لن",    "قد",     "إن",     "أن",
	"إذا",    "إذ",   "ذلك",  "هذا",   "هذه",    "هؤلاء",  "تلك",
	"أولئك",  "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي",
	"اللاتي", "هو",   "هي",   "هم",    "هن",     "هما",    "نحن",
	"أنا",    "أنت",  "أنتم", "ثم",    "أو",     "لكن",    "من",
	"في",     "عن",   "على",  "إلى",   "مع",     "حتى",    "كل",
	"بعض",    "غير",  "كيف",  "متى",   "أين",    "لماذا",  "حيث",
	"بين",    "منذ",  "عند",  "لدى",   "أي",     "أيضا",   "إلا",
	"ليس",    "كي",   "لو",   "لولا",  "بل",     "عندما",  "بينما",
	"كأن",    "هناك", "هنا",  "إنما",  "كما",    "مثل",    "دون",
	"ضد",     "حول",  "عبر",  "نحو",   "خلال",   "تحت",    "فوق",
	"أمام",   "قبل",  "بعد",  "لدي",   "فقط",    "كي",     "كذلك",
	"لذا",    "بيد",  "كان",  NULL
};

/* Function words that start with a hamza, as a house style writes them
 * without it: they are words after و and ف (والى, فاذا), but not after
 * a preposition, where names have the same letters (بالى for Bali,
 * كلاين). */
static const char *const hamzaless_words[] = { "اذا",  "اولئك", "او",
	                                       "الى",  "ايضا",  "الا",
	                                       "انما", "امام",  NULL };

/* Words that take a pronoun enclitic directly, as written before it
 * (على → علي, إلى → إلي, لدى → لدي). */
static const char *const pronoun_hosts[] = {
	"في", "من", "عن", "علي", "إلي", "لدي", "مع", "عند", "أن", "إن", "لأن",
	"لكن", "كأن", "ليت", "لعل", "بين", "حول", "ضد", "دون", "مثل", "بعد",
	"قبل", "خلال", "عبر", "نحو", "أمام", "وراء", "فوق", "تحت", "كل", "بعض",
	"جميع", "نفس", "غير", "منذ", "حتى", "إيا", "ذات", "لكي",
	/* without hamza: اليه, امامهم */
	"الي", "امام", "ايا", NULL
};

static int in_list(const char *const *list, const char *k, size_t n)
{
	size_t i;

	for (i = 0; list[i]; i++)
		if (strlen(list[i]) == n && memcmp(list[i], k, n) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The split                                                            */

typedef struct split {
	size_t npro;
	size_t pro_end[4]; /* letter index where each proclitic ends */
	int lam_al;        /* the last proclitic is the ل of ال after ل */
	size_t enc;        /* letters of the enclitic, 0 if none */
} split;

/* An enclitic at the end of letters [a, n) whose host is a
 * closed-class word, or ان (أن, إن written without hamza: اننا,
 * انها); its length in letters, or 0. */
static size_t closed_enclitic(const letters *L, size_t a)
{
	char buf[160];
	size_t n, k;

	if (L->n - a < 2)
		return 0;
	n = put_letters(L, a, L->n, 0, 0, buf);
	for (k = 0; ar_clitic__enclitics[k]; k++) {
		size_t el = strlen(ar_clitic__enclitics[k]);
		if (ends_with(buf, n, ar_clitic__enclitics[k], el) &&
		    (in_list(pronoun_hosts, buf, n - el) ||
		     (n - el == 4 && memcmp(buf, "ان", 4) == 0)))
			return el / 2;
	}
	return 0;
}

/* Length in letters of an enclitic at the end of letters [a, n) that
 * leaves a word, or 0 (-1 on memory exhaustion). */
static int find_enclitic(ar_seg *s, const letters *L, size_t a, size_t *out)
{
	char buf[160];
	size_t n, k;
	int r, stop;
	uint32_t last;

	*out = closed_enclitic(L, a);
	if (*out || L->n - a < 3)
		return 0;
	/* a definite noun takes no possessive pronoun */
	if (L->cp[a] == AR_ALEF && L->cp[a + 1] == AR_LAM)
		return 0;
	n = put_letters(L, a, L->n, 0, 0, buf);
	/* a headword is not host + pronoun (وجه, هنا, أهم); but the
	 * dictionary's function words include forms with a pronoun
	 * (أنفسهم, أخوه) */
	stop = is_stop(s, buf, n);
	if (!stop && head_inflected(s, buf, n))
		return 0;
	for (k = 0; ar_clitic__enclitics[k]; k++) {
		size_t el = strlen(ar_clitic__enclitics[k]), ell = el / 2, hb;
		if (!ar_clitic__open_enclitic(k) ||
		    !ends_with(buf, n, ar_clitic__enclitics[k], el))
			continue;
		hb = L->n - ell; /* host letters [a, hb) */
		if (hb - a < 2)
			continue;
		if (host_ratio(k)) {
			/* not after a function word (حوالي, ألفي), nor
			 * on a name (أوبك) */
			if (stop || (r = is_name(s, buf, n)) == 1)
				continue;
			if (r < 0)
				return -1;
		}
		if (stop) {
			/* a function word's host: a headword of three
			 * letters or more (أخو, ضمن; not شب of شبه) */
			char hbuf[160];
			size_t hn = put_letters(L, a, hb, 0, 0, hbuf);
			uint32_t v;
			if (hb - a < 3 ||
			    !ar_strmap__get(s->heads, hbuf, hn, &v))
				continue;
			*out = ell;
			return 0;
		}
		/* the host as written, with ت → ة, with ي → ى */
		last = 0;
		r = host_ok(s, L, a, hb, 0);
		if (r == 0 && L->cp[hb - 1] == AR_TEH)
			r = host_ok(s, L, a, hb, last = AR_TEH_MARBUTA);
		if (r == 0 && L->cp[hb - 1] == AR_YEH)
			r = host_ok(s, L, a, hb, last = AR_ALEF_MAKSURA);
		/* the hamza sits on ي or و before a suffix: أعدائه */
		if (r == 0 &&
		    (L->cp[hb - 1] == 0x626 || L->cp[hb - 1] == 0x624))
			r = host_ok(s, L, a, hb, last = 0x621);
		if (r < 0)
			return -1;
		if (r)
			r = host_frequent(k, L, a, hb, last, buf, n);
		if (r) {
			*out = ell;
			return 0;
		}
	}
	return 0;
}

/* Two closed-class words written as one, which the grammar (and UD's
 * Arabic treebanks) split: cut is the letters of the first.  host: the
 * second takes a pronoun (لأنه: ل + أن + ه). */
static const struct compound {
	const char *w;
	size_t cut;
	int host;
} compounds[] = {
	{ "\xd9\x84\xd8\xa3\xd9\x86", 1, 1 }, /* لأن: ل + أن */
	{ "\xd8\xa3\xd9\x84\xd8\xa7", 1, 0 }, /* ألا: أن + لا, the ن
	                                       * merged into the ل */
	{ "\xd9\x85\xd9\x85\xd9\x86", 1, 0 }, /* ممن: من + من */
	{ NULL, 0, 0 },
};

/* Is rest[0..rn) (the letters from p on) one of the compounds, alone or
 * with a pronoun after a host?  Then sp gets the p proclitics, the
 * compound's cut and the pronoun. */
static int closed_compound(const char *rest, size_t rn, size_t p, split *sp)
{
	size_t i, k;

	for (i = 0; compounds[i].w; i++) {
		size_t cl = strlen(compounds[i].w);
		if (rn < cl || memcmp(rest, compounds[i].w, cl) != 0 ||
		    (rn > cl &&
		     !(compounds[i].host &&
		       in_list(ar_clitic__enclitics, rest + cl, rn - cl))))
			continue;
		for (k = 0; k < p; k++)
			sp->pro_end[k] = k + 1;
		sp->pro_end[p] = p + compounds[i].cut;
		sp->npro = p + 1;
		sp->enc = (rn - cl) / 2;
		return 1;
	}
	return 0;
}

/* How many times more often than the rest after its first letter the
 * corpus must count a word that the dictionary accepts, for that first
 * letter (و or ف) to be part of the word: فعل, فعلا, فترة. */
#define WHOLE_OVER_REST 4

/* Is letters [a, n) one word from its first letter و or ف on, not that
 * conjunction and a word: the corpus counts it WHOLE_OVER_REST times as
 * often as its rest, and the dictionary accepts it.  1, 0 or -1. */
static int conj_part_of_word(ar_seg *s, const letters *L, size_t a)
{
	char buf[160];
	size_t n;

	if (L->n - a < 3)
		return 0;
	n = put_letters(L, a, L->n, 0, 0, buf);
	if (!counts_over(buf, n, buf + 2, n - 2, WHOLE_OVER_REST))
		return 0;
	return word_ok(s, L, a, L->n, 0, 0);
}

/* Closed-class words behind proclitics: وما لذلك فإنه وله بها كذلك.
 * Returns 1 when it decided, -1 on memory exhaustion. */
static int decide_closed(ar_seg *s, const letters *L, split *sp)
{
	char buf[160];
	size_t n, p, k;
	int r;

	n = put_letters(L, 0, L->n, 0, 0, buf);
	if (closed_compound(buf, n, 0, sp))
		return 1;
	if (in_list(function_words, buf, n) || in_list(pronoun_hosts, buf, n))
		return 1; /* لكن, لدى stay whole */
	for (p = 1; p <= 2 && p < L->n; p++) {
		uint32_t c = L->cp[p - 1];
		const char *rest;
		size_t rn;
		if (p == 1 ? !(ar_clitic__conj(c) || ar_clitic__prep(c))
		           : !ar_clitic__prep(c))
			break;
		rest = buf + 2 * p;
		rn = n - 2 * p;
		if (c == AR_KAF) {
			/* كذلك, وكذلك only */
			if (rn == 6 && memcmp(rest, "ذلك", 6) == 0)
				goto found;
			continue;
		}
		if (closed_compound(rest, rn, p, sp))
			return 1;
		if (in_list(function_words, rest, rn) ||
		    in_list(pronoun_hosts, rest, rn) || closed_enclitic(L, p) ||
		    (p == 1 && ar_clitic__conj(c) &&
		     in_list(hamzaless_words, rest, rn)))
			goto found;
		if (rn >= 4 && is_stop(s, buf, n) && is_stop(s, rest, rn)) {
			/* the dictionary lists فعل as ف + عل (لعل) */
			if (p == 1 && c == AR_FEH &&
			    (r = conj_part_of_word(s, L, 0)) != 0)
				return r; /* whole, or -1 */
			goto found;
		}
		if ((c == AR_LAM || c == AR_BEH) &&
		    in_list(ar_clitic__enclitics, rest, rn) &&
		    !(c == AR_BEH && rn == 2 && memcmp(rest, "ي", 2) == 0)) {
			/* له بها لهم به بك: the pronoun right after ل or ب
			 * (not بي, a letter's name as often: بي بي سي) */
			for (k = 0; k < p; k++)
				sp->pro_end[k] = k + 1;
			sp->npro = p;
			sp->enc = L->n - p;
			return 1;
		}
	}
	return 0;
found:
	for (k = 0; k < p; k++)
		sp->pro_end[k] = k + 1;
	sp->npro = p;
	sp->enc = closed_enclitic(L, p);
	return 1;
}

/* May the proclitic at letter a (a conjunction or a preposition) be
 * split off: is the rest a word that takes it?  1 or 0, -1 on memory
 * exhaustion.
 * - A conjunction comes before a preposition and never twice, so a rest
 *   that starts with و or ف must be a word by itself (وزير in بوزير,
 *   فعل in بفعل), not one the dictionary accepts only with its own
 *   conjunction (ب + و + يمر of a name).
 * - ف itself is part of a word the corpus counts far more often than
 *   its rest (فعل, not ف + عل).  Not و, whose narrative verbs (وأضاف)
 *   are as a rule more frequent than the bare ones. */
static int rest_ok(ar_seg *s, const letters *L, size_t a)
{
	uint32_t c = L->cp[a], d = L->cp[a + 1];
	int r;

	if (d == AR_WAW || d == AR_FEH) {
		if ((r = own_reading(s, L, a + 1, L->n, OWN_NAMES)) != 0)
			return r;
		return conj_part_of_word(s, L, a + 1);
	}
	if ((r = word_ok(s, L, a + 1, L->n, 0, 0)) <= 0)
		return r;
	if (c == AR_FEH && (r = conj_part_of_word(s, L, a)) != 0)
		return r < 0 ? -1 : 0;
	return 1;
}

/* The future prefix س at letter a, before an imperfect verb: the rest
 * must be a word the dictionary accepts and the corpus has.  Names
 * start the same way (سيغال, سنومان), and the dictionary reads their
 * rest as a verb, even a headword (يغال); a rare verb that the corpus
 * lacks (سينجحون) stays whole, the smaller loss on the UD treebank.
 * 1, 0 or -1. */
static int future_ok(ar_seg *s, const letters *L, size_t a)
{
	char buf[160];
	size_t n;
	int r;

	if ((r = word_ok(s, L, a + 1, L->n, 0, 0)) <= 0)
		return r;
	n = put_letters(L, a + 1, L->n, 0, 0, buf);
	return ar_freq__count(buf, n) > 0;
}

/* Decide the split of a word. */
static int decide(ar_seg *s, const letters *L, int ud, split *sp)
{
	size_t a = 0;
	int stage = 0; /* 0: conjunction next, 1: preposition, 2: article,
	                  3: nothing */
	int r, definite = 0;

	memset(sp, 0, sizeof *sp);
	if (L->n < 2)
		return 0;
	if ((r = decide_closed(s, L, sp)) != 0)
		return r < 0 ? -1 : 0;
	/* a closed-class word with a pronoun: عليه منها أنه */
	if ((sp->enc = closed_enclitic(L, 0)) != 0)
		return 0;
	/* the dictionary's function words include prepositions joined to a
	 * noun (بحسب, بغير, لأكثر): split when the noun is a headword */
	if (L->n >= 4 && ar_clitic__prep(L->cp[0])) {
		char buf[160];
		size_t n = put_letters(L, 0, L->n, 0, 0, buf);
		if (is_stop(s, buf, n) && is_head(s, buf + 2, n - 2)) {
			sp->pro_end[0] = 1;
			sp->npro = 1;
			return 0;
		}
	}

	/* proclitics, peeled while what remains is a word and what they
	 * are peeled from is not a word by itself */
	while (stage < 3 && L->n - a >= 3 && sp->npro < 3) {
		uint32_t c = L->cp[a];
		size_t rest = L->n - a;

		/* a name protects its first letter (بوتين, لندن), but
		 * not its article (ال+ولايات) */
		if ((r = own_reading(
		             s, L, a, L->n,
		             OWN_COUNTS | (c != AR_ALEF ? OWN_NAMES : 0))) < 0)
			return -1;
		if (r)
			break;
		if (stage == 0 && ar_clitic__conj(c)) {
			if ((r = rest_ok(s, L, a)) < 0)
				return -1;
			/* و before a word the dictionary does not know at
			 * all, with or without it (a foreign name: وريتشارد),
			 * is the conjunction */
			if (!r && c == AR_WAW && rest >= 5) {
				if ((r = word_ok(s, L, a, L->n, 0, 0)) < 0)
					return -1;
				r = !r;
			}
			if (r) {
				sp->pro_end[sp->npro++] = ++a;
				stage = 1;
				continue;
			}
			break;
		}
		if (stage <= 1 && ar_clitic__prep(c)) {
			if (c == AR_LAM && rest >= 4 &&
			    L->cp[a + 1] == AR_LAM) {
				/* لل: ل + ال with the alef dropped */
				if ((r = word_ok(s, L, a + 1, L->n, AR_ALEF,
				                 0)) < 0)
					return -1;
				if (r) {
					definite = 1;
					sp->pro_end[sp->npro++] = ++a;
					if (!ud &&
					    (r = word_ok(s, L, a + 1, L->n, 0,
					                 0)) != 0) {
						if (r < 0)
							return -1;
						/* the article, as its ل */
						sp->pro_end[sp->npro++] = ++a;
						sp->lam_al = 1;
					}
					stage = 3;
					break;
				}
			}
			if ((r = rest_ok(s, L, a)) < 0)
				return -1;
			/* ك (as) is rare, and a name may start with it:
			 * hunspell, whose affix rules know the prepositions,
			 * must accept the whole word too */
			if (r > 0 && c == AR_KAF &&
			    (r = word_ok(s, L, a, L->n, 0, 0)) < 0)
				return -1;
			if (r) {
				sp->pro_end[sp->npro++] = ++a;
				stage = 2;
				continue;
			}
			break;
		}
		if (stage <= 1 && c == AR_SEEN && rest >= 4 &&
		    ar_clitic__imperfect_prefix(L->cp[a + 1])) {
			if ((r = future_ok(s, L, a)) < 0)
				return -1;
			if (r)
				sp->pro_end[sp->npro++] = ++a;
			break;
		}
		if (!ud && c == AR_ALEF && rest >= 4 &&
		    L->cp[a + 1] == AR_LAM) {
			if ((r = word_ok(s, L, a + 2, L->n, 0, 0)) < 0)
				return -1;
			if (r) {
				a += 2;
				sp->pro_end[sp->npro++] = a;
				definite = 1;
			}
			break;
		}
		break;
	}
	if (definite)
		return 0; /* a definite noun takes no pronoun */
	if (find_enclitic(s, L, a, &sp->enc) < 0)
		return -1;
	return 0;
}

/* Memo encoding of a split, in bytes of the surface word so that a hit
 * needs no decoding: bits 0-1 the number of proclitics, 2 the lam-alef
 * case, 3-8/9-14/15-20 the byte ends of the proclitics, 21-26 the byte
 * length of the enclitic; bit 27 set when anything is split.  A split
 * that does not fit (never in real text) is stored as no split. */
static uint32_t pack(const split *sp, const letters *L)
{
	uint32_t v = 0;
	size_t k, e;

	if (sp->npro == 0 && sp->enc == 0)
		return 0;
	if (sp->npro > 3)
		return 0;
	v = (uint32_t)sp->npro | (sp->lam_al ? 4u : 0u) | (1u << 27);
	for (k = 0; k < sp->npro; k++) {
		size_t b = L->off[sp->pro_end[k]];
		if (b > 63)
			return 0;
		v |= (uint32_t)b << (3 + 6 * k);
	}
	e = L->off[L->n] - L->off[L->n - sp->enc];
	if (sp->enc && e > 63)
		return 0;
	if (sp->enc)
		v |= (uint32_t)e << 21;
	return v;
}

/* First letter: و ف ب ل ك س, or ا (the article) when it is split. */
static int proclitic_letter(const unsigned char *q, int ud)
{
	if (q[0] == 0xD9)
		return q[1] == 0x88 || q[1] == 0x81 || q[1] == 0x84 ||
		       q[1] == 0x83; /* و ف ل ك */
	if (q[0] == 0xD8)
		return q[1] == 0xA8 || q[1] == 0xB3 || (!ud && q[1] == 0xA7);
	return 0;
}

/* Last letter of an enclitic: ه ا م ن ي ك. */
static int enclitic_letter(const unsigned char *q)
{
	if (q[0] == 0xD9)
		return q[1] == 0x87 || q[1] == 0x85 || q[1] == 0x86 ||
		       q[1] == 0x8A || q[1] == 0x83;
	return q[0] == 0xD8 && q[1] == 0xA7;
}

static int may_split(const char *w, size_t len, int ud)
{
	const unsigned char *q = (const unsigned char *)w;
	size_t e = len;

	if (proclitic_letter(q, ud))
		return 1;
	/* skip trailing marks (two bytes each in U+064B-U+065F, U+0670) */
	while (e >= 2 &&
	       ((q[e - 2] == 0xD9 && q[e - 1] >= 0x8B && q[e - 1] <= 0x9F) ||
	        (q[e - 2] == 0xD9 && q[e - 1] == 0xB0) ||
	        (q[e - 2] == 0xD9 && q[e - 1] == 0x80)))
		e -= 2;
	if (e < 2)
		return 1; /* let the full analysis decide */
	return enclitic_letter(q + e - 2);
}

int ar_seg__split(ar_seg *s, const char *w, size_t len, int ud,
                  ar_seg_piece *out)
{
	letters L;
	split sp;
	uint32_t v;
	size_t k, np = 0, prev = 0, stem_end, npro, enc;
	char key[512];

	if (len < 4 || len + 1 > sizeof key)
		return 0;
	/* only a word that starts with a proclitic letter or ends with a
	 * pronoun letter can be split; most words are ruled out here,
	 * without a look-up */
	if (!may_split(w, len, ud))
		return 0;
	/* the memo key: the surface word and the mode */
	memcpy(key, w, len);
	key[len] = ud ? 'u' : 's';
	if (len + 1 <= SHORT_KEY) {
		uint32_t h = ar_strmap__hash(key, len + 1);
		wslot *hot = &s->hot[h & (HOT_SLOTS - 1)];
		wslot *ws;
		if (hot->klen == len + 1 && hot->hash == h &&
		    memcmp(hot->key, key, len + 1) == 0) {
			v = hot->val;
		} else if ((ws = wmemo_find(&s->short_words, key, len + 1, h))
		                   ->klen) {
			v = ws->val;
			*hot = *ws;
		} else {
			if (get_letters(&L, w, len) != 0 || L.n < 2) {
				v = 0;
			} else {
				if (decide(s, &L, ud, &sp) != 0)
					return -1;
				v = pack(&sp, &L);
			}
			wmemo_put(&s->short_words, key, len + 1, h, v);
		}
	} else if (!ar_strmap__get(&s->words, key, len + 1, &v)) {
		if (get_letters(&L, w, len) != 0 || L.n < 2) {
			v = 0;
		} else {
			if (decide(s, &L, ud, &sp) != 0)
				return -1;
			v = pack(&sp, &L);
		}
		if (ar_strmap__put(&s->words, key, len + 1, v) != 0)
			return -1;
	}
	if (!(v & (1u << 27)))
		return 0;
	npro = v & 3;
	enc = (v >> 21) & 63;
	stem_end = len - enc;
	for (k = 0; k < npro; k++) {
		size_t b = (v >> (3 + 6 * k)) & 63;
		out[np].off = prev;
		out[np].len = b - prev;
		out[np].form = NULL;
		out[np].form_len = 0;
		out[np].kind = -1;
		if ((v & 4) && k + 1 == npro) {
			out[np].form = "\xD8\xA7\xD9\x84"; /* ال */
			out[np].form_len = 4;
		}
		prev = b;
		np++;
	}
	if (prev < stem_end) {
		out[np].off = prev;
		out[np].len = stem_end - prev;
		out[np].form = NULL;
		out[np].form_len = 0;
		out[np].kind = 0;
		np++;
	}
	if (enc) {
		out[np].off = stem_end;
		out[np].len = enc;
		out[np].form = NULL;
		out[np].form_len = 0;
		out[np].kind = 1;
		np++;
	}
	return np >= 2 ? (int)np : 0;
}
