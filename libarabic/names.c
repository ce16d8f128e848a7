/*
 * names.c - the word store of the spell-checker: the names gazetteer
 * (dict/FORMAT.md), the loanword supplement and personal dictionaries,
 * with a fuzzy index that finds the names close to an unknown word.
 *
 * Words are keyed by a folded form (case, accents, Arabic diacritics and
 * the alef / alef maqsura / ta marbuta spelling variation removed).  A
 * name typo is found by three measures (issue "arspell"):
 *  - the restricted Damerau-Levenshtein distance of the folded forms;
 *  - for Latin script, a phonetic key made for transliterated names: vowels
 *    after the first letter dropped, doubled letters merged, ph = f,
 *    v = w = f (so -off = -ov), c/q/ck = k, z = s, sh/ch/sch/zh as one
 *    sound, kh = h, th = t, dh = d, gh = g;
 *  - for Arabic script, a consonant skeleton: long vowels (alef, waw, ya)
 *    and hamza seats dropped after the first letter, and the letters that
 *    transliterations of one foreign sound alternate between merged
 *    (g: ج غ ق ك گ; t: ت ط; s: س ص ث; z: ز ذ ظ; d: د ض; h: ه ح; f: ف ڤ;
 *    p/b: ب پ).
 * The index maps the folded form, the key and every form with one
 * character deleted of each (a "deletion neighbourhood", as in the
 * symmetric-delete method) to word ids, so that a query looks up a few
 * dozen hashes instead of scanning the gazetteer.
 */
#include "config.h"

#include "chars.h"
#include "names.h"

#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

#define MAXW                                                                   \
	64 /* longest word (code points) considered for fuzzy
                          matching; longer words are only looked up */

typedef struct word {
	uint32_t fold_off, fold_len;   /* folded form, in n->arena */
	uint32_t disp_off, disp_len;   /* as first written */
	uint32_t plain_off, plain_len; /* first spelling in plain ASCII, if
	                                  the display has other letters */
	uint32_t groups;               /* head of membership list, 0 = none */
	uint32_t last_entry;           /* last gazetteer line it was seen on */
	uint16_t entries;              /* number of gazetteer lines */
	uint8_t flags;
	uint8_t script;
	uint8_t indexed;
} word;

typedef struct member {
	uint32_t group, variant, next;
} member;

typedef struct inode {
	uint64_t h;
	uint32_t word, next;
} inode;

struct ar_names {
	ar_buf arena;
	word *words;
	size_t nwords, awords;
	uint32_t *slots; /* open addressing: word index + 1 */
	size_t nslots;
	member *members; /* [0] unused */
	size_t nmembers, amembers;
	uint32_t *gfirst, *gcount; /* group -> range of gwords */
	size_t ngroups, agroups;
	uint32_t *gwords;
	size_t ngwords, agwords;
	/* words with a hamzated alef, by their AR_FOLD_ALEF form */
	struct alias {
		uint64_t h;
		uint32_t word;
	} * aslots;
	size_t naslots, nalias;
	/* fuzzy index */
	uint32_t *buckets; /* inode index + 1 */
	size_t nbuckets;
	inode *nodes;
	size_t nnodes, anodes;
	ar_buf tmp, tmp2, tmp3; /* scratch */
	uint32_t entry;         /* gazetteer lines parsed, 0 = none */
	int gsound;             /* the word being added stands for a
	                               Latin word with a g */
	const char *lat[2];     /* while parsing the Arabic spellings of
	                               an entry: its canonical name and */
	size_t latlen[2];       /* Latin variants, for latin_g() */
};

ar_status ar_names__new(ar_names **out)
{
	ar_names *n = calloc(1, sizeof *n);
	if (!n)
		return AR_ENOMEM;
	n->nslots = 1024;
	n->slots = calloc(n->nslots, sizeof *n->slots);
	n->nmembers = 1;
	if (!n->slots || ar_array__grow((void **)&n->members, &n->amembers, 1,
	                                sizeof *n->members) != 0) {
		ar_names__free(n);
		return AR_ENOMEM;
	}
	*out = n;
	return AR_OK;
}

void ar_names__free(ar_names *n)
{
	if (!n)
		return;
	ar_buf_dispose(&n->arena);
	ar_buf_dispose(&n->tmp);
	ar_buf_dispose(&n->tmp2);
	ar_buf_dispose(&n->tmp3);
	free(n->words);
	free(n->slots);
	free(n->members);
	free(n->gfirst);
	free(n->gcount);
	free(n->gwords);
	free(n->buckets);
	free(n->nodes);
	free(n->aslots);
	free(n);
}

/* ---- folding ---------------------------------------------------------- */

/* The marks folding removes: every Arabic mark that carries no letter,
 * and tatweel. */
static int arabic_mark(uint32_t c)
{
	return ar_char__arabic_mark(c) || c == AR_CHAR_TATWEEL;
}

/* Letters folded by every mode: Persian and Urdu look-alikes of Arabic
 * letters (Unicode keeps them apart; writers mix them). */
static uint32_t arabic_fold(uint32_t c, int mode)
{
	switch (c) {
	case 0x0622:
	case 0x0623:
	case 0x0625:
	case 0x0671:
		/* آ أ إ ٱ -> ا: a hamza left out is common and accepted */
		return mode >= AR_FOLD_ALEF ? 0x0627 : c;
	case 0x0649:
		return mode >= AR_FOLD_HEAVY ? 0x064A : c; /* ى -> ي */
	case 0x0629:
		return mode >= AR_FOLD_HEAVY ? 0x0647 : c; /* ة -> ه */
	case 0x06CC:
	case 0x06D2:
		return 0x064A; /* ی ے -> ي */
	case 0x06C0:
	case 0x06C1:
	case 0x06BE:
		return 0x0647; /* ۀ ہ ھ -> ه */
	case 0x06A9:
		return 0x0643; /* ک -> ك */
	case 0x06A4:
	case 0x06A5:
		return 0x0641; /* ڤ ڥ (v) -> ف, as most Arabic spelling has it */
	case 0x067E:
		return 0x0628; /* پ (p) -> ب */
	default:
		return c;
	}
}

static ar_status put_cp(ar_buf *b, uint32_t c)
{
	char u[4];
	size_t k;
	if (c < 0x80) {
		u[0] = (char)c;
		k = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		k = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		k = 3;
	} else {
		u[0] = (char)(0xF0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		k = 4;
	}
	return ar_buf__put(b, u, k);
}

int ar_names__fold(ar_buf *out, const char *w, size_t len, int mode)
{
	size_t i = 0;
	int arabic = 0, latin = 0;

	ar_buf__clear(out);
	if (ar_buf__grow(out, len * 4 + 16) != AR_OK)
		return -1;
	while (i < len) {
		uint32_t c;
		size_t k;
		unsigned char b = (unsigned char)w[i];

		/* ASCII and the two-byte Arabic letters are written in
		 * place: folding is on every word's path */
		if (out->asize - out->size < 8 && ar_buf__grow(out, 8) != AR_OK)
			return -1;
		if (b < 0x80) {
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b + 32);
			if (b >= 'a' && b <= 'z')
				latin = 1;
			out->ptr[out->size++] = (char)b;
			i++;
			continue;
		}
		if ((b == 0xD8 || b == 0xD9) && i + 1 < len &&
		    ((unsigned char)w[i + 1] & 0xC0) == 0x80) {
			/* U+0600..U+067F; they fold to letters of the same
			 * block */
			c = ((uint32_t)(b & 0x1F) << 6) |
			    ((unsigned char)w[i + 1] & 0x3F);
			i += 2;
			if (arabic_mark(c))
				continue;
			arabic = 1;
			c = arabic_fold(c, mode);
			out->ptr[out->size++] = (char)(0xC0 | (c >> 6));
			out->ptr[out->size++] = (char)(0x80 | (c & 0x3F));
			continue;
		}
		k = ar_utf8_decode(&c, w + i, len - i);
		if (k == 0) {
			i++;
			continue;
		}
		i += k;
		if (ar_char__arabic_block(c)) {
			if (arabic_mark(c))
				continue;
			arabic = 1;
			put_cp(out, arabic_fold(c, mode));
		} else if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
			ar_buf__put(out, "'", 1);
		} else if (c == 0x200C || c == 0x200D || c == 0x200E ||
		           c == 0x200F || c == 0x00AD) {
			continue; /* joiners, bidi marks, soft hyphen */
		} else {
			utf8proc_int32_t d[8];
			int last = 0;
			utf8proc_ssize_t m = utf8proc_decompose_char(
			        (utf8proc_int32_t)c, d, 8,
			        UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
			                UTF8PROC_CASEFOLD | UTF8PROC_COMPAT,
			        &last);
			utf8proc_ssize_t j;
			if (m < 0 || m > 8) {
				put_cp(out, c);
				continue;
			}
			for (j = 0; j < m; j++) {
				if (d[j] < 0x80 && d[j] >= 'a' && d[j] <= 'z')
					latin = 1;
				else if (d[j] >= 0xC0 && d[j] < 0x250)
					latin = 1;
				put_cp(out, (uint32_t)d[j]);
			}
		}
	}
	out->ptr[out->size] = '\0';
	return arabic  ? AR_NAMES_ARABIC
	       : latin ? AR_NAMES_LATIN
	               : AR_NAMES_OTHER;
}

/* ---- keys ------------------------------------------------------------- */

static int latin_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

static ar_status latin_key(ar_buf *out, const char *f, size_t len)
{
	char s[MAXW * 4 + 4], o[MAXW * 4 + 8];
	size_t n = 0, i, k = 0;

	for (i = 0; i < len && n < sizeof s - 4; i++)
		if (f[i] >= 'a' && f[i] <= 'z')
			s[n++] = f[i];
	s[n] = s[n + 1] = s[n + 2] = 0;
	for (i = 0; i < n;) {
		char c = s[i], a = s[i + 1], b = s[i + 2], r;
		size_t step = 1;

		if (latin_vowel(c)) {
			/* A word-initial vowel is kept as one marker; others
			 * are dropped, so that vowel changes cost nothing. */
			if (k == 0)
				o[k++] = 'A';
			i++;
			continue;
		}
		r = c;
		if (c == 'p' && a == 'h')
			r = 'f', step = 2;
		else if (c == 's' && a == 'c' && b == 'h')
			r = 'X', step = 3;
		else if (c == 't' && a == 's' && b == 'h')
			r = 'X', step = 3;
		else if (c == 't' && a == 'c' && b == 'h')
			r = 'X', step = 3;
		else if ((c == 's' || c == 'c' || c == 'z') && a == 'h')
			r = 'X', step = 2;
		else if (c == 'k' && a == 'h')
			r = 'h', step = 2;
		else if (c == 'g' && a == 'h')
			r = 'g', step = 2;
		else if (c == 't' && a == 'h')
			r = 't', step = 2;
		else if (c == 'd' && a == 'h')
			r = 'd', step = 2;
		else if (c == 'd' && (a == 'j' || (a == 'z' && b == 'h')))
			r = 'j', step = a == 'j' ? 2 : 3;
		else if (c == 'c' && a == 'k')
			r = 'k', step = 2;
		else if (c == 'c')
			r = (a == 'e' || a == 'i' || a == 'y') ? 's' : 'k';
		else if (c == 'q')
			r = 'k';
		else if (c == 'z')
			r = 's';
		else if (c == 'v' || c == 'w')
			r = 'f';
		else if (c == 'x') {
			if (!(k && o[k - 1] == 'k'))
				o[k++] = 'k';
			r = 's';
		} else if (c == 'h') {
			/* h after a vowel at the end (Sarah) is silent */
			if (i + 1 == n && i > 0 && latin_vowel(s[i - 1])) {
				i++;
				continue;
			}
		}
		i += step;
		if (k && o[k - 1] == r)
			continue; /* doubled letters, and ff/v at the end */
		o[k++] = r;
	}
	ar_buf__clear(out);
	return ar_buf__put(out, o, k);
}

static uint32_t arabic_class(uint32_t c)
{
	switch (c) {
	case 0x062C:
	case 0x063A:
	case 0x0642:
	case 0x0643:
	case 0x06AF:
	case 0x06A8:
	case 0x06AD:
		return 'G'; /* ج غ ق ك گ ڨ ڭ: the g of foreign names */
	case 0x062A:
	case 0x0637:
		return 'T'; /* ت ط */
	case 0x0633:
	case 0x0635:
	case 0x062B:
		return 'S'; /* س ص ث */
	case 0x0632:
	case 0x0630:
	case 0x0638:
		return 'Z'; /* ز ذ ظ */
	case 0x062F:
	case 0x0636:
		return 'D'; /* د ض */
	case 0x0647:
	case 0x062D:
		return 'H'; /* ه ح */
	default:
		return c;
	}
}

static int arabic_weak(uint32_t c)
{
	/* long vowels and hamza seats */
	return c == 0x0627 || c == 0x0648 || c == 0x064A || c == 0x0621 ||
	       c == 0x0624 || c == 0x0626 || c == 0x0649;
}

static ar_status arabic_key(ar_buf *out, const char *f, size_t len)
{
	size_t i = 0;
	uint32_t last = 0;
	int first = 1;
	ar_status st = AR_OK;

	ar_buf__clear(out);
	while (i < len && st == AR_OK) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, f + i, len - i);
		if (k == 0) {
			i++;
			continue;
		}
		i += k;
		if (arabic_weak(c)) {
			if (first)
				st = ar_buf__put(out, "A", 1);
			first = 0;
			continue;
		}
		first = 0;
		if (c == last)
			continue; /* a doubled letter */
		last = c;
		st = put_cp(out, arabic_class(c));
	}
	if (!out->ptr)
		st = ar_buf__put(out, "", 0);
	return st;
}

ar_status ar_names__key(ar_buf *out, const char *folded, size_t len, int script)
{
	if (script == AR_NAMES_ARABIC)
		return arabic_key(out, folded, len);
	return latin_key(out, folded, len);
}

/* ---- distance --------------------------------------------------------- */

static size_t to_cps(uint32_t *cp, size_t max, const char *s, size_t len)
{
	size_t i = 0, n = 0;
	while (i < len && n < max) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, s + i, len - i);
		if (k == 0) {
			c = (unsigned char)s[i];
			k = 1;
		}
		cp[n++] = c;
		i += k;
	}
	return n;
}

static int osa(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	int d[MAXW + 1][MAXW + 1];
	size_t i, j;

	for (i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			int c = a[i - 1] == b[j - 1] ? 0 : 1;
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

/*
 * A weighted variant of osa() that ranks candidates by how likely each
 * edit is as a typo (costs in quarters of an edit): a letter for another
 * of the same dotless shape in Arabic script (ب ت ث ن ي, ج ح خ, د ذ, ر ز,
 * س ش, ص ض, ط ظ, ع غ, ف ق) or a neighbour on the keyboard (QWERTY, Arabic
 * 101) costs 2; a vowel for a vowel, a long vowel or vowel added or
 * dropped, or two letters swapped cost 3; a doubled letter 2; anything
 * else 4.
 */
static const char *const qwerty[] = { "qwertyuiop", "asdfghjkl", "zxcvbnm" };
static const uint32_t arkbd[3][12] = {
	{ 0x636, 0x635, 0x62B, 0x642, 0x641, 0x63A, 0x639, 0x647, 0x62E, 0x62D,
	  0x62C, 0x62F },
	{ 0x634, 0x633, 0x64A, 0x628, 0x644, 0x627, 0x62A, 0x646, 0x645, 0x643,
	  0x637, 0 },
	{ 0x626, 0x621, 0x624, 0x631, 0x649, 0x629, 0x648, 0x632, 0x638, 0, 0,
	  0 }
};
static const uint32_t rasm[][6] = { { 0x628, 0x62A, 0x62B, 0x646, 0x64A, 0 },
	                            { 0x62C, 0x62D, 0x62E, 0 },
	                            { 0x62F, 0x630, 0 },
	                            { 0x631, 0x632, 0 },
	                            { 0x633, 0x634, 0 },
	                            { 0x635, 0x636, 0 },
	                            { 0x637, 0x638, 0 },
	                            { 0x639, 0x63A, 0 },
	                            { 0x641, 0x642, 0 } };

static int in_list(const uint32_t *l, uint32_t c)
{
	for (; *l; l++)
		if (*l == c)
			return 1;
	return 0;
}

static int kbd_near(uint32_t a, uint32_t b)
{
	int r, i;
	for (r = 0; r < 3; r++)
		for (i = 0; qwerty[r][i]; i++)
			if ((uint32_t)qwerty[r][i] == a &&
			    ((i > 0 && (uint32_t)qwerty[r][i - 1] == b) ||
			     (uint32_t)qwerty[r][i + 1] == b))
				return 1;
	for (r = 0; r < 3; r++)
		for (i = 0; i < 12 && arkbd[r][i]; i++)
			if (arkbd[r][i] == a &&
			    ((i > 0 && arkbd[r][i - 1] == b) ||
			     (i < 11 && arkbd[r][i + 1] == b)))
				return 1;
	return 0;
}

static int is_vowel(uint32_t c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y' || c == 0x627 || c == 0x648 || c == 0x64A;
}

static int sub_cost(uint32_t a, uint32_t b)
{
	size_t g;
	if (a == b)
		return 0;
	for (g = 0; g < sizeof rasm / sizeof rasm[0]; g++)
		if (in_list(rasm[g], a) && in_list(rasm[g], b))
			return 2;
	if (kbd_near(a, b))
		return 2;
	if (is_vowel(a) && is_vowel(b))
		return 3;
	return 4;
}

/* Cost of inserting or deleting s[i] (of n). */
static int indel_cost(const uint32_t *s, size_t n, size_t i)
{
	if ((i > 0 && s[i - 1] == s[i]) || (i + 1 < n && s[i + 1] == s[i]))
		return 1;
	return is_vowel(s[i]) ? 3 : 4;
}

static int wosa(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	int d[MAXW + 1][MAXW + 1];
	size_t i, j;

	d[0][0] = 0;
	for (i = 1; i <= n; i++)
		d[i][0] = d[i - 1][0] + indel_cost(a, n, i - 1);
	for (j = 1; j <= m; j++)
		d[0][j] = d[0][j - 1] + indel_cost(b, m, j - 1);
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			int v = d[i - 1][j] + indel_cost(a, n, i - 1);
			int x = d[i][j - 1] + indel_cost(b, m, j - 1);
			if (x < v)
				v = x;
			x = d[i - 1][j - 1] + sub_cost(a[i - 1], b[j - 1]);
			if (x < v)
				v = x;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 3 < v)
				v = d[i - 2][j - 2] + 3;
			d[i][j] = v;
		}
	return d[n][m];
}

int ar_names__distance(const char *a, size_t alen, const char *b, size_t blen)
{
	uint32_t x[MAXW], y[MAXW];
	size_t n = to_cps(x, MAXW, a, alen), m = to_cps(y, MAXW, b, blen);
	return osa(x, n, y, m);
}

/* ---- word table ------------------------------------------------------- */

static const char *wfold(const ar_names *n, const word *w)
{
	return n->arena.ptr + w->fold_off;
}

long ar_names__find(const ar_names *n, const char *folded, size_t len,
                    unsigned *flags)
{
	uint64_t h = ar_hash__bytes(folded, len);
	size_t mask = n->nslots - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t s = n->slots[i];
		const word *w;
		if (!s)
			return -1;
		w = &n->words[s - 1];
		if (w->fold_len == len &&
		    memcmp(wfold(n, w), folded, len) == 0) {
			if (flags)
				*flags = w->flags;
			return (long)(s - 1);
		}
	}
}

static int has_hamza_alef(const char *f, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len; i++)
		if (((unsigned char)f[i] == 0xD8 &&
		     ((unsigned char)f[i + 1] == 0xA2 ||
		      (unsigned char)f[i + 1] == 0xA3 ||
		      (unsigned char)f[i + 1] == 0xA5)) ||
		    ((unsigned char)f[i] == 0xD9 &&
		     (unsigned char)f[i + 1] == 0xB1))
			return 1;
	return 0;
}

/*
 * Aliases: other keys under which an Arabic word is found.
 *  - 'A': its alef fold, for a word with a hamzated alef (أمازون is found
 *    as امازون: leaving the hamza out is common and accepted);
 *  - 'G': for a word of a name whose Latin spelling has a g, the form
 *    with each of ج غ ق گ ڨ ڭ written غ, as written and (for a word with a
 *    hamzated alef) in its alef fold.  Arabic has no letter for the g of
 *    foreign names, and writers use any of these for it: Egyptian ج
 *    (جوجل), Levantine and Iraqi غ (غوغل), Gulf ق (قوقل), Persian گ,
 *    Maghrebi ڨ.  So any of them is an accepted spelling of such a name
 *    (أردوجان for أردوغان), which the gazetteer cannot list exhaustively.
 * A typo is rarely one of these letters for another: they differ in shape
 * and are not neighbours on the keyboard.
 */
static int is_g_letter(const unsigned char *p)
{
	return (p[0] == 0xD8 && (p[1] == 0xAC || p[1] == 0xBA)) ||
	       (p[0] == 0xD9 && p[1] == 0x82) ||
	       (p[0] == 0xDA && (p[1] == 0xAF || p[1] == 0xA8 || p[1] == 0xAD));
}

static int has_g_letter(const char *f, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len; i++)
		if (is_g_letter((const unsigned char *)f + i))
			return 1;
	return 0;
}

/* The alias key of kind `kind` of light-folded word f in out; alef: use
 * the alef fold (kind 'G' only). */
static int alias_key(ar_buf *out, const char *f, size_t len, char kind,
                     int alef)
{
	size_t i;
	int mode = kind == 'A' || alef ? AR_FOLD_ALEF : AR_FOLD_LIGHT;
	if (ar_names__fold(out, f, len, mode) < 0)
		return -1;
	if (kind == 'G')
		for (i = 0; i + 1 < out->size; i++)
			if (is_g_letter((unsigned char *)out->ptr + i)) {
				out->ptr[i] = (char)0xD8;
				out->ptr[i + 1] = (char)0xBA;
				i++;
			}
	return 0;
}

static uint64_t alias_hash(char kind, const char *k, size_t len)
{
	return ar_hash__seeded((unsigned char)kind, k, len);
}

static int add_alias(ar_names *n, uint32_t id, char kind, int alef)
{
	const word *w = &n->words[id];
	size_t i, mask;
	uint64_t h;

	if (alias_key(&n->tmp2, wfold(n, w), w->fold_len, kind, alef) < 0)
		return -1;
	if ((n->nalias + 1) * 2 > n->naslots) {
		size_t ns = n->naslots ? n->naslots * 2 : 256;
		struct alias *a = calloc(ns, sizeof *a);
		if (!a)
			return -1;
		for (i = 0; i < n->naslots; i++) {
			size_t j;
			if (!n->aslots[i].word)
				continue;
			j = (size_t)n->aslots[i].h & (ns - 1);
			while (a[j].word)
				j = (j + 1) & (ns - 1);
			a[j] = n->aslots[i];
		}
		free(n->aslots);
		n->aslots = a;
		n->naslots = ns;
	}
	h = alias_hash(kind, n->tmp2.ptr, n->tmp2.size);
	mask = n->naslots - 1;
	for (i = (size_t)h & mask; n->aslots[i].word; i = (i + 1) & mask)
		;
	n->aslots[i].h = h;
	n->aslots[i].word = id + 1;
	n->nalias++;
	return 0;
}

/* The G aliases of word id (see above). */
static int add_g_aliases(ar_names *n, uint32_t id)
{
	const word *w = &n->words[id];
	if (!has_g_letter(wfold(n, w), w->fold_len))
		return 0;
	if (add_alias(n, id, 'G', 0) != 0)
		return -1;
	w = &n->words[id];
	if (has_hamza_alef(wfold(n, w), w->fold_len) &&
	    add_alias(n, id, 'G', 1) != 0)
		return -1;
	return 0;
}

/* Find key k (of the given kind) among the aliases: word id or -1. */
static long find_alias(ar_names *n, char kind, const char *k, size_t len,
                       unsigned *flags)
{
	uint64_t h;
	size_t i, mask;
	int alef;

	if (!n->naslots)
		return -1;
	h = alias_hash(kind, k, len);
	mask = n->naslots - 1;
	for (i = (size_t)h & mask; n->aslots[i].word; i = (i + 1) & mask) {
		const word *w;
		if (n->aslots[i].h != h)
			continue;
		w = &n->words[n->aslots[i].word - 1];
		for (alef = 0; alef < 2; alef++) {
			if (alias_key(&n->tmp2, wfold(n, w), w->fold_len, kind,
			              alef) < 0)
				return -1;
			if (n->tmp2.size == len &&
			    memcmp(n->tmp2.ptr, k, len) == 0) {
				if (flags)
					*flags = w->flags;
				return (long)(n->aslots[i].word - 1);
			}
		}
	}
	return -1;
}

/* The alias lookups of a light-folded Arabic word. */
static long find_aliases(ar_names *n, const char *f, size_t len,
                         unsigned *flags)
{
	long id = -1;
	if (!has_hamza_alef(f, len))
		id = find_alias(n, 'A', f, len, flags);
	if (id < 0 && has_g_letter(f, len)) {
		if (alias_key(&n->tmp3, f, len, 'G', 0) < 0)
			return -1;
		id = find_alias(n, 'G', n->tmp3.ptr, n->tmp3.size, flags);
	}
	return id;
}

long ar_names__find_variant(ar_names *n, const char *folded, size_t len,
                            unsigned *flags)
{
	long id = find_aliases(n, folded, len, flags);
	unsigned fl = 0;

	/* A foreign name ending in -a is also written with a final ta
	 * marbuta (بنزيمة for بنزيما, سورية for سوريا); not the other way
	 * round, which would accept a typo of an Arabic name (القاهرا). */
	if (id < 0 && len >= 8 && (unsigned char)folded[len - 2] == 0xD8 &&
	    (unsigned char)folded[len - 1] == 0xA9) {
		char *q = malloc(len);
		if (!q)
			return -1;
		memcpy(q, folded, len);
		q[len - 1] = (char)0xA7; /* ة -> ا */
		id = ar_names__find(n, q, len, &fl);
		if (id < 0)
			id = find_aliases(n, q, len, &fl);
		free(q);
		if (id >= 0 && !(fl & AR_NAMES_GAZ))
			id = -1;
		if (id >= 0 && flags)
			*flags = fl;
	}
	return id;
}

static int rehash_words(ar_names *n)
{
	size_t ns = n->nslots * 2, i;
	uint32_t *s = calloc(ns, sizeof *s);
	if (!s)
		return -1;
	for (i = 0; i < n->nwords; i++) {
		const word *w = &n->words[i];
		size_t j = (size_t)ar_hash__bytes(wfold(n, w), w->fold_len) &
		           (ns - 1);
		while (s[j])
			j = (j + 1) & (ns - 1);
		s[j] = (uint32_t)(i + 1);
	}
	free(n->slots);
	n->slots = s;
	n->nslots = ns;
	return 0;
}

static int is_ascii(const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Count the gazetteer lines a word appears on: words shared by several
 * entries (a family name, a city in several names) are the commoner
 * ones, which ranks them first among equally close candidates. */
static void count_entry(ar_names *n, word *x)
{
	if (n->entry && x->last_entry != n->entry) {
		x->last_entry = n->entry;
		if (x->entries < 0xFFFF)
			x->entries++;
	}
}

/* Add (or find) a word given as written; returns its id or -1 (ENOMEM),
 * -2 when the word folds to nothing. */
static long add_word(ar_names *n, unsigned flag, const char *w, size_t len)
{
	int script = ar_names__fold(&n->tmp, w, len, AR_FOLD_LIGHT);
	long id;
	word *x;
	size_t off;

	if (script < 0)
		return -1;
	if (n->tmp.size == 0)
		return -2;
	if (n->gsound && (flag & AR_NAMES_GAZ) && script == AR_NAMES_ARABIC)
		flag |= AR_NAMES_GSOUND;
	id = ar_names__find(n, n->tmp.ptr, n->tmp.size, NULL);
	if (id >= 0) {
		x = &n->words[id];
		if ((flag & AR_NAMES_GSOUND) && !(x->flags & AR_NAMES_GSOUND)) {
			x->flags |= AR_NAMES_GSOUND;
			if (add_g_aliases(n, (uint32_t)id) != 0)
				return -1;
			x = &n->words[id];
		}
		x->flags |= (uint8_t)flag;
		if (x->plain_len == 0 && is_ascii(w, len) &&
		    !is_ascii(n->arena.ptr + x->disp_off, x->disp_len)) {
			off = n->arena.size;
			if (ar_buf__put(&n->arena, w, len) != AR_OK)
				return -1;
			x = &n->words[id];
			x->plain_off = (uint32_t)off;
			x->plain_len = (uint32_t)len;
		}
		count_entry(n, x);
		return id;
	}
	if ((n->nwords + 1) * 2 > n->nslots && rehash_words(n) != 0)
		return -1;
	if (ar_array__grow((void **)&n->words, &n->awords, n->nwords + 1,
	                   sizeof *n->words) != 0)
		return -1;
	off = n->arena.size;
	if (ar_buf__put(&n->arena, n->tmp.ptr, n->tmp.size) != AR_OK ||
	    ar_buf__put(&n->arena, w, len) != AR_OK)
		return -1;
	x = &n->words[n->nwords];
	memset(x, 0, sizeof *x);
	x->fold_off = (uint32_t)off;
	x->fold_len = (uint32_t)n->tmp.size;
	x->disp_off = (uint32_t)(off + n->tmp.size);
	x->disp_len = (uint32_t)len;
	x->flags = (uint8_t)flag;
	x->script = (uint8_t)script;
	count_entry(n, x);
	{
		size_t mask = n->nslots - 1;
		size_t j =
		        (size_t)ar_hash__bytes(n->tmp.ptr, n->tmp.size) & mask;
		while (n->slots[j])
			j = (j + 1) & mask;
		n->slots[j] = (uint32_t)(n->nwords + 1);
	}
	n->nwords++;
	if (script == AR_NAMES_ARABIC &&
	    has_hamza_alef(n->tmp.ptr, n->tmp.size) &&
	    add_alias(n, (uint32_t)(n->nwords - 1), 'A', 1) != 0)
		return -1;
	if ((flag & AR_NAMES_GSOUND) &&
	    add_g_aliases(n, (uint32_t)(n->nwords - 1)) != 0)
		return -1;
	return (long)(n->nwords - 1);
}

ar_status ar_names__add_word(ar_names *n, unsigned flag, const char *w,
                             size_t len)
{
	long id = add_word(n, flag, w, len);
	return id == -1 ? AR_ENOMEM : AR_OK;
}

const char *ar_names__display(const ar_names *n, long id, size_t *len)
{
	const word *w = &n->words[id];
	*len = w->disp_len;
	return n->arena.ptr + w->disp_off;
}

const char *ar_names__display_plain(const ar_names *n, long id, size_t *len)
{
	const word *w = &n->words[id];
	if (!w->plain_len)
		return ar_names__display(n, id, len);
	*len = w->plain_len;
	return n->arena.ptr + w->plain_off;
}

/* ---- gazetteer parsing ------------------------------------------------ */

static const char *const types[] = { "person", "company",  "product",
	                             "org",    "country",  "city",
	                             "region", "language", "currency",
	                             "other",  NULL };

/* Split a spelling into its words (separated by spaces); hyphenated
 * words are also added part by part.  Word ids go to ids (at most max);
 * returns their number, or -1 on ENOMEM. */
unsigned ar_names__flags(const ar_names *n, long id)
{
	return n->words[id].flags;
}

/* Is the NUL-terminated t in s[0..len)? */
static int strstr_n(const char *s, size_t len, const char *t)
{
	size_t tl = strlen(t), i;
	for (i = 0; i + tl <= len; i++)
		if (memcmp(s + i, t, tl) == 0)
			return 1;
	return 0;
}

/* A g, G or ğ in a Latin word. */
static int has_g(const char *w, size_t len)
{
	return memchr(w, 'g', len) || memchr(w, 'G', len) ||
	       strstr_n(w, len, "\xc4\x9f") || strstr_n(w, len, "\xc4\x9e");
}

static int count_words(const char *s, size_t len)
{
	size_t i;
	int k = 0;
	for (i = 0; i < len; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			k++;
	return k;
}

/* Does word pos of a spelling of nw words stand for a Latin word with a g
 * (g, G, ğ)?  It does when a Latin spelling of the entry with as many
 * words has a g at that position (رجب طيب أردوغان, Recep Tayyip Erdoğan);
 * with no such spelling, nothing can be said. */
static int latin_g(const ar_names *n, int nw, int pos)
{
	int f;
	for (f = 0; f < 2; f++) {
		const char *v = n->lat[f];
		size_t len = n->latlen[f], i = 0;
		if (!v || (len == 1 && v[0] == '-'))
			continue;
		while (i <= len) {
			size_t j = i, a, b;
			int w = 0;
			while (j < len && v[j] != '|')
				j++;
			if (count_words(v + i, j - i) == nw)
				for (a = i; a < j;) {
					while (a < j && v[a] == ' ')
						a++;
					b = a;
					while (b < j && v[b] != ' ')
						b++;
					if (w++ == pos && has_g(v + a, b - a))
						return 1;
					a = b;
				}
			i = j + 1;
		}
	}
	return 0;
}

static int spelling_words(ar_names *n, const char *s, size_t len, long *ids,
                          int max)
{
	size_t i = 0;
	int k = 0, nw = count_words(s, len), pos = 0;
	unsigned solo = memchr(s, ' ', len) ? 0 : AR_NAMES_SOLO;

	while (i < len) {
		size_t j, a, b, p;
		long id;
		while (i < len && s[i] == ' ')
			i++;
		j = i;
		while (j < len && s[j] != ' ')
			j++;
		/* trim punctuation around the word: "Inc.", "(band)" */
		a = i;
		b = j;
		while (a < b && strchr("().,;:\"!?", s[a]))
			a++;
		while (b > a && strchr("().,;:\"!?", s[b - 1]))
			b--;
		i = j;
		if (a == b)
			continue;
		n->gsound = n->lat[0] && latin_g(n, nw, pos);
		pos++;
		id = add_word(n, AR_NAMES_GAZ | solo, s + a, b - a);
		n->gsound = 0;
		if (id == -1)
			return -1;
		if (id >= 0 && k < max)
			ids[k++] = id;
		for (p = a; p < b; p++)
			if (s[p] == '-')
				break;
		if (p < b) {
			size_t q = a;
			for (p = a; p <= b; p++)
				if (p == b || s[p] == '-') {
					if (p > q &&
					    add_word(n, AR_NAMES_GAZ, s + q,
					             p - q) == -1)
						return -1;
					q = p + 1;
				}
		}
	}
	return k;
}

#define MAXSP  32 /* spellings per field considered for groups */
#define MAXWPS 12 /* words per spelling considered for groups */

static ar_status add_member(ar_names *n, long id, uint32_t g, uint32_t v)
{
	member *m;
	if (ar_array__grow((void **)&n->members, &n->amembers, n->nmembers + 1,
	                   sizeof *n->members) != 0)
		return AR_ENOMEM;
	m = &n->members[n->nmembers];
	m->group = g;
	m->variant = v;
	m->next = n->words[id].groups;
	n->words[id].groups = (uint32_t)n->nmembers++;
	return AR_OK;
}

/* Are the words at one position of aligned spellings spellings of one
 * word (Gaddafi, Qaddafi), rather than different words that happen to
 * line up ("Amazon Web Services" and "خدمات أمازون ويب")?  Each must be
 * within half its length, in edits, of the first. */
static int similar_words(const ar_names *n, const long *ids, int nd)
{
	const word *a = &n->words[ids[0]];
	int t;
	for (t = 1; t < nd; t++) {
		const word *b = &n->words[ids[t]];
		size_t la = a->fold_len, lb = b->fold_len;
		int d = ar_names__distance(wfold(n, a), la, wfold(n, b), lb);
		size_t longer = la > lb ? la : lb;
		/* lengths in bytes: Arabic letters take two */
		if (a->script == AR_NAMES_ARABIC)
			longer /= 2;
		if (d * 2 > (int)longer)
			return 0;
	}
	return 1;
}

/* Make the variant groups of one script of one entry: spellings with the
 * same number of words are aligned word by word. */
static ar_status make_groups(ar_names *n, long ids[][MAXWPS], int *nw, int nsp)
{
	int pos, s;

	if (nsp < 2)
		return AR_OK;
	for (s = 1; s < nsp; s++)
		if (nw[s] != nw[0])
			return AR_OK;
	for (pos = 0; pos < nw[0]; pos++) {
		long distinct[MAXSP];
		int nd = 0, t;
		for (s = 0; s < nsp; s++) {
			for (t = 0; t < nd; t++)
				if (distinct[t] == ids[s][pos])
					break;
			if (t == nd)
				distinct[nd++] = ids[s][pos];
		}
		if (nd < 2 || !similar_words(n, distinct, nd))
			continue;
		if (ar_array__grow((void **)&n->gfirst, &n->agroups,
		                   n->ngroups + 1, sizeof *n->gfirst) != 0)
			return AR_ENOMEM;
		{
			size_t cap = n->agroups;
			void *p = realloc(n->gcount, cap * sizeof *n->gcount);
			if (!p)
				return AR_ENOMEM;
			n->gcount = p;
		}
		if (ar_array__grow((void **)&n->gwords, &n->agwords,
		                   n->ngwords + (size_t)nd,
		                   sizeof *n->gwords) != 0)
			return AR_ENOMEM;
		n->gfirst[n->ngroups] = (uint32_t)n->ngwords;
		n->gcount[n->ngroups] = (uint32_t)nd;
		for (t = 0; t < nd; t++) {
			n->gwords[n->ngwords++] = (uint32_t)distinct[t];
			if (add_member(n, distinct[t], (uint32_t)n->ngroups,
			               (uint32_t)t) != AR_OK)
				return AR_ENOMEM;
		}
		n->ngroups++;
	}
	return AR_OK;
}

/* Parse one field of '|'-separated spellings ("-" for none), adding the
 * words, and make its groups.  `first` is an extra spelling put first
 * (the canonical Latin one), or NULL. */
static ar_status parse_field(ar_names *n, const char *first, size_t flen,
                             const char *f, size_t len)
{
	int nw[MAXSP], nsp = 0;
	size_t i = 0;

	{
		long(*idv)[MAXWPS] = malloc(sizeof(long) * MAXSP * MAXWPS);
		ar_status st;
		if (!idv)
			return AR_ENOMEM;
		if (first) {
			nw[0] = spelling_words(n, first, flen, idv[0], MAXWPS);
			if (nw[0] < 0) {
				free(idv);
				return AR_ENOMEM;
			}
			nsp = 1;
		}
		if (!(len == 1 && f[0] == '-'))
			while (i <= len) {
				size_t j = i;
				int k;
				while (j < len && f[j] != '|')
					j++;
				if (j > i) {
					k = spelling_words(
					        n, f + i, j - i,
					        nsp < MAXSP ? idv[nsp] : idv[0],
					        nsp < MAXSP ? MAXWPS : 0);
					if (k < 0) {
						free(idv);
						return AR_ENOMEM;
					}
					if (nsp < MAXSP)
						nw[nsp++] = k;
				}
				i = j + 1;
			}
		st = make_groups(n, idv, nw, nsp);
		free(idv);
		return st;
	}
}

static int trim_cr(const char *s, size_t len)
{
	return len && s[len - 1] == '\r';
}

ar_status ar_names__parse(ar_names *n, const char *text, size_t len,
                          const char *source, ar_error *err)
{
	size_t i = 0;
	uint64_t line = 0;
	size_t bad;
	int builtin = source == NULL;
	char cur[256];

	if (!ar_utf8_valid(text, len, &bad)) {
		size_t k;
		uint64_t l = 1, c = 1;
		for (k = 0; k < bad; k++)
			if (text[k] == '\n')
				l++, c = 1;
			else if (((unsigned char)text[k] & 0xC0) != 0x80)
				c++;
		ar_error__set(err, l, c, bad, "%s:%llu: invalid UTF-8",
		              source ? source : "(built-in names)",
		              (unsigned long long)l);
		if (err)
			snprintf(err->source, sizeof err->source, "%s",
			         source ? source : "(built-in names)");
		return AR_EUTF8;
	}
	/* The built-in text is several files, each after a "# FILE" line. */
	snprintf(cur, sizeof cur, "%s", source ? source : "(built-in names)");
	source = cur;
	while (i < len) {
		const char *s = text + i, *f[5];
		size_t e = i, l, fl[5];
		int nf = 0, t;
		const char *p;
		ar_status st;

		while (e < len && text[e] != '\n')
			e++;
		l = e - i;
		i = e + 1;
		line++;
		if (trim_cr(s, l))
			l--;
		if (builtin && l > 6 && s[0] == '#' && s[1] == ' ' &&
		    memcmp(s + l - 4, ".tsv", 4) == 0 &&
		    !memchr(s + 2, ' ', l - 2)) {
			snprintf(cur, sizeof cur, "%.*s", (int)(l - 2), s + 2);
			line = 0;
			continue;
		}
		if (l == 0 || s[0] == '#')
			continue;
		/* split on TAB */
		p = s;
		while (nf < 5) {
			const char *q = memchr(p, '\t', (size_t)(s + l - p));
			f[nf] = p;
			fl[nf] = q ? (size_t)(q - p) : (size_t)(s + l - p);
			nf++;
			if (!q)
				break;
			p = q + 1;
		}
		if (nf != 4) {
			ar_error__set(
			        err, line, 1, (uint64_t)(s - text),
			        "%s:%llu: expected 4 TAB-separated fields, "
			        "found %d",
			        source, (unsigned long long)line, nf);
			goto fail;
		}
		for (t = 0; types[t]; t++)
			if (strlen(types[t]) == fl[0] &&
			    memcmp(types[t], f[0], fl[0]) == 0)
				break;
		if (!types[t]) {
			ar_error__set(err, line, 1, (uint64_t)(s - text),
			              "%s:%llu: unknown type '%.*s'", source,
			              (unsigned long long)line, (int)fl[0],
			              f[0]);
			goto fail;
		}
		if (fl[1] == 0 || fl[2] == 0 || fl[3] == 0 ||
		    (fl[1] == 1 && f[1][0] == '-')) {
			ar_error__set(
			        err, line, 1, (uint64_t)(s - text),
			        "%s:%llu: empty field (write '-' for no "
			        "variants; the canonical name is required)",
			        source, (unsigned long long)line);
			goto fail;
		}
		n->entry++;
		st = parse_field(n, f[1], fl[1], f[2], fl[2]);
		n->lat[0] = f[1];
		n->latlen[0] = fl[1];
		n->lat[1] = f[2];
		n->latlen[1] = fl[2];
		if (st == AR_OK)
			st = parse_field(n, NULL, 0, f[3], fl[3]);
		n->lat[0] = n->lat[1] = NULL;
		if (st != AR_OK)
			return st;
		continue;
	fail:
		if (err)
			snprintf(err->source, sizeof err->source, "%.*s",
			         (int)sizeof err->source - 1, source);
		return AR_EDICT;
	}
	return AR_OK;
}

ar_status ar_names__load_builtin(ar_names *n, ar_error *err)
{
	ar_status st;
	if (ar_names__builtin_len) {
		st = ar_names__parse(n, ar_names__builtin,
		                     ar_names__builtin_len, NULL, err);
		if (st != AR_OK)
			return st;
	}
	if (ar_names__loanwords_len) {
		st = ar_names__parse_words(
		        n, AR_NAMES_LOAN, ar_names__loanwords,
		        ar_names__loanwords_len, "(built-in loanwords)", err);
		if (st != AR_OK)
			return st;
	}
	return AR_OK;
}

ar_status ar_names__parse_words(ar_names *n, unsigned flag, const char *text,
                                size_t len, const char *source, ar_error *err)
{
	size_t i = 0, bad;
	uint64_t line = 0;

	if (!ar_utf8_valid(text, len, &bad)) {
		size_t k;
		uint64_t l = 1;
		for (k = 0; k < bad; k++)
			if (text[k] == '\n')
				l++;
		ar_error__set(err, l, 0, bad, "%s:%llu: invalid UTF-8", source,
		              (unsigned long long)l);
		if (err)
			snprintf(err->source, sizeof err->source, "%s", source);
		return AR_EUTF8;
	}
	while (i < len) {
		const char *s = text + i;
		size_t e = i, l;
		const char *slash;
		while (e < len && text[e] != '\n')
			e++;
		l = e - i;
		i = e + 1;
		line++;
		if (trim_cr(s, l))
			l--;
		if (flag == AR_NAMES_PERSONAL &&
		    (slash = memchr(s, '/', l)) != NULL)
			l = (size_t)(slash - s);
		while (l && (s[l - 1] == ' ' || s[l - 1] == '\t'))
			l--;
		while (l && (s[0] == ' ' || s[0] == '\t'))
			s++, l--;
		if (l == 0 || s[0] == '#')
			continue;
		if (add_word(n, flag, s, l) == -1)
			return AR_ENOMEM;
	}
	return AR_OK;
}

/* ---- groups ----------------------------------------------------------- */

int ar_names__groups(const ar_names *n, long id, unsigned *groups,
                     unsigned *variants, int max)
{
	uint32_t m = n->words[id].groups;
	int k = 0;
	while (m && k < max) {
		groups[k] = n->members[m].group;
		variants[k] = n->members[m].variant;
		k++;
		m = n->members[m].next;
	}
	return k;
}

unsigned ar_names__ngroups(const ar_names *n)
{
	return (unsigned)n->ngroups;
}

long ar_names__group_word(const ar_names *n, unsigned group, unsigned variant,
                          unsigned *nvariants)
{
	if (nvariants)
		*nvariants = n->gcount[group];
	return n->gwords[n->gfirst[group] + variant];
}

/* ---- fuzzy index ------------------------------------------------------ */

/* Hash of a tagged code-point string with position `skip` left out
 * (skip >= n: nothing left out). */
static uint64_t hash_cps(char tag, const uint32_t *c, size_t n, size_t skip)
{
	uint32_t k[MAXW];
	size_t i, m = 0;
	for (i = 0; i < n && m < MAXW; i++)
		if (i != skip)
			k[m++] = c[i];
	return ar_hash__seeded((unsigned char)tag, (const char *)k,
	                       m * sizeof *k);
}

static int index_hash(ar_names *n, uint64_t h, uint32_t id)
{
	inode *x;
	size_t b;

	if ((n->nnodes + 1) > n->nbuckets * 2) {
		size_t nb = n->nbuckets ? n->nbuckets * 4 : 4096, i;
		uint32_t *bk = calloc(nb, sizeof *bk);
		if (!bk)
			return -1;
		for (i = 0; i < n->nnodes; i++) {
			size_t j = (size_t)n->nodes[i].h & (nb - 1);
			n->nodes[i].next = bk[j];
			bk[j] = (uint32_t)(i + 1);
		}
		free(n->buckets);
		n->buckets = bk;
		n->nbuckets = nb;
	}
	if (ar_array__grow((void **)&n->nodes, &n->anodes, n->nnodes + 1,
	                   sizeof *n->nodes) != 0)
		return -1;
	b = (size_t)h & (n->nbuckets - 1);
	x = &n->nodes[n->nnodes];
	x->h = h;
	x->word = id;
	x->next = n->buckets[b];
	n->buckets[b] = (uint32_t)++n->nnodes;
	return 0;
}

/* Index a code-point string under tag: itself and its deletions. */
static int index_cps(ar_names *n, char tag, const uint32_t *c, size_t len,
                     uint32_t id)
{
	size_t i;
	if (index_hash(n, hash_cps(tag, c, len, (size_t)-1), id) != 0)
		return -1;
	if (len < 3)
		return 0;
	for (i = 0; i < len; i++) {
		if (i > 0 && c[i] == c[i - 1])
			continue; /* same deletion as the previous one */
		if (index_hash(n, hash_cps(tag, c, len, i), id) != 0)
			return -1;
	}
	return 0;
}

/* Code points of the heavy fold of a light-folded word, and of its key. */
static int heavy_cps(ar_names *n, const char *f, size_t len, int script,
                     uint32_t *r, size_t *nr, uint32_t *k, size_t *nk)
{
	if (ar_names__fold(&n->tmp2, f, len, AR_FOLD_HEAVY) < 0)
		return -1;
	*nr = to_cps(r, MAXW, n->tmp2.ptr, n->tmp2.size);
	if (ar_names__key(&n->tmp3, n->tmp2.ptr, n->tmp2.size, script) != AR_OK)
		return -1;
	*nk = to_cps(k, MAXW, n->tmp3.ptr, n->tmp3.size);
	return 0;
}

static int build_index(ar_names *n)
{
	size_t i;
	uint32_t r[MAXW], k[MAXW];

	for (i = 0; i < n->nwords; i++) {
		word *w = &n->words[i];
		size_t nr, nk;
		if (w->indexed || !(w->flags & AR_NAMES_GAZ))
			continue;
		w->indexed = 1;
		if (w->script == AR_NAMES_OTHER || w->fold_len >= MAXW)
			continue;
		if (heavy_cps(n, wfold(n, w), w->fold_len, w->script, r, &nr, k,
		              &nk) != 0)
			return -1;
		if (nr < 3)
			continue;
		if (index_cps(n, 'R', r, nr, (uint32_t)i) != 0 ||
		    index_cps(n, 'K', k, nk, (uint32_t)i) != 0)
			return -1;
	}
	return 0;
}

/*
 * Is a candidate close enough, and at what cost?  n = length of the typo
 * in code points, d = distance of the heavy folds, kd = distance of the
 * keys, kl = length of the typo's key.  An equal key makes vowel and
 * doubling changes cheap; a one-letter key difference is allowed on
 * longer words.  Arabic words are shorter in letters (short vowels are
 * not written), so they get tighter bounds.
 */
static int accept_cost(int script, size_t n, size_t kl, int d, int kd)
{
	int ok;
	if (d == 0)
		ok = 1; /* differs only by alef, ya or ta marbuta */
	else if (script == AR_NAMES_LATIN)
		ok = (d <= 1 && n >= 4) || (d <= 2 && n >= 7) ||
		     (kd == 0 && n >= 4 && d <= (int)((n + 1) / 2) && d <= 3) ||
		     (kd <= 1 && kl >= 4 && n >= 6 && d <= 3);
	else
		ok = (d <= 1 && n >= 3) || (d <= 2 && n >= 6 && kd <= 1) ||
		     (kd == 0 && n >= 5 && d <= 2) ||
		     (kd == 0 && n >= 8 && d <= 3);
	if (!ok)
		return -1;
	/* the skeleton of an Arabic word says less than a Latin phonetic
	 * key: dotted-letter slips change it */
	if (script == AR_NAMES_LATIN)
		return d <= 1 ? 2 * d : 2 * d + 3 * kd;
	return 2 * d + kd;
}

int ar_names__match(ar_names *n, const char *folded, size_t len, int script,
                    ar_names_match *out, int max)
{
	uint32_t r[MAXW], k[MAXW], l[MAXW], cr[MAXW], ck[MAXW], cl[MAXW];
	size_t nr, nk, nl, i, nseen = 0;
	long seen[512];
	int nout = 0;
	uint64_t qs[2 * (MAXW + 1)];
	size_t nq = 0, q;

	if (script != AR_NAMES_ARABIC && script != AR_NAMES_LATIN)
		return 0;
	if (len >= MAXW || build_index(n) != 0)
		return len >= MAXW ? 0 : -1;
	if (!n->nbuckets)
		return 0;
	nl = to_cps(l, MAXW, folded, len);
	if (heavy_cps(n, folded, len, script, r, &nr, k, &nk) != 0)
		return -1;
	if (nr < 3)
		return 0;
	qs[nq++] = hash_cps('R', r, nr, (size_t)-1);
	for (i = 0; i < nr; i++)
		qs[nq++] = hash_cps('R', r, nr, i);
	qs[nq++] = hash_cps('K', k, nk, (size_t)-1);
	if (nk >= 3)
		for (i = 0; i < nk && nq < sizeof qs / sizeof qs[0]; i++)
			qs[nq++] = hash_cps('K', k, nk, i);
	for (q = 0; q < nq; q++) {
		uint32_t b = n->buckets[(size_t)qs[q] & (n->nbuckets - 1)];
		for (; b; b = n->nodes[b - 1].next) {
			const inode *x = &n->nodes[b - 1];
			const word *w;
			size_t ncr, nck, ncl, s;
			int d, dl, kd, cost, j;
			if (x->h != qs[q])
				continue;
			for (s = 0; s < nseen; s++)
				if (seen[s] == (long)x->word)
					break;
			if (s < nseen)
				continue;
			if (nseen < sizeof seen / sizeof seen[0])
				seen[nseen++] = (long)x->word;
			w = &n->words[x->word];
			if (w->script != script)
				continue;
			ncl = to_cps(cl, MAXW, wfold(n, w), w->fold_len);
			dl = osa(l, nl, cl, ncl);
			if (dl == 0)
				continue;
			if (heavy_cps(n, wfold(n, w), w->fold_len, script, cr,
			              &ncr, ck, &nck) != 0)
				return -1;
			d = osa(r, nr, cr, ncr);
			kd = osa(k, nk, ck, nck);
			cost = accept_cost(script, nr, nk, d, kd);
			if (cost < 0)
				continue;
			if (script == AR_NAMES_LATIN) {
				/* differences the heavy fold hides cost a
				 * little */
				if (dl > d)
					cost += 1;
				/* a different first letter is a less likely
				 * typo */
				if (r[0] != cr[0])
					cost += 1;
				/* ties go to the likelier edits */
				cost = cost * 64 + 4 * wosa(r, nr, cr, ncr);
			} else {
				/* Arabic: the number of edits, then how
				 * likely they are.  A slip to a letter of the
				 * same dotless shape or a neighbouring key is
				 * as likely as a long vowel dropped, though
				 * only the vowel keeps the skeleton: the
				 * skeleton only breaks ties. */
				cost = d * 64 + 4 * wosa(r, nr, cr, ncr) +
				       3 * kd + (dl > d ? 4 : 0) +
				       (r[0] != cr[0] ? 4 : 0);
			}
			/* then the commoner names (shared by several
			 * entries); less in Arabic, where the scale above is
			 * finer */
			cost -= (script == AR_NAMES_LATIN ? 3 : 2) *
			        (w->entries > 4   ? 3
			         : w->entries > 0 ? w->entries - 1
			                          : 0);
			/* insert in order: cost, then gazetteer order */
			for (j = nout; j > 0; j--) {
				const ar_names_match *p = &out[j - 1];
				if (p->cost < cost ||
				    (p->cost == cost && p->id < (long)x->word))
					break;
				if (j < max)
					out[j] = out[j - 1];
			}
			if (j < max) {
				out[j].id = (long)x->word;
				out[j].cost = cost;
				out[j].dist = dl;
				out[j].kdist = kd;
				if (nout < max)
					nout++;
			}
		}
	}
	return nout;
}
